package pylint

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/python"

	"github.com/snatlint/snatlint/analyzers/catalog"
	"github.com/snatlint/snatlint/analyzers/config"
	"github.com/snatlint/snatlint/analyzers/policy"
)

// flattenCopy is the node copy phase 1 walks (nodeBuf), copied into Go
// memory for a test.
func flattenCopy(tree *sitter.Tree, srcLen int) []fnode {
	var b nodeBuf
	defer b.free()
	return slices.Clone(b.flatten(tree, srcLen))
}

// TestFlattenMatchesNodeAPI guards cTree's view of go-tree-sitter's Tree
// layout and the per-symbol facts flatten reads from symBits instead of
// the node (named or not): the flat copy of every fixture must agree with
// the Node API.
func TestFlattenMatchesNodeAPI(t *testing.T) {
	files, _ := Discover(context.Background(), []string{fixtureRoot()}, Options{Tests: true})
	if len(files) < 20 {
		t.Fatalf("found %d fixture files, want many", len(files))
	}
	p := sitter.NewParser()
	defer p.Close()
	p.SetLanguage(python.GetLanguage())
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		tree, err := p.ParseCtx(context.Background(), nil, src)
		if err != nil {
			t.Fatal(err)
		}
		nodes := flattenCopy(tree, len(src))
		// named nodes outside strings, with the Node API
		var want []string
		stack := []*sitter.Node{tree.RootNode()}
		for len(stack) > 0 {
			n := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if !n.IsNamed() && n.Type() != "async" && !n.IsMissing() {
				continue
			}
			want = append(want, fmt.Sprintf("%s@%d:%d", n.Type(), n.StartPoint().Row, n.StartPoint().Column))
			if n.Type() == "string" || n.Type() == "concatenated_string" {
				continue
			}
			for i := int(n.ChildCount()) - 1; i >= 0; i-- {
				stack = append(stack, n.Child(i))
			}
		}
		tree.Close()
		w := &walker{src: src, nodes: nodes}
		var got []string
		for i := range nodes {
			got = append(got, fmt.Sprintf("%s@%d:%d", w.typ(int32(i)), nodes[i].sr, nodes[i].sc))
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: flatten: %d nodes, Node API: %d; first: %v vs %v", f, len(got), len(want), got[:min(3, len(got))], want[:min(3, len(want))])
		}
	}
}

// allBits is a symBits that keeps every node, anonymous ones and string
// contents included, so that comparisons see the whole tree.
var allBits = func() []uint8 {
	k := make([]uint8, len(symBits))
	for i, b := range symBits {
		k[i] = b&8 | 1
	}
	return k
}()

// flattenSources are trees with the shapes the subtree copy must get
// right: aliases, hidden and extra nodes, fields through hidden parents,
// errors and missing nodes, multi-byte and multi-line positions.
var flattenSources = []string{
	"",
	"# only a comment\n",
	"import os, sys as system\nfrom a.b import (c as d, e)\n",
	"@app.route('/x', methods=['GET'])\nasync def f(request, *a, k=1, **kw) -> int:\n    async with s.get(u) as r:\n        return await r.json()\n",
	"class A(B, metaclass=M):\n    x: int = 1\n    def g(self):\n        print >> sys.stderr, 'x'\n        exec 'code'\n",
	"match cmd:\n    case [Point(x=0, y=0), *rest] if rest:\n        pass\n    case {'k': v, **kw}:\n        pass\n",
	"type Alias[T] = list[T]\nx = [i for i in range(3) if i]\ny = {k: v for k, v in d.items()}\nz = lambda a, /, b: (a, b)\n",
	"s = f'{a!r:>{w}} {b}' 'tail' \"\"\"doc\n\"\"\"\nt = rb'\\x00'\n",
	"def f(:\n    return (1,\n",
	"x = requests.Session(\n",
	"if a:\n\tb = 1\r\nelse:\r\n\tc = 2\r\n",
	"é = 'ü'; 名前 = client.get('ß')  # noqa: SNAT001\n",
	"x = " + strings.Repeat("(", 300) + "1" + strings.Repeat(")", 300) + "\n",
	"for i in x:\n    with open(p) as f, lock:\n        try:\n            pass\n        except (A, B) as e:\n            raise C from e\n        finally:\n            del i\n",
	"global g\nnonlocal n\nassert x, 'm'\nx: list[int]\na = b = c\na += 1\nprint(*args, sep='')\n",
	"\x00\xff\xfe garbage )))) ::\n",
	strings.Repeat("x = 1\n", 3000),
}

