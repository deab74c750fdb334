// Package config is snatlint's configuration: the .snatlint.yaml file and
// the options both passes take from it.
package config

import "github.com/snatlint/snatlint/analyzers/catalog"

// File is the decoded .snatlint.yaml. The zero value is the default
// configuration.
type File struct {
	Path string // where it was read from; empty for the default

	Go     Go
	Python Python

	// Exclude holds path globs (slash-separated, relative to the
	// directory holding the config file) whose files are not checked.
	Exclude []string
	// Rules turns rules off or overrides their level, by rule ID.
	Rules map[string]RuleSetting
	// Tests includes test files (_test.go; tests/, test_*.py, *_test.py,
	// conftest.py).
	Tests bool
}

// RuleSetting is one entry of the rules section.
type RuleSetting struct {
	Disabled bool
	Level    catalog.Level // empty: the rule's own level
}

// Constructor is an extra pool-owning constructor from the config.
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
