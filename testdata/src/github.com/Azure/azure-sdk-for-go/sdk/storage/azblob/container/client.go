// Package container is a stub of azblob/container.
package container

import (
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
	"github.com/Azure/azure-sdk-for-go/sdk/storage/azblob/blockblob"
	"github.com/Azure/azure-sdk-for-go/sdk/storage/azblob/internal/base"
)

type Client base.CompositeClient[struct{}, struct{}]

func (c *Client) inner() *base.CompositeClient[struct{}, struct{}] {
	return (*base.CompositeClient[struct{}, struct{}])(c)
}

// NewBlockBlobClient is a child: it shares the container's pipeline.
func (c *Client) NewBlockBlobClient(blobName string) *blockblob.Client {
	url := runtime.JoinPaths(c.inner().URL(), blobName)
	return (*blockblob.Client)(base.NewCompositeClient[struct{}, struct{}](url, c.inner().Inner().WithClientName("azblob"), nil, nil))
}
