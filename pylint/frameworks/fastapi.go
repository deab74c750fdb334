package frameworks

// FastAPI: routes of apps and routers (decorators, add_api_route,
// APIRoute), HTTP middleware, and dependency providers given to Depends (a
// generator provider runs per request too; a class given to Depends is
// instantiated per request). The lifespan, on_startup handlers and
// @app.on_event("startup") run once.
var FastAPI = &Framework{
	Name:    "fastapi",
	Label:   "FastAPI route",
	Fix:     "create it once in the lifespan handler and keep it on app.state",
	Modules: []string{"fastapi"},
	Decorators: []Site{
		{Scope: App, Names: routeMethods, Called: true},
		{Scope: AnyApp, Names: []string{"middleware"}, Called: true, Label: "FastAPI HTTP middleware"},
		{Scope: App, Names: []string{"exception_handler"}, Called: true, Label: "FastAPI exception handler"},
		{Scope: App, Names: []string{"on_event"}, Called: true, FirstArg: []string{"startup", "shutdown"},
			Role: Startup, Label: "FastAPI start-up handler"},
	},
	Registrations: []Site{
		{Scope: Name, Names: []string{"Depends", "Security"}, Arg: 0, Keyword: "dependency",
			Label: "FastAPI dependency", Class: Init},
		// app.add_api_route("/x", endpoint), APIRoute("/x", endpoint)
		{Scope: App, Names: []string{"add_api_route", "add_api_websocket_route", "add_route", "add_websocket_route"},
			Arg: 1, Keyword: "endpoint|route"},
		{Scope: Module, Names: []string{"APIRoute", "APIWebSocketRoute"}, Arg: 1, Keyword: "endpoint"},
		{Scope: App, Names: []string{"add_event_handler"}, Arg: 1, Keyword: "func", FirstArg: []string{"startup", "shutdown"},
			Role: Startup, Label: "FastAPI start-up handler"},
		{Scope: Module, Names: []string{"FastAPI", "APIRouter"}, Arg: -1, Keyword: "lifespan|on_startup|on_shutdown",
			Role: Startup, Label: "FastAPI lifespan"},
	},
	Funcs: []Func{
		{Params: []string{"request|websocket"}, Imported: true},
	},
}
