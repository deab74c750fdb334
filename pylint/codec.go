package pylint

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"unsafe"
)

// codec.go encodes per-file summaries (fileSum and everything it holds)
// for the result cache. The encoding is derived from the summary types by
// reflection, once: a field added to a summary struct is encoded without
// anyone touching this file, and the types' shape (every field's name and
// type, in order) is hashed into every cache key (summaryShape), so
// entries written by a binary with another shape are never read as this
// one's. Decoding interns strings through a table shared by the run:
// qualified names repeat across thousands of files ("azure.core.
// exceptions.HttpResponseError"), and one copy each keeps summaries small.
//
// The summary structs have unexported fields, which reflect reads but does
// not set; settable gives a settable view of a field of a value this
// package allocated itself (the one use of unsafe here).

// codec encodes and decodes values of one type.
type codec struct {
	enc func(e *encoder, v reflect.Value)
	dec func(d *decoder, v reflect.Value) // v is settable
}

type codecSet struct {
	fileSum *codec
	shape   string // canonical description of the types, see shapeOf
}

// summaryCodec is built once, on first use.
var summaryCodec = sync.OnceValues(func() (*codecSet, error) {
	b := &codecBuilder{codecs: map[reflect.Type]*codec{}}
	c, err := b.build(reflect.TypeFor[fileSum]())
	if err != nil {
		return nil, err
	}
	return &codecSet{fileSum: c, shape: shapeOf(reflect.TypeFor[fileSum]())}, nil
})

// summaryShape is a hash of the summary types' shape.
func summaryShape() (string, error) {
	cs, err := summaryCodec()
	if err != nil {
		return "", err
	}
	h := sha256.Sum256([]byte(cs.shape))
	return fmt.Sprintf("%x", h[:8]), nil
}

type codecBuilder struct {
	codecs map[reflect.Type]*codec
}

func (b *codecBuilder) build(t reflect.Type) (*codec, error) {
	if c, ok := b.codecs[t]; ok {
		return c, nil // also breaks recursion: filled in below
	}
	c := &codec{}
	b.codecs[t] = c
	switch t.Kind() {
	case reflect.Bool:
		c.enc = func(e *encoder, v reflect.Value) { e.bool(v.Bool()) }
		c.dec = func(d *decoder, v reflect.Value) { v.SetBool(d.bool()) }
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		c.enc = func(e *encoder, v reflect.Value) { e.varint(v.Int()) }
		c.dec = func(d *decoder, v reflect.Value) {
			x := d.varint()
			if v.OverflowInt(x) {
				d.fail("integer out of range")
				return
			}
			v.SetInt(x)
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		c.enc = func(e *encoder, v reflect.Value) { e.uvarint(v.Uint()) }
		c.dec = func(d *decoder, v reflect.Value) {
			x := d.uvarint()
			if v.OverflowUint(x) {
				d.fail("integer out of range")
				return
			}
			v.SetUint(x)
		}
	case reflect.String:
		c.enc = func(e *encoder, v reflect.Value) { e.string(v.String()) }
		c.dec = func(d *decoder, v reflect.Value) { v.SetString(d.string()) }
	case reflect.Pointer:
		elem, err := b.build(t.Elem())
		if err != nil {
			return nil, err
		}
		c.enc = func(e *encoder, v reflect.Value) {
			e.bool(!v.IsNil())
			if !v.IsNil() {
				elem.enc(e, v.Elem())
			}
		}
		c.dec = func(d *decoder, v reflect.Value) {
			if !d.bool() {
				return
			}
			p := reflect.New(t.Elem())
			elem.dec(d, p.Elem())
			v.Set(p)
		}
	case reflect.Slice:
		elem, err := b.build(t.Elem())
		if err != nil {
			return nil, err
		}
		c.enc = func(e *encoder, v reflect.Value) {
			if v.IsNil() {
				e.uvarint(0)
				return
			}
			e.uvarint(uint64(v.Len()) + 1)
			for i := range v.Len() {
				elem.enc(e, v.Index(i))
			}
		}
		c.dec = func(d *decoder, v reflect.Value) {
			n, ok := d.count()
			if !ok {
				return
			}
			s := reflect.MakeSlice(t, n, n)
			for i := 0; i < n && d.err == nil; i++ {
				elem.dec(d, s.Index(i))
			}
			v.Set(s)
		}
	case reflect.Map:
		key, err := b.build(t.Key())
		if err != nil {
			return nil, err
		}
		val, err := b.build(t.Elem())
		if err != nil {
			return nil, err
		}
		c.enc = func(e *encoder, v reflect.Value) {
			if v.IsNil() {
				e.uvarint(0)
				return
			}
			e.uvarint(uint64(v.Len()) + 1)
			it := v.MapRange()
			for it.Next() {
				key.enc(e, it.Key())
				val.enc(e, it.Value())
			}
		}
		c.dec = func(d *decoder, v reflect.Value) {
			n, ok := d.count()
			if !ok {
				return
			}
			m := reflect.MakeMapWithSize(t, n)
			k, x := reflect.New(t.Key()).Elem(), reflect.New(t.Elem()).Elem()
			for i := 0; i < n && d.err == nil; i++ {
				k.SetZero()
				x.SetZero()
				key.dec(d, k)
				val.dec(d, x)
				m.SetMapIndex(k, x)
			}
			v.Set(m)
		}
	case reflect.Struct:
		fields := make([]*codec, t.NumField())
		for i := range t.NumField() {
			f, err := b.build(t.Field(i).Type)
			if err != nil {
				return nil, fmt.Errorf("%s.%s: %w", t.Name(), t.Field(i).Name, err)
			}
			fields[i] = f
		}
		c.enc = func(e *encoder, v reflect.Value) {
			for i, f := range fields {
				f.enc(e, v.Field(i))
			}
		}
		c.dec = func(d *decoder, v reflect.Value) {
			for i, f := range fields {
				if d.err != nil {
					return
				}
				f.dec(d, settable(v.Field(i)))
			}
		}
	default:
		return nil, fmt.Errorf("type %s (%s) cannot be cached", t, t.Kind())
	}
	return c, nil
}

// settable returns a settable view of v, an addressable field of a value
// allocated by the decoder.
func settable(v reflect.Value) reflect.Value {
	if v.CanSet() {
		return v
	}
	return reflect.NewAt(v.Type(), unsafe.Pointer(v.UnsafeAddr())).Elem()
}

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
	buf []byte
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
func encodeSummary(buf []byte, fs *fileSum) ([]byte, error) {
	cs, err := summaryCodec()
	if err != nil {
		return nil, err
	}
	e := &encoder{buf: buf}
	cs.fileSum.enc(e, reflect.ValueOf(fs).Elem())
	return e.buf, nil
}

// decodeSummary decodes a summary; it never panics on bad input.
func decodeSummary(data []byte, strs *interner) (fs *fileSum, err error) {
	cs, err := summaryCodec()
	if err != nil {
		return nil, err
	}
	defer func() {
		if r := recover(); r != nil {
			fs, err = nil, fmt.Errorf("%w: %v", errCorrupt, r)
		}
	}()
	d := &decoder{buf: data, strs: strs}
	fs = new(fileSum)
	cs.fileSum.dec(d, reflect.ValueOf(fs).Elem())
	if d.err == nil && len(d.buf) != 0 {
		d.fail("trailing bytes")
	}
	if d.err != nil {
		return nil, d.err
	}
	return fs, nil
}
