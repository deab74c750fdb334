package thin

import (
	"go/token"
	"testing"
)

func TestSitePos(t *testing.T) {
	fset := token.NewFileSet()
	src := "package p\n\nfunc f() { _ = 1 }\n"
	f := fset.AddFile("/src/p/p.go", -1, len(src))
	f.SetLinesForContent([]byte(src))
	tests := []struct {
		site     string
		wantLine int
		wantCol  int // 0: no position
	}{
		{"/src/p/p.go:3:12", 3, 12},
		{"/src/p/p.go:1:1", 1, 1},
		{"/src/p/p.go:3:99", 3, 1}, // column past the line: line start
		{"/src/p/p.go:9:1", 0, 0},  // no such line
		{"/src/q/q.go:1:1", 0, 0},  // file not in the set
		{"p.go:1", 0, 0},
		{"garbage", 0, 0},
		{"/src/p/p.go:x:1", 0, 0},
	}
	for _, tt := range tests {
		pos := sitePos(fset, tt.site)
		if tt.wantCol == 0 {
			if pos.IsValid() {
				t.Errorf("sitePos(%q) = %v, want NoPos", tt.site, fset.Position(pos))
			}
			continue
		}
		got := fset.Position(pos)
		if got.Line != tt.wantLine || got.Column != tt.wantCol {
			t.Errorf("sitePos(%q) = %d:%d, want %d:%d", tt.site, got.Line, got.Column, tt.wantLine, tt.wantCol)
		}
	}
}
