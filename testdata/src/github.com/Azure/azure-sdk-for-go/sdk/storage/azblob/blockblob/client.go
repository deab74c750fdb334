// Package blockblob is a stub of azblob/blockblob.
package blockblob

import (
	"context"

	"github.com/Azure/azure-sdk-for-go/sdk/storage/azblob/internal/base"
)

type Client base.CompositeClient[struct{}, struct{}]

type UploadBufferOptions struct{ Concurrency uint16 }
type UploadBufferResponse struct{}

func (bb *Client) UploadBuffer(ctx context.Context, buffer []byte, o *UploadBufferOptions) (UploadBufferResponse, error) {
	return UploadBufferResponse{}, nil
}
