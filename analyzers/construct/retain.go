package construct

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/snatlint/snatlint/analyzers/hotpath"
	"github.com/snatlint/snatlint/analyzers/internal/typesx"
	"github.com/snatlint/snatlint/analyzers/policy"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// Retention follows the pool (design.md, "Retained values are not per
// request", "Retention follows the pool", "Collections retain their
// elements"): a construction is cached when the value that owns the pool,
// or a value holding it, is stored where it outlives the run that built
// it. Storing an unrelated result of a call that built a pool (an int, a
// parsed body) retains nothing.

// keep is how long a construction's value is kept.
type keep uint8

const (
	// keepNone: built per run (per request, per iteration, per call).
	keepNone keep = iota
	// keepCall: kept across the iterations of a loop in a collection or
	// value local to the function: the loop builds a cache, not a pool
	// per iteration, but the function builds it on every call.
	keepCall
	// keepLong: kept beyond the call (a package-level variable, a field
	// of a long-lived value, a parameter's map): a cache.
	keepLong
)

// maxDepth bounds how far values are followed through local variables
// and the calls that wrap them.
const maxDepth = 4

// retained says how long the value of the expression at cur, which is or
// holds the pool p, is kept: stored into a package-level variable, a
// field, an element of a map or slice, directly, inside a composite
// literal or append, through local variables, or through a constructor
// or setter that keeps it.
func (a *analyzer) retained(cur inspector.Cursor, p *pool, depth int) keep {
	if depth > maxDepth {
		return keepNone
	}
	for {
		parent := cur.Parent()
		if !parent.Valid() {
			return keepNone
		}
		switch cur.ParentEdgeKind() {
		case edge.ParenExpr_X, edge.StarExpr_X, edge.TypeAssertExpr_X:
			cur = parent
		case edge.CompositeLit_Elts:
			cur, p = parent, p.with(a.pass.TypesInfo.TypeOf(parent.Node().(ast.Expr))) // the literal holds it
		case edge.UnaryExpr_X:
			if parent.Node().(*ast.UnaryExpr).Op != token.AND {
				return keepNone
			}
			cur = parent
		case edge.KeyValueExpr_Value:
			lit := parent.Parent() // the composite literal
			cur, p = lit, p.with(a.pass.TypesInfo.TypeOf(lit.Node().(ast.Expr)))
		case edge.CallExpr_Args:
			next, k, done := a.throughCall(parent, cur, p, depth)
			if done {
				return k
			}
			cur, p = next, p.with(a.pass.TypesInfo.TypeOf(next.Node().(ast.Expr)))
		case edge.AssignStmt_Rhs:
			return a.retainedAssign(parent, cur, p, depth)
		case edge.ValueSpec_Values:
			return a.retainedSpec(parent, cur, p, depth)
		case edge.ReturnStmt_Results:
			return a.retainedReturn(parent, p, depth)
		default:
			return keepNone
		}
	}
}

// throughCall follows a value passed to a call: append and conversions
// pass it on, a sync.Map store keeps it in the map, a constructor or
// wrapper whose result holds it passes it on as that result, and a
// method of a value that can hold it (queue.SetClient(c)) keeps it in
// the receiver. It returns the call's cursor to go on from, or the
// decision.
func (a *analyzer) throughCall(call, arg inspector.Cursor, p *pool, depth int) (next inspector.Cursor, k keep, done bool) {
	info := a.pass.TypesInfo
	ce := call.Node().(*ast.CallExpr)
	if m := a.syncMapStore(ce); m != nil {
		return call, a.retainedRoot(rootIdent(m), arg, p, depth), true // cache.Store(k, c)
	}
	if a.isAppend(ce) {
		return call, keepNone, false
	}
	if tv, ok := info.Types[ce.Fun]; ok && tv.IsType() {
		return call, keepNone, false // a conversion
	}
	if isBuiltinCall(info, ce) {
		return call, keepNone, true
	}
	if a.holds(info.TypeOf(ce), p) {
		return call, keepNone, false // NewQueryable(c), s3.New(s3.Options{HTTPClient: c})
	}
	if sel, ok := ast.Unparen(ce.Fun).(*ast.SelectorExpr); ok {
		if s, ok := info.Selections[sel]; ok && s.Kind() == types.MethodVal && a.holdsConcrete(s.Recv(), p) {
			return call, a.retainedRoot(rootIdent(sel.X), arg, p, depth), true // queue.SetClient(c)
		}
	}
	return call, keepNone, true
}

