package azmsg

import (
	"context"
	"net/http"

	"github.com/Azure/azure-sdk-for-go/sdk/messaging/azeventhubs"
	"github.com/Azure/azure-sdk-for-go/sdk/messaging/azservicebus"

	"ctxs/lib"
)

// ---- findings ----

func receive(ctx context.Context, r *azservicebus.Receiver) {
	for {
		msgs, err := r.ReceiveMessages(ctx, 10, nil)
		if err != nil {
			return
		}
		_ = lib.NewClient() // want `built by lib.NewClient in Service Bus receive loop: each iteration opens new`
		_ = msgs
	}
}

func events(ctx context.Context, p *azeventhubs.Processor) {
	for {
		pc := p.NextPartitionClient(ctx)
		if pc == nil {
			return
		}
		_ = &http.Client{} // want `^http.Client created in Event Hubs receive loop: .*; create it once before the receive loop$`
	}
}

// ---- silent twin ----

func receiveGood(ctx context.Context, r *azservicebus.Receiver) {
	client := lib.NewClient()
	for {
		msgs, err := r.ReceiveMessages(ctx, 10, nil)
		if err != nil {
			return
		}
		_ = client
		_ = msgs
	}
}
