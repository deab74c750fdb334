package sarama

import (
	"net/http"

	"github.com/IBM/sarama"

	"ctxs/lib"
)

// ---- findings ----

type handler struct{}

func (handler) Setup(sarama.ConsumerGroupSession) error   { return nil }
func (handler) Cleanup(sarama.ConsumerGroupSession) error { return nil }

func (h handler) ConsumeClaim(sess sarama.ConsumerGroupSession, claim sarama.ConsumerGroupClaim) error {
	c := lib.NewClient() // want `^http.Transport built by lib.NewClient in sarama ConsumeClaim of handler: each claim opens new`
	_ = c
	for msg := range claim.Messages() {
		_ = &http.Client{} // want `http.Client created in loop body`
		sess.MarkMessage(msg, "")
	}
	return nil
}

// ---- silent twins ----

type goodHandler struct{ client *http.Client }

// Setup runs once per session, before the claims.
func (h *goodHandler) Setup(sarama.ConsumerGroupSession) error {
	h.client = lib.NewClient()
	return nil
}

func (*goodHandler) Cleanup(sarama.ConsumerGroupSession) error { return nil }

func (h *goodHandler) ConsumeClaim(sess sarama.ConsumerGroupSession, claim sarama.ConsumerGroupClaim) error {
	for msg := range claim.Messages() {
		_ = h.client
		sess.MarkMessage(msg, "")
	}
	return nil
}

// A ConsumeClaim on a type that is no ConsumerGroupHandler.
type notHandler struct{}

func (notHandler) ConsumeClaim(sess sarama.ConsumerGroupSession, claim sarama.ConsumerGroupClaim) error {
	_ = &http.Transport{}
	return nil
}
