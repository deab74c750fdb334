package godriver

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/objectpath"
)

// Cache keeps, per package, the facts its analysis exported and, for a
// root, its diagnostics, so that after an edit only the packages whose
// inputs changed are analysed again.
//
// An entry's key is a hash of Salt (everything outside the package graph
// the results depend on: the executable, the analyzers and their flags,
// the configuration, the Go environment), the package's identity, the
// content of its Go files, whether it is a root, and the keys of its
// imports, so that a change anywhere below a package changes its key.
// An entry carries a format version and a checksum of its payload; one
// that does not decode or check is a miss. Entries are written only for
// packages analysed without error, atomically (temporary file and
// rename), and unused ones are removed after MaxAge.
type Cache struct {
	Dir  string
	Salt string
	// MaxAge is how long an unused entry is kept (default 5 days).
	MaxAge time.Duration

	wrote atomic.Bool // an entry was written: trim the others
}

// entryFormat names the format of entries; change it with the format.
const entryFormat = "snatlint godriver entry v1"

// entry is what the cache keeps for one package.
type entry struct {
	Facts []factRecord
	Diags []diagRecord // roots only
}

type factRecord struct {
	Analyzer string
	Object   string // objectpath; "" for a package fact
	Type     string // the fact's type, as reflect prints it
	Data     []byte // gob
}

// diagRecord is a diagnostic with positions as file and byte offset.
type diagRecord struct {
	Analyzer string
	Pos, End posRecord
	Category string
	Message  string
	URL      string
	Related  []relatedRecord
	Fixes    []fixRecord
}

type posRecord struct {
	File   string
	Offset int // -1: no position
}

type relatedRecord struct {
	Pos, End posRecord
	Message  string
}

type fixRecord struct {
	Message string
	Edits   []editRecord
}

type editRecord struct {
	Pos, End posRecord
	NewText  []byte
}

// encodedFacts are a cached package's facts, decoded on first use.
type encodedFacts struct {
	byKey map[string][]byte // analyzer + "\x00" + objectpath + "\x00" + type
	types map[string]reflect.Type
}

func factIndex(a, path, typ string) string { return a + "\x00" + path + "\x00" + typ }

// object decodes the fact of type t that a exported for obj.
func (e *encodedFacts) object(a *analysis.Analyzer, obj types.Object, t reflect.Type) (analysis.Fact, bool) {
	path, err := objectpath.For(obj)
	if err != nil {
		return nil, false
	}
	data, ok := e.byKey[factIndex(a.Name, string(path), t.String())]
	if !ok {
		return nil, false
	}
	return decodeFact(t, data)
}

// all decodes every object fact of a, resolving paths in pkg.
func (e *encodedFacts) all(a *analysis.Analyzer, pkg *types.Package) []analysis.ObjectFact {
	var out []analysis.ObjectFact
	for k, data := range e.byKey {
		an, rest, _ := strings.Cut(k, "\x00")
		path, typ, _ := strings.Cut(rest, "\x00")
		if an != a.Name || path == "" {
			continue
		}
		obj, err := objectpath.Object(pkg, objectpath.Path(path))
		t := e.types[typ]
		if err != nil || t == nil {
			continue
		}
		if f, ok := decodeFact(t, data); ok {
			out = append(out, analysis.ObjectFact{Object: obj, Fact: f})
		}
	}
	return out
}

func decodeFact(t reflect.Type, data []byte) (analysis.Fact, bool) {
	f := reflect.New(t.Elem()).Interface().(analysis.Fact)
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(f); err != nil {
		return nil, false
	}
	return f, true
}

// keys computes every node's key, dependencies first. A file that cannot
// be read makes the key unique, so that it never hits.
func (c *Cache) keys(d *driver) {
	for _, n := range d.order {
		h := sha256.New()
		p := n.pkg
		fmt.Fprintf(h, "%s\nsalt %s\nid %s\npath %s\nname %s\nroot %v\n", entryFormat, c.Salt, p.ID, p.PkgPath, p.Name, n.root)
		if p.Module != nil {
			fmt.Fprintf(h, "module %s %s go%s\n", p.Module.Path, p.Module.Version, p.Module.GoVersion)
		}
		fmt.Fprintf(h, "sizes %v\n", p.TypesSizes)
		for _, e := range p.Errors {
			fmt.Fprintf(h, "error %s %s\n", e.Pos, e.Msg)
		}
		byContent := p.Module == nil || p.Module.Main
		for _, name := range p.CompiledGoFiles {
			if !byContent {
				// The module cache is read-only and GOROOT changes with
				// a Go upgrade: name, size and time say enough.
				if st, err := os.Stat(name); err == nil {
					fmt.Fprintf(h, "file %s %d %d\n", name, st.Size(), st.ModTime().UnixNano())
					continue
				}
			}
			data, err := d.opts.ReadFile(name)
			if err != nil {
				fmt.Fprintf(h, "unreadable %s %v %d\n", name, err, time.Now().UnixNano())
				continue
			}
			fmt.Fprintf(h, "file %s %x\n", name, sha256.Sum256(data))
		}
		for _, imp := range n.imports {
			fmt.Fprintf(h, "import %s %s\n", imp.pkg.ID, imp.key)
		}
		n.key = hex.EncodeToString(h.Sum(nil))
	}
}

