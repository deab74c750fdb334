package hotpath_test

import (
	"go/ast"
	"testing"

	"github.com/snatlint/snatlint/analyzers/hotpath"
	"github.com/snatlint/snatlint/analyzers/internal/fixtures"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// marker reports the context of every call to a function named mark.
var marker = &analysis.Analyzer{
	Name:     "marker",
	Doc:      "report hotpath contexts of mark() calls",
	Requires: []*analysis.Analyzer{hotpath.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		hp := pass.ResultOf[hotpath.Analyzer].(*hotpath.Result)
		for cur := range hp.Inspector().Root().Preorder((*ast.CallExpr)(nil)) {
			call := cur.Node().(*ast.CallExpr)
			if id, ok := call.Fun.(*ast.Ident); !ok || id.Name != "mark" {
				continue
			}
			if ctx, ok := hp.ContextOf(cur); ok {
				pass.Reportf(call.Pos(), "%s", ctx.Desc)
			}
		}
		return nil, nil
	},
}

// loopKinds reports the kind of every loop.
var loopKinds = &analysis.Analyzer{
	Name:     "loopkinds",
	Doc:      "report hotpath's kind of every loop",
	Requires: []*analysis.Analyzer{hotpath.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		hp := pass.ResultOf[hotpath.Analyzer].(*hotpath.Result)
		for cur := range hp.Inspector().Root().Preorder((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil)) {
			pass.Reportf(cur.Node().Pos(), "%s", hp.LoopKind(cur))
		}
		return nil, nil
	},
}

func TestValidate(t *testing.T) {
	if err := analysis.Validate([]*analysis.Analyzer{hotpath.Analyzer}); err != nil {
		t.Fatal(err)
	}
}

func TestContexts(t *testing.T) {
	analysistest.Run(t, fixtures.Dir(t), marker, "hot")
}

// TestLoopKinds: one loop per case of design.md's "Loops" and "Loop
// details", each beside its hot twin.
func TestLoopKinds(t *testing.T) {
	analysistest.Run(t, fixtures.Dir(t), loopKinds, "hot/loops")
}
