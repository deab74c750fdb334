package pylint

import (
	"slices"
	"testing"
)

// TestKinds: every node type with a kind is a type of the grammar linked
// in (a renamed type would silently read as kOther), and symKinds gives
// each symbol its type's kind.
func TestKinds(t *testing.T) {
	for name, k := range kindOfType {
		if !slices.Contains(symNames, name) {
			t.Errorf("node type %q (kind %d) is not in the grammar", name, k)
		}
	}
	for sym, name := range symNames {
		w := &walker{nodes: []fnode{{sym: uint16(sym)}}}
		if got, want := w.kind(0), kindOfType[name]; got != want {
			t.Errorf("symbol %d (%q): kind %d, want %d", sym, name, got, want)
		}
	}
	w := &walker{nodes: []fnode{{sym: symError}}}
	if got := w.kind(0); got != kOther {
		t.Errorf("ERROR: kind %d, want kOther", got)
	}
}
