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

// TestDependencyFacts: in a dependency only the constructions the caller
// controls make a function construct on every call (design.md,
// "Conditional constructions inside dependencies"); a fact names its
// sites as module@version/path:line (here, in GOPATH mode, without a
// version), never a machine path.
func TestDependencyFacts(t *testing.T) {
	t.Parallel()
	results := analysistest.Run(t, fixtures.Dir(t), construct.Analyzer, "example.com/settings")
	want := map[string]string{
		"NewFetcher": "example.com/settings/settings.go:59",
		"NewDefault": "example.com/settings/settings.go:66",
	}
	for _, r := range results {
		for obj, facts := range r.Facts {
			for _, f := range facts {
				c, ok := f.(*construct.Constructs)
				if !ok {
					continue
				}
				if w := want[obj.Name()]; len(c.Sites) != 1 || c.Sites[0] != w {
					t.Errorf("%s: sites %q, want [%q]", obj.Name(), c.Sites, w)
				}
			}
		}
	}
}
