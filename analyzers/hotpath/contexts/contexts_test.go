package contexts_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/snatlint/snatlint/analyzers/hotpath/contexts"
)

// TestRegistry: every family file declares exactly one family and All
// lists it (the configured handler types' family excepted: Families adds
// it from the configuration), so a family that is written but not
// registered fails here.
func TestRegistry(t *testing.T) {
	registered := map[string]*contexts.Family{}
	for _, f := range contexts.All() {
		if registered[f.Name] != nil {
			t.Errorf("family %q is registered twice", f.Name)
		}
		registered[f.Name] = f
	}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	declared := map[string]string{} // family name -> file
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") || file == "contexts.go" {
			continue
		}
		names := declaredFamilies(t, file)
		if len(names) != 1 {
			t.Errorf("%s declares %d families %v, want exactly one per file", file, len(names), names)
		}
		for _, n := range names {
			declared[n] = file
			if registered[n] == nil && n != contexts.ConfiguredHandlers.Name {
				t.Errorf("%s declares family %q, but contexts.All does not list it", file, n)
			}
		}
	}
	for n := range registered {
		if declared[n] == "" {
			t.Errorf("family %q is registered but declared in no file of its own", n)
		}
	}
}

// declaredFamilies returns the Name of every &Family{...} literal
// assigned to a package-level variable in file.
func declaredFamilies(t *testing.T, file string) []string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR {
			continue
		}
		for _, spec := range gd.Specs {
			for _, v := range spec.(*ast.ValueSpec).Values {
				u, ok := v.(*ast.UnaryExpr)
				if !ok {
					continue
				}
				lit, ok := u.X.(*ast.CompositeLit)
				if id, isID := lit.Type.(*ast.Ident); !ok || !isID || id.Name != "Family" {
					continue
				}
				name := "<no Name>"
				for _, e := range lit.Elts {
					if kv, ok := e.(*ast.KeyValueExpr); ok {
						if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "Name" {
							if bl, ok := kv.Value.(*ast.BasicLit); ok {
								name, _ = strconv.Unquote(bl.Value)
							}
						}
					}
				}
				names = append(names, name)
			}
		}
	}
	return names
}

// TestDeclarations: each family is complete, and each can recognise
// something.
func TestDeclarations(t *testing.T) {
	for _, f := range append(contexts.All(), contexts.Configured([]string{"*example.com/web.Ctx"})) {
		t.Run(f.Name, func(t *testing.T) {
			if f.Name == "" || f.Label == "" || f.Fix == "" {
				t.Errorf("Name %q, Label %q, Fix %q: all three are required", f.Name, f.Label, f.Fix)
			}
			if strings.HasSuffix(f.Fix, ".") || strings.ContainsAny(f.Fix, "`*") || f.Fix[0] < 'a' || f.Fix[0] > 'z' {
				t.Errorf("Fix %q: want lowercase start, no trailing period, no Markdown", f.Fix)
			}
			if len(f.Params)+len(f.Exact)+len(f.Signatures)+len(f.Implements)+len(f.Calls)+len(f.CallbackTypes)+len(f.Loops) == 0 && f.Services == nil {
				t.Error("the family recognises nothing")
			}
			if len(f.Loops) > 0 && f.LoopLabel == "" {
				t.Error("Loops without a LoopLabel")
			}
			for _, set := range f.Params {
				for _, r := range set {
					if r.Pkg == "" || r.Name == "" {
						t.Errorf("parameter type %+v: Pkg and Name are required", r)
					}
				}
			}
		})
	}
}

func TestParseTypeRef(t *testing.T) {
	tests := []struct {
		in   string
		want contexts.TypeRef
		ok   bool
	}{
		{"*example.com/web.Ctx", contexts.TypeRef{Pkg: "example.com/web", Name: "Ctx", Ptr: true}, true},
		{"example.com/web.Context", contexts.TypeRef{Pkg: "example.com/web", Name: "Context"}, true},
		{"gopkg.in/yaml.v3.Node", contexts.TypeRef{Pkg: "gopkg.in/yaml.v3", Name: "Node"}, true},
		{"gin", contexts.TypeRef{}, false},
		{"example.com/web.", contexts.TypeRef{}, false},
		{"example.com/web", contexts.TypeRef{}, false},
	}
	for _, tt := range tests {
		got, ok := contexts.ParseTypeRef(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseTypeRef(%q) = %+v, %v, want %+v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// TestFamiliesOrder: the configured family comes before net/http's
// helper shape, which is last.
func TestFamiliesOrder(t *testing.T) {
	fs := contexts.Families([]string{"*example.com/web.Ctx"})
	if fs[len(fs)-1] != contexts.NetHTTP || fs[len(fs)-2].Name != "configured" {
		t.Errorf("Families ends with %q, %q; want configured, nethttp", fs[len(fs)-2].Name, fs[len(fs)-1].Name)
	}
	if len(contexts.Families(nil)) != len(contexts.All()) {
		t.Error("Families(nil) differs from All()")
	}
}
