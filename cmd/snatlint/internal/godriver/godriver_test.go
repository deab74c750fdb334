package godriver_test

import (
	"context"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/snatlint/snatlint/cmd/snatlint/internal/godriver"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// reaches is the fact "this function calls root.Root, directly or not".
type reaches struct{ Via string }

func (*reaches) AFact()           {}
func (f *reaches) String() string { return "reaches via " + f.Via }

// marked is a package fact: some function here reaches root.Root.
type marked struct{}

func (*marked) AFact() {}

// probe is a small fact analyzer in the shape of construct: it exports
// reaches on functions that call root.Root or a function with the fact,
// and reports such calls; it records the packages it ran on.
type probe struct {
	mu   sync.Mutex
	runs []string
}

func (pr *probe) analyzer() *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:      "probe",
		Doc:       "probe reports calls that reach root.Root",
		URL:       "https://example.com/probe",
		FactTypes: []analysis.Fact{new(reaches), new(marked)},
		Run:       pr.run,
	}
}

func (pr *probe) ran() []string {
	pr.mu.Lock()
	defer pr.mu.Unlock()
	out := slices.Clone(pr.runs)
	slices.Sort(out)
	pr.runs = nil
	return out
}

func (pr *probe) run(pass *analysis.Pass) (any, error) {
	pr.mu.Lock()
	pr.runs = append(pr.runs, pass.Pkg.Path())
	pr.mu.Unlock()
	for _, f := range pass.Files {
		for _, decl := range f.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				id, ok := ast.Unparen(call.Fun).(*ast.Ident)
				if sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr); isSel {
					id, ok = sel.Sel, true
				}
				if !ok {
					return true
				}
				callee, _ := pass.TypesInfo.Uses[id].(*types.Func)
				if callee == nil || callee.Pkg() == nil {
					return true
				}
				var f reaches
				switch {
				case callee.Pkg().Path() == "example.com/m/root" && callee.Name() == "Root":
					f.Via = "Root"
				case pass.ImportObjectFact(callee, &f):
				default:
					return true
				}
				pass.ExportObjectFact(fn, &reaches{Via: callee.Name()})
				pass.ExportPackageFact(&marked{})
				pass.Report(analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Category: "P1",
					Message: fmt.Sprintf("%s reaches root.Root via %s", fn.Name(), f.Via),
					Related: []analysis.RelatedInformation{{Pos: callee.Pos(), Message: "callee"}}})
				return true
			})
		}
	}
	for _, imp := range pass.Pkg.Imports() {
		if pass.ImportPackageFact(imp, new(marked)) {
			pass.Report(analysis.Diagnostic{Pos: pass.Files[0].Package, Category: "P2", Message: "imports marked package " + imp.Path()})
		}
	}
	return nil, nil
}

var module = map[string]string{
	"go.mod":       "module example.com/m\n\ngo 1.26\n",
	"root/root.go": "package root\n\nfunc Root() {}\n",
	"lib/lib.go":   "package lib\n\nimport \"example.com/m/root\"\n\nfunc Helper() { root.Root() }\n\nfunc Plain() {}\n",
	"mid/mid.go":   "package mid\n\nimport \"example.com/m/lib\"\n\n// Wrap calls Helper.\nfunc Wrap() { lib.Helper() }\n",
	"other/o.go":   "package other\n\nimport \"strings\"\n\nfunc Up(s string) string { return strings.ToUpper(s) }\n",
	"app/app.go":   "package app\n\nimport (\n\t\"example.com/m/mid\"\n\t\"example.com/m/other\"\n)\n\nfunc Handle() { mid.Wrap(); _ = other.Up(\"x\") }\n",
}

