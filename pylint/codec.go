package pylint

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"github.com/snatlint/snatlint/analyzers/policy"
	"math"
	"reflect"
	"slices"
	"strings"
	"sync"
)

// codec.go encodes per-file summaries (fileSum and everything it holds)
// for the result cache, and decodes them into the compact form phase 2
// keeps: the functions, classes and calls of a file each in one block,
// strings shared across files through an interner ("azure.core.
// exceptions.HttpResponseError" repeats in thousands of files), and
// within an entry each string written once and referred to by index.
//
// The encoding is written by hand (a reflection-driven one spent most
// of a warm run in reflect and allocated an object per function). What
// keeps it complete: TestSummaryCodecCoversEveryField requires every
// field of every summary type to be set by some fixture, and
// TestSummaryCodecRoundTrip requires every fixture's summary to decode
// deeply equal to what was encoded, so a field added to a summary type
// and not to this file fails the tests. The types' shape (every field's
// name and type, in order, by reflection) is hashed into every cache
// key (summaryShape), so entries written by a binary with other types
// are never read as this one's.

// summaryShape is a hash of the summary types' shape, computed once.
var summaryShape = sync.OnceValue(func() string {
	h := sha256.Sum256([]byte(shapeOf(reflect.TypeFor[fileSum]())))
	return fmt.Sprintf("%x", h[:8])
})

// shapeOf describes t and the types it holds: kinds, field names and
// order. Named types are described once.
func shapeOf(t reflect.Type) string {
	var sb strings.Builder
	seen := map[reflect.Type]bool{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		if t.Name() != "" && t.Kind() == reflect.Struct {
			sb.WriteString(t.Name())
			if seen[t] {
				return
			}
			seen[t] = true
		}
		switch t.Kind() {
		case reflect.Pointer:
			sb.WriteString("*")
			walk(t.Elem())
		case reflect.Slice:
			sb.WriteString("[]")
			walk(t.Elem())
		case reflect.Map:
			sb.WriteString("map[")
			walk(t.Key())
			sb.WriteString("]")
			walk(t.Elem())
		case reflect.Struct:
			sb.WriteString("{")
			for i := range t.NumField() {
				f := t.Field(i)
				sb.WriteString(f.Name + " ")
				walk(f.Type)
				sb.WriteString(";")
			}
			sb.WriteString("}")
		default:
			sb.WriteString(t.Kind().String())
		}
	}
	walk(t)
	return sb.String()
}

// encoder appends to a byte slice.
type encoder struct {
	buf  []byte
	refs map[string]uint64 // the strings written so far, by index (str)
}

func (e *encoder) bool(b bool) {
	if b {
		e.buf = append(e.buf, 1)
	} else {
		e.buf = append(e.buf, 0)
	}
}
func (e *encoder) varint(x int64)   { e.buf = binary.AppendVarint(e.buf, x) }
func (e *encoder) uvarint(x uint64) { e.buf = binary.AppendUvarint(e.buf, x) }
func (e *encoder) string(s string) {
	e.uvarint(uint64(len(s)))
	e.buf = append(e.buf, s...)
}

// decoder reads what encoder wrote; the first error sticks and makes
// every later read return zero values, so a truncated or corrupt entry
// ends the decoding without panicking.
type decoder struct {
	buf  []byte
	err  error
	strs *interner
	tab  []string // the strings read so far, by index (str)
}

var errCorrupt = errors.New("corrupt summary")

func (d *decoder) fail(why string) {
	if d.err == nil {
		d.err = fmt.Errorf("%w: %s", errCorrupt, why)
	}
	d.buf = nil
}

func (d *decoder) bool() bool {
	if len(d.buf) == 0 {
		d.fail("truncated")
		return false
	}
	b := d.buf[0]
	d.buf = d.buf[1:]
	if b > 1 {
		d.fail("bad bool")
	}
	return b == 1
}

