package policy_test

import (
	"testing"

	"github.com/snatlint/snatlint/analyzers/policy"
)

func TestWordPolarity(t *testing.T) {
	tests := []struct {
		in   string
		want policy.Polarity
	}{
		{"is_ready", policy.Success},
		{"IsReady", policy.Success},
		{"resp.Succeeded", policy.Success},
		{`"Succeeded"`, policy.Success},
		{"running", policy.Failure},
		{"InProgress", policy.Failure},
		{"in_progress", policy.Failure},
		{"isRetryable", policy.UnknownPolarity},
		{"shouldRetry", policy.Failure},
		{"hasMore", policy.UnknownPolarity},
		{"HasPrefix", policy.UnknownPolarity},
		{"doneWithError", policy.Failure}, // a failure word wins
		{"", policy.UnknownPolarity},
	}
	for _, tt := range tests {
		if got := policy.WordPolarity(tt.in); got != tt.want {
			t.Errorf("WordPolarity(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
