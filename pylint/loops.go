package pylint

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/snatlint/snatlint/analyzers/policy"
)

// loops.go reads a policy.LoopShape off a Python for or while statement or
// a comprehension (design.md, "Decisions on edge cases": Loops, and round 2:
// Loop details); policy decides whether the loop is hot. A loop that is not
// hot is no context of its own: what it builds belongs to the function
// around it (and to the loop around that, if any).

// loopShape reads the shape of a for_statement or while_statement.
func (w *walker) loopShape(n int32) policy.LoopShape {
	s := policy.LoopShape{Trips: policy.UnknownTrips}
	body := w.field(n, fieldBody)
	switch w.typ(n) {
	case "for_statement":
		if r := w.field(n, fieldRight); r >= 0 {
			s.Trips, s.OverCollection = w.iterTrips(r, w.isAsyncFor(n))
		}
	case "while_statement":
		s.Trips = w.counterTrips(n, body)
	}
	if body < 0 {
		return s
	}
	lf := loopFlowOf(w, body)
	s.RunsOnce = lf.runsOnce()
	s.SuccessExits = lf.successExits()
	s.Waits, s.Pace = w.loopWaits(n, body)
	return s
}

// compShape reads the shape of a comprehension: its trip count is the
// product of its for clauses' constant counts (a comprehension has no
// statements, so it neither exits early nor waits).
func (w *walker) compShape(n int32) policy.LoopShape {
	s := policy.LoopShape{Trips: 1}
	for c := range w.kids(n) {
		if w.typ(c) != "for_in_clause" {
			continue
		}
		r := w.field(c, fieldRight)
		if r < 0 {
			return policy.LoopShape{Trips: policy.UnknownTrips}
		}
		t, _ := w.iterTrips(r, w.isAsyncFor(c))
		if t < 0 || s.Trips*t > policy.MaxConstTrips*policy.MaxConstTrips {
			return policy.LoopShape{Trips: policy.UnknownTrips}
		}
		s.Trips *= t
	}
	return s
}

func (w *walker) isAsyncFor(n int32) bool {
	for c := range w.kids(n) {
		if w.typ(c) == "async" {
			return true
		}
	}
	return false
}

// iterTrips is the constant trip count of a loop over r (UnknownTrips when
// it is not constant) and whether r is a collection that ends: a literal
// list, tuple or set, range() of constants (len 0..n), range() of
// anything (finite), or a name, attribute or call that is not a message
// source. An async iterable is a stream unless it is a literal.
func (w *walker) iterTrips(r int32, async bool) (trips int, collection bool) {
	r = w.unparen(r)
	switch w.typ(r) {
	case "list", "tuple", "set":
		k := 0
		for c := range w.kids(r) {
			switch w.typ(c) {
			case "comment":
				continue
			case "list_splat", "parenthesized_list_splat":
				return policy.UnknownTrips, true
			}
			k++
		}
		return k, true
	case "call":
		if async {
			return policy.UnknownTrips, false
		}
		fn := w.dotted(w.field(r, fieldFunction))
		args := w.positional(r)
		switch fn {
		case "range":
			if t, ok := w.rangeTrips(args); ok {
				return t, true
			}
			return policy.UnknownTrips, true
		case "enumerate", "reversed", "sorted", "list", "tuple", "set", "frozenset":
			if len(args) >= 1 {
				return w.iterTrips(args[0], false)
			}
			return policy.UnknownTrips, true
		case "iter":
			if len(args) == 2 { // iter(callable, sentinel): until the sentinel comes
				return policy.UnknownTrips, false
			}
		case "itertools.count", "itertools.cycle", "itertools.repeat", "count", "cycle", "repeat":
			return policy.UnknownTrips, false
		}
		return policy.UnknownTrips, !messageSource(fn)
	case "identifier", "attribute", "subscript":
		if async {
			return policy.UnknownTrips, false
		}
		if lit := w.localListLit(r); lit >= 0 {
			return w.iterTrips(lit, false)
		}
		name := w.dotted(r)
		if name == "" {
			name = w.text(r)
		}
		return policy.UnknownTrips, !messageSource(name)
	case "list_comprehension", "set_comprehension", "dictionary_comprehension", "generator_expression", "dictionary":
		return policy.UnknownTrips, !async
	}
	return policy.UnknownTrips, false
}

