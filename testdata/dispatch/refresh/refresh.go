// Package refresh runs a discovery's refresh function in a loop, as
// Prometheus service discovery does: the function arrives as a value.
package refresh

import (
	"context"
	"time"
)

type Options struct {
	Interval time.Duration
	RefreshF func(ctx context.Context) ([]string, error)
}

type Discovery struct {
	interval time.Duration
	refreshf func(ctx context.Context) ([]string, error)
}

func NewDiscovery(o Options) *Discovery {
	return &Discovery{interval: o.Interval, refreshf: o.RefreshF}
}

func (d *Discovery) Run(ctx context.Context) {
	for {
		_, _ = d.refreshf(ctx) // expect SNAT001
		time.Sleep(d.interval)
	}
}

// Polling calls a function value set from a literal somewhere: the set
// of functions is not known precisely, so nothing is reported.
type Polling struct {
	Poll func() error
}

func (p *Polling) Run() {
	for {
		_ = p.Poll()
		time.Sleep(time.Second)
	}
}
