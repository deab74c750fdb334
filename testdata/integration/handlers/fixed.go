package handlers

// The fixed twins of bad.go: every client and credential is built once and
// reused. Nothing in this file may be reported.

import (
	"net/http"
	"sync"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/compute/armcompute/v6"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/resources/armresources"
	"github.com/Azure/azure-sdk-for-go/sdk/storage/azblob"
)

// sharedCred is built once, at package initialisation.
var sharedCred = mustCred()

func mustCred() azcore.TokenCredential {
	cred, err := azidentity.NewDefaultAzureCredential(nil)
	if err != nil {
		panic(err)
	}
	return cred
}

// vmClient is a package-level client, built once.
var vmClient, vmClientErr = armcompute.NewVirtualMachinesClient(subscriptionID, sharedCred, nil)

// blobClient is built lazily, once, with sync.OnceValues.
var blobClient = sync.OnceValues(func() (*azblob.Client, error) {
	return azblob.NewClient("https://acct.blob.core.windows.net/", sharedCred, nil)
})

// groupsClient is built lazily, once, with sync.OnceValue.
var groupsClient = sync.OnceValue(func() *armresources.ResourceGroupsClient {
	factory, err := armresources.NewClientFactory(subscriptionID, sharedCred, nil)
	if err != nil {
		return nil
	}
	return factory.NewResourceGroupsClient()
})

// GetVMFixed uses the package-level client.
func GetVMFixed(w http.ResponseWriter, r *http.Request) {
	if vmClientErr != nil {
		http.Error(w, vmClientErr.Error(), http.StatusInternalServerError)
		return
	}
	_, _ = vmClient.Get(r.Context(), "rg", r.PathValue("name"), nil)
}

// UploadFixed uses the lazily built blob client.
func UploadFixed(w http.ResponseWriter, r *http.Request) {
	client, err := blobClient()
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	_, _ = client.UploadBuffer(r.Context(), "uploads", "b", []byte("x"), nil)
}

// ListGroupsFixed uses the lazily built resource groups client.
func ListGroupsFixed(w http.ResponseWriter, r *http.Request) {
	if c := groupsClient(); c != nil {
		_ = c.NewListPager(nil)
	}
}

// Server holds clients built once in main.
type Server struct {
	vms    *armcompute.VirtualMachinesClient
	blobs  *azblob.Client
	region map[string]*armcompute.VirtualMachinesClient
}

// NewServer builds the server's clients; it is called once, from main.
func NewServer(subscriptions []string) (*Server, error) {
	factory, err := armcompute.NewClientFactory(subscriptionID, sharedCred, nil)
	if err != nil {
		return nil, err
	}
	blobs, err := azblob.NewClient("https://acct.blob.core.windows.net/", sharedCred, nil)
	if err != nil {
		return nil, err
	}
	region := map[string]*armcompute.VirtualMachinesClient{}
	for _, sub := range subscriptions {
		c, err := armcompute.NewVirtualMachinesClient(sub, sharedCred, nil) // silent: retained in a map built outside the loop
		if err != nil {
			return nil, err
		}
		region[sub] = c
	}
	s := &Server{vms: factory.NewVirtualMachinesClient(), blobs: blobs, region: region}
	return s, nil
}

// ServeHTTP uses the server's clients.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	_, _ = s.vms.Get(r.Context(), "rg", r.PathValue("name"), nil)
	_, _ = s.blobs.UploadBuffer(r.Context(), "uploads", "b", []byte("x"), nil)
}
