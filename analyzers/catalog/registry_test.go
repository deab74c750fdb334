package catalog_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/snatlint/snatlint/analyzers/catalog"
)

// TestRegistry enumerates the catalog's directories: every rule file and
// every provider file on disk is loaded, so a file that is not (a wrong
// name or extension) fails here rather than being silently ignored.
func TestRegistry(t *testing.T) {
	rules := catalog.Rules()
	entries, err := os.ReadDir("rules")
	if err != nil {
		t.Fatal(err)
	}
	var ruleFiles []string
	for _, e := range entries {
		if e.IsDir() {
			if e.Name() != "partials" {
				t.Errorf("rules/%s: unexpected directory (partials go in rules/partials)", e.Name())
			}
			continue
		}
		ruleFiles = append(ruleFiles, e.Name())
	}
	var loaded []string
	for i, r := range rules {
		loaded = append(loaded, r.ID+".md")
		if want := fmt.Sprintf("SNAT%03d", i+1); r.ID != want {
			t.Errorf("rule %d is %s, want %s: IDs are contiguous", i, r.ID, want)
		}
	}
	if !slices.Equal(ruleFiles, loaded) {
		t.Errorf("rules/ holds %v, the catalog loaded %v: name rule files SNATnnn.md", ruleFiles, loaded)
	}

	entries, err = os.ReadDir("providers")
	if err != nil {
		t.Fatal(err)
	}
	var files, provs []string
	for _, e := range entries {
		files = append(files, "providers/"+e.Name())
	}
	for _, p := range catalog.Providers() {
		provs = append(provs, p.File)
	}
	if !slices.Equal(files, provs) {
		t.Errorf("providers/ holds %v, the catalog loaded %v: provider files end in .yaml", files, provs)
	}

	partials, err := filepath.Glob("rules/partials/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range partials {
		if !strings.HasSuffix(p, ".md") {
			t.Errorf("%s: partials end in .md", p)
		}
	}
}

// TestRulesHaveRows: every rule has constructions in some provider (a
// Go section may have none: facts find SDKs whose constructors build a
// transport), and every rule's page has the sections of style.md section
// 5, in order.
func TestRulesHaveRows(t *testing.T) {
	has := map[string]bool{}
	for _, r := range catalog.BuiltinRows() {
		if r.Rule != "" {
			has[r.Rule+"/"+string(r.Lang)] = true
		}
	}
	sections := []string{"## What it does", "## Why is this bad?", "## Example", "## Use instead:", "## Fix safety", "## Options", "## References"}
	for _, r := range catalog.Rules() {
		if !has[r.ID+"/go"] && !has[r.ID+"/python"] {
			t.Errorf("%s has no rows in providers/", r.ID)
		}
		doc, at := r.Doc(), -1
		for _, s := range sections {
			i := strings.Index(doc, s+"\n")
			if i <= at {
				t.Errorf("%s: section %q missing or out of order", r.ID, s)
			}
			at = i
		}
		if strings.Contains(doc, "{{") || strings.Contains(doc, "<no value>") {
			t.Errorf("%s: unexpanded template in the page", r.ID)
		}
	}
}

func TestLevelOf(t *testing.T) {
	tests := []struct {
		rule    string
		lang    catalog.Lang
		variant catalog.Variant
		want    catalog.Level
	}{
		{catalog.SNAT001, catalog.Go, catalog.OwnPool, catalog.LevelError},
		{catalog.SNAT001, catalog.Go, catalog.KeepAliveOff, catalog.LevelError},
		{catalog.SNAT002, catalog.Go, catalog.SharedPool, catalog.LevelWarning},
		{catalog.SNAT002, catalog.Go, catalog.VariantDefault, catalog.LevelWarning},
		{catalog.SNAT002, catalog.Go, catalog.FreshTransport, catalog.LevelError},
		{catalog.SNAT002, catalog.Python, catalog.OwnPool, catalog.LevelError},
		{catalog.SNAT003, catalog.Go, catalog.SharedPool, catalog.LevelWarning},
		{catalog.SNAT003, catalog.Go, catalog.FreshTransport, catalog.LevelError},
		{catalog.SNAT003, catalog.Python, catalog.OwnPool, catalog.LevelError},
		{catalog.SNAT004, catalog.Go, catalog.OwnPool, catalog.LevelError},
		{catalog.SNAT005, catalog.Python, catalog.OwnPool, catalog.LevelError},
	}
	for _, tt := range tests {
		if got := catalog.MustLookup(tt.rule).LevelOf(tt.lang, tt.variant); got != tt.want {
			t.Errorf("%s.LevelOf(%s, %s) = %s, want %s", tt.rule, tt.lang, tt.variant, got, tt.want)
		}
	}
}

