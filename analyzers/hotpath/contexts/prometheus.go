package contexts

// Prometheus: Collect(chan<- prometheus.Metric) of a type implementing
// prometheus.Collector runs on every scrape of the registry it is
// registered with.
var Prometheus = &Family{
	Name:  "prometheus",
	Label: "Prometheus collector",
	Desc:  "{label} {recv}.Collect",
	Each:  "each scrape",
	Fix:   "create it once in the collector's constructor",
	Implements: []Interface{
		{Type: TypeRef{Pkg: "github.com/prometheus/client_golang/prometheus", Name: "Collector"}, Methods: []string{"Collect"}},
	},
}
