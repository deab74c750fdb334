// Package report is the one reporter for both languages: it holds the
// language-neutral Finding, sorts findings, and writes text, JSON and SARIF.
package report

import (
	"cmp"
	"slices"

	"github.com/snatlint/snatlint/analyzers/catalog"
)

// Position is a place in a source file. Line and Column are 1-based;
// Column counts bytes (as go/token and tree-sitter do). Offset is the
// 0-based byte offset, or -1 when unknown.
type Position struct {
	File   string // absolute path or path relative to the working directory
	Line   int
	Column int
	Offset int
}

// Related is a secondary location, e.g. the construction site reached
// through an interprocedural chain.
type Related struct {
	Pos     Position
	End     Position
	Message string
}

// Edit replaces the bytes [Start, End) of File with NewText.
type Edit struct {
	File    string
	Start   int
	End     int
	NewText string
}

// Fix is one machine fix, made of edits that are applied together.
type Fix struct {
	Message string
	Edits   []Edit
}

// Finding is one diagnostic, from the Go analyzers or the Python pass.
type Finding struct {
	RuleID  string
	Level   catalog.Level
	Lang    string // "go" or "python"
	Pos     Position
	End     Position
	Message string
	Related []Related
	Fixes   []Fix
}

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
