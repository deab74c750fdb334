package pylint

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// flowChain is a Flask route that builds a session into s0 and passes it
// through the locals s1..sN, each assigned dup times from the one
// before (generated code does this); sN goes into a module-level
// global. Following every path of the flows is dup^N steps.
func flowChain(n, dup int) string {
	var b strings.Builder
	b.WriteString("import requests\nfrom flask import Flask\n\napp = Flask(__name__)\n_session = None\n\n\n@app.route(\"/\")\ndef index():\n    global _session\n")
	b.WriteString("    s0 = requests.Session()\n") // line 11
	for i := 1; i <= n; i++ {
		for range dup {
			fmt.Fprintf(&b, "    s%d = s%d\n", i, i-1)
		}
	}
	fmt.Fprintf(&b, "    _session = s%d\n    return 'ok'\n", n)
	return b.String()
}

// TestFlowsFollowedOnce: where a value goes is searched once per place,
// not once per path (a chain of 16 locals each assigned 8 times took
// hours), and still exactly maxFlowDepth assignments deep: a session
// reaching the global within that many steps is retained (silent), one
// step further it is not followed (reported).
func TestFlowsFollowedOnce(t *testing.T) {
	tests := []struct {
		name      string
		n, dup    int
		wantFinds int
	}{
		{"short chain, retained", 3, 1, 0},
		// s0 -> s1 ... -> s15 -> _session: 16 steps
		{"deepest followed chain, retained", maxFlowDepth - 1, 8, 0},
		// one more local: the global is 17 steps away
		{"chain past the depth, not followed", maxFlowDepth, 8, 1},
	}
	dir := t.TempDir()
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(dir, fmt.Sprintf("chain%d.py", i))
			if err := os.WriteFile(p, []byte(flowChain(tt.n, tt.dup)), 0o644); err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			fs, errs := Check(context.Background(), []string{p}, Options{})
			if d := time.Since(start); d > 10*time.Second {
				t.Errorf("Check took %v: the flows are followed per path", d)
			}
			if len(errs) != 0 {
				t.Fatalf("errors: %v", errs)
			}
			if len(fs) != tt.wantFinds {
				t.Fatalf("%d findings, want %d: %v", len(fs), tt.wantFinds, fs)
			}
			for _, f := range fs {
				if f.Pos.Line != 11 {
					t.Errorf("finding at line %d, want 11: %s", f.Pos.Line, f.Message)
				}
			}
		})
	}
}
