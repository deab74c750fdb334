// Package option is a stub of google.golang.org/api/option.
package option

import "net/http"

// ClientOption configures a client.
type ClientOption interface{ Apply(*Settings) }

// Settings are the options applied.
type Settings struct {
	HTTPClient *http.Client
	Endpoint   string
}

type withHTTPClient struct{ c *http.Client }

func (w withHTTPClient) Apply(s *Settings) { s.HTTPClient = w.c }

// WithHTTPClient gives the client an existing HTTP client.
func WithHTTPClient(c *http.Client) ClientOption { return withHTTPClient{c} }