// localListLit is the list or tuple literal that local name r holds when
// the function (or module) binds it once, from that literal, and never
// grows it (terms = [word, f"*.{word}"]; for t in terms): -1 otherwise.
// An append, extend, insert or +=, another binding (a for target, a
// with target, a walrus) or a global/nonlocal declaration disqualifies it.
func (w *walker) localListLit(r int32) int32 {
	if w.typ(r) != "identifier" {
		return -1
	}
	name := w.text(r)
	scope := w.nodes[r].parent
	for scope >= 0 && w.typ(scope) != "function_definition" && w.typ(scope) != "module" {
		scope = w.nodes[scope].parent
	}
	if scope < 0 {
		return -1
	}
	lit, binds, grows := int32(-1), 0, false
	w.eachNode(scope, func(x int32) bool {
		if grows {
			return false
		}
		switch w.typ(x) {
		case "function_definition", "class_definition", "lambda":
			return x == scope
		case "assignment":
			if l := w.field(x, fieldLeft); l >= 0 && w.typ(l) == "identifier" && w.text(l) == name {
				binds++
				v := w.unparen(w.field(x, fieldRight))
				if v >= 0 && (w.typ(v) == "list" || w.typ(v) == "tuple") {
					lit = v
				}
			} else if l >= 0 && w.mentionsName(l, map[string]bool{name: true}) && w.typ(l) != "subscript" {
				grows = true // a, terms = ...: bound another way
			}
		case "augmented_assignment", "named_expression", "for_statement", "as_pattern_target",
			"global_statement", "nonlocal_statement", "delete_statement":
			t := x
			switch w.typ(x) {
			case "augmented_assignment", "for_statement":
				t = w.field(x, fieldLeft)
			case "named_expression":
				t = w.field(x, fieldName)
			}
			if t >= 0 && w.mentionsName(t, map[string]bool{name: true}) {
				grows = true
			}
		case "call":
			f := w.field(x, fieldFunction)
			if f >= 0 && w.typ(f) == "attribute" {
				obj, attr := w.field(f, fieldObject), w.field(f, fieldAttribute)
				if obj >= 0 && attr >= 0 && w.typ(obj) == "identifier" && w.text(obj) == name {
					switch w.text(attr) {
					case "append", "extend", "insert", "__iadd__":
						grows = true
					}
				}
			}
		}
		return true
	})
	if grows || binds != 1 {
		return -1
	}
	return lit
}

// messageWords are the words (separated by "_" or ".") of names that
// deliver messages or events rather than hold a collection: a loop over
// one is a message loop.
var messageWords = map[string]bool{
	"receiver": true, "receive": true, "receive_messages": true, "consumer": true, "consume": true,
	"subscriber": true, "subscription": true, "subscribe": true, "listen": true, "listener": true,
	"stream": true, "queue": true, "poll": true, "watch": true, "watcher": true, "tail": true,
	"follow": true, "socket": true, "websocket": true, "ws": true, "pubsub": true, "inbox": true,
	"messages": true, "events": true, "iter_messages": true, "get_messages": true,
}

// messageSource reports whether the dotted name (a variable, an attribute
// or a callee) names a source of messages or events.
func messageSource(name string) bool {
	last := strings.ToLower(lastPart(name))
	if messageWords[last] {
		return true
	}
	for _, part := range strings.Split(last, "_") {
		if messageWords[part] {
			return true
		}
	}
	return false
}

// positional returns the positional arguments of call n.
func (w *walker) positional(n int32) []int32 {
	args := w.field(n, fieldArguments)
	if args < 0 || w.typ(args) != "argument_list" {
		return nil
	}
	var out []int32
	for a := range w.kids(args) {
		switch w.typ(a) {
		case "comment", "keyword_argument", "list_splat", "dictionary_splat":
			continue
		}
		out = append(out, a)
	}
	return out
}

// keyword returns the value of keyword argument name of call n, or -1.
func (w *walker) keyword(n int32, name string) int32 {
	args := w.field(n, fieldArguments)
	if args < 0 || w.typ(args) != "argument_list" {
		return -1
	}
	for a := range w.kids(args) {
		if w.typ(a) != "keyword_argument" {
			continue
		}
		if nm := w.field(a, fieldName); nm >= 0 && w.text(nm) == name {
			return w.field(a, fieldValue)
		}
	}
	return -1
}

// rangeTrips is the length of range(args...) when every argument is a
// constant.
func (w *walker) rangeTrips(args []int32) (int, bool) {
	var v [3]float64
	for i, a := range args {
		if i >= 3 {
			return 0, false
		}
		x, ok := w.constNum(a)
		if !ok || x != math.Trunc(x) {
			return 0, false
		}
		v[i] = x
	}
	start, stop, step := 0.0, 0.0, 1.0
	switch len(args) {
	case 1:
		stop = v[0]
	case 2:
		start, stop = v[0], v[1]
	case 3:
		start, stop, step = v[0], v[1], v[2]
	default:
		return 0, false
	}
	if step == 0 {
		return 0, false
	}
	n := math.Ceil((stop - start) / step)
	if n < 0 {
		n = 0
	}
	if n > math.MaxInt32 {
		return math.MaxInt32, true
	}
	return int(n), true
}

