package main

import "net/http"

func handler(w http.ResponseWriter, r *http.Request) {
	/* héllo wörld */ c := &http.Client{} // naïve
	_ = c
}

func newTransport() *http.Transport {
	return &http.Transport{}
}

func get(w http.ResponseWriter, r *http.Request) {
	t := newTransport()
	_ = t
}

func main() {
	http.HandleFunc("/", handler)
	http.HandleFunc("/get", get)
}
