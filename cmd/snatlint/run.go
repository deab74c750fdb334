package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"go/build"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/snatlint/snatlint/analyzers"
	"github.com/snatlint/snatlint/analyzers/catalog"
	"github.com/snatlint/snatlint/analyzers/config"
	"github.com/snatlint/snatlint/analyzers/policy"
	"github.com/snatlint/snatlint/cmd/snatlint/internal/progress"
	"github.com/snatlint/snatlint/cmd/snatlint/internal/report"
	"github.com/snatlint/snatlint/internal/userfile"
	"github.com/snatlint/snatlint/pylint"
	"golang.org/x/tools/go/analysis"
)

// exitError is an error with an exit status; an empty message prints
// nothing.
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }
func (e *exitError) ExitCode() int { return e.code }

var (
	errFindings  = &exitError{code: 1}
	errUnchecked = &exitError{code: 2}
)

func usageError(format string, args ...any) error {
	return &exitError{code: 2, msg: fmt.Sprintf(format, args...) + "\nrun 'snatlint -h' for usage"}
}

// options are the parsed command line.
type options struct {
	format     string
	output     string
	fix        bool
	tests      bool
	tags       string
	lang       string
	configPath string
	explain    string
	version    bool
	cache      bool
	patterns   []string

	baseline          string // -baseline FILE
	writeBaseline     string // -write-baseline FILE
	baselineUnchanged bool   // -baseline-unchanged
	progress          progress.Flag

	goOn, pyOn bool
}

const usageText = `snatlint finds HTTP clients, transports, Azure SDK clients and credentials
built per request, per loop iteration or per task run, in Go and Python code.

Usage:
  snatlint [flags] [patterns...]     (default pattern ./...)
  snatlint vet [go vet flags] [packages]
                                     (go vet with snatlint as the vet tool)
  go vet -vettool=$(command -v snatlint) ./...

Patterns are Go package patterns (./..., ./cmd/x) and paths; Python files
are found under the same directories or given as file names.

Exit status: 0 no findings, 1 findings, 2 something could not be checked.

Flags:
`

// parseFlags parses and validates args. A -h request returns
// flag.ErrHelp.
func parseFlags(args []string, stderr io.Writer) (*options, error) {
	o := &options{}
	fs := flag.NewFlagSet("snatlint", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.format, "format", "text", "output `format`: text, json or sarif")
	fs.StringVar(&o.output, "o", "", "write findings to `file` instead of standard output")
	fs.BoolVar(&o.fix, "fix", false, "apply machine fixes to the source files")
	fs.StringVar(&o.tags, "tags", "", "comma-separated Go build `tags` (as go build -tags)")
	fs.BoolVar(&o.tests, "tests", false, "also check test files (_test.go; tests/, test_*.py, *_test.py, conftest.py)")
	fs.StringVar(&o.lang, "lang", "go,python", "comma-separated `languages` to check: go, python")
	fs.StringVar(&o.configPath, "config", "", "configuration `file` (default: .snatlint.yaml found upward from the scanned directory)")
	fs.StringVar(&o.explain, "explain", "", "print the documentation of `rule` (e.g. SNAT001) and exit")
	fs.BoolVar(&o.version, "version", false, "print the version and exit")
	fs.BoolVar(&o.cache, "cache", true, "reuse results of unchanged code from earlier runs: Go per module (in $GOCACHE/snatlint), Python per file (in the user cache directory, snatlint/python)")
	fs.BoolVar(&o.version, "V", false, "print the version and exit")
	fs.Var(&o.progress, "progress", "show progress on standard error (default: on a terminal, for runs over 2 s; -progress=false: never)")
	fs.StringVar(&o.baseline, "baseline", "", "report only findings that are not in the baseline `file` (written by -write-baseline); the exit status counts only those")
	fs.StringVar(&o.writeBaseline, "write-baseline", "", "write the current findings to the baseline `file` (to commit; see -baseline) and report none of them")
	fs.BoolVar(&o.baselineUnchanged, "baseline-unchanged", false, "with -baseline, also show the findings that are in the baseline, marked as such (SARIF baselineState \"unchanged\", JSON baseline_state); they do not change the exit status")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), usageText)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, err
		}
		return nil, &exitError{code: 2, msg: "run 'snatlint -h' for usage"}
	}
	o.patterns = fs.Args()
	if err := o.validate(); err != nil {
		return nil, err
	}
	return o, nil
}

