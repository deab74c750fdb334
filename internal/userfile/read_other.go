//go:build !linux

package userfile

import "time"

// readOpen opens path and reads it; the descriptor is checked to be a
// regular file before it is read.
func readOpen(path string, limit int64, buf []byte) ([]byte, time.Time, error) {
	f, st, err := openRegular(path)
	if err != nil {
		return nil, time.Time{}, err
	}
	defer f.Close()
	data, err := readSized(f, st.Size(), limit, buf)
	if err != nil {
		return nil, time.Time{}, err
	}
	return data, st.ModTime(), nil
}
