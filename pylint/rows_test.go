package pylint

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/snatlint/snatlint/analyzers/catalog"
)

// rowProviders are the providers of issue 10 (SNAT006, SNAT007) whose
// Python rows the generated fixtures below cover.
var rowProviders = []string{"aws", "gcp", "openai", "sqldb", "redis", "mongo", "grpc"}

// pyRowCase is one concrete construction of a catalog row: the module
// and name a user imports, and the rule it must be reported under.
type pyRowCase struct {
	row    *catalog.Row
	module string
	name   string
}

// concreteRows expands the Python rows of rowProviders into concrete
// names: a module ending in ".**" is tried with the submodule "storage"
// (google.cloud.** -> google.cloud.storage); a "*" in a name is dropped
// ("*Client" -> "Client"), and also stands for "Storage" ("StorageClient").
// Silent rows are skipped (they have no positive).
func concreteRows(t *testing.T) []pyRowCase {
	t.Helper()
	var out []pyRowCase
	seen := map[string]bool{}
	for _, p := range catalog.Providers() {
		base := strings.TrimSuffix(filepath.Base(p.File), ".yaml")
		if !slices.Contains(rowProviders, base) {
			continue
		}
		for _, r := range p.Rows {
			if r.Lang != catalog.Python || r.Silent != "" {
				continue
			}
			mod := r.Package
			if m, ok := strings.CutSuffix(mod, ".**"); ok {
				mod = m + ".storage"
			}
			if strings.Contains(mod, "*") {
				t.Errorf("%s:%d: module pattern %q: the generator cannot expand it", r.Source, r.Line, r.Package)
				continue
			}
			names := []string{r.Name}
			if strings.Contains(r.Name, "*") {
				names = nil
				for _, fill := range []string{"", "Storage"} {
					if n := strings.ReplaceAll(r.Name, "*", fill); n != "" {
						names = append(names, n)
					}
				}
			}
			for _, n := range names {
				k := mod + "." + n
				if seen[k] {
					continue
				}
				seen[k] = true
				out = append(out, pyRowCase{row: r, module: mod, name: n})
			}
		}
	}
	return out
}

// rowTemplates are sources around one construction. {{IMPORT}} is the
// import line, {{CALL}} the construction; a positive marks the line its
// one finding must be on with "# HERE", a silent twin has no mark.
var rowTemplates = []struct {
	name string
	src  string
}{
	{"flask-view", `from flask import Flask
{{IMPORT}}

app = Flask(__name__)


@app.route("/items")
def items():
    c = {{CALL}}  # HERE
    return str(c)
`},
	{"fastapi-route", `from fastapi import FastAPI
{{IMPORT}}

app = FastAPI()


@app.get("/items")
async def items():
    c = {{CALL}}  # HERE
    return {"c": str(c)}
`},
	{"django-view", `from django.http import HttpResponse
{{IMPORT}}


def items(request):
    c = {{CALL}}  # HERE
    return HttpResponse(str(c))
`},
	{"hot-loop", `{{IMPORT}}


def fetch_all(urls):
    for u in urls:
        c = {{CALL}}  # HERE
        print(u, c)
`},
	{"helper-from-view", `from flask import Flask
{{IMPORT}}

app = Flask(__name__)


def make_client():
    return {{CALL}}


@app.route("/items")
def items():
    c = make_client()  # HERE
    return str(c)
`},
	// silent twins: built once
	{"module-level", `from flask import Flask
{{IMPORT}}

app = Flask(__name__)
client = {{CALL}}


@app.route("/items")
def items():
    return str(client)


def fetch_all(urls):
    for u in urls:
        print(u, client)
`},
	{"lru-cache", `import functools

from flask import Flask
{{IMPORT}}

app = Flask(__name__)


@functools.lru_cache(maxsize=None)
def get_client():
    return {{CALL}}


@app.route("/items")
def items():
    return str(get_client())


def fetch_all(urls):
    for u in urls:
        print(u, get_client())
`},
	{"functools-cache", `from functools import cache

from django.http import HttpResponse
{{IMPORT}}


@cache
def get_client():
    return {{CALL}}


def items(request):
    return HttpResponse(str(get_client()))
`},
	{"fastapi-lifespan", `from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
{{IMPORT}}


@asynccontextmanager
async def lifespan(app: FastAPI):
    app.state.client = {{CALL}}
    yield


app = FastAPI(lifespan=lifespan)


@app.get("/items")
async def items(request: Request):
    return {"c": str(request.app.state.client)}
`},
	{"none-guarded-global", `from flask import Flask
{{IMPORT}}

app = Flask(__name__)
_client = None


def get_client():
    global _client
    if _client is None:
        _client = {{CALL}}
    return _client


@app.route("/items")
def items():
    return str(get_client())


def fetch_all(urls):
    for u in urls:
        print(u, get_client())
`},
}

// callArgs are plausible arguments for any row: a URL or DSN string (the
// pass does not read them).
const callArgs = `"https://example.invalid/db"`

