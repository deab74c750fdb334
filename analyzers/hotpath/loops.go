package hotpath

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"
	"sync"
	"time"

	"github.com/snatlint/snatlint/analyzers/internal/typesx"
	"github.com/snatlint/snatlint/analyzers/policy"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// Loops are per-iteration contexts unless policy.LoopShape.Kind says
// they do not repeat work at a rate that matters (design.md, "Loops" and
// "Loop details"). This file reads a LoopShape off a Go for or range
// statement; the decision itself is policy's, shared with the Python
// pass.

// loopMemo remembers each loop's shape. The Result is shared by the
// analyzers that require hotpath, which may run at the same time on one
// package: the memo is guarded.
type loopMemo struct {
	mu     sync.Mutex
	shapes map[ast.Node]policy.LoopShape
	// values lists the values assigned to each local variable of the
	// package; built on first need (a ticker's interval).
	values map[types.Object][]ast.Expr
	// addressed holds the variables whose address is taken (&v), built
	// with values.
	addressed map[types.Object]bool
}

// LoopShape is what hotpath reads off the for or range statement at
// loop: its trip count, whether success leaves it, its waits.
func (r *Result) LoopShape(loop inspector.Cursor) policy.LoopShape {
	r.loops.mu.Lock()
	defer r.loops.mu.Unlock()
	if s, ok := r.loops.shapes[loop.Node()]; ok {
		return s
	}
	s := r.readShape(loop)
	r.loops.shapes[loop.Node()] = s
	return s
}

// LoopKind classifies the for or range statement at loop.
func (r *Result) LoopKind(loop inspector.Cursor) policy.LoopKind {
	return r.LoopShape(loop).Kind()
}

// HotLoop reports whether the for or range statement at loop is a
// per-iteration context of its own.
func (r *Result) HotLoop(loop inspector.Cursor) bool {
	return r.LoopKind(loop) == policy.HotLoop
}

// readShape reads the shape of a loop; the caller holds the memo's lock.
func (r *Result) readShape(loop inspector.Cursor) policy.LoopShape {
	s := policy.LoopShape{Trips: policy.UnknownTrips}
	var body *ast.BlockStmt
	switch n := loop.Node().(type) {
	case *ast.ForStmt:
		body = n.Body
		r.forHeader(n, &s)
	case *ast.RangeStmt:
		body = n.Body
		r.rangeHeader(n, &s)
	default:
		return s
	}
	bodyCur := loop.Child(body)
	w := &flow{info: r.pass.TypesInfo, label: loopLabel(loop), body: body}
	if falls, failing := w.stmts(body.List, false, ctl{}); falls {
		w.repeat(failing)
	}
	s.RunsOnce = !w.repeats
	s.SuccessExits = w.repeats && !w.repeatsOnSuccess
	s.Waits = s.Waits || r.waits(bodyCur)
	s.Pace = max(s.Pace, r.bodyPace(bodyCur, w.label))
	return s
}

// loopLabel is the label of the loop statement at loop, or "".
func loopLabel(loop inspector.Cursor) string {
	if loop.ParentEdgeKind() == edge.LabeledStmt_Stmt {
		return loop.Parent().Node().(*ast.LabeledStmt).Label.Name
	}
	return ""
}

// ---- trip counts ----

// forHeader reads a three-clause loop's header: a constant trip count
// (for i := 0; i < 3; i++, with constants or literals and a constant
// step), or a finite count (i < len(xs), i < n: bounded like a range
// over a collection).
func (r *Result) forHeader(n *ast.ForStmt, s *policy.LoopShape) {
	if n.Cond == nil {
		return // for {}: unbounded
	}
	info := r.pass.TypesInfo
	v, start, ok := r.counterInit(n.Init)
	step, okStep := r.counterStep(n.Post, v)
	for _, c := range conjuncts(n.Cond) {
		be, isBin := c.(*ast.BinaryExpr)
		if !isBin {
			continue
		}
		x, y, op := be.X, be.Y, be.Op
		if v != nil && info.ObjectOf(identOf(y)) == v {
			x, y, op = y, x, flipCmp(op)
		}
		if isLenCall(info, y) {
			s.OverCollection = true // i < len(xs): over a collection
		}
		if v == nil || !okStep || info.ObjectOf(identOf(x)) != v || assignedIn(info, n.Body, v) {
			continue
		}
		if bound, isConst := constInt(info, y); isConst && ok {
			if t := trips(start, bound, step, op); t >= 0 && (s.Trips < 0 || t < s.Trips) {
				s.Trips = t
			}
			continue
		}
		if step > 0 && (op == token.LSS || op == token.LEQ) || step < 0 && (op == token.GTR || op == token.GEQ) {
			s.OverCollection = true // i < n: finite, like range(n)
		}
	}
}

