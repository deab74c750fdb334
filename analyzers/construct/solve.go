package construct

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/snatlint/snatlint/analyzers/catalog"
	"github.com/snatlint/snatlint/analyzers/internal/typesx"
	"github.com/snatlint/snatlint/analyzers/policy"
	"golang.org/x/tools/go/ast/inspector"
)

// solve sets the levels of direct constructions, computes the facts of
// the package's functions to a fixed point, and exports them.
func (a *analyzer) solve() {
	order := make([]*types.Func, 0, len(a.decls))
	for fn := range a.decls {
		if _, root := a.cat.Call(fn); !root && !a.cat.Silent(fn) {
			order = append(order, fn)
		}
	}
	slices.SortFunc(order, func(x, y *types.Func) int { return int(x.Pos() - y.Pos()) })
	byOwner := map[*types.Func][]*candidate{}
	for _, c := range a.cands {
		if c.owner == nil || c.cache {
			continue
		}
		if _, perRequest := a.hp.ContextOf(c.site.Cursor); perRequest && !c.collected {
			continue // reported where it is (a loop, a handler), not at calls
		}
		byOwner[c.owner] = append(byOwner[c.owner], c)
	}
	// Two rounds: a client literal whose Transport comes from a local
	// helper learns that the helper builds one only after the first.
	for range 2 {
		for _, c := range a.cands {
			a.resolveLocal(c)
		}
		for _, c := range a.cands {
			if c.site.Rule != "" {
				a.decide(c)
			}
		}
		a.fixpoint(order, byOwner)
	}
	for _, c := range a.cands {
		a.resolveLocal(c)
	}
	for _, fn := range order {
		if f := a.local[fn]; f != nil {
			a.pass.ExportObjectFact(fn, f)
		}
	}
	if len(a.local) > 0 {
		a.pass.ExportPackageFact(new(Relevant))
	}
}

// fixpoint computes the facts of the package's functions from their
// candidates until nothing changes.
func (a *analyzer) fixpoint(order []*types.Func, byOwner map[*types.Func][]*candidate) {
	for changed := true; changed; {
		changed = false
		for _, fn := range order {
			var best *candidate
			for _, c := range byOwner[fn] {
				a.resolveLocal(c)
				if c.site.Rule != "" && (best == nil || worse(c.site, best.site)) {
					best = c
				}
			}
			if best == nil {
				continue
			}
			old := a.local[fn]
			if old == nil || worse(best.site, Site{Rule: old.Rule, Level: catalog.Level(old.Level)}) {
				a.local[fn] = a.factFor(fn, best)
				changed = true
			}
		}
	}
}

// resolveLocal fills in a call to a function of this package from its
// fact, once known.
func (a *analyzer) resolveLocal(c *candidate) {
	fn := c.site.Callee
	if fn == nil || fn.Pkg() != a.pass.Pkg {
		return
	}
	if _, root := a.cat.Call(fn); root {
		return
	}
	f := a.local[fn]
	if f == nil || c.site.Fact == f {
		return
	}
	c.site.Fact, c.site.Rule, c.site.What = f, f.Rule, f.What
	c.site.Variant, c.site.Pool = catalog.Variant(f.Variant), f.Pool
	a.decide(c)
}

// worse reports whether x is more severe than y (policy.MoreSevere).
func worse(x, y Site) bool {
	return policy.MoreSevere(policy.Severity{Rule: x.Rule, Level: x.Level}, policy.Severity{Rule: y.Rule, Level: y.Level})
}

// factFor builds fn's fact from its most severe candidate.
func (a *analyzer) factFor(fn *types.Func, c *candidate) *Constructs {
	what := c.site.What
	if calls := catalog.MustLookup(c.site.Rule).Calls(catalog.Go); calls != "" {
		what = calls
	}
	f := &Constructs{
		Rule:      c.site.Rule,
		Level:     string(c.site.Level),
		Variant:   uint8(c.site.Variant),
		Pool:      c.site.Pool,
		What:      what,
		Chain:     []string{typesx.FuncName(fn, nil)},
		ChainPkgs: []string{fn.Pkg().Path()},
	}
	switch {
	case c.site.Fact != nil:
		n := min(len(c.site.Fact.Chain), maxChain-1)
		f.Chain = append(f.Chain, c.site.Fact.Chain[:n]...)
		f.ChainPkgs = append(f.ChainPkgs, c.site.Fact.ChainPkgs[:n]...)
		f.Sites = slices.Clone(c.site.Fact.Sites)
	case c.site.Callee != nil: // a catalog root
		f.Chain = append(f.Chain, typesx.FuncName(c.site.Callee, nil))
		f.ChainPkgs = append(f.ChainPkgs, c.site.Callee.Pkg().Path())
		f.Sites = []string{a.siteName(c.site.Cursor.Node().Pos())}
	default:
		f.Sites = []string{a.siteName(c.site.Cursor.Node().Pos())}
	}
	if c.pool != nil {
		f.Types = slices.Clone(c.pool.names)
	}
	f.Returns = a.returns[fn]
	if len(f.Sites) > maxSites {
		f.Sites = f.Sites[:maxSites]
	}
	return f
}

