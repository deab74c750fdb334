package pylint

import (
	"slices"
	"strings"

	"github.com/snatlint/snatlint/pylint/frameworks"
)

// context.go is the one place that decides whether Python code runs per
// request (design.md, "Per-request contexts"). What each framework
// contributes is data in package frameworks; this file loops over it.

type framework = frameworks.Framework

// allFrameworks is the registry, in precedence order. Immutable.
var allFrameworks = frameworks.All()

// definingRules are the class rules of allFrameworks that match a class by
// the methods it defines (Class.Defines), as the kinds they give, in
// precedence order: the few computeKind tries on every class of the tree.
// Immutable.
var definingRules = func() (out []classKind) {
	for _, fw := range allFrameworks {
		for i := range fw.Classes {
			if r := &fw.Classes[i]; len(r.Defines) > 0 {
				out = append(out, classKind{fw: fw, rule: r})
			}
		}
	}
	return out
}()

// loopFix is the remedy for a construction in a loop outside any context.
const loopFix = "create it once before the loop (or at module level)"

// ctxInfo says whether a function runs per request, and names it.
type ctxInfo struct {
	perRequest bool
	startup    bool   // runs once at start-up: the fix, silent (loops too)
	cached     bool   // lru_cache / cache: the factory is a cache
	where      string // "in Django view get_vm"
	fw         *framework
}

// lastPart is what follows the last '.' or '#' of s (all of s when it
// has neither).
func lastPart(s string) string {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '.' || s[i] == '#' {
			return s[i+1:]
		}
	}
	return s
}

// cref identifies a class in the project.
type cref struct{ file, cls int }

// fref identifies a function in the project.
type fref struct{ file, fn int }

// classKind is a class's role, computed through project-local bases: the
// framework class rule it matches, if any.
type classKind struct {
	fw   *framework
	rule *frameworks.Class
	// guessed: a view recognised by a base's name alone in a file that
	// does not import its framework (HomeAssistantView in an aiohttp app):
	// labelled "view", with the fix of the framework the file imports
	guessed *framework
}

// label and fix name what was recognised (design.md, "Labels say what
// was recognised").
func (k classKind) label() (string, *framework) {
	if k.guessed != nil {
		return "view", k.guessed
	}
	if k.rule.Label != "" {
		return k.rule.Label, k.fw
	}
	return k.fw.Label, k.fw
}

// selfPerRequest: an instance lives for one request or connection.
func (k classKind) selfPerRequest() bool { return k.rule != nil && k.rule.SelfPerRequest }

// better reports whether k should replace cur: a match beats none, a
// higher priority beats a lower one, and otherwise the first found stays.
func (k classKind) better(cur classKind) bool {
	return k.rule != nil && (cur.rule == nil || k.rule.Priority > cur.rule.Priority)
}

func (p *project) kindOf(c cref) classKind {
	s, k, known := p.classKinds.begin(c.file, c.cls)
	if known {
		return k
	}
	return p.classKinds.end(s, p.computeKind(c))
}

func (p *project) computeKind(c cref) classKind {
	fs := p.files[c.file]
	cs := fs.classes[c.cls]
	var k classKind
	for _, nk := range definingRules {
		if p.defines(c, nk.rule.Defines) && nk.better(k) {
			k = nk
		}
	}
	for i, b := range cs.bases {
		q := cs.baseQ[i]
		var bk classKind
		if target, ok := p.resolveClass(c.file, q); ok {
			bk = p.kindOf(target)
			if bk.rule == nil {
				bk = p.generatedBase(target)
			}
		} else {
			bk = p.matchBase(c.file, q, lastPart(b))
		}
		if bk.better(k) {
			k = bk
		}
	}
	if k.rule == nil {
		if rt, ok := p.regClasses[c]; ok {
			k = classKind{fw: rt.fw, rule: &rt.fw.Classes[0]}
		}
	}
	return k
}

