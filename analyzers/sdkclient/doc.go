// Package sdkclient defines an Analyzer that reports cloud and API SDK clients built per request (SNAT006).
//
// # Analyzer sdkclient
//
// sdkclient: report cloud and API SDK clients built per request
//
// A client of a cloud or API SDK that owns a connection pool or a credential
// chain (aws-sdk-go-v2 config.LoadDefaultConfig and service clients; the
// rows of analyzers/catalog/providers) built in an HTTP handler, a loop
// body or a goroutine started in a loop (SNAT006): each run builds a new
// HTTP client and credential cache, so it opens new connections and
// resolves credentials again:
//
//	func invoice(w http.ResponseWriter, r *http.Request) {
//		cfg, _ := config.LoadDefaultConfig(r.Context()) // SDK client built by config.LoadDefaultConfig in HTTP handler invoice: ...
//		client := s3.NewFromConfig(cfg)                  // SDK client built by s3.NewFromConfig in HTTP handler invoice: ...
//		...
//	}
//
// Build them once (in main, at package level or with sync.OnceValue)
// and share them. A service client given an existing HTTPClient shares
// its pool and is a warning. SDKs whose constructors build a transport
// on every call (Google Cloud's storage.NewClient) need no row: construct
// follows their code and httpclient reports the call under SNAT001 with
// the chain. It is silent in the same places as httpclient.
package sdkclient
