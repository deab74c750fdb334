package pylint

import (
	"iter"
	"path/filepath"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/python"
	"github.com/snatlint/snatlint/analyzers/catalog"
	"github.com/snatlint/snatlint/analyzers/policy"
)

// Phase 1: one pass over a parsed file extracts a compact summary (imports,
// functions, classes, call sites with where their value goes), so the tree
// can be closed before the cross-file phase.

// symNames maps grammar symbols to node type names without the per-call
// C string allocation of Node.Type. Immutable after init.
var symNames = func() []string {
	lang := python.GetLanguage()
	n := lang.SymbolCount()
	names := make([]string, n)
	for i := range n {
		names[i] = lang.SymbolName(sitter.Symbol(i))
	}
	return names
}()

// maxDepth bounds the recursive walk; deeper subtrees are skipped with a
// non-fatal error (10,000 nested brackets must not exhaust the stack).
const maxDepth = 800

// retention of a construction's value relative to the request (function
// call) or the loop iteration: policy's decision table.
type retention = policy.Retention

const (
	retNo   = policy.NotRetained              // dies with the request / iteration
	retYes  = policy.Retained                 // outlives it (module level, global, container, ...)
	retSelf = policy.RetainedUnlessPerRequest // stored on self: retained unless the class is a view
)

type destKind uint8

const (
	dNone           destKind = iota // consumed (argument, with, expression)
	dRetained                       // module-level / global / long-lived object
	dSelf                           // self.x / self.x[k] / cls.x
	dLocal                          // plain local name
	dContainerLocal                 // local container declared in the function
	dReturn                         // returned from the function
)

type dest struct {
	kind destKind
	name string
	decl uint32 // dContainerLocal, guard targets: first assignment byte of the local
	// comp is 1 + the start byte of the comprehension whose element the
	// value is (0: none): the collection it builds holds the value.
	comp uint32
}

// pos is a source range (int32 to keep summaries of large trees small).
type pos struct {
	Line, Col, EndLine, EndCol int32 // 1-based, byte columns
	StartByte, EndByte         int32
}

// pos converts tree-sitter points (0-based row, byte column) to 1-based
// lines and columns, in one place.
func (w *walker) pos(n int32) pos {
	nd := &w.nodes[n]
	l, c := lineCol(nd.sr, nd.sc)
	el, ec := lineCol(nd.er, nd.ec)
	return pos{Line: int32(l), Col: int32(c), EndLine: int32(el), EndCol: int32(ec),
		StartByte: int32(nd.sb), EndByte: int32(nd.eb)}
}

// lineCol converts a tree-sitter point (0-based row, byte column) to a
// 1-based line and byte column.
func lineCol(row, col uint32) (int, int) { return int(row) + 1, int(col) + 1 }

// callSite is one call with a dotted callee in a function.
type callSite struct {
	fn   int32  // the function it is in
	text string // callee as written, e.g. "requests.Session"
	// c is the call as kept: its position and loop flags are set when
	// the call is seen, the rest at the end of the function
	c  call
	sh *siteShare // nil: no pool keyword given (most calls)

	// raw facts used to compute retention
	d         dest
	loopStart int32
}

// siteShare is how a call site was given a pool keyword.
type siteShare struct {
	// shared: transport=/session=/connector=/http_client=/connection_pool=
	// given an existing object; local names a local built in this
	// function that was given (shared only when it is retained).
	shared bool
	local  string
	via    string // the callee local was bound to
	// optKw is the keyword that shared it when that keyword is not one
	// every client shares a pool through but a row's option
	// (catalog.SettingKeys.Options: PipelineClient's pipeline=): the call
	// shares only when its row names that keyword.
	optKw string
}

// call is the compact form of a call site kept for phase 2. Retention is
// relative to the request (function call) and to the innermost hot
// loop's iteration: by where the value is stored (req, loop), which
// retains only what holds a pool, and by the cache guards around the
// call (greq, gloop), which retain whatever runs under them.
type call struct {
	q           string // resolved qualified name
	at          pos
	share       *callShare // nil: none (most calls)
	req, loop   retention
	greq, gloop retention
	flags       callFlag
}

// callFlag holds a call's yes/no facts in one byte (a kept summary has
// about 900,000 calls on the 22,000-file Azure SDK).
type callFlag uint8

const (
	cfRet        callFlag = 1 << iota // the value is returned from the function
	cfSharedReq                       // given a pool shared beyond the request
	cfSharedIter                      // given a pool shared beyond the iteration
	cfInLoop                          // in a hot loop of its function
	cfInComp                          // the innermost hot loop is a comprehension
)

func (c *call) is(f callFlag) bool { return c.flags&f != 0 }

func (c *call) set(f callFlag, on bool) {
	if on {
		c.flags |= f
	} else {
		c.flags &^= f
	}
}

// callShare is how a pool keyword was given, for the few calls given one
// through a local or a row's option keyword.
type callShare struct {
	// via is the qualified callee of the local a pool keyword was
	// given, when that local is not retained: the pool is shared unless
	// the callee builds it (phase 2, project.builds)
	via string
	// kw is callSite.optKw: the row option keyword the pool was given
	// through; it is shared only when the call's row names it
	kw string
}

// sharedVia and sharedKw read c.share.
func (c *call) sharedVia() string {
	if c.share == nil {
		return ""
	}
	return c.share.via
}

func (c *call) sharedKw() string {
	if c.share == nil {
		return ""
	}
	return c.share.kw
}

// setShare sets c.share, nil when both are empty.
func (c *call) setShare(via, kw string) {
	if via == "" && kw == "" {
		c.share = nil
		return
	}
	c.share = &callShare{via: via, kw: kw}
}

type decorator struct {
	text    string // dotted, without call arguments
	q       string
	call    bool
	firstSt string // first positional argument when it is a string literal
}

type funcSum struct {
	name     string
	at       pos
	class    int32 // index into classes, -1 if not a method
	parent   int32 // enclosing function index, -1 for module-level code
	params   []string
	sites    []call // calls through module-level names, for phase 2
	async    bool
	isModule bool
	// rare holds what few functions have (nil: none of it)
	rare *funcRare
	// b is the walking state, dropped after the file's walk (nil in
	// the summaries phase 2 sees)
	b *funcBuild
}

// funcRare is the part of a function's summary that most functions do
// not have: decorators, annotations frameworks recognise, keep-alive
// settings (a kept summary has 305,000 functions on the Azure SDK).
type funcRare struct {
	decorators []decorator
	paramAnn   []string  // resolved azure.functions.* annotations (after resolve)
	reqAnn     string    // resolved annotation of a first parameter named like a request (request: VirtualHostRequest)
	sets       []setSite // keep-alive settings (settings.go)
}

// noRare is what r returns for a function without rare parts.
var noRare funcRare

// r returns f's rare parts for reading.
func (f *funcSum) r() *funcRare {
	if f.rare == nil {
		return &noRare
	}
	return f.rare
}

