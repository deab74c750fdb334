package pylint

import (
	"os"
	"runtime/debug"
)

// MemoryBudget is the Go heap the Python pass is held to by BoundMemory:
// with tree-sitter's own memory (one tree per worker) and the runtime's,
// the whole pass stays under 512 MB of resident memory on a 22,000-file
// tree.
const MemoryBudget = 288 << 20

// BoundMemory sets a soft memory limit (limit bytes of Go heap) until
// restore is called: the collector still runs at every doubling of the
// live heap (small trees stay small), and also whenever the heap nears the
// limit, so that on a big tree the peak is the limit, not twice the
// summaries. A user's GOMEMLIMIT wins: then nothing changes.
func BoundMemory(limit int64) (restore func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	old := debug.SetMemoryLimit(limit)
	return func() { debug.SetMemoryLimit(old) }
}
