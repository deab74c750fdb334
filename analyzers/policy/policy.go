// Package policy holds the decisions that the Go analyzers and the Python
// pass share, written once: the severity order of findings, the table
// that says whether storing a value retains it, the suppression
// directives' core (rule lists, reasons, unused directives), which files
// are checked, and the one Finding type both passes produce and the
// reporter consumes.
//
// What is language syntax stays in each pass (how a Go or Python comment
// spells a directive, how a store is recognised in the syntax tree); what
// is policy is here.
package policy

import "github.com/snatlint/snatlint/analyzers/catalog"

// Severity is what findings are ordered by: their level, then their rule.
type Severity struct {
	Rule  string
	Level catalog.Level
}

// MoreSevere reports whether x is more severe than y: a higher level,
// then a lower rule ID. An empty rule is the least severe. A call that
// reaches several constructions is reported under the most severe one.
func MoreSevere(x, y Severity) bool {
	switch {
	case x.Rule == "":
		return false
	case y.Rule == "":
		return true
	}
	if rx, ry := x.Level.Rank(), y.Level.Rank(); rx != ry {
		return rx > ry
	}
	return x.Rule < y.Rule
}