// w returns f's rare parts for writing.
func (f *funcSum) w() *funcRare {
	if f.rare == nil {
		f.rare = &funcRare{}
	}
	return f.rare
}

// funcBuild is a function's phase-1 state kept in its funcSum until the
// walk of the file ends (its maps made on first write, by set).
type funcBuild struct {
	// callsFrom is where the function's call sites start in the walk's
	// list (walker.calls); those of functions nested in it follow among
	// them
	callsFrom int32
	paramAnn  []string  // each parameter's annotation as written ("" for none)
	walk      *funcWalk // while the function is walked (nil once finished)
}

type classSum struct {
	name    string
	at      pos
	bases   []string // dotted as written
	baseQ   []string // resolved
	methods table[int]
	parent  int // enclosing function, -1 at module level
	// attrs binds attributes to the class of their value: self.x = X(...)
	// or self.x = param (annotated X) in __init__, x: X = ... or x = X(...)
	// in the class body; dotted, resolved after the walk; "-" when several.
	attrs table[string]
}

type fileSum struct {
	path      string
	modKey    string        // "file:" + path without .py (and /__init__)
	names     table[string] // module-level bindings: name -> qualified
	funcs     []*funcSum    // funcs[0] is the module-level code
	classes   []*classSum
	topFuncs  table[int]
	topClass  table[int]
	assigns   table[string]              // module-level name -> callee of its value (app = FastAPI())
	regs      []regCall                  // calls that may register functions with a framework
	dirs      map[int][]policy.Directive // by line
	dirErrs   []lineErr
	deepSkips int
	imports   []string // every imported qualified module/name, for framework guesses
}

// regCall is a call that may register functions with a framework
// (Depends(f), app.router.add_get(path, h), path("x/", view)): its callee
// and the arguments that may name functions.
type regCall struct {
	text, q string // callee as written, and resolved
	first   string // first argument, when a string literal
	args    []regArg
}

// regArg is an argument of a regCall that names something.
type regArg struct {
	pos     int8   // positional index; -1 for a keyword argument
	kw      string // the keyword
	text, q string // the reference as written, and resolved
}

type lineErr struct {
	line int
	msg  string
}

// modKeyFor is the key of a project module: its path without .py, and a
// package's __init__.py stands for its directory.
func modKeyFor(path string) string {
	p := filepath.ToSlash(filepath.Clean(path))
	p = strings.TrimSuffix(p, ".py")
	p = strings.TrimSuffix(p, "/__init__")
	return "file:" + p
}

type walker struct {
	abs    string // absClean(fs.path): once per file (a relative path costs a Getwd)
	absDir string // abs's directory, slashed, once asked (relative imports)
	src    []byte
	nodes  []fnode
	fs     *fileSum
	depth  int
	consts map[string]float64 // module-level UPPER_CASE numeric constants
	free   []*funcWalk        // emptied walking states to reuse (startWalk)
	keys   catalog.SettingKeys
	// withCls binds names bound by with statements to the callee of
	// their value (settings.go).
	withCls map[withKey]string
	// calls are the call sites of every function of the file, in the
	// order they are met (callSite.fn tells whose): one list per walk,
	// reused across files (walkScratch), instead of one growing slice
	// per function (a quarter of the walk's garbage)
	calls []callSite
	// cl classifies the call sites of each function when it is
	// finished; its scratch is reused
	cl classifier
	// lastDotted is the node dotted was last asked about and its answer
	// (a call's callee is asked about by several rules in a row).
	lastDotted struct {
		n    int32
		text string
	}
}

type state struct {
	fn        int
	class     int  // class whose body we are directly in (-1)
	loopStart int  // outermost hot loop's start byte in this function, -1
	inComp    bool // the innermost hot loop is a comprehension
	anyLoop   bool // inside a loop of this function, hot or not
}

func (w *walker) fnSum(st *state) *funcSum { return w.fs.funcs[st.fn] }

// walk is the phase-1 state of the function st is in.
func (w *walker) walk(st *state) *funcWalk { return w.fs.funcs[st.fn].b.walk }

// startWalk gives function f its walking state, from the pool.
func (w *walker) startWalk(f *funcSum) {
	if n := len(w.free); n > 0 {
		f.b.walk, w.free = w.free[n-1], w.free[:n-1]
		return
	}
	f.b.walk = &funcWalk{}
}

// endWalk puts f's walking state back in the pool, emptied.
func (w *walker) endWalk(f *funcSum) {
	f.b.walk.reset()
	w.free = append(w.free, f.b.walk)
	f.b.walk = nil
}

// text is n's source text, copied (it may be kept).
func (w *walker) text(n int32) string {
	return string(w.bytesOf(n))
}

// bytesOf is n's source text, not copied: for a map look-up
// (m[string(w.bytesOf(n))] copies nothing) or a comparison (textIs),
// never to keep.
func (w *walker) bytesOf(n int32) []byte {
	return w.src[w.nodes[n].sb:w.nodes[n].eb]
}

// textIs reports whether n's source text is s, without copying it.
func (w *walker) textIs(n int32, s string) bool {
	return string(w.bytesOf(n)) == s
}

func (w *walker) typ(n int32) string {
	sym := int(w.nodes[n].sym)
	if sym == symError {
		return "ERROR"
	}
	if sym < len(symNames) {
		return symNames[sym]
	}
	return ""
}

// The grammar fields the walk reads, looked up once (0: not in the
// grammar).
var (
	fieldAlias        = fieldOf("alias")
	fieldAlternative  = fieldOf("alternative")
	fieldArgument     = fieldOf("argument")
	fieldArguments    = fieldOf("arguments")
	fieldAttribute    = fieldOf("attribute")
	fieldBody         = fieldOf("body")
	fieldCondition    = fieldOf("condition")
	fieldConsequence  = fieldOf("consequence")
	fieldFunction     = fieldOf("function")
	fieldKey          = fieldOf("key")
	fieldLeft         = fieldOf("left")
	fieldModuleName   = fieldOf("module_name")
	fieldName         = fieldOf("name")
	fieldObject       = fieldOf("object")
	fieldParameters   = fieldOf("parameters")
	fieldRight        = fieldOf("right")
	fieldSubscript    = fieldOf("subscript")
	fieldSuperclasses = fieldOf("superclasses")
	fieldType         = fieldOf("type")
	fieldValue        = fieldOf("value")
)

// fieldID is a grammar field's ID.
type fieldID = uint16

// fieldOf is the ID of the field named name, 0 when the grammar has none.
func fieldOf(name string) fieldID { return fieldIDs[name] }

// field returns n's child in the named field, or -1.
func (w *walker) field(n int32, id fieldID) int32 {
	if id == 0 {
		return -1
	}
	for c := w.nodes[n].first; c >= 0; c = w.nodes[c].next {
		if w.nodes[c].field == id {
			return c
		}
	}
	return -1
}

// children returns n's children (named nodes, and "async").
func (w *walker) children(n int32) []int32 {
	var out []int32
	for c := w.nodes[n].first; c >= 0; c = w.nodes[c].next {
		out = append(out, c)
	}
	return out
}