// constNum evaluates a numeric constant: a literal, a module-level
// UPPER_CASE constant bound to one, and + - * / // ** of those.
func (w *walker) constNum(n int32) (float64, bool) {
	return w.constNumDepth(n, 0)
}

func (w *walker) constNumDepth(n int32, depth int) (float64, bool) {
	if n < 0 || depth > 16 {
		return 0, false
	}
	switch w.typ(n) {
	case "integer":
		t := strings.ReplaceAll(strings.ToLower(w.text(n)), "_", "")
		t = strings.TrimRight(t, "lj")
		x, err := strconv.ParseInt(t, 0, 64)
		if err != nil {
			return 0, false
		}
		return float64(x), true
	case "float":
		x, err := strconv.ParseFloat(strings.ReplaceAll(w.text(n), "_", ""), 64)
		return x, err == nil
	case "identifier":
		x, ok := w.consts[w.text(n)]
		return x, ok
	case "parenthesized_expression":
		return w.constNumDepth(w.unparen(n), depth+1)
	case "unary_operator":
		arg := w.field(n, fieldArgument)
		x, ok := w.constNumDepth(arg, depth+1)
		if !ok {
			return 0, false
		}
		if strings.HasPrefix(strings.TrimSpace(w.text(n)), "-") {
			return -x, true
		}
		return x, true
	case "binary_operator":
		l, r := w.field(n, fieldLeft), w.field(n, fieldRight)
		a, ok1 := w.constNumDepth(l, depth+1)
		b, ok2 := w.constNumDepth(r, depth+1)
		if !ok1 || !ok2 {
			return 0, false
		}
		switch strings.TrimSpace(string(w.src[w.nodes[l].eb:w.nodes[r].sb])) {
		case "+":
			return a + b, true
		case "-":
			return a - b, true
		case "*":
			return a * b, true
		case "/":
			if b == 0 {
				return 0, false
			}
			return a / b, true
		case "//":
			if b == 0 {
				return 0, false
			}
			return math.Floor(a / b), true
		case "**":
			if b > 64 || b < 0 {
				return 0, false
			}
			return math.Pow(a, b), true
		}
	}
	return 0, false
}

// unparen strips parentheses.
func (w *walker) unparen(n int32) int32 {
	for i := 0; i < 64 && n >= 0 && w.typ(n) == "parenthesized_expression"; i++ {
		var inner int32 = -1
		for c := range w.kids(n) {
			if w.typ(c) != "comment" {
				inner = c
				break
			}
		}
		if inner < 0 {
			return n
		}
		n = inner
	}
	return n
}

// isUpperConst reports whether name is spelled like a module constant
// (MAX_RETRIES, TIMEOUT_S).
func isUpperConst(name string) bool {
	hasLetter := false
	for _, r := range name {
		switch {
		case r >= 'A' && r <= 'Z':
			hasLetter = true
		case r >= '0' && r <= '9', r == '_':
		default:
			return false
		}
	}
	return hasLetter
}

// scanConsts records the module-level UPPER_CASE names bound to a numeric
// constant, before the walk (a function may use a constant defined below
// it). A name bound twice is no constant.
func (w *walker) scanConsts(root int32) {
	w.consts = map[string]float64{}
	seen := map[string]bool{}
	for st := range w.kids(root) {
		if w.typ(st) != "expression_statement" {
			continue
		}
		for a := range w.kids(st) {
			if w.typ(a) != "assignment" {
				continue
			}
			l, r := w.field(a, fieldLeft), w.field(a, fieldRight)
			if l < 0 || r < 0 || w.typ(l) != "identifier" || !isUpperConst(w.text(l)) {
				continue
			}
			name := w.text(l)
			if seen[name] {
				delete(w.consts, name)
				continue
			}
			seen[name] = true
			if x, ok := w.constNum(r); ok {
				w.consts[name] = x
			}
		}
	}
}

// counterTrips is the trip count of `while i < N:` (or <=, or a count
// down with > / >=) where i is set to a constant just before the loop and
// stepped by one in its body (and assigned nowhere else in it).
func (w *walker) counterTrips(n, body int32) int {
	cond := w.unparen(w.field(n, fieldCondition))
	if cond < 0 || body < 0 || w.typ(cond) != "comparison_operator" {
		return policy.UnknownTrips
	}
	ops := w.kidList(cond)
	if len(ops) != 2 {
		return policy.UnknownTrips
	}
	op := strings.TrimSpace(string(w.src[w.nodes[ops[0]].eb:w.nodes[ops[1]].sb]))
	name, bound := ops[0], ops[1]
	if w.typ(name) != "identifier" {
		name, bound = ops[1], ops[0]
		op = flipCmp(op)
	}
	limit, ok := w.constNum(bound)
	if w.typ(name) != "identifier" || !ok {
		return policy.UnknownTrips
	}
	counter := w.text(name)
	init, ok := w.initBefore(n, counter)
	if !ok {
		return policy.UnknownTrips
	}
	step, ok := w.counterStep(body, counter)
	if !ok {
		return policy.UnknownTrips
	}
	var t float64
	switch {
	case step > 0 && op == "<":
		t = limit - init
	case step > 0 && op == "<=":
		t = limit - init + 1
	case step < 0 && op == ">":
		t = init - limit
	case step < 0 && op == ">=":
		t = init - limit + 1
	default:
		return policy.UnknownTrips
	}
	if t < 0 {
		t = 0
	}
	if t > math.MaxInt32 {
		return math.MaxInt32
	}
	return int(math.Ceil(t))
}

