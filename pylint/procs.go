package pylint

import (
	"runtime"
	"sync"
)

// spareProc is the P (GOMAXPROCS slot) a run holds beyond its workers.
// A worker inside tree-sitter is in a cgo call, which keeps its P. When
// every P is held that way, the runtime's monitor (sysmon) takes a P back
// from a cgo call after 20µs whenever it finds no idle P, and keeps
// waking every 20µs to do so, on the cores the workers are busy on; the
// worker then needs a P again when its call returns. With one P more than
// workers there is an idle P, and cgo calls keep theirs. Measured with 2
// cores: context switches in a whole pass over Django 10,400 -> 5,000;
// wall time on Django -12% (30 alternating rounds), on the Azure SDK a
// median of 59.7 -> 55.2 s (eight alternating pairs, ratios 0.81 to 1.15;
// same findings, same peak RSS); parse-only (ParseOnly holds it too, to
// run as the whole pass does) and warm runs from the result cache
// unchanged.
var spareProc struct {
	sync.Mutex
	users int // runs holding it
	base  int // GOMAXPROCS before the first of them took it
}

// holdSpareProc returns how many workers a run starts, GOMAXPROCS as the
// run found it (or as the first of concurrent runs found it), and raises
// GOMAXPROCS by one until release is called (by every run holding it;
// the last one puts the old value back).
func holdSpareProc() (workers int, release func()) {
	spareProc.Lock()
	defer spareProc.Unlock()
	if spareProc.users == 0 {
		spareProc.base = runtime.GOMAXPROCS(0)
		runtime.GOMAXPROCS(spareProc.base + 1)
	}
	spareProc.users++
	return spareProc.base, sync.OnceFunc(func() {
		spareProc.Lock()
		defer spareProc.Unlock()
		spareProc.users--
		if spareProc.users == 0 {
			runtime.GOMAXPROCS(spareProc.base)
		}
	})
}
