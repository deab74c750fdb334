// Package runtime is a stub of sdk/azcore/runtime, mirroring the real
// call structure: NewPipeline builds the policy chain around the
// configured transport, or azcore's shared default client.
package runtime

import (
	"net/http"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
)

type PipelineOptions struct {
	PerCall, PerRetry []policy.Policy
}

type Pipeline struct {
	policies  []policy.Policy
	transport policy.Transporter
}

func (p Pipeline) Do(req *http.Request) (*http.Response, error) { return p.transport.Do(req) }

// defaultHTTPClient mirrors sdk/internal transport.DefaultHTTPClient:
// one process-wide client.
var defaultHTTPClient = &http.Client{Transport: &http.Transport{}}

func NewPipeline(module, version string, plOpts PipelineOptions, options *policy.ClientOptions) Pipeline {
	cp := policy.ClientOptions{}
	if options != nil {
		cp = *options
	}
	policies := append([]policy.Policy{}, plOpts.PerCall...)
	policies = append(policies, plOpts.PerRetry...)
	transport := cp.Transport
	if transport == nil {
		transport = defaultHTTPClient
	}
	return Pipeline{policies: policies, transport: transport}
}

func JoinPaths(root string, paths ...string) string { return root }
