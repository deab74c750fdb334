package infra

import (
	"context"
	"net/http"
)

// A mock in a test file implements PriceService by building a client per
// call: tests are not implementations.
type mockPrices struct{}

func (mockPrices) Price(ctx context.Context, sku string) (int, error) {
	_ = &http.Transport{}
	return 0, nil
}
