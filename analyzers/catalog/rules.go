// Package catalog is the one rule table and construction catalog shared by
// the Go analyzers and the Python pass: rule IDs, names, levels, docs, and
// which constructors own a connection pool. It holds data and matchers
// only; no AST walking.
package catalog

import (
	"fmt"
	"strings"
)

// Level is how loud a finding is, using SARIF's vocabulary.
type Level string

// Levels used by snatlint rules.
const (
	LevelError   Level = "error"
	LevelWarning Level = "warning"
	LevelNote    Level = "note"
)

// Rank orders levels: higher is more severe.
func (l Level) Rank() int {
	switch l {
	case LevelError:
		return 3
	case LevelWarning:
		return 2
	case LevelNote:
		return 1
	}
	return 0
}

// Rule IDs.
const (
	SNAT001 = "SNAT001"
	SNAT002 = "SNAT002"
	SNAT003 = "SNAT003"
	SNAT004 = "SNAT004"
	SNAT005 = "SNAT005"
)

// HelpBase is where the generated rule pages live.
const HelpBase = "https://github.com/snatlint/snatlint/blob/main/docs/rules/"

// Rule describes one snatlint rule. Doc is the Markdown body of the rule
// page (What it does / Why is this bad? / Example / Use instead: / Fix
// safety / Options / References).
type Rule struct {
	ID    string // "SNAT001"
	Name  string // kebab-case, reads as "allow <name>"
	Level Level  // default level
	Title string // one line, shortDescription
	Full  string // one sentence, fullDescription
	Doc   string // Markdown body
}

// HelpURI is the rule's documentation page.
func (r Rule) HelpURI() string { return HelpBase + r.ID + ".md" }

// Rules is the rule table, in ID order. It is immutable.
var Rules = []Rule{
	{
		ID: SNAT001, Name: "pool-per-request", Level: LevelError,
		Title: "connection pool (HTTP transport) built per request",
		Full:  "A connection pool (Go http.Transport, urllib3 PoolManager, requests HTTPAdapter, aiohttp TCPConnector) is built in code that runs per request, per loop iteration or per task run, so every run opens new TCP and TLS connections and exhausts SNAT ports.",
		Doc:   docSNAT001,
	},
	{
		ID: SNAT002, Name: "http-client-per-request", Level: LevelWarning,
		Title: "HTTP client built per request",
		Full:  "An HTTP client (Go http.Client, requests.Session, httpx.Client, aiohttp.ClientSession, http.client connections) is built in code that runs per request, per loop iteration or per task run instead of being created once and reused.",
		Doc:   docSNAT002,
	},
	{
		ID: SNAT003, Name: "azure-client-per-request", Level: LevelWarning,
		Title: "Azure SDK client built per request",
		Full:  "An Azure SDK client, which builds its own HTTP pipeline (and in Python its own connection pool), is built in code that runs per request, per loop iteration or per task run instead of being created once and reused.",
		Doc:   docSNAT003,
	},
	{
		ID: SNAT004, Name: "azure-credential-per-request", Level: LevelError,
		Title: "Azure credential built per request",
		Full:  "An Azure credential is built in code that runs per request, per loop iteration or per task run, so its token cache is thrown away and every run fetches a new token from Entra ID or IMDS.",
		Doc:   docSNAT004,
	},
	{
		ID: SNAT005, Name: "one-shot-request", Level: LevelError,
		Title: "one-shot HTTP call that builds and discards a client",
		Full:  "A one-shot HTTP helper function (requests.get, httpx.get, aiohttp.request, urllib.request.urlopen) builds a client for one request and closes it, so no connection is ever reused.",
		Doc:   docSNAT005,
	},
}

// IDs lists the rule IDs in order, comma-separated, for messages.
func IDs() string {
	ids := make([]string, len(Rules))
	for i, r := range Rules {
		ids[i] = r.ID
	}
	return strings.Join(ids, ", ")
}

// Lookup returns the rule with the given ID.
func Lookup(id string) (Rule, bool) {
	for _, r := range Rules {
		if r.ID == id {
			return r, true
		}
	}
	return Rule{}, false
}

// MustLookup is Lookup for IDs known at compile time.
func MustLookup(id string) Rule {
	r, ok := Lookup(id)
	if !ok {
		panic(fmt.Sprintf("catalog: unknown rule %q", id))
	}
	return r
}

