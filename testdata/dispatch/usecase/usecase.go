// Package usecase sits between the handlers and the repositories.
package usecase

import (
	"context"

	"example.com/dispatch/domain"
)

type syncUseCase struct{ repo domain.Repo }

func New(repo domain.Repo) domain.UseCase { return &syncUseCase{repo: repo} }

func (u *syncUseCase) Run(ctx context.Context, id string) error {
	_, err := u.repo.Load(ctx, id)
	return err
}
