package contexts

// Sarama: ConsumeClaim of a sarama.ConsumerGroupHandler, as a whole: it
// runs for every claim of every rebalance and loops over the claim's
// messages. (github.com/IBM/sarama, and its former path
// github.com/Shopify/sarama.)
var Sarama = &Family{
	Name:  "sarama",
	Label: "sarama ConsumeClaim",
	Desc:  "{label} of {recv}",
	Each:  "each claim",
	Fix:   "create it once in the ConsumerGroupHandler built in main",
	Implements: []Interface{
		{Type: TypeRef{Pkg: "github.com/IBM/sarama", Name: "ConsumerGroupHandler"}, Methods: []string{"ConsumeClaim"}},
		{Type: TypeRef{Pkg: "github.com/Shopify/sarama", Name: "ConsumerGroupHandler"}, Methods: []string{"ConsumeClaim"}},
	},
	Loops: []Call{
		{Pkg: "github.com/IBM/sarama", Recv: "PartitionConsumer", Name: "Messages"},
		{Pkg: "github.com/Shopify/sarama", Recv: "PartitionConsumer", Name: "Messages"},
	},
	LoopLabel: "Kafka message loop",
}
