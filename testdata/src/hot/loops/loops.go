// Package loops holds one loop per case of design.md's "Loops" and "Loop
// details": each is marked with the kind hotpath gives it. Every case
// that is not hot has a hot twin beside it.
package loops

import (
	"context"
	"errors"
	"net/http"
	"time"
)

const (
	maxRetries   = 3
	many         = 11
	pollInterval = 30 * time.Second
)

var hosts = []string{"a", "b"}

var errAll = errors.New("all failed")

// ---- retry and fallback loops ----

func fallback(c *http.Client, hosts []string) (*http.Response, error) {
	for _, h := range hosts { // want `bounded retry loop`
		resp, err := c.Get(h)
		if err == nil {
			return resp, nil
		}
	}
	return nil, errAll
}

func fallbackContinue(c *http.Client, hosts []string) (*http.Response, error) {
	var last error
	for _, h := range hosts { // want `bounded retry loop`
		resp, err := c.Get(h)
		if err != nil {
			last = err
			continue
		}
		return resp, nil
	}
	return nil, last
}

// The success path does not leave the loop: hot.
func fetchAll(c *http.Client, urls []string) []*http.Response {
	var out []*http.Response
	for _, u := range urls { // want `hot loop`
		resp, err := c.Get(u)
		if err != nil {
			continue
		}
		out = append(out, resp)
	}
	return out
}

// An error leaves the loop, success repeats it: hot.
func failFast(c *http.Client, urls []string) error {
	for _, u := range urls { // want `hot loop`
		resp, err := c.Get(u)
		if err != nil {
			return err
		}
		resp.Body.Close()
	}
	return nil
}

// A bad status leaves the loop through a tagless switch: hot.
func switchStatus(c *http.Client, urls []string) error {
	for _, u := range urls { // want `hot loop`
		resp, err := c.Get(u)
		switch {
		case err != nil:
			return err
		case resp.StatusCode >= 400:
			return errAll
		}
	}
	return nil
}

// A tagless switch whose success case returns: a fallback.
func switchFallback(c *http.Client, urls []string) (*http.Response, error) {
	for _, u := range urls { // want `bounded retry loop`
		resp, err := c.Get(u)
		switch {
		case err == nil && resp.StatusCode < 300:
			return resp, nil
		case err != nil:
			continue
		}
	}
	return nil, errAll
}

func retryWait(c *http.Client, u string, backoff time.Duration) (*http.Response, error) {
	for { // want `bounded retry loop`
		resp, err := c.Get(u)
		if err == nil {
			return resp, nil
		}
		time.Sleep(backoff)
	}
}

// Unbounded, no wait: a tight loop against a failing host.
func retryTight(c *http.Client, u string) *http.Response {
	for { // want `hot loop`
		resp, err := c.Get(u)
		if err == nil {
			return resp
		}
	}
}

// Counted by a variable: finite, like a range over a collection.
func retryN(c *http.Client, u string, n int) *http.Response {
	for i := 0; i < n; i++ { // want `bounded retry loop`
		resp, err := c.Get(u)
		if err == nil {
			return resp
		}
	}
	return nil
}

// A counter the body changes bounds nothing.
func retryCounterChanged(c *http.Client, u string, n int) *http.Response {
	for i := 0; i < n; i++ { // want `hot loop`
		resp, err := c.Get(u)
		if err == nil {
			return resp
		}
		i = 0
	}
	return nil
}

// Counted by a constant above ten: a bounded retry, not a constant loop.
func retryTwenty(c *http.Client, u string) *http.Response {
	for i := 0; i < 20; i++ { // want `bounded retry loop`
		resp, err := c.Get(u)
		if err == nil {
			return resp
		}
	}
	return nil
}

func retrySelect(ctx context.Context, c *http.Client, req *http.Request, n int, d time.Duration) (*http.Response, error) {
	for attempt := 0; attempt < n; attempt++ { // want `bounded retry loop`
		resp, err := c.Do(req)
		if err == nil && resp.StatusCode < 500 {
			return resp, nil
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(d):
		}
	}
	return nil, errAll
}

func retryable(err error) bool { return err != nil }

func retryClassified(c *http.Client, urls []string) (*http.Response, error) {
	for _, u := range urls { // want `bounded retry loop`
		resp, err := c.Get(u)
		if err != nil {
			if retryable(err) {
				continue
			}
			return nil, err
		}
		if resp.StatusCode == http.StatusTooManyRequests {
			continue
		}
		return resp, nil
	}
	return nil, errAll
}

