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
	integration, err := filepath.Abs("../../testdata/integration")
	if err != nil {
		t.Fatal(err)
	}
	goModText, err1 := os.ReadFile(filepath.Join(integration, "go.mod"))
	goSum, err2 := os.ReadFile(filepath.Join(integration, "go.sum"))
	if err1 != nil || err2 != nil {
		t.Fatalf("the Go examples build against testdata/integration's go.mod: %v %v", err1, err2)
	}
	goModText = []byte(strings.Replace(string(goModText), "module example.com/integration", "module example.com/docexample", 1))

	blocks := docBlocks()
	if len(blocks) < 15 {
		t.Fatalf("found %d code blocks in the rule pages, want at least 15", len(blocks))
	}
	// One tree per language, one directory per block: one load for all.
	dir := t.TempDir()
	goDir, pyDir := filepath.Join(dir, "go"), filepath.Join(dir, "py")
	write := func(path string, data []byte) {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(goDir, "go.mod"), goModText)
	write(filepath.Join(goDir, "go.sum"), goSum)
	fileOf := map[int]string{}
	for i, b := range blocks {
		sub := fmt.Sprintf("b%02d", i)
		switch b.lang {
		case "go":
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
	for _, lang := range []struct{ dir, name string }{{goDir, "go"}, {pyDir, "python"}} {
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
