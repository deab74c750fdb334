package frameworks_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/snatlint/snatlint/pylint/frameworks"
)

// TestRegistry: every framework file declares one framework and All lists
// it, so a framework that is written but not registered fails here.
func TestRegistry(t *testing.T) {
	registered := map[string]*frameworks.Framework{}
	for _, fw := range frameworks.All() {
		if registered[fw.Name] != nil {
			t.Errorf("framework %q is registered twice", fw.Name)
		}
		registered[fw.Name] = fw
	}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	declared := map[string]string{} // framework name -> file
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") || file == "frameworks.go" {
			continue
		}
		names := declaredFrameworks(t, file)
		if len(names) != 1 {
			t.Errorf("%s declares %d frameworks %v, want exactly one per file", file, len(names), names)
		}
		for _, n := range names {
			declared[n] = file
			if registered[n] == nil {
				t.Errorf("%s declares framework %q, but frameworks.All does not list it", file, n)
			}
		}
	}
	for n := range registered {
		if declared[n] == "" {
			t.Errorf("framework %q is registered but declared in no file of its own", n)
		}
	}
	all := frameworks.All()
	if all[len(all)-1] != frameworks.Generic {
		t.Errorf("All() ends with %q, want generic last", all[len(all)-1].Name)
	}
}

// declaredFrameworks returns the Name of every &Framework{...} literal
// assigned to a package-level variable in file.
func declaredFrameworks(t *testing.T, file string) []string {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	f, err := parser.ParseFile(token.NewFileSet(), file, src, 0)
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
				if !ok || !isIdent(lit.Type, "Framework") {
					continue
				}
				name := "<no Name>"
				for _, e := range lit.Elts {
					if kv, ok := e.(*ast.KeyValueExpr); ok && isIdent(kv.Key, "Name") {
						if bl, ok := kv.Value.(*ast.BasicLit); ok {
							name, _ = strconv.Unquote(bl.Value)
						}
					}
				}
				names = append(names, name)
			}
		}
	}
	return names
}

func isIdent(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}

// TestDeclarations: each framework is complete and each rule can match.
func TestDeclarations(t *testing.T) {
	for _, fw := range frameworks.All() {
		t.Run(fw.Name, func(t *testing.T) {
			if fw.Name == "" || fw.Label == "" || fw.Fix == "" {
				t.Errorf("Name %q, Label %q, Fix %q: all three are required", fw.Name, fw.Label, fw.Fix)
			}
			if strings.HasSuffix(fw.Fix, ".") || strings.ContainsAny(fw.Fix, "`*") || fw.Fix[0] < 'a' || fw.Fix[0] > 'z' {
				t.Errorf("Fix %q: want lowercase start, no trailing period, no Markdown", fw.Fix)
			}
			for _, s := range fw.Decorators {
				if len(s.Names) == 0 {
					t.Errorf("decorator %+v names nothing", s)
				}
			}
			for _, s := range fw.Registrations {
				if len(s.Names) == 0 || s.Arg < 0 && s.Keyword == "" {
					t.Errorf("registration %+v names no callee or no argument", s)
				}
			}
			for _, c := range fw.Classes {
				if len(c.Bases)+len(c.Guess)+len(c.GuessWeb)+len(c.Bare)+len(c.Defines) == 0 {
					t.Errorf("class rule %+v matches no class", c)
				}
				if len(c.Methods)+len(c.Params)+len(c.Decorated) == 0 && !c.CachedProperty {
					t.Errorf("class rule %+v covers no method", c)
				}
			}
			for _, f := range fw.Funcs {
				if f.Names == nil && f.Params == nil && f.ParamType == "" && f.Outer == "" {
					t.Errorf("function rule %+v matches every function", f)
				}
			}
		})
	}
}

func TestMatch(t *testing.T) {
	tests := []struct {
		pattern, name string
		want          bool
	}{
		{"View", "View", true},
		{"View", "ListView", false},
		{"*View", "View", true},
		{"*View", "ListView", true},
		{"*View", "Viewer", false},
		{"*_trigger", "timer_trigger", true},
	}
	for _, tt := range tests {
		if got := frameworks.Match(tt.pattern, tt.name); got != tt.want {
			t.Errorf("Match(%q, %q) = %v, want %v", tt.pattern, tt.name, got, tt.want)
		}
	}
	params := []struct {
		want, params []string
		ok           bool
	}{
		{[]string{"request"}, []string{"request", "pk"}, true},
		{[]string{"", "context|ctx"}, []string{"request", "ctx"}, true},
		{[]string{"", "context"}, []string{"request"}, false},
		{[]string{"event", "context"}, []string{"evt", "context"}, false},
	}
	for _, tt := range params {
		if got := frameworks.ParamsMatch(tt.want, tt.params); got != tt.ok {
			t.Errorf("ParamsMatch(%q, %q) = %v, want %v", tt.want, tt.params, got, tt.ok)
		}
	}
	alts := []struct {
		alts, name string
		want       bool
	}{
		{"context|ctx", "ctx", true},
		{"context|ctx", "context", true},
		{"context|ctx", "cont", false},
		{"request", "request", true},
		{"", "", true},
		{"a|", "", true},
		{"a|b", "a|b", false},
	}
	for _, tt := range alts {
		if got := frameworks.MatchAlt(tt.alts, tt.name); got != tt.want {
			t.Errorf("MatchAlt(%q, %q) = %v, want %v", tt.alts, tt.name, got, tt.want)
		}
	}
}

// TestOwns checks the module boundary: a framework owns its modules and
// what is inside them, not a module whose name only starts the same.
func TestOwns(t *testing.T) {
	fw := &frameworks.Framework{Modules: []string{"django", "rest_framework.views"}}
	tests := []struct {
		q    string
		want bool
	}{
		{"django", true},
		{"django.http.HttpResponse", true},
		{"djangox", false},
		{"djangox.views", false},
		{"django_extensions.x", false},
		{"rest_framework.views.APIView", true},
		{"rest_framework.viewsets.ViewSet", false},
		{"rest_framework", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := fw.Owns(tt.q); got != tt.want {
			t.Errorf("Owns(%q) = %v, want %v", tt.q, got, tt.want)
		}
	}
}
