package report

import (
	"fmt"
	"strings"
	"testing"

	"github.com/snatlint/snatlint/analyzers/catalog"
)

// One test per GitHub code scanning SARIF requirement (design.md
// "Output"); every output is validated against the SARIF 2.1.0 schema by
// sarifOf.

func TestSARIFVersionAndSchema(t *testing.T) {
	_, log := sarifOf(t, syntheticReport(t))
	if log.Version != "2.1.0" {
		t.Errorf("version = %q, want 2.1.0", log.Version)
	}
	if log.Schema == "" {
		t.Error("$schema is empty")
	}
	if len(log.Runs) != 1 {
		t.Fatalf("len(runs) = %d, want 1", len(log.Runs))
	}
	d := log.Runs[0].Tool.Driver
	if d.Name != "snatlint" || d.Version == "" || d.InformationURI == "" {
		t.Errorf("driver = %q %q %q, want name, version and informationUri", d.Name, d.Version, d.InformationURI)
	}
}

func TestSARIFRules(t *testing.T) {
	_, log := sarifOf(t, syntheticReport(t))
	rules := log.Runs[0].Tool.Driver.Rules
	if len(rules) != len(catalog.Rules()) {
		t.Fatalf("len(rules) = %d, want %d", len(rules), len(catalog.Rules()))
	}
	for i, r := range rules {
		if r.Name == r.ID || r.Name == "" {
			t.Errorf("rule %s: name = %q, want a name different from the id", r.ID, r.Name)
		}
		if r.ShortDescription.Text == "" || r.FullDescription.Text == "" || r.Help.Text == "" || r.Help.Markdown == "" {
			t.Errorf("rule %s: empty description or help", r.ID)
		}
		if !strings.HasSuffix(r.HelpURI, "/docs/rules/"+r.ID+".md") {
			t.Errorf("rule %s: helpUri = %q", r.ID, r.HelpURI)
		}
		if r.DefaultConfiguration.Level != string(catalog.Rules()[i].Level) {
			t.Errorf("rule %s: defaultConfiguration.level = %q, want %q", r.ID, r.DefaultConfiguration.Level, catalog.Rules()[i].Level)
		}
		if len(r.Properties.Tags) == 0 || r.Properties.Precision == "" {
			t.Errorf("rule %s: properties.tags/precision missing", r.ID)
		}
	}
	for _, res := range log.Runs[0].Results {
		if rules[res.RuleIndex].ID != res.RuleID {
			t.Errorf("result ruleIndex %d points at %s, want %s", res.RuleIndex, rules[res.RuleIndex].ID, res.RuleID)
		}
	}
}

func TestSARIFEmptyResults(t *testing.T) {
	r := &Report{Root: "/work/src", Version: "test"}
	data, log := sarifOf(t, r)
	if log.Runs[0].Results == nil || !strings.Contains(string(data), `"results": []`) {
		t.Errorf("clean run: results must be [], got %s", data)
	}
	if !log.Runs[0].Invocations[0].ExecutionSuccessful {
		t.Error("clean run: executionSuccessful = false, want true")
	}
}

func TestSARIFFixes(t *testing.T) {
	r := syntheticReport(t)
	// A fix without edits must be dropped: GitHub needs non-empty artifactChanges.
	r.Findings[0].Fixes = []Fix{{Message: "Nothing to do"}}
	_, log := sarifOf(t, r)
	n := 0
	for _, res := range log.Runs[0].Results {
		for _, fx := range res.Fixes {
			n++
			if fx.Description.Text == "" {
				t.Errorf("%s: fix without description", res.RuleID)
			}
			if len(fx.ArtifactChanges) == 0 {
				t.Errorf("%s: fix with empty artifactChanges", res.RuleID)
			}
			for _, ac := range fx.ArtifactChanges {
				if len(ac.Replacements) == 0 || ac.ArtifactLocation.URIBaseID != srcRoot {
					t.Errorf("%s: artifact change %+v", res.RuleID, ac)
				}
			}
		}
	}
	if n != 1 {
		t.Errorf("got %d fixes, want 1 (the empty one dropped)", n)
	}
}