// TestFlattenSubtreesMatchCursor: the copy read from tree-sitter's
// subtrees equals the public cursor's, every field of every node, on the
// fixtures and flattenSources, with the walker's node selection and with
// every node kept.
func TestFlattenSubtreesMatchCursor(t *testing.T) {
	if !subtreesOK() && (runtime.GOARCH == "amd64" || runtime.GOARCH == "arm64") {
		t.Fatal("the subtree layout check failed: go-tree-sitter's C structs changed (see flat.go)")
	}
	srcs := slices.Clone(flattenSources)
	files, _ := Discover(context.Background(), []string{fixtureRoot()}, Options{Tests: true})
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, string(src))
	}
	p, sub, cur := flattenPair(t)
	for i, src := range srcs {
		compareFlatten(t, p, sub, cur, []byte(src), fmt.Sprintf("source %d", i))
	}
}

// flattenPair is a parser and the node buffers of both copies, freed at
// the end of the test.
func flattenPair(tb testing.TB) (*sitter.Parser, *nodeBuf, *nodeBuf) {
	p := sitter.NewParser()
	p.SetLanguage(python.GetLanguage())
	sub, cur := &nodeBuf{}, &nodeBuf{}
	tb.Cleanup(func() {
		p.Close()
		sub.free()
		cur.free()
	})
	return p, sub, cur
}

func compareFlatten(t *testing.T, p *sitter.Parser, sub, cur *nodeBuf, src []byte, name string) {
	t.Helper()
	tree, err := p.ParseCtx(context.Background(), nil, src)
	if err != nil {
		t.Fatal(err)
	}
	defer tree.Close()
	for _, bits := range [][]uint8{symBits, allBits} {
		want := cur.copyNodes(tree, len(src), false, bits)
		got := sub.copyNodes(tree, len(src), subtreesOK(), bits)
		if len(got) != len(want) {
			t.Fatalf("%s: subtrees copied %d nodes, cursor %d", name, len(got), len(want))
		}
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("%s: node %d (%s): subtrees %+v, cursor %+v", name, i, symNames[want[i].sym], got[i], want[i])
			}
		}
		checkEachNode(t, got, name)
	}
}

// checkEachNode compares eachNode's scan of the pre-order copy with a walk
// down the child links, from the root and from up to 64 other nodes,
// skipping the children of some nodes.
func checkEachNode(t *testing.T, nodes []fnode, name string) {
	t.Helper()
	w := &walker{nodes: nodes}
	skip := func(n int32) bool { return nodes[n].sym%3 == 0 }
	var links func(n int32, out []int32) []int32
	links = func(n int32, out []int32) []int32 {
		out = append(out, n)
		if skip(n) {
			return out
		}
		for c := nodes[n].first; c >= 0; c = nodes[c].next {
			out = links(c, out)
		}
		return out
	}
	step := max(1, len(nodes)/64)
	for n := 0; n < len(nodes); n += step {
		want := links(int32(n), nil)
		var got []int32
		w.eachNode(int32(n), func(x int32) bool {
			got = append(got, x)
			return !skip(x)
		})
		if !slices.Equal(got, want) {
			t.Fatalf("%s: eachNode(%d) visited %v, the child links give %v", name, n, got, want)
		}
	}
}

// FuzzFlatten: both node copies agree on any input.
func FuzzFlatten(f *testing.F) {
	for _, s := range flattenSources {
		f.Add([]byte(s))
	}
	p, sub, cur := flattenPair(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		compareFlatten(t, p, sub, cur, src, "input")
	})
}

