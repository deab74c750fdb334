package hotpath

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"
	"reflect"
	"sync"

	"github.com/snatlint/snatlint/analyzers/config"
	"github.com/snatlint/snatlint/analyzers/internal/docutil"
	"github.com/snatlint/snatlint/analyzers/policy"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

//go:embed doc.go
var doc []byte

// Analyzer is hotpath with the default configuration and its flags, for
// vet mode.
var Analyzer = New(nil)

// Router handler parameter types.
const (
	pkgGin   = "github.com/gin-gonic/gin"
	pkgEcho  = "github.com/labstack/echo/v4"
	pkgFiber = "github.com/gofiber/fiber/v2"
)

// options are one analyzer's settings: the configuration given to New,
// overridden by the -config and -tests flags.
type options struct {
	cfg        *config.File
	configPath string
	tests      bool

	// loaded caches the configuration file named by -config; it belongs
	// to this analyzer value, not to the package.
	loaded func() (*config.File, error)
}

// New returns a hotpath analyzer configured by cfg (nil: the default).
func New(cfg *config.File) *analysis.Analyzer {
	opts := &options{cfg: cfg}
	if cfg != nil {
		opts.tests = cfg.Tests
	}
	opts.loaded = sync.OnceValues(func() (*config.File, error) {
		if opts.configPath == "" {
			return opts.cfg, nil
		}
		return config.Load(opts.configPath)
	})
	a := &analysis.Analyzer{
		Name:       "hotpath",
		Doc:        docutil.MustExtract(doc, "hotpath"),
		URL:        "https://github.com/snatlint/snatlint#readme",
		Requires:   []*analysis.Analyzer{inspect.Analyzer},
		ResultType: reflect.TypeFor[*Result](),
		Run:        opts.run,
	}
	a.Flags.StringVar(&opts.configPath, "config", "", "read options from this .snatlint.yaml file")
	a.Flags.BoolVar(&opts.tests, "tests", opts.tests, "also treat code in _test.go files as per request")
	return a
}

func (o *options) run(pass *analysis.Pass) (any, error) {
	cfg, err := o.loaded()
	if err != nil {
		return nil, fmt.Errorf("hotpath: %w", err)
	}
	tests := o.tests || (cfg != nil && cfg.Tests)
	r := &Result{
		pass:   pass,
		cfg:    cfg,
		tests:  tests,
		inspct: pass.ResultOf[inspect.Analyzer].(*inspector.Inspector),
	}
	if cfg != nil {
		r.handlerTypes = cfg.Go.HandlerTypes
	}
	return r, nil
}

// Kind is the kind of a per-request context.
type Kind int

// Kinds of per-request contexts.
const (
	None Kind = iota
	Handler
	Loop
	GoroutineInLoop
)

// Context is the per-request context a node runs in.
type Context struct {
	Kind Kind
	// Desc names it for messages: "HTTP handler GetVM", "gin handler
	// for \"/vms\"", "loop body", "goroutine started in a loop".
	Desc string
	// Func is the handler's declaration or literal for Kind Handler,
	// the loop statement otherwise.
	Node ast.Node
}

// Result answers "does this node run per request".
type Result struct {
	pass         *analysis.Pass
	cfg          *config.File
	tests        bool
	handlerTypes []string
	inspct       *inspector.Inspector
}

// Config is the configuration in effect (nil: the default).
func (r *Result) Config() *config.File { return r.cfg }

// Inspector is the package's inspector.
func (r *Result) Inspector() *inspector.Inspector { return r.inspct }

// SkipFile reports whether f is not checked: a _test.go file without
// -tests, or a path excluded by the configuration.
func (r *Result) SkipFile(f *ast.File) bool {
	return policy.Files{Config: r.cfg, Tests: r.tests}.Skip(r.pass.Fset.File(f.FileStart).Name())
}

