// Package frameworks declares, as data, how each Python framework makes
// code run per request (per message, per call, per job) and which of its
// hooks run once at start-up: its modules, the decorators and registration
// calls that name a function, its view or consumer base classes and their
// methods, functions recognised by their shape, and the label and fix text
// of its findings (design.md, "Per-request contexts").
//
// One file per framework; All lists them in precedence order. The Python
// pass (package pylint, context.go) loops over All: nothing about a
// particular framework is written there. Adding a framework is a new file
// here, a line in All, and fixtures.
package frameworks

import "strings"

// Role is what a recognised function does.
type Role uint8

const (
	// PerRequest: the function runs per request, message, call or job: a
	// construction there is a finding.
	PerRequest Role = iota
	// Startup: the function runs once when the application starts (a
	// lifespan, an on_startup hook, AppConfig.ready): what it builds is the
	// fix, so it stays silent, loops included.
	Startup
)

// Scope says where the callee of a decorator or a registration call lives.
type Scope uint8

const (
	// Module: a function or class of one of the framework's modules,
	// resolved through the file's imports (@shared_task, web.get(...),
	// Route(...), FastAPI(lifespan=...)).
	Module Scope = iota
	// App: a method of an object the framework built (app = Flask();
	// @app.route(...)). An object whose origin is not known (a parameter,
	// an app built by a factory) counts in a file that imports the
	// framework.
	App
	// AnyApp: like App, and an object of unknown origin counts in any file
	// (app.router.add_get(...) in a routes module that imports nothing
	// from aiohttp): for method names no other library uses.
	AnyApp
	// Name: by the callee's last name alone (@login_required, Depends(f)),
	// unless the name resolves into another library.
	Name
)

// ClassUse says what a class named by a registration becomes.
type ClassUse uint8

const (
	// AsView: the class is one of the framework's views (its first Class
	// rule), whatever its bases (path("x/", MyView.as_view())).
	AsView ClassUse = iota
	// Init: the class is instantiated per request, so its __init__ runs
	// per request (Depends(SomeClass)).
	Init
)

// Site is a decorator, or a call that registers a function (an argument
// naming it), that makes the function a context or a start-up hook.
type Site struct {
	Scope Scope
	// Names are the callee's last name; a leading "*" matches a suffix
	// ("*_trigger").
	Names []string
	// Called: a decorator counts only when called (@app.route("/"), not
	// @app.route).
	Called bool
	// Arg is the positional index of the function in a registration call;
	// -1 when only Keyword names it.
	Arg int
	// Keyword is the keyword argument that names the function ("a|b":
	// either).
	Keyword string
	// Via: the callee's receiver ends in one of these attributes
	// (app.on_startup.append(f): Via "on_startup").
	Via []string
	// FirstArg: the call's first argument is one of these string literals
	// (@app.on_event("startup")).
	FirstArg []string
	Role     Role
	// Label names the context in messages ("Flask route"); "{name}" is
	// replaced by the callee's last name ("Flask {name} hook").
	Label string
	// Class: what a class named by this registration becomes.
	Class ClassUse
}

// Class is a rule for classes: which bases make a class the framework's
// view, consumer, middleware or task, and which of its methods then run per
// request (or at start-up). Name patterns: "View" is exact, "*View" any
// name ending so.
type Class struct {
	// Bases match bases that resolve into the framework's modules.
	Bases []string
	// Guess match bases that resolve into no framework's modules (a
	// third-party package, a name not imported).
	Guess []string
	// GuessWeb are like Guess, only in a file that imports a Web framework
	// ("*Mixin": an SDK's FooOperationsMixin is not a view).
	GuessWeb []string
	// Bare match only names that resolve to nothing (a star import).
	Bare []string
	// From: a project class with no kind of its own counts as a Guess
	// base when its module's name ends so ("_pb2_grpc": generated gRPC
	// code in the scanned tree).
	From string
	// Defines: the class is one when it defines one of these methods;
	// "__call__(request)" also names the method's first parameter after
	// self.
	Defines []string
	// Methods run per request (or at start-up, for a Startup rule).
	Methods []string
	// Params: any method whose parameters after self are named so ("" any
	// name, "a|b" either) runs per request ((self, request, context)).
	Params []string
	// CachedProperty: cached_property members run per request (the
	// instance is per request).
	CachedProperty bool
	// Decorated: methods with one of these decorators run per request
	// (@action).
	Decorated []string
	// SelfPerRequest: an instance lives for one request or connection, so
	// what a method stores on self is not retained.
	SelfPerRequest bool
	// Priority: when a class matches several rules the highest wins
	// (middleware over the view heuristics).
	Priority int
	Role     Role
	Label    string // "Django view"; the framework's Label when empty
}

