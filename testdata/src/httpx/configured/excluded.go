package configured

import "net/http"

// This file is excluded by the configuration in TestConfig.
func excluded(w http.ResponseWriter, r *http.Request) {
	_ = &http.Client{}
}
