package main

import (
	"context"
	"database/sql"
	"net/http"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/redis/go-redis/v9"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// order opens every datastore pool per request: each is a finding.
func (s *server) order(w http.ResponseWriter, r *http.Request) {
	db, err := sql.Open("pgx", "postgres://db/shop") // expect SNAT007:error
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	defer db.Close()
	pool, err := pgxpool.New(r.Context(), "postgres://db/shop") // expect SNAT007
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	defer pool.Close()
	cache := redis.NewClient(&redis.Options{Addr: "cache:6380"}) // expect SNAT007
	defer cache.Close()
	m, err := mongo.Connect(options.Client().ApplyURI("mongodb://db")) // expect SNAT007
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	defer m.Disconnect(r.Context())
	conn, err := grpc.NewClient("dns:///billing:443", grpc.WithTransportCredentials(insecure.NewCredentials())) // expect SNAT007
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	defer conn.Close()
	w.WriteHeader(http.StatusOK)
}

// openShard opens a pool on every call: a loop calling it opens one per
// iteration (reported at the call, with the chain).
func openShard(dsn string) (*sql.DB, error) {
	return sql.Open("pgx", dsn)
}

// warm opens a pool per shard and closes it: a loop, hot.
func warm(ctx context.Context, shards []string) error {
	for _, dsn := range shards {
		db, err := openShard(dsn) // expect SNAT007
		if err != nil {
			return err
		}
		if err := db.PingContext(ctx); err != nil {
			return err
		}
		db.Close()
	}
	return nil
}

var _ = warm
