package report

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/snatlint/snatlint/analyzers/catalog"
	"github.com/snatlint/snatlint/analyzers/config"
)

// Report is everything one run prints: the findings of both passes and
// what could not be checked.
type Report struct {
	Findings []Finding
	Problems []Problem

	// Cwd is the directory text and JSON paths are relative to.
	Cwd string
	// Root is the scanned root: SARIF artifact URIs are relative to it
	// (uriBaseId %SRCROOT%).
	Root string
	// Version is the tool version written to SARIF.
	Version string
	// ModCache and GoRoot are the Go module cache and GOROOT: a location
	// there (a related location in a dependency) is printed as
	// module@version/path or $GOROOT/path, never as this machine's path.
	ModCache, GoRoot string
	// Baseline is the comparison with a baseline, when the run used one.
	Baseline *BaselineSummary
	// States holds, parallel to Findings, each finding's baseline state
	// (StateNew, StateUnchanged) when -baseline-unchanged shows both;
	// nil otherwise.
	States []string
	// ReadFile reads source files (for SARIF column conversion and line
	// hashes); nil means os.ReadFile.
	ReadFile func(string) ([]byte, error)
}

// Fatal reports whether some problem means a file or package could not
// be checked (exit status 2).
func (r *Report) Fatal() bool {
	for _, p := range r.Problems {
		if p.Fatal {
			return true
		}
	}
	return false
}

// ApplyConfig drops findings of disabled rules and in excluded files, and
// applies level overrides.
func ApplyConfig(fs []Finding, cfg *config.File) []Finding {
	out := fs[:0]
	for _, f := range fs {
		if !config.RuleEnabled(cfg, f.RuleID) || config.Excluded(cfg, f.Pos.File) {
			continue
		}
		def := f.Level
		if def == "" {
			if r, ok := catalog.Lookup(f.RuleID); ok {
				def = r.Level
			}
		}
		f.Level = config.RuleLevel(cfg, f.RuleID, def)
		out = append(out, f)
	}
	return out
}

// relTo returns file relative to base (slash-separated) when it lies
// below base, and file itself (cleaned, slash-separated) otherwise.
func relTo(base, file string) (string, bool) {
	if file == "" {
		return "", false
	}
	if base != "" && filepath.IsAbs(file) {
		if rel, err := filepath.Rel(base, file); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return filepath.ToSlash(rel), true
		}
		return filepath.ToSlash(file), false
	}
	return filepath.ToSlash(filepath.Clean(file)), !filepath.IsAbs(file)
}

// placeKind says where a displayed path lies.
type placeKind int

const (
	inBase     placeKind = iota // relative to the base directory
	inModCache                  // module@version/path in the module cache
	inGoRoot                    // path relative to GOROOT
	elsewhere                   // absolute (or as given)
)

// place returns how file is displayed relative to base: below base, the
// relative path; in the module cache, module@version/path (with the
// cache's !x case encoding decoded); in GOROOT, the path below it;
// otherwise file itself.
func (r *Report) place(base, file string) (string, placeKind) {
	if rel, under := relTo(base, file); under || !filepath.IsAbs(file) {
		return rel, inBase
	}
	if rel, under := relTo(r.ModCache, file); under && r.ModCache != "" {
		return decodeModPath(rel), inModCache
	}
	if rel, under := relTo(r.GoRoot, file); under && r.GoRoot != "" {
		return rel, inGoRoot
	}
	return filepath.ToSlash(file), elsewhere
}

// display is place for text and JSON: GOROOT paths get a "$GOROOT/"
// prefix.
func (r *Report) display(base, file string) string {
	p, kind := r.place(base, file)
	if kind == inGoRoot {
		return "$GOROOT/" + p
	}
	return p
}

// decodeModPath undoes the module cache's case encoding ("!a" is "A").
func decodeModPath(p string) string {
	if !strings.Contains(p, "!") {
		return p
	}
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		if p[i] == '!' && i+1 < len(p) && 'a' <= p[i+1] && p[i+1] <= 'z' {
			b.WriteByte(p[i+1] - 'a' + 'A')
			i++
			continue
		}
		b.WriteByte(p[i])
	}
	return b.String()
}

// sources caches file contents for column conversion.
type sources struct {
	read  func(string) ([]byte, error)
	files map[string][]byte
}

func newSources(read func(string) ([]byte, error)) *sources {
	if read == nil {
		read = os.ReadFile
	}
	return &sources{read: read, files: map[string][]byte{}}
}

func (s *sources) get(file string) []byte {
	if b, ok := s.files[file]; ok {
		return b
	}
	b, err := s.read(file)
	if err != nil {
		b = nil
	}
	s.files[file] = b
	return b
}

// line returns the text of the 1-based line, without its terminator.
func (s *sources) line(file string, n int) ([]byte, bool) {
	src := s.get(file)
	if src == nil || n < 1 {
		return nil, false
	}
	for i := 1; i < n; i++ {
		j := bytes.IndexByte(src, '\n')
		if j < 0 {
			return nil, false
		}
		src = src[j+1:]
	}
	if j := bytes.IndexByte(src, '\n'); j >= 0 {
		src = src[:j]
	}
	return bytes.TrimSuffix(src, []byte("\r")), true
}

// codePointColumn converts a 1-based byte column on the given line to a
// 1-based Unicode code point column. When the line cannot be read the
// byte column is returned unchanged.
func (s *sources) codePointColumn(file string, line, col int) int {
	if col < 1 {
		return col
	}
	text, ok := s.line(file, line)
	if !ok {
		return col
	}
	if col-1 > len(text) {
		// Past the end of the line (e.g. at the newline): count the rest as bytes.
		return utf8.RuneCount(text) + 1 + (col - 1 - len(text))
	}
	return utf8.RuneCount(text[:col-1]) + 1
}

// lineCol converts a byte offset into a 1-based line and byte column.
func lineCol(src []byte, off int) (line, col int) {
	if off > len(src) {
		off = len(src)
	}
	before := src[:off]
	line = bytes.Count(before, []byte("\n")) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	return line, off - start + 1
}

// state is finding i's baseline state, or "".
func (r *Report) state(i int) string {
	if i < len(r.States) {
		return r.States[i]
	}
	return ""
}
