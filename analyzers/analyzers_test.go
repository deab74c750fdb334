package analyzers_test

import (
	"testing"

	"github.com/snatlint/snatlint/analyzers"
	"github.com/snatlint/snatlint/analyzers/catalog"
	"github.com/snatlint/snatlint/analyzers/config"
	"golang.org/x/tools/go/analysis"
)

func TestNew(t *testing.T) {
	tests := []struct {
		name string
		cfg  *config.File
	}{
		{"default", nil},
		{"configured", &config.File{Tests: true, Go: config.Go{HandlerTypes: []string{"*example.com/x.Ctx"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			as := analyzers.New(tt.cfg)
			if err := analysis.Validate(as); err != nil {
				t.Fatalf("Validate(New(%v)) = %v", tt.cfg, err)
			}
			var names []string
			for _, a := range as {
				names = append(names, a.Name)
			}
			want := []string{"httpclient", "azureclient", "sdkclient", "datastore", "hotpath"}
			if len(names) != len(want) {
				t.Fatalf("New(%v) names = %v, want %v", tt.cfg, names, want)
			}
			for i := range want {
				if names[i] != want[i] {
					t.Errorf("New(%v) names = %v, want %v", tt.cfg, names, want)
				}
			}
			// The reporting analyzers share one hotpath helper: the one
			// listed last, whose flags the driver registers.
			hp := as[len(as)-1]
			for _, a := range as[:len(as)-1] {
				if a.Requires[0] != hp {
					t.Errorf("%s requires %s, not the listed hotpath", a.Name, a.Requires[0].Name)
				}
			}
			if hp.Flags.Lookup("config") == nil || hp.Flags.Lookup("tests") == nil {
				t.Errorf("hotpath lacks its -config or -tests flag")
			}
		})
	}
}

// TestRulesRegistered: every rule with Go constructions names an
// analyzer of All, which reports it; a rule file naming an analyzer that
// does not exist fails here.
func TestRulesRegistered(t *testing.T) {
	names := map[string]bool{}
	for _, a := range analyzers.All() {
		names[a.Name] = true
	}
	for _, r := range catalog.Rules() {
		if !r.Has(catalog.Go) {
			continue
		}
		if !names[r.Analyzer] {
			t.Errorf("%s is reported by analyzer %q, which is not in analyzers.All", r.ID, r.Analyzer)
		}
	}
}
