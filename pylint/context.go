package pylint

import (
	"strings"
)

// context.go is the one place that decides whether Python code runs per
// request (design.md, "Per-request contexts").

// framework selects the fix text.
type framework uint8

const (
	fwGeneric framework = iota
	fwDjango
	fwFlask
	fwFastAPI
	fwCelery
	fwAzFunc
	fwMiddleware
	fwLoop
)

// ctxInfo says whether a function runs per request, and names it.
type ctxInfo struct {
	perRequest bool
	where      string // "in Django view get_vm"
	fw         framework
	cached     bool // lru_cache / cache: the factory is a cache
}

var djangoViewDecorators = map[string]bool{
	"api_view": true, "require_http_methods": true, "require_GET": true, "require_POST": true,
	"require_safe": true, "login_required": true, "permission_required": true,
	"csrf_exempt": true, "cache_page": true,
}

var routeMethods = map[string]bool{
	"route": true, "get": true, "post": true, "put": true, "patch": true, "delete": true,
	"head": true, "options": true, "api_route": true, "websocket": true, "trace": true,
}

var requestHooks = map[string]bool{
	"before_request": true, "before_app_request": true, "after_request": true, "after_app_request": true,
}

var viewMethods = map[string]bool{
	"get": true, "post": true, "put": true, "patch": true, "delete": true, "head": true,
	"options": true, "dispatch": true, "setup": true, "get_queryset": true, "get_object": true,
	"get_context_data": true, "get_serializer_context": true, "form_valid": true,
	"perform_create": true, "perform_update": true, "perform_destroy": true, "list": true,
	"retrieve": true, "create": true, "update": true, "partial_update": true, "destroy": true,
	"__init__": true, "dispatch_request": true,
}

var middlewareMethods = map[string]bool{
	"__call__": true, "__acall__": true, "process_request": true, "process_view": true,
	"process_response": true, "process_exception": true, "process_template_response": true,
}

var djangoViewBases = map[string]bool{
	"View": true, "TemplateView": true, "ListView": true, "DetailView": true, "FormView": true,
	"APIView": true, "GenericAPIView": true, "ViewSet": true, "ModelViewSet": true,
	"GenericViewSet": true, "ReadOnlyModelViewSet": true, "RedirectView": true,
	"CreateView": true, "UpdateView": true, "DeleteView": true, "MethodView": true,
}

func lastPart(s string) string { return s[strings.LastIndexByte(s, '.')+1:] }

// cls identifies a class in the project.
type cref struct{ file, cls int }

// fref identifies a function in the project.
type fref struct{ file, fn int }

// classKind is a class's role, computed through project-local bases.
type classKind struct {
	view, middleware, task bool
	fw                     framework
	viewLabel              string // "Django view", "DRF view", "Flask view"
}

func (p *project) kindOf(c cref) classKind {
	if k, ok := p.classKinds[c]; ok {
		return k
	}
	p.classKinds[c] = classKind{} // cycle guard
	k := p.computeKind(c, 0)
	p.classKinds[c] = k
	return k
}

func (p *project) computeKind(c cref, depth int) classKind {
	fs := p.files[c.file]
	cs := fs.classes[c.cls]
	var k classKind
	// middleware wins over the view-base heuristic
	for name, mi := range cs.methods {
		if name == "process_request" || name == "process_view" || name == "process_response" || name == "process_exception" {
			k.middleware = true
		}
		if name == "__call__" {
			f := fs.funcs[mi]
			if len(f.params) >= 2 && f.params[1] == "request" {
				k.middleware = true
			}
		}
	}
	webFile := false
	for _, imp := range fs.imports {
		if isWebModule(imp) {
			webFile = true
			break
		}
	}
	for i, b := range cs.bases {
		q := cs.baseQ[i]
		name := lastPart(b)
		if name == "MiddlewareMixin" {
			k.middleware = true
			continue
		}
		if target, ok := p.resolveClass(c.file, q); ok && depth < 16 {
			bk := p.kindOf(target)
			if bk.middleware {
				k.middleware = true
			}
			if bk.view {
				k.view, k.fw, k.viewLabel = true, bk.fw, bk.viewLabel
			}
			if bk.task {
				k.task = true
			}
			continue
		}
		if name == "Task" && (q == "" || strings.HasPrefix(q, "celery")) {
			k.task = true
			continue
		}
		if strings.HasSuffix(name, "Mixin") && !webFile && !isWebModule(q) {
			// the Mixin heuristic only where a web framework is in play:
			// an SDK's FooOperationsMixin is not a view
			continue
		}
		if djangoViewBases[name] || strings.HasSuffix(name, "View") || strings.HasSuffix(name, "ViewSet") || strings.HasSuffix(name, "Mixin") {
			if !k.view {
				k.view = true
				switch {
				case name == "MethodView" || strings.HasPrefix(q, "flask"):
					k.fw, k.viewLabel = fwFlask, "Flask view"
				case strings.HasPrefix(q, "rest_framework") || strings.Contains(name, "API") || strings.HasSuffix(name, "ViewSet"):
					k.fw, k.viewLabel = fwDjango, "DRF view"
				default:
					k.fw, k.viewLabel = fwDjango, "Django view"
				}
			}
		}
	}
	if k.middleware {
		k.view = false
	}
	return k
}

