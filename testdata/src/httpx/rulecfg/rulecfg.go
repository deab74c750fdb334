package rulecfg

import "net/http"

func h(w http.ResponseWriter, r *http.Request) {
	_ = &http.Transport{} // SNAT001 is disabled in TestConfig
	_ = &http.Client{}    // want `http.Client created in HTTP handler h`
}
