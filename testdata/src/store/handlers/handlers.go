// Package handlers builds database, cache and RPC pools per request and
// per iteration: every datastore row in a handler and in a loop.
package handlers

import (
	"context"
	"database/sql"
	"net/http"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/redis/go-redis/v9"
	mongov1 "go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

func SQL(w http.ResponseWriter, r *http.Request) {
	db, _ := sql.Open("pgx", "postgres://db") // want `^database pool built by sql.Open in HTTP handler SQL: each request opens a new connection pool`
	defer db.Close()
	_ = sql.OpenDB(nil) // want `database pool built by sql.OpenDB in HTTP handler SQL`
}

func Pgx(w http.ResponseWriter, r *http.Request) {
	p, _ := pgxpool.New(r.Context(), "postgres://db") // want `PostgreSQL pool built by pgxpool.New in HTTP handler Pgx`
	defer p.Close()
	cfg, _ := pgxpool.ParseConfig("postgres://db")
	_, _ = pgxpool.NewWithConfig(r.Context(), cfg)    // want `PostgreSQL pool built by pgxpool.NewWithConfig in HTTP handler Pgx`
	c, _ := pgx.Connect(r.Context(), "postgres://db") // want `PostgreSQL connection built by pgx.Connect in HTTP handler Pgx`
	_ = c
	_, _ = pgx.ConnectConfig(r.Context(), &pgx.ConnConfig{}) // want `PostgreSQL connection built by pgx.ConnectConfig in HTTP handler Pgx`
}

func Redis(w http.ResponseWriter, r *http.Request) {
	rdb := redis.NewClient(&redis.Options{Addr: "cache:6380"}) // want `Redis pool built by redis.NewClient in HTTP handler Redis`
	defer rdb.Close()
	_ = redis.NewClusterClient(&redis.ClusterOptions{})          // want `redis.NewClusterClient in HTTP handler Redis`
	_ = redis.NewUniversalClient(&redis.UniversalOptions{})      // want `redis.NewUniversalClient in HTTP handler Redis`
	_ = redis.NewFailoverClient(&redis.FailoverOptions{})        // want `redis.NewFailoverClient in HTTP handler Redis`
	_ = redis.NewFailoverClusterClient(&redis.FailoverOptions{}) // want `redis.NewFailoverClusterClient in HTTP handler Redis`
	_ = redis.NewRing(&redis.RingOptions{})                      // want `redis.NewRing in HTTP handler Redis`
	opts, _ := redis.ParseURL("rediss://cache:6380")             // options only: silent
	_ = opts
}

func Mongo(w http.ResponseWriter, r *http.Request) {
	c, _ := mongo.Connect(options.Client().ApplyURI("mongodb://db")) // want `MongoDB pool built by mongo.Connect in HTTP handler Mongo`
	defer c.Disconnect(r.Context())
	_ = c.Database("shop")              // a handle on the pool: silent
	_, _ = mongov1.Connect(r.Context()) // want `mongo.Connect in HTTP handler Mongo`
	_, _ = mongov1.NewClient()          // want `MongoDB pool built by mongo.NewClient in HTTP handler Mongo`
}

func GRPC(w http.ResponseWriter, r *http.Request) {
	cc, _ := grpc.NewClient("dns:///billing:443", grpc.WithTransportCredentials(insecure.NewCredentials())) // want `gRPC ClientConn built by grpc.NewClient in HTTP handler GRPC`
	defer cc.Close()
	_, _ = grpc.Dial("billing:443")                              // want `grpc.Dial in HTTP handler GRPC`
	_, _ = grpc.DialContext(context.Background(), "billing:443") // want `grpc.DialContext in HTTP handler GRPC`
}

// In loops: one pool per iteration.
func Loops(ctx context.Context, regions []string) {
	for _, region := range regions {
		db, _ := sql.Open("pgx", region) // want `database pool built by sql.Open in loop body: each iteration opens a new connection pool`
		db.Close()
		rdb := redis.NewClient(&redis.Options{Addr: region}) // want `redis.NewClient in loop body`
		rdb.Close()
		cc, _ := grpc.NewClient(region) // want `grpc.NewClient in loop body`
		cc.Close()
		p, _ := pgxpool.New(ctx, region) // want `pgxpool.New in loop body`
		p.Close()
		m, _ := mongo.Connect() // want `mongo.Connect in loop body`
		m.Disconnect(ctx)
	}
}

// LoopsAll: the other rows, one pool per iteration each.
func LoopsAll(ctx context.Context, regions []string) {
	for _, region := range regions {
		_ = sql.OpenDB(nil)                                                        // want `database pool built by sql.OpenDB in loop body`
		_, _ = pgxpool.NewWithConfig(ctx, nil)                                     // want `pgxpool.NewWithConfig in loop body`
		_, _ = pgx.Connect(ctx, region)                                            // want `PostgreSQL connection built by pgx.Connect in loop body`
		_, _ = pgx.ConnectConfig(ctx, nil)                                         // want `pgx.ConnectConfig in loop body`
		_ = redis.NewClusterClient(&redis.ClusterOptions{Addrs: []string{region}}) // want `redis.NewClusterClient in loop body`
		_ = redis.NewUniversalClient(&redis.UniversalOptions{})                    // want `redis.NewUniversalClient in loop body`
		_ = redis.NewFailoverClient(&redis.FailoverOptions{MasterName: region})    // want `redis.NewFailoverClient in loop body`
		_ = redis.NewFailoverClusterClient(&redis.FailoverOptions{})               // want `redis.NewFailoverClusterClient in loop body`
		_ = redis.NewRing(&redis.RingOptions{})                                    // want `redis.NewRing in loop body`
		_, _ = grpc.Dial(region)                                                   // want `gRPC ClientConn built by grpc.Dial in loop body`
		_, _ = grpc.DialContext(ctx, region)                                       // want `grpc.DialContext in loop body`
		_, _ = mongov1.Connect(ctx)                                                // want `MongoDB pool built by mongo.Connect in loop body`
		_, _ = mongov1.NewClient()                                                 // want `mongo.NewClient in loop body`
	}
}

// openDB opens a pool on every call: its callers in a handler are
// reported, with the chain.
func openDB() *sql.DB {
	db, _ := sql.Open("pgx", "postgres://db")
	return db
}

func ViaHelper(w http.ResponseWriter, r *http.Request) {
	db := openDB() // want `^database pool built by openDB in HTTP handler ViaHelper`
	defer db.Close()
}
