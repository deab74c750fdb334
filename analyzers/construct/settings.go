package construct

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"

	"github.com/snatlint/snatlint/analyzers/catalog"
	"github.com/snatlint/snatlint/analyzers/internal/typesx"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// Setting is a keep-alive setting of the catalog's setting rows found in
// the package: a field set to the row's constant in a composite literal
// (DisableKeepAlives: true) or by assignment (req.Close = true), or a
// header set on a header-map field (req.Header.Set("Connection",
// "close"), req.Header["Connection"] = []string{"close"}, a header
// literal given to the field). Where it is a finding is the row's Scope:
// anywhere, or in a per-request context (the reporting analyzer asks
// hotpath).
type Setting struct {
	// Cursor is the reported node: the key-value pair, the assignment
	// statement, the call, or the header literal's entry.
	Cursor inspector.Cursor
	Row    *catalog.Row
	// On names what the setting is set on ("http.Transport").
	On string
}

// collectSettings finds the settings of the package's files.
func (a *analyzer) collectSettings() []Setting {
	var out []Setting
	info := a.pass.TypesInfo
	root := a.hp.Inspector().Root()
	for cur := range root.Preorder((*ast.KeyValueExpr)(nil), (*ast.AssignStmt)(nil), (*ast.CallExpr)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.KeyValueExpr:
			// A field of a struct literal: T{Field: value}.
			if cur.ParentEdgeKind() != edge.CompositeLit_Elts {
				continue
			}
			key, ok := n.Key.(*ast.Ident)
			if !ok {
				continue
			}
			v, _ := info.Uses[key].(*types.Var)
			out = a.fieldSettings(out, cur, v, n.Value, false)
		case *ast.AssignStmt:
			if n.Tok != token.ASSIGN || len(n.Lhs) != len(n.Rhs) {
				continue
			}
			for i, lhs := range n.Lhs {
				switch lhs := ast.Unparen(lhs).(type) {
				case *ast.SelectorExpr: // x.Field = value
					out = a.fieldSettings(out, cur, a.fieldOf(lhs), n.Rhs[i], a.handedIn(cur, lhs.X))
				case *ast.IndexExpr: // x.Header[key] = []string{value}
					sel, ok := ast.Unparen(lhs.X).(*ast.SelectorExpr)
					if !ok {
						continue
					}
					for _, gs := range a.cat.Field(a.fieldOf(sel)) {
						if gs.Row.Scope == catalog.PerRequest && a.handedIn(cur, sel.X) {
							continue
						}
						if gs.Row.Header != "" && gs.Row.MatchHeader(a.constString(lhs.Index)) && a.listHolds(n.Rhs[i], gs.Row) {
							out = append(out, Setting{Cursor: cur, Row: gs.Row, On: gs.On})
						}
					}
				}
			}
		case *ast.CallExpr:
			out = a.headerCallSettings(out, cur, n)
		}
	}
	return out
}

// fieldSettings appends the settings of field v given value: the field
// set to a row's constant, or a header literal holding a row's header.
// cur is the reported node; handedIn says that the field's owner is
// handed in (handedIn), which no per-request setting concerns.
func (a *analyzer) fieldSettings(out []Setting, cur inspector.Cursor, v *types.Var, value ast.Expr, handedIn bool) []Setting {
	for _, gs := range a.cat.Field(v) {
		if gs.Row.Scope == catalog.PerRequest && handedIn {
			continue
		}
		if gs.Row.Header == "" {
			if s, ok := a.constText(value); ok && gs.Row.MatchValue(s) {
				out = append(out, Setting{Cursor: cur, Row: gs.Row, On: gs.On})
			}
			continue
		}
		// Header: http.Header{"Connection": {"close"}}: the entry is
		// the setting.
		lit, ok := ast.Unparen(value).(*ast.CompositeLit)
		if !ok {
			continue
		}
		litCur, ok := cur.FindNode(lit)
		if !ok {
			continue
		}
		for i, e := range lit.Elts {
			kv, ok := e.(*ast.KeyValueExpr)
			if ok && gs.Row.MatchHeader(a.constString(kv.Key)) && a.listHolds(kv.Value, gs.Row) {
				out = append(out, Setting{Cursor: litCur.ChildAt(edge.CompositeLit_Elts, i), Row: gs.Row, On: gs.On})
			}
		}
	}
	return out
}

