// Package nats is a stub of github.com/nats-io/nats.go: connections,
// subscriptions, MsgHandler and the legacy JetStream context, with the
// real signatures.
package nats

import "time"

type Msg struct {
	Subject string
	Data    []byte
}

type MsgHandler func(msg *Msg)

type Conn struct{}

func Connect(url string) (*Conn, error) { return &Conn{}, nil }

func (nc *Conn) Subscribe(subj string, cb MsgHandler) (*Subscription, error) { return nil, nil }

func (nc *Conn) QueueSubscribe(subj, queue string, cb MsgHandler) (*Subscription, error) {
	return nil, nil
}

func (nc *Conn) SubscribeSync(subj string) (*Subscription, error) { return nil, nil }

type Subscription struct{}

func (s *Subscription) NextMsg(timeout time.Duration) (*Msg, error) { return nil, nil }

func (s *Subscription) Fetch(batch int) ([]*Msg, error) { return nil, nil }

type SubOpt interface{ configureSubscribe() }

type JetStreamContext interface {
	Subscribe(subj string, cb MsgHandler, opts ...SubOpt) (*Subscription, error)
}

func (nc *Conn) JetStream() (JetStreamContext, error) { return nil, nil }
