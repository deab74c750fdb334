package main

// The fixed twins of bad.go: each client and transport is built once and
// reused. Nothing in this file is reported.

import (
	"io"
	"net/http"
	"sync"
	"time"
)

// sharedClient is built once at package level and shared by all requests.
var sharedClient = &http.Client{
	Timeout:   10 * time.Second,
	Transport: &http.Transport{MaxIdleConns: 100, IdleConnTimeout: 90 * time.Second},
}

// fixedProxy reuses the package-level client.
func fixedProxy(w http.ResponseWriter, r *http.Request) {
	resp, err := sharedClient.Get("https://inventory.example.com/items")
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	_, _ = io.Copy(w, resp.Body)
}

// lazyClient is built on first use, once, with sync.OnceValue.
var lazyClient = sync.OnceValue(func() *http.Client {
	return &http.Client{Transport: &http.Transport{IdleConnTimeout: time.Minute}}
})

// fixedPingAll reuses one client in the loop.
func fixedPingAll(urls []string) {
	c := lazyClient()
	for _, u := range urls {
		if resp, err := c.Get(u); err == nil {
			resp.Body.Close()
		}
	}
}

// server holds the client, built once in main by newServer.
type server struct {
	client *http.Client
}

// newServer is called once, from main.
func newServer() *server {
	return &server{client: &http.Client{Transport: &http.Transport{}}}
}

// ServeHTTP uses the server's client.
func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	resp, err := s.client.Get("https://inventory.example.com/health")
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	resp.Body.Close()
	w.WriteHeader(resp.StatusCode)
}
