package analyzers_test

import (
	"go/ast"
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
// analyzers (sdkclient, datastore), positives and silent twins.
var rowFixtures = []string{"sdk/aws", "sdk/awssilent", "store/handlers", "store/silent"}

// rowFixtureProviders are the providers of issue 10 with Go rows (Google
// Cloud has none: the facts find its clients).
var rowFixtureProviders = []string{"aws", "sqldb", "redis", "mongo", "grpc"}

// rowCoverage is where the fixtures call one row.
type rowCoverage struct {
	handler, loop bool // a call with a // want in an HTTP handler, in a loop
	once          bool // a call without // want at package level or in a sync.Once* function
}

// TestRowFixtures checks, from the catalog, that every Go row of the new
// providers has in the analyzers' fixtures a call with a // want in an
// HTTP handler and one in a loop, and a silent twin built once (package
// level, or in a function given to sync.OnceValue(s)/OnceFunc or
// (*sync.Once).Do). Calls are resolved with types, through the catalog,
// as the analyzers resolve them: a fixture that misspells a name or calls
// a look-alike does not count.
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
					call, ok := n.(*ast.CallExpr)
					if !ok {
						return true
					}
					fn, _ := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
					m, ok := catalog.GoCatalog{}.Call(fn)
					if !ok {
						return true
					}
					pos := pass.Fset.Position(call.Pos())
					handler, loop, once, pkgLevel := siteOf(pass, stack)
					mu.Lock()
					c := cov[m.Row]
					if c == nil {
						c = &rowCoverage{}
						cov[m.Row] = c
					}
					want := wants[pos.Line]
					c.handler = c.handler || want && handler
					c.loop = c.loop || want && loop
					c.once = c.once || !want && (once || pkgLevel)
					mu.Unlock()
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
			if r.Lang != catalog.Go || r.Silent != "" {
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
	if n < 20 {
		t.Errorf("only %d Go rows in %v: the catalog lost rows", n, rowFixtureProviders)
	}
	t.Logf("%d Go rows covered in %v", n, rowFixtures)
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

// discard is an analysistest.Testing that drops its errors.
type discard struct{}

func (discard) Errorf(string, ...any) {}
