package construct

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/snatlint/snatlint/analyzers/hotpath"
	"github.com/snatlint/snatlint/analyzers/internal/typesx"
	"golang.org/x/tools/go/ast/inspector"
)

// Summary is what a module-wide step (standalone mode, package dispatch)
// needs of one package of the scanned module to follow calls through
// interface methods and function values, which a pass of one package
// cannot: the package's concrete types, its functions' facts and the
// calls they make that no fact decided, and the function values it
// stores. It holds types objects and positions, no syntax. Nil for
// packages outside the main module.
type Summary struct {
	Pkg    *types.Package
	Module string // the module's path
	// Types are the concrete named types declared in the package's
	// non-test files: the candidate implementations of interfaces.
	Types []*types.TypeName
	// Funcs are the functions and methods declared in non-test files.
	Funcs map[*types.Func]*FuncSummary
	// Sites are calls in per-request contexts that no declared function
	// owns (in handler literals).
	Sites []*Call
	// Stores are the values stored into function-typed fields, package
	// variables and parameters (as arguments of static calls).
	Stores map[*types.Var][]FuncRef
}

// FuncSummary is one declared function.
type FuncSummary struct {
	Fact    *Constructs // its fact, if this package's pass gave it one
	Context bool        // a per-request context itself (hotpath.IsHandler)
	// Calls are the calls it makes on every call (constructions'
	// "owner" rule) that no fact decided, and those in per-request
	// contexts within it.
	Calls []*Call
}

// Call is a call whose target the module-wide step decides.
type Call struct {
	Pos, End token.Pos
	// Exactly one of these: a static callee in the module that carries
	// no fact from this pass; an interface method (with the interface);
	// a function-typed field, package variable or parameter.
	Static *types.Func
	Iface  *types.Interface
	Method *types.Func
	Var    *types.Var
	// Cached: the result is retained or lazily initialized.
	Cached bool
	// Ctx is the per-request context the call runs in (its Node
	// cleared), or nil.
	Ctx *hotpath.Context
}

// FuncRef is a value stored into a function-typed variable: a function,
// another function-typed variable (a field copied into a field), or
// something not followed (a literal, a call's result): then the set of
// functions that can flow there is not known precisely.
type FuncRef struct {
	Fn      *types.Func
	Var     *types.Var
	Unknown bool
}

// summarize builds the package's Summary, when it belongs to the main
// module.
func (a *analyzer) summarize() *Summary {
	m := a.pass.Module
	if m == nil || !m.Main || m.Path == "" {
		return nil
	}
	s := &Summary{Pkg: a.pass.Pkg, Module: m.Path, Funcs: map[*types.Func]*FuncSummary{}, Stores: map[*types.Var][]FuncRef{}}
	info := a.pass.TypesInfo
	for _, f := range a.pass.Files {
		if strings.HasSuffix(a.pass.Fset.File(f.FileStart).Name(), "_test.go") {
			continue // mocks in tests implement nothing
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if fn, ok := info.Defs[d.Name].(*types.Func); ok {
					s.Funcs[fn] = &FuncSummary{Fact: a.local[fn], Context: a.hp.IsHandler(fn)}
				}
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					ts, ok := spec.(*ast.TypeSpec)
					if !ok {
						continue
					}
					if tn, ok := info.Defs[ts.Name].(*types.TypeName); ok && !types.IsInterface(tn.Type()) && !tn.IsAlias() {
						s.Types = append(s.Types, tn)
					}
				}
			}
		}
	}
	root := a.hp.Inspector().Root()
	for cur := range root.Preorder((*ast.CallExpr)(nil), (*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil)) {
		if a.hp.SkipFile(fileOf(cur)) {
			continue
		}
		switch n := cur.Node().(type) {
		case *ast.CallExpr:
			a.summarizeCall(s, cur, n)
		case *ast.CompositeLit:
			for _, e := range n.Elts {
				if kv, ok := e.(*ast.KeyValueExpr); ok {
					if id, ok := kv.Key.(*ast.Ident); ok {
						if v, ok := info.Uses[id].(*types.Var); ok && v.IsField() && isFuncType(v.Type()) {
							a.store(s, v, kv.Value)
						}
					}
				}
			}
		case *ast.AssignStmt:
			if len(n.Lhs) != len(n.Rhs) {
				continue
			}
			for i, l := range n.Lhs {
				if v := a.funcVar(l); v != nil && (v.IsField() || a.isPackageVar(v)) {
					a.store(s, v, n.Rhs[i])
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if v, ok := info.Defs[name].(*types.Var); ok && a.isPackageVar(v) && isFuncType(v.Type()) && i < len(n.Values) {
					a.store(s, v, n.Values[i])
				}
			}
		}
	}
	return s
}

