package pylint

import (
	"strings"

	"github.com/snatlint/snatlint/pylint/frameworks"
)

// registrations.go: calls that register a function with a framework
// (Depends(f), app.router.add_get("/", h), path("x/", views.index),
// app.on_startup.append(f)). Phase 1 records the candidate calls and the
// arguments that name something; phase 2 matches them against the
// frameworks' Registrations and marks the functions they name.

// regName is what the frameworks' registration calls of one callee name
// need.
type regName struct {
	via []string // receiver attributes (app.on_startup.append); nil: any
	// modules: every such registration is a function of one of these
	// modules (web.get, Route): any other receiver is not one
	modules []*framework
}

// regNames maps the last name of every framework registration callee to
// what it needs, for phase 1. Immutable.
var regNames = func() map[string]*regName {
	m := map[string]*regName{}
	anyVia, notModule := map[string]bool{}, map[string]bool{}
	for _, fw := range allFrameworks {
		for _, s := range fw.Registrations {
			for _, n := range s.Names {
				rn := m[n]
				if rn == nil {
					rn = &regName{}
					m[n] = rn
				}
				if s.Via == nil {
					anyVia[n] = true
				}
				rn.via = append(rn.via, s.Via...)
				if s.Scope == frameworks.Module {
					rn.modules = append(rn.modules, fw)
				} else {
					notModule[n] = true
				}
			}
		}
	}
	for n, rn := range m {
		if anyVia[n] {
			rn.via = nil
		}
		if notModule[n] {
			rn.modules = nil
		}
	}
	return m
}()

// registration records call text(args...) when a framework registers
// functions through a callee of that name.
func (w *walker) registration(text string, args int32, st *state) {
	rn, ok := regNames[lastPart(text)]
	if !ok || rn.via != nil && !frameworks.MatchAny(rn.via, lastPart(receiver(text))) {
		return
	}
	rc := regCall{text: text}
	pos := int8(0)
	for a := range w.kids(args) {
		switch w.typ(a) {
		case "comment":
			continue
		case "keyword_argument":
			nm, v := w.field(a, fieldName), w.field(a, fieldValue)
			if nm >= 0 && v >= 0 {
				w.refArgs(&rc, -1, w.text(nm), v, st)
			}
			continue
		case "string":
			if pos == 0 {
				rc.first = strings.Trim(w.text(a), "\"'")
			}
		default:
			w.refArgs(&rc, pos, "", a, st)
		}
		if pos < 100 {
			pos++
		}
	}
	if len(rc.args) > 0 {
		w.fs.regs = append(w.fs.regs, rc)
	}
}

// refArgs records the references argument a holds: a dotted name, a
// method of an instance (handler.index after handler = Handler(), and
// self.index in a method of a module-level class: both "Handler().index"),
// the elements of a list or tuple, the class of X.as_view(...).
func (w *walker) refArgs(rc *regCall, pos int8, kw string, a int32, st *state) {
	switch w.typ(a) {
	case "identifier", "attribute":
		t := w.calleeText(a, st, false)
		if m, ok := strings.CutPrefix(t, "self."); ok && !strings.Contains(m, ".") {
			t = ""
			if cls, _ := w.fs.ownerClass(st.fn); cls >= 0 {
				if name := w.fs.classes[cls].name; w.fs.topClass.at(name) == cls {
					t = name + "()." + m
				}
			}
		}
		if t != "" {
			rc.args = append(rc.args, regArg{pos: pos, kw: kw, text: t})
		}
	case "list", "tuple":
		for e := range w.kids(a) {
			if t := w.typ(e); t == "identifier" || t == "attribute" {
				w.refArgs(rc, pos, kw, e, st)
			}
		}
	case "call":
		if fn := w.dotted(w.field(a, fieldFunction)); strings.HasSuffix(fn, ".as_view") {
			rc.args = append(rc.args, regArg{pos: pos, kw: kw, text: strings.TrimSuffix(fn, ".as_view")})
		}
	}
}

// plausible reports whether registration call rc, resolved, can match a
// framework: a name only registered by module functions (web.get, Route)
// needs a receiver from one of those modules (requests.get is no route).
func (rc *regCall) plausible() bool {
	rn := regNames[lastPart(rc.text)]
	if rn == nil || rn.modules == nil {
		return true
	}
	qrecv := receiver(rc.q)
	if qrecv == "" || !isModulePath(qrecv) {
		return false
	}
	for _, fw := range rn.modules {
		if fw.Owns(qrecv) {
			return true
		}
	}
	return false
}

// regTarget is what a registration made of a function or class.
type regTarget struct {
	fw    *framework
	site  *frameworks.Site
	label string
}

// markRegistrations resolves every recorded registration call of the
// project and marks the functions and classes it names.
func (p *project) markRegistrations() {
	for fi, fs := range p.files {
		if fs == nil {
			continue
		}
		for i := range fs.regs {
			rc := &fs.regs[i]
			fw, s := p.matchCallee(fi, rc.text, rc.q, true, rc.first, registrationSites)
			if s == nil {
				continue
			}
			rt := regTarget{fw: fw, site: s, label: siteLabel(s, rc.text)}
			for _, a := range rc.args {
				if a.pos >= 0 && int(a.pos) == s.Arg || a.pos < 0 && s.Keyword != "" && frameworks.MatchAlt(s.Keyword, a.kw) {
					p.markTarget(fi, a.q, rt)
				}
			}
		}
	}
}

// markTarget marks what q (from file fi) names.
func (p *project) markTarget(fi int, q string, rt regTarget) {
	var t target
	var ok bool
	if cq, meth, isInst := strings.Cut(q, "()."); isInst {
		// a method of an instance: handler.index, self.index
		if c, found := p.resolveClass(fi, cq); found {
			t.fn, ok = p.methodLookup(c, meth, 0)
			t.isFn = ok
		}
	} else {
		t, ok = p.resolveProject(fi, q, 0)
	}
	switch {
	case !ok:
	case t.isFn:
		if _, seen := p.regFns[t.fn]; !seen {
			p.regFns[t.fn] = rt
		}
	case t.isCls && rt.site.Class == frameworks.Init:
		if init, ok := p.methodLookup(t.cls, "__init__", 0); ok {
			if _, seen := p.regFns[init]; !seen {
				p.regFns[init] = rt
			}
		}
	case t.isCls && len(rt.fw.Classes) > 0:
		if _, seen := p.regClasses[t.cls]; !seen {
			p.regClasses[t.cls] = rt
		}
	}
}
