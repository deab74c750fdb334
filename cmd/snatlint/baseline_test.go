package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const pyTwoFindings = "import requests\n\n\ndef a(request):\n    return requests.get('http://x')\n\n\ndef b(request):\n    return requests.Session()\n"

// TestBaselineAdoption walks through adoption: write a baseline, commit
// it, and fail only on new findings, whatever moved around them.
func TestBaselineAdoption(t *testing.T) {
	dir := writeTree(t, map[string]string{"app/views.py": pyTwoFindings})
	bl := filepath.Join(dir, ".snatlint-baseline.json")

	w := runIn(t, dir, "-write-baseline", bl, ".")
	if w.code != 0 || w.stdout != "" || !strings.Contains(w.stderr, "wrote 2 findings to baseline") {
		t.Fatalf("-write-baseline: exit %d, stdout %q, stderr %q; want 0, nothing, a note", w.code, w.stdout, w.stderr)
	}
	if got := runIn(t, dir, "-baseline", bl, "."); got.code != 0 || got.stdout != "" || !strings.Contains(got.stderr, "0 new findings, 2 in the baseline") {
		t.Errorf("unchanged code: exit %d, stdout %q, stderr %q; want 0, nothing, the summary", got.code, got.stdout, got.stderr)
	}

	// Unrelated lines above: line numbers move, nothing is new.
	views := filepath.Join(dir, "app", "views.py")
	moved := "import os\nimport sys\n" + pyTwoFindings
	if err := os.WriteFile(views, []byte(moved), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := runIn(t, dir, "-baseline", bl, "."); got.code != 0 || got.stdout != "" {
		t.Errorf("after unrelated edits: exit %d, stdout %q; want 0 and nothing", got.code, got.stdout)
	}

	// A new finding fails the run and is the only one shown, in every
	// format; a fixed one is counted.
	edited := strings.Replace(moved, "return requests.Session()", "return 1", 1) + "\n\ndef c(request):\n    return requests.post('http://y')\n"
	if err := os.WriteFile(views, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	text := runIn(t, dir, "-baseline", bl, ".")
	if text.code != 1 || strings.Count(text.stdout, "[SNAT") != 1 || !strings.Contains(text.stdout, "requests.post") ||
		!strings.Contains(text.stderr, "1 new finding, 1 in the baseline, 1 fixed") {
		t.Errorf("new finding, text: exit %d\nstdout %s\nstderr %s", text.code, text.stdout, text.stderr)
	}
	js := runIn(t, dir, "-baseline", bl, "-format", "json", ".")
	var out struct {
		Findings []struct {
			Message string `json:"message"`
			State   string `json:"baseline_state"`
		} `json:"findings"`
		Baseline struct{ New, Unchanged, Fixed int } `json:"baseline"`
	}
	if err := json.Unmarshal([]byte(js.stdout), &out); err != nil || js.code != 1 || len(out.Findings) != 1 || out.Findings[0].State != "" ||
		out.Baseline.New != 1 || out.Baseline.Unchanged != 1 || out.Baseline.Fixed != 1 {
		t.Errorf("new finding, json: exit %d, %v: %s", js.code, err, js.stdout)
	}
	sarif := runIn(t, dir, "-baseline", bl, "-baseline-unchanged", "-format", "sarif", ".")
	if sarif.code != 1 || strings.Count(sarif.stdout, `"baselineState": "new"`) != 1 || strings.Count(sarif.stdout, `"baselineState": "unchanged"`) != 1 {
		t.Errorf("new finding, sarif with -baseline-unchanged: exit %d: %s", sarif.code, sarif.stdout)
	}
	if plain := runIn(t, dir, "-baseline", bl, "-format", "sarif", "."); strings.Contains(plain.stdout, "baselineState") {
		t.Errorf("sarif without -baseline-unchanged carries baselineState: %s", plain.stdout)
	}
}

func TestBaselineErrors(t *testing.T) {
	dir := writeTree(t, map[string]string{"views.py": pyTwoFindings, "bad.json": `{"version": "2.1.0", "runs": []}`})
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"missing file", []string{"-baseline", "nope.json", "."}, "create it with -write-baseline nope.json"},
		{"not a baseline", []string{"-baseline", "bad.json", "."}, "not a snatlint baseline"},
		{"both flags", []string{"-baseline", "a.json", "-write-baseline", "b.json", "."}, "do not go together"},
		{"unchanged alone", []string{"-baseline-unchanged", "."}, "needs -baseline"},
		{"unwritable", []string{"-write-baseline", filepath.Join("nodir", "b.json"), "."}, "writing baseline"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := runIn(t, dir, tt.args...)
			if got.code != 2 || !strings.Contains(got.stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", got.code, got.stderr, tt.want)
			}
		})
	}
}
