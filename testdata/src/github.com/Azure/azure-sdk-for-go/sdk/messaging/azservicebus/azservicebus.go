// Package azservicebus is a stub of the Azure Service Bus SDK for Go: the
// receiver, with the real signatures.
package azservicebus

import "context"

type ReceivedMessage struct{ Body []byte }

type ReceiveMessagesOptions struct{}

type Receiver struct{}

func (r *Receiver) ReceiveMessages(ctx context.Context, maxMessages int, options *ReceiveMessagesOptions) ([]*ReceivedMessage, error) {
	return nil, nil
}

func (r *Receiver) CompleteMessage(ctx context.Context, message *ReceivedMessage, options any) error {
	return nil
}
