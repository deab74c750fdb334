// Package armresources is a stub of armresources v1.2: the factory
// builds a throwaway pipeline and every factory method calls the
// constructor again.
package armresources

import (
	"context"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/arm"
)

const (
	moduleName    = "armresources"
	moduleVersion = "v1.2.0"
)

type ClientFactory struct {
	subscriptionID string
	credential     azcore.TokenCredential
	options        *arm.ClientOptions
}

func NewClientFactory(subscriptionID string, credential azcore.TokenCredential, options *arm.ClientOptions) (*ClientFactory, error) {
	_, err := arm.NewClient(moduleName, moduleVersion, credential, options)
	if err != nil {
		return nil, err
	}
	return &ClientFactory{subscriptionID: subscriptionID, credential: credential, options: arm.CloneOptions(options)}, nil
}

func (c *ClientFactory) NewResourceGroupsClient() *ResourceGroupsClient {
	subClient, _ := NewResourceGroupsClient(c.subscriptionID, c.credential, c.options)
	return subClient
}

type ResourceGroupsClient struct {
	internal       *arm.Client
	subscriptionID string
}

func NewResourceGroupsClient(subscriptionID string, credential azcore.TokenCredential, options *arm.ClientOptions) (*ResourceGroupsClient, error) {
	cl, err := arm.NewClient(moduleName, moduleVersion, credential, options)
	if err != nil {
		return nil, err
	}
	client := &ResourceGroupsClient{subscriptionID: subscriptionID, internal: cl}
	return client, nil
}

func (client *ResourceGroupsClient) CheckExistence(ctx context.Context, name string) (bool, error) {
	return true, nil
}
