// Package diag reports snatlint findings from the Go analyzers: it fills
// Diagnostic.Category with the rule ID and Diagnostic.URL with the rule's
// page, and honours suppression directives.
//
// # Levels
//
// analysis.Diagnostic has no level, but snatlint's level is per finding
// (SNAT002 is a warning when the client shares a pool and an error when
// its Transport is built right there). The level travels in the URL
// fragment: a diagnostic's URL is the rule's HelpURI followed by
// "#level-error", "#level-warning" or "#level-note". LevelOf reads it
// back; a URL without that fragment means the rule's default level.
//
// # Suppression
//
// A finding is dropped when the line it starts on carries one of these
// comments, or when the comment stands alone on the line above:
//
//	//nolint:snatlint
//	//nolint:snatlint // reason
//	//snatlint:ignore SNAT002 reason
//	//snatlint:ignore SNAT001,SNAT002 reason
//
// A bare //nolint (all linters) also suppresses. //snatlint:ignore needs
// known rule IDs and a reason; a malformed directive is itself reported,
// with Category "directive", by the reporter built with
// ReportDirectives. ReportUnused reports //snatlint:ignore directives
// that suppressed nothing (also Category "directive"); each analyzer
// checks the directives that name only its own rules.
package diag

import (
	"fmt"
	"go/ast"
	"go/token"
	"slices"
	"strings"

	"github.com/snatlint/snatlint/analyzers/catalog"
	"golang.org/x/tools/go/analysis"
)

// CategoryDirective is the Category of diagnostics about malformed
// suppression directives.
const CategoryDirective = "directive"

const levelFragment = "#level-"

// Directive is one parsed suppression comment.
type Directive struct {
	All    bool     // //nolint or //nolint:snatlint: every snatlint rule
	Rules  []string // //snatlint:ignore rule IDs
	Reason string
}

// Matches reports whether d suppresses findings of rule.
func (d Directive) Matches(rule string) bool {
	if d.All {
		return true
	}
	for _, r := range d.Rules {
		if r == rule {
			return true
		}
	}
	return false
}

// ParseDirective parses the text of one comment ("//..."). ok is false
// when the comment is not a directive for snatlint; err is non-nil when
// it is one but malformed.
func ParseDirective(text string) (d Directive, ok bool, err error) {
	body, found := strings.CutPrefix(text, "//")
	if !found {
		return Directive{}, false, nil
	}
	if rest, found := strings.CutPrefix(body, "nolint"); found {
		return parseNolint(rest)
	}
	rest, found := strings.CutPrefix(body, "snatlint:")
	if !found {
		return Directive{}, false, nil
	}
	rest, _, _ = strings.Cut(rest, "//") // a trailing comment is not part of it
	verb, args, _ := strings.Cut(rest, " ")
	if verb != "ignore" {
		return Directive{}, true, fmt.Errorf("unknown snatlint directive %q; use //snatlint:ignore SNAT00x reason", "snatlint:"+verb)
	}
	fields := strings.Fields(args)
	if len(fields) == 0 {
		return Directive{}, true, fmt.Errorf("//snatlint:ignore needs a rule ID and a reason, e.g. //snatlint:ignore SNAT002 client is cached by the caller")
	}
	for id := range strings.SplitSeq(fields[0], ",") {
		if _, known := catalog.Lookup(id); !known {
			return Directive{}, true, fmt.Errorf("//snatlint:ignore names unknown rule %q", id)
		}
		d.Rules = append(d.Rules, id)
	}
	d.Reason = strings.Join(fields[1:], " ")
	if d.Reason == "" {
		return Directive{}, true, fmt.Errorf("//snatlint:ignore %s needs a reason after the rule ID", fields[0])
	}
	return d, true, nil
}

// parseNolint parses what follows "//nolint".
func parseNolint(rest string) (Directive, bool, error) {
	list, reason, _ := strings.Cut(rest, "//")
	list = strings.TrimSpace(list)
	d := Directive{Reason: strings.TrimSpace(reason)}
	if list == "" {
		d.All = true // bare //nolint: every linter
		return d, true, nil
	}
	names, found := strings.CutPrefix(list, ":")
	if !found {
		return Directive{}, false, nil // e.g. //nolintfoo
	}
	for name := range strings.SplitSeq(names, ",") {
		name = strings.TrimSpace(name)
		if strings.EqualFold(name, "snatlint") {
			d.All = true
			return d, true, nil
		}
		if _, known := catalog.Lookup(name); known {
			d.Rules = append(d.Rules, name)
		}
	}
	if len(d.Rules) == 0 {
		return Directive{}, false, nil // another linter's nolint
	}
	return d, true, nil
}

// Finding is one snatlint diagnostic before suppression.
type Finding struct {
	Rule    string
	Level   catalog.Level
	Range   analysis.Range
	Message string
	Related []analysis.RelatedInformation
	Fixes   []analysis.SuggestedFix
}