func isBuiltinCall(info *types.Info, call *ast.CallExpr) bool {
	tv, ok := info.Types[call.Fun]
	return ok && tv.IsBuiltin()
}

// retainedAssign decides a value assigned by "lhs = rhs": the left-hand
// sides that can hold the pool decide (c, err := NewClient()).
func (a *analyzer) retainedAssign(stmt, rhs inspector.Cursor, p *pool, depth int) keep {
	as := stmt.Node().(*ast.AssignStmt)
	if len(as.Lhs) == len(as.Rhs) {
		return a.retainedLHS(stmt.ChildAt(edge.AssignStmt_Lhs, rhs.ParentEdgeIndex()), rhs, p, depth)
	}
	best := keepNone
	for i, l := range as.Lhs {
		if t := a.pass.TypesInfo.TypeOf(l); t != nil && !a.holds(t, p) {
			continue // err, n, ok: not the pool
		}
		best = max(best, a.retainedLHS(stmt.ChildAt(edge.AssignStmt_Lhs, i), rhs, p, depth))
	}
	return best
}

// retainedSpec decides a value in "var x = v".
func (a *analyzer) retainedSpec(spec, val inspector.Cursor, p *pool, depth int) keep {
	vs := spec.Node().(*ast.ValueSpec)
	names := vs.Names
	if len(vs.Names) == len(vs.Values) {
		names = vs.Names[val.ParentEdgeIndex() : val.ParentEdgeIndex()+1]
	}
	best := keepNone
	for _, n := range names {
		obj := a.pass.TypesInfo.Defs[n]
		switch {
		case obj == nil || len(names) > 1 && !a.holds(obj.Type(), p):
		case a.isPackageVar(obj):
			return keepLong
		default:
			best = max(best, a.retainedVar(obj, val, p, depth))
		}
	}
	return best
}

// syncMapStore returns m for m.Store, m.LoadOrStore, m.Swap and
// m.CompareAndSwap calls on a sync.Map, else nil.
func (a *analyzer) syncMapStore(call *ast.CallExpr) ast.Expr {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	fn := typesx.StaticCallee(a.pass.TypesInfo, call)
	for _, name := range []string{"Store", "LoadOrStore", "Swap", "CompareAndSwap"} {
		if typesx.IsMethod(fn, "sync", "Map", name) {
			return sel.X
		}
	}
	return nil
}

func (a *analyzer) isAppend(call *ast.CallExpr) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := a.pass.TypesInfo.Uses[id].(*types.Builtin)
	return ok && b.Name() == "append"
}

// retainedLHS decides storing the value built at site into lhs.
func (a *analyzer) retainedLHS(lhs, site inspector.Cursor, p *pool, depth int) keep {
	info := a.pass.TypesInfo
	switch e := lhs.Node().(type) {
	case *ast.Ident:
		obj := info.ObjectOf(e)
		switch {
		case obj == nil:
			return keepNone // blank
		case a.isPackageVar(obj):
			return keepLong
		case isContainer(obj.Type()):
			return a.retainedRoot(e, site, p, depth) // list = append(list, c)
		}
		return a.retainedVar(obj, site, p, depth)
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[e]; !ok || sel.Kind() != types.FieldVal {
			if a.isPackageVar(info.Uses[e.Sel]) {
				return keepLong // pkg.Var = ...
			}
			return keepNone
		}
		return a.retainedRoot(rootIdent(e.X), site, p, depth)
	case *ast.IndexExpr:
		return a.retainedRoot(rootIdent(e.X), site, p, depth)
	case *ast.StarExpr:
		return a.retainedRoot(rootIdent(e.X), site, p, depth)
	}
	return keepNone
}

// rootIdent is x in x, x.f.g, x[i].f, (*x).f; nil otherwise.
func rootIdent(e ast.Expr) *ast.Ident {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return x
		case *ast.SelectorExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		default:
			return nil
		}
	}
}

