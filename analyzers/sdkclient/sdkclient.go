package sdkclient

import (
	_ "embed"

	"github.com/snatlint/snatlint/analyzers/construct"
	"github.com/snatlint/snatlint/analyzers/hotpath"
	"github.com/snatlint/snatlint/analyzers/internal/thin"
	"golang.org/x/tools/go/analysis"
)

//go:embed doc.go
var doc []byte

// Analyzer is sdkclient with the default configuration, for vet mode.
var Analyzer = New(hotpath.Analyzer, construct.Analyzer)

// New returns a sdkclient analyzer using hp (hotpath.New) and cs
// (construct.New built on the same hp).
func New(hp, cs *analysis.Analyzer) *analysis.Analyzer {
	return thin.NewAnalyzer("sdkclient", doc, hp, cs, thin.Spec{})
}
