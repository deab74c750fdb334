package construct

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/snatlint/snatlint/analyzers/internal/typesx"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// Lazy singletons and caches (design.md, "Not a finding", "Early-return
// cache guards"): a construction under a nil check of the value it
// fills, in a sync.Once, or after an early return of the cached value is
// built once (per key), not per run.

// guarded reports whether the construction at cur is a lazy
// initialization: under an "if x == nil" whose x is a package-level
// variable or a field, or in a literal given to sync.Once.Do,
// sync.OnceValue(s) or sync.OnceFunc.
func (a *analyzer) guarded(cur inspector.Cursor) bool {
	child := cur
	for p := cur.Parent(); p.Valid(); child, p = p, p.Parent() {
		switch n := p.Node().(type) {
		case *ast.FuncDecl, *ast.File:
			return false
		case *ast.IfStmt:
			if child.ParentEdgeKind() == edge.IfStmt_Body && a.nilCheckOfLongLived(n.Cond) {
				return true
			}
		case *ast.FuncLit:
			if p.ParentEdgeKind() == edge.CallExpr_Args && a.isOnceCall(p.Parent().Node().(*ast.CallExpr)) {
				return true
			}
		}
	}
	return false
}

// nilCheckOfLongLived reports whether cond contains "x == nil" (either
// order) where x is a package-level variable or a field selection.
func (a *analyzer) nilCheckOfLongLived(cond ast.Expr) bool {
	found := false
	ast.Inspect(cond, func(n ast.Node) bool {
		be, ok := n.(*ast.BinaryExpr)
		if !ok || be.Op != token.EQL || found {
			return !found
		}
		for _, pair := range [][2]ast.Expr{{be.X, be.Y}, {be.Y, be.X}} {
			if a.isNil(pair[1]) && a.isLongLived(pair[0]) {
				found = true
			}
		}
		return true
	})
	return found
}

func (a *analyzer) isNil(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	_, isNil := a.pass.TypesInfo.Uses[id].(*types.Nil)
	return isNil
}

// isLongLived reports whether e is a package-level variable or a field
// selection (x.f, x.y.f), or an index of a package-level map.
func (a *analyzer) isLongLived(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return a.isPackageVar(a.pass.TypesInfo.Uses[e])
	case *ast.SelectorExpr:
		if sel, ok := a.pass.TypesInfo.Selections[e]; ok {
			return sel.Kind() == types.FieldVal
		}
		return a.isPackageVar(a.pass.TypesInfo.Uses[e.Sel]) // pkg.Var
	case *ast.IndexExpr:
		return a.isLongLived(e.X)
	}
	return false
}

func (a *analyzer) isPackageVar(obj types.Object) bool {
	v, ok := obj.(*types.Var)
	return ok && !v.IsField() && v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
}

// isOnceCall reports whether call is sync.Once.Do, sync.OnceValue,
// sync.OnceValues or sync.OnceFunc.
func (a *analyzer) isOnceCall(call *ast.CallExpr) bool {
	fn := typesx.StaticCallee(a.pass.TypesInfo, call)
	if fn == nil {
		return false
	}
	return typesx.IsMethod(fn, "sync", "Once", "Do") || typesx.IsFunc(fn, "sync", "OnceValue") ||
		typesx.IsFunc(fn, "sync", "OnceValues") || typesx.IsFunc(fn, "sync", "OnceFunc")
}

// afterCacheGuard reports whether the construction at cur follows, in
// its function, an early-return cache guard: an if statement that
// returns a cached value (a package-level variable, a field, an element
// of one, or what a lookup in one found) when there is one, in a
// function that then stores into that cache. What follows the guard is
// a lazy singleton or a keyed cache, also when the value reaches the
// cache through a constructor, and also for a one-shot request whose
// result is cached.
func (a *analyzer) afterCacheGuard(cur inspector.Cursor) bool {
	for c := cur; c.Valid(); c = c.Parent() {
		switch c.Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit, *ast.File:
			return false
		}
		switch c.ParentEdgeKind() {
		case edge.BlockStmt_List, edge.CaseClause_Body, edge.CommClause_Body:
			if g := a.firstGuard(c.Parent()); g >= 0 && c.ParentEdgeIndex() > g {
				return true
			}
		}
	}
	return false
}

// firstGuard is the index of the first cache guard among the statements
// of a block or clause, or -1.
func (a *analyzer) firstGuard(block inspector.Cursor) int {
	if g, ok := a.guardMemo[block.Node()]; ok {
		return g
	}
	g := -1
	var list []ast.Stmt
	switch b := block.Node().(type) {
	case *ast.BlockStmt:
		list = b.List
	case *ast.CaseClause:
		list = b.Body
	case *ast.CommClause:
		list = b.Body
	}
	for i, s := range list {
		if ifs, ok := s.(*ast.IfStmt); ok && a.isCacheGuard(block, ifs) {
			g = i
			break
		}
	}
	a.guardMemo[block.Node()] = g
	return g
}

