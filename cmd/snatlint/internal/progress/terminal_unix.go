//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package progress

import (
	"io"
	"os"
	"syscall"
	"unsafe"
)

// IsTerminal reports whether w is a terminal: a file on which the
// terminal-attributes ioctl succeeds (as golang.org/x/term does; a
// character device such as /dev/null is not a terminal).
func IsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	var t syscall.Termios
	_, _, errno := syscall.Syscall(syscall.SYS_IOCTL, f.Fd(), uintptr(ioctlGetTermios), uintptr(unsafe.Pointer(&t)))
	return errno == 0
}
