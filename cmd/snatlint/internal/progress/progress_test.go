package progress

import (
	"bytes"
	"context"
	"io"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"
)

// TestIsTerminal checks the real terminal check: a pseudo-terminal is
// one; a pipe, a regular file, /dev/null and a buffer are not.
func TestIsTerminal(t *testing.T) {
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer ptmx.Close()
	defer tty.Close()
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer pr.Close()
	defer pw.Close()
	file, err := os.Create(t.TempDir() + "/f")
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	tests := []struct {
		name string
		w    io.Writer
		want bool
	}{
		{"pty", tty, true},
		{"pipe", pw, false},
		{"regular file", file, false},
		{"/dev/null", null, false},
		{"buffer", &bytes.Buffer{}, false},
	}
	for _, tt := range tests {
		if got := IsTerminal(tt.w); got != tt.want {
			t.Errorf("IsTerminal(%s) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// syncBuffer is a bytes.Buffer safe for the reporter's goroutine.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// waitFor polls until cond holds (the reporter draws on its own
// goroutine; a loaded machine may take a while), or five seconds pass.
func waitFor(cond func() bool) {
	for deadline := time.Now().Add(5 * time.Second); !cond() && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
}

var fast = Options{Delay: 50 * time.Millisecond, Interval: 10 * time.Millisecond, Plain: 20 * time.Millisecond}

func withTerminal(term bool) Options {
	o := fast
	o.IsTerminal = func(io.Writer) bool { return term }
	return o
}

// TestTerminalLine: on a terminal, after the delay, one line updated in
// place (carriage return, erase to end of line) with every counter, and
// cleared at the end.
func TestTerminalLine(t *testing.T) {
	var buf syncBuffer
	r := Start(&buf, Auto, withTerminal(true))
	ctx := NewContext(context.Background(), r)
	Hook(ctx, GoLoaded)(339, 0)
	Hook(ctx, GoAnalysed)(120, 339)
	Hook(ctx, PythonFiles)(7, 22469)
	want := "\rsnatlint: Go packages loaded 339, analysed 120/339, Python files 7/22469\x1b[K"
	waitFor(func() bool { return strings.Contains(buf.String(), want) })
	r.Stop()
	out := buf.String()
	if !strings.Contains(out, want) {
		t.Errorf("output %q does not contain %q", out, want)
	}
	if strings.Contains(out, "\n") {
		t.Errorf("terminal output has a newline: %q", out)
	}
	if !strings.HasSuffix(out, "\r\x1b[K") {
		t.Errorf("line not cleared at the end: %q", out)
	}
}

// TestQuiet: nothing for runs shorter than the delay, nothing when
// standard error is not a terminal (CI logs), nothing with Off.
func TestQuiet(t *testing.T) {
	tests := []struct {
		name string
		mode Mode
		term bool
		wait time.Duration
	}{
		{"short run on a terminal", Auto, true, 0},
		{"not a terminal", Auto, false, 200 * time.Millisecond},
		{"off on a terminal", Off, true, 200 * time.Millisecond},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf syncBuffer
			r := Start(&buf, tt.mode, withTerminal(tt.term))
			if h := Hook(NewContext(context.Background(), r), PythonFiles); h != nil {
				h(3, 10)
			}
			time.Sleep(tt.wait)
			r.Stop()
			if out := buf.String(); out != "" {
				t.Errorf("wrote %q, want nothing", out)
			}
		})
	}
}

// TestForcedPlain: -progress when standard error is not a terminal gives
// plain lines, no control characters.
func TestForcedPlain(t *testing.T) {
	var buf syncBuffer
	r := Start(&buf, On, withTerminal(false))
	Hook(NewContext(context.Background(), r), PythonFiles)(3, 10)
	waitFor(func() bool { return strings.Contains(buf.String(), "\n") })
	r.Stop()
	out := buf.String()
	if !strings.HasPrefix(out, "snatlint: Python files 3/10\n") || strings.ContainsAny(out, "\r\x1b") {
		t.Errorf("output %q, want plain lines", out)
	}
}

// TestPseudoTerminal runs the reporter on a real pseudo-terminal with the
// real terminal check.
func TestPseudoTerminal(t *testing.T) {
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer ptmx.Close()
	var seen syncBuffer
	go io.Copy(&seen, ptmx)
	r := Start(tty, Auto, fast)
	if r == nil {
		t.Fatal("no reporter on a pseudo-terminal")
	}
	Hook(NewContext(context.Background(), r), PythonFiles)(5, 9)
	want := "snatlint: Python files 5/9"
	waitFor(func() bool { return strings.Contains(seen.String(), want) })
	r.Stop()
	tty.Close()
	if out := seen.String(); !strings.Contains(out, want) {
		t.Errorf("terminal shows %q, want %q", out, want)
	}
}

func TestNil(t *testing.T) {
	var r *Reporter
	c := r.Counter("x")
	c.Set(1, 2)
	if c.Hook() != nil {
		t.Error("Hook of a nil Counter is not nil")
	}
	if Hook(NewContext(context.Background(), r), GoAnalysed) != nil || Hook(context.Background(), PythonFiles) != nil {
		t.Error("Hook without a reporter is not nil")
	}
	r.Stop()
}
