package pylint

import (
	"encoding/json"
	"path/filepath"

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
	"function.json": azureFunctionJSON,
}

type entryPoint struct {
	file, fn string
}

// markManifests marks the entry points named by the frameworks' manifests
// found in the directories that hold checked files.
func (p *project) markManifests() {
	byAbs := map[string]int{}
	dirs := map[string]bool{}
	for i, fs := range p.files {
		if fs == nil {
			continue
		}
		a := absClean(fs.path)
		byAbs[a] = i
		dirs[filepath.Dir(a)] = true
	}
	for _, fw := range allFrameworks {
		for _, name := range fw.Manifests {
			read := manifestReaders[name]
			for dir := range dirs {
				data, err := userfile.Read(filepath.Join(dir, name), maxManifestSize)
				if err != nil {
					continue
				}
				for _, ep := range read(dir, data) {
					i, ok := byAbs[filepath.Clean(ep.file)]
					if !ok {
						continue
					}
					if fn, ok := p.files[i].topFuncs[ep.fn]; ok {
						if _, seen := p.regFns[fref{i, fn}]; !seen {
							p.regFns[fref{i, fn}] = regTarget{fw: fw, site: &manifestSite, label: fw.Label}
						}
					}
				}
			}
		}
	}
}

// manifestSite is the site of an entry point named by a manifest.
var manifestSite = frameworks.Site{Role: frameworks.PerRequest}

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
