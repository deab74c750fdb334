package contexts

// pkgReconcile is controller-runtime's reconcile package.
const pkgReconcile = "sigs.k8s.io/controller-runtime/pkg/reconcile"

// ControllerRuntime: Reconcile of any type implementing
// reconcile.TypedReconciler[T] (any T; reconcile.Reconciler is its
// Request instance), and functions converted to reconcile.Func or
// TypedFunc. The manager calls Reconcile for every event and every
// requeue.
var ControllerRuntime = &Family{
	Name:  "controllerruntime",
	Label: "Reconcile",
	Desc:  "{label} of {recv}",
	Each:  "each reconcile",
	Fix:   "create it once in a field of the reconciler set up in main",
	Implements: []Interface{
		{Type: TypeRef{Pkg: pkgReconcile, Name: "TypedReconciler"}, Methods: []string{"Reconcile"}},
		{Type: TypeRef{Pkg: pkgReconcile, Name: "Reconciler"}, Methods: []string{"Reconcile"}},
	},
	CallbackTypes: []TypeRef{{Pkg: pkgReconcile, Name: "TypedFunc"}, {Pkg: pkgReconcile, Name: "Func"}},
}
