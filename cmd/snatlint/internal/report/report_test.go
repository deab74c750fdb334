package report

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/snatlint/snatlint/analyzers/catalog"
	"github.com/snatlint/snatlint/cmd/snatlint/internal/sarifcheck"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

const goldenDir = "../../../../testdata/golden"

// fakeRoot is where the synthetic findings live; readGolden maps it to
// testdata/golden/src so that golden output does not depend on the
// machine.
const fakeRoot = "/work/src"

func readGolden(name string) ([]byte, error) {
	rel, err := filepath.Rel(fakeRoot, name)
	if err != nil || strings.HasPrefix(rel, "..") {
		return os.ReadFile(name)
	}
	return os.ReadFile(filepath.Join(goldenDir, "src", rel))
}

// at returns the position of the n-th (0-based) occurrence of sub in the
// synthetic file, and the position just after it.
func at(t testing.TB, file, sub string) (Position, Position) {
	t.Helper()
	src, err := readGolden(file)
	if err != nil {
		t.Fatal(err)
	}
	off := bytes.Index(src, []byte(sub))
	if off < 0 {
		t.Fatalf("%q not in %s", sub, file)
	}
	l, c := lineCol(src, off)
	el, ec := lineCol(src, off+len(sub))
	return Position{File: file, Line: l, Column: c, Offset: off}, Position{File: file, Line: el, Column: ec, Offset: off + len(sub)}
}

// syntheticReport is Go and Python findings with related locations, a
// fix, multi-byte characters before a column, and problems.
func syntheticReport(t testing.TB) *Report {
	goFile := fakeRoot + "/svc/main.go"
	pyFile := fakeRoot + "/py/views.py"
	clientPos, clientEnd := at(t, goFile, "&http.Client{}")
	callPos, _ := at(t, goFile, "newTransport()\n")
	n := len("newTransport()")
	callEnd := Position{File: goFile, Line: callPos.Line, Column: callPos.Column + n, Offset: callPos.Offset + n}
	trPos, trEnd := at(t, goFile, "&http.Transport{}")
	funcPos, _ := at(t, goFile, "func handler")
	pyPos, pyEnd := at(t, pyFile, `requests.get("https://example.com")`)
	return &Report{
		Cwd:      fakeRoot,
		Root:     fakeRoot,
		Version:  "v0.0.0-test",
		ReadFile: readGolden,
		Findings: []Finding{
			{
				RuleID: catalog.SNAT005, Level: catalog.LevelError, Lang: "python",
				Pos: pyPos, End: pyEnd,
				Message: "requests.get inside Django view invoice opens a new connection per call and closes it; use a module-level requests.Session() and reuse it",
			},
			{
				RuleID: catalog.SNAT001, Level: catalog.LevelError, Lang: "go",
				Pos: callPos, End: callEnd,
				Message: "newTransport builds an http.Transport on every call, called inside HTTP handler get: each request opens new connections; build it once and reuse it",
				Related: []Related{{Pos: trPos, End: trEnd, Message: "http.Transport built here [newTransport]"}},
			},
			{
				RuleID: catalog.SNAT002, Level: catalog.LevelWarning, Lang: "go",
				Pos: clientPos, End: clientEnd,
				Message: "http.Client created inside HTTP handler handler: the connection pool is shared but the client is rebuilt per request; create it once at package level and reuse it",
				Fixes: []Fix{{
					Message: "Hoist the http.Client to a package-level variable",
					Edits: []Edit{
						{File: goFile, Start: funcPos.Offset, End: funcPos.Offset, NewText: "var handlerClient = &http.Client{}\n\n"},
						{File: goFile, Start: clientPos.Offset, End: clientEnd.Offset, NewText: "handlerClient"},
					},
				}},
			},
		},
		Problems: []Problem{
			{File: "example.com/broken", Pos: Position{File: fakeRoot + "/broken/b.go", Line: 3, Column: 9}, Reason: "package example.com/broken does not parse: expected ')', found '{'", Fatal: true},
			{Pos: Position{File: goFile, Line: 7, Column: 2}, Reason: "malformed //snatlint:ignore directive: a reason is required"},
		},
	}
}

func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join(goldenDir, name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run go test ./cmd/snatlint/internal/report -update and review the diff)\ngot:\n%s", name, got)
	}
}

var validator = func() func(t testing.TB) *sarifcheck.Validator {
	var v *sarifcheck.Validator
	var err error
	return func(t testing.TB) *sarifcheck.Validator {
		t.Helper()
		if v == nil && err == nil {
			v, err = sarifcheck.New()
		}
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
}()

// sarifOf renders r, validates it against the SARIF 2.1.0 schema and
// decodes it.
func sarifOf(t testing.TB, r *Report) ([]byte, sarifLog) {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteSARIF(&buf, r); err != nil {
		t.Fatal(err)
	}
	if err := validator(t).Validate(buf.Bytes()); err != nil {
		t.Fatalf("SARIF output is not valid against the 2.1.0 schema: %v", err)
	}
	var log sarifLog
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), log
}

func TestGolden(t *testing.T) {
	tests := []struct {
		name  string
		write func(*bytes.Buffer, *Report) error
	}{
		{"report.txt", func(b *bytes.Buffer, r *Report) error {
			if err := WriteText(b, r); err != nil {
				return err
			}
			b.WriteString("--- stderr ---\n")
			return WriteProblems(b, r)
		}},
		{"report.json", func(b *bytes.Buffer, r *Report) error { return WriteJSON(b, r) }},
		{"report.sarif", func(b *bytes.Buffer, r *Report) error {
			data, _ := sarifOf(t, r)
			b.Write(data)
			return nil
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := syntheticReport(t)
			Sort(r.Findings)
			var buf bytes.Buffer
			if err := tt.write(&buf, r); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, tt.name, buf.Bytes())
		})
	}
}

func TestGoldenFix(t *testing.T) {
	r := syntheticReport(t)
	for _, f := range r.Findings {
		for _, fx := range f.Fixes {
			for i, e := range fx.Edits {
				src, err := readGolden(e.File)
				if err != nil {
					t.Fatal(err)
				}
				fx.Edits[i].SHA256 = ContentHash(src) // analysed as it is
			}
		}
	}
	res := ApplyFixes(r.Findings, FixEnv{ReadFile: readGolden})
	if res.Applied != 1 || len(res.Skipped) != 0 {
		t.Fatalf("ApplyFixes: applied %d, skipped %q; want 1 applied, none skipped", res.Applied, res.Skipped)
	}
	got, ok := res.Files[fakeRoot+"/svc/main.go"]
	if !ok {
		t.Fatalf("ApplyFixes changed %d files, not svc/main.go", len(res.Files))
	}
	checkGolden(t, "fix/main.go.golden", got)
}
