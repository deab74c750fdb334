package main

import (
	"context"
	"net/http"

	"example.com/dispatch/infra"
	"example.com/dispatch/sd"
	"example.com/dispatch/usecase"
	"example.com/dispatch/web"
)

func main() {
	h := &web.Handler{Users: infra.NewAzureSync(), Prices: infra.NewCachedPrices(), UC: usecase.New(infra.NewRepo())}
	_ = infra.NewCachingSync()
	go sd.New().Run(context.Background())
	go sd.NewStatic().Run(context.Background())
	go sd.NewPolling().Run()
	http.HandleFunc("/sync", h.SyncUser)
	_ = http.ListenAndServe(":8080", nil)
}
