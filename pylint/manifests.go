package pylint

import (
	"encoding/json"
	"maps"
	"path/filepath"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/snatlint/snatlint/internal/userfile"
	"github.com/snatlint/snatlint/pylint/frameworks"
)

// maxManifestSize bounds a manifest read (a FIFO or device is never
// opened: userfile).
const maxManifestSize = 1 << 20

// manifests.go reads the files that name entry points outside Python
// (frameworks.Framework.Manifests): one reader per file name.

// manifestReaders maps a manifest file name to its reader: given the
// directory holding it and its content, the entry points it names as
// (absolute .py path, function name). Immutable.
var manifestReaders = map[string]func(dir string, data []byte) []entryPoint{
	"function.json":   azureFunctionJSON,
	"template.yaml":   lambdaYAML,
	"template.yml":    lambdaYAML,
	"serverless.yml":  lambdaYAML,
	"serverless.yaml": lambdaYAML,
}

type entryPoint struct {
	file, fn string
}

// manifestEntries are the entry points named by the frameworks'
// manifests found next to the checked files (findManifests), and the
// checked files by absolute path.
type manifestEntries struct {
	byAbs map[string]int
	found []manifestEntry
}

type manifestEntry struct {
	fw *framework
	ep entryPoint
}

// findManifests reads the frameworks' manifests in the directories that
// hold checked files and their parents up to the directory all checked
// files share (a template.yaml at the root of the tree names handlers in
// subdirectories), in a fixed order. It only reads files and summaries
// (newProject runs it beside its own indexing: a few stats per
// directory, tens of thousands on a big tree).
func findManifests(files []*fileSum) manifestEntries {
	byAbs := map[string]int{}
	dirs := map[string]bool{}
	common := ""
	for i, fs := range files {
		if fs == nil {
			continue
		}
		a := absClean(fs.path)
		byAbs[a] = i
		d := filepath.Dir(a)
		dirs[d] = true
		if len(byAbs) == 1 {
			common = d
		}
		for common != d && !strings.HasPrefix(d, common+string(filepath.Separator)) && filepath.Dir(common) != common {
			common = filepath.Dir(common)
		}
	}
	for d := range dirs {
		for d != common && strings.HasPrefix(d, common) && filepath.Dir(d) != d {
			d = filepath.Dir(d)
			dirs[d] = true
		}
	}
	sorted := slices.Sorted(maps.Keys(dirs))
	var found []manifestEntry
	for _, fw := range allFrameworks {
		for _, name := range fw.Manifests {
			read := manifestReaders[name]
			for _, dir := range sorted {
				data, err := userfile.Read(filepath.Join(dir, name), maxManifestSize)
				if err != nil {
					continue
				}
				for _, ep := range read(dir, data) {
					found = append(found, manifestEntry{fw, ep})
				}
			}
		}
	}
	return manifestEntries{byAbs, found}
}

// markManifests marks the entry points that manifests name (m, from
// findManifests) as registered with their framework.
func (p *project) markManifests(m manifestEntries) {
	for _, e := range m.found {
		i, ok := m.byAbs[filepath.Clean(e.ep.file)]
		if !ok {
			continue
		}
		if fn, ok := p.files[i].topFuncs.get(e.ep.fn); ok {
			if _, seen := p.regFns[fref{i, fn}]; !seen {
				p.regFns[fref{i, fn}] = regTarget{fw: e.fw, site: &manifestSite, label: e.fw.Label}
			}
		}
	}
}

// manifestSite is the site of an entry point named by a manifest.
var manifestSite = frameworks.Site{Role: frameworks.PerRequest}

// lambdaYAML reads an AWS SAM or CloudFormation template (Handler, with the
// function's or the Globals' CodeUri) or a Serverless Framework file
// (handler): "pkg/module.function" names function in pkg/module.py,
// relative to the code directory.
func lambdaYAML(dir string, data []byte) []entryPoint {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil {
		return nil
	}
	globalCode := scalarAt(&doc, "Globals", "Function", "CodeUri")
	var out []entryPoint
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		if n == nil || depth > 32 {
			return
		}
		if n.Kind == yaml.MappingNode {
			h := scalarAt(n, "Handler")
			if h == "" {
				h = scalarAt(n, "handler")
			}
			if h != "" {
				code := scalarAt(n, "CodeUri")
				if code == "" {
					code = globalCode
				}
				out = append(out, handlerFiles(dir, code, h)...)
			}
		}
		for _, c := range n.Content {
			walk(c, depth+1)
		}
	}
	walk(&doc, 0)
	return out
}

// scalarAt is the string value at path of keys below mapping n (a
// document is looked into), "" when there is none.
func scalarAt(n *yaml.Node, path ...string) string {
	for _, key := range path {
		if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
			n = n.Content[0]
		}
		if n.Kind != yaml.MappingNode {
			return ""
		}
		var next *yaml.Node
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == key {
				next = n.Content[i+1]
			}
		}
		if next == nil {
			return ""
		}
		n = next
	}
	if n.Kind != yaml.ScalarNode {
		return ""
	}
	return n.Value
}

// handlerFiles lists where handler "pkg/module.function" may be: below the
// code directory (relative to dir) and below dir itself.
func handlerFiles(dir, code, handler string) []entryPoint {
	i := strings.LastIndexByte(handler, '.')
	if i <= 0 || i == len(handler)-1 {
		return nil
	}
	mod, fn := handler[:i], handler[i+1:]
	slash := strings.LastIndexByte(mod, '/') + 1
	rel := filepath.FromSlash(mod[:slash] + strings.ReplaceAll(mod[slash:], ".", "/"))
	var out []entryPoint
	for _, base := range []string{filepath.Join(dir, filepath.FromSlash(code)), dir} {
		out = append(out,
			entryPoint{file: filepath.Join(base, rel+".py"), fn: fn},
			entryPoint{file: filepath.Join(base, rel, "__init__.py"), fn: fn})
	}
	return out
}

// azureFunctionJSON reads an Azure Functions v1 function.json: the
// scriptFile (default __init__.py) and entryPoint (default main).
func azureFunctionJSON(dir string, data []byte) []entryPoint {
	var fj struct {
		ScriptFile string `json:"scriptFile"`
		EntryPoint string `json:"entryPoint"`
	}
	if json.Unmarshal(data, &fj) != nil {
		return nil
	}
	script := fj.ScriptFile
	if script == "" {
		script = "__init__.py"
	}
	entry := fj.EntryPoint
	if entry == "" {
		entry = "main"
	}
	return []entryPoint{{file: filepath.Join(dir, script), fn: entry}}
}
