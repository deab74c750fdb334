// Package mongo is a stub of go.mongodb.org/mongo-driver/v2/mongo.
package mongo

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

type Client struct{}

func Connect(opts ...*options.ClientOptions) (*Client, error) { return &Client{}, nil }

func (c *Client) Disconnect(ctx context.Context) error { return nil }

// Database returns a handle on the client's pool: not a construction.
func (c *Client) Database(name string) *Database { return &Database{} }

type Database struct{}
