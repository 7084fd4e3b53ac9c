package pipeline_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/newsmon/newsmon/pkg/alert"
	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/bus/bustest"
	"github.com/newsmon/newsmon/pkg/crawl"
	blevebackend "github.com/newsmon/newsmon/pkg/index/bleve"
	"github.com/newsmon/newsmon/pkg/pipeline"
)

// benchWords is the vocabulary of the generated benchmark articles.
var benchWords = strings.Fields(`the a of to in and said minister government city river flood
	police company market shares billion million yuan dollars percent week Monday report officials
	announced project bridge railway port school hospital election party leader president council
	Nairobi Lagos Beijing Paris Berlin Tokyo Jakarta Lima storm rain drought harvest exports trade`)

// benchArticles makes n enriched-looking articles of ~4 KB of text each, all different (so the
// alert matcher's near-duplicate detection sees n stories).
func benchArticles(n int) []*article.Article {
	r := rand.New(rand.NewPCG(1, 2))
	out := make([]*article.Article, n)
	for i := range out {
		var sb strings.Builder
		for sb.Len() < 4000 {
			sb.WriteString(benchWords[r.IntN(len(benchWords))])
			if r.IntN(12) == 0 {
				sb.WriteString(".\n\n")
			} else {
				sb.WriteByte(' ')
			}
		}
		a := &article.Article{ID: fmt.Sprintf("%032x", i), URL: fmt.Sprintf("https://example.com/news/%d", i),
			Title: fmt.Sprintf("Story %d", i), Text: sb.String(), Language: "en", Source: "example.com", Fetched: time.Now()}
		a.Normalize()
		out[i] = a
	}
	return out
}

// BenchmarkIndexStage measures the index stage per article: JetStream fetch, JSON decode, bleve
// batch write, ack, and (alerts=on) matching one rule every article fires with its story-band and
// claim round trips on the KV store. Every b.N articles are queued before the timer starts.
func BenchmarkIndexStage(b *testing.B) {
	for _, withAlerts := range []bool{false, true} {
		b.Run(fmt.Sprintf("alerts=%v", withAlerts), func(b *testing.B) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			bb, err := bus.Connect(ctx, bus.Config{URL: bustest.JetStream(b)}, nil)
			if err != nil {
				b.Fatal(err)
			}
			defer bb.Close()
			idx, err := blevebackend.Open(b.TempDir())
			if err != nil {
				b.Fatal(err)
			}
			defer idx.Close()
			var matcher pipeline.Matcher
			if withAlerts {
				rulesKV, err := bb.KV(ctx, bus.BucketAlertRules, 0)
				if err != nil {
					b.Fatal(err)
				}
				firedKV, err := bb.AlertFiredKV(ctx, crawl.DefaultConfig().DedupWindow) // as newsmon run opens it
				if err != nil {
					b.Fatal(err)
				}
				rules := alert.NewStore(rulesKV)
				if _, err := rules.Put(ctx, alert.Rule{ID: "all", Name: "all", Lang: []string{"en"}, Enabled: true}); err != nil {
					b.Fatal(err)
				}
				matcher = alert.NewMatcher(rules, firedKV, nil, alert.WithRetention(30*24*time.Hour))
			}
			n := b.N
			var size int64
			for _, a := range benchArticles(n) {
				data, _ := json.Marshal(a)
				size += int64(len(data))
				if _, err := bb.Publish(ctx, bus.SubjectEnriched, a.ID+".enriched", data, nil); err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(size / int64(n))
			var indexed atomic.Int64
			all := make(chan struct{})
			stages := &pipeline.Stages{Bus: bb, Metrics: pipeline.NewMetrics(nil),
				OnIndexed: func(*article.Article, time.Time) {
					if !withAlerts && indexed.Add(1) == int64(n) {
						close(all)
					}
				},
				OnAlert: func(*article.Article, alert.Event, time.Time) {
					if indexed.Add(1) == int64(n) {
						close(all)
					}
				},
			}
			b.ResetTimer()
			cpu0 := cpuTime()
			done := make(chan error, 1)
			go func() { done <- stages.RunIndex(ctx, idx, matcher, 200) }()
			select {
			case <-all:
			case err := <-done:
				b.Fatalf("index stage ended early: %v", err)
			}
			b.StopTimer()
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
			// The machine is shared: CPU time per article is what this stage costs, whatever the
			// neighbours do to the wall clock.
			b.ReportMetric(float64(cpuTime()-cpu0)/float64(n), "cpu-ns/op")
			cancel()
			<-done
		})
	}
}

// cpuTime returns the user+system CPU time the process has used (Linux; 0 elsewhere).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
