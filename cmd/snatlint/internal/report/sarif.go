package report

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/snatlint/snatlint/analyzers/catalog"
)

// SARIF constants.
const (
	sarifVersion   = "2.1.0"
	sarifSchema    = "https://json.schemastore.org/sarif-2.1.0.json"
	srcRoot        = "%SRCROOT%"
	informationURI = "https://github.com/snatlint/snatlint"
	// MaxSARIFResults is GitHub code scanning's limit of results per run.
	MaxSARIFResults = 25000
)

type sarifLog struct {
	Version string     `json:"version"`
	Schema  string     `json:"$schema"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                   `json:"tool"`
	Invocations        []sarifInvocation           `json:"invocations"`
	OriginalURIBaseIDs map[string]sarifArtifactLoc `json:"originalUriBaseIds"`
	ColumnKind         string                      `json:"columnKind"`
	Results            []sarifResult               `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string             `json:"id"`
	Name                 string             `json:"name"`
	ShortDescription     sarifText          `json:"shortDescription"`
	FullDescription      sarifText          `json:"fullDescription"`
	Help                 sarifHelp          `json:"help"`
	HelpURI              string             `json:"helpUri"`
	DefaultConfiguration sarifRuleConfig    `json:"defaultConfiguration"`
	Properties           sarifRuleProperies `json:"properties"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifHelp struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown"`
}

type sarifRuleConfig struct {
	Level string `json:"level"`
}

type sarifRuleProperies struct {
	Tags      []string `json:"tags"`
	Precision string   `json:"precision"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	RelatedLocations    []sarifLocation   `json:"relatedLocations,omitempty"`
	PartialFingerprints map[string]string `json:"partialFingerprints,omitempty"`
	Fixes               []sarifFix        `json:"fixes,omitempty"`
	BaselineState       string            `json:"baselineState,omitempty"`
}

type sarifLocation struct {
	ID               *int          `json:"id,omitempty"`
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
	Message          *sarifText    `json:"message,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifactLoc `json:"artifactLocation"`
	Region           *sarifRegion     `json:"region,omitempty"`
}

type sarifArtifactLoc struct {
	URI         string     `json:"uri,omitempty"`
	URIBaseID   string     `json:"uriBaseId,omitempty"`
	Description *sarifText `json:"description,omitempty"`
}

type sarifRegion struct {
	StartLine   int  `json:"startLine,omitempty"`
	StartColumn int  `json:"startColumn,omitempty"`
	EndLine     int  `json:"endLine,omitempty"`
	EndColumn   int  `json:"endColumn,omitempty"`
	ByteOffset  *int `json:"byteOffset,omitempty"`
	ByteLength  *int `json:"byteLength,omitempty"`
}

type sarifFix struct {
	Description     sarifText             `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifactLoc   `json:"artifactLocation"`
	Replacements     []sarifReplacement `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion `json:"deletedRegion"`
	InsertedContent *sarifText  `json:"insertedContent,omitempty"`
}

