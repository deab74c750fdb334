package pylint

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/snatlint/snatlint/analyzers/catalog"
	"github.com/snatlint/snatlint/analyzers/config"
)

// TestKeepAliveConfig: setting rows of the configuration reach phase 1
// (their fields are kept) and phase 2; a disabled rule does not compete
// for a line (policy.OnePerLine), and a configured level does.
func TestKeepAliveConfig(t *testing.T) {
	dir := t.TempDir()
	src := `import requests
import mycorp.http

POOL = mycorp.http.Pool(reuse=False)
OK = mycorp.http.Pool(reuse=True)


def view(request):
    requests.get("https://x", headers={"Connection": "close"})
`
	p := filepath.Join(dir, "app.py")
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	row := &catalog.Row{Lang: catalog.Python, Package: "mycorp.http", Name: "Pool", Rule: catalog.SNAT008,
		Field: "reuse", Value: "false", Scope: catalog.Anywhere, Variant: catalog.KeepAliveOff}
	tests := []struct {
		name string
		cfg  *config.File
		want []string // "line rule"
	}{
		{"default", nil, []string{"9 SNAT005"}},
		{"configured row", &config.File{Rows: []*catalog.Row{row}}, []string{"4 SNAT008", "9 SNAT005"}},
		{"SNAT005 disabled: SNAT008 has the line", &config.File{Rules: map[string]config.RuleSetting{catalog.SNAT005: {Disabled: true}}}, []string{"9 SNAT008"}},
		{"SNAT008 raised to error: the tie goes to the lower rule", &config.File{Rules: map[string]config.RuleSetting{catalog.SNAT008: {Level: catalog.LevelError}}}, []string{"9 SNAT005"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := lineRules(t, p, tt.cfg); !slices.Equal(got, tt.want) {
				t.Errorf("findings = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestOptionConfig: a configuration row's option (a keyword that hands
// the construction an existing pool) reaches phase 1 and shares the pool
// only for that row; without the row the keyword shares nothing.
func TestOptionConfig(t *testing.T) {
	dir := t.TempDir()
	src := `import mycorp.db
import redis

SHARED = mycorp.db.Pool()


def view(request):
    a = mycorp.db.connect("db", pool=SHARED)
    b = mycorp.db.connect("db", pool=mycorp.db.Pool())
    c = mycorp.db.connect("db")
    d = redis.Redis(host="cache", pool=SHARED)
    return [a, b, c, d]
`
	p := filepath.Join(dir, "app.py")
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	connect := &catalog.Row{Lang: catalog.Python, Package: "mycorp.db", Name: "connect", Rule: "SNAT007",
		Variant: catalog.OwnPool, Option: "pool"}
	tests := []struct {
		name string
		cfg  *config.File
		want []string // "line rule"
	}{
		{"default", nil, []string{"11 SNAT007"}},
		{"configured row", &config.File{Rows: []*catalog.Row{connect}}, []string{"9 SNAT007", "10 SNAT007", "11 SNAT007"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := lineRules(t, p, tt.cfg); !slices.Equal(got, tt.want) {
				t.Errorf("findings = %v, want %v", got, tt.want)
			}
		})
	}
}

// lineRules checks the file p with cfg, fails on any file error, and
// returns its findings as "line rule".
func lineRules(t *testing.T, p string, cfg *config.File) []string {
	t.Helper()
	findings, errs := Check(context.Background(), []string{p}, Options{Config: cfg})
	if len(errs) != 0 {
		t.Fatalf("errors: %v", errs)
	}
	var got []string
	for _, f := range findings {
		got = append(got, strconv.Itoa(f.Pos.Line)+" "+f.RuleID)
	}
	return got
}
