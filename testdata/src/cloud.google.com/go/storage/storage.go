// Package storage is a stub of cloud.google.com/go/storage: NewClient
// reaches google.golang.org/api/transport/http.NewClient, as the real one
// does.
package storage

import (
	"context"
	"net/http"

	htransport "google.golang.org/api/transport/http"
	"google.golang.org/api/option"
)

// Client is a storage client.
type Client struct{ hc *http.Client }

// NewClient creates a client, with a new transport unless one is given.
func NewClient(ctx context.Context, opts ...option.ClientOption) (*Client, error) {
	hc, _, err := htransport.NewClient(ctx, opts...)
	if err != nil {
		return nil, err
	}
	return &Client{hc: hc}, nil
}

// Bucket returns a handle: not a construction.
func (c *Client) Bucket(name string) *BucketHandle { return &BucketHandle{} }

// BucketHandle is a bucket.
type BucketHandle struct{}
