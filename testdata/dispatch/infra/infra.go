// Package infra implements the domain interfaces.
package infra

import (
	"context"
	"net/http"
)

// cachingSync reuses the client it was built with.
type cachingSync struct{ client *http.Client }

func NewCachingSync() *cachingSync {
	return &cachingSync{client: &http.Client{Transport: &http.Transport{}}}
}

func (s *cachingSync) Sync(ctx context.Context, id string) error {
	_ = s.client
	return nil
}

// azureSync builds a transport on every call.
type azureSync struct{}

func NewAzureSync() *azureSync { return &azureSync{} }

func (*azureSync) Sync(ctx context.Context, id string) error {
	t := &http.Transport{}
	_ = t
	return nil
}

// Prices: every implementation caches.
type cachedPrices struct{ client *http.Client }

func NewCachedPrices() *cachedPrices { return &cachedPrices{client: &http.Client{}} }

func (p *cachedPrices) Price(ctx context.Context, sku string) (int, error) {
	_ = p.client
	return 0, nil
}

// sqlRepo builds a client with its own pool on every load.
type sqlRepo struct{}

func NewRepo() sqlRepo { return sqlRepo{} }

func (sqlRepo) Load(ctx context.Context, id string) (string, error) {
	c := newClient()
	_ = c
	return "", nil
}

func newClient() *http.Client {
	return &http.Client{Transport: &http.Transport{}}
}
