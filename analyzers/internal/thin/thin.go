// Package thin is the shared body of the reporting analyzers
// (httpclient, azureclient): construct sites × hotpath contexts, filtered
// by rule, phrased and reported through diag.
package thin

import (
	"fmt"
	"go/token"
	"path/filepath"
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

// Spec says what one reporting analyzer reports.
type Spec struct {
	Rules            []string // rule IDs reported
	ReportDirectives bool     // report malformed directives (one analyzer only)
	// NewFixer, if set, returns the function giving a site's suggested
	// fixes for one pass (it may keep per-pass state, such as the names
	// it has used).
	NewFixer func(pass *analysis.Pass) func(s construct.Site) []analysis.SuggestedFix
}

// NewAnalyzer returns the reporting analyzer name, documented by the
// "# Analyzer name" section of doc, that reports spec.Rules using hp
// (hotpath.New) and cs (construct.New built on the same hp). Its URL is
// the page of its first rule.
func NewAnalyzer(name string, doc []byte, hp, cs *analysis.Analyzer, spec Spec) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     name,
		Doc:      docutil.MustExtract(doc, name),
		URL:      catalog.MustLookup(spec.Rules[0]).HelpURI(),
		Requires: []*analysis.Analyzer{hp, cs},
		Run: func(pass *analysis.Pass) (any, error) {
			Run(pass, pass.ResultOf[hp].(*hotpath.Result), pass.ResultOf[cs].(*construct.Result), spec)
			return nil, nil
		},
	}
}

// Run reports the sites of cs, filtered by spec.Rules, that run in a
// per-request context according to hp.
func Run(pass *analysis.Pass, hp *hotpath.Result, cs *construct.Result, spec Spec) {
	cfg := hp.Config()
	rep := diag.NewReporter(pass, diag.Options{ReportDirectives: spec.ReportDirectives, Skip: hp.SkipFile})
	var fix func(construct.Site) []analysis.SuggestedFix
	if spec.NewFixer != nil {
		fix = spec.NewFixer(pass)
	}
	for _, s := range cs.Sites {
		if !contains(spec.Rules, s.Rule) || !config.RuleEnabled(cfg, s.Rule) {
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
			f.Related = related(pass, s)
		}
		if fix != nil && ctx.Kind == hotpath.Handler && !rep.Suppressed(s.Rule, s.Cursor.Node().Pos()) {
			f.Fixes = fix(s)
		}
		rep.Report(f)
	}
	var enabled []string
	for _, id := range spec.Rules {
		if config.RuleEnabled(cfg, id) {
			enabled = append(enabled, id)
		}
	}
	rep.ReportUnused(enabled)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// related points at the called function, naming the chain as Chain
// renders it, and at each construction site it reaches when the whole
// chain stays in the user's module. Sites are "file:line:col" strings
// from the fact; they become positions when the file is in pass.Fset
// (always in standalone mode; in vet mode from export data,
// line-accurate). A site that cannot be placed is named by its base file
// name, never by an absolute path. When the chain leaves the user's
// module, the called function is the last location shown: the sites deep
// in a dependency are not the user's to change.
func related(pass *analysis.Pass, s construct.Site) []analysis.RelatedInformation {
	msg := fmt.Sprintf("%s builds %s on every call", Chain(pass, s.Fact), s.Fact.What)
	if !inUserModule(pass, s.Fact) {
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

// Message phrases a finding: "<what was built> <where>: <why it matters
// here>; <fix>".
func Message(pass *analysis.Pass, s construct.Site, ctx hotpath.Context) string {
	where := "in " + ctx.Desc
	each := eachRun(ctx.Kind)
	what := s.What
	if s.Fact != nil {
		if s.Rule == catalog.SNAT003 {
			what = "Azure SDK client"
		}
		what = fmt.Sprintf("%s built by %s", what, Chain(pass, s.Fact))
	} else if s.Callee != nil && (s.Rule == catalog.SNAT003 || s.What != "http.Transport") {
		what = fmt.Sprintf("%s built by %s", s.What, typesx.FuncName(s.Callee, pass.Pkg))
	} else {
		what += " created" // a literal, new, a zero value, or Clone
	}
	const reuse = "create it once (package-level var, sync.OnceValue, or a field on the server struct built in main) and reuse it"
	switch s.Rule {
	case catalog.SNAT001:
		if s.DisableKeepAlives {
			return fmt.Sprintf("%s with DisableKeepAlives %s: %s opens a new TCP+TLS connection and leaves a closed socket holding a SNAT port for about 4 minutes; %s, with keep-alives on", what, where, each, reuse)
		}
		return fmt.Sprintf("%s %s: the transport is the connection pool, so %s opens new TCP+TLS connections and leaks an idle pool; %s", what, where, each, reuse)
	case catalog.SNAT002:
		switch {
		case s.FreshTransport:
			return fmt.Sprintf("%s with a new Transport %s: %s opens new TCP+TLS connections and leaks an idle pool; %s", what, where, each, reuse)
		case s.Fact != nil && s.Level == catalog.LevelError:
			return fmt.Sprintf("%s %s: it builds a new Transport, so %s opens new TCP+TLS connections and leaks an idle pool; %s", what, where, each, reuse)
		}
		if s.SharedPool == "" && s.Fact == nil {
			return fmt.Sprintf("%s %s: %s builds a new HTTP client instead of reusing one; %s", what, where, each, reuse)
		}
		pool := s.SharedPool
		if pool == "" || pool == "http.DefaultTransport" {
			pool = "http.DefaultTransport's"
		} else {
			pool = "its Transport's"
		}
		return fmt.Sprintf("%s %s: it shares %s connection pool, but net/http says clients should be reused rather than created as needed; %s", what, where, pool, reuse)
	case catalog.SNAT003:
		why := fmt.Sprintf("%s builds a new pipeline and bearer-token policy with an empty token cache, so it pays a token request", each)
		if s.FreshTransport {
			why += " and opens new TCP+TLS connections through its own transport"
		}
		return fmt.Sprintf("%s %s: %s; %s", what, where, why, reuse)
	case catalog.SNAT004:
		name := s.What
		if s.Callee != nil && s.Fact == nil {
			name = "credential built by " + typesx.FuncName(s.Callee, pass.Pkg)
		} else if s.Fact != nil {
			name = "credential built by " + Chain(pass, s.Fact)
		}
		return fmt.Sprintf("Azure %s %s: %s throws the token cache away and fetches a new token from Entra ID or IMDS (CLI credentials spawn a process per token); %s", name, where, each, reuse)
	}
	return fmt.Sprintf("%s %s: built on every run; %s", what, where, reuse)
}

func eachRun(k hotpath.Kind) string {
	switch k {
	case hotpath.Loop:
		return "each iteration"
	case hotpath.GoroutineInLoop:
		return "each goroutine"
	}
	return "each request"
}
