package catalog

import (
	"go/types"
	pathpkg "path"
	"slices"
	"sync"

	"github.com/snatlint/snatlint/analyzers/internal/typesx"
)

// GoMatch is a Go construction matched by a row.
type GoMatch struct {
	Rule string
	Row  *Row
	// What names what is built: the row's What, or for a type without
	// one, "pkg.Type".
	What string
}

// GoCatalog matches Go constructions against the Go rows: the providers'
// and the configuration's. The zero value holds the providers' rows
// only. It is immutable.
type GoCatalog struct {
	idx *goIndex
}

type goKey struct{ pkg, recv, name string }

type goIndex struct {
	exact map[goKey][]*Row
	globs map[string][]*Row // by package: rows whose name holds "*"
	wild  []*Row            // rows whose package holds a "*" element
	pkgs  []string          // packages (or patterns) of the reporting rows
	// settings are the setting rows by package and field name (their
	// packages hold no "*").
	settings map[goKey][]*Row
}

var builtinGo = sync.OnceValue(func() *goIndex { return newGoIndex(BuiltinRows()) })

// NewGoCatalog returns the catalog of the built-in rows and extra (Go
// rows from the configuration; rows of another language are ignored).
func NewGoCatalog(extra []*Row) GoCatalog {
	if len(extra) == 0 {
		return GoCatalog{}
	}
	return GoCatalog{idx: newGoIndex(append(slices.Clone(BuiltinRows()), extra...))}
}

func newGoIndex(rows []*Row) *goIndex {
	idx := &goIndex{exact: map[goKey][]*Row{}, globs: map[string][]*Row{}, settings: map[goKey][]*Row{}}
	for _, r := range rows {
		if r.Lang != Go || !r.valid() {
			continue
		}
		if r.IsSetting() {
			if !hasStar(r.Package) {
				k := goKey{pkg: r.Package, name: r.Field}
				idx.settings[k] = append(idx.settings[k], r)
				idx.pkgs = append(idx.pkgs, r.Package)
			}
			continue
		}
		switch {
		case hasStar(r.Package):
			idx.wild = append(idx.wild, r)
		case !hasStar(r.Name):
			k := goKey{r.Package, r.Receiver, r.Name}
			idx.exact[k] = append(idx.exact[k], r)
		default:
			idx.globs[r.Package] = append(idx.globs[r.Package], r)
		}
		if r.Silent == "" {
			idx.pkgs = append(idx.pkgs, r.Package)
		}
	}
	slices.Sort(idx.pkgs)
	idx.pkgs = slices.Compact(idx.pkgs)
	return idx
}

func hasStar(s string) bool {
	for i := range len(s) {
		if s[i] == '*' {
			return true
		}
	}
	return false
}

func (c GoCatalog) index() *goIndex {
	if c.idx != nil {
		return c.idx
	}
	return builtinGo()
}

// Packages are the packages the rows name, or patterns of them with a
// "*" element (MatchPackage): a package importing none of them (and no
// package that carries facts) cannot construct anything.
func (c GoCatalog) Packages() []string { return slices.Clone(c.index().pkgs) }

// IsRootPackage reports whether path is a package the rows name.
func (c GoCatalog) IsRootPackage(path string) bool {
	for _, p := range c.index().pkgs {
		if MatchPackage(p, path) {
			return true
		}
	}
	return false
}

// MatchPackage reports whether the package path matches pattern, a path
// in which a "*" element matches any one element.
func MatchPackage(pattern, path string) bool {
	if !hasStar(pattern) {
		return pattern == path
	}
	ok, err := pathpkg.Match(pattern, path)
	return err == nil && ok
}

// RootPackages are the packages the built-in rows name.
func RootPackages() []string { return slices.Clone(builtinGo().pkgs) }

// lookup returns the most specific row for pkg, recv and name.
func (idx *goIndex) lookup(pkg, recv, name string) *Row {
	if rows := idx.exact[goKey{pkg, recv, name}]; len(rows) > 0 {
		return best(rows)
	}
	var cands []*Row
	for _, r := range idx.globs[pkg] {
		if r.Receiver == recv && matchName(r.Name, name) {
			cands = append(cands, r)
		}
	}
	for _, r := range idx.wild {
		if r.Receiver == recv && matchName(r.Name, name) && MatchPackage(r.Package, pkg) {
			cands = append(cands, r)
		}
	}
	return best(cands)
}

