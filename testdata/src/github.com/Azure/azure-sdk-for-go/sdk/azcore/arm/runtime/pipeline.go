// Package runtime is a stub of sdk/azcore/arm/runtime.
package runtime

import (
	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	armpolicy "github.com/Azure/azure-sdk-for-go/sdk/azcore/arm/policy"
	azruntime "github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
)

// NewPipeline adds the bearer-token and RP registration policies and
// builds the pipeline.
func NewPipeline(module, version string, cred azcore.TokenCredential, plOpts azruntime.PipelineOptions, options *armpolicy.ClientOptions) (azruntime.Pipeline, error) {
	if options == nil {
		options = &armpolicy.ClientOptions{}
	}
	_ = cred
	return azruntime.NewPipeline(module, version, plOpts, &options.ClientOptions), nil
}
