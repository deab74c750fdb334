// Package handlers holds HTTP handlers that use the real Azure SDK for Go.
// This file has the mistakes; each line that snatlint must report carries
// an "expect" comment listing its rule IDs, which the end-to-end test reads.
package handlers

import (
	"net/http"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/arm"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/compute/armcompute/v6"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/resources/armresources"
	"github.com/Azure/azure-sdk-for-go/sdk/storage/azblob"

	"example.com/integration/azhelp"
)

const subscriptionID = "00000000-0000-0000-0000-000000000000"

// GetVM builds a credential and a VM client for every request.
func GetVM(w http.ResponseWriter, r *http.Request) {
	cred, err := azidentity.NewDefaultAzureCredential(nil) // expect SNAT004:error
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	client, err := armcompute.NewVirtualMachinesClient(subscriptionID, cred, nil) // expect SNAT003:warning
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	_, _ = client.Get(r.Context(), "rg", r.PathValue("name"), nil)
}

// ListVMsFactory builds an armcompute v6 client factory per request. In v6
// the factory owns the pipeline and its methods wrap it: only
// NewClientFactory is a finding.
func ListVMsFactory(w http.ResponseWriter, r *http.Request) {
	factory, err := armcompute.NewClientFactory(subscriptionID, sharedCred, nil) // expect SNAT003
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	vms := factory.NewVirtualMachinesClient() // silent: child of the factory's pipeline
	_ = vms.NewListPager("rg", nil)
}

// ListGroups builds an armresources v1.2 client factory per request. In
// v1.2 NewClientFactory builds a throwaway pipeline and every factory
// method calls the client constructor again: both are findings.
func ListGroups(w http.ResponseWriter, r *http.Request) {
	factory, err := armresources.NewClientFactory(subscriptionID, sharedCred, nil) // expect SNAT003
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	groups := factory.NewResourceGroupsClient() // expect SNAT003
	_ = groups.NewListPager(nil)
}

// Upload builds a blob client per request; its child clients and
// operations build no pipeline and are silent.
func Upload(w http.ResponseWriter, r *http.Request) {
	client, err := azblob.NewClient("https://acct.blob.core.windows.net/", sharedCred, nil) // expect SNAT003
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	container := client.ServiceClient().NewContainerClient("uploads") // silent: child client
	_ = container
	_, _ = client.UploadBuffer(r.Context(), "uploads", "b", []byte("x"), nil) // silent: no pipeline
}

// OnBehalfOf builds an on-behalf-of credential per request, which is by
// design (silent), and a client on it per request, which is a finding.
func OnBehalfOf(w http.ResponseWriter, r *http.Request) {
	cred, err := azidentity.NewOnBehalfOfCredentialWithSecret("tenant", "client", r.Header.Get("Authorization"), "secret", nil) // silent: OBO
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	client, err := armcompute.NewVirtualMachinesClient(subscriptionID, cred, nil) // expect SNAT003
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	_ = client
}

// newVMClient builds a VM client on every call; the handler that calls it
// is the finding (interprocedural chain), not this function.
func newVMClient() (*armcompute.VirtualMachinesClient, error) {
	return armcompute.NewVirtualMachinesClient(subscriptionID, sharedCred, nil)
}

// GetVMViaHelper reaches a VM client constructor through newVMClient.
func GetVMViaHelper(w http.ResponseWriter, r *http.Request) {
	client, err := newVMClient() // expect SNAT003
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	_ = client
}

// BlobViaOtherPackage reaches azblob.NewClient through another package of
// the module.
func BlobViaOtherPackage(w http.ResponseWriter, r *http.Request) {
	client, err := azhelp.NewBlobClient("acct", sharedCred) // expect SNAT003
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	_ = client
}

// CustomTransport builds a VM client whose ClientOptions carry a freshly
// built HTTP client and transport: a new connection pool per request.
func CustomTransport(w http.ResponseWriter, r *http.Request) {
	opts := &arm.ClientOptions{
		ClientOptions: policy.ClientOptions{
			Transport: &http.Client{ // expect SNAT002:error
				Transport: &http.Transport{}, // expect SNAT001:error
			},
		},
	}
	client, err := armcompute.NewVirtualMachinesClient(subscriptionID, sharedCred, opts) // expect SNAT003:error
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	_ = client
}

// PerRegion builds a client per loop iteration.
func PerRegion(subscriptions []string) {
	for _, sub := range subscriptions {
		client, err := armcompute.NewVirtualMachinesClient(sub, sharedCred, nil) // expect SNAT003
		if err != nil {
			continue
		}
		_ = client
	}
}
