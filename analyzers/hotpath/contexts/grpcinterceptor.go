package contexts

// GRPCInterceptor: server and client interceptors, functions (declared,
// literals, or converted) with the signature of grpc.UnaryServerInterceptor,
// StreamServerInterceptor, UnaryClientInterceptor or
// StreamClientInterceptor: each runs once per RPC.
var GRPCInterceptor = &Family{
	Name:  "grpcinterceptor",
	Label: "gRPC interceptor",
	Each:  "each call",
	Fix:   "create it once before the server or connection starts",
	Signatures: []TypeRef{
		{Pkg: pkgGRPC, Name: "UnaryServerInterceptor"},
		{Pkg: pkgGRPC, Name: "StreamServerInterceptor"},
		{Pkg: pkgGRPC, Name: "UnaryClientInterceptor"},
		{Pkg: pkgGRPC, Name: "StreamClientInterceptor"},
	},
}
