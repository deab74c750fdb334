package configured

import (
	"net/http"
	"testing"
)

func TestLoop(t *testing.T) {
	for i := 0; i < loopCount; i++ {
		_ = &http.Client{} // want `http.Client created in loop body`
	}
}

var loopCount = 2 // not a constant: the loop is hot
