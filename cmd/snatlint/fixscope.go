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

func newFixScope(cwd string, patterns []string, goroot, modcache string) *fixScope {
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
	for _, e := range []excludedDir{{goroot, "the Go distribution (GOROOT)"}, {modcache, "the module cache (GOMODCACHE)"}} {
		if e.dir == "" {
			continue
		}
		if r, err := filepath.EvalSymlinks(e.dir); err == nil {
			e.dir = r
		}
		s.excluded = append(s.excluded, e)
	}
	return s
}

// goEnvDirs returns go env GOROOT and GOMODCACHE ("" when go fails).
func goEnvDirs(ctx context.Context) (goroot, modcache string) {
	out, err := exec.CommandContext(ctx, "go", "env", "GOROOT", "GOMODCACHE").Output()
	if err != nil {
		return "", ""
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != 2 {
		return "", ""
	}
	return lines[0], lines[1]
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
