package construct

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strings"

	"github.com/snatlint/snatlint/analyzers/catalog"
	"github.com/snatlint/snatlint/analyzers/hotpath"
	"github.com/snatlint/snatlint/analyzers/internal/docutil"
	"github.com/snatlint/snatlint/analyzers/internal/typesx"
	"github.com/snatlint/snatlint/analyzers/policy"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

//go:embed doc.go
var doc []byte

// Analyzer is construct on top of hotpath.Analyzer, for vet mode.
var Analyzer = New(hotpath.Analyzer)

// maxChain bounds the chain of function names kept in a fact.
const maxChain = 8

// maxSites bounds the construction sites kept in a fact.
const maxSites = 3

// New returns a construct analyzer that takes its configuration from hp,
// a hotpath analyzer (hotpath.New).
func New(hp *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:       "construct",
		Doc:        docutil.MustExtract(doc, "construct"),
		URL:        "https://github.com/snatlint/snatlint#readme",
		Requires:   []*analysis.Analyzer{hp},
		ResultType: reflect.TypeFor[*Result](),
		FactTypes:  []analysis.Fact{new(Constructs), new(Relevant)},
		Run: func(pass *analysis.Pass) (any, error) {
			return run(pass, pass.ResultOf[hp].(*hotpath.Result))
		},
	}
}

// Constructs is the fact "this function constructs a pool-owning value
// on every call".
type Constructs struct {
	Rule    string // rule ID of the most severe construction reached
	Level   string // its level
	Variant uint8  // its catalog.Variant
	Pool    string // for a SharedPool variant: the pool shared ("http.DefaultTransport")
	What    string // what is built: "http.Transport", "Azure SDK client", ...
	// Chain names the functions from this one down to the root,
	// qualified by package name ("armcompute.NewVirtualMachinesClient");
	// ChainPkgs holds their package paths.
	Chain     []string
	ChainPkgs []string
	Sites     []string // "file:line:col" of the constructions
}

// AFact marks Constructs as a fact.
func (*Constructs) AFact() {}

func (f *Constructs) String() string {
	return fmt.Sprintf("constructs %s %s (%s) via %s", f.What, f.Rule, f.Level, strings.Join(f.Chain, " → "))
}

// Relevant is the package fact "some function here carries Constructs":
// importers of a package without it, and without the catalog's root
// packages, cannot construct anything.
type Relevant struct{}

// AFact marks Relevant as a fact.
func (*Relevant) AFact() {}

func (*Relevant) String() string { return "relevant" }

// Site is one uncached construction, or one call to a function that
// constructs on every call.
type Site struct {
	// Cursor is the reported node: the expression (including a leading
	// &), or the name of a zero-value variable.
	Cursor inspector.Cursor
	Rule   string
	Level  catalog.Level
	// Variant is what the construction does with its pool; with Rule it
	// decides Level (catalog.Rule.LevelOf) and the phrasing.
	Variant catalog.Variant
	// Pool names the pool a SharedPool site shares: the row's default
	// ("http.DefaultTransport") or "its Transport" when its option field
	// holds an existing one.
	Pool string
	// What was built: "http.Transport", "http.Client", "MyClient
	// (http.Client)", "Azure SDK pipeline", "Azure credential".
	What string
	// Row is the catalog row matched by a direct construction; nil for
	// calls to fact-carrying functions.
	Row *catalog.Row
	// Callee is the called function: a catalog root or a function
	// carrying Fact; nil for literals, new and zero values.
	Callee *types.Func
	Fact   *Constructs // for calls to fact-carrying functions
	// Const is set for literals whose fields are all constants (a fix
	// can hoist them).
	Const bool
}

// Result lists the package's uncached construction sites, in source
// order.
type Result struct {
	Sites []Site
	// Module summarises the package for the module-wide step that
	// follows interface methods and function values (standalone mode);
	// nil outside the main module.
	Module *Summary
}

// candidate is a construction or fact-carrying call, before caching is
// decided.
type candidate struct {
	site  Site
	owner *types.Func // FuncDecl whose every call performs it; nil if none
	node  ast.Node
	cache bool
}

