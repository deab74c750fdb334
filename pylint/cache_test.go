package pylint

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/python"
	"github.com/snatlint/snatlint/analyzers/config"
)

// fixtureSummaries summarizes every Python fixture, all of testdata/python
// (tests included), as phase 1 does before it encodes them.
func fixtureSummaries(t testing.TB) (map[string]*fileSum, map[string][]FileError) {
	t.Helper()
	files, _ := Discover(context.Background(), []string{fixtureRoot()}, Options{Tests: true})
	if len(files) < 20 {
		t.Fatalf("found %d fixture files, want many", len(files))
	}
	// What no fixture file has: a class and a Depends inside a function,
	// nesting deeper than the walk goes, registrations with every kind of
	// argument.
	dir := t.TempDir()
	extra := map[string]string{
		"regs.py":   "from fastapi import Depends\n\nA = Depends(\"x\", get_db)\nB = Depends(dependency=get_db)\n",
		"nested.py": "from fastapi import Depends\n\ndef outer():\n    class Inner:\n        pass\n\n    def route(db=Depends(get_db)):\n        return db\n",
		"deep.py":   "x = " + strings.Repeat("(", 1000) + "1" + strings.Repeat(")", 1000) + "\n",
	}
	for name, src := range extra {
		f := filepath.Join(dir, name)
		if err := os.WriteFile(f, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	p := sitter.NewParser()
	defer p.Close()
	p.SetLanguage(python.GetLanguage())
	sums, errs := map[string]*fileSum{}, map[string][]FileError{}
	for _, f := range files {
		src, ferr := readSource(f, nil)
		if ferr != nil {
			continue
		}
		fs, fe := parseFile(context.Background(), &worker{p: p}, f, src)
		if fs != nil {
			sums[f], errs[f] = fs, fe
		}
	}
	return sums, errs
}

// TestSummaryCodecRoundTrip: every fixture's summary decodes to a value
// deeply equal to what was encoded, warnings included.
func TestSummaryCodecRoundTrip(t *testing.T) {
	sums, errs := fixtureSummaries(t)
	for path, fs := range sums {
		entry := encodeEntry(nil, fs, errs[path])
		got, gotErrs, err := decodeEntry(entry, path, newInterner())
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if !reflect.DeepEqual(got, fs) {
			t.Errorf("%s: decoded summary differs from the encoded one", path)
		}
		if _, _, err := decodeEntry(entry, path, nil); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if len(gotErrs) != len(errs[path]) {
			t.Fatalf("%s: %d warnings decoded, want %d", path, len(gotErrs), len(errs[path]))
		}
		for i, e := range errs[path] {
			g := gotErrs[i]
			if g.File != e.File || g.Line != e.Line || g.Fatal != e.Fatal || g.Err.Error() != e.Err.Error() {
				t.Errorf("%s: warning %d = %+v, want %+v", path, i, g, e)
			}
		}
	}
}

// phase1Only are summary fields that phase 1 clears before a summary is
// kept: always zero in a kept summary, so the round trip cannot show
// them.
var phase1Only = map[string]bool{
	"funcSum.b": true, "table[int].idx": true, "table[string].idx": true,
	"table[int].open": true, "table[string].open": true,
}

// TestSummaryCodecCoversEveryField makes the round trip above meaningful:
// every field of every summary type is set (non-zero) in some fixture,
// so a field the codec dropped would show as a difference. A new field
// needs a fixture that sets it (or, if phase 1 clears it, an entry in
// phase1Only).
func TestSummaryCodecCoversEveryField(t *testing.T) {
	sums, _ := fixtureSummaries(t)
	seen := map[string]bool{}
	all := map[string]bool{}
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Slice:
			for i := range v.Len() {
				walk(v.Index(i))
			}
		case reflect.Map:
			it := v.MapRange()
			for it.Next() {
				walk(it.Key())
				walk(it.Value())
			}
		case reflect.Struct:
			for i := range v.NumField() {
				name := v.Type().Name() + "." + v.Type().Field(i).Name
				all[name] = true
				if !v.Field(i).IsZero() {
					seen[name] = true
				}
				walk(v.Field(i))
			}
		}
	}
	for _, fs := range sums {
		fs.path = "" // not encoded (the key holds it); set on decoding
		walk(reflect.ValueOf(fs))
	}
	delete(all, "fileSum.path")
	for name := range all {
		if !seen[name] && !phase1Only[name] {
			t.Errorf("no fixture sets summary field %s: add one, so that the codec round trip covers it", name)
		}
		if seen[name] && phase1Only[name] {
			t.Errorf("summary field %s is listed as phase-1 only but is set in a kept summary", name)
		}
	}
}

