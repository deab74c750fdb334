package catalog

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"
)

// ChainArrow joins the functions of an interprocedural chain in the
// messages of both languages ("handler → NewClient → runtime.NewPipeline").
const ChainArrow = " → "

// HelpBase is where the generated rule pages live.
const HelpBase = "https://github.com/snatlint/snatlint/blob/main/docs/rules/"

// Rule describes one snatlint rule, as read from rules/<ID>.md.
type Rule struct {
	ID       string // "SNAT001"
	Name     string // kebab-case, reads as "allow <name>"
	Since    string // the release that introduced it
	Analyzer string // the Go analyzer reporting it ("" for Python-only rules)
	Level    Level  // default level (SARIF defaultConfiguration)
	Title    string // one line, shortDescription
	Full     string // one sentence, fullDescription
	// Noun names what the rule is about ("HTTP client"): what a
	// configured row builds, and the Python messages' "new <noun> <name>".
	Noun string
	// Transport is set for rules whose constructions are connection
	// pools that other clients can be given (an http.Transport, an
	// http.Client): one built right there, in a client's options, makes
	// that client the FreshTransport variant.
	Transport bool
	// OneShot is set for rules whose constructions are used once and
	// closed where they are built (requests.get): the call's value (a
	// response) holds no pool, so storing it retains nothing; only a
	// cache guard around the call does.
	OneShot bool
	// OnePerLine is set for rules whose findings share their line with
	// other rules' (a keep-alive setting on the line of the construction
	// it configures): such a line reports one finding, the most severe
	// (policy.OnePerLine).
	OnePerLine bool
	langs      map[Lang]*langRule
	body       string // the template of Doc
	file       string
}

// langRule is a rule's data for one language.
type langRule struct {
	level Level
	// calls names what a function reaching this rule's construction on
	// every call builds, in Go messages ("Azure SDK client built by
	// armcompute.NewVirtualMachinesClient"); empty: what the root builds.
	calls    string
	variants map[Variant]Phrase
}

// Phrase is how a finding of one rule, language and variant is said and
// how loud it is. Messages read "<what><qualifier> <where>: <why>; <fix>".
// In Why and Fix, {each} stands for "each request", "each iteration", ...;
// {pool} for the pool shared ("http.DefaultTransport's"); {fix} in Fix
// for the context's fix ("create it once at module level and reuse it").
// In Python What, {noun} is the rule's noun and {q} the qualified name.
type Phrase struct {
	Level     Level
	What      string // Python: "new {noun} {q}"
	Verb      string // Python: "created", "sent"
	Qualifier string // Go: " with a new Transport"
	Why       string
	Fix       string // default "{fix}"
}

// Doc is the Markdown body of the rule page (What it does / Why is this
// bad? / Example / Use instead: / Fix safety / Options / References),
// rendered from the rule file's template.
func (r Rule) Doc() string { return docs()[r.ID] }

// HelpURI is the rule's documentation page.
func (r Rule) HelpURI() string { return HelpBase + r.ID + ".md" }

// Has reports whether the rule applies to lang (it has phrases for it).
func (r Rule) Has(lang Lang) bool { return r.langs[lang] != nil }

// LevelOf is the level of a finding of r in lang for variant v: the
// variant's level, else the language's default variant's, else the
// language's level, else the rule's default level.
func (r Rule) LevelOf(lang Lang, v Variant) Level {
	lr := r.langs[lang]
	if lr == nil {
		return r.Level
	}
	if p, ok := lr.variants[v]; ok && p.Level != "" {
		return p.Level
	}
	if p, ok := lr.variants[VariantDefault]; ok && p.Level != "" {
		return p.Level
	}
	if lr.level != "" {
		return lr.level
	}
	return r.Level
}

// Phrase returns the phrase of r in lang for variant v, each part falling
// back to the language's default variant, and What, Verb and Fix to
// their defaults.
func (r Rule) Phrase(lang Lang, v Variant) Phrase {
	var p, d Phrase
	if lr := r.langs[lang]; lr != nil {
		p, d = lr.variants[v], lr.variants[VariantDefault]
	}
	p.Level = r.LevelOf(lang, v)
	p.What = cmpOr(p.What, d.What, "new {noun} {q}")
	p.Verb = cmpOr(p.Verb, d.Verb, "created")
	p.Qualifier = cmpOr(p.Qualifier, d.Qualifier)
	p.Why = cmpOr(p.Why, d.Why)
	p.Fix = cmpOr(p.Fix, d.Fix, "{fix}")
	return p
}

// Calls names what a function that reaches r's construction builds, in
// lang's messages, or "" for what the root builds.
func (r Rule) Calls(lang Lang) string {
	if lr := r.langs[lang]; lr != nil {
		return lr.calls
	}
	return ""
}

func cmpOr(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// Expand replaces the {name} placeholders of a phrase with vars' values.
func Expand(s string, vars map[string]string) string {
	if !strings.Contains(s, "{") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			break
		}
		name := s[i+1 : i+j]
		if v, ok := vars[name]; ok {
			b.WriteString(s[:i])
			b.WriteString(v)
		} else {
			b.WriteString(s[:i+j+1])
		}
		s = s[i+j+1:]
	}
	b.WriteString(s)
	return b.String()
}

