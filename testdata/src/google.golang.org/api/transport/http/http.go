// Package http is a stub of google.golang.org/api/transport/http, keeping
// the shape of the real NewClient: without option.WithHTTPClient it
// builds a new transport, a clone of http.DefaultTransport
// (defaultBaseTransport in the real dial.go), on every call.
package http

import (
	"context"
	"net/http"

	"google.golang.org/api/option"
)

// NewClient returns an HTTP client for Google APIs.
func NewClient(ctx context.Context, opts ...option.ClientOption) (*http.Client, string, error) {
	var s option.Settings
	for _, o := range opts {
		o.Apply(&s)
	}
	if s.HTTPClient != nil {
		return s.HTTPClient, s.Endpoint, nil
	}
	trans := defaultBaseTransport()
	return &http.Client{Transport: trans}, s.Endpoint, nil
}

func defaultBaseTransport() http.RoundTripper {
	trans := http.DefaultTransport.(*http.Transport).Clone()
	trans.MaxIdleConnsPerHost = 100
	return trans
}
