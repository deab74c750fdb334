package pylint

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/snatlint/snatlint/analyzers/policy"
)

// Suppression directives, on the finding's line (policy.Directive says
// what they mean, the same in both languages):
//
//	# noqa                       every rule (like flake8)
//	# noqa: SNAT005              listed rules; a noqa naming no SNAT code is another linter's
//	# noqa: SNAT002,SNAT005
//	# snatlint: ignore[SNAT005] reason   listed rules; the reason is required
var (
	noqaRe     = regexp.MustCompile(`(?i)#\s*noqa\b(\s*:)?`)
	noqaCodeRe = regexp.MustCompile(`^[\s,]*([A-Za-z]+[0-9]+)`)
	snatlintRe = regexp.MustCompile(`#\s*snatlint\s*:`)
	codeRe     = regexp.MustCompile(`^[A-Za-z]+[0-9]+$`)
)

// mayHoldDirective reports whether a comment can hold a directive that
// parseDirectives reads (it names noqa in any case, or snatlint), without
// copying it: the walk asks this of every comment.
func mayHoldDirective(comment []byte) bool {
	if bytes.Contains(comment, []byte("snatlint")) {
		return true
	}
	// most comments hold no q: two quick scans before the case-folding one
	hasQ := bytes.IndexByte(comment, 'q') >= 0 || bytes.IndexByte(comment, 'Q') >= 0
	return hasQ && containsLower(comment, "noqa")
}

// containsLower reports whether b holds word (lowercase ASCII) in any
// case: strings.Contains(strings.ToLower(string(b)), word) without the
// copies (no other rune lowercases to an ASCII letter but U+0130 'İ' and
// U+212A 'K', so word must hold neither 'i' nor 'k').
func containsLower(b []byte, word string) bool {
	for i := 0; i+len(word) <= len(b); i++ {
		j := 0
		for j < len(word) && lowerASCII(b[i+j]) == word[j] {
			j++
		}
		if j == len(word) {
			return true
		}
	}
	return false
}

// lowerASCII lowercases an ASCII letter; any other byte is kept.
func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// parseDirectives parses the suppression directives in one comment; errs
// describe malformed ones, which silence nothing.
func parseDirectives(comment string) (ds []policy.Directive, errs []string) {
	if m := noqaRe.FindStringSubmatchIndex(comment); m != nil {
		d, err, ok := parseNoqa(comment[m[1]:], m[2] >= 0)
		if err != "" {
			errs = append(errs, err)
		} else if ok {
			ds = append(ds, d)
		}
	}
	if m := snatlintRe.FindStringIndex(comment); m != nil {
		d, err := parseIgnore(comment[m[1]:])
		if err != "" {
			errs = append(errs, err)
		} else {
			ds = append(ds, d)
		}
	}
	return ds, errs
}

// parseNoqa parses what follows "# noqa" (and its colon, when coded).
// A coded noqa that names no SNAT code belongs to another linter: ok is
// false and nothing is reported.
func parseNoqa(rest string, coded bool) (d policy.Directive, err string, ok bool) {
	d.Form = "# noqa"
	if !coded {
		d.All = true
		return d, "", true
	}
	var codes []string
	for {
		m := noqaCodeRe.FindStringSubmatchIndex(rest)
		if m == nil {
			break
		}
		codes = append(codes, rest[m[2]:m[3]])
		rest = rest[m[1]:]
	}
	rules, all, ours, e := policy.RuleList(codes)
	switch {
	case !ours:
		return policy.Directive{}, "", false
	case e != nil:
		return policy.Directive{}, fmt.Sprintf("# noqa: %v", e), false
	}
	d.Rules, d.All = rules, all
	return d, "", true
}

// parseIgnore parses what follows "# snatlint:": "ignore[IDs] reason".
func parseIgnore(rest string) (policy.Directive, string) {
	const want = "want # snatlint: ignore[SNAT00x] reason"
	rest = strings.TrimLeft(rest, " \t")
	verb := rest[:len(rest)-len(strings.TrimLeft(rest, "abcdefghijklmnopqrstuvwxyz_"))]
	switch {
	case verb == "":
		return policy.Directive{}, "malformed snatlint directive: " + want
	case verb != "ignore":
		return policy.Directive{}, fmt.Sprintf("unknown snatlint directive %q: %s", verb, want)
	}
	rest = strings.TrimLeft(rest[len(verb):], " \t")
	list, ok := strings.CutPrefix(rest, "[")
	if !ok {
		return policy.Directive{}, "snatlint ignore directive without a rule list: " + want
	}
	list, reason, ok := strings.Cut(list, "]")
	if !ok {
		return policy.Directive{}, "snatlint ignore directive with an unclosed rule list"
	}
	codes := policy.Codes(list)
	if len(codes) == 0 {
		return policy.Directive{}, "snatlint ignore directive with an empty rule list"
	}
	for _, c := range codes {
		if !codeRe.MatchString(c) {
			return policy.Directive{}, fmt.Sprintf("malformed rule ID %q in snatlint ignore directive", c)
		}
	}
	rules, _, _, err := policy.RuleList(codes)
	if err != nil {
		return policy.Directive{}, fmt.Sprintf("# snatlint: ignore: %v", err)
	}
	reason, _, _ = strings.Cut(reason, "#") // a following comment is not the reason
	d := policy.Directive{Form: "# snatlint: ignore", Own: true, Rules: rules, Reason: strings.TrimSpace(reason)}
	if err := d.Check(); err != nil {
		return policy.Directive{}, err.Error()
	}
	return d, ""
}
