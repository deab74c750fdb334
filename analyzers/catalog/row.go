package catalog

import (
	"fmt"
	"path"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Row is one construction of a provider (or of the configuration): in one
// language, the package (Go) or module (Python), the receiver type (Go
// methods) and the name that build what, under which rule and variant.
//
// Name and Python modules may hold "*" wildcards, a Go package path a
// "*" element (github.com/aws/aws-sdk-go-v2/service/*); a Python module
// ending in ".**" also matches its submodules. When several rows
// match, the most specific wins: the longest literal package or module,
// then the longest literal name, then the row declared last (the
// configuration after the providers).
type Row struct {
	Lang     Lang
	Package  string // Go package path or Python module
	Receiver string // Go: receiver type name of a method
	Name     string // function, type or class name
	Rule     string // rule ID; "" for a silent row
	// Silent, when set, says why calls of this name are never reported
	// (on-behalf-of credentials are per user by design), whatever their
	// body does.
	Silent string
	// What names what is built, in messages ("http.Transport", "Azure SDK
	// pipeline"); default the rule's noun.
	What    string
	Variant Variant
	// Pool names the pool a SharedPool construction shares by default
	// ("http.DefaultTransport").
	Pool string
	// Option is the field that carries the pool: of a type row's literal
	// ("Transport" of http.Client), or of a call row's options struct,
	// given as a literal argument or set by an option function
	// ("HTTPClient" of s3.Options). Set to a pool built right there, the
	// site is FreshTransport; to an existing one, SharedPool. In Python,
	// the keyword argument that hands the construction an existing pool
	// or pipeline beyond the keywords every client shares one through
	// (transport=, session=, connector=, http_client=, connection_pool=):
	// given a retained object there, the construction shares its pool
	// (azure.core.PipelineClient's "pipeline").
	Option string
	// Field, Header, Value and Scope make a setting row (see the package
	// doc, "Settings"): Field is the Go struct field of the type Name, or
	// the Python keyword argument of the call Name (and, for a class, the
	// attribute of its instances: session.headers), that set to the
	// constant Value switches connection reuse off. With Header, Field
	// holds a header map and Value is a token of that header's value
	// (names and values compare case-insensitively). Variant is Scope's.
	Field  string
	Header string
	Value  string
	Scope  Scope
	// Copy marks a method that returns a copy of its receiver
	// ((*http.Transport).Clone): it is reported like a literal of the
	// receiver's type.
	Copy bool

	Source string // provider file or configuration file
	Line   int    // line of the row in Source
}

// IsSetting reports whether r is a setting row.
func (r *Row) IsSetting() bool { return r.Scope != ScopeNone }

// MatchValue reports whether the constant v, normalised ("true",
// "false", an integer in decimal, a string's content), set to the
// setting's field (or, for a header row, as the header's value) is the
// setting: a header value is a comma-separated list of tokens, one of
// which must be Value.
func (r *Row) MatchValue(v string) bool {
	if r.Header == "" {
		return strings.EqualFold(strings.TrimSpace(v), r.Value)
	}
	for _, tok := range strings.Split(v, ",") {
		if strings.EqualFold(strings.TrimSpace(tok), r.Value) {
			return true
		}
	}
	return false
}

// MatchHeader reports whether name is the header of a header row.
func (r *Row) MatchHeader(name string) bool {
	return r.Header != "" && strings.EqualFold(strings.TrimSpace(name), r.Header)
}

// SettingText shows the setting as its language writes it:
// "DisableKeepAlives: true", "force_close=True", header "Connection:
// close".
func (r *Row) SettingText() string {
	switch {
	case r.Header != "":
		return fmt.Sprintf("header %q", r.Header+": "+r.Value)
	case r.Lang == Python:
		v := r.Value
		if v == "true" || v == "false" {
			v = strings.ToUpper(v[:1]) + v[1:]
		}
		return r.Field + "=" + v
	}
	return r.Field + ": " + r.Value
}

// WhatOr is r.What, or the rule's noun.
func (r *Row) WhatOr() string {
	if r.What != "" {
		return r.What
	}
	if rule := lookupDef(r.Rule); rule != nil {
		return rule.Noun
	}
	return r.Name
}

// String names the row as a user would write it: "net/http.Transport",
// "net/http.Transport.Clone", "requests.Session".
func (r *Row) String() string {
	s := r.Package + "."
	if r.Receiver != "" {
		s += r.Receiver + "."
	}
	return s + r.Name
}

// valid reports whether a row built in code (not decoded) can be used:
// it names something, and its rule exists.
func (r *Row) valid() bool {
	return r.Package != "" && r.Name != "" && (r.Silent != "" || lookupDef(r.Rule) != nil)
}

// RowError is a bad row: Line is its line in the file.
type RowError struct {
	Line int
	Msg  string
}

func (e *RowError) Error() string { return e.Msg }

func rowErr(n *yaml.Node, format string, args ...any) error {
	return &RowError{Line: n.Line, Msg: fmt.Sprintf(format, args...)}
}

// DecodeRows decodes a YAML list of rows (the "rows" of a provider file
// or of .snatlint.yaml). Errors are *RowError.
func DecodeRows(n *yaml.Node, source string) ([]*Row, error) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil, nil
	}
	if n.Kind != yaml.SequenceNode {
		return nil, rowErr(n, "expected a list of rows")
	}
	var out []*Row
	for _, e := range n.Content {
		rows, err := decodeRow(e, source)
		if err != nil {
			return nil, err
		}
		out = append(out, rows...)
	}
	return out, nil
}

