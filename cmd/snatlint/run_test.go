package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/format"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/snatlint/snatlint/analyzers/config"
	"github.com/snatlint/snatlint/cmd/snatlint/internal/sarifcheck"
	"golang.org/x/tools/go/analysis"
)

// hoister is a synthetic analyzer: it reports every &http.Client{...}
// inside a function body as SNAT002 and offers a fix that hoists it to a
// package-level variable. It lets the command be tested independently of
// the real analyzers.
var hoister = &analysis.Analyzer{
	Name: "hoister",
	Doc:  "synthetic SNAT002 with a hoisting fix",
	URL:  "https://github.com/snatlint/snatlint/blob/main/docs/rules/SNAT002.md",
	Run: func(pass *analysis.Pass) (any, error) {
		for _, f := range pass.Files {
			for _, decl := range f.Decls {
				fd, ok := decl.(*ast.FuncDecl)
				if !ok || fd.Body == nil {
					continue
				}
				ast.Inspect(fd.Body, func(n ast.Node) bool {
					u, ok := n.(*ast.UnaryExpr)
					if !ok || u.Op != token.AND {
						return true
					}
					lit, ok := u.X.(*ast.CompositeLit)
					if !ok {
						return true
					}
					sel, ok := lit.Type.(*ast.SelectorExpr)
					if !ok || sel.Sel.Name != "Client" {
						return true
					}
					name := fd.Name.Name + "Client"
					var text bytes.Buffer
					format.Node(&text, pass.Fset, u)
					pass.Report(analysis.Diagnostic{
						Pos: u.Pos(), End: u.End(), Category: "SNAT002",
						URL:     "https://github.com/snatlint/snatlint/blob/main/docs/rules/SNAT002.md#level-warning",
						Message: "http.Client created inside HTTP handler " + fd.Name.Name + ": create it once at package level and reuse it",
						Related: []analysis.RelatedInformation{{Pos: fd.Name.Pos(), End: fd.Name.End(), Message: "handler " + fd.Name.Name}},
						SuggestedFixes: []analysis.SuggestedFix{{
							Message: "Hoist the http.Client to a package-level variable",
							TextEdits: []analysis.TextEdit{
								{Pos: fd.Pos(), End: fd.Pos(), NewText: []byte("var " + name + " = " + text.String() + "\n\n")},
								{Pos: u.Pos(), End: u.End(), NewText: []byte(name)},
							},
						}},
					})
					return true
				})
			}
		}
		return nil, nil
	},
}

func synthetic(*config.File) []*analysis.Analyzer { return []*analysis.Analyzer{hoister} }

const handlerSrc = `package main

import "net/http"

func items(w http.ResponseWriter, r *http.Request) {
	c := &http.Client{Timeout: 5}
	_ = c
}

func main() { http.HandleFunc("/", items) }
`

const cleanSrc = `package main

import "net/http"

var c = &http.Client{}

func main() { _ = c; http.HandleFunc("/", nil) }
`

// writeTree writes files (slash-separated names) under a new temporary
// directory and returns it.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const goMod = "module example.com/t\n\ngo 1.26\n"

type result struct {
	code           int
	stdout, stderr string
}

func runIn(t *testing.T, dir string, args ...string) result {
	t.Helper()
	t.Chdir(dir)
	if _, set := os.LookupEnv("SNATLINT_CACHE"); !set {
		t.Setenv("SNATLINT_CACHE", "off") // TestCache turns it on
	}
	var out, errb bytes.Buffer
	err := runWith(context.Background(), synthetic, args, &out, &errb)
	code := 0
	if err != nil {
		code = 2
		if ec, ok := err.(interface{ ExitCode() int }); ok {
			code = ec.ExitCode()
		}
		errb.WriteString(err.Error())
	}
	return result{code, out.String(), errb.String()}
}