func TestMessages(t *testing.T) {
	ctx := context.Background()
	files, _ := Discover(ctx, []string{fixtureRoot()}, Options{})
	findings, _ := Check(ctx, files, Options{})
	tests := []struct {
		file    string
		line    int
		want    []string
		related string // "file:line" of the first related location
	}{
		{"django_views.py", 30, []string{"new HTTP client requests.Session created in Django view plain_view: ", "AppConfig.ready()"}, ""},
		{"celery_tasks.py", 13, []string{"in Celery task sync_blobs", "custom Task base"}, ""},
		{"fastapi_app.py", 25, []string{"in FastAPI route items", "lifespan", "app.state"}, ""},
		{"flask_app.py", 15, []string{"requests.get sent in Flask route index: a new connection per call; use a shared session: ", "init_app"}, ""},
		{"loops.py", 22, []string{"in loop body of batch", "before the loop"}, ""},
		{"middleware.py", 26, []string{"in Django middleware TimingMiddleware.__call__", "__init__"}, ""},
		{"interproc/app/views.py", 20, []string{"new Azure SDK client ComputeManagementClient created by both in request handler v3: "}, "interproc/app/services.py:18"},
		{"interproc/app/views.py", 12, []string{"new HTTP client httpx.Client created by make_client in "}, "interproc/app/services.py:10"},
		{"azfunc_v1/HttpTrigger/__init__.py", 8, []string{"in Azure Functions entry main"}, ""},
		{"fastapi_split/endpoints.py", 10, []string{"in FastAPI route split", "lifespan"}, ""},
		{"instances/tasks.py", 23, []string{"requests.request sent by NotificationManager.send in Celery task notify: "}, "instances/services.py:11"},
		{"instances/tasks.py", 46, []string{"httpx.get sent by PriceService.fetch in "}, "instances/services.py:22"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join(fixtureRoot(), tt.file)
			var f *Finding
			for i := range findings {
				if findings[i].Pos.File == absClean(path) && findings[i].Pos.Line == tt.line {
					f = &findings[i]
				}
			}
			if f == nil {
				t.Fatalf("no finding at %s:%d", path, tt.line)
			}
			for _, w := range tt.want {
				if !strings.Contains(f.Message, w) {
					t.Errorf("message %q does not contain %q", f.Message, w)
				}
			}
			if strings.HasSuffix(f.Message, ".") || strings.ContainsAny(f.Message, "`*") || f.Message[0] < 'a' || f.Message[0] > 'z' {
				t.Errorf("message %q: want lowercase start, no trailing period, no Markdown", f.Message)
			}
			if f.Level != catalog.LevelError {
				t.Errorf("level = %s, want error", f.Level)
			}
			if tt.related != "" {
				file, line, _ := strings.Cut(tt.related, ":")
				if len(f.Related) == 0 {
					t.Fatalf("no related location, want %s", tt.related)
				}
				r := f.Related[0]
				if r.Pos.File != absClean(filepath.Join(fixtureRoot(), file)) || line != fmt.Sprint(r.Pos.Line) {
					t.Errorf("related = %s:%d, want %s", r.Pos.File, r.Pos.Line, tt.related)
				}
			}
		})
	}
}

// TestMessagesBounded: every fixture finding says what, where, why and
// the fix in one sentence of at most policy.MaxMessage bytes; the SNAT
// numbers and the pre-fork note are said once, in the text output's
// footer, and chains use catalog.ChainArrow.
func TestMessagesBounded(t *testing.T) {
	ctx := context.Background()
	files, _ := Discover(ctx, []string{fixtureRoot()}, Options{})
	findings, _ := Check(ctx, files, Options{})
	for _, f := range findings {
		msgs := []string{f.Message}
		for _, r := range f.Related {
			msgs = append(msgs, r.Message)
		}
		for i, r := range f.Related {
			if slices.Contains(f.Related[:i], r) {
				t.Errorf("%s:%d: related location %s:%d %q listed twice", f.Pos.File, f.Pos.Line, r.Pos.File, r.Pos.Line, r.Message)
			}
		}
		for _, m := range msgs {
			if n := utf8.RuneCountInString(m); n > policy.MaxMessage {
				t.Errorf("%s:%d: message of %d characters, want at most %d: %s", f.Pos.File, f.Pos.Line, n, policy.MaxMessage, m)
			}
			for _, detail := range []string{"128", "4 minutes", "gunicorn", " -> "} {
				if strings.Contains(m, detail) {
					t.Errorf("%s:%d: message %q holds %q, which belongs in the footer or the rule's page", f.Pos.File, f.Pos.Line, m, detail)
				}
			}
		}
	}
}

