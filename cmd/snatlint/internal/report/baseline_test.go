package report

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/snatlint/snatlint/analyzers/catalog"
)

// memReport is a report over in-memory files: one finding per marker
// "#!RULE" (the rule ID after it) in each file.
func memReport(t *testing.T, files map[string]string) *Report {
	t.Helper()
	r := &Report{Cwd: fakeRoot, Root: fakeRoot, Version: "test", ReadFile: func(name string) ([]byte, error) {
		if src, ok := files[strings.TrimPrefix(name, fakeRoot+"/")]; ok {
			return []byte(src), nil
		}
		return nil, os.ErrNotExist
	}}
	for name, src := range files {
		for i, line := range strings.Split(src, "\n") {
			_, rule, ok := strings.Cut(line, "#!")
			if !ok {
				continue
			}
			col := len(line) - len(strings.TrimLeft(line, " \t")) + 1
			pos := Position{File: fakeRoot + "/" + name, Line: i + 1, Column: col, Offset: -1}
			r.Findings = append(r.Findings, Finding{RuleID: strings.TrimSpace(rule), Level: catalog.LevelError, Lang: "python",
				Pos: pos, End: pos, Message: "finding at " + line})
		}
	}
	Sort(r.Findings)
	return r
}

const baseSrc = `import requests


def view(request):
    return requests.get(u)  #!SNAT005


def other(request):
    s = requests.Session()  #!SNAT002
    return s
`

// TestBaselineMatching: entries match by rule, file and the text around
// the line, not by line number.
func TestBaselineMatching(t *testing.T) {
	tests := []struct {
		name                  string
		files                 map[string]string
		new, unchanged, fixed int
	}{
		{"unchanged", map[string]string{"app/views.py": baseSrc}, 0, 2, 0},
		{"lines added above: line numbers move", map[string]string{"app/views.py": "import os\nimport sys\n\n" + baseSrc}, 0, 2, 0},
		{"re-indented", map[string]string{"app/views.py": strings.ReplaceAll(baseSrc, "    ", "\t")}, 0, 2, 0},
		{"finding's line edited", map[string]string{"app/views.py": strings.Replace(baseSrc, "get(u)", "get(url)", 1)}, 1, 1, 1},
		{"line above the finding edited", map[string]string{"app/views.py": strings.Replace(baseSrc, "def other(request)", "def other2(request)", 1)}, 1, 1, 1},
		{"finding removed", map[string]string{"app/views.py": strings.Replace(baseSrc, "    s = requests.Session()  #!SNAT002\n", "", 1)}, 0, 1, 1},
		{"file renamed", map[string]string{"app/views2.py": baseSrc}, 2, 0, 2},
		{"same code again elsewhere", map[string]string{"app/views.py": baseSrc + "\n" + baseSrc[strings.Index(baseSrc, "\ndef view"):]}, 2, 2, 0},
		{"other rule on the same line", map[string]string{"app/views.py": strings.Replace(baseSrc, "#!SNAT005", "#!SNAT001", 1)}, 1, 1, 1},
	}
	b := NewBaseline(memReport(t, map[string]string{"app/views.py": baseSrc}))
	if len(b.Findings) != 2 {
		t.Fatalf("baseline has %d entries, want 2", len(b.Findings))
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := memReport(t, tt.files)
			sum := ApplyBaseline(r, b, false)
			if sum.New != tt.new || sum.Unchanged != tt.unchanged || sum.Fixed != tt.fixed {
				t.Errorf("ApplyBaseline = %d new, %d unchanged, %d fixed; want %d, %d, %d", sum.New, sum.Unchanged, sum.Fixed, tt.new, tt.unchanged, tt.fixed)
			}
			if len(r.Findings) != tt.new || r.NewFindings() != tt.new {
				t.Errorf("%d findings left (%d new), want the %d new ones", len(r.Findings), r.NewFindings(), tt.new)
			}
		})
	}
}

// TestBaselineKeep: with keep, every finding stays, marked.
func TestBaselineKeep(t *testing.T) {
	b := NewBaseline(memReport(t, map[string]string{"app/views.py": baseSrc}))
	r := memReport(t, map[string]string{"app/views.py": strings.Replace(baseSrc, "get(u)", "get(url)", 1)})
	ApplyBaseline(r, b, true)
	if len(r.Findings) != 2 || len(r.States) != 2 {
		t.Fatalf("%d findings, %d states; want 2 and 2", len(r.Findings), len(r.States))
	}
	if r.States[0] != StateNew || r.States[1] != StateUnchanged || r.NewFindings() != 1 {
		t.Errorf("states = %q (%d new), want [new unchanged] (1 new)", r.States, r.NewFindings())
	}
}

func TestParseBaseline(t *testing.T) {
	var good bytes.Buffer
	if err := NewBaseline(memReport(t, map[string]string{"a.py": baseSrc})).Write(&good); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, data, wantErr string
	}{
		{"written by NewBaseline", good.String(), ""},
		{"empty file", "", "not a snatlint baseline"},
		{"SARIF instead", `{"version":"2.1.0","runs":[]}`, "not a snatlint baseline"},
		{"other tool", `{"version":1,"tool":"x","findings":[]}`, `"tool" is not "snatlint"`},
		{"future version", `{"version":9,"tool":"snatlint","findings":[]}`, "version 9 is not supported"},
		{"entry without context", `{"version":1,"tool":"snatlint","findings":[{"rule":"SNAT001","file":"a.py","context":"","line":1,"message":""}]}`, "entry 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseBaseline([]byte(tt.data))
			switch {
			case tt.wantErr == "" && err != nil:
				t.Errorf("ParseBaseline: %v", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Errorf("ParseBaseline error = %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
}

// TestGoldenBaseline: the baseline file written for the synthetic report,
// and the three formats of a run against it in which one finding is new,
// with -baseline-unchanged (SARIF baselineState, JSON baseline_state) and
// without.
func TestGoldenBaseline(t *testing.T) {
	var buf bytes.Buffer
	if err := NewBaseline(syntheticReport(t)).Write(&buf); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "baseline/baseline.json", buf.Bytes())
	b, err := ParseBaseline(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	// the Python finding's line is edited since: it is new
	edited := func(name string) ([]byte, error) {
		src, err := readGolden(name)
		if strings.HasSuffix(name, "views.py") {
			src = bytes.Replace(src, []byte(`"https://example.com"`), []byte(`"https://example.org"`), 1)
		}
		return src, err
	}
	for _, keep := range []bool{true, false} {
		for _, format := range []string{"txt", "json", "sarif"} {
			r := syntheticReport(t)
			r.ReadFile = edited
			r.Problems = nil
			Sort(r.Findings)
			sum := ApplyBaseline(r, b, keep)
			sum.File = ".snatlint-baseline.json"
			r.Baseline = &sum
			if sum.New != 1 || sum.Unchanged != 2 || sum.Fixed != 1 {
				t.Fatalf("ApplyBaseline = %+v, want 1 new, 2 unchanged, 1 fixed", sum)
			}
			var out bytes.Buffer
			switch format {
			case "txt":
				err = WriteText(&out, r)
				out.WriteString("--- stderr ---\nsnatlint: " + sum.String() + "\n")
			case "json":
				err = WriteJSON(&out, r)
			case "sarif":
				data, _ := sarifOf(t, r)
				out.Write(data)
			}
			if err != nil {
				t.Fatal(err)
			}
			name := "baseline/new-only." + format
			if keep {
				name = "baseline/unchanged-shown." + format
			}
			checkGolden(t, name, out.Bytes())
		}
	}
}