func TestExitStatus(t *testing.T) {
	tests := []struct {
		name       string
		files      map[string]string
		args       []string
		wantCode   int
		wantOut    string // substring of stdout
		wantErr    string // substring of stderr
		wantNotOut string
	}{
		{name: "clean module", files: map[string]string{"go.mod": goMod, "main.go": cleanSrc}, wantCode: 0},
		{name: "finding", files: map[string]string{"go.mod": goMod, "main.go": handlerSrc}, wantCode: 1,
			wantOut: "main.go:6:7: http.Client created inside HTTP handler items: create it once at package level and reuse it [SNAT002]\n\tmain.go:5:6: handler items\n"},
		{name: "broken package still checks the others", wantCode: 2,
			files:   map[string]string{"go.mod": goMod, "main.go": handlerSrc, "bad/bad.go": "package bad\n\nfunc F() int { return \"x\" }\n", "syn/syn.go": "package syn\n\nfunc G( {\n"},
			wantOut: "[SNAT002]", wantErr: "package example.com/t/bad does not type-check"},
		{name: "importer of a broken package is named", wantCode: 2,
			files:   map[string]string{"go.mod": goMod, "main.go": cleanSrc, "bad/bad.go": "package bad\n\nfunc F() int { return \"x\" }\n", "imp/imp.go": "package imp\n\nimport \"example.com/t/bad\"\n\nvar X = bad.F()\n"},
			wantErr: "package example.com/t/imp not checked: a dependency has errors (example.com/t/bad)"},
		{name: "parse error names the file", wantCode: 2,
			files:   map[string]string{"go.mod": goMod, "syn/syn.go": "package syn\n\nfunc G( {\n"},
			wantErr: "syn.go:3"},
		{name: "python-only tree is not an error", files: map[string]string{"app/views.py": "x = 1\n"}, wantCode: 0},
		{name: "python directory inside a Go module", files: map[string]string{"go.mod": goMod, "main.go": cleanSrc, "app/views.py": "x = 1\n"},
			args: []string{"./app"}, wantCode: 0},
		{name: "empty directory inside a Go module", files: map[string]string{"go.mod": goMod, "main.go": cleanSrc, "empty/README": "x"},
			args: []string{"./empty"}, wantCode: 2, wantErr: "./empty: no Go packages or Python files found"},
		{name: "go files without go.mod", files: map[string]string{"x.go": "package x\n"}, wantCode: 2, wantErr: "no go.mod"},
		{name: "pattern matches nothing", files: map[string]string{"go.mod": goMod, "main.go": cleanSrc, "empty/README": "x"},
			args: []string{"./empty/..."}, wantCode: 2, wantErr: "./empty/...: no Go packages or Python files found"},
		{name: "missing directory", files: map[string]string{"go.mod": goMod, "main.go": cleanSrc},
			args: []string{"./nope/..."}, wantCode: 2, wantErr: "nope"},
		{name: "unknown flag", files: map[string]string{"go.mod": goMod}, args: []string{"-frobnicate"}, wantCode: 2, wantErr: "flag provided but not defined"},
		{name: "bad format", files: map[string]string{"go.mod": goMod}, args: []string{"-format", "xml"}, wantCode: 2, wantErr: "use text, json or sarif"},
		{name: "bad lang", files: map[string]string{"go.mod": goMod}, args: []string{"-lang", "rust"}, wantCode: 2, wantErr: "unknown language"},
		{name: "flag after pattern", files: map[string]string{"go.mod": goMod}, args: []string{"./...", "-fix"}, wantCode: 2, wantErr: "put flags before the patterns"},
		{name: "help", files: map[string]string{"go.mod": goMod}, args: []string{"-h"}, wantCode: 0, wantErr: "Usage:"},
		{name: "version", files: map[string]string{}, args: []string{"-version"}, wantCode: 0, wantOut: "snatlint "},
		{name: "explain", files: map[string]string{}, args: []string{"-explain", "SNAT001"}, wantCode: 0, wantOut: "# SNAT001 pool-per-request"},
		{name: "explain lowercase", files: map[string]string{}, args: []string{"-explain", "snat004"}, wantCode: 0, wantOut: "## Use instead:"},
		{name: "explain unknown", files: map[string]string{}, args: []string{"-explain", "SNAT999"}, wantCode: 2, wantErr: "unknown rule"},
		{name: "bad config is exit 2 with file:line", files: map[string]string{"go.mod": goMod, "main.go": cleanSrc, ".snatlint.yaml": "rules:\n  SNAT002: {level: loud}\n"},
			wantCode: 2, wantErr: ".snatlint.yaml:2: bad level"},
		{name: "config turns the rule off", files: map[string]string{"go.mod": goMod, "main.go": handlerSrc, ".snatlint.yaml": "rules:\n  SNAT002: {enabled: false}\n"},
			wantCode: 0, wantNotOut: "SNAT002"},
		{name: "config excludes the file", files: map[string]string{"go.mod": goMod, "gen/h.go": strings.Replace(handlerSrc, "package main", "package gen", 1), ".snatlint.yaml": "exclude: [gen/**]\n"},
			wantCode: 0},
		{name: "-config FILE", files: map[string]string{"go.mod": goMod, "main.go": handlerSrc, "cfg.yaml": "rules:\n  SNAT002: {level: error}\n"},
			args: []string{"-config", "cfg.yaml", "-format", "json"}, wantCode: 1, wantOut: `"level": "error"`},
		{name: "missing -config file", files: map[string]string{"go.mod": goMod}, args: []string{"-config", "nope.yaml"}, wantCode: 2, wantErr: "nope.yaml"},
		{name: "test files skipped by default", files: map[string]string{"go.mod": goMod, "main.go": cleanSrc, "main_test.go": strings.Replace(handlerSrc, "func main() { http.HandleFunc(\"/\", items) }\n", "", 1)},
			wantCode: 0},
		{name: "-tests includes them", files: map[string]string{"go.mod": goMod, "main.go": cleanSrc, "main_test.go": strings.Replace(handlerSrc, "func main() { http.HandleFunc(\"/\", items) }\n", "", 1)},
			args: []string{"-tests"}, wantCode: 1, wantOut: "main_test.go:6:7"},
		{name: "go file names (pre-commit)", files: map[string]string{"go.mod": goMod, "main.go": handlerSrc, "other.go": "package main\n\nimport \"net/http\"\n\nfunc other(w http.ResponseWriter, r *http.Request) { _ = &http.Client{} }\n"},
			args: []string{"main.go"}, wantCode: 1, wantOut: "main.go:6:7", wantNotOut: "other.go"},
		{name: "python under testdata is skipped like Go's ./...", files: map[string]string{"testdata/views.py": "import requests\n\ndef v(request):\n    return requests.get('x')\n", "app.py": "x = 1\n"},
			wantCode: 0},
		{name: "-lang python skips Go", files: map[string]string{"go.mod": goMod, "main.go": handlerSrc, "app.py": "x = 1\n"}, args: []string{"-lang", "python"}, wantCode: 0},
		{name: "-lang python without Python files", files: map[string]string{"go.mod": goMod, "main.go": handlerSrc}, args: []string{"-lang", "python"}, wantCode: 2, wantErr: "./...: no Python files found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeTree(t, tt.files)
			r := runIn(t, dir, tt.args...)
			if r.code != tt.wantCode {
				t.Errorf("exit status = %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, tt.wantCode, r.stdout, r.stderr)
			}
			if !strings.Contains(r.stdout, tt.wantOut) {
				t.Errorf("stdout = %q, want it to contain %q", r.stdout, tt.wantOut)
			}
			if !strings.Contains(r.stderr, tt.wantErr) {
				t.Errorf("stderr = %q, want it to contain %q", r.stderr, tt.wantErr)
			}
			if tt.wantNotOut != "" && strings.Contains(r.stdout, tt.wantNotOut) {
				t.Errorf("stdout = %q, want no %q", r.stdout, tt.wantNotOut)
			}
		})
	}
}