type analyzer struct {
	pass   *analysis.Pass
	hp     *hotpath.Result
	cat    catalog.GoCatalog
	local  map[*types.Func]*Constructs
	decls  map[*types.Func]inspector.Cursor
	cands  []*candidate
	byNode map[ast.Node]*candidate
	// uses lists the identifiers using each object, in source order;
	// built on first need (usesOf).
	uses map[types.Object][]inspector.Cursor
	// retainedMemo remembers retainedVar's answers: one depends only on
	// the variable, its function declaration and the depth.
	retainedMemo map[retainedKey]bool
}

type retainedKey struct {
	obj   types.Object
	decl  ast.Node
	depth int
}

func run(pass *analysis.Pass, hp *hotpath.Result) (any, error) {
	a := &analyzer{
		pass:   pass,
		hp:     hp,
		cat:    catalog.NewGoCatalog(hp.Config().GoRows()),
		local:  map[*types.Func]*Constructs{},
		decls:  map[*types.Func]inspector.Cursor{},
		byNode: map[ast.Node]*candidate{},

		retainedMemo: map[retainedKey]bool{},
	}
	if !a.relevant() {
		// It cannot reach any construction by itself; through
		// interfaces it may (standalone mode's module step).
		return &Result{Module: a.summarize()}, nil
	}
	a.collect()
	a.collectRegistered()
	a.solve()
	r := a.result()
	r.Module = a.summarize()
	return r, nil
}

// relevant reports whether the package can construct anything: it is or
// imports a root package or a configured constructor's package, or
// imports a package with the Relevant fact.
func (a *analyzer) relevant() bool {
	if a.cat.IsRootPackage(a.pass.Pkg.Path()) {
		return true
	}
	for _, imp := range a.pass.Pkg.Imports() {
		if a.cat.IsRootPackage(imp.Path()) || a.pass.ImportPackageFact(imp, new(Relevant)) {
			return true
		}
	}
	return false
}

// collect finds the candidates and the function declarations.
func (a *analyzer) collect() {
	info := a.pass.TypesInfo
	root := a.hp.Inspector().Root()
	for cur := range root.Preorder((*ast.FuncDecl)(nil), (*ast.CompositeLit)(nil), (*ast.CallExpr)(nil), (*ast.ValueSpec)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.FuncDecl:
			if fn, ok := info.Defs[n.Name].(*types.Func); ok && n.Body != nil {
				a.decls[fn] = cur
			}
		case *ast.CompositeLit:
			if c, ok := a.cat.Type(info.TypeOf(n)); ok {
				rep := cur
				if p := cur.Parent(); cur.ParentEdgeKind() == edge.UnaryExpr_X && p.Node().(*ast.UnaryExpr).Op == token.AND {
					rep = p
				}
				a.add(rep, Site{Rule: c.Rule, Row: c.Row, What: typeWhat(info.TypeOf(n), c)}, n)
			}
		case *ast.CallExpr:
			a.collectCall(cur, n)
		case *ast.ValueSpec:
			if n.Type == nil || len(n.Values) > 0 || cur.Parent().ParentEdgeKind() != edge.DeclStmt_Decl {
				continue // initialized, or not in a function body
			}
			t := info.TypeOf(n.Type)
			c, ok := a.cat.Type(t)
			if !ok {
				continue
			}
			for i := range n.Names {
				a.add(cur.ChildAt(edge.ValueSpec_Names, i), Site{Rule: c.Rule, Row: c.Row, What: typeWhat(t, c)}, nil)
			}
		}
	}
}

// collectRegistered adds the function values of other packages that this
// package registers as per-request contexts (lambda.Start(handler.Handle),
// a nats.MsgHandler): when the function carries the fact, the argument is
// a site, like a call (hotpath gives it the registration's context).
// Functions of this package are contexts themselves: their constructions
// are reported where they are.
func (a *analyzer) collectRegistered() {
	for cur, fn := range a.hp.Registered() {
		if fn.Pkg() == a.pass.Pkg || a.cat.Silent(fn) {
			continue
		}
		if _, root := a.cat.Call(fn); root {
			continue // a catalog constructor given as a callback: not a handler
		}
		var f Constructs
		if a.pass.ImportObjectFact(fn, &f) {
			a.add(cur, Site{Rule: f.Rule, Level: catalog.Level(f.Level), Variant: catalog.Variant(f.Variant), Pool: f.Pool, What: f.What, Callee: fn, Fact: &f}, nil)
		}
	}
}

