package main

import (
	"context"
	"net/http"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// sharedHTTP is one HTTP client for every AWS service client.
var sharedHTTP = &http.Client{}

// invoice loads the config and builds a client per request: both are
// errors (the client builds its own buildable HTTP client).
func invoice(w http.ResponseWriter, r *http.Request) {
	cfg, err := config.LoadDefaultConfig(r.Context()) // expect SNAT006:error
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	client := s3.NewFromConfig(cfg) // expect SNAT006:error
	out, err := client.GetObject(r.Context(), &s3.GetObjectInput{Bucket: aws.String("invoices"), Key: aws.String(r.PathValue("id"))})
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer out.Body.Close()
	w.WriteHeader(http.StatusOK)
}

// shared builds a client per request on a shared HTTP client: it shares
// the pool, a warning.
func shared(w http.ResponseWriter, r *http.Request) {
	client := s3.New(s3.Options{Region: "eu-west-1", HTTPClient: sharedHTTP}) // expect SNAT006:warning
	_, _ = client.HeadBucket(r.Context(), &s3.HeadBucketInput{Bucket: aws.String("invoices")})
	w.WriteHeader(http.StatusOK)
}

// buckets builds a client per bucket: a loop.
func buckets(ctx context.Context, cfg aws.Config, names []string) {
	for _, name := range names {
		c := s3.NewFromConfig(cfg) // expect SNAT006:error
		_, _ = c.HeadBucket(ctx, &s3.HeadBucketInput{Bucket: aws.String(name)})
	}
}

var _, _, _ = invoice, shared, buckets
