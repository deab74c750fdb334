package main

import (
	"context"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

// fixScope decides which files -fix may write: source files of the
// scanned module(s) only (design.md, "Machine fixes never damage code").
// The scanned roots are the modules (go.mod directories) of the patterns,
// or the pattern directories outside any module (Python trees). Never
// GOROOT, the module cache or a vendored copy, even below a root; never a
// file that resolves (through symbolic links) outside the roots, such as
// a replace target in ../outside.
type fixScope struct {
	roots    []string // resolved
	excluded []excludedDir
}

type excludedDir struct {
	dir, what string
}

func newFixScope(ctx context.Context, cwd string, patterns []string) *fixScope {
	s := &fixScope{}
	for _, p := range patterns {
		dir := cwd
		if isPathPattern(cwd, p) || isFileArg(cwd, p) {
			dir = patternDir(cwd, p)
		}
		root := findUp(dir, "go.mod")
		if root == "" {
			root = dir
		}
		if r, err := filepath.EvalSymlinks(root); err == nil && !slices.Contains(s.roots, r) {
			s.roots = append(s.roots, r)
		}
	}
	out, _ := exec.CommandContext(ctx, "go", "env", "GOROOT", "GOMODCACHE").Output()
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	for i, what := range []string{"the Go distribution (GOROOT)", "the module cache (GOMODCACHE)"} {
		if i < len(lines) && lines[i] != "" {
			dir := lines[i]
			if r, err := filepath.EvalSymlinks(dir); err == nil {
				dir = r
			}
			s.excluded = append(s.excluded, excludedDir{dir, what})
		}
	}
	return s
}

// why says why file must not be written, or "".
func (s *fixScope) why(file string) string {
	real, err := filepath.EvalSymlinks(file)
	if err != nil {
		return err.Error()
	}
	for _, e := range s.excluded {
		if isUnder(e.dir, real) {
			return file + " is in " + e.what
		}
	}
	for _, root := range s.roots {
		if !isUnder(root, real) {
			continue
		}
		rel, _ := filepath.Rel(root, real)
		if slices.Contains(strings.Split(filepath.ToSlash(rel), "/"), "vendor") {
			return file + " is a vendored copy of a dependency"
		}
		return ""
	}
	return file + " is outside the scanned module (" + strings.Join(s.roots, ", ") + ")"
}
