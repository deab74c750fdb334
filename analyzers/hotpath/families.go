package hotpath

import (
	"go/ast"
	"go/types"
	"iter"
	"strings"

	"github.com/snatlint/snatlint/analyzers/hotpath/contexts"
	"github.com/snatlint/snatlint/analyzers/internal/typesx"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// This file matches functions against the context families of package
// contexts: by signature (parameter types, exact methods, named function
// types), by the interfaces their receiver implements, and by the
// registration calls that take them as values. Nothing here names a
// family.

// match is the family a function matched, if any.
type match struct {
	fam *contexts.Family
}

// registration is a function value or literal given where a family makes
// it a context: an argument of lambda.Start, a nats.MsgHandler argument, a
// conversion to reconcile.Func.
type registration struct {
	fam *contexts.Family
	fn  *types.Func // the function or method it names
	cur inspector.Cursor
}

// families holds the per-package state of the matching.
type families struct {
	all []*contexts.Family
	// memo remembers declared functions' matches.
	memo map[*types.Func]match
	// services lists, per package, the service interfaces its scope and
	// its direct imports declare (contexts.Services).
	services map[*types.Package][]service
	// regs are the package's registrations, found on first need: by
	// function (declared in this package), by literal, by the value
	// expression.
	regsDone bool
	regFuncs map[*types.Func]*contexts.Family
	regLits  map[*ast.FuncLit]*contexts.Family
	regExprs map[ast.Expr]registration
	regOrder []ast.Expr // regExprs' keys in source order
	// loops remembers message-loop labels.
	loops map[ast.Node]*contexts.Family
}

type service struct {
	fam   *contexts.Family
	iface *types.Named
}

func newFamilies(handlerTypes []string) *families {
	return &families{
		all:      contexts.Families(handlerTypes),
		memo:     map[*types.Func]match{},
		services: map[*types.Package][]service{},
		loops:    map[ast.Node]*contexts.Family{},
	}
}

// ofSignature returns the family that makes a function with sig a
// context by its signature alone (parameter sets, named function
// types), for a function named name; excluded reports a method whose
// name a family reserves for an exact signature it does not have.
func (fs *families) ofSignature(sig *types.Signature, name string) (fam *contexts.Family, excluded bool) {
	if sig.Recv() != nil {
		for _, f := range fs.all {
			for _, m := range f.Exact {
				if m.Name != name {
					continue
				}
				if exactParams(sig, m.Params) {
					return f, false
				}
				return nil, true
			}
		}
	}
	for _, f := range fs.all {
		if hasParamSet(sig, f.Params) || hasSignature(sig, f.Signatures) {
			return f, false
		}
	}
	return nil, false
}

// exactParams reports whether sig's parameters are exactly refs and it
// has no results.
func exactParams(sig *types.Signature, refs []contexts.TypeRef) bool {
	if sig.Params().Len() != len(refs) || sig.Results().Len() != 0 {
		return false
	}
	for i, r := range refs {
		if !isRef(sig.Params().At(i).Type(), r) {
			return false
		}
	}
	return true
}

// hasParamSet reports whether sig's parameters include a value of every
// type of one of sets.
func hasParamSet(sig *types.Signature, sets [][]contexts.TypeRef) bool {
	for _, set := range sets {
		all := len(set) > 0
		for _, r := range set {
			found := false
			for v := range sig.Params().Variables() {
				if isRef(v.Type(), r) {
					found = true
					break
				}
			}
			all = all && found
		}
		if all {
			return true
		}
	}
	return false
}

// hasSignature reports whether sig (receiver aside) is identical to the
// underlying signature of one of the named function types refs.
func hasSignature(sig *types.Signature, refs []contexts.TypeRef) bool {
	if len(refs) == 0 {
		return false
	}
	plain := types.NewSignatureType(nil, nil, nil, sig.Params(), sig.Results(), sig.Variadic())
	for _, r := range refs {
		tn := findTypeIn(sig, r)
		if tn == nil {
			continue
		}
		if u, ok := tn.Type().Underlying().(*types.Signature); ok && types.Identical(plain, u) {
			return true
		}
	}
	return false
}

// findTypeIn finds the named type r among the packages of the named
// types sig mentions (its parameters and results, one level deep): a
// function can only have r's signature if it mentions r's package.
func findTypeIn(sig *types.Signature, r contexts.TypeRef) *types.TypeName {
	for _, tuple := range []*types.Tuple{sig.Params(), sig.Results()} {
		for v := range tuple.Variables() {
			t := types.Unalias(v.Type())
			if p, ok := t.(*types.Pointer); ok {
				t = types.Unalias(p.Elem())
			}
			if s, ok := t.(*types.Slice); ok {
				t = types.Unalias(s.Elem())
				if p, ok := t.(*types.Pointer); ok {
					t = types.Unalias(p.Elem())
				}
			}
			n, ok := t.(*types.Named)
			if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != r.Pkg {
				continue
			}
			if tn, ok := n.Obj().Pkg().Scope().Lookup(r.Name).(*types.TypeName); ok {
				return tn
			}
		}
	}
	return nil
}

// isRef reports whether t is the type r names (a generic type: any
// instance of it).
func isRef(t types.Type, r contexts.TypeRef) bool {
	t = types.Unalias(t)
	if r.Ptr {
		p, ok := t.(*types.Pointer)
		if !ok {
			return false
		}
		t = types.Unalias(p.Elem())
	}
	n, ok := t.(*types.Named)
	if !ok {
		return false
	}
	obj := n.Origin().Obj()
	return obj.Name() == r.Name && obj.Pkg() != nil && obj.Pkg().Path() == r.Pkg
}

// ofDecl returns the family that makes the declared function or method
// fn a context, if any: by its signature, by the interfaces its receiver
// implements, or, for a function of this package, by a registration here.
func (r *Result) ofDecl(fn *types.Func) (*contexts.Family, bool) {
	fs := r.fams
	fn = fn.Origin()
	if m, ok := fs.memo[fn]; ok {
		return m.fam, m.fam != nil
	}
	var found *contexts.Family
	sigFam, excluded := fs.ofSignature(fn.Signature(), fn.Name())
	if !excluded {
		ifaceFam := fs.ofReceiver(fn)
		var regFam *contexts.Family
		if fn.Pkg() == r.pass.Pkg {
			regFam = r.registrations().regFuncs[fn]
		}
		for _, f := range fs.all { // the first family in precedence order
			if f == sigFam || f == ifaceFam || f == regFam {
				found = f
				break
			}
		}
	}
	fs.memo[fn] = match{found}
	return found, found != nil
}

// ofReceiver returns the family that makes method fn a context through
// an interface its receiver's type implements, or nil.
func (fs *families) ofReceiver(fn *types.Func) *contexts.Family {
	recv := fn.Signature().Recv()
	if recv == nil || fn.Pkg() == nil {
		return nil
	}
	t := types.Unalias(recv.Type())
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	named, ok := t.(*types.Named)
	if !ok {
		return nil
	}
	if _, isIface := named.Underlying().(*types.Interface); isIface {
		return nil
	}
	ptr := types.NewPointer(named)
	for _, f := range fs.all {
		for _, in := range f.Implements {
			if !slicesContains(in.Methods, fn.Name()) && in.Methods != nil {
				continue
			}
			tn := lookupType(fn.Pkg(), in.Type)
			if tn == nil {
				continue
			}
			if implements(ptr, tn) {
				return f
			}
		}
	}
	for _, s := range fs.servicesOf(fn.Pkg()) {
		iface := s.iface.Underlying().(*types.Interface)
		for m := range iface.Methods() {
			if m.Name() != fn.Name() || skipped(s.fam.Services.Skip, m.Name()) {
				continue
			}
			if types.Implements(ptr, iface) {
				return s.fam
			}
		}
	}
	return nil
}

func slicesContains(s []string, x string) bool {
	for _, e := range s {
		if e == x {
			return true
		}
	}
	return false
}

func skipped(patterns []string, name string) bool {
	for _, p := range patterns {
		if p == name || strings.HasSuffix(p, "*") && strings.HasPrefix(name, strings.TrimSuffix(p, "*")) {
			return true
		}
	}
	return false
}

// lookupType finds the type r in pkg or one of its direct imports (a type
// that implements an interface it names in its methods' signatures
// imports the interface's package).
func lookupType(pkg *types.Package, r contexts.TypeRef) *types.TypeName {
	find := func(p *types.Package) *types.TypeName {
		if p.Path() != r.Pkg {
			return nil
		}
		tn, _ := p.Scope().Lookup(r.Name).(*types.TypeName)
		return tn
	}
	if tn := find(pkg); tn != nil {
		return tn
	}
	for _, imp := range pkg.Imports() {
		if tn := find(imp); tn != nil {
			return tn
		}
	}
	return nil
}

// implements reports whether t implements the interface tn, which may
// be generic: then any instantiation counts (the type parameters bound
// consistently across its methods).
func implements(t types.Type, tn *types.TypeName) bool {
	named, ok := tn.Type().(*types.Named)
	if !ok {
		return false
	}
	iface, ok := named.Underlying().(*types.Interface)
	if !ok {
		return false
	}
	if named.TypeParams().Len() == 0 {
		return types.Implements(t, iface)
	}
	bound := map[*types.TypeParam]types.Type{}
	for m := range iface.Methods() {
		obj, _, _ := types.LookupFieldOrMethod(t, true, m.Pkg(), m.Name())
		have, ok := obj.(*types.Func)
		if !ok || !unifySig(have.Signature(), m.Signature(), bound) {
			return false
		}
	}
	return true
}

// unifySig reports whether the concrete signature x matches y, whose
// types may mention type parameters, binding them in bound.
func unifySig(x, y *types.Signature, bound map[*types.TypeParam]types.Type) bool {
	if x.Variadic() != y.Variadic() || x.Params().Len() != y.Params().Len() || x.Results().Len() != y.Results().Len() {
		return false
	}
	for _, pair := range [][2]*types.Tuple{{x.Params(), y.Params()}, {x.Results(), y.Results()}} {
		for i := range pair[0].Len() {
			if !unify(pair[0].At(i).Type(), pair[1].At(i).Type(), bound) {
				return false
			}
		}
	}
	return true
}

func unify(x, y types.Type, bound map[*types.TypeParam]types.Type) bool {
	x, y = types.Unalias(x), types.Unalias(y)
	switch y := y.(type) {
	case *types.TypeParam:
		if b, ok := bound[y]; ok {
			return types.Identical(x, b)
		}
		bound[y] = x
		return true
	case *types.Pointer:
		xp, ok := x.(*types.Pointer)
		return ok && unify(xp.Elem(), y.Elem(), bound)
	case *types.Slice:
		xs, ok := x.(*types.Slice)
		return ok && unify(xs.Elem(), y.Elem(), bound)
	}
	return types.Identical(x, y)
}

// servicesOf returns the service interfaces declared by pkg and its
// direct imports (contexts.Services: generated gRPC code).
func (fs *families) servicesOf(pkg *types.Package) []service {
	if s, ok := fs.services[pkg]; ok {
		return s
	}
	var out []service
	for _, f := range fs.all {
		if f.Services == nil {
			continue
		}
		for _, p := range append([]*types.Package{pkg}, pkg.Imports()...) {
			out = append(out, declaredServices(f, p)...)
		}
	}
	fs.services[pkg] = out
	return out
}

// declaredServices lists the service interfaces of family f declared in
// pkg: the parameter Arg of each function Prefix+X+Suffix whose first
// parameter is a registrar.
func declaredServices(f *contexts.Family, pkg *types.Package) []service {
	s := f.Services
	var out []service
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		if !strings.HasPrefix(name, s.Prefix) || !strings.HasSuffix(name, s.Suffix) || len(name) <= len(s.Prefix)+len(s.Suffix) {
			continue
		}
		fn, ok := scope.Lookup(name).(*types.Func)
		if !ok {
			continue
		}
		params := fn.Signature().Params()
		if params.Len() <= s.Arg || params.Len() == 0 || !anyRef(params.At(0).Type(), s.Registrars) {
			continue
		}
		n, ok := types.Unalias(params.At(s.Arg).Type()).(*types.Named)
		if !ok || !types.IsInterface(n) {
			continue
		}
		out = append(out, service{fam: f, iface: n})
	}
	return out
}

