// Package typesx holds small go/types helpers: "is this object the one
// named pkg.Name", resolved through aliases, never by spelling alone.
package typesx

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// IsNamed reports whether t, after unaliasing, is the named type
// pkgPath.name.
func IsNamed(t types.Type, pkgPath, name string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	obj := n.Obj()
	return obj.Name() == name && obj.Pkg() != nil && obj.Pkg().Path() == pkgPath
}

// IsPointerToNamed reports whether t is *pkgPath.name.
func IsPointerToNamed(t types.Type, pkgPath, name string) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	return ok && IsNamed(p.Elem(), pkgPath, name)
}

// IsFunc reports whether fn is the package-level function pkgPath.name.
func IsFunc(fn *types.Func, pkgPath, name string) bool {
	if fn == nil || fn.Pkg() == nil || fn.Name() != name || fn.Pkg().Path() != pkgPath {
		return false
	}
	return fn.Signature().Recv() == nil
}

// IsMethod reports whether fn is the method typeName.name declared in
// pkgPath (on T or *T).
func IsMethod(fn *types.Func, pkgPath, typeName, name string) bool {
	if fn == nil || fn.Pkg() == nil || fn.Name() != name || fn.Pkg().Path() != pkgPath {
		return false
	}
	return RecvTypeName(fn) == typeName
}

// RecvTypeName is the name of the receiver's base type of method fn, or
// "" for a function or an interface method.
func RecvTypeName(fn *types.Func) string {
	recv := fn.Signature().Recv()
	if recv == nil {
		return ""
	}
	t := types.Unalias(recv.Type())
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	if n, ok := t.(*types.Named); ok {
		if _, isIface := n.Underlying().(*types.Interface); isIface {
			return ""
		}
		return n.Obj().Name()
	}
	return ""
}

// StaticCallee returns the function or concrete method called by call,
// normalized to its generic origin, or nil for dynamic calls (interface
// methods, function-typed values), builtins and conversions.
func StaticCallee(info *types.Info, call *ast.CallExpr) *types.Func {
	fn := typeutil.StaticCallee(info, call)
	if fn == nil {
		return nil
	}
	return fn.Origin()
}

// FuncName renders fn as pkgname.Func, pkgname.Type.Method, or, when
// fn belongs to local, as Func / Type.Method.
func FuncName(fn *types.Func, local *types.Package) string {
	name := fn.Name()
	if r := RecvTypeName(fn); r != "" {
		name = r + "." + name
	}
	if fn.Pkg() != nil && fn.Pkg() != local {
		name = fn.Pkg().Name() + "." + name
	}
	return name
}

// FuncValue returns the function or concrete method an expression
// denotes as a value (f, pkg.F, recv.Method, T.Method, f[T]), normalized
// to its generic origin, or nil: a field, an interface method, a call or
// anything else whose target is not known statically.
func FuncValue(info *types.Info, e ast.Expr) *types.Func {
	var fn *types.Func
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		fn, _ = info.Uses[e].(*types.Func)
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[e]; ok {
			if sel.Kind() == types.FieldVal || types.IsInterface(sel.Recv()) {
				return nil
			}
			fn, _ = sel.Obj().(*types.Func)
		} else {
			fn, _ = info.Uses[e.Sel].(*types.Func)
		}
	case *ast.IndexExpr:
		return FuncValue(info, e.X)
	case *ast.IndexListExpr:
		return FuncValue(info, e.X)
	}
	if fn == nil {
		return nil
	}
	return fn.Origin()
}

// BoundOnce returns the one value the local variable v is bound to in
// the function declaration enclosing cur (v := e, var v = e, v = e), or
// nil when v is bound more than once, bound by a multi-value assignment,
// or has its address taken (it may then change elsewhere).
func BoundOnce(info *types.Info, cur inspector.Cursor, v *types.Var) ast.Expr {
	var decl inspector.Cursor
	for c := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		decl = c
		break
	}
	if !decl.Valid() {
		return nil
	}
	var value ast.Expr
	count := 0
	for c := range decl.Preorder((*ast.Ident)(nil)) {
		if info.ObjectOf(c.Node().(*ast.Ident)) != v {
			continue
		}
		switch c.ParentEdgeKind() {
		case edge.AssignStmt_Lhs:
			as := c.Parent().Node().(*ast.AssignStmt)
			count++
			if len(as.Lhs) == len(as.Rhs) {
				value = as.Rhs[c.ParentEdgeIndex()]
			}
		case edge.ValueSpec_Names:
			vs := c.Parent().Node().(*ast.ValueSpec)
			count++
			if len(vs.Values) == len(vs.Names) {
				value = vs.Values[c.ParentEdgeIndex()]
			}
		case edge.UnaryExpr_X:
			return nil
		}
	}
	if count != 1 {
		return nil
	}
	return value
}