func TestFormats(t *testing.T) {
	v, err := sarifcheck.New()
	if err != nil {
		t.Fatal(err)
	}
	dir := writeTree(t, map[string]string{"go.mod": goMod, "main.go": handlerSrc, "bad/bad.go": "package bad\n\nvar x int = \"s\"\n"})
	r := runIn(t, dir, "-format", "sarif", "-o", "out.sarif")
	if r.code != 2 || r.stdout != "" {
		t.Fatalf("exit %d, stdout %q; want 2 and nothing on stdout", r.code, r.stdout)
	}
	data, err := os.ReadFile(filepath.Join(dir, "out.sarif"))
	if err != nil {
		t.Fatal(err)
	}
	if err := v.Validate(data); err != nil {
		t.Fatalf("SARIF from the command is invalid: %v", err)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID    string `json:"ruleId"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI, URIBaseID string } `json:"artifactLocation"`
					} `json:"physicalLocation"`
				} `json:"locations"`
				Fixes []any `json:"fixes"`
			} `json:"results"`
			Invocations []struct {
				ExecutionSuccessful bool  `json:"executionSuccessful"`
				Notes               []any `json:"toolExecutionNotifications"`
			} `json:"invocations"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if len(run.Results) != 1 || run.Results[0].Locations[0].PhysicalLocation.ArtifactLocation.URI != "main.go" || len(run.Results[0].Fixes) != 1 {
		t.Errorf("results = %+v, want one SNAT002 at main.go with a fix", run.Results)
	}
	if run.Invocations[0].ExecutionSuccessful || len(run.Invocations[0].Notes) == 0 {
		t.Errorf("invocation = %+v, want unsuccessful with a notification for package bad", run.Invocations[0])
	}

	r = runIn(t, dir, "-format", "json")
	var out struct {
		Version  int `json:"version"`
		Findings []struct {
			File, RuleID string
			Line         int
		} `json:"findings"`
		Errors []struct{ Message string } `json:"errors"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("JSON output: %v\n%s", err, r.stdout)
	}
	if out.Version != 1 || len(out.Findings) != 1 || out.Findings[0].File != "main.go" || len(out.Errors) == 0 {
		t.Errorf("JSON = %+v", out)
	}
}

func TestFix(t *testing.T) {
	dir := writeTree(t, map[string]string{"go.mod": goMod, "main.go": handlerSrc})
	r := runIn(t, dir, "-fix")
	if r.code != 0 || !strings.Contains(r.stderr, "applied 1 fixes in 1 files") || r.stdout != "" {
		t.Fatalf("first -fix: exit %d, stdout %q, stderr %q; want 0, the finding resolved", r.code, r.stdout, r.stderr)
	}
	got, _ := os.ReadFile(filepath.Join(dir, "main.go"))
	want := `package main

import "net/http"

var itemsClient = &http.Client{Timeout: 5}

func items(w http.ResponseWriter, r *http.Request) {
	c := itemsClient
	_ = c
}

func main() { http.HandleFunc("/", items) }
`
	if string(got) != want {
		t.Errorf("fixed main.go =\n%s\nwant\n%s", got, want)
	}
	if formatted, err := format.Source(got); err != nil || !bytes.Equal(formatted, got) {
		t.Errorf("fixed file is not gofmt-clean (%v)", err)
	}
	r = runIn(t, dir, "-fix")
	again, _ := os.ReadFile(filepath.Join(dir, "main.go"))
	if r.code != 0 || !bytes.Equal(again, got) {
		t.Errorf("second -fix: exit %d, file changed = %v; want 0 and unchanged", r.code, !bytes.Equal(again, got))
	}
}

// FuzzParseFlags: command-line handling never panics, and every error
// carries exit status 2.
func FuzzParseFlags(f *testing.F) {
	for _, s := range []string{"", "-format json ./...", "-lang go,python -tests", "-explain SNAT001", "-o x -fix a.py b.go",
		"-format=sarif -config .snatlint.yaml ./...", "-lang , ./...", "-explain", "./... -fix", "-V=full", "--", "-h"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		args := strings.Fields(s)
		_ = isVetTool(args)
		o, err := parseFlags(args, &bytes.Buffer{})
		if err != nil {
			if ec, ok := err.(interface{ ExitCode() int }); ok && ec.ExitCode() != 2 {
				t.Errorf("parseFlags(%q): exit %d, want 2", args, ec.ExitCode())
			}
			return
		}
		if len(o.patterns) == 0 || (!o.goOn && !o.pyOn) {
			t.Errorf("parseFlags(%q) = %+v: no patterns or no language", args, o)
		}
		_ = classify("/work", o.patterns, nil)
	})
}

func Example_explain() {
	var out bytes.Buffer
	_ = run(context.Background(), []string{"-explain", "SNAT002"}, &out, &bytes.Buffer{})
	fmt.Println(strings.SplitN(out.String(), "\n", 2)[0])
	// Output: # SNAT002 http-client-per-request
}

// TestAbsPaths: the paths checkPython hands on are what filepath.Abs
// makes of them, from the run's one look at the working directory.
func TestAbsPaths(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	wd, err := os.Getwd() // dir with symbolic links as the system reports them
	if err != nil {
		t.Fatal(err)
	}
	in := []string{"a.py", "./pkg/b.py", "pkg/../c.py", "..", ".", filepath.Join(dir, "x", "..", "d.py"), "/e/f.py"}
	want := []string{
		filepath.Join(wd, "a.py"), filepath.Join(wd, "pkg", "b.py"), filepath.Join(wd, "c.py"),
		filepath.Dir(wd), wd, filepath.Join(dir, "d.py"), filepath.FromSlash("/e/f.py"),
	}
	got := absPaths(wd, in)
	for i := range in {
		abs, err := filepath.Abs(in[i])
		if err != nil {
			t.Fatal(err)
		}
		if got[i] != want[i] || got[i] != abs {
			t.Errorf("absPaths(%q) = %q, want %q (filepath.Abs: %q)", in[i], got[i], want[i], abs)
		}
	}
}
