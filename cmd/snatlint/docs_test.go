package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
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
	for _, r := range catalog.Rules {
		for _, sec := range strings.Split(r.Doc, "\n## ") {
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
	for i, b := range blocks {
		name := b.rule + "/" + strings.TrimSuffix(b.section, ":") + "/" + b.lang
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			files := map[string][]byte{}
			args := []string{"-format", "json"}
			switch b.lang {
			case "go":
				files["go.mod"], files["go.sum"], files["main.go"] = goModText, goSum, []byte(b.code)
				args = append(args, "-lang", "go")
			case "python":
				file := "example.py"
				if m := regexp.MustCompile(`^# (\w+\.py)`).FindStringSubmatch(b.code); m != nil {
					file = m[1]
				}
				files[file] = []byte(b.code)
				args = append(args, "-lang", "python")
			}
			for f, data := range files {
				if err := os.WriteFile(filepath.Join(dir, f), data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			t.Chdir(dir)
			var out, errb bytes.Buffer
			err := run(context.Background(), append(args, "./..."), &out, &errb)
			var res struct {
				Findings []struct {
					RuleID  string `json:"rule_id"`
					Line    int    `json:"line"`
					Message string `json:"message"`
				} `json:"findings"`
				Errors []struct{ Message string } `json:"errors"`
			}
			if jerr := json.Unmarshal(out.Bytes(), &res); jerr != nil {
				t.Fatalf("block %d: output is not JSON: %v\n%s\n%s", i, jerr, out.String(), errb.String())
			}
			if len(res.Errors) > 0 {
				t.Fatalf("block %d could not be checked: %+v\n%s", i, res.Errors, b.code)
			}
			if b.section == "Example" {
				found := false
				for _, f := range res.Findings {
					found = found || f.RuleID == b.rule
				}
				if !found {
					t.Errorf("the %s example of %s is not reported under %s (findings: %+v, err %v):\n%s", b.lang, b.rule, b.rule, res.Findings, err, b.code)
				}
				return
			}
			if err != nil || len(res.Findings) > 0 {
				t.Errorf("the %s \"Use instead\" block of %s does not pass snatlint (err %v): %+v\n%s", b.lang, b.rule, err, res.Findings, b.code)
			}
		})
	}
}
