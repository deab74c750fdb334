// Package construct defines an Analyzer that finds pool-owning
// constructions that are not cached, and the functions that perform one
// on every call.
//
// # Analyzer construct
//
// construct: find uncached connection-pool, client and credential constructions
//
// construct is a helper analyzer: it reports nothing. It matches the Go
// construction catalog (analyzers/catalog) against the package, resolving
// every name through go/types (aliases, dot imports, type aliases,
// defined types, function values assigned once), and drops constructions
// that are cached:
//
//   - retained: the value that owns the pool, or a value that holds it
//     (decided by types: a client holding the transport, a struct or
//     option struct around it, the result of a constructor or wrapper
//     given it, an interface it implements), is stored, directly or
//     through local temporaries, in a package-level variable, a field of
//     a long-lived value (a receiver or captured struct of a non-handler
//     function), a map or slice element whose map is declared outside the
//     loop or function, or the receiver of a setter that can hold it
//     (queue.SetClient(c) on a retained queue). Storing an unrelated
//     result of a call that built a pool (an int, a parsed body, an
//     *http.Response) retains nothing: the call is still reported;
//   - lazily initialized: under an "if x == nil" check of a package-level
//     variable or a field, or inside a function literal given to
//     sync.Once.Do, sync.OnceValue, sync.OnceValues or sync.OnceFunc;
//   - after an early-return cache guard: an if statement that returns the
//     cached value when there is one (if p.client != nil { return
//     p.client }; if v, ok := cache[k]; ok { return v }; a fresh cached
//     token), in a function that then stores into that cache: what
//     follows the guard is a lazy singleton or a keyed cache, also when
//     the value reaches the cache through a constructor, and for a
//     one-shot result cached so.
//
// A hot loop that fills a collection declared before it in a function
// that is not per request builds a cache: it is silent in the loop, but
// the function constructs on every call. Returning the value is not
// retaining it: a function that returns a new client on every call
// carries the fact. A function literal that the function calls (at once,
// with go or defer, or after assigning it to a local) is part of it: a
// transport built in newRT := func() http.RoundTripper {...} makes the
// client given newRT() own its pool.
//
// In a dependency (a module with a version, or the standard library),
// only constructions the caller controls count: unconditional ones and
// the defaults taken when an option or parameter is nil or zero (if
// opts.Transport == nil { t = &http.Transport{} }); a branch on
// environment or content (a value starting with "env://", a flag read
// from a file) does not make a getter construct on every call. A fact's
// sites are "file:line:col" in the user's module and
// "module@version/path:line" in a dependency.
//
// It exports a *Constructs fact for every function or method, in every
// package (the user's, helper libraries, the Azure SDK, the standard
// library), that reaches an uncached construction on every call, on any
// path, with the rule, level, chain of calls and construction sites.
// Catalog roots (the azcore and arm runtime.NewPipeline, azidentity
// credential constructors, (*http.Transport).Clone) are decided by the
// catalog, not by their bodies; on-behalf-of credentials never construct.
// Calls through interfaces and function-typed parameters or fields are not
// followed here, one package at a time (vet-tool mode stops there): the
// Result's Module summary lets standalone mode's module-wide step
// (package dispatch) follow them to the implementations in the scanned
// module. A package that can reach no construction is skipped early;
// packages that have fact-carrying functions export a *Relevant package
// fact so that their importers are not skipped.
//
// The Result lists the package's uncached construction sites and calls to
// fact-carrying functions, for the reporting analyzers; a fact-carrying
// function of another package given to a registration that makes it a
// per-request context (lambda.Start(handler.Handle), a nats.MsgHandler
// argument) is a site too, at that argument.
package construct
