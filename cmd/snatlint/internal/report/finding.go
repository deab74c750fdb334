// Package report is the one reporter for both languages: it holds the
// language-neutral Finding, sorts findings, and writes text, JSON and SARIF.
package report

import (
	"cmp"
	"slices"

	"github.com/snatlint/snatlint/analyzers/policy"
)

// The finding types are policy's: one Finding type that both passes
// produce and the reporter consumes.
type (
	// Position is a place in a source file (policy.Position).
	Position = policy.Position
	// Related is a secondary location (policy.Related).
	Related = policy.Related
	// Edit replaces bytes of a file (policy.Edit).
	Edit = policy.Edit
	// Fix is one machine fix (policy.Fix).
	Fix = policy.Fix
	// Finding is one diagnostic, from the Go analyzers or the Python
	// pass (policy.Finding).
	Finding = policy.Finding
)

// Problem is something snatlint could not check: a package that does not
// load or type-check, a file that cannot be read, a bad directive.
type Problem struct {
	File   string // file or package path; may be empty
	Pos    Position
	Reason string
	// Fatal is true when something could not be checked (exit status 2);
	// otherwise the problem is a warning, e.g. a malformed suppression
	// directive (reported, exit status at least 1).
	Fatal bool
}

// Sort orders findings deterministically: file, line, column, rule.
func Sort(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Column, b.Pos.Column),
			cmp.Compare(a.RuleID, b.RuleID),
			cmp.Compare(a.Message, b.Message),
		)
	})
}