// Reporter reports findings for one pass, honouring directives.
type Reporter struct {
	pass *analysis.Pass
	dirs map[lineKey][]*directive
	all  []*directive // in source order
}

// directive is a parsed directive, where it is, and whether it
// suppressed a finding.
type directive struct {
	Directive
	pos, end token.Pos
	used     bool
}

type lineKey struct {
	file string
	line int
}

// Options configure a Reporter.
type Options struct {
	// ReportDirectives makes the reporter report malformed directives;
	// exactly one analyzer per run should set it.
	ReportDirectives bool
	// Skip reports whether a file is not checked (test files); its
	// directives are not reported either.
	Skip func(*ast.File) bool
}

// NewReporter parses the directives in pass's files.
func NewReporter(pass *analysis.Pass, opts Options) *Reporter {
	r := &Reporter{pass: pass, dirs: make(map[lineKey][]*directive)}
	for _, f := range pass.Files {
		if opts.Skip != nil && opts.Skip(f) {
			continue
		}
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				if !strings.Contains(c.Text, "nolint") && !strings.Contains(c.Text, "snatlint:") {
					continue // fast path
				}
				d, ok, err := ParseDirective(c.Text)
				if !ok {
					continue
				}
				if err != nil {
					if opts.ReportDirectives {
						pass.Report(analysis.Diagnostic{
							Pos: c.Pos(), End: c.End(), Category: CategoryDirective,
							Message: "malformed suppression directive: " + err.Error(),
						})
					}
					continue
				}
				dir := &directive{Directive: d, pos: c.Pos(), end: c.End()}
				r.all = append(r.all, dir)
				p := pass.Fset.Position(c.Pos())
				k := lineKey{p.Filename, p.Line}
				r.dirs[k] = append(r.dirs[k], dir)
				if standalone(pass, p) {
					// A directive on its own line covers the next line.
					k.line++
					r.dirs[k] = append(r.dirs[k], dir)
				}
			}
		}
	}
	return r
}

// Suppressed reports whether a finding of rule at pos is suppressed.
func (r *Reporter) Suppressed(rule string, pos token.Pos) bool {
	p := r.pass.Fset.Position(pos)
	for _, d := range r.dirs[lineKey{p.Filename, p.Line}] {
		if d.Matches(rule) {
			d.used = true
			return true
		}
	}
	return false
}

// ReportUnused reports the //snatlint:ignore directives naming only
// rules in mine (the rules this analyzer reports, and that are enabled)
// that suppressed nothing: stale directives hide future findings.
// //nolint directives are not checked: other analyzers may use them.
func (r *Reporter) ReportUnused(mine []string) {
	for _, d := range r.all {
		if d.used || d.All || len(d.Rules) == 0 {
			continue
		}
		ours := true
		for _, id := range d.Rules {
			ours = ours && slices.Contains(mine, id)
		}
		if ours {
			r.pass.Report(analysis.Diagnostic{
				Pos: d.pos, End: d.end, Category: CategoryDirective,
				Message: fmt.Sprintf("this //snatlint:ignore directive matched no %s finding; remove it", strings.Join(d.Rules, "/")),
			})
		}
	}
}

// standalone reports whether only blanks precede the comment at p on
// its line.
func standalone(pass *analysis.Pass, p token.Position) bool {
	src, err := pass.ReadFile(p.Filename)
	if err != nil || p.Offset > len(src) {
		return false
	}
	start := p.Offset - (p.Column - 1)
	if start < 0 {
		return false
	}
	return strings.TrimSpace(string(src[start:p.Offset])) == ""
}

// Report reports f unless a directive suppresses it.
func (r *Reporter) Report(f Finding) {
	if r.Suppressed(f.Rule, f.Range.Pos()) {
		return
	}
	r.pass.Report(analysis.Diagnostic{
		Pos:            f.Range.Pos(),
		End:            f.Range.End(),
		Category:       f.Rule,
		Message:        f.Message,
		URL:            URL(f.Rule, f.Level),
		Related:        f.Related,
		SuggestedFixes: f.Fixes,
	})
}

// URL is the diagnostic URL for a finding of rule at level.
func URL(rule string, level catalog.Level) string {
	r, ok := catalog.Lookup(rule)
	if !ok {
		return ""
	}
	if level == "" {
		level = r.Level
	}
	return r.HelpURI() + levelFragment + string(level)
}

// LevelOf returns the level of a diagnostic reported by Report: the URL
// fragment's level, else the rule's default level, else "" (directive
// diagnostics and unknown categories).
func LevelOf(d analysis.Diagnostic) catalog.Level {
	if _, frag, ok := strings.Cut(d.URL, levelFragment); ok {
		switch l := catalog.Level(frag); l {
		case catalog.LevelError, catalog.LevelWarning, catalog.LevelNote:
			return l
		}
	}
	if r, ok := catalog.Lookup(d.Category); ok {
		return r.Level
	}
	return ""
}