// Page is the rule's documentation page in Markdown: a title line, the
// one-sentence summary, and Doc. docs/rules/<ID>.md is generated from
// it, "snatlint -explain <ID>" prints it, and SARIF help.markdown
// carries it.
func (r Rule) Page() string {
	return "# " + r.ID + " " + r.Name + "\n\n" +
		"Default level: `" + string(r.Level) + "`. " + r.Title + ".\n\n" +
		r.Doc()
}

// ruleFile is the front matter of a rule file.
type ruleFile struct {
	ID         string    `yaml:"id"`
	Name       string    `yaml:"name"`
	Since      string    `yaml:"since"`
	Analyzer   string    `yaml:"analyzer"`
	Level      string    `yaml:"level"`
	Title      string    `yaml:"title"`
	Summary    string    `yaml:"summary"`
	Noun       string    `yaml:"noun"`
	Transport  bool      `yaml:"transport"`
	OneShot    bool      `yaml:"oneshot"`
	OnePerLine bool      `yaml:"one_per_line"`
	Go         *langFile `yaml:"go"`
	Python     *langFile `yaml:"python"`
}

type langFile struct {
	Level    string                `yaml:"level"`
	Calls    string                `yaml:"calls"`
	Variants map[string]phraseFile `yaml:"variants"`
}

type phraseFile struct {
	Level     string `yaml:"level"`
	What      string `yaml:"what"`
	Verb      string `yaml:"verb"`
	Qualifier string `yaml:"qualifier"`
	Why       string `yaml:"why"`
	Fix       string `yaml:"fix"`
}

var (
	idRE   = regexp.MustCompile(`^SNAT[0-9]{3}$`)
	nameRE = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)+$`)
)

// parseRule parses a rule file: "---", YAML front matter, "---", and the
// Markdown template of the body.
func parseRule(file string, data []byte) (*Rule, error) {
	front, body, err := splitFrontMatter(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	var rf ruleFile
	dec := yaml.NewDecoder(bytes.NewReader(front))
	dec.KnownFields(true)
	if err := dec.Decode(&rf); err != nil {
		return nil, fmt.Errorf("%s: front matter: %w", file, err)
	}
	r := &Rule{
		ID: rf.ID, Name: rf.Name, Since: rf.Since, Analyzer: rf.Analyzer,
		Title: rf.Title, Full: rf.Summary, Noun: rf.Noun, Transport: rf.Transport,
		OneShot: rf.OneShot, OnePerLine: rf.OnePerLine,
		body: string(body), file: file, langs: map[Lang]*langRule{},
	}
	var errs []error
	check := func(ok bool, format string, args ...any) {
		if !ok {
			errs = append(errs, fmt.Errorf(format, args...))
		}
	}
	check(idRE.MatchString(r.ID), "id %q: want SNATnnn", r.ID)
	check(nameRE.MatchString(r.Name), "name %q: want kebab-case", r.Name)
	check(r.Since != "", "since is missing")
	check(r.Title != "" && !strings.HasSuffix(r.Title, "."), "title must be one line without a final period")
	check(strings.HasSuffix(r.Full, "."), "summary must be one sentence ending in a period")
	check(r.Noun != "", "noun is missing")
	lv, err := ParseLevel(rf.Level)
	check(err == nil, "level: %v", err)
	r.Level = lv
	for lang, lf := range map[Lang]*langFile{Go: rf.Go, Python: rf.Python} {
		if lf == nil {
			continue
		}
		lr := &langRule{calls: lf.Calls, variants: map[Variant]Phrase{}}
		if lf.Level != "" {
			lr.level, err = ParseLevel(lf.Level)
			check(err == nil, "%s.level: %v", lang, err)
		}
		for name, pf := range lf.Variants {
			v, err := ParseVariant(name)
			if err != nil {
				errs = append(errs, fmt.Errorf("%s.variants: %w", lang, err))
				continue
			}
			p := Phrase{What: pf.What, Verb: pf.Verb, Qualifier: pf.Qualifier, Why: pf.Why, Fix: pf.Fix}
			if pf.Level != "" {
				p.Level, err = ParseLevel(pf.Level)
				check(err == nil, "%s.variants.%s.level: %v", lang, name, err)
			}
			lr.variants[v] = p
		}
		check(lr.variants[VariantDefault].Why != "", "%s.variants.default.why is missing", lang)
		r.langs[lang] = lr
	}
	check(len(r.langs) > 0, "no language: want a go or python section")
	check(r.Analyzer != "" || rf.Go == nil, "a rule with a go section needs an analyzer")
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return r, nil
}

// splitFrontMatter splits "---\nfront\n---\nbody".
func splitFrontMatter(data []byte) (front, body []byte, err error) {
	rest, ok := bytes.CutPrefix(data, []byte("---\n"))
	if !ok {
		return nil, nil, errors.New("want YAML front matter between --- lines at the top")
	}
	front, body, ok = bytes.Cut(rest, []byte("\n---\n"))
	if !ok {
		return nil, nil, errors.New("front matter is not closed by a --- line")
	}
	return front, bytes.TrimLeft(body, "\n"), nil
}
