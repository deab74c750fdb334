// Package httpclient defines an Analyzer that reports HTTP transports and
// clients built per request (SNAT001, SNAT002) and HTTP keep-alive
// switched off (SNAT008).
//
// # Analyzer httpclient
//
// httpclient: report HTTP pools built per request, keep-alive off
//
// A Go http.Transport is the connection pool: built in an HTTP handler,
// a loop body or a goroutine started in a loop, every run opens new
// TCP+TLS connections and leaks idle ones, and on Azure App Service it
// exhausts the instance's SNAT ports (SNAT001, error). An http.Client
// built per request shares its transport's pool, but net/http says
// clients should be reused (SNAT002, warning; error when its Transport is
// built right there):
//
//	func GetVM(w http.ResponseWriter, r *http.Request) {
//		c := &http.Client{Timeout: 5 * time.Second} // http.Client created in HTTP handler GetVM: it shares http.DefaultTransport's connection pool, ...
//		...
//	}
//
// Build it once and reuse it:
//
//	var client = &http.Client{Timeout: 5 * time.Second}
//
//	func GetVM(w http.ResponseWriter, r *http.Request) { client.Get(...) }
//
// Keep-alive switched off (SNAT008, warning) makes every request a new
// connection: DisableKeepAlives: true on a transport wherever it is
// built, and a request's Close: true or "Connection: close" header in a
// per-request context, each reported on the line of the setting. A line
// that also carries a SNAT001 finding reports only that one:
//
//	var transport = &http.Transport{
//		DisableKeepAlives: true, // keep-alives off on http.Transport (DisableKeepAlives: true): each request through it opens a new connection ...
//	}
//
// Calls in a per-request context to functions that build a transport or
// client on every call are reported at the call, naming the chain. It is
// silent for constructions at package level, in init, in main outside
// loops, in functions called once, for values retained in package-level
// variables, fields or maps, and for lazy singletons (nil checks,
// sync.Once, sync.OnceValue). http.Get and http.NewRequest are not
// constructions; a response header (w.Header().Set("Connection",
// "close")) is the server's business. Suppress a finding with //nolint:snatlint or
// //snatlint:ignore SNAT002 reason on the line or the line above.
package httpclient
