package construct_test

import (
	"path/filepath"
	"testing"

	"github.com/snatlint/snatlint/analyzers/construct"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// testdata is the top-level testdata directory.
func testdata(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestValidate(t *testing.T) {
	if err := analysis.Validate([]*analysis.Analyzer{construct.Analyzer}); err != nil {
		t.Fatal(err)
	}
}

func TestFacts(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, testdata(t), construct.Analyzer, "facts/lib", "facts/use")
}
