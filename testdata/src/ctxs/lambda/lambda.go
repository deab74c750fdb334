package lambda

import (
	"context"
	"net/http"

	"github.com/aws/aws-lambda-go/lambda"

	"ctxs/lambda/handler"
	"ctxs/lib"
)

// ---- findings ----

func handle(ctx context.Context, ev map[string]any) (string, error) {
	_ = &http.Transport{} // want `^http.Transport created in Lambda handler handle: each invocation opens new connections and leaks an idle pool; create it once before lambda.Start$`
	_ = lib.NewClient()   // want `built by lib.NewClient in Lambda handler handle`
	return "", nil
}

type app struct{}

func (a *app) Handle(ctx context.Context) error {
	_ = &http.Transport{} // want `http.Transport created in Lambda handler Handle`
	return nil
}

type invoker struct{}

func (invoker) Invoke(ctx context.Context, payload []byte) ([]byte, error) {
	_ = &http.Transport{} // want `http.Transport created in Lambda handler Invoke`
	return nil, nil
}

func mainDirect() {
	lambda.Start(handle)
}

func mainMethod() {
	a := &app{}
	lambda.StartWithOptions(a.Handle)
}

func mainLiteral() {
	lambda.Start(func(ctx context.Context) error {
		_ = &http.Transport{} // want `http.Transport created in Lambda handler \(func literal\)`
		return nil
	})
}

func mainLocal() {
	h := func(ctx context.Context) error {
		_ = &http.Transport{} // want `http.Transport created in Lambda handler \(func literal\)`
		return nil
	}
	lambda.Start(h)
}

func mainOtherPackage() {
	lambda.Start(handler.Handle) // want `^http.Transport built by handler.Handle in Lambda handler handler.Handle: each invocation opens`
}

func mainGeneric() {
	lambda.StartHandlerFunc(func(ctx context.Context, in string) (string, error) {
		_ = &http.Transport{} // want `http.Transport created in Lambda handler \(func literal\)`
		return in, nil
	})
}

// ---- silent twins: built once ----

var shared = &http.Client{}

func good(ctx context.Context) error {
	_ = shared
	return nil
}

// notRegistered has a handler's shape but nothing starts it.
func notRegistered(ctx context.Context, ev map[string]any) error {
	_ = &http.Transport{}
	return nil
}

func main() {
	client := lib.NewClient() // main runs once per execution environment
	svc := &handler.Service{Client: client}
	lambda.Start(svc.Process)
	lambda.Start(good)
	lambda.StartHandler(invoker{})
}