// counterInit reads "i := c" or "i = c" with c an integer constant.
func (r *Result) counterInit(init ast.Stmt) (types.Object, int64, bool) {
	as, ok := init.(*ast.AssignStmt)
	if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
		return nil, 0, false
	}
	id, ok := as.Lhs[0].(*ast.Ident)
	if !ok {
		return nil, 0, false
	}
	v, isConst := constInt(r.pass.TypesInfo, as.Rhs[0])
	return r.pass.TypesInfo.ObjectOf(id), v, isConst
}

// counterStep reads "i++", "i--", "i += c" or "i -= c" for the counter v.
func (r *Result) counterStep(post ast.Stmt, v types.Object) (int64, bool) {
	info := r.pass.TypesInfo
	switch p := post.(type) {
	case *ast.IncDecStmt:
		if v == nil || info.ObjectOf(identOf(p.X)) != v {
			return 0, false
		}
		if p.Tok == token.INC {
			return 1, true
		}
		return -1, true
	case *ast.AssignStmt:
		if len(p.Lhs) != 1 || len(p.Rhs) != 1 || v == nil || info.ObjectOf(identOf(p.Lhs[0])) != v {
			return 0, false
		}
		c, ok := constInt(info, p.Rhs[0])
		switch {
		case !ok || c == 0:
			return 0, false
		case p.Tok == token.ADD_ASSIGN:
			return c, true
		case p.Tok == token.SUB_ASSIGN:
			return -c, true
		}
	}
	return 0, false
}

// trips is the number of iterations of "for i := start; i op bound; i
// += step", or -1 when it does not end by its header.
func trips(start, bound, step int64, op token.Token) int {
	if step < 0 {
		start, bound, step, op = -start, -bound, -step, flipSign(op)
	}
	d := bound - start
	var n int64
	switch op {
	case token.LSS:
		n = (d + step - 1) / step
	case token.LEQ:
		n = d/step + 1
	case token.NEQ:
		if d < 0 || d%step != 0 {
			return -1
		}
		n = d / step
	default:
		return -1 // i > bound with a growing i: unbounded
	}
	if d < 0 {
		return 0
	}
	if n > 1<<20 {
		n = 1 << 20
	}
	return int(n)
}

// flipCmp is the comparison with its operands swapped (a < b is b > a).
func flipCmp(op token.Token) token.Token {
	switch op {
	case token.LSS:
		return token.GTR
	case token.GTR:
		return token.LSS
	case token.LEQ:
		return token.GEQ
	case token.GEQ:
		return token.LEQ
	}
	return op
}

// flipSign is the comparison of the negated operands (a > b is -a < -b).
func flipSign(op token.Token) token.Token { return flipCmp(op) }

func conjuncts(e ast.Expr) []ast.Expr {
	if be, ok := ast.Unparen(e).(*ast.BinaryExpr); ok && be.Op == token.LAND {
		return append(conjuncts(be.X), conjuncts(be.Y)...)
	}
	return []ast.Expr{ast.Unparen(e)}
}

func identOf(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}

// constInt is the value of an integer constant expression.
func constInt(info *types.Info, e ast.Expr) (int64, bool) {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(tv.Value)
}

// isLenCall reports whether e is len(x).
func isLenCall(info *types.Info, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := info.Uses[id].(*types.Builtin)
	return ok && b.Name() == "len"
}

// assignedIn reports whether v is assigned, incremented or has its
// address taken in body.
func assignedIn(info *types.Info, body *ast.BlockStmt, v types.Object) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if info.ObjectOf(identOf(l)) == v {
					found = true
				}
			}
		case *ast.IncDecStmt:
			found = found || info.ObjectOf(identOf(n.X)) == v
		case *ast.UnaryExpr:
			found = found || n.Op == token.AND && info.ObjectOf(identOf(n.X)) == v
		}
		return !found
	})
	return found
}