// rowKeys are the keys of a row, for error messages.
const rowKeys = "lang, package, module, receiver, name, rule, silent, what, variant, pool, option, copy, field, header, value, scope"

// decodeRow decodes one row; a package, module or name list expands to
// one row per combination.
func decodeRow(n *yaml.Node, source string) ([]*Row, error) {
	if n.Kind != yaml.MappingNode {
		return nil, rowErr(n, "expected a row (a mapping with keys %s)", rowKeys)
	}
	proto := Row{Source: source, Line: n.Line}
	var pkgs, names []string
	var pkgKey string
	var variantNode *yaml.Node
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if seen[k.Value] {
			return nil, rowErr(k, "duplicate key %q", k.Value)
		}
		seen[k.Value] = true
		var err error
		switch k.Value {
		case "lang":
			var s string
			if s, err = scalar(v); err == nil {
				if proto.Lang, err = ParseLang(s); err != nil {
					err = rowErr(v, "%v", err)
				}
			}
		case "package", "module":
			if pkgKey != "" {
				return nil, rowErr(k, "a row has one of package (Go) or module (Python)")
			}
			pkgKey = k.Value
			pkgs, err = scalars(v)
		case "name":
			names, err = scalars(v)
		case "receiver":
			proto.Receiver, err = scalar(v)
		case "rule":
			proto.Rule, err = scalar(v)
		case "silent":
			proto.Silent, err = scalar(v)
		case "what":
			proto.What, err = scalar(v)
		case "variant":
			variantNode = v
			var s string
			if s, err = scalar(v); err == nil {
				if proto.Variant, err = ParseVariant(s); err != nil {
					err = rowErr(v, "%v", err)
				}
			}
		case "pool":
			proto.Pool, err = scalar(v)
		case "option":
			proto.Option, err = scalar(v)
		case "field":
			proto.Field, err = scalar(v)
		case "header":
			proto.Header, err = scalar(v)
		case "value":
			proto.Value, err = settingValue(v)
		case "scope":
			var s string
			if s, err = scalar(v); err == nil {
				var ok bool
				if proto.Scope, ok = scopeNames[s]; !ok {
					err = rowErr(v, "bad scope %q: want anywhere or per-request", s)
				}
			}
		case "copy":
			if v.Kind != yaml.ScalarNode || v.Tag != "!!bool" {
				err = rowErr(v, "copy: expected true or false")
			} else {
				proto.Copy = v.Value == "true"
			}
		default:
			return nil, rowErr(k, "unknown key %q in row (known keys: %s)", k.Value, rowKeys)
		}
		if err != nil {
			if _, ok := err.(*RowError); !ok {
				err = rowErr(v, "%s: %v", k.Value, err)
			}
			return nil, err
		}
	}
	switch {
	case proto.Lang == "":
		return nil, rowErr(n, "row needs lang: go or python")
	case proto.Lang == Go && pkgKey != "package":
		return nil, rowErr(n, "a Go row needs package (a package path)")
	case proto.Lang == Python && pkgKey != "module":
		return nil, rowErr(n, "a Python row needs module (a dotted module name)")
	case len(names) == 0:
		return nil, rowErr(n, "row needs a name")
	case proto.Rule == "" && proto.Silent == "":
		return nil, rowErr(n, "row needs a rule (one of %s), or silent: with the reason it is never reported", IDs())
	case proto.Rule != "" && proto.Silent != "":
		return nil, rowErr(n, "a row has a rule or silent, not both")
	case proto.Receiver != "" && proto.Lang != Go:
		return nil, rowErr(n, "receiver is for Go methods; a Python method is module: pkg.Class, name: method")
	case proto.Pool != "" && proto.Variant != SharedPool:
		return nil, rowErr(n, "pool names what a shared-pool row shares: add variant: shared-pool")
	case proto.Option != "" && proto.Variant != SharedPool && proto.Variant != OwnPool:
		return nil, rowErr(n, "option names the field that carries the pool: add variant: own-pool or shared-pool")
	case proto.Copy && proto.Receiver == "":
		return nil, rowErr(n, "copy marks a method returning a copy of its receiver: it needs receiver")
	}
	if err := checkSetting(n, &proto, seen); err != nil {
		return nil, err
	}
	if variantNode != nil && proto.Variant == FreshTransport {
		return nil, rowErr(variantNode, "fresh-transport is found at the construction site; a row says shared-pool")
	}
	if proto.Rule != "" {
		rule := lookupDef(proto.Rule)
		if rule == nil {
			return nil, rowErr(n, "unknown rule %q (known rules: %s)", proto.Rule, IDs())
		}
		if !rule.Has(proto.Lang) {
			return nil, rowErr(n, "rule %s has no %s constructions", proto.Rule, proto.Lang)
		}
	}
	var out []*Row
	for _, p := range pkgs {
		if err := validPackage(proto.Lang, p); err != nil {
			return nil, rowErr(n, "%s %q: %v", pkgKey, p, err)
		}
		for _, nm := range names {
			if err := validName(nm); err != nil {
				return nil, rowErr(n, "name %q: %v", nm, err)
			}
			r := proto
			r.Package, r.Name = p, nm
			out = append(out, &r)
		}
	}
	return out, nil
}