func fileOf(cur inspector.Cursor) *ast.File {
	for f := range cur.Enclosing((*ast.File)(nil)) {
		return f.Node().(*ast.File)
	}
	return nil
}

func isFuncType(t types.Type) bool {
	_, ok := t.Underlying().(*types.Signature)
	return ok
}

// funcVar returns the function-typed field, package variable or
// parameter e denotes (x.f, pkg.V, v), or nil.
func (a *analyzer) funcVar(e ast.Expr) *types.Var {
	info := a.pass.TypesInfo
	var v *types.Var
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, _ = info.Uses[e].(*types.Var)
	case *ast.SelectorExpr:
		v, _ = info.Uses[e.Sel].(*types.Var)
	}
	if v == nil || !isFuncType(v.Type()) {
		return nil
	}
	return v.Origin()
}

// store records that value is stored into the function-typed v.
func (a *analyzer) store(s *Summary, v *types.Var, value ast.Expr) {
	v = v.Origin()
	if id, ok := ast.Unparen(value).(*ast.Ident); ok {
		if _, isNil := a.pass.TypesInfo.Uses[id].(*types.Nil); isNil {
			return
		}
	}
	ref := FuncRef{Unknown: true}
	if fn := typesx.FuncValue(a.pass.TypesInfo, value); fn != nil {
		ref = FuncRef{Fn: fn}
	} else if w := a.funcVar(value); w != nil && (w.IsField() || a.isPackageVar(w) || a.isParam(w)) {
		ref = FuncRef{Var: w}
	}
	s.Stores[v] = append(s.Stores[v], ref)
}

// isParam reports whether v is a parameter of a function declared in
// this package.
func (a *analyzer) isParam(v *types.Var) bool {
	return v.Kind() == types.ParamVar
}

// summarizeCall records a call the module step decides, and the
// function values a static call passes for function-typed parameters.
func (a *analyzer) summarizeCall(s *Summary, cur inspector.Cursor, call *ast.CallExpr) {
	info := a.pass.TypesInfo
	if tv, ok := info.Types[call.Fun]; ok && (tv.IsType() || tv.IsBuiltin()) {
		return
	}
	c := &Call{Pos: call.Pos(), End: call.End()}
	fn := a.callee(cur, call)
	switch {
	case fn != nil:
		if sig := fn.Signature(); inModule(fn.Pkg(), s.Module) {
			for i, arg := range call.Args {
				if i < sig.Params().Len() && isFuncType(sig.Params().At(i).Type()) && !(sig.Variadic() && i >= sig.Params().Len()-1) {
					a.store(s, sig.Params().At(i).Origin(), arg)
				}
			}
		}
		if cand := a.byNode[call]; cand != nil && cand.site.Rule != "" || !inModule(fn.Pkg(), s.Module) {
			return // decided by a fact, or outside the module
		}
		c.Static = fn
	default:
		sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if isSel {
			if selection, ok := info.Selections[sel]; ok && selection.Kind() == types.MethodVal && types.IsInterface(selection.Recv()) {
				iface, _ := selection.Recv().Underlying().(*types.Interface)
				m, _ := selection.Obj().(*types.Func)
				if iface == nil || m == nil {
					return
				}
				c.Iface, c.Method = iface, m
				break
			}
		}
		v := a.funcVar(call.Fun)
		if v == nil || !(v.IsField() || a.isPackageVar(v) || a.isParam(v)) {
			return
		}
		c.Var = v
	}
	// What the implementation builds is not known here: the call's
	// result stands for the pool.
	c.Cached = a.guarded(cur) || a.afterCacheGuard(cur) || a.retained(cur, new(pool).with(info.TypeOf(call)), 0) != keepNone
	if ctx, ok := a.hp.ContextOf(cur); ok {
		ctx.Node = nil
		c.Ctx = &ctx
	}
	owner := a.owner(cur)
	if fs := s.Funcs[owner]; fs != nil {
		fs.Calls = append(fs.Calls, c)
	} else if c.Ctx != nil {
		s.Sites = append(s.Sites, c)
	}
}

// inModule reports whether pkg belongs to the module whose path is mod.
func inModule(pkg *types.Package, mod string) bool {
	if pkg == nil {
		return false
	}
	p := pkg.Path()
	return p == mod || strings.HasPrefix(p, mod+"/")
}

// DynamicSites yields the positions of the summary's calls that run in a
// per-request context, which the module step may report: the reporting
// analyzers treat a suppression directive there as used.
func (s *Summary) DynamicSites() []token.Pos {
	if s == nil {
		return nil
	}
	var out []token.Pos
	for _, c := range s.Sites {
		out = append(out, c.Pos)
	}
	for _, f := range s.Funcs {
		for _, c := range f.Calls {
			if c.Ctx != nil {
				out = append(out, c.Pos)
			}
		}
	}
	return out
}
