package userfile

import (
	"bytes"
	"errors"
	"io"
	"testing"
)

// TestReadSized: the content is read whole whatever the reads return at
// a time, a file that grew since it was sized is read as it is now, and
// one that grew past the limit is refused; a read error is returned.
func TestReadSized(t *testing.T) {
	content := bytes.Repeat([]byte("0123456789"), 100) // 1,000 bytes
	reader := func(data []byte, chunk int) io.Reader {
		return readerFunc(func(b []byte) (int, error) {
			if len(data) == 0 {
				return 0, io.EOF
			}
			n := copy(b[:min(len(b), chunk)], data)
			data = data[n:]
			return n, nil
		})
	}
	for _, tc := range []struct {
		name        string
		size, limit int64
		data        []byte
		chunk       int
		tooLarge    bool
	}{
		{"exact size, one read", 1000, 5000, content, 5000, false},
		{"short reads", 1000, 5000, content, 7, false},
		{"grew since sized", 10, 5000, content, 64, false},
		{"shrank since sized", 5000, 6000, content, 64, false},
		{"grew past the limit", 10, 999, content, 64, true},
		{"sized past the limit", 1000, 999, content, 64, true},
		{"exactly the limit", 10, 1000, content, 64, false},
		{"empty", 0, 10, nil, 64, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := readSized(reader(tc.data, tc.chunk), tc.size, tc.limit, make([]byte, 3, 5))
			if tc.tooLarge {
				if !errors.Is(err, ErrTooLarge) {
					t.Fatalf("err = %v, want ErrTooLarge", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, tc.data) {
				t.Errorf("read %d bytes, want %d", len(got), len(tc.data))
			}
		})
	}
	failing := readerFunc(func([]byte) (int, error) { return 0, errors.New("disk on fire") })
	if _, err := readSized(failing, 10, 100, nil); err == nil || err.Error() != "disk on fire" {
		t.Errorf("read error: %v", err)
	}
}

// readerFunc is an io.Reader made of a function.
type readerFunc func([]byte) (int, error)

func (f readerFunc) Read(b []byte) (int, error) { return f(b) }
