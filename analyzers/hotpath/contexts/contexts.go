// Package contexts declares, as data, what makes Go code run per request,
// per message, per call or per scrape: one file per family (net/http, gin,
// echo, fiber, gRPC, AWS Lambda, controller-runtime, Prometheus, NATS,
// sarama, Azure messaging), each with the types, signatures, interfaces and
// registration calls that make a function a context, its label and its fix
// text (design.md, "Per-request contexts").
//
// The hotpath analyzer loops over All (plus the configured handler types,
// Configured): nothing about a particular family is written there. Adding
// a family is a new file here, a line in All, and fixtures. Every type is
// named by package path and name and resolved through go/types, never by
// spelling.
package contexts

// TypeRef names a type: the named type Pkg.Name (a generic type matches
// any instance), or a pointer to it when Ptr is set.
type TypeRef struct {
	Pkg  string
	Name string
	Ptr  bool
}

// Method is a method with an exact signature: a method named Name is a
// context only when its parameters are exactly Params and it has no
// results; with any other signature it is no context at all (a ServeHTTP
// with an extra parameter is not a handler).
type Method struct {
	Name   string
	Params []TypeRef
}

// Interface makes methods of types that implement it contexts: the
// methods named in Methods (nil: all of its methods). A generic interface
// matches any instantiation (reconcile.TypedReconciler[T], any T).
type Interface struct {
	Type    TypeRef
	Methods []string
}

// Services recognises generated service interfaces (gRPC): an interface
// type that is the parameter at index Arg of a function in the same
// package whose name is Prefix + X + Suffix and whose first parameter is
// one of Registrars. Every method of such an interface is a context in the
// types that implement it (by embedding the generated Unimplemented
// struct, or in full), and only those methods: the type's other methods
// are ordinary functions.
type Services struct {
	Prefix, Suffix string
	Registrars     []TypeRef
	Arg            int
	// Skip names interface methods that are not contexts (the generated
	// mustEmbedUnimplemented<X>Server marker); a "*" suffix is a prefix
	// match.
	Skip []string
}

// Call is a function (Recv "") or a method of Recv (on T or *T) in Pkg,
// and the index of the argument that names a function; Arg is unused for
// loop calls.
type Call struct {
	Pkg  string
	Recv string
	Name string
	Arg  int
}

// Family is one framework or library that makes code run per request.
type Family struct {
	// Name identifies the family in tests ("grpc").
	Name string
	// Label names a context in messages ("gRPC method").
	Label string
	// Desc renders a declared function or method found by its shape,
	// signature or interface: "{label}", "{name}" (the function or method
	// name) and "{recv}" (the receiver's type name) are replaced. Empty:
	// "{label} {name}".
	Desc string
	// Each is what runs per context in messages ("each request", "each
	// call", "each scrape"). Empty: "each request".
	Each string
	// Fix is the family's fix text, lowercase, without a final period.
	Fix string

	// Params: a function, method or literal whose parameters include a
	// value of every type of one of these sets (any order, extra
	// parameters allowed) is a context.
	Params [][]TypeRef
	// Exact: methods that are contexts only with this exact signature,
	// and no context of any family otherwise.
	Exact []Method
	// Signatures: a function, method or literal whose signature is
	// identical to the underlying signature of one of these named
	// function types is a context (declared or converted).
	Signatures []TypeRef
	// Implements: methods of types that implement these interfaces.
	Implements []Interface
	// Services: methods of generated service interfaces.
	Services *Services
	// Calls: a function value or literal given as this argument of these
	// calls is a context (lambda.Start(handler)).
	Calls []Call
	// CallbackTypes: a function value or literal given for a parameter of
	// one of these named function types, or converted to one, is a
	// context (a nats.MsgHandler given to Subscribe).
	CallbackTypes []TypeRef
	// Loops: a loop that calls one of these (outside nested function
	// literals) is a message loop of this family; it takes the family's
	// LoopLabel.
	Loops     []Call
	LoopLabel string
}

// All lists the families in precedence order: when a function matches
// several, the first wins.
func All() []*Family {
	return []*Family{
		NetHTTPServeHTTP,
		Gin, Echo, Fiber,
		GRPC, GRPCInterceptor,
		Lambda,
		ControllerRuntime,
		Prometheus,
		NATS,
		Sarama,
		AzureServiceBus,
		AzureEventHubs,
		NetHTTP,
	}
}

// Families is All with the configured handler types' family (Configured)
// placed after the router families, before net/http's helper shape.
func Families(handlerTypes []string) []*Family {
	all := All()
	c := Configured(handlerTypes)
	if c == nil {
		return all
	}
	i := len(all)
	for j, f := range all {
		if f == NetHTTP {
			i = j
		}
	}
	return append(all[:i:i], append([]*Family{c}, all[i:]...)...)
}

// Configured returns the family of the configured handler types
// (.snatlint.yaml go.handler_types: "pkg/path.Type" or "*pkg/path.Type"),
// or nil when there are none. It comes after the router families and
// before net/http's helper shape.
func Configured(handlerTypes []string) *Family {
	if len(handlerTypes) == 0 {
		return nil
	}
	f := *ConfiguredHandlers
	for _, h := range handlerTypes {
		if ref, ok := ParseTypeRef(h); ok {
			f.Params = append(f.Params, []TypeRef{ref})
		}
	}
	return &f
}

// ParseTypeRef parses "pkg/path.Type" or "*pkg/path.Type".
func ParseTypeRef(s string) (TypeRef, bool) {
	var r TypeRef
	if len(s) > 0 && s[0] == '*' {
		r.Ptr, s = true, s[1:]
	}
	dot := -1
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '.' {
			dot = i
			break
		}
		if s[i] == '/' {
			break
		}
	}
	if dot <= 0 || dot == len(s)-1 {
		return TypeRef{}, false
	}
	r.Pkg, r.Name = s[:dot], s[dot+1:]
	return r, true
}
