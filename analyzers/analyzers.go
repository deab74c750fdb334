// Package analyzers lists snatlint's Go analyzers.
package analyzers

import (
	"github.com/snatlint/snatlint/analyzers/config"
	"golang.org/x/tools/go/analysis"
)

// New returns the reporting analyzers configured by cfg (their
// helper analyzers are reached through Requires).
func New(cfg *config.File) []*analysis.Analyzer {
	_ = cfg
	return nil // TODO(go analyzers): httpclient, azureclient
}

// All returns the analyzers with the default configuration, for vet mode.
func All() []*analysis.Analyzer { return New(nil) }