// rangeHeader reads a range statement's header: an integer or array
// length, a literal collection's length, a collection, a ticker.
func (r *Result) rangeHeader(n *ast.RangeStmt, s *policy.LoopShape) {
	info := r.pass.TypesInfo
	t := info.TypeOf(n.X)
	if t == nil {
		return // ill-typed
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		switch {
		case u.Info()&types.IsInteger != 0:
			s.OverCollection = true // range n: finite
			if c, ok := constInt(info, n.X); ok {
				s.Trips = clampTrips(c)
			}
		case u.Info()&types.IsString != 0:
			s.OverCollection = true
		}
	case *types.Array:
		s.OverCollection = true
		s.Trips = clampTrips(u.Len())
	case *types.Slice, *types.Map:
		s.OverCollection = true
		if lit, ok := ast.Unparen(n.X).(*ast.CompositeLit); ok {
			s.Trips = literalLen(info, lit)
		} else if lit := r.localSliceLit(n.X); lit != nil {
			s.Trips = literalLen(info, lit)
		}
	case *types.Signature:
		s.OverCollection = true // a range-over-func iterator
	case *types.Chan:
		if d, ok := r.timeChanPeriod(n.X); ok {
			s.Pace, s.Waits = d, true // for range ticker.C
		}
	}
}

// localSliceLit is the slice literal a local variable holds when it is
// assigned once, from that literal, and its address is never taken
// (hosts := []string{primary, fallback}; for _, h := range hosts): its
// length cannot change. Package-level variables and maps (m[k] = v adds
// an element) are not followed. The caller holds the memo's lock.
func (r *Result) localSliceLit(x ast.Expr) *ast.CompositeLit {
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := r.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
		return nil
	}
	if _, isSlice := v.Type().Underlying().(*types.Slice); !isSlice {
		return nil
	}
	vals := r.valuesOf(v)
	if len(vals) != 1 {
		return nil
	}
	lit, ok := ast.Unparen(vals[0]).(*ast.CompositeLit)
	if !ok {
		return nil
	}
	if r.loops.addressed[v] {
		return nil
	}
	return lit
}

// literalLen is the number of elements of a slice, array or map
// literal.
func literalLen(info *types.Info, lit *ast.CompositeLit) int {
	if _, isMap := info.TypeOf(lit).Underlying().(*types.Map); isMap {
		return len(lit.Elts)
	}
	n, next := int64(0), int64(0)
	for _, e := range lit.Elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			i, isConst := constInt(info, kv.Key)
			if !isConst {
				return policy.UnknownTrips
			}
			next = i
		}
		next++
		n = max(n, next)
	}
	return clampTrips(n)
}

func clampTrips(n int64) int {
	switch {
	case n < 0:
		return 0
	case n > 1<<20:
		return 1 << 20
	}
	return int(n)
}

// ---- control flow: does success leave the loop? ----

// pol is what a branch condition says about the iteration
// (policy.Polarity).
type pol = policy.Polarity

const (
	unknown = policy.UnknownPolarity
	success = policy.Success
	failure = policy.Failure
)

// and is the polarity of a branch taken when both hold.
func and(x, y pol) pol {
	switch {
	case x == failure || y == failure:
		return failure
	case x == success || y == success:
		return success
	}
	return unknown
}

// or is the polarity of a branch taken when either holds.
func or(x, y pol) pol {
	if x == y {
		return x
	}
	return unknown
}

// flow walks a loop body, statement by statement, tracking whether
// control is on a failure path, and records where the loop repeats (the
// end of the body, a continue) and whether it can repeat after a
// success. A retry or fallback loop repeats only after a failure.
type flow struct {
	info  *types.Info
	label string
	body  *ast.BlockStmt

	repeats          bool // some path reaches the next iteration
	repeatsOnSuccess bool // some path not known to have failed does
}

// ctl is where unlabeled break and continue statements go.
type ctl struct {
	nested bool       // inside a nested loop: they are the nested loop's
	sw     *swFallOut // inside a switch or select: break leaves it
}

// swFallOut collects the paths that leave a switch or select by break.
type swFallOut struct {
	any, failing bool
}

func (w *flow) repeat(failing bool) {
	w.repeats = true
	if !failing {
		w.repeatsOnSuccess = true
	}
}

