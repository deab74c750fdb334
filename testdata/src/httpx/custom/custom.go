// Package custom is a company HTTP library whose constructors own pools
// in ways the analysis cannot see (configured in .snatlint.yaml).
package custom

type Client struct{ pool map[string]int }

func NewHTTPClient() *Client { return &Client{} }

type Pool struct{}

func (f *Factory) Pool() *Pool { return &Pool{} }

type Factory struct{}

// NewPooledClient builds a client with a pool of its own (a row with
// variant own-pool in the configuration's rows).
func NewPooledClient() *Client { return &Client{} }
