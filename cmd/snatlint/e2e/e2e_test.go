// Package e2e_test runs the snatlint binary end to end: it builds it with
// go build, then runs it standalone, as go vet's vet tool, and through
// pre-commit, on the demo project (examples/) and on a module that uses the
// real Azure SDK for Go (testdata/integration).
package e2e_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// snatlint is the path of the binary built by TestMain.
var snatlint string

func TestMain(m *testing.M) {
	os.Exit(runTests(m))
}

func runTests(m *testing.M) int {
	dir, err := os.MkdirTemp("", "snatlint-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	defer os.RemoveAll(dir)
	snatlint = filepath.Join(dir, "snatlint")
	cmd := exec.Command("go", "build", "-o", snatlint, "github.com/snatlint/snatlint/cmd/snatlint")
	cmd.Dir = repoRoot()
	if out, err := cmd.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building snatlint: %v\n%s", err, out)
		return 2
	}
	return m.Run()
}

// repoRoot is the repository root, from this package's directory.
func repoRoot() string {
	abs, err := filepath.Abs(filepath.Join("..", "..", ".."))
	if err != nil {
		panic(err)
	}
	return abs
}

// result is one run of a command.
type result struct {
	stdout, stderr string
	code           int
}

// run runs name args in dir with extra environment variables and returns
// its output and exit status; a failure to start it fails the test.
func run(t *testing.T, dir string, env []string, name string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 8*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	res := result{stdout: stdout.String(), stderr: stderr.String()}
	if ee, ok := err.(*exec.ExitError); ok {
		res.code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("running %s %s: %v", name, strings.Join(args, " "), err)
	}
	return res
}

// site is one expected or reported finding: "file:line: RULE", with the
// file slash-separated and relative to the scanned directory.
type site struct {
	file string
	line int
	rule string
}

func (s site) String() string { return fmt.Sprintf("%s:%d: %s", s.file, s.line, s.rule) }

// expectRE matches the markers the demo and integration sources put on
// each line that must be reported: "// expect SNAT003" (Go) or
// "# expect SNAT005 SNAT002" (Python); a rule may name the level it must
// be reported with, as in "expect SNAT003:error".
var expectRE = regexp.MustCompile(`(?://|#) expect((?: SNAT\d{3}(?::[a-z]+)?)+)\b`)

// expectations reads the "expect" markers of the files below root whose
// names end in one of exts.
func expectations(t *testing.T, root string, exts ...string) []site {
	want, _ := expectationsWithLevels(t, root, exts...)
	return want
}

// expectationsWithLevels is expectations, plus the levels the markers ask
// for.
func expectationsWithLevels(t *testing.T, root string, exts ...string) ([]site, map[site]string) {
	t.Helper()
	var want []site
	levels := map[site]string{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !slices.Contains(exts, filepath.Ext(path)) {
			return err
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		for line := 1; sc.Scan(); line++ {
			m := expectRE.FindStringSubmatch(sc.Text())
			if m == nil {
				continue
			}
			for _, field := range strings.Fields(m[1]) {
				rule, level, _ := strings.Cut(field, ":")
				s := site{filepath.ToSlash(rel), line, rule}
				want = append(want, s)
				if level != "" {
					levels[s] = level
				}
			}
		}
		return sc.Err()
	})
	if err != nil {
		t.Fatalf("reading expect markers under %s: %v", root, err)
	}
	if len(want) == 0 {
		t.Fatalf("no expect markers under %s", root)
	}
	return sortSites(want), levels
}

// checkLevels fails the test for each finding whose level differs from
// the one its marker asks for.
func checkLevels(t *testing.T, got, want map[site]string) {
	t.Helper()
	for s, level := range want {
		if g, ok := got[s]; ok && g != level {
			t.Errorf("%s: level %q, want %q", s, g, level)
		}
	}
}

func sortSites(s []site) []site {
	slices.SortFunc(s, func(a, b site) int { return strings.Compare(a.String(), b.String()) })
	return s
}

// diffSites fails the test with the missing and unexpected findings when
// got and want differ. details maps a site to the message it was
// reported with.
func diffSites(t *testing.T, what string, got, want []site, details map[site]string) {
	t.Helper()
	gotSet := map[site]bool{}
	for _, s := range got {
		gotSet[s] = true
	}
	wantSet := map[site]bool{}
	for _, s := range want {
		wantSet[s] = true
	}
	var b strings.Builder
	for _, s := range want {
		if !gotSet[s] {
			fmt.Fprintf(&b, "\n  missing:    %s", s)
		}
	}
	for _, s := range got {
		if !wantSet[s] {
			fmt.Fprintf(&b, "\n  unexpected: %s  (%s)", s, details[s])
		}
	}
	if len(got) != len(gotSet) {
		fmt.Fprintf(&b, "\n  duplicates: %d findings at %d sites", len(got), len(gotSet))
	}
	if b.Len() > 0 {
		t.Errorf("%s: findings differ from the expect markers:%s", what, b.String())
	}
}