func (d *decoder) varint() int64 {
	x, n := binary.Varint(d.buf)
	if n <= 0 {
		d.fail("bad varint")
		return 0
	}
	d.buf = d.buf[n:]
	return x
}

func (d *decoder) uvarint() uint64 {
	x, n := binary.Uvarint(d.buf)
	if n <= 0 {
		d.fail("bad uvarint")
		return 0
	}
	d.buf = d.buf[n:]
	return x
}

// count reads a slice or map length written as n+1 (0 is nil).
func (d *decoder) count() (int, bool) {
	n := d.uvarint()
	if n == 0 || d.err != nil {
		return 0, false
	}
	if n-1 > uint64(len(d.buf)) {
		d.fail("count larger than the entry")
		return 0, false
	}
	return int(n - 1), true
}

func (d *decoder) string() string {
	n := d.uvarint()
	if n > uint64(len(d.buf)) {
		d.fail("string longer than the entry")
		return ""
	}
	b := d.buf[:n]
	d.buf = d.buf[n:]
	return d.strs.intern(b)
}

// interner keeps one copy of each string decoded by one worker in a run
// (not safe for concurrent use).
type interner struct {
	m map[string]string
}

func newInterner() *interner { return &interner{m: map[string]string{}} }

// newInternerFor makes an interner sized for about files files (a worker's
// share of a run): the Azure SDK's 22,000 files have about ten distinct
// strings each, and growing the table to that size rehashed it a dozen
// times, a sixth of the decoding in a warm run.
func newInternerFor(files int) *interner {
	return &interner{m: make(map[string]string, min(files*10, 1<<18))}
}

func (in *interner) intern(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if in == nil {
		return string(b)
	}
	if s, ok := in.m[string(b)]; ok {
		return s
	}
	s := string(b)
	in.m[s] = s
	return s
}

// encodeSummary appends the encoding of fs to buf.
func encodeSummary(buf []byte, fs *fileSum) []byte {
	refs := refMaps.Get().(map[string]uint64)
	e := &encoder{buf: buf, refs: refs}
	e.fileSum(fs)
	clear(refs)
	refMaps.Put(refs)
	return e.buf
}

// refMaps are encoders' string maps, reused (one per file was a tenth
// of phase 1's garbage).
var refMaps = sync.Pool{New: func() any { return map[string]uint64{} }}

// decodeSummary decodes a summary; it never panics on bad input.
func decodeSummary(data []byte, strs *interner) (fs *fileSum, err error) {
	defer func() {
		if r := recover(); r != nil {
			fs, err = nil, fmt.Errorf("%w: %v", errCorrupt, r)
		}
	}()
	d := &decoder{buf: data, strs: strs}
	fs = d.fileSum()
	if d.err == nil && len(d.buf) != 0 {
		d.fail("trailing bytes")
	}
	if d.err != nil {
		return nil, d.err
	}
	return fs, nil
}

// Strings in a summary are written once per entry: 0 is "", 1 a new
// string (length and bytes) that gets the next index, k >= 2 the string
// with index k-2.

func (e *encoder) str(s string) {
	if s == "" {
		e.uvarint(0)
		return
	}
	if i, ok := e.refs[s]; ok {
		e.uvarint(i + 2)
		return
	}
	e.refs[s] = uint64(len(e.refs))
	e.uvarint(1)
	e.string(s)
}

func (d *decoder) str() string {
	switch k := d.uvarint(); {
	case k == 0 || d.err != nil:
		return ""
	case k == 1:
		s := d.string()
		d.tab = append(d.tab, s)
		return s
	case k-2 < uint64(len(d.tab)):
		return d.tab[k-2]
	default:
		d.fail("bad string reference")
		return ""
	}
}

// slices and maps: 0 is nil, n+1 a length of n

func (e *encoder) count(isNil bool, n int) {
	if isNil {
		e.uvarint(0)
		return
	}
	e.uvarint(uint64(n) + 1)
}

func (e *encoder) i32(x int32) { e.varint(int64(x)) }

