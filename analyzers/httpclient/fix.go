package httpclient

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/snatlint/snatlint/analyzers/construct"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// hoister offers the fix "Hoist ... to a package-level variable" for
// &http.Client{...} and &http.Transport{...} literals whose fields are
// all constants, built in a handler. The value is used the same way on
// every request, so one shared value is equivalent, unless the handler
// changes its fields: then no fix is offered.
type hoister struct {
	pass *analysis.Pass
	used map[string]bool // names chosen in this pass
}

func newHoister(pass *analysis.Pass) func(construct.Site) []analysis.SuggestedFix {
	h := &hoister{pass: pass, used: map[string]bool{}}
	return h.fix
}

func (h *hoister) fix(s construct.Site) []analysis.SuggestedFix {
	un, ok := s.Cursor.Node().(*ast.UnaryExpr)
	if !ok || un.Op != token.AND || !s.Const || s.Fact != nil || s.Callee != nil {
		return nil
	}
	if h.mutated(s.Cursor) {
		return nil
	}
	var decl inspector.Cursor
	for c := range s.Cursor.Enclosing((*ast.FuncDecl)(nil)) {
		decl = c
	}
	if !decl.Valid() {
		return nil
	}
	fd := decl.Node().(*ast.FuncDecl)
	src, err := h.pass.ReadFile(h.pass.Fset.File(un.Pos()).Name())
	if err != nil {
		return nil
	}
	tf := h.pass.Fset.File(un.Pos())
	expr := string(src[tf.Offset(un.Pos()):tf.Offset(un.End())])
	kind := "Client"
	if strings.Contains(s.What, "Transport") {
		kind = "Transport"
	}
	name := h.name(fd.Name.Name, kind, un.Pos())
	at := fd.Pos()
	if fd.Doc != nil {
		at = fd.Doc.Pos()
	}
	return []analysis.SuggestedFix{{
		Message: fmt.Sprintf("Hoist the %s to package-level variable %s", s.What, name),
		TextEdits: []analysis.TextEdit{
			{Pos: at, End: at, NewText: []byte(fmt.Sprintf("var %s = %s\n\n", name, expr))},
			{Pos: un.Pos(), End: un.End(), NewText: []byte(name)},
		},
	}}
}

// name picks an identifier, free at package level and at pos, such as
// getVMClient or getVMClient2.
func (h *hoister) name(fn, kind string, pos token.Pos) string {
	base := strings.ToLower(fn[:1]) + fn[1:] + kind
	if fn == "ServeHTTP" || fn == "main" {
		base = strings.ToLower(kind[:1]) + kind[1:]
	}
	inner := h.pass.Pkg.Scope().Innermost(pos)
	for i := 1; ; i++ {
		name := base
		if i > 1 {
			name = fmt.Sprintf("%s%d", base, i)
		}
		if h.used[name] || h.pass.Pkg.Scope().Lookup(name) != nil || token.IsKeyword(name) {
			continue
		}
		if inner != nil {
			if _, obj := inner.LookupParent(name, pos); obj != nil {
				continue
			}
		}
		if h.declaredInFile(name, pos) {
			continue
		}
		h.used[name] = true
		return name
	}
}

// declaredInFile reports whether name is an import name of the file
// holding pos (file scope, not package scope).
func (h *hoister) declaredInFile(name string, pos token.Pos) bool {
	for _, f := range h.pass.Files {
		if f.FileStart <= pos && pos < f.FileEnd {
			if s := h.pass.TypesInfo.Scopes[f]; s != nil && s.Lookup(name) != nil {
				return true
			}
		}
	}
	return false
}

// mutated reports whether the literal is stored in a local variable
// whose fields are assigned later: hoisting would share the change.
func (h *hoister) mutated(cur inspector.Cursor) bool {
	if cur.ParentEdgeKind() != edge.AssignStmt_Rhs {
		return false
	}
	as := cur.Parent().Node().(*ast.AssignStmt)
	if len(as.Lhs) != len(as.Rhs) {
		return true
	}
	id, ok := as.Lhs[cur.ParentEdgeIndex()].(*ast.Ident)
	if !ok {
		return true
	}
	obj := h.pass.TypesInfo.ObjectOf(id)
	if obj == nil {
		return false
	}
	var body inspector.Cursor
	for c := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		body = c
		break
	}
	for c := range body.Preorder((*ast.Ident)(nil)) {
		if h.pass.TypesInfo.Uses[c.Node().(*ast.Ident)] != obj {
			continue
		}
		if c.ParentEdgeKind() == edge.AssignStmt_Lhs {
			return true // reassigned
		}
		if c.ParentEdgeKind() == edge.SelectorExpr_X {
			sel := c.Parent()
			if k := sel.ParentEdgeKind(); k == edge.AssignStmt_Lhs || k == edge.IncDecStmt_X {
				return true // c.Timeout = ...
			}
			if _, isVar := h.pass.TypesInfo.ObjectOf(sel.Node().(*ast.SelectorExpr).Sel).(*types.Var); isVar && sel.ParentEdgeKind() == edge.UnaryExpr_X {
				return true // &c.Field
			}
		}
	}
	return false
}
