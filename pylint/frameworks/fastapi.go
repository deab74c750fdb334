package frameworks

// FastAPI: routes of apps and routers, HTTP middleware, and dependency
// providers given to Depends (a class given to Depends is instantiated per
// request).
var FastAPI = &Framework{
	Name:    "fastapi",
	Label:   "FastAPI route",
	Fix:     "create it once in the lifespan handler, keep it on app.state and reuse it",
	Modules: []string{"fastapi", "starlette"},
	Decorators: []Site{
		{Scope: App, Names: routeMethods, Called: true},
		{Scope: AnyApp, Names: []string{"middleware"}, Called: true, Label: "FastAPI HTTP middleware"},
		{Scope: App, Names: requestHooks, Label: "FastAPI {name} hook"},
	},
	Registrations: []Site{
		{Scope: Name, Names: []string{"Depends", "Security"}, Arg: 0, Keyword: "dependency",
			Label: "FastAPI dependency", Class: Init},
	},
}
