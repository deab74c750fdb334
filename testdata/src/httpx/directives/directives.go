package directives

import "net/http"

func h(w http.ResponseWriter, r *http.Request) {
	_ = &http.Client{} //nolint:snatlint
	_ = &http.Client{} //nolint:snatlint // cached by the caller
	//snatlint:ignore SNAT002 short-lived admin endpoint
	_ = &http.Client{}
	_ = &http.Client{} //snatlint:ignore SNAT001,SNAT002 test endpoint
	_ = &http.Client{} //nolint:errcheck,snatlint
	_ = &http.Client{} //nolint
	_ = &http.Client{} //snatlint:ignore SNAT001 wrong rule // want `http.Client created in HTTP handler h` `matched no SNAT001 finding`
	_ = &http.Client{} //nolint:errcheck // want `http.Client created in HTTP handler h`
	_ = &http.Client{} //snatlint:ignore SNAT002 // want `malformed suppression directive: //snatlint:ignore SNAT002 needs a reason` `http.Client created in HTTP handler h`
	_ = &http.Client{} //snatlint:ignore // want `malformed suppression directive: //snatlint:ignore needs a rule ID` `http.Client created in HTTP handler h`
	_ = &http.Client{} //snatlint:ignore SNAT999 bad id // want `unknown rule "SNAT999"` `http.Client created in HTTP handler h`
	_ = &http.Client{} //snatlint:skip SNAT002 reason // want `unknown snatlint directive` `http.Client created in HTTP handler h`
}

func unused(w http.ResponseWriter, r *http.Request) {
	x := 1 //snatlint:ignore SNAT002 nothing here // want `this //snatlint:ignore directive matched no SNAT002 finding; remove it`
	_ = x
	y := 2 //snatlint:ignore SNAT003 azureclient's rule: not checked by httpclient
	_ = y
	z := 3 //nolint:snatlint // nolint is never reported as unused
	_ = z
}
