// Package gcp uses a Google Cloud client: there is no catalog row for it;
// the facts follow storage.NewClient into the transport it clones and
// report the call under SNAT001 with the chain.
package gcp

import (
	"context"
	"net/http"
	"sync"

	"cloud.google.com/go/storage"
)

func Report(w http.ResponseWriter, r *http.Request) {
	c, _ := storage.NewClient(r.Context()) // want `^http.Transport built by storage.NewClient in HTTP handler Report: each request opens new connections`
	_ = c.Bucket("reports")
}

func Export(ctx context.Context, buckets []string) {
	for _, b := range buckets {
		c, _ := storage.NewClient(ctx) // want `http.Transport built by storage.NewClient in loop body`
		_ = c.Bucket(b)
	}
}

// Built once: silent.
var client = sync.OnceValues(func() (*storage.Client, error) {
	return storage.NewClient(context.Background())
})

func Cached(w http.ResponseWriter, r *http.Request) {
	c, _ := client()
	_ = c.Bucket("reports")
}