// siblingsFrom counts c and the siblings after it.
func (w *walker) siblingsFrom(c int32) int {
	n := 0
	for ; c >= 0; c = w.nodes[c].next {
		n++
	}
	return n
}

// kids iterates over n's children without allocating.
func (w *walker) kids(n int32) iter.Seq[int32] {
	return func(yield func(int32) bool) {
		for c := w.nodes[n].first; c >= 0; c = w.nodes[c].next {
			if !yield(c) {
				return
			}
		}
	}
}

// summarize extracts a file's summary, keeping the settings of the
// built-in setting rows.
func summarize(path string, src []byte, nodes []fnode) *fileSum {
	return summarizeKeys(path, src, nodes, builtinKeys(), nil)
}

// walkScratch is a worker's memory for walks, reused from file to file.
type walkScratch struct {
	calls []callSite
	walks []*funcWalk // walker.free
	cl    classifier  // walker.cl
}

// maxKeptCalls is the most call sites a walkScratch keeps room for
// between files (120 bytes each).
const maxKeptCalls = 32 << 10

// summarizeKeys extracts a file's summary, keeping the settings whose
// fields and headers keys names; scratch (nil: none) lends the walk its
// memory.
func summarizeKeys(path string, src []byte, nodes []fnode, keys catalog.SettingKeys, scratch *walkScratch) *fileSum {
	abs := absClean(path)
	fs := &fileSum{
		path:   path,
		modKey: modKeyFor(abs),
	}
	w := &walker{src: src, nodes: nodes, fs: fs, abs: abs, keys: keys}
	if scratch != nil {
		// the walk holds the scratch until it ends: after a panic
		// (parseFile recovers) the next file starts afresh, not with
		// the walking state of functions left half-walked
		w.calls, w.free, w.cl = scratch.calls[:0], scratch.walks, scratch.cl
		*scratch = walkScratch{}
	}
	fs.funcs = append(fs.funcs, &funcSum{name: "<module>", class: -1, parent: -1, isModule: true, b: &funcBuild{}})
	w.startWalk(fs.funcs[0])
	st := &state{fn: 0, class: -1, loopStart: -1}
	if len(nodes) > 0 {
		w.scanConsts(0)
		w.visit(0, st, dest{})
	}
	w.finishFunc(0)
	fs.resolve(w.calls)
	fs.freeze()
	if scratch != nil {
		clear(w.calls) // drop what they point to
		if cap(w.calls) <= maxKeptCalls {
			scratch.calls = w.calls[:0]
		} else {
			scratch.calls = nil
		}
		scratch.walks, scratch.cl = w.free, w.cl
	}
	return fs
}

// visit walks n with value destination d.
func (w *walker) visit(n int32, st *state, d dest) {
	if w.depth >= maxDepth {
		w.fs.deepSkips++
		return
	}
	switch w.kind(n) {
	case kIdentifier:
		if d.kind != dNone {
			// the local's value goes to d
			wk, name := w.walk(st), w.text(n)
			set(&wk.flows, name, append(wk.flows[name], d))
		}
		return
	case kLiteral:
		return
	case kComment:
		w.comment(n)
		return
	case kImport:
		w.importStmt(n, st)
		return
	case kDecorated:
		w.decorated(n, st)
		return
	case kFunctionDef:
		w.funcDef(n, st, nil)
		return
	case kClassDef:
		w.classDef(n, st, nil)
		return
	case kCall:
		w.call(n, st, d)
		return
	case kAssignment, kAugmentedAssignment:
		w.assign(n, st)
		return
	case kForStatement:
		w.forStmt(n, st)
		return
	case kWhileStatement:
		w.whileStmt(n, st)
		return
	case kComprehension:
		w.comprehension(n, st, d)
		return
	case kIfStatement:
		w.ifStmt(n, st)
		return
	case kWithItem:
		w.bindWith(n, st)
	case kGlobalOrNonlocal:
		f := w.fnSum(st)
		for c := range w.kids(n) {
			if w.kind(c) == kIdentifier {
				set(&f.b.walk.globals, w.text(c), true)
			}
		}
		return
	case kReturn:
		for c := range w.kids(n) {
			w.descend(c, st, dest{kind: dReturn})
		}
		return
	case kKeywordArgument:
		if v := w.field(n, fieldValue); v >= 0 {
			w.descend(v, st, d)
		}
		return
	case kPassThrough:
		// the value passes through to the same destination (the types:
		// kindOfType)
		for c := range w.kids(n) {
			w.descend(c, st, d)
		}
		return
	}
	for c := range w.kids(n) {
		w.descend(c, st, dest{})
	}
}

func (w *walker) descend(c int32, st *state, d dest) {
	w.depth++
	w.visit(c, st, d)
	w.depth--
}

// dotted returns the dotted text of an identifier/attribute chain, or "".
func (w *walker) dotted(n int32) string {
	if n < 0 {
		return ""
	}
	if w.lastDotted.n == n+1 {
		return w.lastDotted.text
	}
	s, ok := w.dottedSpan(n)
	if !ok {
		s = w.dottedJoin(n)
	}
	w.lastDotted.n, w.lastDotted.text = n+1, s
	return s
}

// dottedJoin is dotted from the chain's parts.
func (w *walker) dottedJoin(n int32) string {
	var parts []string
	for i := 0; i < 64; i++ {
		switch w.typ(n) {
		case "identifier":
			parts = append(parts, w.text(n))
			// reverse
			for l, r := 0, len(parts)-1; l < r; l, r = l+1, r-1 {
				parts[l], parts[r] = parts[r], parts[l]
			}
			return strings.Join(parts, ".")
		case "attribute":
			a := w.field(n, fieldAttribute)
			if a < 0 {
				return ""
			}
			parts = append(parts, w.text(a))
			n = w.field(n, fieldObject)
			if n < 0 {
				return ""
			}
		default:
			return ""
		}
	}
	return ""
}

// dottedSpan is dotted for the common case of a chain written without
// spaces or comments ("a.b.c"): the source text itself, one allocation.
func (w *walker) dottedSpan(n int32) (string, bool) {
	top := n
	for i := 0; i < 64; i++ {
		switch w.typ(n) {
		case "identifier":
			sb, eb := w.nodes[n].sb, w.nodes[top].eb
			if sb != w.nodes[top].sb {
				return "", false
			}
			for _, c := range w.src[sb:eb] {
				if notInSpan[c] {
					return "", false
				}
			}
			return string(w.src[sb:eb]), true
		case "attribute":
			if w.field(n, fieldAttribute) < 0 {
				return "", false
			}
			n = w.field(n, fieldObject)
			if n < 0 {
				return "", false
			}
		default:
			return "", false
		}
	}
	return "", false
}

