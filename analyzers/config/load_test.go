package config

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/snatlint/snatlint/analyzers/catalog"
)

const testdata = "../../testdata/config"

func TestLoadValid(t *testing.T) {
	path := filepath.Join(testdata, "valid", FileName)
	f, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	want := &File{
		Path: path,
		Go: Go{
			Constructors: []Constructor{
				{Name: "example.com/platform/httpx.NewClient", Rule: "SNAT002"},
				{Name: "example.com/platform/azx.Factory.NewComputeClient", Rule: "SNAT003"},
			},
			HandlerTypes: []string{"*example.com/web.Ctx", "example.com/web.Context"},
		},
		Python: Python{
			Constructors: []Constructor{{Name: "mycorp.http.make_session", Rule: "SNAT002"}},
			Decorators:   []string{"mycorp.route", "jobs.handler"},
		},
		Exclude: []string{"vendor/**", "**/generated/*.go", "migrations"},
		Rules: map[string]RuleSetting{
			"SNAT002": {Disabled: true},
			"SNAT003": {Level: catalog.LevelError},
		},
		Tests: true,
	}
	if !reflect.DeepEqual(f, want) {
		t.Errorf("Load(%s) =\n%+v\nwant\n%+v", path, f, want)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"unknown top-level key", "go: {}\nexlude: [a]\n", "x.yaml:2: unknown key \"exlude\""},
		{"unknown nested key", "go:\n  handlers: [a.B]\n", "x.yaml:2: unknown key \"handlers\""},
		{"bad level", "rules:\n  SNAT001:\n    level: fatal\n", "x.yaml:3: bad level \"fatal\""},
		{"bad rule ID", "rules:\n  SNAT009: {enabled: false}\n", "x.yaml:2: unknown rule \"SNAT009\""},
		{"bad rule in constructor", "python:\n  constructors:\n    - name: a.b\n      rule: SNAT1\n", "x.yaml:4: unknown rule \"SNAT1\""},
		{"bad glob", "exclude:\n  - ok/**\n  - \"bad[\"\n", "x.yaml:3: exclude \"bad[\": bad glob"},
		{"enabled not a bool", "rules:\n  SNAT001: {enabled: maybe}\n", "x.yaml:2: expected true or false"},
		{"tests not a bool", "tests: yes please\n", "x.yaml:1: expected true or false"},
		{"constructor without rule", "go:\n  constructors:\n    - name: example.com/x.New\n", "x.yaml:3: constructor \"example.com/x.New\" needs a rule"},
		{"bad go constructor name", "go:\n  constructors:\n    - {name: NewClient, rule: SNAT002}\n", "x.yaml:3: constructor name \"NewClient\""},
		{"bad handler type", "go:\n  handler_types: [\"gin\"]\n", "x.yaml:2: handler type \"gin\""},
		{"bad decorator", "python:\n  decorators: [\"app.route('/x')\"]\n", "x.yaml:2: decorator"},
		{"second document", "tests: true\n---\nexclude: [x]\n", "x.yaml:2: a second YAML document"},
		{"empty second document", "tests: true\n---\n", "x.yaml:2: a second YAML document"},
		{"exclude above the config", "exclude: [\"../shared/**\"]\n", "x.yaml:1: exclude \"../shared/**\": the pattern leaves the directory"},
		{"exclude with .. inside", "exclude: [\"a/../../b\"]\n", "x.yaml:1: exclude \"a/../../b\": the pattern leaves the directory"},
		{"absolute exclude", "exclude: [\"/repo/gen/**\"]\n", "x.yaml:1: exclude \"/repo/gen/**\": an absolute path never matches"},
		{"list expected", "exclude: vendor\n", "x.yaml:1: expected a list"},
		{"mapping expected", "- a\n- b\n", "x.yaml:1: expected a mapping"},
		{"duplicate key", "tests: true\ntests: false\n", "x.yaml:2:"},
		{"yaml syntax", "go: [\n", "x.yaml: "},
		{"row unknown key", "rows:\n  - lang: go\n    package: a/b\n    name: N\n    rule: SNAT002\n    colour: red\n", "x.yaml:6: unknown key \"colour\" in row"},
		{"row bad rule", "rows:\n  - {lang: python, module: a.b, name: c, rule: SNAT1}\n", "x.yaml:2: unknown rule \"SNAT1\""},
		{"rows not a list", "rows: {lang: go}\n", "x.yaml:1: expected a list of rows"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("x.yaml", []byte(tt.src))
			if err == nil {
				t.Fatalf("Parse(%q) = nil error, want %q", tt.src, tt.want)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("Parse(%q) = %q, want prefix %q", tt.src, err, tt.want)
			}
		})
	}
}

