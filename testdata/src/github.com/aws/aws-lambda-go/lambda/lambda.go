// Package lambda is a stub of github.com/aws/aws-lambda-go/lambda: the
// entry points and the Handler interface, with the real signatures.
package lambda

import "context"

type Handler interface {
	Invoke(ctx context.Context, payload []byte) ([]byte, error)
}

type Option func(*handlerOptions)

type handlerOptions struct{}

type HandlerFunc[TIn, TOut any] interface {
	func(context.Context, TIn) (TOut, error)
}

func Start(handler interface{}) {}

func StartWithOptions(handler interface{}, options ...Option) {}

func StartWithContext(ctx context.Context, handler interface{}) {}

func StartHandler(handler Handler) {}

func StartHandlerFunc[TIn any, TOut any, H HandlerFunc[TIn, TOut]](handler H, options ...Option) {}

func NewHandler(handlerFunc interface{}) Handler { return nil }
