package pylint

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
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
// in a bounded run (0: nothing to do).
var lowerOnParse atomic.Int64

// BoundMemory sets a soft memory limit (limit bytes of Go heap) until
// restore is called: the collector runs as the live heap grows (see
// gcPacer: small trees stay small), and also whenever the heap nears the
// limit, so that on a big tree the peak is the limit, not twice the
// summaries. Until the run parses its first file the limit is the larger
// parseFreeBudget (when that is larger): a run served from the result
// cache needs no room for syntax trees. GOGC is gcPacer's until restore:
// parseFreeGCPercent, and from the first parse on set by the live heap.
// A user's GOGC leaves the pacing alone, and a user's GOMEMLIMIT wins:
// then nothing changes.
func BoundMemory(limit int64) (restore func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	first := limit
	if limit < parseFreeBudget && limit >= MemoryBudget {
		first = parseFreeBudget
		lowerOnParse.Store(limit)
		if os.Getenv("GOGC") == "" {
			startPacer()
		}
	}
	old := debug.SetMemoryLimit(first)
	return func() {
		lowerOnParse.Store(0)
		stopPacer()
		debug.SetMemoryLimit(old)
	}
}

// parsing is called before a file is parsed: the first call in a bounded
// run lowers the limit to the bound, making room for tree-sitter, and
// tells the pacer.
func parsing() {
	if lowerOnParse.Load() == 0 {
		return
	}
	if l := lowerOnParse.Swap(0); l != 0 {
		if p := pacer.Load(); p != nil {
			p.parsed()
		}
		debug.SetMemoryLimit(l)
	}
}

// While a bounded run parses, the collector is paced by the live heap
// (gcPacer) rather than at a fixed GOGC: a small tree's summaries
// are a few MB, and at GOGC 100 the heap was collected at every few MB
// of the walk's garbage (Django: 8 cycles in 0.7 s, while each summary
// stays until the end). Up to smallHeap the heap may grow to
// smallHeapGCPercent over the live heap (but not past smallHeap unless
// GOGC's own goal is larger); a big tree's heap is paced at GOGC as
// before, its peak held by the memory limit. Measured on Django, twelve
// alternating rounds: whole pass 0.793 s at GOGC 100, 0.763 s paced
// (one collection instead of eight; peak RSS 33 -> 37 MB); on the Azure
// SDK a fixed GOGC 400 was slower (the heap rode the memory limit:
// 50.0 -> 52.4 s, 42.4 -> 46.6 s) and peaked at 497 MB.
const (
	smallHeap          = 64 << 20
	smallHeapGCPercent = 400
)

// gcPercentFor is the GOGC for a live heap of live bytes when the run's
// own GOGC is base: smallHeapGCPercent for a small heap, base for a
// large one, and in between what puts the goal at smallHeap.
func gcPercentFor(live uint64, base int) int {
	if base < 0 || base >= smallHeapGCPercent {
		return base
	}
	if live == 0 || live*(100+smallHeapGCPercent) <= smallHeap*100 {
		return smallHeapGCPercent
	}
	return max(base, int(smallHeap*100/live)-100)
}

// gcPacer owns GOGC during a bounded run: parseFreeGCPercent until the
// run parses, then after every collection what gcPercentFor gives for the
// live heap; stopping it puts back the GOGC it found.
type gcPacer struct {
	mu      sync.Mutex
	base    int  // the GOGC it found: paced from, and restored
	parsing bool // the run has parsed a file
	done    bool
}

// pacer is the running pacer, or nil.
var pacer atomic.Pointer[gcPacer]

// startPacer starts the pacer, unless one is running already (bounded
// runs side by side in one process: the first one's paces until it
// stops).
func startPacer() {
	p := &gcPacer{}
	if !pacer.CompareAndSwap(nil, p) {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.base = debug.SetGCPercent(parseFreeGCPercent)
	p.arm()
}

// stopPacer stops the running pacer, if any, and restores its GOGC.
func stopPacer() {
	p := pacer.Swap(nil)
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done = true
	debug.SetGCPercent(p.base)
}

// parsed switches p to pacing by the live heap.
func (p *gcPacer) parsed() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.done && !p.parsing {
		p.parsing = true
		debug.SetGCPercent(gcPercentFor(liveHeap(), p.base))
	}
}

// cycle runs after a collection: it sets GOGC for the live heap the
// collection left (once the run parses) and arms p for the next one.
func (p *gcPacer) cycle() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.done {
		return
	}
	if p.parsing {
		debug.SetGCPercent(gcPercentFor(liveHeap(), p.base))
	}
	p.arm()
}

// arm makes cycle run after the next collection: a cleanup on an object
// nothing references runs after the collection that finds it.
func (p *gcPacer) arm() {
	runtime.AddCleanup(&gcSentinel{}, (*gcPacer).cycle, p)
}

// gcSentinel is big enough not to come from the tiny allocator, whose
// blocks are freed together (a cleanup on one might never run).
type gcSentinel struct{ _ [2]*byte }

// liveHeap is the heap the last collection marked live (0 before the
// first one).
func liveHeap() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}
