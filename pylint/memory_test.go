package pylint

import (
	"runtime/debug"
	"testing"
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
	if got := gcPercent(); got != beforeGC {
		t.Errorf("GOGC after the first parse = %d, want %d", got, beforeGC)
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
	restore = BoundMemory(MemoryBudget) // a run served from the cache alone
	restore()
	if got := gcPercent(); got != beforeGC {
		t.Errorf("GOGC after a parse-free run = %d, want %d", got, beforeGC)
	}

	// A smaller bound than MemoryBudget (a test's) is kept from the start.
	restore = BoundMemory(64 << 20)
	if got := current(); got != 64<<20 {
		t.Errorf("small bound: limit = %d, want %d", got, 64<<20)
	}
	parsing()
	restore()

	t.Setenv("GOMEMLIMIT", "1GiB")
	restore = BoundMemory(MemoryBudget)
	if got := current(); got != before {
		t.Errorf("with GOMEMLIMIT set the limit changed to %d", got)
	}
	restore()
}