// TestCatalogRows generates, for every concrete Python row of the new
// providers, positives (a Flask, FastAPI and Django view, a hot loop, a
// helper called from a view) and silent twins (module level, lru_cache,
// functools.cache, FastAPI lifespan on app.state, a None-guarded lazy
// global), each with "import mod as m", "from mod import Name" and
// "import mod", and
// for class rows also through a from_url classmethod; a positive must
// have exactly one finding, of the row's rule, on the marked line, a twin
// none.
func TestCatalogRows(t *testing.T) {
	rows := concreteRows(t)
	if len(rows) < 40 {
		t.Fatalf("only %d concrete Python rows in %v; the catalog lost rows or the generator skips them", len(rows), rowProviders)
	}
	dir := t.TempDir()
	n := 0
	var pos, neg int
	for _, rc := range rows {
		type form struct{ name, imp, call string }
		forms := []form{
			{"import-as", "import " + rc.module + " as m", "m." + rc.name + "(" + callArgs + ")"},
			{"from-import", "from " + rc.module + " import " + rc.name, rc.name + "(" + callArgs + ")"},
			{"import-dotted", "import " + rc.module, rc.module + "." + rc.name + "(" + callArgs + ")"},
		}
		if capWord(rc.name) {
			forms = append(forms,
				form{"from-url", "from " + rc.module + " import " + rc.name, rc.name + ".from_url(" + callArgs + ")"})
		}
		for _, fm := range forms {
			for _, tpl := range rowTemplates {
				n++
				src := strings.ReplaceAll(tpl.src, "{{IMPORT}}", fm.imp)
				src = strings.ReplaceAll(src, "{{CALL}}", fm.call)
				want := markedLine(src, "# HERE")
				caseName := fmt.Sprintf("%s.%s/%s/%s", rc.module, rc.name, fm.name, tpl.name)
				findings, got := checkCase(t, filepath.Join(dir, fmt.Sprint(n)), caseName, src)
				if want == 0 {
					neg++
					if len(findings) != 0 {
						t.Errorf("%s (%s:%d): silent twin has findings:\n\t%s\n%s", caseName, rc.row.Source, rc.row.Line, strings.Join(got, "\n\t"), src)
					}
					continue
				}
				pos++
				if len(findings) != 1 || findings[0].RuleID != rc.row.Rule || findings[0].Pos.Line != want {
					t.Errorf("%s (%s:%d): want one %s on line %d, got:\n\t%s\n%s", caseName, rc.row.Source, rc.row.Line, rc.row.Rule, want, strings.Join(got, "\n\t"), src)
				}
			}
		}
	}
	t.Logf("%d concrete rows, %d positive and %d silent generated cases", len(rows), pos, neg)
}

// settingCase is one concrete Python setting row (SNAT008): how to get
// at the callee (an import and an expression), and whether it is a
// method of an instance (module "requests.Session", name "get").
type settingCase struct {
	row      *catalog.Row
	imp      string // import line
	prelude  string // module-level lines before use ("s = m.Session()")
	callee   string // expression called
	instance string // "s" when callee is a method of a module-level instance
	form     string
}

// settingCases expands every Python setting row (of every provider: the
// SNAT008 rows) into concrete callees, in two import forms; a module
// that is a class path (requests.Session) gives a method of a
// module-level instance of that class.
func settingCases(t *testing.T) []settingCase {
	t.Helper()
	var out []settingCase
	for _, r := range catalog.BuiltinRows() {
		if r.Lang != catalog.Python || !r.IsSetting() {
			continue
		}
		if strings.Contains(r.Package+r.Name, "*") {
			t.Errorf("%s:%d: setting row pattern %s: the generator cannot expand it", r.Source, r.Line, r)
			continue
		}
		i := strings.LastIndexByte(r.Package, '.')
		if last := r.Package[i+1:]; i > 0 && (capWord(last) || last == "session") {
			// a method of an instance: module.Class (or the session()
			// factory) then name
			mod, cls := r.Package[:i], last
			out = append(out,
				settingCase{row: r, form: "import-as", imp: "import " + mod + " as m", prelude: "s = m." + cls + "()", callee: "s." + r.Name, instance: "s"},
				settingCase{row: r, form: "from-import", imp: "from " + mod + " import " + cls, prelude: "s = " + cls + "()", callee: "s." + r.Name, instance: "s"})
			continue
		}
		out = append(out,
			settingCase{row: r, form: "import-as", imp: "import " + r.Package + " as m", callee: "m." + r.Name},
			settingCase{row: r, form: "from-import", imp: "from " + r.Package + " import " + r.Name, callee: r.Name})
	}
	return out
}

// settingValue renders the row's setting as a keyword value, and a
// neutral value of the same keyword (keep-alive on) for the twins.
func settingValue(r *catalog.Row) (on, off string) {
	switch {
	case r.Header != "":
		return fmt.Sprintf("{%q: %q}", r.Header, r.Value), `{"Accept": "application/json"}`
	case r.Value == "true":
		return "True", "False"
	case r.Value == "false":
		return "False", "True"
	case r.Value == "0":
		return "0", "20"
	}
	return fmt.Sprintf("%q", r.Value), `"other"`
}

