package contexts

// Event Hubs SDK for Go, v1 and v2.
const (
	pkgEventHubs   = "github.com/Azure/azure-sdk-for-go/sdk/messaging/azeventhubs"
	pkgEventHubsV2 = "github.com/Azure/azure-sdk-for-go/sdk/messaging/azeventhubs/v2"
)

// AzureEventHubs: a loop that receives events (PartitionClient.ReceiveEvents)
// or takes the processor's next partition (Processor.NextPartitionClient)
// is the message loop.
var AzureEventHubs = &Family{
	Name:  "azeventhubs",
	Label: "Event Hubs receive loop",
	Each:  "each batch of events",
	Fix:   "create it once before the receive loop",
	Loops: []Call{
		{Pkg: pkgEventHubs, Recv: "PartitionClient", Name: "ReceiveEvents"},
		{Pkg: pkgEventHubs, Recv: "Processor", Name: "NextPartitionClient"},
		{Pkg: pkgEventHubsV2, Recv: "PartitionClient", Name: "ReceiveEvents"},
		{Pkg: pkgEventHubsV2, Recv: "Processor", Name: "NextPartitionClient"},
	},
	LoopLabel: "Event Hubs receive loop",
}