func TestPhrase(t *testing.T) {
	p := catalog.MustLookup(catalog.SNAT002).Phrase(catalog.Go, catalog.FreshTransport)
	if p.Qualifier != " with a new Transport" || !strings.Contains(p.Why, "{each}") || p.Fix != "{fix}" {
		t.Errorf("SNAT002 fresh-transport phrase = %+v", p)
	}
	// A variant without its own phrase falls back to the default one.
	d := catalog.MustLookup(catalog.SNAT003).Phrase(catalog.Go, catalog.SharedPool)
	if d.Why != catalog.MustLookup(catalog.SNAT003).Phrase(catalog.Go, catalog.VariantDefault).Why {
		t.Errorf("SNAT003 shared-pool why = %q, want the default's", d.Why)
	}
	py := catalog.MustLookup(catalog.SNAT005).Phrase(catalog.Python, catalog.OwnPool)
	got := catalog.Expand(py.What+" "+py.Verb+": "+py.Fix, map[string]string{"noun": "one-shot request", "q": "requests.get", "fix": "X"})
	if want := "requests.get sent: use a shared session: X"; got != want {
		t.Errorf("SNAT005 python = %q, want %q", got, want)
	}
}

// TestFooter: the text output's footer gives the numbers once, the
// pre-fork note only with Python findings, and each rule's page.
func TestFooter(t *testing.T) {
	if got := catalog.Footer(nil, true); got != "" {
		t.Errorf("Footer(nil) = %q, want nothing", got)
	}
	got := catalog.Footer([]string{catalog.SNAT001, catalog.SNAT005}, false)
	for _, want := range []string{"128", "4 minutes", "SNAT001 pool-per-request: " + catalog.MustLookup(catalog.SNAT001).HelpURI(), "SNAT005 one-shot-request: "} {
		if !strings.Contains(got, want) {
			t.Errorf("Footer = %q, want it to contain %q", got, want)
		}
	}
	if strings.Contains(got, "gunicorn") || strings.Contains(got, "[SNAT") {
		t.Errorf("Footer without Python findings = %q: no pre-fork note, nothing a finding parser would take", got)
	}
	if py := catalog.Footer([]string{catalog.SNAT005}, true); !strings.Contains(py, "gunicorn --preload") {
		t.Errorf("Footer with Python findings = %q, want the pre-fork note", py)
	}
}

func TestExpand(t *testing.T) {
	tests := []struct{ in, want string }{
		{"{each} opens", "each request opens"},
		{"no vars", "no vars"},
		{"{unknown} stays", "{unknown} stays"},
		{"unclosed {each", "unclosed {each"},
		{"{each}{each}", "each requesteach request"},
	}
	for _, tt := range tests {
		if got := catalog.Expand(tt.in, map[string]string{"each": "each request"}); got != tt.want {
			t.Errorf("Expand(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestDocsListRows: the rule pages list the provider rows (the docs'
// lists are derived, never hand-synced).
func TestDocsListRows(t *testing.T) {
	for _, p := range catalog.Providers() {
		for _, r := range p.Rows {
			if r.Rule == "" {
				continue
			}
			doc := catalog.MustLookup(r.Rule).Doc()
			if !strings.Contains(doc, r.Name+"`") {
				t.Errorf("%s:%d: %s's page does not list %s", p.File, r.Line, r.Rule, r)
			}
		}
	}
	if !regexp.MustCompile("azure.core.PipelineClient").MatchString(catalog.MustLookup(catalog.SNAT003).Doc()) {
		t.Errorf("SNAT003's page misses azure.core.PipelineClient")
	}
}
