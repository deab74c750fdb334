package hot

import (
	"context"
	"net/http"

	"github.com/gin-gonic/gin"
	"golang.org/x/sync/errgroup"
)

func mark() {}

func main() {
	mark() // no context: main runs once
	for i := 0; i < 2; i++ {
		mark() // want `loop body`
	}
	for range 2 {
		go func() {
			mark() // want `goroutine started in a loop`
		}()
		func() {
			mark() // want `loop body`
		}()
	}
	for i := 0; i < 2; i++ {
		for range 3 {
			mark() // want `loop body`
		}
	}
}

func Handler(w http.ResponseWriter, r *http.Request) {
	mark() // want `HTTP handler Handler`
	g, _ := errgroup.WithContext(context.Background())
	g.Go(func() error {
		mark() // want `HTTP handler Handler`
		return nil
	})
	for range 2 {
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
