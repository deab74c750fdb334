package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/snatlint/snatlint/analyzers"
	"github.com/snatlint/snatlint/analyzers/config"
	"golang.org/x/tools/go/analysis"
)

// runWithin is runIn with a deadline: a run that blocks fails the test
// instead of hanging it.
func runWithin(t *testing.T, d time.Duration, dir string, args ...string) result {
	t.Helper()
	done := make(chan result, 1)
	go func() { done <- runIn(t, dir, args...) }()
	select {
	case r := <-done:
		return r
	case <-time.After(d):
		t.Fatalf("snatlint %s blocked for %v", strings.Join(args, " "), d)
		return result{}
	}
}

const pyViewSrc = "import requests\n\ndef v(request):\n    return requests.get('u')\n"

// TestSpecialFiles: FIFOs, devices and links to them are never opened:
// they are reported as not checked (exit 2) and the other files are still
// checked (issue 8 items 1 and 2).
func TestSpecialFiles(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("FIFOs and /dev/zero are unix")
	}
	tests := []struct {
		name    string
		setup   func(t *testing.T, dir string)
		wantErr string
		wantOut string
	}{
		{"fifo source", func(t *testing.T, dir string) { mkfifo(t, filepath.Join(dir, "x.py")) },
			"x.py: not checked: not a regular file (a named pipe)", "views.py:4:12"},
		{"source linked to /dev/zero", func(t *testing.T, dir string) { symlink(t, "/dev/zero", filepath.Join(dir, "z.py")) },
			"z.py: not checked: not a regular file (a character device)", "views.py:4:12"},
		{"fifo config", func(t *testing.T, dir string) { mkfifo(t, filepath.Join(dir, ".snatlint.yaml")) },
			".snatlint.yaml: not a regular file (a named pipe)", ""},
		{"config linked to /dev/zero", func(t *testing.T, dir string) { symlink(t, "/dev/zero", filepath.Join(dir, ".snatlint.yaml")) },
			".snatlint.yaml: not a regular file (a character device)", ""},
		{"dangling config link", func(t *testing.T, dir string) {
			symlink(t, filepath.Join(dir, "gone.yaml"), filepath.Join(dir, ".snatlint.yaml"))
		},
			".snatlint.yaml: a symbolic link to a missing file", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeTree(t, map[string]string{"views.py": pyViewSrc})
			tt.setup(t, dir)
			r := runWithin(t, 20*time.Second, dir)
			if r.code != 2 {
				t.Errorf("exit status = %d, want 2\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
			}
			if !strings.Contains(r.stderr, tt.wantErr) {
				t.Errorf("stderr = %q, want it to contain %q", r.stderr, tt.wantErr)
			}
			if !strings.Contains(r.stdout, tt.wantOut) {
				t.Errorf("stdout = %q, want it to contain %q (the other files are still checked)", r.stdout, tt.wantOut)
			}
		})
	}
}

func mkfifo(t *testing.T, path string) {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Fatal(err)
	}
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}

