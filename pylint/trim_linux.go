//go:build linux && cgo

package pylint

/*
#include <stddef.h>

// malloc_trim is glibc's; declared weak so that a C library without it
// (musl) links, and the call is skipped.
extern int malloc_trim(size_t pad) __attribute__((weak));

static void snat_trim(void) {
	if (malloc_trim) malloc_trim(0);
}
*/
import "C"

// releaseCMemory gives the memory tree-sitter freed back to the system.
// glibc keeps freed blocks in per-thread arenas, and cgo calls run on
// whichever thread the goroutine is on, so the trees of the largest files
// otherwise stay resident in several arenas at once.
func releaseCMemory() { C.snat_trim() }
