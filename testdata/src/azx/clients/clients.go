// Package clients wraps Azure constructors, as user code does.
package clients

import (
	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/compute/armcompute/v6"
)

func NewVMClient(sub string, cred azcore.TokenCredential) *armcompute.VirtualMachinesClient {
	c, _ := armcompute.NewVirtualMachinesClient(sub, cred, nil)
	return c
}

func NewCred() azcore.TokenCredential {
	c, _ := azidentity.NewDefaultAzureCredential(nil)
	return c
}

// Both reaches a credential (error) and a client (warning): the fact is
// the most severe, SNAT004.
func Both(sub string) *armcompute.VirtualMachinesClient {
	return NewVMClient(sub, NewCred())
}
