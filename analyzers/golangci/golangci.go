// Package golangci is snatlint's golangci-lint v2 module plugin. Build a
// custom golangci-lint that includes it with `golangci-lint custom` and the
// .custom-gcl.yml in docs/ci, then enable it in .golangci.yml:
//
//	linters:
//	  enable: [snatlint]
//	  settings:
//	    custom:
//	      snatlint:
//	        type: module
//	        description: HTTP and Azure clients built per request (SNAT exhaustion)
//	        settings:
//	          tests: false
//	          rules:
//	            SNAT002: {level: note}
//
// The settings take the keys of .snatlint.yaml (see docs/config.md), or a
// single key "config" naming such a file.
package golangci

import (
	"fmt"

	"github.com/golangci/plugin-module-register/register"
	"github.com/snatlint/snatlint/analyzers"
	"github.com/snatlint/snatlint/analyzers/config"
	"go.yaml.in/yaml/v3"
	"golang.org/x/tools/go/analysis"
)

// Name is the plugin's name in .golangci.yml.
const Name = "snatlint"

func init() {
	register.Plugin(Name, New)
}

// plugin is the registered golangci-lint plugin.
type plugin struct {
	cfg *config.File
}

// New builds the plugin from its settings in .golangci.yml.
func New(settings any) (register.LinterPlugin, error) {
	cfg, err := decode(settings)
	if err != nil {
		return nil, fmt.Errorf("snatlint plugin settings: %w", err)
	}
	return &plugin{cfg: cfg}, nil
}

// decode turns the raw settings into a configuration: either the file
// named by "config", or the settings themselves, validated exactly like
// .snatlint.yaml.
func decode(settings any) (*config.File, error) {
	m, err := register.DecodeSettings[map[string]any](settings)
	if err != nil {
		return nil, err
	}
	if len(m) == 0 {
		return nil, nil // defaults
	}
	if p, ok := m["config"]; ok {
		path, isString := p.(string)
		if !isString || len(m) != 1 {
			return nil, fmt.Errorf(`"config" must be the only key, holding the path of a %s file`, config.FileName)
		}
		return config.Load(path)
	}
	data, err := yaml.Marshal(m)
	if err != nil {
		return nil, err
	}
	return config.Parse("golangci-lint settings", data)
}

// BuildAnalyzers returns snatlint's Go analyzers with the plugin's
// configuration.
func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return analyzers.New(p.cfg), nil
}

// GetLoadMode asks golangci-lint for type information: snatlint resolves
// constructors by their types, never by spelling.
func (p *plugin) GetLoadMode() string { return register.LoadModeTypesInfo }
