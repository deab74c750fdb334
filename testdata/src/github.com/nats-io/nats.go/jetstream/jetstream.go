// Package jetstream is a stub of github.com/nats-io/nats.go/jetstream:
// consumers, MessageHandler and the message iterator, with the real
// signatures.
package jetstream

type Msg interface {
	Data() []byte
	Ack() error
}

type MessageHandler func(msg Msg)

type PullConsumeOpt interface{ configureConsume() }

type PullMessagesOpt interface{ configureMessages() }

type ConsumeContext interface{ Stop() }

type MessagesContext interface {
	Next() (Msg, error)
	Stop()
}

type Consumer interface {
	Consume(handler MessageHandler, opts ...PullConsumeOpt) (ConsumeContext, error)
	Messages(opts ...PullMessagesOpt) (MessagesContext, error)
}
