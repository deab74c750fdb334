// Package config is snatlint's configuration: the .snatlint.yaml file and
// the options both passes take from it.
package config

import (
	"strings"

	"github.com/snatlint/snatlint/analyzers/catalog"
)

// File is the decoded .snatlint.yaml. The zero value is the default
// configuration.
type File struct {
	Path string // where it was read from; empty for the default

	Go     Go
	Python Python

	// Rows are extra constructions of any rule, with the schema of the
	// provider files (analyzers/catalog/providers): a company's NewRedis,
	// make_s3, ...
	Rows []*catalog.Row

	// Exclude holds path globs (slash-separated, relative to the
	// directory holding the config file) whose files are not checked.
	Exclude []string
	// Rules turns rules off or overrides their level, by rule ID.
	Rules map[string]RuleSetting
	// Tests includes test files (_test.go; tests/, test_*.py, *_test.py,
	// conftest.py).
	Tests bool
	// BuildTags are the Go build tags of the run (the -tags flag; not a
	// configuration file key).
	BuildTags []string
}

// RuleSetting is one entry of the rules section.
type RuleSetting struct {
	Disabled bool
	Level    catalog.Level // empty: the rule's own level
}

// GoRows are the configuration's Go rows: Go.Constructors and the Go
// rows of Rows. f may be nil.
func (f *File) GoRows() []*catalog.Row { return f.rows(catalog.Go) }

// PythonRows are the configuration's Python rows: Python.Constructors
// and the Python rows of Rows. f may be nil.
func (f *File) PythonRows() []*catalog.Row { return f.rows(catalog.Python) }

func (f *File) rows(lang catalog.Lang) []*catalog.Row {
	if f == nil {
		return nil
	}
	var out []*catalog.Row
	cs := f.Go.Constructors
	if lang == catalog.Python {
		cs = f.Python.Constructors
	}
	for _, c := range cs {
		out = append(out, c.Row(lang, f.Path))
	}
	for _, r := range f.Rows {
		if r.Lang == lang {
			out = append(out, r)
		}
	}
	return out
}

// Row is the catalog row of a constructor of lang: "pkg/path.Func",
// "pkg/path.Type" or "pkg/path.Type.Method" for Go, "module.attr" for
// Python.
func (c Constructor) Row(lang catalog.Lang, source string) *catalog.Row {
	r := &catalog.Row{Lang: lang, Rule: c.Rule, Source: source}
	if lang == catalog.Python {
		i := strings.LastIndexByte(c.Name, '.')
		r.Package, r.Name = c.Name[:max(i, 0)], c.Name[i+1:]
		return r
	}
	slash := strings.LastIndexByte(c.Name, '/')
	dot := strings.IndexByte(c.Name[slash+1:], '.')
	if dot < 0 {
		r.Package, r.Name = c.Name, ""
		return r
	}
	r.Package = c.Name[:slash+1+dot]
	rest := c.Name[slash+1+dot+1:]
	if recv, name, ok := strings.Cut(rest, "."); ok {
		r.Receiver, r.Name = recv, name
	} else {
		r.Name = rest
	}
	return r
}

// Constructor is an extra pool-owning constructor from the config (the
// go.constructors and python.constructors keys; rows are the general
// form).
type Constructor struct {
	// Name is "pkg/path.Func", "pkg/path.Type" or "pkg/path.Type.Method"
	// for Go, "module.attr" for Python.
	Name string
	// Rule is the rule ID a construction is reported under.
	Rule string
}

// Go holds the Go analyzers' options.
type Go struct {
	Constructors []Constructor
	// HandlerTypes are extra parameter types ("pkg/path.Type", pointer
	// allowed as "*pkg/path.Type") that make a function a per-request
	// handler, like *gin.Context.
	HandlerTypes []string
}

// Python holds the Python pass's options.
type Python struct {
	Constructors []Constructor
	// Decorators are extra decorators (dotted, as written after "@",
	// without call arguments) that make a function per-request.
	Decorators []string
}