// Page is the rule's documentation page in Markdown: a title line, the
// one-sentence summary, and Doc. docs/rules/<ID>.md is generated from
// it, `snatlint -explain <ID>` prints it, and SARIF help.markdown
// carries it.
func (r Rule) Page() string {
	return "# " + r.ID + " " + r.Name + "\n\n" +
		"Default level: `" + string(r.Level) + "`. " + r.Title + ".\n\n" +
		r.Doc
}

// The rule pages. In these raw strings « and » stand for backticks
// (md replaces them); code blocks are fenced with ~~~. Every block in a
// "Use instead:" section is a complete file, and a test checks that it
// passes snatlint.

// md turns the « » placeholders into Markdown backticks.
func md(s string) string {
	return strings.NewReplacer("«", "`", "»", "`").Replace(strings.TrimLeft(s, "\n"))
}

// snatWhy is the mechanism and the numbers, shared by every page.
const snatWhy = `
On Azure App Service each instance gets **128 preallocated SNAT ports per
destination** (destination address and port) for outbound connections. A
port stays taken while its connection is open and is reclaimed only
**about 4 minutes after the connection closes**, so one instance can
sustain roughly 128 / 240 s ≈ **0.5 new connections per second per
destination**. All Azure Resource Manager traffic goes to one destination,
«management.azure.com:443»: the worst case. Code that opens new
connections for every request runs out of ports under modest load and then
fails intermittently (5xx responses, timeouts, "connection refused") while
CPU and memory look healthy. A NAT gateway raises the ceiling (64,512
ports per public IP) but only postpones the failure, and every request
still pays a new TCP and TLS handshake: pooling, building the client once
and reusing it, is the fix.
`

// goUseInstead is the Go part of "Use instead:", shared by the HTTP rules.
const goUseInstead = `
Go: build it once, at package level, lazily with «sync.OnceValue», or in
«main» as a field of the server struct.

~~~go
package main

import (
	"io"
	"net/http"
	"sync"
	"time"
)

// Package level: one pool for the whole process.
var inventory = &http.Client{
	Timeout:   10 * time.Second,
	Transport: &http.Transport{MaxIdleConnsPerHost: 16, IdleConnTimeout: 90 * time.Second},
}

// Lazily, once: sync.OnceValue.
var billing = sync.OnceValue(func() *http.Client {
	return &http.Client{Timeout: 5 * time.Second}
})

func items(w http.ResponseWriter, r *http.Request) {
	resp, err := inventory.Get("https://inventory.example.com/items")
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	io.Copy(w, resp.Body)
}

func invoices(w http.ResponseWriter, r *http.Request) {
	resp, err := billing().Get("https://billing.example.com/invoices")
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	io.Copy(w, resp.Body)
}

func main() {
	http.HandleFunc("/items", items)
	http.HandleFunc("/invoices", invoices)
	http.ListenAndServe(":8080", nil)
}
~~~

~~~go
package main

import (
	"io"
	"net/http"
	"time"
)

// A field of the server struct, built once in main.
type server struct {
	client *http.Client
}

func newServer() *server {
	return &server{client: &http.Client{
		Timeout:   10 * time.Second,
		Transport: &http.Transport{MaxIdleConnsPerHost: 16},
	}}
}

func (s *server) items(w http.ResponseWriter, r *http.Request) {
	resp, err := s.client.Get("https://inventory.example.com/items")
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	io.Copy(w, resp.Body)
}

func main() {
	s := newServer()
	http.HandleFunc("/items", s.items)
	http.ListenAndServe(":8080", nil)
}
~~~
`

// pyUseInstead is the Python part of "Use instead:"; IMPORT, CTOR and
// CALL are replaced per rule.
const pyUseInstead = `
Python: build it once per process and share it. Django: at module level
(or in «AppConfig.ready()»).

~~~python
# views.py (Django)
from django.http import JsonResponse
IMPORT

SHARED = CTOR  # module level: built once per worker process


def invoice(request, invoice_id):
    data = SHARED.CALL
    return JsonResponse(data)
~~~

FastAPI: build it in the «lifespan» handler and keep it on «app.state».

~~~python
# main.py (FastAPI)
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
IMPORT


@asynccontextmanager
async def lifespan(app: FastAPI):
    app.state.shared = CTOR
    yield


app = FastAPI(lifespan=lifespan)


@app.get("/invoices/{invoice_id}")
def invoice(request: Request, invoice_id: str):
    return request.app.state.shared.CALL
~~~

Celery: at module level, or as a lazy property on a custom «Task» base
(a task instance lives as long as its worker process).

~~~python
# tasks.py (Celery)
from celery import Celery, Task
IMPORT

app = Celery("billing")


class SharedClientTask(Task):
    _shared = None

    @property
    def shared(self):
        if self._shared is None:
            self._shared = CTOR
        return self._shared


@app.task(base=SharedClientTask, bind=True)
def sync_invoice(self, invoice_id):
    return self.shared.CALL
~~~

With a pre-fork server (gunicorn «--preload», Celery prefork) a client
built at import time in the master is inherited by every worker, sockets
included. Create it lazily, after the fork, once per process:

~~~python
# clients.py (gunicorn --preload)
import functools

from django.http import JsonResponse
IMPORT


@functools.lru_cache(maxsize=None)
def shared():
    return CTOR  # first call in each worker process


def invoice(request, invoice_id):
    return JsonResponse(shared().CALL)
~~~
`

