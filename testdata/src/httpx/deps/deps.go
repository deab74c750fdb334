// Package deps calls into a dependency (example.com/settings) from a
// handler: only the constructions the caller controls count there, and
// in the user's module a construction on any path counts.
package deps

import (
	"net/http"
	"os"
	"strings"

	"example.com/settings"
)

// get is the user's own copy of settings.Get: in the user's module a
// construction on any path counts.
func get(key string) string {
	v := os.Getenv(key)
	if strings.HasPrefix(v, "env://") {
		c := &http.Client{Transport: &http.Transport{}}
		c.Get("https://vault/" + v)
	}
	return v
}

func Handler(w http.ResponseWriter, r *http.Request) {
	settings.Get("DB")
	settings.ProxyClient()
	settings.NewFetcher(nil) // want `^http.Transport built by settings.NewFetcher in HTTP handler Handler`
	settings.NewDefault()    // want `^http.Transport built by settings.NewDefault in HTTP handler Handler`
	get("DB")                // want `^http.Transport built by get in HTTP handler Handler`
}