func anyRef(t types.Type, refs []contexts.TypeRef) bool {
	for _, r := range refs {
		if isRef(t, r) {
			return true
		}
	}
	return false
}

// registrations finds, once per package, the function values and
// literals the package gives to registration calls and callback
// parameters.
func (r *Result) registrations() *families {
	fs := r.fams
	if fs.regsDone {
		return fs
	}
	fs.regsDone = true
	fs.regFuncs = map[*types.Func]*contexts.Family{}
	fs.regLits = map[*ast.FuncLit]*contexts.Family{}
	fs.regExprs = map[ast.Expr]registration{}
	if !fs.hasRegistrations() || !r.reachesRegistrationPackages() {
		return fs // nothing here can register a context by value
	}
	info := r.pass.TypesInfo
	for cur := range r.inspct.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
			if len(call.Args) == 1 {
				if f := fs.callbackType(tv.Type); f != nil {
					r.register(cur.ChildAt(edge.CallExpr_Args, 0), f)
				}
			}
			continue
		}
		if fn := typesx.StaticCallee(info, call); fn != nil {
			if f, arg := fs.registrationCall(fn); f != nil && arg < len(call.Args) {
				r.register(cur.ChildAt(edge.CallExpr_Args, arg), f)
			}
		}
		sig, _ := types.Unalias(info.TypeOf(call.Fun)).(*types.Signature)
		if sig == nil {
			continue
		}
		for i := range call.Args {
			pi := min(i, sig.Params().Len()-1)
			if pi < 0 {
				break
			}
			pt := sig.Params().At(pi).Type()
			if sig.Variadic() && pi == sig.Params().Len()-1 && !call.Ellipsis.IsValid() {
				if s, ok := pt.Underlying().(*types.Slice); ok {
					pt = s.Elem()
				}
			}
			if f := fs.callbackType(pt); f != nil {
				r.register(cur.ChildAt(edge.CallExpr_Args, i), f)
			}
		}
	}
	return fs
}

