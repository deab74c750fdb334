// Package godriver runs go/analysis analyzers on Go packages in
// standalone mode, in the spirit of golang.org/x/tools/go/analysis/checker
// but built to scale to large modules:
//
//   - packages are parsed and type-checked by the driver itself, in
//     dependency order, on a bounded pool of workers (one per CPU);
//   - a package's syntax and types.Info are dropped as soon as its
//     analysis is done, so memory holds the type graph and the facts, not
//     every syntax tree of the import graph;
//   - a dependency that cannot carry facts (it is none of the fact roots
//     and imports none of them, directly or not) is type-checked without
//     function bodies and not analysed at all;
//   - with a Cache, a package whose inputs (its files and its
//     dependencies' facts and types) are unchanged is not analysed again:
//     its facts and diagnostics come from the cache, and it is not even
//     type-checked unless a package that must be analysed imports it.
//
// Roots get every analyzer in one go today. A module-wide step that needs
// the facts of all the module's packages before anything is reported
// (interface dispatch) fits between the two halves of process: run the
// fact analyzers on every package first, keep the roots' syntax, types.Info
// and fact-analyzer results, run the step, then the reporting analyzers
// on the roots (their cache key must then cover the module's facts).
//
// Load reads the package graph (go list); Analyze type-checks and
// analyses it. Between the two the caller sees the graph, and after
// Analyze every package's Errors and IllTyped are filled in as
// packages.Load would have.
package godriver

