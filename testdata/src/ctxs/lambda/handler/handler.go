// Package handler holds a Lambda handler that main (another package)
// gives to lambda.Start: it is a context only there, so its constructions
// are reported at the lambda.Start argument, with the chain.
package handler

import (
	"context"
	"net/http"
)

func Handle(ctx context.Context, ev map[string]any) error {
	c := &http.Client{Transport: &http.Transport{}}
	_ = c
	return nil
}

type Service struct{ Client *http.Client }

// Process reuses the client built when Service was.
func (s *Service) Process(ctx context.Context, ev map[string]any) error {
	_ = s.Client
	return nil
}