// validate checks flag values and combinations, in one place.
func (o *options) validate() error {
	switch o.format {
	case "text", "json", "sarif":
	default:
		return usageError("unknown -format %q: use text, json or sarif", o.format)
	}
	for _, l := range strings.Split(o.lang, ",") {
		switch strings.TrimSpace(l) {
		case "go":
			o.goOn = true
		case "python", "py":
			o.pyOn = true
		default:
			return usageError("unknown language %q in -lang: use go, python or go,python", l)
		}
	}
	if o.explain != "" {
		if _, ok := catalog.Lookup(strings.ToUpper(o.explain)); !ok {
			return usageError("unknown rule %q for -explain: use one of %s", o.explain, catalog.IDs())
		}
		if len(o.patterns) > 0 || o.fix || o.output != "" {
			return usageError("-explain takes no patterns, -fix or -o")
		}
	}
	switch {
	case o.baseline != "" && o.writeBaseline != "":
		return usageError("-baseline and -write-baseline do not go together: -write-baseline FILE alone writes (or rewrites) a baseline")
	case o.baselineUnchanged && o.baseline == "":
		return usageError("-baseline-unchanged needs -baseline FILE")
	}
	for _, p := range o.patterns {
		if strings.HasPrefix(p, "-") {
			return usageError("flag %q after the patterns: put flags before the patterns", p)
		}
		if p == "" {
			return usageError("empty pattern")
		}
	}
	if len(o.patterns) == 0 {
		o.patterns = []string{"./..."}
	}
	return nil
}

// version is the module version from the build information.
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok || bi.Main.Version == "" || bi.Main.Version == "(devel)" {
		return "devel"
	}
	return bi.Main.Version
}

// analyzerSet builds the Go analyzers for a configuration.
type analyzerSet func(*config.File) []*analysis.Analyzer

// run is the whole standalone command; it never exits the process.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return runWith(ctx, analyzers.New, args, stdout, stderr)
}