func TestDiscover(t *testing.T) {
	root := fixtureRoot()
	tests := []struct {
		name    string
		opts    Options
		want    []string // relative to root, must be found
		notWant []string // must not be found
	}{
		{"default skips tests and vendored code", Options{},
			[]string{"pkg/handlers.py", "loops.py", "interproc/app/views.py"},
			[]string{"tests/test_views.py", "pkg/test_handlers.py", "pkg/handlers_test.py", "pkg/conftest.py", "venv/lib/mod.py", "node_modules/x/mod.py", "site-packages/mod.py"}},
		{"tests flag", Options{Tests: true},
			[]string{"tests/test_views.py", "pkg/test_handlers.py", "pkg/handlers_test.py", "pkg/conftest.py"},
			[]string{"venv/lib/mod.py", "node_modules/x/mod.py"}},
		{"config tests", Options{Config: &config.File{Tests: true}},
			[]string{"tests/test_views.py"}, nil},
		{"exclude globs", Options{Config: &config.File{Path: filepath.Join(root, ".snatlint.yaml"), Exclude: []string{"interproc/**", "*_app.py"}}},
			[]string{"loops.py"}, []string{"interproc/app/views.py", "flask_app.py", "fastapi_app.py"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files, errs := Discover(context.Background(), []string{root}, tt.opts)
			if len(errs) != 0 {
				t.Fatalf("errors: %v", errs)
			}
			for _, w := range tt.want {
				if !slices.Contains(files, filepath.Join(root, w)) {
					t.Errorf("Discover did not find %s", w)
				}
			}
			for _, w := range tt.notWant {
				if slices.Contains(files, filepath.Join(root, w)) {
					t.Errorf("Discover found %s, want it skipped", w)
				}
			}
		})
	}
	// explicit file arguments are always taken
	explicit := filepath.Join(root, "tests", "test_views.py")
	files, _ := Discover(context.Background(), []string{explicit}, Options{})
	if !slices.Equal(files, []string{explicit}) {
		t.Errorf("Discover(%s) = %v, want the file", explicit, files)
	}
}

// TestBadInput: every bad file gets a clear error naming the file and the
// reason, no panic, and the good file is still checked.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.py", []byte("import requests\n\ndef v(request):\n    return requests.get('u')\n"))
	// 10 MB: parsed (the limit is 32 MB), with one finding at the end
	big := []byte(strings.Repeat("x = [1, 2, 3]  # filler line for a large file\n", 10<<20/46) +
		"import requests\n\ndef v(request):\n    return requests.get('u')\n")
	loopA, loopB := filepath.Join(dir, "loopa.py"), filepath.Join(dir, "loopb.py")
	if err := os.Symlink(loopB, loopA); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(loopA, loopB); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		path      string
		fatal     bool
		reason    string
		wantFinds int // findings in this file
	}{
		{"binary", write("bin.py", []byte("import os\x00\x01\x02")), true, "binary file", 0},
		{"non-UTF-8", write("latin.py", []byte("# caf\xe9\nimport requests\ndef v(request):\n    requests.get(1)\n")), false, "not valid UTF-8", 1},
		{"nested brackets", write("deep.py", []byte("x = "+strings.Repeat("[", 10000)+strings.Repeat("]", 10000)+"\n")), true, "nesting deeper", 0},
		{"syntax error", write("syntax.py", []byte("import requests\ndef v(request):\n    return requests.get('u')\ndef broken(:\n    pass\n")), true, "syntax error", 1},
		{"10 MB file", write("big.py", big), false, "", 1},
		{"symlink loop", loopA, true, "too many levels of symbolic links", 0},
		{"missing file", filepath.Join(dir, "missing.py"), true, "no such file", 0},
		{"directory", dir, true, "not a regular file (a directory)", 0},
	}
	if os.Geteuid() != 0 {
		p := write("unreadable.py", []byte("x = 1\n"))
		if err := os.Chmod(p, 0); err != nil {
			t.Fatal(err)
		}
		tests = append(tests, struct {
			name      string
			path      string
			fatal     bool
			reason    string
			wantFinds int
		}{"unreadable", p, true, "permission denied", 0})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			findings, errs := Check(context.Background(), []string{good, tt.path}, Options{})
			var goodFinds, finds int
			for _, f := range findings {
				switch f.Pos.File {
				case absClean(good):
					goodFinds++
				case absClean(tt.path):
					finds++
				}
			}
			if goodFinds != 1 {
				t.Errorf("good file: %d findings, want 1", goodFinds)
			}
			if finds != tt.wantFinds {
				t.Errorf("%d findings, want %d", finds, tt.wantFinds)
			}
			if tt.reason == "" {
				if len(errs) != 0 {
					t.Errorf("errors %v, want none", errs)
				}
				return
			}
			if len(errs) == 0 {
				t.Fatalf("no error, want %q", tt.reason)
			}
			e := errs[0]
			if e.File != tt.path || e.Fatal != tt.fatal || !strings.Contains(e.Err.Error(), tt.reason) {
				t.Errorf("error = {%s %q fatal=%v}, want {%s %q fatal=%v}", e.File, e.Err, e.Fatal, tt.path, tt.reason, tt.fatal)
			}
		})
	}
}

