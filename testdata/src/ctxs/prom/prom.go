package prom

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus"

	"ctxs/lib"
)

var desc = prometheus.NewDesc("vm_count", "VMs", nil, nil)

// ---- findings ----

type vmCollector struct{}

func (vmCollector) Describe(ch chan<- *prometheus.Desc) { ch <- desc }

func (c vmCollector) Collect(ch chan<- prometheus.Metric) {
	_ = &http.Client{}  // want `^http.Client created in Prometheus collector vmCollector.Collect: it shares .*; create it once in the collector's constructor$`
	_ = lib.NewClient() // want `built by lib.NewClient in Prometheus collector vmCollector.Collect: each scrape opens`
	ch <- prometheus.MustNewConstMetric(desc, prometheus.GaugeValue, 1)
}

// ---- silent twins ----

type goodCollector struct{ client *http.Client }

func newGoodCollector() *goodCollector { return &goodCollector{client: lib.NewClient()} }

func (*goodCollector) Describe(ch chan<- *prometheus.Desc) { ch <- desc }

func (c *goodCollector) Collect(ch chan<- prometheus.Metric) {
	_ = c.client
}

// Describe runs once, at registration.
func (*goodCollector) describeOnce(ch chan<- *prometheus.Desc) {
	_ = &http.Transport{}
}

// Collect of a type that is not a Collector (no Describe).
type notCollector struct{}

func (notCollector) Collect(ch chan<- prometheus.Metric) {
	_ = &http.Transport{}
}

func main() {
	prometheus.MustRegister(vmCollector{}, newGoodCollector())
	_ = notCollector{}
}