// TestSummaryShape: the shape hashed into every key tells apart types that
// differ in a field's name, type or order, so a summary type that changes
// invalidates the cache by itself.
func TestSummaryShape(t *testing.T) {
	type a struct {
		X int
		Y string
	}
	type renamed struct {
		X int
		Z string
	}
	type retyped struct {
		X int32
		Y string
	}
	type reordered struct {
		Y string
		X int
	}
	type added struct {
		X int
		Y string
		W []bool
	}
	shapes := map[string]string{}
	for name, typ := range map[string]reflect.Type{
		"a": reflect.TypeFor[a](), "renamed": reflect.TypeFor[renamed](), "retyped": reflect.TypeFor[retyped](),
		"reordered": reflect.TypeFor[reordered](), "added": reflect.TypeFor[added](),
	} {
		s := strings.Replace(shapeOf(typ), typ.Name(), "T", 1)
		if other, dup := shapes[s]; dup {
			t.Errorf("types %s and %s have the same shape %q", name, other, s)
		}
		shapes[s] = name
	}
}

// runCached runs Check over the fixture tree with cache c (nil: none).
func runCached(t *testing.T, c *Cache) ([]Finding, []FileError) {
	t.Helper()
	files, _ := Discover(context.Background(), []string{fixtureRoot()}, Options{})
	return Check(context.Background(), files, Options{Cache: c})
}

func openTestCache(t *testing.T, dir string, cfg *config.File) *Cache {
	t.Helper()
	c, err := OpenCache(dir, 0, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func errTexts(errs []FileError) []string {
	var out []string
	for _, e := range errs {
		out = append(out, e.Error())
	}
	slices.Sort(out)
	return out
}

// TestCacheWarmRun: a second run reads every file back from the cache and
// reports exactly what an uncached run reports.
func TestCacheWarmRun(t *testing.T) {
	want, wantErrs := runCached(t, nil)
	if len(want) == 0 {
		t.Fatal("no findings in the fixture tree")
	}
	dir := t.TempDir()
	cold := openTestCache(t, dir, nil)
	got, gotErrs := runCached(t, cold)
	st := cold.Stats()
	if st.Hits != 0 || st.Written == 0 {
		t.Errorf("cold run: %+v, want no hits and entries written", st)
	}
	if !reflect.DeepEqual(got, want) || !slices.Equal(errTexts(gotErrs), errTexts(wantErrs)) {
		t.Errorf("cold cached run differs from the uncached run")
	}
	warm := openTestCache(t, dir, nil)
	got, gotErrs = runCached(t, warm)
	st = warm.Stats()
	if st.Misses != 0 || st.Hits != cold.Stats().Written || st.Written != 0 {
		t.Errorf("warm run: %+v, want %d hits and nothing else", st, cold.Stats().Written)
	}
	if !reflect.DeepEqual(got, want) || !slices.Equal(errTexts(gotErrs), errTexts(wantErrs)) {
		t.Errorf("warm run differs from the uncached run:\n got %d findings %v\nwant %d findings %v", len(got), errTexts(gotErrs), len(want), errTexts(wantErrs))
	}
}

// TestCacheKey: the key changes with the content, the path and the
// configuration.
func TestCacheKey(t *testing.T) {
	dir := t.TempDir()
	c := openTestCache(t, dir, nil)
	base := c.key("a/x.py", []byte("import requests\n"))
	if c.key("a/x.py", []byte("import requests\n")) != base {
		t.Fatal("key is not deterministic")
	}
	if c.key("a/x.py", []byte("import requests \n")) == base {
		t.Error("key ignores the content")
	}
	if c.key("b/x.py", []byte("import requests\n")) == base {
		t.Error("key ignores the path")
	}
	other := openTestCache(t, dir, &config.File{Python: config.Python{Decorators: []string{"my.view"}}})
	if other.key("a/x.py", []byte("import requests\n")) == base {
		t.Error("key ignores the configuration")
	}
}

// entries lists the cache's entry files.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && len(d.Name()) == 64 {
			out = append(out, p)
		}
		return nil
	})
	slices.Sort(out)
	return out
}

