// Package thin is the shared body of the reporting analyzers
// (httpclient, azureclient): construct sites × hotpath contexts, filtered
// by rule, phrased and reported through diag.
package thin

import (
	"fmt"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/snatlint/snatlint/analyzers/catalog"
	"github.com/snatlint/snatlint/analyzers/config"
	"github.com/snatlint/snatlint/analyzers/construct"
	"github.com/snatlint/snatlint/analyzers/hotpath"
	"github.com/snatlint/snatlint/analyzers/internal/diag"
	"github.com/snatlint/snatlint/analyzers/internal/docutil"
	"github.com/snatlint/snatlint/analyzers/internal/typesx"
	"github.com/snatlint/snatlint/analyzers/policy"
	"golang.org/x/tools/go/analysis"
)

// Spec says how one reporting analyzer reports; the rules it reports are
// those whose rule file names it (catalog.RulesOf).
type Spec struct {
	ReportDirectives bool // report malformed directives (one analyzer only)
	// NewFixer, if set, returns the function giving a site's suggested
	// fixes for one pass (it may keep per-pass state, such as the names
	// it has used).
	NewFixer func(pass *analysis.Pass) func(s construct.Site) []analysis.SuggestedFix
}

// NewAnalyzer returns the reporting analyzer name, documented by the
// "# Analyzer name" section of doc, that reports the rules whose rule
// file names it, using hp (hotpath.New) and cs (construct.New built on
// the same hp). Its URL is the page of its first rule.
func NewAnalyzer(name string, doc []byte, hp, cs *analysis.Analyzer, spec Spec) *analysis.Analyzer {
	rules := catalog.RulesOf(name)
	if len(rules) == 0 {
		panic("thin: no rule file names analyzer " + name)
	}
	return &analysis.Analyzer{
		Name:     name,
		Doc:      docutil.MustExtract(doc, name),
		URL:      catalog.MustLookup(rules[0]).HelpURI(),
		Requires: []*analysis.Analyzer{hp, cs},
		Run: func(pass *analysis.Pass) (any, error) {
			Run(pass, pass.ResultOf[hp].(*hotpath.Result), pass.ResultOf[cs].(*construct.Result), rules, spec)
			return nil, nil
		},
	}
}

// Run reports the sites and settings of cs under rules that are
// findings according to hp: a site or a per-request setting in a
// per-request context, an anywhere setting wherever it is. Where a rule
// whose findings share lines with others' (catalog.Rule.OnePerLine)
// lands on a line, that line reports only its most severe finding,
// whichever analyzer reports it (policy.OnePerLine): every analyzer sees
// every rule's candidates in cs, so each keeps exactly its share.
func Run(pass *analysis.Pass, hp *hotpath.Result, cs *construct.Result, rules []string, spec Spec) {
	cfg := hp.Config()
	rep := diag.NewReporter(pass, diag.Options{ReportDirectives: spec.ReportDirectives, Skip: hp.SkipFile})
	var fix func(construct.Site) []analysis.SuggestedFix
	if spec.NewFixer != nil {
		fix = spec.NewFixer(pass)
	}
	var found []finding
	for i := range cs.Sites {
		if !slices.Contains(rules, cs.Sites[i].Rule) {
			continue // another analyzer's (onePerLine may weigh it)
		}
		if f, ok := siteFinding(pass, hp, cs.Sites[i], rules, true); ok {
			f.site = &cs.Sites[i]
			found = append(found, f)
		}
	}
	for _, st := range cs.Settings {
		if !slices.Contains(rules, st.Row.Rule) {
			continue
		}
		if f, ok := settingFinding(pass, hp, st, rules, true); ok {
			found = append(found, f)
		}
	}
	found = onePerLine(pass, hp, cs, rules, found)
	for _, f := range found {
		if !f.mine {
			continue
		}
		if s := f.site; s != nil {
			if s.Fact != nil {
				f.Related = Related(pass, *s)
			}
			if fix != nil && f.ctx.Kind == hotpath.Handler && !rep.Suppressed(s.Rule, s.Cursor.Node().Pos()) {
				f.Fixes = fix(*s)
			}
		}
		rep.Report(f.Finding)
	}
	// A call the module-wide step may report (through an interface or
	// a function value, standalone mode) uses the directive on its line.
	for _, pos := range cs.Module.DynamicSites() {
		for _, id := range rules {
			rep.Suppressed(id, pos)
		}
	}
	var enabled []string
	for _, id := range rules {
		if config.RuleEnabled(cfg, id) {
			enabled = append(enabled, id)
		}
	}
	rep.ReportUnused(enabled)
}

