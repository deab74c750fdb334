package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/snatlint/snatlint/analyzers/config"
	"github.com/snatlint/snatlint/cmd/snatlint/internal/godriver"
	"github.com/snatlint/snatlint/cmd/snatlint/internal/report"
	"github.com/snatlint/snatlint/internal/userfile"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// resultCache remembers the Go results of one module in standalone mode,
// so that an unchanged re-run costs one `go list` instead of type-checking
// every dependency from source again. An entry is keyed by everything the
// results depend on: this executable, the analyzers and their flags, the
// configuration, the patterns, the Go environment, the content of the
// module's own files, and the name, size and modification time of every
// other file in the import graph (standard library and module cache),
// plus go.mod, go.sum and go.work. Runs with
// problems are never cached. It lives in $GOCACHE/snatlint, so `go clean
// -cache` clears it; SNATLINT_CACHE=DIR moves it, SNATLINT_CACHE=off or
// -cache=false turns it off.
type resultCache struct {
	dir string
}

// maxCacheAge is how long an unused entry is kept.
const maxCacheAge = 5 * 24 * time.Hour

// openCache returns the cache, or nil when there is none.
func openCache(ctx context.Context) *resultCache {
	dir := os.Getenv("SNATLINT_CACHE")
	switch dir {
	case "off":
		return nil
	case "":
		out, err := exec.CommandContext(ctx, "go", "env", "GOCACHE").Output()
		gocache := strings.TrimSpace(string(out))
		if err != nil || gocache == "" || gocache == "off" {
			return nil
		}
		dir = filepath.Join(gocache, "snatlint")
	}
	return &resultCache{dir: dir}
}

type cachedModule struct {
	Findings []report.Finding
	NoMatch  []string
}

// key computes the entry's key from salt (moduleSalt) and the package
// graph; ok is false when the module cannot be cached (a package with
// errors, an unreadable file).
func (c *resultCache) key(ctx context.Context, dir string, patterns []string, cfg *config.File, salt string) (string, bool) {
	h := sha256.New()
	fmt.Fprintf(h, "snatlint go results v1\ndir %s\npatterns %q\nsalt %s\n", dir, patterns, salt)
	pkgs, err := packages.Load(&packages.Config{
		Context:    ctx,
		Dir:        dir,
		Tests:      cfg.Tests,
		BuildFlags: buildFlags(cfg),
		Mode:       packages.NeedName | packages.NeedFiles | packages.NeedImports | packages.NeedDeps,
	}, patterns...)
	if err != nil {
		return "", false
	}
	files := []string{filepath.Join(dir, "go.mod"), filepath.Join(dir, "go.sum"), filepath.Join(dir, "go.work")}
	var ids []string
	broken := false
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if len(p.Errors) > 0 {
			broken = true
		}
		ids = append(ids, p.ID)
		files = append(files, p.GoFiles...)
		files = append(files, p.OtherFiles...)
		files = append(files, p.IgnoredFiles...)
	})
	if broken {
		return "", false
	}
	slices.Sort(ids)
	slices.Sort(files)
	fmt.Fprintf(h, "packages %q\n", ids)
	for _, f := range slices.Compact(files) {
		st, err := os.Stat(f)
		switch {
		case os.IsNotExist(err):
			fmt.Fprintf(h, "file %s absent\n", f)
		case err != nil:
			return "", false
		case isUnder(dir, f):
			// The user's own files: by content, as they may be rewritten
			// with a preserved modification time.
			data, err := userfile.Read(f, maxGoFileSize)
			if err != nil {
				return "", false
			}
			fmt.Fprintf(h, "file %s %x\n", f, sha256.Sum256(data))
		default:
			// GOROOT and the module cache: by size and time.
			fmt.Fprintf(h, "file %s %d %d\n", f, st.Size(), st.ModTime().UnixNano())
		}
	}
	return hex.EncodeToString(h.Sum(nil)), true
}

// analysisSalt hashes what Go results depend on outside the package
// graph: this executable, the configuration, the analyzers and their
// flags, and the Go environment. ok is false when it cannot be known.
func analysisSalt(cfg *config.File, as []*analysis.Analyzer) (string, bool) {
	h := sha256.New()
	exe, err := os.Executable()
	if err != nil {
		return "", false
	}
	st, err := os.Stat(exe)
	if err != nil {
		return "", false
	}
	fmt.Fprintf(h, "exe %s %d %d\n", exe, st.Size(), st.ModTime().UnixNano())
	cfgJSON, err := json.Marshal(cfg)
	if err != nil {
		return "", false
	}
	fmt.Fprintf(h, "config %s\n", cfgJSON)
	for _, a := range analyzerClosure(as) {
		fmt.Fprintf(h, "analyzer %s %x\n", a.Name, sha256.Sum256([]byte(a.Doc)))
		a.Flags.VisitAll(func(f *flag.Flag) { fmt.Fprintf(h, "flag %s=%s\n", f.Name, f.Value) })
	}
	for _, k := range []string{"GOFLAGS", "GOOS", "GOARCH", "CGO_ENABLED", "GOEXPERIMENT", "GOTOOLCHAIN", "GOWORK", "GOROOT", "GOPATH", "GOPROXY", "CC", "CGO_CFLAGS", "CGO_LDFLAGS"} {
		fmt.Fprintf(h, "env %s=%s\n", k, os.Getenv(k))
	}
	return hex.EncodeToString(h.Sum(nil)), true
}