func pyFixes(imp, ctor, call string) string {
	return strings.NewReplacer("IMPORT", imp, "CTOR", ctor, "CALL", call).Replace(pyUseInstead)
}

const refsCommon = `- Azure App Service: [Troubleshoot intermittent outbound connection errors (SNAT port exhaustion)](https://learn.microsoft.com/azure/app-service/troubleshoot-intermittent-outbound-connection-errors)
- Azure: [Use Source Network Address Translation (SNAT) for outbound connections](https://learn.microsoft.com/azure/load-balancer/load-balancer-outbound-connections)
`

var docSNAT001 = md(`
## What it does

Finds a connection pool built in code that runs per request, per loop
iteration or per task run: Go «http.Transport» (literal, «new», and
«(*http.Transport).Clone()», including
«http.DefaultTransport.(*http.Transport).Clone()»), and Python
«urllib3.PoolManager()», «urllib3.ProxyManager()»,
«requests.adapters.HTTPAdapter()» and «aiohttp.TCPConnector()».

Per-request code is an HTTP handler («func(http.ResponseWriter,
*http.Request)», «ServeHTTP», gin, echo and fiber handlers, handler-shaped
helpers), a Django, DRF, Flask or FastAPI view, middleware, a Celery task,
an Azure Functions entry point, any loop body, and any function that such
code calls which builds one on every call.

## Why is this bad?

A transport *is* the connection pool: in Go the idle connections live on
the «http.Transport». A new one per request means a new TCP and TLS
handshake per request, and its idle connections leak (a bare Transport has
no idle timeout and no finalizer). This is true even with
«DisableKeepAlives: true».
` + snatWhy + `
## Example

~~~go
package main

import (
	"io"
	"net/http"
)

func items(w http.ResponseWriter, r *http.Request) {
	tr := &http.Transport{MaxIdleConnsPerHost: 16} // a new pool per request
	client := &http.Client{Transport: tr}
	resp, err := client.Get("https://inventory.example.com/items")
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	io.Copy(w, resp.Body)
}

func main() {
	http.HandleFunc("/items", items)
	http.ListenAndServe(":8080", nil)
}
~~~

~~~python
import urllib3
from django.http import JsonResponse


def invoice(request, invoice_id):
    pool = urllib3.PoolManager(maxsize=10)  # a new pool per request
    r = pool.request("GET", f"https://billing.example.com/invoices/{invoice_id}")
    return JsonResponse(r.json())
~~~

## Use instead:
` + goUseInstead + pyFixes("import urllib3", "urllib3.PoolManager(maxsize=10)", `request("GET", f"https://billing.example.com/invoices/{invoice_id}").json()`) + `
## Fix safety

«snatlint -fix» (and «go vet -vettool=... -fix») may hoist a transport
whose configuration is made of constants to a package-level variable.
That is safe only because nothing in it depends on the request; a
transport configured from request data (per-tenant proxies, client
certificates) is never rewritten: cache it per key instead. Python
findings have no automatic fix.

## Options

- «rules: {SNAT001: {enabled: false}}» or «level: warning» in
  «.snatlint.yaml».
- «go.constructors» / «python.constructors» add your own pool-owning
  constructors under this rule: «{name: example.com/httpx.NewTransport, rule: SNAT001}».
- «exclude» globs skip files; «-tests» includes test files.

## References

- Go: [net/http Transport](https://pkg.go.dev/net/http#Transport): "Transports should be reused instead of created as needed."
- urllib3: [PoolManager](https://urllib3.readthedocs.io/en/stable/advanced-usage.html#customizing-pool-behavior)
` + refsCommon)