func TestDirectives(t *testing.T) {
	tests := []struct {
		comment  string
		all      bool
		rules    []string
		wantErr  string
		wantOkay bool
	}{
		{"# noqa", true, nil, "", true},
		{"# NOQA", true, nil, "", true},
		{"# noqa: SNAT005", false, []string{"SNAT005"}, "", true},
		{"# noqa:SNAT002,SNAT005", false, []string{"SNAT002", "SNAT005"}, "", true},
		{"# noqa: SNAT002, SNAT005", false, []string{"SNAT002", "SNAT005"}, "", true},
		{"# noqa: snat005", false, []string{"SNAT005"}, "", true},
		{"# noqa: SNAT005 called once at start-up", false, []string{"SNAT005"}, "", true},
		{"# noqa: E501, SNAT005", false, []string{"SNAT005"}, "", true},
		{"# noqa: SNAT999", false, nil, `unknown rule "SNAT999"`, false},
		// Foreign directives are not ours (design.md): no SNAT code, no word.
		{"# noqa: E501", false, nil, "", false},
		{"# noqa: round up", false, nil, "", false},
		{"# noqa:", false, nil, "", false},
		{"# noqa: E501  # want SNAT005", false, nil, "", false},
		{"# snatlint: ignore[SNAT005] token is fetched once per deploy", false, []string{"SNAT005"}, "", true},
		{"# snatlint: ignore[SNAT002, SNAT005] admin script", false, []string{"SNAT002", "SNAT005"}, "", true},
		{"# snatlint: ignore[SNAT005] reason  # another comment", false, []string{"SNAT005"}, "", true},
		// A reason is required, as for //snatlint:ignore in Go.
		{"# snatlint: ignore[SNAT005]", false, nil, "needs a reason", false},
		{"# snatlint: ignore[SNAT005]  # want SNAT005", false, nil, "needs a reason", false},
		{"# snatlint: ignore some reason", false, nil, "without a rule list", false},
		{"# snatlint: ignore[]", false, nil, "empty rule list", false},
		{"# snatlint: ignore", false, nil, "without a rule list", false},
		{"# snatlint: ignore[SNAT999] why", false, nil, `unknown rule "SNAT999"`, false},
		{"# snatlint: ignore[SNAT005", false, nil, "unclosed", false},
		{"# snatlint: ignore[SNAT-5] why", false, nil, "malformed rule ID", false},
		{"# snatlint: skip[SNAT005]", false, nil, "unknown snatlint directive", false},
		{"# a comment about snatlint", false, nil, "", false},
		{"# see the snatlint docs: rules", false, nil, "", false},
		{"#NoQa:SNAT005", false, []string{"SNAT005"}, "", true},
		{"# plain comment", false, nil, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.comment, func(t *testing.T) {
			ds, errs := parseDirectives(tt.comment)
			// the walk only parses comments mayHoldDirective lets through
			if !mayHoldDirective([]byte(tt.comment)) && (len(ds) > 0 || len(errs) > 0) {
				t.Errorf("mayHoldDirective(%q) = false, but it holds a directive", tt.comment)
			}
			if ok := len(ds) > 0; ok != tt.wantOkay {
				t.Fatalf("parseDirectives(%q) = %+v, want a directive: %v", tt.comment, ds, tt.wantOkay)
			}
			var all bool
			var rules []string
			for _, d := range ds {
				all = all || d.All
				rules = append(rules, d.Rules...)
			}
			if all != tt.all || !slices.Equal(rules, tt.rules) {
				t.Errorf("parseDirectives(%q): all %v rules %v, want all %v rules %v", tt.comment, all, rules, tt.all, tt.rules)
			}
			errMsg := strings.Join(errs, "; ")
			if (tt.wantErr == "") != (errMsg == "") || !strings.Contains(errMsg, tt.wantErr) {
				t.Errorf("parseDirectives(%q) error = %q, want %q", tt.comment, errMsg, tt.wantErr)
			}
		})
	}
	// and it spares the walk the comments that name neither
	for _, c := range []string{"# plain comment", "# TODO: share the session", "# no-qa, no linter here"} {
		if mayHoldDirective([]byte(c)) {
			t.Errorf("mayHoldDirective(%q) = true for a comment without noqa or snatlint", c)
		}
	}
}

