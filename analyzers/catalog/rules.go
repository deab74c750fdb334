// Package catalog is the one rule table and construction catalog shared by
// the Go analyzers and the Python pass: rule IDs, names, levels, docs, and
// which constructors own a connection pool. It holds data and matchers
// only; no AST walking.
package catalog

import "fmt"

// Level is how loud a finding is, using SARIF's vocabulary.
type Level string

// Levels used by snatlint rules.
const (
	LevelError   Level = "error"
	LevelWarning Level = "warning"
	LevelNote    Level = "note"
)

// Rank orders levels: higher is more severe.
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

// Rule IDs.
const (
	SNAT001 = "SNAT001"
	SNAT002 = "SNAT002"
	SNAT003 = "SNAT003"
	SNAT004 = "SNAT004"
	SNAT005 = "SNAT005"
)

// HelpBase is where the generated rule pages live.
const HelpBase = "https://github.com/snatlint/snatlint/blob/main/docs/rules/"

// Rule describes one snatlint rule. Doc is the Markdown body of the rule
// page (What it does / Why is this bad? / Example / Use instead: / Fix
// safety / Options / References).
type Rule struct {
	ID    string // "SNAT001"
	Name  string // kebab-case, reads as "allow <name>"
	Level Level  // default level
	Title string // one line, shortDescription
	Full  string // one sentence, fullDescription
	Doc   string // Markdown body
}

// HelpURI is the rule's documentation page.
func (r Rule) HelpURI() string { return HelpBase + r.ID + ".md" }

// Rules is the rule table, in ID order. It is immutable.
var Rules = []Rule{
	{
		ID: SNAT001, Name: "pool-per-request", Level: LevelError,
		Title: "connection pool (HTTP transport) built per request",
		Full:  "A connection pool (Go http.Transport, urllib3 PoolManager, requests HTTPAdapter, aiohttp TCPConnector) is built in code that runs per request, per loop iteration or per task run, so every run opens new TCP and TLS connections and exhausts SNAT ports.",
	},
	{
		ID: SNAT002, Name: "http-client-per-request", Level: LevelWarning,
		Title: "HTTP client built per request",
		Full:  "An HTTP client (Go http.Client, requests.Session, httpx.Client, aiohttp.ClientSession, http.client connections) is built in code that runs per request, per loop iteration or per task run instead of being created once and reused.",
	},
	{
		ID: SNAT003, Name: "azure-client-per-request", Level: LevelWarning,
		Title: "Azure SDK client built per request",
		Full:  "An Azure SDK client, which builds its own HTTP pipeline (and in Python its own connection pool), is built in code that runs per request, per loop iteration or per task run instead of being created once and reused.",
	},
	{
		ID: SNAT004, Name: "azure-credential-per-request", Level: LevelError,
		Title: "Azure credential built per request",
		Full:  "An Azure credential is built in code that runs per request, per loop iteration or per task run, so its token cache is thrown away and every run fetches a new token from Entra ID or IMDS.",
	},
	{
		ID: SNAT005, Name: "one-shot-request", Level: LevelError,
		Title: "one-shot HTTP call that builds and discards a client",
		Full:  "A module-level HTTP helper (requests.get, httpx.get, aiohttp.request, urllib.request.urlopen) builds a client for one request and closes it, so no connection is ever reused.",
	},
}

// Lookup returns the rule with the given ID.
func Lookup(id string) (Rule, bool) {
	for _, r := range Rules {
		if r.ID == id {
			return r, true
		}
	}
	return Rule{}, false
}

// MustLookup is Lookup for IDs known at compile time.
func MustLookup(id string) Rule {
	r, ok := Lookup(id)
	if !ok {
		panic(fmt.Sprintf("catalog: unknown rule %q", id))
	}
	return r
}

// Page is the rule's documentation page in Markdown: a title line, the
// one-sentence summary, and Doc. docs/rules/<ID>.md is generated from
// it, `snatlint -explain <ID>` prints it, and SARIF help.markdown
// carries it.
func (r Rule) Page() string {
	return "# " + r.ID + " " + r.Name + "\n\n" +
		"Default level: `" + string(r.Level) + "`. " + r.Title + ".\n\n" +
		r.Doc
}