// retainedRoot decides a store into a field or element of the variable
// id (policy's retention table): package-level variables keep it; a
// receiver, a parameter or a captured variable keeps it unless its
// holder is per request (a handler, a handler type's receiver); a local
// declared in the function outside the hot loop around the site keeps it
// across the loop's iterations (keepCall), and beyond the call if that
// local is itself kept; a local declared inside decides by where it
// goes next.
func (a *analyzer) retainedRoot(id *ast.Ident, site inspector.Cursor, p *pool, depth int) keep {
	if id == nil {
		return keepNone
	}
	obj := a.pass.TypesInfo.ObjectOf(id) // a use, or the definition in x := make(...)
	if obj == nil {
		return keepNone
	}
	if a.isPackageVar(obj) {
		return keepOf(policy.Retains(policy.Global).Resolve(false))
	}
	scope, fn := a.innermostScope(site)
	if !scope.Valid() {
		return keepNone
	}
	if within(obj.Pos(), bodyOf(scope.Node())) {
		return a.retainedVar(obj, site, p, depth) // policy.Local: follow it
	}
	if k, local := a.retainedCaptured(obj, site, p, depth); local {
		return k
	}
	perRequest := fn != nil && a.hp.IsHandler(fn) || fn == nil && a.inHandlerLiteral(site)
	// A receiver (policy.Field), or a parameter, a captured variable, a
	// map made by the caller (policy.Outer): kept unless their holder is
	// per request.
	store := policy.Outer
	if fn != nil && fn.Signature().Recv() == obj {
		store, perRequest = policy.Field, perRequest || hasServeHTTP(obj.Type())
	}
	return keepOf(policy.Retains(store).Resolve(perRequest))
}

func keepOf(retained bool) keep {
	if retained {
		return keepLong
	}
	return keepNone
}

// bodyOf is the body of a function or loop node.
func bodyOf(n ast.Node) ast.Node {
	switch n := n.(type) {
	case *ast.FuncDecl:
		return n.Body // parameters and receivers live outside
	case *ast.FuncLit:
		return n.Body
	case *ast.ForStmt:
		return n.Body
	case *ast.RangeStmt:
		return n.Body
	}
	return n
}

func within(pos token.Pos, n ast.Node) bool {
	return n != nil && pos >= n.Pos() && pos < n.End()
}

// innermostScope is the innermost hot loop or function around site and
// the declared function (nil for a literal) enclosing it. Loops that are
// not hot (hotpath.Result.HotLoop) are part of the function around them.
func (a *analyzer) innermostScope(site inspector.Cursor) (inspector.Cursor, *types.Func) {
	var scope inspector.Cursor
	for c := range site.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch n := c.Node().(type) {
		case *ast.FuncDecl:
			if !scope.Valid() {
				scope = c
			}
			fn, _ := a.pass.TypesInfo.Defs[n.Name].(*types.Func)
			return scope, fn
		case *ast.FuncLit:
			if !scope.Valid() {
				scope = c
			}
			return scope, nil
		default:
			if !scope.Valid() && within(site.Node().Pos(), bodyOf(n)) && a.hp.HotLoop(c) {
				scope = c
			}
		}
	}
	return scope, nil
}

// retainedCaptured decides a store into obj when obj is a local of the
// function the site runs in — its own, or one whose closure the site is
// in and that runs it (design.md, "Closures are part of the function
// that calls them"): a collection declared before the hot loop that
// fills it, kept across the loop's iterations (keepCall), and beyond
// the call if obj is itself kept. In a per-request function, or in a hot
// loop around the site, the collection is per run. local is false when
// obj is not such a local (a parameter, a receiver, a variable of the
// code around a handler or a callback).
func (a *analyzer) retainedCaptured(obj types.Object, site inspector.Cursor, p *pool, depth int) (k keep, local bool) {
	for c := range site.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch n := c.Node().(type) {
		case *ast.FuncDecl:
			if !within(obj.Pos(), n.Body) {
				return keepNone, false
			}
			fn, _ := a.pass.TypesInfo.Defs[n.Name].(*types.Func)
			if fn != nil && a.hp.IsHandler(fn) || a.inHotLoopAround(obj.Pos(), site) {
				return keepNone, true
			}
			return max(keepCall, a.retainedVar(obj, site, p, depth)), true
		case *ast.FuncLit:
			handler := a.isHandlerLiteral(c)
			if within(obj.Pos(), n.Body) {
				if handler || a.inHotLoopAround(obj.Pos(), site) {
					return keepNone, true
				}
				return max(keepCall, a.retainedVar(obj, site, p, depth)), true
			}
			if handler || !a.runsNow(c) {
				return keepNone, false // obj outlives the runs of a handler or a callback
			}
		}
	}
	return keepNone, false
}

