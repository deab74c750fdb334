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
	"github.com/snatlint/snatlint/analyzers/hotpath/contexts"
	"github.com/snatlint/snatlint/analyzers/internal/docutil"
	"github.com/snatlint/snatlint/analyzers/internal/typesx"
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
		loops:  &loopMemo{shapes: map[ast.Node]policy.LoopShape{}},
	}
	var handlerTypes []string
	if cfg != nil {
		handlerTypes = cfg.Go.HandlerTypes
	}
	r.fams = newFamilies(handlerTypes)
	return r, nil
}

// Kind is the kind of a per-request context.
type Kind int

// Kinds of per-request contexts.
const (
	None Kind = iota
	// Handler: a function that runs per request, message, call or
	// scrape (an HTTP handler, a gRPC method, a Lambda handler, ...).
	Handler
	Loop
	GoroutineInLoop
)

// Context is the per-request context a node runs in.
type Context struct {
	Kind Kind
	// Desc names it for messages: "HTTP handler GetVM", "gin handler
	// for \"/vms\"", "gRPC method server.SayHello", "loop body",
	// "goroutine started in a loop".
	Desc string
	// Node is the function's declaration or literal for Kind Handler
	// (the function value given to a registration call, for a function
	// of another package), the loop statement otherwise.
	Node ast.Node
	// Each says what runs per context in messages ("each request",
	// "each call", "each iteration").
	Each string
	// Fix is the context family's fix text; "" for plain loops.
	Fix string
}

// Result answers "does this node run per request".
type Result struct {
	pass   *analysis.Pass
	cfg    *config.File
	tests  bool
	inspct *inspector.Inspector
	fams   *families
	loops  *loopMemo
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
// any. A loop that is not hot (policy.LoopShape.Kind: a bounded retry, a
// constant trip count, a paced loop, one that runs at most once) is no
// context of its own: what runs in it belongs to the code around it.
func (r *Result) ContextOf(cur inspector.Cursor) (Context, bool) {
	if r.fileSkipped(cur) {
		return Context{}, false
	}
	if e, ok := cur.Node().(ast.Expr); ok {
		if reg, ok := r.registrations().regExprs[e]; ok {
			// A function value given to a registration call: the
			// function runs per request (reported here when it is
			// declared in another package).
			return handlerContext(reg.fam, reg.fam.Label+" "+typesx.FuncName(reg.fn, r.pass.Pkg), e), true
		}
	}
	goLit := false // passed a literal started with "go"
	child := cur
	for p := cur.Parent(); p.Valid(); child, p = p, p.Parent() {
		switch n := p.Node().(type) {
		case *ast.File:
			return Context{}, false // package level: runs once
		case *ast.ForStmt:
			if k := child.ParentEdgeKind(); (k == edge.ForStmt_Body || k == edge.ForStmt_Cond || k == edge.ForStmt_Post) && r.HotLoop(p) {
				return r.loopContext(n, goLit), true
			}
		case *ast.RangeStmt:
			if child.ParentEdgeKind() == edge.RangeStmt_Body && r.HotLoop(p) {
				return r.loopContext(n, goLit), true
			}
		case *ast.FuncLit:
			if f := r.ofLiteral(n); f != nil {
				return handlerContext(f, f.Label+literalName(p), n), true
			}
			if p.ParentEdgeKind() == edge.CallExpr_Fun && p.Parent().ParentEdgeKind() == edge.GoStmt_Call {
				goLit = true
			}
		case *ast.FuncDecl:
			obj, _ := r.pass.TypesInfo.Defs[n.Name].(*types.Func)
			if obj == nil {
				return Context{}, false
			}
			f, ok := r.ofDecl(obj)
			if !ok {
				return Context{}, false
			}
			return handlerContext(f, describe(f, obj), n), true
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

// handlerContext is the context of a function of family f.
func handlerContext(f *contexts.Family, desc string, n ast.Node) Context {
	each := f.Each
	if each == "" {
		each = "each request"
	}
	return Context{Kind: Handler, Desc: desc, Node: n, Each: each, Fix: f.Fix}
}

// ofLiteral returns the family that makes a function literal a context:
// its signature, or a registration.
func (r *Result) ofLiteral(lit *ast.FuncLit) *contexts.Family {
	sig, _ := r.pass.TypesInfo.TypeOf(lit).(*types.Signature)
	if sig == nil {
		return nil // ill-typed
	}
	sigFam, _ := r.fams.ofSignature(sig, "")
	regFam := r.registrations().regLits[lit]
	for _, f := range r.fams.all {
		if f == sigFam || f == regFam {
			return f
		}
	}
	return nil
}

// loopContext is the context of a loop body; a message loop (one that
// receives from a family's loop calls) takes the family's label.
func (r *Result) loopContext(loop ast.Node, goLit bool) Context {
	if goLit {
		return Context{Kind: GoroutineInLoop, Desc: "goroutine started in a loop", Node: loop, Each: "each goroutine"}
	}
	if f := r.loopFamily(loop); f != nil {
		return Context{Kind: Loop, Desc: f.LoopLabel, Node: loop, Each: "each iteration", Fix: f.Fix}
	}
	return Context{Kind: Loop, Desc: "loop body", Node: loop, Each: "each iteration"}
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

// IsHandler reports whether fn is a per-request context by itself (a
// handler, a gRPC method, a Lambda handler registered in this package,
// ...). Calls to such functions are not reported, since their
// constructions are reported where they are.
func (r *Result) IsHandler(fn *types.Func) bool {
	_, ok := r.ofDecl(fn)
	return ok
}
