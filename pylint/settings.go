package pylint

import (
	"fmt"
	"strings"

	"github.com/snatlint/snatlint/analyzers/catalog"
	"github.com/snatlint/snatlint/analyzers/config"
	"github.com/snatlint/snatlint/analyzers/policy"
)

// settings.go: keep-alive settings (the catalog's setting rows, SNAT008).
// Phase 1 keeps, for the fields and headers the rows name (and only
// those: summaries stay small), keyword arguments set to a constant
// (force_close=True, headers={"Connection": "close"}) and stores into an
// attribute of an instance (session.headers["Connection"] = "close",
// session.headers.update(...), client.headers = {...}), with the callee
// or the instance's class resolved as far as the file allows. Phase 2
// matches them against the rows and reports them by their scope:
// anywhere, or in a per-request context.

// setSite is one candidate setting.
type setSite struct {
	// q is the qualified callee of the call given the keyword
	// ("requests.get", "requests.Session.get" for a method of an
	// instance), or for an attribute store the qualified class of the
	// instance ("requests.Session"); "file:..." names are resolved in
	// phase 2 (an instance imported from another module).
	q      string
	attr   bool   // a store into the instance's attribute field
	field  string // the keyword or attribute
	header string // the header's name, for a value that is a header mapping
	value  string // the constant, normalised as catalog.Row.MatchValue compares it
	at     pos
	inLoop bool
	inComp bool
}

// builtinKeys are the fields and headers of the built-in setting rows.
var builtinKeys = catalog.NewPyMatcher(nil).SettingKeys

// withKey names a local bound by a with statement in one function.
type withKey struct {
	fn   int
	name string
}

// bindWith records what `with X(...) as name` binds name to, so that
// settings on name resolve to X's class (async with too).
func (w *walker) bindWith(n int32, st *state) {
	v := w.field(n, fieldValue)
	if v < 0 || w.typ(v) != "as_pattern" {
		return
	}
	var expr, target int32 = -1, w.field(v, fieldAlias)
	for c := range w.kids(v) {
		if c != target {
			expr = c
			break
		}
	}
	if expr < 0 || target < 0 || w.typ(expr) != "call" {
		return
	}
	name := -1
	for c := range w.kids(target) {
		if w.typ(c) == "identifier" {
			name = int(c)
		}
	}
	if name < 0 || w.nodes[target].first != int32(name) || w.nodes[int32(name)].next >= 0 {
		return // a pattern, not one name
	}
	callee := w.dotted(w.field(expr, fieldFunction))
	if callee == "" {
		return
	}
	if w.withCls == nil {
		w.withCls = map[withKey]string{}
	}
	k := withKey{st.fn, w.text(int32(name))}
	if old, ok := w.withCls[k]; ok && old != callee {
		callee = "-" // bound to two classes: unknown
	}
	w.withCls[k] = callee
}

// recvText is the receiver x of a setting (x.headers[...] = ...,
// x.get(...)) as resolve reads it: "Class()" for a local bound to a
// call's result (also by with) or a parameter annotated with a class,
// the dotted name for module-level names and self attributes, "" when
// unknown.
func (w *walker) recvText(x int32, st *state) string {
	x = w.unparen(x)
	switch w.typ(x) {
	case "identifier":
		name := w.text(x)
		f := w.fnSum(st)
		if c := w.withCls[withKey{st.fn, name}]; c != "" && c != "-" {
			return c + "()"
		}
		if f.isModule || st.class >= 0 {
			return name
		}
		if _, isLocal := f.b.walk.locals[name]; isLocal {
			if c := f.b.walk.localCls.at(name); c != "" && c != "-" && !strings.Contains(c, "()") {
				return c + "()"
			}
			return ""
		}
		for i, p := range f.params {
			if p == name {
				if i < len(f.b.paramAnn) && f.b.paramAnn[i] != "" {
					return f.b.paramAnn[i] + "()"
				}
				return ""
			}
		}
		return name // a module-level name
	case "attribute":
		if d := w.dotted(x); strings.HasPrefix(d, "self.") && strings.Count(d, ".") == 1 {
			return d
		}
	case "call":
		if c := w.dotted(w.field(x, fieldFunction)); c != "" {
			return c + "()"
		}
	}
	return ""
}

