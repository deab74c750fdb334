package construct

import (
	"go/ast"
	"go/build"
	"go/constant"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// Conditional constructions inside dependencies (design.md, same name):
// in the user's module a construction on any path counts; in a
// dependency only on the paths the caller controls by what it passes —
// unconditional ones, and the default taken when an option or parameter
// is nil or zero. A branch on environment or content (a value starting
// with "env://", a flag read from a file) does not make a widely used
// getter "construct on every call".

// isDependency reports whether pass's package is outside the user's
// module(s): a module with a version (the main and workspace modules
// have none), or the standard library. Without module information
// (GOPATH mode, the tests), a package whose path starts with a domain
// name is a dependency.
func isDependency(pass *analysis.Pass) bool {
	if m := pass.Module; m != nil && m.Path != "" {
		return m.Version != "" && !m.Main
	}
	if inGOROOT(pass) {
		return true
	}
	first, _, _ := strings.Cut(pass.Pkg.Path(), "/")
	return strings.Contains(first, ".")
}

// inGOROOT reports whether pass's files are in the standard library:
// under GOROOT/src, whose go.mod declares module std.
func inGOROOT(pass *analysis.Pass) bool {
	if len(pass.Files) == 0 {
		return false
	}
	name := filepath.ToSlash(pass.Fset.File(pass.Files[0].FileStart).Name())
	i := strings.LastIndex(name, "/src/"+pass.Pkg.Path()+"/")
	if i < 0 {
		return false
	}
	if root := filepath.ToSlash(build.Default.GOROOT); root != "" && name[:i] == strings.TrimSuffix(root, "/") {
		return true
	}
	mod, err := os.ReadFile(filepath.FromSlash(name[:i] + "/src/go.mod"))
	return err == nil && strings.HasPrefix(string(mod), "module std\n")
}

// siteName names a construction site for a fact. In the user's module it
// is "file:line:col", placed as a related location by the reporting
// analyzers; in a dependency it is "module@version/path:line", never a
// machine path, so that a reader can judge it (design.md,
// "Conditional constructions inside dependencies").
func (a *analyzer) siteName(pos token.Pos) string {
	p := a.pass.Fset.Position(pos)
	if !a.dependency {
		return p.String()
	}
	dir := a.pass.Pkg.Path()
	if m := a.pass.Module; m != nil && m.Path != "" && m.Version != "" && (dir == m.Path || strings.HasPrefix(dir, m.Path+"/")) {
		dir = m.Path + "@" + m.Version + strings.TrimPrefix(dir, m.Path)
	}
	return dir + "/" + filepath.Base(p.Filename) + ":" + strconv.Itoa(p.Line)
}

// callerControlled reports whether every branch around the construction
// at cur, up to its function declaration, is taken on a nil or zero
// test of what the caller passes: a parameter, the receiver, or a local
// built from them.
func (a *analyzer) callerControlled(cur inspector.Cursor) bool {
	child := cur
	for p := cur.Parent(); p.Valid(); child, p = p, p.Parent() {
		switch n := p.Node().(type) {
		case *ast.FuncDecl, *ast.File:
			return true
		case *ast.IfStmt:
			if k := child.ParentEdgeKind(); (k == edge.IfStmt_Body || k == edge.IfStmt_Else) && !a.nilOrZeroTest(p, n.Cond) {
				return false
			}
		case *ast.CaseClause:
			if child.ParentEdgeKind() != edge.CaseClause_Body {
				continue
			}
			sw, ok := p.Parent().Parent().Node().(*ast.SwitchStmt)
			if !ok || sw.Tag != nil {
				return false // a type switch, or a switch on a value
			}
			for _, e := range n.List {
				if !a.nilOrZeroTest(p, e) {
					return false
				}
			}
		case *ast.CommClause:
			if child.ParentEdgeKind() == edge.CommClause_Body {
				return false // whichever channel is ready
			}
		}
	}
	return true
}

// nilOrZeroTest reports whether every comparison in cond compares a
// caller-controlled value with nil or a zero constant (opts == nil,
// opts.Transport == nil, len(opts.Hosts) == 0, cfg.Timeout != 0).
func (a *analyzer) nilOrZeroTest(at inspector.Cursor, cond ast.Expr) bool {
	switch e := ast.Unparen(cond).(type) {
	case *ast.UnaryExpr:
		return e.Op == token.NOT && a.nilOrZeroTest(at, e.X)
	case *ast.BinaryExpr:
		switch e.Op {
		case token.LAND, token.LOR:
			return a.nilOrZeroTest(at, e.X) && a.nilOrZeroTest(at, e.Y)
		case token.EQL, token.NEQ:
			x, y := e.X, e.Y
			if a.isNilOrZero(x) {
				x, y = y, x
			}
			return a.isNilOrZero(y) && a.callerDerived(at, x, 0)
		}
	}
	return false
}

// isNilOrZero reports whether e is nil or a zero constant (0, "",
// false).
func (a *analyzer) isNilOrZero(e ast.Expr) bool {
	if a.isNil(e) {
		return true
	}
	tv, ok := a.pass.TypesInfo.Types[e]
	if !ok || tv.Value == nil {
		return false
	}
	switch v := tv.Value; v.Kind() {
	case constant.Int, constant.Float:
		return constant.Sign(v) == 0
	case constant.String:
		return constant.StringVal(v) == ""
	case constant.Bool:
		return !constant.BoolVal(v)
	}
	return false
}

// callerDerived reports whether e is what the caller controls: rooted
// at a parameter or the receiver of the function around at (through
// fields, indexes, len), or at a local built from them or from a
// literal (o := options{}; for _, f := range opts { f(&o) }).
func (a *analyzer) callerDerived(at inspector.Cursor, e ast.Expr, depth int) bool {
	if depth > 3 {
		return false
	}
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok && isBuiltinCall(a.pass.TypesInfo, call) && len(call.Args) == 1 {
		e = call.Args[0] // len(opts.Hosts)
	}
	id := rootIdent(e)
	if id == nil {
		return false
	}
	v, ok := a.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || a.isPackageVar(v) {
		return false
	}
	fn := a.funcScope(at)
	if !fn.Valid() {
		return false
	}
	if within(v.Pos(), fn.Node()) && !within(v.Pos(), bodyOf(fn.Node())) {
		return true // a parameter or the receiver
	}
	if !within(v.Pos(), bodyOf(fn.Node())) {
		return false // captured from outside
	}
	for val := range a.valuesOf(fn, v) {
		if !a.builtFromCaller(at, val, depth) {
			return false
		}
	}
	return true
}

// builtFromCaller reports whether a local's value comes from the caller
// or a literal: a composite literal, new, an expression rooted at a
// parameter, or a call given one.
func (a *analyzer) builtFromCaller(at inspector.Cursor, val ast.Expr, depth int) bool {
	switch v := stripValue(val).(type) {
	case *ast.CompositeLit:
		return true
	case *ast.CallExpr:
		if isBuiltinCall(a.pass.TypesInfo, v) && len(v.Args) == 1 {
			if tv, ok := a.pass.TypesInfo.Types[v.Args[0]]; ok && tv.IsType() {
				return true // new(T)
			}
		}
		if sel, ok := ast.Unparen(v.Fun).(*ast.SelectorExpr); ok && a.callerDerived(at, sel.X, depth+1) {
			return true // opts.toConfig()
		}
		for _, arg := range v.Args {
			if a.callerDerived(at, arg, depth+1) {
				return true // newOptions(opts...)
			}
		}
		return false
	}
	return a.callerDerived(at, val, depth+1)
}
