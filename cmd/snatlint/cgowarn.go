package main

import (
	"context"
	"fmt"
	"go/parser"
	"go/token"
	"os/exec"
	"strings"

	"github.com/snatlint/snatlint/cmd/snatlint/internal/report"
	"github.com/snatlint/snatlint/internal/userfile"
	"golang.org/x/tools/go/packages"
)

// cgoOffProblems warns about the cgo files go list left out because cgo
// is off (the go command turns it off when no C compiler is found): they
// are not checked, and nothing else would say so.
func cgoOffProblems(ctx context.Context, dir string, pkgs []*packages.Package) []report.Problem {
	var cgoFiles []string
	for _, p := range pkgs {
		for _, f := range p.IgnoredFiles {
			if strings.HasSuffix(f, ".go") && importsC(f) {
				cgoFiles = append(cgoFiles, f)
			}
		}
	}
	if len(cgoFiles) == 0 {
		return nil
	}
	cmd := exec.CommandContext(ctx, "go", "env", "CGO_ENABLED", "CC")
	cmd.Dir = dir
	out, err := cmd.Output()
	fields := strings.Fields(string(out))
	if err != nil || len(fields) == 0 || fields[0] != "0" {
		return nil // cgo is on: these files are excluded by their build constraints
	}
	why := "cgo is off (CGO_ENABLED=0)"
	if len(fields) > 1 {
		if _, err := exec.LookPath(fields[1]); err != nil {
			why = fmt.Sprintf("cgo is off: the C compiler %q was not found; install it or set CC", fields[1])
		}
	}
	var ps []report.Problem
	for _, f := range cgoFiles {
		ps = append(ps, report.Problem{File: f, Reason: "not checked: it uses cgo and " + why})
	}
	return ps
}

// importsC reports whether the Go file imports "C".
func importsC(file string) bool {
	src, err := userfile.Read(file, maxGoFileSize)
	if err != nil {
		return false
	}
	f, err := parser.ParseFile(token.NewFileSet(), file, src, parser.ImportsOnly)
	if err != nil {
		return false
	}
	for _, imp := range f.Imports {
		if imp.Path.Value == `"C"` {
			return true
		}
	}
	return false
}