// typeWhat names a constructed type: "http.Client", or "MyClient
// (http.Client)" for a defined type.
func typeWhat(t types.Type, c catalog.GoMatch) string {
	if n, ok := types.Unalias(t).(*types.Named); ok {
		name := n.Obj().Name()
		if n.Obj().Pkg() != nil {
			name = n.Obj().Pkg().Name() + "." + name
		}
		if name != c.What {
			return name + " (" + c.What + ")"
		}
	}
	return c.What
}

func (a *analyzer) collectCall(cur inspector.Cursor, call *ast.CallExpr) {
	info := a.pass.TypesInfo
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && len(call.Args) == 1 {
		if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "new" {
			t := info.TypeOf(call.Args[0])
			if c, ok := a.cat.Type(t); ok {
				a.add(cur, Site{Rule: c.Rule, Row: c.Row, What: typeWhat(t, c)}, call)
			}
			return
		}
	}
	fn := a.callee(cur, call)
	if fn == nil || a.cat.Silent(fn) {
		return
	}
	if c, ok := a.cat.Call(fn); ok {
		a.add(cur, Site{Rule: c.Rule, Row: c.Row, What: c.What, Callee: fn}, call)
		return
	}
	if fn.Pkg() == a.pass.Pkg {
		a.add(cur, Site{Callee: fn}, call) // fact decided by solve
		return
	}
	var f Constructs
	if a.pass.ImportObjectFact(fn, &f) {
		a.add(cur, Site{Rule: f.Rule, Level: catalog.Level(f.Level), Variant: catalog.Variant(f.Variant), Pool: f.Pool, What: f.What, Callee: fn, Fact: &f}, call)
	}
}

// callee resolves the function a call invokes: a static callee, or a
// local variable assigned exactly once from a function or concrete
// method value (f := armcompute.NewVirtualMachinesClient; f(...)).
func (a *analyzer) callee(cur inspector.Cursor, call *ast.CallExpr) *types.Func {
	info := a.pass.TypesInfo
	if fn := typesx.StaticCallee(info, call); fn != nil {
		return fn
	}
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || v.Parent() == nil || v.Parent() == v.Pkg().Scope() || v.Origin() != v {
		return nil // not a local variable
	}
	body := enclosingDecl(cur)
	if !body.Valid() {
		return nil
	}
	var value ast.Expr
	count := 0
	for c := range body.Preorder((*ast.Ident)(nil)) {
		idn := c.Node().(*ast.Ident)
		if info.ObjectOf(idn) != v {
			continue
		}
		switch c.ParentEdgeKind() {
		case edge.AssignStmt_Lhs:
			as := c.Parent().Node().(*ast.AssignStmt)
			count++
			if len(as.Lhs) == len(as.Rhs) {
				value = as.Rhs[c.ParentEdgeIndex()]
			}
		case edge.ValueSpec_Names:
			vs := c.Parent().Node().(*ast.ValueSpec)
			count++
			if len(vs.Values) == len(vs.Names) {
				value = vs.Values[c.ParentEdgeIndex()]
			}
		case edge.UnaryExpr_X:
			return nil // address taken: may be changed elsewhere
		}
	}
	if count != 1 || value == nil {
		return nil
	}
	return funcValue(info, value)
}

// funcValue returns the function or concrete method an expression
// denotes (f, pkg.F, recv.Method), or nil.
func funcValue(info *types.Info, e ast.Expr) *types.Func {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		fn, _ := info.Uses[e].(*types.Func)
		return origin(fn)
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[e]; ok {
			if sel.Kind() != types.MethodVal || types.IsInterface(sel.Recv()) {
				return nil
			}
			fn, _ := sel.Obj().(*types.Func)
			return origin(fn)
		}
		fn, _ := info.Uses[e.Sel].(*types.Func)
		return origin(fn)
	case *ast.IndexExpr:
		return funcValue(info, e.X)
	}
	return nil
}

func origin(fn *types.Func) *types.Func {
	if fn == nil {
		return nil
	}
	return fn.Origin()
}

