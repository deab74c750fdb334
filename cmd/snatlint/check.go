package main

import (
	"context"
	"errors"
	"fmt"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/snatlint/snatlint/analyzers"
	"github.com/snatlint/snatlint/analyzers/catalog"
	"github.com/snatlint/snatlint/analyzers/config"
	"github.com/snatlint/snatlint/analyzers/construct"
	"github.com/snatlint/snatlint/analyzers/dispatch"
	"github.com/snatlint/snatlint/cmd/snatlint/internal/godriver"
	"github.com/snatlint/snatlint/cmd/snatlint/internal/progress"
	"github.com/snatlint/snatlint/cmd/snatlint/internal/report"
	"github.com/snatlint/snatlint/internal/userfile"
	"github.com/snatlint/snatlint/pylint"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

type goResult struct {
	findings []report.Finding
	problems []report.Problem
	noMatch  []string // path patterns that matched no package
}

// checkGo loads the Go packages named by t, grouped by the module that
// holds them, and runs the analyzers on every package that loads and
// type-checks; the others are reported as problems.
func checkGo(ctx context.Context, cwd string, t targets, cfg *config.File, newAnalyzers analyzerSet, cache *resultCache) goResult {
	var res goResult
	patterns := append(slices.Clone(t.goPatterns), t.goFileDirs...)
	if len(patterns) == 0 {
		return res
	}
	setMemoryLimit()
	groups := map[string][]string{} // module root -> patterns relative to it
	var roots []string
	for _, p := range patterns {
		dir := cwd
		if isPathPattern(cwd, p) {
			dir = patternDir(cwd, p)
		}
		modRoot := findUp(dir, "go.mod")
		if modRoot == "" && strings.HasSuffix(p, "...") {
			// A go.work root: ./... names the packages of the
			// workspace's modules below it, checked module by module.
			if mods := workspaceModules(ctx, dir); len(mods) > 0 {
				for _, m := range mods {
					if _, ok := groups[m]; !ok {
						roots = append(roots, m)
					}
					groups[m] = append(groups[m], "./...")
				}
				continue
			}
		}
		if modRoot == "" {
			if hasGoFiles(dir, strings.HasSuffix(p, "...")) {
				res.problems = append(res.problems, report.Problem{File: dir,
					Reason: fmt.Sprintf("%s has Go files but no go.mod in it or any parent directory: Go code not checked (run snatlint inside a Go module)", p), Fatal: true})
			}
			// No Go module and no Go files: a Python-only tree, or
			// nothing (decided by the caller).
			res.noMatch = append(res.noMatch, p)
			continue
		}
		rp := p
		if isPathPattern(cwd, p) {
			rel := mustRel(modRoot, patternDir(cwd, p))
			rp = "./" + filepath.ToSlash(rel)
			if strings.HasSuffix(p, "...") {
				rp = strings.TrimSuffix(rp, "/.") + "/..."
				rp = strings.Replace(rp, "/./...", "/...", 1)
			}
		}
		if _, ok := groups[modRoot]; !ok {
			roots = append(roots, modRoot)
		}
		groups[modRoot] = append(groups[modRoot], rp)
	}
	for _, modRoot := range roots {
		fs, ps, noMatch := checkModuleCached(ctx, modRoot, groups[modRoot], cfg, newAnalyzers, cache)
		res.findings = append(res.findings, fs...)
		res.problems = append(res.problems, ps...)
		res.noMatch = append(res.noMatch, noMatch...)
	}
	return res
}

// defaultMemoryLimit is the Go runtime's soft memory limit in standalone
// mode, unless GOMEMLIMIT says otherwise. Type-checking a large import
// graph allocates fast; with the default GOGC alone the heap peaks at
// about twice the live data (measured on prometheus: 1.1 GB live, 2.1 GB
// peak RSS). Above the limit the runtime collects more often, with its
// own cap on the CPU that takes.
const defaultMemoryLimit = 1536 << 20

func setMemoryLimit() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(defaultMemoryLimit)
	}
}

