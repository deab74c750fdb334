package pylint

import (
	"os"
	"runtime/debug"
)

// MemoryBudget is the Go heap the Python pass is held to by BoundMemory:
// with tree-sitter's own memory (one tree per worker) and the runtime's,
// the whole pass stays under 512 MB of resident memory on a 22,000-file
// tree.
const MemoryBudget = 352 << 20

// BoundMemory paces the garbage collector by a memory limit (limit bytes
// of Go heap) instead of by heap growth, until restore is called: the
// collector then runs only when the limit is near, which costs less CPU
// than collecting at every doubling and bounds the peak. A user's GOGC or
// GOMEMLIMIT wins: then nothing changes.
func BoundMemory(limit int64) (restore func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	oldLimit := debug.SetMemoryLimit(limit)
	oldPercent := debug.SetGCPercent(-1)
	return func() {
		debug.SetGCPercent(oldPercent)
		debug.SetMemoryLimit(oldLimit)
	}
}
