package main

import (
	"os"
	"path/filepath"

	"github.com/snatlint/snatlint/analyzers/config"
	"github.com/snatlint/snatlint/pylint"
)

// openPyCache returns the Python result cache, or nil when there is none:
// per-file summaries keyed by content (pylint.Cache) in the user cache
// directory ($XDG_CACHE_HOME/snatlint/python, ~/.cache/snatlint/python,
// ...), or in $SNATLINT_CACHE/python; SNATLINT_CACHE=off or -cache=false
// turns it off. A cache that cannot be opened is no cache: the run is
// only slower.
func openPyCache(cfg *config.File) *pylint.Cache {
	dir := os.Getenv("SNATLINT_CACHE")
	switch dir {
	case "off":
		return nil
	case "":
		base, err := os.UserCacheDir()
		if err != nil {
			return nil
		}
		dir = filepath.Join(base, "snatlint")
	}
	c, err := pylint.OpenCache(filepath.Join(dir, "python"), 0, cfg)
	if err != nil {
		return nil
	}
	return c
}