// WriteSARIF writes the report as a SARIF 2.1.0 log that GitHub code
// scanning accepts (docs/sarif.md): one run, every rule in
// tool.driver.rules, URIs relative to r.Root under %SRCROOT%, columns in
// Unicode code points, related locations linked from the message, and
// problems as tool execution notifications.
func WriteSARIF(w io.Writer, r *Report) error {
	src := newSources(r.ReadFile)
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:           "snatlint",
			Version:        cmpOr(r.Version, "devel"),
			InformationURI: informationURI,
			Rules:          sarifRules(),
		}},
		ColumnKind: "unicodeCodePoints",
		Results:    []sarifResult{},
	}
	if r.Root != "" {
		run.OriginalURIBaseIDs = map[string]sarifArtifactLoc{srcRoot: {URI: dirURI(r.Root)}}
		// Dependencies are named by module path and version; where
		// the cache is differs per machine, so it has no URI.
		if r.ModCache != "" {
			run.OriginalURIBaseIDs[modCacheBase] = sarifArtifactLoc{Description: &sarifText{Text: "the Go module cache (go env GOMODCACHE): module@version/path"}}
		}
		if r.GoRoot != "" {
			run.OriginalURIBaseIDs[goRootBase] = sarifArtifactLoc{Description: &sarifText{Text: "the Go distribution (go env GOROOT)"}}
		}
	}
	findings := r.Findings
	var notes []sarifNotification
	if len(findings) > MaxSARIFResults {
		notes = append(notes, sarifNotification{
			Level:   "warning",
			Message: sarifText{Text: fmt.Sprintf("%d findings; only the first %d are included (GitHub code scanning's limit per run)", len(findings), MaxSARIFResults)},
		})
		findings = findings[:MaxSARIFResults]
	}
	hashes := map[string][]string{}
	for i, f := range findings {
		res := sarifResultOf(r, src, hashes, f)
		res.BaselineState = r.state(i)
		run.Results = append(run.Results, res)
	}
	inv := sarifInvocation{ExecutionSuccessful: !r.Fatal(), ToolExecutionNotifications: []sarifNotification{}}
	for _, p := range r.Problems {
		n := sarifNotification{Level: "warning", Message: sarifText{Text: p.Reason}}
		if p.Fatal {
			n.Level = "error"
		}
		file := p.Pos.File
		if file == "" && filepath.IsAbs(p.File) {
			file = p.File // a directory or file; an import path has no location
		}
		if file != "" {
			loc := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: r.artifact(r.Root, file)}}
			if p.Pos.Line > 0 {
				loc.PhysicalLocation.Region = &sarifRegion{StartLine: p.Pos.Line}
				if p.Pos.Column > 0 {
					loc.PhysicalLocation.Region.StartColumn = src.codePointColumn(p.Pos.File, p.Pos.Line, p.Pos.Column)
				}
			}
			n.Locations = []sarifLocation{loc}
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, n)
	}
	inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, notes...)
	run.Invocations = []sarifInvocation{inv}

	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(sarifLog{Version: sarifVersion, Schema: sarifSchema, Runs: []sarifRun{run}})
}

func cmpOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func sarifRules() []sarifRule {
	rules := make([]sarifRule, 0, len(catalog.Rules()))
	for _, rule := range catalog.Rules() {
		rules = append(rules, sarifRule{
			ID:               rule.ID,
			Name:             rule.Name,
			ShortDescription: sarifText{Text: rule.Title},
			FullDescription:  sarifText{Text: rule.Full},
			Help: sarifHelp{
				Text:     rule.Full + "\n\nSee " + rule.HelpURI(),
				Markdown: rule.Page(),
			},
			HelpURI:              rule.HelpURI(),
			DefaultConfiguration: sarifRuleConfig{Level: string(rule.Level)},
			Properties: sarifRuleProperies{
				Tags:      []string{"performance", "reliability", "connection-pooling", "snat", "azure"},
				Precision: "high",
			},
		})
	}
	return rules
}

func ruleIndex(id string) int {
	for i, r := range catalog.Rules() {
		if r.ID == id {
			return i
		}
	}
	return -1
}

func sarifResultOf(r *Report, src *sources, hashes map[string][]string, f Finding) sarifResult {
	res := sarifResult{
		RuleID:    f.RuleID,
		RuleIndex: ruleIndex(f.RuleID),
		Level:     sarifLevel(f.Level),
		Message:   sarifText{Text: f.Message},
		Locations: []sarifLocation{{PhysicalLocation: r.physical(src, f.Pos, f.End)}},
	}
	if len(f.Related) > 0 {
		var links []string
		for i, rl := range f.Related {
			id := i + 1
			text := rl.Message
			if text == "" {
				text = fmt.Sprintf("%s:%d", r.display(r.Root, rl.Pos.File), rl.Pos.Line)
			}
			links = append(links, fmt.Sprintf("[%s](%d)", escapeLinkText(text), id))
			res.RelatedLocations = append(res.RelatedLocations, sarifLocation{
				ID:               &id,
				PhysicalLocation: r.physical(src, rl.Pos, rl.End),
				Message:          &sarifText{Text: text},
			})
		}
		res.Message.Text = escapeMessage(f.Message) + "; related: " + strings.Join(links, ", ")
	}
	if h := lineHash(src, hashes, f.Pos); h != "" {
		res.PartialFingerprints = map[string]string{"primaryLocationLineHash": h}
	}
	for _, fx := range f.Fixes {
		if sf, ok := r.sarifFixOf(src, fx); ok {
			res.Fixes = append(res.Fixes, sf)
		}
	}
	return res
}

func lineHash(src *sources, cache map[string][]string, p Position) string {
	h, ok := cache[p.File]
	if !ok {
		if b := src.get(p.File); b != nil {
			h = lineHashes(b)
		}
		cache[p.File] = h
	}
	if p.Line < 1 || p.Line >= len(h) {
		return ""
	}
	return h[p.Line]
}

