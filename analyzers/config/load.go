package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/snatlint/snatlint/analyzers/catalog"
	"github.com/snatlint/snatlint/internal/userfile"
	"go.yaml.in/yaml/v3"
)

// FileName is the name of the configuration file searched by Find.
const FileName = ".snatlint.yaml"

// Find searches dir and its parents for FileName and returns its path, or
// "" (and a nil error) when there is none. A FileName that exists but
// cannot be used (a dangling symbolic link, no permission) is an error,
// not a reason to look further up; a directory of that name is skipped.
func Find(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("finding %s: %w", FileName, err)
	}
	for d := abs; ; {
		p := filepath.Join(d, FileName)
		st, err := os.Stat(p)
		switch {
		case err == nil && !st.IsDir():
			return p, nil
		case err != nil && !errors.Is(err, fs.ErrNotExist):
			return "", fmt.Errorf("finding %s: %w", FileName, err)
		case err != nil:
			if _, lerr := os.Lstat(p); lerr == nil {
				return "", fmt.Errorf("%s: a symbolic link to a missing file", p)
			}
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", nil
		}
		d = parent
	}
}

// maxConfigSize bounds the configuration file read.
const maxConfigSize = 1 << 20

// Load reads and validates the configuration file at path. An unknown key
// or a bad value is an error of the form "FILE:LINE: message". Only a
// regular file is opened (a FIFO or device is an error, never a hang).
func Load(path string) (*File, error) {
	data, err := userfile.Read(path, maxConfigSize)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("reading config %s: %w", path, err)
	}
	f, err := Parse(path, data)
	if err != nil {
		return nil, err
	}
	return f, nil
}

// Parse decodes and validates configuration text; path is used in error
// messages and recorded in File.Path.
func Parse(path string, data []byte) (*File, error) {
	d := decoder{path: path}
	f := &File{Path: path}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s: %s", path, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		line := extra.Line
		if err != nil {
			return nil, fmt.Errorf("%s: %s", path, strings.TrimPrefix(err.Error(), "yaml: "))
		}
		return nil, fmt.Errorf("%s:%d: a second YAML document (after ---): the configuration is one document", path, line)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return f, nil // empty file: defaults
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return f, nil
	}
	if err := d.mapping(root, map[string]func(*yaml.Node) error{
		"go":      func(n *yaml.Node) error { return d.goSection(n, &f.Go) },
		"python":  func(n *yaml.Node) error { return d.pythonSection(n, &f.Python) },
		"exclude": func(n *yaml.Node) error { return d.globs(n, &f.Exclude) },
		"rules":   func(n *yaml.Node) error { return d.rules(n, &f.Rules) },
		"rows":    func(n *yaml.Node) error { return d.rows(n, &f.Rows) },
		"tests":   func(n *yaml.Node) error { return d.boolean(n, &f.Tests) },
	}); err != nil {
		return nil, err
	}
	return f, nil
}

type decoder struct{ path string }

func (d decoder) errorf(n *yaml.Node, format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s", d.path, n.Line, fmt.Sprintf(format, args...))
}

// mapping decodes a mapping node, calling the handler of each key; any
// other key is an error.
func (d decoder) mapping(n *yaml.Node, handlers map[string]func(*yaml.Node) error) error {
	if n.Kind != yaml.MappingNode {
		return d.errorf(n, "expected a mapping with keys %s, got %s", keyList(handlers), kindName(n))
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		h, ok := handlers[k.Value]
		if !ok {
			return d.errorf(k, "unknown key %q (known keys: %s)", k.Value, keyList(handlers))
		}
		if seen[k.Value] {
			return d.errorf(k, "duplicate key %q", k.Value)
		}
		seen[k.Value] = true
		if err := h(v); err != nil {
			return err
		}
	}
	return nil
}

func keyList(handlers map[string]func(*yaml.Node) error) string {
	keys := make([]string, 0, len(handlers))
	for k := range handlers {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return strings.Join(keys, ", ")
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	case yaml.ScalarNode:
		return fmt.Sprintf("%q", n.Value)
	}
	return "nothing"
}

func (d decoder) str(n *yaml.Node, out *string) error {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		return d.errorf(n, "expected a string, got %s", kindName(n))
	}
	*out = n.Value
	return nil
}

func (d decoder) boolean(n *yaml.Node, out *bool) error {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
		return d.errorf(n, "expected true or false, got %s", kindName(n))
	}
	b, err := strconv.ParseBool(strings.ToLower(n.Value))
	if err != nil {
		return d.errorf(n, "expected true or false, got %q", n.Value)
	}
	*out = b
	return nil
}

func (d decoder) list(n *yaml.Node, each func(*yaml.Node) error) error {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		return d.errorf(n, "expected a list, got %s", kindName(n))
	}
	for _, e := range n.Content {
		if err := each(e); err != nil {
			return err
		}
	}
	return nil
}