// Polling that breaks once the service answers, with a wait.
func pollUntilReady(c *http.Client, u string) {
	for { // want `bounded retry loop`
		resp, err := c.Get(u)
		if err != nil {
			time.Sleep(time.Second)
			continue
		}
		if resp.StatusCode == http.StatusOK {
			break
		}
		time.Sleep(time.Second)
	}
}

// Unpaced polling: hot.
func pollTight(c *http.Client, u string) {
	for { // want `hot loop`
		resp, err := c.Get(u)
		if err == nil && resp.StatusCode == http.StatusOK {
			break
		}
	}
}

// A search over items that stops at a match is no retry: hot.
func search(c *http.Client, ids []string, want string) string {
	for _, id := range ids { // want `hot loop`
		if id == want {
			return id
		}
		c.Get(id)
	}
	return ""
}

// ---- constant trip counts ----

func counted(c *http.Client) {
	for i := 0; i < 3; i++ { // want `loop with a constant trip count`
		c.Get("a")
	}
	for i := 0; i < maxRetries; i++ { // want `loop with a constant trip count`
		c.Get("a")
	}
	for i := 1; i <= 10; i++ { // want `loop with a constant trip count`
		c.Get("a")
	}
	for i := 10; i > 0; i-- { // want `loop with a constant trip count`
		c.Get("a")
	}
	for i := 0; i < 11; i++ { // want `hot loop`
		c.Get("a")
	}
	for i := 0; i < many; i++ { // want `hot loop`
		c.Get("a")
	}
	for i := 0; i < 3; i++ { // want `hot loop`
		i-- // the counter is changed in the body
		c.Get("a")
	}
	for range 3 { // want `loop with a constant trip count`
		c.Get("a")
	}
	for i := range maxRetries { // want `loop with a constant trip count`
		c.Get(hosts[i])
	}
	for range many { // want `hot loop`
		c.Get("a")
	}
	for _, h := range []string{"a", "b", "c"} { // want `loop with a constant trip count`
		c.Get(h)
	}
	for _, h := range [...]string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"} { // want `hot loop`
		c.Get(h)
	}
	for _, h := range hosts { // want `hot loop`
		c.Get(h)
	}
	for k := range map[string]int{"a": 1, "b": 2} { // want `loop with a constant trip count`
		c.Get(k)
	}
	local := []string{"a", "b"}
	for _, h := range local { // want `loop with a constant trip count`
		c.Get(h)
	}
	grown := []string{"a", "b"}
	grown = append(grown, hosts...)
	for _, h := range grown { // want `hot loop`
		c.Get(h)
	}
	long := []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"}
	for _, h := range long { // want `hot loop`
		c.Get(h)
	}
	shared := []string{"a", "b"}
	grow(&shared)
	for _, h := range shared { // want `hot loop`
		c.Get(h)
	}
	keys := map[string]bool{"a": true}
	keys[hosts[0]] = true
	for k := range keys { // want `hot loop`
		c.Get(k)
	}
}

func grow(s *[]string) { *s = append(*s, hosts...) }

func countedBy(c *http.Client, n int) {
	for range n { // want `hot loop`
		c.Get("a")
	}
}

// ---- paced loops ----

func poll(c *http.Client) { c.Get("a") }

func paced(ctx context.Context, c *http.Client, interval time.Duration, msgs <-chan string, ready func() bool) {
	for { // want `paced loop`
		time.Sleep(5 * time.Second)
		poll(c)
	}
	for { // want `paced loop`
		poll(c)
		time.Sleep(pollInterval)
	}
	for { // want `hot loop`
		poll(c)
		time.Sleep(time.Second) // faster than 2 s
	}
	for { // want `hot loop`
		poll(c)
		time.Sleep(interval) // a variable
	}
	for { // want `hot loop`
		if !ready() {
			continue // skips the wait: a tight loop while not ready
		}
		time.Sleep(5 * time.Second)
		poll(c)
	}
	for { // want `paced loop`
		time.Sleep(5 * time.Second)
		if !ready() {
			continue // after the wait
		}
		poll(c)
	}
	for { // want `hot loop`
		poll(c)
		if ready() {
			time.Sleep(5 * time.Second) // in a branch
		}
	}
}

