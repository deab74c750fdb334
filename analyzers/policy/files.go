package policy

import (
	"path/filepath"
	"slices"
	"strings"

	"github.com/snatlint/snatlint/analyzers/config"
)

// IsTestFile reports test files, which are not checked unless asked
// (-tests, tests: true): Go _test.go files; Python tests/ directories,
// test_*.py, *_test.py and conftest.py.
func IsTestFile(path string) bool {
	if strings.HasSuffix(path, "_test.go") {
		return true
	}
	if !strings.HasSuffix(path, ".py") {
		return false
	}
	base := filepath.Base(path)
	if base == "conftest.py" || strings.HasPrefix(base, "test_") || strings.HasSuffix(base, "_test.py") {
		return true
	}
	return slices.Contains(strings.Split(filepath.ToSlash(filepath.Dir(path)), "/"), "tests")
}

// IsTestDir reports directories whose Python files are all tests.
func IsTestDir(name string) bool { return name == "tests" }

// Files is the file policy of one run: which files are checked.
type Files struct {
	Config *config.File // excludes; nil: none
	Tests  bool         // check test files too
}

// NewFiles is the file policy of cfg (nil: the defaults) with tests
// forced on when tests is set.
func NewFiles(cfg *config.File, tests bool) Files {
	return Files{Config: cfg, Tests: tests || cfg != nil && cfg.Tests}
}

// Skip reports whether the file at path is not checked: a test file
// without Tests, or a path excluded by the configuration.
func (f Files) Skip(path string) bool {
	if !f.Tests && IsTestFile(path) {
		return true
	}
	return config.Excluded(f.Config, path)
}

// SkipDir reports whether a directory met while walking is not entered:
// a tests directory without Tests, or an excluded path.
func (f Files) SkipDir(path string) bool {
	if !f.Tests && IsTestDir(filepath.Base(path)) {
		return true
	}
	return config.Excluded(f.Config, path)
}
