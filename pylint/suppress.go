package pylint

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/snatlint/snatlint/analyzers/catalog"
)

// Suppression directives, on the finding's line:
//
//	# noqa                      all rules (like flake8)
//	# noqa: SNAT005             listed rules; other tools' codes are ignored
//	# noqa: SNAT002,SNAT005
//	# snatlint: ignore[SNAT005] listed rules
//	# snatlint: ignore[SNAT005] reason text after the list is allowed
var (
	noqaRe     = regexp.MustCompile(`(?i)#\s*noqa\b(\s*:\s*([A-Za-z]+[0-9]+(?:[\s,]+[A-Za-z]+[0-9]+)*)?)?`)
	snatlintRe = regexp.MustCompile(`#\s*snatlint\s*:\s*(\S[^\[#]*?)?\s*(\[([^\]]*)\]?)?(?:\s*(?:#|$)|\s+.*$)`)
	codeRe     = regexp.MustCompile(`^[A-Za-z]+[0-9]+$`)
)

// parseDirective parses the suppression directives in one comment. ok is
// false when the comment holds no usable directive; errMsg describes a
// malformed one.
func parseDirective(comment string) (d directive, errMsg string, ok bool) {
	d.rules = map[string]bool{}
	var errs []string
	if m := noqaRe.FindStringSubmatch(comment); m != nil {
		switch {
		case m[1] == "":
			d.all = true
			ok = true
		case strings.TrimSpace(m[2]) == "":
			errs = append(errs, "noqa directive with a colon but no rule IDs")
		default:
			for _, code := range splitCodes(m[2]) {
				if !strings.HasPrefix(strings.ToUpper(code), "SNAT") {
					continue // another tool's code
				}
				if _, known := catalog.Lookup(code); !known {
					errs = append(errs, fmt.Sprintf("unknown rule ID %s in noqa directive", code))
					continue
				}
				d.rules[code] = true
				ok = true
			}
		}
	}
	if i := strings.Index(comment, "snatlint"); i >= 0 {
		m := snatlintRe.FindStringSubmatch(comment)
		switch {
		case m == nil:
			if strings.Contains(comment[i:], ":") {
				errs = append(errs, "malformed snatlint directive: want # snatlint: ignore[SNAT00x]")
			}
		case strings.TrimSpace(m[1]) != "ignore":
			errs = append(errs, fmt.Sprintf("unknown snatlint directive %q: want ignore[SNAT00x]", strings.TrimSpace(m[1])))
		case m[2] == "":
			errs = append(errs, "snatlint ignore directive without a rule list: want ignore[SNAT00x]")
		case !strings.HasSuffix(m[2], "]"):
			errs = append(errs, "snatlint ignore directive with an unclosed rule list")
		case strings.TrimSpace(m[3]) == "":
			errs = append(errs, "snatlint ignore directive with an empty rule list")
		default:
			for _, code := range splitCodes(m[3]) {
				if !codeRe.MatchString(code) {
					errs = append(errs, fmt.Sprintf("malformed rule ID %q in snatlint ignore directive", code))
					continue
				}
				if _, known := catalog.Lookup(code); !known {
					errs = append(errs, fmt.Sprintf("unknown rule ID %s in snatlint ignore directive", code))
					continue
				}
				d.rules[code] = true
				ok = true
			}
		}
	}
	return d, strings.Join(errs, "; "), ok
}

func splitCodes(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' })
}

// suppresses reports whether d silences rule.
func (d directive) suppresses(rule string) bool {
	return d.all || d.rules[rule]
}
