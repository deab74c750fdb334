package policy

import (
	"strings"
	"unicode"
)

// Polarity is what a loop's branch condition says about the iteration
// (design.md, "Loop details": a retry loop repeats only after a
// failure): that it failed, that it succeeded, or nothing.
type Polarity uint8

// The polarities.
const (
	UnknownPolarity Polarity = iota
	Success
	Failure
)

// Not is the polarity of the negated condition.
func (p Polarity) Not() Polarity {
	switch p {
	case Success:
		return Failure
	case Failure:
		return Success
	}
	return UnknownPolarity
}

// failWords are the words of names and status values that mean a
// failure or an answer still pending; successWords one that came.
var (
	failWords = map[string]bool{
		"err": true, "error": true, "errors": true, "exc": true, "exception": true, "fail": true, "failed": true,
		"failure": true, "timeout": true, "timedout": true, "retry": true, "expired": true, "invalid": true,
		"pending": true, "running": true, "queued": true, "inprogress": true, "in_progress": true,
		"notstarted": true, "not_started": true, "processing": true, "waiting": true, "busy": true,
	}
	successWords = map[string]bool{
		"ok": true, "done": true, "succeeded": true, "success": true, "successful": true, "complete": true,
		"completed": true, "ready": true, "finished": true, "available": true, "healthy": true,
		"alive": true, "found": true,
	}
)

// WordPolarity classifies a name (is_ready, resp.Succeeded, IsDone) or
// a status value ("Succeeded", "running") by its words: the whole name
// first, then its parts (split at _ . - spaces and lower-to-upper case
// changes); a failure word wins over a success word.
func WordPolarity(s string) Polarity {
	s = strings.Trim(s, "\"'`")
	if p := wordOf(strings.ToLower(s)); p != UnknownPolarity {
		return p
	}
	parts := splitWords(s)
	for _, part := range parts {
		if failWords[part] {
			return Failure
		}
	}
	for _, part := range parts {
		if successWords[part] {
			return Success
		}
	}
	return UnknownPolarity
}

func wordOf(w string) Polarity {
	switch {
	case failWords[w]:
		return Failure
	case successWords[w]:
		return Success
	}
	return UnknownPolarity
}

// splitWords splits a name into lower-case words.
func splitWords(s string) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	var prev rune
	for _, r := range s {
		switch {
		case r == '_' || r == '.' || r == '-' || unicode.IsSpace(r):
			flush()
		case unicode.IsUpper(r) && unicode.IsLower(prev):
			flush()
			cur = append(cur, r)
		default:
			cur = append(cur, r)
		}
		prev = r
	}
	flush()
	return words
}