// stmts walks a statement list entered on a failure path or not; it
// reports whether control falls through its end, and whether only on a
// failure path.
func (w *flow) stmts(list []ast.Stmt, failing bool, c ctl) (falls, failingAtEnd bool) {
	for _, s := range list {
		f, fl := w.stmt(s, failing, c)
		if !f {
			return false, false // what follows is unreachable
		}
		failing = fl
	}
	return true, failing
}

func (w *flow) stmt(s ast.Stmt, failing bool, c ctl) (bool, bool) {
	switch s := s.(type) {
	case *ast.ReturnStmt:
		return false, false
	case *ast.BranchStmt:
		return w.branch(s, failing, c)
	case *ast.BlockStmt:
		return w.stmts(s.List, failing, c)
	case *ast.LabeledStmt:
		return w.stmt(s.Stmt, failing, c)
	case *ast.IfStmt:
		thenPol, elsePol := w.cond(s.Cond)
		tf, te := w.stmts(s.Body.List, failing || thenPol == failure, c)
		ef, ee := true, failing || elsePol == failure
		if s.Else != nil {
			ef, ee = w.stmt(s.Else, ee, c)
		}
		return tf || ef, (!tf || te) && (!ef || ee)
	case *ast.SwitchStmt:
		return w.switchStmt(s, failing, c)
	case *ast.TypeSwitchStmt:
		return w.clauses(s.Body, failing, c, false)
	case *ast.SelectStmt:
		return w.clauses(s.Body, failing, c, true)
	case *ast.ForStmt:
		w.stmts(s.Body.List, failing, ctl{nested: true})
	case *ast.RangeStmt:
		w.stmts(s.Body.List, failing, ctl{nested: true})
	case *ast.ExprStmt:
		if w.noReturn(s.X) {
			return false, false
		}
	}
	return true, failing
}

// branch handles break, continue, goto and fallthrough.
func (w *flow) branch(s *ast.BranchStmt, failing bool, c ctl) (bool, bool) {
	ours := s.Label != nil && s.Label.Name == w.label
	switch s.Tok {
	case token.CONTINUE:
		if ours || s.Label == nil && !c.nested {
			w.repeat(failing)
		}
	case token.BREAK:
		if s.Label == nil && c.sw != nil && !c.nested {
			if c.sw.any {
				c.sw.failing = c.sw.failing && failing
			} else {
				c.sw.any, c.sw.failing = true, failing
			}
		}
	case token.GOTO:
		w.repeat(false) // it may jump back: assume the worst
	case token.FALLTHROUGH:
		return true, failing
	}
	return false, false
}

// switchStmt walks an expression switch. A case is reached only when
// the cases before it did not hold, and its own condition holds (tag ==
// value for a tagged switch: switch resp.StatusCode { case 200: ... }).
func (w *flow) switchStmt(s *ast.SwitchStmt, failing bool, c ctl) (bool, bool) {
	out := &swFallOut{}
	falls, allFailing := false, true
	join := func(f, fl bool) {
		if f {
			falls = true
			allFailing = allFailing && fl
		}
	}
	before := failing // a later case is reached after the earlier ones failed
	var deflt *ast.CaseClause
	for _, st := range s.Body.List {
		cc := st.(*ast.CaseClause)
		if cc.List == nil {
			deflt = cc
			continue
		}
		then, els := w.caseCond(s.Tag, cc.List)
		join(w.stmts(cc.Body, before || then == failure, ctl{nested: c.nested, sw: out}))
		before = before || els == failure
	}
	if deflt != nil {
		join(w.stmts(deflt.Body, before, ctl{nested: c.nested, sw: out}))
	} else {
		join(true, before)
	}
	if out.any {
		join(true, out.failing)
	}
	return falls, falls && allFailing
}

// caseCond is the polarity of a case clause's condition: any of its
// expressions holds (or of tag == value for a tagged switch).
func (w *flow) caseCond(tag ast.Expr, list []ast.Expr) (then, els pol) {
	for i, e := range list {
		var t, el pol
		if tag != nil {
			t, el = w.compare(&ast.BinaryExpr{X: tag, OpPos: e.Pos(), Op: token.EQL, Y: e})
		} else {
			t, el = w.cond(e)
		}
		if i == 0 {
			then, els = t, el
			continue
		}
		then, els = or(then, t), and(els, el)
	}
	return then, els
}