func (d *decoder) i32() int32 {
	x := d.varint()
	if x < math.MinInt32 || x > math.MaxInt32 {
		d.fail("integer out of range")
		return 0
	}
	return int32(x)
}

// int reads an int written with varint (an index or a count: int32 range).
func (d *decoder) int() int { return int(d.i32()) }

func (d *decoder) u8() uint8 {
	x := d.uvarint()
	if x > math.MaxUint8 {
		d.fail("integer out of range")
		return 0
	}
	return uint8(x)
}

func (e *encoder) strList(ss []string) {
	e.count(ss == nil, len(ss))
	for _, s := range ss {
		e.str(s)
	}
}

func (d *decoder) strList() []string {
	n, ok := d.count()
	if !ok {
		return nil
	}
	ss := make([]string, n)
	for i := range ss {
		ss[i] = d.str()
	}
	return ss
}

func (e *encoder) pos(p pos) {
	e.i32(p.Line)
	e.i32(p.Col)
	e.i32(p.EndLine - p.Line)
	e.i32(p.EndCol)
	e.i32(p.StartByte)
	e.i32(p.EndByte - p.StartByte)
}

func (d *decoder) pos() pos {
	var p pos
	p.Line = d.i32()
	p.Col = d.i32()
	p.EndLine = p.Line + d.i32()
	p.EndCol = d.i32()
	p.StartByte = d.i32()
	p.EndByte = p.StartByte + d.i32()
	return p
}

// encTable writes t's rows, each value with val.
func encTable[V any](e *encoder, t *table[V], val func(V)) {
	e.count(t.kv == nil, len(t.kv))
	for _, r := range t.kv {
		e.str(r.k)
		val(r.v)
	}
}

// decTable reads what encTable wrote, each value with val; keys out of
// order make the entry corrupt (binary search would miss them).
func decTable[V any](d *decoder, val func() V) table[V] {
	n, ok := d.count()
	if !ok {
		return table[V]{}
	}
	kv := make([]tableRow[V], n)
	for i := range kv {
		kv[i].k = d.str()
		kv[i].v = val()
		if i > 0 && kv[i-1].k >= kv[i].k {
			d.fail("table out of order")
		}
	}
	return table[V]{kv: kv}
}

func (e *encoder) strTable(t *table[string]) { encTable(e, t, e.str) }
func (e *encoder) intTable(t *table[int])    { encTable(e, t, func(v int) { e.varint(int64(v)) }) }
func (d *decoder) strTable() table[string]   { return decTable(d, d.str) }
func (d *decoder) intTable() table[int]      { return decTable(d, d.int) }

func (e *encoder) fileSum(fs *fileSum) {
	// fs.path is not encoded: the key holds it, decodeEntry sets it
	e.str(fs.modKey)
	e.strTable(&fs.names)
	// the functions' calls and parameters are decoded into one block
	// each: their totals first
	var calls, params int
	for _, f := range fs.funcs {
		calls += len(f.sites)
		params += len(f.params)
	}
	e.uvarint(uint64(calls))
	e.uvarint(uint64(params))
	e.count(fs.funcs == nil, len(fs.funcs))
	for _, f := range fs.funcs {
		e.funcSum(f)
	}
	e.count(fs.classes == nil, len(fs.classes))
	for _, c := range fs.classes {
		e.classSum(c)
	}
	e.intTable(&fs.topFuncs)
	e.intTable(&fs.topClass)
	e.strTable(&fs.assigns)
	e.count(fs.regs == nil, len(fs.regs))
	for _, r := range fs.regs {
		e.str(r.text)
		e.str(r.q)
		e.str(r.first)
		e.count(r.args == nil, len(r.args))
		for _, a := range r.args {
			e.varint(int64(a.pos))
			e.str(a.kw)
			e.str(a.text)
			e.str(a.q)
		}
	}
	e.count(fs.dirs == nil, len(fs.dirs))
	lines := make([]int, 0, len(fs.dirs))
	for l := range fs.dirs {
		lines = append(lines, l)
	}
	slices.Sort(lines) // deterministic entries
	for _, l := range lines {
		ds := fs.dirs[l]
		e.varint(int64(l))
		e.count(ds == nil, len(ds))
		for _, x := range ds {
			e.str(x.Form)
			e.bool(x.Own)
			e.bool(x.All)
			e.strList(x.Rules)
			e.str(x.Reason)
		}
	}
	e.count(fs.dirErrs == nil, len(fs.dirErrs))
	for _, x := range fs.dirErrs {
		e.varint(int64(x.line))
		e.str(x.msg)
	}
	e.varint(int64(fs.deepSkips))
	e.strList(fs.imports)
}