// decide sets the variant and the level of a direct construction or of
// a call to a fact-carrying function, from its row or fact and what the
// site shows: a keep-alive field set to true, a shared-pool
// construction's option field or arguments holding a pool built right
// there.
func (a *analyzer) decide(c *candidate) {
	s := &c.site
	lit := compositeLit(c.node)
	switch {
	case s.Fact != nil:
		s.Variant, s.Pool = catalog.Variant(s.Fact.Variant), s.Fact.Pool
		if s.Variant == catalog.SharedPool && a.freshArgs(s.Cursor) {
			s.Variant, s.Pool = catalog.FreshTransport, ""
		}
	case s.Row != nil:
		row := s.Row
		s.Variant, s.Pool = row.Variant, row.Pool
		if a.keepAliveOff(lit, row) {
			s.Variant = catalog.KeepAliveOff
		}
		switch {
		case row.Option != "" && (s.Variant == catalog.SharedPool || s.Variant == catalog.OwnPool):
			// The field carrying the pool: set to one built right there,
			// or to an existing one.
			v := fieldValue(lit, row.Option)
			if lit == nil {
				v = a.optionValue(c.node, row.Option)
			}
			if v != nil && !a.isNil(v) {
				if a.fresh(v, s.Cursor, 0) {
					s.Variant, s.Pool = catalog.FreshTransport, ""
				} else {
					s.Variant, s.Pool = catalog.SharedPool, "its "+row.Option
				}
			}
		case s.Variant == catalog.SharedPool && lit == nil && a.freshArgs(s.Cursor):
			s.Variant, s.Pool = catalog.FreshTransport, ""
		}
		s.Const = a.allConst(lit)
	}
	s.Level = catalog.MustLookup(s.Rule).LevelOf(catalog.Go, s.Variant)
}

// optionValue is the value a call gives the options field name: in a
// struct literal argument (s3.New(s3.Options{HTTPClient: c})), or
// assigned by an option function literal (func(o *s3.Options) {
// o.HTTPClient = c }); nil when none sets it.
func (a *analyzer) optionValue(n ast.Node, name string) ast.Expr {
	call, ok := n.(*ast.CallExpr)
	if !ok {
		return nil
	}
	for _, arg := range call.Args {
		arg = ast.Unparen(arg)
		if u, ok := arg.(*ast.UnaryExpr); ok && u.Op == token.AND {
			arg = ast.Unparen(u.X)
		}
		switch arg := arg.(type) {
		case *ast.CompositeLit:
			if v := fieldValue(arg, name); v != nil {
				return v
			}
		case *ast.FuncLit:
			var v ast.Expr
			ast.Inspect(arg.Body, func(n ast.Node) bool {
				as, ok := n.(*ast.AssignStmt)
				if !ok || len(as.Lhs) != len(as.Rhs) {
					return v == nil
				}
				for i, l := range as.Lhs {
					if sel, ok := l.(*ast.SelectorExpr); ok && sel.Sel.Name == name {
						v = as.Rhs[i]
					}
				}
				return v == nil
			})
			if v != nil {
				return v
			}
		}
	}
	return nil
}

// compositeLit returns n as a composite literal, or nil.
func compositeLit(n ast.Node) *ast.CompositeLit {
	lit, _ := n.(*ast.CompositeLit)
	return lit
}

// fieldValue is the value of the keyed field name in lit, or nil.
func fieldValue(lit *ast.CompositeLit, name string) ast.Expr {
	if lit == nil {
		return nil
	}
	for _, e := range lit.Elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == name {
				return kv.Value
			}
		}
	}
	return nil
}

// allConst reports whether every field value of lit is a constant.
func (a *analyzer) allConst(lit *ast.CompositeLit) bool {
	if lit == nil {
		return false
	}
	for _, e := range lit.Elts {
		kv, ok := e.(*ast.KeyValueExpr)
		if !ok {
			return false
		}
		if tv, ok := a.pass.TypesInfo.Types[kv.Value]; !ok || tv.Value == nil {
			return false
		}
	}
	return true
}

// freshArgs reports whether a call's arguments hold a transport or
// client built right there (ClientOptions.Transport: &http.Client{}).
func (a *analyzer) freshArgs(cur inspector.Cursor) bool {
	call, ok := cur.Node().(*ast.CallExpr)
	if !ok {
		return false
	}
	for _, arg := range call.Args {
		if a.fresh(arg, cur, 0) {
			return true
		}
	}
	return false
}