// inHotLoopAround reports whether pos is in the body of a hot loop
// around site, within its function and the closures it runs.
func (a *analyzer) inHotLoopAround(pos token.Pos, site inspector.Cursor) bool {
	for c := range site.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch c.Node().(type) {
		case *ast.FuncDecl:
			return false
		case *ast.FuncLit:
			if a.isHandlerLiteral(c) || !a.runsNow(c) {
				return false
			}
			continue
		}
		if within(pos, bodyOf(c.Node())) && a.hp.HotLoop(c) {
			return true
		}
	}
	return false
}

// funcScope is the innermost function declaration or literal around
// site.
func (a *analyzer) funcScope(site inspector.Cursor) inspector.Cursor {
	for c := range site.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		return c
	}
	return inspector.Cursor{}
}

// inHandlerLiteral reports whether the innermost function literal
// around site is handler-shaped.
func (a *analyzer) inHandlerLiteral(site inspector.Cursor) bool {
	for c := range site.Enclosing((*ast.FuncLit)(nil)) {
		return a.isHandlerLiteral(c)
	}
	return false
}

// isHandlerLiteral reports whether the function literal at lit is a
// per-request context of its own.
func (a *analyzer) isHandlerLiteral(lit inspector.Cursor) bool {
	ctx, ok := a.hp.ContextOf(lit.ChildAt(edge.FuncLit_Body, -1))
	return ok && ctx.Kind == hotpath.Handler && ctx.Node == lit.Node()
}

func hasServeHTTP(t types.Type) bool {
	ms := types.NewMethodSet(t)
	if _, isPtr := types.Unalias(t).(*types.Pointer); !isPtr {
		if _, isNamed := types.Unalias(t).(*types.Named); isNamed {
			ms = types.NewMethodSet(types.NewPointer(t))
		}
	}
	for m := range ms.Methods() {
		if m.Obj().Name() == "ServeHTTP" {
			return true
		}
	}
	return false
}

// retainedVar decides a local variable holding the value by its uses in
// the enclosing function declaration: the longest any of them keeps it.
func (a *analyzer) retainedVar(obj types.Object, site inspector.Cursor, p *pool, depth int) keep {
	if obj == nil {
		return keepNone
	}
	decl := enclosingDecl(site)
	if !decl.Valid() {
		return keepNone
	}
	key := retainedKey{obj, decl.Node(), depth, p.key()}
	if r, ok := a.retainedMemo[key]; ok {
		return r
	}
	a.retainedMemo[key] = keepNone // a cycle through this variable keeps nothing more
	r := keepNone
	for _, c := range a.usesOf(obj) {
		if !decl.Contains(c) {
			continue
		}
		if c.ParentEdgeKind() == edge.AssignStmt_Lhs {
			continue // a store into the variable, not a use of the value
		}
		if r = max(r, a.retained(c, p, depth+1)); r == keepLong {
			break
		}
	}
	a.retainedMemo[key] = r
	return r
}

// usesOf returns the identifiers that use obj, in source order. The
// index is built once per package: walking the enclosing function for
// every candidate was quadratic in the size of large (generated)
// functions.
func (a *analyzer) usesOf(obj types.Object) []inspector.Cursor {
	if a.uses == nil {
		a.uses = map[types.Object][]inspector.Cursor{}
		for c := range a.hp.Inspector().Root().Preorder((*ast.Ident)(nil)) {
			if o := a.pass.TypesInfo.Uses[c.Node().(*ast.Ident)]; o != nil {
				switch o.(type) {
				case *types.Var, *types.Const: // what retainedVar follows
					a.uses[o] = append(a.uses[o], c)
				}
			}
		}
	}
	return a.uses[obj]
}

// isContainer reports whether t is a slice or map type.
func isContainer(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Slice, *types.Map:
		return true
	}
	return false
}