// add records a candidate reported at cur; n is the construction's own
// node (literal or call) when it differs from cur's.
func (a *analyzer) add(cur inspector.Cursor, s Site, n ast.Node) {
	s.Cursor = cur
	c := &candidate{site: s, owner: a.owner(cur), node: n}
	c.cache = a.guarded(cur) || a.retained(cur, 0)
	a.cands = append(a.cands, c)
	if n != nil {
		a.byNode[n] = c
	}
	a.byNode[cur.Node()] = c
}

// enclosingDecl is the innermost function declaration around cur.
func enclosingDecl(cur inspector.Cursor) inspector.Cursor {
	for c := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		return c
	}
	return inspector.Cursor{}
}

// owner is the declared function every call of which performs the
// construction at cur: the enclosing FuncDecl, crossing only function
// literals that run on every call (called at once, started with go or
// defer, or given to errgroup/WaitGroup Go). Constructions in other
// literals (handlers registered by a setup function, callbacks) belong
// to no function.
func (a *analyzer) owner(cur inspector.Cursor) *types.Func {
	for c := range cur.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch n := c.Node().(type) {
		case *ast.FuncDecl:
			fn, _ := a.pass.TypesInfo.Defs[n.Name].(*types.Func)
			return fn
		case *ast.FuncLit:
			if !a.runsNow(c) {
				return nil
			}
		}
	}
	return nil
}

// runsNow reports whether the function literal at lit runs whenever the
// code around it does.
func (a *analyzer) runsNow(lit inspector.Cursor) bool {
	switch lit.ParentEdgeKind() {
	case edge.CallExpr_Fun:
		return true // func(){...}(), go func(){...}(), defer func(){...}()
	case edge.CallExpr_Args:
		call := lit.Parent().Node().(*ast.CallExpr)
		fn := typesx.StaticCallee(a.pass.TypesInfo, call)
		return fn != nil && fn.Name() == "Go" && (typesx.IsMethod(fn, "golang.org/x/sync/errgroup", "Group", "Go") || typesx.IsMethod(fn, "sync", "WaitGroup", "Go"))
	}
	return false
}

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

// maxDepth bounds how far values are followed through local variables.
const maxDepth = 4

