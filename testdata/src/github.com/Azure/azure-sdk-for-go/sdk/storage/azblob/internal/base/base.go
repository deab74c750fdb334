// Package base is a stub of azblob/internal/base: generic wrappers, as
// in the real SDK.
package base

import "github.com/Azure/azure-sdk-for-go/sdk/azcore"

type ClientOptions struct{ azcore.ClientOptions }

type CompositeClient[T, U any] struct {
	url     string
	inner   *azcore.Client
	cred    any
	options *ClientOptions
	innerT  *T
	innerU  *U
}

func NewCompositeClient[T, U any](url string, inner *azcore.Client, cred any, options *ClientOptions) *CompositeClient[T, U] {
	return &CompositeClient[T, U]{url: url, inner: inner, cred: cred, options: options}
}

func (c *CompositeClient[T, U]) Inner() *azcore.Client { return c.inner }
func (c *CompositeClient[T, U]) URL() string           { return c.url }
