package settings // want package:"relevant"

// settings stands for a widely used dependency (outside the user's
// module): a settings getter that builds a transport only for values
// that point at a vault, and a fetcher that builds its own transport
// when the caller gives none.

import (
	"net/http"
	"os"
	"strings"
)

// Get reads a setting; a value starting with "env://" is read from a
// vault over HTTP. The branch is taken on content: Get does not
// construct on every call.
func Get(key string) string {
	v := os.Getenv(key)
	if strings.HasPrefix(v, "env://") {
		c := &http.Client{Transport: &http.Transport{}}
		resp, err := c.Get("https://vault/" + strings.TrimPrefix(v, "env://"))
		if err == nil {
			resp.Body.Close()
		}
	}
	return v
}

type fileConfig struct{ UseProxy bool }

func readConfig() fileConfig { return fileConfig{} }

// ProxyClient builds a client only when a flag read from a file says
// so: no construction the caller controls.
func ProxyClient() *http.Client {
	cfg := readConfig()
	if cfg.UseProxy {
		return &http.Client{Transport: &http.Transport{}}
	}
	return http.DefaultClient
}

// Options are the caller's.
type Options struct {
	Transport http.RoundTripper
}

// Fetcher fetches with its transport.
type Fetcher struct{ rt http.RoundTripper }

// NewFetcher builds its own transport when the caller gives none: the
// default taken on a nil option counts.
func NewFetcher(opts *Options) *Fetcher { // want NewFetcher:"constructs http.Transport SNAT001"
	var t http.RoundTripper
	if opts != nil {
		t = opts.Transport
	}
	if t == nil {
		t = &http.Transport{}
	}
	return &Fetcher{rt: t}
}

// NewDefault builds a transport unconditionally.
func NewDefault() *Fetcher { // want NewDefault:"constructs http.Transport SNAT001"
	return &Fetcher{rt: &http.Transport{}}
}
