package frameworks

// Dramatiq: @dramatiq.actor functions (with or without arguments) and
// GenericActor.perform run per message.
var Dramatiq = &Framework{
	Name:    "dramatiq",
	Label:   "Dramatiq actor",
	Fix:     "create it once at module level (lazily, on first use, once per worker process) and reuse it",
	Modules: []string{"dramatiq"},
	Decorators: []Site{
		{Scope: Module, Names: []string{"actor"}},
	},
	Classes: []Class{
		{Bases: []string{"GenericActor"}, Bare: []string{"GenericActor"}, Methods: []string{"perform"}},
	},
}