func flipCmp(op string) string {
	switch op {
	case "<":
		return ">"
	case "<=":
		return ">="
	case ">":
		return "<"
	case ">=":
		return "<="
	}
	return op
}

// kidList returns n's children without comments.
func (w *walker) kidList(n int32) []int32 {
	var out []int32
	for c := range w.kids(n) {
		if w.typ(c) != "comment" {
			out = append(out, c)
		}
	}
	return out
}

// initBefore finds `name = <constant>` among the statements before
// statement n in its block (the nearest one).
func (w *walker) initBefore(n int32, name string) (float64, bool) {
	parent := w.nodes[n].parent
	if parent < 0 {
		return 0, false
	}
	found, val := false, 0.0
	for st := range w.kids(parent) {
		if st == n {
			break
		}
		if w.typ(st) != "expression_statement" {
			continue
		}
		for a := range w.kids(st) {
			if w.typ(a) != "assignment" {
				continue
			}
			l, r := w.field(a, fieldLeft), w.field(a, fieldRight)
			if l >= 0 && w.typ(l) == "identifier" && w.text(l) == name {
				val, found = w.constNum(r)
			}
		}
	}
	return val, found
}

// counterStep is +1 or -1 when the body steps counter by one (i += 1,
// i -= 1, i = i + 1) and assigns it nowhere else; nested functions are
// not looked at.
func (w *walker) counterStep(body int32, counter string) (int, bool) {
	step := 0
	ok := true
	w.eachNode(body, func(c int32) bool {
		switch w.typ(c) {
		case "function_definition", "class_definition", "lambda":
			return false
		case "augmented_assignment":
			l, r := w.field(c, fieldLeft), w.field(c, fieldRight)
			if l < 0 || w.typ(l) != "identifier" || w.text(l) != counter {
				return true
			}
			op := strings.TrimSpace(string(w.src[w.nodes[l].eb:w.nodes[r].sb]))
			if x, isConst := w.constNum(r); isConst && x == 1 && (op == "+=" || op == "-=") && step == 0 {
				step = 1
				if op == "-=" {
					step = -1
				}
				return true
			}
			ok = false
		case "assignment":
			l := w.field(c, fieldLeft)
			if l >= 0 && w.typ(l) == "identifier" && w.text(l) == counter {
				r := w.unparen(w.field(c, fieldRight))
				if r >= 0 && w.typ(r) == "binary_operator" && step == 0 {
					a, b := w.field(r, fieldLeft), w.field(r, fieldRight)
					x, isConst := w.constNum(b)
					op := strings.TrimSpace(string(w.src[w.nodes[a].eb:w.nodes[b].sb]))
					if a >= 0 && w.typ(a) == "identifier" && w.text(a) == counter && isConst && x == 1 && (op == "+" || op == "-") {
						step = 1
						if op == "-" {
							step = -1
						}
						return true
					}
				}
				ok = false
			}
		}
		return true
	})
	return step, ok && step != 0
}

// eachNode calls f on n and its descendants in pre-order; f returns false
// to skip a node's children. The node copy is in pre-order (flat.go), so
// n's subtree is the run of nodes from n up to subtreeEnd(n): the walk is
// a scan of that run, jumping over a skipped node's subtree.
func (w *walker) eachNode(n int32, f func(int32) bool) {
	if n < 0 {
		return
	}
	for c, end := n, w.subtreeEnd(n); c < end; {
		if f(c) {
			c++
		} else {
			c = w.subtreeEnd(c)
		}
	}
}

// subtreeEnd is the index just past n's last descendant in the pre-order
// node copy: one past the end of n's chain of last children.
func (w *walker) subtreeEnd(n int32) int32 {
	for w.nodes[n].last >= 0 {
		n = w.nodes[n].last
	}
	return n + 1
}

