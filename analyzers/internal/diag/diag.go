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
	"strings"

	"github.com/snatlint/snatlint/analyzers/catalog"
	"github.com/snatlint/snatlint/analyzers/policy"
	"golang.org/x/tools/go/analysis"
)

// CategoryDirective is the Category of diagnostics about malformed
// suppression directives.
const CategoryDirective = "directive"

const levelFragment = "#level-"

// ParseDirective parses the text of one comment ("//..."). ok is false
// when the comment is not a directive for snatlint (not a directive, or
// another linter's //nolint:x); err is non-nil when it is one but
// malformed (policy.Directive.Check).
func ParseDirective(text string) (d policy.Directive, ok bool, err error) {
	body, found := strings.CutPrefix(text, "//")
	if !found {
		return policy.Directive{}, false, nil
	}
	if rest, found := strings.CutPrefix(body, "nolint"); found {
		return parseNolint(rest)
	}
	rest, found := strings.CutPrefix(body, "snatlint:")
	if !found {
		return policy.Directive{}, false, nil
	}
	rest, _, _ = strings.Cut(rest, "//") // a trailing comment is not part of it
	verb, args, _ := strings.Cut(rest, " ")
	if verb != "ignore" {
		return policy.Directive{}, true, fmt.Errorf("unknown snatlint directive %q; use //snatlint:ignore SNAT00x reason", "snatlint:"+verb)
	}
	d = policy.Directive{Form: "//snatlint:ignore", Own: true}
	fields := strings.Fields(args)
	if len(fields) > 0 {
		d.Rules, d.All, _, err = policy.RuleList(strings.Split(fields[0], ","))
		if err != nil {
			return policy.Directive{}, true, fmt.Errorf("//snatlint:ignore: %w", err)
		}
		d.All = false // //snatlint:ignore lists rules
		d.Reason = strings.Join(fields[1:], " ")
	}
	if err := d.Check(); err != nil {
		if len(fields) == 0 {
			err = fmt.Errorf("%w, e.g. //snatlint:ignore SNAT002 client is cached by the caller", err)
		}
		return policy.Directive{}, true, err
	}
	return d, true, nil
}

// parseNolint parses what follows "//nolint".
func parseNolint(rest string) (policy.Directive, bool, error) {
	list, reason, _ := strings.Cut(rest, "//")
	list = strings.TrimSpace(list)
	d := policy.Directive{Form: "//nolint", Reason: strings.TrimSpace(reason)}
	if list == "" {
		d.All = true // bare //nolint: every linter
		return d, true, nil
	}
	names, found := strings.CutPrefix(list, ":")
	if !found {
		return policy.Directive{}, false, nil // e.g. //nolintfoo
	}
	rules, all, ours, err := policy.RuleList(strings.Split(names, ","))
	switch {
	case !ours:
		return policy.Directive{}, false, nil // another linter's nolint
	case err != nil:
		return policy.Directive{}, true, fmt.Errorf("//nolint: %w", err)
	}
	d.Rules, d.All = rules, all
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
	dirs policy.Set[analysis.Range]
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
	r := &Reporter{pass: pass}
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
				p := pass.Fset.Position(c.Pos())
				lines := []int{p.Line}
				if standalone(pass, p) {
					lines = append(lines, p.Line+1) // a directive on its own line covers the next line
				}
				r.dirs.Add(d, c, p.Filename, lines...)
			}
		}
	}
	return r
}

// Suppressed reports whether a finding of rule at pos is suppressed.
func (r *Reporter) Suppressed(rule string, pos token.Pos) bool {
	p := r.pass.Fset.Position(pos)
	return r.dirs.Suppressed(p.Filename, p.Line, rule)
}

// ReportUnused reports the directives naming only rules in mine (the
// rules this analyzer reports, and that are enabled) that suppressed
// nothing (policy.Set.Unused).
func (r *Reporter) ReportUnused(mine []string) {
	for _, u := range r.dirs.Unused(mine) {
		r.pass.Report(analysis.Diagnostic{
			Pos: u.At.Pos(), End: u.At.End(), Category: CategoryDirective, Message: u.Message,
		})
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
