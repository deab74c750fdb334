// Package redis is a stub of github.com/redis/go-redis/v9.
package redis

import "context"

type Options struct {
	Addr     string
	PoolSize int
}

type ClusterOptions struct{ Addrs []string }

type UniversalOptions struct{ Addrs []string }

type FailoverOptions struct{ MasterName string }

type RingOptions struct{ Addrs map[string]string }

type Client struct{}

type ClusterClient struct{}

type Ring struct{}

type UniversalClient interface {
	Get(ctx context.Context, key string) *StringCmd
}

type StringCmd struct{}

func (c *StringCmd) Val() string { return "" }

func NewClient(opt *Options) *Client                               { return &Client{} }
func NewClusterClient(opt *ClusterOptions) *ClusterClient          { return &ClusterClient{} }
func NewUniversalClient(opts *UniversalOptions) UniversalClient    { return &Client{} }
func NewFailoverClient(opt *FailoverOptions) *Client               { return &Client{} }
func NewFailoverClusterClient(opt *FailoverOptions) *ClusterClient { return &ClusterClient{} }
func NewRing(opt *RingOptions) *Ring                               { return &Ring{} }

func (c *Client) Get(ctx context.Context, key string) *StringCmd { return &StringCmd{} }
func (c *Client) Close() error                                   { return nil }

// ParseURL builds options; it opens nothing.
func ParseURL(redisURL string) (*Options, error) { return &Options{}, nil }
