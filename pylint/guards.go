package pylint

import (
	"strings"
)

// guards.go: lazy-init and early-return cache guards (design.md,
// "Decisions on edge cases": lazy singletons, and round 2: Early-return
// cache guards). A guard is a test that a retained target itself is unset
// (if _client is None:, if not self._s:, if key not in _cache:, if not
// hasattr(self, "_c"):, if _cache.get(k) is None:) whose block stores into
// that target, or a test that it is set (if key in _cache:, v =
// cache.get(k); if v:) whose block returns, followed by a store into it.
// What the guard covers runs once per target (or per key): it is retained
// where the target is.

// funcWalk is the phase-1 state of one function while it is walked (its
// maps made on first write, by set). A function takes one from the
// walker's pool when it starts and puts it back emptied when it is
// finished (startWalk, endWalk): the functions of a file, and the files
// of a worker, reuse a few instead of making maps for every function.
type funcWalk struct {
	locals    map[string]uint32 // local -> the byte where it is first bound
	globals   map[string]bool   // names declared global or nonlocal
	localCls  table[string]     // local -> callee of the call assigned to it (m = Manager()); "-" when several
	flows     map[string][]dest // where each local's value goes
	alias     map[string]string // local -> the cache it was read from (v = cache.get(k))
	builtHere map[string]string // locals bound to a call's result: the callee as phase 2 resolves it
	guards    []guard
	stores    []store // only once the function has a guard (keepsStores)
}

// maxReusedNames is the most names a map of a funcWalk may hold to be
// reused: a bigger one is dropped (a clear costs its capacity, and one
// huge function must not slow down every function after it).
const maxReusedNames = 64

// reset empties wk for the next function.
func (wk *funcWalk) reset() {
	wk.locals = emptied(wk.locals)
	wk.globals = emptied(wk.globals)
	wk.localCls.reset(maxReusedNames)
	wk.flows = emptied(wk.flows)
	wk.alias = emptied(wk.alias)
	wk.builtHere = emptied(wk.builtHere)
	clear(wk.guards)
	clear(wk.stores)
	wk.guards, wk.stores = wk.guards[:0], wk.stores[:0]
}

// emptied is m cleared for reuse, or nil when it holds more than
// maxReusedNames entries.
func emptied[M ~map[K]V, K comparable, V any](m M) M {
	if len(m) > maxReusedNames {
		return nil
	}
	clear(m)
	return m
}

// guard is a test on key covering the bytes [from, to) of its function.
type guard struct {
	key      string
	target   dest // where key lives
	from, to uint32
}

// store is an assignment (or a storing method call) into key.
type store struct {
	key string
	at  uint32
}

// storeMethods store into their receiver (a dict, a cache client).
var storeMethods = map[string]bool{
	"set": true, "setdefault": true, "update": true, "set_many": true, "setex": true, "add": true,
	"put": true, "hset": true, "__setitem__": true,
}

// baseKey is the key of a store or test target: the dotted name a
// subscript chain is taken from ("_cache" for _cache[k][0], "self._s").
func (w *walker) baseKey(n int32) string {
	for i := 0; i < 64 && n >= 0; i++ {
		switch w.typ(n) {
		case "subscript":
			n = w.field(n, fieldValue)
		case "parenthesized_expression":
			n = w.unparen(n)
		default:
			return w.dotted(n)
		}
	}
	return ""
}

// keyOf is the key a test on expression n is about: the cache a local
// was read from, or the base key.
func (w *walker) keyOf(n int32, st *state) string {
	n = w.unparen(n)
	if n >= 0 && w.typ(n) == "identifier" {
		if a, ok := w.walk(st).alias[string(w.bytesOf(n))]; ok {
			return a
		}
	}
	if n >= 0 && w.typ(n) == "call" {
		// cache.get(k), getattr(o, "a", None)
		if k := w.readKey(n); k != "" {
			return k
		}
		return ""
	}
	return w.baseKey(n)
}