// clauses walks the clauses of a tagged or type switch, or a select;
// each is entered in the state before it. A switch without a default
// may run none; a select always runs one.
func (w *flow) clauses(body *ast.BlockStmt, failing bool, c ctl, isSelect bool) (bool, bool) {
	out := &swFallOut{}
	falls, allFailing, hasDefault := false, true, false
	for _, st := range body.List {
		var list []ast.Stmt
		enter := failing
		switch cl := st.(type) {
		case *ast.CaseClause:
			list, hasDefault = cl.Body, hasDefault || cl.List == nil
		case *ast.CommClause:
			list = cl.Body
			enter = enter || isDoneRecv(w.info, commRecv(cl.Comm)) // canceled: no success
		}
		if f, fl := w.stmts(list, enter, ctl{nested: c.nested, sw: out}); f {
			falls, allFailing = true, allFailing && fl
		}
	}
	if !isSelect && !hasDefault {
		falls, allFailing = true, allFailing && failing
	}
	if out.any {
		falls, allFailing = true, allFailing && out.failing
	}
	return falls, falls && allFailing
}

// noReturn reports whether e is a call that never returns: panic,
// os.Exit, log.Fatal and log.Panic and their variants.
func (w *flow) noReturn(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := w.info.Uses[id].(*types.Builtin); ok {
			return b.Name() == "panic"
		}
	}
	fn := typesx.StaticCallee(w.info, call)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	switch fn.Pkg().Path() {
	case "os":
		return fn.Name() == "Exit"
	case "log":
		return strings.HasPrefix(fn.Name(), "Fatal") || strings.HasPrefix(fn.Name(), "Panic")
	case "runtime":
		return fn.Name() == "Goexit"
	}
	return false
}

// cond returns the polarity of the branch taken when e holds and of the
// branch taken when it does not.
func (w *flow) cond(e ast.Expr) (then, els pol) {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.NOT {
		t, el := w.cond(u.X)
		return el, t
	}
	if be, ok := e.(*ast.BinaryExpr); ok {
		switch be.Op {
		case token.LAND:
			xt, xe := w.cond(be.X)
			yt, ye := w.cond(be.Y)
			return and(xt, yt), or(xe, ye)
		case token.LOR:
			xt, xe := w.cond(be.X)
			yt, ye := w.cond(be.Y)
			return or(xt, yt), and(xe, ye)
		case token.EQL, token.NEQ:
			return w.compare(be)
		case token.LSS, token.GTR, token.LEQ, token.GEQ:
			return w.statusCompare(be)
		}
	}
	if w.mentionsError(e) {
		return failure, unknown // errors.Is(err, ...), isRetryable(err)
	}
	if !isBool(w.info.TypeOf(e)) {
		return unknown, unknown
	}
	switch e := e.(type) {
	case *ast.CallExpr:
		// A call says what it tests only by its name (resp.IsSuccess(),
		// isReady(r)); hasMore(page), strings.HasPrefix(...) say nothing.
		p := policy.WordPolarity(calleeName(e))
		return p, p.Not()
	case *ast.Ident, *ast.SelectorExpr:
		if !w.thisIteration(e) {
			return unknown, unknown // a parameter, a flag set before the loop
		}
		p := policy.WordPolarity(lastName(e))
		if p == unknown {
			p = success // a value computed in this iteration is there
		}
		return p, p.Not()
	}
	return unknown, unknown
}

// compare is the polarity of an equality test: an error against nil
// (nil is success), any other value against nil (nil is failure), a
// status code, an error against a sentinel (failure), a value of this
// iteration against a status word ("Succeeded", "Running").
func (w *flow) compare(e *ast.BinaryExpr) (then, els pol) {
	x, y := e.X, e.Y
	if w.isNil(x) || w.stringConst(x) {
		x, y = y, x
	}
	eq := func(p pol) (pol, pol) {
		if e.Op == token.EQL {
			return p, p.Not()
		}
		return p.Not(), p
	}
	switch {
	case w.isNil(y):
		if isError(w.info.TypeOf(x)) {
			return eq(success)
		}
		return eq(failure)
	case w.isStatusCode(x) || w.isStatusCode(y):
		return w.statusCompare(e)
	case w.mentionsError(e):
		return failure, unknown // err == io.EOF
	case w.stringConst(y) && w.thisIteration(x):
		tv := w.info.Types[y]
		return eq(policy.WordPolarity(constant.StringVal(tv.Value)))
	}
	return unknown, unknown
}

