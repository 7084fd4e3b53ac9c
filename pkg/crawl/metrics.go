package crawl

import (
	"errors"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// metrics are the crawler's Prometheus collectors. With a nil Registerer they still count (cheaply)
// but nothing exports them.
type metrics struct {
	fetches   *prometheus.CounterVec   // kind, result
	bytes     *prometheus.CounterVec   // kind
	latency   *prometheus.HistogramVec // kind
	hostQueue *prometheus.GaugeVec     // host
	items     *prometheus.CounterVec   // result
}

func newMetrics(reg prometheus.Registerer) *metrics {
	return &metrics{
		fetches: register(reg, prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: "newsmon", Subsystem: "crawl", Name: "fetches_total",
			Help: "HTTP fetches by kind (page, feed, sitemap, robots) and result (ok, not_modified, 4xx, 5xx, timeout, too_large, ...).",
		}, []string{"kind", "result"})),
		bytes: register(reg, prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: "newsmon", Subsystem: "crawl", Name: "fetch_bytes_total",
			Help: "Body bytes received, after transport decompression.",
		}, []string{"kind"})),
		latency: register(reg, prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Namespace: "newsmon", Subsystem: "crawl", Name: "fetch_duration_seconds",
			Help:    "Time from request to the whole body read.",
			Buckets: []float64{.01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30},
		}, []string{"kind"})),
		hostQueue: register(reg, prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Namespace: "newsmon", Subsystem: "crawl", Name: "host_queue_depth",
			Help: "Fetches waiting for their host's politeness slot.",
		}, []string{"host"})),
		items: register(reg, prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: "newsmon", Subsystem: "crawl", Name: "items_total",
			Help: "Article URLs found in sources by outcome (fetched, duplicate, robots, skipped, failed).",
		}, []string{"result"})),
	}
}

// register registers c, or returns the collector already registered under the same name so that two
// crawlers in one process share their series.
func register[C prometheus.Collector](reg prometheus.Registerer, c C) C {
	if reg == nil {
		return c
	}
	if err := reg.Register(c); err != nil {
		var are prometheus.AlreadyRegisteredError
		if errors.As(err, &are) {
			if existing, ok := are.ExistingCollector.(C); ok {
				return existing
			}
		}
	}
	return c
}

func (m *metrics) observeFetch(kind, result string, d time.Duration, n int) {
	m.fetches.WithLabelValues(kind, result).Inc()
	m.bytes.WithLabelValues(kind).Add(float64(n))
	m.latency.WithLabelValues(kind).Observe(d.Seconds())
}
