// Package azeventhubs is a stub of the Azure Event Hubs SDK for Go: the
// processor and the partition client, with the real signatures.
package azeventhubs

import "context"

type ReceivedEventData struct{ Body []byte }

type ReceiveEventsOptions struct{}

type PartitionClient struct{}

func (pc *PartitionClient) ReceiveEvents(ctx context.Context, count int, options *ReceiveEventsOptions) ([]*ReceivedEventData, error) {
	return nil, nil
}

type Processor struct{}

func (p *Processor) NextPartitionClient(ctx context.Context) *PartitionClient { return nil }