// loopWaits reports whether the loop waits anywhere in its body or its
// condition (a sleep or a backoff, constant or not), and the pace: the
// constant wait at the top level of the body that every iteration reaches
// (no continue of this loop before it), or a constant Event.wait in a
// while condition.
func (w *walker) loopWaits(n, body int32) (bool, time.Duration) {
	waits := false
	var pace time.Duration
	if c := w.field(n, fieldCondition); c >= 0 {
		w.eachNode(c, func(x int32) bool {
			if w.typ(x) == "call" {
				if isWait, d := w.waitCall(x); isWait {
					waits = true
					pace = max(pace, d)
				}
			}
			return true
		})
	}
	w.eachNode(body, func(x int32) bool {
		switch w.typ(x) {
		case "function_definition", "class_definition", "lambda":
			return false
		case "call":
			if isWait, _ := w.waitCall(x); isWait {
				waits = true
			}
		}
		return true
	})
	// the pace: a top-level statement of the body, before any continue
	for _, st := range w.kidList(body) {
		if w.hasContinue(st) {
			break
		}
		if w.typ(st) != "expression_statement" {
			continue
		}
		for _, e := range w.kidList(st) {
			if w.typ(e) == "await" {
				if k := w.kidList(e); len(k) == 1 {
					e = k[0]
				}
			}
			if w.typ(e) != "call" {
				continue
			}
			if _, d := w.waitCall(e); d > pace {
				pace = d
			}
		}
	}
	return waits, pace
}

// hasContinue reports whether statement st holds a continue of the loop
// it is in (not of a nested loop).
func (w *walker) hasContinue(st int32) bool {
	found := false
	w.eachNode(st, func(x int32) bool {
		switch w.typ(x) {
		case "for_statement", "while_statement", "function_definition", "class_definition", "lambda":
			// a nested loop's continue is its own; its else clause is ours
			if a := w.field(x, fieldAlternative); a >= 0 && w.typ(x) != "function_definition" && w.hasContinue(a) {
				found = true
			}
			return false
		case "continue_statement":
			found = true
		}
		return !found
	})
	return found
}

// sleepFuncs are the qualified sleeps whose first argument is seconds.
var sleepFuncs = map[string]bool{
	"time.sleep": true, "asyncio.sleep": true, "gevent.sleep": true, "eventlet.sleep": true,
	"trio.sleep": true, "anyio.sleep": true,
}

// waitCall reports whether call n waits (a sleep, a backoff helper, an
// Event.wait with a timeout), and its constant duration when it is one
// (0 otherwise).
func (w *walker) waitCall(n int32) (bool, time.Duration) {
	fn := w.field(n, fieldFunction)
	text := w.dotted(fn)
	if text == "" {
		return false, 0
	}
	last := strings.ToLower(lastPart(text))
	q := w.fs.qualify(text)
	var secs int32 = -1
	switch {
	case sleepFuncs[q]:
		if a := w.positional(n); len(a) > 0 {
			secs = a[0]
		} else {
			secs = w.keyword(n, "seconds")
			if secs < 0 {
				secs = w.keyword(n, "delay")
			}
		}
	case last == "wait" && strings.Contains(text, "."):
		// Event.wait(timeout) / Condition.wait(timeout): a wait only
		// with a timeout
		if a := w.positional(n); len(a) == 1 {
			secs = a[0]
		} else if secs = w.keyword(n, "timeout"); secs < 0 {
			return false, 0
		}
	case strings.Contains(last, "sleep") || strings.Contains(last, "backoff"):
		return true, 0
	default:
		return false, 0
	}
	if secs < 0 {
		return true, 0
	}
	x, ok := w.constNum(secs)
	if !ok || x <= 0 || x > 1e6 {
		return true, 0
	}
	return true, time.Duration(x * float64(time.Second))
}

// loopFlow is what the paths through a loop body do: how many leave the
// loop on success, and whether one repeats the loop without a failure
// (an exception, or a test saying the call failed).
type loopFlow struct {
	w           *walker
	results     map[string]bool // names the body binds to a call's result
	successExit int
	okRepeat    bool
	repeats     bool // any continue, or a path falling off the end
}

// path is the set of ways a point of the body is reached: on a path with
// no failure seen (ok), and on one after a failure (fail).
type path struct{ ok, fail bool }

func (p path) live() bool     { return p.ok || p.fail }
func (p path) or(q path) path { return path{p.ok || q.ok, p.fail || q.fail} }
func (p path) failed() path   { return path{fail: p.live()} }

func loopFlowOf(w *walker, body int32) *loopFlow {
	lf := &loopFlow{w: w, results: w.resultNames(body)}
	out := lf.block(body, path{ok: true})
	if out.ok {
		lf.okRepeat = true
	}
	if out.live() {
		lf.repeats = true
	}
	return lf
}

// runsOnce: no path through the body reaches the next iteration.
func (lf *loopFlow) runsOnce() bool { return !lf.repeats }

// successExits: a path without failure leaves the loop, and every path
// that repeats it went through a failure.
func (lf *loopFlow) successExits() bool { return lf.successExit > 0 && !lf.okRepeat }