// defines reports whether class c defines one of the methods in defs
// ("name" or "name(param)", param being the first after self).
func (p *project) defines(c cref, defs []string) bool {
	fs := p.files[c.file]
	cs := fs.classes[c.cls]
	for _, d := range defs {
		name, param, hasParam := strings.Cut(d, "(")
		mi, ok := cs.methods.get(name)
		if !ok {
			continue
		}
		if !hasParam {
			return true
		}
		param = strings.TrimSuffix(param, ")")
		if f := fs.funcs[mi]; len(f.params) >= 2 && f.params[1] == param {
			return true
		}
	}
	return false
}

// matchBase matches a library base class (qualified q, written name)
// against the frameworks' class rules: a base from a framework's modules by
// its Bases, any other by the Guess heuristics.
func (p *project) matchBase(fi int, q, name string) classKind {
	var k classKind
	owned := false
	for _, fw := range allFrameworks {
		if q == "" || !fw.Owns(q) {
			continue
		}
		owned = true
		for i := range fw.Classes {
			r := &fw.Classes[i]
			if nk := (classKind{fw: fw, rule: r}); frameworks.MatchAny(r.Bases, name) && nk.better(k) {
				k = nk
			}
		}
	}
	if owned {
		return k
	}
	for _, fw := range allFrameworks {
		for i := range fw.Classes {
			r := &fw.Classes[i]
			ok := frameworks.MatchAny(r.Guess, name) ||
				q == "" && frameworks.MatchAny(r.Bare, name) ||
				len(r.GuessWeb) > 0 && frameworks.MatchAny(r.GuessWeb, name) && p.webFile(fi)
			if nk := (classKind{fw: fw, rule: r}); ok && nk.better(k) {
				k = nk
			}
		}
	}
	if k.rule != nil && k.fw.Web && !slices.Contains(p.imported(fi), k.fw) {
		k.guessed = frameworks.Generic
		if fws := p.imported(fi); len(fws) > 0 {
			k.guessed = fws[0]
		}
	}
	return k
}

// generatedBase matches a project class that has no kind of its own
// against the rules that name a generated module (a *_pb2_grpc.py in the
// scanned tree).
func (p *project) generatedBase(c cref) classKind {
	cs := p.files[c.file].classes[c.cls]
	for _, fw := range allFrameworks {
		for i := range fw.Classes {
			r := &fw.Classes[i]
			if r.From != "" && strings.HasSuffix(p.files[c.file].modKey, r.From) && frameworks.MatchAny(r.Guess, cs.name) {
				return classKind{fw: fw, rule: r}
			}
		}
	}
	return classKind{}
}

// webFile reports whether file fi imports a Web framework (whose view
// class names the GuessWeb heuristics apply to).
func (p *project) webFile(fi int) bool {
	for _, fw := range p.imported(fi) {
		if fw.Web {
			return true
		}
	}
	return false
}

// imported lists the frameworks file fi imports, in registry order.
func (p *project) imported(fi int) []*framework {
	if fws, ok := p.fileFWs[fi]; ok {
		return fws
	}
	var out []*framework
	for _, fw := range allFrameworks {
		for _, imp := range p.files[fi].imports {
			if fw.Owns(imp) {
				out = append(out, fw)
				break
			}
		}
	}
	p.fileFWs[fi] = out
	return out
}

// ownerClass is the class of the method that f is, or is nested in.
func (p *project) ownerClass(fi, fn int) (int, int) {
	return p.files[fi].ownerClass(fn)
}

func (p *project) ctxOf(r fref) ctxInfo {
	s, c, known := p.ctxs.begin(r.file, r.fn)
	if known {
		return c
	}
	return p.ctxs.end(s, p.computeCtx(r))
}

// recognised builds the ctxInfo of a recognised function.
func recognised(role frameworks.Role, fw *framework, label, name string) ctxInfo {
	if label == "" {
		label = fw.Label
	}
	where := "in " + label + " " + name
	if role == frameworks.Startup {
		return ctxInfo{startup: true, where: where, fw: fw}
	}
	return ctxInfo{perRequest: true, where: where, fw: fw}
}