// TestRows: .snatlint.yaml rows have the provider files' schema, for any
// rule; the constructors keys stay and become rows too.
func TestRows(t *testing.T) {
	src := `go:
  constructors:
    - {name: example.com/platform/httpx.Factory.NewClient, rule: SNAT002}
python:
  constructors:
    - {name: mycorp.http.make_session, rule: SNAT002}
rows:
  - {lang: go, package: example.com/platform/redisx, name: NewRedis, rule: SNAT001, variant: own-pool}
  - lang: python
    module: mycorp.aws
    name: [make_s3, make_sqs]
    rule: SNAT005
`
	f, err := Parse("x.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range append(f.GoRows(), f.PythonRows()...) {
		got = append(got, string(r.Lang)+" "+r.String()+" "+r.Rule+" "+r.Variant.String())
	}
	want := []string{
		"go example.com/platform/httpx.Factory.NewClient SNAT002 default",
		"go example.com/platform/redisx.NewRedis SNAT001 own-pool",
		"python mycorp.http.make_session SNAT002 default",
		"python mycorp.aws.make_s3 SNAT005 default",
		"python mycorp.aws.make_sqs SNAT005 default",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if m, ok := catalog.NewPyMatcher(f.PythonRows()).Match("mycorp.aws.make_sqs"); !ok || m.Rule != "SNAT005" {
		t.Errorf("the configured Python row does not match: %+v %v", m, ok)
	}
	var nilFile *File
	if nilFile.GoRows() != nil || nilFile.PythonRows() != nil {
		t.Errorf("a nil *File has rows")
	}
}

func TestParseEmpty(t *testing.T) {
	for _, src := range []string{"", "# only a comment\n", "~\n"} {
		f, err := Parse("x.yaml", []byte(src))
		if err != nil || f == nil || len(f.Exclude) != 0 || f.Tests {
			t.Errorf("Parse(%q) = %+v, %v; want defaults", src, f, err)
		}
	}
}

func TestFind(t *testing.T) {
	abs, _ := filepath.Abs(filepath.Join(testdata, "nested", FileName))
	tests := []struct {
		dir, want string
	}{
		{filepath.Join(testdata, "nested", "a", "b"), abs},
		{filepath.Join(testdata, "nested"), abs},
	}
	for _, tt := range tests {
		got, err := Find(tt.dir)
		if err != nil || got != tt.want {
			t.Errorf("Find(%s) = %q, %v; want %q", tt.dir, got, err, tt.want)
		}
	}
	if got, err := Find(t.TempDir()); err != nil || got != "" {
		// A temporary directory has no .snatlint.yaml above it (unless /tmp has one).
		t.Logf("Find(tempdir) = %q, %v", got, err)
	}
}

func TestMatchGlob(t *testing.T) {
	tests := []struct {
		pattern, name string
		want          bool
	}{
		{"vendor/**", "vendor/a/b.go", true},
		{"vendor/**", "src/vendor/a.go", false},
		{"**/generated/*.go", "a/b/generated/x.go", true},
		{"**/generated/*.go", "generated/x.go", true},
		{"**/generated/*.go", "generated/x.py", false},
		{"migrations", "app/migrations/0001.py", true},
		{"*.pb.go", "api/v1/x.pb.go", true},
		{"cmd/tool", "cmd/tool/main.go", true},
		{"cmd/tool", "cmd/toolbox/main.go", false},
		{"./scripts/*.py", "scripts/x.py", true},
	}
	for _, tt := range tests {
		if got := MatchGlob(tt.pattern, tt.name); got != tt.want {
			t.Errorf("MatchGlob(%q, %q) = %v, want %v", tt.pattern, tt.name, got, tt.want)
		}
	}
}

// TestMatchGlobLinear: "**" runs cost linear time, not exponential (issue
// 8 item 9: ten "**" against a 30-deep path took over 100 s).
func TestMatchGlobLinear(t *testing.T) {
	name := strings.Repeat("d/", 30) + "x.go"
	pattern := strings.Repeat("**/", 10) + "nomatch"
	done := make(chan bool, 1)
	go func() { done <- MatchGlob(pattern, name) }()
	select {
	case got := <-done:
		if got {
			t.Errorf("MatchGlob(%q, %q) = true, want false", pattern, name)
		}
	case <-time.After(2 * time.Second):
		t.Fatalf("MatchGlob(%q, 30-deep path) took over 2s", pattern)
	}
	tests := []struct {
		pattern, name string
		want          bool
	}{
		{"**/**/a/**/**/b", "x/a/y/z/b", true},
		{"**/**/a/**/**/b", "a/b", true},
		{"**/**/a/**/**/b", "b/a", false},
		{"a/**/b/**/c", "a/b/x/c/d", true},
		{"a/**", "a", true},
		{"**", "a/b", true},
	}
	for _, tt := range tests {
		if got := MatchGlob(tt.pattern, tt.name); got != tt.want {
			t.Errorf("MatchGlob(%q, %q) = %v, want %v", tt.pattern, tt.name, got, tt.want)
		}
	}
}

func TestExcludedAndRules(t *testing.T) {
	f := &File{Path: "/repo/.snatlint.yaml", Exclude: []string{"vendor/**"}, Rules: map[string]RuleSetting{
		"SNAT002": {Disabled: true}, "SNAT003": {Level: catalog.LevelError},
	}}
	if !Excluded(f, "/repo/vendor/x/y.go") || Excluded(f, "/repo/a/vendor.go") || Excluded(f, "/other/vendor/x.go") {
		t.Error("Excluded: wrong result for vendor/**")
	}
	if RuleEnabled(f, "SNAT002") || !RuleEnabled(f, "SNAT001") || !RuleEnabled(nil, "SNAT002") {
		t.Error("RuleEnabled: wrong result")
	}
	if RuleLevel(f, "SNAT003", catalog.LevelWarning) != catalog.LevelError || RuleLevel(f, "SNAT001", catalog.LevelError) != catalog.LevelError {
		t.Error("RuleLevel: wrong result")
	}
}

// FuzzParse: configuration decoding never panics, and errors carry the
// file name.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"", "go: {}\n", "rules:\n  SNAT001: {enabled: false, level: note}\n",
		"exclude: ['a/**', 'b[']\n", "python:\n  constructors:\n    - {name: a.b, rule: SNAT005}\n",
		"go:\n  constructors: [{name: x/y.Z, rule: SNAT002}]\n  handler_types: ['*a/b.C']\n",
		"&a [*a]\n", "rules: {SNAT001: *x}\n", "? [a]\n: b\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		cfg, err := Parse("fuzz.yaml", []byte(src))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.yaml") {
				t.Errorf("error %q does not name the file", err)
			}
			return
		}
		if cfg == nil {
			t.Error("nil config without error")
		}
	})
}
