package construct

import (
	"go/types"
	"slices"
	"strings"
)

// A pool is what a construction builds, as far as "does this value hold
// it?" needs to know (design.md, "Retention follows the pool": decided
// by types, not names): the named types of the values that are the pool
// or hold it — the catalog type built, a root's result, the types a
// fact-carrying callee builds, and the values it is wrapped in on its
// way to a store.
type pool struct {
	names []string     // sorted qualified names, "net/http.Client"
	types []types.Type // the named types known in this package, for interface checks
}

// maxPoolNames bounds a pool's names (and a fact's Types).
const maxPoolNames = 6

// typeKey is the qualified name of t's named type, through pointers,
// aliases and the elements of collections, or "".
func typeKey(t types.Type) string {
	n := namedOf(t)
	if n == nil || n.Obj().Pkg() == nil {
		return ""
	}
	return n.Obj().Pkg().Path() + "." + n.Obj().Name()
}

func namedOf(t types.Type) *types.Named {
	for t != nil {
		switch u := types.Unalias(t).(type) {
		case *types.Pointer:
			t = u.Elem()
		case *types.Slice:
			t = u.Elem() // []notify.Integration: what each element is
		case *types.Array:
			t = u.Elem()
		case *types.Map:
			t = u.Elem()
		case *types.Chan:
			t = u.Elem()
		case *types.Named:
			return u.Origin()
		default:
			return nil
		}
	}
	return nil
}

// with returns p plus the named types in t (a value's type; each
// element of a tuple but error).
func (p *pool) with(ts ...types.Type) *pool {
	q := p
	if q == nil {
		q = &pool{}
	}
	for _, t := range ts {
		if tup, ok := t.(*types.Tuple); ok {
			for v := range tup.Variables() {
				if !isErrorType(v.Type()) {
					q = q.with(v.Type())
				}
			}
			continue
		}
		k := typeKey(t)
		if k == "" || q.has(k) || len(q.names) >= maxPoolNames {
			continue
		}
		r := &pool{names: slices.Clone(q.names), types: slices.Clone(q.types)}
		r.names = append(r.names, k)
		slices.Sort(r.names)
		r.types = append(r.types, namedOf(t))
		q = r
	}
	return q
}

// withNames returns p plus the qualified type names (from a fact),
// resolved in this package's import graph where possible.
func (a *analyzer) withNames(p *pool, names []string) *pool {
	for _, n := range names {
		if p.has(n) || len(p.names) >= maxPoolNames {
			continue
		}
		if t := a.lookupType(n); t != nil {
			p = p.with(t)
			continue
		}
		r := &pool{names: append(slices.Clone(p.names), n), types: p.types}
		slices.Sort(r.names)
		p = r
	}
	return p
}

// union returns the pool holding the names of both.
func (a *analyzer) union(p, q *pool) *pool {
	if p == nil {
		return q
	}
	if q == nil {
		return p
	}
	r := p
	for _, t := range q.types {
		r = r.with(t)
	}
	return a.withNames(r, q.names)
}

func (p *pool) has(name string) bool {
	if p == nil {
		return false
	}
	_, ok := slices.BinarySearch(p.names, name)
	return ok
}

func (p *pool) key() string {
	if p == nil {
		return ""
	}
	return strings.Join(p.names, ",")
}

// lookupType resolves "pkg/path.Name" among the packages this one
// imports, directly or not; nil when it is not there.
func (a *analyzer) lookupType(name string) types.Type {
	i := strings.LastIndexByte(name, '.')
	if i < 0 {
		return nil
	}
	if a.pkgs == nil {
		a.pkgs = map[string]*types.Package{}
		var add func(p *types.Package)
		add = func(p *types.Package) {
			if _, seen := a.pkgs[p.Path()]; seen {
				return
			}
			a.pkgs[p.Path()] = p
			for _, imp := range p.Imports() {
				add(imp)
			}
		}
		add(a.pass.Pkg)
	}
	pkg := a.pkgs[name[:i]]
	if pkg == nil {
		return nil
	}
	tn, ok := pkg.Scope().Lookup(name[i+1:]).(*types.TypeName)
	if !ok {
		return nil
	}
	return tn.Type()
}

