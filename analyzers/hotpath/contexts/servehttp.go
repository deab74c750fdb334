package contexts

// NetHTTPServeHTTP: a method named ServeHTTP is an HTTP handler only with
// the exact signature ServeHTTP(http.ResponseWriter, *http.Request); with
// any other it is no handler (it does not implement http.Handler).
var NetHTTPServeHTTP = &Family{
	Name:  "servehttp",
	Label: "HTTP handler",
	Fix:   NetHTTP.Fix,
	Exact: []Method{{Name: "ServeHTTP", Params: []TypeRef{{Pkg: pkgHTTP, Name: "ResponseWriter"}, {Pkg: pkgHTTP, Name: "Request", Ptr: true}}}},
}
