package pylint

import (
	"context"
	"time"

	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/python"
	"github.com/snatlint/snatlint/analyzers/catalog"
)

// corpusFiles lists the files of a real corpus named by SNATLINT_CORPUS
// (a directory, e.g. /usr/lib/python3/dist-packages/django), tests
// included.
func corpusFiles(tb testing.TB) ([]string, int64) {
	dir := os.Getenv("SNATLINT_CORPUS")
	if dir == "" {
		tb.Skip("set SNATLINT_CORPUS to a directory of Python files")
	}
	files, _ := Discover(context.Background(), []string{dir}, Options{Tests: true})
	return files, totalSize(tb, files)
}

// BenchmarkCorpusParseOnly is tree-sitter parsing alone on every core:
// the floor BenchmarkCorpusCheck is measured against.
func BenchmarkCorpusParseOnly(b *testing.B) {
	files, size := corpusFiles(b)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		ParseOnly(context.Background(), files)
	}
}

// BenchmarkCorpusCheck is the whole pass as the command runs it (under
// BoundMemory, no cache), to compare with BenchmarkCorpusParseOnly on the
// same files and cores.
func BenchmarkCorpusCheck(b *testing.B) {
	files, size := corpusFiles(b)
	defer BoundMemory(MemoryBudget)()
	b.SetBytes(size)
	b.ReportAllocs()
	var n int
	for b.Loop() {
		fs, _ := Check(context.Background(), files, Options{})
		n = len(fs)
	}
	b.ReportMetric(float64(n), "findings")
}

func fixtureFiles(tb testing.TB) ([]string, int64) {
	files, _ := Discover(context.Background(), []string{fixtureRoot()}, Options{})
	return files, totalSize(tb, files)
}

// totalSize is the sum of the sizes of files, for b.SetBytes.
func totalSize(tb testing.TB, files []string) int64 {
	var size int64
	for _, f := range files {
		fi, err := os.Stat(f)
		if err != nil {
			tb.Fatal(err)
		}
		size += fi.Size()
	}
	return size
}

// BenchmarkFixtureTree is the whole pass over testdata/python.
func BenchmarkFixtureTree(b *testing.B) {
	files, size := fixtureFiles(b)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		Check(context.Background(), files, Options{})
	}
}

// BenchmarkPerFile is phase 1 (parse and summarize) per fixture file.
func BenchmarkPerFile(b *testing.B) {
	files, _ := fixtureFiles(b)
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(filepath.Dir(f))+"_"+filepath.Base(f), ".py")
		b.Run(name, func(b *testing.B) {
			wk := benchWorker(b)
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				summarizeSource(context.Background(), wk, f, src)
			}
		})
	}
}

// BenchmarkCorpusMemory reports the time of each phase and the live heap
// held by the per-file summaries after phase 1 (SNATLINT_CORPUS).
func BenchmarkCorpusMemory(b *testing.B) {
	files, _ := corpusFiles(b)
	var phase1, phase2 time.Duration
	var heap uint64
	for b.Loop() {
		start := time.Now()
		sums, _ := parseAll(context.Background(), files, nil, nil, builtinKeys())
		phase1 = time.Since(start)
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		heap = ms.HeapAlloc
		start = time.Now()
		checkSummaries(sums, catalog.NewPyMatcher(nil), Options{})
		phase2 = time.Since(start)
		runtime.KeepAlive(sums)
	}
	b.ReportMetric(float64(phase1.Milliseconds()), "phase1-ms")
	b.ReportMetric(float64(phase2.Milliseconds()), "phase2-ms")
	b.ReportMetric(float64(heap)/1e6, "live-MB")
}

// BenchmarkCorpusWalk is the Go side of phase 1 alone: each file of
// SNATLINT_CORPUS is parsed and flattened once, and only the walk
// (summarizeKeys) is timed, so its CPU and allocations show without
// tree-sitter's.
func BenchmarkCorpusWalk(b *testing.B) {
	files, srcs, _ := corpusSources(b)
	type parsed struct {
		path  string
		src   []byte
		nodes []fnode
	}
	var all []parsed
	var size int64
	wk := benchWorker(b)
	for i, src := range srcs {
		tree, err := wk.p.ParseCtx(context.Background(), nil, src)
		if err != nil || tree == nil {
			continue
		}
		nodes := append([]fnode(nil), wk.nodes.flatten(tree, len(src))...)
		tree.Close()
		all = append(all, parsed{files[i], src, nodes})
		size += int64(len(src))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	keys := builtinKeys()
	for b.Loop() {
		for _, p := range all {
			summarizeKeys(p.path, p.src, p.nodes, keys, &wk.scratch)
		}
	}
}

// BenchmarkCorpusCopy times the node copy (flatten) of each file of
// SNATLINT_CORPUS right after its parse, as in phase 1 (the tree still
// in the cache the parse left it in): copy-ns/node is the copy's time
// alone (a clock read around each copy), ns/op the parses and closes
// too.
func BenchmarkCorpusCopy(b *testing.B) {
	_, srcs, size := corpusSources(b)
	wk := benchWorker(b)
	b.SetBytes(size)
	var nodes int
	var copying time.Duration
	for b.Loop() {
		for _, src := range srcs {
			tree, err := wk.p.ParseCtx(context.Background(), nil, src)
			if err != nil || tree == nil {
				continue
			}
			start := time.Now()
			nodes += len(wk.nodes.flatten(tree, len(src)))
			copying += time.Since(start)
			tree.Close()
		}
	}
	b.ReportMetric(float64(copying.Nanoseconds())/float64(max(nodes, 1)), "copy-ns/node")
}

// corpusSources reads the files of SNATLINT_CORPUS that readSource
// accepts: their paths, sources and total size.
func corpusSources(b *testing.B) (paths []string, srcs [][]byte, size int64) {
	files, _ := corpusFiles(b)
	for _, f := range files {
		if src, ferr := readSource(f, nil); ferr == nil {
			paths = append(paths, f)
			srcs = append(srcs, src)
			size += int64(len(src))
		}
	}
	return paths, srcs, size
}

// benchWorker is a worker with a Python parser, freed when b ends.
func benchWorker(b *testing.B) *worker {
	wk := &worker{p: sitter.NewParser()}
	wk.p.SetLanguage(python.GetLanguage())
	b.Cleanup(func() {
		wk.nodes.free()
		wk.p.Close()
	})
	return wk
}