// keywordSettings records the keyword arguments of call n (callee
// fnNode) that set a setting field to a constant or a header mapping.
func (w *walker) keywordSettings(n, fnNode, args int32, st *state) {
	var callee string
	for a := range w.kids(args) {
		if w.typ(a) != "keyword_argument" {
			continue
		}
		name := w.field(a, fieldName)
		val := w.unparen(w.field(a, fieldValue))
		if name < 0 || val < 0 || !w.keys.Fields[string(w.bytesOf(name))] {
			continue
		}
		if callee == "" {
			if callee = w.settingCallee(fnNode, st); callee == "" {
				return
			}
		}
		w.addSettings(st, setSite{q: callee, field: w.text(name), at: w.pos(a)}, val)
	}
}

// settingCallee is the callee of a call as resolve reads it: a method
// of a receiver recvText knows is "recv.method"; a method of a local of
// unknown class is "".
func (w *walker) settingCallee(fnNode int32, st *state) string {
	if fnNode < 0 {
		return ""
	}
	if w.typ(fnNode) == "attribute" {
		obj, attr := w.unparen(w.field(fnNode, fieldObject)), w.field(fnNode, fieldAttribute)
		if obj >= 0 && attr >= 0 {
			if r := w.recvText(obj, st); r != "" {
				return r + "." + w.text(attr)
			}
			if t := w.typ(obj); t == "identifier" || t == "call" {
				return ""
			}
		}
	}
	text := w.dotted(fnNode)
	root, _, _ := strings.Cut(text, ".")
	if f := w.fnSum(st); text != "" && !f.isModule && st.class < 0 {
		if _, isLocal := f.b.walk.locals[root]; isLocal || w.isParam(f, root) {
			return ""
		}
	}
	return text
}

// storeSettings records an assignment into an instance's setting
// attribute: x.headers["Connection"] = "close", x.headers = {...}.
func (w *walker) storeSettings(n, left, right int32, st *state) {
	if left < 0 || right < 0 {
		return
	}
	right = w.unparen(right)
	switch w.typ(left) {
	case "subscript":
		attr := w.field(left, fieldValue)
		key, ok := w.constString(w.field(left, fieldSubscript))
		if !ok || attr < 0 || w.typ(attr) != "attribute" || !w.keys.Headers[strings.ToLower(strings.TrimSpace(key))] {
			return
		}
		field := w.field(attr, fieldAttribute)
		if field < 0 || !w.keys.Fields[string(w.bytesOf(field))] {
			return
		}
		v, ok := w.constValue(right)
		if !ok {
			return
		}
		if recv := w.recvText(w.field(attr, fieldObject), st); recv != "" {
			w.addSite(st, setSite{q: recv, attr: true, field: w.text(field), header: key, value: v, at: w.pos(n)})
		}
	case "attribute":
		field := w.field(left, fieldAttribute)
		if field < 0 || !w.keys.Fields[string(w.bytesOf(field))] {
			return
		}
		if recv := w.recvText(w.field(left, fieldObject), st); recv != "" {
			w.addSettings(st, setSite{q: recv, attr: true, field: w.text(field), at: w.pos(n)}, right)
		}
	}
}

// updateSettings records x.headers.update({...}) and
// x.headers.update(Connection="close") on an instance.
func (w *walker) updateSettings(n, fnNode, args int32, st *state) {
	if fnNode < 0 || args < 0 || w.typ(fnNode) != "attribute" || w.typ(args) != "argument_list" {
		return
	}
	if m := w.field(fnNode, fieldAttribute); m < 0 || !w.textIs(m, "update") {
		return
	}
	attr := w.field(fnNode, fieldObject)
	if attr < 0 || w.typ(attr) != "attribute" {
		return
	}
	field := w.field(attr, fieldAttribute)
	if field < 0 || !w.keys.Fields[string(w.bytesOf(field))] {
		return
	}
	recv := w.recvText(w.field(attr, fieldObject), st)
	if recv == "" {
		return
	}
	site := setSite{q: recv, attr: true, field: w.text(field), at: w.pos(n)}
	for _, hv := range w.headerPairs(args) {
		s := site
		s.header, s.value = hv[0], hv[1]
		w.addSite(st, s)
	}
}

