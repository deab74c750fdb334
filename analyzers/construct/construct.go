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
	// Sites are the constructions: "file:line:col" in the user's module,
	// "module@version/path:line" in a dependency.
	Sites []string
	// Types are the qualified names of the pool-owning types built
	// ("net/http.Transport"): a caller's value that holds none of them
	// (an int, a parsed body) does not retain the pool.
	Types []string
	// Returns is set when the function returns the pool, or a value
	// holding it (through interfaces and wrappers the types do not show).
	Returns bool
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
	// Settings are the keep-alive settings of the catalog's setting
	// rows, in source order.
	Settings []Setting
}

// candidate is a construction or fact-carrying call, before caching is
// decided.
type candidate struct {
	site  Site
	owner *types.Func // FuncDecl whose every call performs it; nil if none
	decl  *types.Func // the FuncDecl around it; nil at package level
	node  ast.Node
	pool  *pool // what it builds, for retention
	// cache: retained beyond the call, lazily initialized, or (in a
	// dependency) built only on a path the caller does not control.
	cache bool
	// collected: kept across the iterations of the loop around it in a
	// collection local to the function; silent where it is, but the
	// function constructs on every call.
	collected bool
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
	// binds lists the values assigned to each variable, in source
	// order; built on first need (bindingsOf).
	binds map[types.Object][]binding
	// retainedMemo remembers retainedVar's answers: one depends only on
	// the variable, its function declaration, the depth and the pool.
	retainedMemo map[retainedKey]keep
	holdsMemo    map[holdsKey]bool
	guardMemo    map[ast.Node]int // firstGuard's answers, by block
	lookupMemo   map[ast.Node]map[types.Object]types.Object
	litMemo      map[ast.Node][]inspector.Cursor // litCalls' answers
	// returns: the function returns a pool it builds, or a value
	// holding it; hitReturn is set by a retention walk that reaches a
	// return of its function.
	returns   map[*types.Func]bool
	hitReturn bool
	pkgs      map[string]*types.Package
	// dependency: the package is outside the user's module(s).
	dependency bool
}

type retainedKey struct {
	obj   types.Object
	decl  ast.Node
	depth int
	pool  string
}

func run(pass *analysis.Pass, hp *hotpath.Result) (any, error) {
	a := &analyzer{
		pass:   pass,
		hp:     hp,
		cat:    catalog.NewGoCatalog(hp.Config().GoRows()),
		local:  map[*types.Func]*Constructs{},
		decls:  map[*types.Func]inspector.Cursor{},
		byNode: map[ast.Node]*candidate{},

		retainedMemo: map[retainedKey]keep{},
		holdsMemo:    map[holdsKey]bool{},
		guardMemo:    map[ast.Node]int{},
		lookupMemo:   map[ast.Node]map[types.Object]types.Object{},
		litMemo:      map[ast.Node][]inspector.Cursor{},
		returns:      map[*types.Func]bool{},
		dependency:   isDependency(pass),
	}
	if !a.relevant() {
		// It cannot reach any construction by itself; through
		// interfaces it may (standalone mode's module step).
		return &Result{Module: a.summarize()}, nil
	}
	a.collect()
	a.collectRegistered()
	a.decideCaching()
	a.solve()
	r := a.result()
	r.Settings = a.collectSettings()
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
				a.add(rep, Site{Rule: c.Rule, Row: c.Row, What: typeWhat(info.TypeOf(n), c)}, n, new(pool).with(info.TypeOf(n)))
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
				a.add(cur.ChildAt(edge.ValueSpec_Names, i), Site{Rule: c.Rule, Row: c.Row, What: typeWhat(t, c)}, nil, new(pool).with(t))
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
			a.add(cur, Site{Rule: f.Rule, Level: catalog.Level(f.Level), Variant: catalog.Variant(f.Variant), Pool: f.Pool, What: f.What, Callee: fn, Fact: &f}, nil, nil)
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
				a.add(cur, Site{Rule: c.Rule, Row: c.Row, What: typeWhat(t, c)}, call, new(pool).with(t))
			}
			return
		}
	}
	fn := a.callee(cur, call)
	if fn == nil || a.cat.Silent(fn) {
		return
	}
	if c, ok := a.cat.Call(fn); ok {
		a.add(cur, Site{Rule: c.Rule, Row: c.Row, What: c.What, Callee: fn}, call, new(pool).with(fn.Signature().Results()))
		return
	}
	if fn.Pkg() == a.pass.Pkg {
		a.add(cur, Site{Callee: fn}, call, nil) // fact decided by solve
		return
	}
	var f Constructs
	if a.pass.ImportObjectFact(fn, &f) {
		p := a.withNames(new(pool), f.Types)
		a.add(cur, Site{Rule: f.Rule, Level: catalog.Level(f.Level), Variant: catalog.Variant(f.Variant), Pool: f.Pool, What: f.What, Callee: fn, Fact: &f}, call, p)
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
	value := typesx.BoundOnce(info, cur, v)
	if value == nil {
		return nil
	}
	return typesx.FuncValue(info, value)
}

