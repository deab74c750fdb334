// Package userfile is the one place that decides how snatlint reads a
// file it was pointed at (Python sources, .snatlint.yaml, files rewritten
// by -fix, the user's files hashed for the result cache): only regular
// files are opened, and no more than a limit is read.
//
// A FIFO would block the open forever (and SIGINT with it), a device such
// as /dev/zero never ends, and Stat's size can be wrong or change. So Read
// checks the type with Stat before opening (following symbolic links, so
// a link to a device is refused too), opens without blocking, checks again
// on the open descriptor that it is the same regular file, and reads at
// most limit+1 bytes whatever Stat said.
package userfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"time"
)

// MaxSize is the default limit: a source or configuration file larger
// than this is not read.
const MaxSize = 32 << 20

// ErrNotRegular is returned (wrapped) for FIFOs, sockets, devices and
// directories.
var ErrNotRegular = errors.New("not a regular file")

// ErrTooLarge is returned (wrapped) for files over the limit.
var ErrTooLarge = errors.New("file too large")

// Read returns the contents of the regular file at path, or an error
// wrapping ErrNotRegular, ErrTooLarge or the file system's error. It
// never blocks on a special file and never reads more than limit+1 bytes.
func Read(path string, limit int64) ([]byte, error) {
	return ReadBuf(path, limit, nil)
}

// ReadBuf is Read into buf[:0], grown as needed (a caller reading many
// files reuses one buffer).
func ReadBuf(path string, limit int64, buf []byte) ([]byte, error) {
	if err := statRegular(path); err != nil {
		return nil, err
	}
	data, _, err := readOpen(path, limit, buf)
	return data, err
}

// ReadOwn reads a file snatlint wrote itself under its own directory (a
// result cache entry) into buf[:0], grown as needed, and returns its
// modification time. It skips the Stat that ReadBuf makes before opening
// a user's file (one system call less for each of the tens of thousands
// of entries of a warm run): the open still never blocks on a FIFO, and
// the open descriptor must still be a regular file of at most limit
// bytes.
func ReadOwn(path string, limit int64, buf []byte) ([]byte, time.Time, error) {
	return readOpen(path, limit, buf)
}

// readSized reads r, a regular file of size bytes, into buf[:0] (grown
// as needed), at most limit+1 bytes: a file over the limit, by its size
// or by what it grew to since, is refused.
func readSized(r io.Reader, size, limit int64, buf []byte) ([]byte, error) {
	if size > limit {
		return nil, tooLarge(limit)
	}
	if need := int(size) + 1; cap(buf) < need {
		buf = make([]byte, 0, need) // +1: the read that sees EOF
	}
	data, err := ReadAll(io.LimitReader(r, limit+1), buf[:0])
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, tooLarge(limit) // it grew since Stat
	}
	return data, nil
}

// ReadAll reads r to its end, appending to buf and growing it as needed
// (io.ReadAll into a buffer the caller reuses).
func ReadAll(r io.Reader, buf []byte) ([]byte, error) {
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// Head returns at most the first n bytes of the regular file at path,
// with the same checks as Read but no size limit.
func Head(path string, n int) ([]byte, error) {
	f, _, err := open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, int64(n)))
}

// open opens path if it is a regular file: checked by Stat before the
// open (so a FIFO or device is never opened) and again on the open
// descriptor (in case the name was replaced in between).
func open(path string) (*os.File, fs.FileInfo, error) {
	if err := statRegular(path); err != nil {
		return nil, nil, err
	}
	return openRegular(path)
}

// statRegular refuses path, before it is opened, unless Stat (following
// symbolic links) says it is a regular file: a FIFO or device is never
// opened.
func statRegular(path string) error {
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	return regular(st)
}

// openRegular opens path and checks that the descriptor is a regular
// file (it may have been swapped since a Stat).
func openRegular(path string) (*os.File, fs.FileInfo, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|openFlags, 0)
	if err != nil {
		return nil, nil, err
	}
	fst, err := f.Stat()
	if err == nil {
		err = regular(fst)
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, fst, nil
}

// Check reports, without opening it, whether path is a regular file of
// at most limit bytes (following symbolic links).
func Check(path string, limit int64) error {
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	return check(st, limit)
}

func check(st fs.FileInfo, limit int64) error {
	if err := regular(st); err != nil {
		return err
	}
	if st.Size() > limit {
		return tooLarge(limit)
	}
	return nil
}

func regular(st fs.FileInfo) error {
	if !st.Mode().IsRegular() {
		return fmt.Errorf("%w (%s)", ErrNotRegular, kind(st.Mode()))
	}
	return nil
}

func tooLarge(limit int64) error {
	if limit >= 1<<20 {
		return fmt.Errorf("%w: over the %d MB limit", ErrTooLarge, limit>>20)
	}
	return fmt.Errorf("%w: over the %d byte limit", ErrTooLarge, limit)
}

// kind names a non-regular file type for messages.
func kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeIrregular != 0:
		return "an irregular file"
	}
	return "not a regular file"
}
