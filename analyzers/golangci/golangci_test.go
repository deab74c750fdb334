package golangci

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"github.com/snatlint/snatlint/analyzers/catalog"
)

func TestRegistered(t *testing.T) {
	newPlugin, err := register.GetPlugin(Name)
	if err != nil {
		t.Fatalf("GetPlugin(%q) = %v, want the registered plugin", Name, err)
	}
	p, err := newPlugin(nil)
	if err != nil {
		t.Fatalf("new plugin with no settings: %v", err)
	}
	if got := p.GetLoadMode(); got != register.LoadModeTypesInfo {
		t.Errorf("GetLoadMode() = %q, want %q", got, register.LoadModeTypesInfo)
	}
	if _, err := p.BuildAnalyzers(); err != nil {
		t.Errorf("BuildAnalyzers() error = %v", err)
	}
}

func TestDecode(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, ".snatlint.yaml")
	if err := os.WriteFile(file, []byte("tests: true\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		settings any
		wantErr  string // substring; empty for success
		tests    bool
		level    catalog.Level // of SNAT002
		disabled bool          // SNAT005
	}{
		{name: "nil", settings: nil},
		{name: "empty", settings: map[string]any{}},
		{name: "tests", settings: map[string]any{"tests": true}, tests: true},
		{
			name: "rules",
			settings: map[string]any{"rules": map[string]any{
				"SNAT002": map[string]any{"level": "note"},
				"SNAT005": map[string]any{"enabled": false},
			}},
			level: catalog.LevelNote, disabled: true,
		},
		{name: "config file", settings: map[string]any{"config": file}, tests: true},
		{name: "unknown key", settings: map[string]any{"test": true}, wantErr: "test"},
		{name: "unknown rule", settings: map[string]any{"rules": map[string]any{"SNAT999": map[string]any{}}}, wantErr: "SNAT999"},
		{name: "bad level", settings: map[string]any{"rules": map[string]any{"SNAT001": map[string]any{"level": "loud"}}}, wantErr: "loud"},
		{name: "config mixed", settings: map[string]any{"config": file, "tests": true}, wantErr: "only key"},
		{name: "missing config file", settings: map[string]any{"config": filepath.Join(dir, "nope.yaml")}, wantErr: "nope.yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := decode(tt.settings)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("decode(%v) error = %v, want one mentioning %q", tt.settings, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("decode(%v) error = %v", tt.settings, err)
			}
			if cfg == nil {
				if tt.tests || tt.level != "" || tt.disabled {
					t.Fatalf("decode(%v) = nil config, want settings", tt.settings)
				}
				return
			}
			if cfg.Tests != tt.tests {
				t.Errorf("decode(%v).Tests = %v, want %v", tt.settings, cfg.Tests, tt.tests)
			}
			if got := cfg.Rules["SNAT002"].Level; got != tt.level {
				t.Errorf("decode(%v) SNAT002 level = %q, want %q", tt.settings, got, tt.level)
			}
			if got := cfg.Rules["SNAT005"].Disabled; got != tt.disabled {
				t.Errorf("decode(%v) SNAT005 disabled = %v, want %v", tt.settings, got, tt.disabled)
			}
		})
	}
}
