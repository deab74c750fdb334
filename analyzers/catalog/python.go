package catalog

import "strings"

// PyLevel is the level of every Python rule: each Python construction in
// the catalog owns (or builds and discards) its own connection pool, so a
// per-request one is always a pool per request (design.md, "Why each
// matters").
const PyLevel = LevelError

// Python constructions with a fixed qualified name (module.attr, as
// resolved from the file's imports).
var pyExact = map[string]string{
	// SNAT001: connection pools.
	"urllib3.PoolManager":                     SNAT001,
	"urllib3.ProxyManager":                    SNAT001,
	"urllib3.poolmanager.PoolManager":         SNAT001,
	"urllib3.poolmanager.ProxyManager":        SNAT001,
	"requests.adapters.HTTPAdapter":           SNAT001,
	"aiohttp.TCPConnector":                    SNAT001,
	"aiohttp.connector.TCPConnector":          SNAT001,
	"requests.Session":                        SNAT002,
	"requests.session":                        SNAT002,
	"requests.sessions.Session":               SNAT002,
	"requests.sessions.session":               SNAT002,
	"httpx.Client":                            SNAT002,
	"httpx.AsyncClient":                       SNAT002,
	"aiohttp.ClientSession":                   SNAT002,
	"aiohttp.client.ClientSession":            SNAT002,
	"http.client.HTTPConnection":              SNAT002,
	"http.client.HTTPSConnection":             SNAT002,
	"azure.core.PipelineClient":               SNAT003,
	"azure.core.AsyncPipelineClient":          SNAT003,
	"aiohttp.request":                         SNAT005,
	"aiohttp.client.request":                  SNAT005,
	"urllib.request.urlopen":                  SNAT005,
	"azure.identity.OnBehalfOfCredential":     "", // per user by design: silent
	"azure.identity.aio.OnBehalfOfCredential": "",
}

// pyOneShot are the module-level one-shot helpers of requests and httpx.
var pyOneShot = map[string]bool{
	"get": true, "post": true, "put": true, "patch": true, "delete": true,
	"head": true, "options": true, "request": true,
}

// PyMatcher matches resolved Python qualified names against the catalog and
// the configuration's extra constructors. The zero value uses the built-in
// catalog only. It is immutable once built.
type PyMatcher struct {
	extra map[string]string
}

// NewPyMatcher returns a matcher with extra constructors ("module.attr" to
// rule ID) on top of the built-in catalog.
func NewPyMatcher(extra map[string]string) *PyMatcher {
	m := &PyMatcher{extra: map[string]string{}}
	for k, v := range extra {
		m.extra[k] = v
	}
	return m
}

// Match reports the rule a call to the qualified name q is reported under,
// or ok=false when q is not a pool-owning construction. q is the dotted
// name the callee resolves to, e.g. "requests.Session",
// "azure.storage.blob.BlobServiceClient.from_connection_string".
func (m *PyMatcher) Match(q string) (rule string, ok bool) {
	if m != nil {
		if r, ok := m.extra[q]; ok {
			return r, r != ""
		}
	}
	if r, ok := pyExact[q]; ok {
		return r, r != ""
	}
	mod, name, found := strings.Cut(q, ".")
	if !found {
		return "", false
	}
	switch mod {
	case "requests", "httpx":
		// requests.get, requests.api.get, httpx.get, httpx.stream
		rest := strings.TrimPrefix(name, "api.")
		if pyOneShot[rest] || (mod == "httpx" && rest == "stream") {
			return SNAT005, true
		}
		return "", false
	case "azure":
		return matchAzure(q)
	}
	return "", false
}

// IsPyClassRule reports whether q names a class (not a one-shot function),
// so that a project-local subclass of it is a construction too.
func (m *PyMatcher) IsPyClassRule(q string) (string, bool) {
	r, ok := m.Match(q)
	if !ok || r == SNAT005 {
		return "", false
	}
	last := q[strings.LastIndexByte(q, '.')+1:]
	if strings.HasPrefix(last, "from_") || last == "session" {
		return "", false
	}
	return r, true
}

// matchAzure matches names under azure.*: credentials of azure.identity
// (SNAT004), management clients azure.mgmt.*...Client and data-plane
// *Client classes (SNAT003), with their from_* classmethod factories and
// .aio variants.
func matchAzure(q string) (string, bool) {
	parts := strings.Split(q, ".")
	if len(parts) < 3 {
		return "", false
	}
	last := parts[len(parts)-1]
	cls := last
	clsIdx := len(parts) - 1
	if strings.HasPrefix(last, "from_") {
		cls = parts[len(parts)-2]
		clsIdx = len(parts) - 2
	}
	if clsIdx < 2 || !isUpperIdent(cls) {
		return "", false
	}
	switch parts[1] {
	case "identity":
		if cls != last {
			return "", false // no from_* on credentials
		}
		if strings.HasSuffix(cls, "Credential") && cls != "OnBehalfOfCredential" {
			return SNAT004, true
		}
		return "", false
	case "core", "functions":
		// azure.core.credentials.AzureKeyCredential holds a key, not a pool;
		// azure.core pipeline clients are in pyExact.
		return "", false
	}
	if strings.HasSuffix(cls, "Client") {
		return SNAT003, true
	}
	return "", false
}

func isUpperIdent(s string) bool {
	return s != "" && s[0] >= 'A' && s[0] <= 'Z'
}

// PyWhat is a short description of what a Python construction builds, for
// messages.
func PyWhat(rule, q string) string {
	switch rule {
	case SNAT001:
		return "new connection pool " + q
	case SNAT002:
		return "new HTTP client " + q
	case SNAT003:
		return "new Azure SDK client " + q
	case SNAT004:
		return "new Azure credential " + q
	case SNAT005:
		return "one-shot request " + q
	}
	return q
}

// PyWhy is why a per-request construction under rule matters, for
// messages.
func PyWhy(rule string) string {
	switch rule {
	case SNAT001:
		return "every run opens new TCP and TLS connections that are never reused, exhausting SNAT ports (128 per destination, reclaimed about 4 minutes after close)"
	case SNAT002:
		return "every run builds a new connection pool, so no connection is reused and SNAT ports run out (128 per destination, reclaimed about 4 minutes after close)"
	case SNAT003:
		return "every Azure SDK client owns its own transport and connection pool, so each run opens new connections and exhausts SNAT ports (128 per destination, reclaimed about 4 minutes after close)"
	case SNAT004:
		return "its token cache is thrown away, so each run fetches a new token from Entra ID or IMDS over new connections"
	case SNAT005:
		return "it opens a new session for a single request and closes it, so no connection is ever reused and SNAT ports run out (128 per destination, reclaimed about 4 minutes after close)"
	}
	return ""
}