import (
	"context"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"os"
	pathpkg "path"
	"runtime"
	"slices"
	"strings"
	"sync"

	"golang.org/x/sync/semaphore"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// LoadMode is what Load asks of go list: the package graph and file
// names, no syntax and no types (Analyze makes those).
const LoadMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedDeps | packages.NeedModule | packages.NeedTypesSizes

// Load lists the packages matching patterns in dir, with their
// dependencies (metadata only).
func Load(ctx context.Context, dir string, tests bool, buildFlags []string, patterns ...string) ([]*packages.Package, error) {
	return packages.Load(&packages.Config{Context: ctx, Mode: LoadMode, Dir: dir, Tests: tests, BuildFlags: buildFlags}, patterns...)
}

// Options configure Analyze.
type Options struct {
	// Analyzers run on the root packages; those among them (and what
	// they require) that use facts run on dependencies too.
	Analyzers []*analysis.Analyzer
	// FactRoots are the packages facts can start from (a "*" element
	// matches any one element, as in path.Match): a package that is
	// none of them and imports none of them, directly or indirectly,
	// carries no fact, so it is not analysed unless it is a root. Nil
	// means every package can carry facts.
	FactRoots []string
	// Workers bounds the packages processed at once (default:
	// GOMAXPROCS).
	Workers int
	// Cache, if not nil, keeps facts and diagnostics per package.
	Cache *Cache
	// Keep, if set, is called with each root package's analyzer results
	// after its analysis; what it returns for an analyzer is kept in
	// Result.Kept (the rest, with the package's syntax, is dropped). It
	// is how a module-wide step gets compact per-package summaries.
	Keep func(a *analysis.Analyzer, result any) any
	// ReadFile reads the Go files to parse (nil: os.ReadFile). The
	// command passes one that refuses special files and records what
	// was analysed (for -fix).
	ReadFile func(name string) ([]byte, error)
	// Progress, if not nil, is called after each package of the graph
	// is done (one call at a time).
	Progress func(done, total int)
	// DependencyComments keeps comments in the syntax of the
	// dependencies the fact analyzers run on. Without it only the roots
	// are parsed with comments (suppression directives, generated-file
	// markers): set it when a fact analyzer reads comments.
	DependencyComments bool
	// MaxSourceBytes bounds the source being parsed and analysed at once
	// (default 8 MB): memory follows it. A larger package runs alone.
	MaxSourceBytes int64
}

// Result is the outcome of Analyze for one root package.
type Result struct {
	Package *packages.Package
	// Diagnostics are those of the analyzers, in the order reported;
	// Analyzer names the analyzer that reported each.
	Diagnostics []Diagnostic
	// Kept holds what Options.Keep returned for each analyzer (nil
	// values left out).
	Kept map[*analysis.Analyzer]any
	// Err is set when the package could not be analysed (an analyzer
	// failed); packages with errors (IllTyped) are not analysed and have
	// no Result.
	Err error
}

// Diagnostic is an analyzer's diagnostic with the analyzer's name.
type Diagnostic struct {
	Analyzer string
	analysis.Diagnostic
}

// Analyze type-checks the packages of the graph below roots and runs the
// analyzers: all of them on the roots, the fact-using ones on the
// dependencies that can carry facts. It fills in Errors (parse and type
// errors), IllTyped, Types and Fset of every package of the graph; it
// keeps neither syntax nor types.Info. Results come in the order of
// roots, for the roots that are not IllTyped. It returns ctx.Err() when
// ctx is cancelled; it then stops within one package's work.
func Analyze(ctx context.Context, roots []*packages.Package, opts Options) ([]*Result, error) {
	d := newDriver(roots, opts)
	if err := d.run(ctx); err != nil {
		return nil, err
	}
	if opts.Cache != nil {
		opts.Cache.trim()
	}
	var out []*Result
	for _, p := range roots {
		n := d.nodes[p]
		if n.result != nil {
			out = append(out, n.result)
		}
	}
	return out, nil
}

// node is one package of the graph and its state.
type node struct {
	pkg      *packages.Package
	imports  []*node // distinct, sorted by package path
	rdeps    []*node
	root     bool
	facts    bool // can carry facts: a fact root or imports one
	pending  int  // imports not done yet (guarded by driver.mu)
	needType bool // must be type-checked (decided before run)

	key string // cache key ("" without a cache)
	hit *entry // valid cache entry, until used

	// Set by the worker that processes the node, read by importers after.
	pf     *pkgFacts
	result *Result
}

type driver struct {
	opts    Options
	nodes   map[*packages.Package]*node
	order   []*node // dependencies first
	fset    *token.FileSet
	factAs  []*analysis.Analyzer // fact analyzers and their requirements, in dependency order
	rootAs  []*analysis.Analyzer // all analyzers and their requirements, in dependency order
	factSet map[*analysis.Analyzer]bool
	byTypes sync.Map // *types.Package -> *node

	filesMu sync.Mutex
	files   map[string]*token.File // added for cached positions (decodePos)
}

func newDriver(roots []*packages.Package, opts Options) *driver {
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.ReadFile == nil {
		opts.ReadFile = os.ReadFile
	}
	if opts.MaxSourceBytes <= 0 {
		opts.MaxSourceBytes = 8 << 20
	}
	d := &driver{opts: opts, nodes: map[*packages.Package]*node{}, fset: token.NewFileSet(), files: map[string]*token.File{}}
	d.rootAs = requiresOrder(opts.Analyzers)
	var withFacts []*analysis.Analyzer
	for _, a := range d.rootAs {
		if len(a.FactTypes) > 0 {
			withFacts = append(withFacts, a)
		}
	}
	d.factAs = requiresOrder(withFacts)
	d.factSet = map[*analysis.Analyzer]bool{}
	for _, a := range d.factAs {
		d.factSet[a] = true
	}

	factRoot := map[string]bool{}
	for _, p := range opts.FactRoots {
		factRoot[p] = true
	}
	var visit func(p *packages.Package) *node
	visit = func(p *packages.Package) *node {
		if n, ok := d.nodes[p]; ok {
			return n
		}
		n := &node{pkg: p, facts: opts.FactRoots == nil || factRoot[p.PkgPath] || matchesFactRoot(opts.FactRoots, p.PkgPath)}
		d.nodes[p] = n
		paths := make([]string, 0, len(p.Imports))
		for path := range p.Imports {
			paths = append(paths, path)
		}
		slices.Sort(paths)
		for _, path := range paths {
			dep := visit(p.Imports[path])
			if slices.Contains(n.imports, dep) {
				continue
			}
			n.imports = append(n.imports, dep)
			dep.rdeps = append(dep.rdeps, n)
			n.facts = n.facts || dep.facts
		}
		d.order = append(d.order, n)
		return n
	}
	for _, p := range roots {
		visit(p).root = true
	}
	return d
}

// run processes every node, each after its imports, on opts.Workers
// goroutines.
func (d *driver) run(ctx context.Context) error {
	d.planTypes()
	var mu sync.Mutex
	ready := make(chan *node, len(d.order))
	for _, n := range d.order {
		n.pending = len(n.imports)
		if n.pending == 0 {
			ready <- n
		}
	}
	remaining := len(d.order)
	if remaining == 0 {
		return nil
	}
	done := make(chan struct{})
	// Memory follows the source in flight: a package's syntax and
	// types.Info live while it is analysed. Bound it, so that two
	// huge generated packages (cloud SDKs) are not analysed at once.
	inflight := semaphore.NewWeighted(d.opts.MaxSourceBytes)
	var wg sync.WaitGroup
	for range d.opts.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				var n *node
				select {
				case n = <-ready:
				case <-done:
					return
				}
				w := min(sourceBytes(n.pkg), d.opts.MaxSourceBytes)
				if inflight.Acquire(ctx, w) == nil {
					d.process(ctx, n)
					inflight.Release(w)
				}
				mu.Lock()
				for _, r := range n.rdeps {
					r.pending--
					if r.pending == 0 {
						ready <- r
					}
				}
				remaining--
				if d.opts.Progress != nil {
					d.opts.Progress(len(d.order)-remaining, len(d.order))
				}
				if remaining == 0 {
					close(done)
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return ctx.Err()
}

// planTypes decides which packages must be type-checked. Without a cache
// all of them; with one, those whose analysis may be needed, and what
// they import, directly or not. (A package whose cache entry turns out
// to be valid is then not analysed after all.)
func (d *driver) planTypes() {
	if d.opts.Cache == nil {
		for _, n := range d.order {
			n.needType = true
		}
		return
	}
	d.opts.Cache.plan(d)
}

// process type-checks and analyses one package, or takes its results
// from the cache.
func (d *driver) process(ctx context.Context, n *node) {
	p := n.pkg
	p.Fset = d.fset
	if len(p.Errors) > 0 {
		p.IllTyped = true // go list errors
	}
	for _, imp := range n.imports {
		if imp.pkg.IllTyped {
			p.IllTyped = true
		}
	}
	var files []*ast.File
	var info *types.Info
	if n.needType {
		full := n.analysable() && n.hit == nil
		files, info = d.typeCheck(ctx, n, full)
		if len(p.Errors) > 0 {
			p.IllTyped = true
		}
	}
	if !n.analysable() || p.IllTyped || ctx.Err() != nil {
		return
	}
	if n.hit != nil {
		d.useEntry(n, n.hit)
		n.hit = nil
		return
	}
	as := d.factAs
	if n.root {
		as = d.rootAs
	}
	n.result, n.pf = d.analyse(ctx, n, as, files, info)
	if d.opts.Cache != nil {
		d.opts.Cache.put(d, n) // not when an analyzer failed
	}
}

// analysable reports whether n's package is analysed (unless it has
// errors): the roots, and the dependencies that can carry facts.
func (n *node) analysable() bool { return n.root || n.facts }

// typeCheck parses and type-checks n's package, recording errors as
// packages.Load does. With full, function bodies are checked and
// types.Info is filled; without, bodies are skipped and there is no Info.
func (d *driver) typeCheck(ctx context.Context, n *node, full bool) ([]*ast.File, *types.Info) {
	p := n.pkg
	if p.PkgPath == "unsafe" {
		p.Types = types.Unsafe
		d.byTypes.Store(p.Types, n)
		return nil, &types.Info{}
	}
	p.Types = types.NewPackage(p.PkgPath, p.Name)
	d.byTypes.Store(p.Types, n)
	appendError := func(e packages.Error) { p.Errors = append(p.Errors, e) }

	mode := parser.AllErrors | parser.SkipObjectResolution
	if full && (n.root || d.opts.DependencyComments) {
		mode |= parser.ParseComments
	}
	files := make([]*ast.File, 0, len(p.CompiledGoFiles))
	for _, name := range p.CompiledGoFiles {
		if ctx.Err() != nil {
			return nil, nil
		}
		src, err := d.opts.ReadFile(name)
		if err != nil {
			appendError(packages.Error{Pos: name + ":1", Msg: err.Error(), Kind: packages.ParseError})
			continue
		}
		f, err := parser.ParseFile(d.fset, name, src, mode)
		if el, ok := err.(scanner.ErrorList); ok {
			for _, e := range el {
				appendError(packages.Error{Pos: e.Pos.String(), Msg: e.Msg, Kind: packages.ParseError})
			}
		} else if err != nil {
			appendError(packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.ParseError})
		}
		if f != nil {
			files = append(files, f)
		}
	}
	var info *types.Info
	if full {
		info = &types.Info{
			Types:        map[ast.Expr]types.TypeAndValue{},
			Defs:         map[*ast.Ident]types.Object{},
			Uses:         map[*ast.Ident]types.Object{},
			Implicits:    map[ast.Node]types.Object{},
			Instances:    map[*ast.Ident]types.Instance{},
			Scopes:       map[ast.Node]*types.Scope{},
			Selections:   map[*ast.SelectorExpr]*types.Selection{},
			FileVersions: map[*ast.File]string{},
		}
	}
	tc := &types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if path == "unsafe" {
				return types.Unsafe, nil
			}
			imp := p.Imports[path]
			if imp == nil || imp.Types == nil {
				return nil, fmt.Errorf("no metadata for %s", path)
			}
			return imp.Types, nil
		}),
		IgnoreFuncBodies: !full,
		Sizes:            p.TypesSizes,
		Error: func(err error) {
			if te, ok := err.(types.Error); ok {
				p.TypeErrors = append(p.TypeErrors, te)
				appendError(packages.Error{Pos: te.Fset.Position(te.Pos).String(), Msg: te.Msg, Kind: packages.TypeError})
				return
			}
			appendError(packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.UnknownError})
		},
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		tc.GoVersion = "go" + p.Module.GoVersion
	}
	typErr := types.NewChecker(tc, d.fset, p.Types, info).Files(files)
	if typErr != nil && len(p.Errors) == 0 {
		appendError(packages.Error{Pos: "-", Msg: typErr.Error(), Kind: packages.UnknownError})
	}
	return files, info
}

// sourceBytes is the size of p's Go files.
func sourceBytes(p *packages.Package) int64 {
	var n int64
	for _, f := range p.CompiledGoFiles {
		if st, err := os.Stat(f); err == nil {
			n += st.Size()
		}
	}
	return max(n, 1)
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// requiresOrder returns as and everything they require, each after what
// it requires.
func requiresOrder(as []*analysis.Analyzer) []*analysis.Analyzer {
	seen := map[*analysis.Analyzer]bool{}
	var out []*analysis.Analyzer
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		for _, r := range a.Requires {
			visit(r)
		}
		out = append(out, a)
	}
	for _, a := range as {
		visit(a)
	}
	return out
}

// matchesFactRoot reports whether path matches a fact root pattern with
// a "*" element (github.com/aws/aws-sdk-go-v2/service/*).
func matchesFactRoot(roots []string, path string) bool {
	for _, r := range roots {
		if strings.Contains(r, "*") {
			if ok, err := pathpkg.Match(r, path); err == nil && ok {
				return true
			}
		}
	}
	return false
}
