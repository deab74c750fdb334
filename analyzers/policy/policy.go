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

// Placed is a finding as OnePerLine sees it: where it is and how severe.
type Placed struct {
	File   string
	Line   int
	Column int
	Severity
}

// OnePerLine decides which of one run's findings are reported where
// rules overlap (design.md: "when two rules land on the same line, one
// finding: the more severe"): a line holding a finding of a rule whose
// catalog entry sets OnePerLine keeps only its most severe finding
// (MoreSevere; ties go to the first column, then to the first given).
// Lines without such a rule keep all their findings. keep[i] reports
// whether fs[i] is kept.
func OnePerLine(fs []Placed) (keep []bool) {
	keep = make([]bool, len(fs))
	type line struct {
		file string
		n    int
	}
	merged := map[line]bool{}
	for _, f := range fs {
		if r, ok := catalog.Lookup(f.Rule); ok && r.OnePerLine {
			merged[line{f.File, f.Line}] = true
		}
	}
	best := map[line]int{}
	for i, f := range fs {
		l := line{f.File, f.Line}
		if !merged[l] {
			keep[i] = true
			continue
		}
		j, seen := best[l]
		if !seen || MoreSevere(f.Severity, fs[j].Severity) ||
			!MoreSevere(fs[j].Severity, f.Severity) && f.Column < fs[j].Column {
			best[l] = i
		}
	}
	for _, i := range best {
		keep[i] = true
	}
	return keep
}
