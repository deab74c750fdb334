// Package catalog is the one rule table and construction catalog shared by
// the Go analyzers and the Python pass. It holds data and matchers only;
// no AST walking.
//
// # Where things go
//
// Everything here is data, embedded in the binary and parsed once:
//
//   - rules/SNATnnn.md: one file per rule. YAML front matter gives the
//     rule's ID, name, Since, default level, its noun ("HTTP client"),
//     and per language and variant the level and the phrases of its
//     messages (what / qualifier / why / fix); the Markdown body is the
//     rule's documentation, written once and rendered into
//     "snatlint -explain", SARIF help and docs/rules/ (go generate
//     ./cmd/snatlint). The body is a text/template: {{template "name"}}
//     includes rules/partials/name.md, and {{rows "go"}} lists the
//     constructions of the rule derived from the provider rows.
//   - providers/NAME.yaml: one file per vendor or library (net/http, the
//     Azure SDK, requests, ...). Each row says, for one language, which
//     package (Go) or module (Python), receiver type and name build what,
//     under which rule, with which level variant. The Go roots,
//     RootPackages, the Python matcher and the docs' lists are derived
//     from the rows; nothing is hand-synced.
//
// A new vendor is a new provider file plus fixtures; a new rule is a new
// rule file (and the analyzer named by its "analyzer" key reports it).
// The configuration (.snatlint.yaml "rows") adds rows with the same
// schema. TestRegistry fails when a file in rules/ or providers/ is not
// loaded.
//
// # Levels and variants
//
// How loud a finding is depends on the rule and on a typed Variant that
// the analysis finds at the construction site, never on display strings:
// OwnPool (the construction owns its connection pool or token cache),
// SharedPool (it shares a process-wide pool unless given one: an
// http.Client with a nil Transport, an Azure client with default
// options), FreshTransport (a shared-pool construction whose options or
// fields carry a pool built right there), KeepAliveOff (a pool configured
// never to keep a connection alive), CloseRequest (one request asks for
// its connection to be closed). Rule.Level(lang, variant) is the only
// place that maps them to a Level.
//
// # Settings
//
// A setting row says that a field, keyword argument or header set to a
// constant switches connection reuse off (DisableKeepAlives: true on an
// http.Transport, force_close=True on an aiohttp TCPConnector, a
// "Connection: close" header on a request). Its scope says where it is a
// finding: Anywhere (the pool itself is configured that way: its variant
// is KeepAliveOff) or PerRequest (one request asks for it: CloseRequest,
// a finding only in a per-request context). The Go and Python matchers
// for settings, and the KeepAliveOff variant of a construction whose
// literal carries an Anywhere setting, are derived from these rows.
package catalog

import (
	"fmt"
	"strings"
)

// Level is how loud a finding is, using SARIF's vocabulary.
type Level string

// Levels used by snatlint rules.
const (
	LevelError   Level = "error"
	LevelWarning Level = "warning"
	LevelNote    Level = "note"
)

// Rank orders levels: higher is more severe. The severity order of
// findings (level, then rule ID) is policy.MoreSevere.
func (l Level) Rank() int {
	switch l {
	case LevelError:
		return 3
	case LevelWarning:
		return 2
	case LevelNote:
		return 1
	}
	return 0
}

// ParseLevel returns the level named s.
func ParseLevel(s string) (Level, error) {
	switch l := Level(s); l {
	case LevelError, LevelWarning, LevelNote:
		return l, nil
	}
	return "", fmt.Errorf("bad level %q: want error, warning or note", s)
}

// Lang is a source language of a row or a phrase.
type Lang string

// The languages snatlint checks.
const (
	Go     Lang = "go"
	Python Lang = "python"
)

// ParseLang returns the language named s.
func ParseLang(s string) (Lang, error) {
	switch l := Lang(s); l {
	case Go, Python:
		return l, nil
	}
	return "", fmt.Errorf("bad language %q: want go or python", s)
}

// Variant is what a construction site does with its connection pool; it
// selects the level and the phrasing within a rule.
type Variant uint8

// The variants. VariantDefault is the zero value: nothing is known beyond
// the rule (a configured row without a variant).
const (
	VariantDefault Variant = iota
	OwnPool
	SharedPool
	FreshTransport
	KeepAliveOff
	CloseRequest
	numVariants
)

var variantNames = [numVariants]string{"default", "own-pool", "shared-pool", "fresh-transport", "keepalive-off", "close-request"}

func (v Variant) String() string {
	if v < numVariants {
		return variantNames[v]
	}
	return fmt.Sprintf("Variant(%d)", v)
}

// ParseVariant returns the variant named s ("own-pool", ...).
func ParseVariant(s string) (Variant, error) {
	for i, n := range variantNames {
		if n == s {
			return Variant(i), nil
		}
	}
	return 0, fmt.Errorf("bad variant %q: want one of %s", s, strings.Join(variantNames[:], ", "))
}

// Rule IDs that code refers to (tests, and the few places that need a
// rule by name). Rules themselves are data: rules/*.md.
const (
	SNAT001 = "SNAT001"
	SNAT002 = "SNAT002"
	SNAT003 = "SNAT003"
	SNAT004 = "SNAT004"
	SNAT005 = "SNAT005"
	SNAT008 = "SNAT008"
)

// Scope is where a setting row's setting is a finding.
type Scope uint8

// The scopes. ScopeNone is the zero value: a construction row.
const (
	ScopeNone Scope = iota
	// Anywhere: the pool, connector or session itself is configured
	// never to keep a connection alive; a finding wherever it is built
	// (package or module level too).
	Anywhere
	// PerRequest: one request asks for its connection to be closed; a
	// finding only in a per-request context.
	PerRequest
)

var scopeNames = map[string]Scope{"anywhere": Anywhere, "per-request": PerRequest}

func (s Scope) String() string {
	for n, v := range scopeNames {
		if v == s {
			return n
		}
	}
	return "none"
}

// Variant is the variant of a setting of scope s: KeepAliveOff for the
// pool configured so (Anywhere), CloseRequest for one request.
func (s Scope) Variant() Variant {
	if s == PerRequest {
		return CloseRequest
	}
	return KeepAliveOff
}
