package userfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// failingFile is a temporary file whose writes fail half-way, like a
// full disk.
type failingFile struct {
	*os.File
	budget int
}

func (f *failingFile) Write(p []byte) (int, error) {
	if len(p) > f.budget {
		n, _ := f.File.Write(p[:f.budget])
		f.budget = 0
		return n, syscall.ENOSPC
	}
	f.budget -= len(p)
	return f.File.Write(p)
}

// TestWriteAtomic: the new content replaces the file whole, with its
// mode; a write that fails half-way (a full disk) leaves the original
// intact and no temporary file behind (issue 8 item 3).
func TestWriteAtomic(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "main.go")
	const orig = "package main\n\nfunc main() {}\n"
	if err := os.WriteFile(p, []byte(orig), 0o600); err != nil {
		t.Fatal(err)
	}
	newText := []byte("package main\n\nvar x = 1\n\nfunc main() {}\n")

	failing := func(dir, pattern string) (tempFile, error) {
		f, err := os.CreateTemp(dir, pattern)
		if err != nil {
			return nil, err
		}
		return &failingFile{File: f, budget: 10}, nil
	}
	err := writeAtomic(p, newText, failing)
	if !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("writeAtomic with a full disk = %v, want ENOSPC", err)
	}
	if got, _ := os.ReadFile(p); string(got) != orig {
		t.Errorf("after a failed write the file is %q, want the original", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}

	if err := WriteAtomic(p, newText); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(p)
	st, _ := os.Stat(p)
	if string(got) != string(newText) || st.Mode().Perm() != 0o600 {
		t.Errorf("after WriteAtomic: %q mode %v, want the new text and mode 0600", got, st.Mode().Perm())
	}

	// A symbolic link keeps pointing at its target, which is replaced.
	link := filepath.Join(dir, "link.go")
	if err := os.Symlink(p, link); err != nil {
		t.Fatal(err)
	}
	if err := WriteAtomic(link, []byte(orig)); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the link was replaced by a file (%v)", err)
	}
	if got, _ := os.ReadFile(p); string(got) != orig {
		t.Errorf("link target = %q, want the new text", got)
	}
}
