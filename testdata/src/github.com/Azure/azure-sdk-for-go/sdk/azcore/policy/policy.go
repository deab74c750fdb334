// Package policy is a stub of sdk/azcore/policy.
package policy

import (
	"net/http"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/cloud"
)

// Transporter sends requests; *http.Client implements it.
type Transporter interface {
	Do(req *http.Request) (*http.Response, error)
}

type Policy interface{}

type RetryOptions struct{ MaxRetries int32 }

type ClientOptions struct {
	APIVersion string
	Cloud      cloud.Configuration
	Retry      RetryOptions
	Transport  Transporter
}
