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

// Run reports the sites of cs under rules that run in a per-request
// context according to hp.
func Run(pass *analysis.Pass, hp *hotpath.Result, cs *construct.Result, rules []string, spec Spec) {
	cfg := hp.Config()
	rep := diag.NewReporter(pass, diag.Options{ReportDirectives: spec.ReportDirectives, Skip: hp.SkipFile})
	var fix func(construct.Site) []analysis.SuggestedFix
	if spec.NewFixer != nil {
		fix = spec.NewFixer(pass)
	}
	for _, s := range cs.Sites {
		if !slices.Contains(rules, s.Rule) || !config.RuleEnabled(cfg, s.Rule) {
			continue
		}
		if s.Fact != nil && hp.IsHandler(s.Callee) {
			continue // a handler calling a handler: reported inside the callee
		}
		ctx, ok := hp.ContextOf(s.Cursor)
		if !ok {
			continue
		}
		f := diag.Finding{
			Rule:    s.Rule,
			Level:   config.RuleLevel(cfg, s.Rule, s.Level),
			Range:   s.Cursor.Node(),
			Message: Message(pass, s, ctx),
		}
		if s.Fact != nil {
			f.Related = Related(pass, s)
		}
		if fix != nil && ctx.Kind == hotpath.Handler && !rep.Suppressed(s.Rule, s.Cursor.Node().Pos()) {
			f.Fixes = fix(s)
		}
		rep.Report(f)
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
	return strings.Join(out, " → ")
}

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
const goFix = "create it once (package-level var, sync.OnceValue, or a field on the server struct built in main) and reuse it"

// Message phrases a finding: "<what was built> <where>: <why it matters
// here>; <fix>", from the rule's phrase for the site's variant
// (catalog.Rule.Phrase).
func Message(pass *analysis.Pass, s construct.Site, ctx hotpath.Context) string {
	ph := catalog.MustLookup(s.Rule).Phrase(catalog.Go, s.Variant)
	var what string
	switch {
	case s.Fact != nil:
		what = s.What + " built by " + Chain(pass, s.Fact)
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
