package e2e_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const cgoHandler = `package main

// int two() { return 2; }
import "C"

import (
	"net/http"
	"time"
)

func H(w http.ResponseWriter, r *http.Request) {
	c := &http.Client{Timeout: time.Second}
	_ = c
	_ = C.two()
}

func main() { http.HandleFunc("/", H) }
`

// TestFixCgo: a finding in a cgo file has no machine fix: -fix never
// edits the cgo-generated file in $GOCACHE (and never claims to have
// fixed anything), and go vet -json names no edit with offsets into it
// (issue 8 item 4).
func TestFixCgo(t *testing.T) {
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("no C compiler")
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"go.mod": "module example.com/c\n\ngo 1.26\n", "c.go": cgoHandler})
	env := []string{"SNATLINT_CACHE=off", "CGO_ENABLED=1"}

	r := run(t, dir, env, snatlint, "-fix", ".")
	if r.code != 1 || !strings.Contains(r.stdout, "c.go:12:7") || !strings.Contains(r.stderr, "applied 0 fixes in 0 files") {
		t.Errorf("snatlint -fix: exit %d\nstdout:\n%s\nstderr:\n%s\nwant exit 1, the finding kept, nothing applied", r.code, r.stdout, r.stderr)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "c.go")); string(got) != cgoHandler {
		t.Errorf("c.go changed:\n%s", got)
	}

	r = run(t, dir, env, "go", "vet", "-vettool="+snatlint, "-json", ".")
	if !strings.Contains(r.stderr+r.stdout, `"posn": "`+filepath.Join(dir, "c.go")+`:12:7"`) {
		t.Fatalf("go vet -json: no finding at c.go:12:7\nstdout:\n%s\nstderr:\n%s", r.stdout, r.stderr)
	}
	if strings.Contains(r.stderr+r.stdout, "suggested_fixes") {
		t.Errorf("go vet -json offers a fix in a cgo file:\n%s%s", r.stdout, r.stderr)
	}
}

// TestVetTags: go vet forwards build flags with separate values (-tags
// foo); snatlint stays the vet tool (issue 8 item 10).
func TestVetTags(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"go.mod":  "module example.com/tg\n\ngo 1.26\n",
		"main.go": "package main\n\nfunc main() {}\n",
		"h.go":    "//go:build foo\n\npackage main\n\nimport \"net/http\"\n\nfunc H(w http.ResponseWriter, r *http.Request) {\n\t_ = &http.Transport{}\n}\n",
	})
	r := run(t, dir, nil, "go", "vet", "-vettool="+snatlint, "-tags", "foo", "./...")
	if r.code != 1 || !strings.Contains(r.stderr, "h.go:8:6: http.Transport created") || strings.Contains(r.stderr, "flag provided but not defined") {
		t.Errorf("go vet -tags foo: exit %d\nstderr:\n%s\nwant exit 1 and the finding in h.go", r.code, r.stderr)
	}
}
