package frameworks

// Dramatiq: @dramatiq.actor functions (with or without arguments) and
// GenericActor.perform run per message.
var Dramatiq = &Framework{
	Name:    "dramatiq",
	Label:   "Dramatiq actor",
	Fix:     "create it once per worker process at module level",
	Modules: []string{"dramatiq"},
	Decorators: []Site{
		{Scope: Module, Names: []string{"actor"}},
	},
	Classes: []Class{
		{Bases: []string{"GenericActor"}, Bare: []string{"GenericActor"}, Methods: []string{"perform"}},
	},
}
