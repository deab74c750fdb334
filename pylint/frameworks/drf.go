package frameworks

// DRF: Django REST framework's function views (@api_view), API views and
// viewsets with their @action methods, and viewsets registered with a
// router.
var DRF = &Framework{
	Name:    "drf",
	Label:   "DRF view",
	Fix:     Django.Fix,
	Modules: []string{"rest_framework", "adrf"},
	Web:     true,
	Decorators: []Site{
		{Scope: Name, Names: []string{"api_view"}},
		{Scope: Name, Names: []string{"action"}, Label: "DRF action"},
	},
	Registrations: []Site{
		// router.register("users", UserViewSet)
		{Scope: App, Names: []string{"register"}, Arg: 1, Keyword: "viewset"},
	},
	Classes: []Class{
		{
			Bases: []string{"*View", "*ViewSet", "*Mixin"}, Guess: []string{"*ViewSet", "*APIView"},
			Methods: viewMethods, CachedProperty: true, Decorated: []string{"action"}, SelfPerRequest: true,
		},
	},
	Funcs: []Func{
		{Params: []string{"request"}, Imported: true},
	},
}