func (d decoder) goSection(n *yaml.Node, g *Go) error {
	return d.mapping(n, map[string]func(*yaml.Node) error{
		"constructors": func(n *yaml.Node) error {
			return d.constructors(n, &g.Constructors, validGoName)
		},
		"handler_types": func(n *yaml.Node) error {
			return d.list(n, func(e *yaml.Node) error {
				var s string
				if err := d.str(e, &s); err != nil {
					return err
				}
				if !validGoName(strings.TrimPrefix(s, "*")) {
					return d.errorf(e, "handler type %q: want \"pkg/path.Type\" or \"*pkg/path.Type\"", s)
				}
				g.HandlerTypes = append(g.HandlerTypes, s)
				return nil
			})
		},
	})
}

func (d decoder) pythonSection(n *yaml.Node, p *Python) error {
	return d.mapping(n, map[string]func(*yaml.Node) error{
		"constructors": func(n *yaml.Node) error {
			return d.constructors(n, &p.Constructors, validPythonName)
		},
		"decorators": func(n *yaml.Node) error {
			return d.list(n, func(e *yaml.Node) error {
				var s string
				if err := d.str(e, &s); err != nil {
					return err
				}
				s = strings.TrimPrefix(s, "@")
				if !validPythonName(s) && !isPythonIdent(s) {
					return d.errorf(e, "decorator %q: want a dotted name such as \"app.route\" (no call arguments)", s)
				}
				p.Decorators = append(p.Decorators, s)
				return nil
			})
		},
	})
}

func (d decoder) constructors(n *yaml.Node, out *[]Constructor, valid func(string) bool) error {
	return d.list(n, func(e *yaml.Node) error {
		var c Constructor
		if err := d.mapping(e, map[string]func(*yaml.Node) error{
			"name": func(n *yaml.Node) error {
				if err := d.str(n, &c.Name); err != nil {
					return err
				}
				if !valid(c.Name) {
					return d.errorf(n, "constructor name %q: want \"pkg/path.Func\" or \"pkg/path.Type\" for Go, \"module.attr\" for Python", c.Name)
				}
				return nil
			},
			"rule": func(n *yaml.Node) error {
				if err := d.str(n, &c.Rule); err != nil {
					return err
				}
				if _, ok := catalog.Lookup(c.Rule); !ok {
					return d.errorf(n, "unknown rule %q (known rules: %s)", c.Rule, catalog.IDs())
				}
				return nil
			},
		}); err != nil {
			return err
		}
		if c.Name == "" {
			return d.errorf(e, "constructor needs a name")
		}
		if c.Rule == "" {
			return d.errorf(e, "constructor %q needs a rule (one of %s)", c.Name, catalog.IDs())
		}
		*out = append(*out, c)
		return nil
	})
}

// rows decodes extra catalog rows (catalog.DecodeRows: the provider
// files' schema).
func (d decoder) rows(n *yaml.Node, out *[]*catalog.Row) error {
	rows, err := catalog.DecodeRows(n, d.path)
	if err != nil {
		if re, ok := err.(*catalog.RowError); ok {
			return fmt.Errorf("%s:%d: %s", d.path, re.Line, re.Msg)
		}
		return d.errorf(n, "%v", err)
	}
	*out = append(*out, rows...)
	return nil
}

func (d decoder) globs(n *yaml.Node, out *[]string) error {
	return d.list(n, func(e *yaml.Node) error {
		var s string
		if err := d.str(e, &s); err != nil {
			return err
		}
		if err := ValidGlob(s); err != nil {
			return d.errorf(e, "exclude %q: %v", s, err)
		}
		*out = append(*out, s)
		return nil
	})
}

func (d decoder) rules(n *yaml.Node, out *map[string]RuleSetting) error {
	if n.Kind != yaml.MappingNode {
		return d.errorf(n, "expected a mapping from rule ID to settings, got %s", kindName(n))
	}
	if *out == nil {
		*out = map[string]RuleSetting{}
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if _, ok := catalog.Lookup(k.Value); !ok {
			return d.errorf(k, "unknown rule %q (known rules: %s)", k.Value, catalog.IDs())
		}
		if _, dup := (*out)[k.Value]; dup {
			return d.errorf(k, "duplicate rule %q", k.Value)
		}
		var rs RuleSetting
		enabled := true
		if err := d.mapping(v, map[string]func(*yaml.Node) error{
			"enabled": func(n *yaml.Node) error { return d.boolean(n, &enabled) },
			"level": func(n *yaml.Node) error {
				var s string
				if err := d.str(n, &s); err != nil {
					return err
				}
				l, err := catalog.ParseLevel(s)
				if err != nil {
					return d.errorf(n, "%v", err)
				}
				rs.Level = l
				return nil
			},
		}); err != nil {
			return err
		}
		rs.Disabled = !enabled
		(*out)[k.Value] = rs
	}
	return nil
}

