// Package dispatch is standalone mode's module-wide step: it follows calls
// through interface methods and function values to the implementations in
// the scanned module, which a pass over one package cannot see.
//
// After every package of the module has been analysed, the construct
// analyzer's per-package summaries (construct.Summary) give the module's
// concrete types, its functions' facts, the calls no fact decided, and
// the function values stored into function-typed fields, package
// variables and parameters. Solve then:
//
//   - resolves an interface method call by class-hierarchy analysis over
//     the module's own non-test types (never its dependencies', never a
//     mock in a _test.go file): every type T of the module such that T
//     or *T implements the interface;
//   - resolves a call of a function-typed field, package variable or
//     parameter only when the set of functions that can flow there is
//     known precisely: every value stored into it, anywhere in the
//     module, is a function or method value, or another such variable
//     whose set is known precisely (a field copied into a field, a
//     parameter passed on); a literal, a call's result or a local
//     variable stored there makes it unknown, and a signature match alone
//     is never enough;
//   - computes "constructs on every call" over the module's call graph
//     with these edges, to a fixed point, like construct does per
//     package;
//   - reports a call in a per-request context when at least one target
//     constructs on every call and the static analysis did not already
//     report it, naming the interface and the implementation in the
//     chain ("UserService.Sync (interface) → azureSync.Sync →
//     armcompute.NewVirtualMachinesClient").
//
// vet-tool mode sees one package at a time and keeps the static
// behaviour.
package dispatch

import (
	"go/token"
	"go/types"
	"os"
	"slices"
	"strings"

	"github.com/snatlint/snatlint/analyzers/catalog"
	"github.com/snatlint/snatlint/analyzers/config"
	"github.com/snatlint/snatlint/analyzers/construct"
	"github.com/snatlint/snatlint/analyzers/internal/diag"
	"github.com/snatlint/snatlint/analyzers/internal/thin"
	"github.com/snatlint/snatlint/analyzers/internal/typesx"
	"github.com/snatlint/snatlint/analyzers/policy"
	"golang.org/x/tools/go/analysis"
)

// Finding is one diagnostic of the module step, in the package whose
// summary holds its call.
type Finding struct {
	Pkg        *types.Package
	Diagnostic analysis.Diagnostic
}

// fnode is one function of the module.
type fnode struct {
	sum  *construct.FuncSummary
	pkg  *construct.Summary
	fact *construct.Constructs // static or found here
	dyn  bool                  // fact found here (not reported statically)
}

type solver struct {
	cfg   *config.File
	fset  *token.FileSet
	funcs map[*types.Func]*fnode
	types []*types.TypeName
	// stores merges the summaries' stores.
	stores map[*types.Var][]construct.FuncRef
	impls  map[implKey][]*types.Func
	vals   map[*types.Var]valSet
}

type implKey struct {
	iface  *types.Interface
	method string
}

type valSet struct {
	fns     []*types.Func
	precise bool
}

// Solve runs the module step over the summaries of the module's packages
// (nil entries are skipped) and returns its findings, honouring the
// configuration (rules disabled, levels) and suppression directives.
func Solve(sums []*construct.Summary, cfg *config.File, fset *token.FileSet) []Finding {
	s := &solver{cfg: cfg, fset: fset, funcs: map[*types.Func]*fnode{}, stores: map[*types.Var][]construct.FuncRef{},
		impls: map[implKey][]*types.Func{}, vals: map[*types.Var]valSet{}}
	var pkgs []*construct.Summary
	for _, sum := range sums {
		if sum == nil {
			continue
		}
		pkgs = append(pkgs, sum)
		s.types = append(s.types, sum.Types...)
		for fn, fs := range sum.Funcs {
			s.funcs[fn] = &fnode{sum: fs, pkg: sum, fact: fs.Fact}
		}
		for v, refs := range sum.Stores {
			s.stores[v] = append(s.stores[v], refs...)
		}
	}
	if len(pkgs) == 0 {
		return nil
	}
	s.fixpoint()
	return s.report(pkgs)
}

// order lists the module's functions in a stable order.
func (s *solver) order() []*types.Func {
	fns := make([]*types.Func, 0, len(s.funcs))
	for fn := range s.funcs {
		fns = append(fns, fn)
	}
	slices.SortFunc(fns, func(x, y *types.Func) int {
		if c := strings.Compare(x.Pkg().Path(), y.Pkg().Path()); c != 0 {
			return c
		}
		return int(x.Pos() - y.Pos())
	})
	return fns
}

// fixpoint gives every function that reaches a construction on every
// call through the calls the module step decides a fact.
func (s *solver) fixpoint() {
	order := s.order()
	for changed := true; changed; {
		changed = false
		for _, fn := range order {
			n := s.funcs[fn]
			for _, c := range n.sum.Calls {
				if c.Cached || c.Ctx != nil {
					continue // retained, or reported where it is
				}
				f := s.callFact(fn, c)
				if f == nil {
					continue
				}
				if n.fact == nil || worse(f, n.fact) {
					n.fact, n.dyn = f, true
					changed = true
				}
			}
		}
	}
}

