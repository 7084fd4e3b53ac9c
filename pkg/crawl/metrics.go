package crawl

import (
	"errors"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// metrics are the crawler's Prometheus collectors. With a nil Registerer they still count (cheaply)
// but nothing exports them. Every label takes a few fixed values (kinds, results): per-source and
// per-host figures live in Crawler.Status, never in labels, so the series stay few at any number of
// sources. The label lookups are cached, because a vector's lookup hashes and checks its label
// values on every call, and the crawler counts several times per article.
type metrics struct {
	fetches   *prometheus.CounterVec   // kind, result
	bytes     *prometheus.CounterVec   // kind
	latency   *prometheus.HistogramVec // kind
	items     *prometheus.CounterVec   // result
	scheduler *schedulerGauges

	mu      sync.RWMutex
	handles map[handleKey]any // prometheus.Counter or prometheus.Observer
}

// handleKey names one cached series: the metric and its label values.
type handleKey struct{ metric, a, b string }

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
		items: register(reg, prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: "newsmon", Subsystem: "crawl", Name: "items_total",
			Help: "Article URLs found in sources by outcome (fetched, duplicate, robots, skipped, failed).",
		}, []string{"result"})),
		handles: map[handleKey]any{},
		scheduler: &schedulerGauges{
			queued: register(reg, prometheus.NewGauge(prometheus.GaugeOpts{
				Namespace: "newsmon", Subsystem: "crawl", Name: "queued_fetches",
				Help: "Fetches waiting for a politeness slot, over all hosts (per source: /api/status).",
			})),
			hosts: register(reg, prometheus.NewGauge(prometheus.GaugeOpts{
				Namespace: "newsmon", Subsystem: "crawl", Name: "active_hosts",
				Help: "Hosts with fetches queued, running, or within their politeness interval.",
			})),
		},
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

// handle returns the cached series of key, making it with make the first time.
func handle[T any](m *metrics, key handleKey, make func() T) T {
	m.mu.RLock()
	h, ok := m.handles[key]
	m.mu.RUnlock()
	if !ok {
		m.mu.Lock()
		if h, ok = m.handles[key]; !ok {
			h = make()
			m.handles[key] = h
		}
		m.mu.Unlock()
	}
	return h.(T)
}

func (m *metrics) countItem(result string) {
	handle(m, handleKey{metric: "items", a: result}, func() prometheus.Counter { return m.items.WithLabelValues(result) }).Inc()
}

func (m *metrics) observeFetch(kind, result string, d time.Duration, n int) {
	handle(m, handleKey{"fetches", kind, result}, func() prometheus.Counter { return m.fetches.WithLabelValues(kind, result) }).Inc()
	handle(m, handleKey{metric: "bytes", a: kind}, func() prometheus.Counter { return m.bytes.WithLabelValues(kind) }).Add(float64(n))
	handle(m, handleKey{metric: "latency", a: kind}, func() prometheus.Observer { return m.latency.WithLabelValues(kind) }).Observe(d.Seconds())
}
