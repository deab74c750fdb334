package lib // want package:"relevant"

import (
	"net/http"
	"sync"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/compute/armcompute/v6"
)

func NewClient() *http.Client { // want NewClient:"constructs http.Client SNAT002 \\(warning\\) via lib.NewClient"
	return &http.Client{}
}

func NewTransport() *http.Transport { // want NewTransport:"constructs http.Transport SNAT001 \\(error\\)"
	return &http.Transport{MaxIdleConns: 10}
}

func NewPooledClient() *http.Client { // want NewPooledClient:"SNAT001 \\(error\\) via lib.NewPooledClient → lib.NewTransport"
	return &http.Client{Transport: NewTransport()}
}

func Conditional(fast bool) *http.Client { // want Conditional:"SNAT002"
	if !fast {
		return nil
	}
	return &http.Client{}
}

func NewVMClient(sub string, cred azcore.TokenCredential) (*armcompute.VirtualMachinesClient, error) { // want NewVMClient:"SNAT003 \\(warning\\) via lib.NewVMClient → armcompute.NewVirtualMachinesClient → arm.NewClient → runtime.NewPipeline"
	return armcompute.NewVirtualMachinesClient(sub, cred, nil)
}

func NewCred() (azcore.TokenCredential, error) { // want NewCred:"SNAT004 \\(error\\) via lib.NewCred → azidentity.NewDefaultAzureCredential"
	return azidentity.NewDefaultAzureCredential(nil)
}

// Silent helpers: no fact.

var shared *http.Client

func Shared() *http.Client {
	if shared == nil {
		shared = &http.Client{}
	}
	return shared
}

var once sync.Once
var onceClient *http.Client

func OnceClient() *http.Client {
	once.Do(func() { onceClient = &http.Client{} })
	return onceClient
}

var lazy = sync.OnceValue(func() *http.Client { return &http.Client{} })

func Lazy() *http.Client { return lazy() }

type Cache struct{ clients map[string]*http.Client }

func (c *Cache) Get(k string) *http.Client {
	if cl, ok := c.clients[k]; ok {
		return cl
	}
	cl := &http.Client{}
	c.clients[k] = cl
	return cl
}

type Server struct{ client *http.Client }

func (s *Server) init() { s.client = &http.Client{} }

func Child(f *armcompute.ClientFactory) *armcompute.DisksClient { return f.NewDisksClient() }

func OBO() {
	azidentity.NewOnBehalfOfCredentialWithSecret("t", "c", "a", "s", nil)
}

// LoopOnly builds in a loop: reported there, so no fact for callers.
func LoopOnly(urls []string) {
	for range urls {
		_ = &http.Client{}
	}
}

// Retry builds in a bounded retry loop: the function's, not the loop's.
func Retry(u string) { // want Retry:"SNAT002 \\(warning\\) via lib.Retry"
	for i := 0; i < 3; i++ {
		if _, err := (&http.Client{}).Get(u); err == nil {
			return
		}
	}
}

// Clients builds a collection in its loop: a cache for its caller, but
// built on every call.
func Clients(regions []string) map[string]*http.Client { // want Clients:"SNAT002 \\(warning\\) via lib.Clients"
	m := map[string]*http.Client{}
	for _, r := range regions {
		m[r] = &http.Client{}
	}
	return m
}

var fetched = map[string]int{}

// Lens stores an unrelated result of a call that built a pool: it
// retains nothing.
func Lens(urls []string) { // want Lens:"SNAT002 \\(warning\\) via lib.Lens → lib.Len"
	for _, u := range urls[:1] {
		fetched[u] = Len(u)
		break
	}
}

func Len(u string) int { // want Len:"SNAT002"
	resp, err := (&http.Client{}).Get(u)
	if err != nil {
		return 0
	}
	return int(resp.ContentLength)
}

func Generic[T any]() *http.Client { // want Generic:"SNAT002 \\(warning\\) via lib.Generic"
	return &http.Client{}
}

type Box[T any] struct{}

func (Box[T]) Make() *http.Client { // want Make:"SNAT002 \\(warning\\) via lib.Box.Make"
	return &http.Client{}
}