// notInSpan are the bytes that make dottedSpan fall back to dottedJoin:
// white space, a line continuation, a comment, parentheses.
var notInSpan = func() (t [256]bool) {
	for _, c := range []byte(" \t\n\r\f\v\\#()") {
		t[c] = true
	}
	return t
}()

// rootName returns the leftmost identifier of an attribute/subscript/call
// chain.
func (w *walker) rootName(n int32) string {
	for i := 0; i < 64 && n >= 0; i++ {
		switch w.typ(n) {
		case "identifier":
			return w.text(n)
		case "attribute":
			n = w.field(n, fieldObject)
		case "subscript":
			n = w.field(n, fieldValue)
		case "call":
			n = w.field(n, fieldFunction)
		default:
			return ""
		}
	}
	return ""
}

func isRequestParam(name string) bool {
	return name == "request" || name == "req" || name == "websocket"
}

func (w *walker) isParam(f *funcSum, name string) bool {
	for _, p := range f.params {
		if p == name {
			return true
		}
	}
	return false
}

// targetDest classifies an assignment target.
func (w *walker) targetDest(t int32, st *state) dest {
	f := w.fnSum(st)
	atModule := f.isModule || st.class >= 0
	switch w.typ(t) {
	case "identifier":
		name := w.text(t)
		if atModule || st.class >= 0 || f.b.walk.globals[name] {
			return dest{kind: dRetained, name: name}
		}
		if _, ok := f.b.walk.locals[name]; !ok {
			set(&f.b.walk.locals, name, w.nodes[t].sb)
		}
		return dest{kind: dLocal, name: name}
	case "attribute", "subscript":
		r := w.rootName(t)
		if atModule {
			return dest{kind: dRetained}
		}
		if r == "self" || r == "cls" {
			return dest{kind: dSelf}
		}
		if w.isParam(f, r) {
			if isRequestParam(r) {
				return dest{kind: dNone}
			}
			return dest{kind: dRetained}
		}
		if decl, ok := f.b.walk.locals[r]; ok {
			if w.typ(t) == "subscript" {
				return dest{kind: dContainerLocal, name: r, decl: decl}
			}
			return dest{kind: dNone}
		}
		if r == "" {
			return dest{kind: dNone}
		}
		return dest{kind: dRetained}
	}
	// tuple/list patterns: locals, not retained
	if atModule {
		return dest{kind: dRetained}
	}
	for c := range w.kids(t) {
		if w.typ(c) == "identifier" {
			if _, ok := f.b.walk.locals[w.text(c)]; !ok {
				set(&f.b.walk.locals, w.text(c), w.nodes[c].sb)
			}
		}
	}
	return dest{kind: dLocal}
}

func (w *walker) assign(n int32, st *state) {
	left := w.field(n, fieldLeft)
	right := w.field(n, fieldRight)
	var d dest
	if left >= 0 {
		d = w.targetDest(left, st)
		if w.typ(n) == "augmented_assignment" && d.kind == dLocal {
			d = dest{kind: dLocal, name: d.name}
		}
	}
	f := w.fnSum(st)
	if left >= 0 {
		w.addStore(left, st)
		if w.typ(left) == "identifier" && w.typ(n) == "assignment" {
			w.noteAlias(w.text(left), right, st)
		}
	}
	if right >= 0 && left >= 0 && f.isModule && st.class < 0 && w.typ(left) == "identifier" && w.typ(right) == "call" {
		w.fs.assigns.put(w.text(left), w.calleeText(w.field(right, fieldFunction), st, true))
	}
	if left >= 0 {
		w.bindInstance(n, left, right, st, d)
		w.storeSettings(n, left, right, st)
	}
	if left >= 0 {
		// subscripts/attributes in the target may contain calls
		if w.typ(left) != "identifier" {
			w.descend(left, st, dest{})
		}
	}
	if t := w.field(n, fieldType); t >= 0 {
		w.descend(t, st, dest{})
	}
	if right >= 0 {
		w.descend(right, st, d)
	}
}

var containerMethods = map[string]bool{
	"append": true, "add": true, "insert": true,
	"appendleft": true, "extend": true, "put": true, "put_nowait": true,
	"mount": true, // session.mount(prefix, HTTPAdapter()): the session holds the adapter
}

var collectionBuiltins = map[string]bool{
	"dict": true, "list": true, "set": true, "tuple": true, "frozenset": true, "sorted": true,
}

// sharedKwargs are the keywords that hand a client a pool (design.md,
// round 2: SDK clients and shared pools).
var sharedKwargs = map[string]bool{
	"transport": true, "session": true, "connector": true, "http_client": true, "connection_pool": true,
}

// holdsArgs reports whether a call to dotted callee text keeps its
// arguments in the value it returns: a class (CapWords) or a from_*
// factory builds an object around them (Minio(host, http_client=pool)).
func holdsArgs(text string) bool {
	if text == "" {
		return false
	}
	return capWord(text) || strings.HasPrefix(lastPart(text), "from_")
}

func (w *walker) call(n int32, st *state, d dest) {
	fnNode := w.field(n, fieldFunction)
	args := w.field(n, fieldArguments)
	// a local name that shares a spelling resolves to nothing, unless it
	// holds an instance of a class: then one method of it is followed
	// full keeps a local root (registrations need it); text drops it, as
	// calleeText without keep does
	full, local := w.callee(fnNode, st)
	text := full
	if local {
		text = ""
	}
	if _, meth, ok := strings.Cut(text, "()."); ok && strings.Contains(meth, ".") {
		text = ""
	}
	argDest := dest{}
	if args >= 0 && full != "" {
		w.registration(full, args, st)
	}
	if fnNode >= 0 && w.typ(fnNode) == "identifier" && collectionBuiltins[string(w.bytesOf(fnNode))] {
		// dict(genexpr), list(...): the collection goes where the call goes
		argDest = d
	}
	if fnNode >= 0 && holdsArgs(w.dotted(fnNode)) {
		// retention follows the pool: what the object is built around
		// lives as long as the object
		argDest = d
	}
	if fnNode >= 0 && w.typ(fnNode) == "attribute" {
		if a := w.field(fnNode, fieldAttribute); a >= 0 && containerMethods[string(w.bytesOf(a))] {
			obj := w.field(fnNode, fieldObject)
			if obj >= 0 {
				argDest = w.containerDest(obj, st)
			}
		}
	}
	if fnNode >= 0 {
		w.storeCall(n, fnNode, st)
	}
	if args >= 0 && w.typ(args) == "argument_list" {
		w.keywordSettings(n, fnNode, args, st)
		w.updateSettings(n, fnNode, args, st)
	}
	if text != "" {
		cs := callSite{fn: int32(st.fn), text: text, d: d, loopStart: int32(st.loopStart)}
		cs.c.at = w.pos(n)
		cs.c.set(cfInLoop, st.loopStart >= 0)
		cs.c.set(cfInComp, st.inComp)
		if args >= 0 && w.typ(args) == "argument_list" {
			for a := range w.kids(args) {
				if w.typ(a) != "keyword_argument" {
					continue
				}
				name := w.field(a, fieldName)
				val := w.unparen(w.field(a, fieldValue))
				if name < 0 || val < 0 {
					continue
				}
				if kw := w.bytesOf(name); sharedKwargs[string(kw)] {
					w.sharedArg(&cs, val, st, "")
				} else if w.keys.Options[string(kw)] && (cs.sh == nil || !cs.sh.shared && cs.sh.local == "") {
					w.sharedArg(&cs, val, st, string(kw))
				}
			}
		}
		w.calls = append(w.calls, cs)
	}
	if fnNode >= 0 {
		w.descend(fnNode, st, dest{})
	}
	if args >= 0 {
		if w.typ(args) == "generator_expression" {
			w.descend(args, st, argDest)
		} else {
			for a := range w.kids(args) {
				w.descend(a, st, argDest)
			}
		}
	}
}

