package handlers

import (
	"net/http"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/arm"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"
	. "github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/compute/armcompute/v6"
	compute "github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/compute/armcompute/v6"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/resources/armresources"
	"github.com/Azure/azure-sdk-for-go/sdk/storage/azblob"

	"azx/clients"
)

var cred azcore.TokenCredential

func GetVM(w http.ResponseWriter, r *http.Request) {
	c, _ := azidentity.NewDefaultAzureCredential(nil)         // want `^Azure credential built by azidentity.NewDefaultAzureCredential in HTTP handler GetVM: each request fetches a new token; create it once`
	vms, _ := compute.NewVirtualMachinesClient("sub", c, nil) // want `^Azure SDK client built by armcompute.NewVirtualMachinesClient in HTTP handler GetVM: each request builds a new pipeline and token cache; create it once`
	_ = vms
}

func credentials(w http.ResponseWriter, r *http.Request) {
	azidentity.NewClientSecretCredential("t", "c", "s", nil)                        // want `Azure credential built by azidentity.NewClientSecretCredential in HTTP handler credentials`
	azidentity.NewManagedIdentityCredential(nil)                                    // want `Azure credential built by azidentity.NewManagedIdentityCredential`
	azidentity.NewAzureCLICredential(nil)                                           // want `Azure credential built by azidentity.NewAzureCLICredential`
	obo, _ := azidentity.NewOnBehalfOfCredentialWithSecret("t", "c", "a", "s", nil) // on-behalf-of: silent
	compute.NewVirtualMachinesClient("sub", obo, nil)                               // want `Azure SDK client built by armcompute.NewVirtualMachinesClient`
}

func factories(w http.ResponseWriter, r *http.Request) {
	f, _ := compute.NewClientFactory("sub", cred, nil) // want `Azure SDK client built by armcompute.NewClientFactory in HTTP handler factories`
	f.NewVirtualMachinesClient()                       // v6: wraps the factory pipeline
	f.NewDisksClient()
	rf, _ := armresources.NewClientFactory("sub", cred, nil) // want `Azure SDK client built by armresources.NewClientFactory`
	rf.NewResourceGroupsClient()                             // want `Azure SDK client built by armresources.ClientFactory.NewResourceGroupsClient in HTTP handler factories`
}

var factory, _ = compute.NewClientFactory("sub", cred, nil)
var rfactory, _ = armresources.NewClientFactory("sub", cred, nil)

func sharedFactories(w http.ResponseWriter, r *http.Request) {
	factory.NewVirtualMachinesClient() // v6 child: silent
	rfactory.NewResourceGroupsClient() // want `Azure SDK client built by armresources.ClientFactory.NewResourceGroupsClient`
}

var blob, _ = azblob.NewClient("https://x.blob.core.windows.net", cred, nil)

func blobs(w http.ResponseWriter, r *http.Request) {
	azblob.NewClient("https://x", cred, nil)           // want `Azure SDK client built by azblob.NewClient in HTTP handler blobs`
	azblob.NewClientFromConnectionString("conn", nil)  // want `Azure SDK client built by azblob.NewClientFromConnectionString`
	blob.ServiceClient().NewContainerClient("c")       // child: silent
	blob.UploadBuffer(r.Context(), "c", "b", nil, nil) // no pipeline: silent
	blob.ServiceClient().NewContainerClient("c").NewBlockBlobClient("b")
}

func freshTransport(w http.ResponseWriter, r *http.Request) {
	opts := &arm.ClientOptions{ClientOptions: policy.ClientOptions{Transport: &http.Client{}}}
	compute.NewVirtualMachinesClient("sub", cred, opts)                                                                                                    // want `Azure SDK client built by armcompute.NewVirtualMachinesClient in HTTP handler freshTransport: each request builds a pipeline and its own transport`
	azblob.NewClient("https://x", cred, &azblob.ClientOptions{ClientOptions: policy.ClientOptions{Transport: &http.Client{Transport: &http.Transport{}}}}) // want `builds a pipeline and its own transport`
	azcore.NewClient("m", "v1.0.0", runtime.PipelineOptions{}, nil)                                                                                        // want `Azure SDK client built by azcore.NewClient`
	runtime.NewPipeline("m", "v1.0.0", runtime.PipelineOptions{}, nil)                                                                                     // want `Azure SDK pipeline built by runtime.NewPipeline in HTTP handler freshTransport`
}

func dotImport(w http.ResponseWriter, r *http.Request) {
	NewDisksClient("sub", cred, nil) // want `Azure SDK client built by armcompute.NewDisksClient in HTTP handler dotImport`
	mk := NewVirtualMachinesClient
	mk("sub", cred, nil) // want `Azure SDK client built by armcompute.NewVirtualMachinesClient in HTTP handler dotImport`
}

func viaHelpers(w http.ResponseWriter, r *http.Request) {
	clients.NewVMClient("sub", cred) // want `^Azure SDK client built by clients.NewVMClient in HTTP handler viaHelpers`
	clients.NewCred()                // want `^Azure credential built by clients.NewCred in HTTP handler viaHelpers`
	clients.Both("sub")              // want `^Azure credential built by clients.Both in HTTP handler viaHelpers`
}

func loop(subs []string) {
	for _, s := range subs {
		compute.NewVirtualMachinesClient(s, cred, nil) // want `Azure SDK client built by armcompute.NewVirtualMachinesClient in loop body: each iteration builds`
		go azidentity.NewDefaultAzureCredential(nil)   // want `Azure credential built by azidentity.NewDefaultAzureCredential in loop body`
	}
}
