package fixsafe

import (
	"net/http"
	"time"
)

// localConst: the literal refers to a local constant; a package-level
// variable could not (issue 8 item 6): no fix.
func localConst(w http.ResponseWriter, r *http.Request) {
	const timeout = 5 * time.Second
	c := &http.Client{Timeout: timeout} // want `http.Client created in HTTP handler localConst`
	_ = c
}

const pkgTimeout = 3 * time.Second

// pkgConst: package-level and imported names are fine: fixed.
func pkgConst(w http.ResponseWriter, r *http.Request) {
	c := &http.Client{Timeout: pkgTimeout} // want `http.Client created in HTTP handler pkgConst`
	_ = c
}

// H: hClient is taken in fixsafe_test.go and hClient2 in a file built
// only with a tag (issue 8 item 7): the fix picks hClient3.
func H(w http.ResponseWriter, r *http.Request) {
	c := &http.Client{Timeout: time.Second} // want `http.Client created in HTTP handler H`
	_ = c
}
