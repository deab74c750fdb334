package godriver

import (
	"context"
	"fmt"
	"go/ast"
	"go/types"
	"net/url"
	"reflect"
	"slices"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// pkgFacts are the facts one package exports, per analyzer: live ones
// (computed in this process) by object, and encoded ones (from the cache)
// by object path, decoded on first use.
type pkgFacts struct {
	objs map[objKey]analysis.Fact
	pkgs map[pkgKey]analysis.Fact

	mu      sync.Mutex    // guards decoded lookups of encoded facts
	encoded *encodedFacts // nil for live facts
	decoded map[objKey]decodeResult
}

type objKey struct {
	a   *analysis.Analyzer
	obj types.Object
	t   reflect.Type
}

type pkgKey struct {
	a *analysis.Analyzer
	t reflect.Type
}

type decodeResult struct {
	fact analysis.Fact
	ok   bool
}

func newPkgFacts() *pkgFacts {
	return &pkgFacts{objs: map[objKey]analysis.Fact{}, pkgs: map[pkgKey]analysis.Fact{}}
}

// object returns the fact of type t that analyzer a exported for obj.
func (pf *pkgFacts) object(a *analysis.Analyzer, obj types.Object, t reflect.Type) (analysis.Fact, bool) {
	if pf == nil {
		return nil, false
	}
	k := objKey{a, obj, t}
	if f, ok := pf.objs[k]; ok {
		return f, true
	}
	if pf.encoded == nil {
		return nil, false
	}
	pf.mu.Lock()
	defer pf.mu.Unlock()
	if r, ok := pf.decoded[k]; ok {
		return r.fact, r.ok
	}
	f, ok := pf.encoded.object(a, obj, t)
	if pf.decoded == nil {
		pf.decoded = map[objKey]decodeResult{}
	}
	pf.decoded[k] = decodeResult{f, ok}
	return f, ok
}

func (pf *pkgFacts) pkg(a *analysis.Analyzer, t reflect.Type) (analysis.Fact, bool) {
	if pf == nil {
		return nil, false
	}
	f, ok := pf.pkgs[pkgKey{a, t}]
	return f, ok
}

// nodeOf returns the node whose types are pkg.
func (d *driver) nodeOf(pkg *types.Package) *node {
	if v, ok := d.byTypes.Load(pkg); ok {
		return v.(*node)
	}
	return nil
}

// analyse runs as (in dependency order) on n's package and returns its
// root result (nil for a dependency) and its facts.
func (d *driver) analyse(ctx context.Context, n *node, as []*analysis.Analyzer, files []*ast.File, info *types.Info) (*Result, *pkgFacts) {
	p := n.pkg
	pf := newPkgFacts()
	res := &Result{Package: p}
	results := map[*analysis.Analyzer]any{}
	module := &analysis.Module{}
	if p.Module != nil {
		module = analysisModule(p.Module)
	}
	for _, a := range as {
		if ctx.Err() != nil {
			res.Err = ctx.Err()
			break
		}
		inputs := map[*analysis.Analyzer]any{}
		for _, r := range a.Requires {
			inputs[r] = results[r]
		}
		var diags []analysis.Diagnostic
		pass := &analysis.Pass{
			Analyzer:     a,
			Fset:         d.fset,
			Files:        files,
			OtherFiles:   p.OtherFiles,
			IgnoredFiles: p.IgnoredFiles,
			Pkg:          p.Types,
			TypesInfo:    info,
			TypesSizes:   p.TypesSizes,
			TypeErrors:   p.TypeErrors,
			Module:       module,
			ResultOf:     inputs,
			Report:       func(diag analysis.Diagnostic) { diags = append(diags, diag) },
			ImportObjectFact: func(obj types.Object, ptr analysis.Fact) bool {
				if obj == nil {
					panic("nil object")
				}
				src := pf
				if obj.Pkg() != p.Types {
					if !exportedFrom(obj, obj.Pkg()) {
						return false // importers see no other facts (as in the x/tools checker)
					}
					src = d.factsOf(obj.Pkg())
				}
				f, ok := src.object(a, obj, reflect.TypeOf(ptr))
				if ok {
					reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(f).Elem())
				}
				return ok
			},
			ExportObjectFact: func(obj types.Object, f analysis.Fact) {
				if obj.Pkg() != p.Types {
					panic(fmt.Sprintf("analysis %s of package %s: can't set facts on objects of another package (%s)", a, p.PkgPath, obj))
				}
				pf.objs[objKey{a, obj, reflect.TypeOf(f)}] = f
			},
			ImportPackageFact: func(pkg *types.Package, ptr analysis.Fact) bool {
				if pkg == nil {
					panic("nil package")
				}
				src := pf
				if pkg != p.Types {
					src = d.factsOf(pkg)
				}
				f, ok := src.pkg(a, reflect.TypeOf(ptr))
				if ok {
					reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(f).Elem())
				}
				return ok
			},
			ExportPackageFact: func(f analysis.Fact) { pf.pkgs[pkgKey{a, reflect.TypeOf(f)}] = f },
			AllObjectFacts:    func() []analysis.ObjectFact { return d.allObjectFacts(n, a, pf) },
			AllPackageFacts:   func() []analysis.PackageFact { return d.allPackageFacts(n, a, pf) },
		}
		pass.ReadFile = checkedReadFile(pass, d.opts.ReadFile)
		r, err := a.Run(pass)
		if err == nil && reflect.TypeOf(r) != a.ResultType {
			err = fmt.Errorf("internal error: on package %s, analyzer %s returned a result of type %v, but declared ResultType %v", p.PkgPath, a, reflect.TypeOf(r), a.ResultType)
		}
		if err != nil {
			res.Err = fmt.Errorf("analyzer %s: %w", a.Name, err)
			break
		}
		results[a] = r
		if n.root && d.opts.Keep != nil {
			if k := d.opts.Keep(a, r); k != nil {
				if res.Kept == nil {
					res.Kept = map[*analysis.Analyzer]any{}
				}
				res.Kept[a] = k
			}
		}
		for _, diag := range diags {
			u, err := resolveURL(a, diag)
			if err != nil {
				res.Err = err
				break
			}
			diag.URL = u
			res.Diagnostics = append(res.Diagnostics, Diagnostic{Analyzer: a.Name, Diagnostic: diag})
		}
	}
	if !n.root {
		return nil, pf
	}
	return res, pf
}

