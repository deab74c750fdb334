package pylint

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestBigFilesPutOff: while a big file is being checked (bigFiles held),
// the workers go on with the small files instead of waiting, and every
// big file put off meanwhile is still checked once the lock is free.
func TestBigFilesPutOff(t *testing.T) {
	dir := t.TempDir()
	pad := "# " + strings.Repeat("x", bigFile) + "\n"
	var files []string
	small, big := 0, 0
	for i := range 12 {
		src := fmt.Sprintf("import requests\n\n\ndef f%d():\n    return requests.Session()\n", i)
		if i%3 == 0 {
			src = pad + src
			big++
		} else {
			small++
		}
		f := filepath.Join(dir, fmt.Sprintf("m%02d.py", i))
		if err := os.WriteFile(f, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}

	bigFiles.Lock() // another check's big file
	var done atomic.Int64
	smallDone := make(chan struct{})
	progress := func(n, total int) {
		if done.Add(1) == int64(small) {
			close(smallDone)
		}
	}
	type result struct {
		sums []*fileSum
		errs [][]FileError
	}
	res := make(chan result, 1)
	go func() {
		sums, errs := parseAll(context.Background(), files, nil, progress, builtinKeys())
		res <- result{sums, errs}
	}()
	select {
	case <-smallDone:
	case <-time.After(30 * time.Second):
		bigFiles.Unlock()
		t.Fatal("the small files waited for the big file being checked")
	}
	select {
	case <-res:
		t.Fatal("the run ended before the put-off big files could be checked")
	default:
	}
	bigFiles.Unlock()
	r := <-res
	if got := done.Load(); got != int64(len(files)) {
		t.Errorf("progress counted %d files, want %d", got, len(files))
	}
	for i, fs := range r.sums {
		if fs == nil || len(r.errs[i]) > 0 {
			t.Errorf("%s: summary %v, errors %v; want a summary and no error", files[i], fs != nil, r.errs[i])
			continue
		}
		if len(fs.funcs) != 2 || !strings.HasPrefix(fs.funcs[1].name, "f") {
			t.Errorf("%s: functions %d, want the module and f", files[i], len(fs.funcs))
		}
	}
	if big == 0 || small == 0 {
		t.Fatal("the test needs big and small files")
	}
}

// TestKeptSetLate: decode leaves the files whose phase 1 is not done
// (another worker is still on them) to decodeLate, which decodes them
// once they are; none is decoded twice or lost.
func TestKeptSetLate(t *testing.T) {
	sums, errs := fixtureSummaries(t)
	var files []string
	for f := range sums {
		files = append(files, f)
	}
	ks := &keptSet{
		files: files, sums: make([]*fileSum, len(files)), kept: make([][]byte, len(files)),
		errs: make([][]FileError, len(files)), ready: make([]atomic.Bool, len(files)),
	}
	for i, f := range files {
		ks.kept[i] = encodeEntry(nil, sums[f], errs[f])
		ks.ready[i].Store(i%3 != 0) // every third still being checked
	}
	ks.decode(newInterner())
	for i := range files {
		if got := ks.sums[i] != nil; got != ks.ready[i].Load() {
			t.Fatalf("%s: decoded %v while its phase 1 was done %v", files[i], got, ks.ready[i].Load())
		}
	}
	if want := (len(files) + 2) / 3; len(ks.late) != want {
		t.Fatalf("%d files left late, want %d", len(ks.late), want)
	}
	for i := range files {
		ks.ready[i].Store(true)
	}
	ks.decodeLate(newInterner())
	for i, f := range files {
		if ks.kept[i] != nil || !reflect.DeepEqual(ks.sums[i], sums[f]) || len(ks.errs[i]) != 0 {
			t.Errorf("%s: not decoded once, as encoded", f)
		}
	}
}

// TestFreshOrKept: a run reports the same whether phase 1 keeps its fresh
// summaries as they are (keepFreshUpTo), encoded until the end, or some
// of each, with and without a result cache.
func TestFreshOrKept(t *testing.T) {
	files, _ := Discover(context.Background(), []string{fixtureRoot()}, Options{Tests: true})
	size := totalSize(t, files)
	defer func(old int64) { keepFreshUpTo = old }(keepFreshUpTo)
	run := func(upTo int64, cached bool) ([]Finding, []string) {
		keepFreshUpTo = upTo
		opts := Options{Tests: true}
		if cached {
			opts.Cache = openTestCache(t, t.TempDir(), nil)
		}
		fs, errs := Check(context.Background(), files, opts)
		return fs, errTexts(errs)
	}
	want, wantErrs := run(0, false) // every summary encoded and decoded
	if len(want) == 0 || len(wantErrs) == 0 {
		t.Fatalf("%d findings and %d errors in the fixture tree, want some of each", len(want), len(wantErrs))
	}
	for _, upTo := range []int64{0, size / 2, size + 1} {
		for _, cached := range []bool{false, true} {
			got, gotErrs := run(upTo, cached)
			if !reflect.DeepEqual(got, want) || !slices.Equal(gotErrs, wantErrs) {
				t.Errorf("fresh summaries kept up to %d of %d bytes, cache %v: %d findings %q, want %d %q",
					upTo, size, cached, len(got), gotErrs, len(want), wantErrs)
			}
		}
	}
}

// TestSpareProc checks that a run starts as many workers as GOMAXPROCS
// was when it began, holds one P more while it runs (however many runs
// overlap), and puts GOMAXPROCS back when the last one ends; and that
// Check and ParseOnly leave it as they found it.
func TestSpareProc(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(3))
	w1, release1 := holdSpareProc()
	if w1 != 3 || runtime.GOMAXPROCS(0) != 4 {
		t.Fatalf("first hold: %d workers, GOMAXPROCS %d; want 3 and 4", w1, runtime.GOMAXPROCS(0))
	}
	w2, release2 := holdSpareProc()
	if w2 != 3 || runtime.GOMAXPROCS(0) != 4 {
		t.Fatalf("overlapping hold: %d workers, GOMAXPROCS %d; want 3 and 4", w2, runtime.GOMAXPROCS(0))
	}
	release1()
	release1() // once only: must not release the other run's hold
	if got := runtime.GOMAXPROCS(0); got != 4 {
		t.Fatalf("one of two runs done: GOMAXPROCS %d, want 4", got)
	}
	release2()
	if got := runtime.GOMAXPROCS(0); got != 3 {
		t.Fatalf("both runs done: GOMAXPROCS %d, want 3", got)
	}
	files, _ := fixtureFiles(t)
	Check(context.Background(), files, Options{})
	ParseOnly(context.Background(), files)
	if got := runtime.GOMAXPROCS(0); got != 3 {
		t.Fatalf("after Check and ParseOnly: GOMAXPROCS %d, want 3", got)
	}
}
