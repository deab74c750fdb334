// Package config is a stub of github.com/aws/aws-sdk-go-v2/config.
package config

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
)

// LoadOptions are the options of LoadDefaultConfig.
type LoadOptions struct{ Region string }

// LoadDefaultConfig resolves the configuration and a new credentials cache.
func LoadDefaultConfig(ctx context.Context, optFns ...func(*LoadOptions) error) (aws.Config, error) {
	return aws.Config{}, nil
}

// WithRegion sets the region.
func WithRegion(r string) func(*LoadOptions) error {
	return func(o *LoadOptions) error { o.Region = r; return nil }
}
