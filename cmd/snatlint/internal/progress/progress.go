// Package progress shows how far a long run is, on one line of standard
// error that updates in place: "snatlint: Go packages loaded 1482,
// analysed 612/1482 · Python files 9120/22469". It shows only on a
// terminal and only once a run has taken longer than a delay (2 s), so
// short runs and CI logs stay clean; -progress forces it on (then, when
// standard error is not a terminal, as a plain line every few seconds) and
// -progress=false off.
//
// The passes report through a hook as small as a function, func(done,
// total int), which the command hands them from the context:
//
//	godriver.Options{..., Progress: progress.Hook(ctx, progress.GoAnalysed)}
package progress

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Mode says whether to show progress.
type Mode int

const (
	Auto Mode = iota // on a terminal only
	On               // always
	Off              // never
)

// Options tune a Reporter; the zero value is the product's behaviour.
type Options struct {
	Delay    time.Duration // nothing is shown before (default 2 s)
	Interval time.Duration // between updates on a terminal (default 200 ms)
	Plain    time.Duration // between lines elsewhere (default 5 s)
	// IsTerminal overrides the terminal check (tests).
	IsTerminal func(io.Writer) bool
}

// Reporter draws the progress line. A nil *Reporter is valid and shows
// nothing.
type Reporter struct {
	w        io.Writer
	terminal bool
	opts     Options

	mu       sync.Mutex
	counters []*Counter
	shown    bool // a line is on the terminal
	stop     chan struct{}
	done     chan struct{}
	stopOnce sync.Once
}

// Start returns a reporter writing to w, or nil when mode and w say no.
func Start(w io.Writer, mode Mode, opts Options) *Reporter {
	if opts.Delay == 0 {
		opts.Delay = 2 * time.Second
	}
	if opts.Interval == 0 {
		opts.Interval = 200 * time.Millisecond
	}
	if opts.Plain == 0 {
		opts.Plain = 5 * time.Second
	}
	isTerm := opts.IsTerminal
	if isTerm == nil {
		isTerm = IsTerminal
	}
	term := isTerm(w)
	if mode == Off || mode == Auto && !term {
		return nil
	}
	r := &Reporter{w: w, terminal: term, opts: opts, stop: make(chan struct{}), done: make(chan struct{})}
	for _, label := range stageLabels {
		r.Counter(label)
	}
	go r.loop()
	return r
}

// Stage is what a hook counts.
type Stage int

const (
	GoLoaded    Stage = iota // Go packages listed (total unused)
	GoAnalysed               // Go packages type-checked and analysed
	PythonFiles              // Python files read and summarised
)

var stageLabels = [...]string{GoLoaded: "Go packages loaded", GoAnalysed: "analysed", PythonFiles: "Python files"}

type ctxKey struct{}

// NewContext returns ctx carrying r's hooks (r may be nil).
func NewContext(ctx context.Context, r *Reporter) context.Context {
	if r == nil {
		return ctx
	}
	return context.WithValue(ctx, ctxKey{}, r)
}

// Hook returns the function that records stage s of the run in ctx, or
// nil when no progress is shown.
func Hook(ctx context.Context, s Stage) func(done, total int) {
	r, _ := ctx.Value(ctxKey{}).(*Reporter)
	if r == nil || int(s) >= len(r.counters) {
		return nil
	}
	return r.counters[s].Set
}

// Counter is one thing being counted.
type Counter struct {
	label       string
	done, total atomic.Int64
}

// Counter adds a counter shown as "label done/total" (or "label done"
// while the total is 0). On a nil Reporter it returns nil, whose methods
// do nothing.
func (r *Reporter) Counter(label string) *Counter {
	if r == nil {
		return nil
	}
	c := &Counter{label: label}
	r.mu.Lock()
	r.counters = append(r.counters, c)
	r.mu.Unlock()
	return c
}

// Set records progress; it is safe for concurrent use and does nothing
// on a nil Counter. Its shape is the drivers' hook: func(done, total int).
func (c *Counter) Set(done, total int) {
	if c == nil {
		return
	}
	c.done.Store(int64(done))
	c.total.Store(int64(total))
}

// Hook is c.Set, or nil for a nil Counter (a driver then skips the
// calls).
func (c *Counter) Hook() func(done, total int) {
	if c == nil {
		return nil
	}
	return c.Set
}

// Stop ends the reporter and clears its line; later calls do nothing.
func (r *Reporter) Stop() {
	if r == nil {
		return
	}
	r.stopOnce.Do(func() { close(r.stop) })
	<-r.done
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.shown {
		fmt.Fprint(r.w, "\r\x1b[K")
		r.shown = false
	}
}

func (r *Reporter) loop() {
	defer close(r.done)
	select {
	case <-time.After(r.opts.Delay):
	case <-r.stop:
		return
	}
	every := r.opts.Interval
	if !r.terminal {
		every = r.opts.Plain
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		r.draw()
		select {
		case <-t.C:
		case <-r.stop:
			return
		}
	}
}

// draw writes the current line.
func (r *Reporter) draw() {
	r.mu.Lock()
	defer r.mu.Unlock()
	line := r.line()
	if line == "" {
		return
	}
	if r.terminal {
		fmt.Fprintf(r.w, "\r%s\x1b[K", line)
		r.shown = true
	} else {
		fmt.Fprintln(r.w, line)
	}
}

func (r *Reporter) line() string {
	var parts []string
	for _, c := range r.counters {
		done, total := c.done.Load(), c.total.Load()
		switch {
		case done == 0 && total == 0:
			continue
		case total == 0:
			parts = append(parts, fmt.Sprintf("%s %d", c.label, done))
		default:
			parts = append(parts, fmt.Sprintf("%s %d/%d", c.label, done, total))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "snatlint: " + strings.Join(parts, ", ")
}

// Flag is the -progress flag: unset means Auto; -progress or
// -progress=true On; -progress=false Off.
type Flag struct{ Mode Mode }

func (f *Flag) String() string {
	switch f.Mode {
	case On:
		return "true"
	case Off:
		return "false"
	}
	return "auto"
}

// Set parses a boolean.
func (f *Flag) Set(s string) error {
	switch s {
	case "true", "1", "t", "T", "TRUE", "True":
		f.Mode = On
	case "false", "0", "f", "F", "FALSE", "False":
		f.Mode = Off
	default:
		return fmt.Errorf("want true or false")
	}
	return nil
}

// IsBoolFlag lets -progress stand alone.
func (f *Flag) IsBoolFlag() bool { return true }