// add records a candidate reported at cur; n is the construction's own
// node (literal or call) when it differs from cur's; p is what it builds
// (nil for a call to a function of this package: decided by
// decideCaching).
func (a *analyzer) add(cur inspector.Cursor, s Site, n ast.Node, p *pool) {
	s.Cursor = cur
	c := &candidate{site: s, owner: a.owner(cur), node: n, pool: p}
	if d := enclosingDecl(cur); d.Valid() {
		c.decl, _ = a.pass.TypesInfo.Defs[d.Node().(*ast.FuncDecl).Name].(*types.Func)
	}
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

// decideCaching decides, once every candidate is known, which are
// cached: lazily initialized, after a cache guard, retained beyond the
// call, or (in a dependency) built on a path the caller does not
// control; and which a loop keeps in a local collection.
func (a *analyzer) decideCaching() {
	a.localPools()
	var decided []*candidate
	for _, c := range a.cands {
		switch {
		case a.guarded(c.site.Cursor) || a.afterCacheGuard(c.site.Cursor):
			c.cache = true
		case a.dependency && !a.callerControlled(c.site.Cursor):
			c.cache = true
		default:
			decided = append(decided, c)
		}
	}
	// Whether a call's result holds the pool its callee built depends on
	// whether the callee returns it, which its own candidates say:
	// repeat until nothing changes.
	for range 4 {
		changed := false
		clear(a.retainedMemo)
		for _, c := range decided {
			a.hitReturn = false
			k := a.keepOf(c)
			c.cache, c.collected = k == keepLong, k == keepCall
			if a.hitReturn && c.decl != nil && !a.returns[c.decl] {
				a.returns[c.decl], changed = true, true
			}
		}
		if !changed {
			break
		}
	}
}

// keepOf decides how long a candidate's value is kept. A call's value
// that neither is nor holds what its callee built (an int, a parsed
// body), and whose callee does not return it, keeps nothing.
func (a *analyzer) keepOf(c *candidate) keep {
	e, ok := c.site.Cursor.Node().(ast.Expr)
	if !ok {
		return keepNone
	}
	t := a.pass.TypesInfo.TypeOf(e)
	if !a.holds(t, c.pool) && !a.returnsPool(c) {
		return keepNone
	}
	return a.retained(c.site.Cursor, c.pool.with(t), 0)
}

// returnsPool reports whether the function a candidate calls returns
// the pool it builds, or a value holding it.
func (a *analyzer) returnsPool(c *candidate) bool {
	switch fn := c.site.Callee; {
	case fn == nil:
		return false
	case c.site.Fact != nil && fn.Pkg() != a.pass.Pkg:
		return c.site.Fact.Returns
	}
	return a.returns[c.site.Callee]
}

// localPools gives each call to a function of this package the pool its
// callee builds: the union of its candidates' pools, through further
// calls of this package.
func (a *analyzer) localPools() {
	byFunc := map[*types.Func]*pool{}
	local := func(c *candidate) *types.Func {
		if fn := c.site.Callee; fn != nil && fn.Pkg() == a.pass.Pkg && c.pool == nil {
			return fn
		}
		return nil
	}
	for _, c := range a.cands {
		if c.decl != nil && local(c) == nil {
			byFunc[c.decl] = a.union(byFunc[c.decl], c.pool)
		}
	}
	for changed, rounds := true, 0; changed && rounds < 8; rounds++ {
		changed = false
		for _, c := range a.cands {
			callee := local(c)
			if callee == nil || c.decl == nil || byFunc[callee] == nil {
				continue
			}
			if u := a.union(byFunc[c.decl], byFunc[callee]); u.key() != byFunc[c.decl].key() {
				byFunc[c.decl], changed = u, true
			}
		}
	}
	for _, c := range a.cands {
		if fn := local(c); fn != nil {
			c.pool = byFunc[fn]
		}
	}
}