func (d *decoder) fileSum() *fileSum {
	fs := &fileSum{}
	fs.modKey = d.str()
	fs.names = d.strTable()
	calls, params := d.uvarint(), d.uvarint()
	if calls > uint64(len(d.buf)) || params > uint64(len(d.buf)) {
		d.fail("count larger than the entry")
		return nil
	}
	b := &fileBlocks{calls: make([]call, calls), params: make([]string, params)}
	if n, ok := d.count(); ok {
		blk := make([]funcSum, n)
		fs.funcs = make([]*funcSum, n)
		for i := range blk {
			d.funcSum(&blk[i], b)
			fs.funcs[i] = &blk[i]
		}
	}
	if len(b.calls) != 0 || len(b.params) != 0 {
		d.fail("call or parameter totals do not match")
	}
	if n, ok := d.count(); ok {
		blk := make([]classSum, n)
		fs.classes = make([]*classSum, n)
		for i := range blk {
			d.classSum(&blk[i])
			fs.classes[i] = &blk[i]
		}
	}
	fs.topFuncs = d.intTable()
	fs.topClass = d.intTable()
	fs.assigns = d.strTable()
	if n, ok := d.count(); ok {
		fs.regs = make([]regCall, n)
		for i := range fs.regs {
			r := &fs.regs[i]
			r.text, r.q, r.first = d.str(), d.str(), d.str()
			if n, ok := d.count(); ok {
				r.args = make([]regArg, n)
				for j := range r.args {
					a := &r.args[j]
					p := d.varint()
					if p < math.MinInt8 || p > math.MaxInt8 {
						d.fail("integer out of range")
					}
					a.pos = int8(p)
					a.kw, a.text, a.q = d.str(), d.str(), d.str()
				}
			}
		}
	}
	if n, ok := d.count(); ok {
		fs.dirs = make(map[int][]policy.Directive, n)
		for range n {
			l := d.int()
			var ds []policy.Directive
			if n, ok := d.count(); ok {
				ds = make([]policy.Directive, n)
				for j := range ds {
					x := &ds[j]
					x.Form = d.str()
					x.Own = d.bool()
					x.All = d.bool()
					x.Rules = d.strList()
					x.Reason = d.str()
				}
			}
			fs.dirs[l] = ds
		}
	}
	if n, ok := d.count(); ok {
		fs.dirErrs = make([]lineErr, n)
		for i := range fs.dirErrs {
			fs.dirErrs[i] = lineErr{line: d.int(), msg: d.str()}
		}
	}
	fs.deepSkips = d.int()
	fs.imports = d.strList()
	return fs
}

// fileBlocks are the not yet handed out parts of a file's call and
// parameter blocks.
type fileBlocks struct {
	calls  []call
	params []string
}

