// Package analyzers lists snatlint's Go analyzers.
package analyzers

import (
	"github.com/snatlint/snatlint/analyzers/azureclient"
	"github.com/snatlint/snatlint/analyzers/config"
	"github.com/snatlint/snatlint/analyzers/construct"
	"github.com/snatlint/snatlint/analyzers/hotpath"
	"github.com/snatlint/snatlint/analyzers/httpclient"
	"golang.org/x/tools/go/analysis"
)

// New returns the reporting analyzers configured by cfg (their
// helper analyzers are reached through Requires).
func New(cfg *config.File) []*analysis.Analyzer {
	if cfg == nil {
		return All()
	}
	hp := hotpath.New(cfg)
	cs := construct.New(hp)
	return []*analysis.Analyzer{httpclient.New(hp, cs), azureclient.New(hp, cs)}
}

// All returns the analyzers with the default configuration, for vet mode:
// their hotpath helper carries the -hotpath.config and -hotpath.tests
// flags.
func All() []*analysis.Analyzer {
	return []*analysis.Analyzer{httpclient.Analyzer, azureclient.Analyzer}
}
