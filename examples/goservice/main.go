// Command goservice is snatlint's demo service: bad.go builds HTTP clients
// and transports per request, fixed.go shows the fixes. Run snatlint on it
// with `go run ./cmd/snatlint ./examples/...` from the repository root.
package main

import (
	"log"
	"net/http"
	"os"
)

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/bad/proxy", badProxy)
	mux.HandleFunc("/bad/helper", badViaHelper)
	mux.HandleFunc("/proxy", fixedProxy)
	mux.Handle("/health", newServer())
	if len(os.Args) > 1 {
		pingAll(os.Args[1:])
		fixedPingAll(os.Args[1:])
		return
	}
	log.Fatal(http.ListenAndServe(":8080", mux))
}