func tickers(ctx context.Context, c *http.Client, d time.Duration, msgs <-chan string) {
	ticker := time.NewTicker(10 * time.Second)
	for range ticker.C { // want `paced loop`
		poll(c)
	}
	for { // want `paced loop`
		<-ticker.C
		poll(c)
	}
	for { // want `paced loop`
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
			poll(c)
		}
	}
	for { // want `hot loop`
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
			poll(c)
		case m := <-msgs: // a message can come at any rate
			c.Get(m)
		}
	}
	for range time.Tick(time.Minute) { // want `paced loop`
		poll(c)
	}
	fast := time.NewTicker(100 * time.Millisecond)
	for range fast.C { // want `hot loop`
		poll(c)
	}
	byVar := time.NewTicker(d)
	for range byVar.C { // want `hot loop`
		poll(c)
	}
	for m := range msgs { // want `hot loop`
		c.Get(m)
	}
	for m := range msgs { // want `paced loop`
		c.Get(m)
		time.Sleep(3 * time.Second)
	}
}

// ---- loops that run at most once ----

func once(c *http.Client, urls []string, done bool) *http.Response {
	for _, u := range urls { // want `loop that runs at most once`
		c.Get(u)
		break
	}
	for { // want `loop that runs at most once`
		resp, err := c.Get("a")
		if err != nil {
			return nil
		}
		return resp
	}
}

func notOnce(c *http.Client, urls []string, done bool) {
	for _, u := range urls { // want `hot loop`
		c.Get(u)
		if done {
			break
		}
	}
	for _, u := range urls { // want `hot loop`
		if u == "" {
			continue
		}
		c.Get(u)
		return
	}
}

// ---- pagination and polling by status ----

type page struct {
	Next    string
	HasMore bool
}

func list(c *http.Client, u string) (page, error) { return page{}, nil }

func status(c *http.Client) string { return "" }

func isReady(c *http.Client) bool { return true }

func hasItems(c *http.Client) bool { return true }

// Pagination repeats on success: hot, even with a wait.
func paginate(c *http.Client, u string) {
	for { // want `hot loop`
		p, err := list(c, u)
		if err != nil {
			return
		}
		if p.Next == "" {
			break
		}
		u = p.Next
		time.Sleep(time.Second)
	}
	for { // want `hot loop`
		p, err := list(c, u)
		if err != nil {
			return
		}
		if !p.HasMore {
			break
		}
		time.Sleep(time.Second)
	}
}

// Polling until a status word or a name says the answer came.
func pollStatus(c *http.Client) {
	for { // want `bounded retry loop`
		st := status(c)
		if st == "Succeeded" {
			return
		}
		time.Sleep(time.Second)
	}
	for { // want `bounded retry loop`
		if st := status(c); st != "Running" {
			return
		}
		time.Sleep(time.Second)
	}
	for { // want `bounded retry loop`
		if isReady(c) {
			return
		}
		time.Sleep(time.Second)
	}
	for { // want `hot loop`
		if hasItems(c) { // says nothing of success
			return
		}
		time.Sleep(time.Second)
	}
}

// ---- a tagged switch on the status ----

func retryStatus(c *http.Client, req *http.Request) *http.Response {
	for { // want `bounded retry loop`
		resp, err := c.Do(req)
		if err != nil {
			time.Sleep(time.Second)
			continue
		}
		switch resp.StatusCode {
		case http.StatusOK:
			return resp
		case http.StatusTooManyRequests, http.StatusServiceUnavailable:
			time.Sleep(time.Second)
			continue
		default:
			return nil
		}
	}
}

func processStatus(c *http.Client, urls []string) {
	for _, u := range urls { // want `hot loop`
		resp, err := c.Get(u)
		if err != nil {
			continue
		}
		switch resp.StatusCode {
		case http.StatusOK:
			resp.Body.Close() // success goes on to the next URL
		case http.StatusNotFound:
			return
		}
	}
}

// ---- a canceled context is no success ----

func retryUntilCanceled(ctx context.Context, c *http.Client, u string, d time.Duration) error {
	tick := time.NewTicker(d)
	defer tick.Stop()
	for { // want `bounded retry loop`
		select {
		case <-tick.C:
			if _, err := c.Get(u); err == nil {
				return nil
			}
		case <-ctx.Done(): // canceled: the next check returns
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
}
