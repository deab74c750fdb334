package pylint

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
)

// fixtureRoot is the shared top-level testdata directory (design.md).
func fixtureRoot() string { return filepath.Join("..", "testdata", "python") }

var (
	wantRe = regexp.MustCompile(`#\s*want((?:\s+SNAT[0-9]{3})+)`)
	okRe   = regexp.MustCompile(`#\s*ok\b`)
)

type lineRule struct {
	file string
	line int
	rule string
}

// expectations reads "# want SNATxxx" and counts "# ok" markers.
func expectations(t *testing.T, files []string) (want map[lineRule]bool, positives, negatives int) {
	t.Helper()
	want = map[lineRule]bool{}
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		for n := 1; sc.Scan(); n++ {
			if m := wantRe.FindStringSubmatch(sc.Text()); m != nil {
				for _, r := range strings.Fields(m[1]) {
					want[lineRule{absClean(f), n, r}] = true
					positives++
				}
			}
			if okRe.MatchString(sc.Text()) {
				negatives++
			}
		}
		fh.Close()
	}
	return want, positives, negatives
}

func TestFixtures(t *testing.T) {
	ctx := context.Background()
	files, errs := Discover(ctx, []string{fixtureRoot()}, Options{})
	if len(errs) != 0 {
		t.Fatalf("Discover errors: %v", errs)
	}
	want, pos, neg := expectations(t, files)
	if pos < 60 || neg < 60 {
		t.Errorf("fixtures hold %d positive and %d negative cases, want at least 60 of each", pos, neg)
	}
	findings, _ := Check(ctx, files, Options{})
	got := map[lineRule]bool{}
	for _, f := range findings {
		got[lineRule{f.Pos.File, f.Pos.Line, f.RuleID}] = true
	}
	var missing, extra []string
	for k := range want {
		if !got[k] {
			missing = append(missing, fmt.Sprintf("%s:%d: %s", k.file, k.line, k.rule))
		}
	}
	for _, f := range findings {
		if !want[lineRule{f.Pos.File, f.Pos.Line, f.RuleID}] {
			extra = append(extra, fmt.Sprintf("%s:%d: %s: %s", f.Pos.File, f.Pos.Line, f.RuleID, f.Message))
		}
	}
	slices.Sort(missing)
	slices.Sort(extra)
	for _, m := range missing {
		t.Errorf("missing finding %s", m)
	}
	for _, e := range extra {
		t.Errorf("unexpected finding %s", e)
	}
	t.Logf("%d files, %d positive and %d negative cases, %d findings", len(files), pos, neg, len(findings))
}