// factsOf returns the facts of the package whose types are pkg; nil if
// that package exports none.
func (d *driver) factsOf(pkg *types.Package) *pkgFacts {
	if n := d.nodeOf(pkg); n != nil {
		return n.pf
	}
	return nil
}

// deps returns n's dependencies, direct and indirect.
func deps(n *node) []*node {
	seen := map[*node]bool{}
	var out []*node
	var visit func(m *node)
	visit = func(m *node) {
		for _, dep := range m.imports {
			if !seen[dep] {
				seen[dep] = true
				out = append(out, dep)
				visit(dep)
			}
		}
	}
	visit(n)
	return out
}

func (d *driver) allObjectFacts(n *node, a *analysis.Analyzer, own *pkgFacts) []analysis.ObjectFact {
	var out []analysis.ObjectFact
	add := func(pf *pkgFacts, pkg *types.Package) {
		if pf == nil {
			return
		}
		for k, f := range pf.objs {
			if k.a == a {
				out = append(out, analysis.ObjectFact{Object: k.obj, Fact: f})
			}
		}
		if pf.encoded != nil && pkg != nil {
			out = append(out, pf.encoded.all(a, pkg)...)
		}
	}
	add(own, n.pkg.Types)
	for _, dep := range deps(n) {
		add(dep.pf, dep.pkg.Types)
	}
	return out
}

func (d *driver) allPackageFacts(n *node, a *analysis.Analyzer, own *pkgFacts) []analysis.PackageFact {
	var out []analysis.PackageFact
	add := func(pf *pkgFacts, pkg *types.Package) {
		if pf == nil {
			return
		}
		for k, f := range pf.pkgs {
			if k.a == a {
				out = append(out, analysis.PackageFact{Package: pkg, Fact: f})
			}
		}
	}
	add(own, n.pkg.Types)
	for _, dep := range deps(n) {
		add(dep.pf, dep.pkg.Types)
	}
	return out
}

// checkedReadFile is read (Options.ReadFile) limited to the package's
// files, as analysis.Pass.ReadFile promises.
func checkedReadFile(pass *analysis.Pass, read func(string) ([]byte, error)) func(string) ([]byte, error) {
	return func(name string) ([]byte, error) {
		ok := slices.Contains(pass.OtherFiles, name) || slices.Contains(pass.IgnoredFiles, name)
		for _, f := range pass.Files {
			ok = ok || pass.Fset.File(f.FileStart).Name() == name
		}
		if !ok {
			return nil, fmt.Errorf("Pass.ReadFile: %s is not among OtherFiles, IgnoredFiles, or names of Files", name)
		}
		return read(name)
	}
}

// resolveURL gives a diagnostic its URL: its own, resolved against the
// analyzer's, else "#category" resolved likewise (as the x/tools drivers
// do).
func resolveURL(a *analysis.Analyzer, d analysis.Diagnostic) (string, error) {
	if d.URL == "" && d.Category == "" && a.URL == "" {
		return "", nil
	}
	raw := d.URL
	if raw == "" && d.Category != "" {
		raw = "#" + d.Category
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", fmt.Errorf("invalid Diagnostic.URL %q: %s", raw, err)
	}
	base, err := url.Parse(a.URL)
	if err != nil {
		return "", fmt.Errorf("invalid Analyzer.URL %q: %s", a.URL, err)
	}
	return base.ResolveReference(u).String(), nil
}

func analysisModule(m *packages.Module) *analysis.Module {
	if m == nil {
		return nil
	}
	var merr *analysis.ModuleError
	if m.Error != nil {
		merr = &analysis.ModuleError{Err: m.Error.Err}
	}
	return &analysis.Module{
		Path: m.Path, Version: m.Version, Replace: analysisModule(m.Replace), Time: m.Time,
		Main: m.Main, Indirect: m.Indirect, Dir: m.Dir, GoMod: m.GoMod, GoVersion: m.GoVersion, Error: merr,
	}
}
