package datastore_test

import (
	"testing"

	"github.com/snatlint/snatlint/analyzers/datastore"
	"github.com/snatlint/snatlint/analyzers/internal/fixtures"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestValidate(t *testing.T) {
	if err := analysis.Validate([]*analysis.Analyzer{datastore.Analyzer}); err != nil {
		t.Fatal(err)
	}
}

// TestDatastore: every SNAT007 row in a handler, in a loop and through a
// helper; the silent twins built once.
func TestDatastore(t *testing.T) {
	t.Parallel()
	fixtures.BoundedMessages(t, analysistest.Run(t, fixtures.Dir(t), datastore.Analyzer, "store/handlers", "store/silent"))
}