// reachesRegistrationPackages reports whether the package is, or imports
// directly or not, a package declaring a registration call or callback
// type: otherwise no call here can take one (a wrapper taking a
// nats.MsgHandler imports nats itself).
func (r *Result) reachesRegistrationPackages() bool {
	want := map[string]bool{}
	for _, f := range r.fams.all {
		for _, c := range f.Calls {
			want[c.Pkg] = true
		}
		for _, t := range f.CallbackTypes {
			want[t.Pkg] = true
		}
	}
	seen := map[*types.Package]bool{}
	var visit func(p *types.Package) bool
	visit = func(p *types.Package) bool {
		if seen[p] {
			return false
		}
		seen[p] = true
		if want[p.Path()] {
			return true
		}
		for _, imp := range p.Imports() {
			if visit(imp) {
				return true
			}
		}
		return false
	}
	return visit(r.pass.Pkg)
}

// hasRegistrations reports whether any family registers function values.
func (fs *families) hasRegistrations() bool {
	for _, f := range fs.all {
		if len(f.Calls) > 0 || len(f.CallbackTypes) > 0 {
			return true
		}
	}
	return false
}

// callbackType returns the family one of whose callback types t is.
func (fs *families) callbackType(t types.Type) *contexts.Family {
	for _, f := range fs.all {
		if anyRef(t, f.CallbackTypes) {
			return f
		}
	}
	return nil
}

