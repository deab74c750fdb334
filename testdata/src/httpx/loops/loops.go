// Package loops: constructions in loops that are not hot (design.md,
// "Loops", "Loop details") are no finding of their own; they make the
// function around them construct on every call, and inside a handler
// they are "in the handler". Hot twins are reported in the loop.
package loops

import (
	"context"
	"net/http"
	"time"
)

const maxRetries = 3

// ---- bounded retry and fallback: the function's, not the loop's ----

func fetchWithFallback(hosts []string) (*http.Response, error) { // a fact: reported at callers
	var last error
	for _, h := range hosts {
		c := &http.Client{Transport: &http.Transport{}}
		resp, err := c.Get(h)
		if err == nil {
			return resp, nil
		}
		last = err
	}
	return nil, last
}

func retryConst(u string) (*http.Response, error) {
	var err error
	for attempt := 0; attempt < maxRetries; attempt++ {
		c := &http.Client{Transport: &http.Transport{}}
		var resp *http.Response
		if resp, err = c.Get(u); err == nil {
			return resp, nil
		}
	}
	return nil, err
}

func retryBackoff(ctx context.Context, u string, backoff time.Duration) (*http.Response, error) {
	for {
		c := &http.Client{Transport: &http.Transport{}}
		resp, err := c.Get(u)
		if err == nil {
			return resp, nil
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(backoff):
		}
	}
}

func Proxy(w http.ResponseWriter, r *http.Request) {
	fetchWithFallback([]string{"a", "b"})       // want `^http.Transport built by fetchWithFallback in HTTP handler Proxy`
	retryConst("a")                             // want `^http.Transport built by retryConst in HTTP handler Proxy`
	retryBackoff(r.Context(), "a", time.Second) // want `^http.Transport built by retryBackoff in HTTP handler Proxy`
	for attempt := 0; attempt < maxRetries; attempt++ {
		c := &http.Client{} // want `^http.Client created in HTTP handler Proxy`
		if _, err := c.Get("a"); err == nil {
			break
		}
	}
}

// ---- the hot twins ----

// The success path does not leave the loop: one client per URL.
func fetchAll(urls []string) {
	for _, u := range urls {
		c := &http.Client{} // want `^http.Client created in loop body`
		resp, err := c.Get(u)
		if err != nil {
			continue
		}
		resp.Body.Close()
	}
}

// Unbounded and no wait: a tight loop against a failing host.
func retryTight(u string) *http.Response {
	for {
		c := &http.Client{} // want `^http.Client created in loop body`
		if resp, err := c.Get(u); err == nil {
			return resp
		}
	}
}

func Tight(w http.ResponseWriter, r *http.Request) {
	retryTight("a") // no fact: reported in its loop
	fetchAll(nil)
}

// ---- constant trip counts ----

func warmUp() { // a fact: three clients per call
	for i := 0; i < 3; i++ {
		_ = &http.Client{}
	}
}

func warmUpMany() {
	for i := 0; i < 11; i++ {
		_ = &http.Client{} // want `^http.Client created in loop body`
	}
}

func Warm(w http.ResponseWriter, r *http.Request) {
	warmUp() // want `^http.Client built by warmUp in HTTP handler Warm`
	warmUpMany()
	for _, h := range []string{"a", "b"} {
		_ = &http.Client{} // want `^http.Client created in HTTP handler Warm`
		_ = h
	}
}

// ---- paced loops ----

func pollForever(u string) {
	for {
		c := &http.Client{} // silent: at most one per 30 s
		c.Get(u)
		time.Sleep(30 * time.Second)
	}
}

func pollTicker(ctx context.Context, u string) {
	t := time.NewTicker(time.Minute)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			c := &http.Client{} // silent: once a minute
			c.Get(u)
		}
	}
}

func pollFast(u string, every time.Duration) {
	for {
		c := &http.Client{} // want `^http.Client created in loop body`
		c.Get(u)
		time.Sleep(every) // paced by a variable: hot
	}
}

func pollSkipping(u string, ready func() bool) {
	for {
		if !ready() {
			continue
		}
		c := &http.Client{} // want `^http.Client created in loop body`
		c.Get(u)
		time.Sleep(30 * time.Second)
	}
}

// ---- loops that run at most once ----

func first(urls []string) *http.Response {
	for _, u := range urls {
		c := &http.Client{} // silent: the loop runs at most once; first carries the fact
		resp, _ := c.Get(u)
		return resp
	}
	return nil
}

func First(w http.ResponseWriter, r *http.Request) {
	first(nil) // want `^http.Client built by first in HTTP handler First`
}

// ---- message loops ----

func consume(msgs <-chan string) {
	for m := range msgs {
		c := &http.Client{} // want `^http.Client created in loop body`
		c.Get(m)
	}
}

func consumePaced(msgs <-chan string) {
	for m := range msgs {
		c := &http.Client{} // silent: paced at 5 s
		c.Get(m)
		time.Sleep(5 * time.Second)
	}
}

// ---- goroutines in loops that are not hot ----

func fanOut() { // a fact: three goroutines per call, each with a client
	for range 3 {
		go func() {
			c := &http.Client{}
			c.Get("a")
		}()
	}
}

func FanOut(w http.ResponseWriter, r *http.Request) {
	fanOut() // want `^http.Client built by fanOut in HTTP handler FanOut`
}
