// Package lookalike has types whose fields share the names of net/http's
// keep-alive settings: setting them switches nothing off.
package lookalike

// Transport is not an http.Transport.
type Transport struct {
	DisableKeepAlives bool
}

// Request is not an http.Request.
type Request struct {
	Close  bool
	Header Header
}

// Header is not an http.Header.
type Header map[string][]string

// Set sets a header.
func (h Header) Set(k, v string) { h[k] = []string{v} }