// TestForeignNoqa: a # noqa that names no SNAT code belongs to other
// linters (issue 8, item 16): the file is checked without a warning, and
// the finding on that line is still reported.
func TestForeignNoqa(t *testing.T) {
	dir := t.TempDir()
	src := `import requests


def view(request):
    total = round(request.x)  # noqa: round up
    requests.get("https://example.com")  # noqa: E501
    return total
`
	p := filepath.Join(dir, "views.py")
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	findings, errs := Check(context.Background(), []string{p}, Options{})
	if len(errs) != 0 {
		t.Errorf("errors = %v, want none: foreign noqa comments are not ours", errs)
	}
	if len(findings) != 1 || findings[0].Pos.Line != 6 || findings[0].RuleID != "SNAT005" {
		t.Errorf("findings = %+v, want SNAT005 on line 6", findings)
	}
}

// TestUnusedDirectives: a directive naming only snatlint rules that
// silences nothing is reported, as in Go; a bare # noqa is not (other
// linters may use it), nor one naming a disabled rule.
func TestUnusedDirectives(t *testing.T) {
	dir := t.TempDir()
	src := `import requests


def view(request):
    requests.get("https://a.example")  # snatlint: ignore[SNAT005] admin endpoint, called rarely
    requests.get("https://b.example")  # noqa: SNAT002
    x = 1  # snatlint: ignore[SNAT001] stale
    y = 2  # noqa
    z = 3  # noqa: SNAT003
    return x + y + z
`
	p := filepath.Join(dir, "views.py")
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := &config.File{Rules: map[string]config.RuleSetting{"SNAT003": {Disabled: true}}}
	findings, errs := Check(context.Background(), []string{p}, Options{Config: cfg})
	if len(findings) != 1 || findings[0].Pos.Line != 6 {
		t.Errorf("findings = %+v, want SNAT005 on line 6 only", findings)
	}
	var got []string
	for _, e := range errs {
		if e.Fatal {
			t.Errorf("unused directive %v is fatal, want a warning", e)
		}
		got = append(got, fmt.Sprintf("%d: %v", e.Line, e.Err))
	}
	want := []string{
		"6: line 6: this # noqa directive matched no SNAT002 finding; remove it",
		"7: line 7: this # snatlint: ignore directive matched no SNAT001 finding; remove it",
	}
	if !slices.Equal(got, want) {
		t.Errorf("errors =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestCatalogMatch(t *testing.T) {
	m := catalog.NewPyMatcher([]*catalog.Row{{Lang: catalog.Python, Package: "mycorp.http", Name: "make_session", Rule: "SNAT002"}})
	tests := []struct {
		q    string
		rule string
	}{
		{"requests.Session", "SNAT002"},
		{"requests.session", "SNAT002"},
		{"requests.get", "SNAT005"},
		{"requests.api.post", "SNAT005"},
		{"httpx.stream", "SNAT005"},
		{"httpx.AsyncClient", "SNAT002"},
		{"aiohttp.TCPConnector", "SNAT001"},
		{"urllib3.PoolManager", "SNAT001"},
		{"urllib3.request", ""},
		{"requests.adapters.HTTPAdapter", "SNAT001"},
		{"urllib.request.urlopen", "SNAT005"},
		{"http.client.HTTPSConnection", "SNAT002"},
		{"azure.mgmt.compute.ComputeManagementClient", "SNAT003"},
		{"azure.mgmt.resource.subscriptions.SubscriptionClient", "SNAT003"},
		{"azure.mgmt.compute.aio.ComputeManagementClient", "SNAT003"},
		{"azure.mgmt.compute.models.VirtualMachine", ""},
		{"azure.storage.blob.BlobServiceClient.from_connection_string", "SNAT003"},
		{"azure.storage.blob.BlobClient.from_blob_url", "SNAT003"},
		{"azure.storage.blob.aio.ContainerClient", "SNAT003"},
		{"azure.identity.DefaultAzureCredential", "SNAT004"},
		{"azure.identity.aio.ManagedIdentityCredential", "SNAT004"},
		{"azure.identity.OnBehalfOfCredential", ""},
		{"azure.core.credentials.AzureKeyCredential", ""},
		{"azure.functions.HttpRequest", ""},
		{"mycorp.http.make_session", "SNAT002"},
		{"mycorp.http.other", ""},
		{"file:/x/y#Session", ""},
	}
	for _, tt := range tests {
		got, ok := m.Match(tt.q)
		if got.Rule != tt.rule || ok != (tt.rule != "") {
			t.Errorf("Match(%q) = %q, %v, want %q", tt.q, got.Rule, ok, tt.rule)
		}
	}
}

func TestConfig(t *testing.T) {
	dir := t.TempDir()
	src := `import mycorp.http
from mycorp.web import per_request


@per_request
def handler(x):
    return mycorp.http.make_session()


def loop(items):
    for i in items:
        mycorp.http.make_session()
`
	p := filepath.Join(dir, "app.py")
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		cfg  *config.File
		want []int // lines
	}{
		{"default", nil, nil},
		{"constructor", &config.File{Python: config.Python{Constructors: []config.Constructor{{Name: "mycorp.http.make_session", Rule: "SNAT002"}}}}, []int{12}},
		{"constructor and decorator", &config.File{Python: config.Python{
			Constructors: []config.Constructor{{Name: "mycorp.http.make_session", Rule: "SNAT002"}},
			Decorators:   []string{"per_request"}}}, []int{7, 12}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			findings, _ := Check(context.Background(), []string{p}, Options{Config: tt.cfg})
			var got []int
			for _, f := range findings {
				got = append(got, f.Pos.Line)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("lines = %v, want %v", got, tt.want)
			}
		})
	}
}

