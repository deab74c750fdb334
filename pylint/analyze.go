package pylint

import (
	"cmp"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/snatlint/snatlint/analyzers/catalog"
)

// Phase 2: resolve names across the scanned tree (project modules, local
// subclasses, self.helper() calls), compute "constructs on every call"
// facts, and report.

type project struct {
	files      []*fileSum
	byMod      map[string]int   // modKey -> file
	dotted     map[string][]int // dotted module suffix -> files
	m          *catalog.PyMatcher
	decorators map[string]bool
	ctxs       map[fref]ctxInfo
	classKinds map[cref]classKind
	classRules map[cref]classRule
	facts      map[fref][]reach
	factBusy   map[fref]bool
	regFns     map[fref]regTarget // functions registered with a framework
	regClasses map[cref]regTarget // classes registered as views
	fileFWs    map[int][]*framework
}

type classRule struct {
	rule, q string
}

// reach is a construction reached from a function on every call.
type reach struct {
	rule  string
	q     string // what is built
	file  string
	at    pos
	chain []string // function names from the callee down to the construction
}

func newProject(files []*fileSum, m *catalog.PyMatcher, decorators []string) *project {
	p := &project{
		files: files, byMod: map[string]int{}, dotted: map[string][]int{}, m: m,
		decorators: map[string]bool{}, ctxs: map[fref]ctxInfo{}, classKinds: map[cref]classKind{},
		classRules: map[cref]classRule{}, facts: map[fref][]reach{}, factBusy: map[fref]bool{},
		regFns: map[fref]regTarget{}, regClasses: map[cref]regTarget{}, fileFWs: map[int][]*framework{},
	}
	for _, d := range decorators {
		p.decorators[d] = true
	}
	for i, fs := range files {
		if fs == nil {
			continue
		}
		p.byMod[fs.modKey] = i
		parts := strings.Split(strings.TrimPrefix(fs.modKey, "file:"), "/")
		for j := len(parts) - 1; j >= 0 && len(parts)-j <= 8; j-- {
			key := strings.Join(parts[j:], ".")
			p.dotted[key] = append(p.dotted[key], i)
		}
	}
	p.markManifests()
	p.markRegistrations()
	return p
}

// target is what a qualified name refers to in the project.
type target struct {
	fn    fref
	cls   cref
	isFn  bool
	isCls bool
}

// resolveProject resolves q (from file fi) to a project function or class.
func (p *project) resolveProject(fi int, q string, depth int) (target, bool) {
	if q == "" || depth > 8 {
		return target{}, false
	}
	if rest, ok := strings.CutPrefix(q, "file:"); ok {
		mod, attrs, _ := strings.Cut(rest, "#")
		parts := splitAttrs(attrs)
		if i, ok := p.byMod["file:"+mod]; ok {
			if t, ok := p.symbolIn(i, parts, depth); ok {
				return t, true
			}
		}
		if len(parts) > 0 {
			if i, ok := p.byMod["file:"+mod+"/"+parts[0]]; ok {
				return p.symbolIn(i, parts[1:], depth)
			}
		}
		return target{}, false
	}
	parts := strings.Split(q, ".")
	for j := len(parts) - 1; j >= 1; j-- {
		cands := p.dotted[strings.Join(parts[:j], ".")]
		if len(cands) == 0 {
			continue
		}
		best := p.closest(fi, cands)
		if t, ok := p.symbolIn(best, parts[j:], depth); ok {
			return t, true
		}
	}
	return target{}, false
}

func splitAttrs(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ".")
}

