// Package arm is a stub of sdk/azcore/arm.
package arm

import (
	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	armpolicy "github.com/Azure/azure-sdk-for-go/sdk/azcore/arm/policy"
	armruntime "github.com/Azure/azure-sdk-for-go/sdk/azcore/arm/runtime"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
)

type ClientOptions = armpolicy.ClientOptions

type Client struct {
	ep string
	pl runtime.Pipeline
}

// NewClient builds a new ARM pipeline.
func NewClient(moduleName, moduleVersion string, cred azcore.TokenCredential, options *ClientOptions) (*Client, error) {
	if options == nil {
		options = &ClientOptions{}
	}
	pl, err := armruntime.NewPipeline(moduleName, moduleVersion, cred, runtime.PipelineOptions{}, options)
	if err != nil {
		return nil, err
	}
	return &Client{ep: "https://management.azure.com", pl: pl}, nil
}

func (c *Client) Pipeline() runtime.Pipeline { return c.pl }

// Clone mirrors (*arm.ClientOptions).Clone in the real SDK.
func CloneOptions(o *ClientOptions) *ClientOptions {
	if o == nil {
		return nil
	}
	cp := *o
	return &cp
}
