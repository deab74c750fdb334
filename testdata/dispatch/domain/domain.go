// Package domain declares the interfaces the handlers depend on
// (clean-architecture layering): the implementations live in infra and
// usecase, and only standalone mode's module step sees through them.
package domain

import "context"

type UserService interface {
	Sync(ctx context.Context, id string) error
}

type PriceService interface {
	Price(ctx context.Context, sku string) (int, error)
}

type Repo interface {
	Load(ctx context.Context, id string) (string, error)
}

type UseCase interface {
	Run(ctx context.Context, id string) error
}
