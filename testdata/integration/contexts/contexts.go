// Package contexts has per-call code that is not an HTTP handler, recognised
// through the real libraries that define it: a gRPC service method and
// interceptor (google.golang.org/grpc), a Lambda handler
// (github.com/aws/aws-lambda-go), and a Prometheus collector
// (github.com/prometheus/client_golang). Lines marked "expect" must be
// reported; their built-once twins must not.
package contexts

import (
	"context"

	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/compute/armcompute/v6"
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/prometheus/client_golang/prometheus"
	"google.golang.org/grpc"
)

const subscriptionID = "00000000-0000-0000-0000-000000000000"

// ---- gRPC ----

type echoServer struct {
	UnimplementedEchoServer
	vms *armcompute.VirtualMachinesClient // built once, in NewEchoServer
}

func (s *echoServer) Echo(ctx context.Context, req *EchoRequest) (*EchoReply, error) {
	cred, err := azidentity.NewDefaultAzureCredential(nil) // expect SNAT004:error
	if err != nil {
		return nil, err
	}
	_ = cred
	_ = s.vms
	return &EchoReply{Text: req.Text}, nil
}

func (s *echoServer) EchoStream(req *EchoRequest, stream grpc.ServerStreamingServer[EchoReply]) error {
	return stream.Send(&EchoReply{Text: req.Text}) // silent: builds nothing
}

func NewEchoServer(cred *azidentity.DefaultAzureCredential) (*echoServer, error) {
	vms, err := armcompute.NewVirtualMachinesClient(subscriptionID, cred, nil) // silent: once, at start-up
	if err != nil {
		return nil, err
	}
	return &echoServer{vms: vms}, nil
}

func audit(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	_, _ = azidentity.NewManagedIdentityCredential(nil) // expect SNAT004:error
	return handler(ctx, req)
}

func Serve(cred *azidentity.DefaultAzureCredential) error {
	s := grpc.NewServer(grpc.UnaryInterceptor(audit))
	srv, err := NewEchoServer(cred)
	if err != nil {
		return err
	}
	RegisterEchoServer(s, srv)
	return nil
}

// ---- Lambda ----

func handleEvent(ctx context.Context, ev map[string]string) error {
	cred, err := azidentity.NewDefaultAzureCredential(nil) // expect SNAT004:error
	if err != nil {
		return err
	}
	_, err = armcompute.NewVirtualMachinesClient(subscriptionID, cred, nil) // expect SNAT003:warning
	return err
}

var sharedCred, _ = azidentity.NewDefaultAzureCredential(nil)

func handleGood(ctx context.Context, ev map[string]string) error {
	_ = sharedCred // silent: package level
	return nil
}

func StartLambda(good bool) {
	if good {
		lambda.Start(handleGood)
		return
	}
	lambda.Start(handleEvent)
}

// ---- Prometheus ----

var vmDesc = prometheus.NewDesc("vms", "virtual machines", nil, nil)

type vmCollector struct {
	vms *armcompute.VirtualMachinesClient
}

func (c *vmCollector) Describe(ch chan<- *prometheus.Desc) { ch <- vmDesc }

func (c *vmCollector) Collect(ch chan<- prometheus.Metric) {
	vms, err := armcompute.NewVirtualMachinesClient(subscriptionID, sharedCred, nil) // expect SNAT003:warning
	if err != nil {
		return
	}
	_ = vms
	_ = c.vms // the fix: the field set by NewVMCollector
	ch <- prometheus.MustNewConstMetric(vmDesc, prometheus.GaugeValue, 1)
}

func NewVMCollector() (*vmCollector, error) {
	vms, err := armcompute.NewVirtualMachinesClient(subscriptionID, sharedCred, nil) // silent: once
	if err != nil {
		return nil, err
	}
	c := &vmCollector{vms: vms}
	prometheus.MustRegister(c)
	return c, nil
}
