package nats

import (
	"net/http"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"ctxs/lib"
)

// ---- findings ----

func onOrder(m *nats.Msg) {
	_ = &http.Transport{} // want `^http.Transport created in NATS message handler onOrder: each message opens new connections and leaks an idle pool; create it once before subscribing`
	_ = lib.NewClient()   // want `built by lib.NewClient in NATS message handler onOrder`
}

type worker struct{}

func (w *worker) handle(m *nats.Msg) {
	_ = &http.Transport{} // want `http.Transport created in NATS message handler handle`
}

// subscribe wraps Subscribe: its callers give it a nats.MsgHandler.
func subscribe(nc *nats.Conn, subject string, h nats.MsgHandler) {
	nc.Subscribe(subject, h)
}

func onWrapped(m *nats.Msg) {
	_ = &http.Transport{} // want `http.Transport created in NATS message handler onWrapped`
}

func setup(nc *nats.Conn, js nats.JetStreamContext, cons jetstream.Consumer) {
	nc.Subscribe("orders", onOrder)
	w := &worker{}
	nc.QueueSubscribe("jobs", "q", w.handle)
	nc.Subscribe("events", func(m *nats.Msg) {
		_ = &http.Transport{} // want `http.Transport created in NATS message handler for "events"`
	})
	js.Subscribe("js", func(m *nats.Msg) {
		_ = &http.Transport{} // want `http.Transport created in NATS message handler for "js"`
	})
	cons.Consume(func(m jetstream.Msg) {
		_ = &http.Transport{} // want `http.Transport created in NATS message handler \(func literal\)`
	})
	subscribe(nc, "wrapped", onWrapped)
}

func pull(sub *nats.Subscription) {
	for {
		m, err := sub.NextMsg(time.Second)
		if err != nil {
			continue
		}
		_ = m
		_ = &http.Transport{} // want `http.Transport created in NATS receive loop`
	}
}

// ---- silent twins ----

var shared = lib.NewClient()

func onGood(m *nats.Msg) {
	_ = shared
}

// notSubscribed has a handler's shape, but nothing subscribes it.
func notSubscribed(m *nats.Msg) {
	_ = &http.Transport{}
}

func main() {
	nc, _ := nats.Connect("nats://localhost")
	client := lib.NewClient()
	nc.Subscribe("good", onGood)
	nc.Subscribe("captured", func(m *nats.Msg) {
		_ = client
	})
}
