// Package aws is a stub of github.com/aws/aws-sdk-go-v2/aws.
package aws

import "net/http"

// HTTPClient sends requests.
type HTTPClient interface {
	Do(*http.Request) (*http.Response, error)
}

// Config is the shared configuration.
type Config struct {
	Region     string
	HTTPClient HTTPClient
}

// String returns a pointer to s.
func String(s string) *string { return &s }
