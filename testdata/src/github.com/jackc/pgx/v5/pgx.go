// Package pgx is a stub of github.com/jackc/pgx/v5.
package pgx

import "context"

type Conn struct{}

type ConnConfig struct{}

func Connect(ctx context.Context, connString string) (*Conn, error) { return &Conn{}, nil }

func ConnectConfig(ctx context.Context, cfg *ConnConfig) (*Conn, error) { return &Conn{}, nil }

func (c *Conn) Close(ctx context.Context) error { return nil }