// finding is a candidate finding of any analyzer's rule; mine says it is
// one of the running analyzer's rules (only those carry a message).
type finding struct {
	diag.Finding
	mine bool
	site *construct.Site
	ctx  hotpath.Context
}

// siteFinding is the finding of site s, if it is one: its rule enabled,
// in a per-request context, and not a handler calling a handler. With
// phrase, rules of the running analyzer get their message.
func siteFinding(pass *analysis.Pass, hp *hotpath.Result, s construct.Site, rules []string, phrase bool) (finding, bool) {
	cfg := hp.Config()
	if s.Rule == "" || !config.RuleEnabled(cfg, s.Rule) {
		return finding{}, false
	}
	if s.Fact != nil && hp.IsHandler(s.Callee) {
		return finding{}, false // a handler calling a handler: reported inside the callee
	}
	ctx, ok := hp.ContextOf(s.Cursor)
	if !ok {
		return finding{}, false
	}
	f := finding{mine: slices.Contains(rules, s.Rule), ctx: ctx, Finding: diag.Finding{
		Rule:  s.Rule,
		Level: config.RuleLevel(cfg, s.Rule, s.Level),
		Range: s.Cursor.Node(),
	}}
	if f.mine && phrase {
		f.Message = Message(pass, s, ctx)
	}
	return f, true
}

// settingFinding is the finding of setting st, if it is one: its rule
// enabled, and an anywhere setting, or a per-request one in a
// per-request context.
func settingFinding(pass *analysis.Pass, hp *hotpath.Result, st construct.Setting, rules []string, phrase bool) (finding, bool) {
	cfg := hp.Config()
	row := st.Row
	if !config.RuleEnabled(cfg, row.Rule) {
		return finding{}, false
	}
	var ctx hotpath.Context
	in := false
	if row.Scope == catalog.PerRequest {
		var ok bool
		if ctx, ok = hp.ContextOf(st.Cursor); !ok {
			return finding{}, false
		}
		in = true
	}
	rule := catalog.MustLookup(row.Rule)
	f := finding{mine: slices.Contains(rules, row.Rule), ctx: ctx, Finding: diag.Finding{
		Rule:  row.Rule,
		Level: config.RuleLevel(cfg, row.Rule, rule.LevelOf(catalog.Go, row.Variant)),
		Range: st.Cursor.Node(),
	}}
	if f.mine && phrase {
		f.Message = SettingMessage(st, ctx, in)
	}
	return f, true
}

// onePerLine applies policy.OnePerLine to found, adding the candidates
// of other analyzers' rules that share a line with a rule marked
// OnePerLine, and returns the findings kept.
func onePerLine(pass *analysis.Pass, hp *hotpath.Result, cs *construct.Result, rules []string, found []finding) []finding {
	type fileLine struct {
		file string
		line int
	}
	lineOf := func(f finding) fileLine {
		p := pass.Fset.Position(f.Range.Pos())
		return fileLine{p.Filename, p.Line}
	}
	merged := map[fileLine]bool{}
	mark := func(f finding) {
		if r, ok := catalog.Lookup(f.Rule); ok && r.OnePerLine {
			merged[lineOf(f)] = true
		}
	}
	for _, f := range found {
		mark(f)
	}
	// Other analyzers' candidates of a OnePerLine rule mark lines too.
	for _, s := range cs.Sites {
		if r, ok := catalog.Lookup(s.Rule); ok && r.OnePerLine && !slices.Contains(rules, s.Rule) {
			if f, ok := siteFinding(pass, hp, s, rules, false); ok {
				mark(f)
			}
		}
	}
	for _, st := range cs.Settings {
		if r := catalog.MustLookup(st.Row.Rule); r.OnePerLine && !slices.Contains(rules, st.Row.Rule) {
			if f, ok := settingFinding(pass, hp, st, rules, false); ok {
				mark(f)
			}
		}
	}
	if len(merged) == 0 {
		return found
	}
	// The other analyzers' candidates on those lines compete.
	all := slices.Clone(found)
	for _, s := range cs.Sites {
		if slices.Contains(rules, s.Rule) {
			continue
		}
		p := pass.Fset.Position(s.Cursor.Node().Pos())
		if !merged[fileLine{p.Filename, p.Line}] {
			continue
		}
		if f, ok := siteFinding(pass, hp, s, rules, false); ok {
			all = append(all, f)
		}
	}
	for _, st := range cs.Settings {
		if slices.Contains(rules, st.Row.Rule) {
			continue
		}
		p := pass.Fset.Position(st.Cursor.Node().Pos())
		if !merged[fileLine{p.Filename, p.Line}] {
			continue
		}
		if f, ok := settingFinding(pass, hp, st, rules, false); ok {
			all = append(all, f)
		}
	}
	placed := make([]policy.Placed, len(all))
	for i, f := range all {
		p := pass.Fset.Position(f.Range.Pos())
		placed[i] = policy.Placed{File: p.Filename, Line: p.Line, Column: p.Column,
			Severity: policy.Severity{Rule: f.Rule, Level: f.Level}}
	}
	keep := policy.OnePerLine(placed)
	var out []finding
	for i, f := range all {
		if keep[i] && f.mine {
			out = append(out, f)
		}
	}
	return out
}

