package e2e_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestAzurePipelinesRunStep runs the "Run snatlint" script of the Azure
// Pipelines example (docs/ci/azure-pipelines.yml) on the demo project, with
// the pipeline's macros replaced as the agent would, and checks that it
// fails on the findings and leaves the SARIF file for the publish step.
func TestAzurePipelinesRunStep(t *testing.T) {
	root := repoRoot()
	data, err := os.ReadFile(filepath.Join(root, "docs", "ci", "azure-pipelines.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var pipeline struct {
		Steps []struct {
			Script      string `yaml:"script"`
			DisplayName string `yaml:"displayName"`
		} `yaml:"steps"`
	}
	if err := yaml.Unmarshal(data, &pipeline); err != nil {
		t.Fatalf("parsing azure-pipelines.yml: %v", err)
	}
	var script string
	for _, s := range pipeline.Steps {
		if s.DisplayName == "Run snatlint" {
			script = s.Script
		}
	}
	if script == "" {
		t.Fatal(`azure-pipelines.yml: no step with displayName "Run snatlint"`)
	}
	tmp := t.TempDir()
	staging := filepath.Join(tmp, "staging")
	script = strings.ReplaceAll(script, "$(Build.ArtifactStagingDirectory)", staging)
	scriptFile := filepath.Join(tmp, "step.sh")
	if err := os.WriteFile(scriptFile, []byte(script), 0o644); err != nil {
		t.Fatal(err)
	}
	// The script runs "$(go env GOPATH)/bin/snatlint", where go install put
	// it: make that the binary under test, keeping the module cache.
	gopath := filepath.Join(tmp, "gopath")
	if err := os.MkdirAll(filepath.Join(gopath, "bin"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(snatlint, filepath.Join(gopath, "bin", "snatlint")); err != nil {
		t.Fatal(err)
	}
	gomodcache := strings.TrimSpace(run(t, root, nil, "go", "env", "GOMODCACHE").stdout)
	env := []string{"GOPATH=" + gopath, "GOMODCACHE=" + gomodcache}

	res := run(t, filepath.Join(root, "examples"), env, "bash", "--noprofile", "--norc", "-e", scriptFile)
	if res.code != 1 {
		t.Errorf("Run snatlint step: exit status %d, want 1 (findings)\nstderr:\n%s", res.code, res.stderr)
	}
	raw, err := os.ReadFile(filepath.Join(staging, "CodeAnalysisLogs", "snatlint.sarif"))
	if err != nil {
		t.Fatalf("no SARIF file for the CodeAnalysisLogs artifact: %v", err)
	}
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Results []json.RawMessage `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(raw, &log); err != nil {
		t.Fatalf("decoding the SARIF file: %v", err)
	}
	want := expectations(t, filepath.Join(root, "examples"), ".go", ".py")
	if len(log.Runs) != 1 {
		t.Fatalf("SARIF has %d runs, want 1", len(log.Runs))
	}
	if got := len(log.Runs[0].Results); got != len(want) {
		t.Errorf("SARIF has %d results, want %d (the demo's expect markers)", got, len(want))
	}
	if !strings.Contains(res.stdout, "[SNAT001]") {
		t.Errorf("the step's log lacks the text findings:\n%s", res.stdout)
	}
}
