package frameworks

// DRF: Django REST framework's function views (@api_view), API views and
// viewsets with their @action methods.
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
	Classes: []Class{
		{
			Bases: []string{"*View", "*ViewSet", "*Mixin"}, Guess: []string{"*ViewSet", "*APIView"},
			Methods: viewMethods, CachedProperty: true, Decorated: []string{"action"}, SelfPerRequest: true,
		},
	},
}
