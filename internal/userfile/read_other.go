//go:build !linux

package userfile

import (
	"io"
	"os"
	"time"
)

// readOpen opens path and reads it; the descriptor is checked to be a
// regular file before it is read.
func readOpen(path string, limit int64, buf []byte) ([]byte, time.Time, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|openFlags, 0)
	if err != nil {
		return nil, time.Time{}, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err == nil {
		err = regular(st)
	}
	if err != nil {
		return nil, time.Time{}, err
	}
	data, err := readSized(func(b []byte) (int, error) {
		n, err := f.Read(b)
		if err == io.EOF {
			return n, nil
		}
		return n, err
	}, st.Size(), limit, buf)
	if err != nil {
		return nil, time.Time{}, err
	}
	return data, st.ModTime(), nil
}
