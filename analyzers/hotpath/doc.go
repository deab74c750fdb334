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
//   - the other families declared in package contexts (one file each,
//     with its label and fix text);
//   - loop bodies (for, range) anywhere, also in main, and goroutines
//     started in loops;
//   - closures, goroutines and errgroup.Go literals inside a per-request
//     context inherit it.
//
// Code in _test.go files is never per request unless the -tests flag is
// set (go vet always passes test files). The -config flag names a
// .snatlint.yaml file whose options (extra handler types, extra
// constructors, excluded paths, rule settings) the snatlint analyzers
// use; the Result exposes it as Config.
package hotpath
