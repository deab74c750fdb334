package frameworks

import "slices"

// Flask: routes and request hooks of Flask apps and blueprints,
// add_url_rule (the view function positional or view_func=), class-based
// views; before_first_request runs once.
var Flask = &Framework{
	Name:    "flask",
	Label:   "Flask route",
	Fix:     "create it once at module level or in init_app",
	Modules: []string{"flask"},
	Web:     true,
	Decorators: []Site{
		{Scope: App, Names: routeMethods, Called: true},
		{Scope: App, Names: slices.Concat(requestHooks, []string{"teardown_request", "teardown_app_request"}), Label: "Flask {name} hook"},
		{Scope: App, Names: []string{"before_first_request", "before_app_first_request"}, Role: Startup, Label: "Flask {name} hook"},
	},
	Registrations: []Site{
		// app.add_url_rule("/", "index", index), add_url_rule("/", view_func=index)
		{Scope: AnyApp, Names: []string{"add_url_rule"}, Arg: 2, Keyword: "view_func"},
	},
	Classes: []Class{
		{
			Bases: []string{"*View"}, Guess: []string{"MethodView"},
			Methods: viewMethods, CachedProperty: true, Decorated: []string{"action"}, SelfPerRequest: true,
			Label: "Flask view",
		},
	},
}
