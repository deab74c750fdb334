package report

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
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
	// FileHashes holds the hash (ContentHash) of the content each changed
	// file was fixed from: the caller writes a file only if it still has
	// that content.
	FileHashes map[string]string
}

// FixEnv is what ApplyFixes may read and where it may write.
type FixEnv struct {
	// ReadFile reads a file to fix (nil: os.ReadFile).
	ReadFile func(string) ([]byte, error)
	// Writable says why file must not be edited (outside the scanned
	// module, in the module cache...), or "" when it may be. Nil allows
	// every file.
	Writable func(file string) string
}

// ContentHash is the hash Edit.SHA256 holds: hex SHA-256.
func ContentHash(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// ApplyFixes computes the result of applying the first fix of each
// finding (as go vet -fix does). Edits are byte offsets; all edits of one
// fix are applied or none is. A fix is skipped, with a message, when one
// of its files may not be edited (env.Writable; a generated file), when a
// file's content is not the content analysed (Edit.SHA256: edited since,
// or unknown), when its edits overlap an edit already accepted from
// another fix, or when the fixed Go file would not parse; an identical
// edit offered twice (the same fix reported by two findings) is applied
// once. Only the edited bytes change (no reformatting; inserted newlines
// follow the file's CRLF line endings). Nothing is written: the caller
// writes Files, after checking that each file still hashes to
// FileHashes[file].
func ApplyFixes(findings []Finding, env FixEnv) FixResult {
	readFile := env.ReadFile
	if readFile == nil {
		readFile = os.ReadFile
	}
	res := FixResult{Files: map[string][]byte{}, FileHashes: map[string]string{}}
	type edit struct {
		Edit
		fix int
	}
	accepted := map[string][]edit{}
	src := map[string][]byte{}
	refused := map[string]string{} // file -> why it may not be edited

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
					why, seen := refused[e.File]
					if !seen {
						if env.Writable != nil {
							why = env.Writable(e.File)
						}
						if why == "" {
							var err error
							b, err = readFile(e.File)
							switch {
							case err != nil:
								why = fmt.Sprintf("reading %s: %v", e.File, err)
							case isGenerated(e.File, b):
								why = fmt.Sprintf("%s is a generated file (DO NOT EDIT)", e.File)
							}
						}
						refused[e.File] = why
					}
					if why != "" {
						return why
					}
					src[e.File] = b
					res.FileHashes[e.File] = ContentHash(b)
				}
				switch {
				case e.SHA256 == "":
					return fmt.Sprintf("the content of %s that was analysed is unknown", e.File)
				case e.SHA256 != res.FileHashes[e.File]:
					return fmt.Sprintf("%s changed since it was analysed; run snatlint again", e.File)
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
		crlf := bytes.Contains(b, []byte("\r\n"))
		var out bytes.Buffer
		last := 0
		for _, e := range edits {
			out.Write(b[last:e.Start])
			text := e.NewText
			if crlf {
				text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\n", "\r\n")
			}
			out.WriteString(text)
			last = e.End
		}
		out.Write(b[last:])
		fixed := out.Bytes()
		if strings.HasSuffix(file, ".go") {
			if _, err := parser.ParseFile(token.NewFileSet(), file, fixed, parser.SkipObjectResolution); err != nil {
				res.Skipped = append(res.Skipped, fmt.Sprintf("%s: fixed file does not parse, left unchanged: %v", file, err))
				for _, e := range edits {
					unfixed[e.fix] = true
				}
				continue
			}
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

// isGenerated reports whether a file says it is generated: a Go file by
// the "// Code generated ... DO NOT EDIT." convention (cgo output
// included), any other by "DO NOT EDIT" in its leading comment lines
// (protoc's Python output).
func isGenerated(file string, src []byte) bool {
	if strings.HasSuffix(file, ".go") {
		f, err := parser.ParseFile(token.NewFileSet(), file, src, parser.PackageClauseOnly|parser.ParseComments)
		return err == nil && ast.IsGenerated(f)
	}
	for _, line := range strings.SplitN(string(src[:min(len(src), 4096)]), "\n", 20) {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "#") && !strings.HasPrefix(line, "//") {
			break
		}
		if strings.Contains(line, "DO NOT EDIT") {
			return true
		}
	}
	return false
}
