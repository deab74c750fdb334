// Package closures: a function literal that the function calls is part
// of it (design.md, "Closures are part of the function that calls
// them"): a transport built in one makes the client around it own its
// pool, and makes the function construct on every call.
package closures

import (
	"net/http"
	"time"
)

func NewRTClient() *http.Client {
	newRT := func() http.RoundTripper {
		return &http.Transport{MaxIdleConns: 10}
	}
	return &http.Client{Transport: newRT(), Timeout: time.Second}
}

var shared = &http.Transport{}

func SharedRTClient() *http.Client {
	rt := func() http.RoundTripper { return shared }
	return &http.Client{Transport: rt()}
}

func NeverCalls() *http.Client {
	newRT := func() http.RoundTripper { return &http.Transport{} }
	_ = newRT
	return http.DefaultClient
}

func Handler(w http.ResponseWriter, r *http.Request) {
	newRT := func() http.RoundTripper {
		return &http.Transport{} // want `^http.Transport created in HTTP handler Handler`
	}
	c := &http.Client{Transport: newRT()} // want `^http.Client created with a new Transport in HTTP handler Handler`
	_ = c
	d := &http.Client{Transport: func() http.RoundTripper { return &http.Transport{} }()} // want `^http.Client created with a new Transport in HTTP handler Handler` `^http.Transport created in HTTP handler Handler`
	_ = d
	rt := func() http.RoundTripper { return shared }
	e := &http.Client{Transport: rt()} // want `^http.Client created in HTTP handler Handler: it shares its Transport's pool`
	_ = e
	NewRTClient()    // want `^http.Transport built by NewRTClient in HTTP handler Handler`
	SharedRTClient() // want `^http.Client built by SharedRTClient in HTTP handler Handler: it shares`
	NeverCalls()
}