// closest picks the candidate module sharing the longest directory prefix
// with file fi.
func (p *project) closest(fi int, cands []int) int {
	if len(cands) == 1 {
		return cands[0]
	}
	from := p.files[fi].path
	best, bestLen := cands[0], -1
	for _, c := range cands {
		n := commonPrefix(from, p.files[c].path)
		if n > bestLen {
			best, bestLen = c, n
		}
	}
	return best
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// symbolIn resolves attrs inside module file fi.
func (p *project) symbolIn(fi int, attrs []string, depth int) (target, bool) {
	if len(attrs) == 0 {
		return target{}, false
	}
	fs := p.files[fi]
	if fn, ok := fs.topFuncs[attrs[0]]; ok && len(attrs) == 1 {
		return target{fn: fref{fi, fn}, isFn: true}, true
	}
	if ci, ok := fs.topClass[attrs[0]]; ok {
		c := cref{fi, ci}
		switch len(attrs) {
		case 1:
			return target{cls: c, isCls: true}, true
		case 2:
			if m, ok := p.methodLookup(c, attrs[1], 0); ok {
				return target{fn: m, isFn: true}, true
			}
		}
		return target{}, false
	}
	if q, ok := fs.names[attrs[0]]; ok && !strings.HasPrefix(q, fs.modKey+"#") {
		// re-export through an import in that module
		full := q
		if len(attrs) > 1 {
			sep := "."
			if strings.HasSuffix(q, "#") {
				sep = ""
			}
			full = q + sep + strings.Join(attrs[1:], ".")
		}
		return p.resolveProject(fi, full, depth+1)
	}
	return target{}, false
}

func (p *project) resolveClass(fi int, q string) (cref, bool) {
	t, ok := p.resolveProject(fi, q, 0)
	return t.cls, ok && t.isCls
}

// methodLookup finds a method on a class or its project-local bases.
func (p *project) methodLookup(c cref, name string, depth int) (fref, bool) {
	if depth > 16 {
		return fref{}, false
	}
	cs := p.files[c.file].classes[c.cls]
	if m, ok := cs.methods[name]; ok {
		return fref{c.file, m}, true
	}
	for _, bq := range cs.baseQ {
		if b, ok := p.resolveClass(c.file, bq); ok && b != c {
			if m, ok := p.methodLookup(b, name, depth+1); ok {
				return m, true
			}
		}
	}
	return fref{}, false
}

// ruleOfClass is the catalog rule a project-local class inherits from a
// library base (class PartnerSession(requests.Session)).
func (p *project) ruleOfClass(c cref, depth int) classRule {
	if r, ok := p.classRules[c]; ok {
		return r
	}
	p.classRules[c] = classRule{}
	var r classRule
	cs := p.files[c.file].classes[c.cls]
	for _, bq := range cs.baseQ {
		if rule, ok := p.m.IsPyClassRule(bq); ok {
			r = classRule{rule, bq}
			break
		}
		if b, ok := p.resolveClass(c.file, bq); ok && depth < 16 {
			if br := p.ruleOfClass(b, depth+1); br.rule != "" {
				r = br
				break
			}
		}
	}
	p.classRules[c] = r
	return r
}

// callKind is what a call site does.
type callKind struct {
	rule   string // a construction: its rule
	q      string // what is built
	callee fref   // a project function called
	isCall bool
}

func (p *project) classifyCall(fi, fn int, cs *call) callKind {
	q := cs.q
	if q == "" {
		return callKind{}
	}
	if strings.HasPrefix(q, "self#") || strings.HasPrefix(q, "cls#") {
		cls, _ := p.ownerClass(fi, fn)
		if cls < 0 {
			return callKind{}
		}
		_, name, _ := strings.Cut(q, "#")
		if m, ok := p.methodLookup(cref{fi, cls}, name, 0); ok {
			return callKind{callee: m, isCall: true}
		}
		return callKind{}
	}
	if rule, ok := p.m.Match(q); ok {
		return callKind{rule: rule, q: q}
	}
	t, ok := p.resolveProject(fi, q, 0)
	if !ok {
		return p.localFromFactory(fi, q, cs)
	}
	if t.isFn {
		return callKind{callee: t.fn, isCall: true}
	}
	if t.isCls {
		if r := p.ruleOfClass(t.cls, 0); r.rule != "" {
			return callKind{rule: r.rule, q: shortName(q) + " (a " + r.q + ")"}
		}
		if init, ok := p.methodLookup(t.cls, "__init__", 0); ok {
			return callKind{callee: init, isCall: true}
		}
	}
	return p.localFromFactory(fi, q, cs)
}

// localFromFactory matches Klass.from_x on a local subclass of an Azure
// client.
func (p *project) localFromFactory(fi int, q string, cs *call) callKind {
	i := strings.LastIndexByte(q, '.')
	if i <= 0 || !strings.HasPrefix(q[i+1:], "from_") {
		return callKind{}
	}
	if c, ok := p.resolveClass(fi, q[:i]); ok {
		if r := p.ruleOfClass(c, 0); r.rule != "" {
			if rule, ok := p.m.Match(r.q + q[i:]); ok {
				return callKind{rule: rule, q: shortName(q) + " (a " + r.q + ")"}
			}
		}
	}
	return callKind{}
}

// selfIsPerRequest reports whether f is (nested in) a method of a class
// whose instances live for one request or connection (a view, a
// consumer).
func (p *project) selfIsPerRequest(fi, fn int) bool {
	cls, _ := p.ownerClass(fi, fn)
	return cls >= 0 && p.kindOf(cref{fi, cls}).selfPerRequest()
}

// factOf returns the constructions f reaches on every call.
func (p *project) factOf(r fref, depth int) []reach {
	if rs, ok := p.facts[r]; ok {
		return rs
	}
	if p.factBusy[r] || depth > 32 {
		return nil
	}
	p.factBusy[r] = true
	defer delete(p.factBusy, r)
	fs := p.files[r.file]
	f := fs.funcs[r.fn]
	var out []reach
	if !p.ctxOf(r).cached && !f.isModule {
		for i := range f.sites {
			cs := &f.sites[i]
			if cs.shared {
				continue
			}
			switch cs.req {
			case retYes:
				continue
			case retSelf:
				if f.name != "__init__" && !p.selfIsPerRequest(r.file, r.fn) {
					continue
				}
			}
			k := p.classifyCall(r.file, r.fn, cs)
			switch {
			case k.rule != "":
				out = append(out, reach{rule: k.rule, q: k.q, file: fs.path, at: cs.at, chain: []string{f.name}})
			case k.isCall && k.callee != r:
				for _, sub := range p.factOf(k.callee, depth+1) {
					sub.chain = append([]string{f.name}, sub.chain...)
					out = append(out, sub)
				}
			}
			if len(out) > 16 {
				break
			}
		}
	}
	p.facts[r] = out
	return out
}

// moreSevere orders rules: error beats warning, ties go to the lowest ID.
func moreSevere(a, b string) bool {
	if a == "" {
		return false
	}
	if b == "" {
		return true
	}
	ra, rb := pyLevel(a).Rank(), pyLevel(b).Rank()
	if ra != rb {
		return ra > rb
	}
	return a < b
}

func pyLevel(string) catalog.Level { return catalog.PyLevel }

// findings reports every construction that runs per request.
func (p *project) findings() []Finding {
	var out []Finding
	for fi, fs := range p.files {
		if fs == nil {
			continue
		}
		for fn, f := range fs.funcs {
			r := fref{fi, fn}
			ctx := p.ctxOf(r)
			selfPerReq := p.selfIsPerRequest(fi, fn)
			startup := ctx.startup
			for i := range f.sites {
				cs := &f.sites[i]
				if cs.shared {
					continue
				}
				perReq := ctx.perRequest && (cs.req == retNo || cs.req == retSelf && selfPerReq)
				perIter := cs.inLoop && (cs.loop == retNo || cs.loop == retSelf && selfPerReq)
				if !perReq && !perIter || !perReq && startup {
					continue
				}
				where, fw := ctx.where, ctx.fw
				if !perReq {
					where, fw = "in loop body", nil
					if cs.inComp {
						where = "in comprehension"
					}
					if !f.isModule {
						where += " of " + f.name
					}
				}
				k := p.classifyCall(fi, fn, cs)
				switch {
				case k.rule != "":
					out = append(out, p.finding(fs, cs, k.rule,
						fmt.Sprintf("%s %s %s: %s; %s", catalog.PyWhat(k.rule, k.q), verb(k.rule), where, catalog.PyWhy(k.rule), fixText(fw, k.rule)), nil))
				case k.isCall:
					if p.ctxOf(k.callee).perRequest {
						continue // reported where it is: no double reports
					}
					reaches := p.factOf(k.callee, 0)
					if len(reaches) == 0 {
						continue
					}
					best := reaches[0]
					for _, rc := range reaches[1:] {
						if moreSevere(rc.rule, best.rule) {
							best = rc
						}
					}
					caller := f.name
					if f.isModule {
						caller = "<module>"
					}
					chain := append([]string{caller}, best.chain...)
					chain = append(chain, best.q)
					calleeName := p.files[k.callee.file].funcs[k.callee.fn].name
					msg := fmt.Sprintf("call to %s builds %s on every call (%s) %s: %s; %s",
						calleeName, catalog.PyWhat(best.rule, best.q), strings.Join(chain, " -> "), where,
						catalog.PyWhy(best.rule), fixText(fw, best.rule))
					var rel []Related
					for _, rc := range reaches {
						rel = append(rel, Related{File: rc.file, Line: int(rc.at.Line), Column: int(rc.at.Col),
							Message: fmt.Sprintf("%s created here (%s)", catalog.PyWhat(rc.rule, rc.q), strings.Join(rc.chain, " -> "))})
						if len(rel) == 10 {
							break
						}
					}
					out = append(out, p.finding(fs, cs, best.rule, msg, rel))
				}
			}
		}
	}
	return out
}

func (p *project) finding(fs *fileSum, cs *call, rule, msg string, rel []Related) Finding {
	return Finding{
		RuleID: rule, Level: catalog.PyLevel, File: fs.path,
		Line: int(cs.at.Line), Column: int(cs.at.Col), EndLine: int(cs.at.EndLine), EndColumn: int(cs.at.EndCol),
		StartByte: int(cs.at.StartByte), EndByte: int(cs.at.EndByte),
		Message: msg, Related: rel,
	}
}

// suppress drops findings silenced by a directive on their line, and
// duplicates.
func suppress(files []*fileSum, fs []Finding) []Finding {
	byPath := map[string]*fileSum{}
	for _, f := range files {
		if f != nil {
			byPath[f.path] = f
		}
	}
	type key struct {
		file      string
		line, col int
		rule      string
	}
	seen := map[key]bool{}
	out := fs[:0]
	for _, f := range fs {
		if s := byPath[f.File]; s != nil {
			if d, ok := s.dirs[f.Line]; ok && d.suppresses(f.RuleID) {
				continue
			}
		}
		k := key{f.File, f.Line, f.Column, f.RuleID}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, f)
	}
	slices.SortFunc(out, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Column, b.Column), cmp.Compare(a.RuleID, b.RuleID))
	})
	return out
}

// absClean is a comparable form of a path.
func absClean(path string) string {
	if a, err := filepath.Abs(path); err == nil {
		return a
	}
	return filepath.Clean(path)
}

func verb(rule string) string {
	if rule == catalog.SNAT005 {
		return "sent"
	}
	return "created"
}

// shortName is the name a qualified name ends in: "PartnerSession" for
// "file:/p/app/sessions#PartnerSession".
func shortName(q string) string {
	if i := strings.LastIndexAny(q, ".#"); i >= 0 {
		return q[i+1:]
	}
	return q
}
