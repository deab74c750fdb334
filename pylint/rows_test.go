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
	ctx := context.Background()
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
				want := 0
				for i, l := range strings.Split(src, "\n") {
					if strings.HasSuffix(l, "# HERE") {
						want = i + 1
					}
				}
				caseName := fmt.Sprintf("%s.%s/%s/%s", rc.module, rc.name, fm.name, tpl.name)
				// one directory per case: the cross-file phase sees only it
				sub := filepath.Join(dir, fmt.Sprint(n))
				if err := os.Mkdir(sub, 0o755); err != nil {
					t.Fatal(err)
				}
				file := filepath.Join(sub, "app.py")
				if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
					t.Fatal(err)
				}
				findings, errs := Check(ctx, []string{file}, Options{})
				if len(errs) != 0 {
					t.Errorf("%s: errors %v", caseName, errs)
				}
				var got []string
				for _, f := range findings {
					got = append(got, fmt.Sprintf("%d: %s: %s", f.Pos.Line, f.RuleID, f.Message))
				}
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