// TestCouldNotCheck: everything design.md counts as "could not check"
// exits 2, also next to findings (issue 8 item 11).
func TestCouldNotCheck(t *testing.T) {
	tagged := "//go:build foo\n\npackage p\n"
	tests := []struct {
		name    string
		files   map[string]string
		setup   func(t *testing.T, dir string)
		args    []string
		wantErr string
	}{
		{name: "python file over the size limit",
			files:   map[string]string{"views.py": pyViewSrc},
			setup:   func(t *testing.T, dir string) { sparse(t, filepath.Join(dir, "big.py"), 33<<20) },
			wantErr: "big.py: not checked: file too large: over the 32 MB limit"},
		{name: "missing go file argument",
			files: map[string]string{"go.mod": goMod, "p/p.go": "package p\n"},
			args:  []string{"./p/nope.go"}, wantErr: "nope.go: not checked: no such file"},
		{name: "missing python file argument",
			files: map[string]string{"views.py": pyViewSrc},
			args:  []string{"views.py", "nope.py"}, wantErr: "nope.py: not checked: no such file"},
		{name: "go file excluded by build tags",
			files: map[string]string{"go.mod": goMod, "p/p.go": "package p\n", "p/tagged.go": tagged},
			args:  []string{"./p/tagged.go"}, wantErr: "tagged.go: not checked: excluded by build constraints"},
		{name: "import path pattern that matches nothing",
			files: map[string]string{"go.mod": goMod, "p/p.go": "package p\n"},
			args:  []string{"example.com/t/zz..."}, wantErr: "example.com/t/zz...: no Go packages or Python files found"},
		{name: "empty directory",
			files:   map[string]string{"README": "x"},
			wantErr: "no Go packages or Python files found"},
		{name: "python syntax error",
			files:   map[string]string{"views.py": "def f(:\n    pass\n"},
			wantErr: "views.py:1: line 1, column 7: syntax error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeTree(t, tt.files)
			if tt.setup != nil {
				tt.setup(t, dir)
			}
			r := runWithin(t, 2*time.Minute, dir, tt.args...)
			if r.code != 2 {
				t.Errorf("exit status = %d, want 2\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
			}
			if !strings.Contains(r.stderr, tt.wantErr) {
				t.Errorf("stderr = %q, want it to contain %q", r.stderr, tt.wantErr)
			}
			r = runWithin(t, 2*time.Minute, dir, append([]string{"-format", "sarif"}, tt.args...)...)
			if !strings.Contains(r.stdout, `"executionSuccessful": false`) {
				t.Errorf("SARIF invocation does not say executionSuccessful: false:\n%s", r.stdout)
			}
		})
	}
}