func (lf *loopFlow) block(b int32, in path) path {
	cur := in
	for _, st := range lf.w.kidList(b) {
		if !cur.live() {
			return cur
		}
		cur = lf.stmt(st, cur)
	}
	return cur
}

func (lf *loopFlow) stmt(st int32, in path) path {
	w := lf.w
	switch w.typ(st) {
	case "return_statement", "break_statement":
		if in.ok {
			lf.successExit++
		}
		return path{}
	case "continue_statement":
		lf.repeats = true
		if in.ok {
			lf.okRepeat = true
		}
		return path{}
	case "raise_statement":
		return path{}
	case "block":
		return lf.block(st, in)
	case "if_statement":
		return lf.ifStmt(st, in)
	case "try_statement":
		return lf.tryStmt(st, in)
	case "with_statement":
		if b := w.field(st, fieldBody); b >= 0 {
			return lf.block(b, in)
		}
	case "match_statement":
		out := in
		w.eachNode(st, func(x int32) bool {
			if w.typ(x) == "case_clause" {
				if b := w.field(x, fieldConsequence); b >= 0 {
					out = out.or(lf.block(b, in))
				}
				return false
			}
			return true
		})
		return out
	case "for_statement", "while_statement":
		// a nested loop: its break and continue are its own, a return
		// in it leaves ours too
		lf.nestedReturns(st, in)
		return in
	}
	return in
}

// nestedReturns counts the returns inside nested loop n as exits.
func (lf *loopFlow) nestedReturns(n int32, in path) {
	lf.w.eachNode(n, func(x int32) bool {
		switch lf.w.typ(x) {
		case "function_definition", "class_definition", "lambda":
			return false
		case "return_statement":
			if in.ok {
				lf.successExit++
			}
		}
		return true
	})
}

func (lf *loopFlow) ifStmt(st int32, in path) path {
	w := lf.w
	next := in // how the next clause is reached
	out := path{}
	hasElse := false
	clause := func(cond, body int32) {
		then, els := next, next
		switch lf.polarity(cond) {
		case condSuccess:
			els = next.failed()
		case condFailure:
			then = next.failed()
		}
		if body >= 0 {
			out = out.or(lf.block(body, then))
		} else {
			out = out.or(then)
		}
		next = els
	}
	clause(w.field(st, fieldCondition), w.field(st, fieldConsequence))
	for c := range w.kids(st) {
		switch w.typ(c) {
		case "elif_clause":
			clause(w.field(c, fieldCondition), w.field(c, fieldConsequence))
		case "else_clause":
			hasElse = true
			if b := w.field(c, fieldBody); b >= 0 {
				out = out.or(lf.block(b, next))
			}
		}
	}
	if !hasElse {
		out = out.or(next)
	}
	return out
}

func (lf *loopFlow) tryStmt(st int32, in path) path {
	w := lf.w
	bodyOut := in
	if b := w.field(st, fieldBody); b >= 0 {
		bodyOut = lf.block(b, in)
	}
	out := path{}
	handlers := path{}
	for c := range w.kids(st) {
		switch w.typ(c) {
		case "except_clause", "except_group_clause":
			for _, k := range w.kidList(c) {
				if w.typ(k) == "block" {
					handlers = handlers.or(lf.block(k, in.failed()))
				}
			}
		case "else_clause":
			if b := w.field(c, fieldBody); b >= 0 {
				bodyOut = lf.block(b, bodyOut)
			}
		}
	}
	out = bodyOut.or(handlers)
	return out
}

// resultNames are the names the loop body binds to a value computed by a
// call (r = requests.get(u), data = r.json(), (r := fetch()), async with
// s.get(u) as r), or to a value taken from one (r = rs[0] if rs else
// None): a test on one of them says whether this iteration's call
// succeeded.
func (w *walker) resultNames(body int32) map[string]bool {
	out := map[string]bool{}
	bind := func(l int32) bool {
		added := false
		w.eachNode(l, func(y int32) bool {
			if w.typ(y) == "identifier" {
				if !out[w.text(y)] {
					out[w.text(y)] = true
					added = true
				}
				return false
			}
			switch w.typ(y) {
			case "pattern_list", "tuple_pattern", "list_pattern", "as_pattern_target":
				return true
			}
			return false
		})
		return added
	}
	// derived values are found once the names they come from are: repeat
	// until no name is added (each round adds one, so this ends)
	for changed := true; changed; {
		changed = false
		w.eachNode(body, func(x int32) bool {
			switch w.typ(x) {
			case "function_definition", "class_definition", "lambda":
				return false
			case "assignment", "augmented_assignment", "named_expression":
				l, r := w.field(x, fieldLeft), w.field(x, fieldRight)
				if w.typ(x) == "named_expression" {
					l, r = w.field(x, fieldName), w.field(x, fieldValue)
				}
				if l >= 0 && r >= 0 && (w.holdsCall(r) || w.mentionsName(r, out)) && bind(l) {
					changed = true
				}
			case "as_pattern":
				// with/async with: the context manager a call returns
				a := w.field(x, fieldAlias)
				if ks := w.kidList(x); len(ks) > 0 && a >= 0 && ks[0] != a && w.holdsCall(ks[0]) && bind(a) {
					changed = true
				}
			}
			return true
		})
	}
	return out
}

