package report

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// A baseline is the set of findings a code base already had when it
// adopted snatlint (-write-baseline FILE); with -baseline FILE only the
// findings not in it are reported. An entry matches a finding by rule,
// file (relative to the scanned root) and a hash of the reported line's
// text and the lines just before and after it, each with surrounding
// whitespace trimmed: not by line number, so edits elsewhere in the file
// (or re-indenting the line) do not bring a finding back. Identical
// findings count: two entries match two findings.

// BaselineVersion is the version of the baseline file format.
const BaselineVersion = 1

// Baseline states of a finding (SARIF result.baselineState).
const (
	StateNew       = "new"
	StateUnchanged = "unchanged"
)

// Baseline is the baseline file.
type Baseline struct {
	Version  int             `json:"version"`
	Tool     string          `json:"tool"`
	Findings []BaselineEntry `json:"findings"`
}

// BaselineEntry is one accepted finding. Line and Message are for people
// reading the file; matching ignores them.
type BaselineEntry struct {
	Rule    string `json:"rule"`
	File    string `json:"file"`
	Context string `json:"context"` // hash of the line and its neighbours
	Line    int    `json:"line"`
	Message string `json:"message"`
}

// BaselineSummary counts the outcome of comparing a run with a baseline.
type BaselineSummary struct {
	File      string // the baseline file, as given
	New       int    // findings not in the baseline: reported
	Unchanged int    // findings in the baseline
	Fixed     int    // baseline entries that matched no finding
}

type baselineKey struct{ rule, file, context string }

// NewBaseline records r's findings.
func NewBaseline(r *Report) *Baseline {
	src := newSources(r.ReadFile)
	b := &Baseline{Version: BaselineVersion, Tool: "snatlint", Findings: []BaselineEntry{}}
	for _, f := range r.Findings {
		k := baselineKeyOf(r.Root, src, f)
		b.Findings = append(b.Findings, BaselineEntry{Rule: k.rule, File: k.file, Context: k.context, Line: f.Pos.Line, Message: f.Message})
	}
	slices.SortStableFunc(b.Findings, func(x, y BaselineEntry) int {
		if c := strings.Compare(x.File, y.File); c != 0 {
			return c
		}
		if x.Line != y.Line {
			return x.Line - y.Line
		}
		return strings.Compare(x.Rule, y.Rule)
	})
	return b
}

// Write writes the baseline as indented JSON.
func (b *Baseline) Write(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(b)
}

// ParseBaseline reads a baseline file's content.
func ParseBaseline(data []byte) (*Baseline, error) {
	var b Baseline
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		return nil, fmt.Errorf("not a snatlint baseline: %w", err)
	}
	switch {
	case b.Tool != "snatlint":
		return nil, errors.New(`not a snatlint baseline: "tool" is not "snatlint"`)
	case b.Version != BaselineVersion:
		return nil, fmt.Errorf("baseline version %d is not supported (this snatlint writes version %d): write it again with -write-baseline", b.Version, BaselineVersion)
	}
	for i, e := range b.Findings {
		if e.Rule == "" || e.File == "" || e.Context == "" {
			return nil, fmt.Errorf("baseline entry %d: rule, file and context are required", i+1)
		}
	}
	return &b, nil
}

// ApplyBaseline compares r's findings with b. Findings in the baseline are
// dropped or, when keep is set, kept and marked StateUnchanged in
// r.States (the others StateNew).
func ApplyBaseline(r *Report, b *Baseline, keep bool) BaselineSummary {
	left := map[baselineKey]int{}
	for _, e := range b.Findings {
		left[baselineKey{e.Rule, e.File, e.Context}]++
	}
	src := newSources(r.ReadFile)
	var sum BaselineSummary
	out := r.Findings[:0]
	var states []string
	for _, f := range r.Findings {
		k := baselineKeyOf(r.Root, src, f)
		state := StateNew
		if left[k] > 0 {
			left[k]--
			state = StateUnchanged
			sum.Unchanged++
		} else {
			sum.New++
		}
		if state == StateUnchanged && !keep {
			continue
		}
		out = append(out, f)
		states = append(states, state)
	}
	r.Findings = out
	if keep {
		r.States = states
	}
	for _, n := range left {
		sum.Fixed += n
	}
	return sum
}

// NewFindings is how many of r's findings are not in a baseline.
func (r *Report) NewFindings() int {
	n := 0
	for i := range r.Findings {
		if r.state(i) != StateUnchanged {
			n++
		}
	}
	return n
}

func baselineKeyOf(root string, src *sources, f Finding) baselineKey {
	file, _ := relTo(root, f.Pos.File)
	return baselineKey{rule: f.RuleID, file: file, context: contextHash(src, f.Pos)}
}

// contextHash hashes the text of the reported line and of the lines just
// before and after it, each trimmed of surrounding white space. A line
// that does not exist (before the first, after the last, or an unreadable
// file) counts as empty.
func contextHash(src *sources, p Position) string {
	h := sha256.New()
	for l := p.Line - 1; l <= p.Line+1; l++ {
		text, _ := src.line(p.File, l)
		h.Write(bytes.TrimSpace(text))
		h.Write([]byte{'\n'})
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// Summary is the line printed to standard error after a run with a
// baseline.
func (s BaselineSummary) String() string {
	msg := fmt.Sprintf("baseline %s: %s, %d in the baseline", s.File, plural(s.New, "new finding"), s.Unchanged)
	if s.Fixed > 0 {
		msg += fmt.Sprintf(", %d fixed (no longer found; drop them with -write-baseline %s)", s.Fixed, s.File)
	}
	return msg
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}
