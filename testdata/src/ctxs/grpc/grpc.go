package grpc

import (
	"context"
	"net/http"
	"sync"

	"google.golang.org/grpc"

	"ctxs/grpc/pb"
	"ctxs/lib"
)

// ---- findings ----

type server struct {
	pb.UnimplementedGreeterServer
}

func (s *server) SayHello(ctx context.Context, req *pb.HelloRequest) (*pb.HelloReply, error) {
	c := &http.Client{} // want `^http.Client created in gRPC method server.SayHello: it shares http.DefaultTransport's pool, but clients should be reused; create it once in a field of the server built in main$`
	_ = c
	s.helper() // want `http.Transport built by server.helper in gRPC method server.SayHello`
	return &pb.HelloReply{}, nil
}

func (s *server) SayHellos(req *pb.HelloRequest, stream grpc.ServerStreamingServer[pb.HelloReply]) error {
	c := lib.NewClient() // want `^http.Transport built by lib.NewClient in gRPC method server.SayHellos: each call opens new`
	_ = c
	return nil
}

// helper is an ordinary method: it is not a context, but it builds a
// transport on every call, so the call in SayHello is reported there.
func (s *server) helper() {
	_ = &http.Transport{}
}

// A type that does not embed Unimplemented but implements the service in
// full (generated with require_unimplemented_servers=false, or a wrapper)
// and is registered.
type bare struct{ pb.UnsafeGreeterServer }

func (bare) SayHello(ctx context.Context, req *pb.HelloRequest) (*pb.HelloReply, error) {
	_ = &http.Transport{} // want `http.Transport created in gRPC method bare.SayHello`
	return nil, nil
}

func (bare) SayHellos(req *pb.HelloRequest, stream grpc.ServerStreamingServer[pb.HelloReply]) error {
	return nil
}

func (bare) mustEmbedUnimplementedGreeterServer() {}

// Interceptors, declared, as literals, and converted.

func logging(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	_ = &http.Transport{} // want `http.Transport created in gRPC interceptor logging: each call opens .*; create it once before the server or connection starts$`
	return handler(ctx, req)
}

func streamLogging(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
	_ = lib.NewClient() // want `built by lib.NewClient in gRPC interceptor streamLogging`
	return handler(srv, ss)
}

func clientAuth(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	_ = &http.Transport{} // want `http.Transport created in gRPC interceptor clientAuth`
	return invoker(ctx, method, req, reply, cc, opts...)
}

func chain() grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		_ = &http.Transport{} // want `http.Transport created in gRPC interceptor \(func literal\)`
		return handler(ctx, req)
	}
}

// ---- silent twins: built once ----

type goodServer struct {
	pb.UnimplementedGreeterServer
	client *http.Client
}

var sharedClient = &http.Client{}

var lazyClient = sync.OnceValue(func() *http.Client { return lib.NewClient() })

func (s *goodServer) SayHello(ctx context.Context, req *pb.HelloRequest) (*pb.HelloReply, error) {
	_ = s.client
	_ = sharedClient
	_ = lazyClient()
	return &pb.HelloReply{}, nil
}

// notAnRPC is a method of the server type that is not in GreeterServer:
// an ordinary function, and nothing calls it per request.
func (s *goodServer) notAnRPC() {
	_ = &http.Transport{}
}

// newGoodServer builds the client once, called from main.
func newGoodServer() *goodServer {
	return &goodServer{client: lib.NewClient()}
}

// A method named like an RPC on a type that implements no service.
type notAServer struct{}

func (notAServer) SayHello(ctx context.Context, req *pb.HelloRequest) (*pb.HelloReply, error) {
	_ = &http.Transport{}
	return nil, nil
}

// A function with a signature close to an interceptor's but not the same.
func notInterceptor(ctx context.Context, req any, info *grpc.UnaryServerInfo) (any, error) {
	_ = &http.Transport{}
	return nil, nil
}

func init() {
	_ = lib.NewClient()
}

func main() {
	_ = lib.NewClient()
	s := grpc.NewServer(grpc.UnaryInterceptor(logging), grpc.StreamInterceptor(streamLogging), grpc.ChainUnaryInterceptor(chain()))
	pb.RegisterGreeterServer(s, &server{})
	pb.RegisterGreeterServer(s, bare{})
	pb.RegisterGreeterServer(s, newGoodServer())
	_ = notAServer{}
	_ = notInterceptor
	_ = clientAuth
	(&goodServer{}).notAnRPC()
}