// ownerClass is the class of the method that f is, or is nested in.
func (p *project) ownerClass(fi, fn int) (int, int) {
	fs := p.files[fi]
	for i := 0; i < 64 && fn >= 0; i++ {
		f := fs.funcs[fn]
		if f.class >= 0 {
			return f.class, fn
		}
		fn = f.parent
	}
	return -1, -1
}

func (p *project) ctxOf(r fref) ctxInfo {
	if c, ok := p.ctxs[r]; ok {
		return c
	}
	p.ctxs[r] = ctxInfo{} // cycle guard
	c := p.computeCtx(r)
	p.ctxs[r] = c
	return c
}

func (p *project) computeCtx(r fref) ctxInfo {
	fs := p.files[r.file]
	f := fs.funcs[r.fn]
	if f.isModule {
		return ctxInfo{}
	}
	name := f.name
	var cachedProp, action bool
	for _, d := range f.decorators {
		last := lastPart(d.text)
		recv := strings.TrimSuffix(d.text, "."+last)
		if recv == d.text {
			recv = ""
		}
		switch {
		case last == "lru_cache" || last == "cache" && (recv == "functools" || recv == "" || strings.HasPrefix(d.q, "functools")):
			return ctxInfo{cached: true}
		case last == "cached_property":
			cachedProp = true
		case last == "action":
			action = true
		case djangoViewDecorators[last]:
			if last == "api_view" {
				return ctxInfo{perRequest: true, where: "in DRF view " + name, fw: fwDjango}
			}
			return ctxInfo{perRequest: true, where: "in Django view " + name, fw: fwDjango}
		case last == "shared_task" || last == "periodic_task" || (last == "task" && (recv != "" || strings.HasPrefix(d.q, "celery"))):
			return ctxInfo{perRequest: true, where: "in Celery task " + name, fw: fwCelery}
		case recv != "" && last == "middleware" && d.call:
			return ctxInfo{perRequest: true, where: "in FastAPI HTTP middleware " + name, fw: fwFastAPI}
		case recv != "" && (strings.HasSuffix(last, "_trigger") || last == "function_name" || last == "schedule"):
			return ctxInfo{perRequest: true, where: "in Azure Functions trigger " + name, fw: fwAzFunc}
		case recv != "" && (routeMethods[last] && d.call || requestHooks[last]):
			fw := p.routeFramework(r.file, recv)
			label := map[framework]string{fwFlask: "Flask route ", fwFastAPI: "FastAPI route ", fwAzFunc: "Azure Functions route "}[fw]
			if label == "" {
				label = "route "
			}
			if requestHooks[last] {
				label = strings.Replace(label, "route", last+" hook", 1)
			}
			return ctxInfo{perRequest: true, where: "in " + label + name, fw: fw}
		case p.decorators[d.text] || p.decorators[d.q]:
			return ctxInfo{perRequest: true, where: "in per-request function " + name + " (@" + d.text + ")", fw: fwGeneric}
		}
	}
	if cls, _ := p.ownerClass(r.file, r.fn); cls >= 0 && f.class >= 0 {
		k := p.kindOf(cref{r.file, cls})
		cname := fs.classes[cls].name + "." + name
		switch {
		case k.middleware:
			if middlewareMethods[name] {
				return ctxInfo{perRequest: true, where: "in Django middleware " + cname, fw: fwMiddleware}
			}
			return ctxInfo{}
		case k.view:
			if viewMethods[name] || cachedProp || action {
				return ctxInfo{perRequest: true, where: "in " + k.viewLabel + " " + cname, fw: k.fw}
			}
		case k.task:
			if name == "run" || name == "__call__" {
				return ctxInfo{perRequest: true, where: "in Celery task " + cname, fw: fwCelery}
			}
			return ctxInfo{}
		}
		if name == "__init__" && p.dependsTargets[r] {
			return ctxInfo{perRequest: true, where: "in FastAPI dependency " + cname, fw: fwFastAPI}
		}
		if action {
			return ctxInfo{perRequest: true, where: "in DRF action " + cname, fw: fwDjango}
		}
		return ctxInfo{}
	}
	if f.parent >= 0 {
		pf := fs.funcs[f.parent]
		if len(pf.params) > 0 && pf.params[0] == "get_response" {
			return ctxInfo{perRequest: true, where: "in Django middleware " + pf.name + "." + name, fw: fwMiddleware}
		}
		if pc := p.ctxOf(fref{r.file, f.parent}); pc.perRequest {
			pc.where = "in closure " + name + " " + pc.where
			return pc
		}
	}
	if p.entryPoints[r] {
		return ctxInfo{perRequest: true, where: "in Azure Functions entry " + name, fw: fwAzFunc}
	}
	for _, a := range f.paramAnn {
		if strings.HasPrefix(a, "azure.functions.") {
			return ctxInfo{perRequest: true, where: "in Azure Functions entry " + name, fw: fwAzFunc}
		}
	}
	if p.dependsTargets[r] {
		return ctxInfo{perRequest: true, where: "in FastAPI dependency " + name, fw: fwFastAPI}
	}
	if len(f.params) > 0 && f.params[0] == "request" && f.class < 0 {
		return ctxInfo{perRequest: true, where: "in Django view " + name, fw: fwDjango}
	}
	return ctxInfo{}
}

