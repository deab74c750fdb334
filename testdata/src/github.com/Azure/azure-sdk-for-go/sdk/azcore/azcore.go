// Package azcore is a stub of sdk/azcore.
package azcore

import (
	"context"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
)

type AccessToken struct{ Token string }

type TokenCredential interface {
	GetToken(ctx context.Context, scopes []string) (AccessToken, error)
}

type ClientOptions = policy.ClientOptions

type Client struct {
	pl     runtime.Pipeline
	modVer string
}

// NewClient builds a new pipeline.
func NewClient(moduleName, moduleVersion string, plOpts runtime.PipelineOptions, options *ClientOptions) (*Client, error) {
	if options == nil {
		options = &ClientOptions{}
	}
	pl := runtime.NewPipeline(moduleName, moduleVersion, plOpts, options)
	return &Client{pl: pl, modVer: moduleVersion}, nil
}

// WithClientName shares the pipeline: a child, no new pipeline.
func (c *Client) WithClientName(clientName string) *Client {
	return &Client{pl: c.pl, modVer: c.modVer}
}

func (c *Client) Pipeline() runtime.Pipeline { return c.pl }
