// Command sdkintegration is a service using the real AWS SDK for Go v2,
// gRPC, go-redis, pgx, the MongoDB driver and database/sql (with pgx's
// registered driver). The lines marked "expect SNAT00x" must be reported,
// in vet-tool and standalone mode alike; everything built here, once, in
// main or at package level, is the fix and stays silent.
package main

import (
	"context"
	"database/sql"
	"log"
	"net/http"
	"sync"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/jackc/pgx/v5/pgxpool"
	_ "github.com/jackc/pgx/v5/stdlib"
	"github.com/redis/go-redis/v9"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

type server struct {
	db    *sql.DB
	pool  *pgxpool.Pool
	cache *redis.Client
	mongo *mongo.Client
	conn  *grpc.ClientConn
	s3    *s3.Client
}

// billing is opened lazily, once.
var billing = sync.OnceValues(func() (*grpc.ClientConn, error) {
	return grpc.NewClient("dns:///billing:443", grpc.WithTransportCredentials(insecure.NewCredentials()))
})

func newServer(ctx context.Context) (*server, error) {
	db, err := sql.Open("pgx", "postgres://db/shop")
	if err != nil {
		return nil, err
	}
	pool, err := pgxpool.New(ctx, "postgres://db/shop")
	if err != nil {
		return nil, err
	}
	m, err := mongo.Connect(options.Client().ApplyURI("mongodb://db"))
	if err != nil {
		return nil, err
	}
	conn, err := grpc.NewClient("dns:///inventory:443", grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return nil, err
	}
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return nil, err
	}
	return &server{
		db:    db,
		pool:  pool,
		cache: redis.NewClient(&redis.Options{Addr: "cache:6380"}),
		mongo: m,
		conn:  conn,
		s3:    s3.NewFromConfig(cfg),
	}, nil
}

func (s *server) health(w http.ResponseWriter, r *http.Request) {
	if err := s.db.PingContext(r.Context()); err != nil {
		http.Error(w, err.Error(), http.StatusServiceUnavailable)
		return
	}
	if err := s.pool.Ping(r.Context()); err != nil {
		http.Error(w, err.Error(), http.StatusServiceUnavailable)
		return
	}
	if err := s.cache.Ping(r.Context()).Err(); err != nil {
		http.Error(w, err.Error(), http.StatusServiceUnavailable)
		return
	}
	if _, err := billing(); err != nil {
		http.Error(w, err.Error(), http.StatusServiceUnavailable)
		return
	}
	w.WriteHeader(http.StatusOK)
}

func main() {
	s, err := newServer(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	http.HandleFunc("/health", s.health)
	http.HandleFunc("/orders/{id}", s.order)
	http.HandleFunc("/reports/{id}", report)
	http.HandleFunc("/export", export)
	warmUp()
	log.Fatal(http.ListenAndServe(":8080", nil))
}