// addSettings records site for value v: a constant, or each header of a
// header mapping the rows name.
func (w *walker) addSettings(st *state, site setSite, v int32) {
	if c, ok := w.constValue(v); ok {
		site.value = c
		w.addSite(st, site)
		return
	}
	for _, hv := range w.headerPairs(v) {
		s := site
		s.header, s.value = hv[0], hv[1]
		w.addSite(st, s)
	}
}

func (w *walker) addSite(st *state, s setSite) {
	s.inLoop, s.inComp = st.loopStart >= 0, st.inComp
	f := w.fnSum(st)
	f.w().sets = append(f.r().sets, s)
}

// headerPairs are the (header, value) pairs of a header mapping whose
// header the rows name: a dict literal, dict(Name="v"), or the
// arguments of an update call ({...} and Name="v").
func (w *walker) headerPairs(v int32) [][2]string {
	var out [][2]string
	add := func(k, val string) {
		if w.keys.Headers[strings.ToLower(strings.TrimSpace(k))] {
			out = append(out, [2]string{k, val})
		}
	}
	v = w.unparen(v)
	switch w.typ(v) {
	case "dictionary":
		for p := range w.kids(v) {
			if w.typ(p) != "pair" {
				continue
			}
			k, ok1 := w.constString(w.field(p, fieldKey))
			val, ok2 := w.constString(w.field(p, fieldValue))
			if ok1 && ok2 {
				add(k, val)
			}
		}
	case "call":
		if fn := w.field(v, fieldFunction); fn < 0 || w.typ(fn) != "identifier" || !w.textIs(fn, "dict") {
			return nil
		}
		return w.headerPairs(w.field(v, fieldArguments))
	case "argument_list":
		for a := range w.kids(v) {
			switch w.typ(a) {
			case "keyword_argument":
				nm := w.field(a, fieldName)
				val, ok := w.constString(w.field(a, fieldValue))
				if nm >= 0 && ok {
					add(w.text(nm), val)
				}
			case "dictionary":
				out = append(out, w.headerPairs(a)...)
			}
		}
	}
	return out
}

// constValue is a literal's value as catalog.Row.MatchValue compares
// it: "true", "false", an integer as written, a string's content.
func (w *walker) constValue(n int32) (string, bool) {
	n = w.unparen(n)
	if n < 0 {
		return "", false
	}
	switch w.typ(n) {
	case "true":
		return "true", true
	case "false":
		return "false", true
	case "integer":
		return strings.ReplaceAll(w.text(n), "_", ""), true
	}
	return w.constString(n)
}

// constString is the content of a plain string literal (no f-string).
func (w *walker) constString(n int32) (string, bool) {
	n = w.unparen(n)
	if n < 0 || w.typ(n) != "string" {
		return "", false
	}
	for c := range w.kids(n) {
		if w.typ(c) == "interpolation" {
			return "", false
		}
	}
	t := w.text(n)
	if prefix := t[:len(t)-len(strings.TrimLeft(t, "rRbBuUfF"))]; strings.ContainsAny(prefix, "fF") {
		return "", false
	}
	return stringValue(t), true
}

// resolveSettings qualifies the settings of function fn once the file's
// bindings are known: a receiver "X()" is the class X; a module-level
// instance is its class (assigns); self.attr is the class the owner
// class binds attr to.
func (fs *fileSum) resolveSettings(fn int) {
	f := fs.funcs[fn]
	if f.rare == nil {
		return
	}
	out := f.rare.sets[:0]
	for _, s := range f.rare.sets {
		if q := fs.settingQ(fn, s.q); q != "" {
			s.q = q
			out = append(out, s)
		}
	}
	f.rare.sets = out
}

// settingQ qualifies a setting's callee or receiver text.
func (fs *fileSum) settingQ(fn int, text string) string {
	if i := strings.Index(text, "()"); i > 0 {
		cls := fs.qualify(text[:i])
		if cls == "" {
			return ""
		}
		return cls + text[i+2:]
	}
	root, rest, hasRest := strings.Cut(text, ".")
	if hasRest {
		rest = "." + rest
	}
	if root == "self" {
		attr, meth, _ := strings.Cut(strings.TrimPrefix(rest, "."), ".")
		if meth != "" {
			meth = "." + meth
		}
		cls, _ := fs.ownerClass(fn)
		if cls < 0 || attr == "" {
			return ""
		}
		if t := fs.classes[cls].attrs.at(attr); t != "" && t != "-" {
			return t + meth // attrs are qualified by then
		}
		return ""
	}
	if isName := fs.names.has(root); !isName {
		if t, isVar := fs.assigns.get(root); isVar {
			if t == "" {
				return ""
			}
			return t + rest // a module-level instance (assigns are qualified by then)
		}
	}
	return fs.qualify(text)
}

