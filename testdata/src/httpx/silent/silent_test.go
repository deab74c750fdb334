package silent

import (
	"net/http"
	"testing"
)

func TestSomething(t *testing.T) {
	for i := 0; i < 3; i++ {
		_ = &http.Client{} // _test.go files are skipped by default
	}
}

func handlerInTest(w http.ResponseWriter, r *http.Request) { _ = &http.Transport{} }
