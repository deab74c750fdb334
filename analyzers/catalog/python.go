package catalog

import (
	"slices"
	"strings"
	"sync"
)

// PyMatch is a Python construction matched by a row.
type PyMatch struct {
	Rule string
	Row  *Row
	// Class is set when the name is a class itself (not a function or a
	// from_* factory): a project-local subclass of it constructs too.
	Class bool
}

// PyMatcher matches resolved Python qualified names against the Python
// rows: the providers' and the configuration's. The zero value and nil
// hold the providers' rows only. It is immutable once built.
type PyMatcher struct {
	idx *pyIndex
}

type pyIndex struct {
	exact map[string][]*Row // "module.name" of rows without wildcards
	globs map[string][]*Row // by the module's first segment ("" when it is a wildcard)
	// settings are the setting rows: by "module.name" when they hold no
	// wildcard, else in settingGlobs.
	settings     map[string][]*Row
	settingGlobs []*Row
	keys         SettingKeys
}

// SettingKeys are what phase 1 of the Python pass keeps of keyword
// arguments and attribute stores: the fields (keywords, attributes) and
// the headers (lowercase) of the setting rows, and the options of the
// construction rows (keywords that hand a construction an existing pool:
// azure.core.PipelineClient's pipeline=).
type SettingKeys struct {
	Fields  map[string]bool
	Headers map[string]bool
	Options map[string]bool
}

var builtinPy = sync.OnceValue(func() *pyIndex { return newPyIndex(BuiltinRows()) })

// NewPyMatcher returns a matcher of the built-in rows and extra (Python
// rows from the configuration; rows of another language are ignored).
func NewPyMatcher(extra []*Row) *PyMatcher {
	if len(extra) == 0 {
		return &PyMatcher{}
	}
	return &PyMatcher{idx: newPyIndex(append(slices.Clone(BuiltinRows()), extra...))}
}

func newPyIndex(rows []*Row) *pyIndex {
	idx := &pyIndex{exact: map[string][]*Row{}, globs: map[string][]*Row{}, settings: map[string][]*Row{},
		keys: SettingKeys{Fields: map[string]bool{}, Headers: map[string]bool{}, Options: map[string]bool{}}}
	for _, r := range rows {
		if r.Lang != Python || !r.valid() {
			continue
		}
		if r.Option != "" {
			idx.keys.Options[r.Option] = true
		}
		if r.IsSetting() {
			idx.keys.Fields[r.Field] = true
			if r.Header != "" {
				idx.keys.Headers[strings.ToLower(r.Header)] = true
			}
			if hasStar(r.Package) || hasStar(r.Name) {
				idx.settingGlobs = append(idx.settingGlobs, r)
			} else {
				k := r.Package + "." + r.Name
				idx.settings[k] = append(idx.settings[k], r)
			}
			continue
		}
		if !hasStar(r.Package) && !hasStar(r.Name) {
			k := r.Package + "." + r.Name
			idx.exact[k] = append(idx.exact[k], r)
			continue
		}
		first, _, _ := strings.Cut(r.Package, ".")
		if hasStar(first) {
			first = ""
		}
		idx.globs[first] = append(idx.globs[first], r)
	}
	return idx
}

func (m *PyMatcher) index() *pyIndex {
	if m != nil && m.idx != nil {
		return m.idx
	}
	return builtinPy()
}

// Match reports the construction a call to the qualified name q performs
// ("requests.Session", "azure.storage.blob.BlobServiceClient.from_url"):
// a row for q, or q is a from_* classmethod of a class row. ok is false
// when q is no construction or a silent row.
func (m *PyMatcher) Match(q string) (PyMatch, bool) {
	idx := m.index()
	i := strings.LastIndexByte(q, '.')
	if i <= 0 {
		return PyMatch{}, false
	}
	mod, name := q[:i], q[i+1:]
	if rows := idx.exact[q]; len(rows) > 0 {
		return result(best(rows), isClassName(name))
	}
	direct := idx.candidates(mod, name)
	var factory []*Row
	if strings.HasPrefix(name, "from_") {
		if j := strings.LastIndexByte(mod, '.'); j > 0 && isClassName(mod[j+1:]) {
			if rows := idx.exact[mod]; len(rows) > 0 {
				return result(best(rows), false)
			}
			factory = idx.candidates(mod[:j], mod[j+1:])
		}
	}
	b := best(append(slices.Clone(direct), factory...))
	if b == nil {
		return PyMatch{}, false
	}
	return result(b, slices.Contains(direct, b) && isClassName(name))
}

func result(r *Row, class bool) (PyMatch, bool) {
	if r == nil || r.Silent != "" {
		return PyMatch{}, false
	}
	return PyMatch{Rule: r.Rule, Row: r, Class: class}, true
}

// candidates are the wildcard rows matching mod and name.
func (idx *pyIndex) candidates(mod, name string) []*Row {
	first, _, _ := strings.Cut(mod, ".")
	var out []*Row
	for _, bucket := range [][]*Row{idx.globs[first], idx.globs[""]} {
		for _, r := range bucket {
			if matchName(r.Name, name) && matchModule(r.Package, mod) {
				out = append(out, r)
			}
		}
	}
	return out
}

// SettingKeys returns the fields and headers of the setting rows.
func (m *PyMatcher) SettingKeys() SettingKeys { return m.index().keys }

// Settings returns the setting rows of field on the qualified name q: a
// call of q given the keyword argument field, or (attr) an instance of
// the class (or factory) q whose attribute field is set. An attribute
// matches only rows whose scope is Anywhere: what is stored on the
// object lasts as long as it does.
func (m *PyMatcher) Settings(q, field string, attr bool) []*Row {
	idx := m.index()
	i := strings.LastIndexByte(q, '.')
	if i <= 0 {
		return nil
	}
	mod, name := q[:i], q[i+1:]
	var out []*Row
	keep := func(r *Row) {
		if r.Field == field && (!attr || r.Scope == Anywhere) {
			out = append(out, r)
		}
	}
	for _, r := range idx.settings[q] {
		keep(r)
	}
	for _, r := range idx.settingGlobs {
		if matchName(r.Name, name) && matchModule(r.Package, mod) {
			keep(r)
		}
	}
	return out
}