// mentionsName reports whether expression n uses one of names.
func (w *walker) mentionsName(n int32, names map[string]bool) bool {
	found := false
	w.eachNode(n, func(x int32) bool {
		switch w.typ(x) {
		case "identifier":
			if names[w.text(x)] {
				found = true
			}
		case "lambda":
			return false
		}
		return !found
	})
	return found
}

// holdsCall reports whether expression n contains a call (or an await).
func (w *walker) holdsCall(n int32) bool {
	found := false
	w.eachNode(n, func(x int32) bool {
		switch w.typ(x) {
		case "call", "await":
			found = true
		case "lambda":
			return false
		}
		return !found
	})
	return found
}

// polarity is what a condition says about the iteration; the words
// that decide it are policy's, shared with the Go pass.
type polarity = policy.Polarity

const (
	condUnknown = policy.UnknownPolarity
	condSuccess = policy.Success // true when the call succeeded / the service answered
	condFailure = policy.Failure // true when it failed / has not answered yet
)

// polarity says whether condition c tests for success or for failure of
// this iteration's call. Only tests on a result of a call in the body (or
// a call in the condition itself on such a result) have one; a test on
// anything else (the loop variable, a flag) is unknown.
func (lf *loopFlow) polarity(c int32) polarity {
	w := lf.w
	c = w.unparen(c)
	if c < 0 || !lf.mentionsResult(c) {
		return condUnknown
	}
	switch w.typ(c) {
	case "not_operator":
		return lf.polarity(w.field(c, fieldArgument)).Not()
	case "boolean_operator":
		l, r := lf.polarity(w.field(c, fieldLeft)), lf.polarity(w.field(c, fieldRight))
		if l == r {
			return l
		}
		op := strings.TrimSpace(string(w.src[w.nodes[w.field(c, fieldLeft)].eb:w.nodes[w.field(c, fieldRight)].sb]))
		if op == "and" && (l == condFailure || r == condFailure) && (l == condUnknown || r == condUnknown) {
			// err and retries_left: still a failure test
			return condFailure
		}
		return condUnknown
	case "comparison_operator":
		return lf.comparison(c)
	case "call":
		// a call says what it tests only by its name (is_ready(r),
		// r.succeeded()); any(...), len(...) do not; isinstance(r, T)
		// only when T is an error type (isinstance(r, Exception))
		fn := w.dotted(w.field(c, fieldFunction))
		if fn == "isinstance" {
			return lf.isinstancePolarity(c)
		}
		return policy.WordPolarity(lastPart(fn))
	case "identifier", "attribute", "subscript":
		return truthiness(w.dotted(c), w.text(c))
	}
	return condUnknown
}

// isinstancePolarity classifies isinstance(x, T) on a result x: a failure
// test when every type T names is a failure (an error or exception type);
// otherwise unknown, since a type test says nothing of success on its own
// (isinstance(page, dict) may be the error shape of an API whose pages are
// lists).
func (lf *loopFlow) isinstancePolarity(c int32) polarity {
	w := lf.w
	args := w.positional(c)
	if len(args) != 2 || !lf.mentionsResult(args[0]) {
		return condUnknown
	}
	types := []int32{w.unparen(args[1])}
	if w.typ(types[0]) == "tuple" {
		types = w.kidList(types[0])
	}
	for _, t := range types {
		last := strings.ToLower(lastPart(w.dotted(t)))
		if last == "" || !(strings.HasSuffix(last, "error") || strings.HasSuffix(last, "exception")) {
			return condUnknown
		}
	}
	return condFailure
}

// mentionsResult reports whether expression c uses a result name.
func (lf *loopFlow) mentionsResult(c int32) bool {
	found := false
	lf.w.eachNode(c, func(x int32) bool {
		switch lf.w.typ(x) {
		case "identifier":
			if lf.results[lf.w.text(x)] {
				found = true
			}
		case "named_expression":
			if lf.w.holdsCall(x) {
				found = true
			}
		case "lambda":
			return false
		}
		return !found
	})
	return found
}

// truthiness is the polarity of testing a value for truth: a failure
// name (err, exc) is a failure test, anything else a success test (the
// call returned something).
func truthiness(dotted, text string) polarity {
	name := dotted
	if name == "" {
		name = text
	}
	if p := policy.WordPolarity(lastPart(strings.TrimSuffix(strings.TrimSpace(name), "()"))); p != condUnknown {
		return p
	}
	return condSuccess
}

