package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/snatlint/snatlint/analyzers/catalog"
)

// docBlock is a fenced code block of a rule page.
type docBlock struct {
	rule, section, lang, code string
}

var fenceRE = regexp.MustCompile("(?s)~~~(go|python)\n(.*?)~~~")

// docBlocks returns the code blocks of the "Example" and "Use instead:"
// sections of every rule page.
func docBlocks() []docBlock {
	var blocks []docBlock
	for _, r := range catalog.Rules() {
		for _, sec := range strings.Split(r.Doc(), "\n## ") {
			title, body, _ := strings.Cut(sec, "\n")
			if title != "Example" && title != "Use instead:" {
				continue
			}
			for _, m := range fenceRE.FindAllStringSubmatch(body, -1) {
				blocks = append(blocks, docBlock{r.ID, title, m[1], m[2]})
			}
		}
	}
	return blocks
}

// TestDocExamples runs snatlint (the real analyzers and Python pass) on
// every example of the rule pages: each "Example" must be reported under
// its rule, and each "Use instead:" block must pass clean.
func TestDocExamples(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the Azure SDK; skipped in -short mode")
	}
	// The Go examples build against the modules of the integration tests:
	// those using the Azure SDK against testdata/integration, the others
	// (stdlib, AWS, pgx, gRPC, ...) against testdata/sdkintegration.
	modules := []struct{ src, name string }{
		{"../../testdata/integration", "example.com/integration"},
		{"../../testdata/sdkintegration", "example.com/sdkintegration"},
	}

	blocks := docBlocks()
	if len(blocks) < 15 {
		t.Fatalf("found %d code blocks in the rule pages, want at least 15", len(blocks))
	}
	// One tree per language (per module for Go), one directory per
	// block: one load for all.
	dir := t.TempDir()
	goDirs := []string{filepath.Join(dir, "go"), filepath.Join(dir, "go2")}
	pyDir := filepath.Join(dir, "py")
	write := func(path string, data []byte) {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for i, m := range modules {
		src, err := filepath.Abs(m.src)
		if err != nil {
			t.Fatal(err)
		}
		goModText, err1 := os.ReadFile(filepath.Join(src, "go.mod"))
		goSum, err2 := os.ReadFile(filepath.Join(src, "go.sum"))
		if err1 != nil || err2 != nil {
			t.Fatalf("the Go examples build against %s's go.mod: %v %v", m.src, err1, err2)
		}
		goModText = []byte(strings.Replace(string(goModText), "module "+m.name, fmt.Sprintf("module example.com/docexample%d", i), 1))
		write(filepath.Join(goDirs[i], "go.mod"), goModText)
		write(filepath.Join(goDirs[i], "go.sum"), goSum)
	}
	fileOf := map[int]string{}
	for i, b := range blocks {
		sub := fmt.Sprintf("b%02d", i)
		switch b.lang {
		case "go":
			goDir := goDirs[1]
			if strings.Contains(b.code, "github.com/Azure/") {
				goDir = goDirs[0]
			}
			fileOf[i] = filepath.Join(goDir, sub, "main.go")
		case "python":
			name := "example.py"
			if m := regexp.MustCompile(`^# (\w+\.py)`).FindStringSubmatch(b.code); m != nil {
				name = m[1]
			}
			fileOf[i] = filepath.Join(pyDir, sub, name)
		}
		write(fileOf[i], []byte(b.code))
	}
	findings := map[string][]string{} // file -> rule IDs
	for _, lang := range []struct{ dir, name string }{{goDirs[0], "go"}, {goDirs[1], "go"}, {pyDir, "python"}} {
		t.Chdir(lang.dir)
		var out, errb bytes.Buffer
		_ = run(context.Background(), []string{"-format", "json", "-lang", lang.name, "./..."}, &out, &errb)
		var res struct {
			Findings []struct {
				File   string `json:"file"`
				RuleID string `json:"rule_id"`
			} `json:"findings"`
			Errors []struct{ Message string } `json:"errors"`
		}
		if err := json.Unmarshal(out.Bytes(), &res); err != nil {
			t.Fatalf("%s: output is not JSON: %v\n%s\n%s", lang.name, err, out.String(), errb.String())
		}
		if len(res.Errors) > 0 {
			t.Fatalf("%s examples could not be checked: %+v", lang.name, res.Errors)
		}
		for _, f := range res.Findings {
			abs := filepath.Join(lang.dir, filepath.FromSlash(f.File))
			findings[abs] = append(findings[abs], f.RuleID)
		}
	}
	for i, b := range blocks {
		got := findings[fileOf[i]]
		switch b.section {
		case "Example":
			if !slices.Contains(got, b.rule) {
				t.Errorf("the %s example of %s (block %d) is not reported under %s (got %q):\n%s", b.lang, b.rule, i, b.rule, got, b.code)
			}
		default:
			if len(got) > 0 {
				t.Errorf("the %s \"Use instead\" block %d of %s does not pass snatlint (got %q):\n%s", b.lang, i, b.rule, got, b.code)
			}
		}
	}
}