// plan computes the keys, reads the entries of the packages that would
// be analysed, and marks for type-checking the packages without a valid
// entry and everything they import.
func (c *Cache) plan(d *driver) {
	c.keys(d)
	for _, n := range d.order {
		if n.analysable() && d.cacheable(n) {
			n.hit = c.get(n.key)
		}
	}
	var mark func(n *node)
	mark = func(n *node) {
		if n.needType {
			return
		}
		n.needType = true
		for _, imp := range n.imports {
			mark(imp)
		}
	}
	for _, n := range d.order {
		if n.analysable() && n.hit == nil {
			mark(n)
		}
	}
}

func (c *Cache) path(key string) string { return filepath.Join(c.Dir, key[:2], key) }

// get reads and checks an entry; nil on any problem.
func (c *Cache) get(key string) *entry {
	data, err := os.ReadFile(c.path(key))
	if err != nil {
		return nil
	}
	// Layout: format line, hex checksum line, gob payload.
	format, rest, ok := bytes.Cut(data, []byte("\n"))
	if !ok || string(format) != entryFormat {
		return nil
	}
	sum, payload, ok := bytes.Cut(rest, []byte("\n"))
	if !ok || len(payload) == 0 {
		return nil
	}
	if want := sha256.Sum256(payload); hex.EncodeToString(want[:]) != string(sum) {
		return nil
	}
	var e entry
	if err := gob.NewDecoder(bytes.NewReader(payload)).Decode(&e); err != nil {
		return nil
	}
	now := time.Now()
	_ = os.Chtimes(c.path(key), now, now) // keep used entries
	return &e
}

// cacheable reports whether n's results can be cached. Not a root with
// cgo, whose diagnostics sit in generated files mapped back by //line
// directives (cached positions are unadjusted); and not a root when
// Options.Keep is set: what Keep keeps for a module-wide step is not
// cached, so roots are analysed every time (dependencies' facts still
// come from the cache).
func (d *driver) cacheable(n *node) bool {
	if !n.root {
		return true
	}
	return d.opts.Keep == nil && len(n.pkg.CompiledGoFiles) == len(n.pkg.GoFiles)
}

// put writes n's entry, best effort.
func (c *Cache) put(d *driver, n *node) {
	if n.result != nil && n.result.Err != nil || !d.cacheable(n) {
		return
	}
	c.wrote.Store(true)
	e := entry{Facts: d.encodeFacts(n)}
	if n.result != nil {
		for _, diag := range n.result.Diagnostics {
			e.Diags = append(e.Diags, encodeDiag(d.fset, diag))
		}
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(e); err != nil {
		return
	}
	sum := sha256.Sum256(buf.Bytes())
	path := c.path(n.key)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "tmp-*")
	if err != nil {
		return
	}
	_, werr := fmt.Fprintf(tmp, "%s\n%x\n", entryFormat, sum)
	if werr == nil {
		_, werr = tmp.Write(buf.Bytes())
	}
	if cerr := tmp.Close(); werr != nil || cerr != nil || os.Rename(tmp.Name(), path) != nil {
		os.Remove(tmp.Name())
	}
}

// trim removes entries unused for MaxAge, best effort, after a run that
// wrote entries.
func (c *Cache) trim() {
	if !c.wrote.Load() {
		return
	}
	maxAge := c.MaxAge
	if maxAge <= 0 {
		maxAge = 5 * 24 * time.Hour
	}
	dirs, _ := os.ReadDir(c.Dir)
	for _, dir := range dirs {
		sub := filepath.Join(c.Dir, dir.Name())
		entries, _ := os.ReadDir(sub)
		for _, e := range entries {
			if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > maxAge {
				os.Remove(filepath.Join(sub, e.Name()))
			}
		}
	}
}

// encodeFacts encodes the facts of n that importers can see, sorted.
func (d *driver) encodeFacts(n *node) []factRecord {
	var out []factRecord
	if n.pf == nil {
		return nil
	}
	for k, f := range n.pf.objs {
		if !exportedFrom(k.obj, n.pkg.Types) {
			continue
		}
		path, err := objectpath.For(k.obj)
		if err != nil {
			continue
		}
		if data, err := encodeFact(f); err == nil {
			out = append(out, factRecord{Analyzer: k.a.Name, Object: string(path), Type: k.t.String(), Data: data})
		}
	}
	for k, f := range n.pf.pkgs {
		if data, err := encodeFact(f); err == nil {
			out = append(out, factRecord{Analyzer: k.a.Name, Type: k.t.String(), Data: data})
		}
	}
	slices.SortFunc(out, func(x, y factRecord) int {
		return strings.Compare(factIndex(x.Analyzer, x.Object, x.Type), factIndex(y.Analyzer, y.Object, y.Type))
	})
	return out
}

