package construct

import (
	"go/ast"
	"go/types"

	"github.com/snatlint/snatlint/analyzers/internal/typesx"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// Closures are part of the function that calls them (design.md): a
// function literal that the function runs — called at once, started with
// go or defer, given to errgroup or WaitGroup Go, assigned to a local
// that is called, or passed to a local closure that calls it — performs
// its constructions on every call of the function, and the values it
// returns go where its calls put them.

// runsNow reports whether the function literal at lit runs whenever the
// code around it does.
func (a *analyzer) runsNow(lit inspector.Cursor) bool {
	switch lit.ParentEdgeKind() {
	case edge.CallExpr_Fun:
		return true // func(){...}(), go func(){...}(), defer func(){...}()
	case edge.CallExpr_Args:
		call := lit.Parent().Node().(*ast.CallExpr)
		fn := typesx.StaticCallee(a.pass.TypesInfo, call)
		if fn != nil && fn.Name() == "Go" && (typesx.IsMethod(fn, "golang.org/x/sync/errgroup", "Group", "Go") || typesx.IsMethod(fn, "sync", "WaitGroup", "Go")) {
			return true
		}
	}
	return len(a.litCalls(lit)) > 0
}

// litCalls returns the calls that run the function literal at lit: a
// call of it, of the local variable it is assigned to, or, when it is an
// argument of a local closure (add := func(f func() T) {...}; add(func()
// T {...})), of that closure's parameter.
func (a *analyzer) litCalls(lit inspector.Cursor) []inspector.Cursor {
	if calls, ok := a.litMemo[lit.Node()]; ok {
		return calls
	}
	a.litMemo[lit.Node()] = nil // a literal passed to itself calls nothing more
	var calls []inspector.Cursor
	switch lit.ParentEdgeKind() {
	case edge.CallExpr_Fun:
		calls = []inspector.Cursor{lit.Parent()}
	case edge.CallExpr_Args:
		if p := a.closureParam(lit.Parent(), lit.ParentEdgeIndex()); p != nil {
			calls = a.callsOf(p)
		}
	default:
		if v := a.closureVar(lit); v != nil {
			calls = a.callsOf(v)
		}
	}
	a.litMemo[lit.Node()] = calls
	return calls
}

// callsOf returns the calls of the local function value v.
func (a *analyzer) callsOf(v types.Object) []inspector.Cursor {
	var calls []inspector.Cursor
	for _, u := range a.usesOf(v) {
		if u.ParentEdgeKind() == edge.CallExpr_Fun {
			calls = append(calls, u.Parent())
		}
	}
	return calls
}

// closureParam is the parameter, at argument index i, of the local
// closure that call calls (a variable assigned once, from a function
// literal), or nil.
func (a *analyzer) closureParam(call inspector.Cursor, i int) types.Object {
	ce := call.Node().(*ast.CallExpr)
	id, ok := ast.Unparen(ce.Fun).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := a.pass.TypesInfo.Uses[id].(*types.Var)
	decl := enclosingDecl(call)
	if !ok || a.isPackageVar(v) || !decl.Valid() {
		return nil
	}
	var lit *ast.FuncLit
	n := 0
	for val := range a.valuesOf(decl, v) {
		n++
		lit, _ = ast.Unparen(val).(*ast.FuncLit)
	}
	if n != 1 || lit == nil {
		return nil
	}
	k := 0
	for _, field := range lit.Type.Params.List {
		for _, name := range field.Names {
			if k == i {
				return a.pass.TypesInfo.Defs[name]
			}
			k++
		}
		if len(field.Names) == 0 {
			k++
		}
	}
	return nil
}

// closureVar is the local variable a function literal is assigned to
// (newRT := func() ... {...}; var f = func() {...}), or nil.
func (a *analyzer) closureVar(lit inspector.Cursor) types.Object {
	var id *ast.Ident
	switch lit.ParentEdgeKind() {
	case edge.AssignStmt_Rhs:
		as := lit.Parent().Node().(*ast.AssignStmt)
		if len(as.Lhs) == len(as.Rhs) {
			id, _ = as.Lhs[lit.ParentEdgeIndex()].(*ast.Ident)
		}
	case edge.ValueSpec_Values:
		vs := lit.Parent().Node().(*ast.ValueSpec)
		if len(vs.Names) == len(vs.Values) {
			id = vs.Names[lit.ParentEdgeIndex()]
		}
	}
	if id == nil {
		return nil
	}
	v, ok := a.pass.TypesInfo.ObjectOf(id).(*types.Var)
	if !ok || a.isPackageVar(v) || v.IsField() {
		return nil
	}
	return v
}

// retainedReturn follows a value returned by a function literal to the
// calls that run it; a value returned by a declared function is not
// kept (its callers see the fact).
func (a *analyzer) retainedReturn(ret inspector.Cursor, p *pool, depth int) keep {
	var lit inspector.Cursor
	for c := range ret.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		if _, ok := c.Node().(*ast.FuncLit); ok {
			lit = c
		}
		break
	}
	if !lit.Valid() {
		a.hitReturn = true // the function returns the pool or what holds it
		return keepNone
	}
	best := keepNone
	for _, call := range a.litCalls(lit) {
		if best = max(best, a.retained(call, p, depth+1)); best == keepLong {
			break
		}
	}
	return best
}
