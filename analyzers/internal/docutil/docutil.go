// Package docutil extracts an analyzer's documentation from its package
// comment: the "# Analyzer NAME" section of doc.go, embedded with
// //go:embed.
package docutil

import (
	"fmt"
	"go/parser"
	"go/token"
	"strings"
)

// Extract returns the text of the "# Analyzer name" section of the
// package comment in content (the source of a doc.go file): the lines
// after the heading up to the next heading or the end.
func Extract(content []byte, name string) (string, error) {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", content, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		return "", err
	}
	if f.Doc == nil {
		return "", fmt.Errorf("doc.go has no package comment")
	}
	heading := "# Analyzer " + name
	var out []string
	in := false
	for line := range strings.SplitSeq(f.Doc.Text(), "\n") {
		if strings.HasPrefix(line, "# ") {
			if in {
				break
			}
			in = strings.TrimSpace(line) == heading
			continue
		}
		if in {
			out = append(out, line)
		}
	}
	if !in && len(out) == 0 {
		return "", fmt.Errorf("doc.go has no %q section", heading)
	}
	doc := strings.TrimSpace(strings.Join(out, "\n"))
	if !strings.HasPrefix(doc, name+": ") {
		return "", fmt.Errorf("%q section must start with %q", heading, name+": ")
	}
	return doc, nil
}

// MustExtract is Extract for embedded doc.go files: it panics on error.
func MustExtract(content []byte, name string) string {
	doc, err := Extract(content, name)
	if err != nil {
		panic(fmt.Sprintf("docutil: %v", err))
	}
	return doc
}
