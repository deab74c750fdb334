// Package silent holds the fixes and look-alikes: nothing here is a
// finding.
package silent

import (
	"context"
	"net/http"
	"net/http/httputil"
	"sync"
	"time"

	"httpx/helpers"
)

// Package level.
var (
	client    = &http.Client{Timeout: 5 * time.Second}
	transport = &http.Transport{MaxIdleConns: 100}
	pooled    = &http.Client{Transport: transport}
	zero      http.Client
	clients   = map[string]*http.Client{"a": {}}
	fromHelp  = helpers.NewClient()
)

func init() {
	client = &http.Client{}
	_ = helpers.NewClient()
}

func main() {
	c := &http.Client{}
	t := &http.Transport{}
	_ = helpers.NewClientWithTransport()
	srv := NewServer()
	_, _, _ = c, t, srv
	regions := []string{"a", "b"}
	perRegion := map[string]*http.Client{}
	for _, r := range regions {
		perRegion[r] = &http.Client{} // retained in a map declared outside the loop
	}
	list := []*http.Client{}
	for range regions {
		list = append(list, &http.Client{}) // retained in a slice declared outside the loop
	}
	for _, r := range regions {
		c := helpers.NewClient()
		clients[r] = c // retained through a local temporary
	}
	for _, r := range regions {
		perRegion[r], _ = newClientErr() // retained, two results
	}
}

func newClientErr() (*http.Client, error) { return &http.Client{}, nil }

// Constructors called once from main.
type Server struct {
	client *http.Client
	mu     sync.Mutex
}

func NewServer() *Server { return &Server{client: &http.Client{}} }

func (s *Server) GetVM(w http.ResponseWriter, r *http.Request) {
	s.client.Get("https://example.com")
	helpers.Cached()
	http.Get("https://example.com")
	req, _ := http.NewRequest("GET", "https://example.com", nil)
	http.DefaultClient.Do(req)
	var nilClient *http.Client // nil pointer: nothing built
	_ = nilClient
	helpers.Handle(w, r) // a handler calling a handler: reported inside it
}

// Lazy singletons of every kind.
var (
	lazyClient *http.Client
	once       sync.Once
	onceClient *http.Client
	getClient  = sync.OnceValue(func() *http.Client { return &http.Client{} })
	getBoth    = sync.OnceValues(func() (*http.Client, error) { return &http.Client{}, nil })
)

func lazy(w http.ResponseWriter, r *http.Request) {
	if lazyClient == nil {
		lazyClient = &http.Client{}
	}
	once.Do(func() { onceClient = &http.Client{} })
	getClient()
	getBoth()
	sync.OnceFunc(func() { onceClient = &http.Client{} })
}

func (s *Server) lazyField(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.client == nil {
		s.client = &http.Client{}
	}
	if s.client == nil {
		c := &http.Client{} // built into a temporary under the guard
		s.client = c
	}
}

func (s *Server) init() { s.client = &http.Client{} } // receiver field of a non-handler

func startup() {
	for _, s := range []*Server{{}, {}} {
		s.init()
	}
}

// Wrong ServeHTTP signature: not a handler.
type Odd struct{}

func (Odd) ServeHTTP(ctx context.Context, w http.ResponseWriter, r *http.Request) {
	_ = &http.Client{}
}

// Only one of ResponseWriter / *Request: not a handler.
func half(w http.ResponseWriter) { _ = &http.Client{} }

// Look-alike local types and functions.
type Client struct{ Timeout time.Duration }
type Transport struct{}

func NewClient() *Client { return &Client{} }

func lookalikes(w http.ResponseWriter, r *http.Request) {
	_ = &Client{}
	_ = Transport{}
	_ = NewClient()
	var d struct{ http.Header }
	_ = d
}

// Type declarations are not constructions.
type Wrapper http.Client

// Calls through interfaces and function-typed values are not followed.
type ClientMaker interface{ Make() *http.Client }

func dynamic(w http.ResponseWriter, r *http.Request, m ClientMaker, f func() *http.Client) {
	m.Make()
	f()
	g := helpers.NewClient
	g = helpers.Cached // assigned twice: not followed
	g()
}

// Literals in a setup function are not per call of it.
func setup(mux *http.ServeMux) {
	mux.HandleFunc("/x", nil)
	_ = func() { _ = &http.Client{} }
}

func caller(w http.ResponseWriter, r *http.Request) { setup(nil) }

// Range expression and loop init run once.
func loopHeaders() {
	for _, c := range []*http.Client{{}} {
		_ = c
	}
	for t := (&http.Transport{}); t != nil; t = nil {
	}
}

func dump(w http.ResponseWriter, r *http.Request) {
	httputil.DumpRequestOut(r, false) // builds a transport with an in-memory dialer: silent
}

var syncCache sync.Map

func syncMapCache(w http.ResponseWriter, r *http.Request) {
	if c, ok := syncCache.Load("k"); ok {
		_ = c
		return
	}
	syncCache.Store("k", &http.Client{}) // retained in a package-level sync.Map
	c := &http.Client{}
	syncCache.LoadOrStore("k", c)
}

// A handler struct built at start-up: clients made in a start-up loop and
// stored into its map (or a map field) are retained for every request.
type Router struct {
	byRegion map[string]*http.Client
}

func (rt *Router) ServeHTTP(w http.ResponseWriter, r *http.Request) {}

func NewRouter(regions []string) *Router {
	rt := &Router{byRegion: map[string]*http.Client{}}
	for _, region := range regions {
		c := &http.Client{}
		rt.byRegion[region] = c
	}
	for _, region := range regions {
		rt.byRegion[region+"-direct"] = &http.Client{Transport: &http.Transport{}}
	}
	return rt
}
