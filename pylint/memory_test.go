package pylint

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// TestBoundMemory: a bounded run starts at the parse-free limit and falls
// to the bound at its first parse, once; restore puts the old limit back;
// a user's GOMEMLIMIT leaves the limit alone.
func TestBoundMemory(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	t.Setenv("GOGC", "")
	current := func() int64 { return debug.SetMemoryLimit(-1) }
	gcPercent := func() int {
		p := debug.SetGCPercent(100)
		debug.SetGCPercent(p)
		return p
	}
	before, beforeGC := current(), gcPercent()

	restore := BoundMemory(MemoryBudget)
	if got := current(); got != parseFreeBudget {
		t.Errorf("limit before any parse = %d, want %d", got, parseFreeBudget)
	}
	if got := gcPercent(); got != parseFreeGCPercent {
		t.Errorf("GOGC before any parse = %d, want %d", got, parseFreeGCPercent)
	}
	parsing()
	if got := current(); got != MemoryBudget {
		t.Errorf("limit after the first parse = %d, want %d", got, MemoryBudget)
	}
	if got, want := gcPercent(), gcPercentFor(liveHeap(), beforeGC); got != want {
		t.Errorf("GOGC after the first parse = %d, want %d (paced)", got, want)
	}
	debug.SetMemoryLimit(MemoryBudget + 1)
	parsing() // the second parse changes nothing
	if got := current(); got != MemoryBudget+1 {
		t.Errorf("a second parse set the limit again: %d", got)
	}
	restore()
	if got := current(); got != before {
		t.Errorf("limit after restore = %d, want %d", got, before)
	}
	if got := gcPercent(); got != beforeGC {
		t.Errorf("GOGC after restore = %d, want %d", got, beforeGC)
	}
	if pacer.Load() != nil {
		t.Error("restore left the pacer running")
	}
	restore = BoundMemory(MemoryBudget) // a run served from the cache alone
	restore()
	if got := gcPercent(); got != beforeGC {
		t.Errorf("GOGC after a parse-free run = %d, want %d", got, beforeGC)
	}

	// A smaller bound than MemoryBudget (a test's) is kept from the
	// start, and GOGC left alone.
	restore = BoundMemory(64 << 20)
	if got := current(); got != 64<<20 {
		t.Errorf("small bound: limit = %d, want %d", got, 64<<20)
	}
	parsing()
	if got := gcPercent(); got != beforeGC || pacer.Load() != nil {
		t.Errorf("small bound: GOGC = %d (pacer %v), want %d", got, pacer.Load() != nil, beforeGC)
	}
	restore()

	// So does a user's GOGC.
	t.Setenv("GOGC", "150")
	restore = BoundMemory(MemoryBudget)
	parsing()
	if got := gcPercent(); got != beforeGC || pacer.Load() != nil {
		t.Errorf("with GOGC set: GOGC = %d (pacer %v), want %d", got, pacer.Load() != nil, beforeGC)
	}
	restore()

	t.Setenv("GOMEMLIMIT", "1GiB")
	restore = BoundMemory(MemoryBudget)
	if got := current(); got != before {
		t.Errorf("with GOMEMLIMIT set the limit changed to %d", got)
	}
	restore()
}

func TestGCPercentFor(t *testing.T) {
	const mb = 1 << 20
	for _, c := range []struct {
		live uint64
		base int
		want int
	}{
		{0, 100, smallHeapGCPercent},      // before the first collection
		{5 * mb, 100, smallHeapGCPercent}, // Django's summaries
		{smallHeap / 5, 100, smallHeapGCPercent},
		{smallHeap / 4, 100, 300}, // the goal is smallHeap
		{smallHeap / 2, 100, 100},
		{smallHeap, 100, 100},
		{300 * mb, 100, 100},
		{300 * mb, 50, 50},               // a lower GOGC stays for a big heap
		{5 * mb, 50, smallHeapGCPercent}, // and is raised for a small one
		{5 * mb, 800, 800},               // a higher one is kept
		{5 * mb, -1, -1},                 // so is "off"
		{smallHeap/4 + 1, 100, 299},
	} {
		if got := gcPercentFor(c.live, c.base); got != c.want {
			t.Errorf("gcPercentFor(%d MB, %d) = %d, want %d", c.live/mb, c.base, got, c.want)
		}
	}
}

// TestGCPacer: the pacer holds parseFreeGCPercent until the run parses
// (a big live heap does not move it), then sets GOGC from the live heap
// at once and after every collection (polled: it runs as a cleanup after
// the collection), and stopping it restores GOGC.
func TestGCPacer(t *testing.T) {
	t.Setenv("GOGC", "")
	old := debug.SetGCPercent(100)
	defer debug.SetGCPercent(old)
	gcPercent := func() int {
		p := debug.SetGCPercent(-1)
		debug.SetGCPercent(p)
		return p
	}
	startPacer()
	defer stopPacer()
	big := make([]byte, smallHeap)
	for i := range big {
		big[i] = byte(i)
	}
	for range 5 {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	if got := gcPercent(); got != parseFreeGCPercent {
		t.Errorf("GOGC before any parse, %d MB live = %d, want %d", liveHeap()>>20, got, parseFreeGCPercent)
	}
	pacer.Load().parsed()
	if got := gcPercent(); got != 100 {
		t.Errorf("GOGC at the first parse, %d MB live = %d, want 100", liveHeap()>>20, got)
	}
	runtime.KeepAlive(big)
	big = nil
	got := -2
	for range 1000 {
		runtime.GC()
		if got = gcPercent(); got == smallHeapGCPercent {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if got != smallHeapGCPercent {
		t.Fatalf("GOGC = %d after collections with a small heap, want %d", got, smallHeapGCPercent)
	}
	stopPacer()
	if got := gcPercent(); got != 100 {
		t.Errorf("GOGC after stopPacer = %d, want 100", got)
	}
}
