// Command integration is a small service that uses the real Azure SDK for
// Go. snatlint's end-to-end test runs on it; see handlers/bad.go for the
// mistakes and handlers/fixed.go for their fixed twins.
package main

import (
	"log"
	"net/http"
	"os"

	"example.com/integration/handlers"
)

func main() {
	srv, err := handlers.NewServer([]string{os.Getenv("AZURE_SUBSCRIPTION_ID")})
	if err != nil {
		log.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/vms/{name}", srv)
	mux.HandleFunc("/bad/vms/{name}", handlers.GetVM)
	mux.HandleFunc("/bad/groups", handlers.ListGroups)
	mux.HandleFunc("/fixed/vms/{name}", handlers.GetVMFixed)
	log.Fatal(http.ListenAndServe(":8080", mux))
}