func (p *project) computeCtx(r fref) ctxInfo {
	fs := p.files[r.file]
	f := fs.funcs[r.fn]
	if f.isModule {
		return ctxInfo{}
	}
	cachedProp := false
	for _, d := range f.r().decorators {
		last := lastPart(d.text)
		switch {
		case last == "lru_cache" || last == "cache" && (d.text == "cache" || d.text == "functools.cache" || strings.HasPrefix(d.q, "functools")):
			return ctxInfo{cached: true}
		case last == "cached_property":
			cachedProp = true
		}
	}
	if f.class >= 0 {
		if k := p.kindOf(cref{r.file, int(f.class)}); k.rule != nil && p.ruleCovers(k.rule, f, cachedProp) {
			label, fw := k.label()
			return recognised(k.rule.Role, fw, label, p.funcName(r))
		}
	}
	for _, d := range f.r().decorators {
		if fw, s := p.matchCallee(r.file, d.text, d.q, d.call, d.firstSt, decoratorSites); s != nil {
			return recognised(s.Role, fw, siteLabel(s, d.text), p.funcName(r))
		}
		if p.decorators[d.text] || p.decorators[d.q] {
			return recognised(frameworks.PerRequest, frameworks.Generic, "per-request function", p.funcName(r)+" (@"+d.text+")")
		}
	}
	if rt, ok := p.regFns[r]; ok {
		return recognised(rt.site.Role, rt.fw, rt.label, p.funcName(r))
	}
	if f.class >= 0 {
		return ctxInfo{}
	}
	if f.parent >= 0 {
		pf := fs.funcs[f.parent]
		for _, fw := range allFrameworks {
			for _, fn := range fw.Funcs {
				if fn.Outer != "" && len(pf.params) > 0 && pf.params[0] == fn.Outer {
					return recognised(fn.Role, fw, fn.Label, pf.name+"."+p.funcName(r))
				}
			}
		}
		if pc := p.ctxOf(fref{r.file, int(f.parent)}); pc.perRequest {
			pc.where = "in closure " + p.funcName(r) + " " + pc.where
			return pc
		}
	}
	for _, fw := range allFrameworks {
		for i := range fw.Funcs {
			if fn := &fw.Funcs[i]; fn.Outer == "" && p.funcMatches(r.file, fw, fn, f) {
				return recognised(fn.Role, fw, fn.Label, p.funcName(r))
			}
		}
	}
	return ctxInfo{}
}

// ruleCovers reports whether method f of a class matching rule runs per
// request (or at start-up).
func (p *project) ruleCovers(rule *frameworks.Class, f *funcSum, cachedProp bool) bool {
	if frameworks.MatchAny(rule.Methods, f.name) || rule.CachedProperty && cachedProp {
		return true
	}
	for _, d := range f.r().decorators {
		if frameworks.MatchAny(rule.Decorated, lastPart(d.text)) {
			return true
		}
	}
	return rule.Params != nil && len(f.params) > 0 && frameworks.ParamsMatch(rule.Params, f.params[1:])
}

