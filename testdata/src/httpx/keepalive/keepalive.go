// Package keepalive holds SNAT008 fixtures: keep-alive switched off on a
// transport (anywhere) or on one request (in a per-request context), with
// silent twins.
package keepalive

import (
	"context"
	"net/http"
	"sync"
	"time"

	"httpx/keepalive/lookalike"
)

const off = true

// Anywhere: a transport that never keeps a connection, at package level.
var noReuse = &http.Transport{
	DisableKeepAlives: true, // want `^keep-alives off on http.Transport \(DisableKeepAlives: true\): each request through it opens a new connection; keep them on and reuse the http.Transport$`
	IdleConnTimeout:   90 * time.Second,
}

var byConst = &http.Transport{DisableKeepAlives: off} // want `keep-alives off on http.Transport \(DisableKeepAlives: true\)`

var valueLit = http.Transport{MaxIdleConns: 10, DisableKeepAlives: true} // want `keep-alives off on http.Transport`

// A client holding such a transport at package level: the setting line
// is the finding, not the client.
var client = &http.Client{Transport: &http.Transport{
	DisableKeepAlives: true, // want `keep-alives off on http.Transport`
}}

type myTransport http.Transport

var defined = &myTransport{DisableKeepAlives: true} // want `keep-alives off on http.Transport`

type embeds struct {
	*http.Transport
	name string
}

func init() {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.DisableKeepAlives = true                                       // want `keep-alives off on http.Transport \(DisableKeepAlives: true\)`
	http.DefaultTransport.(*http.Transport).DisableKeepAlives = true // want `keep-alives off on http.Transport`
	e := embeds{Transport: &http.Transport{}}
	e.DisableKeepAlives = true // want `keep-alives off on http.Transport`
	_ = t
}

// Silent: keep-alives on, or not a constant.
var keepOn = &http.Transport{DisableKeepAlives: false}

func fromConfig(disable bool) *http.Transport {
	return &http.Transport{DisableKeepAlives: disable}
}

func assignedVar(disable bool) {
	t := &http.Transport{}
	t.DisableKeepAlives = disable
	_ = t
}

// Silent: look-alike types of the project.
var lookTransport = &lookalike.Transport{DisableKeepAlives: true}

func lookalikes(w http.ResponseWriter, r *http.Request) {
	req := &lookalike.Request{Close: true, Header: lookalike.Header{"Connection": {"close"}}}
	req.Close = true
	req.Header.Set("Connection", "close")
	req.Header["Connection"] = []string{"close"}
}

// Per request: one request asks for its connection to be closed.
func items(w http.ResponseWriter, r *http.Request) {
	req, err := http.NewRequestWithContext(r.Context(), http.MethodGet, "https://inventory.example.com/items", nil)
	if err != nil {
		return
	}
	req.Close = true                                           // want `^connection close on http.Request \(Close: true\) in HTTP handler items: each request opens a new connection; remove it to reuse the connection$`
	req.Header.Set("Connection", "close")                      // want `connection close on http.Request \(header "Connection: close"\) in HTTP handler items`
	req.Header.Add("connection", "Close")                      // want `connection close on http.Request \(header "Connection: close"\) in HTTP handler items`
	req.Header["Connection"] = []string{"keep-alive", "close"} // want `connection close on http.Request \(header "Connection: close"\)`
	req.Header.Set("Connection", "keep-alive, close")          // want `connection close on http.Request`
	_, _ = http.DefaultClient.Do(req)
}

func literal(w http.ResponseWriter, r *http.Request) {
	req := &http.Request{
		Method: http.MethodGet,
		Close:  true, // want `connection close on http.Request \(Close: true\) in HTTP handler literal`
		Header: http.Header{
			"Accept":     {"application/json"},
			"Connection": {"close"}, // want `connection close on http.Request \(header "Connection: close"\) in HTTP handler literal`
		},
	}
	req.Header = http.Header{"Connection": []string{"close"}} // want `connection close on http.Request \(header "Connection: close"\)`
	_ = req
}

