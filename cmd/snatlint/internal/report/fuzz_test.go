package report

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/snatlint/snatlint/analyzers/catalog"
)

// FuzzWriters: rendering any finding over any file content never panics,
// and the SARIF stays valid against the schema.
func FuzzWriters(f *testing.F) {
	f.Add("package p\n\tx := \"héllo\"\n", "msg [x](1)", 2, 3, 2, 9, "rel", 1, 1, 0, 2, "new")
	f.Add("", "", 0, 0, 0, 0, "", 0, 0, 0, 0, "")
	f.Add("a\r\nb\rc☕\n", "\\[", 3, 100, 1, 1, "", -1, -5, 5, 1, "x")
	f.Add("\xff\xfe", "m", 1, 2, 1, 3, "r", 9, 9, 1, 1, "")
	f.Fuzz(func(t *testing.T, src, msg string, line, col, endLine, endCol int, relMsg string, relLine, relCol, start, end int, newText string) {
		file := "/work/src/f.go"
		r := &Report{
			Root: "/work/src", Cwd: "/work/src", Version: "fuzz",
			ReadFile: func(string) ([]byte, error) { return []byte(src), nil },
			Findings: []Finding{{
				RuleID: catalog.SNAT001, Level: catalog.LevelError, Lang: "go",
				Pos:     Position{File: file, Line: line, Column: col},
				End:     Position{File: file, Line: endLine, Column: endCol},
				Message: msg,
				Related: []Related{{Pos: Position{File: file, Line: relLine, Column: relCol}, Message: relMsg}},
				Fixes:   []Fix{{Message: "Fix", Edits: []Edit{{File: file, Start: start, End: end, NewText: newText}}}},
			}},
			Problems: []Problem{{Pos: Position{File: file, Line: line, Column: col}, Reason: msg}},
		}
		var buf bytes.Buffer
		if err := WriteText(&buf, r); err != nil {
			t.Fatal(err)
		}
		buf.Reset()
		if err := WriteJSON(&buf, r); err != nil || !json.Valid(buf.Bytes()) {
			t.Fatalf("JSON: %v", err)
		}
		buf.Reset()
		if err := WriteSARIF(&buf, r); err != nil {
			t.Fatal(err)
		}
		if err := validator(t).Validate(buf.Bytes()); err != nil {
			t.Fatalf("invalid SARIF for line %d col %d end %d:%d related %d:%d edit [%d,%d): %v", line, col, endLine, endCol, relLine, relCol, start, end, err)
		}
		_ = ApplyFixes(r.Findings, FixEnv{ReadFile: r.ReadFile})
	})
}
