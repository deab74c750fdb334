// Package pylint is snatlint's Python pass: it parses Python files with
// tree-sitter, resolves each file's imports, decides which code runs per
// request, and reports pool-owning constructions there.
//
// Phase 1 (parse.go, flat.go, summary.go) runs on a bounded worker pool:
// each file is parsed, copied into a flat node array in one C call and the
// tree closed, then a Go walk over the array extracts a compact summary
// (bindings, functions, classes, call sites and where their values go).
// Walking with go-tree-sitter's Node API (a cgo call and a cache entry per
// node) measured about 3x the parse time; the flat copy keeps the whole
// pass near the cost of parsing alone. Queries were not used.
// Phase 2 (analyze.go, context.go) resolves names across the scanned tree
// (project modules, local subclasses, self.helper() calls), decides the
// per-request contexts (the one place: context.go, a loop over the
// frameworks declared as data in package frameworks, one file each; calls
// that register functions with them in registrations.go, manifests such as
// function.json in manifests.go), computes "constructs on every call"
// facts and reports; suppress.go applies noqa / snatlint directives.
package pylint

import (
	"context"

	"github.com/snatlint/snatlint/analyzers/catalog"
	"github.com/snatlint/snatlint/analyzers/config"
	"github.com/snatlint/snatlint/analyzers/policy"
)

// Options configure a run of the Python pass.
type Options struct {
	Config *config.File // may be nil: defaults
	Tests  bool         // include tests/, test_*.py, *_test.py, conftest.py
	Cache  *Cache       // nil: every file is parsed
	// Progress, if not nil, is called as files are done with phase 1
	// (possibly from several goroutines at once).
	Progress func(done, total int)
}

// Finding is one Python finding: the Finding type of both passes
// (policy.Finding), with absolute paths, 1-based lines and byte columns,
// and byte offsets.
type Finding = policy.Finding

// FileError is a file that could not be (fully) checked. Fatal is true
// when the file was not checked in full (exit status 2): it could not be
// read, or only its well-formed parts were checked (a syntax error);
// otherwise it is a warning (a malformed directive, invalid UTF-8 that
// was checked anyway). Line is the 1-based line the problem is on, or 0;
// Err's text names the line too.
type FileError struct {
	File  string
	Err   error
	Fatal bool
	Line  int
}

func (e FileError) Error() string { return e.File + ": " + e.Err.Error() }

// Discover walks paths (files or directories) and returns the Python files
// to check, skipping .git, virtualenvs (directories holding pyvenv.cfg),
// node_modules, site-packages, __pycache__, vendor, build and dist, and
// test files unless opts.Tests. Explicit file arguments are always taken.
// Symbolic links to directories are not followed (no loops); config
// Exclude globs apply.
func Discover(ctx context.Context, paths []string, opts Options) ([]string, []FileError) {
	return discover(ctx, paths, opts)
}

// Check runs the Python pass over files (the whole scanned tree, so that
// project-local calls are followed across modules).
func Check(ctx context.Context, files []string, opts Options) ([]Finding, []FileError) {
	m := catalog.NewPyMatcher(opts.Config.PythonRows())
	sums, errs := parseAll(ctx, files, opts.Cache, opts.Progress, m.SettingKeys())
	var ferrs []FileError
	for _, e := range errs {
		ferrs = append(ferrs, e...)
	}
	findings, unused := checkSummaries(sums, m, opts)
	return findings, append(ferrs, unused...)
}

// checkSummaries is phase 2 of Check: resolution across the files'
// summaries, findings, suppression; m is the matcher phase 1 took its
// setting keys from.
func checkSummaries(sums []*fileSum, m *catalog.PyMatcher, opts Options) ([]Finding, []FileError) {
	var decorators []string
	if opts.Config != nil {
		decorators = opts.Config.Python.Decorators
	}
	p := newProject(sums, m, decorators)
	var mine []string // the enabled rules: a directive naming only these must silence one
	for _, r := range catalog.Rules() {
		if config.RuleEnabled(opts.Config, r.ID) {
			mine = append(mine, r.ID)
		}
	}
	found := append(p.findings(), p.settingFindings()...)
	return suppress(sums, onePerLine(found, opts.Config), mine)
}
