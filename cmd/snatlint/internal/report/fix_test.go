package report

import (
	"os"
	"strings"
	"testing"
)

func TestApplyFixes(t *testing.T) {
	const goSrc = "package p\n\nfunc f() {\n\tx := 1\n\t_ = x\n}\n"
	const pySrc = "import requests\n\ndef v(request):\n    return requests.get(u)\n"
	files := map[string]string{"/m/p.go": goSrc, "/m/v.py": pySrc}
	read := func(name string) ([]byte, error) {
		s, ok := files[name]
		if !ok {
			return nil, os.ErrNotExist
		}
		return []byte(s), nil
	}
	off := func(file, sub string) int { return strings.Index(files[file], sub) }
	fix := func(msg string, edits ...Edit) Finding {
		return Finding{RuleID: "SNAT002", Pos: Position{File: edits[0].File, Line: 1, Column: 1}, Fixes: []Fix{{Message: msg, Edits: edits}}}
	}
	xAt := off("/m/p.go", "x := 1")
	getAt := off("/m/v.py", "requests.get")

	tests := []struct {
		name        string
		findings    []Finding
		wantApplied int
		wantSkipped int
		want        map[string]string
	}{
		{
			name: "go edit is gofmt-formatted",
			findings: []Finding{fix("Hoist",
				Edit{File: "/m/p.go", Start: off("/m/p.go", "func f"), End: off("/m/p.go", "func f"), NewText: "var   y=2\n"})},
			wantApplied: 1,
			want:        map[string]string{"/m/p.go": "package p\n\nvar y = 2\n\nfunc f() {\n\tx := 1\n\t_ = x\n}\n"},
		},
		{
			name:        "python edit",
			findings:    []Finding{fix("Use the shared session", Edit{File: "/m/v.py", Start: getAt, End: getAt + len("requests"), NewText: "SESSION"})},
			wantApplied: 1,
			want:        map[string]string{"/m/v.py": strings.Replace(pySrc, "requests.get", "SESSION.get", 1)},
		},
		{
			name: "overlapping fixes: second skipped",
			findings: []Finding{
				fix("A", Edit{File: "/m/p.go", Start: xAt, End: xAt + 6, NewText: "x := 2"}),
				fix("B", Edit{File: "/m/p.go", Start: xAt + 5, End: xAt + 6, NewText: "3"}),
			},
			wantApplied: 1, wantSkipped: 1,
			want: map[string]string{"/m/p.go": strings.Replace(goSrc, "x := 1", "x := 2", 1)},
		},
		{
			name: "identical fix reported twice: applied once",
			findings: []Finding{
				fix("A", Edit{File: "/m/p.go", Start: xAt + 5, End: xAt + 6, NewText: "7"}),
				fix("A", Edit{File: "/m/p.go", Start: xAt + 5, End: xAt + 6, NewText: "7"}),
			},
			wantApplied: 2,
			want:        map[string]string{"/m/p.go": strings.Replace(goSrc, "x := 1", "x := 7", 1)},
		},
		{
			name: "a fix is all or nothing",
			findings: []Finding{
				fix("A", Edit{File: "/m/p.go", Start: xAt, End: xAt + 1, NewText: "z"}),
				fix("B", Edit{File: "/m/v.py", Start: 0, End: 0, NewText: "# b\n"}, Edit{File: "/m/p.go", Start: xAt, End: xAt + 1, NewText: "w"}),
			},
			wantApplied: 1, wantSkipped: 1,
			want: map[string]string{"/m/p.go": strings.Replace(goSrc, "x := 1", "z := 1", 1)},
		},
		{
			name:        "edit out of range",
			findings:    []Finding{fix("A", Edit{File: "/m/p.go", Start: 10, End: 10000, NewText: ""})},
			wantSkipped: 1,
			want:        map[string]string{},
		},
		{
			name:        "missing file",
			findings:    []Finding{fix("A", Edit{File: "/m/none.go", Start: 0, End: 0, NewText: "x"})},
			wantSkipped: 1,
			want:        map[string]string{},
		},
		{
			name:        "fix that breaks the syntax is not written",
			findings:    []Finding{fix("A", Edit{File: "/m/p.go", Start: xAt, End: xAt, NewText: "}}}"})},
			wantApplied: 0, wantSkipped: 1,
			want: map[string]string{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := ApplyFixes(tt.findings, read)
			if res.Applied != tt.wantApplied || len(res.Skipped) != tt.wantSkipped {
				t.Errorf("applied %d, skipped %q; want %d applied, %d skipped", res.Applied, res.Skipped, tt.wantApplied, tt.wantSkipped)
			}
			if len(res.Files) != len(tt.want) {
				t.Errorf("changed %d files, want %d", len(res.Files), len(tt.want))
			}
			for f, w := range tt.want {
				if got := string(res.Files[f]); got != w {
					t.Errorf("%s =\n%s\nwant\n%s", f, got, w)
				}
			}
		})
	}
}

// TestApplyFixesIdempotent: applying the fix to the fixed file again
// changes nothing when the analyzers no longer report it (no findings).
func TestApplyFixesIdempotent(t *testing.T) {
	fixed, err := os.ReadFile(goldenDir + "/fix/main.go.golden")
	if err != nil {
		t.Fatal(err)
	}
	res := ApplyFixes(nil, func(string) ([]byte, error) { return fixed, nil })
	if len(res.Files) != 0 || res.Applied != 0 {
		t.Errorf("second run changed %d files", len(res.Files))
	}
}
