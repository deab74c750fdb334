// Package service is a stub of azblob/service.
package service

import (
	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
	"github.com/Azure/azure-sdk-for-go/sdk/storage/azblob/container"
	"github.com/Azure/azure-sdk-for-go/sdk/storage/azblob/internal/base"
)

type ClientOptions base.ClientOptions

type Client base.CompositeClient[struct{}, struct{}]

func (s *Client) inner() *base.CompositeClient[struct{}, struct{}] {
	return (*base.CompositeClient[struct{}, struct{}])(s)
}

// NewClient builds a new pipeline.
func NewClient(serviceURL string, cred azcore.TokenCredential, options *ClientOptions) (*Client, error) {
	if options == nil {
		options = &ClientOptions{}
	}
	azClient, err := azcore.NewClient("azblob", "v1.8.3", runtime.PipelineOptions{}, &options.ClientOptions)
	if err != nil {
		return nil, err
	}
	return (*Client)(base.NewCompositeClient[struct{}, struct{}](serviceURL, azClient, cred, (*base.ClientOptions)(options))), nil
}

// NewContainerClient is a child: it shares the service's pipeline.
func (s *Client) NewContainerClient(containerName string) *container.Client {
	url := runtime.JoinPaths(s.inner().URL(), containerName)
	return (*container.Client)(base.NewCompositeClient[struct{}, struct{}](url, s.inner().Inner().WithClientName("azblob"), nil, nil))
}