var docSNAT002 = md(`
## What it does

Finds an HTTP client built in code that runs per request, per loop
iteration or per task run: Go «http.Client» (literal, «new», or a zero
value «var c http.Client»), and Python «requests.Session()»,
«httpx.Client()», «httpx.AsyncClient()», «aiohttp.ClientSession()» and
«http.client.HTTPConnection/HTTPSConnection()». «with Client() as c:»
inside a view is still per request: closing properly is not pooling.

## Why is this bad?

In Python every one of these clients owns its own connection pool, so a
client per request is a new TCP and TLS connection per request.

In Go, an «http.Client» whose «Transport» is nil (the default transport)
or an existing shared transport shares that pool: per request it wastes an
allocation and the client's settings, not connections — reported as a
**warning**, and the message says the pool is shared. net/http still says
"Clients should be reused instead of created as needed". A client whose
«Transport» is built right there gets a new pool per request and is an
**error** (the transport line is also SNAT001).
` + snatWhy + `
## Example

~~~go
package main

import (
	"io"
	"net/http"
	"time"
)

func items(w http.ResponseWriter, r *http.Request) {
	client := &http.Client{Timeout: 10 * time.Second} // a client per request
	resp, err := client.Get("https://inventory.example.com/items")
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	io.Copy(w, resp.Body)
}

func main() {
	http.HandleFunc("/items", items)
	http.ListenAndServe(":8080", nil)
}
~~~

~~~python
import requests
from django.http import JsonResponse


def invoice(request, invoice_id):
    with requests.Session() as s:  # a new pool per request
        r = s.get(f"https://billing.example.com/invoices/{invoice_id}", timeout=5)
    return JsonResponse(r.json())
~~~

## Use instead:
` + goUseInstead + pyFixes("import requests", "requests.Session()", `get(f"https://billing.example.com/invoices/{invoice_id}", timeout=5).json()`) + `
## Fix safety

«-fix» may hoist a client literal whose fields are all constants to a
package-level variable, naming it without collisions. A client that
captures request data (a per-user «Jar», a request-dependent
«CheckRedirect») is never rewritten. Python findings have no automatic
fix: a module-level client in a pre-fork server must be created after the
fork (see above).

## Options

- «rules: {SNAT002: {level: error}}» makes the shared-pool case an error
  too; «enabled: false» turns the rule off.
- «go.constructors: [{name: example.com/platform/httpx.NewClient, rule: SNAT002}]»
  reports a company wrapper; «python.constructors» likewise for
  «module.attr» names.

## References

- Go: [net/http Client](https://pkg.go.dev/net/http#Client): "Clients should be reused instead of created as needed."
- requests: [Session objects](https://requests.readthedocs.io/en/latest/user/advanced/#session-objects)
- HTTPX: [Why use a Client?](https://www.python-httpx.org/advanced/clients/)
- aiohttp: [Client session](https://docs.aiohttp.org/en/stable/client_advanced.html#client-session): "Don't create a session per request."
` + refsCommon)