// In a loop, at start-up: per iteration.
func warm(urls []string) {
	for _, u := range urls {
		req, _ := http.NewRequest(http.MethodGet, u, nil)
		req.Close = true // want `connection close on http.Request \(Close: true\) in loop body`
		_, _ = http.DefaultClient.Do(req)
	}
}

// In a loop: a transport configured off and a close header, per
// iteration.
func crawl(urls []string) {
	for _, u := range urls {
		t := &http.Transport{ // want `http.Transport created in loop body`
			DisableKeepAlives: true, // want `keep-alives off on http.Transport \(DisableKeepAlives: true\)`
		}
		req, _ := http.NewRequest(http.MethodGet, u, nil)
		req.Header.Set("Connection", "close") // want `connection close on http.Request \(header "Connection: close"\) in loop body`
		_, _ = t.RoundTrip(req)
	}
}

// Silent: requests built once, at package level and behind
// sync.OnceValue, ask for close on every use but are not built per
// request.
var healthReq = &http.Request{Method: http.MethodGet, Close: true, Header: http.Header{"Connection": {"close"}}}

var probeReq = sync.OnceValue(func() *http.Request {
	req, _ := http.NewRequest(http.MethodGet, "https://inventory.example.com/health", nil)
	req.Close = true
	req.Header.Set("Connection", "close")
	return req
})

func probe(w http.ResponseWriter, r *http.Request) {
	_, _ = http.DefaultClient.Do(healthReq)
	_, _ = http.DefaultClient.Do(probeReq())
}

// Silent: the server's own response header, and response headers.
func respond(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Connection", "close")
	resp, err := http.Get("https://inventory.example.com/items")
	if err == nil {
		resp.Header.Set("Connection", "close")
		resp.Close = true
	}
	h := w.Header()
	h["Connection"] = []string{"close"}
}

// Silent: other headers and values, and values that are not constants.
func others(w http.ResponseWriter, r *http.Request, closeIt bool, v string) {
	req, _ := http.NewRequest(http.MethodGet, "https://inventory.example.com/items", nil)
	req.Close = false
	req.Close = closeIt
	req.Header.Set("Connection", "keep-alive")
	req.Header.Set("Accept", "close")
	req.Header.Set("Connection", v)
	req.Header.Get("Connection")
	_, _ = http.DefaultClient.Do(req)
}

// Silent: a request built once at start-up.
func main() {
	req, _ := http.NewRequestWithContext(context.Background(), http.MethodGet, "https://inventory.example.com/health", nil)
	req.Close = true
	req.Header.Set("Connection", "close")
	_, _ = http.DefaultClient.Do(req)
	http.HandleFunc("/items", items)
}

// Overlap: a transport built per request with the setting on its own
// line is both rules; on one line, the more severe (SNAT001) only.
func perRequestTransport(w http.ResponseWriter, r *http.Request) {
	t := &http.Transport{ // want `http.Transport created in HTTP handler perRequestTransport: each request builds a new pool`
		DisableKeepAlives: true, // want `keep-alives off on http.Transport \(DisableKeepAlives: true\)`
	}
	u := &http.Transport{DisableKeepAlives: true} // want `^http.Transport created in HTTP handler perRequestTransport`
	_, _ = t, u
}

// Suppressed, with a reason.
var partner = &http.Transport{
	DisableKeepAlives: true, //snatlint:ignore SNAT008 the partner gateway drops reused connections
}

// Silent: the incoming request of a handler is the server's business.
func incoming(w http.ResponseWriter, r *http.Request) {
	r.Close = true
	r.Header.Set("Connection", "close")
	r.Header["Connection"] = []string{"close"}
}

type ginLike struct{ Request *http.Request }

func handle(c *ginLike, w http.ResponseWriter, r *http.Request) {
	c.Request.Close = true
}

// A transport handed to an option function is still configured: anywhere.
func options(opts ...func(*http.Transport)) {}

func configure() {
	options(func(t *http.Transport) {
		t.DisableKeepAlives = true // want `keep-alives off on http.Transport`
	})
}
