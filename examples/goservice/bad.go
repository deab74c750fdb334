package main

// The mistakes. Each line snatlint reports carries an "expect" comment with
// its rule IDs (the end-to-end test checks that exactly these are found).

import (
	"io"
	"net/http"
	"time"
)

// badProxy builds a new client and a new transport (a new connection pool)
// for every request: every request pays a TCP and TLS handshake and leaves
// idle connections behind.
func badProxy(w http.ResponseWriter, r *http.Request) {
	client := &http.Client{ // expect SNAT002:error
		Timeout:   10 * time.Second,
		Transport: &http.Transport{}, // expect SNAT001
	}
	resp, err := client.Get("https://inventory.example.com/items")
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	_, _ = io.Copy(w, resp.Body)
}

// pingAll builds a transport per loop iteration.
func pingAll(urls []string) {
	for _, u := range urls {
		tr := &http.Transport{MaxIdleConns: 10} // expect SNAT001
		c := &http.Client{Transport: tr}        // expect SNAT002
		if resp, err := c.Get(u); err == nil {
			resp.Body.Close()
		}
	}
}

// newClient builds a client with its own transport on every call. It is
// not a finding by itself; the handler that calls it is.
func newClient() *http.Client {
	return &http.Client{Transport: &http.Transport{IdleConnTimeout: time.Minute}}
}

// badViaHelper calls newClient per request (interprocedural).
func badViaHelper(w http.ResponseWriter, r *http.Request) {
	c := newClient() // expect SNAT001
	resp, err := c.Get("https://inventory.example.com/health")
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	resp.Body.Close()
	w.WriteHeader(resp.StatusCode)
}