var docSNAT003 = md(`
## What it does

Finds an Azure SDK client built in code that runs per request, per loop
iteration or per task run. Go: any call that builds a new client pipeline
(rooted at «runtime.NewPipeline» in «sdk/azcore/runtime», reached by
«azcore.NewClient» and «arm.NewClient»): «armcompute.NewVirtualMachinesClient»,
«azblob.NewClient», «NewClientFromConnectionString», «arm*.NewClientFactory»,
and factory methods when the SDK version in use builds a pipeline in them.
Python: «*Client» classes from «azure.mgmt.*» and data-plane «azure.*»
packages («BlobServiceClient», «SecretClient», «CosmosClient», ...),
their «from_*» classmethod factories and «.aio» variants.

Child clients that share the parent's pipeline («NewContainerClient»,
«get_container_client()», «get_blob_client()») are not reported.

## Why is this bad?

Go clients with default options share azcore's process-wide
«http.Client», so connections are pooled, but a client per request builds a
new pipeline with a new bearer-token policy and an empty token cache: every
request pays a «GetToken» (a **warning**). When «ClientOptions.Transport»
is a freshly built client or transport, it is also a new pool per request
(an **error**). In Python every client owns its own transport and
«requests.Session»: a client per request is a connection pool per request
(an **error**). ARM clients all talk to «management.azure.com:443», one
destination, so they hit the SNAT limit first.
` + snatWhy + `
## Example

~~~go
package main

import (
	"encoding/json"
	"net/http"

	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/compute/armcompute/v6"
)

var cred, _ = azidentity.NewDefaultAzureCredential(nil)

func getVM(w http.ResponseWriter, r *http.Request) {
	vms, err := armcompute.NewVirtualMachinesClient("00000000-0000-0000-0000-000000000000", cred, nil) // a pipeline per request
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	vm, err := vms.Get(r.Context(), "rg", r.PathValue("name"), nil)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	json.NewEncoder(w).Encode(vm)
}

func main() {
	http.HandleFunc("/vms/{name}", getVM)
	http.ListenAndServe(":8080", nil)
}
~~~

~~~python
from azure.identity import DefaultAzureCredential
from azure.mgmt.compute import ComputeManagementClient
from django.http import JsonResponse

CREDENTIAL = DefaultAzureCredential()


def get_vm(request, name):
    compute = ComputeManagementClient(CREDENTIAL, "00000000-0000-0000-0000-000000000000")  # a pool per request
    vm = compute.virtual_machines.get("rg", name)
    return JsonResponse(vm.as_dict())
~~~

## Use instead:

Go: build the clients once (package level, «sync.OnceValue», or the server
struct built in «main») and share them; Azure SDK clients are safe for
concurrent use.

~~~go
package main

import (
	"encoding/json"
	"log"
	"net/http"

	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/compute/armcompute/v6"
)

type server struct {
	vms *armcompute.VirtualMachinesClient
}

func (s *server) getVM(w http.ResponseWriter, r *http.Request) {
	vm, err := s.vms.Get(r.Context(), "rg", r.PathValue("name"), nil)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	json.NewEncoder(w).Encode(vm)
}

func main() {
	cred, err := azidentity.NewDefaultAzureCredential(nil)
	if err != nil {
		log.Fatal(err)
	}
	vms, err := armcompute.NewVirtualMachinesClient("00000000-0000-0000-0000-000000000000", cred, nil)
	if err != nil {
		log.Fatal(err)
	}
	s := &server{vms: vms}
	http.HandleFunc("/vms/{name}", s.getVM)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
~~~
` + pyFixes("from azure.identity import DefaultAzureCredential\nfrom azure.mgmt.compute import ComputeManagementClient",
	`ComputeManagementClient(DefaultAzureCredential(), "00000000-0000-0000-0000-000000000000")`,
	`virtual_machines.get("rg", invoice_id).as_dict()`) + `
Clients for many subscriptions or regions: keep them in a map built at
start-up («clients[region] = ...» in «main» or «ready()»), which is a
cache and not reported. A client built on an on-behalf-of credential is
per user by design: cache it per user.

## Fix safety

No automatic fix: where the client must live (server struct, package
variable, per-tenant cache) is a design decision.

## Options

- «rules: {SNAT003: {level: error}}» or «enabled: false».
- «go.constructors» / «python.constructors» add in-house client factories:
  «{name: example.com/platform/azx.NewComputeClient, rule: SNAT003}».

## References

- Azure SDK for Go: [client lifetime](https://learn.microsoft.com/azure/developer/go/sdk/overview): clients are safe for concurrent use and meant to be reused.
- Azure SDK for Python: [Lifetime management for clients](https://devblogs.microsoft.com/azure-sdk/lifetime-management-and-thread-safety-guarantees-of-azure-sdk-net-clients/)
` + refsCommon)

