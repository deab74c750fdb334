// Package retention: retention follows the pool (design.md). Storing an
// unrelated result of a call that built a pool retains nothing; a pool
// passed to a constructor, a wrapper or a setter whose result or
// receiver is retained is retained with it.
package retention

import (
	"encoding/json"
	"io"
	"net/http"
)

// ---- unrelated results: still reported ----

func fetchLen(u string) int {
	c := &http.Client{Transport: &http.Transport{}}
	resp, err := c.Get(u)
	if err != nil {
		return 0
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return len(b)
}

type Doc struct {
	Title string
	Tags  []string
	Meta  map[string]any
}

func fetchDoc(u string) (Doc, error) {
	c := &http.Client{Transport: &http.Transport{}}
	var d Doc
	resp, err := c.Get(u)
	if err != nil {
		return d, err
	}
	defer resp.Body.Close()
	err = json.NewDecoder(resp.Body).Decode(&d)
	return d, err
}

func fetchResp(u string) (*http.Response, error) {
	return (&http.Client{Transport: &http.Transport{}}).Get(u)
}

var lens = map[string]int{}

func crawl(urls []string) {
	for _, u := range urls {
		n := fetchLen(u) // want `^http.Transport built by fetchLen in loop body`
		lens[u] = n
	}
	docs := map[string]Doc{}
	for _, u := range urls {
		d, _ := fetchDoc(u) // want `^http.Transport built by fetchDoc in loop body`
		docs[u] = d
	}
	var resps []*http.Response
	for _, u := range urls {
		r, _ := fetchResp(u) // want `^http.Transport built by fetchResp in loop body`
		resps = append(resps, r)
	}
	_, _ = docs, resps
}

// ---- constructors and option structs: retained with their result ----

type Doer interface {
	Do(*http.Request) (*http.Response, error)
}

type Options struct {
	HTTPClient Doer
	Region     string
}

type API struct{ opts Options }

func NewAPI(o Options) *API { return &API{opts: o} }

func (a *API) Region() string { return a.opts.Region }

var api = NewAPI(Options{HTTPClient: &http.Client{}})

var apis = map[string]*API{}

func setup(regions []string) {
	for _, r := range regions {
		apis[r] = NewAPI(Options{HTTPClient: &http.Client{Transport: &http.Transport{}}, Region: r})
	}
	for _, r := range regions {
		c := &http.Client{}
		a := NewAPI(Options{HTTPClient: c, Region: r})
		apis[r+"-2"] = a
	}
}

var regionNames = map[string]string{}

func setupTwins(regions []string) {
	for _, r := range regions {
		regionNames[r] = NewAPI(Options{HTTPClient: &http.Client{}, Region: r}).Region() // want `^http.Client created in loop body`
	}
	for _, r := range regions {
		NewAPI(Options{HTTPClient: &http.Client{}, Region: r}) // want `^http.Client created in loop body`
	}
}

// ---- wrappers and setters ----

type ReadClient struct{ c *http.Client }

func NewReadClient(u string) *ReadClient {
	return &ReadClient{c: &http.Client{Transport: &http.Transport{}}}
}

type Queryable interface{ Query() }

type queryable struct{ rc *ReadClient }

func (queryable) Query() {}

func NewQueryable(rc *ReadClient) Queryable { return queryable{rc} }

// buildQueryables builds a collection: a cache for its caller, so
// nothing in its loop is per iteration, but it builds the clients on
// every call.
func buildQueryables(urls []string) []Queryable {
	var q []Queryable
	for _, u := range urls {
		q = append(q, NewQueryable(NewReadClient(u)))
	}
	return q
}

var queryables []Queryable

func startup(urls []string) {
	queryables = buildQueryables(urls)
	for _, u := range urls {
		queryables = append(queryables, NewQueryable(NewReadClient(u)))
	}
}

func Query(w http.ResponseWriter, r *http.Request) {
	buildQueryables(nil) // want `^http.Transport built by buildQueryables in HTTP handler Query`
}

type Queue struct{ client *http.Client }

func (q *Queue) SetClient(c *http.Client) { q.client = c }

var queue = &Queue{}

type Logger struct{ prefix string }

func (l *Logger) Log(v any) {}

var logger = &Logger{}

func configure(urls []string) {
	for range urls {
		c := &http.Client{}
		queue.SetClient(c) // kept by a retained queue
	}
	for range urls {
		c := &http.Client{} // want `^http.Client created in loop body`
		logger.Log(c)       // a logger holds no client
	}
}

func Enqueue(w http.ResponseWriter, r *http.Request) {
	q := &Queue{}
	q.SetClient(&http.Client{}) // want `^http.Client created in HTTP handler Enqueue`
}

// ---- values returned by closures: followed to the calls that run them ----

type Notifier interface{ Notify() }

type webhook struct{ c *http.Client }

func (webhook) Notify() {}

func newWebhook(u string) (Notifier, error) {
	return webhook{c: &http.Client{Transport: &http.Transport{}}}, nil
}

type Integration struct {
	n    Notifier
	name string
}

// buildIntegrations keeps the notifiers in the list it returns: a cache
// for its caller, built on every call.
func buildIntegrations(urls []string) []Integration {
	var out []Integration
	add := func(name string, f func() (Notifier, error)) {
		n, err := f()
		if err != nil {
			return
		}
		out = append(out, Integration{n: n, name: name})
	}
	for _, u := range urls {
		add("webhook", func() (Notifier, error) { return newWebhook(u) })
	}
	return out
}

var integrations = map[string][]Integration{}

func reload(names []string) {
	for _, n := range names {
		integrations[n] = buildIntegrations(nil)
	}
}

func Reload(w http.ResponseWriter, r *http.Request) {
	buildIntegrations(nil) // want `^http.Transport built by buildIntegrations in HTTP handler Reload`
}

// notifyAll drops what the callback returns: one notifier per URL.
func notifyAll(urls []string) {
	call := func(f func() (Notifier, error)) {
		n, _ := f()
		n.Notify()
	}
	for _, u := range urls {
		call(func() (Notifier, error) { return newWebhook(u) }) // want `^http.Transport built by newWebhook in loop body`
	}
}

// A collection defined by := and then stored is kept with it.
func reloadDefined(names []string) {
	for _, n := range names {
		got := buildIntegrations(nil)
		integrations[n] = got
	}
}

func countIntegrations(names []string) int {
	total := 0
	for range names {
		got := buildIntegrations(nil) // want `^http.Transport built by buildIntegrations in loop body: each iteration opens new connections`
		total += len(got)
	}
	return total
}
