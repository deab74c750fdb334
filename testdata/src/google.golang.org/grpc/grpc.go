// Package grpc is a stub of google.golang.org/grpc: the server, the
// service registrar, the interceptor types and the generic stream
// interfaces, with the real signatures.
package grpc

import "context"

type ServiceDesc struct{ ServiceName string }

type ServiceRegistrar interface {
	RegisterService(desc *ServiceDesc, impl any)
}

type ServerOption interface{ apply() }

type Server struct{}

func NewServer(opt ...ServerOption) *Server { return &Server{} }

func (s *Server) RegisterService(desc *ServiceDesc, impl any) {}

type UnaryServerInfo struct {
	Server     any
	FullMethod string
}

type UnaryHandler func(ctx context.Context, req any) (any, error)

type UnaryServerInterceptor func(ctx context.Context, req any, info *UnaryServerInfo, handler UnaryHandler) (resp any, err error)

type StreamServerInfo struct {
	FullMethod     string
	IsClientStream bool
	IsServerStream bool
}

type ServerStream interface {
	Context() context.Context
	SendMsg(m any) error
	RecvMsg(m any) error
}

type StreamHandler func(srv any, stream ServerStream) error

type StreamServerInterceptor func(srv any, ss ServerStream, info *StreamServerInfo, handler StreamHandler) error

type ServerStreamingServer[Res any] interface {
	Send(*Res) error
	ServerStream
}

type ClientConn struct{}

type CallOption interface{ before() }

type UnaryInvoker func(ctx context.Context, method string, req, reply any, cc *ClientConn, opts ...CallOption) error

type UnaryClientInterceptor func(ctx context.Context, method string, req, reply any, cc *ClientConn, invoker UnaryInvoker, opts ...CallOption) error

type StreamDesc struct{ StreamName string }

type ClientStream interface {
	Context() context.Context
}

type Streamer func(ctx context.Context, desc *StreamDesc, cc *ClientConn, method string, opts ...CallOption) (ClientStream, error)

type StreamClientInterceptor func(ctx context.Context, desc *StreamDesc, cc *ClientConn, method string, streamer Streamer, opts ...CallOption) (ClientStream, error)

func UnaryInterceptor(i UnaryServerInterceptor) ServerOption { return nil }

func ChainUnaryInterceptor(interceptors ...UnaryServerInterceptor) ServerOption { return nil }

func StreamInterceptor(i StreamServerInterceptor) ServerOption { return nil }

// The client side: NewClient, Dial and DialContext build a ClientConn
// (SNAT007).

type DialOption interface{ applyDial() }

type credsOption struct{}

func (credsOption) applyDial() {}

type TransportCredentials interface{ Info() string }

func WithTransportCredentials(c TransportCredentials) DialOption { return credsOption{} }

func NewClient(target string, opts ...DialOption) (*ClientConn, error) { return &ClientConn{}, nil }

func Dial(target string, opts ...DialOption) (*ClientConn, error) { return &ClientConn{}, nil }

func DialContext(ctx context.Context, target string, opts ...DialOption) (*ClientConn, error) {
	return &ClientConn{}, nil
}

func (cc *ClientConn) Close() error { return nil }