// checkModuleCached is checkModule through cache (nil: no cache).
func checkModuleCached(ctx context.Context, dir string, patterns []string, cfg *config.File, newAnalyzers analyzerSet, cache *resultCache) ([]report.Finding, []report.Problem, []string) {
	as := newAnalyzers(cfg)
	if cache == nil {
		return checkModule(ctx, dir, patterns, cfg, as, nil)
	}
	// One salt (and one go env) for both cache levels.
	salt, ok := moduleSalt(ctx, dir, cfg, as)
	if !ok {
		return checkModule(ctx, dir, patterns, cfg, as, nil)
	}
	key, ok := cache.key(ctx, dir, patterns, cfg, salt)
	if ok {
		if m, hit := cache.get(key); hit {
			return m.Findings, nil, m.NoMatch
		}
	}
	findings, problems, noMatch := checkModule(ctx, dir, patterns, cfg, as, cache.packageCache(salt))
	if ok && len(problems) == 0 {
		cache.put(key, cachedModule{Findings: findings, NoMatch: noMatch})
	}
	return findings, problems, noMatch
}

// checkModule loads patterns in the module at dir and runs as on the
// packages that load and type-check.
func checkModule(ctx context.Context, dir string, patterns []string, cfg *config.File, as []*analysis.Analyzer, pkgCache *godriver.Cache) (findings []report.Finding, problems []report.Problem, noMatch []string) {
	pkgs, err := godriver.Load(ctx, dir, cfg.Tests, buildFlags(cfg), patterns...)
	if err != nil {
		return nil, []report.Problem{{File: dir, Reason: fmt.Sprintf("loading Go packages: %v", err), Fatal: true}}, nil
	}
	problems = append(problems, cgoOffProblems(ctx, dir, pkgs)...)
	for _, p := range patterns {
		if !isRelPattern(p) {
			// An import path pattern: go list only warns when a
			// wildcard matches nothing.
			if strings.Contains(p, "...") && !slices.ContainsFunc(pkgs, func(q *packages.Package) bool { return matchPattern(p, q.PkgPath) }) {
				noMatch = append(noMatch, p)
			}
			continue
		}
		pdir := filepath.Join(dir, strings.TrimSuffix(p, "..."))
		if _, err := os.Stat(pdir); err != nil {
			continue // go list reports the missing directory
		}
		if strings.HasSuffix(p, "...") && !matchesAny(pdir, pkgs) {
			noMatch = append(noMatch, filepath.Join(pdir, "..."))
		}
	}

	empty := map[*packages.Package]bool{}
	var roots []*packages.Package
	for _, p := range pkgs {
		if dir, ok := noGoFiles(p); ok {
			// A directory pattern without Go files: fine if it holds
			// Python files (decided by the caller).
			empty[p] = true
			noMatch = append(noMatch, dir)
			continue
		}
		if strings.HasSuffix(p.ID, ".test") {
			continue // the generated test main package
		}
		roots = append(roots, p)
	}
	src := newSourceReader()
	if h := progress.Hook(ctx, progress.GoLoaded); h != nil {
		n := 0
		packages.Visit(pkgs, nil, func(*packages.Package) { n++ })
		h(n, 0)
	}
	results, err := godriver.Analyze(ctx, roots, godriver.Options{Analyzers: as, FactRoots: factRoots(cfg), ReadFile: src.read,
		Progress: progress.Hook(ctx, progress.GoAnalysed), Keep: keepSummary, Cache: pkgCache})
	if err != nil {
		return nil, []report.Problem{{File: dir, Reason: fmt.Sprintf("analysing Go packages: %v", err), Fatal: true}}, noMatch
	}

	// Report every load, parse and type error once, in the package that
	// has it. "could not import X" is the echo of X's own error (a
	// missing go.sum entry reads 'invalid package name: ""' there): the
	// importer is reported as not checked because of X instead.
	seen := map[string]bool{}
	echoOnly := map[*packages.Package]bool{}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if empty[p] {
			return
		}
		echoOnly[p] = len(p.Errors) > 0
		for _, e := range p.Errors {
			if e.Kind == packages.TypeError && strings.HasPrefix(e.Msg, "could not import ") && len(brokenDeps(p)) > 0 {
				continue
			}
			echoOnly[p] = false
			key := e.Pos + e.Msg
			if seen[key] {
				continue
			}
			seen[key] = true
			problems = append(problems, packageProblem(p, e))
		}
	})
	for _, p := range roots {
		if (len(p.Errors) == 0 && p.IllTyped) || echoOnly[p] {
			problems = append(problems, report.Problem{File: p.PkgPath, Fatal: true,
				Reason: fmt.Sprintf("package %s not checked: a dependency has errors (%s)", p.PkgPath, strings.Join(brokenDeps(p), ", "))})
		}
	}
	findings = append(findings, moduleStep(results, cfg, src)...)
	for _, r := range results {
		if r.Err != nil {
			problems = append(problems, report.Problem{File: r.Package.PkgPath,
				Reason: fmt.Sprintf("package %s not checked: %v", r.Package.PkgPath, r.Err), Fatal: true})
			continue
		}
		for _, d := range r.Diagnostics {
			if d.Category == analyzers.CategoryDirective {
				problems = append(problems, report.Problem{Pos: toPos(r.Package.Fset, d.Pos), Reason: d.Message})
				continue
			}
			findings = append(findings, goFinding(r.Package.Fset, d.Diagnostic, src.hash))
		}
	}
	return findings, problems, noMatch
}

