package pylint

import (
	"os"
	"runtime/debug"
	"sync/atomic"
)

// MemoryBudget is the Go heap the Python pass is held to by BoundMemory:
// with tree-sitter's own memory (one tree per worker, one big file at a
// time: bigFile) and the runtime's, the whole pass stays under 512 MB of
// resident memory on a 22,000-file tree (the Azure SDK: 375 to 420 MB
// at this bound since phase 1 keeps fresh summaries encoded, 455 MB
// before; 490 MB at 384 MiB with no gain in time; at 288 MiB the
// collector took a fifth more CPU).
const MemoryBudget = 340 << 20

// parseFreeBudget is the Go heap allowed instead while the run has parsed
// nothing (every summary so far came from the result cache): tree-sitter's
// memory, which MemoryBudget leaves room for, is not in use then. On the
// 22,000-file Azure SDK tree a warm run holds about 230 MB of summaries.
const parseFreeBudget = 448 << 20

// parseFreeGCPercent is the collector's pacing (GOGC) while a bounded
// run has parsed nothing: summaries read from the cache are nearly all
// kept, so collecting at every doubling of the heap marks them again and
// again for little; the parse-free limit still bounds the heap.
const parseFreeGCPercent = 400

// lowerOnParse holds the limit to fall to when the first file is parsed
// in a bounded run (0: nothing to do), and gcOnParse the GOGC to return
// to then (-2: leave it).
var (
	lowerOnParse atomic.Int64
	gcOnParse    atomic.Int64
)

// BoundMemory sets a soft memory limit (limit bytes of Go heap) until
// restore is called: the collector still runs at every doubling of the
// live heap (small trees stay small), and also whenever the heap nears the
// limit, so that on a big tree the peak is the limit, not twice the
// summaries. Until the run parses its first file the limit is the larger
// parseFreeBudget (when that is larger): a run served from the result
// cache needs no room for syntax trees, and the collector is paced at
// parseFreeGCPercent unless the user set GOGC. A user's GOMEMLIMIT wins:
// then nothing changes.
func BoundMemory(limit int64) (restore func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	first := limit
	gc := int64(-2)
	if limit < parseFreeBudget && limit >= MemoryBudget {
		first = parseFreeBudget
		lowerOnParse.Store(limit)
		if os.Getenv("GOGC") == "" {
			gc = int64(debug.SetGCPercent(parseFreeGCPercent))
		}
	}
	gcOnParse.Store(gc)
	old := debug.SetMemoryLimit(first)
	return func() {
		lowerOnParse.Store(0)
		restoreGC()
		debug.SetMemoryLimit(old)
	}
}

// parsing is called before a file is parsed: the first call in a bounded
// run lowers the limit to the bound, making room for tree-sitter.
func parsing() {
	if lowerOnParse.Load() == 0 {
		return
	}
	if l := lowerOnParse.Swap(0); l != 0 {
		restoreGC()
		debug.SetMemoryLimit(l)
	}
}

// restoreGC puts back the GOGC that BoundMemory replaced, once.
func restoreGC() {
	if g := gcOnParse.Swap(-2); g != -2 {
		debug.SetGCPercent(int(g))
	}
}
