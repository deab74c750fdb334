package configured

import (
	"net/http"

	"httpx/custom"
)

type Ctx struct{}

func job(c *Ctx) {
	_ = &http.Client{} // want `http.Client created in handler job`
}

func h(w http.ResponseWriter, r *http.Request) {
	custom.NewHTTPClient() // want `^HTTP client built by custom.NewHTTPClient in HTTP handler h: each request builds a new HTTP client instead of reusing one`
	var f custom.Factory
	f.Pool()          // want `^HTTP client built by custom.Factory.Pool in HTTP handler h`
	_ = custom.Pool{} // want `^custom.Pool created in HTTP handler h`
	custom.NewPooledClient() // want `^HTTP client built by custom.NewPooledClient in HTTP handler h: each request opens new connections through its own pool`
}
