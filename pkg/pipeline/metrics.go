package pipeline

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// Metrics are the per-stage counters and latencies served at /metrics.
type Metrics struct {
	Messages   *prometheus.CounterVec   // stage, result
	StageTime  *prometheus.HistogramVec // stage
	Extractor  *prometheus.HistogramVec // extractor
	Searchable prometheus.Histogram     // fetch → searchable
	Alerted    prometheus.Histogram     // fetch → alert published
	Alerts     prometheus.Counter
}

// NewMetrics creates the metrics and registers them with reg (nil: not registered).
func NewMetrics(reg prometheus.Registerer) *Metrics {
	latency := []float64{.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30, 60, 120}
	m := &Metrics{
		Messages: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "newsmon_stage_messages_total", Help: "Articles handled per stage, by result.",
		}, []string{"stage", "result"}),
		StageTime: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "newsmon_stage_seconds", Help: "Time a stage spends on one article (index: one batch).", Buckets: latency,
		}, []string{"stage"}),
		Extractor: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "newsmon_extractor_seconds", Help: "Time each extractor spends on one article.",
			Buckets: []float64{.0001, .0005, .001, .005, .01, .05, .1, .5, 1},
		}, []string{"extractor"}),
		Searchable: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "newsmon_fetch_to_searchable_seconds", Help: "From page fetched to article indexed.", Buckets: latency,
		}),
		Alerted: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "newsmon_fetch_to_alert_seconds", Help: "From page fetched to alert published.", Buckets: latency,
		}),
		Alerts: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "newsmon_alerts_fired_total", Help: "Alert events fired.",
		}),
	}
	if reg != nil {
		reg.MustRegister(m.Messages, m.StageTime, m.Extractor, m.Searchable, m.Alerted, m.Alerts)
	}
	return m
}

// ObserveExtractor is an extract.Observer.
func (m *Metrics) ObserveExtractor(name string, took time.Duration, _ error) {
	m.Extractor.WithLabelValues(name).Observe(took.Seconds())
}