// containerDest is where a value added to container obj goes.
func (w *walker) containerDest(obj int32, st *state) dest {
	f := w.fnSum(st)
	if f.isModule || st.class >= 0 {
		return dest{kind: dRetained}
	}
	r := w.rootName(obj)
	switch {
	case r == "self" || r == "cls":
		return dest{kind: dSelf}
	case r == "":
		return dest{kind: dNone}
	case w.isParam(f, r):
		if isRequestParam(r) {
			return dest{kind: dNone}
		}
		return dest{kind: dRetained}
	}
	if decl, ok := f.b.walk.locals[r]; ok {
		return dest{kind: dContainerLocal, name: r, decl: decl}
	}
	return dest{kind: dRetained}
}

// sharedArg decides whether the pool a keyword hands a client is shared
// (design.md, "Retention follows the pool" and round 2: SDK clients and
// shared pools): one built inline (a call) or None is not; a local bound
// to a call in this function is shared only where it is retained
// (decided when the function is finished); anything else (a module-level
// name, a parameter, app state, an attribute) is.
func (w *walker) sharedArg(cs *callSite, val int32, st *state, optKw string) {
	switch w.typ(val) {
	case "call", "none", "await":
		return
	case "identifier":
		name := w.text(val)
		f := w.fnSum(st)
		if _, isLocal := f.b.walk.locals[name]; isLocal && !f.isModule && st.class < 0 && w.walk(st).builtHere[name] != "" {
			sh := cs.share()
			sh.local, sh.via, sh.optKw = name, w.walk(st).builtHere[name], optKw
			return
		}
	}
	sh := cs.share()
	sh.shared, sh.optKw = true, optKw
}

// share returns cs.sh, made on first use.
func (cs *callSite) share() *siteShare {
	if cs.sh == nil {
		cs.sh = &siteShare{}
	}
	return cs.sh
}

// loopState is st as seen inside loop or comprehension n: a hot loop is
// a per-iteration context (the outermost one's start is kept, to tell
// what is declared outside every loop); any other loop belongs to the
// context around it.
func (w *walker) loopState(n int32, st *state, hot, comp bool) state {
	inner := *st
	inner.anyLoop = true
	if !hot {
		return inner
	}
	if inner.loopStart < 0 {
		inner.loopStart = int(w.nodes[n].sb)
	}
	inner.inComp = comp
	return inner
}

func (w *walker) forStmt(n int32, st *state) {
	f := w.fnSum(st)
	if r := w.field(n, fieldRight); r >= 0 {
		w.descend(r, st, dest{})
	}
	if l := w.field(n, fieldLeft); l >= 0 {
		if w.typ(l) == "identifier" {
			if _, ok := f.b.walk.locals[w.text(l)]; !ok && !f.isModule {
				set(&f.b.walk.locals, w.text(l), w.nodes[l].sb)
			}
		} else {
			w.targetDest(l, st)
		}
	}
	inner := w.loopState(n, st, w.loopShape(n).Hot(), false)
	if b := w.field(n, fieldBody); b >= 0 {
		w.descend(b, &inner, dest{})
	}
	if a := w.field(n, fieldAlternative); a >= 0 {
		w.descend(a, st, dest{})
	}
}

func (w *walker) whileStmt(n int32, st *state) {
	inner := w.loopState(n, st, w.loopShape(n).Hot(), false)
	if c := w.field(n, fieldCondition); c >= 0 {
		w.descend(c, &inner, dest{})
	}
	if b := w.field(n, fieldBody); b >= 0 {
		w.descend(b, &inner, dest{})
	}
	if a := w.field(n, fieldAlternative); a >= 0 {
		w.descend(a, st, dest{})
	}
}

// comprehension walks a comprehension whose collection goes to d. Its
// element goes into the collection: when the comprehension is the hot
// loop and its collection is used (stored, returned, assigned), the
// collection retains the element (design.md, round 2: Collections retain
// their elements).
func (w *walker) comprehension(n int32, st *state, d dest) {
	hot := w.compShape(n).Hot()
	inner := w.loopState(n, st, hot, true)
	elem := d
	if hot && inner.loopStart == int(w.nodes[n].sb) && d.kind != dNone {
		elem.comp = w.nodes[n].sb + 1
	}
	body := w.field(n, fieldBody)
	first := true
	for c := range w.kids(n) {
		switch {
		case w.typ(c) == "for_in_clause" && first:
			first = false
			// the first iterable is evaluated once, outside the loop
			if r := w.field(c, fieldRight); r >= 0 {
				w.descend(r, st, dest{})
			}
		case c == body:
			w.descend(c, &inner, elem)
		default:
			w.descend(c, &inner, dest{})
		}
	}
}

func (w *walker) ifStmt(n int32, st *state) {
	cond := w.field(n, fieldCondition)
	if cond >= 0 {
		w.descend(cond, st, dest{})
		w.addGuards(n, cond, st)
	}
	for c := range w.kids(n) {
		switch w.typ(c) {
		case "block", "elif_clause", "else_clause":
			w.descend(c, st, dest{})
		}
	}
}

func (w *walker) decorated(n int32, st *state) {
	var decs []decorator
	var def int32
	for c := range w.kids(n) {
		switch w.typ(c) {
		case "decorator":
			dec := decorator{}
			for e := range w.kids(c) {
				switch w.typ(e) {
				case "call":
					dec.call = true
					dec.text = w.calleeText(w.field(e, fieldFunction), st, true)
					if args := w.field(e, fieldArguments); args >= 0 {
						if a := w.nodes[args].first; a >= 0 && w.typ(a) == "string" {
							dec.firstSt = strings.Trim(w.text(a), "\"'")
						}
					}
					w.descend(e, st, dest{})
				case "identifier", "attribute":
					dec.text = w.calleeText(e, st, true)
				}
			}
			decs = append(decs, dec)
		case "function_definition", "class_definition":
			def = c
		}
	}
	if def < 0 {
		return
	}
	if w.typ(def) == "function_definition" {
		w.funcDef(def, st, decs)
	} else {
		w.classDef(def, st, decs)
	}
}

