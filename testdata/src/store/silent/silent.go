// Package silent opens every datastore pool once: package level,
// sync.OnceValue(s), main, a field of the server built in main, a map of
// pools built at start-up. Nothing here is reported.
package silent

import (
	"context"
	"database/sql"
	"net/http"
	"sync"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/redis/go-redis/v9"
	mongov1 "go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"google.golang.org/grpc"
)

var db, _ = sql.Open("pgx", "postgres://db")

// every other row, once: at package level or behind sync.OnceValues
var (
	reports        = sql.OpenDB(nil)
	admin, _       = pgx.Connect(context.Background(), "postgres://admin")
	audit, _       = pgx.ConnectConfig(context.Background(), &pgx.ConnConfig{})
	cluster        = redis.NewClusterClient(&redis.ClusterOptions{})
	universal      = redis.NewUniversalClient(&redis.UniversalOptions{})
	failover       = redis.NewFailoverClient(&redis.FailoverOptions{})
	failoverCl     = redis.NewFailoverClusterClient(&redis.FailoverOptions{})
	ring           = redis.NewRing(&redis.RingOptions{})
	legacyMongo, _ = mongov1.Connect(context.Background())
	legacyNew, _   = mongov1.NewClient()
)

var poolCfg = sync.OnceValues(func() (*pgxpool.Pool, error) {
	return pgxpool.NewWithConfig(context.Background(), &pgxpool.Config{})
})

var search = sync.OnceValues(func() (*grpc.ClientConn, error) {
	return grpc.Dial("search:443")
})

var ledger = sync.OnceValues(func() (*grpc.ClientConn, error) {
	return grpc.DialContext(context.Background(), "ledger:443")
})

var rdb = redis.NewClient(&redis.Options{Addr: "cache:6380"})

var pool = sync.OnceValues(func() (*pgxpool.Pool, error) {
	return pgxpool.New(context.Background(), "postgres://db")
})

var billing = sync.OnceValues(func() (*grpc.ClientConn, error) {
	return grpc.NewClient("dns:///billing:443")
})

var mongoOnce sync.Once
var mongoClient *mongo.Client

func mongoDB() *mongo.Client {
	mongoOnce.Do(func() {
		mongoClient, _ = mongo.Connect()
	})
	return mongoClient
}

type server struct {
	rdb    *redis.Client
	shards map[string]*sql.DB
}

func (s *server) get(w http.ResponseWriter, r *http.Request) {
	_ = s.rdb.Get(r.Context(), "k")
	_ = db.PingContext(r.Context())
	_ = rdb.Get(r.Context(), "k")
	p, _ := pool()
	_ = p
	cc, _ := billing()
	_ = cc
	_ = mongoDB()
	_ = s.shards["eu"]
	_ = []any{reports, admin, audit, cluster, universal, failover, failoverCl, ring, legacyMongo, legacyNew}
	_, _ = poolCfg()
	_, _ = search()
	_, _ = ledger()
}

// lazy is a nil-guarded lazy singleton.
var lazy *sql.DB

func lazyDB() *sql.DB {
	if lazy == nil {
		lazy, _ = sql.Open("pgx", "postgres://db")
	}
	return lazy
}

func main() {
	s := &server{rdb: redis.NewClient(&redis.Options{Addr: "cache:6380"}), shards: map[string]*sql.DB{}}
	for _, region := range []string{"eu", "us"} {
		s.shards[region], _ = sql.Open("pgx", region) // a map of pools built at start-up: a cache
	}
	_ = lazyDB()
	http.HandleFunc("/", s.get)
	http.ListenAndServe(":8080", nil)
}
