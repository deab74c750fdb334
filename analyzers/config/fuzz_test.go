//go:build unix

package config

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// FuzzLoadSpecialFiles: finding and loading the configuration never
// blocks, never panics, and refuses anything that is not a regular file,
// whatever sits at .snatlint.yaml (issue 8 items 1, 2 and 14).
func FuzzLoadSpecialFiles(f *testing.F) {
	for kind := range byte(7) {
		f.Add(kind, "tests: true\n")
	}
	f.Add(byte(0), "tests: true\n---\nexclude: [a]\n")
	f.Add(byte(0), "exclude: [\"**/**/**/**/**/**/**/**/**/x\"]\n")
	f.Fuzz(func(t *testing.T, kind byte, src string) {
		dir := t.TempDir()
		p := filepath.Join(dir, FileName)
		regular := false
		var err error
		switch kind % 7 {
		case 0:
			err, regular = os.WriteFile(p, []byte(src), 0o644), true
		case 1:
			err = syscall.Mkfifo(p, 0o644)
		case 2:
			err = os.Symlink("/dev/zero", p)
		case 3:
			err = os.Mkdir(p, 0o755)
		case 4:
			err = os.Symlink(filepath.Join(dir, "gone"), p)
		case 5:
			real := filepath.Join(dir, "real.yaml")
			if err = os.WriteFile(real, []byte(src), 0o644); err == nil {
				err, regular = os.Symlink(real, p), true
			}
		case 6:
			// a link to a FIFO
			fifo := filepath.Join(dir, "fifo")
			if err = syscall.Mkfifo(fifo, 0o644); err == nil {
				err = os.Symlink(fifo, p)
			}
		}
		if err != nil {
			t.Skip(err)
		}
		done := make(chan error, 1)
		go func() {
			found, err := Find(dir)
			if err != nil || found == "" {
				done <- err
				return
			}
			_, err = Load(found)
			done <- err
		}()
		select {
		case err := <-done:
			if !regular && kind%7 != 3 && err == nil {
				t.Errorf("kind %d: no error for a configuration that is not a regular file", kind%7)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("kind %d: Find/Load blocked", kind%7)
		}
	})
}
