package frameworks

// Flask: routes and request hooks of Flask apps and blueprints, and
// class-based views.
var Flask = &Framework{
	Name:    "flask",
	Label:   "Flask route",
	Fix:     "create it once at module level or in an app extension (init_app) and reuse it",
	Modules: []string{"flask"},
	Web:     true,
	Decorators: []Site{
		{Scope: App, Names: routeMethods, Called: true},
		{Scope: App, Names: requestHooks, Label: "Flask {name} hook"},
	},
	Classes: []Class{
		{
			Bases: []string{"*View"}, Guess: []string{"MethodView"},
			Methods: viewMethods, CachedProperty: true, Decorated: []string{"action"}, SelfPerRequest: true,
			Label: "Flask view",
		},
	},
}
