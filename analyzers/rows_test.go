package analyzers_test

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/snatlint/snatlint/analyzers/catalog"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/types/typeutil"
)

// rowFixtures are the analysistest packages of the SNAT006 and SNAT007
// analyzers (sdkclient, datastore) and the SNAT008 ones (httpclient),
// positives and silent twins.
var rowFixtures = []string{"sdk/aws", "sdk/awssilent", "store/handlers", "store/silent", "httpx/keepalive"}

// rowFixtureProviders are the providers of issue 10 with Go rows (Google
// Cloud has none: the facts find its clients).
var rowFixtureProviders = []string{"aws", "sqldb", "redis", "mongo", "grpc"}

// rowCoverage is where the fixtures call one row.
type rowCoverage struct {
	handler, loop bool // a call with a // want in an HTTP handler, in a loop
	once          bool // a call without // want at package level or in a sync.Once* function
	// setting rows: a // want at package level, and a constant that
	// leaves keep-alive on without a // want
	pkgWant, keepOn bool
}

// TestRowFixtures checks, from the catalog, that every Go row of the new
// providers has in the analyzers' fixtures a call with a // want in an
// HTTP handler and one in a loop, and a silent twin built once (package
// level, or in a function given to sync.OnceValue(s)/OnceFunc or
// (*sync.Once).Do). Calls are resolved with types, through the catalog,
// as the analyzers resolve them: a fixture that misspells a name or calls
// a look-alike does not count. The SNAT008 setting rows are checked the
// same way on their fields (see the end of the test).
func TestRowFixtures(t *testing.T) {
	cov := map[*catalog.Row]*rowCoverage{}
	var mu sync.Mutex
	probe := &analysis.Analyzer{
		Name: "rowprobe",
		Doc:  "records where the fixtures call catalog rows",
		Run: func(pass *analysis.Pass) (any, error) {
			for _, f := range pass.Files {
				wants := map[int]bool{}
				for _, cg := range f.Comments {
					for _, c := range cg.List {
						if strings.HasPrefix(c.Text, "// want") {
							wants[pass.Fset.Position(c.Pos()).Line] = true
						}
					}
				}
				var stack []ast.Node
				ast.Inspect(f, func(n ast.Node) bool {
					if n == nil {
						stack = stack[:len(stack)-1]
						return true
					}
					stack = append(stack, n)
					record := func(r *catalog.Row, at token.Pos, on bool) {
						line := pass.Fset.Position(at).Line
						handler, loop, once, pkgLevel := siteOf(pass, stack)
						mu.Lock()
						defer mu.Unlock()
						c := cov[r]
						if c == nil {
							c = &rowCoverage{}
							cov[r] = c
						}
						want := wants[line]
						if !on {
							c.keepOn = c.keepOn || !want
							return
						}
						c.handler = c.handler || want && handler
						c.loop = c.loop || want && loop
						c.pkgWant = c.pkgWant || want && pkgLevel
						c.once = c.once || !want && (once || pkgLevel)
					}
					for _, st := range settingSites(pass, n) {
						record(st.row, st.at, st.on)
					}
					call, ok := n.(*ast.CallExpr)
					if !ok {
						return true
					}
					fn, _ := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
					if m, ok := (catalog.GoCatalog{}).Call(fn); ok {
						record(m.Row, call.Pos(), true)
					}
					return true
				})
			}
			return nil, nil
		},
	}
	dir, err := filepath.Abs(filepath.Join("..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	// the probe reports nothing, so analysistest's // want checks fail by
	// design: only load and type errors matter here
	for _, r := range analysistest.Run(discard{}, dir, probe, rowFixtures...) {
		if r.Err != nil {
			t.Fatalf("%s: %v", r.Pass.Pkg.Path(), r.Err)
		}
	}
	n := 0
	for _, p := range catalog.Providers() {
		if !slices.Contains(rowFixtureProviders, strings.TrimSuffix(filepath.Base(p.File), ".yaml")) {
			continue
		}
		for _, r := range p.Rows {
			if r.Lang != catalog.Go || r.Silent != "" || r.IsSetting() {
				continue
			}
			n++
			c := cov[r]
			if c == nil {
				t.Errorf("%s:%d: %s: no fixture calls it", r.Source, r.Line, r)
				continue
			}
			if !c.handler {
				t.Errorf("%s:%d: %s: no // want positive in an HTTP handler", r.Source, r.Line, r)
			}
			if !c.loop {
				t.Errorf("%s:%d: %s: no // want positive in a loop", r.Source, r.Line, r)
			}
			if !c.once {
				t.Errorf("%s:%d: %s: no silent twin at package level or behind sync.Once*", r.Source, r.Line, r)
			}
		}
	}
	// SNAT008 setting rows (every provider): per request, a // want in a
	// handler and in a loop and a silent twin built once; anywhere, a
	// // want in a handler, in a loop and at package level, and a silent
	// twin that leaves keep-alive on
	settings := 0
	for _, r := range catalog.BuiltinRows() {
		if r.Lang != catalog.Go || !r.IsSetting() {
			continue
		}
		settings++
		c := cov[r]
		if c == nil {
			t.Errorf("%s:%d: setting %s %s: no fixture sets it", r.Source, r.Line, r, r.SettingText())
			continue
		}
		if !c.handler || !c.loop {
			t.Errorf("%s:%d: setting %s %s: want a // want in a handler (%v) and in a loop (%v)", r.Source, r.Line, r, r.SettingText(), c.handler, c.loop)
		}
		if r.Scope == catalog.Anywhere && (!c.pkgWant || !c.keepOn) {
			t.Errorf("%s:%d: setting %s %s: want a // want at package level (%v) and a silent keep-alive-on twin (%v)", r.Source, r.Line, r, r.SettingText(), c.pkgWant, c.keepOn)
		}
		if r.Scope == catalog.PerRequest && !c.once {
			t.Errorf("%s:%d: setting %s %s: no silent twin at package level or behind sync.Once*", r.Source, r.Line, r, r.SettingText())
		}
	}
	if settings < 3 {
		t.Errorf("only %d Go setting rows: the catalog lost rows", settings)
	}
	if n < 20 {
		t.Errorf("only %d Go rows in %v: the catalog lost rows", n, rowFixtureProviders)
	}
	t.Logf("%d Go rows and %d Go setting rows covered in %v", n, settings, rowFixtures)
}

// siteOf classifies the call at the top of stack: in a function with
// http.ResponseWriter and *http.Request parameters, in a loop of its
// function, in a function literal given to sync.OnceValue(s)/OnceFunc or
// (*sync.Once).Do, or at package level.
func siteOf(pass *analysis.Pass, stack []ast.Node) (handler, loop, once, pkgLevel bool) {
	pkgLevel = true
	for i := len(stack) - 2; i >= 0; i-- {
		switch n := stack[i].(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			if pkgLevel { // no function boundary crossed yet
				loop = true
			}
		case *ast.FuncLit:
			if pkgLevel && i > 0 {
				if c, ok := stack[i-1].(*ast.CallExpr); ok && isOnce(pass, c) {
					once = true
				}
			}
			if pkgLevel && isHandler(pass, n.Type) {
				handler = true
			}
			pkgLevel = false
		case *ast.FuncDecl:
			if pkgLevel && isHandler(pass, n.Type) {
				handler = true
			}
			pkgLevel = false
		}
	}
	return
}

func isHandler(pass *analysis.Pass, ft *ast.FuncType) bool {
	var w, r bool
	for _, f := range ft.Params.List {
		switch types.TypeString(pass.TypesInfo.TypeOf(f.Type), nil) {
		case "net/http.ResponseWriter":
			w = true
		case "*net/http.Request":
			r = true
		}
	}
	return w && r
}

func isOnce(pass *analysis.Pass, c *ast.CallExpr) bool {
	fn, _ := typeutil.Callee(pass.TypesInfo, c).(*types.Func)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "sync" {
		return false
	}
	switch fn.Name() {
	case "OnceValue", "OnceValues", "OnceFunc", "Do":
		return true
	}
	return false
}

type settingSite struct {
	row *catalog.Row
	at  token.Pos
	on  bool // the constant is the setting (false: keep-alive left on)
}

// settingSites are the setting rows node n sets to a constant: a field
// key of a struct literal (DisableKeepAlives: true), an assignment to a
// field (req.Close = true), or a header row's Set/Add call on the field
// (req.Header.Set("Connection", "close")). Fields are resolved with
// types through the catalog.
func settingSites(pass *analysis.Pass, n ast.Node) []settingSite {
	var out []settingSite
	field := func(e ast.Expr) *types.Var {
		var id *ast.Ident
		switch e := e.(type) {
		case *ast.Ident:
			id = e
		case *ast.SelectorExpr:
			id = e.Sel
		default:
			return nil
		}
		v, _ := pass.TypesInfo.Uses[id].(*types.Var)
		return v
	}
	value := func(e ast.Expr) (string, bool) {
		tv, ok := pass.TypesInfo.Types[e]
		if !ok || tv.Value == nil {
			return "", false
		}
		if tv.Value.Kind() == constant.String {
			return constant.StringVal(tv.Value), true
		}
		return tv.Value.ExactString(), true
	}
	add := func(v *types.Var, e ast.Expr, at token.Pos) {
		val, ok := value(e)
		if !ok {
			return
		}
		for _, s := range (catalog.GoCatalog{}).Field(v) {
			if s.Row.Header == "" {
				out = append(out, settingSite{s.Row, at, s.Row.MatchValue(val)})
			}
		}
	}
	switch n := n.(type) {
	case *ast.KeyValueExpr:
		add(field(n.Key), n.Value, n.Pos())
	case *ast.AssignStmt:
		if len(n.Lhs) == len(n.Rhs) {
			for i, l := range n.Lhs {
				add(field(l), n.Rhs[i], n.Pos())
			}
		}
	case *ast.CallExpr:
		sel, ok := n.Fun.(*ast.SelectorExpr)
		if !ok || (sel.Sel.Name != "Set" && sel.Sel.Name != "Add") || len(n.Args) != 2 {
			break
		}
		name, ok1 := value(n.Args[0])
		val, ok2 := value(n.Args[1])
		if !ok1 || !ok2 {
			break
		}
		for _, s := range (catalog.GoCatalog{}).Field(field(sel.X)) {
			if s.Row.MatchHeader(name) {
				out = append(out, settingSite{s.Row, n.Pos(), s.Row.MatchValue(val)})
			}
		}
	}
	return out
}

// discard is an analysistest.Testing that drops its errors.
type discard struct{}

func (discard) Errorf(string, ...any) {}
