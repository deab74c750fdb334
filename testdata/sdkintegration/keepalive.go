package main

import (
	"io"
	"net/http"
	"time"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// partnerTransport never keeps a connection: SNAT008 wherever it is built.
var partnerTransport = &http.Transport{
	DisableKeepAlives: true, // expect SNAT008:warning
	IdleConnTimeout:   90 * time.Second,
}

var partnerClient = &http.Client{Transport: partnerTransport, Timeout: 10 * time.Second}

// archive is built once, but its buildable HTTP client switches
// keep-alives off on the transport the SDK builds.
var archive = s3.New(s3.Options{
	Region: "eu-west-1",
	HTTPClient: awshttp.NewBuildableClient().WithTransportOptions(func(t *http.Transport) {
		t.DisableKeepAlives = true // expect SNAT008:warning
	}),
})

// export asks for its request's connection to be closed; the response's
// Connection header is the server's business.
func export(w http.ResponseWriter, r *http.Request) {
	req, err := http.NewRequestWithContext(r.Context(), http.MethodPost, "https://partner.example.com/export", r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	req.Close = true                      // expect SNAT008:warning
	req.Header.Set("Connection", "close") // expect SNAT008:warning
	resp, err := partnerClient.Do(req)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	w.Header().Set("Connection", "close")
	io.Copy(w, resp.Body)
}

// warmUp runs once from main: a request closed there is silent.
func warmUp() {
	req, err := http.NewRequest(http.MethodGet, "https://partner.example.com/health", nil)
	if err != nil {
		return
	}
	req.Close = true
	if resp, err := partnerClient.Do(req); err == nil {
		resp.Body.Close()
	}
	_ = archive
}
