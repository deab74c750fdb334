package userfile

import (
	"fmt"
	"io"
	"io/fs"
	"syscall"
	"time"
)

// readOpen opens path and reads it with system calls on the descriptor:
// an *os.File costs four more calls per file (registering with the
// poller, which regular files refuse, and resetting the non-blocking
// flag), a third of the calls of a warm Python run over 22,000 files.
// The descriptor is checked to be a regular file before it is read.
func readOpen(path string, limit int64, buf []byte) ([]byte, time.Time, error) {
	var fd int
	err := ignoringEINTR(func() (err error) {
		fd, err = syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC|openFlags, 0)
		return err
	})
	if err != nil {
		return nil, time.Time{}, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := ignoringEINTR(func() error { return syscall.Fstat(fd, &st) }); err != nil {
		return nil, time.Time{}, &fs.PathError{Op: "stat", Path: path, Err: err}
	}
	if st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		return nil, time.Time{}, fmt.Errorf("%w (%s)", ErrNotRegular, kind(modeOf(st.Mode)))
	}
	data, err := readSized(fdReader{fd, path}, st.Size, limit, buf)
	if err != nil {
		return nil, time.Time{}, err
	}
	return data, time.Unix(st.Mtim.Unix()), nil
}

// fdReader reads a descriptor with read(2).
type fdReader struct {
	fd   int
	path string
}

func (r fdReader) Read(b []byte) (n int, err error) {
	err = ignoringEINTR(func() (err error) {
		n, err = syscall.Read(r.fd, b)
		return err
	})
	switch {
	case err != nil:
		return 0, &fs.PathError{Op: "read", Path: r.path, Err: err}
	case n == 0 && len(b) > 0:
		return 0, io.EOF
	}
	return n, nil
}

// ignoringEINTR calls f again while it is interrupted by a signal.
func ignoringEINTR(f func() error) error {
	for {
		if err := f(); err != syscall.EINTR {
			return err
		}
	}
}

// modeOf is the file type of a stat mode, as fs.FileMode.
func modeOf(m uint32) fs.FileMode {
	switch m & syscall.S_IFMT {
	case syscall.S_IFDIR:
		return fs.ModeDir
	case syscall.S_IFIFO:
		return fs.ModeNamedPipe
	case syscall.S_IFSOCK:
		return fs.ModeSocket
	case syscall.S_IFCHR:
		return fs.ModeDevice | fs.ModeCharDevice
	case syscall.S_IFBLK:
		return fs.ModeDevice
	case syscall.S_IFLNK:
		return fs.ModeSymlink
	}
	return fs.ModeIrregular
}