// registrationCall returns the family and argument index if fn is one of
// a family's registration calls.
func (fs *families) registrationCall(fn *types.Func) (*contexts.Family, int) {
	for _, f := range fs.all {
		for _, c := range f.Calls {
			if isCall(fn, c) {
				return f, c.Arg
			}
		}
	}
	return nil, 0
}

// isCall reports whether fn is the function or method c names (methods
// of interfaces too).
func isCall(fn *types.Func, c contexts.Call) bool {
	if fn == nil || fn.Pkg() == nil || fn.Name() != c.Name || fn.Pkg().Path() != c.Pkg {
		return false
	}
	recv := fn.Signature().Recv()
	if c.Recv == "" {
		return recv == nil
	}
	if recv == nil {
		return false
	}
	t := types.Unalias(recv.Type())
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	n, ok := t.(*types.Named)
	return ok && n.Origin().Obj().Name() == c.Recv
}

// register records the argument at arg as a context of family f: a
// literal, a function or method value, or a local variable assigned one
// of those exactly once.
func (r *Result) register(arg inspector.Cursor, f *contexts.Family) {
	fs := r.fams
	e := ast.Unparen(arg.Node().(ast.Expr))
	switch v := r.valueOf(arg, e).(type) {
	case *ast.FuncLit:
		if _, ok := fs.regLits[v]; !ok {
			fs.regLits[v] = f
		}
	case *types.Func:
		if _, ok := fs.regExprs[e]; !ok {
			fs.regExprs[e] = registration{fam: f, fn: v, cur: arg}
			fs.regOrder = append(fs.regOrder, e)
		}
		if v.Pkg() == r.pass.Pkg {
			if _, ok := fs.regFuncs[v]; !ok {
				fs.regFuncs[v] = f
			}
		}
	}
}

