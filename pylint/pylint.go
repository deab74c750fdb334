// Package pylint is snatlint's Python pass: it parses Python files with
// tree-sitter, resolves each file's imports, decides which code runs per
// request, and reports pool-owning constructions there.
package pylint

import (
	"context"

	"github.com/snatlint/snatlint/analyzers/catalog"
	"github.com/snatlint/snatlint/analyzers/config"
)

// Options configure a run of the Python pass.
type Options struct {
	Config *config.File // may be nil: defaults
	Tests  bool         // include tests/, test_*.py, *_test.py, conftest.py
}

// Related is a secondary location of a finding.
type Related struct {
	File         string
	Line, Column int // 1-based, byte column
	Message      string
}

// Finding is one Python finding. Lines and columns are 1-based; columns
// count bytes. StartByte/EndByte are byte offsets into the file.
type Finding struct {
	RuleID             string
	Level              catalog.Level
	File               string
	Line, Column       int
	EndLine, EndColumn int
	StartByte, EndByte int
	Message            string
	Related            []Related
}

// FileError is a file that could not be (fully) checked. Fatal is true
// when the file could not be read or parsed at all (exit status 2);
// otherwise it is a warning (e.g. syntax errors with findings in the
// well-formed parts).
type FileError struct {
	File  string
	Err   error
	Fatal bool
}

// Discover walks paths (files or directories) and returns the Python files
// to check, skipping .git, virtualenvs (directories holding pyvenv.cfg),
// node_modules, site-packages and __pycache__, and test files unless
// opts.Tests. Explicit file arguments are always taken.
func Discover(ctx context.Context, paths []string, opts Options) ([]string, []FileError) {
	return nil, nil // TODO(python pass)
}

// Check runs the Python pass over files (the whole scanned tree, so that
// project-local calls are followed across modules).
func Check(ctx context.Context, files []string, opts Options) ([]Finding, []FileError) {
	return nil, nil // TODO(python pass)
}
