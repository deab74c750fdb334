package policy

import "github.com/snatlint/snatlint/analyzers/catalog"

// Position is a place in a source file. Line and Column are 1-based;
// Column counts bytes (as go/token and tree-sitter do). Offset is the
// 0-based byte offset, or -1 when unknown.
type Position struct {
	File   string // absolute path or path relative to the working directory
	Line   int
	Column int
	Offset int
}

// Related is a secondary location, e.g. the construction site reached
// through an interprocedural chain.
type Related struct {
	Pos     Position
	End     Position
	Message string
}

// Edit replaces the bytes [Start, End) of File with NewText.
type Edit struct {
	File    string
	Start   int
	End     int
	NewText string
	// SHA256 is the hex SHA-256 of the file content the offsets refer
	// to (the content analysed); -fix skips an edit whose file no longer
	// has it, or whose hash is unknown ("").
	SHA256 string `json:",omitempty"`
}

// Fix is one machine fix, made of edits that are applied together.
type Fix struct {
	Message string
	Edits   []Edit
}

// Finding is one diagnostic, from the Go analyzers or the Python pass:
// the one type both produce and the reporter consumes.
type Finding struct {
	RuleID  string
	Level   catalog.Level
	Lang    string // "go" or "python"
	Pos     Position
	End     Position
	Message string
	Related []Related
	Fixes   []Fix
}

// MaxMessage is the most characters a finding's message should have: its one
// sentence says what was built, where, why and the fix; the numbers and
// the framework's details are in the rule's page (design.md, "Output").
// Tests bound every fixture finding's message by it, in both languages.
const MaxMessage = 200
