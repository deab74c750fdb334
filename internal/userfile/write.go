package userfile

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// WriteAtomic replaces the contents of the regular file at path (or at
// the end of its symbolic links) with data, never leaving it truncated or
// half-written: data goes to a temporary file in the same directory,
// which is synced, given the original's mode, and renamed over it. When
// any step fails (a full disk), the original is intact and the temporary
// file is removed.
func WriteAtomic(path string, data []byte) error {
	return writeAtomic(path, data, func(dir, pattern string) (tempFile, error) {
		return os.CreateTemp(dir, pattern)
	})
}

// tempFile is what writeAtomic needs of an *os.File (tests inject one
// that fails).
type tempFile interface {
	io.Writer
	Sync() error
	Chmod(os.FileMode) error
	Close() error
	Name() string
}

func writeAtomic(path string, data []byte, create func(dir, pattern string) (tempFile, error)) (err error) {
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return err
	}
	st, err := os.Stat(target)
	if err != nil {
		return err
	}
	if err := regular(st); err != nil {
		return err
	}
	dir, base := filepath.Split(target)
	tmp, err := create(dir, "."+base+".snatlint-*")
	if err != nil {
		return fmt.Errorf("creating a temporary file beside %s: %w", base, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return err
	}
	if err := tmp.Chmod(st.Mode().Perm()); err != nil {
		return err
	}
	keepOwner(tmp.Name(), st)
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), target); err != nil {
		return err
	}
	// Make the rename itself durable; a failure here does not undo it.
	if d, derr := os.Open(filepath.Clean(dir)); derr == nil {
		_ = d.Sync()
		d.Close()
	}
	return nil
}
