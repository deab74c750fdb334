//go:build unix

package userfile

import "syscall"

// openFlags makes open return at once on a FIFO that was swapped in after
// Stat (it is then refused by the check on the descriptor).
const openFlags = syscall.O_NONBLOCK
