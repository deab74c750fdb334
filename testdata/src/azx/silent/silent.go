package silent

import (
	"net/http"
	"sync"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/compute/armcompute/v6"
	"github.com/Azure/azure-sdk-for-go/sdk/storage/azblob"
)

var (
	cred, _   = azidentity.NewDefaultAzureCredential(nil)
	vms, _    = armcompute.NewVirtualMachinesClient("sub", cred, nil)
	getBlob   = sync.OnceValues(func() (*azblob.Client, error) { return azblob.NewClient("https://x", cred, nil) })
	perRegion = map[string]*armcompute.VirtualMachinesClient{}
	mu        sync.Mutex
)

type App struct {
	cred azcore.TokenCredential
	vms  *armcompute.VirtualMachinesClient
}

func NewApp() (*App, error) {
	c, err := azidentity.NewDefaultAzureCredential(nil)
	if err != nil {
		return nil, err
	}
	v, err := armcompute.NewVirtualMachinesClient("sub", c, nil)
	if err != nil {
		return nil, err
	}
	return &App{cred: c, vms: v}, nil
}

func main() {
	app, _ := NewApp()
	_ = app
	for _, region := range []string{"a", "b"} {
		c, _ := armcompute.NewVirtualMachinesClient(region, cred, nil)
		perRegion[region] = c
	}
}

func (a *App) GetVM(w http.ResponseWriter, r *http.Request) {
	a.vms.Get(r.Context(), "rg", "vm", nil)
	getBlob()
	mu.Lock()
	defer mu.Unlock()
	if perRegion["x"] == nil {
		perRegion["x"], _ = armcompute.NewVirtualMachinesClient("x", a.cred, nil)
	}
}

func (a *App) lazyVMs(w http.ResponseWriter, r *http.Request) {
	if a.vms == nil {
		a.vms, _ = armcompute.NewVirtualMachinesClient("sub", a.cred, nil)
	}
}

func obo(w http.ResponseWriter, r *http.Request) {
	azidentity.NewOnBehalfOfCredentialWithSecret("t", "c", r.Header.Get("Authorization"), "s", nil)
}
