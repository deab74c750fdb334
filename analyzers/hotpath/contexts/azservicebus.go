package contexts

// pkgServiceBus is the Azure Service Bus SDK for Go.
const pkgServiceBus = "github.com/Azure/azure-sdk-for-go/sdk/messaging/azservicebus"

// AzureServiceBus: the Go SDK has no processor with callbacks; a loop
// that receives (ReceiveMessages, ReceiveDeferredMessages, PeekMessages)
// is the message loop, hot like any loop unless it is paced.
var AzureServiceBus = &Family{
	Name:  "azservicebus",
	Label: "Service Bus receive loop",
	Each:  "each batch of messages",
	Fix:   "create it once before the receive loop",
	Loops: []Call{
		{Pkg: pkgServiceBus, Recv: "Receiver", Name: "ReceiveMessages"},
		{Pkg: pkgServiceBus, Recv: "Receiver", Name: "ReceiveDeferredMessages"},
		{Pkg: pkgServiceBus, Recv: "Receiver", Name: "PeekMessages"},
		{Pkg: pkgServiceBus, Recv: "SessionReceiver", Name: "ReceiveMessages"},
		{Pkg: pkgServiceBus, Recv: "SessionReceiver", Name: "ReceiveDeferredMessages"},
		{Pkg: pkgServiceBus, Recv: "SessionReceiver", Name: "PeekMessages"},
	},
	LoopLabel: "Service Bus receive loop",
}
