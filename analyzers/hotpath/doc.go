// Package hotpath defines an Analyzer that decides which Go code runs per
// request.
//
// # Analyzer hotpath
//
// hotpath: find code that runs per request, per iteration or per task
//
// hotpath is a helper analyzer: it reports nothing. Its Result answers,
// for a node, whether the node runs per request and in which context:
//
//   - HTTP handlers: functions, methods and function literals whose
//     parameters include both an http.ResponseWriter and an *http.Request
//     (any order, extra parameters allowed); a method named ServeHTTP only
//     with the exact signature func(http.ResponseWriter, *http.Request);
//   - router handlers, by parameter type: gin *gin.Context, echo
//     echo.Context, fiber *fiber.Ctx, plus configured handler types;
//   - per-message and per-call work, recognised by types (package
//     contexts declares each family in a file of its own, with its label
//     and fix text): gRPC service methods (the methods of a generated
//     <X>Server interface in a type implementing it, by embedding
//     Unimplemented<X>Server or in full; not the type's other methods) and
//     interceptors (functions with the signature of
//     grpc.UnaryServerInterceptor, StreamServerInterceptor,
//     UnaryClientInterceptor or StreamClientInterceptor); AWS Lambda
//     handlers (the function given to lambda.Start, StartWithOptions and
//     their variants; Invoke of a lambda.Handler); controller-runtime
//     Reconcile of any reconcile.TypedReconciler[T], and functions
//     converted to reconcile.Func or TypedFunc; Prometheus Collect of a
//     prometheus.Collector; message callbacks (any function given for a
//     nats.MsgHandler, jetstream.MessageHandler or micro.HandlerFunc
//     parameter, sarama ConsumerGroupHandler.ConsumeClaim as a whole);
//   - a function of another package given to such a registration
//     (lambda.Start(handler.Handle)): the argument itself, so that the
//     construction the function performs on every call is reported there;
//   - bodies of hot loops (for, range) anywhere, also in main, and
//     goroutines started in them; a loop that receives from Azure Service
//     Bus, Event Hubs, NATS pull subscriptions or a Kafka partition is
//     labelled as that message loop. Three kinds of loop are not hot
//     (policy.LoopShape.Kind, shared with the Python pass) and are no
//     context of their own: what runs in them belongs to the code around
//     them, so a construction there makes the function construct on
//     every call, and inside a handler it is "in the handler":
//     bounded retry and fallback loops, whose every successful
//     iteration leaves the loop (if err == nil { return resp, nil }; if
//     err != nil { continue } ... return; a poll that breaks once a
//     status word, a status code or a call's name says the answer came),
//     bounded by a constant count, a range over a collection, or any
//     wait or backoff in the body; loops with a constant trip count of at
//     most 10 (an integer literal or named constant bound with a
//     constant step the body leaves alone, range over such an integer,
//     an array, or a slice or map literal of at most 10 elements, also
//     through a local slice variable assigned once from such a literal
//     whose address is never taken); paced
//     loops, whose every iteration waits a constant 2 s or more at the top
//     level of the body before any continue (time.Sleep, a receive from
//     a ticker or timer with a constant interval, for range ticker.C,
//     time.Tick, a select on such a channel and ctx.Done()); and loops
//     whose body cannot reach the next iteration (it ends in an
//     unconditional break or return). Message loops and polling that are
//     not paced, retries without a bound, and loops paced by a variable
//     or faster than 2 s stay hot. Result.LoopShape and LoopKind expose
//     the decision;
//   - closures, goroutines and errgroup.Go literals inside a per-request
//     context inherit it.
//
// Code in _test.go files is never per request unless the -tests flag is
// set (go vet always passes test files). The -config flag names a
// .snatlint.yaml file whose options (extra handler types, extra
// constructors, excluded paths, rule settings) the snatlint analyzers
// use; the Result exposes it as Config.
package hotpath
