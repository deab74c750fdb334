// Package lib builds an HTTP client with its own transport on every call:
// calling it per request is a finding at the call.
package lib

import "net/http"

func NewClient() *http.Client {
	return &http.Client{Transport: &http.Transport{}}
}
