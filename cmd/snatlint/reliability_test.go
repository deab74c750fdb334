package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
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
