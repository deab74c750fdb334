//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package progress

import "io"

// IsTerminal reports false where the terminal check is not implemented:
// progress then shows only with -progress, as plain lines.
func IsTerminal(io.Writer) bool { return false }
