package pylint

import (
	"maps"
	"slices"
	"testing"
)

// TestTable: a table reads the same through its map (phase 1) and frozen
// (phase 2), iterates in key order when frozen, thaws on a write, and
// bind marks a name bound to two different values.
func TestTable(t *testing.T) {
	var tb table[string]
	if _, ok := tb.get("x"); ok {
		t.Fatal("zero table has x")
	}
	want := map[string]string{"b": "2", "a": "1", "c": "3", "": "empty"}
	for k, v := range want {
		tb.put(k, v)
	}
	check := func(stage string) {
		t.Helper()
		for k, v := range want {
			if got, ok := tb.get(k); !ok || got != v {
				t.Errorf("%s: get(%q) = %q, %v; want %q", stage, k, got, ok, v)
			}
			if !tb.has(k) || tb.at(k) != v {
				t.Errorf("%s: has/at(%q) disagree with get", stage, k)
			}
		}
		if tb.has("zz") || tb.at("zz") != "" {
			t.Errorf("%s: absent key found", stage)
		}
		if got := maps.Collect(tb.all()); !maps.Equal(got, want) {
			t.Errorf("%s: all() = %v, want %v", stage, got, want)
		}
	}
	check("building")
	tb.freeze()
	if tb.m != nil || len(tb.kv) != len(want) {
		t.Fatalf("frozen table: map %v, %d rows", tb.m, len(tb.kv))
	}
	var keys []string
	for k := range tb.all() {
		keys = append(keys, k)
	}
	if !slices.IsSorted(keys) {
		t.Errorf("frozen keys not in order: %q", keys)
	}
	check("frozen")

	tb.put("d", "4") // thaws
	want["d"] = "4"
	tb.del("a")
	delete(want, "a")
	check("thawed")
	tb.freeze()
	check("refrozen")

	bind(&tb, "d", "4")
	if tb.at("d") != "4" {
		t.Errorf("binding the same value changed it to %q", tb.at("d"))
	}
	bind(&tb, "d", "5")
	if tb.at("d") != "-" {
		t.Errorf("binding a second value: %q, want -", tb.at("d"))
	}

	var empty table[int]
	empty.freeze()
	if empty.kv != nil || empty.m != nil {
		t.Errorf("an empty table freezes to %+v, want the zero table", empty)
	}
}

// TestMemo: each element is computed once, a cycle reads the zero value,
// and references outside a file's elements have no slot.
func TestMemo(t *testing.T) {
	files := []*fileSum{{funcs: make([]*funcSum, 2)}, nil, {funcs: make([]*funcSum, 3)}}
	m := newMemo[int](files, funcCount)
	if len(m.vals) != 5 {
		t.Fatalf("%d slots, want 5", len(m.vals))
	}
	for _, bad := range [][2]int{{0, 2}, {1, 0}, {2, 3}, {3, 0}, {-1, 0}, {0, -1}} {
		if s := m.slot(bad[0], bad[1]); s != -1 {
			t.Errorf("slot(%d, %d) = %d, want -1", bad[0], bad[1], s)
		}
	}
	s, _, known := m.begin(2, 1)
	if known {
		t.Fatal("a fresh element is known")
	}
	if _, v, known := m.begin(2, 1); !known || v != 0 {
		t.Errorf("during its computation the element reads %d, %v; want the zero value, known", v, known)
	}
	m.end(s, 7)
	if _, v, known := m.begin(2, 1); !known || v != 7 {
		t.Errorf("after end: %d, %v; want 7, known", v, known)
	}
	if _, v, known := m.begin(0, 1); known || v != 0 {
		t.Errorf("another element: %d, %v", v, known)
	}
}
