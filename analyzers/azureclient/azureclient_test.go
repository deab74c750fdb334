package azureclient_test

import (
	"testing"

	"github.com/snatlint/snatlint/analyzers/azureclient"
	"github.com/snatlint/snatlint/analyzers/internal/fixtures"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestValidate(t *testing.T) {
	if err := analysis.Validate([]*analysis.Analyzer{azureclient.Analyzer}); err != nil {
		t.Fatal(err)
	}
}

func TestAzureClient(t *testing.T) {
	t.Parallel()
	fixtures.BoundedMessages(t, analysistest.Run(t, fixtures.Dir(t), azureclient.Analyzer, "azx/handlers", "azx/silent"))
}
