package frameworks

import "slices"

// Quart: Flask's whole list (routes, request hooks, add_url_rule,
// class-based views) plus websockets; before_serving, while_serving and
// after_serving run once.
var Quart = &Framework{
	Name:    "quart",
	Label:   "Quart route",
	Fix:     "create it once in a before_serving hook or at module level",
	Modules: []string{"quart"},
	Decorators: []Site{
		{Scope: App, Names: routeMethods, Called: true},
		{Scope: App, Names: slices.Concat(requestHooks, []string{"before_websocket", "after_websocket", "before_app_websocket",
			"after_app_websocket", "teardown_request", "teardown_websocket"}), Label: "Quart {name} hook"},
		{Scope: App, Names: []string{"before_serving", "after_serving", "while_serving", "before_first_request"},
			Role: Startup, Label: "Quart {name} hook"},
	},
	Registrations: []Site{
		{Scope: App, Names: []string{"add_url_rule", "add_websocket"}, Arg: 2, Keyword: "view_func"},
	},
	Classes: []Class{
		{
			Bases: []string{"*View"}, Methods: viewMethods, CachedProperty: true, SelfPerRequest: true,
			Label: "Quart view",
		},
	},
}
