package catalog

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

// The catalog's data. Every file of these directories is loaded;
// TestRegistry fails when a file there is not (a wrong extension).
//
//go:embed rules/*.md rules/partials/*.md providers/*.yaml
var data embed.FS

// ruleDefs are the parsed rule files, in ID order, without Doc: row
// validation needs them before the docs (which list rows) are rendered.
var ruleDefs = sync.OnceValue(func() []*Rule {
	names, err := fs.Glob(data, "rules/*.md")
	if err != nil {
		panic(err)
	}
	var rules []*Rule
	for _, name := range names {
		src, err := data.ReadFile(name)
		if err != nil {
			panic(err)
		}
		r, err := parseRule(name, src)
		if err != nil {
			panic(fmt.Sprintf("catalog: %v", err))
		}
		if want := path.Base(name); want != r.ID+".md" {
			panic(fmt.Sprintf("catalog: %s holds rule %s: name the file %s.md", name, r.ID, r.ID))
		}
		rules = append(rules, r)
	}
	slices.SortFunc(rules, func(a, b *Rule) int { return strings.Compare(a.ID, b.ID) })
	return rules
})

func lookupDef(id string) *Rule {
	for _, r := range ruleDefs() {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// Provider is one provider file: a vendor or library and its rows.
type Provider struct {
	File string // "providers/nethttp.yaml"
	Name string // "net/http"
	Rows []*Row
}

// providerFile is a provider file's top level.
type providerFile struct {
	Provider string    `yaml:"provider"`
	Rows     yaml.Node `yaml:"rows"`
}

var providers = sync.OnceValue(func() []Provider {
	names, err := fs.Glob(data, "providers/*.yaml")
	if err != nil {
		panic(err)
	}
	var out []Provider
	for _, name := range names {
		p, err := parseProvider(name)
		if err != nil {
			panic(fmt.Sprintf("catalog: %v", err))
		}
		out = append(out, p)
	}
	return out
})

func parseProvider(name string) (Provider, error) {
	src, err := data.ReadFile(name)
	if err != nil {
		return Provider{}, err
	}
	var pf providerFile
	dec := yaml.NewDecoder(strings.NewReader(string(src)))
	dec.KnownFields(true)
	if err := dec.Decode(&pf); err != nil {
		return Provider{}, fmt.Errorf("%s: %w", name, err)
	}
	if pf.Provider == "" {
		return Provider{}, fmt.Errorf("%s: provider (its display name) is missing", name)
	}
	rows, err := DecodeRows(&pf.Rows, name)
	if err != nil {
		if re, ok := err.(*RowError); ok {
			return Provider{}, fmt.Errorf("%s:%d: %s", name, re.Line, re.Msg)
		}
		return Provider{}, fmt.Errorf("%s: %w", name, err)
	}
	if len(rows) == 0 {
		return Provider{}, fmt.Errorf("%s: no rows", name)
	}
	return Provider{File: name, Name: pf.Provider, Rows: rows}, nil
}

// Providers lists the provider files, in file name order. The rows are
// shared: do not modify them.
func Providers() []Provider { return providers() }

// BuiltinRows are the rows of every provider, in file order.
var BuiltinRows = sync.OnceValue(func() []*Row {
	var rows []*Row
	for _, p := range providers() {
		rows = append(rows, p.Rows...)
	}
	return rows
})

// docs are the rendered rule docs, by rule ID.
var docs = sync.OnceValue(func() map[string]string {
	out := map[string]string{}
	for _, r := range ruleDefs() {
		doc, err := renderDoc(r, BuiltinRows())
		if err != nil {
			panic(fmt.Sprintf("catalog: %s: %v", r.file, err))
		}
		out[r.ID] = doc
	}
	return out
})

// Rules is the rule table, in ID order.
func Rules() []Rule {
	defs := ruleDefs()
	out := make([]Rule, len(defs))
	for i, r := range defs {
		out[i] = *r
	}
	return out
}

// IDs lists the rule IDs in order, comma-separated, for messages.
func IDs() string {
	var ids []string
	for _, r := range ruleDefs() {
		ids = append(ids, r.ID)
	}
	return strings.Join(ids, ", ")
}

// Lookup returns the rule with the given ID.
func Lookup(id string) (Rule, bool) {
	if r := lookupDef(id); r != nil {
		return *r, true
	}
	return Rule{}, false
}

// MustLookup is Lookup for IDs known to exist.
func MustLookup(id string) Rule {
	r, ok := Lookup(id)
	if !ok {
		panic(fmt.Sprintf("catalog: unknown rule %q", id))
	}
	return r
}

// RulesOf lists the IDs of the rules the Go analyzer named analyzer
// reports.
func RulesOf(analyzer string) []string {
	var ids []string
	for _, r := range ruleDefs() {
		if r.Analyzer == analyzer {
			ids = append(ids, r.ID)
		}
	}
	return ids
}
