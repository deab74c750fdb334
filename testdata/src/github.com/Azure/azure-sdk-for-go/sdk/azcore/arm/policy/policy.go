// Package policy is a stub of sdk/azcore/arm/policy.
package policy

import "github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"

type ClientOptions struct {
	policy.ClientOptions
	AuxiliaryTenants      []string
	DisableRPRegistration bool
}