var docSNAT004 = md(`
## What it does

Finds an Azure credential built in code that runs per request, per loop
iteration or per task run: Go «azidentity.New*Credential(...)», Python
«azure.identity» credential classes («DefaultAzureCredential»,
«ClientSecretCredential», «ManagedIdentityCredential», ...) and their
«azure.identity.aio» variants. On-behalf-of credentials
(«NewOnBehalfOfCredentialWith*», «OnBehalfOfCredential») are per user
request by design and never reported.

## Why is this bad?

A credential owns its token cache. Built per request, the cache is thrown
away and every request asks Entra ID or the managed identity endpoint
(IMDS) for a new token: added latency, throttling (HTTP 429), and a new
connection each time. The Azure CLI, Developer CLI and PowerShell
credentials spawn a process per token. Python credentials also build their
own «requests.Session». It is an **error**.
` + snatWhy + `
## Example

~~~go
package main

import (
	"net/http"

	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"
	"github.com/Azure/azure-sdk-for-go/sdk/storage/azblob"
)

func download(w http.ResponseWriter, r *http.Request) {
	cred, err := azidentity.NewDefaultAzureCredential(nil) // a token cache per request
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	blobs, err := azblob.NewClient("https://acct.blob.core.windows.net/", cred, nil)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	resp, err := blobs.DownloadStream(r.Context(), "reports", r.PathValue("name"), nil)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	w.WriteHeader(http.StatusOK)
}

func main() {
	http.HandleFunc("/reports/{name}", download)
	http.ListenAndServe(":8080", nil)
}
~~~

~~~python
from azure.identity import DefaultAzureCredential
from azure.storage.blob import BlobServiceClient
from django.http import HttpResponse


def download(request, name):
    cred = DefaultAzureCredential()  # a token cache per request
    service = BlobServiceClient("https://acct.blob.core.windows.net", credential=cred)
    data = service.get_blob_client("reports", name).download_blob().readall()
    return HttpResponse(data)
~~~

## Use instead:

Go: build the credential (and the clients that use it) once.

~~~go
package main

import (
	"log"
	"net/http"

	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"
	"github.com/Azure/azure-sdk-for-go/sdk/storage/azblob"
)

type server struct {
	blobs *azblob.Client
}

func (s *server) download(w http.ResponseWriter, r *http.Request) {
	resp, err := s.blobs.DownloadStream(r.Context(), "reports", r.PathValue("name"), nil)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	w.WriteHeader(http.StatusOK)
}

func main() {
	cred, err := azidentity.NewDefaultAzureCredential(nil)
	if err != nil {
		log.Fatal(err)
	}
	blobs, err := azblob.NewClient("https://acct.blob.core.windows.net/", cred, nil)
	if err != nil {
		log.Fatal(err)
	}
	s := &server{blobs: blobs}
	http.HandleFunc("/reports/{name}", s.download)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
~~~
` + pyFixes("from azure.identity import DefaultAzureCredential\nfrom azure.storage.blob import BlobServiceClient",
	`BlobServiceClient("https://acct.blob.core.windows.net", credential=DefaultAzureCredential())`,
	`get_blob_client("reports", invoice_id).get_blob_properties().metadata`) + `
## Fix safety

No automatic fix.

## Options

- «rules: {SNAT004: {enabled: false}}» or a «level» override.
- «go.constructors» / «python.constructors» add in-house credential
  factories under «rule: SNAT004».

## References

- azidentity: [credential reuse](https://pkg.go.dev/github.com/Azure/azure-sdk-for-go/sdk/azidentity): credentials cache tokens; reuse them.
- azure-identity: [token caching](https://learn.microsoft.com/azure/developer/python/sdk/authentication/overview)
` + refsCommon)

var docSNAT005 = md(`
## What it does

Finds Python one-shot calls that build a client, make one request and
close it, in code that runs per request, per loop iteration or per task
run: «requests.get/post/put/patch/delete/head/options/request»,
«httpx.get/post/put/patch/delete/head/options/request/stream»,
«aiohttp.request()» and «urllib.request.urlopen()». There is no Go
equivalent: «http.Get» uses «http.DefaultClient», which pools.
«urllib3.request()» (2.x) uses a shared module-level pool and is not
reported.

## Why is this bad?

«requests.get(...)» opens a new «Session» and closes it after one request:
no connection is ever reused, so every call is a new TCP and TLS
handshake and a new SNAT port. «httpx.get» does the same, «aiohttp.request»
forces «Connection: close», and «urlopen» always sends «Connection:
close». It is an **error**.
` + snatWhy + `
## Example

~~~python
import requests
from django.http import JsonResponse


def invoice(request, invoice_id):
    r = requests.get(f"https://billing.example.com/invoices/{invoice_id}", timeout=5)  # a connection per call
    return JsonResponse(r.json())
~~~

## Use instead:
` + pyFixes("import requests", "requests.Session()", `get(f"https://billing.example.com/invoices/{invoice_id}", timeout=5).json()`) + `
## Fix safety

No automatic fix: replacing «requests.get» with a shared session changes
cookie handling (a session keeps cookies between requests); review it.

## Options

- «rules: {SNAT005: {level: warning}}» or «enabled: false».
- «python.constructors: [{name: mycorp.http.fetch, rule: SNAT005}]» reports
  an in-house one-shot helper.

## References

- requests: [Session objects](https://requests.readthedocs.io/en/latest/user/advanced/#session-objects): "if you're making several requests to the same host, the underlying TCP connection will be reused".
- HTTPX: [Why use a Client?](https://www.python-httpx.org/advanced/clients/)
` + refsCommon)
