// Package helpers builds clients for package handlers: calls to these
// from a per-request context are reported at the call.
package helpers

import (
	"net/http"
	"time"
)

func NewClient() *http.Client { return &http.Client{Timeout: time.Second} }

func NewTransport() *http.Transport { return &http.Transport{MaxIdleConnsPerHost: 4} }

func NewClientWithTransport() *http.Client {
	return &http.Client{Transport: NewTransport()}
}

func wrapped() *http.Client { return NewClient() }

// Wrapped reaches NewClient through an unexported helper.
func Wrapped() *http.Client { return wrapped() }

var cached = &http.Client{}

// Cached returns the package-level client: no construction.
func Cached() *http.Client { return cached }

// Handle is handler-shaped: its construction is reported inside it.
func Handle(w http.ResponseWriter, r *http.Request) {
	_ = &http.Client{} // not checked here: helpers is not a root in the test
}
