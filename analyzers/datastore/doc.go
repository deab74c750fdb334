// Package datastore defines an Analyzer that reports database, cache and RPC pools built per request (SNAT007).
//
// # Analyzer datastore
//
// datastore: report database, cache and RPC pools built per request
//
// A client that is a connection pool (database/sql.Open, pgxpool.New,
// go-redis NewClient, mongo.Connect, grpc.NewClient and Dial; the rows of
// analyzers/catalog/providers) built in an HTTP handler, a loop body or a
// goroutine started in a loop (SNAT007): each run opens a new pool, with
// background goroutines that leak without Close:
//
//	func invoice(w http.ResponseWriter, r *http.Request) {
//		db, _ := sql.Open("pgx", dsn) // datastore pool built by sql.Open in HTTP handler invoice: ...
//		...
//	}
//
// Open it once (package level, sync.OnceValues, or in main) and share it.
// It is silent in the same places as httpclient.
package datastore