// worse reports whether fact x is more severe than y.
func worse(x, y *construct.Constructs) bool {
	return policy.MoreSevere(policy.Severity{Rule: x.Rule, Level: catalog.Level(x.Level)}, policy.Severity{Rule: y.Rule, Level: catalog.Level(y.Level)})
}

// target is a function a call can reach and the chain elements leading
// to it ("UserService.Sync (interface)").
type target struct {
	fn  *types.Func
	via string
	pkg string
}

// targets lists what call c can invoke.
func (s *solver) targets(c *construct.Call) []target {
	switch {
	case c.Static != nil:
		return []target{{fn: c.Static}}
	case c.Method != nil:
		var out []target
		via := typesx.FuncName(c.Method, nil)
		if r := ifaceName(c.Method); r != "" {
			via = r + "." + c.Method.Name()
			if c.Method.Pkg() != nil {
				via = c.Method.Pkg().Name() + "." + via
			}
		}
		for _, impl := range s.implementations(c.Iface, c.Method) {
			out = append(out, target{fn: impl, via: via + " (interface)", pkg: pkgPath(c.Method)})
		}
		return out
	case c.Var != nil:
		vs := s.values(c.Var, map[*types.Var]bool{})
		if !vs.precise {
			return nil
		}
		var out []target
		for _, fn := range vs.fns {
			out = append(out, target{fn: fn, via: varName(c.Var) + " (function value)", pkg: pkgPath(c.Var)})
		}
		return out
	}
	return nil
}

func pkgPath(obj types.Object) string {
	if obj.Pkg() == nil {
		return ""
	}
	return obj.Pkg().Path()
}

// ifaceName names the interface type declaring method m, or "".
func ifaceName(m *types.Func) string {
	recv := m.Signature().Recv()
	if recv == nil {
		return ""
	}
	if n, ok := types.Unalias(recv.Type()).(*types.Named); ok {
		return n.Obj().Name()
	}
	return ""
}

// varName names a function-typed variable: "Discovery.refreshf" for a
// field (with the struct it belongs to when known), "pkg.V" otherwise.
func varName(v *types.Var) string {
	name := v.Name()
	if v.Pkg() != nil {
		name = v.Pkg().Name() + "." + name
	}
	return name
}

// callFact is the fact call c of fn gets from its most severe target,
// with fn's chain in front; nil when no target constructs.
func (s *solver) callFact(fn *types.Func, c *construct.Call) *construct.Constructs {
	var best *construct.Constructs
	for _, t := range s.targets(c) {
		tn := s.funcs[t.fn]
		if tn == nil || tn.fact == nil || tn.sum.Context {
			continue
		}
		f := extend(fn, t, tn.fact)
		if best == nil || worse(f, best) {
			best = f
		}
	}
	return best
}

// extend builds fn's fact from its target's: fn, the dispatch step, then
// the target's chain.
func extend(fn *types.Func, t target, tf *construct.Constructs) *construct.Constructs {
	f := *tf
	f.Chain, f.ChainPkgs = nil, nil
	if fn != nil {
		f.Chain = append(f.Chain, typesx.FuncName(fn, nil))
		f.ChainPkgs = append(f.ChainPkgs, fn.Pkg().Path())
	}
	if t.via != "" {
		f.Chain = append(f.Chain, t.via)
		f.ChainPkgs = append(f.ChainPkgs, t.pkg)
	}
	// The whole chain is kept: cutting its tail would hide that it
	// leaves the module (thin.Related shows the construction sites only
	// for chains that stay in it). Facts only grow more severe, so
	// chains stay as long as one path of the call graph.
	f.Chain = append(f.Chain, tf.Chain...)
	f.ChainPkgs = append(f.ChainPkgs, tf.ChainPkgs...)
	return &f
}

// implementations lists the module's methods that a call of the
// interface method m on iface can reach: class-hierarchy analysis over
// the module's non-test types.
func (s *solver) implementations(iface *types.Interface, m *types.Func) []*types.Func {
	key := implKey{iface, m.Name()}
	if impls, ok := s.impls[key]; ok {
		return impls
	}
	var out []*types.Func
	for _, tn := range s.types {
		named, ok := tn.Type().(*types.Named)
		if !ok || named.TypeParams().Len() > 0 {
			continue // generic types: their instances are not enumerated
		}
		var t types.Type = named
		if !types.Implements(t, iface) {
			t = types.NewPointer(named)
			if !types.Implements(t, iface) {
				continue
			}
		}
		obj, _, _ := types.LookupFieldOrMethod(t, true, m.Pkg(), m.Name())
		if fn, ok := obj.(*types.Func); ok && s.funcs[fn.Origin()] != nil && !slices.Contains(out, fn.Origin()) {
			out = append(out, fn.Origin())
		}
	}
	s.impls[key] = out
	return out
}

