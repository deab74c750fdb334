package frameworks

// GRPC: methods of servicers, classes deriving a generated <X>Servicer
// (also when the generated *_pb2_grpc module is in the scanned tree),
// taking (self, request, context); server interceptors. The server keeps
// one servicer instance: its __init__ runs once.
var GRPC = &Framework{
	Name:    "grpc",
	Label:   "gRPC method",
	Fix:     "create it once at module level or in the servicer's __init__",
	Modules: []string{"grpc"},
	Classes: []Class{
		{Guess: []string{"*Servicer"}, From: "_pb2_grpc", Params: []string{"", "context|ctx|_context"}},
		{Bases: []string{"ServerInterceptor"}, Methods: []string{"intercept_service"}, Label: "gRPC interceptor"},
	},
}
