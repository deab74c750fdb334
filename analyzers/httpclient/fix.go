package httpclient

import (
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/snatlint/snatlint/analyzers/construct"
	"github.com/snatlint/snatlint/internal/userfile"
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

	// dirNames are the package-level and import names declared in every
	// .go file of a directory (test files and files of other build
	// tags included), by directory; nil until needed.
	dirNames map[string]map[string]bool
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
	if !h.editable(s.Cursor, un.Pos()) || !h.onlyPackageNames(un) {
		return nil
	}
	src, err := h.pass.ReadFile(h.pass.Fset.File(un.Pos()).Name())
	if err != nil {
		return nil
	}
	tf := h.pass.Fset.File(un.Pos())
	expr := string(src[tf.Offset(un.Pos()):tf.Offset(un.End())])
	if s.Row == nil {
		return nil
	}
	name := h.name(fd.Name.Name, s.Row.Name, un.Pos()) // getVMClient, getVMTransport
	at := fd.Pos()
	if fd.Doc != nil {
		at = fd.Doc.Pos()
	}
	text, ok := formatDecl(name, expr)
	if !ok {
		return nil
	}
	return []analysis.SuggestedFix{{
		Message: fmt.Sprintf("Hoist the %s to package-level variable %s", s.What, name),
		TextEdits: []analysis.TextEdit{
			{Pos: at, End: at, NewText: text},
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
		if h.declaredInFile(name, pos) || h.declaredInDir(name, pos) {
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

// editable reports whether a fix may edit the file holding pos: not a
// generated file (cgo output included: "// Code generated ... DO NOT
// EDIT."), and not a position that a //line directive moves to another
// file, where the offsets would be those of a file nobody edits.
func (h *hoister) editable(cur inspector.Cursor, pos token.Pos) bool {
	for c := range cur.Enclosing((*ast.File)(nil)) {
		if ast.IsGenerated(c.Node().(*ast.File)) {
			return false
		}
	}
	return h.pass.Fset.PositionFor(pos, false).Filename == h.pass.Fset.PositionFor(pos, true).Filename
}

// onlyPackageNames reports whether every name the expression uses can be
// used at package level: universe and package-level names, imports, other
// packages' names, fields and methods. A local constant, type or variable
// would not compile in the hoisted declaration.
func (h *hoister) onlyPackageNames(e ast.Expr) bool {
	ok := true
	ast.Inspect(e, func(n ast.Node) bool {
		id, isIdent := n.(*ast.Ident)
		if !isIdent || !ok {
			return ok
		}
		obj := h.pass.TypesInfo.Uses[id]
		switch {
		case obj == nil, obj.Pkg() == nil, obj.Pkg() != h.pass.Pkg:
			// not a use, a universe name, another package's name
		case obj.Parent() == h.pass.Pkg.Scope():
		default:
			switch obj := obj.(type) {
			case *types.PkgName:
			case *types.Var:
				ok = obj.IsField()
			case *types.Func:
				ok = obj.Signature().Recv() != nil
			default:
				ok = false
			}
		}
		return ok
	})
	return ok
}

// declaredInDir reports whether name is declared at package level, or
// imported, in any .go file of the directory holding pos: a new
// package-level name must not collide with a _test.go file or a file of
// another build tag, which this pass does not see. A directory that
// cannot be read counts as a collision (the fix is then not offered under
// that name).
func (h *hoister) declaredInDir(name string, pos token.Pos) bool {
	dir := filepath.Dir(h.pass.Fset.PositionFor(pos, false).Filename)
	if h.dirNames == nil {
		h.dirNames = map[string]map[string]bool{}
	}
	names, ok := h.dirNames[dir]
	if !ok {
		names = packageNamesIn(dir)
		h.dirNames[dir] = names
	}
	return names == nil || names[name]
}

// packageNamesIn collects the package-level and import names of every
// .go file in dir, or returns nil when one cannot be read or parsed.
func packageNamesIn(dir string) map[string]bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	names := map[string]bool{}
	fset := token.NewFileSet()
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".go") {
			continue
		}
		path := filepath.Join(dir, e.Name())
		src, err := userfile.Read(path, userfile.MaxSize)
		if err != nil {
			return nil
		}
		f, err := parser.ParseFile(fset, path, src, parser.SkipObjectResolution)
		if err != nil {
			return nil
		}
		for _, imp := range f.Imports {
			for _, n := range importNames(imp) {
				names[n] = true
			}
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil {
					names[d.Name.Name] = true
				}
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					switch spec := spec.(type) {
					case *ast.ValueSpec:
						for _, n := range spec.Names {
							names[n.Name] = true
						}
					case *ast.TypeSpec:
						names[spec.Name.Name] = true
					}
				}
			}
		}
	}
	return names
}

// importNames are the names an import may declare in its file: its
// explicit name, or the guesses for the package name its path suggests
// (the last element, without a major-version element or a ".v3" or
// "go-" decoration). Guessing too many only makes a name less pretty.
func importNames(imp *ast.ImportSpec) []string {
	if imp.Name != nil {
		return []string{imp.Name.Name}
	}
	p, err := strconv.Unquote(imp.Path.Value)
	if err != nil {
		return nil
	}
	elems := strings.Split(p, "/")
	last := elems[len(elems)-1]
	out := []string{last}
	if len(elems) > 1 && len(last) > 1 && last[0] == 'v' && strings.Trim(last[1:], "0123456789") == "" {
		out = append(out, elems[len(elems)-2])
	}
	for _, n := range slices.Clone(out) {
		base, _, _ := strings.Cut(n, ".")
		out = append(out, base, strings.TrimPrefix(base, "go-"), strings.ReplaceAll(base, "-", "_"))
	}
	return out
}

// formatDecl formats "var name = expr" followed by a blank line: expr is
// source text taken from inside a function, so its later lines carry
// that function's indentation, and -fix changes only the edited lines
// (it does not gofmt the file).
func formatDecl(name, expr string) ([]byte, bool) {
	const header = "package p\n\n"
	out, err := format.Source([]byte(header + "var " + name + " = " + expr + "\n"))
	if err != nil {
		return nil, false
	}
	return append(out[len(header):], '\n'), true
}