// FuzzCheck: arbitrary source never panics the scanner or the analysis.
func FuzzCheck(f *testing.F) {
	files, _ := Discover(context.Background(), []string{fixtureRoot()}, Options{})
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err == nil {
			f.Add(src)
		}
	}
	f.Add([]byte("x = " + strings.Repeat("(", 3000)))
	f.Add([]byte("from ... import (a as b, c\n"))
	f.Add([]byte("@app.route(\ndef f(request): requests.get(  # noqa: SNAT"))
	p := sitter.NewParser()
	defer p.Close()
	p.SetLanguage(python.GetLanguage())
	f.Fuzz(func(t *testing.T, src []byte) {
		fs, _ := summarizeSource(context.Background(), &worker{p: p}, "/fuzz/pkg/mod.py", src)
		if fs == nil {
			return
		}
		proj := newProject([]*fileSum{fs}, catalog.NewPyMatcher(nil), []string{"x.y"})
		for _, fd := range proj.findings() {
			if fd.Pos.Line < 1 || fd.Pos.Column < 1 || fd.Pos.Offset > len(src) || fd.End.Offset > len(src) {
				t.Fatalf("finding out of range: %+v", fd)
			}
		}
	})
}

// TestManifestReaders: every manifest a framework declares has a reader.
func TestManifestReaders(t *testing.T) {
	for _, fw := range allFrameworks {
		for _, m := range fw.Manifests {
			if manifestReaders[m] == nil {
				t.Errorf("framework %s declares manifest %s, which has no reader", fw.Name, m)
			}
		}
	}
}
