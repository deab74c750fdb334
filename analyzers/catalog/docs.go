package catalog

import (
	"fmt"
	"io/fs"
	"path"
	"strings"
	"text/template"
)

// useInstead are the parameters of the "py-use-instead" partial.
type useInstead struct {
	Import, Ctor, Call string
}

// renderDoc executes r's body template. Partials in rules/partials are
// named after their file ("snat-why"); {{rows "go"}} lists the rule's
// constructions from rows; {{pyfixes IMPORT CTOR CALL}} is the
// "py-use-instead" partial for one client.
func renderDoc(r *Rule, rows []*Row) (string, error) {
	t := template.New(r.ID).Option("missingkey=error")
	t.Funcs(template.FuncMap{
		"rows": func(lang string) (string, error) {
			l, err := ParseLang(lang)
			if err != nil {
				return "", err
			}
			return rowList(r.ID, l, rows), nil
		},
		"pyfixes": func(imp, ctor, call string) (string, error) {
			var b strings.Builder
			err := t.ExecuteTemplate(&b, "py-use-instead", useInstead{imp, ctor, call})
			return b.String(), err
		},
	})
	partials, err := fs.Glob(data, "rules/partials/*.md")
	if err != nil {
		return "", err
	}
	for _, p := range partials {
		src, err := data.ReadFile(p)
		if err != nil {
			return "", err
		}
		name := strings.TrimSuffix(path.Base(p), ".md")
		if _, err := t.New(name).Parse(string(src)); err != nil {
			return "", err
		}
	}
	if _, err := t.Parse(r.body); err != nil {
		return "", err
	}
	var b strings.Builder
	if err := t.ExecuteTemplate(&b, r.ID, nil); err != nil {
		return "", err
	}
	return b.String(), nil
}

// rowList renders the constructions of rule in lang as a Markdown list,
// one item per row of a provider file (a row listing several modules or
// names is one item), in provider order.
func rowList(rule string, lang Lang, rows []*Row) string {
	var b strings.Builder
	for _, group := range groupRows(rows) {
		if r := group[0]; r.Rule == rule && r.Lang == lang {
			fmt.Fprintf(&b, "- %s\n", rowDoc(group))
		}
	}
	if b.Len() == 0 {
		return "- none\n"
	}
	return b.String()
}

// groupRows groups the rows decoded from one row of a file.
func groupRows(rows []*Row) [][]*Row {
	var out [][]*Row
	for i, r := range rows {
		if i > 0 && r.Source == rows[i-1].Source && r.Line == rows[i-1].Line {
			out[len(out)-1] = append(out[len(out)-1], r)
			continue
		}
		out = append(out, []*Row{r})
	}
	return out
}

// rowDoc describes one group of rows for the docs.
func rowDoc(group []*Row) string {
	r := group[0]
	var names []string
	for _, g := range group {
		switch {
		case g.Lang == Python && strings.HasSuffix(g.Package, ".**"):
			names = append(names, "`"+strings.TrimSuffix(g.Package, ".**")+"[.**]."+g.Name+"`")
		case g.Receiver != "":
			names = append(names, "`(*"+g.Package+"."+g.Receiver+")."+g.Name+"`")
		default:
			names = append(names, "`"+g.Package+"."+g.Name+"`")
		}
	}
	name := strings.Join(names, ", ")
	if r.IsSetting() {
		return name + ": " + settingDoc(r)
	}
	var notes []string
	if r.What != "" {
		notes = append(notes, "builds "+r.What)
	}
	switch r.Variant {
	case OwnPool:
		s := "owns its pool"
		switch {
		case r.Option != "" && r.Lang == Python:
			s += " unless given an existing `" + r.Option + "=`"
		case r.Option != "":
			s += " unless its `" + r.Option + "` is an existing one"
		}
		notes = append(notes, s)
	case SharedPool:
		s := "shares " + cmpOr(r.Pool, "a process-wide pool")
		if r.Option != "" {
			s += " unless its `" + r.Option + "` is built right there"
		} else {
			s += " unless its options carry a transport built right there"
		}
		notes = append(notes, s)
	}
	if r.Copy {
		notes = append(notes, "a copy of its receiver, like a literal")
	}
	if len(notes) == 0 {
		return name
	}
	return name + ": " + strings.Join(notes, "; ")
}

// settingDoc describes a setting row for the docs.
func settingDoc(r *Row) string {
	var s string
	switch {
	case r.Header != "" && r.Lang == Go:
		s = "header `" + r.Header + ": " + r.Value + "` in its `" + r.Field + "`"
	case r.Header != "":
		s = "header `" + r.Header + ": " + r.Value + "` in `" + r.Field + "=`"
	default:
		s = "`" + r.SettingText() + "`"
	}
	if r.Scope == PerRequest {
		return s + ", in a per-request context"
	}
	return s + ", anywhere"
}

// SilentDoc lists the silent rows (never reported) as a Markdown list.
func SilentDoc() string {
	var b strings.Builder
	for _, group := range groupRows(BuiltinRows()) {
		if r := group[0]; r.Silent != "" {
			fmt.Fprintf(&b, "- %s %s: %s\n", langName[r.Lang], rowDoc(group), r.Silent)
		}
	}
	return b.String()
}

var langName = map[Lang]string{Go: "Go", Python: "Python"}

// isClassName reports whether a Python name (pattern) names a class:
// by PEP 8, class names start with a capital letter; a pattern starting
// with "*" names classes when it ends in a capitalized word ("*Client").
func isClassName(name string) bool {
	name = strings.TrimLeft(name, "*")
	return name != "" && name[0] >= 'A' && name[0] <= 'Z'
}
