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
	"github.com/snatlint/snatlint/analyzers/policy"
)

var skipDirs = map[string]bool{
	".git": true, "node_modules": true, "site-packages": true, "__pycache__": true,
	".hg": true, ".svn": true, ".tox": true, ".mypy_cache": true,
	// vendored and built copies, as Go's ./... skips vendor/
	"vendor": true, "build": true, "dist": true,
}

func discover(ctx context.Context, paths []string, opts Options) ([]string, []FileError) {
	var found []string
	var errs []FileError
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			found = append(found, p)
		}
	}
	files := policy.NewFiles(opts.Config, opts.Tests)
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
			if !config.Excluded(opts.Config, root) {
				add(root) // explicit file arguments are taken unless excluded; their findings are dropped without -tests
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
				if skipDirs[name] || files.SkipDir(p) {
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
			if files.Skip(p) {
				return nil
			}
			add(p)
			return nil
		})
		if walkErr != nil && !errors.Is(walkErr, context.Canceled) {
			errs = append(errs, FileError{File: root, Err: walkErr, Fatal: true})
		}
	}
	return found, errs
}
