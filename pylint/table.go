package pylint

import (
	"cmp"
	"iter"
	"slices"
)

// table is a string-keyed map as summaries keep it. Phase 1 fills it
// through a Go map; freeze turns it into a slice sorted by key, which
// phase 2 reads by binary search. A kept summary holds about 150,000 of
// these on the 22,000-file Azure SDK, most with a handful of entries,
// where a Go map costs several times the entries' own size.
type table[V any] struct {
	m  map[string]V  // while phase 1 fills it
	kv []tableRow[V] // frozen: sorted by key, no duplicates
}

type tableRow[V any] struct {
	k string
	v V
}

// get returns the value of k.
func (t *table[V]) get(k string) (V, bool) {
	if t.m != nil {
		v, ok := t.m[k]
		return v, ok
	}
	i, ok := slices.BinarySearchFunc(t.kv, k, func(r tableRow[V], k string) int { return cmp.Compare(r.k, k) })
	if !ok {
		var zero V
		return zero, false
	}
	return t.kv[i].v, true
}

// at returns the value of k, or the zero value.
func (t *table[V]) at(k string) V {
	v, _ := t.get(k)
	return v
}

// has reports whether k is in t.
func (t *table[V]) has(k string) bool {
	_, ok := t.get(k)
	return ok
}

// put sets k to v (a frozen table is thawed first).
func (t *table[V]) put(k string, v V) {
	t.thaw()
	t.m[k] = v
}

// del removes k.
func (t *table[V]) del(k string) {
	t.thaw()
	delete(t.m, k)
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

// all iterates over t, in key order when frozen.
func (t *table[V]) all() iter.Seq2[string, V] {
	return func(yield func(string, V) bool) {
		if t.m != nil {
			for k, v := range t.m {
				if !yield(k, v) {
					return
				}
			}
			return
		}
		for _, r := range t.kv {
			if !yield(r.k, r.v) {
				return
			}
		}
	}
}

func (t *table[V]) thaw() {
	if t.m != nil {
		return
	}
	t.m = make(map[string]V, len(t.kv))
	for _, r := range t.kv {
		t.m[r.k] = r.v
	}
	t.kv = nil
}

// freeze turns the map into the sorted slice (nil when empty).
func (t *table[V]) freeze() {
	if t.m == nil {
		return
	}
	var kv []tableRow[V]
	if len(t.m) > 0 {
		kv = make([]tableRow[V], 0, len(t.m))
		for k, v := range t.m {
			kv = append(kv, tableRow[V]{k, v})
		}
		slices.SortFunc(kv, func(a, b tableRow[V]) int { return cmp.Compare(a.k, b.k) })
	}
	t.m, t.kv = nil, kv
}

// set writes m[k] = v, making m first (the walk's per-function maps are
// made on first write: most functions bind few names).
func set[V any](m *map[string]V, k string, v V) {
	if *m == nil {
		*m = map[string]V{}
	}
	(*m)[k] = v
}
