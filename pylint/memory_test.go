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
	current := func() int64 { return debug.SetMemoryLimit(-1) }
	before := current()

	restore := BoundMemory(MemoryBudget)
	if got := current(); got != parseFreeBudget {
		t.Errorf("limit before any parse = %d, want %d", got, parseFreeBudget)
	}
	parsing()
	if got := current(); got != MemoryBudget {
		t.Errorf("limit after the first parse = %d, want %d", got, MemoryBudget)
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