// funcMatches reports whether function f (not a method) of file fi has the
// shape fn describes.
func (p *project) funcMatches(fi int, fw *framework, fn *frameworks.Func, f *funcSum) bool {
	if fn.TopLevel && f.parent >= 0 {
		return false
	}
	if fn.Names != nil && !frameworks.MatchAny(fn.Names, f.name) {
		return false
	}
	if fn.Params != nil && !frameworks.ParamsMatch(fn.Params, f.params) {
		return false
	}
	if fw == frameworks.Generic && fn.Params != nil && f.r().reqAnn != "" {
		// a request parameter typed with one of the project's own classes
		// (request: VirtualHostRequest) is that class, not an HTTP request
		if _, ok := p.resolveClass(fi, f.r().reqAnn); ok {
			return false
		}
	}
	if fn.ParamType != "" {
		found := false
		for _, a := range f.r().paramAnn {
			if a == fn.ParamType || strings.HasPrefix(a, fn.ParamType+".") {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	if fn.Imported {
		for _, ifw := range p.imported(fi) {
			if ifw == fw {
				return true
			}
		}
		return false
	}
	return true
}

// siteKind selects a framework's decorators or registrations.
type siteKind uint8

const (
	decoratorSites siteKind = iota
	registrationSites
)

func sitesOf(fw *framework, k siteKind) []frameworks.Site {
	if k == decoratorSites {
		return fw.Decorators
	}
	return fw.Registrations
}

// siteLabel is the label a site gives, "{name}" replaced by the callee's
// last name.
func siteLabel(s *frameworks.Site, text string) string {
	return strings.ReplaceAll(s.Label, "{name}", lastPart(text))
}

// matchCallee finds the framework site a decorator or call matches: text
// is the callee as written, q as resolved (may be ""), called whether a
// decorator has arguments, first its first argument when a string literal.
func (p *project) matchCallee(fi int, text, q string, called bool, first string, k siteKind) (*framework, *frameworks.Site) {
	last := lastPart(text)
	try := func(fw *framework, scopes ...frameworks.Scope) *frameworks.Site {
		sites := sitesOf(fw, k)
		for i := range sites {
			s := &sites[i]
			if !inScopes(s.Scope, scopes) || !frameworks.MatchAny(s.Names, last) ||
				s.Called && !called || s.FirstArg != nil && !frameworks.MatchAny(s.FirstArg, first) ||
				s.Via != nil && !frameworks.MatchAny(s.Via, lastPart(receiver(text))) {
				continue
			}
			return s
		}
		return nil
	}
	for _, fw := range allFrameworks {
		if s := try(fw, frameworks.Name); s != nil && p.nameOK(fi, fw, q) {
			return fw, s
		}
	}
	qrecv := receiver(q)
	if qrecv != "" && isModulePath(qrecv) {
		for _, fw := range allFrameworks {
			if fw.Owns(qrecv) {
				if s := try(fw, frameworks.Module); s != nil {
					return fw, s
				}
			}
		}
	}
	recv := receiver(text)
	if recv == "" {
		return nil, nil
	}
	origin, known := p.originFW(fi, qrecv, recv)
	if origin != nil {
		if s := try(origin, frameworks.App, frameworks.AnyApp); s != nil {
			return origin, s
		}
		return nil, nil
	}
	if !known {
		for _, fw := range p.imported(fi) {
			if s := try(fw, frameworks.App, frameworks.AnyApp); s != nil {
				return fw, s
			}
		}
	}
	for _, fw := range allFrameworks {
		if s := try(fw, frameworks.AnyApp); s != nil {
			return fw, s
		}
	}
	return nil, nil
}

func inScopes(s frameworks.Scope, scopes []frameworks.Scope) bool {
	for _, x := range scopes {
		if s == x {
			return true
		}
	}
	return false
}

// receiver is a dotted callee without its last name ("app.router" for
// "app.router.add_get"), "" when it has none; a project symbol
// ("file:/p/mod#f") has none.
func receiver(s string) string {
	i := strings.LastIndexByte(s, '.')
	if i < 0 || strings.LastIndexByte(s, '#') > i {
		return ""
	}
	return s[:i]
}

// isModulePath reports whether qualified q names a library module or
// object by its import path (not an instance, not a project module).
func isModulePath(q string) bool {
	return !strings.HasPrefix(q, "file:") && !strings.Contains(q, "()") && !strings.HasPrefix(q, "?")
}

// fwOf is the framework whose modules hold qualified name q.
func fwOf(q string) *framework {
	for _, fw := range allFrameworks {
		if fw.Owns(q) {
			return fw
		}
	}
	return nil
}

// nameOK reports whether a callee matched by name alone (q resolved, maybe
// "") may be fw's: unresolved, a project symbol, or from fw's modules, but
// not from another library (flask_login's login_required is not Django's).
func (p *project) nameOK(fi int, fw *framework, q string) bool {
	if q == "" || strings.HasPrefix(q, "file:") || fw.Owns(q) {
		return true
	}
	_, ok := p.resolveProject(fi, q, 0)
	return ok
}

// originFW is the framework that built the object a decorator or a method
// call is on: qrecv is the receiver resolved, recv as written. It follows
// module-level assignments (app = Flask(__name__)) in this file and across
// the scanned tree. known is false when the origin could not be followed
// (a parameter, an app from a factory): then the file's imports decide;
// a known origin outside every framework (atexit.register) matches only
// the frameworks' AnyApp sites.
func (p *project) originFW(fi int, qrecv, recv string) (fw *framework, known bool) {
	if i := strings.Index(qrecv, "()"); i >= 0 {
		ctor := qrecv[:i]
		if fw := fwOf(ctor); fw != nil {
			return fw, true
		}
		_, project := p.resolveProject(fi, ctor, 0)
		return nil, !project && !strings.HasPrefix(ctor, "file:")
	}
	if qrecv != "" {
		if fw := fwOf(qrecv); fw != nil {
			return fw, true
		}
	}
	fs := p.files[fi]
	root, _, _ := strings.Cut(recv, ".")
	q := fs.assigns.at(root)
	if q == "" {
		q = fs.names.at(root)
	}
	if q == "" {
		return nil, false
	}
	for range 4 {
		if i := strings.Index(q, "()"); i >= 0 {
			q = q[:i]
		}
		if fw := fwOf(q); fw != nil {
			return fw, true
		}
		next, ok := p.moduleVar(fi, q)
		if !ok {
			break
		}
		q = next
	}
	if strings.HasPrefix(q, "file:") {
		return nil, false
	}
	_, project := p.resolveProject(fi, q, 0)
	return nil, !project && !p.isProjectModule(q)
}

// moduleVar follows q (resolved from file fi) to a module-level variable
// of a project module, and returns the callee its value was built by (app
// imported from another module: "file:/p/app#app" -> "flask.Flask").
func (p *project) moduleVar(fi int, q string) (string, bool) {
	if rest, ok := strings.CutPrefix(q, "file:"); ok {
		mod, name, _ := strings.Cut(rest, "#")
		if i, ok := p.byMod["file:"+mod]; ok && name != "" && !strings.Contains(name, ".") {
			if v, ok := p.files[i].assigns.get(name); ok {
				return v, true
			}
			if v, ok := p.files[i].names.get(name); ok && !strings.HasPrefix(v, p.files[i].modKey+"#") {
				return v, true // re-exported
			}
		}
		return "", false
	}
	if i := strings.LastIndexByte(q, '.'); i > 0 {
		if cands := p.dotted[q[:i]]; len(cands) > 0 {
			f := p.files[p.closest(fi, cands)]
			if v, ok := f.assigns.get(q[i+1:]); ok {
				return v, true
			}
		}
	}
	return "", false
}

// isProjectModule reports whether dotted q names a module of the scanned
// tree, or something in one.
func (p *project) isProjectModule(q string) bool {
	for {
		if len(p.dotted[q]) > 0 {
			return true
		}
		i := strings.LastIndexByte(q, '.')
		if i < 0 {
			return false
		}
		q = q[:i]
	}
}

// paramTypeModule reports whether annotation q is from a module a
// framework recognises functions by (Func.ParamType).
func paramTypeModule(q string) bool {
	for _, fw := range allFrameworks {
		for _, fn := range fw.Funcs {
			if fn.ParamType != "" && strings.HasPrefix(q, fn.ParamType+".") {
				return true
			}
		}
	}
	return false
}

// fixText is the framework-specific remedy (loopFix for fw nil).
func fixText(fw *framework) string {
	place := loopFix
	if fw != nil {
		place = fw.Fix
	}
	return place
}