// sarifFixOf converts a fix; a fix without edits is dropped (GitHub needs
// non-empty artifactChanges).
func (r *Report) sarifFixOf(src *sources, fx Fix) (sarifFix, bool) {
	sf := sarifFix{Description: sarifText{Text: cmpOr(fx.Message, "Apply suggested fix")}}
	byFile := map[string]int{}
	for _, e := range fx.Edits {
		if e.Start < 0 || e.End < e.Start || e.File == "" {
			return sarifFix{}, false // malformed: no partial fix
		}
		i, ok := byFile[e.File]
		if !ok {
			i = len(sf.ArtifactChanges)
			byFile[e.File] = i
			sf.ArtifactChanges = append(sf.ArtifactChanges, sarifArtifactChange{ArtifactLocation: r.artifact(r.Root, e.File)})
		}
		start, length := e.Start, e.End-e.Start
		region := sarifRegion{ByteOffset: &start, ByteLength: &length}
		if b := src.get(e.File); b != nil && e.End <= len(b) && e.Start >= 0 && e.Start <= e.End {
			sl, sc := lineCol(b, e.Start)
			el, ec := lineCol(b, e.End)
			region.StartLine, region.EndLine = sl, el
			region.StartColumn = src.codePointColumn(e.File, sl, sc)
			region.EndColumn = src.codePointColumn(e.File, el, ec)
		}
		rep := sarifReplacement{DeletedRegion: region}
		if e.NewText != "" {
			rep.InsertedContent = &sarifText{Text: e.NewText}
		}
		sf.ArtifactChanges[i].Replacements = append(sf.ArtifactChanges[i].Replacements, rep)
	}
	return sf, len(sf.ArtifactChanges) > 0
}

func sarifLevel(l catalog.Level) string {
	switch l {
	case catalog.LevelError, catalog.LevelWarning, catalog.LevelNote:
		return string(l)
	}
	return "warning"
}

func (r *Report) physical(src *sources, pos, end Position) sarifPhysical {
	ph := sarifPhysical{ArtifactLocation: r.artifact(r.Root, pos.File)}
	if pos.Line < 1 {
		return ph
	}
	reg := &sarifRegion{StartLine: pos.Line}
	if pos.Column > 0 {
		reg.StartColumn = src.codePointColumn(pos.File, pos.Line, pos.Column)
	}
	if end.Line >= pos.Line && end.Column > 0 {
		reg.EndLine = end.Line
		reg.EndColumn = src.codePointColumn(pos.File, end.Line, end.Column)
		if end.Line == pos.Line && reg.EndColumn < reg.StartColumn {
			reg.EndColumn = reg.StartColumn
		}
	}
	ph.Region = reg
	return ph
}

// The base IDs of locations in dependencies: never the machine's path.
const (
	modCacheBase = "GOMODCACHE"
	goRootBase   = "GOROOT"
)

// artifact returns a location relative to root under %SRCROOT%, to the
// module cache under GOMODCACHE (module@version/path), to GOROOT under
// GOROOT, or an absolute file URI for other files outside root.
func (r *Report) artifact(root, file string) sarifArtifactLoc {
	p, kind := r.place(root, file)
	uri := (&url.URL{Path: p}).EscapedPath()
	switch kind {
	case inBase:
		if filepath.IsAbs(file) {
			return sarifArtifactLoc{URI: uri, URIBaseID: srcRoot}
		}
		return sarifArtifactLoc{URI: uri}
	case inModCache:
		return sarifArtifactLoc{URI: uri, URIBaseID: modCacheBase}
	case inGoRoot:
		return sarifArtifactLoc{URI: uri, URIBaseID: goRootBase}
	}
	return sarifArtifactLoc{URI: fileURI(file)}
}

func fileURI(p string) string {
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(p)}
	return u.String()
}

func dirURI(p string) string {
	s := fileURI(p)
	if !strings.HasSuffix(s, "/") {
		s += "/"
	}
	return s
}

// escapeMessage escapes the characters SARIF gives meaning to in a
// message that contains embedded links.
func escapeMessage(s string) string {
	return strings.NewReplacer(`\`, `\\`, `[`, `\[`, `]`, `\]`).Replace(s)
}

func escapeLinkText(s string) string { return escapeMessage(s) }