func (e *encoder) funcSum(f *funcSum) {
	e.str(f.name)
	e.pos(f.at)
	e.i32(f.class)
	e.i32(f.parent)
	e.count(f.params == nil, len(f.params))
	for _, p := range f.params {
		e.str(p)
	}
	e.count(f.sites == nil, len(f.sites))
	for i := range f.sites {
		e.call(&f.sites[i])
	}
	e.bool(f.async)
	e.bool(f.isModule)
	e.bool(f.rare != nil)
	if r := f.rare; r != nil {
		e.count(r.decorators == nil, len(r.decorators))
		for _, x := range r.decorators {
			e.str(x.text)
			e.str(x.q)
			e.bool(x.call)
			e.str(x.firstSt)
		}
		e.strList(r.paramAnn)
		e.str(r.reqAnn)
		e.count(r.sets == nil, len(r.sets))
		for _, x := range r.sets {
			e.str(x.q)
			e.bool(x.attr)
			e.str(x.field)
			e.str(x.header)
			e.str(x.value)
			e.pos(x.at)
			e.bool(x.inLoop)
			e.bool(x.inComp)
		}
	}
	// f.b is phase 1's and nil in a kept summary
}

// take hands out the next n elements of a block (a sub-slice without
// spare capacity), failing when the block is shorter.
func take[T any](d *decoder, blk *[]T, n int) []T {
	if n > len(*blk) {
		d.fail("call or parameter totals do not match")
		return make([]T, n)
	}
	s := (*blk)[:n:n]
	*blk = (*blk)[n:]
	return s
}

func (d *decoder) funcSum(f *funcSum, b *fileBlocks) {
	f.name = d.str()
	f.at = d.pos()
	f.class = d.i32()
	f.parent = d.i32()
	if n, ok := d.count(); ok {
		f.params = take(d, &b.params, n)
		for i := range f.params {
			f.params[i] = d.str()
		}
	}
	if n, ok := d.count(); ok {
		f.sites = take(d, &b.calls, n)
		for i := range f.sites {
			d.call(&f.sites[i])
		}
	}
	f.async = d.bool()
	f.isModule = d.bool()
	if d.bool() {
		r := &funcRare{}
		if n, ok := d.count(); ok {
			r.decorators = make([]decorator, n)
			for i := range r.decorators {
				x := &r.decorators[i]
				x.text, x.q, x.call, x.firstSt = d.str(), d.str(), d.bool(), d.str()
			}
		}
		r.paramAnn = d.strList()
		r.reqAnn = d.str()
		if n, ok := d.count(); ok {
			r.sets = make([]setSite, n)
			for i := range r.sets {
				x := &r.sets[i]
				x.q, x.attr, x.field, x.header, x.value = d.str(), d.bool(), d.str(), d.str(), d.str()
				x.at = d.pos()
				x.inLoop, x.inComp = d.bool(), d.bool()
			}
		}
		f.rare = r
	}
}

func (e *encoder) call(c *call) {
	e.str(c.q)
	e.pos(c.at)
	e.bool(c.share != nil)
	if c.share != nil {
		e.str(c.share.via)
		e.str(c.share.kw)
	}
	e.uvarint(uint64(c.req))
	e.uvarint(uint64(c.loop))
	e.uvarint(uint64(c.greq))
	e.uvarint(uint64(c.gloop))
	e.uvarint(uint64(c.flags))
}

func (d *decoder) call(c *call) {
	c.q = d.str()
	c.at = d.pos()
	if d.bool() {
		c.share = &callShare{via: d.str(), kw: d.str()}
	}
	c.req = retention(d.u8())
	c.loop = retention(d.u8())
	c.greq = retention(d.u8())
	c.gloop = retention(d.u8())
	c.flags = callFlag(d.u8())
}

func (e *encoder) classSum(c *classSum) {
	e.str(c.name)
	e.pos(c.at)
	e.strList(c.bases)
	e.strList(c.baseQ)
	e.intTable(&c.methods)
	e.varint(int64(c.parent))
	e.strTable(&c.attrs)
}

func (d *decoder) classSum(c *classSum) {
	c.name = d.str()
	c.at = d.pos()
	c.bases = d.strList()
	c.baseQ = d.strList()
	c.methods = d.intTable()
	c.parent = d.int()
	c.attrs = d.strTable()
}