// keepSummary keeps, of a root package's analysis, the construct
// analyzer's module summary for the module step.
func keepSummary(_ *analysis.Analyzer, result any) any {
	if r, ok := result.(*construct.Result); ok && r.Module != nil {
		return r.Module
	}
	return nil
}

// moduleStep follows calls through interfaces and function values across
// the module's packages (package dispatch), over the summaries of the
// packages that were analysed.
func moduleStep(results []*godriver.Result, cfg *config.File, src *sourceReader) []report.Finding {
	var sums []*construct.Summary
	var fset *token.FileSet
	for _, r := range results {
		if r.Err != nil {
			continue
		}
		for _, k := range r.Kept {
			if sum, ok := k.(*construct.Summary); ok {
				sums = append(sums, sum)
				fset = r.Package.Fset
			}
		}
	}
	if fset == nil {
		return nil
	}
	var out []report.Finding
	for _, f := range dispatch.Solve(sums, cfg, fset) {
		out = append(out, goFinding(fset, f.Diagnostic, src.hash))
	}
	return out
}

// isRelPattern reports whether a module-relative pattern names a
// directory (./x, ./x/...), not an import path.
func isRelPattern(p string) bool {
	return p == "." || p == ".." || strings.HasPrefix(p, "./") || strings.HasPrefix(p, "../") || filepath.IsAbs(p)
}

// matchPattern reports whether the import path matches a go list pattern
// in which "..." matches any string ("x/..." also matches x itself).
func matchPattern(pattern, path string) bool {
	re := regexp.QuoteMeta(pattern)
	re = strings.ReplaceAll(re, `\.\.\.`, `.*`)
	if strings.HasSuffix(re, `/.*`) {
		re = strings.TrimSuffix(re, `/.*`) + `(/.*)?`
	}
	ok, err := regexp.MatchString("^"+re+"$", path)
	return err == nil && ok
}

// factRoots are the packages the construct analyzer's facts start from:
// the packages of the catalog's Go rows and of the configured rows. A
// dependency importing none of them, directly or not, carries no fact.
func factRoots(cfg *config.File) []string {
	return catalog.NewGoCatalog(cfg.GoRows()).Packages()
}

// brokenDeps lists the dependencies of p that have errors.
func brokenDeps(p *packages.Package) []string {
	var out []string
	seen := map[*packages.Package]bool{}
	var visit func(q *packages.Package)
	visit = func(q *packages.Package) {
		for _, dep := range q.Imports {
			if seen[dep] {
				continue
			}
			seen[dep] = true
			if len(dep.Errors) > 0 {
				out = append(out, dep.PkgPath)
			}
			visit(dep)
		}
	}
	visit(p)
	slices.Sort(out)
	return out
}

// noGoFiles reports whether p is a directory pattern that matched a
// directory without Go files, and returns the directory.
func noGoFiles(p *packages.Package) (string, bool) {
	if len(p.Errors) == 0 || len(p.GoFiles) > 0 || len(p.CompiledGoFiles) > 0 {
		return "", false
	}
	var dir string
	for _, e := range p.Errors {
		_, d, ok := strings.Cut(e.Msg, "no Go files in ")
		if !ok {
			return "", false
		}
		dir = strings.TrimSpace(d)
	}
	return dir, true
}

