package docutil_test

import (
	"testing"

	"github.com/snatlint/snatlint/analyzers/internal/docutil"
)

func TestExtract(t *testing.T) {
	tests := []struct {
		name    string
		src     string
		want    string
		wantErr bool
	}{
		{
			name: "section",
			src:  "// Package x does x.\n//\n// # Analyzer x\n//\n// x: find things\n//\n// More text.\npackage x\n",
			want: "x: find things\n\nMore text.",
		},
		{
			name: "stops at next heading",
			src:  "// # Analyzer x\n//\n// x: a\n//\n// # Analyzer y\n//\n// y: b\npackage x\n",
			want: "x: a",
		},
		{name: "no section", src: "// Package x.\npackage x\n", wantErr: true},
		{name: "no comment", src: "package x\n", wantErr: true},
		{name: "bad summary", src: "// # Analyzer x\n//\n// find things\npackage x\n", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := docutil.Extract([]byte(tt.src), "x")
			if (err != nil) != tt.wantErr {
				t.Fatalf("Extract() error = %v, wantErr %v", err, tt.wantErr)
			}
			if got != tt.want {
				t.Errorf("Extract() = %q, want %q", got, tt.want)
			}
		})
	}
}