// Related points at the called function, naming the chain as Chain
// renders it, and at each construction site it reaches when the whole
// chain stays in the user's module. Sites are "file:line:col" strings
// from the fact; they become positions when the file is in pass.Fset
// (always in standalone mode; in vet mode from export data,
// line-accurate). A site that cannot be placed is named by its base file
// name, never by an absolute path. When the chain leaves the user's
// module, the called function is the last location shown, and its
// message names the construction sites in the dependency as
// "module@version/path:line" (design.md, "Conditional constructions
// inside dependencies"), so that a reader can judge them.
func Related(pass *analysis.Pass, s construct.Site) []analysis.RelatedInformation {
	msg := fmt.Sprintf("%s builds %s on every call", Chain(pass, s.Fact), s.Fact.What)
	if !inUserModule(pass, s.Fact) {
		if names := siteNames(s.Fact.Sites); len(names) > 0 {
			msg += " at " + strings.Join(names, ", ")
		}
		return []analysis.RelatedInformation{{Pos: s.Callee.Pos(), Message: msg}}
	}
	var sites []analysis.RelatedInformation
	var unplaced []string
	for _, site := range s.Fact.Sites {
		if pos := sitePos(pass.Fset, site); pos.IsValid() {
			sites = append(sites, analysis.RelatedInformation{Pos: pos, Message: s.Fact.What + " built here"})
		} else {
			unplaced = append(unplaced, filepath.Base(site))
		}
	}
	if len(unplaced) > 0 {
		msg += " at " + strings.Join(unplaced, ", ")
	}
	return append([]analysis.RelatedInformation{{Pos: s.Callee.Pos(), Message: msg}}, sites...)
}

// siteNames renders construction sites for a message: a dependency's
// "module@version/path:line" as it is, an absolute "file:line:col" (a
// fact from a tool that does not name modules) by its base name.
func siteNames(sites []string) []string {
	var out []string
	for _, site := range sites {
		if filepath.IsAbs(site) || strings.HasPrefix(site, "/") {
			site = filepath.Base(site)
		}
		out = append(out, site)
	}
	return out
}

// inUserModule reports whether every function of f's chain is in the
// user's module.
func inUserModule(pass *analysis.Pass, f *construct.Constructs) bool {
	mod := userModule(pass)
	for _, pkg := range f.ChainPkgs {
		if !inModule(pkg, mod) {
			return false
		}
	}
	return true
}

// sitePos turns a "file:line:col" site into a position in fset, or
// token.NoPos when the file is not there.
func sitePos(fset *token.FileSet, site string) token.Pos {
	rest, colStr, ok := cutLast(site)
	if !ok {
		return token.NoPos
	}
	file, lineStr, ok := cutLast(rest)
	if !ok {
		return token.NoPos
	}
	line, err1 := strconv.Atoi(lineStr)
	col, err2 := strconv.Atoi(colStr)
	if err1 != nil || err2 != nil || line < 1 || col < 1 {
		return token.NoPos
	}
	var pos token.Pos
	fset.Iterate(func(f *token.File) bool {
		if f.Name() != file || line > f.LineCount() {
			return true
		}
		pos = f.LineStart(line)
		end := f.Base() + f.Size()
		if line < f.LineCount() {
			end = int(f.LineStart(line + 1))
		}
		if int(pos)+col-1 < end {
			pos += token.Pos(col - 1)
		}
		return false
	})
	return pos
}