// runWith is run with the Go analyzers given (tests pass synthetic ones).
func runWith(ctx context.Context, newAnalyzers analyzerSet, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 && args[0] == "vet" {
		// "snatlint vet [go vet flags] [packages]": go vet with this binary
		// as the vet tool (a directory named vet is ./vet).
		return runVet(ctx, args[1:], stdout, stderr)
	}
	o, err := parseFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	if err != nil {
		return err
	}
	switch {
	case o.version:
		fmt.Fprintf(stdout, "snatlint %s\n", version())
		return nil
	case o.explain != "":
		fmt.Fprint(stdout, catalog.MustLookup(strings.ToUpper(o.explain)).Page())
		return nil
	}

	cwd, err := os.Getwd()
	if err != nil {
		return &exitError{code: 2, msg: err.Error()}
	}
	cfg, err := loadConfig(o, cwd)
	if err != nil {
		return &exitError{code: 2, msg: err.Error()}
	}
	tests := o.tests || cfg.Tests
	runCfg := *cfg
	runCfg.Tests = tests

	runCfg.BuildTags = o.buildTags()
	t := classify(cwd, o.patterns, runCfg.BuildTags)
	rep := &report.Report{Cwd: cwd, Root: scanRoot(cwd), Version: version()}
	if o.goOn {
		// Locations in dependencies print as module@version/path.
		rep.GoRoot, rep.ModCache = goEnvDirs(ctx)
	}

	prog := progress.Start(stderr, o.progress.Mode, progress.Options{})
	defer prog.Stop()
	ctx = progress.NewContext(ctx, prog)

	var goNoMatch []string
	if o.goOn {
		var cache *resultCache
		if o.cache {
			cache = openCache(ctx)
		}
		res := checkGo(ctx, cwd, t, &runCfg, newAnalyzers, cache)
		rep.Findings = append(rep.Findings, res.findings...)
		rep.Problems = append(rep.Problems, res.problems...)
		goNoMatch = res.noMatch
	}
	pyDirs := map[string]bool{}
	if o.pyOn {
		var cache *pylint.Cache
		if o.cache {
			cache = openPyCache(cfg)
		}
		restore := pylint.BoundMemory(pylint.MemoryBudget)
		fs, ps, dirs := checkPython(ctx, cwd, t, &runCfg, cache)
		restore()
		rep.Findings = append(rep.Findings, fs...)
		rep.Problems = append(rep.Problems, ps...)
		pyDirs = dirs
	}
	if ctx.Err() != nil {
		// Ctrl-C: what was found so far is incomplete; say so, exit 2.
		return &exitError{code: 2, msg: "interrupted: the check did not finish, nothing is reported"}
	}
	rep.Problems = append(rep.Problems, t.problems...)
	// A pattern that matched neither Go packages nor Python files is a
	// mistake (design.md: no Go packages at all is fine in a Python tree).
	noMatch := goNoMatch
	if !o.goOn {
		noMatch = t.pyDirPatterns
	}
	for _, p := range noMatch {
		if !o.pyOn || !pyDirs[patternDir(cwd, p)] {
			rep.Problems = append(rep.Problems, report.Problem{Reason: fmt.Sprintf("%s: %s found", displayPattern(cwd, p), o.langNoun()), Fatal: true})
		}
	}

	prog.Stop() // the checks are done: clear the line before anything is printed
	rep.Findings = dedup(report.ApplyConfig(rep.Findings, cfg))
	if !tests {
		// Files named explicitly are checked (pre-commit passes changed
		// test files too), but test files are not reported without -tests.
		rep.Findings = slices.DeleteFunc(rep.Findings, func(f report.Finding) bool { return policy.IsTestFile(f.Pos.File) })
	}
	if len(t.goFiles) > 0 && len(t.goPatterns) == 0 {
		// Only Go file names were given (pre-commit): report on those files.
		rep.Findings = slices.DeleteFunc(rep.Findings, func(f report.Finding) bool {
			return f.Lang == "go" && !t.goFiles[f.Pos.File]
		})
	}
	report.Sort(rep.Findings)
	rep.Problems = sortProblems(rep.Problems)

	if o.fix {
		goroot, modcache := rep.GoRoot, rep.ModCache
		if !o.goOn {
			goroot, modcache = goEnvDirs(ctx)
		}
		scope := newFixScope(cwd, o.patterns, goroot, modcache)
		res := report.ApplyFixes(rep.Findings, report.FixEnv{ReadFile: readFixFile, Writable: scope.why})
		for _, file := range sortedKeys(res.Files) {
			if err := writeFixed(file, res.Files[file], res.FileHashes[file]); err != nil {
				rep.Problems = append(rep.Problems, report.Problem{File: file, Reason: fmt.Sprintf("fixed file not written, left unchanged: %v", err), Fatal: true})
			}
		}
		for _, s := range res.Skipped {
			fmt.Fprintln(stderr, "snatlint: "+s)
		}
		fmt.Fprintf(stderr, "snatlint: applied %d fixes in %d files\n", res.Applied, len(res.Files))
		// Like go vet -fix: a finding whose fix was applied is resolved.
		fixed := map[int]bool{}
		for _, i := range res.Fixed {
			fixed[i] = true
		}
		var remaining []report.Finding
		for i, f := range rep.Findings {
			if !fixed[i] {
				remaining = append(remaining, f)
			}
		}
		rep.Findings = remaining
	}

	if err := applyBaseline(o, rep, stderr); err != nil {
		return err
	}
	if err := writeReport(o, rep, stdout); err != nil {
		return &exitError{code: 2, msg: err.Error()}
	}
	report.WriteProblems(stderr, rep)
	if rep.Baseline != nil {
		fmt.Fprintf(stderr, "snatlint: %s\n", rep.Baseline)
	}
	switch {
	case rep.Fatal():
		return errUnchecked
	case rep.NewFindings() > 0 || len(rep.Problems) > 0:
		return errFindings
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// readFixFile reads a file to fix: regular files only, bounded.
func readFixFile(file string) ([]byte, error) { return userfile.Read(file, maxGoFileSize) }

// writeFixed replaces file with data, atomically, if the file still has
// the content the fix was computed from (another -fix run or an editor
// may have written it since).
func writeFixed(file string, data []byte, fromHash string) error {
	cur, err := readFixFile(file)
	if err != nil {
		return err
	}
	if report.ContentHash(cur) != fromHash {
		return errors.New("it changed while the fixes were computed; run snatlint again")
	}
	return userfile.WriteAtomic(file, data)
}

func writeReport(o *options, rep *report.Report, stdout io.Writer) (err error) {
	w := stdout
	if o.output != "" {
		f, err := os.Create(o.output)
		if err != nil {
			return fmt.Errorf("creating output: %w", err)
		}
		defer func() {
			if cerr := f.Close(); err == nil && cerr != nil {
				err = fmt.Errorf("writing output: %w", cerr)
			}
		}()
		w = f
	}
	switch o.format {
	case "json":
		err = report.WriteJSON(w, rep)
	case "sarif":
		err = report.WriteSARIF(w, rep)
	default:
		err = report.WriteText(w, rep)
	}
	if err != nil {
		return fmt.Errorf("writing output: %w", err)
	}
	return nil
}

// loadConfig reads -config, or .snatlint.yaml found upward from the
// first scanned directory; no file means defaults.
func loadConfig(o *options, cwd string) (*config.File, error) {
	path := o.configPath
	if path == "" {
		var err error
		path, err = config.Find(patternDir(cwd, o.patterns[0]))
		if err != nil {
			return nil, err
		}
		if path == "" {
			return &config.File{}, nil
		}
	}
	return config.Load(path)
}

// targets are the patterns sorted by kind.
type targets struct {
	goPatterns    []string        // Go package patterns, as given
	goFiles       map[string]bool // absolute .go files given by name
	goFileDirs    []string        // their directories, as ./relative patterns
	pyPaths       []string        // directories and Python files for Python discovery
	pyDirPatterns []string        // the directory patterns among pyPaths
	problems      []report.Problem
}

// classify sorts the patterns: Go files, Python files (.py, or a script
// whose first line is a python shebang, as pre-commit's types: [python]
// passes them), directories and Go package patterns. A file argument that
// is missing, not a regular file, excluded by build constraints or
// neither Go nor Python is a problem (exit status 2); a .pyi stub is
// skipped without a word (it holds no code that runs).
func classify(cwd string, patterns []string, buildTags []string) targets {
	t := targets{goFiles: map[string]bool{}}
	for _, p := range patterns {
		switch {
		case strings.HasSuffix(p, ".py"):
			t.pyPaths = append(t.pyPaths, p)
		case strings.HasSuffix(p, ".pyi"):
			// a type stub: nothing runs there
		case strings.HasSuffix(p, ".go"):
			abs := absPath(cwd, p)
			if reason := goFileProblem(abs, buildTags); reason != "" {
				t.problems = append(t.problems, report.Problem{File: abs, Reason: reason, Fatal: true})
				continue
			}
			t.goFiles[abs] = true
			dir := "./" + filepath.ToSlash(mustRel(cwd, filepath.Dir(abs)))
			if !slices.Contains(t.goFileDirs, dir) {
				t.goFileDirs = append(t.goFileDirs, dir)
			}
		case isFileArg(cwd, p):
			if isPythonScript(absPath(cwd, p)) {
				t.pyPaths = append(t.pyPaths, p)
				continue
			}
			t.problems = append(t.problems, report.Problem{File: absPath(cwd, p), Fatal: true,
				Reason: "not checked: neither a Go file (.go) nor a Python file (.py, or a script starting with a python #! line)"})
		case isPathPattern(cwd, p) && !dirExists(patternDir(cwd, p)):
			// Said once here, not by go list and Python discovery each.
			t.problems = append(t.problems, report.Problem{Reason: fmt.Sprintf("%s: not checked: no such directory", p), Fatal: true})
		default:
			t.goPatterns = append(t.goPatterns, p)
			if isPathPattern(cwd, p) {
				dir := strings.TrimSuffix(strings.TrimSuffix(p, "..."), "/")
				if dir == "" {
					dir = "."
				}
				t.pyPaths = append(t.pyPaths, dir)
				t.pyDirPatterns = append(t.pyDirPatterns, p)
			}
		}
	}
	return t
}

// goFileProblem says why the Go file named on the command line cannot be
// checked, or "".
func goFileProblem(file string, buildTags []string) string {
	if err := userfile.Check(file, math.MaxInt64); err != nil {
		return "not checked: " + pathErrText(err)
	}
	bctx := build.Default
	bctx.BuildTags = append(slices.Clone(bctx.BuildTags), buildTags...)
	ok, err := bctx.MatchFile(filepath.Dir(file), filepath.Base(file))
	switch {
	case err != nil:
		return "not checked: " + err.Error()
	case !ok:
		tags := "none"
		if len(buildTags) > 0 {
			tags = strings.Join(buildTags, ",")
		}
		return fmt.Sprintf("not checked: excluded by build constraints (GOOS=%s GOARCH=%s, tags %s); pass -tags to include it", bctx.GOOS, bctx.GOARCH, tags)
	}
	return ""
}

func dirExists(dir string) bool {
	st, err := os.Stat(dir)
	return err == nil && st.IsDir()
}

// isFileArg reports whether the pattern names an existing file that is
// not a directory.
func isFileArg(cwd, p string) bool {
	st, err := os.Stat(absPath(cwd, p))
	return err == nil && !st.IsDir()
}

// isPythonScript reports whether file starts with a #! line that runs
// python (python, python3, python3.12, "env python3", "env -S python3 -u").
func isPythonScript(file string) bool {
	head, err := userfile.Head(file, 256)
	if err != nil || !bytes.HasPrefix(head, []byte("#!")) {
		return false
	}
	line, _, _ := bytes.Cut(head, []byte("\n"))
	for _, f := range strings.Fields(string(line[2:])) {
		base := filepath.Base(f)
		if strings.HasPrefix(base, "python") || strings.HasPrefix(base, "pypy") {
			return true
		}
	}
	return false
}

// pathErrText is err without the path an *fs.PathError repeats.
func pathErrText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// displayPattern prints a pattern as the user would write it: a path
// below cwd as ./rel (never a bare "..." that reads as a parent
// directory).
func displayPattern(cwd, p string) string {
	if !filepath.IsAbs(p) {
		return p
	}
	rel, err := filepath.Rel(cwd, p)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return filepath.ToSlash(p)
	}
	if rel == "." {
		return "."
	}
	return "./" + filepath.ToSlash(rel)
}

// isPathPattern reports whether a Go pattern names a directory (rather
// than an import path).
func isPathPattern(cwd, p string) bool {
	if p == "..." || p == "." || p == ".." || strings.HasPrefix(p, "./") || strings.HasPrefix(p, "../") || filepath.IsAbs(p) {
		return true
	}
	st, err := os.Stat(absPath(cwd, strings.TrimSuffix(strings.TrimSuffix(p, "..."), "/")))
	return err == nil && st.IsDir()
}

// patternDir is the absolute directory a pattern starts from: for a file
// argument (main.go, app.py, bin/manage), its directory.
func patternDir(cwd, p string) string {
	p = strings.TrimSuffix(strings.TrimSuffix(p, "..."), "/")
	if strings.HasSuffix(p, ".go") || strings.HasSuffix(p, ".py") || strings.HasSuffix(p, ".pyi") || isFileArg(cwd, p) {
		p = filepath.Dir(p)
	}
	if p == "" {
		p = "."
	}
	return absPath(cwd, p)
}

// buildTags splits -tags (commas, or spaces as go accepts).
func (o *options) buildTags() []string {
	return strings.FieldsFunc(o.tags, func(r rune) bool { return r == ',' || r == ' ' })
}

// langNoun names what a run looks for, for "nothing found" messages.
func (o *options) langNoun() string {
	switch {
	case o.goOn && o.pyOn:
		return "no Go packages or Python files"
	case o.goOn:
		return "no Go packages"
	}
	return "no Python files"
}

// absPath is p made absolute and clean, relative to cwd (the run's working
// directory, looked up once: filepath.Abs asks for it on every call).
func absPath(cwd, p string) string {
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	return filepath.Join(cwd, p)
}

func mustRel(base, p string) string {
	r, err := filepath.Rel(base, p)
	if err != nil {
		return p
	}
	return r
}

// scanRoot is the repository root (the nearest directory above cwd that
// holds .git), else cwd: SARIF URIs are relative to it.
func scanRoot(cwd string) string {
	for d := cwd; ; {
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return cwd
		}
		d = parent
	}
}

// dedup drops findings reported twice (a file analysed both in a package
// and in its test variant).
func dedup(fs []report.Finding) []report.Finding {
	type key struct {
		file      string
		line, col int
		rule, msg string
	}
	seen := map[key]bool{}
	out := fs[:0]
	for _, f := range fs {
		k := key{f.Pos.File, f.Pos.Line, f.Pos.Column, f.RuleID, f.Message}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, f)
	}
	return out
}

func sortProblems(ps []report.Problem) []report.Problem {
	slices.SortStableFunc(ps, func(a, b report.Problem) int {
		if c := strings.Compare(a.Pos.File+a.File, b.Pos.File+b.File); c != 0 {
			return c
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line - b.Pos.Line
		}
		return strings.Compare(a.Reason, b.Reason)
	})
	// Drop exact duplicates (the same load error seen from two roots).
	return slices.CompactFunc(ps, func(a, b report.Problem) bool { return a == b })
}
