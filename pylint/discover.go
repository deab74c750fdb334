package pylint

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/snatlint/snatlint/analyzers/config"
)

var skipDirs = map[string]bool{
	".git": true, "node_modules": true, "site-packages": true, "__pycache__": true,
	".hg": true, ".svn": true, ".tox": true, ".mypy_cache": true,
}

func testsIncluded(opts Options) bool {
	return opts.Tests || opts.Config != nil && opts.Config.Tests
}

// isTestFile reports test files: tests/, test_*.py, *_test.py, conftest.py.
func isTestFile(p string) bool {
	base := filepath.Base(p)
	if base == "conftest.py" || strings.HasPrefix(base, "test_") || strings.HasSuffix(base, "_test.py") {
		return true
	}
	for _, seg := range strings.Split(filepath.ToSlash(filepath.Dir(p)), "/") {
		if seg == "tests" {
			return true
		}
	}
	return false
}

func discover(ctx context.Context, paths []string, opts Options) ([]string, []FileError) {
	var files []string
	var errs []FileError
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			files = append(files, p)
		}
	}
	tests := testsIncluded(opts)
	for _, root := range paths {
		if ctx.Err() != nil {
			break
		}
		fi, err := os.Stat(root)
		if err != nil {
			errs = append(errs, FileError{File: root, Err: fmt.Errorf("not checked: %w", unwrapPath(err)), Fatal: true})
			continue
		}
		if !fi.IsDir() {
			if !excluded(opts, root) {
				add(root) // explicit file arguments are always taken
			}
			continue
		}
		walkErr := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if err != nil {
				errs = append(errs, FileError{File: p, Err: fmt.Errorf("cannot read: %w", err), Fatal: true})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if p == root {
					return nil
				}
				name := d.Name()
				if skipDirs[name] || (!tests && name == "tests") || excluded(opts, p) {
					return fs.SkipDir
				}
				if _, err := os.Lstat(filepath.Join(p, "pyvenv.cfg")); err == nil {
					return fs.SkipDir // a virtualenv
				}
				return nil
			}
			if !strings.HasSuffix(d.Name(), ".py") {
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				// a link to a file is checked; one to a directory or a loop
				// is reported when read.
				if st, err := os.Stat(p); err == nil && st.IsDir() {
					return nil
				}
			}
			if !tests && isTestFile(p) {
				return nil
			}
			if excluded(opts, p) {
				return nil
			}
			add(p)
			return nil
		})
		if walkErr != nil && !errors.Is(walkErr, context.Canceled) {
			errs = append(errs, FileError{File: root, Err: walkErr, Fatal: true})
		}
	}
	return files, errs
}

// excluded applies the config's Exclude globs (see config.MatchGlob).
func excluded(opts Options, p string) bool {
	return config.Excluded(opts.Config, p)
}
