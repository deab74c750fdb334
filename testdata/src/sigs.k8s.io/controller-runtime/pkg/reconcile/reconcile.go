// Package reconcile is a stub of
// sigs.k8s.io/controller-runtime/pkg/reconcile (v0.19 and later: the
// generic TypedReconciler and TypedFunc, with Reconciler and Func as their
// Request instances), with the real signatures.
package reconcile

import "context"

type Request struct {
	Namespace, Name string
}

type Result struct {
	Requeue bool
}

type TypedReconciler[request comparable] interface {
	Reconcile(context.Context, request) (Result, error)
}

type Reconciler = TypedReconciler[Request]

type TypedFunc[request comparable] func(context.Context, request) (Result, error)

type Func = TypedFunc[Request]

func (r TypedFunc[request]) Reconcile(ctx context.Context, req request) (Result, error) {
	return r(ctx, req)
}