// Type returns the construction of a value of type t (a composite
// literal, new(T) or a zero-value variable of t): a type row's type,
// also through aliases and defined types whose underlying type is a
// row type's.
func (c GoCatalog) Type(t types.Type) (GoMatch, bool) {
	if t == nil {
		return GoMatch{}, false // ill-typed
	}
	idx := c.index()
	t = types.Unalias(t)
	if n, ok := t.(*types.Named); ok && n.Obj().Pkg() != nil {
		if r := idx.lookup(n.Obj().Pkg().Path(), "", n.Obj().Name()); r != nil {
			if r.Silent != "" {
				return GoMatch{}, false
			}
			return GoMatch{Rule: r.Rule, Row: r, What: cmpOr(r.What, n.Obj().Pkg().Name()+"."+n.Obj().Name())}, true
		}
	}
	s, ok := t.Underlying().(*types.Struct)
	if !ok {
		return GoMatch{}, false
	}
	// A defined type over a row type's struct: the struct's fields are
	// declared in the row's package.
	var pkg *types.Package
	for f := range s.Fields() {
		if pkg = f.Pkg(); pkg != nil {
			break
		}
	}
	if pkg == nil {
		return GoMatch{}, false
	}
	var cands []*Row
	for k, rows := range idx.exact {
		if k.pkg != pkg.Path() || k.recv != "" {
			continue
		}
		tn, ok := pkg.Scope().Lookup(k.name).(*types.TypeName)
		if ok && types.Identical(tn.Type().Underlying(), s) {
			cands = append(cands, rows...)
		}
	}
	r := best(cands)
	if r == nil || r.Silent != "" {
		return GoMatch{}, false
	}
	return GoMatch{Rule: r.Rule, Row: r, What: cmpOr(r.What, pkg.Name()+"."+r.Name)}, true
}

// Call returns the construction performed by a call of fn, a catalog
// root: a function or method row. Roots are not analysed further: what
// their bodies do is decided by their row.
func (c GoCatalog) Call(fn *types.Func) (GoMatch, bool) {
	r := c.callRow(fn)
	if r == nil || r.Silent != "" {
		return GoMatch{}, false
	}
	return GoMatch{Rule: r.Rule, Row: r, What: r.WhatOr()}, true
}

// Silent reports whether calls of fn are never constructions, whatever
// its body does (a silent row: on-behalf-of credentials are per user by
// design).
func (c GoCatalog) Silent(fn *types.Func) bool {
	r := c.callRow(fn)
	return r != nil && r.Silent != ""
}

func (c GoCatalog) callRow(fn *types.Func) *Row {
	if fn == nil || fn.Pkg() == nil {
		return nil
	}
	return c.index().lookup(fn.Pkg().Path(), typesx.RecvTypeName(fn), fn.Name())
}

// GoSetting is a setting found by Field: its row, and what it is set on
// ("http.Transport").
type GoSetting struct {
	Row *Row
	On  string
}

// Field returns the setting rows of the struct field v: rows whose type
// (Name, in v's package) has v among its fields, also when v is reached
// through a defined type over it or an embedding struct (the field
// object is the same). A look-alike field of another type matches
// nothing.
func (c GoCatalog) Field(v *types.Var) []GoSetting {
	if v == nil || !v.IsField() || v.Pkg() == nil {
		return nil
	}
	rows := c.index().settings[goKey{pkg: v.Pkg().Path(), name: v.Name()}]
	var out []GoSetting
	for _, r := range rows {
		tn, ok := v.Pkg().Scope().Lookup(r.Name).(*types.TypeName)
		if !ok {
			continue
		}
		s, ok := tn.Type().Underlying().(*types.Struct)
		if !ok {
			continue
		}
		for f := range s.Fields() {
			if f == v {
				out = append(out, GoSetting{Row: r, On: cmpOr(r.What, v.Pkg().Name()+"."+r.Name)})
				break
			}
		}
	}
	return out
}

// TypeSettings are the Anywhere setting rows of the type named name in
// package pkg: a literal of it that sets one makes its construction the
// KeepAliveOff variant.
func (c GoCatalog) TypeSettings(pkg, name string) []*Row {
	var out []*Row
	for k, rows := range c.index().settings {
		if k.pkg != pkg {
			continue
		}
		for _, r := range rows {
			if r.Name == name && r.Scope == Anywhere {
				out = append(out, r)
			}
		}
	}
	slices.SortFunc(out, func(a, b *Row) int { return a.Line - b.Line })
	return out
}