// ContextOf returns the innermost per-request context enclosing cur, if
// any.
func (r *Result) ContextOf(cur inspector.Cursor) (Context, bool) {
	if r.fileSkipped(cur) {
		return Context{}, false
	}
	goLit := false // passed a literal started with "go"
	child := cur
	for p := cur.Parent(); p.Valid(); child, p = p, p.Parent() {
		switch n := p.Node().(type) {
		case *ast.File:
			return Context{}, false // package level: runs once
		case *ast.ForStmt:
			if k := child.ParentEdgeKind(); k == edge.ForStmt_Body || k == edge.ForStmt_Cond || k == edge.ForStmt_Post {
				return loopContext(n, goLit), true
			}
		case *ast.RangeStmt:
			if child.ParentEdgeKind() == edge.RangeStmt_Body {
				return loopContext(n, goLit), true
			}
		case *ast.FuncLit:
			sig, _ := r.pass.TypesInfo.TypeOf(n).(*types.Signature)
			if sig == nil {
				continue // ill-typed
			}
			if kind, ok := r.handlerKind(sig, ""); ok {
				return Context{Kind: Handler, Desc: kind + literalName(p), Node: n}, true
			}
			if p.ParentEdgeKind() == edge.CallExpr_Fun && p.Parent().ParentEdgeKind() == edge.GoStmt_Call {
				goLit = true
			}
		case *ast.FuncDecl:
			obj, _ := r.pass.TypesInfo.Defs[n.Name].(*types.Func)
			if obj == nil {
				return Context{}, false
			}
			kind, ok := r.handlerKind(obj.Signature(), n.Name.Name)
			if !ok {
				return Context{}, false
			}
			return Context{Kind: Handler, Desc: kind + " " + n.Name.Name, Node: n}, true
		}
	}
	return Context{}, false
}

// fileSkipped reports whether the file enclosing cur is skipped.
func (r *Result) fileSkipped(cur inspector.Cursor) bool {
	for f := range cur.Enclosing((*ast.File)(nil)) {
		return r.SkipFile(f.Node().(*ast.File))
	}
	return false
}

func loopContext(loop ast.Node, goLit bool) Context {
	if goLit {
		return Context{Kind: GoroutineInLoop, Desc: "goroutine started in a loop", Node: loop}
	}
	return Context{Kind: Loop, Desc: "loop body", Node: loop}
}

// literalName names a handler literal by the route it is registered
// for: ` for "/vms"` when it is an argument of a call whose first
// argument is a constant string, else "".
func literalName(lit inspector.Cursor) string {
	if lit.ParentEdgeKind() != edge.CallExpr_Args {
		return " (func literal)"
	}
	call := lit.Parent().Node().(*ast.CallExpr)
	if bl, ok := ast.Unparen(call.Args[0]).(*ast.BasicLit); ok && len(call.Args) > 1 {
		if v := constant.MakeFromLiteral(bl.Value, bl.Kind, 0); v.Kind() == constant.String {
			return fmt.Sprintf(" for %q", constant.StringVal(v))
		}
	}
	return " (func literal)"
}

// IsHandler reports whether fn is handler-shaped: a per-request context
// by itself. Calls to such functions are not reported, since their
// constructions are reported where they are.
func (r *Result) IsHandler(fn *types.Func) bool {
	_, ok := r.handlerKind(fn.Signature(), fn.Name())
	return ok
}

// handlerKind returns "HTTP handler", "gin handler", ... when a function
// named name (methods: with the method name; "" for literals) with sig is
// a handler.
func (r *Result) handlerKind(sig *types.Signature, name string) (string, bool) {
	params := sig.Params()
	if name == "ServeHTTP" && sig.Recv() != nil {
		ok := params.Len() == 2 && sig.Results().Len() == 0 &&
			isResponseWriter(params.At(0).Type()) && isRequestPtr(params.At(1).Type())
		return "HTTP handler", ok
	}
	w, req := false, false
	for v := range params.Variables() {
		t := v.Type()
		switch {
		case isResponseWriter(t):
			w = true
		case isRequestPtr(t):
			req = true
		case isPtrTo(t, pkgGin, "Context"):
			return "gin handler", true
		case isNamed(t, pkgEcho, "Context"):
			return "echo handler", true
		case isPtrTo(t, pkgFiber, "Ctx"):
			return "fiber handler", true
		case r.isConfiguredHandlerType(t):
			return "handler", true
		}
	}
	return "HTTP handler", w && req
}

func (r *Result) isConfiguredHandlerType(t types.Type) bool {
	if len(r.handlerTypes) == 0 {
		return false
	}
	name := typeKey(t)
	for _, h := range r.handlerTypes {
		if h == name {
			return true
		}
	}
	return false
}

// typeKey renders t as "pkg/path.Type" or "*pkg/path.Type".
func typeKey(t types.Type) string {
	prefix := ""
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		prefix, t = "*", types.Unalias(p.Elem())
	}
	n, ok := t.(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return ""
	}
	return prefix + n.Obj().Pkg().Path() + "." + n.Obj().Name()
}

func isResponseWriter(t types.Type) bool { return isNamed(t, "net/http", "ResponseWriter") }
func isRequestPtr(t types.Type) bool     { return isPtrTo(t, "net/http", "Request") }

func isNamed(t types.Type, pkg, name string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Name() == name && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == pkg
}

func isPtrTo(t types.Type, pkg, name string) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	return ok && isNamed(p.Elem(), pkg, name)
}