// validGoName reports whether s looks like "pkg/path.Name" or
// "pkg/path.Type.Method".
func validGoName(s string) bool {
	slash := strings.LastIndex(s, "/")
	dot := strings.Index(s[slash+1:], ".")
	if dot <= 0 || strings.ContainsAny(s, " \t*()") {
		return false
	}
	rest := s[slash+1+dot+1:]
	for _, part := range strings.Split(rest, ".") {
		if !isGoIdent(part) {
			return false
		}
	}
	return len(strings.Split(rest, ".")) <= 2
}

func isGoIdent(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		letter := r == '_' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || r > 0x7f
		if !letter && (i == 0 || r < '0' || r > '9') {
			return false
		}
	}
	return true
}

// validPythonName reports whether s is a dotted name "module.attr".
func validPythonName(s string) bool {
	parts := strings.Split(s, ".")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if !isPythonIdent(p) {
			return false
		}
	}
	return true
}

func isPythonIdent(s string) bool { return isGoIdent(s) }

// ValidGlob reports whether pattern is a valid exclusion glob: a
// slash-separated path.Match pattern, relative to the configuration
// file's directory, in which a "**" element matches any number of path
// elements. Absolute patterns and ".." elements are errors: they could
// never match a file below that directory.
func ValidGlob(pattern string) error {
	if pattern == "" {
		return errors.New("empty pattern")
	}
	if path.IsAbs(pattern) || filepath.IsAbs(pattern) || filepath.VolumeName(pattern) != "" {
		return errors.New("an absolute path never matches: write it relative to the directory of the configuration file")
	}
	for _, seg := range strings.Split(pattern, "/") {
		if seg == ".." {
			return errors.New("the pattern leaves the directory of the configuration file (..), so it never matches: move the configuration file up or drop the pattern")
		}
		if seg == "**" {
			continue
		}
		if _, err := path.Match(seg, ""); err != nil {
			return fmt.Errorf("bad glob: %w", err)
		}
	}
	return nil
}

// MatchGlob reports whether the slash-separated relative path name
// matches pattern (see ValidGlob). A pattern without a slash matches the
// base name in any directory, like .gitignore; a pattern that matches a
// directory matches everything below it. It runs in time proportional to
// the product of the numbers of elements, whatever the "**" elements.
func MatchGlob(pattern, name string) bool {
	pattern = strings.TrimPrefix(pattern, "./")
	pattern = strings.TrimSuffix(pattern, "/")
	if !strings.Contains(pattern, "/") {
		pattern = "**/" + pattern
	}
	return matchSegs(collapseStars(strings.Split(pattern, "/")), strings.Split(name, "/"))
}

// collapseStars replaces each run of "**" elements by one: they match the
// same paths.
func collapseStars(pat []string) []string {
	out := pat[:0:0]
	for _, p := range pat {
		if p == "**" && len(out) > 0 && out[len(out)-1] == "**" {
			continue
		}
		out = append(out, p)
	}
	return out
}

// matchSegs matches pattern elements against name elements, remembering
// each (pattern, name) position once decided, so a "**" never makes the
// search exponential.
func matchSegs(pat, name []string) bool {
	const (
		unknown = iota
		no
		yes
	)
	memo := make([]uint8, (len(pat)+1)*(len(name)+1))
	var match func(i, j int) bool
	match = func(i, j int) bool {
		if i == len(pat) {
			return true // the pattern matched a prefix: a directory and everything below it
		}
		k := i*(len(name)+1) + j
		if memo[k] != unknown {
			return memo[k] == yes
		}
		var ok bool
		switch {
		case pat[i] == "**":
			// Match no element here, or one more and stay on "**".
			ok = match(i+1, j) || (j < len(name) && match(i, j+1))
		case j < len(name):
			m, err := path.Match(pat[i], name[j])
			ok = err == nil && m && match(i+1, j+1)
		}
		memo[k] = no
		if ok {
			memo[k] = yes
		}
		return ok
	}
	return match(0, 0)
}

// Excluded reports whether file (an absolute or working-directory
// relative path) is excluded by f. Globs are relative to the directory
// holding the configuration file (the working directory for the default
// configuration).
func Excluded(f *File, file string) bool {
	if f == nil || len(f.Exclude) == 0 {
		return false
	}
	base := "."
	if f.Path != "" {
		base = filepath.Dir(f.Path)
	}
	absBase, err1 := filepath.Abs(base)
	absFile, err2 := filepath.Abs(file)
	if err1 != nil || err2 != nil {
		return false
	}
	rel, err := filepath.Rel(absBase, absFile)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return false
	}
	rel = filepath.ToSlash(rel)
	for _, g := range f.Exclude {
		if MatchGlob(g, rel) {
			return true
		}
	}
	return false
}

// RuleEnabled reports whether the rule id is on in f.
func RuleEnabled(f *File, id string) bool {
	if f == nil {
		return true
	}
	return !f.Rules[id].Disabled
}

// RuleLevel returns the level findings of rule id are reported at: the
// configured override, or def.
func RuleLevel(f *File, id string, def catalog.Level) catalog.Level {
	if f != nil && f.Rules[id].Level != "" {
		return f.Rules[id].Level
	}
	return def
}