// moduleSalt hashes what the Go results of the module at dir depend on
// besides its package graph: analysisSalt and the whole go environment
// (loading depends on the C compiler and its flags for cgo, the go.env
// file, GOENV: a hit must not hide an environment in which loading now
// fails). ok is false when either cannot be known.
func moduleSalt(ctx context.Context, dir string, cfg *config.File, as []*analysis.Analyzer) (string, bool) {
	salt, ok := analysisSalt(cfg, as)
	if !ok {
		return "", false
	}
	env, ok := loadEnv(ctx, dir)
	if !ok {
		return "", false
	}
	h := sha256.Sum256([]byte(salt + "\n" + env))
	return hex.EncodeToString(h[:]), true
}

// packageCache is the per-package cache below the module entries: after
// an edit, only the packages the edit reaches are analysed again. salt
// is moduleSalt's.
func (c *resultCache) packageCache(salt string) *godriver.Cache {
	return &godriver.Cache{Dir: filepath.Join(c.dir, "pkg"), Salt: salt, MaxAge: maxCacheAge}
}

// isUnder reports whether file is dir or below it.
func isUnder(dir, file string) bool {
	rel, err := filepath.Rel(dir, file)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

func (c *resultCache) path(key string) string { return filepath.Join(c.dir, key+".json") }

// cacheFormat names the layout of an entry; an entry of another format
// is a miss.
const cacheFormat = "snatlint go results 2"

// cacheEntry is what a file of the cache holds: the payload with its
// format and checksum, so that a damaged, truncated or foreign entry
// (null, {}, another version's layout) is a miss, never a hit with no
// findings.
type cacheEntry struct {
	Format  string
	SHA256  string
	Payload json.RawMessage
}

func (c *resultCache) get(key string) (cachedModule, bool) {
	var e cacheEntry
	data, err := userfile.Read(c.path(key), maxCacheEntry)
	if err != nil || json.Unmarshal(data, &e) != nil || e.Format != cacheFormat || e.SHA256 != report.ContentHash(e.Payload) {
		return cachedModule{}, false
	}
	var m *cachedModule
	if json.Unmarshal(e.Payload, &m) != nil || m == nil {
		return cachedModule{}, false
	}
	now := time.Now()
	_ = os.Chtimes(c.path(key), now, now) // keep used entries
	return *m, true
}

// maxCacheEntry bounds an entry read.
const maxCacheEntry = 256 << 20

// put stores an entry, best effort, and drops entries unused for
// maxCacheAge.
func (c *resultCache) put(key string, m cachedModule) {
	payload, err := json.Marshal(m)
	if err != nil {
		return
	}
	data, err := json.Marshal(cacheEntry{Format: cacheFormat, SHA256: report.ContentHash(payload), Payload: payload})
	if err != nil || os.MkdirAll(c.dir, 0o755) != nil {
		return
	}
	tmp, err := os.CreateTemp(c.dir, "tmp-*")
	if err != nil {
		return
	}
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if werr != nil || cerr != nil || os.Rename(tmp.Name(), c.path(key)) != nil {
		os.Remove(tmp.Name())
		return
	}
	entries, _ := os.ReadDir(c.dir)
	for _, e := range entries {
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > maxCacheAge {
			os.Remove(filepath.Join(c.dir, e.Name()))
		}
	}
}

// analyzerClosure is as with everything they require, sorted by name.
func analyzerClosure(as []*analysis.Analyzer) []*analysis.Analyzer {
	seen := map[*analysis.Analyzer]bool{}
	var out []*analysis.Analyzer
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		out = append(out, a)
		for _, r := range a.Requires {
			visit(r)
		}
	}
	for _, a := range as {
		visit(a)
	}
	slices.SortStableFunc(out, func(x, y *analysis.Analyzer) int { return strings.Compare(x.Name, y.Name) })
	return out
}

// loadEnv is `go env -json` in dir plus, when cgo is on, the C
// compiler's resolved path, size and time; ok is false when the compiler
// cannot be found (loading cgo packages would fail: no cache).
func loadEnv(ctx context.Context, dir string) (string, bool) {
	cmd := exec.CommandContext(ctx, "go", "env", "-json")
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		return "", false
	}
	var env map[string]string
	if json.Unmarshal(out, &env) != nil {
		return "", false
	}
	// GOGCCFLAGS names a fresh temporary directory on every call.
	delete(env, "GOGCCFLAGS")
	stable, err := json.Marshal(env) // keys sorted
	if err != nil {
		return "", false
	}
	if env["CGO_ENABLED"] != "1" {
		return string(stable), true
	}
	cc := strings.Fields(env["CC"])
	if len(cc) == 0 {
		return "", false
	}
	path, err := exec.LookPath(cc[0])
	if err != nil {
		return "", false
	}
	st, err := os.Stat(path)
	if err != nil {
		return "", false
	}
	return fmt.Sprintf("%s\ncc %s %d %d", stable, path, st.Size(), st.ModTime().UnixNano()), true
}
