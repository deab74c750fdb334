// Package awssilent builds every AWS client once: package level,
// sync.OnceValue, main, a field of the server, a lazy nil guard, a map of
// clients built at start-up. Nothing here is reported.
package awssilent

import (
	"context"
	"net/http"
	"sync"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

var cfg, _ = config.LoadDefaultConfig(context.Background())

var bucket = s3.NewFromConfig(cfg)

var archive = s3.New(s3.Options{Region: "eu-west-1"})

var table = sync.OnceValue(func() *dynamodb.Client { return dynamodb.NewFromConfig(cfg) })

type server struct {
	s3      *s3.Client
	regions map[string]*dynamodb.Client
}

var lazy *s3.Client

func lazyClient() *s3.Client {
	if lazy == nil {
		lazy = s3.NewFromConfig(cfg)
	}
	return lazy
}

func (s *server) get(w http.ResponseWriter, r *http.Request) {
	_, _ = s.s3.GetItem(r.Context(), "k")
	_, _ = bucket.GetItem(r.Context(), "k")
	_, _ = archive.GetItem(r.Context(), "k")
	_, _ = table().GetItem(r.Context(), "k")
	_, _ = lazyClient().GetItem(r.Context(), "k")
	_, _ = s.regions["eu-west-1"].GetItem(r.Context(), "k")
}

func main() {
	ctx := context.Background()
	c, _ := config.LoadDefaultConfig(ctx)
	s := &server{s3: s3.NewFromConfig(c), regions: map[string]*dynamodb.Client{}}
	for _, region := range []string{"eu-west-1", "us-east-1"} {
		s.regions[region] = dynamodb.New(dynamodb.Options{Region: region}) // a map of clients built at start-up: a cache
	}
	http.HandleFunc("/", s.get)
	http.ListenAndServe(":8080", nil)
}
