package frameworks

// Starlette: Route and WebSocketRoute endpoints, HTTPEndpoint and
// WebSocketEndpoint methods, BaseHTTPMiddleware.dispatch and pure ASGI
// middleware; the lifespan and on_startup handlers run once.
var Starlette = &Framework{
	Name:    "starlette",
	Label:   "Starlette endpoint",
	Fix:     "create it once in the lifespan handler and yield it in its state",
	Modules: []string{"starlette"},
	Decorators: []Site{
		{Scope: App, Names: []string{"route", "websocket_route"}, Called: true},
		{Scope: App, Names: []string{"exception_handler", "middleware"}, Called: true, Label: "Starlette {name}"},
		{Scope: App, Names: []string{"on_event"}, Called: true, FirstArg: []string{"startup", "shutdown"},
			Role: Startup, Label: "Starlette start-up handler"},
	},
	Registrations: []Site{
		// Route("/", homepage), Route("/", endpoint=homepage), WebSocketRoute("/ws", ws)
		{Scope: Module, Names: []string{"Route", "WebSocketRoute"}, Arg: 1, Keyword: "endpoint"},
		{Scope: App, Names: []string{"add_route", "add_websocket_route"}, Arg: 1, Keyword: "route"},
		{Scope: App, Names: []string{"add_event_handler"}, Arg: 1, Keyword: "func", FirstArg: []string{"startup", "shutdown"},
			Role: Startup, Label: "Starlette start-up handler"},
		{Scope: Module, Names: []string{"Starlette", "Router"}, Arg: -1, Keyword: "lifespan|on_startup|on_shutdown",
			Role: Startup, Label: "Starlette lifespan"},
	},
	Classes: []Class{
		{
			Bases: []string{"HTTPEndpoint"}, Methods: []string{"get", "post", "put", "patch", "delete", "head", "options", "__init__"},
			SelfPerRequest: true, Label: "Starlette endpoint",
		},
		{
			Bases: []string{"WebSocketEndpoint"}, Methods: []string{"on_connect", "on_receive", "on_disconnect", "__init__"},
			SelfPerRequest: true, Label: "Starlette WebSocket endpoint",
		},
		{Bases: []string{"BaseHTTPMiddleware"}, Methods: []string{"dispatch"}, Label: "Starlette middleware"},
		{Defines: []string{"__call__(scope)"}, Methods: []string{"__call__"}, Label: "ASGI middleware"},
	},
	Funcs: []Func{
		{Params: []string{"request|websocket"}, Imported: true},
	},
}
