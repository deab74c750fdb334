package httpclient

import (
	"github.com/snatlint/snatlint/analyzers/construct"
	"golang.org/x/tools/go/analysis"
)

// hoistFix offers no fix yet.
func hoistFix(pass *analysis.Pass, s construct.Site) []analysis.SuggestedFix {
	return nil
}