func encodeFact(f analysis.Fact) ([]byte, error) {
	var buf bytes.Buffer
	err := gob.NewEncoder(&buf).Encode(f)
	return buf.Bytes(), err
}

// useEntry installs a cached entry as n's facts and result.
func (d *driver) useEntry(n *node, e *entry) {
	types := map[string]reflect.Type{}
	byName := map[string]*analysis.Analyzer{}
	for _, a := range d.rootAs {
		byName[a.Name] = a
		for _, f := range a.FactTypes {
			types[reflect.TypeOf(f).String()] = reflect.TypeOf(f)
		}
	}
	pf := newPkgFacts()
	pf.encoded = &encodedFacts{byKey: map[string][]byte{}, types: types}
	for _, r := range e.Facts {
		if r.Object != "" {
			pf.encoded.byKey[factIndex(r.Analyzer, r.Object, r.Type)] = r.Data
			continue
		}
		a, t := byName[r.Analyzer], types[r.Type]
		if a == nil || t == nil {
			continue
		}
		if f, ok := decodeFact(t, r.Data); ok {
			pf.pkgs[pkgKey{a, t}] = f
		}
	}
	n.pf = pf
	if n.root {
		res := &Result{Package: n.pkg}
		for _, r := range e.Diags {
			res.Diagnostics = append(res.Diagnostics, d.decodeDiag(r))
		}
		n.result = res
	}
}

func encodePos(fset *token.FileSet, p token.Pos) posRecord {
	f := fset.File(p)
	if !p.IsValid() || f == nil {
		return posRecord{Offset: -1}
	}
	return posRecord{File: f.Name(), Offset: f.Offset(p)}
}

func encodeDiag(fset *token.FileSet, d Diagnostic) diagRecord {
	r := diagRecord{Analyzer: d.Analyzer, Pos: encodePos(fset, d.Pos), End: encodePos(fset, d.End),
		Category: d.Category, Message: d.Message, URL: d.URL}
	for _, rel := range d.Related {
		r.Related = append(r.Related, relatedRecord{Pos: encodePos(fset, rel.Pos), End: encodePos(fset, rel.End), Message: rel.Message})
	}
	for _, fix := range d.SuggestedFixes {
		fr := fixRecord{Message: fix.Message}
		for _, te := range fix.TextEdits {
			fr.Edits = append(fr.Edits, editRecord{Pos: encodePos(fset, te.Pos), End: encodePos(fset, te.End), NewText: te.NewText})
		}
		r.Fixes = append(r.Fixes, fr)
	}
	return r
}

func (d *driver) decodeDiag(r diagRecord) Diagnostic {
	diag := Diagnostic{Analyzer: r.Analyzer}
	diag.Pos, diag.End = d.decodePos(r.Pos), d.decodePos(r.End)
	diag.Category, diag.Message, diag.URL = r.Category, r.Message, r.URL
	for _, rel := range r.Related {
		diag.Related = append(diag.Related, analysis.RelatedInformation{Pos: d.decodePos(rel.Pos), End: d.decodePos(rel.End), Message: rel.Message})
	}
	for _, fix := range r.Fixes {
		sf := analysis.SuggestedFix{Message: fix.Message}
		for _, e := range fix.Edits {
			sf.TextEdits = append(sf.TextEdits, analysis.TextEdit{Pos: d.decodePos(e.Pos), End: d.decodePos(e.End), NewText: e.NewText})
		}
		diag.SuggestedFixes = append(diag.SuggestedFixes, sf)
	}
	return diag
}

// decodePos places a cached position in the driver's file set, adding
// the file (with its line table, from its current content) if needed.
func (d *driver) decodePos(r posRecord) token.Pos {
	if r.Offset < 0 || r.File == "" {
		return token.NoPos
	}
	d.filesMu.Lock()
	defer d.filesMu.Unlock()
	f, ok := d.files[r.File]
	if !ok {
		if data, err := d.opts.ReadFile(r.File); err == nil {
			f = d.fset.AddFile(r.File, -1, len(data))
			f.SetLinesForContent(data)
		}
		d.files[r.File] = f
	}
	if f == nil || r.Offset > f.Size() {
		return token.NoPos
	}
	return f.Pos(r.Offset)
}

// exportedFrom reports whether a fact on obj may be seen by importers of
// pkg: exported functions and all methods, fields, types and constants,
// and variables of pkg (as the x/tools checker filters facts).
func exportedFrom(obj types.Object, pkg *types.Package) bool {
	switch obj := obj.(type) {
	case *types.Func:
		return obj.Exported() && obj.Pkg() == pkg || obj.Signature().Recv() != nil
	case *types.Var:
		return obj.IsField() || obj.Pkg() == pkg
	case *types.TypeName, *types.Const:
		return true
	}
	return false
}
