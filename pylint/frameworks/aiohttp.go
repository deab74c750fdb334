package frameworks

// Aiohttp: aiohttp.web handlers (RouteTableDef decorators, router.add_*,
// web.get/post/route/view in add_routes, web.View subclasses, functions
// taking request in a file that imports aiohttp.web) and middlewares;
// on_startup, on_cleanup, on_shutdown and cleanup_ctx hooks run once.
var Aiohttp = &Framework{
	Name:  "aiohttp",
	Label: "aiohttp handler",
	Fix:   "create it once in an on_startup hook and keep it in app[key]",
	// the server side only: "import aiohttp" for ClientSession is no web app
	Modules: []string{"aiohttp.web", "aiohttp.web_app", "aiohttp.web_routedef", "aiohttp.web_urldispatcher",
		"aiohttp.web_middlewares", "aiohttp.web_request"},
	Decorators: []Site{
		// routes = web.RouteTableDef(); @routes.get("/")
		{Scope: App, Names: []string{"get", "post", "put", "patch", "delete", "head", "options", "route", "view"}, Called: true},
		{Scope: Module, Names: []string{"middleware"}, Label: "aiohttp middleware"},
	},
	Registrations: []Site{
		{Scope: AnyApp, Names: []string{"add_get", "add_post", "add_put", "add_patch", "add_delete", "add_head", "add_options", "add_view"},
			Arg: 1, Keyword: "handler"},
		{Scope: AnyApp, Names: []string{"add_route"}, Arg: 2, Keyword: "handler", Via: []string{"router"}},
		{Scope: Module, Names: []string{"get", "post", "put", "patch", "delete", "head", "options", "view"}, Arg: 1, Keyword: "handler"},
		{Scope: Module, Names: []string{"route"}, Arg: 2, Keyword: "handler"},
		// app.on_startup.append(f), app.cleanup_ctx.append(ctx)
		{Scope: AnyApp, Names: []string{"append", "extend"}, Arg: 0, Via: []string{"on_startup", "on_cleanup", "on_shutdown", "cleanup_ctx"},
			Role: Startup, Label: "aiohttp {name} hook"},
		{Scope: AnyApp, Names: []string{"append", "extend"}, Arg: 0, Via: []string{"on_response_prepare"},
			Label: "aiohttp on_response_prepare hook"},
	},
	Classes: []Class{
		{
			Bases: []string{"View"}, Methods: []string{"get", "post", "put", "patch", "delete", "head", "options", "__init__"},
			SelfPerRequest: true, Label: "aiohttp view",
		},
	},
	Funcs: []Func{
		{Params: []string{"request"}, Imported: true},
	},
}