// routeFramework tells Flask from FastAPI from Azure Functions by what the
// decorator's receiver was built from, else by the file's imports.
func (p *project) routeFramework(fi int, recv string) framework {
	fs := p.files[fi]
	root, _, _ := strings.Cut(recv, ".")
	q := fs.assigns[root]
	if q == "" {
		q = fs.names[root]
	}
	if fw := fwOf(q); fw != fwGeneric {
		return fw
	}
	if rest, ok := strings.CutPrefix(q, "file:"); ok {
		// app/router imported from another project module
		mod, name, _ := strings.Cut(rest, "#")
		if i, ok := p.byMod["file:"+mod]; ok && !strings.Contains(name, ".") {
			if fw := fwOf(p.files[i].assigns[name]); fw != fwGeneric {
				return fw
			}
		}
	}
	for _, imp := range fs.imports {
		if fw := fwOf(imp); fw != fwGeneric {
			return fw
		}
	}
	return fwGeneric
}

func fwOf(q string) framework {
	switch {
	case strings.HasPrefix(q, "fastapi") || strings.HasPrefix(q, "starlette"):
		return fwFastAPI
	case strings.HasPrefix(q, "flask"):
		return fwFlask
	case strings.HasPrefix(q, "azure.functions"):
		return fwAzFunc
	}
	return fwGeneric
}

// fixText is the framework-specific remedy.
func fixText(fw framework, rule string) string {
	var place string
	switch fw {
	case fwDjango:
		place = "create it once at module level or in AppConfig.ready() and reuse it"
	case fwFlask:
		place = "create it once at module level or in an app extension (init_app) and reuse it"
	case fwFastAPI:
		place = "create it once in the lifespan handler, keep it on app.state and reuse it"
	case fwCelery:
		place = "create it once at module level or as a lazy property on a custom Task base and reuse it"
	case fwAzFunc:
		place = "create it once at module level so that every invocation of the worker reuses it"
	case fwMiddleware:
		place = "create it once in the middleware's __init__ or at module level and reuse it"
	case fwLoop:
		place = "create it once before the loop (or at module level) and reuse it"
	default:
		place = "create it once at module level and reuse it"
	}
	if rule == "SNAT005" {
		place = "send it through a shared requests.Session or httpx.Client instead: " + place
	}
	return place + "; with pre-fork servers such as gunicorn --preload create it lazily after the fork, on first use"
}

// isWebModule reports qualified names from the web frameworks whose class
// names the view heuristics apply to.
func isWebModule(q string) bool {
	for _, p := range []string{"django", "rest_framework", "flask", "adrf", "ninja"} {
		if q == p || strings.HasPrefix(q, p+".") {
			return true
		}
	}
	return false
}