// isCacheGuard reports whether ifs returns a cached value and the
// function stores into that cache after it.
func (a *analyzer) isCacheGuard(block inspector.Cursor, ifs *ast.IfStmt) bool {
	if len(ifs.Body.List) == 0 {
		return false
	}
	ret, ok := ifs.Body.List[len(ifs.Body.List)-1].(*ast.ReturnStmt)
	if !ok {
		return false
	}
	fn := a.funcScope(block)
	if !fn.Valid() {
		return false
	}
	for _, r := range ret.Results {
		if t := a.pass.TypesInfo.TypeOf(r); t == nil || isErrorType(t) {
			continue // an error kept from before is no cached value
		}
		if target := a.cachedTarget(fn, ifs, r); target != nil && a.storesAfter(fn, target, ifs.End()) {
			return true
		}
	}
	return false
}

// cachedTarget is the cache a returned value comes from: the variable or
// field of a long-lived expression (p.client, cache[k]), or of the
// lookup that bound a local (v, ok := cache[k]; v := s.cache.Get(k)).
func (a *analyzer) cachedTarget(fn inspector.Cursor, ifs *ast.IfStmt, r ast.Expr) types.Object {
	r = stripValue(r)
	if a.isLongLived(r) {
		return a.cacheKey(r)
	}
	id, ok := r.(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := a.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || a.isPackageVar(v) || isErrorType(v.Type()) {
		return nil
	}
	return a.lookupsIn(fn)[v]
}

// lookupsIn maps the locals of the function at fn that a lookup in a
// long-lived cache binds to that cache; built once per function.
func (a *analyzer) lookupsIn(fn inspector.Cursor) map[types.Object]types.Object {
	if m, ok := a.lookupMemo[fn.Node()]; ok {
		return m
	}
	m := map[types.Object]types.Object{}
	info := a.pass.TypesInfo
	for c := range fn.Preorder((*ast.AssignStmt)(nil)) {
		as := c.Node().(*ast.AssignStmt)
		for i, l := range as.Lhs {
			var val ast.Expr
			switch {
			case len(as.Lhs) == len(as.Rhs):
				val = as.Rhs[i]
			case i == 0:
				val = as.Rhs[0] // v, ok := cache[k]
			}
			if obj := info.ObjectOf(identOf(l)); obj != nil && val != nil && m[obj] == nil {
				if t := a.lookupTarget(val); t != nil {
					m[obj] = t
				}
			}
		}
	}
	a.lookupMemo[fn.Node()] = m
	return m
}

func identOf(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}

// lookupTarget is the cache a lookup reads: cache[k], s.cache.Get(k),
// m.Load(k), on a long-lived cache.
func (a *analyzer) lookupTarget(e ast.Expr) types.Object {
	switch e := stripValue(e).(type) {
	case *ast.IndexExpr:
		if a.isLongLived(e.X) {
			return a.cacheKey(e.X)
		}
	case *ast.CallExpr:
		if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok && len(e.Args) > 0 && a.isLongLived(sel.X) {
			return a.cacheKey(sel.X)
		}
	}
	return nil
}

// stripValue removes parentheses, &, * and type assertions.
func stripValue(e ast.Expr) ast.Expr {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.UnaryExpr:
			if x.Op != token.AND {
				return x
			}
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.TypeAssertExpr:
			e = x.X
		default:
			return x
		}
	}
}

// cacheKey names a long-lived expression's cache: the field (p.client,
// p.cache[k]) or the package-level variable.
func (a *analyzer) cacheKey(e ast.Expr) types.Object {
	info := a.pass.TypesInfo
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return info.Uses[e]
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[e]; ok {
			return sel.Obj()
		}
		return info.Uses[e.Sel]
	case *ast.IndexExpr:
		return a.cacheKey(e.X)
	case *ast.StarExpr:
		return a.cacheKey(e.X)
	}
	return nil
}

// storesAfter reports whether the function at fn stores into target
// after pos: an assignment to it or to one of its elements, or a method
// call on it with arguments (cache.Store(k, v), s.cache.Add(k, v)).
func (a *analyzer) storesAfter(fn inspector.Cursor, target types.Object, pos token.Pos) bool {
	for c := range fn.Preorder((*ast.AssignStmt)(nil), (*ast.CallExpr)(nil)) {
		if c.Node().Pos() < pos {
			continue
		}
		switch n := c.Node().(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if a.isLongLived(l) && a.cacheKey(l) == target {
					return true
				}
			}
		case *ast.CallExpr:
			if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && len(n.Args) > 0 && a.isLongLived(sel.X) && a.cacheKey(sel.X) == target {
				return true
			}
		}
	}
	return false
}
