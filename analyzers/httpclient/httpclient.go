package httpclient

import (
	_ "embed"

	"github.com/snatlint/snatlint/analyzers/catalog"
	"github.com/snatlint/snatlint/analyzers/construct"
	"github.com/snatlint/snatlint/analyzers/hotpath"
	"github.com/snatlint/snatlint/analyzers/internal/docutil"
	"github.com/snatlint/snatlint/analyzers/internal/thin"
	"golang.org/x/tools/go/analysis"
)

//go:embed doc.go
var doc []byte

// Analyzer is httpclient with the default configuration, for vet mode.
var Analyzer = New(hotpath.Analyzer, construct.Analyzer)

// New returns an httpclient analyzer using hp (hotpath.New) and cs
// (construct.New built on the same hp).
func New(hp, cs *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     "httpclient",
		Doc:      docutil.MustExtract(doc, "httpclient"),
		URL:      catalog.MustLookup(catalog.SNAT001).HelpURI(),
		Requires: []*analysis.Analyzer{hp, cs},
		Run: func(pass *analysis.Pass) (any, error) {
			thin.Run(pass, pass.ResultOf[hp].(*hotpath.Result), pass.ResultOf[cs].(*construct.Result), thin.Spec{
				Rules:            []string{catalog.SNAT001, catalog.SNAT002},
				ReportDirectives: true,
				NewFixer:         newHoister,
			})
			return nil, nil
		},
	}
}
