// Package azureclient defines an Analyzer that reports Azure SDK clients
// and credentials built per request (SNAT003, SNAT004).
//
// # Analyzer azureclient
//
// azureclient: report Azure SDK clients and credentials built per request
//
// Any call into the Azure SDK for Go that builds a new client pipeline
// (runtime.NewPipeline, reached by azcore.NewClient, arm.NewClient and the
// generated New*Client constructors and factories that call them) in an
// HTTP handler, a loop body or a goroutine started in a loop builds a new
// pipeline and bearer-token policy with an empty token cache on every run
// (SNAT003, warning; error when ClientOptions.Transport is built right
// there). An azidentity credential built per request throws its token
// cache away, so every run fetches a token from Entra ID or IMDS, and CLI
// credentials spawn a process per token (SNAT004, error):
//
//	func GetVM(w http.ResponseWriter, r *http.Request) {
//		cred, _ := azidentity.NewDefaultAzureCredential(nil) // Azure credential built by azidentity.NewDefaultAzureCredential in HTTP handler GetVM: ...
//		vms, _ := armcompute.NewVirtualMachinesClient(sub, cred, nil) // Azure SDK client built by armcompute.NewVirtualMachinesClient in HTTP handler GetVM: ...
//		...
//	}
//
// Build them once and reuse them:
//
//	var vms = sync.OnceValues(func() (*armcompute.VirtualMachinesClient, error) { ... })
//
// The SDK's own code decides, version by version: factory methods that
// wrap the factory's pipeline (armcompute v6) and child clients
// (azblob service.NewContainerClient) are silent; factory methods that
// call the constructor again (armresources v1.2) are findings.
// On-behalf-of credentials are never reported. It is silent in the same
// places as httpclient (package level, init, main outside loops, retained
// values, lazy singletons).
package azureclient