func cutLast(s string) (before, after string, ok bool) {
	i := strings.LastIndexByte(s, ':')
	if i < 0 {
		return "", "", false
	}
	return s[:i], s[i+1:], true
}

// Chain renders a fact's chain as seen from pass: names in pass's
// package lose their qualifier, and the chain stops at the first
// function outside the user's module.
func Chain(pass *analysis.Pass, f *construct.Constructs) string {
	mod := userModule(pass)
	var out []string
	for i, name := range f.Chain {
		pkg := ""
		if i < len(f.ChainPkgs) {
			pkg = f.ChainPkgs[i]
		}
		if pkg == pass.Pkg.Path() {
			name = strings.TrimPrefix(name, pass.Pkg.Name()+".")
		}
		out = append(out, name)
		if !inModule(pkg, mod) {
			break
		}
	}
	return strings.Join(out, chainArrow)
}

// chainArrow joins the names of a chain, in both languages' messages
// (catalog.ChainArrow).
const chainArrow = catalog.ChainArrow

// userModule is the path of the module holding pass's package; without
// module information (GOPATH mode), the first element of its path.
func userModule(pass *analysis.Pass) string {
	if pass.Module != nil && pass.Module.Path != "" {
		return pass.Module.Path
	}
	first, _, _ := strings.Cut(pass.Pkg.Path(), "/")
	return first
}

func inModule(pkg, mod string) bool {
	return pkg == mod || strings.HasPrefix(pkg, mod+"/")
}

// goFix is the fix of plain loops; function contexts carry their
// family's (hotpath.Context.Fix).
const goFix = "create it once at package level"

// shortChain is what a message names of a chain: the function called
// where the finding is and, through each dynamic call (an interface
// method, a function value), the implementation reached; the related
// location shows the whole chain.
func shortChain(pass *analysis.Pass, f *construct.Constructs) string {
	names := strings.Split(Chain(pass, f), chainArrow)
	n := 1
	for i := 1; i < len(names); i++ {
		if strings.HasSuffix(names[i-1], ")") { // "X.M (interface)", "f (function value)"
			n = i + 1
		}
	}
	return strings.Join(names[:n], chainArrow)
}

// Message phrases a finding: "<what was built> <where>: <why it matters
// here>; <fix>", from the rule's phrase for the site's variant
// (catalog.Rule.Phrase).
func Message(pass *analysis.Pass, s construct.Site, ctx hotpath.Context) string {
	ph := catalog.MustLookup(s.Rule).Phrase(catalog.Go, s.Variant)
	var what string
	switch {
	case s.Fact != nil:
		what = s.What + " built by " + shortChain(pass, s.Fact)
	case s.Callee != nil && (s.Row == nil || !s.Row.Copy):
		what = s.What + " built by " + typesx.FuncName(s.Callee, pass.Pkg)
	default:
		what = s.What + " created" // a literal, new, a zero value, or a copy
	}
	fix := ctx.Fix
	if fix == "" {
		fix = goFix
	}
	each := ctx.Each
	if each == "" {
		each = "each request"
	}
	vars := map[string]string{"each": each, "pool": s.Pool + "'s", "fix": fix}
	return fmt.Sprintf("%s%s in %s: %s; %s", what, ph.Qualifier, ctx.Desc, catalog.Expand(ph.Why, vars), catalog.Expand(ph.Fix, vars))
}

// SettingMessage phrases a setting's finding: "<what> <where>: <why>;
// <fix>" from the rule's phrase for the setting's variant; where is the
// per-request context (in is set), or nothing for a setting that is a
// finding anywhere.
func SettingMessage(st construct.Setting, ctx hotpath.Context, in bool) string {
	ph := catalog.MustLookup(st.Row.Rule).Phrase(catalog.Go, st.Row.Variant)
	each := ctx.Each
	if each == "" {
		each = "each request"
	}
	vars := map[string]string{"on": st.On, "setting": st.Row.SettingText(), "each": each, "fix": goFix}
	where := ""
	if in {
		where = " in " + ctx.Desc
	}
	return fmt.Sprintf("%s%s: %s; %s", catalog.Expand(ph.What, vars), where, catalog.Expand(ph.Why, vars), catalog.Expand(ph.Fix, vars))
}
