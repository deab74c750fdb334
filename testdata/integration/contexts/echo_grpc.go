package contexts

// What protoc-gen-go-grpc generates for an Echo service, written by hand
// against the real google.golang.org/grpc (no protobuf messages needed).

import (
	"context"

	"google.golang.org/grpc"
)

type EchoRequest struct{ Text string }

type EchoReply struct{ Text string }

type EchoServer interface {
	Echo(context.Context, *EchoRequest) (*EchoReply, error)
	EchoStream(*EchoRequest, grpc.ServerStreamingServer[EchoReply]) error
	mustEmbedUnimplementedEchoServer()
}

type UnimplementedEchoServer struct{}

func (UnimplementedEchoServer) Echo(context.Context, *EchoRequest) (*EchoReply, error) {
	return nil, nil
}

func (UnimplementedEchoServer) EchoStream(*EchoRequest, grpc.ServerStreamingServer[EchoReply]) error {
	return nil
}

func (UnimplementedEchoServer) mustEmbedUnimplementedEchoServer() {}

func RegisterEchoServer(s grpc.ServiceRegistrar, srv EchoServer) {
	s.RegisterService(&grpc.ServiceDesc{ServiceName: "Echo", HandlerType: (*EchoServer)(nil)}, srv)
}
