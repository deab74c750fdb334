package main

import (
	"context"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"testing"

	"github.com/snatlint/snatlint/analyzers"
	"github.com/snatlint/snatlint/analyzers/config"
	"github.com/snatlint/snatlint/cmd/snatlint/internal/godriver"
	"github.com/snatlint/snatlint/cmd/snatlint/internal/report"
	"golang.org/x/tools/go/packages"
)

// fuzzFixTemplate is the file the fuzzed handler body is put in; the
// imports are fixed (the package graph is listed once) and kept used.
const fuzzFixTemplate = `package main

import (
	"net/http"
	"time"
)

var _ = time.Second

var _ http.Client

const pkgTimeout = 3 * time.Second

type server struct{ c *http.Client }

func H(w http.ResponseWriter, r *http.Request) {
%s
}

func main() { http.HandleFunc("/", H) }
`

// FuzzFix runs a random handler body through the real analyzers, the
// -fix applier, go/parser and the type checker: whenever the input
// type-checks, every fixed file must parse and type-check too (issue 8,
// "Also"). Each input type-checks net/http from source (about 2 s of
// CPU), so the seeds are few: go test runs them; run more with
// go test -run '^$' -fuzz FuzzFix ./cmd/snatlint.
func FuzzFix(f *testing.F) {
	for _, body := range []string{
		"\tconst timeout = 5 * time.Second\n\tc := &http.Client{Timeout: timeout}\n\t_ = c",
		"\ttype rt struct{ http.RoundTripper }\n\tc := &http.Client{Transport: rt{}}\n\t_ = c",
		"\tc := &http.Client{\n\t\tTimeout: pkgTimeout,\n\t}\n\t_ = c",
		"\tfor i := 0; i < 3; i++ {\n\t\tt := &http.Transport{MaxIdleConns: i}\n\t\t_ = t\n\t}",
		"\thClient := 1\n\t_ = hClient\n\tc := &http.Client{}\n\t_ = c",
		"\ts := server{c: &http.Client{Timeout: 2}}\n\t_ = s",
	} {
		f.Add(body)
	}
	dir := f.TempDir()
	mainGo := filepath.Join(dir, "main.go")
	for name, text := range map[string]string{"go.mod": "module example.com/fz\n\ngo 1.26\n", "main.go": fmt.Sprintf(fuzzFixTemplate, "")} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			f.Fatal(err)
		}
	}
	ctx := context.Background()
	cfg := &config.File{}
	f.Fuzz(func(t *testing.T, body string) {
		src := []byte(fmt.Sprintf(fuzzFixTemplate, body))
		// A body that closes the function early changes the file's
		// shape; the analysis must survive it, the check below only
		// applies to inputs that type-check.
		// Analyzers read the file too (pass.ReadFile): it is on disk.
		if err := os.WriteFile(mainGo, src, 0o644); err != nil {
			t.Fatal(err)
		}
		pkgs, err := godriver.Load(ctx, dir, false, nil, ".")
		if err != nil || len(pkgs) != 1 {
			t.Fatalf("listing the template: %v", err)
		}
		reader := newSourceReader()
		results, err := godriver.Analyze(ctx, pkgs, godriver.Options{Analyzers: analyzers.New(cfg), FactRoots: factRoots(cfg), ReadFile: reader.read})
		if err != nil {
			t.Fatal(err)
		}
		root := pkgs[0]
		if len(root.Errors) > 0 || root.IllTyped || len(results) != 1 {
			return // not well-typed: nothing to fix
		}
		var findings []report.Finding
		for _, d := range results[0].Diagnostics {
			findings = append(findings, goFinding(root.Fset, d.Diagnostic, reader.hash))
		}
		res := report.ApplyFixes(findings, report.FixEnv{ReadFile: readFixFile})
		for file, fixed := range res.Files {
			if file != mainGo {
				t.Fatalf("fix edits %s", file)
			}
			if err := typeCheck(root.Imports, fixed); err != nil {
				t.Errorf("fixed file does not compile: %v\ninput:\n%s\nfixed:\n%s", err, src, fixed)
			}
		}
	})
}

// typeCheck parses and type-checks src as package main, with imports
// resolved to the analysed graph's packages.
func typeCheck(imports map[string]*packages.Package, src []byte) error {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "main.go", src, parser.SkipObjectResolution)
	if err != nil {
		return err
	}
	conf := types.Config{Importer: importerFor(func(path string) (*types.Package, error) {
		if p := imports[path]; p != nil && p.Types != nil {
			return p.Types, nil
		}
		return nil, fmt.Errorf("no package %s", path)
	})}
	_, err = conf.Check("example.com/fz", fset, []*ast.File{f}, nil)
	return err
}

type importerFor func(path string) (*types.Package, error)

func (f importerFor) Import(path string) (*types.Package, error) { return f(path) }
