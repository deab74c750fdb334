package policy_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/snatlint/snatlint/analyzers/catalog"
	"github.com/snatlint/snatlint/analyzers/config"
	"github.com/snatlint/snatlint/analyzers/policy"
)

func TestMoreSevere(t *testing.T) {
	e1 := policy.Severity{Rule: "SNAT001", Level: catalog.LevelError}
	w2 := policy.Severity{Rule: "SNAT002", Level: catalog.LevelWarning}
	e2 := policy.Severity{Rule: "SNAT002", Level: catalog.LevelError}
	tests := []struct {
		x, y policy.Severity
		want bool
	}{
		{e2, w2, true},                // error beats warning
		{w2, e2, false},               //
		{e1, e2, true},                // ties: lower rule ID
		{e2, e1, false},               //
		{w2, policy.Severity{}, true}, // anything beats nothing
		{policy.Severity{}, w2, false},
	}
	for _, tt := range tests {
		if got := policy.MoreSevere(tt.x, tt.y); got != tt.want {
			t.Errorf("MoreSevere(%v, %v) = %v, want %v", tt.x, tt.y, got, tt.want)
		}
	}
}

func TestOnePerLine(t *testing.T) {
	at := func(file string, line, col int, rule string, level catalog.Level) policy.Placed {
		return policy.Placed{File: file, Line: line, Column: col, Severity: policy.Severity{Rule: rule, Level: level}}
	}
	const e, w = catalog.LevelError, catalog.LevelWarning
	tests := []struct {
		name string
		in   []policy.Placed
		want []bool
	}{
		{"SNAT008 alone", []policy.Placed{at("a.go", 3, 2, catalog.SNAT008, w)}, []bool{true}},
		{"more severe rule on the line wins",
			[]policy.Placed{at("a.py", 5, 10, catalog.SNAT008, w), at("a.py", 5, 5, catalog.SNAT005, e)},
			[]bool{false, true}},
		{"SNAT008 configured error beats a warning",
			[]policy.Placed{at("a.go", 5, 10, catalog.SNAT008, e), at("a.go", 5, 5, catalog.SNAT002, w)},
			[]bool{true, false}},
		{"different lines: both",
			[]policy.Placed{at("a.go", 5, 7, catalog.SNAT001, e), at("a.go", 6, 3, catalog.SNAT008, w)},
			[]bool{true, true}},
		{"same line, other file: both",
			[]policy.Placed{at("a.go", 5, 7, catalog.SNAT001, e), at("b.go", 5, 3, catalog.SNAT008, w)},
			[]bool{true, true}},
		{"two settings on a line: the first column",
			[]policy.Placed{at("a.go", 9, 30, catalog.SNAT008, w), at("a.go", 9, 12, catalog.SNAT008, w)},
			[]bool{false, true}},
		{"lines without a one-per-line rule keep everything",
			[]policy.Placed{at("a.go", 4, 7, catalog.SNAT002, e), at("a.go", 4, 30, catalog.SNAT001, e)},
			[]bool{true, true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := policy.OnePerLine(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("OnePerLine(%v) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestRetains(t *testing.T) {
	tests := []struct {
		store      policy.Store
		perRequest bool
		want       bool
	}{
		{policy.Discarded, false, false},
		{policy.Global, false, true},
		{policy.Global, true, true},
		{policy.Field, false, true},  // a long-lived object's field: a cache
		{policy.Field, true, false},  // a Django view's self, a handler type's receiver
		{policy.Outer, false, true},  // a map made before the loop
		{policy.Outer, true, false},  // a map made in the handler
		{policy.Local, false, false}, // followed by the caller: not retained by itself
	}
	for _, tt := range tests {
		if got := policy.Retains(tt.store).Resolve(tt.perRequest); got != tt.want {
			t.Errorf("Retains(%d).Resolve(%v) = %v, want %v", tt.store, tt.perRequest, got, tt.want)
		}
	}
	if policy.Retains(policy.Local) != policy.Follow {
		t.Errorf("Retains(Local) = %d, want Follow", policy.Retains(policy.Local))
	}
}

func TestRuleList(t *testing.T) {
	tests := []struct {
		codes     string
		rules     []string
		all, ours bool
		err       string
	}{
		{"SNAT001,SNAT002", []string{"SNAT001", "SNAT002"}, false, true, ""},
		{"snat005", []string{"SNAT005"}, false, true, ""},
		{"E501 W291", nil, false, false, ""},
		{"round up", nil, false, false, ""},
		{"errcheck,snatlint", nil, true, true, ""},
		{"E501, SNAT005", []string{"SNAT005"}, false, true, ""},
		{"SNAT999", nil, false, true, `unknown rule "SNAT999"`},
		{"", nil, false, false, ""},
	}
	for _, tt := range tests {
		rules, all, ours, err := policy.RuleList(policy.Codes(tt.codes))
		if !slices.Equal(rules, tt.rules) || all != tt.all || ours != tt.ours || (err == nil) != (tt.err == "") || err != nil && !strings.Contains(err.Error(), tt.err) {
			t.Errorf("RuleList(%q) = %v, %v, %v, %v; want %v, %v, %v, %q", tt.codes, rules, all, ours, err, tt.rules, tt.all, tt.ours, tt.err)
		}
	}
}

func TestCheck(t *testing.T) {
	tests := []struct {
		d    policy.Directive
		want string
	}{
		{policy.Directive{Form: "//snatlint:ignore", Own: true, Rules: []string{"SNAT002"}, Reason: "why"}, ""},
		{policy.Directive{Form: "# snatlint: ignore", Own: true, Rules: []string{"SNAT002"}}, "needs a reason"},
		{policy.Directive{Form: "//snatlint:ignore", Own: true}, "needs a rule ID"},
		{policy.Directive{Form: "//nolint", Rules: []string{"SNAT002"}}, ""}, // other linters' syntax: reason optional
		{policy.Directive{Form: "# noqa", All: true}, ""},
	}
	for _, tt := range tests {
		err := tt.d.Check()
		if (err == nil) != (tt.want == "") || err != nil && !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%+v.Check() = %v, want %q", tt.d, err, tt.want)
		}
	}
}

func TestSet(t *testing.T) {
	var s policy.Set[string]
	s.Add(policy.Directive{Form: "# noqa", Rules: []string{"SNAT005"}}, "a:1", "a.py", 1)
	s.Add(policy.Directive{Form: "# noqa", Rules: []string{"SNAT002"}}, "a:2", "a.py", 2)
	s.Add(policy.Directive{Form: "# noqa", All: true}, "a:3", "a.py", 3)
	s.Add(policy.Directive{Form: "//snatlint:ignore", Rules: []string{"SNAT003"}}, "b:4", "b.go", 4, 5)
	if !s.Suppressed("a.py", 1, "SNAT005") || s.Suppressed("a.py", 1, "SNAT002") || !s.Suppressed("a.py", 3, "SNAT001") {
		t.Errorf("Suppressed: wrong answer")
	}
	if !s.Suppressed("b.go", 5, "SNAT003") || s.Suppressed("b.go", 6, "SNAT003") {
		t.Errorf("a directive covers only its lines")
	}
	var got []string
	for _, u := range s.Unused([]string{"SNAT001", "SNAT002", "SNAT005"}) {
		got = append(got, u.File+" "+u.At+": "+u.Message)
	}
	want := []string{"a.py a:2: this # noqa directive matched no SNAT002 finding; remove it"}
	if !slices.Equal(got, want) {
		t.Errorf("Unused = %q, want %q", got, want)
	}
}

func TestFiles(t *testing.T) {
	cfg := &config.File{Path: "/repo/.snatlint.yaml", Exclude: []string{"gen/**"}}
	tests := []struct {
		path  string
		tests bool
		skip  bool
	}{
		{"/repo/a/x.go", false, false},
		{"/repo/a/x_test.go", false, true},
		{"/repo/a/x_test.go", true, false},
		{"/repo/tests/views.py", false, true},
		{"/repo/app/test_views.py", false, true},
		{"/repo/app/views_test.py", false, true},
		{"/repo/conftest.py", false, true},
		{"/repo/app/conftest.py", true, false},
		{"/repo/app/testing.py", false, false},
		{"/repo/gen/x.go", true, true},
	}
	for _, tt := range tests {
		if got := policy.NewFiles(cfg, tt.tests).Skip(tt.path); got != tt.skip {
			t.Errorf("Skip(%s, tests %v) = %v, want %v", tt.path, tt.tests, got, tt.skip)
		}
	}
	if !policy.NewFiles(nil, false).SkipDir("/repo/tests") || policy.NewFiles(nil, true).SkipDir("/repo/tests") {
		t.Errorf("SkipDir(tests) is wrong")
	}
}

func TestLoopKind(t *testing.T) {
	unknown := policy.UnknownTrips
	tests := []struct {
		name  string
		shape policy.LoopShape
		want  policy.LoopKind
	}{
		{"unbounded for", policy.LoopShape{Trips: unknown}, policy.HotLoop},
		{"range over a slice", policy.LoopShape{Trips: unknown, OverCollection: true}, policy.HotLoop},
		{"range(3)", policy.LoopShape{Trips: 3}, policy.ConstLoop},
		{"i < 10", policy.LoopShape{Trips: 10}, policy.ConstLoop},
		{"i < 11", policy.LoopShape{Trips: 11}, policy.HotLoop},
		{"zero trips", policy.LoopShape{Trips: 0}, policy.ConstLoop},
		{"sleep 2s", policy.LoopShape{Trips: unknown, Pace: 2 * time.Second, Waits: true}, policy.PacedLoop},
		{"sleep 1s", policy.LoopShape{Trips: unknown, Pace: time.Second, Waits: true}, policy.HotLoop},
		{"variable sleep", policy.LoopShape{Trips: unknown, Waits: true}, policy.HotLoop},
		{"ends in break", policy.LoopShape{Trips: unknown, RunsOnce: true}, policy.RunsOnceLoop},
		{"retry over hosts", policy.LoopShape{Trips: unknown, OverCollection: true, SuccessExits: true}, policy.RetryLoop},
		{"retry 20 times", policy.LoopShape{Trips: 20, SuccessExits: true}, policy.RetryLoop},
		{"retry with backoff", policy.LoopShape{Trips: unknown, SuccessExits: true, Waits: true}, policy.RetryLoop},
		{"retry forever without a wait", policy.LoopShape{Trips: unknown, SuccessExits: true}, policy.HotLoop},
		{"success does not leave", policy.LoopShape{Trips: 20, Waits: true}, policy.HotLoop},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.shape.Kind()
			if got != tt.want {
				t.Errorf("%+v.Kind() = %v, want %v", tt.shape, got, tt.want)
			}
			if hot := tt.shape.Hot(); hot != (tt.want == policy.HotLoop) {
				t.Errorf("%+v.Hot() = %v, want %v", tt.shape, hot, tt.want == policy.HotLoop)
			}
		})
	}
}
