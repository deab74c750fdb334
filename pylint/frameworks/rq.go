package frameworks

// RQ: functions enqueued by reference (queue.enqueue(f, ...),
// enqueue_call(func=f), enqueue_in/enqueue_at(when, f)) and @job functions
// run per job. A string reference ("tasks.count") is not followed.
var RQ = &Framework{
	Name:    "rq",
	Label:   "RQ job",
	Fix:     "create it once at module level",
	Modules: []string{"rq", "django_rq"},
	Decorators: []Site{
		{Scope: Module, Names: []string{"job"}},
	},
	Registrations: []Site{
		{Scope: App, Names: []string{"enqueue"}, Arg: 0, Keyword: "f"},
		{Scope: Module, Names: []string{"enqueue"}, Arg: 0, Keyword: "f"},
		{Scope: AnyApp, Names: []string{"enqueue_call"}, Arg: 0, Keyword: "func"},
		{Scope: AnyApp, Names: []string{"enqueue_in", "enqueue_at"}, Arg: 1, Keyword: "func"},
	},
}