func matchesAny(dir string, pkgs []*packages.Package) bool {
	dir = filepath.Clean(dir)
	for _, p := range pkgs {
		pd := p.Dir
		if pd == "" && len(p.GoFiles) > 0 {
			pd = filepath.Dir(p.GoFiles[0])
		}
		if pd == dir || strings.HasPrefix(pd, dir+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// packageProblem turns a load/parse/type error into a problem naming the
// package, the file and the reason.
func packageProblem(p *packages.Package, e packages.Error) report.Problem {
	pr := report.Problem{File: p.PkgPath, Fatal: true}
	if pr.File == "" {
		pr.File = p.ID
	}
	pr.Pos = parsePos(e.Pos)
	kind := "does not load"
	switch e.Kind {
	case packages.ParseError:
		kind = "does not parse"
	case packages.TypeError:
		kind = "does not type-check"
	}
	pr.Reason = fmt.Sprintf("package %s %s: %s", pr.File, kind, e.Msg)
	return pr
}

// parsePos parses "file:line:col" (or "file:line", or "").
func parsePos(s string) report.Position {
	if s == "" || s == "-" {
		return report.Position{}
	}
	pos := report.Position{Offset: -1}
	parts := strings.Split(s, ":")
	nums := []int{}
	for len(parts) > 1 && len(nums) < 2 {
		n, err := strconv.Atoi(parts[len(parts)-1])
		if err != nil {
			break
		}
		nums = append([]int{n}, nums...)
		parts = parts[:len(parts)-1]
	}
	pos.File = strings.Join(parts, ":")
	if len(nums) > 0 {
		pos.Line = nums[0]
	}
	if len(nums) > 1 {
		pos.Column = nums[1]
	}
	return pos
}

func toPos(fset *token.FileSet, p token.Pos) report.Position {
	if !p.IsValid() {
		return report.Position{Offset: -1}
	}
	pp := fset.Position(p)
	return report.Position{File: pp.Filename, Line: pp.Line, Column: pp.Column, Offset: pp.Offset}
}

// goFinding converts an analyzer diagnostic (Category = rule ID, level in
// the URL fragment) into a finding.
//
// A fix keeps the hash of the content its offsets refer to (analysed,
// from hash); a fix with an edit at a //line-adjusted position (cgo
// output) is dropped: its offsets are those of a generated file, not of
// the file the finding names.
func goFinding(fset *token.FileSet, d analysis.Diagnostic, hash func(file string) string) report.Finding {
	f := report.Finding{
		RuleID:  d.Category,
		Level:   analyzers.LevelOf(d),
		Lang:    "go",
		Pos:     toPos(fset, d.Pos),
		End:     toPos(fset, d.End),
		Message: d.Message,
	}
	if !d.End.IsValid() {
		f.End = f.Pos
	}
	for _, r := range d.Related {
		end := r.End
		if !end.IsValid() {
			end = r.Pos
		}
		f.Related = append(f.Related, report.Related{Pos: toPos(fset, r.Pos), End: toPos(fset, end), Message: r.Message})
	}
fixes:
	for _, sf := range d.SuggestedFixes {
		fx := report.Fix{Message: sf.Message}
		for _, te := range sf.TextEdits {
			tf := fset.File(te.Pos)
			if tf == nil {
				continue fixes
			}
			end := te.End
			if !end.IsValid() {
				end = te.Pos
			}
			if fset.PositionFor(te.Pos, true).Filename != tf.Name() || fset.PositionFor(end, true).Filename != tf.Name() {
				continue fixes
			}
			fx.Edits = append(fx.Edits, report.Edit{File: tf.Name(), Start: tf.Offset(te.Pos), End: tf.Offset(end), NewText: string(te.NewText), SHA256: hash(tf.Name())})
		}
		f.Fixes = append(f.Fixes, fx)
	}
	return f
}

// findUp returns the nearest directory at or above dir holding name.
func findUp(dir, name string) string {
	for d := dir; ; {
		if _, err := os.Stat(filepath.Join(d, name)); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return ""
		}
		d = parent
	}
}

var errFound = errors.New("found")

// hasGoFiles reports whether dir (and, if recursive, its subdirectories,
// skipping hidden, vendor and testdata directories) holds .go files.
func hasGoFiles(dir string, recursive bool) bool {
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if p != dir && (!recursive || strings.HasPrefix(d.Name(), ".") || d.Name() == "vendor" || d.Name() == "testdata" || d.Name() == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(p, ".go") {
			return errFound
		}
		return nil
	})
	return errors.Is(err, errFound)
}

// checkPython discovers and checks the Python files named by t, relative
// to cwd (cache: nil, or the per-file result cache). It returns the
// directories holding Python files (to tell a pattern that matched only
// Python files from one that matched nothing).
func checkPython(ctx context.Context, cwd string, t targets, cfg *config.File, cache *pylint.Cache) ([]report.Finding, []report.Problem, map[string]bool) {
	dirs := map[string]bool{}
	if len(t.pyPaths) == 0 {
		return nil, nil, dirs
	}
	opts := pylint.Options{Config: cfg, Tests: cfg.Tests, Cache: cache, Progress: progress.Hook(ctx, progress.PythonFiles)}
	files, ferrs := pylint.Discover(ctx, t.pyPaths, opts)
	problems := pyProblems(ferrs)
	// absolute once, from the run's working directory: the pass and the
	// cache make each file's path absolute again, several times, and with
	// a relative path each asked for the working directory (two stats a
	// call; 0.5 s of a warm run on the Azure SDK)
	files, roots := absPaths(cwd, files), absPaths(cwd, t.pyPaths)
	files = slices.DeleteFunc(files, func(f string) bool { return inIgnoredDir(roots, f) })
	for _, abs := range files {
		for d := filepath.Dir(abs); ; {
			if dirs[d] {
				break
			}
			dirs[d] = true
			parent := filepath.Dir(d)
			if parent == d {
				break
			}
			d = parent
		}
	}
	if len(files) == 0 {
		return nil, problems, dirs
	}
	pfs, cerrs := pylint.Check(ctx, files, opts)
	problems = append(problems, pyProblems(cerrs)...)
	return pfs, problems, dirs
}

// absPaths is absPath of each of paths.
func absPaths(cwd string, paths []string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = absPath(cwd, p)
	}
	return out
}

