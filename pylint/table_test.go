package pylint

import (
	"fmt"
	"maps"
	"slices"
	"testing"
)

// TestTable: a table reads the same while open (a linear scan up to
// smallTable rows, an index past that) and frozen (phase 2), iterates in
// key order when frozen, opens on a new key, updates and drops rows, and
// bind marks a name bound to two different values.
func TestTable(t *testing.T) {
	for _, size := range []int{3, smallTable, smallTable + 1, 40} {
		t.Run(fmt.Sprint(size), func(t *testing.T) {
			var tb table[string]
			if _, ok := tb.get("x"); ok {
				t.Fatal("zero table has x")
			}
			want := map[string]string{"": "empty"}
			for i := 1; i < size; i++ {
				want[fmt.Sprintf("k%02d", (i*7)%size)] = fmt.Sprint(i)
			}
			for k, v := range want {
				tb.put(k, "old")
				tb.put(k, v) // overwrites
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
				if len(tb.kv) != len(want) {
					t.Errorf("%s: %d rows for %d keys", stage, len(tb.kv), len(want))
				}
			}
			check("building")
			if (tb.idx != nil) != (size > smallTable) {
				t.Errorf("%d rows: index %v", size, tb.idx != nil)
			}
			tb.freeze()
			if tb.open || tb.idx != nil {
				t.Fatalf("frozen table: open %v, index %v", tb.open, tb.idx != nil)
			}
			var keys []string
			for k := range tb.all() {
				keys = append(keys, k)
			}
			if !slices.IsSorted(keys) {
				t.Errorf("frozen keys not in order: %q", keys)
			}
			check("frozen")
			tb.put("", "again") // an existing key: stays frozen
			want[""] = "again"
			if tb.open {
				t.Error("overwriting a key opened the table")
			}
			check("overwritten")

			tb.put("d", "4") // opens
			want["d"] = "4"
			if !tb.open {
				t.Error("a new key left the table frozen")
			}
			drop := func(k string) bool { return k == "" || k == "k01" }
			tb.update(func(k, v string) (string, bool) { return v + "!", !drop(k) })
			for k, v := range want {
				if drop(k) {
					delete(want, k)
				} else {
					want[k] = v + "!"
				}
			}
			check("updated")
			tb.freeze()
			check("refrozen")
			tb.update(func(k, v string) (string, bool) { return v, k != "d" })
			delete(want, "d")
			if tb.open {
				t.Error("update opened a frozen table")
			}
			check("updated frozen")

			bind(&tb, "d", "4")
			if tb.at("d") != "4" {
				t.Errorf("binding the same value changed it to %q", tb.at("d"))
			}
			bind(&tb, "d", "5")
			if tb.at("d") != "-" {
				t.Errorf("binding a second value: %q, want -", tb.at("d"))
			}
		})
	}

	var reused table[int]
	for round, n := range []int{3, 20, 2} {
		reused.reset(10)
		if reused.has("k0") || len(reused.kv) != 0 {
			t.Fatalf("round %d: reset left rows %v", round, reused.kv)
		}
		for i := range n {
			reused.put(fmt.Sprint("k", i), round)
		}
		for i := range n {
			if v, ok := reused.get(fmt.Sprint("k", i)); !ok || v != round {
				t.Errorf("round %d: k%d = %d, %v", round, i, v, ok)
			}
		}
	}

	var empty table[int]
	empty.put("a", 1)
	empty.update(func(string, int) (int, bool) { return 0, false })
	empty.freeze()
	if empty.kv != nil || empty.idx != nil || empty.open {
		t.Errorf("an emptied table freezes to %+v, want the zero table", empty)
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
