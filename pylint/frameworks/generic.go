package frameworks

// Generic: what is recognised without knowing the framework: route and
// request-hook decorators on an object of unknown origin in a file that
// imports no framework that declares them, and a function whose first
// parameter is request in a file that imports no web framework (unless
// the parameter is annotated with a class of the scanned project:
// request: ScanRequest is that class, not an HTTP request).
var Generic = &Framework{
	Name:  "generic",
	Label: "request handler",
	Fix:   "create it once at module level",
	Decorators: []Site{
		{Scope: AnyApp, Names: routeMethods, Called: true, Label: "route"},
		{Scope: AnyApp, Names: requestHooks, Label: "{name} hook"},
	},
	Funcs: []Func{
		{Params: []string{"request"}},
	},
}
