// Package azhelp is a helper package of the integration module: its
// functions build Azure SDK clients on every call, so handlers in other
// packages that call them are findings at the call site.
package azhelp

import (
	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/storage/azblob"
)

// NewBlobClient builds a new blob client (and pipeline) on every call.
// Not a finding here: this function is not per request by itself.
func NewBlobClient(account string, cred azcore.TokenCredential) (*azblob.Client, error) {
	return azblob.NewClient("https://"+account+".blob.core.windows.net/", cred, nil)
}
