package frameworks

// Channels: Django Channels consumers. A consumer instance lives for one
// connection: connect/receive/disconnect and the channel-layer handlers
// (self, event) run per connection or per message, and what they store on
// self dies with the connection.
var Channels = &Framework{
	Name:    "channels",
	Label:   "Channels consumer",
	Fix:     "create it once at module level: a consumer is per connection",
	Modules: []string{"channels"},
	Classes: []Class{
		{
			Bases: []string{"*Consumer"},
			Methods: []string{
				"__init__", "connect", "disconnect", "receive", "receive_json", "websocket_connect",
				"websocket_receive", "websocket_disconnect", "http_request", "handle",
			},
			Params:         []string{"event"},
			SelfPerRequest: true,
		},
	},
}