// readKey is the cache a call reads from: D for D.get(k), o.a for
// getattr(o, "a"[, default]); "" for any other call.
func (w *walker) readKey(call int32) string {
	fn := w.field(call, fieldFunction)
	if fn < 0 {
		return ""
	}
	switch w.typ(fn) {
	case "attribute":
		if a := w.field(fn, fieldAttribute); a >= 0 && w.textIs(a, "get") {
			return w.baseKey(w.field(fn, fieldObject))
		}
	case "identifier":
		if w.textIs(fn, "getattr") || w.textIs(fn, "hasattr") {
			if args := w.positional(call); len(args) >= 2 && w.typ(args[1]) == "string" {
				if o := w.baseKey(args[0]); o != "" {
					return o + "." + stringValue(w.text(args[1]))
				}
			}
		}
	}
	return ""
}

// tests returns the keys condition c tests to be unset (true when the
// target is missing) and set (true when it is there).
func (w *walker) tests(c int32, st *state, depth int) (unset, set []string) {
	c = w.unparen(c)
	if c < 0 || depth > 16 {
		return nil, nil
	}
	switch w.typ(c) {
	case "not_operator":
		u, s := w.tests(w.field(c, fieldArgument), st, depth+1)
		return s, u
	case "boolean_operator":
		l, r := w.field(c, fieldLeft), w.field(c, fieldRight)
		if l < 0 || r < 0 {
			return nil, nil
		}
		lu, ls := w.tests(l, st, depth+1)
		ru, rs := w.tests(r, st, depth+1)
		unset = append(lu, ru...)
		if strings.TrimSpace(string(w.src[w.nodes[l].eb:w.nodes[r].sb])) == "and" {
			set = append(ls, rs...)
		}
		return unset, set
	case "comparison_operator":
		ops := w.kidList(c)
		if len(ops) != 2 {
			return nil, nil
		}
		a, b := w.unparen(ops[0]), w.unparen(ops[1])
		op := strings.Join(strings.Fields(string(w.src[w.nodes[ops[0]].eb:w.nodes[ops[1]].sb])), " ")
		if w.typ(a) == "none" {
			a, b = b, a
		}
		switch {
		case w.typ(b) == "none" && (op == "is" || op == "=="):
			if k := w.keyOf(a, st); k != "" {
				return []string{k}, nil
			}
		case w.typ(b) == "none" && (op == "is not" || op == "!="):
			if k := w.keyOf(a, st); k != "" {
				return nil, []string{k}
			}
		case op == "in":
			if k := w.baseKey(b); k != "" {
				return nil, []string{k}
			}
		case op == "not in":
			if k := w.baseKey(b); k != "" {
				return []string{k}, nil
			}
		}
		return nil, nil
	case "identifier", "attribute", "subscript", "call":
		if k := w.keyOf(c, st); k != "" {
			return nil, []string{k}
		}
	}
	return nil, nil
}

// keyTarget is where the value under key lives, seen from function st.
func (w *walker) keyTarget(key string, st *state) dest {
	f := w.fnSum(st)
	root, _, sub := strings.Cut(key, ".")
	switch {
	case root == "self" || root == "cls":
		return dest{kind: dSelf}
	case f.isModule || st.class >= 0 || f.b.walk.globals[root]:
		return dest{kind: dRetained}
	}
	if decl, ok := f.b.walk.locals[root]; ok {
		if sub {
			return dest{kind: dContainerLocal, name: root, decl: decl}
		}
		return dest{kind: dLocal, name: root, decl: decl}
	}
	if w.isParam(f, root) {
		if isRequestParam(root) {
			return dest{}
		}
		return dest{kind: dRetained}
	}
	return dest{kind: dRetained}
}

// addGuards records the guards of if statement n: its lazy-init tests
// cover its block, and when the block returns (and the if is in no
// loop), its set tests cover what follows it in the enclosing block.
func (w *walker) addGuards(n, cond int32, st *state) {
	unset, set := w.tests(cond, st, 0)
	wk := w.walk(st)
	if body := w.field(n, fieldConsequence); body >= 0 {
		for _, k := range unset {
			wk.guards = append(wk.guards, guard{key: k, target: w.keyTarget(k, st), from: w.nodes[body].sb, to: w.nodes[body].eb})
		}
		if len(set) > 0 && !st.anyLoop && w.endsInReturn(body) {
			if parent := w.nodes[n].parent; parent >= 0 {
				for _, k := range set {
					wk.guards = append(wk.guards, guard{key: k, target: w.keyTarget(k, st), from: w.nodes[n].eb, to: w.nodes[parent].eb})
				}
			}
		}
	}
}

