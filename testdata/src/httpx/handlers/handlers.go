package handlers

import (
	"context"
	"net/http"
	"time"

	"golang.org/x/sync/errgroup"

	"httpx/helpers"
)

// ---- findings ----

func GetVM(w http.ResponseWriter, r *http.Request) {
	t := &http.Transport{MaxIdleConns: 10} // want `^http.Transport created in HTTP handler GetVM: each request opens new connections and leaks an idle pool; create it once at package level$`
	_ = t
	c := &http.Client{Timeout: 5 * time.Second} // want `^http.Client created in HTTP handler GetVM: it shares http.DefaultTransport's pool, but clients should be reused`
	c.Get("https://example.com")
}

func withFreshTransport(w http.ResponseWriter, r *http.Request) {
	c := &http.Client{Transport: &http.Transport{}} // want `http.Client created with a new Transport in HTTP handler withFreshTransport` `http.Transport created in HTTP handler withFreshTransport`
	_ = c
}

func withLocalTransport(w http.ResponseWriter, r *http.Request) {
	tr := http.DefaultTransport.(*http.Transport).Clone() // want `http.Transport created in HTTP handler withLocalTransport`
	c := &http.Client{Transport: tr}                      // want `http.Client created with a new Transport in HTTP handler withLocalTransport`
	_ = c
}

var sharedTransport = &http.Transport{}

func withSharedTransport(w http.ResponseWriter, r *http.Request) {
	c := &http.Client{Transport: sharedTransport} // want `http.Client created in HTTP handler withSharedTransport: it shares its Transport's pool`
	_ = c
}

func noKeepAlive(w http.ResponseWriter, r *http.Request) {
	_ = &http.Transport{DisableKeepAlives: true} // want `^http.Transport created in HTTP handler noKeepAlive: each request builds a new pool and opens new connections; create it once`
}

func valueLiteral(w http.ResponseWriter, r *http.Request) {
	c := http.Client{} // want `http.Client created in HTTP handler valueLiteral`
	_ = c
}

func newBuiltin(w http.ResponseWriter, r *http.Request) {
	c := new(http.Client)    // want `http.Client created in HTTP handler newBuiltin`
	t := new(http.Transport) // want `http.Transport created in HTTP handler newBuiltin`
	_, _ = c, t
}

func zeroValue(w http.ResponseWriter, r *http.Request) {
	var c http.Client    // want `http.Client created in HTTP handler zeroValue`
	var t http.Transport // want `http.Transport created in HTTP handler zeroValue`
	_, _ = c, t
}

type MyClient http.Client
type MyTransport http.Transport
type ClientAlias = http.Client

func definedTypes(w http.ResponseWriter, r *http.Request) {
	_ = &MyClient{}    // want `handlers.MyClient \(http.Client\) created in HTTP handler definedTypes`
	_ = MyTransport{}  // want `handlers.MyTransport \(http.Transport\) created in HTTP handler definedTypes`
	_ = &ClientAlias{} // want `http.Client created in HTTP handler definedTypes`
}

func reversed(r *http.Request, extra int, w http.ResponseWriter) {
	_ = &http.Client{} // want `http.Client created in HTTP handler reversed`
}

type Server struct{ client *http.Client }

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	_ = &http.Client{} // want `http.Client created in HTTP handler ServeHTTP`
}

func (s *Server) getVM(w http.ResponseWriter, r *http.Request) {
	s.client = &http.Client{} // want `http.Client created in HTTP handler getVM`
}

func Routes(mux *http.ServeMux) {
	mux.HandleFunc("/vms", func(w http.ResponseWriter, r *http.Request) {
		_ = &http.Client{} // want `http.Client created in HTTP handler for "/vms"`
	})
	mux.Handle("/disks", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_ = &http.Transport{} // want `http.Transport created in HTTP handler \(func literal\)`
	}))
	routes := []struct {
		path string
		h    http.HandlerFunc
	}{
		{"/a", func(w http.ResponseWriter, r *http.Request) {
			_ = &http.Client{} // want `http.Client created in HTTP handler \(func literal\)`
		}},
	}
	_ = routes
}

func closures(w http.ResponseWriter, r *http.Request) {
	go func() {
		_ = &http.Client{} // want `http.Client created in HTTP handler closures`
	}()
	fn := func() *http.Client {
		return &http.Client{} // want `http.Client created in HTTP handler closures`
	}
	_ = fn
	g, _ := errgroup.WithContext(context.Background())
	g.Go(func() error {
		_ = &http.Transport{} // want `http.Transport created in HTTP handler closures`
		return nil
	})
}

func loops(urls []string) {
	for _, u := range urls {
		c := &http.Client{} // want `http.Client created in loop body: it shares`
		c.Get(u)
	}
	for i := 0; i < len(urls); i++ {
		_ = &http.Transport{} // want `http.Transport created in loop body: each iteration opens`
	}
	for _, u := range urls {
		go func() {
			c := &http.Client{} // want `http.Client created in goroutine started in a loop`
			c.Get(u)
		}()
	}
}

func interprocedural(w http.ResponseWriter, r *http.Request) {
	helpers.NewClient()              // want `^http.Client built by helpers.NewClient in HTTP handler interprocedural: it shares`
	helpers.NewTransport()           // want `^http.Transport built by helpers.NewTransport in HTTP handler interprocedural: each request opens new connections`
	helpers.NewClientWithTransport() // want `^http.Transport built by helpers.NewClientWithTransport in HTTP handler interprocedural`
	helpers.Wrapped()                // want `^http.Client built by helpers.Wrapped in HTTP handler`
	newLocal()                       // want `^http.Client built by newLocal in HTTP handler interprocedural`
	f := helpers.NewClient
	f() // want `http.Client built by helpers.NewClient in HTTP handler interprocedural`
}

func newLocal() *http.Client { return &http.Client{} }

func goCallInLoop(urls []string) {
	for range urls {
		go helpers.NewClient() // want `http.Client built by helpers.NewClient in loop body`
	}
}

func main() {
	for i := 0; i < workers; i++ {
		_ = &http.Client{} // want `http.Client created in loop body`
	}
}

var workers = 4

func sharedAcrossIterations(urls []string) {
	tr := &http.Transport{}
	for range urls {
		c := &http.Client{Transport: tr} // want `http.Client created in loop body: it shares its Transport's pool`
		_ = c
	}
}

func newTr() *http.Transport { return &http.Transport{} }

func localFresh(w http.ResponseWriter, r *http.Request) {
	_ = &http.Client{Transport: newTr()} // want `http.Client created with a new Transport in HTTP handler localFresh` `http.Transport built by newTr in HTTP handler localFresh`
}
