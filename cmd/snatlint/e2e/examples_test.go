package e2e_test

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestExamples runs snatlint on the demo project, as the README's first
// quick-start command does, and checks that it reports exactly the lines
// marked "expect" in examples/, in both modes.
func TestExamples(t *testing.T) {
	root := repoRoot()
	examples := filepath.Join(root, "examples")
	tests := []struct {
		name string
		exts []string
		run  func(t *testing.T) (got []site, details, levels map[site]string)
	}{
		{
			name: "standalone",
			exts: []string{".go", ".py"},
			run: func(t *testing.T) ([]site, map[site]string, map[site]string) {
				return runStandaloneLevels(t, root, "./examples/...")
			},
		},
		{
			name: "vet",
			exts: []string{".go"},
			run: func(t *testing.T) ([]site, map[site]string, map[site]string) {
				got, details := runVet(t, root, nil, "./examples/...")
				return got, details, nil // go vet -json carries no level
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want, wantLevels := expectationsWithLevels(t, examples, tt.exts...)
			prefixed := map[site]string{}
			for i := range want {
				level, hasLevel := wantLevels[want[i]]
				want[i].file = "examples/" + want[i].file
				if hasLevel {
					prefixed[want[i]] = level
				}
			}
			got, details, levels := tt.run(t)
			diffSites(t, tt.name, got, sortSites(want), details)
			if levels != nil {
				checkLevels(t, levels, prefixed)
			}
		})
	}
}

// TestExamplesText checks the text format of the README's quick start: one
// "file:line:col: message [RULE]" line per finding, exit status 1.
func TestExamplesText(t *testing.T) {
	root := repoRoot()
	res := run(t, root, nil, snatlint, "./examples/...")
	if res.code != 1 {
		t.Fatalf("snatlint ./examples/...: exit status %d, want 1\nstderr:\n%s", res.code, res.stderr)
	}
	want := expectations(t, filepath.Join(root, "examples"), ".go", ".py")
	lines := strings.Split(strings.TrimSpace(res.stdout), "\n")
	if len(lines) < len(want) {
		t.Errorf("snatlint ./examples/... printed %d lines, want at least %d findings:\n%s", len(lines), len(want), res.stdout)
	}
	for _, w := range want {
		prefix := "examples/" + w.file + ":" + strconv.Itoa(w.line) + ":"
		found := false
		for _, l := range lines {
			if strings.HasPrefix(l, prefix) && strings.Contains(l, "["+w.rule+"]") {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("no text line %q...[%s] in:\n%s", prefix, w.rule, res.stdout)
		}
	}
}
