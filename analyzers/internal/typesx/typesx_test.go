package typesx_test

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"github.com/snatlint/snatlint/analyzers/internal/typesx"
	"golang.org/x/tools/go/ast/inspector"
)

const src = `package p

import "net/http"

type Alias = http.Client

type T struct{}

func (T) M() {}

func F() {}

var (
	a Alias
	b *http.Client
	c http.Transport
)

func use(i interface{ M() }) {
	F()
	T{}.M()
	i.M()
	f := F
	f()
}

func G[X any](x X) X { return x }

type S struct{ fn func() }

func values(i interface{ M() }, s S) {
	_ = F
	_ = T{}.M
	_ = T.M
	_ = G[int]
	_ = i.M
	_ = s.fn
	_ = (F)
}

func twice() {
	g := F
	g = F
	g()
}

func addr() {
	h := F
	_ = &h
	h()
}

func multi() (func(), error) {
	k, err := multi()
	k()
	return k, err
}
`

func TestTypesx(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Uses: map[*ast.Ident]types.Object{}, Defs: map[*ast.Ident]types.Object{}, Selections: map[*ast.SelectorExpr]*types.Selection{}, Types: map[ast.Expr]types.TypeAndValue{}}
	pkg, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	typeOf := func(name string) types.Type { return pkg.Scope().Lookup(name).Type() }
	typeTests := []struct {
		name string
		got  bool
		want bool
	}{
		{"alias is http.Client", typesx.IsNamed(typeOf("a"), "net/http", "Client"), true},
		{"pointer is not named", typesx.IsNamed(typeOf("b"), "net/http", "Client"), false},
		{"pointer to http.Client", typesx.IsPointerToNamed(typeOf("b"), "net/http", "Client"), true},
		{"transport is not client", typesx.IsNamed(typeOf("c"), "net/http", "Client"), false},
	}
	for _, tt := range typeTests {
		if tt.got != tt.want {
			t.Errorf("%s: got %v, want %v", tt.name, tt.got, tt.want)
		}
	}

	var values []string
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Name.Name != "values" {
			continue
		}
		for _, st := range fd.Body.List {
			rhs := st.(*ast.AssignStmt).Rhs[0]
			name := "<nil>"
			if fn := typesx.FuncValue(info, rhs); fn != nil {
				name = typesx.FuncName(fn, pkg)
			}
			values = append(values, name)
		}
	}
	if got, want := strings.Join(values, " "), "F T.M T.M G <nil> <nil> F"; got != want {
		t.Errorf("FuncValue: got %s, want %s", got, want)
	}

	// BoundOnce: the value of f in use(); nil for g (bound twice), h
	// (address taken) and k (a multi-value assignment).
	bound := map[string]string{}
	for c := range inspector.New([]*ast.File{f}).Root().Preorder((*ast.CallExpr)(nil)) {
		id, ok := c.Node().(*ast.CallExpr).Fun.(*ast.Ident)
		if !ok {
			continue
		}
		v, ok := info.Uses[id].(*types.Var)
		if !ok {
			continue
		}
		got := "<nil>"
		if e := typesx.BoundOnce(info, c, v); e != nil {
			got = types.ExprString(e)
		}
		bound[id.Name] = got
	}
	if got, want := fmt.Sprint(bound), "map[f:F g:<nil> h:<nil> k:<nil>]"; got != want {
		t.Errorf("BoundOnce: got %s, want %s", got, want)
	}

	var callees []string
	ast.Inspect(f, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			name := "<dynamic>"
			if fn := typesx.StaticCallee(info, call); fn != nil {
				name = typesx.FuncName(fn, pkg)
			}
			callees = append(callees, name)
		}
		return true
	})
	want := []string{"F", "T.M", "<dynamic>", "<dynamic>", "<dynamic>", "<dynamic>", "multi", "<dynamic>"}
	if len(callees) != len(want) {
		t.Fatalf("callees = %v, want %v", callees, want)
	}
	for i := range want {
		if callees[i] != want[i] {
			t.Errorf("callee %d = %s, want %s", i, callees[i], want[i])
		}
	}
}
