package e2e_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestActionRunStep runs the "Run snatlint" step of the composite GitHub
// Action (action.yml) the way the runner does (bash -eo pipefail on the
// script, inputs in the environment) on the demo project, and checks its
// outputs and the SARIF file it leaves for the upload step.
func TestActionRunStep(t *testing.T) {
	root := repoRoot()
	script := actionStep(t, filepath.Join(root, "action.yml"), "run")
	want := expectations(t, filepath.Join(root, "examples"), ".go", ".py")
	tests := []struct {
		name           string
		failOnFindings string
		wantCode       int
	}{
		{name: "fail on findings", failOnFindings: "true", wantCode: 1},
		{name: "report only", failOnFindings: "false", wantCode: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tmp := t.TempDir()
			scriptFile := filepath.Join(tmp, "step.sh")
			if err := os.WriteFile(scriptFile, []byte(script), 0o644); err != nil {
				t.Fatal(err)
			}
			output := filepath.Join(tmp, "github_output")
			sarif := filepath.Join(tmp, "snatlint.sarif")
			env := []string{
				"PATH=" + filepath.Dir(snatlint) + string(os.PathListSeparator) + os.Getenv("PATH"),
				"GITHUB_OUTPUT=" + output,
				"SARIF=" + sarif,
				"PATTERNS=./examples/...",
				"ARGS=",
				"FAIL_ON_FINDINGS=" + tt.failOnFindings,
			}
			res := run(t, root, env, "bash", "--noprofile", "--norc", "-eo", "pipefail", scriptFile)
			if res.code != tt.wantCode {
				t.Errorf("run step: exit status %d, want %d\nstderr:\n%s", res.code, tt.wantCode, res.stderr)
			}
			data, err := os.ReadFile(output)
			if err != nil {
				t.Fatalf("reading GITHUB_OUTPUT: %v", err)
			}
			if !strings.Contains(string(data), "exit-code=1\n") {
				t.Errorf("GITHUB_OUTPUT = %q, want exit-code=1", data)
			}
			if !strings.Contains(string(data), "sarif-file="+sarif+"\n") {
				t.Errorf("GITHUB_OUTPUT = %q, want sarif-file=%s", data, sarif)
			}
			var log struct {
				Version string `json:"version"`
				Runs    []struct {
					Results []json.RawMessage `json:"results"`
				} `json:"runs"`
			}
			raw, err := os.ReadFile(sarif)
			if err != nil {
				t.Fatalf("the run step wrote no SARIF file: %v", err)
			}
			if err := json.Unmarshal(raw, &log); err != nil {
				t.Fatalf("decoding the SARIF file: %v", err)
			}
			if log.Version != "2.1.0" || len(log.Runs) != 1 {
				t.Fatalf("SARIF version %q with %d runs, want 2.1.0 with 1 run", log.Version, len(log.Runs))
			}
			if got := len(log.Runs[0].Results); got != len(want) {
				t.Errorf("SARIF has %d results, want %d (the demo's expect markers)", got, len(want))
			}
		})
	}
}

// actionStep returns the run script of the step with the given id in a
// composite action file.
func actionStep(t *testing.T, file, id string) string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var action struct {
		Runs struct {
			Using string `yaml:"using"`
			Steps []struct {
				ID  string `yaml:"id"`
				Run string `yaml:"run"`
			} `yaml:"steps"`
		} `yaml:"runs"`
	}
	if err := yaml.Unmarshal(data, &action); err != nil {
		t.Fatalf("parsing %s: %v", file, err)
	}
	if action.Runs.Using != "composite" {
		t.Errorf("%s: runs.using = %q, want composite", file, action.Runs.Using)
	}
	for _, s := range action.Runs.Steps {
		if s.ID == id {
			return s.Run
		}
	}
	t.Fatalf("%s: no step with id %q", file, id)
	return ""
}