// retained reports whether the value of the expression at cur is stored
// where it outlives the call: a package-level variable, a field of a
// long-lived value, or an element of a map or slice declared outside the
// loop or function; directly, inside a composite literal or append, or
// through local variables.
func (a *analyzer) retained(cur inspector.Cursor, depth int) bool {
	if depth > maxDepth {
		return false
	}
	for {
		p := cur.Parent()
		if !p.Valid() {
			return false
		}
		switch cur.ParentEdgeKind() {
		case edge.ParenExpr_X, edge.CompositeLit_Elts, edge.StarExpr_X:
			cur = p
		case edge.UnaryExpr_X:
			if p.Node().(*ast.UnaryExpr).Op != token.AND {
				return false
			}
			cur = p
		case edge.KeyValueExpr_Value:
			cur = p.Parent() // the composite literal
		case edge.CallExpr_Args:
			call := p.Node().(*ast.CallExpr)
			if m := a.syncMapStore(call); m != nil {
				return a.retainedRoot(rootIdent(m), cur, depth) // cache.Store(k, c)
			}
			if !a.isAppend(call) {
				return false
			}
			cur = p
		case edge.AssignStmt_Rhs:
			as := p.Node().(*ast.AssignStmt)
			i := cur.ParentEdgeIndex()
			if len(as.Lhs) != len(as.Rhs) {
				i = 0 // c, err := NewClient(...)
			}
			return a.retainedLHS(p.ChildAt(edge.AssignStmt_Lhs, i), cur, depth)
		case edge.ValueSpec_Values:
			vs := p.Node().(*ast.ValueSpec)
			i := cur.ParentEdgeIndex()
			if len(vs.Names) != len(vs.Values) {
				i = 0
			}
			obj := a.pass.TypesInfo.Defs[vs.Names[i]]
			if a.isPackageVar(obj) {
				return true
			}
			return a.retainedVar(obj, cur, depth)
		default:
			return false
		}
	}
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

// retainedLHS reports whether storing into lhs retains the value built
// at site.
func (a *analyzer) retainedLHS(lhs, site inspector.Cursor, depth int) bool {
	info := a.pass.TypesInfo
	switch e := lhs.Node().(type) {
	case *ast.Ident:
		obj := info.ObjectOf(e)
		if obj == nil {
			return false // blank
		}
		if a.isPackageVar(obj) {
			return true
		}
		if isContainer(obj.Type()) {
			return a.retainedRoot(e, site, depth) // list = append(list, c)
		}
		return a.retainedVar(obj, site, depth)
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[e]; !ok || sel.Kind() != types.FieldVal {
			return a.isPackageVar(info.Uses[e.Sel]) // pkg.Var = ...
		}
		return a.retainedRoot(rootIdent(e.X), site, depth)
	case *ast.IndexExpr:
		return a.retainedRoot(rootIdent(e.X), site, depth)
	}
	return false
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
// id: package-level variables retain; a variable declared outside the
// innermost loop or function around the site (a receiver, a parameter,
// a captured variable, a map made before the loop) retains unless that
// function is a handler (per request itself) or the variable is the
// receiver of a handler type's method; a local variable retains if it is
// itself retained.
func (a *analyzer) retainedRoot(id *ast.Ident, site inspector.Cursor, depth int) bool {
	if id == nil {
		return false
	}
	obj := a.pass.TypesInfo.Uses[id]
	if obj == nil {
		return false
	}
	if a.isPackageVar(obj) {
		return policy.Retains(policy.Global).Resolve(false)
	}
	scope, fn := a.innermostScope(site)
	if !scope.Valid() {
		return false
	}
	declared, inner := obj.Pos(), scope.Node()
	switch n := inner.(type) {
	case *ast.FuncDecl:
		inner = n.Body // parameters and receivers live outside
	case *ast.FuncLit:
		inner = n.Body
	}
	if declared >= inner.Pos() && declared < inner.End() {
		return a.retainedVar(obj, site, depth) // policy.Local: follow it
	}
	// Declared outside: a receiver (policy.Field), or a parameter, a
	// captured variable, a map made before the loop (policy.Outer). Both
	// retain unless their holder is per request: the function is a
	// handler, or the receiver's type is a handler type, whose methods
	// run on every call made from its handlers.
	store := policy.Outer
	perRequest := fn != nil && a.hp.IsHandler(fn) || fn == nil && a.inHandlerLiteral(site)
	if fn != nil && fn.Signature().Recv() == obj {
		store, perRequest = policy.Field, perRequest || hasServeHTTP(obj.Type())
	}
	return policy.Retains(store).Resolve(perRequest)
}

// innermostScope is the innermost loop body or function around site and
// the declared function (nil for a literal) enclosing it.
func (a *analyzer) innermostScope(site inspector.Cursor) (inspector.Cursor, *types.Func) {
	var scope inspector.Cursor
	for c := range site.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		if !scope.Valid() {
			scope = c
		}
		if d, ok := c.Node().(*ast.FuncDecl); ok {
			fn, _ := a.pass.TypesInfo.Defs[d.Name].(*types.Func)
			return scope, fn
		}
		if _, ok := c.Node().(*ast.FuncLit); ok {
			return scope, nil
		}
	}
	return scope, nil
}

// inHandlerLiteral reports whether the innermost function literal
// around site is handler-shaped.
func (a *analyzer) inHandlerLiteral(site inspector.Cursor) bool {
	for c := range site.Enclosing((*ast.FuncLit)(nil)) {
		ctx, ok := a.hp.ContextOf(c.ChildAt(edge.FuncLit_Body, -1))
		return ok && ctx.Kind == hotpath.Handler && ctx.Node == c.Node()
	}
	return false
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

// retainedVar reports whether a local variable holding the value is
// stored somewhere that retains it, looking at its uses in the
// enclosing function declaration.
func (a *analyzer) retainedVar(obj types.Object, site inspector.Cursor, depth int) bool {
	if obj == nil {
		return false
	}
	decl := enclosingDecl(site)
	if !decl.Valid() {
		return false
	}
	key := retainedKey{obj, decl.Node(), depth}
	if r, ok := a.retainedMemo[key]; ok {
		return r
	}
	r := false
	for _, c := range a.usesOf(obj) {
		if !decl.Contains(c) {
			continue
		}
		if c.ParentEdgeKind() == edge.AssignStmt_Lhs {
			continue // a store into the variable, not a use of the value
		}
		if a.retained(c, depth+1) {
			r = true
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