func (w *flow) stringConst(e ast.Expr) bool {
	tv, ok := w.info.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.String
}

// calleeName is the name of the function or method a call calls.
func calleeName(call *ast.CallExpr) string {
	return lastName(call.Fun)
}

// lastName is x in x, a.b.x, or "".
func lastName(e ast.Expr) string {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		return e.Sel.Name
	}
	return ""
}

// badStatus are representative error codes: a comparison of
// resp.StatusCode with a constant is read on 200 and on these.
var badStatus = []int64{400, 401, 403, 404, 408, 429, 500, 502, 503, 504}

// statusCompare is the polarity of a comparison of an http.Response's
// StatusCode with a constant: a branch that 200 does not take is on
// failure; one that 200 takes and no error code does is on success.
func (w *flow) statusCompare(e *ast.BinaryExpr) (then, els pol) {
	x, y, op := e.X, e.Y, e.Op
	if w.isStatusCode(y) {
		x, y, op = y, x, flipCmp(op)
	}
	bound, ok := constInt(w.info, y)
	if !w.isStatusCode(x) || !ok {
		return unknown, unknown
	}
	holds := func(code int64) bool {
		return constant.Compare(constant.MakeInt64(code), op, constant.MakeInt64(bound))
	}
	bad := func(want bool) bool { // every error code gives want
		for _, c := range badStatus {
			if holds(c) != want {
				return false
			}
		}
		return true
	}
	if holds(200) {
		then, els = unknown, failure
		if bad(false) {
			then = success
		}
		return then, els
	}
	then, els = failure, unknown
	if bad(true) {
		els = success
	}
	return then, els
}

// isStatusCode reports whether e is the StatusCode field of an
// http.Response.
func (w *flow) isStatusCode(e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	s, ok := w.info.Selections[sel]
	if !ok || s.Kind() != types.FieldVal || sel.Sel.Name != "StatusCode" {
		return false
	}
	recv := s.Recv()
	return typesx.IsNamed(recv, "net/http", "Response") || typesx.IsPointerToNamed(recv, "net/http", "Response")
}

func (w *flow) isNil(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	_, isNil := w.info.Uses[id].(*types.Nil)
	return isNil
}

// mentionsError reports whether e uses a value of an error type.
func (w *flow) mentionsError(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && !found {
			if v, ok := w.info.Uses[id].(*types.Var); ok && isError(v.Type()) {
				found = true
			}
		}
		return !found
	})
	return found
}

// thisIteration reports whether e uses a value computed in this
// iteration: a call, or a variable declared in the loop body.
func (w *flow) thisIteration(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if tv, ok := w.info.Types[n.Fun]; ok && !tv.IsType() && !tv.IsBuiltin() {
				found = true
			}
		case *ast.Ident:
			if v, ok := w.info.Uses[n].(*types.Var); ok && !v.IsField() && v.Pos() >= w.body.Pos() && v.Pos() < w.body.End() {
				found = true
			}
		}
		return !found
	})
	return found
}

var errorType = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

func isError(t types.Type) bool {
	if t == nil {
		return false
	}
	if _, isIface := t.Underlying().(*types.Interface); !isIface {
		return false // a concrete error type compared to nil is a pointer test
	}
	return types.Implements(t, errorType)
}

func isBool(t types.Type) bool {
	b, ok := t.(*types.Basic)
	if !ok {
		if t == nil {
			return false
		}
		b, ok = t.Underlying().(*types.Basic)
	}
	return ok && b.Info()&types.IsBoolean != 0
}

// ---- waits and pacing ----

// waits reports whether the loop body waits or backs off anywhere: a
// sleep, a receive from a timer or ticker channel, a rate limiter's
// Wait, a backoff helper. Function literals are not the loop's code.
func (r *Result) waits(body inspector.Cursor) bool {
	found := false
	body.Inspect([]ast.Node{(*ast.FuncLit)(nil), (*ast.CallExpr)(nil), (*ast.UnaryExpr)(nil)}, func(c inspector.Cursor) bool {
		switch n := c.Node().(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			found = found || r.isWaitCall(n)
		case *ast.UnaryExpr:
			found = found || n.Op == token.ARROW && isTimeChan(r.pass.TypesInfo.TypeOf(n.X))
		}
		return !found
	})
	return found
}

