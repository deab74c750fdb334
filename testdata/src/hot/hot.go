package hot

import (
	"context"
	"net/http"

	"github.com/gin-gonic/gin"
	"golang.org/x/sync/errgroup"
)

func mark() {}

// n is not a constant: loops bounded by it are hot.
var n = 2

func main() {
	mark() // no context: main runs once
	for i := 0; i < n; i++ {
		mark() // want `loop body`
	}
	for range n {
		go func() {
			mark() // want `goroutine started in a loop`
		}()
		func() {
			mark() // want `loop body`
		}()
	}
	for i := 0; i < n; i++ {
		for range n {
			mark() // want `loop body`
		}
	}
	// Loops that are not hot are no context of their own.
	for range 3 {
		mark()
		go func() { mark() }()
		for range n {
			mark() // want `loop body`
		}
	}
	for range n {
		for range 3 {
			mark() // want `loop body`
		}
	}
}

func retry(c *http.Client, u string) (*http.Response, error) {
	var err error
	for attempt := 0; attempt < 20; attempt++ {
		mark() // a bounded retry: the function's, not the loop's
		var resp *http.Response
		if resp, err = c.Get(u); err == nil {
			return resp, nil
		}
	}
	return nil, err
}

func RetryInHandler(w http.ResponseWriter, r *http.Request) {
	for _, h := range []string{"a", "b"} {
		mark() // want `HTTP handler RetryInHandler`
		_ = h
	}
}

func Handler(w http.ResponseWriter, r *http.Request) {
	mark() // want `HTTP handler Handler`
	g, _ := errgroup.WithContext(context.Background())
	g.Go(func() error {
		mark() // want `HTTP handler Handler`
		return nil
	})
	for range n {
		mark() // want `loop body`
	}
}

func Gin(c *gin.Context) {
	mark() // want `gin handler Gin`
}

type S struct{}

func (S) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	mark() // want `HTTP handler ServeHTTP`
}

type T struct{}

func (T) ServeHTTP(w http.ResponseWriter, r *http.Request, extra int) {
	mark() // wrong ServeHTTP signature
}

func register(mux *http.ServeMux) {
	mark()
	mux.HandleFunc("/x", func(w http.ResponseWriter, r *http.Request) {
		mark() // want `HTTP handler for "/x"`
	})
	h := func(w http.ResponseWriter, r *http.Request) {
		mark() // want `HTTP handler \(func literal\)`
	}
	_ = h
}