func writeModule(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range module {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// render prints diagnostics as file:line:col: [category] message, with
// related positions, sorted.
func render(dir string, fsetOf func(*packages.Package) func(token.Pos) string, results []*godriver.Result) []string {
	var out []string
	for _, r := range results {
		pos := fsetOf(r.Package)
		for _, d := range r.Diagnostics {
			line := fmt.Sprintf("%s: [%s] %s (%s)", pos(d.Pos), d.Category, d.Message, d.URL)
			for _, rel := range d.Related {
				line += fmt.Sprintf(" | %s: %s", pos(rel.Pos), rel.Message)
			}
			out = append(out, strings.ReplaceAll(line, dir+string(filepath.Separator), ""))
		}
	}
	slices.Sort(out)
	return out
}

func posIn(p *packages.Package) func(token.Pos) string {
	return func(pos token.Pos) string { return p.Fset.Position(pos).String() }
}

func analyze(t *testing.T, dir string, opts godriver.Options) []string {
	t.Helper()
	pkgs, err := godriver.Load(context.Background(), dir, false, nil, "./...")
	if err != nil {
		t.Fatal(err)
	}
	results, err := godriver.Analyze(context.Background(), pkgs, opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pkgs {
		if len(p.Errors) > 0 || p.IllTyped {
			t.Fatalf("package %s: errors %v, ill-typed %v", p.PkgPath, p.Errors, p.IllTyped)
		}
	}
	return render(dir, posIn, results)
}

// TestSameAsChecker checks that godriver reports what the x/tools
// checker reports for the same analyzer, facts across packages included.
func TestSameAsChecker(t *testing.T) {
	dir := writeModule(t)
	pr := &probe{}
	a := pr.analyzer()
	got := analyze(t, dir, godriver.Options{Analyzers: []*analysis.Analyzer{a}})

	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Dir: dir}, "./...")
	if err != nil {
		t.Fatal(err)
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, &checker.Options{SanityCheck: true})
	if err != nil {
		t.Fatal(err)
	}
	var want []*godriver.Result
	for act := range graph.All() {
		if !act.IsRoot {
			continue
		}
		r := &godriver.Result{Package: act.Package}
		for _, d := range act.Diagnostics {
			r.Diagnostics = append(r.Diagnostics, godriver.Diagnostic{Analyzer: a.Name, Diagnostic: d})
		}
		want = append(want, r)
	}
	if w := render(dir, posIn, want); !slices.Equal(got, w) || len(w) == 0 {
		t.Errorf("godriver diagnostics:\n%s\nchecker diagnostics:\n%s", strings.Join(got, "\n"), strings.Join(w, "\n"))
	}
}

// TestFactRoots checks that dependencies importing none of the fact
// roots are not analysed, with the same results, and that roots are.
func TestFactRoots(t *testing.T) {
	dir := writeModule(t)
	pr := &probe{}
	a := pr.analyzer()
	pkgs, err := godriver.Load(context.Background(), dir, false, nil, "./app")
	if err != nil {
		t.Fatal(err)
	}
	all, err := godriver.Analyze(context.Background(), pkgs, godriver.Options{Analyzers: []*analysis.Analyzer{a}})
	if err != nil {
		t.Fatal(err)
	}
	ranAll := pr.ran()
	pkgs, err = godriver.Load(context.Background(), dir, false, nil, "./app")
	if err != nil {
		t.Fatal(err)
	}
	some, err := godriver.Analyze(context.Background(), pkgs, godriver.Options{Analyzers: []*analysis.Analyzer{a}, FactRoots: []string{"example.com/m/root"}})
	if err != nil {
		t.Fatal(err)
	}
	ranSome := pr.ran()
	if g, w := render(dir, posIn, some), render(dir, posIn, all); !slices.Equal(g, w) || len(w) == 0 {
		t.Errorf("with FactRoots:\n%s\nwithout:\n%s", strings.Join(g, "\n"), strings.Join(w, "\n"))
	}
	want := []string{"example.com/m/app", "example.com/m/lib", "example.com/m/mid", "example.com/m/root"}
	if !slices.Equal(ranSome, want) {
		t.Errorf("analysed with FactRoots = %v, want %v", ranSome, want)
	}
	if !slices.Contains(ranAll, "strings") || !slices.Contains(ranAll, "example.com/m/other") {
		t.Errorf("analysed without FactRoots = %v, want every package", ranAll)
	}
}

// TestCache checks the per-package cache: an unchanged re-run analyses
// nothing, an edit re-analyses the package and its importers only, and a
// corrupt entry is a miss; the diagnostics never change.
func TestCache(t *testing.T) {
	dir := writeModule(t)
	pr := &probe{}
	a := pr.analyzer()
	cacheDir := t.TempDir()
	opts := func() godriver.Options {
		return godriver.Options{Analyzers: []*analysis.Analyzer{a}, FactRoots: []string{"example.com/m/root"},
			Cache: &godriver.Cache{Dir: cacheDir, Salt: "test"}}
	}
	first := analyze(t, dir, opts())
	if len(first) == 0 || len(pr.ran()) == 0 {
		t.Fatal("first run analysed nothing")
	}

	if got := analyze(t, dir, opts()); !slices.Equal(got, first) {
		t.Errorf("cached run:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(first, "\n"))
	}
	if ran := pr.ran(); len(ran) != 0 {
		t.Errorf("unchanged re-run analysed %v, want nothing", ran)
	}

	// Append a comment to mid: mid and its importer app are analysed
	// again, lib and root come from the cache.
	mid := filepath.Join(dir, "mid", "mid.go")
	if err := os.WriteFile(mid, []byte(module["mid/mid.go"]+"// edited\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := analyze(t, dir, opts()); !slices.Equal(got, first) {
		t.Errorf("run after an edit:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(first, "\n"))
	}
	if ran, want := pr.ran(), []string{"example.com/m/app", "example.com/m/mid"}; !slices.Equal(ran, want) {
		t.Errorf("run after an edit analysed %v, want %v", ran, want)
	}

	// Corrupt every entry (flip the last byte; truncate one to nothing):
	// all are misses, and the results are the same.
	var entries []string
	filepath.Walk(cacheDir, func(p string, info os.FileInfo, err error) error {
		if err == nil && info.Mode().IsRegular() {
			entries = append(entries, p)
		}
		return nil
	})
	if len(entries) == 0 {
		t.Fatal("no cache entries written")
	}
	for i, e := range entries {
		data, err := os.ReadFile(e)
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			data = nil
		} else {
			data[len(data)-1] ^= 0xff
		}
		if err := os.WriteFile(e, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if got := analyze(t, dir, opts()); !slices.Equal(got, first) {
		t.Errorf("run with corrupt entries:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(first, "\n"))
	}
	if ran, want := pr.ran(), []string{"example.com/m/app", "example.com/m/lib", "example.com/m/mid", "example.com/m/other", "example.com/m/root"}; !slices.Equal(ran, want) {
		t.Errorf("run with corrupt entries analysed %v, want %v", ran, want)
	}
}

// TestCancel checks that a cancelled context stops the run with its
// error.
func TestCancel(t *testing.T) {
	dir := writeModule(t)
	pkgs, err := godriver.Load(context.Background(), dir, false, nil, "./...")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	// Cancel once the first package is done: the others are not worked on.
	progress := func(done, total int) {
		if done == 1 {
			cancel()
		}
	}
	start := time.Now()
	if _, err := godriver.Analyze(ctx, pkgs, godriver.Options{Analyzers: []*analysis.Analyzer{(&probe{}).analyzer()}, Progress: progress}); err != context.Canceled {
		t.Errorf("Analyze with a cancelled context = %v, want %v", err, context.Canceled)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("Analyze with a cancelled context took %v", d)
	}
}

// BenchmarkAnalyze measures a whole run on the small module: loading
// (go list), type-checking and analysis, without and with a warm cache.
func BenchmarkAnalyze(b *testing.B) {
	for _, cached := range []bool{false, true} {
		b.Run(fmt.Sprintf("cache=%v", cached), func(b *testing.B) {
			dir := writeModule(b)
			pr := &probe{}
			opts := godriver.Options{Analyzers: []*analysis.Analyzer{pr.analyzer()}, FactRoots: []string{"example.com/m/root"}}
			if cached {
				opts.Cache = &godriver.Cache{Dir: b.TempDir(), Salt: "bench"}
			}
			b.ReportAllocs()
			for b.Loop() {
				pkgs, err := godriver.Load(context.Background(), dir, false, nil, "./...")
				if err != nil {
					b.Fatal(err)
				}
				if _, err := godriver.Analyze(context.Background(), pkgs, opts); err != nil {
					b.Fatal(err)
				}
				pr.ran()
			}
		})
	}
}