func (w *walker) funcDef(n int32, st *state, decs []decorator) {
	nameNode := w.field(n, fieldName)
	if nameNode < 0 {
		return
	}
	f := &funcSum{
		name: w.text(nameNode), at: w.pos(nameNode), class: -1, parent: int32(st.fn),
		b: &funcBuild{callsFrom: int32(len(w.calls))},
	}
	if len(decs) > 0 {
		f.w().decorators = decs
	}
	if st.class >= 0 {
		f.class = int32(st.class)
	}
	if st.fn == 0 {
		f.parent = -1
	}
	for c := range w.kids(n) {
		if w.typ(c) == "async" {
			f.async = true
			break
		}
	}
	idx := len(w.fs.funcs)
	w.fs.funcs = append(w.fs.funcs, f)
	w.startWalk(f)
	if f.parent == -1 && st.class < 0 {
		w.fs.topFuncs.put(f.name, idx)
		w.fs.names.put(f.name, w.fs.modKey+"#"+f.name)
	}
	if st.class >= 0 {
		if c := w.fs.classes[st.class]; !c.methods.has(f.name) {
			c.methods.put(f.name, idx)
		}
	}
	if params := w.field(n, fieldParameters); params >= 0 {
		for p := range w.kids(params) {
			name, ann := "", ""
			switch w.typ(p) {
			case "identifier":
				name = w.text(p)
			case "typed_parameter":
				for c := range w.kids(p) {
					if w.typ(c) == "identifier" {
						name = w.text(c)
						break
					}
				}
				if t := w.field(p, fieldType); t >= 0 {
					ann = w.annotation(t)
					w.descend(t, st, dest{}) // Annotated[X, Depends(f)]
				}
			case "default_parameter", "typed_default_parameter":
				if nm := w.field(p, fieldName); nm >= 0 {
					name = w.text(nm)
				}
				if t := w.field(p, fieldType); t >= 0 {
					ann = w.annotation(t)
					w.descend(t, st, dest{})
				}
				if v := w.field(p, fieldValue); v >= 0 {
					w.descend(v, st, dest{}) // defaults run in the enclosing scope
				}
			case "list_splat_pattern", "dictionary_splat_pattern":
				continue
			default:
				continue
			}
			if name != "" {
				if f.params == nil {
					// room for every parameter from here on: one
					// allocation instead of one per doubling
					left := w.siblingsFrom(p)
					f.params, f.b.paramAnn = make([]string, 0, left), make([]string, 0, left)
				}
				f.params = append(f.params, name)
				f.b.paramAnn = append(f.b.paramAnn, ann)
			}
		}
	}
	inner := &state{fn: idx, class: -1, loopStart: -1}
	if b := w.field(n, fieldBody); b >= 0 {
		w.descend(b, inner, dest{})
	}
	w.finishFunc(idx)
}

// annotation returns the dotted text of a type annotation.
func (w *walker) annotation(t int32) string {
	if w.typ(t) == "type" {
		k := w.children(t)
		if len(k) == 1 {
			t = k[0]
		}
	}
	if w.typ(t) == "string" { // a forward reference: "ScanRequest"
		v := stringValue(w.text(t))
		for _, part := range strings.Split(v, ".") {
			if !isIdent(part) {
				return ""
			}
		}
		return v
	}
	return w.dotted(t)
}

// isIdent reports whether s is a Python identifier (ASCII letters, digits
// and underscores, not starting with a digit).
func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

func (w *walker) classDef(n int32, st *state, decs []decorator) {
	nameNode := w.field(n, fieldName)
	if nameNode < 0 {
		return
	}
	c := &classSum{name: w.text(nameNode), at: w.pos(nameNode), parent: st.fn}
	if sup := w.field(n, fieldSuperclasses); sup >= 0 {
		for b := range w.kids(sup) {
			switch w.typ(b) {
			case "identifier", "attribute":
				c.bases = append(c.bases, w.dotted(b))
			case "keyword_argument", "(", ")", ",":
			default:
				w.descend(b, st, dest{})
			}
		}
	}
	idx := len(w.fs.classes)
	w.fs.classes = append(w.fs.classes, c)
	if st.fn == 0 && st.class < 0 {
		w.fs.topClass.put(c.name, idx)
		w.fs.names.put(c.name, w.fs.modKey+"#"+c.name)
	}
	inner := &state{fn: st.fn, class: idx, loopStart: -1}
	if b := w.field(n, fieldBody); b >= 0 {
		w.descend(b, inner, dest{})
	}
}

func (w *walker) importStmt(n int32, st *state) {
	fs := w.fs
	bind := func(local, q string) {
		fs.names.put(local, q)
		fs.imports = append(fs.imports, q)
	}
	if w.typ(n) == "import_statement" {
		for c := range w.kids(n) {
			switch w.typ(c) {
			case "dotted_name":
				full := w.text(c)
				root, _, _ := strings.Cut(full, ".")
				fs.names.put(root, root)
				fs.imports = append(fs.imports, full)
			case "aliased_import":
				nm, al := w.field(c, fieldName), w.field(c, fieldAlias)
				if nm >= 0 && al >= 0 {
					bind(w.text(al), w.text(nm))
				}
			}
		}
		return
	}
	mod := w.field(n, fieldModuleName)
	if mod < 0 {
		return
	}
	var base string // qualified prefix for imported names: "a.b." or "file:/x/y#"
	switch w.typ(mod) {
	case "dotted_name":
		base = w.text(mod) + "."
	case "relative_import":
		dots := 0
		sub := ""
		for c := range w.kids(mod) {
			switch w.typ(c) {
			case "import_prefix":
				dots = int(w.nodes[c].eb - w.nodes[c].sb)
			case "dotted_name":
				sub = w.text(c)
			}
		}
		if w.absDir == "" {
			w.absDir = filepath.ToSlash(filepath.Dir(w.abs))
		}
		dir := w.absDir
		for i := 1; i < dots; i++ {
			dir = filepath.ToSlash(filepath.Dir(dir))
		}
		if sub != "" {
			base = "file:" + dir + "/" + strings.ReplaceAll(sub, ".", "/") + "#"
		} else {
			base = "file:" + dir + "#"
		}
	default:
		return
	}
	for c := range w.kids(n) {
		if w.nodes[c].sb <= w.nodes[mod].eb {
			continue
		}
		switch w.typ(c) {
		case "dotted_name":
			bind(w.text(c), base+w.text(c))
		case "aliased_import":
			nm, al := w.field(c, fieldName), w.field(c, fieldAlias)
			if nm >= 0 && al >= 0 {
				bind(w.text(al), base+w.text(nm))
			}
		}
	}
}

// comment records suppression directives.
func (w *walker) comment(n int32) {
	if !mayHoldDirective(w.bytesOf(n)) {
		return // no directive: the common case, without a copy
	}
	t := w.text(n)
	line, _ := lineCol(w.nodes[n].sr, 0)
	ds, errs := parseDirectives(t)
	for _, e := range errs {
		w.fs.dirErrs = append(w.fs.dirErrs, lineErr{line: line, msg: e})
	}
	if len(ds) > 0 {
		if w.fs.dirs == nil {
			w.fs.dirs = map[int][]policy.Directive{}
		}
		w.fs.dirs[line] = append(w.fs.dirs[line], ds...)
	}
}