// checkSetting validates a setting row (one with any of field, header,
// value, scope) and gives it its scope's variant.
func checkSetting(n *yaml.Node, r *Row, seen map[string]bool) error {
	if !seen["field"] && !seen["header"] && !seen["value"] && !seen["scope"] {
		return nil
	}
	switch {
	case r.Field == "" || r.Value == "" || r.Scope == ScopeNone:
		return rowErr(n, "a setting row needs field, value and scope (anywhere or per-request)")
	case r.Rule == "":
		return rowErr(n, "a setting row needs a rule")
	case seen["variant"] || r.Pool != "" || r.Option != "" || r.Copy || r.Receiver != "":
		return rowErr(n, "a setting row has no variant, pool, option, copy or receiver: its scope decides")
	case !isIdentPattern(r.Field) || strings.Contains(r.Field, "*"):
		return rowErr(n, "field %q: want a field, keyword or attribute name", r.Field)
	}
	r.Variant = r.Scope.Variant()
	return nil
}

// settingValue reads a setting's value: a boolean, an integer or a
// string, normalised as MatchValue compares it.
func settingValue(n *yaml.Node) (string, error) {
	s, err := scalar(n)
	if err != nil {
		return "", err
	}
	switch n.Tag {
	case "!!bool":
		return strings.ToLower(s), nil
	case "!!int", "!!str":
		return s, nil
	}
	return "", rowErr(n, "value: want true, false, an integer or a string")
}

