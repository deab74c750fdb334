package frameworks

// Celery: task bodies and Task.run (a custom Task's __init__ runs once per
// worker process: not per run).
var Celery = &Framework{
	Name:    "celery",
	Label:   "Celery task",
	Fix:     "create it once at module level or on a custom Task base",
	Modules: []string{"celery"},
	Decorators: []Site{
		{Scope: Name, Names: []string{"shared_task", "periodic_task"}},
		{Scope: Module, Names: []string{"task"}},
		{Scope: AnyApp, Names: []string{"task"}},
	},
	Classes: []Class{
		{Bases: []string{"Task"}, Bare: []string{"Task"}, Methods: []string{"run", "__call__"}},
	},
}