// finishFunc computes the retention of every call site of function fn
// once the whole function has been seen (temporaries assigned later
// count), and drops the walking state.
func (w *walker) finishFunc(fn int) {
	f := w.fs.funcs[fn]
	wk := f.b.walk
	cl := &w.cl
	cl.f, cl.wk = f, wk
	guards := wk.validGuards()
	for i := int(f.b.callsFrom); i < len(w.calls); i++ {
		cs := &w.calls[i]
		if cs.fn != int32(fn) {
			continue // a nested function's
		}
		c := &cs.c
		var ret bool
		loopStart := int(cs.loopStart)
		var sh siteShare
		if cs.sh != nil {
			sh = *cs.sh
		}
		c.req, ret = cl.dest(cs.d, -1)
		c.set(cfRet, ret)
		c.loop, _ = cl.dest(cs.d, loopStart)
		at := uint32(c.at.StartByte)
		for _, g := range guards {
			if at < g.from || at >= g.to {
				continue
			}
			c.greq = bestRet(c.greq, cl.target(g.target, -1))
			if int64(g.from) > int64(loopStart) {
				// a guard inside the loop: it holds for the iteration
				c.gloop = bestRet(c.gloop, cl.target(g.target, loopStart))
			}
		}
		sharedReq, sharedIter, via := sh.shared, sh.shared, ""
		if sh.local != "" {
			d := dest{kind: dLocal, name: sh.local}
			r, _ := cl.dest(d, -1)
			sharedReq = r != retNo
			rl, _ := cl.dest(d, loopStart)
			decl, ok := f.b.walk.locals[sh.local]
			sharedIter = sharedReq || rl != retNo || loopStart >= 0 && ok && int64(decl) < int64(loopStart)
			if !sharedReq {
				// phase 2 decides whether the callee builds the pool
				// (a construction) or hands out a shared one (a cached
				// getter)
				via = sh.via
			}
		}
		c.set(cfSharedReq, sharedReq)
		c.set(cfSharedIter, sharedIter)
		c.setShare(via, sh.optKw)
	}
	cl.f, cl.wk, cl.seen = nil, nil, emptied(cl.seen)
	w.endWalk(f)
}

// retRank orders retentions: retained beats retained unless per request
// beats not retained.
func retRank(r retention) int {
	switch r {
	case retYes:
		return 2
	case retSelf:
		return 1
	}
	return 0
}

// bestRet is the stronger of two retentions.
func bestRet(a, b retention) retention {
	if retRank(b) > retRank(a) {
		return b
	}
	return a
}

// classifier says where values stored into dests end up.
type classifier struct {
	f  *funcSum
	wk *funcWalk
	// scratch for dest, reused across the calls of a function
	seen      map[destAt]struct{}
	cur, next []destAt
}

// destAt is a state of dest's search: a place a value goes, and the hot
// loop it is judged against (-1: the request).
type destAt struct {
	d         dest
	loopStart int
}

// maxFlowDepth is how many assignments dest follows from a call's value.
const maxFlowDepth = 16

// dest says whether a value stored at d outlives the request (loopStart
// < 0) or the iteration of the hot loop starting at loopStart, and
// whether it is returned from the function. A local's value is retained
// when any place it goes to retains it, within maxFlowDepth steps.
//
// The places are searched breadth first, each once: the flows of a
// function form a graph with cycles and shared paths (x = y; y = x;
// generated code assigning one name dozens of times), and following
// every path is exponential in the depth. Every state reachable within
// maxFlowDepth steps is reached, at its least depth, so the result is the
// one path-by-path following would give.
func (cl *classifier) dest(d dest, loopStart int) (retention, bool) {
	start := destAt{d, loopStart}
	if r, ret, leaf := cl.leaf(start); leaf {
		return r, ret // no search needed: the common case
	}
	if cl.seen == nil {
		cl.seen = map[destAt]struct{}{}
	}
	clear(cl.seen)
	cl.seen[start] = struct{}{}
	cur := append(cl.cur[:0], start)
	next := cl.next[:0]
	r, returned := retNo, false
	for depth := 0; depth <= maxFlowDepth && len(cur) > 0; depth++ {
		next = next[:0]
		for _, s := range cur {
			var sr retention
			var sret bool
			sr, sret, next = cl.step(s, next)
			r = bestRet(r, sr)
			returned = returned || sret
		}
		cur, next = next, cur
	}
	cl.cur, cl.next = cur[:0], next[:0]
	return r, returned
}

// leaf is the result of a state that leads nowhere else.
func (cl *classifier) leaf(s destAt) (retention, bool, bool) {
	if s.d.comp != 0 && s.loopStart >= 0 && int(s.d.comp-1) == s.loopStart && s.d.kind != dNone {
		return 0, false, false
	}
	switch s.d.kind {
	case dRetained:
		return policy.Retains(policy.Global), false, true
	case dSelf:
		return policy.Retains(policy.Field), false, true // decided in phase 2: a view's self is per request
	case dReturn:
		return policy.Retains(policy.Discarded), true, true
	case dLocal, dContainerLocal:
		return 0, false, false
	}
	return policy.Retains(policy.Discarded), false, true
}

// step is one state's own retention and returnedness; it appends the
// states it leads to that were not seen yet.
func (cl *classifier) step(s destAt, next []destAt) (retention, bool, []destAt) {
	if r, ret, leaf := cl.leaf(s); leaf {
		return r, ret, next
	}
	d, loopStart := s.d, s.loopStart
	if d.comp != 0 && loopStart >= 0 && int(d.comp-1) == loopStart && d.kind != dNone {
		// an element of the collection the hot comprehension builds,
		// and the collection is used: it holds the element (whether the
		// collection is returned is decided by where it goes)
		return retYes, false, cl.push(next, destAt{dest{kind: d.kind, name: d.name, decl: d.decl}, -1})
	}
	// dLocal, dContainerLocal
	r := retNo
	if d.kind == dContainerLocal && loopStart >= 0 && int(d.decl) < loopStart &&
		policy.Retains(policy.Outer).Resolve(false) {
		// declared before the loop: policy.Outer for the iteration
		// (whether the function itself runs per request is the
		// per-request check's business)
		r = retYes
	}
	if d.name == "" {
		return r, false, next
	}
	for _, n := range cl.wk.flows[d.name] { // policy.Local: follow it
		if n.kind == d.kind && n.name == d.name {
			continue
		}
		next = cl.push(next, destAt{n, loopStart})
	}
	return r, false, next
}

// push appends s to next unless it was seen.
func (cl *classifier) push(next []destAt, s destAt) []destAt {
	if _, ok := cl.seen[s]; ok {
		return next
	}
	cl.seen[s] = struct{}{}
	return append(next, s)
}

