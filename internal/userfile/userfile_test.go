package userfile_test

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/snatlint/snatlint/internal/userfile"
)

// readWithin runs userfile.Read and fails the test if it blocks.
func readWithin(t *testing.T, path string, limit int64) ([]byte, error) {
	return readerWithin(t, userfile.Read, path, limit)
}

// readOwn is userfile.ReadOwn without the time.
func readOwn(path string, limit int64) ([]byte, error) {
	data, _, err := userfile.ReadOwn(path, limit, nil)
	return data, err
}

// readerWithin runs read and fails the test if it blocks.
func readerWithin(t *testing.T, read func(string, int64) ([]byte, error), path string, limit int64) ([]byte, error) {
	t.Helper()
	type res struct {
		data []byte
		err  error
	}
	done := make(chan res, 1)
	go func() {
		data, err := read(path, limit)
		done <- res{data, err}
	}()
	select {
	case r := <-done:
		return r.data, r.err
	case <-time.After(5 * time.Second):
		t.Fatalf("Read(%s) blocked", path)
		return nil, nil
	}
}

func TestRead(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("FIFOs and /dev/zero are unix")
	}
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	link := func(name, target string) string {
		p := filepath.Join(dir, name)
		if err := os.Symlink(target, p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	fifo := filepath.Join(dir, "fifo.py")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	ok := write("ok.py", "x = 1\n")
	tests := []struct {
		name    string
		path    string
		limit   int64
		want    string
		wantErr error
	}{
		{"regular", ok, 100, "x = 1\n", nil},
		{"exactly the limit", ok, 6, "x = 1\n", nil},
		{"over the limit", ok, 5, "", userfile.ErrTooLarge},
		{"link to regular", link("l.py", ok), 100, "x = 1\n", nil},
		{"fifo", fifo, 100, "", userfile.ErrNotRegular},
		{"link to fifo", link("lf.py", fifo), 100, "", userfile.ErrNotRegular},
		{"dev zero", "/dev/zero", 100, "", userfile.ErrNotRegular},
		{"link to dev zero", link("z.py", "/dev/zero"), 1 << 20, "", userfile.ErrNotRegular},
		{"directory", dir, 100, "", userfile.ErrNotRegular},
		{"missing", filepath.Join(dir, "nope.py"), 100, "", os.ErrNotExist},
		{"dangling link", link("d.py", filepath.Join(dir, "gone")), 100, "", os.ErrNotExist},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := readWithin(t, tt.path, tt.limit)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("Read(%s) error = %v, want %v", tt.path, err, tt.wantErr)
				}
				if cerr := userfile.Check(tt.path, tt.limit); !errors.Is(cerr, tt.wantErr) {
					t.Errorf("Check(%s) = %v, want %v", tt.path, cerr, tt.wantErr)
				}
				return
			}
			if err != nil || string(got) != tt.want {
				t.Fatalf("Read(%s) = %q, %v; want %q", tt.path, got, err, tt.want)
			}
		})
		// ReadOwn (cache entries) opens without a Stat first and must
		// refuse and accept the same files, without blocking
		t.Run(tt.name+"/own", func(t *testing.T) {
			got, err := readerWithin(t, readOwn, tt.path, tt.limit)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("ReadOwn(%s) error = %v, want %v", tt.path, err, tt.wantErr)
				}
				return
			}
			if err != nil || string(got) != tt.want {
				t.Fatalf("ReadOwn(%s) = %q, %v; want %q", tt.path, got, err, tt.want)
			}
		})
	}
}
