package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const pyView = "import requests\n\ndef view(request):\n    return requests.get('http://x')\n"

// pyEntries counts the Python cache's entries under dir.
func pyEntries(t *testing.T, dir string) int {
	t.Helper()
	n := 0
	filepath.WalkDir(filepath.Join(dir, "python"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && len(d.Name()) == 64 {
			n++
		}
		return nil
	})
	return n
}

// TestPythonCache: the Python pass writes one entry per file to
// $SNATLINT_CACHE/python, a warm run gives the same output, an edit is
// seen, and -cache=false or SNATLINT_CACHE=off write nothing.
func TestPythonCache(t *testing.T) {
	cacheDir := t.TempDir()
	t.Setenv("SNATLINT_CACHE", cacheDir)
	dir := writeTree(t, map[string]string{"app/views.py": pyView, "app/util.py": "X = 1\n"})

	first := runIn(t, dir, "-lang", "python", ".")
	if first.code != 1 || !strings.Contains(first.stdout, "[SNAT005]") {
		t.Fatalf("first run: exit %d, want 1 with SNAT005:\n%s%s", first.code, first.stdout, first.stderr)
	}
	if n := pyEntries(t, cacheDir); n != 2 {
		t.Fatalf("cache entries after the first run = %d, want 2", n)
	}
	if warm := runIn(t, dir, "-lang", "python", "."); warm != first {
		t.Errorf("warm run = %+v, want the first run's %+v", warm, first)
	}

	views := filepath.Join(dir, "app", "views.py")
	if err := os.WriteFile(views, []byte(strings.Replace(pyView, "requests.get", "requests.Session", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	edited := runIn(t, dir, "-lang", "python", ".")
	if !strings.Contains(edited.stdout, "[SNAT002]") || strings.Contains(edited.stdout, "[SNAT005]") {
		t.Errorf("run after an edit did not see it:\n%s", edited.stdout)
	}
	if n := pyEntries(t, cacheDir); n != 3 {
		t.Errorf("cache entries after the edit = %d, want 3", n)
	}

	for _, tc := range []struct {
		name string
		env  string
		args []string
	}{
		{"-cache=false", t.TempDir(), []string{"-cache=false"}},
		{"SNATLINT_CACHE=off", "off", nil},
	} {
		t.Setenv("SNATLINT_CACHE", tc.env)
		t.Setenv("XDG_CACHE_HOME", t.TempDir())
		t.Setenv("HOME", t.TempDir())
		got := runIn(t, dir, append(tc.args, "-lang", "python", ".")...)
		if got.code != 1 {
			t.Errorf("%s: exit %d, want 1", tc.name, got.code)
		}
		for _, d := range []string{tc.env, os.Getenv("XDG_CACHE_HOME"), os.Getenv("HOME")} {
			if d != "off" && pyEntries(t, d)+pyEntries(t, filepath.Join(d, "snatlint")) != 0 {
				t.Errorf("%s: cache entries written under %s", tc.name, d)
			}
		}
	}
}

// TestPythonCacheDefaultDir: without SNATLINT_CACHE the cache lives in the
// user cache directory.
func TestPythonCacheDefaultDir(t *testing.T) {
	xdg := t.TempDir()
	t.Setenv("SNATLINT_CACHE", "")
	t.Setenv("XDG_CACHE_HOME", xdg)
	dir := writeTree(t, map[string]string{"views.py": pyView})
	runIn(t, dir, "-lang", "python", ".")
	if n := pyEntries(t, filepath.Join(xdg, "snatlint")); n != 1 {
		t.Errorf("entries in $XDG_CACHE_HOME/snatlint/python = %d, want 1", n)
	}
}