// target is the retention of a guard's target: where it lives, and a
// local declared before the hot loop holds for the iteration.
func (cl *classifier) target(d dest, loopStart int) retention {
	switch d.kind {
	case dRetained:
		return policy.Retains(policy.Global)
	case dSelf:
		return policy.Retains(policy.Field)
	case dLocal, dContainerLocal:
		if loopStart >= 0 && int(d.decl) < loopStart {
			return retYes
		}
	}
	return retNo
}

// freeze turns the summary's tables into their kept form.
func (fs *fileSum) freeze() {
	fs.names.freeze()
	fs.topFuncs.freeze()
	fs.topClass.freeze()
	fs.assigns.freeze()
	for _, c := range fs.classes {
		c.methods.freeze()
		c.attrs.freeze()
	}
	for _, f := range fs.funcs {
		if r := f.rare; r != nil && len(r.decorators) == 0 && len(r.paramAnn) == 0 && r.reqAnn == "" && len(r.sets) == 0 {
			f.rare = nil
		}
	}
}

// resolve turns dotted names into qualified names using the module-level
// bindings, and keeps each function's call sites that phase 2 follows
// (calls, in the order met) in its sites, all in one block.
//
// The summary is only encoded (its strings written once per entry by the
// codec, shared across files when decoded): nothing here interns strings
// or clips slices for the memory of the summary itself.
func (fs *fileSum) resolve(calls []callSite) {
	attrs := map[string]bool{}
	for _, c := range fs.classes {
		for a, t := range c.attrs.all() {
			if t != "-" && capWord(t) {
				attrs[a] = true
			}
		}
	}
	// first the qualified name of each call site kept, then the block
	n := make([]int32, len(fs.funcs))
	total := 0
	for i := range calls {
		cs := &calls[i]
		q := fs.qualify(cs.text)
		if q == "" || !fs.followable(q, attrs) {
			// only calls through module-level names can be
			// constructions or project calls: drop the rest (memory)
			cs.c.q = ""
			continue
		}
		cs.c.q = q
		n[cs.fn]++
		total++
	}
	block := make([]call, total)
	for fi, f := range fs.funcs {
		f.sites = nil
		if n[fi] > 0 {
			f.sites, block = block[:0:n[fi]], block[n[fi]:]
		}
	}
	for i := range calls {
		cs := &calls[i]
		if cs.c.q == "" {
			continue
		}
		c := cs.c
		if via := c.sharedVia(); via != "" {
			switch vq := fs.qualify(via); {
			case vq != "":
				c.setShare(vq, c.sharedKw())
			case capWord(via):
				c.setShare("", c.sharedKw()) // a class of this function's own: built here
			default:
				// a local's method or a builtin: not a construction
				c.setShare("", c.sharedKw())
				c.set(cfSharedReq, true)
				c.set(cfSharedIter, true)
			}
		}
		f := fs.funcs[cs.fn]
		f.sites = append(f.sites, c)
	}
	for _, f := range fs.funcs {
		for i := range f.r().decorators {
			f.rare.decorators[i].q = fs.qualify(f.rare.decorators[i].text)
		}
		// phase 2 needs only the first three parameter names and the
		// annotations from the modules frameworks recognise parameters
		// by: trim the rest (memory)
		if len(f.params) > 0 && isRequestParam(f.params[0]) && len(f.b.paramAnn) > 0 && f.b.paramAnn[0] != "" {
			f.w().reqAnn = fs.qualify(f.b.paramAnn[0])
		}
		var anns []string
		for _, a := range f.b.paramAnn {
			if a != "" {
				if q := fs.qualify(a); paramTypeModule(q) {
					anns = append(anns, q)
				}
			}
		}
		if anns != nil {
			f.w().paramAnn = anns
		}
		if len(f.params) > 3 {
			f.params = f.params[:3]
		}
		f.b = nil
	}
	for _, c := range fs.classes {
		c.baseQ = make([]string, len(c.bases))
		for i, b := range c.bases {
			c.baseQ[i] = fs.qualify(b)
		}
		c.attrs.update(func(_, t string) (string, bool) {
			if t != "-" && capWord(t) {
				return fs.qualify(t), true
			}
			return "", false
		})
	}
	regs := fs.regs[:0]
	for _, r := range fs.regs {
		r.q = fs.qualify(r.text)
		if !r.plausible() {
			continue
		}
		for j := range r.args {
			r.args[j].q = fs.qualify(r.args[j].text)
		}
		regs = append(regs, r)
	}
	fs.regs = regs
	fs.assigns.update(func(_, v string) (string, bool) { return fs.qualify(v), true })
	for fn := range fs.funcs {
		fs.resolveSettings(fn)
	}
}

// followable reports whether phase 2 may follow a call through q: a method
// of an instance only when the instance's class is named like a class (and
// for self.attr.method, when a class of the file binds attr).
func (fs *fileSum) followable(q string, attrs map[string]bool) bool {
	if i := strings.Index(q, "()."); i >= 0 {
		return capWord(q[:i])
	}
	if attr, ok := strings.CutPrefix(q, "self#"); ok {
		attr, _, isAttr := strings.Cut(attr, ".")
		return !isAttr || attrs[attr]
	}
	if rest, ok := strings.CutPrefix(q, fs.modKey); ok && strings.HasPrefix(rest, "#") {
		rest = rest[1:]
		if name, _, ok := strings.Cut(rest, "."); ok {
			if t, isVar := fs.assigns.get(name); isVar {
				return capWord(t)
			}
		}
	}
	return true
}

// ownerClass is the class whose method function fn is, or is nested in; -1
// when none.
func (fs *fileSum) ownerClass(fn int) (int, int) {
	for i := 0; i < 64 && fn >= 0; i++ {
		f := fs.funcs[fn]
		if f.class >= 0 {
			return int(f.class), fn
		}
		fn = int(f.parent)
	}
	return -1, -1
}

// qualify resolves a dotted name through the file's bindings; "" when its
// root is not bound at module level (a local, a builtin).
func (fs *fileSum) qualify(text string) string {
	if text == "" {
		return ""
	}
	if i := strings.Index(text, "()"); i > 0 {
		// an instance: Manager().send
		if q := fs.qualify(text[:i]); q != "" {
			return q + text[i:]
		}
		return ""
	}
	root, rest, hasRest := strings.Cut(text, ".")
	if root == "self" || root == "cls" {
		// self.helper, and self.attr.method on an attribute of known class
		if hasRest && strings.Count(rest, ".") <= 1 {
			return root + "#" + rest
		}
		return ""
	}
	q, ok := fs.names.get(root)
	if !ok {
		if isVar := fs.assigns.has(root); isVar && hasRest {
			// a method of a module-level instance: service.fetch
			return fs.modKey + "#" + text
		}
		return ""
	}
	if hasRest {
		if strings.HasSuffix(q, "#") {
			return q + rest
		}
		return q + "." + rest
	}
	return q
}
