// Package analyzers lists snatlint's Go analyzers.
package analyzers

import (
	"github.com/snatlint/snatlint/analyzers/azureclient"
	"github.com/snatlint/snatlint/analyzers/catalog"
	"github.com/snatlint/snatlint/analyzers/config"
	"github.com/snatlint/snatlint/analyzers/construct"
	"github.com/snatlint/snatlint/analyzers/datastore"
	"github.com/snatlint/snatlint/analyzers/hotpath"
	"github.com/snatlint/snatlint/analyzers/httpclient"
	"github.com/snatlint/snatlint/analyzers/internal/diag"
	"github.com/snatlint/snatlint/analyzers/sdkclient"
	"golang.org/x/tools/go/analysis"
)

// New returns the analyzers configured by cfg: the reporting analyzers
// httpclient, azureclient, sdkclient and datastore (each reports the
// rules whose rule file names it), then their hotpath helper (it reports
// nothing; it is listed so that drivers register its flags,
// -hotpath.config and -hotpath.tests, which only top-level analyzers
// get). construct is reached through Requires.
func New(cfg *config.File) []*analysis.Analyzer {
	if cfg == nil {
		return All()
	}
	hp := hotpath.New(cfg)
	cs := construct.New(hp)
	return []*analysis.Analyzer{httpclient.New(hp, cs), azureclient.New(hp, cs), sdkclient.New(hp, cs), datastore.New(hp, cs), hp}
}

// All returns the analyzers with the default configuration, for vet
// mode; see New.
func All() []*analysis.Analyzer {
	return []*analysis.Analyzer{httpclient.Analyzer, azureclient.Analyzer, sdkclient.Analyzer, datastore.Analyzer, hotpath.Analyzer}
}

// LevelOf returns the level of a diagnostic reported by these analyzers:
// the level travels in the URL fragment ("...SNAT002.md#level-error");
// without one, the rule's default level; "" for diagnostics that are not
// findings (Category "directive": a malformed suppression directive).
// go vet -json output carries no URL: there, use the rule's default
// level.
func LevelOf(d analysis.Diagnostic) catalog.Level { return diag.LevelOf(d) }

// CategoryDirective is the Category of diagnostics about malformed
// suppression directives (//snatlint:ignore without a rule ID or reason).
const CategoryDirective = diag.CategoryDirective
