package report

import (
	"bytes"
	"cmp"
	"fmt"
	"go/format"
	"slices"
	"strings"
)

// FixResult is what ApplyFixes did.
type FixResult struct {
	// Files maps each changed file to its new contents.
	Files map[string][]byte
	// Applied counts the fixes applied.
	Applied int
	// Fixed holds the indices (into the findings given) of the findings
	// whose fix was applied.
	Fixed []int
	// Skipped explains each fix that was not applied (overlapping edits,
	// edits out of range, a file that cannot be read).
	Skipped []string
}

// ApplyFixes computes the result of applying the first fix of each
// finding (as go vet -fix does). Edits are byte offsets; all edits of one
// fix are applied or none is. A fix whose edits overlap an edit already
// accepted from another fix is skipped with a message; an identical edit
// offered twice (the same fix reported by two findings) is applied once.
// Changed Go files are gofmt-formatted. Nothing is written: the caller
// writes Files.
func ApplyFixes(findings []Finding, readFile func(string) ([]byte, error)) FixResult {
	res := FixResult{Files: map[string][]byte{}}
	type edit struct {
		Edit
		fix int
	}
	accepted := map[string][]edit{}
	src := map[string][]byte{}

	for fi, f := range findings {
		if len(f.Fixes) == 0 {
			continue
		}
		fx := f.Fixes[0]
		if len(fx.Edits) == 0 {
			continue
		}
		if reason := func() string {
			// Validate the fix as a whole before accepting any edit.
			var add []edit
			for _, e := range fx.Edits {
				b, ok := src[e.File]
				if !ok {
					var err error
					b, err = readFile(e.File)
					if err != nil {
						return fmt.Sprintf("reading %s: %v", e.File, err)
					}
					src[e.File] = b
				}
				if e.Start < 0 || e.End < e.Start || e.End > len(b) {
					return fmt.Sprintf("edit [%d,%d) is outside %s (%d bytes)", e.Start, e.End, e.File, len(b))
				}
				dup := false
				for _, a := range append(accepted[e.File], add...) {
					if a.Edit == e {
						dup = true
						break
					}
					if overlaps(a.Edit, e) {
						return fmt.Sprintf("its edits conflict with another fix in %s", e.File)
					}
				}
				if !dup {
					add = append(add, edit{e, fi})
				}
			}
			for _, a := range add {
				accepted[a.File] = append(accepted[a.File], a)
			}
			return ""
		}(); reason != "" {
			res.Skipped = append(res.Skipped, fmt.Sprintf("%s:%d:%d: fix %q not applied: %s", f.Pos.File, f.Pos.Line, f.Pos.Column, fx.Message, reason))
			continue
		}
		res.Applied++
		res.Fixed = append(res.Fixed, fi)
	}

	unfixed := map[int]bool{}
	for file, edits := range accepted {
		slices.SortFunc(edits, func(a, b edit) int {
			return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
		})
		b := src[file]
		var out bytes.Buffer
		last := 0
		for _, e := range edits {
			out.Write(b[last:e.Start])
			out.WriteString(e.NewText)
			last = e.End
		}
		out.Write(b[last:])
		fixed := out.Bytes()
		if strings.HasSuffix(file, ".go") {
			formatted, err := format.Source(fixed)
			if err != nil {
				res.Skipped = append(res.Skipped, fmt.Sprintf("%s: fixed file does not parse, left unchanged: %v", file, err))
				for _, e := range edits {
					unfixed[e.fix] = true
				}
				continue
			}
			fixed = formatted
		}
		if !bytes.Equal(fixed, b) {
			res.Files[file] = fixed
		}
	}
	res.Fixed = slices.DeleteFunc(res.Fixed, func(i int) bool { return unfixed[i] })
	res.Applied = len(res.Fixed)
	slices.Sort(res.Skipped)
	return res
}

// overlaps reports whether two edits touch the same bytes. Two
// insertions at the same offset conflict too (their order is unknown).
func overlaps(a, b Edit) bool {
	if a.Start == a.End && b.Start == b.End {
		return a.Start == b.Start
	}
	return a.Start < b.End && b.Start < a.End ||
		(a.Start == a.End && b.Start < a.Start && a.Start < b.End) ||
		(b.Start == b.End && a.Start < b.Start && b.Start < a.End)
}