// TestPythonErrorLine: a Python problem that names a line carries it in
// JSON errors[].line (issue 8 item 14).
func TestPythonErrorLine(t *testing.T) {
	dir := writeTree(t, map[string]string{"views.py": "x = 1\n\ndef f(:\n    pass\n"})
	r := runIn(t, dir, "-format", "json")
	var out struct {
		Errors []struct {
			File string `json:"file"`
			Line int    `json:"line"`
		} `json:"errors"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("JSON output: %v\n%s", err, r.stdout)
	}
	if len(out.Errors) != 1 || out.Errors[0].File != "views.py" || out.Errors[0].Line != 3 {
		t.Errorf("errors = %+v, want one at views.py line 3", out.Errors)
	}
}

// sparse creates a file of the given size without writing its bytes.
func sparse(t *testing.T, path string, size int64) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.Truncate(size); err != nil {
		t.Fatal(err)
	}
}

// TestNonPyFileArguments: what pre-commit's types: [python] passes —
// extension-less scripts with a python shebang are checked as Python,
// .pyi stubs are skipped without an error, and the configuration is found
// from the file's directory (issue 8 item 12).
func TestNonPyFileArguments(t *testing.T) {
	script := "#!/usr/bin/env python3\n" + pyViewSrc
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantOut  []string
		wantErr  string
	}{
		{"shebang script first", []string{"-lang", "python", "bin/manage", "app.py"}, 1,
			[]string{"bin/manage:5:12", "app.py:4:12"}, ""},
		{"shebang script not first", []string{"-lang", "python", "app.py", "bin/manage"}, 1,
			[]string{"bin/manage:5:12", "app.py:4:12"}, ""},
		{"stub skipped", []string{"-lang", "python", "app.pyi", "clean.py"}, 0, nil, ""},
		{"not python", []string{"-lang", "python", "README"}, 2, nil, "README: not checked: neither a Go file"},
		{"config from the file's directory", []string{"-lang", "python", "sub/bin/tool"}, 0, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeTree(t, map[string]string{
				"bin/manage": script, "app.py": pyViewSrc, "app.pyi": "def f() -> int: ...\n", "clean.py": "x = 1\n",
				"README": "hello\n",
				// The sub tree turns SNAT005 off; its script is clean there.
				"sub/.snatlint.yaml": "rules:\n  SNAT005: {enabled: false}\n", "sub/bin/tool": script,
			})
			r := runIn(t, dir, tt.args...)
			if r.code != tt.wantCode {
				t.Errorf("exit status = %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, tt.wantCode, r.stdout, r.stderr)
			}
			for _, w := range tt.wantOut {
				if !strings.Contains(r.stdout, w) {
					t.Errorf("stdout = %q, want it to contain %q", r.stdout, w)
				}
			}
			if !strings.Contains(r.stderr, tt.wantErr) {
				t.Errorf("stderr = %q, want it to contain %q", r.stderr, tt.wantErr)
			}
		})
	}
}

// TestVetToolDetection: vet-tool mode is the -V=full / -flags handshake
// or a trailing *.cfg argument that is a file; flags with separate values
// (as go vet forwards -tags foo) do not turn it off, and a package
// directory named x.cfg is standalone (issue 8 item 10).
func TestVetToolDetection(t *testing.T) {
	dir := t.TempDir()
	cfgFile := filepath.Join(dir, "vet.cfg")
	if err := os.WriteFile(cfgFile, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	cfgDir := filepath.Join(dir, "x.cfg")
	if err := os.Mkdir(cfgDir, 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string
		want bool
	}{
		{[]string{"-V=full"}, true},
		{[]string{"-flags"}, true},
		{[]string{cfgFile}, true},
		{[]string{"-json", "-hotpath.tests", cfgFile}, true},
		{[]string{"-tags", "foo", cfgFile}, true},
		{[]string{"-tags", "foo", "-json", cfgFile}, true},
		{[]string{cfgDir}, false},
		{[]string{"./x.cfg"}, false},
		{[]string{"-tags", "foo", filepath.Join(dir, "missing.cfg")}, false},
		{[]string{"-V"}, false},
		{[]string{"-version"}, false},
		{[]string{"./..."}, false},
		{nil, false},
	}
	t.Chdir(dir)
	for _, tt := range tests {
		if got := isVetTool(tt.args); got != tt.want {
			t.Errorf("isVetTool(%q) = %v, want %v", tt.args, got, tt.want)
		}
	}
}

// runWithAnalyzers is runIn with another set of Go analyzers.
func runWithAnalyzers(t *testing.T, dir string, as []*analysis.Analyzer, args ...string) result {
	t.Helper()
	t.Chdir(dir)
	t.Setenv("SNATLINT_CACHE", "off")
	var out, errb bytes.Buffer
	err := runWith(context.Background(), func(*config.File) []*analysis.Analyzer { return as }, args, &out, &errb)
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

// TestFixStale: a file edited between analysis and -fix is not written
// with the stale offsets: the fix is skipped with a message and the
// finding stays (issue 8 item 8).
func TestFixStale(t *testing.T) {
	dir := writeTree(t, map[string]string{"go.mod": goMod, "main.go": handlerSrc})
	edited := strings.Replace(handlerSrc, "func items(", "// a comment added meanwhile\nfunc items(", 1)
	editor := &analysis.Analyzer{
		Name:     "editor",
		Doc:      "the synthetic hoister, then the user edits the file",
		Requires: []*analysis.Analyzer{hoister},
		Run: func(pass *analysis.Pass) (any, error) {
			return nil, os.WriteFile(filepath.Join(dir, "main.go"), []byte(edited), 0o644)
		},
	}
	r := runWithAnalyzers(t, dir, []*analysis.Analyzer{hoister, editor}, "-fix")
	if r.code != 1 || !strings.Contains(r.stderr, "main.go changed since it was analysed") || !strings.Contains(r.stdout, "main.go:6:7") {
		t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s\nwant 1, the fix skipped because main.go changed, the finding kept", r.code, r.stdout, r.stderr)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "main.go")); string(got) != edited {
		t.Errorf("main.go =\n%s\nwant the user's edit, untouched", got)
	}
}

// TestFixScope: -fix writes only source files of the scanned module:
// never a replace target outside it, a dependency named by import path,
// the standard library or the module cache, a vendored or generated file
// (issue 8 item 5).
func TestFixScope(t *testing.T) {
	root := t.TempDir()
	depSrc := "package dep\n\nimport \"net/http\"\n\nfunc D(w http.ResponseWriter, r *http.Request) {\n\t_ = &http.Client{Timeout: 5}\n}\n"
	genSrc := "// Code generated by hand. DO NOT EDIT.\n\n" + strings.Replace(handlerSrc, "items", "gen", -1)
	genSrc = strings.Replace(genSrc, "func main() { http.HandleFunc(\"/\", gen) }\n", "", 1)
	for name, text := range map[string]string{
		"outside/go.mod": "module example.com/dep\n\ngo 1.26\n",
		"outside/dep.go": depSrc,
		"mod/go.mod":     "module example.com/t\n\ngo 1.26\n\nrequire example.com/dep v0.0.0\n\nreplace example.com/dep => ../outside\n",
		"mod/main.go":    strings.Replace(handlerSrc, "import \"net/http\"", "import (\n\t\"net/http\"\n\n\t_ \"example.com/dep\"\n)", 1),
		"mod/gen.go":     genSrc,
	} {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	mod := filepath.Join(root, "mod")
	for _, args := range [][]string{{"-fix", "example.com/dep"}, {"-fix", "all"}} {
		r := runIn(t, mod, args...)
		if got, _ := os.ReadFile(filepath.Join(root, "outside", "dep.go")); string(got) != depSrc {
			t.Errorf("snatlint %s edited outside/dep.go:\n%s\nstderr:\n%s", strings.Join(args, " "), got, r.stderr)
		}
		if !strings.Contains(r.stderr, "outside the scanned module") {
			t.Errorf("snatlint %s: stderr = %q, want it to say dep.go is outside the scanned module", strings.Join(args, " "), r.stderr)
		}
	}
	r := runIn(t, mod, "-fix")
	if got, _ := os.ReadFile(filepath.Join(mod, "gen.go")); string(got) != genSrc {
		t.Errorf("-fix edited the generated gen.go:\n%s", got)
	}
	if !strings.Contains(r.stderr, "gen.go is a generated file") {
		t.Errorf("-fix: stderr = %q, want gen.go skipped as generated", r.stderr)
	}
	if got, _ := os.ReadFile(filepath.Join(mod, "main.go")); !strings.Contains(string(got), "var itemsClient = ") {
		t.Errorf("main.go was not fixed:\n%s", got)
	}
}

// TestFixScopeWhy: the scope check resolves symbolic links and refuses
// GOROOT, the module cache and vendored copies even below a scanned root.
func TestFixScopeWhy(t *testing.T) {
	root := t.TempDir()
	outside := t.TempDir()
	for _, d := range []string{"vendor/x", "gomodcache/m@v1", "goroot/src"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"a.go", "vendor/x/x.go", "gomodcache/m@v1/m.go", "goroot/src/s.go"} {
		if err := os.WriteFile(filepath.Join(root, f), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(outside, "o.go"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	symlink(t, filepath.Join(outside, "o.go"), filepath.Join(root, "link.go"))
	s := &fixScope{roots: []string{resolved(t, root)}, excluded: []excludedDir{
		{resolved(t, filepath.Join(root, "goroot")), "GOROOT"}, {resolved(t, filepath.Join(root, "gomodcache")), "GOMODCACHE"}}}
	tests := []struct{ file, want string }{
		{"a.go", ""},
		{"vendor/x/x.go", "vendored"},
		{"gomodcache/m@v1/m.go", "GOMODCACHE"},
		{"goroot/src/s.go", "GOROOT"},
		{"link.go", "outside the scanned module"},
	}
	for _, tt := range tests {
		got := s.why(filepath.Join(root, tt.file))
		if (tt.want == "") != (got == "") || !strings.Contains(got, tt.want) {
			t.Errorf("why(%s) = %q, want %q", tt.file, got, tt.want)
		}
	}
}

func resolved(t *testing.T, p string) string {
	t.Helper()
	r, err := filepath.EvalSymlinks(p)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestFixFullDisk: -fix on a full file system leaves the file intact
// and says so (exit 2), instead of truncating it (issue 8 item 3). It
// mounts a small tmpfs, so it runs as root only; internal/userfile's
// TestWriteAtomic covers the same with an injected failing writer.
func TestFixFullDisk(t *testing.T) {
	if os.Geteuid() != 0 || runtime.GOOS != "linux" {
		t.Skip("needs root to mount a tmpfs")
	}
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=64k"); err != nil {
		t.Skipf("cannot mount a tmpfs: %v", err)
	}
	defer syscall.Unmount(dir, syscall.MNT_DETACH)
	for name, text := range map[string]string{"go.mod": goMod, "main.go": handlerSrc} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Fill the file system.
	fill, err := os.Create(filepath.Join(dir, "fill"))
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := fill.Write(make([]byte, 4096)); err != nil {
			break
		}
	}
	fill.Close()
	r := runIn(t, dir, "-fix")
	if r.code != 2 || !strings.Contains(r.stderr, "main.go: fixed file not written, left unchanged") {
		t.Errorf("exit %d, stderr %q; want 2 and main.go left unchanged", r.code, r.stderr)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "main.go")); string(got) != handlerSrc {
		t.Errorf("main.go after -fix on a full disk =\n%q\nwant the original", got)
	}
}

// TestFixMultiLine: -fix changes only the edited lines and no longer
// gofmts the whole file, so the hoisted declaration must itself be
// formatted: a multi-line literal loses the function's indentation.
func TestFixMultiLine(t *testing.T) {
	src := "package main\n\nimport \"net/http\"\n\nfunc items(w http.ResponseWriter, r *http.Request) {\n\tc := &http.Client{\n\t\tTimeout: 5,\n\t}\n\t_ = c\n}\n\nfunc main() { http.HandleFunc(\"/\", items) }\n"
	want := "package main\n\nimport \"net/http\"\n\nvar itemsClient = &http.Client{\n\tTimeout: 5,\n}\n\nfunc items(w http.ResponseWriter, r *http.Request) {\n\tc := itemsClient\n\t_ = c\n}\n\nfunc main() { http.HandleFunc(\"/\", items) }\n"
	dir := writeTree(t, map[string]string{"go.mod": goMod, "main.go": src})
	r := runWithAnalyzers(t, dir, analyzers.New(&config.File{}), "-fix")
	if got, _ := os.ReadFile(filepath.Join(dir, "main.go")); string(got) != want {
		t.Errorf("fixed main.go =\n%s\nwant\n%s\nstderr:\n%s", got, want, r.stderr)
	}
}

// TestCacheTrust: whatever result cache exists, a damaged entry (null,
// {}, garbage, truncated) is a miss, never a hit with no findings; and a
// hit never hides a broken environment (a cached run exits like an
// uncached one when the C compiler is gone) (issue 8 item 13).
func TestCacheTrust(t *testing.T) {
	dir := writeTree(t, map[string]string{"go.mod": goMod, "main.go": handlerSrc})
	cache := t.TempDir()
	t.Setenv("SNATLINT_CACHE", cache)
	first := runIn(t, dir)
	if first.code != 1 || !strings.Contains(first.stdout, "main.go:6:7") {
		t.Fatalf("first run: exit %d, stdout %q", first.code, first.stdout)
	}
	if n := rewriteCache(t, cache, nil); n == 0 {
		t.Fatal("the first run wrote no cache entry")
	}
	for _, damage := range []string{"null", "{}", "[]", "garbage", "truncate"} {
		rewriteCache(t, cache, func(old []byte) []byte {
			switch damage {
			case "truncate":
				return old[:len(old)/2]
			}
			return []byte(damage)
		})
		r := runIn(t, dir)
		if r.code != first.code || r.stdout != first.stdout {
			t.Errorf("with %s cache entries: exit %d, stdout %q; want exit %d, stdout %q", damage, r.code, r.stdout, first.code, first.stdout)
		}
	}

	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("no C compiler for the cgo case")
	}
	cgoDir := writeTree(t, map[string]string{"go.mod": goMod, "main.go": strings.Replace(handlerSrc, "import \"net/http\"", "// int two() { return 2; }\nimport \"C\"\n\nimport \"net/http\"", 1)})
	t.Setenv("CGO_ENABLED", "1")
	if r := runIn(t, cgoDir); r.code != 1 {
		t.Fatalf("cgo module with a C compiler: exit %d\n%s", r.code, r.stderr)
	}
	t.Setenv("CC", "/nonexistent")
	if r := runIn(t, cgoDir); r.code != 2 {
		t.Errorf("cached run without a C compiler: exit %d, want 2 as uncached\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
}

// rewriteCache replaces every regular file below dir with change(old)
// (nil: leaves them) and returns how many there are.
func rewriteCache(t *testing.T, dir string, change func([]byte) []byte) int {
	t.Helper()
	n := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		n++
		if change == nil {
			return nil
		}
		old, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(p, change(old), 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestInterrupt: a cancelled run (Ctrl-C) stops within a second, in the
// middle of the Go analysis, and exits 2 saying so (issue 8 item 14).
func TestInterrupt(t *testing.T) {
	files := map[string]string{"go.mod": goMod}
	for i := range 40 {
		files[fmt.Sprintf("p%d/p.go", i)] = fmt.Sprintf("package p%d\n\nfunc F() {}\n", i)
	}
	dir := writeTree(t, files)
	t.Chdir(dir)
	t.Setenv("SNATLINT_CACHE", "off")
	slow := &analysis.Analyzer{Name: "slow", Doc: "sleeps in every package", Run: func(*analysis.Pass) (any, error) {
		time.Sleep(300 * time.Millisecond)
		return nil, nil
	}}
	ctx, cancel := context.WithCancel(context.Background())
	started := make(chan bool)
	var stop time.Time
	go func() {
		<-started
		time.Sleep(2 * time.Second) // go list is done; the analysis runs
		stop = time.Now()
		cancel()
	}()
	var out, errb bytes.Buffer
	close(started)
	err := runWith(ctx, func(*config.File) []*analysis.Analyzer { return []*analysis.Analyzer{slow} }, []string{"-lang", "go"}, &out, &errb)
	took := time.Since(stop)
	ec, ok := err.(interface{ ExitCode() int })
	if !ok || ec.ExitCode() != 2 || !strings.Contains(err.Error(), "interrupted") {
		t.Errorf("run = %v, want exit 2 saying it was interrupted", err)
	}
	if took > time.Second {
		t.Errorf("run went on %v after the interrupt, want under a second", took)
	}
}

// TestVetPackageArg: "snatlint vet" adds ./... unless packages are
// named; the values of go vet's build flags are not packages (issue 8
// item 14).
func TestVetPackageArg(t *testing.T) {
	tests := []struct {
		args []string
		want bool
	}{
		{nil, false},
		{[]string{"-tags", "foo"}, false},
		{[]string{"-tags=foo", "-json"}, false},
		{[]string{"-C", "sub", "-mod", "mod", "-modfile", "x.mod", "-overlay", "o.json", "-toolexec", "t", "-gcflags", "-N"}, false},
		{[]string{"-tags", "foo", "./pkg"}, true},
		{[]string{"./..."}, true},
		{[]string{"-json", "example.com/m/x"}, true},
	}
	for _, tt := range tests {
		if got := hasPackageArg(tt.args); got != tt.want {
			t.Errorf("hasPackageArg(%q) = %v, want %v", tt.args, got, tt.want)
		}
	}
}

// TestPythonSkipsBuildDirs: Python discovery skips vendor/, build/ and
// dist/ below a scanned directory, as Go's ./... skips vendor/; a file
// named explicitly is still checked (issue 8 item 14).
func TestPythonSkipsBuildDirs(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"app/views.py":           "x = 1\n",
		"vendor/lib/views.py":    pyViewSrc,
		"build/lib/app/views.py": pyViewSrc,
		"dist/pkg/views.py":      pyViewSrc,
		"app/build_utils/ok.py":  "y = 2\n",
	})
	if r := runIn(t, dir, "-lang", "python"); r.code != 0 {
		t.Errorf("exit %d, stdout:\n%s\nwant 0: vendor, build and dist skipped", r.code, r.stdout)
	}
	if r := runIn(t, dir, "-lang", "python", "build/lib/app/views.py"); r.code != 1 {
		t.Errorf("explicit file under build/: exit %d, want 1", r.code)
	}
}

// TestOneMessageEach: a missing directory is reported once (not by go
// list and Python discovery each), and a dependency that does not load
// (a missing go.sum entry) is not echoed by a spurious 'invalid package
// name: ""' type error in its importer (issue 8 item 14).
func TestOneMessageEach(t *testing.T) {
	dir := writeTree(t, map[string]string{"go.mod": goMod, "main.go": cleanSrc})
	r := runIn(t, dir, "./nonexist/...")
	if r.code != 2 || strings.Count(r.stderr, "nonexist") != 1 {
		t.Errorf("./nonexist/...: exit %d, stderr:\n%s\nwant 2 and one message", r.code, r.stderr)
	}
	dir = writeTree(t, map[string]string{
		"go.mod":  "module example.com/s\n\ngo 1.26\n\nrequire golang.org/x/sync v0.25.0\n",
		"main.go": "package main\n\nimport _ \"golang.org/x/sync/errgroup\"\n\nfunc main() {}\n",
	})
	r = runIn(t, dir)
	if r.code != 2 || strings.Contains(r.stderr, "invalid package name") || !strings.Contains(r.stderr, "missing go.sum entry") {
		t.Errorf("missing go.sum entry: exit %d, stderr:\n%s\nwant 2, the go.sum error, no 'invalid package name'", r.code, r.stderr)
	}
}

// TestCROnlyLineEndings: a Python file with old Mac line endings (CR
// only) gets the right line numbers (issue 8 item 14).
func TestCROnlyLineEndings(t *testing.T) {
	dir := writeTree(t, map[string]string{"views.py": strings.ReplaceAll(pyViewSrc, "\n", "\r")})
	r := runIn(t, dir, "-lang", "python")
	if r.code != 1 || !strings.Contains(r.stdout, "views.py:4:12:") {
		t.Errorf("exit %d, stdout %q; want the finding at views.py:4:12", r.code, r.stdout)
	}
}

// TestCgoOffWarning: when the go command turns cgo off (no C compiler
// found), the cgo files it leaves out are named as not checked, not
// dropped without a word (issue 8 item 14).
func TestCgoOffWarning(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	dir := writeTree(t, map[string]string{
		"go.mod":  goMod,
		"main.go": handlerSrc,
		"c.go":    "package main\n\n// int two() { return 2; }\nimport \"C\"\n\nvar two = C.two()\n",
	})
	t.Setenv("PATH", filepath.Dir(goBin)) // no C compiler
	t.Setenv("CGO_ENABLED", "")
	t.Setenv("CC", "")
	r := runIn(t, dir, "-lang", "go")
	if r.code != 1 || !strings.Contains(r.stderr, "c.go: not checked: it uses cgo and cgo is off") || !strings.Contains(r.stdout, "main.go:6:7") {
		t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s\nwant the finding in main.go and a warning for c.go", r.code, r.stdout, r.stderr)
	}
}

// TestWorkspace: ./... at a go.work root checks the workspace's modules
// instead of saying "no go.mod" (issue 8 item 14).
func TestWorkspace(t *testing.T) {
	h := func(pkg string) string {
		return strings.Replace(strings.Replace(handlerSrc, "package main", "package "+pkg, 1), "func main() { http.HandleFunc(\"/\", items) }\n", "", 1)
	}
	dir := writeTree(t, map[string]string{
		"go.work":  "go 1.26\n\nuse (\n\t./a\n\t./b\n)\n",
		"a/go.mod": "module example.com/a\n\ngo 1.26\n", "a/a.go": h("a"),
		"b/go.mod": "module example.com/b\n\ngo 1.26\n", "b/b.go": h("b"),
	})
	r := runIn(t, dir, "-lang", "go")
	if r.code != 1 || !strings.Contains(r.stdout, "a/a.go:6:7") || !strings.Contains(r.stdout, "b/b.go:6:7") {
		t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s\nwant findings in both modules", r.code, r.stdout, r.stderr)
	}
}

// TestBuildTags: standalone -tags selects files as go build -tags does,
// for patterns and for file arguments (issue 8 item 14).
func TestBuildTags(t *testing.T) {
	tagged := "//go:build foo\n\n" + strings.Replace(handlerSrc, "func main() { http.HandleFunc(\"/\", items) }\n", "", 1)
	dir := writeTree(t, map[string]string{"go.mod": goMod, "main.go": cleanSrc, "tagged.go": tagged})
	if r := runIn(t, dir); r.code != 0 {
		t.Errorf("without -tags: exit %d, stdout %q, want 0", r.code, r.stdout)
	}
	if r := runIn(t, dir, "-tags", "foo"); r.code != 1 || !strings.Contains(r.stdout, "tagged.go:8:7") {
		t.Errorf("-tags foo: exit %d, stdout %q, stderr %q; want the finding in tagged.go", r.code, r.stdout, r.stderr)
	}
	if r := runIn(t, dir, "-tags", "foo", "tagged.go"); r.code != 1 {
		t.Errorf("-tags foo tagged.go: exit %d, stderr %q; want 1", r.code, r.stderr)
	}
}
