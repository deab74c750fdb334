// Package web holds the HTTP handlers.
package web

import (
	"net/http"

	"example.com/dispatch/domain"
)

type Handler struct {
	Users  domain.UserService
	Prices domain.PriceService
	UC     domain.UseCase
}

func (h *Handler) SyncUser(w http.ResponseWriter, r *http.Request) {
	_ = h.Users.Sync(r.Context(), r.PathValue("id")) // expect SNAT001
}

func (h *Handler) GetPrice(w http.ResponseWriter, r *http.Request) {
	_, _ = h.Prices.Price(r.Context(), "sku") // silent: every implementation caches (the mock is a test)
}

func (h *Handler) Run(w http.ResponseWriter, r *http.Request) {
	_ = h.UC.Run(r.Context(), "id") // expect SNAT001
}

func (h *Handler) ViaHelper(w http.ResponseWriter, r *http.Request) {
	h.sync(r) // expect SNAT001
}

// sync is an ordinary method: it carries the construction of the
// implementation it calls through the interface.
func (h *Handler) sync(r *http.Request) {
	_ = h.Users.Sync(r.Context(), "id")
}

func (h *Handler) Suppressed(w http.ResponseWriter, r *http.Request) {
	_ = h.Users.Sync(r.Context(), "id") //snatlint:ignore SNAT001 the sync endpoint is called once a day
}

func (h *Handler) Literal() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		_ = h.Users.Sync(r.Context(), "id") // expect SNAT001
	}
}
