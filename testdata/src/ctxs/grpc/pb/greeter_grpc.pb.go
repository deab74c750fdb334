// Package pb is what protoc-gen-go-grpc generates for a Greeter service
// (trimmed to the shapes snatlint reads).
package pb

import (
	"context"

	"google.golang.org/grpc"
)

type HelloRequest struct{ Name string }

type HelloReply struct{ Message string }

type GreeterServer interface {
	SayHello(context.Context, *HelloRequest) (*HelloReply, error)
	SayHellos(*HelloRequest, grpc.ServerStreamingServer[HelloReply]) error
	mustEmbedUnimplementedGreeterServer()
}

type UnimplementedGreeterServer struct{}

func (UnimplementedGreeterServer) SayHello(context.Context, *HelloRequest) (*HelloReply, error) {
	return nil, nil
}

func (UnimplementedGreeterServer) SayHellos(*HelloRequest, grpc.ServerStreamingServer[HelloReply]) error {
	return nil
}

func (UnimplementedGreeterServer) mustEmbedUnimplementedGreeterServer() {}

type UnsafeGreeterServer interface {
	mustEmbedUnimplementedGreeterServer()
}

func RegisterGreeterServer(s grpc.ServiceRegistrar, srv GreeterServer) {
	s.RegisterService(&grpc.ServiceDesc{ServiceName: "Greeter"}, srv)
}