// valueOf is the function literal or the function that the expression e
// at cur denotes, following a local variable assigned exactly once; nil
// otherwise.
func (r *Result) valueOf(cur inspector.Cursor, e ast.Expr) any {
	info := r.pass.TypesInfo
	if lit, ok := e.(*ast.FuncLit); ok {
		return lit
	}
	if fn := typesx.FuncValue(info, e); fn != nil {
		return fn
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
		return nil
	}
	value := typesx.BoundOnce(info, cur, v)
	if value == nil {
		return nil
	}
	value = ast.Unparen(value)
	if lit, ok := value.(*ast.FuncLit); ok {
		return lit
	}
	if fn := typesx.FuncValue(info, value); fn != nil {
		return fn
	}
	return nil
}

// Registered yields, in source order, the function values (not
// literals) this package gives to registration calls or callback
// parameters, and the functions they name: a function of another package
// runs per request from here, so a construction it performs on every call
// is reported at this argument (ContextOf gives the argument the
// registration's context).
func (r *Result) Registered() iter.Seq2[inspector.Cursor, *types.Func] {
	return func(yield func(inspector.Cursor, *types.Func) bool) {
		if r.fileSkippedAll() {
			return
		}
		fs := r.registrations()
		for _, e := range fs.regOrder {
			reg := fs.regExprs[e]
			if r.fileSkipped(reg.cur) {
				continue
			}
			if !yield(reg.cur, reg.fn) {
				return
			}
		}
	}
}

// fileSkippedAll reports whether every file of the package is skipped
// (a package of tests only, without -tests).
func (r *Result) fileSkippedAll() bool {
	for _, f := range r.pass.Files {
		if !r.SkipFile(f) {
			return false
		}
	}
	return true
}

// loopFamily returns the family whose message-loop calls the loop makes
// (in its header or body, outside nested function literals), or nil.
func (r *Result) loopFamily(loop ast.Node) *contexts.Family {
	fs := r.fams
	if f, ok := fs.loops[loop]; ok {
		return f
	}
	var found *contexts.Family
	hasLoops := false
	for _, f := range fs.all {
		hasLoops = hasLoops || len(f.Loops) > 0
	}
	if hasLoops {
		ast.Inspect(loop, func(n ast.Node) bool {
			if found != nil {
				return false
			}
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.CallExpr:
				found = fs.loopCall(r.pass.TypesInfo, n)
			}
			return found == nil
		})
	}
	fs.loops[loop] = found
	return found
}

// loopCall returns the family one of whose loop calls call is.
func (fs *families) loopCall(info *types.Info, call *ast.CallExpr) *contexts.Family {
	var fn *types.Func
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[f]; ok {
			fn, _ = sel.Obj().(*types.Func)
		}
	}
	if fn == nil {
		return nil
	}
	fn = fn.Origin()
	for _, f := range fs.all {
		for _, c := range f.Loops {
			if isCall(fn, c) {
				return f
			}
		}
	}
	return nil
}

// describe renders a declared function's context description from its
// family's Desc template.
func describe(f *contexts.Family, fn *types.Func) string {
	tmpl := f.Desc
	recv := typesx.RecvTypeName(fn)
	if tmpl == "" || recv == "" && strings.Contains(tmpl, "{recv}") {
		tmpl = "{label} {name}" // a function registered by value
	}
	return strings.NewReplacer("{label}", f.Label, "{name}", fn.Name(), "{recv}", recv).Replace(tmpl)
}