// comparison classifies a comparison on a result: against None, an HTTP
// status, or a status word.
func (lf *loopFlow) comparison(c int32) polarity {
	w := lf.w
	ops := w.kidList(c)
	if len(ops) == 3 {
		return lf.statusRange(c, ops)
	}
	if len(ops) != 2 {
		return condUnknown
	}
	a, b := w.unparen(ops[0]), w.unparen(ops[1])
	op := strings.Join(strings.Fields(string(w.src[w.nodes[ops[0]].eb:w.nodes[ops[1]].sb])), " ")
	if w.typ(a) == "none" {
		a, b = b, a
	}
	neg := false
	switch op {
	case "is not", "!=", "not in":
		neg = true
	}
	var p polarity
	switch {
	case w.typ(b) == "none" && (op == "is" || op == "==" || op == "is not" || op == "!="):
		p = truthiness(w.dotted(a), w.text(a)).Not() // x is None: x is missing
	case op == "in" || op == "not in":
		p = lf.memberPolarity(b)
	default:
		p = lf.valuePolarity(a, b, op)
		neg = false
	}
	if neg {
		return p.Not()
	}
	return p
}

// statusRange classifies a chained comparison lo <= x < hi on a status:
// 200 <= r.status < 300 is a success test, anything else unknown.
func (lf *loopFlow) statusRange(c int32, ops []int32) polarity {
	w := lf.w
	lo, ok1 := w.constNum(w.unparen(ops[0]))
	hi, ok2 := w.constNum(w.unparen(ops[2]))
	if !ok1 || !ok2 {
		return condUnknown
	}
	op1 := strings.TrimSpace(string(w.src[w.nodes[ops[0]].eb:w.nodes[ops[1]].sb]))
	op2 := strings.TrimSpace(string(w.src[w.nodes[ops[1]].eb:w.nodes[ops[2]].sb]))
	if op1 == "<" {
		lo++
	}
	if op2 == "<=" {
		hi++
	}
	if (op1 == "<=" || op1 == "<") && (op2 == "<" || op2 == "<=") && lo >= 200 && hi <= 300 && lo < hi {
		return condSuccess
	}
	return condUnknown
}

// memberPolarity classifies `x in (values)` by its values.
func (lf *loopFlow) memberPolarity(set int32) polarity {
	w := lf.w
	switch w.typ(set) {
	case "tuple", "list", "set":
	default:
		return condUnknown
	}
	var p polarity
	for i, v := range w.kidList(set) {
		q := lf.literalPolarity(v)
		if q == condUnknown || i > 0 && q != p {
			return condUnknown
		}
		p = q
	}
	return p
}

// literalPolarity classifies a literal: an HTTP status (2xx success, 4xx
// and 5xx failure) or a status word.
func (lf *loopFlow) literalPolarity(v int32) polarity {
	w := lf.w
	switch w.typ(v) {
	case "integer":
		x, ok := w.constNum(v)
		switch {
		case !ok:
		case x >= 200 && x < 300:
			return condSuccess
		case x >= 400 && x < 600:
			return condFailure
		}
	case "string":
		return policy.WordPolarity(stringValue(w.text(v)))
	case "true":
		return condSuccess
	case "false":
		return condFailure
	}
	return condUnknown
}

// valuePolarity classifies `a op b` where one side is a literal.
func (lf *loopFlow) valuePolarity(a, b int32, op string) polarity {
	w := lf.w
	lit := b
	if w.typ(a) == "integer" || w.typ(a) == "string" {
		lit = a
		op = flipCmp(op)
	}
	switch op {
	case "==":
		return lf.literalPolarity(lit)
	case "!=":
		return lf.literalPolarity(lit).Not()
	}
	x, ok := w.constNum(lit)
	if !ok || x < 100 || x >= 600 {
		return condUnknown
	}
	switch {
	case (op == "<" && x <= 400 && x >= 300) || (op == "<=" && x < 400 && x >= 299):
		return condSuccess // status < 400
	case (op == ">=" && x >= 400) || (op == ">" && x >= 399) || (op == ">=" && x == 300) || (op == ">" && x == 299):
		return condFailure // status >= 400
	}
	return condUnknown
}

// stringValue is the value of a plain string literal ('x', "x", r"x").
func stringValue(lit string) string {
	lit = strings.TrimLeft(lit, "rRbBuUfF")
	for _, q := range []string{`"""`, `'''`, `"`, `'`} {
		if len(lit) >= 2*len(q) && strings.HasPrefix(lit, q) && strings.HasSuffix(lit, q) {
			return lit[len(q) : len(lit)-len(q)]
		}
	}
	return lit
}
