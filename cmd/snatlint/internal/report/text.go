package report

import (
	"bufio"
	"fmt"
	"io"
	"slices"

	"github.com/snatlint/snatlint/analyzers/catalog"
)

// WriteText writes findings go vet style, one per line:
//
//	file:line:col: message [SNAT00x]
//
// with each related location indented below it; a finding that is in the
// baseline (shown with -baseline-unchanged) ends in " (in baseline)".
// After the findings comes, once, a footer (catalog.Footer): the SNAT
// numbers the messages leave out and the page of each rule reported.
// Paths are relative to r.Cwd when the file lies below it.
func WriteText(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	var ids []string
	python := false
	for i, f := range r.Findings {
		suffix := ""
		if r.state(i) == StateUnchanged {
			suffix = " (in baseline)"
		}
		fmt.Fprintf(bw, "%s: %s [%s]%s\n", r.textPos(f.Pos), f.Message, f.RuleID, suffix)
		for _, rel := range f.Related {
			fmt.Fprintf(bw, "\t%s: %s\n", r.textPos(rel.Pos), rel.Message)
		}
		if !slices.Contains(ids, f.RuleID) {
			ids = append(ids, f.RuleID)
		}
		python = python || f.Lang == "python"
	}
	slices.Sort(ids)
	if footer := catalog.Footer(ids, python); footer != "" {
		fmt.Fprintf(bw, "\n%s", footer)
	}
	return bw.Flush()
}

// WriteProblems writes what could not be checked, one per line, for
// stderr.
func WriteProblems(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	for _, p := range r.Problems {
		prefix := "snatlint: "
		if !p.Fatal {
			prefix = "snatlint: warning: "
		}
		if where := r.problemPos(p); where != "" {
			fmt.Fprintf(bw, "%s%s: %s\n", prefix, where, p.Reason)
		} else {
			fmt.Fprintf(bw, "%s%s\n", prefix, p.Reason)
		}
	}
	return bw.Flush()
}

func (r *Report) textPos(p Position) string {
	file := r.display(r.Cwd, p.File)
	switch {
	case p.Line > 0 && p.Column > 0:
		return fmt.Sprintf("%s:%d:%d", file, p.Line, p.Column)
	case p.Line > 0:
		return fmt.Sprintf("%s:%d", file, p.Line)
	}
	return file
}

func (r *Report) problemPos(p Problem) string {
	if p.Pos.File != "" {
		return r.textPos(p.Pos)
	}
	if p.File != "" {
		return r.display(r.Cwd, p.File)
	}
	return ""
}
