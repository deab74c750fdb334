package contexts

// NATS packages.
const (
	pkgNATS      = "github.com/nats-io/nats.go"
	pkgJetStream = "github.com/nats-io/nats.go/jetstream"
	pkgMicro     = "github.com/nats-io/nats.go/micro"
)

// NATS: message callbacks, any function given for a nats.MsgHandler
// (Subscribe, QueueSubscribe, JetStream Subscribe, or a wrapper taking
// one), a jetstream.MessageHandler (Consume) or a micro.HandlerFunc, or
// converted to one; Handle of a micro.Handler. Pull loops (NextMsg,
// Fetch, Next) are message loops.
var NATS = &Family{
	Name:  "nats",
	Label: "NATS message handler",
	Each:  "each message",
	Fix:   "create it once before subscribing",
	CallbackTypes: []TypeRef{
		{Pkg: pkgNATS, Name: "MsgHandler"},
		{Pkg: pkgJetStream, Name: "MessageHandler"},
		{Pkg: pkgMicro, Name: "HandlerFunc"},
	},
	Implements: []Interface{{Type: TypeRef{Pkg: pkgMicro, Name: "Handler"}, Methods: []string{"Handle"}}},
	Loops: []Call{
		{Pkg: pkgNATS, Recv: "Subscription", Name: "NextMsg"},
		{Pkg: pkgNATS, Recv: "Subscription", Name: "NextMsgWithContext"},
		{Pkg: pkgNATS, Recv: "Subscription", Name: "Fetch"},
		{Pkg: pkgNATS, Recv: "Subscription", Name: "FetchBatch"},
		{Pkg: pkgJetStream, Recv: "MessagesContext", Name: "Next"},
		{Pkg: pkgJetStream, Recv: "Consumer", Name: "Fetch"},
		{Pkg: pkgJetStream, Recv: "Consumer", Name: "FetchNoWait"},
		{Pkg: pkgJetStream, Recv: "Consumer", Name: "Next"},
	},
	LoopLabel: "NATS receive loop",
}
