// Package azblob is a stub of azblob v1.8.3.
package azblob

import (
	"context"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/storage/azblob/blockblob"
	"github.com/Azure/azure-sdk-for-go/sdk/storage/azblob/service"
)

type ClientOptions service.ClientOptions

type Client struct{ svc *service.Client }

func NewClient(serviceURL string, cred azcore.TokenCredential, options *ClientOptions) (*Client, error) {
	svcClient, err := service.NewClient(serviceURL, cred, (*service.ClientOptions)(options))
	if err != nil {
		return nil, err
	}
	return &Client{svc: svcClient}, nil
}

func NewClientFromConnectionString(connectionString string, options *ClientOptions) (*Client, error) {
	return NewClient(connectionString, nil, options)
}

func (c *Client) ServiceClient() *service.Client { return c.svc }

type UploadBufferOptions = blockblob.UploadBufferOptions
type UploadBufferResponse = blockblob.UploadBufferResponse

func (c *Client) UploadBuffer(ctx context.Context, containerName, blobName string, buffer []byte, o *UploadBufferOptions) (UploadBufferResponse, error) {
	return c.svc.NewContainerClient(containerName).NewBlockBlobClient(blobName).UploadBuffer(ctx, buffer, o)
}