func scalar(n *yaml.Node) (string, error) {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" || n.Value == "" {
		return "", rowErr(n, "expected a string")
	}
	return n.Value, nil
}

// scalars accepts a string or a list of strings.
func scalars(n *yaml.Node) ([]string, error) {
	if n.Kind == yaml.SequenceNode {
		var out []string
		for _, e := range n.Content {
			s, err := scalar(e)
			if err != nil {
				return nil, err
			}
			out = append(out, s)
		}
		if len(out) == 0 {
			return nil, rowErr(n, "expected a string or a non-empty list")
		}
		return out, nil
	}
	s, err := scalar(n)
	return []string{s}, err
}

// validPackage checks a Go package path or a Python module pattern.
func validPackage(lang Lang, p string) error {
	if strings.ContainsAny(p, " \t()") {
		return fmt.Errorf("want a %s", map[Lang]string{Go: "package path", Python: "dotted module name"}[lang])
	}
	if lang == Python {
		segs := strings.Split(p, ".")
		for i, s := range segs {
			if s == "**" && i == len(segs)-1 && i > 0 {
				continue
			}
			if !isIdentPattern(s) {
				return fmt.Errorf("want a dotted module name (* matches one name, a final .** any submodules)")
			}
		}
		return nil
	}
	for _, seg := range strings.Split(p, "/") {
		if strings.Contains(seg, "*") && seg != "*" {
			return fmt.Errorf("a Go package path's wildcard is a whole element (service/*)")
		}
	}
	return nil
}

func validName(s string) error {
	if !isIdentPattern(s) {
		return fmt.Errorf("want an identifier, * matching any run of letters")
	}
	return nil
}

// isIdentPattern reports whether s is an identifier in which "*" may
// stand for any run of identifier characters.
func isIdentPattern(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		letter := r == '_' || r == '*' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || r > 0x7f
		if !letter && (i == 0 || r < '0' || r > '9') {
			return false
		}
	}
	return true
}

// literalLen is how specific a pattern is: its characters other than
// "*" (and a trailing ".**").
func literalLen(p string) int {
	p = strings.TrimSuffix(p, ".**")
	return len(p) - strings.Count(p, "*")
}

// matchName matches an identifier pattern.
func matchName(pattern, name string) bool {
	if !strings.Contains(pattern, "*") {
		return pattern == name
	}
	ok, err := path.Match(pattern, name)
	return err == nil && ok
}

// matchModule matches a dotted module pattern: "*" within a segment, a
// final ".**" for the module and its submodules.
func matchModule(pattern, mod string) bool {
	if !strings.Contains(pattern, "*") {
		return pattern == mod
	}
	pat := strings.Split(pattern, ".")
	segs := strings.Split(mod, ".")
	tail := pat[len(pat)-1] == "**"
	if tail {
		pat = pat[:len(pat)-1]
		if len(segs) < len(pat) {
			return false
		}
	} else if len(segs) != len(pat) {
		return false
	}
	for i, p := range pat {
		if !matchName(p, segs[i]) {
			return false
		}
	}
	return true
}

// best picks the most specific row of rows (see Row), or nil.
func best(rows []*Row) *Row {
	var b *Row
	for _, r := range rows {
		if b == nil || moreSpecific(r, b) {
			b = r
		}
	}
	return b
}

// moreSpecific reports whether x wins over y; rows are visited in
// declaration order, so a tie goes to x, declared later.
func moreSpecific(x, y *Row) bool {
	if a, b := literalLen(x.Package), literalLen(y.Package); a != b {
		return a > b
	}
	if a, b := literalLen(x.Name), literalLen(y.Name); a != b {
		return a > b
	}
	return true
}