// endsInReturn reports whether block b's last statement is a return.
func (w *walker) endsInReturn(b int32) bool {
	k := w.kidList(b)
	return len(k) > 0 && w.typ(k[len(k)-1]) == "return_statement"
}

// keepsStores reports whether a store met now can be one a guard of
// wk's function needs: only a store inside a guard's range is, and each
// range is walked after its guard is added (addGuards runs before the
// if's blocks, and a returning block's guard covers what follows the if).
// Most functions have no guard: their stores are not kept at all.
func (wk *funcWalk) keepsStores() bool { return len(wk.guards) > 0 }

// addStore records a store into target t (an assignment target).
func (w *walker) addStore(t int32, st *state) {
	if !w.walk(st).keepsStores() {
		return
	}
	switch w.typ(t) {
	case "identifier", "attribute", "subscript":
		if k := w.baseKey(t); k != "" {
			w.walk(st).stores = append(w.walk(st).stores, store{key: k, at: w.nodes[t].sb})
		}
	case "pattern_list", "tuple_pattern", "list_pattern", "tuple", "list":
		for c := range w.kids(t) {
			w.addStore(c, st)
		}
	}
}

// storeCall records a call that stores into its receiver
// (cache.set(k, v), _clients.setdefault(k, c), setattr(o, "a", v)).
func (w *walker) storeCall(n, fnNode int32, st *state) {
	if !w.walk(st).keepsStores() {
		return
	}
	switch w.typ(fnNode) {
	case "attribute":
		if a := w.field(fnNode, fieldAttribute); a >= 0 && storeMethods[string(w.bytesOf(a))] {
			if k := w.baseKey(w.field(fnNode, fieldObject)); k != "" {
				w.walk(st).stores = append(w.walk(st).stores, store{key: k, at: w.nodes[n].sb})
			}
		}
	case "identifier":
		if w.textIs(fnNode, "setattr") {
			if args := w.positional(n); len(args) >= 2 && w.typ(args[1]) == "string" {
				if o := w.baseKey(args[0]); o != "" {
					w.walk(st).stores = append(w.walk(st).stores, store{key: o + "." + stringValue(w.text(args[1])), at: w.nodes[n].sb})
				}
			}
		}
	}
}

// noteAlias remembers what local name was read from (v = cache.get(k),
// v = _cache[k], v = getattr(self, "_c", None)), or forgets it.
func (w *walker) noteAlias(name string, right int32, st *state) {
	wk := w.walk(st)
	delete(wk.alias, name)
	delete(wk.builtHere, name)
	r := w.unparen(right)
	if r < 0 {
		return
	}
	if w.typ(r) == "await" {
		if k := w.kidList(r); len(k) == 1 {
			r = k[0]
		}
	}
	switch w.typ(r) {
	case "call":
		if k := w.readKey(r); k != "" {
			set(&wk.alias, name, k)
			return
		}
		if text := w.calleeText(w.field(r, fieldFunction), st, false); text != "" {
			set(&wk.builtHere, name, text)
		}
	case "subscript":
		if k := w.baseKey(r); k != "" {
			set(&wk.alias, name, k)
		}
	}
}

// guardKeyMatches reports whether a store into storeKey stores into the
// guarded key.
func guardKeyMatches(storeKey, key string) bool {
	return storeKey == key || strings.HasPrefix(storeKey, key+".")
}

// validGuards keeps the guards whose range holds a store into their key.
func (wk *funcWalk) validGuards() []guard {
	var out []guard
	for _, g := range wk.guards {
		for _, s := range wk.stores {
			if s.at >= g.from && s.at < g.to && guardKeyMatches(s.key, g.key) {
				out = append(out, g)
				break
			}
		}
	}
	return out
}