func TestSARIFColumns(t *testing.T) {
	_, log := sarifOf(t, syntheticReport(t))
	run := log.Runs[0]
	if run.ColumnKind != "unicodeCodePoints" {
		t.Errorf("columnKind = %q, want unicodeCodePoints", run.ColumnKind)
	}
	// Byte columns: svc/main.go:6:27 (é, ö before it), py/views.py:6:20 (☕).
	want := map[string][2]int{"SNAT002": {6, 25}, "SNAT005": {6, 18}}
	for _, res := range run.Results {
		w, ok := want[res.RuleID]
		if !ok {
			continue
		}
		reg := res.Locations[0].PhysicalLocation.Region
		if reg.StartLine != w[0] || reg.StartColumn != w[1] {
			t.Errorf("%s: region start = %d:%d, want %d:%d (code points)", res.RuleID, reg.StartLine, reg.StartColumn, w[0], w[1])
		}
		if reg.EndLine == 0 || reg.EndColumn == 0 {
			t.Errorf("%s: region has no end", res.RuleID)
		}
	}
}

func TestSARIFRelativeURIs(t *testing.T) {
	r := syntheticReport(t)
	r.Findings = append(r.Findings, Finding{RuleID: "SNAT002", Level: catalog.LevelWarning,
		Pos: Position{File: "/elsewhere/x.go", Line: 1, Column: 1}, Message: "outside the root"})
	_, log := sarifOf(t, r)
	run := log.Runs[0]
	if got := run.OriginalURIBaseIDs[srcRoot].URI; got != "file:///work/src/" {
		t.Errorf("originalUriBaseIds[%%SRCROOT%%] = %q, want file:///work/src/", got)
	}
	for _, res := range run.Results {
		loc := res.Locations[0].PhysicalLocation.ArtifactLocation
		if strings.HasPrefix(loc.URI, "file://") {
			if loc.URIBaseID != "" {
				t.Errorf("absolute uri %q with uriBaseId", loc.URI)
			}
			continue
		}
		if loc.URIBaseID != srcRoot || strings.HasPrefix(loc.URI, "/") {
			t.Errorf("uri = %q base %q, want relative under %%SRCROOT%%", loc.URI, loc.URIBaseID)
		}
	}
}

func TestSARIFRelatedLinked(t *testing.T) {
	_, log := sarifOf(t, syntheticReport(t))
	found := false
	for _, res := range log.Runs[0].Results {
		for _, rl := range res.RelatedLocations {
			found = true
			if rl.ID == nil {
				t.Fatalf("%s: related location without id", res.RuleID)
			}
			if link := fmt.Sprintf("](%d)", *rl.ID); !strings.Contains(res.Message.Text, link) {
				t.Errorf("%s: message %q does not link related location %d", res.RuleID, res.Message.Text, *rl.ID)
			}
		}
	}
	if !found {
		t.Fatal("no related locations in the synthetic report")
	}
}

func TestSARIFNotifications(t *testing.T) {
	_, log := sarifOf(t, syntheticReport(t))
	inv := log.Runs[0].Invocations[0]
	if inv.ExecutionSuccessful {
		t.Error("executionSuccessful = true with a fatal problem")
	}
	levels := []string{}
	for _, n := range inv.ToolExecutionNotifications {
		levels = append(levels, n.Level)
	}
	if got := strings.Join(levels, ","); got != "error,warning" {
		t.Errorf("notification levels = %s, want error,warning", got)
	}
}

func TestSARIFResultLimit(t *testing.T) {
	r := &Report{Root: "/work/src", Version: "test", ReadFile: readGolden}
	for i := range MaxSARIFResults + 3 {
		r.Findings = append(r.Findings, Finding{RuleID: "SNAT002", Level: catalog.LevelWarning,
			Pos: Position{File: "/work/src/gen.go", Line: i + 1, Column: 1}, Message: "m"})
	}
	_, log := sarifOf(t, r)
	if n := len(log.Runs[0].Results); n != MaxSARIFResults {
		t.Errorf("len(results) = %d, want %d", n, MaxSARIFResults)
	}
	notes := log.Runs[0].Invocations[0].ToolExecutionNotifications
	if len(notes) != 1 || !strings.Contains(notes[0].Message.Text, "25000") {
		t.Errorf("notifications = %+v, want one about truncation", notes)
	}
}

func TestSARIFLineHash(t *testing.T) {
	_, log := sarifOf(t, syntheticReport(t))
	for _, res := range log.Runs[0].Results {
		h := res.PartialFingerprints["primaryLocationLineHash"]
		if !strings.HasSuffix(h, ":1") {
			t.Errorf("%s: primaryLocationLineHash = %q", res.RuleID, h)
		}
	}
	// Hashes depend on the line text, not on its number.
	a := lineHashes([]byte("x\nfoo()\n"))
	b := lineHashes([]byte("y\n\nfoo()\n"))
	if a[2] != b[3] {
		t.Errorf("hash of the same line moved down = %q, want %q", b[3], a[2])
	}
}