// Func recognises a function by its shape.
type Func struct {
	// Names: the function is named so; nil: any name.
	Names []string
	// TopLevel: only module-level functions.
	TopLevel bool
	// Params: its leading parameters are named so ("" any, "a|b" either).
	Params []string
	// ParamType: a parameter is annotated with a type from this module
	// ("azure.functions").
	ParamType string
	// Outer: a function nested in one whose first parameter is so named
	// (function-style middleware: the factory takes get_response).
	Outer string
	// Imported: only in a file that imports the framework.
	Imported bool
	Role     Role
	Label    string
}

// Framework is everything the Python pass knows about one framework.
type Framework struct {
	Name string // short key: "django", "aiohttp"
	// Label is the default context label ("Django view").
	Label string
	// Fix is the remedy for a construction in its contexts, without the
	// rule-specific prefix and the pre-fork note the pass adds.
	Fix string
	// Modules are the qualified-name prefixes of the framework's imports.
	Modules []string
	// Web: its view class names feed the GuessWeb heuristics.
	Web           bool
	Decorators    []Site
	Registrations []Site
	Classes       []Class
	Funcs         []Func
	// Manifests are files read for entry points (function.json,
	// template.yaml); the pass has a reader for each name.
	Manifests []string
}

// All lists every framework in precedence order: when a file imports two,
// or a class matches two rules of equal priority, the earlier wins. Generic
// is last.
func All() []*Framework {
	return []*Framework{
		Flask, Quart, FastAPI, Starlette, Aiohttp, AzureFunctions,
		Celery, Dramatiq, RQ, MCP, SemanticKernel, GRPC, Channels, Lambda,
		DRF, Django, DjangoMiddleware,
		Generic,
	}
}

// Owns reports whether qualified name q is in one of f's modules.
func (f *Framework) Owns(q string) bool {
	for _, m := range f.Modules {
		if strings.HasPrefix(q, m) && (len(q) == len(m) || q[len(m)] == '.') {
			return true
		}
	}
	return false
}

// Match reports whether name matches pattern: exact, or ending in the rest
// of the pattern when it starts with "*" ("*View" matches "View" and
// "ListView").
func Match(pattern, name string) bool {
	if s, ok := strings.CutPrefix(pattern, "*"); ok {
		return strings.HasSuffix(name, s)
	}
	return pattern == name
}

// MatchAny reports whether name matches one of patterns.
func MatchAny(patterns []string, name string) bool {
	for _, p := range patterns {
		if Match(p, name) {
			return true
		}
	}
	return false
}

// MatchAlt reports whether name is one of the alternatives in alts
// ("a|b").
func MatchAlt(alts, name string) bool {
	for alt := range strings.SplitSeq(alts, "|") {
		if alt == name {
			return true
		}
	}
	return false
}

// ParamsMatch reports whether params (names in order) match want ("" any
// name, "a|b" either); params may be longer than want.
func ParamsMatch(want, params []string) bool {
	if len(params) < len(want) {
		return false
	}
	for i, w := range want {
		if w != "" && !MatchAlt(w, params[i]) {
			return false
		}
	}
	return true
}

// viewMethods are the methods of Django, DRF and Flask class-based views
// that run per request (as_view() instantiates the class per request, so
// __init__ does too).
var viewMethods = []string{
	"get", "post", "put", "patch", "delete", "head", "options", "dispatch", "setup",
	"get_queryset", "get_object", "get_context_data", "get_serializer_context",
	"form_valid", "perform_create", "perform_update", "perform_destroy", "list",
	"retrieve", "create", "update", "partial_update", "destroy", "__init__",
	"dispatch_request",
}

// routeMethods are the route decorators of Flask-shaped apps.
var routeMethods = []string{
	"route", "get", "post", "put", "patch", "delete", "head", "options", "api_route",
	"websocket", "trace",
}

// requestHooks run before or after every request.
var requestHooks = []string{
	"before_request", "before_app_request", "after_request", "after_app_request",
}
