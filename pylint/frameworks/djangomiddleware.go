package frameworks

// DjangoMiddleware: class middleware (MiddlewareMixin, or a class with
// process_* methods or __call__(self, request)) and function-style
// middleware (the closure a get_response factory returns). The __init__
// and the factory run once: they are the fix.
var DjangoMiddleware = &Framework{
	Name:    "django-middleware",
	Label:   "Django middleware",
	Fix:     "create it once in the middleware's __init__",
	Modules: []string{"django"},
	Classes: []Class{
		{
			Bases: []string{"MiddlewareMixin"}, Guess: []string{"MiddlewareMixin"},
			Defines: []string{"process_request", "process_view", "process_response", "process_exception", "__call__(request)"},
			Methods: []string{
				"__call__", "__acall__", "process_request", "process_view", "process_response",
				"process_exception", "process_template_response",
			},
			Priority: 1,
		},
	},
	Funcs: []Func{
		{Outer: "get_response"},
	},
}
