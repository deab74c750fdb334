package pylint

import (
	"cmp"
	"iter"
	"slices"
)

// table is a string-keyed map as summaries keep it: rows sorted by key,
// read by binary search. A kept summary holds about 150,000 of these on
// the 22,000-file Azure SDK, most with a handful of entries, where a Go
// map costs several times the entries' own size. While phase 1 fills it
// the table is open: its rows in the order written, found by a linear
// scan while there are at most smallTable of them (most tables: cheaper
// than hashing, and no map to make and grow) and through idx past that;
// freeze sorts them.
type table[V any] struct {
	kv   []tableRow[V]    // sorted by key unless open; no duplicate keys
	idx  map[string]int32 // open and past smallTable rows: key -> row
	open bool
}

type tableRow[V any] struct {
	k string
	v V
}

// smallTable is the most rows an open table finds by a linear scan.
const smallTable = 8

// find returns the row of k, or -1.
func (t *table[V]) find(k string) int {
	switch {
	case !t.open:
		if i, ok := slices.BinarySearchFunc(t.kv, k, func(r tableRow[V], k string) int { return cmp.Compare(r.k, k) }); ok {
			return i
		}
	case t.idx != nil:
		if i, ok := t.idx[k]; ok {
			return int(i)
		}
	default:
		for i := range t.kv {
			if t.kv[i].k == k {
				return i
			}
		}
	}
	return -1
}

// get returns the value of k.
func (t *table[V]) get(k string) (V, bool) {
	if i := t.find(k); i >= 0 {
		return t.kv[i].v, true
	}
	var zero V
	return zero, false
}

// at returns the value of k, or the zero value.
func (t *table[V]) at(k string) V {
	v, _ := t.get(k)
	return v
}

// has reports whether k is in t.
func (t *table[V]) has(k string) bool {
	return t.find(k) >= 0
}

// put sets k to v (a new key opens a frozen table).
func (t *table[V]) put(k string, v V) {
	if i := t.find(k); i >= 0 {
		t.kv[i].v = v
		return
	}
	t.open = true
	if t.kv == nil {
		t.kv = make([]tableRow[V], 0, 4) // most tables: one allocation
	}
	t.kv = append(t.kv, tableRow[V]{k, v})
	switch {
	case t.idx != nil:
		t.idx[k] = int32(len(t.kv) - 1)
	case len(t.kv) > smallTable:
		t.idx = make(map[string]int32, 2*len(t.kv))
		for i, r := range t.kv {
			t.idx[r.k] = int32(i)
		}
	}
}

// bind sets k to v, or to "-" when k is bound to another value already
// (a name assigned two different things is no one thing).
func bind(t *table[string], k, v string) {
	if old, ok := t.get(k); ok && old != v {
		t.put(k, "-")
		return
	}
	t.put(k, v)
}

// all iterates over t, in key order when frozen (in the order written
// while open); t must not change meanwhile (see update).
func (t *table[V]) all() iter.Seq2[string, V] {
	return func(yield func(string, V) bool) {
		for _, r := range t.kv {
			if !yield(r.k, r.v) {
				return
			}
		}
	}
}

// update replaces each row's value by what f returns for it, dropping
// the rows for which f returns false; the rows keep their order.
func (t *table[V]) update(f func(k string, v V) (V, bool)) {
	kept := t.kv[:0]
	for _, r := range t.kv {
		if v, ok := f(r.k, r.v); ok {
			kept = append(kept, tableRow[V]{r.k, v})
		}
	}
	clear(t.kv[len(kept):])
	t.kv = kept
	if t.idx != nil {
		clear(t.idx)
		for i, r := range t.kv {
			t.idx[r.k] = int32(i)
		}
	}
}

// reset empties t for reuse as an open table, keeping its memory unless
// it held more than max rows.
func (t *table[V]) reset(max int) {
	if len(t.kv) > max {
		t.kv, t.idx = nil, nil
	} else {
		clear(t.kv)
		t.kv = t.kv[:0]
		clear(t.idx)
	}
	t.open = true
}

// freeze sorts an open table's rows (nil when empty). They keep their
// slack (at most twice the rows, or four): a summary kept past
// keepFreshUpTo is encoded and decoded exactly sized.
func (t *table[V]) freeze() {
	if !t.open {
		return
	}
	t.open, t.idx = false, nil
	if len(t.kv) == 0 {
		t.kv = nil
		return
	}
	slices.SortFunc(t.kv, func(a, b tableRow[V]) int { return cmp.Compare(a.k, b.k) })
}

// set writes m[k] = v, making m first (the walk's per-function maps are
// made on first write: most functions bind few names).
func set[V any](m *map[string]V, k string, v V) {
	if *m == nil {
		*m = map[string]V{}
	}
	(*m)[k] = v
}
