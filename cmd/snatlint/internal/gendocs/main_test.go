package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestDocsUpToDate fails when docs/rules is stale: run go generate ./cmd/snatlint.
func TestDocsUpToDate(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "..", "docs", "rules")
	for name, want := range pages() {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Errorf("%s: %v (run go generate ./cmd/snatlint)", name, err)
			continue
		}
		if string(got) != want {
			t.Errorf("docs/rules/%s is stale: run go generate ./cmd/snatlint", name)
		}
	}
}
