package diag_test

import (
	"reflect"
	"testing"

	"github.com/snatlint/snatlint/analyzers/catalog"
	"github.com/snatlint/snatlint/analyzers/internal/diag"
	"github.com/snatlint/snatlint/analyzers/policy"
	"golang.org/x/tools/go/analysis"
)

func TestParseDirective(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		want    policy.Directive
		wantOK  bool
		wantErr bool
	}{
		{"nolint snatlint", "//nolint:snatlint", policy.Directive{Form: "//nolint", All: true}, true, false},
		{"nolint with reason", "//nolint:snatlint // cached by caller", policy.Directive{Form: "//nolint", All: true, Reason: "cached by caller"}, true, false},
		{"nolint list", "//nolint:errcheck,snatlint", policy.Directive{Form: "//nolint", All: true}, true, false},
		{"bare nolint", "//nolint", policy.Directive{Form: "//nolint", All: true}, true, false},
		{"nolint rule id", "//nolint:SNAT002", policy.Directive{Form: "//nolint", Rules: []string{"SNAT002"}}, true, false},
		{"other linter", "//nolint:errcheck", policy.Directive{}, false, false},
		{"not nolint", "//nolintfoo", policy.Directive{}, false, false},
		{"ignore", "//snatlint:ignore SNAT002 admin endpoint", policy.Directive{Form: "//snatlint:ignore", Own: true, Rules: []string{"SNAT002"}, Reason: "admin endpoint"}, true, false},
		{"ignore two", "//snatlint:ignore SNAT001,SNAT002 why", policy.Directive{Form: "//snatlint:ignore", Own: true, Rules: []string{"SNAT001", "SNAT002"}, Reason: "why"}, true, false},
		{"ignore no id", "//snatlint:ignore", policy.Directive{}, true, true},
		{"ignore no reason", "//snatlint:ignore SNAT002", policy.Directive{}, true, true},
		{"ignore reason is a comment", "//snatlint:ignore SNAT002 // x", policy.Directive{}, true, true},
		{"ignore unknown id", "//snatlint:ignore SNAT999 why", policy.Directive{}, true, true},
		{"unknown verb", "//snatlint:skip SNAT002 why", policy.Directive{}, true, true},
		{"nolint lowercase rule id", "//nolint:snat002", policy.Directive{Form: "//nolint", Rules: []string{"SNAT002"}}, true, false},
		{"nolint unknown rule id", "//nolint:SNAT999", policy.Directive{}, true, true},
		{"plain comment", "// just a comment", policy.Directive{}, false, false},
		{"block comment", "/* nolint */", policy.Directive{}, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok, err := diag.ParseDirective(tt.text)
			if ok != tt.wantOK || (err != nil) != tt.wantErr {
				t.Fatalf("ParseDirective(%q) = ok %v, err %v; want ok %v, err %v", tt.text, ok, err, tt.wantOK, tt.wantErr)
			}
			if err == nil && !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ParseDirective(%q) = %+v, want %+v", tt.text, got, tt.want)
			}
		})
	}
}

func FuzzParseDirective(f *testing.F) {
	for _, s := range []string{"//nolint:snatlint", "//snatlint:ignore SNAT002 why", "//snatlint:ignore", "//nolint:a,b // c", "//snatlint:"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d, ok, err := diag.ParseDirective(text)
		if !ok && (err != nil || d.All || len(d.Rules) > 0) {
			t.Errorf("ParseDirective(%q) = %+v, %v, %v: not a directive but has content", text, d, ok, err)
		}
		for _, r := range d.Rules {
			if _, known := catalog.Lookup(r); !known {
				t.Errorf("ParseDirective(%q) accepted unknown rule %q", text, r)
			}
		}
	})
}

func TestLevelOf(t *testing.T) {
	tests := []struct {
		name string
		d    analysis.Diagnostic
		want catalog.Level
	}{
		{"fragment error", analysis.Diagnostic{Category: "SNAT002", URL: diag.URL("SNAT002", catalog.LevelError)}, catalog.LevelError},
		{"fragment warning", analysis.Diagnostic{Category: "SNAT002", URL: diag.URL("SNAT002", catalog.LevelWarning)}, catalog.LevelWarning},
		{"default level", analysis.Diagnostic{Category: "SNAT004"}, catalog.LevelError},
		{"empty level in URL", analysis.Diagnostic{Category: "SNAT003", URL: diag.URL("SNAT003", "")}, catalog.LevelWarning},
		{"directive", analysis.Diagnostic{Category: diag.CategoryDirective}, ""},
		{"bad fragment", analysis.Diagnostic{Category: "SNAT001", URL: "x#level-loud"}, catalog.LevelError},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := diag.LevelOf(tt.d); got != tt.want {
				t.Errorf("LevelOf(%+v) = %q, want %q", tt.d, got, tt.want)
			}
		})
	}
}

func TestURL(t *testing.T) {
	tests := []struct {
		rule  string
		level catalog.Level
		want  string
	}{
		{"SNAT001", catalog.LevelError, catalog.HelpBase + "SNAT001.md#level-error"},
		{"SNAT002", "", catalog.HelpBase + "SNAT002.md#level-warning"},
		{"SNAT999", catalog.LevelError, ""},
	}
	for _, tt := range tests {
		if got := diag.URL(tt.rule, tt.level); got != tt.want {
			t.Errorf("URL(%q, %q) = %q, want %q", tt.rule, tt.level, got, tt.want)
		}
	}
}
