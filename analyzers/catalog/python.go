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
	idx := &pyIndex{exact: map[string][]*Row{}, globs: map[string][]*Row{}}
	for _, r := range rows {
		if r.Lang != Python || !r.valid() {
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
