package fix

import (
	"net/http"
	"time"
)

var getVMClient = 1 // taken: the fix picks getVMClient2

// GetVM reads a VM.
func GetVM(w http.ResponseWriter, r *http.Request) {
	c := &http.Client{Timeout: 5 * time.Second} // want `http.Client created in HTTP handler GetVM`
	c.Get("https://example.com")
	t := &http.Transport{MaxIdleConnsPerHost: 8} // want `http.Transport created in HTTP handler GetVM`
	_ = t
}

func mutated(w http.ResponseWriter, r *http.Request) {
	c := &http.Client{} // want `http.Client created in HTTP handler mutated`
	c.Timeout = time.Second
}

func notConst(w http.ResponseWriter, r *http.Request, d time.Duration) {
	_ = &http.Client{Timeout: d} // want `http.Client created in HTTP handler notConst`
}
