package contexts

// pkgHTTP is net/http.
const pkgHTTP = "net/http"

// The net/http shape, also used by chi, gorilla/mux, http.ServeMux and
// Azure Functions custom handlers: any function or method whose
// parameters include both an http.ResponseWriter and an *http.Request (any
// order, extra parameters allowed: helpers the request is passed down to).
var NetHTTP = &Family{
	Name:   "nethttp",
	Label:  "HTTP handler",
	Fix:    "create it once at package level",
	Params: [][]TypeRef{{{Pkg: pkgHTTP, Name: "ResponseWriter"}, {Pkg: pkgHTTP, Name: "Request", Ptr: true}}},
}
