package frameworks

// Django: function views (its decorators, URLconf targets whatever their
// first parameter is called, and functions taking request in a file that
// imports Django), class-based views, and AppConfig.ready, which runs once
// at start-up.
var Django = &Framework{
	Name:    "django",
	Label:   "Django view",
	Fix:     "create it once at module level or in AppConfig.ready()",
	Modules: []string{"django"},
	Web:     true,
	Decorators: []Site{
		{Scope: Name, Names: []string{
			"require_http_methods", "require_GET", "require_POST", "require_safe",
			"login_required", "permission_required", "csrf_exempt", "cache_page",
		}},
	},
	Registrations: []Site{
		// path("x/", views.index), re_path(...), url(...) (django.conf.urls)
		{Scope: Module, Names: []string{"path", "re_path", "url"}, Arg: 1, Keyword: "view"},
	},
	Classes: []Class{
		{
			Bases: []string{"*View", "*Mixin"}, Guess: []string{"*View"}, GuessWeb: []string{"*Mixin"},
			Methods: viewMethods, CachedProperty: true, Decorated: []string{"action"}, SelfPerRequest: true,
		},
		{
			Bases: []string{"*AppConfig"}, Guess: []string{"*AppConfig"},
			Methods: []string{"ready"}, Role: Startup, Label: "Django AppConfig",
		},
	},
	Funcs: []Func{
		{Params: []string{"request"}, Imported: true},
	},
}
