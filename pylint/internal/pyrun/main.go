// Command pyrun runs the Python pass alone over paths, for development and
// corpus measurements (wall time, MB/s, peak RSS with /usr/bin/time -v).
//
//	pyrun [-parse-only] [-tests] [-q] [-cache DIR] paths...
//
// The whole pass runs as the command runs it: with pylint.BoundMemory, and
// with -cache, the result cache in DIR (the first run fills it, the next
// reads it).
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime/pprof"
	"sort"
	"strings"
	"time"

	"github.com/snatlint/snatlint/pylint"
)

func main() {
	parseOnly := flag.Bool("parse-only", false, "only parse with tree-sitter (the floor)")
	tests := flag.Bool("tests", false, "include test files")
	quiet := flag.Bool("q", false, "print a summary by rule and context instead of each finding")
	cacheDir := flag.String("cache", "", "use the result cache in `dir`")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile of the pass to `file`")
	memProfile := flag.String("memprofile", "", "write a heap profile of the pass to `file`")
	flag.Parse()
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			fmt.Fprintln(os.Stderr, "pyrun:", err)
			os.Exit(2)
		}
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	ctx := context.Background()
	opts := pylint.Options{Tests: *tests}
	if *cacheDir != "" {
		c, err := pylint.OpenCache(*cacheDir, 0, nil)
		if err != nil {
			fmt.Fprintln(os.Stderr, "pyrun:", err)
			os.Exit(2)
		}
		opts.Cache = c
	}
	files, derrs := pylint.Discover(ctx, flag.Args(), opts)
	var size int64
	for _, f := range files {
		if fi, err := os.Stat(f); err == nil {
			size += fi.Size()
		}
	}
	start := time.Now()
	if *parseOnly {
		pylint.ParseOnly(context.Background(), files)
		report(len(files), size, time.Since(start), 0)
		return
	}
	restore := pylint.BoundMemory(pylint.MemoryBudget)
	fs, errs := pylint.Check(ctx, files, opts)
	restore()
	if *memProfile != "" {
		writeHeapProfile(*memProfile)
	}
	elapsed := time.Since(start)
	kinds := map[string]int{}
	for _, f := range fs {
		if *quiet {
			where := f.Message
			if i := strings.Index(where, ": "); i > 0 {
				where = where[:i]
			}
			// "<what> created in <context> <name>" -> rule + context kind
			ctxKind := "other"
			for _, k := range []string{"loop body", "comprehension", "closure", "Django view", "DRF view", "Django middleware",
				"Channels", "Celery task", "Dramatiq", "RQ", "Flask", "Quart", "FastAPI", "Starlette", "ASGI", "aiohttp",
				"Azure Functions", "Lambda", "gRPC", "MCP", "Semantic Kernel", "request handler", "route"} {
				if strings.Contains(where, "in "+k) {
					ctxKind = k
					break
				}
			}
			if strings.HasPrefix(where, "call to ") {
				ctxKind += " (interprocedural)"
			}
			kinds[f.RuleID+" "+ctxKind]++
			continue
		}
		fmt.Printf("%s:%d:%d: %s %s\n", f.Pos.File, f.Pos.Line, f.Pos.Column, f.RuleID, f.Message)
		for _, r := range f.Related {
			fmt.Printf("    related %s:%d:%d %s\n", r.Pos.File, r.Pos.Line, r.Pos.Column, r.Message)
		}
	}
	fatal := 0
	for _, e := range append(derrs, errs...) {
		if e.Fatal {
			fatal++
		}
		if !*quiet {
			fmt.Println("problem:", e.Error(), "fatal:", e.Fatal)
		}
	}
	var keys []string
	for k := range kinds {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("%6d  %s\n", kinds[k], k)
	}
	fmt.Printf("problems: %d (%d fatal)\n", len(derrs)+len(errs), fatal)
	report(len(files), size, elapsed, len(fs))
	if opts.Cache != nil {
		st := opts.Cache.Stats()
		fmt.Printf("cache: %d hits, %d misses, %d written\n", st.Hits, st.Misses, st.Written)
	}
}

func report(n int, size int64, d time.Duration, findings int) {
	fmt.Printf("%d files, %.1f MB, %.2fs, %.2f MB/s, %d findings\n", n, float64(size)/1e6, d.Seconds(), float64(size)/1e6/d.Seconds(), findings)
}

// writeHeapProfile writes the heap profile (alloc_space: on a warm run,
// nearly all of it is the decoded summaries).
func writeHeapProfile(path string) {
	f, err := os.Create(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "pyrun:", err)
		return
	}
	defer f.Close()
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		fmt.Fprintln(os.Stderr, "pyrun:", err)
	}
}
