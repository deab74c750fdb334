// Package mongo is a stub of go.mongodb.org/mongo-driver/mongo (v1).
package mongo

import "context"

type Client struct{}

type ClientOptions struct{}

func Connect(ctx context.Context, opts ...*ClientOptions) (*Client, error) { return &Client{}, nil }

func NewClient(opts ...*ClientOptions) (*Client, error) { return &Client{}, nil }
