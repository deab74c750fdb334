//go:build !linux || !cgo

package pylint

// releaseCMemory does nothing where the C library returns memory by
// itself or cannot be asked to.
func releaseCMemory() {}