// isWaitCall reports whether call sleeps or backs off: time.Sleep,
// (*rate.Limiter).Wait, or a function of a backoff package or named for
// sleeping or backing off.
func (r *Result) isWaitCall(call *ast.CallExpr) bool {
	fn := typesx.StaticCallee(r.pass.TypesInfo, call)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	name := strings.ToLower(fn.Name())
	switch {
	case typesx.IsFunc(fn, "time", "Sleep"):
		return true
	case fn.Pkg().Path() == "golang.org/x/time/rate" && strings.HasPrefix(fn.Name(), "Wait"):
		return true
	case strings.Contains(strings.ToLower(fn.Pkg().Path()), "backoff"):
		return true
	}
	return strings.Contains(name, "sleep") || strings.Contains(name, "backoff")
}

// isTimeChan reports whether t is a channel of time.Time (a ticker's or
// timer's C, time.After, time.Tick).
func isTimeChan(t types.Type) bool {
	if t == nil {
		return false
	}
	ch, ok := t.Underlying().(*types.Chan)
	return ok && typesx.IsNamed(ch.Elem(), "time", "Time")
}

// bodyPace is the constant wait at the top level of a loop body that
// every iteration reaches: a wait statement with no continue of the loop
// before it.
func (r *Result) bodyPace(body inspector.Cursor, label string) time.Duration {
	var pace time.Duration
	for c := range body.Children() {
		pace = max(pace, r.stmtWait(c.Node()))
		if continues(c, label) {
			break // a wait after this can be skipped
		}
	}
	return pace
}

// continues reports whether the statement at c contains a continue of
// the loop whose label is label (unlabeled ones outside nested loops).
func continues(c inspector.Cursor, label string) bool {
	found := false
	c.Inspect([]ast.Node{(*ast.FuncLit)(nil), (*ast.BranchStmt)(nil)}, func(b inspector.Cursor) bool {
		bs, ok := b.Node().(*ast.BranchStmt)
		if !ok {
			return false // a function literal
		}
		if bs.Tok != token.CONTINUE || found {
			return false
		}
		if bs.Label != nil {
			found = bs.Label.Name == label
			return false
		}
		for l := range b.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil)) {
			found = !c.Contains(l) // the innermost loop is ours, not one inside c
			break
		}
		return false
	})
	return found
}

// stmtWait is the constant wait of one top-level statement, or 0: a
// time.Sleep of a constant, a receive from a ticker or timer with a
// constant interval, or a select whose every case either waits so or
// ends the loop (ctx.Done()).
func (r *Result) stmtWait(s ast.Node) time.Duration {
	switch s := s.(type) {
	case *ast.ExprStmt:
		return r.exprWait(s.X)
	case *ast.AssignStmt:
		if len(s.Rhs) == 1 {
			return r.exprWait(s.Rhs[0])
		}
	case *ast.SelectStmt:
		return r.selectWait(s)
	}
	return 0
}

// exprWait is the constant wait of time.Sleep(d) or <-ch.
func (r *Result) exprWait(e ast.Expr) time.Duration {
	info := r.pass.TypesInfo
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		if fn := typesx.StaticCallee(info, e); typesx.IsFunc(fn, "time", "Sleep") && len(e.Args) == 1 {
			if d, ok := constInt(info, e.Args[0]); ok {
				return time.Duration(d)
			}
		}
	case *ast.UnaryExpr:
		if e.Op == token.ARROW {
			d, _ := r.timeChanPeriod(e.X)
			return d
		}
	}
	return 0
}

// selectWait is the pace of a select: the shortest constant interval of
// its timer and ticker cases, when every other case is ctx.Done() or
// ends the loop; 0 otherwise (a message case, a default).
func (r *Result) selectWait(s *ast.SelectStmt) time.Duration {
	var pace time.Duration
	for _, st := range s.Body.List {
		cc := st.(*ast.CommClause)
		recv := commRecv(cc.Comm)
		ue, ok := ast.Unparen(recv).(*ast.UnaryExpr)
		switch {
		case isDoneRecv(r.pass.TypesInfo, recv):
			continue // ctx.Done(): the loop ends
		case ok && ue.Op == token.ARROW:
			if d, ok := r.timeChanPeriod(ue.X); ok {
				if pace == 0 || d < pace {
					pace = d
				}
				continue
			}
		}
		if endsLoop(cc.Body) {
			continue // case <-stop: return
		}
		return 0 // a message, a send, a default: not paced
	}
	return pace
}