// fresh reports whether e builds an http.Transport or http.Client right
// there: a construction in e (also nested in composite literals), or a
// local variable of the function at site assigned one.
func (a *analyzer) fresh(e ast.Expr, site inspector.Cursor, depth int) bool {
	if depth > maxDepth {
		return false
	}
	e = ast.Unparen(e)
	if c := a.byNode[e]; c != nil && c.site.Rule != "" && catalog.MustLookup(c.site.Rule).Transport {
		return true
	}
	switch e := e.(type) {
	case *ast.UnaryExpr:
		return a.fresh(e.X, site, depth+1)
	case *ast.CallExpr:
		return a.freshClosure(e, site, depth)
	case *ast.CompositeLit:
		for _, elt := range e.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			if a.fresh(elt, site, depth+1) {
				return true
			}
		}
	case *ast.Ident:
		obj, ok := a.pass.TypesInfo.Uses[e].(*types.Var)
		if !ok || a.isPackageVar(obj) {
			return false
		}
		decl := enclosingDecl(site)
		if !decl.Valid() {
			return false
		}
		scope, _ := a.innermostScope(site)
		for v := range a.valuesOf(decl, obj) {
			if scope.Valid() && (v.Pos() < scope.Node().Pos() || v.Pos() >= scope.Node().End()) {
				continue // built outside this loop or function: shared by its runs
			}
			if a.fresh(v, site, depth+1) {
				return true
			}
		}
	}
	return false
}

// freshClosure reports whether call calls a function literal, directly
// or through a local variable assigned one, that returns a transport or
// client built in it (newRT := func() http.RoundTripper { return
// &http.Transport{...} }; design.md, "Closures are part of the function
// that calls them").
func (a *analyzer) freshClosure(call *ast.CallExpr, site inspector.Cursor, depth int) bool {
	var lit *ast.FuncLit
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.FuncLit:
		lit = fun
	case *ast.Ident:
		v, ok := a.pass.TypesInfo.Uses[fun].(*types.Var)
		decl := enclosingDecl(site)
		if !ok || a.isPackageVar(v) || !decl.Valid() {
			return false
		}
		n := 0
		for val := range a.valuesOf(decl, v) {
			n++
			lit, _ = ast.Unparen(val).(*ast.FuncLit)
		}
		if n != 1 {
			return false
		}
	}
	if lit == nil {
		return false
	}
	scope := enclosingDecl(site)
	if !scope.Valid() {
		scope = site.Inspector().Root()
	}
	litCur, ok := scope.FindNode(lit)
	if !ok {
		return false
	}
	for ret := range litCur.Preorder((*ast.ReturnStmt)(nil)) {
		if enclosingLit(ret) != lit {
			continue // a nested literal's return
		}
		for _, r := range ret.Node().(*ast.ReturnStmt).Results {
			if a.fresh(r, ret, depth+1) {
				return true
			}
		}
	}
	return false
}

// enclosingLit is the innermost function literal around cur, or nil.
func enclosingLit(cur inspector.Cursor) *ast.FuncLit {
	for c := range cur.Enclosing((*ast.FuncLit)(nil)) {
		return c.Node().(*ast.FuncLit)
	}
	return nil
}

// valuesOf yields the expressions assigned to the local variable obj in
// decl, in source order.
func (a *analyzer) valuesOf(decl inspector.Cursor, obj types.Object) func(func(ast.Expr) bool) {
	return func(yield func(ast.Expr) bool) {
		for _, b := range a.bindingsOf(obj) {
			if decl.Contains(b.stmt) && !yield(b.value) {
				return
			}
		}
	}
}

// binding is a value given to a variable by an assignment or a var
// declaration, at stmt.
type binding struct {
	stmt  inspector.Cursor
	value ast.Expr
}

// bindingsOf lists the values assigned to obj (v = e, v := e, var v = e;
// v, ok := e binds e to v), in source order. The index is built once per
// package: walking the enclosing function for every candidate was
// quadratic in the size of large functions (as usesOf's was).
func (a *analyzer) bindingsOf(obj types.Object) []binding {
	if a.binds == nil {
		a.binds = map[types.Object][]binding{}
		info := a.pass.TypesInfo
		for c := range a.hp.Inspector().Root().Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil)) {
			switch n := c.Node().(type) {
			case *ast.AssignStmt:
				for i, l := range n.Lhs {
					id, ok := l.(*ast.Ident)
					if !ok {
						continue
					}
					var v ast.Expr
					if len(n.Lhs) == len(n.Rhs) {
						v = n.Rhs[i]
					} else if i == 0 {
						v = n.Rhs[0]
					}
					if o := info.ObjectOf(id); o != nil && v != nil {
						a.binds[o] = append(a.binds[o], binding{c, v})
					}
				}
			case *ast.ValueSpec:
				if len(n.Values) != len(n.Names) {
					continue
				}
				for i, id := range n.Names {
					if o := info.ObjectOf(id); o != nil {
						a.binds[o] = append(a.binds[o], binding{c, n.Values[i]})
					}
				}
			}
		}
	}
	return a.binds[obj]
}

// result lists the uncached sites.
func (a *analyzer) result() *Result {
	r := &Result{}
	for _, c := range a.cands {
		if c.cache || c.collected || c.site.Rule == "" {
			continue
		}
		r.Sites = append(r.Sites, c.site)
	}
	return r
}