// maxHoldDepth bounds how deep holds looks into fields and elements.
const maxHoldDepth = 6

type holdsKey struct {
	t     *types.Named
	pool  string
	depth int
	elem  bool
}

// holds reports whether a value of type t is the pool or can hold it: t
// is, or has a field or element (through pointers, slices, maps,
// channels, nested structs) of, one of the pool's named types, or of an
// interface that one of them implements. The value itself, or an
// element of a collection it is, may be any interface but error (the
// value itself also the empty one): its dynamic value may be the pool or
// wrap it.
func (a *analyzer) holds(t types.Type, p *pool) bool {
	if p == nil {
		return false
	}
	return a.holdsAt(t, p, 0, false)
}

// holdsConcrete is holds for a value that is not an interface, looking
// only at what it contains (the receiver of a setter).
func (a *analyzer) holdsConcrete(t types.Type, p *pool) bool {
	if p == nil || t == nil || types.IsInterface(t) {
		return false
	}
	return a.holdsAt(t, p, 1, false)
}

// holdsAt decides t at a depth of struct fields; elem is set for the
// elements of a collection.
func (a *analyzer) holdsAt(t types.Type, p *pool, depth int, elem bool) bool {
	if t == nil || depth > maxHoldDepth {
		return false
	}
	switch u := types.Unalias(t).(type) {
	case *types.Tuple:
		for v := range u.Variables() {
			if a.holdsAt(v.Type(), p, depth, elem) {
				return true
			}
		}
	case *types.Named:
		if p.has(typeKey(u)) {
			return true
		}
		key := holdsKey{u, p.key(), depth, elem}
		if r, ok := a.holdsMemo[key]; ok {
			return r
		}
		a.holdsMemo[key] = false // a cycle holds nothing more
		r := a.holdsAt(u.Underlying(), p, depth, elem)
		a.holdsMemo[key] = r
		return r
	case *types.Pointer:
		return a.holdsAt(u.Elem(), p, depth, elem)
	case *types.Interface:
		return a.ifaceHolds(u, p, depth, elem)
	case *types.Struct:
		for f := range u.Fields() {
			if a.holdsAt(f.Type(), p, depth+1, false) {
				return true
			}
		}
	case *types.Slice:
		return a.holdsAt(u.Elem(), p, depth, true)
	case *types.Array:
		return a.holdsAt(u.Elem(), p, depth, true)
	case *types.Map:
		return a.holdsAt(u.Elem(), p, depth, true)
	case *types.Chan:
		return a.holdsAt(u.Elem(), p, depth, true)
	case *types.TypeParam:
		return true // any type: it may be the pool
	}
	return false
}

// ifaceHolds decides an interface: the value itself may be any interface
// but error, an element of a collection any but error and the empty
// one; inside a value, one that a pool type implements
// (http.RoundTripper, azcore.TokenCredential, a Doer).
func (a *analyzer) ifaceHolds(iface *types.Interface, p *pool, depth int, elem bool) bool {
	if isErrorIface(iface) {
		return false
	}
	if depth == 0 && (!elem || !iface.Empty()) {
		return true
	}
	if iface.Empty() {
		return false
	}
	for _, t := range p.types {
		if t != nil && (types.Implements(t, iface) || types.Implements(types.NewPointer(t), iface)) {
			return true
		}
	}
	return false
}

var errorIface = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

func isErrorIface(iface *types.Interface) bool {
	return types.Identical(iface, errorIface)
}

func isErrorType(t types.Type) bool {
	iface, ok := t.Underlying().(*types.Interface)
	return ok && isErrorIface(iface)
}