// standaloneJSON is the part of snatlint -format json that the tests read.
type standaloneJSON struct {
	Version  int `json:"version"`
	Findings []struct {
		File    string `json:"file"`
		Line    int    `json:"line"`
		RuleID  string `json:"rule_id"`
		Level   string `json:"level"`
		Message string `json:"message"`
		Related []struct {
			File string `json:"file"`
		} `json:"related"`
	} `json:"findings"`
	Errors []struct {
		File    string `json:"file"`
		Message string `json:"message"`
		Fatal   bool   `json:"fatal"`
	} `json:"errors"`
}

// runStandaloneLevels runs snatlint -format json args in dir and returns
// the finding sites (files relative to dir), their messages and their
// levels. It fails the test unless snatlint exits 1 (findings) with no
// errors.
func runStandaloneLevels(t *testing.T, dir string, args ...string) ([]site, map[site]string, map[site]string) {
	t.Helper()
	res := run(t, dir, nil, snatlint, append([]string{"-format", "json"}, args...)...)
	if res.code != 1 {
		t.Errorf("snatlint %s: exit status %d, want 1 (findings)\nstderr:\n%s", strings.Join(args, " "), res.code, res.stderr)
	}
	var out standaloneJSON
	if err := json.Unmarshal([]byte(res.stdout), &out); err != nil {
		t.Fatalf("snatlint -format json: decoding output: %v\nstdout:\n%s\nstderr:\n%s", err, res.stdout, res.stderr)
	}
	for _, e := range out.Errors {
		t.Errorf("snatlint reported a problem: %s: %s (fatal %v)", e.File, e.Message, e.Fatal)
	}
	var got []site
	details, levels := map[site]string{}, map[site]string{}
	for _, f := range out.Findings {
		file := f.File
		if filepath.IsAbs(file) {
			if rel, err := filepath.Rel(dir, file); err == nil {
				file = rel
			}
		}
		s := site{filepath.ToSlash(file), f.Line, f.RuleID}
		got = append(got, s)
		// The chain stops at the first function outside the user's
		// module: at most that one related location lies outside dir.
		outside := 0
		for _, r := range f.Related {
			abs := r.File
			if !filepath.IsAbs(abs) {
				abs = filepath.Join(dir, abs)
			}
			if rel, err := filepath.Rel(dir, abs); err != nil || strings.HasPrefix(rel, "..") {
				outside++
			}
		}
		if outside > 1 {
			t.Errorf("%s:%d: %d related locations outside %s, want at most 1 (the called dependency function)", s.file, s.line, outside, dir)
		}
		details[s] = f.Message
		levels[s] = f.Level
	}
	return sortSites(got), details, levels
}

// vetDiagnostic is one diagnostic of go vet -json.
type vetDiagnostic struct {
	Posn     string `json:"posn"`
	Message  string `json:"message"`
	Category string `json:"category"`
}

// posnRE splits a go vet position "file:line:col".
var posnRE = regexp.MustCompile(`^(.*):(\d+):(\d+)$`)

// runVet runs go vet -json -vettool=snatlint pkgs in dir and returns the
// finding sites (files relative to dir), with the rule ID taken from each
// diagnostic's category.
func runVet(t *testing.T, dir string, env []string, pkgs ...string) ([]site, map[site]string) {
	t.Helper()
	res := run(t, dir, env, "go", append([]string{"vet", "-json", "-vettool=" + snatlint}, pkgs...)...)
	if res.code != 0 {
		t.Fatalf("go vet -json -vettool=snatlint %s: exit status %d\nstderr:\n%s", strings.Join(pkgs, " "), res.code, res.stderr)
	}
	// go vet -json writes "# pkg" header lines, then one JSON object per
	// package: {pkg: {analyzer: [diagnostics] or {"error": ...}}}.
	var body strings.Builder
	for _, line := range strings.Split(res.stderr+res.stdout, "\n") {
		if !strings.HasPrefix(line, "#") {
			body.WriteString(line + "\n")
		}
	}
	dec := json.NewDecoder(strings.NewReader(body.String()))
	var got []site
	details := map[site]string{}
	for dec.More() {
		var obj map[string]map[string]json.RawMessage
		if err := dec.Decode(&obj); err != nil {
			t.Fatalf("decoding go vet -json output: %v\n%s", err, res.stderr)
		}
		for pkg, byAnalyzer := range obj {
			for analyzer, raw := range byAnalyzer {
				var diags []vetDiagnostic
				if err := json.Unmarshal(raw, &diags); err != nil {
					t.Errorf("go vet: %s: analyzer %s failed: %s", pkg, analyzer, raw)
					continue
				}
				for _, d := range diags {
					m := posnRE.FindStringSubmatch(d.Posn)
					if m == nil {
						t.Errorf("go vet: bad position %q", d.Posn)
						continue
					}
					file := m[1]
					if rel, err := filepath.Rel(dir, file); err == nil {
						file = rel
					}
					var line int
					fmt.Sscan(m[2], &line)
					s := site{filepath.ToSlash(file), line, d.Category}
					got = append(got, s)
					details[s] = analyzer + ": " + d.Message
				}
			}
		}
	}
	return sortSites(got), details
}
