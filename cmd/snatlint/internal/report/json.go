package report

import (
	"encoding/json"
	"io"

	"github.com/snatlint/snatlint/analyzers/catalog"
)

// JSONVersion is the version of the JSON output schema (docs/json.md).
const JSONVersion = 1

type jsonOutput struct {
	Version  int           `json:"version"`
	Findings []jsonFinding `json:"findings"`
	Errors   []jsonError   `json:"errors"`
	Baseline *jsonBaseline `json:"baseline,omitempty"`
}

type jsonBaseline struct {
	File      string `json:"file"`
	New       int    `json:"new"`
	Unchanged int    `json:"unchanged"`
	Fixed     int    `json:"fixed"`
}

type jsonFinding struct {
	File      string        `json:"file"`
	Line      int           `json:"line"`
	Column    int           `json:"column"`
	EndLine   int           `json:"end_line"`
	EndColumn int           `json:"end_column"`
	RuleID    string        `json:"rule_id"`
	RuleName  string        `json:"rule_name"`
	Level     catalog.Level `json:"level"`
	Language  string        `json:"language"`
	Message   string        `json:"message"`
	HelpURI   string        `json:"help_uri"`
	Related   []jsonRelated `json:"related"`
	Fixes     []jsonFix     `json:"fixes"`
	Baseline  string        `json:"baseline_state,omitempty"`
}

type jsonRelated struct {
	File      string `json:"file"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"end_line"`
	EndColumn int    `json:"end_column"`
	Message   string `json:"message"`
}

type jsonFix struct {
	Message string     `json:"message"`
	Edits   []jsonEdit `json:"edits"`
}

type jsonEdit struct {
	File    string `json:"file"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	NewText string `json:"new_text"`
}

type jsonError struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
	Fatal   bool   `json:"fatal"`
}

// WriteJSON writes the report as one JSON object (schema in
// docs/json.md): {"version":1,"findings":[...],"errors":[...]}. Lists are
// never null. Paths are relative to r.Cwd when the file lies below it.
func WriteJSON(w io.Writer, r *Report) error {
	out := jsonOutput{Version: JSONVersion, Findings: []jsonFinding{}, Errors: []jsonError{}}
	for i, f := range r.Findings {
		jf := jsonFinding{
			File:      r.display(r.Cwd, f.Pos.File),
			Line:      f.Pos.Line,
			Column:    f.Pos.Column,
			EndLine:   f.End.Line,
			EndColumn: f.End.Column,
			RuleID:    f.RuleID,
			Level:     f.Level,
			Language:  f.Lang,
			Message:   f.Message,
			Related:   []jsonRelated{},
			Fixes:     []jsonFix{},
			Baseline:  r.state(i),
		}
		if rule, ok := catalog.Lookup(f.RuleID); ok {
			jf.RuleName = rule.Name
			jf.HelpURI = rule.HelpURI()
		}
		for _, rl := range f.Related {
			jf.Related = append(jf.Related, jsonRelated{
				File: r.display(r.Cwd, rl.Pos.File), Line: rl.Pos.Line, Column: rl.Pos.Column,
				EndLine: rl.End.Line, EndColumn: rl.End.Column, Message: rl.Message,
			})
		}
		for _, fx := range f.Fixes {
			jfx := jsonFix{Message: fx.Message, Edits: []jsonEdit{}}
			for _, e := range fx.Edits {
				jfx.Edits = append(jfx.Edits, jsonEdit{File: r.display(r.Cwd, e.File), Start: e.Start, End: e.End, NewText: e.NewText})
			}
			jf.Fixes = append(jf.Fixes, jfx)
		}
		out.Findings = append(out.Findings, jf)
	}
	for _, p := range r.Problems {
		file := p.Pos.File
		if file == "" {
			file = p.File
		}
		out.Errors = append(out.Errors, jsonError{
			File: r.display(r.Cwd, file), Line: p.Pos.Line, Column: p.Pos.Column,
			Message: p.Reason, Fatal: p.Fatal,
		})
	}
	if b := r.Baseline; b != nil {
		out.Baseline = &jsonBaseline{File: b.File, New: b.New, Unchanged: b.Unchanged, Fixed: b.Fixed}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
