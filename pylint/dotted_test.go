package pylint

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/python"
)

// TestDottedSpan: the fast path of dotted (the source text of a chain
// written without spaces) gives what joining the chain's parts gives, on
// every attribute and identifier of the fixtures and of chains written
// with spaces, line breaks, comments and parentheses.
func TestDottedSpan(t *testing.T) {
	srcs := map[string]string{
		"spaces": "a . b\nx = a.\\\n  b.c\ny = (a).b\nz = (a\n  .b  # c\n  .c)\nw = a\t.b\f.c\n",
		"plain":  "import requests\nrequests.Session()\naiohttp.client.ClientSession().get\n",
	}
	var files []string
	filepath.WalkDir(fixtureRoot(), func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".py") {
			files = append(files, path)
		}
		return nil
	})
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		srcs[f] = string(b)
	}
	p := sitter.NewParser()
	defer p.Close()
	p.SetLanguage(python.GetLanguage())
	fast := 0
	for name, src := range srcs {
		tree, err := p.ParseCtx(context.Background(), nil, []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		nodes := flattenCopy(tree, len(src))
		tree.Close()
		w := &walker{src: []byte(src), nodes: nodes}
		for i := range nodes {
			n := int32(i)
			if typ := w.typ(n); typ != "attribute" && typ != "identifier" {
				continue
			}
			got, ok := w.dottedSpan(n)
			if !ok {
				continue
			}
			fast++
			if want := w.dottedJoin(n); got != want {
				t.Errorf("%s: %q: dottedSpan = %q, joined parts = %q", name, w.text(n), got, want)
			}
		}
	}
	if fast < 1000 {
		t.Errorf("the fast path was taken %d times on the fixtures; want it to be the common case", fast)
	}
}

// TestGrammarFields: every field the walk reads exists in the grammar
// linked in (a renamed field would silently read as absent).
func TestGrammarFields(t *testing.T) {
	for name, id := range map[string]fieldID{
		"alias":        fieldAlias,
		"alternative":  fieldAlternative,
		"argument":     fieldArgument,
		"arguments":    fieldArguments,
		"attribute":    fieldAttribute,
		"body":         fieldBody,
		"condition":    fieldCondition,
		"consequence":  fieldConsequence,
		"function":     fieldFunction,
		"key":          fieldKey,
		"left":         fieldLeft,
		"module_name":  fieldModuleName,
		"name":         fieldName,
		"object":       fieldObject,
		"parameters":   fieldParameters,
		"right":        fieldRight,
		"subscript":    fieldSubscript,
		"superclasses": fieldSuperclasses,
		"type":         fieldType,
		"value":        fieldValue,
	} {
		if id == 0 {
			t.Errorf("grammar has no field %q", name)
		}
	}
}
