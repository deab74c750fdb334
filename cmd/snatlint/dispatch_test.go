package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/snatlint/snatlint/analyzers"
	"github.com/snatlint/snatlint/analyzers/config"
)

// TestModuleStep runs standalone mode on testdata/dispatch, a
// clean-architecture module (handlers → domain interfaces → infra and
// usecase implementations; a refresh loop given its function as a
// value): exactly the lines marked "expect SNAT00x" are reported, with
// chains that name the interface and the implementation that builds per
// call. Interfaces whose implementations all cache, a mock in a _test.go
// file, a function value not known precisely and a suppressed line stay
// silent.
func TestModuleStep(t *testing.T) {
	t.Setenv("GOFLAGS", "-mod=mod")
	t.Setenv("GOWORK", "off")
	dir, err := filepath.Abs("../../testdata/dispatch")
	if err != nil {
		t.Fatal(err)
	}
	cfg := &config.File{}
	findings, problems, _ := checkModule(context.Background(), dir, []string{"./..."}, cfg, analyzers.New(cfg), nil)
	for _, p := range problems {
		t.Errorf("problem: %s: %s", p.File, p.Reason)
	}
	var got []string
	msgs := map[string]string{}
	for _, f := range findings {
		rel, err := filepath.Rel(dir, f.Pos.File)
		if err != nil {
			t.Fatal(err)
		}
		key := fmt.Sprintf("%s:%d: %s", filepath.ToSlash(rel), f.Pos.Line, f.RuleID)
		got = append(got, key)
		msgs[key] = f.Message
	}
	want := expectMarkers(t, dir)
	slices.Sort(got)
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("missing: %s", w)
		}
	}
	for _, g := range got {
		if !slices.Contains(want, g) {
			t.Errorf("unexpected: %s (%s)", g, msgs[g])
		}
	}
	// The chain names the interface and the implementation that builds,
	// not the one that caches.
	for key, substr := range map[string]string{
		"web/web.go:17: SNAT001":         "built by domain.UserService.Sync (interface) → infra.azureSync.Sync in HTTP handler SyncUser",
		"web/web.go:25: SNAT001":         "built by domain.UseCase.Run (interface) → usecase.syncUseCase.Run → domain.Repo.Load (interface) → infra.sqlRepo.Load in HTTP handler Run",
		"refresh/refresh.go:26: SNAT001": "built by refreshf (function value) → sd.Discovery.refresh in loop body",
	} {
		if !strings.Contains(msgs[key], substr) {
			t.Errorf("%s: message %q does not contain %q", key, msgs[key], substr)
		}
	}
}

var expectMarkerRE = regexp.MustCompile(`// expect((?: SNAT\d{3})+)\b`)

// expectMarkers reads "// expect SNAT00x" markers of the Go files below
// dir as "file:line: RULE".
func expectMarkers(t *testing.T, dir string) []string {
	t.Helper()
	var want []string
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		rel, _ := filepath.Rel(dir, path)
		sc := bufio.NewScanner(f)
		for line := 1; sc.Scan(); line++ {
			if m := expectMarkerRE.FindStringSubmatch(sc.Text()); m != nil {
				for _, rule := range strings.Fields(m[1]) {
					want = append(want, fmt.Sprintf("%s:%d: %s", filepath.ToSlash(rel), line, rule))
				}
			}
		}
		return sc.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(want)
	return want
}
