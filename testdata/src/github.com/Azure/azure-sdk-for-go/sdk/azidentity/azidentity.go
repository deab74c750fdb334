// Package azidentity is a stub of sdk/azidentity. Credential
// constructors are catalog roots; the on-behalf-of constructors build a
// pipeline internally (as the real confidential client does) but are
// never reported.
package azidentity

import (
	"context"
	"net/http"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
)

type tokenCache struct{ tokens map[string]azcore.AccessToken }

type DefaultAzureCredentialOptions struct{ azcore.ClientOptions }
type ClientSecretCredentialOptions struct{ azcore.ClientOptions }
type ManagedIdentityCredentialOptions struct{ azcore.ClientOptions }
type AzureCLICredentialOptions struct{ TenantID string }
type OnBehalfOfCredentialOptions struct{ azcore.ClientOptions }

type DefaultAzureCredential struct{ chain []azcore.TokenCredential }
type ClientSecretCredential struct{ client confidentialClient }
type ManagedIdentityCredential struct{ client confidentialClient }
type AzureCLICredential struct{ cache tokenCache }
type OnBehalfOfCredential struct{ client confidentialClient }

func (*DefaultAzureCredential) GetToken(ctx context.Context, scopes []string) (azcore.AccessToken, error) {
	return azcore.AccessToken{}, nil
}
func (*ClientSecretCredential) GetToken(ctx context.Context, scopes []string) (azcore.AccessToken, error) {
	return azcore.AccessToken{}, nil
}
func (*ManagedIdentityCredential) GetToken(ctx context.Context, scopes []string) (azcore.AccessToken, error) {
	return azcore.AccessToken{}, nil
}
func (*AzureCLICredential) GetToken(ctx context.Context, scopes []string) (azcore.AccessToken, error) {
	return azcore.AccessToken{}, nil
}
func (*OnBehalfOfCredential) GetToken(ctx context.Context, scopes []string) (azcore.AccessToken, error) {
	return azcore.AccessToken{}, nil
}

// pipelineAdapter mirrors the real one: MSAL's HTTP client is an azcore
// pipeline.
type pipelineAdapter struct{ pl runtime.Pipeline }

func (p pipelineAdapter) Do(r *http.Request) (*http.Response, error) { return p.pl.Do(r) }

func newPipelineAdapter(opts *policy.ClientOptions) pipelineAdapter {
	return pipelineAdapter{pl: runtime.NewPipeline("azidentity", "v1.15.0", runtime.PipelineOptions{}, opts)}
}

type confidentialClient struct{ http pipelineAdapter }

func newConfidentialClient(opts *policy.ClientOptions) confidentialClient {
	return confidentialClient{http: newPipelineAdapter(opts)}
}

func NewDefaultAzureCredential(options *DefaultAzureCredentialOptions) (*DefaultAzureCredential, error) {
	if options == nil {
		options = &DefaultAzureCredentialOptions{}
	}
	mi, _ := NewManagedIdentityCredential(&ManagedIdentityCredentialOptions{ClientOptions: options.ClientOptions})
	cli, _ := NewAzureCLICredential(nil)
	return &DefaultAzureCredential{chain: []azcore.TokenCredential{mi, cli}}, nil
}

func NewClientSecretCredential(tenantID, clientID, secret string, options *ClientSecretCredentialOptions) (*ClientSecretCredential, error) {
	if options == nil {
		options = &ClientSecretCredentialOptions{}
	}
	return &ClientSecretCredential{client: newConfidentialClient(&options.ClientOptions)}, nil
}

func NewManagedIdentityCredential(options *ManagedIdentityCredentialOptions) (*ManagedIdentityCredential, error) {
	if options == nil {
		options = &ManagedIdentityCredentialOptions{}
	}
	return &ManagedIdentityCredential{client: newConfidentialClient(&options.ClientOptions)}, nil
}

func NewAzureCLICredential(options *AzureCLICredentialOptions) (*AzureCLICredential, error) {
	return &AzureCLICredential{}, nil
}

func NewOnBehalfOfCredentialWithSecret(tenantID, clientID, userAssertion, clientSecret string, options *OnBehalfOfCredentialOptions) (*OnBehalfOfCredential, error) {
	if options == nil {
		options = &OnBehalfOfCredentialOptions{}
	}
	return &OnBehalfOfCredential{client: newConfidentialClient(&options.ClientOptions)}, nil
}