// values is the set of functions that can flow into the function-typed
// v, and whether it is known precisely.
func (s *solver) values(v *types.Var, visiting map[*types.Var]bool) valSet {
	if vs, ok := s.vals[v]; ok {
		return vs
	}
	if visiting[v] {
		return valSet{precise: true} // a cycle adds nothing new
	}
	visiting[v] = true
	refs := s.stores[v]
	vs := valSet{precise: len(refs) > 0}
	for _, r := range refs {
		switch {
		case r.Unknown:
			vs.precise = false
		case r.Fn != nil:
			if !slices.Contains(vs.fns, r.Fn) {
				vs.fns = append(vs.fns, r.Fn)
			}
		case r.Var != nil:
			sub := s.values(r.Var, visiting)
			vs.precise = vs.precise && sub.precise
			for _, fn := range sub.fns {
				if !slices.Contains(vs.fns, fn) {
					vs.fns = append(vs.fns, fn)
				}
			}
		}
	}
	delete(visiting, v)
	if len(visiting) == 0 {
		s.vals[v] = vs
	}
	return vs
}

// report lists the findings: calls in per-request contexts, not cached,
// whose target constructs on every call through what only this step
// sees.
func (s *solver) report(pkgs []*construct.Summary) []Finding {
	var out []Finding
	lines := newLineReader()
	for _, sum := range pkgs {
		var calls []*construct.Call
		calls = append(calls, sum.Sites...)
		for _, fn := range s.order() {
			if n := s.funcs[fn]; n.pkg == sum {
				calls = append(calls, n.sum.Calls...)
			}
		}
		pass := &analysis.Pass{Pkg: sum.Pkg, Module: &analysis.Module{Path: sum.Module}, Fset: s.fset}
		for _, c := range calls {
			if c.Ctx == nil || c.Cached {
				continue
			}
			f, callee := s.reportable(c)
			if f == nil {
				continue
			}
			if !config.RuleEnabled(s.cfg, f.Rule) {
				continue
			}
			if lines.suppressed(s.fset.Position(c.Pos), f.Rule) {
				continue
			}
			site := construct.Site{Rule: f.Rule, Level: catalog.Level(f.Level), Variant: catalog.Variant(f.Variant),
				Pool: f.Pool, What: f.What, Callee: callee, Fact: f}
			level := config.RuleLevel(s.cfg, f.Rule, site.Level)
			out = append(out, Finding{Pkg: sum.Pkg, Diagnostic: analysis.Diagnostic{
				Pos: c.Pos, End: c.End, Category: f.Rule,
				Message: thin.Message(pass, site, *c.Ctx),
				URL:     diag.URL(f.Rule, level),
				Related: thin.Related(pass, site),
			}})
		}
	}
	return out
}

// reportable returns the fact a per-request call gets from what this
// step decided, and the function the related location names; nil when
// the static analysis decided it (or nothing constructs).
func (s *solver) reportable(c *construct.Call) (*construct.Constructs, *types.Func) {
	if c.Static != nil {
		n := s.funcs[c.Static]
		if n == nil || n.fact == nil || !n.dyn || n.sum.Fact != nil || n.sum.Context {
			return nil, nil // the static analysis decided it
		}
		return n.fact, c.Static
	}
	var best *construct.Constructs
	var callee *types.Func
	for _, t := range s.targets(c) {
		n := s.funcs[t.fn]
		if n == nil || n.fact == nil || n.sum.Context {
			continue
		}
		f := extend(nil, t, n.fact)
		if best == nil || worse(f, best) {
			best, callee = f, t.fn
		}
	}
	return best, callee
}

// lineReader reads source lines to honour suppression directives at the
// module step's findings (the per-package reporter never saw them).
type lineReader struct {
	files map[string][]string
}

func newLineReader() *lineReader { return &lineReader{files: map[string][]string{}} }

func (l *lineReader) line(file string, n int) string {
	lines, ok := l.files[file]
	if !ok {
		if src, err := os.ReadFile(file); err == nil {
			lines = strings.Split(string(src), "\n")
		}
		l.files[file] = lines
	}
	if n < 1 || n > len(lines) {
		return ""
	}
	return lines[n-1]
}

// suppressed reports whether a directive on the line at p, or alone on
// the line above, silences rule (diag's rule, read from the text).
func (l *lineReader) suppressed(p token.Position, rule string) bool {
	if directiveFor(l.line(p.Filename, p.Line), rule, false) {
		return true
	}
	return directiveFor(l.line(p.Filename, p.Line-1), rule, true)
}

// directiveFor reports whether line carries a snatlint directive that
// matches rule; alone: only when the comment is all the line holds.
func directiveFor(line, rule string, alone bool) bool {
	for _, marker := range []string{"//nolint", "//snatlint:"} {
		i := strings.Index(line, marker)
		if i < 0 {
			continue
		}
		if alone && strings.TrimSpace(line[:i]) != "" {
			continue
		}
		d, ok, err := diag.ParseDirective(line[i:])
		if ok && err == nil && d.Matches(rule) {
			return true
		}
	}
	return false
}
