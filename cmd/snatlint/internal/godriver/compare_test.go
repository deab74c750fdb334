package godriver_test

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/snatlint/snatlint/analyzers"
	"github.com/snatlint/snatlint/analyzers/catalog"
	"github.com/snatlint/snatlint/cmd/snatlint/internal/godriver"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// TestSameAsCheckerOnModule compares godriver with checker.Analyze on a
// real module, with snatlint's analyzers: SNATLINT_COMPARE_DIR names the
// module and SNATLINT_COMPARE_PATTERN the packages (default ./...). It is
// skipped without them: loading a large graph with LoadAllSyntax takes
// minutes and gigabytes.
func TestSameAsCheckerOnModule(t *testing.T) {
	dir := os.Getenv("SNATLINT_COMPARE_DIR")
	if dir == "" {
		t.Skip("SNATLINT_COMPARE_DIR not set")
	}
	pattern := os.Getenv("SNATLINT_COMPARE_PATTERN")
	if pattern == "" {
		pattern = "./..."
	}
	as := analyzers.New(nil)

	pkgs, err := godriver.Load(context.Background(), dir, false, nil, pattern)
	if err != nil {
		t.Fatal(err)
	}
	results, err := godriver.Analyze(context.Background(), pkgs, godriver.Options{Analyzers: as, FactRoots: catalog.RootPackages()})
	if err != nil {
		t.Fatal(err)
	}
	got := render(dir, posIn, results)

	lpkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Dir: dir}, pattern)
	if err != nil {
		t.Fatal(err)
	}
	lpkgs = slices.DeleteFunc(lpkgs, func(p *packages.Package) bool { return p.IllTyped })
	graph, err := checker.Analyze(as, lpkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var want []*godriver.Result
	for _, act := range graph.Roots {
		r := &godriver.Result{Package: act.Package}
		for _, d := range act.Diagnostics {
			r.Diagnostics = append(r.Diagnostics, godriver.Diagnostic{Analyzer: act.Analyzer.Name, Diagnostic: d})
		}
		want = append(want, r)
	}
	if w := render(dir, posIn, want); !slices.Equal(got, w) {
		t.Errorf("godriver:\n%s\nchecker:\n%s", strings.Join(got, "\n"), strings.Join(w, "\n"))
	} else {
		t.Logf("%d diagnostics, identical", len(w))
	}
}