// headerCallSettings appends the setting a call makes on a header-map
// field through the map type's Set or Add method:
// req.Header.Set("Connection", "close").
func (a *analyzer) headerCallSettings(out []Setting, cur inspector.Cursor, call *ast.CallExpr) []Setting {
	fn := typesx.StaticCallee(a.pass.TypesInfo, call)
	if fn == nil || len(call.Args) != 2 || (fn.Name() != "Set" && fn.Name() != "Add") {
		return out
	}
	recv, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return out
	}
	sel, ok := ast.Unparen(recv.X).(*ast.SelectorExpr)
	if !ok {
		return out
	}
	v := a.fieldOf(sel)
	if v == nil {
		return out
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil || !types.Identical(deref(sig.Recv().Type()), deref(v.Type())) {
		return out // a method of another type
	}
	for _, gs := range a.cat.Field(v) {
		if gs.Row.Header == "" || !gs.Row.MatchHeader(a.constString(call.Args[0])) {
			continue
		}
		if gs.Row.Scope == catalog.PerRequest && a.handedIn(cur, sel.X) {
			continue
		}
		if s, ok := a.constText(call.Args[1]); ok && gs.Row.MatchValue(s) {
			out = append(out, Setting{Cursor: cur, Row: gs.Row, On: gs.On})
		}
	}
	return out
}

// handedIn reports whether the value x (the owner of a field being set)
// is a parameter of the function around cur, or reached from one
// (c.Request): in a handler that is the incoming request, whose Close
// field and headers are the server's business, not a request this code
// sends (design.md: a response header is silent, and so is the server's
// side of the request).
func (a *analyzer) handedIn(cur inspector.Cursor, x ast.Expr) bool {
	root := rootIdent(x)
	if root == nil {
		return false
	}
	v, ok := a.pass.TypesInfo.Uses[root].(*types.Var)
	if !ok {
		return false
	}
	for fc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		var ft *ast.FuncType
		switch fn := fc.Node().(type) {
		case *ast.FuncDecl:
			ft = fn.Type
		case *ast.FuncLit:
			ft = fn.Type
		}
		for _, f := range ft.Params.List {
			for _, name := range f.Names {
				if a.pass.TypesInfo.Defs[name] == v {
					return true
				}
			}
		}
		return false
	}
	return false
}

// fieldOf is the struct field a selector expression selects, or nil.
func (a *analyzer) fieldOf(sel *ast.SelectorExpr) *types.Var {
	s, ok := a.pass.TypesInfo.Selections[sel]
	if !ok || s.Kind() != types.FieldVal {
		return nil
	}
	v, _ := s.Obj().(*types.Var)
	return v
}

// listHolds reports whether e is a literal list of header values one of
// which holds the row's value: []string{"close"}, or {"close"} inside a
// header literal.
func (a *analyzer) listHolds(e ast.Expr, row *catalog.Row) bool {
	lit, ok := ast.Unparen(e).(*ast.CompositeLit)
	if !ok {
		return false
	}
	for _, elt := range lit.Elts {
		if s, ok := a.constText(elt); ok && row.MatchValue(s) {
			return true
		}
	}
	return false
}

// constText is e's constant value as catalog.Row.MatchValue compares
// it: "true", "false", an integer in decimal, a string's content.
func (a *analyzer) constText(e ast.Expr) (string, bool) {
	tv, ok := a.pass.TypesInfo.Types[e]
	if !ok || tv.Value == nil {
		return "", false
	}
	switch tv.Value.Kind() {
	case constant.Bool:
		return strconv.FormatBool(constant.BoolVal(tv.Value)), true
	case constant.String:
		return constant.StringVal(tv.Value), true
	case constant.Int:
		return tv.Value.ExactString(), true
	}
	return "", false
}

// constString is e's constant string value, or "".
func (a *analyzer) constString(e ast.Expr) string {
	if tv, ok := a.pass.TypesInfo.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return constant.StringVal(tv.Value)
	}
	return ""
}

// keepAliveOff reports whether the literal lit of the type of a
// construction row sets one of the type's Anywhere settings (a
// Transport built with DisableKeepAlives: true).
func (a *analyzer) keepAliveOff(lit *ast.CompositeLit, row *catalog.Row) bool {
	if lit == nil {
		return false
	}
	for _, sr := range a.cat.TypeSettings(row.Package, row.Name) {
		if sr.Header != "" {
			continue
		}
		if s, ok := a.constText(fieldValue(lit, sr.Field)); ok && sr.MatchValue(s) {
			return true
		}
	}
	return false
}

// deref is t without aliases and one level of pointer.
func deref(t types.Type) types.Type {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		return types.Unalias(p.Elem())
	}
	return t
}
