package contexts

// pkgGRPC is google.golang.org/grpc.
const pkgGRPC = "google.golang.org/grpc"

// GRPC: the methods of a generated <X>Server interface (unary and
// streaming), in a type that implements it: one that embeds
// Unimplemented<X>Server (protoc-gen-go-grpc's default) or is passed to
// Register<X>Server. Each runs once per RPC; the type's other methods are
// ordinary functions, followed interprocedurally.
var GRPC = &Family{
	Name:  "grpc",
	Label: "gRPC method",
	Desc:  "{label} {recv}.{name}",
	Each:  "each call",
	Fix:   "create it once in a field of the server built in main",
	Services: &Services{
		Prefix:     "Register",
		Suffix:     "Server",
		Registrars: []TypeRef{{Pkg: pkgGRPC, Name: "ServiceRegistrar"}, {Pkg: pkgGRPC, Name: "Server", Ptr: true}},
		Arg:        1,
		Skip:       []string{"mustEmbedUnimplemented*", "testEmbeddedByValue"},
	},
}
