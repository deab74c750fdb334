package e2e_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// goCacher is an existing GOCACHEPROG implementation (not ours), pinned:
// its --cache-dir backend stands for the store CI machines share.
const goCacher = "github.com/bradfitz/go-tool-cache/cmd/go-cacher@v0.0.0-20260722201841-0bb331e19f64"

// TestGOCACHEPROGSharedVet: go vet -vettool=snatlint with two different
// GOCACHE directories (two CI machines) sharing one GOCACHEPROG backend:
// the second run is served from the shared cache, without running the
// analyzers once, and prints the same findings with the same exit status.
//
// Opt-in (it compiles net/http and its dependencies cold, minutes on 2
// cores): SNATLINT_TEST_GOCACHEPROG=1 installs go-cacher at the pinned
// version; SNATLINT_GOCACHEPROG=/path/to/go-cacher uses one already
// installed. bench/run.sh runs it.
func TestGOCACHEPROGSharedVet(t *testing.T) {
	cacher := os.Getenv("SNATLINT_GOCACHEPROG")
	if cacher == "" {
		if os.Getenv("SNATLINT_TEST_GOCACHEPROG") != "1" {
			t.Skip("opt-in: set SNATLINT_TEST_GOCACHEPROG=1 (or SNATLINT_GOCACHEPROG=path to go-cacher)")
		}
		bin := t.TempDir()
		install := run(t, repoRoot(), []string{"GOBIN=" + bin, "GOFLAGS="}, "go", "install", goCacher)
		if install.code != 0 {
			t.Fatalf("go install %s: %s", goCacher, install.stderr)
		}
		cacher = filepath.Join(bin, "go-cacher")
	}
	work := t.TempDir()
	mod := filepath.Join(work, "mod")
	write(t, filepath.Join(mod, "go.mod"), "module example.com/m\n\ngo 1.26\n")
	write(t, filepath.Join(mod, "main.go"), `package main

import "net/http"

func handler(w http.ResponseWriter, r *http.Request) {
	c := &http.Client{}
	_ = c
}

func main() { http.HandleFunc("/", handler) }
`)
	// The vet tool is snatlint behind a wrapper that logs each call, to
	// count the analyzer runs (one per package, with a .cfg argument).
	wrapper := filepath.Join(work, "vettool.sh")
	write(t, wrapper, "#!/bin/sh\necho \"$*\" >> \"$VETLOG\"\nexec "+snatlint+" \"$@\"\n")
	if err := os.Chmod(wrapper, 0o755); err != nil {
		t.Fatal(err)
	}
	backend := filepath.Join(work, "shared-backend")

	type outcome struct {
		res      result
		analyses int
		took     time.Duration
	}
	vet := func(machine string) outcome {
		log := filepath.Join(work, machine+".log")
		env := []string{
			"GOCACHE=" + filepath.Join(work, machine+"-gocache"),
			"GOCACHEPROG=" + cacher + " --cache-dir=" + backend,
			"VETLOG=" + log, "GOFLAGS=-mod=mod",
		}
		start := time.Now()
		res := run(t, mod, env, "go", "vet", "-vettool="+wrapper, "./...")
		took := time.Since(start)
		data, _ := os.ReadFile(log)
		return outcome{res, strings.Count(string(data), ".cfg"), took}
	}
	first := vet("machine1")
	second := vet("machine2")
	t.Logf("first run (empty shared cache): %v, %d analyzer runs; second run (other GOCACHE, same backend): %v, %d analyzer runs",
		first.took.Round(time.Millisecond), first.analyses, second.took.Round(time.Millisecond), second.analyses)
	if first.res.code != 1 || !strings.Contains(first.res.stderr, "http.Client created in HTTP handler handler") {
		t.Fatalf("first run: exit %d, want 1 with the finding:\n%s", first.res.code, first.res.stderr)
	}
	if first.analyses == 0 {
		t.Fatal("first run: the analyzers never ran")
	}
	if second.analyses != 0 {
		t.Errorf("second run ran the analyzers %d times, want 0 (served from the shared cache)", second.analyses)
	}
	if second.res.code != first.res.code || second.res.stderr != first.res.stderr {
		t.Errorf("second run: exit %d\n%s\nwant the first run's exit %d\n%s", second.res.code, second.res.stderr, first.res.code, first.res.stderr)
	}
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
