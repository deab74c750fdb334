package configured

import (
	"net/http"
	"testing"
)

func TestLoop(t *testing.T) {
	for i := 0; i < 2; i++ {
		_ = &http.Client{} // want `http.Client created in loop body`
	}
}
