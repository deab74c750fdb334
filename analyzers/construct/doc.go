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
//   - retained: stored, directly or through a local temporary, in a
//     package-level variable, a field of a long-lived value (a receiver
//     or captured struct of a non-handler function), or a map or slice
//     element whose map is declared outside the loop or function;
//   - lazily initialized: under an "if x == nil" check of a package-level
//     variable or a field, or inside a function literal given to
//     sync.Once.Do, sync.OnceValue, sync.OnceValues or sync.OnceFunc.
//
// Returning the value is not retaining it: a function that returns a new
// client on every call carries the fact.
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
