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

// regNames maps the last name of every framework registration callee to
// the receiver attributes it needs (Via; nil: any receiver). Immutable.
var regNames = func() map[string][]string {
	m := map[string][]string{}
	any := map[string]bool{}
	for _, fw := range allFrameworks {
		for _, s := range fw.Registrations {
			for _, n := range s.Names {
				if s.Via == nil {
					any[n] = true
				}
				m[n] = append(m[n], s.Via...)
			}
		}
	}
	for n := range any {
		m[n] = nil
	}
	return m
}()

// registration records call text(args...) when a framework registers
// functions through a callee of that name.
func (w *walker) registration(text string, args int32) {
	via, ok := regNames[lastPart(text)]
	if !ok || via != nil && !frameworks.MatchAny(via, lastPart(receiver(text))) {
		return
	}
	rc := regCall{text: text}
	pos := int8(0)
	for a := range w.kids(args) {
		switch w.typ(a) {
		case "comment":
			continue
		case "keyword_argument":
			nm, v := w.field(a, "name"), w.field(a, "value")
			if nm >= 0 && v >= 0 {
				w.refArgs(&rc, -1, w.text(nm), v)
			}
			continue
		case "string":
			if pos == 0 {
				rc.first = strings.Trim(w.text(a), "\"'")
			}
		default:
			w.refArgs(&rc, pos, "", a)
		}
		if pos < 100 {
			pos++
		}
	}
	if len(rc.args) > 0 {
		w.fs.regs = append(w.fs.regs, rc)
	}
}

// refArgs records the references argument a holds: a dotted name, the
// elements of a list or tuple, the class of X.as_view(...).
func (w *walker) refArgs(rc *regCall, pos int8, kw string, a int32) {
	switch w.typ(a) {
	case "identifier", "attribute":
		if t := w.dotted(a); t != "" {
			rc.args = append(rc.args, regArg{pos: pos, kw: kw, text: t})
		}
	case "list", "tuple":
		for e := range w.kids(a) {
			if t := w.typ(e); t == "identifier" || t == "attribute" {
				w.refArgs(rc, pos, kw, e)
			}
		}
	case "call":
		if fn := w.dotted(w.field(a, "function")); strings.HasSuffix(fn, ".as_view") {
			rc.args = append(rc.args, regArg{pos: pos, kw: kw, text: strings.TrimSuffix(fn, ".as_view")})
		}
	}
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
				if a.pos >= 0 && int(a.pos) == s.Arg || a.pos < 0 && a.kw != "" && a.kw == s.Keyword {
					p.markTarget(fi, a.q, rt)
				}
			}
		}
	}
}

// markTarget marks what q (from file fi) names.
func (p *project) markTarget(fi int, q string, rt regTarget) {
	t, ok := p.resolveProject(fi, q, 0)
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