// TestCacheBadEntries: entries that are truncated, corrupted, empty,
// written for another key, or not files at all are misses; the results
// stay those of an uncached run, and the entries are rewritten.
func TestCacheBadEntries(t *testing.T) {
	want, wantErrs := runCached(t, nil)
	tests := []struct {
		name    string
		corrupt func(t *testing.T, paths []string)
	}{
		{"truncated", func(t *testing.T, ps []string) {
			for _, p := range ps {
				data, _ := os.ReadFile(p)
				os.WriteFile(p, data[:len(data)/2], 0o644)
			}
		}},
		{"bit flipped", func(t *testing.T, ps []string) {
			for _, p := range ps {
				data, _ := os.ReadFile(p)
				data[len(data)/2] ^= 0x10
				os.WriteFile(p, data, 0o644)
			}
		}},
		{"empty", func(t *testing.T, ps []string) {
			for _, p := range ps {
				os.WriteFile(p, nil, 0o644)
			}
		}},
		{"null", func(t *testing.T, ps []string) {
			for _, p := range ps {
				os.WriteFile(p, []byte("null"), 0o644)
			}
		}},
		{"foreign: another file's entry", func(t *testing.T, ps []string) {
			// every entry is replaced by its neighbour's: valid frames,
			// valid checksums, wrong keys
			first, _ := os.ReadFile(ps[0])
			for i := range ps {
				next := first
				if i+1 < len(ps) {
					next, _ = os.ReadFile(ps[i+1])
				}
				os.WriteFile(ps[i], next, 0o644)
			}
		}},
		{"directory", func(t *testing.T, ps []string) {
			for _, p := range ps {
				os.Remove(p)
				os.Mkdir(p, 0o755)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			runCached(t, openTestCache(t, dir, nil))
			ps := entries(t, dir)
			if len(ps) < 2 {
				t.Fatalf("%d entries written", len(ps))
			}
			tt.corrupt(t, ps)
			c := openTestCache(t, dir, nil)
			got, gotErrs := runCached(t, c)
			if st := c.Stats(); st.Hits != 0 || st.Misses != int64(len(ps)) {
				t.Errorf("stats %+v, want every one of %d entries a miss", st, len(ps))
			}
			if !reflect.DeepEqual(got, want) || !slices.Equal(errTexts(gotErrs), errTexts(wantErrs)) {
				t.Errorf("results with %s entries differ from an uncached run", tt.name)
			}
			if tt.name == "directory" {
				return // cannot be replaced by a rename; stays a miss
			}
			again := openTestCache(t, dir, nil)
			runCached(t, again)
			if st := again.Stats(); st.Misses != 0 {
				t.Errorf("after rewriting: %+v, want no misses", st)
			}
		})
	}
}

// TestCacheConcurrentRuns: runs sharing a cache directory at the same time
// (separate Cache values, as separate processes have) all get the right
// results, and leave only valid entries behind.
func TestCacheConcurrentRuns(t *testing.T) {
	want, _ := runCached(t, nil)
	dir := t.TempDir()
	var wg sync.WaitGroup
	results := make([][]Finding, 4)
	for i := range results {
		wg.Go(func() {
			results[i], _ = runCached(t, openTestCache(t, dir, nil))
		})
	}
	wg.Wait()
	for i, got := range results {
		if !reflect.DeepEqual(got, want) {
			t.Errorf("concurrent run %d differs from an uncached run", i)
		}
	}
	c := openTestCache(t, dir, nil)
	runCached(t, c)
	if st := c.Stats(); st.Misses != 0 || st.Hits == 0 {
		t.Errorf("after concurrent runs: %+v, want only hits", st)
	}
	tmps, _ := filepath.Glob(filepath.Join(dir, "*", ".tmp-*"))
	if len(tmps) != 0 {
		t.Errorf("temporary files left behind: %v", tmps)
	}
}

// TestCacheTrim: a cache over its bound is trimmed, least recently used
// entries first, to three quarters of the bound; stale temporary files
// go too.
func TestCacheTrim(t *testing.T) {
	dir := t.TempDir()
	runCached(t, openTestCache(t, dir, nil))
	ps := entries(t, dir)
	var total int64
	old := time.Now().Add(-48 * time.Hour)
	for i, p := range ps {
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		total += st.Size()
		// the first three quarters of the entries were used long ago
		if i < len(ps)*3/4 {
			os.Chtimes(p, old, old)
		}
	}
	stale := filepath.Join(filepath.Dir(ps[0]), ".tmp-stale")
	os.WriteFile(stale, []byte("x"), 0o644)
	os.Chtimes(stale, old, old)

	limit := total * 2 / 3
	c, err := OpenCache(dir, limit, nil)
	if err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(dir, "trim.txt")) // trim now, not in an hour
	c.Trim()
	var left int64
	kept := entries(t, dir)
	for _, p := range kept {
		st, _ := os.Stat(p)
		left += st.Size()
	}
	if left > limit/4*3 {
		t.Errorf("cache holds %d bytes after trimming, want at most %d", left, limit/4*3)
	}
	for _, p := range ps[len(ps)*3/4:] {
		if !slices.Contains(kept, p) {
			t.Errorf("recently used entry %s was trimmed", filepath.Base(p))
			break
		}
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("stale temporary file not removed")
	}
	// a second Trim within the interval does not look at the directory
	junk := filepath.Join(dir, "ab", strings.Repeat("a", 64))
	os.MkdirAll(filepath.Dir(junk), 0o755)
	os.WriteFile(junk, make([]byte, limit), 0o644)
	c.Trim()
	if _, err := os.Stat(junk); err != nil {
		t.Error("Trim ran again within the interval")
	}
}

func FuzzDecodeEntry(f *testing.F) {
	sums, errs := fixtureSummaries(f)
	n := 0
	for path, fs := range sums {
		if n < 40 {
			f.Add(encodeEntry(nil, fs, errs[path]))
			n++
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		decodeEntry(data, "x.py", newInterner()) // must not panic
	})
}