// isDoneRecv reports whether e receives from a call of a Done method
// returning a <-chan struct{}: a context's, or a stop signal's of the
// same shape.
func isDoneRecv(info *types.Info, e ast.Expr) bool {
	ue, ok := ast.Unparen(e).(*ast.UnaryExpr)
	if !ok || ue.Op != token.ARROW {
		return false
	}
	call, ok := ast.Unparen(ue.X).(*ast.CallExpr)
	if !ok {
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Done" {
		return false
	}
	ch, ok := types.Unalias(info.TypeOf(call)).(*types.Chan)
	if !ok {
		return false
	}
	st, ok := ch.Elem().Underlying().(*types.Struct)
	return ok && st.NumFields() == 0
}

// commRecv is the receive expression of a select case, or nil.
func commRecv(comm ast.Stmt) ast.Expr {
	switch comm := comm.(type) {
	case *ast.ExprStmt:
		return comm.X
	case *ast.AssignStmt:
		if len(comm.Rhs) == 1 {
			return comm.Rhs[0]
		}
	}
	return nil
}

// endsLoop reports whether a clause body ends in a return or a call that
// never returns.
func endsLoop(list []ast.Stmt) bool {
	if len(list) == 0 {
		return false
	}
	switch last := list[len(list)-1].(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		return last.Label != nil && last.Tok == token.BREAK
	}
	return false
}

// timeChanPeriod is the constant interval of a timer or ticker channel:
// time.After(d), time.Tick(d), time.NewTicker(d).C, time.NewTimer(d).C,
// or a local variable assigned once from one of these.
func (r *Result) timeChanPeriod(e ast.Expr) (time.Duration, bool) {
	return r.period(e, 0)
}

func (r *Result) period(e ast.Expr, depth int) (time.Duration, bool) {
	if depth > 3 {
		return 0, false
	}
	info := r.pass.TypesInfo
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		fn := typesx.StaticCallee(info, e)
		for _, name := range []string{"After", "Tick", "NewTicker", "NewTimer"} {
			if typesx.IsFunc(fn, "time", name) && len(e.Args) == 1 {
				d, ok := constInt(info, e.Args[0])
				return time.Duration(d), ok
			}
		}
	case *ast.SelectorExpr:
		if e.Sel.Name == "C" {
			return r.period(e.X, depth+1) // ticker.C
		}
	case *ast.Ident:
		v, ok := info.Uses[e].(*types.Var)
		if !ok || v.IsField() || v.Parent() == nil || v.Pkg() != nil && v.Parent() == v.Pkg().Scope() {
			return 0, false // not a local variable
		}
		if vals := r.valuesOf(v); len(vals) == 1 {
			return r.period(vals[0], depth+1)
		}
	}
	return 0, false
}

// valuesOf lists the values assigned to the local variable v; the
// caller holds the memo's lock. The first call also fills
// r.loops.addressed, in the same walk of the package.
func (r *Result) valuesOf(v types.Object) []ast.Expr {
	if r.loops.values == nil {
		r.loops.values = map[types.Object][]ast.Expr{}
		r.loops.addressed = map[types.Object]bool{}
		info := r.pass.TypesInfo
		for c := range r.inspct.Root().Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.UnaryExpr)(nil)) {
			switch n := c.Node().(type) {
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					if id, ok := ast.Unparen(n.X).(*ast.Ident); ok {
						if obj := info.Uses[id]; obj != nil {
							r.loops.addressed[obj] = true
						}
					}
				}
			case *ast.AssignStmt:
				for i, l := range n.Lhs {
					obj := info.ObjectOf(identOf(l))
					if obj == nil {
						continue
					}
					var val ast.Expr
					if len(n.Lhs) == len(n.Rhs) {
						val = n.Rhs[i]
					}
					r.loops.values[obj] = append(r.loops.values[obj], val)
				}
			case *ast.ValueSpec:
				for i, id := range n.Names {
					var val ast.Expr
					if len(n.Values) == len(n.Names) {
						val = n.Values[i]
					}
					r.loops.values[info.Defs[id]] = append(r.loops.values[info.Defs[id]], val)
				}
			}
		}
	}
	vals := r.loops.values[v]
	for _, x := range vals {
		if x == nil {
			return nil // a tuple assignment: unknown
		}
	}
	return vals
}