// TestCatalogSettingRows generates, for every Python setting row
// (SNAT008), sources with the setting on its own line: a row of scope
// anywhere is a finding in a view, in a loop and at module level, and
// silent with a keep-alive value; a row of scope per-request is a
// finding in a view and in a loop, and silent at module level and in a
// FastAPI lifespan. The SNAT008 findings must be exactly the setting's
// line (a construction rule reported on the call's own line is another
// finding: design.md, "SNAT008 placement and overlap").
func TestCatalogSettingRows(t *testing.T) {
	cases := settingCases(t)
	if len(cases) < 40 {
		t.Fatalf("only %d setting cases: the catalog lost setting rows or the generator skips them", len(cases))
	}
	dir := t.TempDir()
	n, pos, neg := 0, 0, 0
	for _, sc := range cases {
		on, off := settingValue(sc.row)
		// call puts the setting on a line of its own; ind is the
		// indentation of the statement
		call := func(v, ind string) string {
			return sc.callee + "(\n" + ind + "    " + callArgs + ",\n" + ind + "    " + sc.row.Field + "=" + v + ",  # SETTING\n" + ind + ")"
		}
		anywhere := sc.row.Scope == catalog.Anywhere
		type gen struct {
			name string
			src  string
			want bool
		}
		var gens []gen
		view := func(v string) string {
			return "from flask import Flask\n" + sc.imp + "\n\napp = Flask(__name__)\n" + sc.prelude + "\n\n\n@app.route(\"/items\")\ndef items():\n    r = " + call(v, "    ") + "\n    return str(r)\n"
		}
		loop := func(v string) string {
			return sc.imp + "\n" + sc.prelude + "\n\n\ndef fetch_all(urls):\n    for u in urls:\n        r = " + call(v, "        ") + "\n        print(u, r)\n"
		}
		module := func(v string) string {
			return sc.imp + "\n" + sc.prelude + "\nr = " + call(v, "") + "\n"
		}
		lifespan := "from contextlib import asynccontextmanager\n\nfrom fastapi import FastAPI, Request\n" + sc.imp + "\n" + sc.prelude +
			"\n\n\n@asynccontextmanager\nasync def lifespan(app: FastAPI):\n    app.state.r = " + call(on, "    ") + "\n    yield\n\n\napp = FastAPI(lifespan=lifespan)\n\n\n" +
			"@app.get(\"/items\")\nasync def items(request: Request):\n    return {\"r\": str(request.app.state.r)}\n"
		gens = append(gens,
			gen{"view", view(on), true},
			gen{"loop", loop(on), true},
			gen{"view-keepalive", view(off), false},
			gen{"loop-keepalive", loop(off), false},
			gen{"module-keepalive", module(off), false},
			gen{"module", module(on), anywhere})
		if !anywhere {
			gens = append(gens, gen{"lifespan", lifespan, false})
		}
		for _, g := range gens {
			n++
			src := g.src
			want := 0
			if g.want {
				want = markedLine(src, "# SETTING")
			}
			caseName := fmt.Sprintf("%s/%s/%s", sc.row, sc.form, g.name)
			findings, got := checkCase(t, filepath.Join(dir, fmt.Sprint(n)), caseName, src)
			var lines []int
			for _, f := range findings {
				if f.RuleID == sc.row.Rule {
					lines = append(lines, f.Pos.Line)
				}
			}
			ok := len(lines) == 0
			if want != 0 {
				pos++
				ok = len(lines) == 1 && lines[0] == want
			} else {
				neg++
			}
			if !ok {
				t.Errorf("%s (%s:%d): want %s on line %d (0: none), got:\n\t%s\n%s", caseName, sc.row.Source, sc.row.Line, sc.row.Rule, want, strings.Join(got, "\n\t"), src)
			}
		}
	}
	t.Logf("%d setting cases, %d positive and %d silent generated sources", len(cases), pos, neg)
}

// markedLine is the 1-based line of src that ends in mark, 0 if none.
func markedLine(src, mark string) int {
	want := 0
	for i, l := range strings.Split(src, "\n") {
		if strings.HasSuffix(l, mark) {
			want = i + 1
		}
	}
	return want
}

// checkCase writes src as app.py in the new directory sub (one directory
// per case: the cross-file phase sees only it), runs the Python pass,
// reports file errors under name, and returns the findings and each one
// rendered for failure messages.
func checkCase(t *testing.T, sub, name, src string) ([]Finding, []string) {
	t.Helper()
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(sub, "app.py")
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	findings, errs := Check(context.Background(), []string{file}, Options{})
	if len(errs) != 0 {
		t.Errorf("%s: errors %v", name, errs)
	}
	var got []string
	for _, f := range findings {
		got = append(got, fmt.Sprintf("%d: %s: %s", f.Pos.Line, f.RuleID, f.Message))
	}
	return findings, got
}
