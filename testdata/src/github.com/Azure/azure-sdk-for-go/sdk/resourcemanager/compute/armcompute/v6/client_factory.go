// Package armcompute is a stub of armcompute/v6: the factory builds the
// pipeline once and its methods wrap it.
package armcompute

import (
	"context"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/arm"
)

const (
	moduleName    = "github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/compute/armcompute"
	moduleVersion = "v6.4.0"
)

type ClientFactory struct {
	subscriptionID string
	internal       *arm.Client
}

func NewClientFactory(subscriptionID string, credential azcore.TokenCredential, options *arm.ClientOptions) (*ClientFactory, error) {
	internal, err := arm.NewClient(moduleName, moduleVersion, credential, options)
	if err != nil {
		return nil, err
	}
	return &ClientFactory{subscriptionID: subscriptionID, internal: internal}, nil
}

func (c *ClientFactory) NewDisksClient() *DisksClient {
	return &DisksClient{subscriptionID: c.subscriptionID, internal: c.internal}
}

func (c *ClientFactory) NewVirtualMachinesClient() *VirtualMachinesClient {
	return &VirtualMachinesClient{subscriptionID: c.subscriptionID, internal: c.internal}
}

type VirtualMachinesClient struct {
	internal       *arm.Client
	subscriptionID string
}

func NewVirtualMachinesClient(subscriptionID string, credential azcore.TokenCredential, options *arm.ClientOptions) (*VirtualMachinesClient, error) {
	cl, err := arm.NewClient(moduleName, moduleVersion, credential, options)
	if err != nil {
		return nil, err
	}
	client := &VirtualMachinesClient{subscriptionID: subscriptionID, internal: cl}
	return client, nil
}

type VirtualMachine struct{ Name *string }

type VirtualMachinesClientGetResponse struct{ VirtualMachine }

func (client *VirtualMachinesClient) Get(ctx context.Context, resourceGroupName, vmName string, options any) (VirtualMachinesClientGetResponse, error) {
	_ = client.internal.Pipeline()
	return VirtualMachinesClientGetResponse{}, nil
}

type DisksClient struct {
	internal       *arm.Client
	subscriptionID string
}

func NewDisksClient(subscriptionID string, credential azcore.TokenCredential, options *arm.ClientOptions) (*DisksClient, error) {
	cl, err := arm.NewClient(moduleName, moduleVersion, credential, options)
	if err != nil {
		return nil, err
	}
	return &DisksClient{subscriptionID: subscriptionID, internal: cl}, nil
}
