package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/snatlint/snatlint/cmd/snatlint/internal/report"
)

// TestCache checks that an unchanged module's Go results come from the
// cache, and that a changed file, or -cache=false, bypasses it.
func TestCache(t *testing.T) {
	cacheDir := t.TempDir()
	t.Setenv("SNATLINT_CACHE", cacheDir)
	dir := writeTree(t, map[string]string{"go.mod": goMod, "main.go": handlerSrc})

	first := runIn(t, dir, "./...")
	if first.code != 1 {
		t.Fatalf("first run: exit %d, want 1; stderr: %s", first.code, first.stderr)
	}
	entries, _ := filepath.Glob(filepath.Join(cacheDir, "*.json"))
	if len(entries) != 1 {
		t.Fatalf("cache entries after the first run = %d, want 1", len(entries))
	}

	// Mark the cached finding: a second, unchanged run must print it.
	data, err := os.ReadFile(entries[0])
	if err != nil {
		t.Fatal(err)
	}
	var e cacheEntry
	var m cachedModule
	if err := json.Unmarshal(data, &e); err != nil || json.Unmarshal(e.Payload, &m) != nil || len(m.Findings) != 1 {
		t.Fatalf("cache entry = %s (%v), want one finding", data, err)
	}
	m.Findings[0].Message = "served from the cache"
	e.Payload, _ = json.Marshal(m)
	e.SHA256 = report.ContentHash(e.Payload)
	data, _ = json.Marshal(e)
	if err := os.WriteFile(entries[0], data, 0o644); err != nil {
		t.Fatal(err)
	}
	if got := runIn(t, dir, "./..."); !strings.Contains(got.stdout, "served from the cache") {
		t.Errorf("unchanged re-run did not use the cache:\n%s", got.stdout)
	}
	if got := runIn(t, dir, "-cache=false", "./..."); strings.Contains(got.stdout, "served from the cache") || got.code != 1 {
		t.Errorf("-cache=false used the cache (exit %d):\n%s", got.code, got.stdout)
	}

	// A same-size edit that keeps the modification time (as cp -p or an
	// editor may) still misses: the module's own files count by content.
	main := filepath.Join(dir, "main.go")
	st, err := os.Stat(main)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(main, []byte(strings.Replace(handlerSrc, "Timeout: 5", "Timeout: 7", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(main, st.ModTime(), st.ModTime()); err != nil {
		t.Fatal(err)
	}
	if got := runIn(t, dir, "./..."); strings.Contains(got.stdout, "served from the cache") || got.code != 1 {
		t.Errorf("same-size edit with the old modification time used the cache (exit %d):\n%s", got.code, got.stdout)
	}

	// Change the source: the results are computed again.
	src := strings.Replace(handlerSrc, "_ = c\n", "_ = c\n\t_ = &http.Client{}\n", 1)
	if err := os.WriteFile(main, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Second)
	if err := os.Chtimes(main, later, later); err != nil {
		t.Fatal(err)
	}
	got := runIn(t, dir, "./...")
	if strings.Contains(got.stdout, "served from the cache") || strings.Count(got.stdout, "[SNAT002]") != 2 {
		t.Errorf("run after an edit = exit %d:\n%s\nwant two fresh SNAT002 findings", got.code, got.stdout)
	}
}
