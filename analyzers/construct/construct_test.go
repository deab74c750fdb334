package construct_test

import (
	"testing"

	"github.com/snatlint/snatlint/analyzers/construct"
	"github.com/snatlint/snatlint/analyzers/internal/fixtures"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestValidate(t *testing.T) {
	if err := analysis.Validate([]*analysis.Analyzer{construct.Analyzer}); err != nil {
		t.Fatal(err)
	}
}

func TestFacts(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, fixtures.Dir(t), construct.Analyzer, "facts/lib", "facts/use")
}