// settingFindings reports the settings of the project's files that the
// rows make findings.
func (p *project) settingFindings() []Finding {
	var out []Finding
	for fi, fs := range p.files {
		if fs == nil {
			continue
		}
		for fn, f := range fs.funcs {
			if len(f.r().sets) == 0 {
				continue
			}
			ctx := p.ctxOf(fref{fi, fn})
			for _, s := range f.r().sets {
				q := p.instanceQ(s.q)
				row := p.settingRow(q, s)
				if row == nil {
					continue
				}
				where := ""
				if row.Scope == catalog.PerRequest {
					switch {
					case ctx.perRequest:
						where = " " + ctx.where
					case s.inLoop && !ctx.startup:
						where = " in loop body"
						if s.inComp {
							where = " in comprehension"
						}
						if !f.isModule {
							where += " of " + f.name
						}
					default:
						continue
					}
				}
				rule := catalog.MustLookup(row.Rule)
				ph := rule.Phrase(catalog.Python, row.Variant)
				vars := map[string]string{"on": displayQ(q), "setting": row.SettingText()}
				msg := fmt.Sprintf("%s%s: %s; %s", catalog.Expand(ph.What, vars), where, catalog.Expand(ph.Why, vars), catalog.Expand(ph.Fix, vars))
				file := absClean(fs.path)
				out = append(out, Finding{
					RuleID: row.Rule, Level: ph.Level, Lang: "python",
					Pos:     policy.Position{File: file, Line: int(s.at.Line), Column: int(s.at.Col), Offset: int(s.at.StartByte)},
					End:     policy.Position{File: file, Line: int(s.at.EndLine), Column: int(s.at.EndCol), Offset: int(s.at.EndByte)},
					Message: msg,
				})
			}
		}
	}
	return out
}

// instanceQ resolves an instance imported from another module of the
// project ("file:/app/clients#session.get"): the class its module binds
// it to (session = requests.Session()).
func (p *project) instanceQ(q string) string {
	rest, ok := strings.CutPrefix(q, "file:")
	if !ok {
		return q
	}
	mod, attrs, _ := strings.Cut(rest, "#")
	name, tail, _ := strings.Cut(attrs, ".")
	if i, ok := p.byMod["file:"+mod]; ok && p.files[i] != nil {
		if t := p.files[i].assigns.at(name); t != "" && !strings.HasPrefix(t, "file:") {
			if tail != "" {
				return t + "." + tail
			}
			return t
		}
	}
	return q
}

// settingRow is the row site s sets on q, or nil.
func (p *project) settingRow(q string, s setSite) *catalog.Row {
	for _, r := range p.m.Settings(q, s.field, s.attr) {
		switch {
		case r.Header == "" && s.header == "" && r.MatchValue(s.value):
			return r
		case r.Header != "" && r.MatchHeader(s.header) && r.MatchValue(s.value):
			return r
		}
	}
	return nil
}

// displayQ names a qualified name in messages.
func displayQ(q string) string {
	if strings.HasPrefix(q, "file:") {
		return shortName(q)
	}
	return q
}

// onePerLine keeps, on lines where rules overlap, the most severe
// finding (policy.OnePerLine), as the configuration levels and enables
// them: a disabled rule's finding does not compete.
func onePerLine(fs []Finding, cfg *config.File) []Finding {
	var in []Finding
	var placed []policy.Placed
	for _, f := range fs {
		if !config.RuleEnabled(cfg, f.RuleID) {
			continue
		}
		in = append(in, f)
		placed = append(placed, policy.Placed{File: f.Pos.File, Line: f.Pos.Line, Column: f.Pos.Column,
			Severity: policy.Severity{Rule: f.RuleID, Level: config.RuleLevel(cfg, f.RuleID, f.Level)}})
	}
	keep := policy.OnePerLine(placed)
	out := in[:0:0]
	for i, f := range in {
		if keep[i] {
			out = append(out, f)
		}
	}
	return out
}
