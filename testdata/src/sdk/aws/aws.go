// Package aws builds AWS SDK configs and service clients per request and
// per iteration.
package aws

import (
	"context"
	"net/http"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

var sharedHTTP = &http.Client{}

func Invoice(w http.ResponseWriter, r *http.Request) {
	cfg, _ := config.LoadDefaultConfig(r.Context()) // want `^AWS config built by config.LoadDefaultConfig in HTTP handler Invoice: each request builds a new HTTP client and credential cache`
	c := s3.NewFromConfig(cfg)                      // want `^AWS service client built by s3.NewFromConfig in HTTP handler Invoice: each request builds`
	_, _ = c.GetItem(r.Context(), "k")
	_ = dynamodb.New(dynamodb.Options{Region: "eu-west-1"}) // want `AWS service client built by dynamodb.New in HTTP handler Invoice`
}

// Service clients given an existing HTTP client share its pool: a
// warning that says so.
func Shared(w http.ResponseWriter, r *http.Request) {
	_ = s3.New(s3.Options{HTTPClient: sharedHTTP})     // want `^AWS service client built by s3.New in HTTP handler Shared: it shares its HTTPClient's pool`
	_ = s3.NewFromConfig(awsCfg, func(o *s3.Options) { // want `s3.NewFromConfig in HTTP handler Shared: it shares its HTTPClient's pool`
		o.HTTPClient = sharedHTTP
	})
}

// An HTTP client built right there is a pool of its own.
func Fresh(w http.ResponseWriter, r *http.Request) {
	_ = s3.New(s3.Options{HTTPClient: &http.Client{Transport: &http.Transport{}}}) // want `s3.New with an HTTP client built right there in HTTP handler Fresh: each request opens new connections through its own pool`
}

func Sync(ctx context.Context, tables []string) {
	for _, t := range tables {
		db := dynamodb.NewFromConfig(awsCfg) // want `AWS service client built by dynamodb.NewFromConfig in loop body`
		_, _ = db.GetItem(ctx, t)
	}
}

// Regions: the config and a service client without options, per
// iteration.
func Regions(ctx context.Context, regions []string) {
	for _, region := range regions {
		cfg, _ := config.LoadDefaultConfig(ctx) // want `^AWS config built by config.LoadDefaultConfig in loop body`
		_ = cfg
		_ = s3.New(s3.Options{Region: region}) // want `^AWS service client built by s3.New in loop body`
	}
}

// newClient builds a config and a client on every call: handlers calling
// it are reported with the chain.
func newClient(ctx context.Context) *s3.Client {
	cfg, _ := config.LoadDefaultConfig(ctx)
	return s3.NewFromConfig(cfg)
}

func ViaHelper(w http.ResponseWriter, r *http.Request) {
	_ = newClient(r.Context()) // want `^AWS config built by newClient in HTTP handler ViaHelper`
}
