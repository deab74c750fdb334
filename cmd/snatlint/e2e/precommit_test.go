package e2e_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestPreCommit runs the hooks of .pre-commit-hooks.yaml with the real
// pre-commit: `pre-commit try-repo <snatlint> <hook> --all-files` in a
// throwaway git repository must fail with the finding, then pass once the
// file is fixed. pre-commit installs language: golang hooks with
// `go install ./...` from a git repository, so the test points it at a
// temporary clone of the current work tree, committed.
func TestPreCommit(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the pre-commit end-to-end test in -short mode")
	}
	if _, err := exec.LookPath("pre-commit"); err != nil {
		msg := "pre-commit is not installed (Debian: apt-get install pre-commit; .ci/run installs it)"
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	tmp := t.TempDir()
	gomodcache := strings.TrimSpace(run(t, repoRoot(), nil, "go", "env", "GOMODCACHE").stdout)
	env := []string{
		"PRE_COMMIT_HOME=" + filepath.Join(tmp, "pre-commit-home"),
		// pre-commit sets GOPATH to its own directory: keep the module
		// cache, so the install needs no network.
		"GOMODCACHE=" + gomodcache,
		"GOFLAGS=-mod=mod",
		"GIT_AUTHOR_NAME=e2e", "GIT_AUTHOR_EMAIL=e2e@example.com",
		"GIT_COMMITTER_NAME=e2e", "GIT_COMMITTER_EMAIL=e2e@example.com",
		"GIT_CONFIG_GLOBAL=/dev/null",
		"NO_COLOR=1",
	}
	hookRepo := snapshotWorkTree(t, env, filepath.Join(tmp, "snatlint"))

	tests := []struct {
		hook      string
		bad, good map[string]string // files of the user's repository
		wantOut   []string          // in the failing run's output
	}{
		{
			hook:    "snatlint",
			bad:     map[string]string{"shop/views.py": djangoBad},
			good:    map[string]string{"shop/views.py": djangoGood},
			wantOut: []string{"shop/views.py:6:", "SNAT005"},
		},
		{
			hook:    "snatlint-python",
			bad:     map[string]string{"shop/views.py": djangoBad},
			good:    map[string]string{"shop/views.py": djangoGood},
			wantOut: []string{"shop/views.py:6:", "SNAT005"},
		},
		{
			hook:    "snatlint-vet",
			bad:     map[string]string{"main.go": goBad},
			good:    map[string]string{"main.go": goGood},
			wantOut: []string{"main.go:9:"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.hook, func(t *testing.T) {
			user := filepath.Join(tmp, "user-"+tt.hook)
			files := map[string]string{"go.mod": "module example.com/shop\n\ngo 1.26.0\n", "main.go": goGood, "shop/views.py": djangoGood}
			for name, text := range tt.bad {
				files[name] = text
			}
			writeFiles(t, user, files)
			git(t, user, env, "init", "-q")
			git(t, user, env, "add", "-A")
			git(t, user, env, "commit", "-q", "-m", "bad")

			res := run(t, user, env, "pre-commit", "try-repo", hookRepo, tt.hook, "--all-files")
			out := res.stdout + res.stderr
			if res.code == 0 {
				t.Fatalf("pre-commit try-repo %s on the mistake: exit status 0, want a failure\n%s", tt.hook, out)
			}
			for _, w := range tt.wantOut {
				if !strings.Contains(out, w) {
					t.Errorf("pre-commit try-repo %s: output lacks %q\n%s", tt.hook, w, out)
				}
			}

			writeFiles(t, user, tt.good)
			git(t, user, env, "commit", "-q", "-am", "fix")
			res = run(t, user, env, "pre-commit", "try-repo", hookRepo, tt.hook, "--all-files")
			if res.code != 0 {
				t.Errorf("pre-commit try-repo %s after the fix: exit status %d, want 0\n%s%s", tt.hook, res.code, res.stdout, res.stderr)
			}
		})
	}
}

// snapshotWorkTree copies the work tree's tracked and untracked (not
// ignored) files into dir and commits them, so that pre-commit installs
// the code under test, not the last commit.
func snapshotWorkTree(t *testing.T, env []string, dir string) string {
	t.Helper()
	root := repoRoot()
	res := run(t, root, env, "git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	if res.code != 0 {
		t.Fatalf("git ls-files: %s", res.stderr)
	}
	files := map[string]string{}
	for _, name := range strings.Split(strings.TrimRight(res.stdout, "\x00"), "\x00") {
		data, err := os.ReadFile(filepath.Join(root, name))
		if os.IsNotExist(err) {
			continue // deleted in the work tree
		}
		if err != nil {
			t.Fatal(err)
		}
		files[name] = string(data)
	}
	writeFiles(t, dir, files)
	git(t, dir, env, "init", "-q")
	git(t, dir, env, "add", "-A")
	git(t, dir, env, "commit", "-q", "-m", "snapshot of the work tree")
	return dir
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func git(t *testing.T, dir string, env []string, args ...string) {
	t.Helper()
	if res := run(t, dir, env, "git", args...); res.code != 0 {
		t.Fatalf("git %s: %s", strings.Join(args, " "), res.stderr)
	}
}

// A Django view calling requests.get (SNAT005, line 6) and its fix.
const djangoBad = `import requests
from django.http import JsonResponse


def stock(request, sku):
    resp = requests.get("https://inventory.example.com/stock/" + sku, timeout=5)
    return JsonResponse(resp.json())
`

const djangoGood = `import requests
from django.http import JsonResponse

SESSION = requests.Session()


def stock(request, sku):
    resp = SESSION.get("https://inventory.example.com/stock/" + sku, timeout=5)
    return JsonResponse(resp.json())
`

// A Go handler building a transport per request (SNAT001, line 9) and its
// fix.
const goBad = `package main

import "net/http"

func main() { http.HandleFunc("/", handle) }

func handle(w http.ResponseWriter, r *http.Request) {
	c := &http.Client{
		Transport: &http.Transport{},
	}
	_ = c
}
`

const goGood = `package main

import "net/http"

var client = &http.Client{Transport: &http.Transport{}}

func main() { http.HandleFunc("/", handle) }

func handle(w http.ResponseWriter, r *http.Request) {
	_ = client
}
`
