package pylint

import (
	"cmp"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/snatlint/snatlint/analyzers/catalog"
	"github.com/snatlint/snatlint/analyzers/policy"
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
	ctxs       memo[ctxInfo]      // by function
	classKinds memo[classKind]    // by class
	classRules memo[classRule]    // by class
	facts      memo[[]reach]      // by function
	regFns     map[fref]regTarget // functions registered with a framework
	regClasses map[cref]regTarget // classes registered as views
	fileFWs    map[int][]*framework
}

type classRule struct {
	rule, q string
	variant catalog.Variant
}

// reach is a construction reached from a function on every call.
type reach struct {
	rule    string
	variant catalog.Variant
	q       string // what is built
	file    string
	at      pos
	chain   []string // function names from the callee down to the construction
	// returned: the function's value holds the pool (it returns the
	// client, or an object built around it), so a caller that stores
	// the value retains the pool.
	returned bool
}

func newProject(files []*fileSum, m *catalog.PyMatcher, decorators []string) *project {
	manifests := make(chan manifestEntries, 1)
	go func() { manifests <- findManifests(files) }()
	p := &project{
		files: files, byMod: make(map[string]int, len(files)), dotted: make(map[string][]int, 2*len(files)), m: m,
		decorators: map[string]bool{},
		ctxs:       newMemo[ctxInfo](files, funcCount), classKinds: newMemo[classKind](files, classCount),
		classRules: newMemo[classRule](files, classCount), facts: newMemo[[]reach](files, funcCount),
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
		// the module's dotted names: its last 1 to 8 path elements
		// joined by dots, substrings of one string (the slashes of
		// path are at the same offsets as the dots that replace them)
		path := strings.TrimPrefix(fs.modKey, "file:")
		d := strings.ReplaceAll(path, "/", ".")
		end := len(path)
		for n := 1; n <= 8; n++ {
			slash := strings.LastIndexByte(path[:end], '/')
			key := d[slash+1:]
			p.dotted[key] = append(p.dotted[key], i)
			if slash < 0 {
				break
			}
			end = slash
		}
	}
	p.markManifests(<-manifests)
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
	end := len(q) // q[:end] is parts[:j] joined
	for j := len(parts) - 1; j >= 1; j-- {
		end -= len(parts[j]) + 1
		cands := p.dotted[q[:end]]
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
	if fn, ok := fs.topFuncs.get(attrs[0]); ok && len(attrs) == 1 {
		return target{fn: fref{fi, fn}, isFn: true}, true
	}
	if ci, ok := fs.topClass.get(attrs[0]); ok {
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
	if cq, ok := fs.assigns.get(attrs[0]); ok && len(attrs) == 2 {
		// a method of a module-level instance of a project class
		if c, ok := p.resolveClass(fi, cq); ok {
			if m, ok := p.methodLookup(c, attrs[1], 0); ok {
				return target{fn: m, isFn: true}, true
			}
		}
		return target{}, false
	}
	if q, ok := fs.names.get(attrs[0]); ok && !strings.HasPrefix(q, fs.modKey+"#") {
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
	if m, ok := cs.methods.get(name); ok {
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

// attrClass is the project class that attribute attr of class c (or of
// its project-local bases) is bound to.
func (p *project) attrClass(c cref, attr string, depth int) (cref, bool) {
	if depth > 16 {
		return cref{}, false
	}
	cs := p.files[c.file].classes[c.cls]
	if q, ok := cs.attrs.get(attr); ok {
		return p.resolveClass(c.file, q)
	}
	for _, bq := range cs.baseQ {
		if b, ok := p.resolveClass(c.file, bq); ok && b != c {
			if ac, ok := p.attrClass(b, attr, depth+1); ok {
				return ac, true
			}
		}
	}
	return cref{}, false
}

// ruleOfClass is the catalog rule a project-local class inherits from a
// library base (class PartnerSession(requests.Session)).
func (p *project) ruleOfClass(c cref, depth int) classRule {
	s, r, known := p.classRules.begin(c.file, c.cls)
	if known {
		return r
	}
	return p.classRules.end(s, p.computeRuleOfClass(c, depth))
}

func (p *project) computeRuleOfClass(c cref, depth int) classRule {
	var r classRule
	cs := p.files[c.file].classes[c.cls]
	for _, bq := range cs.baseQ {
		if m, ok := p.m.Match(bq); ok && m.Class {
			r = classRule{m.Rule, bq, m.Row.Variant}
			break
		}
		if b, ok := p.resolveClass(c.file, bq); ok && depth < 16 {
			if br := p.ruleOfClass(b, depth+1); br.rule != "" {
				r = br
				break
			}
		}
	}
	return r
}

// callKind is what a call site does.
type callKind struct {
	rule    string // a construction: its rule
	variant catalog.Variant
	option  string // the row's option (a keyword that hands it a pool)
	q       string // what is built
	callee  fref   // a project function called
	isCall  bool
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
		owner := cref{fi, cls}
		if attr, meth, ok := strings.Cut(name, "."); ok {
			// self.attr.method(): the class attr is bound to
			c, found := p.attrClass(owner, attr, 0)
			if !found {
				return callKind{}
			}
			owner, name = c, meth
		}
		if m, ok := p.methodLookup(owner, name, 0); ok {
			return callKind{callee: m, isCall: true}
		}
		return callKind{}
	}
	if cq, meth, ok := strings.Cut(q, "()."); ok {
		// Manager().send(), m.send() after m = Manager()
		if c, ok := p.resolveClass(fi, cq); ok {
			if m, ok := p.methodLookup(c, meth, 0); ok {
				return callKind{callee: m, isCall: true}
			}
		}
		return callKind{}
	}
	if m, ok := p.m.Match(q); ok {
		return callKind{rule: m.Rule, variant: m.Row.Variant, option: m.Row.Option, q: q}
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
			return callKind{rule: r.rule, variant: r.variant, q: subclassName(q, r.q)}
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
			if m, ok := p.m.Match(r.q + q[i:]); ok {
				return callKind{rule: m.Rule, variant: m.Row.Variant, q: subclassName(q[:i], r.q)}
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

// keeps reports whether what call c builds outlives the request (iter
// false) or the hot loop's iteration (iter true): a cache guard around
// the call retains whatever runs under it; where the value is stored
// retains it only when the value holds the pool (holds). selfPerReq says
// that a store into self does not outlive the request.
func (c *call) keeps(iter, holds, selfPerReq bool) bool {
	g, s := c.greq, c.req
	if iter {
		g, s = c.gloop, c.loop
	}
	return g.Resolve(selfPerReq) || holds && s.Resolve(selfPerReq)
}

// shares reports whether call cs of function r is given a pool shared
// beyond the request (iter false) or the iteration (iter true): a
// retained pool, or one a cached getter hands out; a pool built right
// there by a construction is not.
func (p *project) shares(r fref, cs *call, iter bool) bool {
	if kw := cs.sharedKw(); kw != "" && p.classifyCall(r.file, r.fn, cs).option != kw {
		// given through a keyword that is another row's option
		// (pipeline= to a Redis client): not a pool this call shares
		return false
	}
	if iter && cs.is(cfSharedIter) || !iter && cs.is(cfSharedReq) {
		return true
	}
	via := cs.sharedVia()
	return via != "" && !p.builds(r.file, via)
}

// builds reports whether a call to qualified q (from file fi) builds a
// pool: a catalog construction, a class, or a project function that
// returns one it builds on every call.
func (p *project) builds(fi int, q string) bool {
	if _, ok := p.m.Match(q); ok {
		return true
	}
	if t, ok := p.resolveProject(fi, q, 0); ok {
		if t.isCls {
			return true
		}
		for _, rc := range p.factOf(t.fn, 0) {
			if rc.returned {
				return true
			}
		}
		return false
	}
	return capWord(q)
}

// holdsPool reports whether the value of a construction of rule holds
// its pool (a one-shot request's response does not).
func holdsPool(rule string) bool { return !catalog.MustLookup(rule).OneShot }

// reaches lists the constructions call cs of function r makes on every
// run: its own (one, with returned telling whether the value holds the
// pool) or those of the project function it calls. A callee that is
// itself per request is reported where it is (no double reports).
func (p *project) reaches(r fref, cs *call, depth int) []reach {
	fs := p.files[r.file]
	f := fs.funcs[r.fn]
	k := p.classifyCall(r.file, r.fn, cs)
	switch {
	case k.rule != "":
		return []reach{{rule: k.rule, variant: k.variant, q: k.q, file: fs.path, at: cs.at,
			chain: []string{f.name}, returned: holdsPool(k.rule)}}
	case k.isCall && k.callee != r:
		if depth == 0 && p.ctxOf(k.callee).perRequest {
			return nil
		}
		return p.factOf(k.callee, depth+1)
	}
	return nil
}

// factOf returns the constructions f reaches on every call.
func (p *project) factOf(r fref, depth int) []reach {
	s := p.facts.slot(r.file, r.fn)
	if s < 0 {
		return nil
	}
	switch st := p.facts.state[s]; {
	case st == memoDone:
		return p.facts.vals[s]
	case st == memoBusy || depth > 32:
		return nil
	}
	p.facts.state[s] = memoBusy
	fs := p.files[r.file]
	f := fs.funcs[r.fn]
	var out []reach
	if !p.ctxOf(r).cached && !f.isModule {
		// objects own what they store: what __init__ stores into self is
		// built on every creation of the object, and the object holds it
		isInit := f.name == "__init__"
		selfPerReq := isInit || p.selfIsPerRequest(r.file, r.fn)
		for i := range f.sites {
			cs := &f.sites[i]
			if p.shares(r, cs, false) {
				continue
			}
			own := p.classifyCall(r.file, r.fn, cs).rule != ""
			for _, sub := range p.reaches(r, cs, depth+1) {
				if cs.keeps(false, sub.returned, selfPerReq) {
					continue
				}
				sub.returned = sub.returned && (cs.is(cfRet) || isInit && cs.req == retSelf)
				if !own {
					sub.chain = append([]string{f.name}, sub.chain...)
				}
				out = append(out, sub)
			}
			if len(out) > 16 {
				break
			}
		}
	}
	p.facts.vals[s], p.facts.state[s] = out, memoDone
	return out
}

func funcCount(fs *fileSum) int  { return len(fs.funcs) }
func classCount(fs *fileSum) int { return len(fs.classes) }

// severity is the severity of a construction (policy.MoreSevere orders
// them).
func severity(rule string, v catalog.Variant) policy.Severity {
	if rule == "" {
		return policy.Severity{}
	}
	return policy.Severity{Rule: rule, Level: catalog.MustLookup(rule).LevelOf(catalog.Python, v)}
}

// message phrases a finding from the rule's Python phrase: "<what>
// <verb> <where>: <why>; <fix>", or through a call "call to F builds
// <what> on every call (chain) <where>: ...".
type phrase struct {
	what, verb, why, fix string
}

func phraseOf(rule string, v catalog.Variant, q string, fw *framework) phrase {
	r := catalog.MustLookup(rule)
	ph := r.Phrase(catalog.Python, v)
	return phrase{
		what: catalog.Expand(ph.What, map[string]string{"noun": r.Noun, "q": displayName(q)}),
		verb: ph.Verb,
		why:  ph.Why,
		fix:  catalog.Expand(ph.Fix, map[string]string{"fix": fixText(fw)}),
	}
}

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
			for i := range f.sites {
				cs := &f.sites[i]
				if !ctx.perRequest && !cs.is(cfInLoop) {
					continue
				}
				all := p.reaches(r, cs, 0)
				var perReq, perIter []reach
				for _, rc := range all {
					if ctx.perRequest && !p.shares(r, cs, false) && !cs.keeps(false, rc.returned, selfPerReq) {
						perReq = append(perReq, rc)
					}
					if cs.is(cfInLoop) && !ctx.startup && !p.shares(r, cs, true) && !cs.keeps(true, rc.returned, selfPerReq) {
						perIter = append(perIter, rc)
					}
				}
				where, fw, reaches := ctx.where, ctx.fw, perReq
				if len(perReq) == 0 {
					if len(perIter) == 0 {
						continue
					}
					reaches, fw = perIter, nil
					where = "in loop body"
					if cs.is(cfInComp) {
						where = "in comprehension"
					}
					if !f.isModule {
						where += " of " + f.name
					}
				}
				k := p.classifyCall(fi, fn, cs)
				if k.rule != "" {
					ph := phraseOf(k.rule, k.variant, k.q, fw)
					out = append(out, p.finding(fs, cs, k.rule, k.variant,
						fmt.Sprintf("%s %s %s: %s; %s", ph.what, ph.verb, where, ph.why, ph.fix), nil))
					continue
				}
				best := reaches[0]
				for _, rc := range reaches[1:] {
					if policy.MoreSevere(severity(rc.rule, rc.variant), severity(best.rule, best.variant)) {
						best = rc
					}
				}
				ph := phraseOf(best.rule, best.variant, best.q, fw)
				// the message names the function called here; the related
				// locations give each chain whole
				msg := fmt.Sprintf("%s %s by %s %s: %s; %s", ph.what, ph.verb, p.funcName(k.callee), where, ph.why, ph.fix)
				var rel []policy.Related
				for _, rc := range reaches {
					at := policy.Position{File: absClean(rc.file), Line: int(rc.at.Line), Column: int(rc.at.Col), Offset: -1}
					rph := phraseOf(rc.rule, rc.variant, rc.q, fw)
					r := policy.Related{Pos: at, End: at,
						Message: fmt.Sprintf("%s %s here (%s)", rph.what, rph.verb, strings.Join(rc.chain, catalog.ChainArrow))}
					if slices.Contains(rel, r) {
						continue // the same chain reached from two call sites of one function
					}
					rel = append(rel, r)
					if len(rel) == 10 {
						break
					}
				}
				out = append(out, p.finding(fs, cs, best.rule, best.variant, msg, rel))
			}
		}
	}
	return out
}

func (p *project) finding(fs *fileSum, cs *call, rule string, v catalog.Variant, msg string, rel []policy.Related) Finding {
	file := absClean(fs.path)
	return Finding{
		RuleID: rule, Level: severity(rule, v).Level, Lang: "python",
		Pos:     policy.Position{File: file, Line: int(cs.at.Line), Column: int(cs.at.Col), Offset: int(cs.at.StartByte)},
		End:     policy.Position{File: file, Line: int(cs.at.EndLine), Column: int(cs.at.EndCol), Offset: int(cs.at.EndByte)},
		Message: msg, Related: rel,
	}
}

// suppress drops findings silenced by a directive on their line, and
// duplicates, and reports the directives naming only rules of mine that
// silenced nothing.
func suppress(files []*fileSum, fs []Finding, mine []string) ([]Finding, []FileError) {
	var dirs policy.Set[int]
	for _, f := range files {
		if f == nil {
			continue
		}
		path := absClean(f.path)
		lines := make([]int, 0, len(f.dirs))
		for l := range f.dirs {
			lines = append(lines, l)
		}
		slices.Sort(lines)
		for _, l := range lines {
			for _, d := range f.dirs[l] {
				dirs.Add(d, l, path, l)
			}
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
		if dirs.Suppressed(f.Pos.File, f.Pos.Line, f.RuleID) {
			continue
		}
		k := key{f.Pos.File, f.Pos.Line, f.Pos.Column, f.RuleID}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, f)
	}
	slices.SortFunc(out, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(a.Pos.File, b.Pos.File), cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Column, b.Pos.Column), cmp.Compare(a.RuleID, b.RuleID))
	})
	var errs []FileError
	for _, u := range dirs.Unused(mine) {
		errs = append(errs, FileError{File: u.File, Line: u.At, Err: fmt.Errorf("line %d: %s", u.At, u.Message)})
	}
	return out, errs
}

// absClean is a comparable form of a path.
func absClean(path string) string {
	if a, err := filepath.Abs(path); err == nil {
		return a
	}
	return filepath.Clean(path)
}

// funcName names a function for messages: "Manager.send" for a method.
func (p *project) funcName(r fref) string {
	fs := p.files[r.file]
	f := fs.funcs[r.fn]
	if f.class >= 0 {
		return fs.classes[f.class].name + "." + f.name
	}
	return f.name
}

// subclassName names a project-local subclass (q) of library class base
// in messages: "PartnerSession (subclass of requests.Session)".
func subclassName(q, base string) string {
	return shortName(q) + " (subclass of " + displayName(base) + ")"
}

// maxDisplay is the longest qualified name a message shows whole.
const maxDisplay = 30

// displayName is how a message names what is built: the qualified name,
// or, when that is long, its class ("BlobServiceClient" for
// "azure.storage.blob.BlobServiceClient.from_connection_string"; the
// position shows the call) or its package and name.
func displayName(q string) string {
	if len(q) <= maxDisplay || strings.HasPrefix(q, "file:") || strings.Contains(q, " (subclass of ") {
		return q
	}
	parts := strings.Split(q, ".")
	for i, part := range parts {
		if i > 0 && capWord(part) {
			// the class, without the from_* factory called on it
			return part
		}
	}
	// a function: its package and name
	// ("sqlalchemy.create_async_engine")
	return parts[0] + "." + parts[len(parts)-1]
}

// shortName is the name a qualified name ends in: "PartnerSession" for
// "file:/p/app/sessions#PartnerSession".
func shortName(q string) string {
	if i := strings.LastIndexAny(q, ".#"); i >= 0 {
		return q[i+1:]
	}
	return q
}
