package main

import (
	"bytes"
	"context"
	"io"
	"regexp"
	"sync"
	"testing"
	"time"

	"github.com/snatlint/snatlint/analyzers/config"
	"github.com/snatlint/snatlint/cmd/snatlint/internal/progress"
)

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

// TestProgressHooks: both drivers report through the hooks in the
// context: Go packages loaded and analysed, Python files done.
func TestProgressHooks(t *testing.T) {
	dir := writeTree(t, map[string]string{"go.mod": goMod, "main.go": handlerSrc, "app/views.py": pyView, "app/util.py": "X = 1\n"})
	t.Chdir(dir)
	var buf lockedBuffer
	r := progress.Start(&buf, progress.On, progress.Options{Delay: time.Nanosecond, Interval: time.Millisecond,
		IsTerminal: func(io.Writer) bool { return true }})
	ctx := progress.NewContext(context.Background(), r)
	tg := classify(dir, []string{"./..."}, nil)
	checkGo(ctx, dir, tg, &config.File{}, synthetic, nil)
	checkPython(ctx, dir, tg, &config.File{}, nil)
	want := regexp.MustCompile(`snatlint: Go packages loaded [1-9][0-9]*, analysed ([1-9][0-9]*)/([1-9][0-9]*), Python files 2/2\x1b\[K`)
	read := func() string {
		buf.mu.Lock()
		defer buf.mu.Unlock()
		return buf.b.String()
	}
	for deadline := time.Now().Add(5 * time.Second); !want.MatchString(read()) && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	r.Stop()
	out := read()
	m := want.FindStringSubmatch(out)
	if m == nil || m[1] != m[2] {
		t.Errorf("progress output %q\nwant a final line matching %s with every package analysed", out, want)
	}
}
