package policy

import (
	"fmt"
	"slices"
	"strings"

	"github.com/snatlint/snatlint/analyzers/catalog"
)

// Directive is a parsed suppression comment of either language. The
// syntax is each pass's (Go: //snatlint:ignore, //nolint; Python: #
// snatlint: ignore[...], # noqa); what a directive means is decided here.
//
// A comment is a snatlint directive only when it is in snatlint's own
// syntax or names snatlint or a SNAT rule ID; directives that name only
// other linters' codes (# noqa: E501, //nolint:errcheck, # noqa: round
// up) are theirs and ignored without a word. Bare //nolint and # noqa
// silence every linter, snatlint included.
type Directive struct {
	Form   string   // as written: "//snatlint:ignore", "//nolint", "# noqa", "# snatlint: ignore"
	Own    bool     // snatlint's own syntax: a reason is required
	All    bool     // silences every snatlint rule
	Rules  []string // the rule IDs it silences
	Reason string
}

// Matches reports whether d silences findings of rule.
func (d Directive) Matches(rule string) bool {
	return d.All || slices.Contains(d.Rules, rule)
}

// Codes splits a directive's list of codes on commas and blanks.
func Codes(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' })
}

// RuleList reads the codes of a directive: "snatlint" sets all, a code
// starting with SNAT (in any case) must be a known rule and is listed,
// and other linters' codes are skipped. ours is false when no code names
// snatlint: the directive belongs to other linters.
func RuleList(codes []string) (rules []string, all, ours bool, err error) {
	var errs []string
	for _, c := range codes {
		switch {
		case strings.EqualFold(c, "snatlint"):
			all, ours = true, true
		case len(c) >= 4 && strings.EqualFold(c[:4], "SNAT"):
			ours = true
			id := strings.ToUpper(c)
			if _, known := catalog.Lookup(id); !known {
				errs = append(errs, fmt.Sprintf("unknown rule %q (known rules: %s)", c, catalog.IDs()))
				continue
			}
			rules = append(rules, id)
		}
	}
	if len(errs) > 0 {
		return nil, false, true, fmt.Errorf("%s", strings.Join(errs, "; "))
	}
	return rules, all, ours, nil
}

// Check applies the reason policy, the same in both languages: a
// directive in snatlint's own syntax needs rule IDs and a reason (a
// stale reason-less suppression hides future findings); //nolint and #
// noqa follow their linters' conventions and take an optional reason.
func (d Directive) Check() error {
	if !d.Own {
		return nil
	}
	if len(d.Rules) == 0 && !d.All {
		return fmt.Errorf("%s needs a rule ID and a reason", d.Form)
	}
	if strings.TrimSpace(d.Reason) == "" {
		return fmt.Errorf("%s %s needs a reason after the rule ID", d.Form, strings.Join(d.Rules, ","))
	}
	return nil
}

// Set holds the directives of a pass, where they apply, and which
// silenced a finding; At is where a directive is (for reporting it).
type Set[At any] struct {
	all    []*entry[At]
	byLine map[lineKey][]*entry[At]
}

type entry[At any] struct {
	d    Directive
	file string
	at   At
	used bool
}

type lineKey struct {
	file string
	line int
}

// Add records d, found at at, silencing findings that start on the given
// lines of file.
func (s *Set[At]) Add(d Directive, at At, file string, lines ...int) {
	if s.byLine == nil {
		s.byLine = map[lineKey][]*entry[At]{}
	}
	e := &entry[At]{d: d, file: file, at: at}
	s.all = append(s.all, e)
	for _, l := range lines {
		k := lineKey{file, l}
		s.byLine[k] = append(s.byLine[k], e)
	}
}

// Suppressed reports whether a finding of rule starting on line of file
// is silenced, and marks the directive used.
func (s *Set[At]) Suppressed(file string, line int, rule string) bool {
	for _, e := range s.byLine[lineKey{file, line}] {
		if e.d.Matches(rule) {
			e.used = true
			return true
		}
	}
	return false
}

// Unused is a directive that silenced nothing.
type Unused[At any] struct {
	File    string
	At      At
	Message string
}

// Unused lists the directives naming only rules of mine (the rules the
// caller reports, and that are enabled) that silenced nothing: stale
// directives hide future findings. Directives that silence every rule
// are not checked: other linters may use them.
func (s *Set[At]) Unused(mine []string) []Unused[At] {
	var out []Unused[At]
	for _, e := range s.all {
		if e.used || e.d.All || len(e.d.Rules) == 0 {
			continue
		}
		ours := true
		for _, id := range e.d.Rules {
			ours = ours && slices.Contains(mine, id)
		}
		if ours {
			out = append(out, Unused[At]{File: e.file, At: e.at,
				Message: fmt.Sprintf("this %s directive matched no %s finding; remove it", e.d.Form, strings.Join(e.d.Rules, "/"))})
		}
	}
	return out
}