// inIgnoredDir reports whether file was found under one of the scanned
// directories inside a directory that go's "./..." ignores too: testdata,
// or a name starting with "." or "_". Files named explicitly, and
// directories named explicitly, are kept. file and roots are absolute and
// clean (absPaths).
func inIgnoredDir(roots []string, file string) bool {
	best := ""
	for _, r := range roots {
		if r == file {
			return false // an explicit file argument
		}
		if strings.HasPrefix(file, r+string(filepath.Separator)) && len(r) > len(best) {
			best = r
		}
	}
	if best == "" {
		return false
	}
	rel, _ := filepath.Rel(best, filepath.Dir(file))
	for _, seg := range strings.Split(filepath.ToSlash(rel), "/") {
		if seg == "testdata" || (seg != "." && seg != ".." && (strings.HasPrefix(seg, ".") || strings.HasPrefix(seg, "_"))) {
			return true
		}
	}
	return false
}

func pyProblems(errs []pylint.FileError) []report.Problem {
	var ps []report.Problem
	for _, e := range errs {
		file := e.File
		if abs, err := filepath.Abs(file); err == nil && file != "" {
			file = abs
		}
		pr := report.Problem{File: file, Reason: e.Err.Error(), Fatal: e.Fatal}
		if e.Line > 0 {
			pr.Pos = report.Position{File: file, Line: e.Line, Offset: -1}
		}
		ps = append(ps, pr)
	}
	return ps
}

// maxGoFileSize bounds a Go source file read: generous (generated Go can
// be large), but a link to a device is never read without end.
const maxGoFileSize = 256 << 20

// sourceReader reads the Go files to analyse through userfile (regular
// files only, bounded) and remembers the hash of each, so that -fix
// edits only a file that still has the content analysed.
type sourceReader struct {
	mu     sync.Mutex
	hashes map[string]string
}

func newSourceReader() *sourceReader { return &sourceReader{hashes: map[string]string{}} }

func (r *sourceReader) read(name string) ([]byte, error) {
	data, err := userfile.Read(name, maxGoFileSize)
	if err != nil {
		return nil, err
	}
	r.mu.Lock()
	r.hashes[name] = report.ContentHash(data)
	r.mu.Unlock()
	return data, nil
}

// hash returns the hash of the content read for name, or "".
func (r *sourceReader) hash(name string) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.hashes[name]
}

// workspaceModules returns the directories of the go.work modules at or
// below dir, when dir is inside a workspace (go.work in it or above).
func workspaceModules(ctx context.Context, dir string) []string {
	if findUp(dir, "go.work") == "" {
		return nil
	}
	cmd := exec.CommandContext(ctx, "go", "list", "-m", "-f", "{{.Dir}}")
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		return nil
	}
	var mods []string
	for _, m := range strings.Fields(string(out)) {
		if isUnder(dir, m) {
			mods = append(mods, m)
		}
	}
	return mods
}

// buildFlags are the go list flags of the run's -tags.
func buildFlags(cfg *config.File) []string {
	if len(cfg.BuildTags) == 0 {
		return nil
	}
	return []string{"-tags=" + strings.Join(cfg.BuildTags, ",")}
}
