// Package sarifcheck validates SARIF logs against the official SARIF
// 2.1.0 JSON schema (testdata/sarif-schema-2.1.0.json) for tests.
package sarifcheck

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

const schemaFile = "testdata/sarif-schema-2.1.0.json"

// Validator validates SARIF documents.
type Validator struct{ schema *jsonschema.Schema }

// New compiles the schema found in the module root above the working
// directory.
func New() (*Validator, error) {
	root, err := moduleRoot()
	if err != nil {
		return nil, err
	}
	f, err := os.Open(filepath.Join(root, schemaFile))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		return nil, fmt.Errorf("parsing %s: %w", schemaFile, err)
	}
	c := jsonschema.NewCompiler()
	const url = "sarif-schema-2.1.0.json"
	if err := c.AddResource(url, doc); err != nil {
		return nil, err
	}
	sch, err := c.Compile(url)
	if err != nil {
		return nil, fmt.Errorf("compiling %s: %w", schemaFile, err)
	}
	return &Validator{schema: sch}, nil
}

// Validate checks one SARIF document.
func (v *Validator) Validate(data []byte) error {
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("not JSON: %w", err)
	}
	return v.schema.Validate(inst)
}

func moduleRoot() (string, error) {
	d, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(d, schemaFile)); err == nil {
			if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
				return d, nil
			}
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", errors.New("sarifcheck: " + schemaFile + " not found above the working directory")
		}
		d = parent
	}
}
