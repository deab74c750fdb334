package reconcile

import (
	"context"
	"net/http"
	"sync"

	"sigs.k8s.io/controller-runtime/pkg/reconcile"

	"ctxs/lib"
)

// ---- findings ----

type VMReconciler struct{}

func (r *VMReconciler) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	_ = &http.Transport{} // want `^http.Transport created in Reconcile of VMReconciler: each reconcile opens new connections and leaks an idle pool; create it once in a field of the reconciler set up in main$`
	_ = lib.NewClient()   // want `built by lib.NewClient in Reconcile of VMReconciler`
	return reconcile.Result{}, nil
}

// A typed reconciler over another request type.
type Key struct{ ID string }

type KeyReconciler struct{}

func (KeyReconciler) Reconcile(ctx context.Context, k Key) (reconcile.Result, error) {
	_ = &http.Transport{} // want `http.Transport created in Reconcile of KeyReconciler`
	return reconcile.Result{}, nil
}

func reconcileFunc(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	_ = &http.Transport{} // want `http.Transport created in Reconcile reconcileFunc`
	return reconcile.Result{}, nil
}

var _ = reconcile.Func(reconcileFunc)

var _ = reconcile.TypedFunc[Key](func(ctx context.Context, k Key) (reconcile.Result, error) {
	_ = &http.Transport{} // want `http.Transport created in Reconcile \(func literal\)`
	return reconcile.Result{}, nil
})

// ---- silent twins ----

type GoodReconciler struct {
	Client *http.Client // set in main / SetupWithManager
}

var lazy = sync.OnceValue(lib.NewClient)

func (r *GoodReconciler) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	_ = r.Client
	_ = lazy()
	return reconcile.Result{}, nil
}

// A Reconcile whose result is not reconcile.Result implements nothing.
type NotReconciler struct{}

func (NotReconciler) Reconcile(ctx context.Context, req reconcile.Request) error {
	_ = &http.Transport{}
	return nil
}

// notRegistered has reconcileFunc's shape but is never converted.
func notRegistered(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	_ = &http.Transport{}
	return reconcile.Result{}, nil
}

func SetupWithManager() *GoodReconciler {
	return &GoodReconciler{Client: lib.NewClient()}
}
