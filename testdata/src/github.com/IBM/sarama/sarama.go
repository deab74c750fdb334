// Package sarama is a stub of github.com/IBM/sarama: the consumer group
// handler interfaces, with the real signatures.
package sarama

type ConsumerMessage struct {
	Topic string
	Value []byte
}

type ConsumerGroupSession interface {
	MarkMessage(msg *ConsumerMessage, metadata string)
}

type ConsumerGroupClaim interface {
	Topic() string
	Messages() <-chan *ConsumerMessage
}

type ConsumerGroupHandler interface {
	Setup(ConsumerGroupSession) error
	Cleanup(ConsumerGroupSession) error
	ConsumeClaim(ConsumerGroupSession, ConsumerGroupClaim) error
}
