package pipeline_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsmon/newsmon/internal/testutil"
	"github.com/newsmon/newsmon/pkg/alert"
	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/bus/bustest"
	blevebackend "github.com/newsmon/newsmon/pkg/index/bleve"
	"github.com/newsmon/newsmon/pkg/pipeline"
)

var errWorkerDied = errors.New("injected: index worker died here")

// dyingMatcher is the real alert matcher with an index worker that dies once per article (or per
// alert) at a chosen moment: the batch ends in an error instead of an acknowledgement, as it does
// for a killed worker, and JetStream delivers the article again.
type dyingMatcher struct {
	*alert.Matcher
	at string // "claimed": after Match claimed the alerts, before publishing; "published": after publishing, before Delivered

	mu   sync.Mutex
	died map[string]bool
}

func (d *dyingMatcher) once(key string) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.died[key] {
		return false
	}
	d.died[key] = true
	return true
}

func (d *dyingMatcher) Match(ctx context.Context, a *article.Article) ([]alert.Event, error) {
	evs, err := d.Matcher.Match(ctx, a)
	if d.at == "claimed" && len(evs) > 0 && d.once(a.ID) {
		return nil, errWorkerDied
	}
	return evs, err
}

func (d *dyingMatcher) Delivered(ctx context.Context, ev alert.Event) (bool, error) {
	if d.at == "published" && d.once(ev.ID) {
		return false, errWorkerDied
	}
	return d.Matcher.Delivered(ctx, ev)
}

// flakyWindowKV fails the first few writes of a first_in_window rule's last-match time, so that
// Match returns the events of the other rules together with an error.
type flakyWindowKV struct {
	alert.KV
	failures atomic.Int32
}

func (f *flakyWindowKV) CompareAndSwap(ctx context.Context, key string, old, val []byte) (bool, error) {
	if strings.HasPrefix(key, "mode.last.") && f.failures.Add(-1) >= 0 {
		return false, errors.New("injected: kv write timed out")
	}
	return f.KV.CompareAndSwap(ctx, key, old, val)
}

// TestFaultAlertsExactlyOnce runs the index stage on the real embedded JetStream with a rule in
// mode every and one in mode first_in_window, and breaks the worker between claiming an alert and
// publishing it, between publishing it and recording it delivered, or makes one rule fail while
// the other fires. Every alert must reach the stream, the forwarded feed and OnAlert exactly once.
func TestFaultAlertsExactlyOnce(t *testing.T) {
	const n = 20
	for _, tc := range []struct {
		name, dieAt string
		kvFailures  int32
	}{
		{name: "worker dies after claim, before publish", dieAt: "claimed"},
		{name: "worker dies after publish, before mark", dieAt: "published"},
		{name: "one rule fails while another fires", kvFailures: 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			b, err := bus.Connect(ctx, bus.Config{URL: bustest.JetStream(t)}, nil)
			if err != nil {
				t.Fatal(err)
			}
			defer b.Close()
			blv, err := blevebackend.Open(t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			defer blv.Close()
			rulesKV, err := b.KV(ctx, bus.BucketAlertRules, 0)
			if err != nil {
				t.Fatal(err)
			}
			firedKV, err := b.ExpiringKV(ctx, bus.BucketAlertFired)
			if err != nil {
				t.Fatal(err)
			}
			rules := alert.NewStore(rulesKV)
			for _, r := range []alert.Rule{
				{Name: "floods", Text: "flooding", Enabled: true},
				{Name: "first flood of the day", Text: "flooding", Mode: alert.ModeFirstInWindow, Window: "24h", Enabled: true},
			} {
				if _, err := rules.Put(ctx, r); err != nil {
					t.Fatal(err)
				}
			}
			fired := &flakyWindowKV{KV: firedKV}
			fired.failures.Store(tc.kvFailures)
			matcher := &dyingMatcher{Matcher: alert.NewMatcher(rules, fired, nil, alert.WithStoryBands(alert.NewMemoryKV())),
				at: tc.dieAt, died: map[string]bool{}}

			for i := range n {
				// Every article a story of its own: no word 3-shingle in common with another.
				words := make([]string, 24)
				for k := range words {
					words[k] = fmt.Sprintf("w%d_%d", i, k)
				}
				a := &article.Article{ID: fmt.Sprintf("a%02d", i), URL: fmt.Sprintf("https://example.com/%d", i),
					Title: fmt.Sprintf("Story %d", i), Text: "Flooding in the district. " + strings.Join(words, " "),
					Language: "en", Fetched: time.Now()}
				a.Normalize()
				data, _ := json.Marshal(a)
				if _, err := b.Publish(ctx, bus.SubjectEnriched, a.ID+".enriched", data, nil); err != nil {
					t.Fatal(err)
				}
			}

			var mu sync.Mutex
			forwarded := map[string]int{}
			counted := map[string]int{}
			stages := &pipeline.Stages{Bus: b, Metrics: pipeline.NewMetrics(nil), MaxDeliver: 5, Backoff: 10 * time.Millisecond,
				AckWait: 5 * time.Second, OnAlert: func(_ *article.Article, ev alert.Event, _ time.Time) {
					mu.Lock()
					counted[ev.ID]++
					mu.Unlock()
				}}
			if err := stages.ForwardAlerts(ctx, 0, func(ev alert.Event) {
				mu.Lock()
				forwarded[ev.ID]++
				mu.Unlock()
			}); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- stages.RunIndex(ctx, blv, matcher, 8) }()

			const want = n + 1 // one per story for "floods", one for the first story in the window
			// Wait until every article is acknowledged and the alerts are in; on a timeout, still
			// report the figures below.
			waitErr := testutil.Poll(20*time.Second, func() error {
				p, err := b.Pending(ctx, bus.StreamEnriched)
				if err != nil {
					return err
				}
				stored, err := b.StreamMessages(ctx, bus.StreamAlerts)
				if err != nil {
					return err
				}
				mu.Lock()
				defer mu.Unlock()
				if q := p[pipeline.DurableIndex]; q[0]+q[1] != 0 || stored < want || len(forwarded) < want || len(counted) < want {
					return fmt.Errorf("%d articles unacknowledged; alerts stored %d, forwarded %d, counted %d of %d",
						q[0]+q[1], stored, len(forwarded), len(counted), want)
				}
				return nil
			})
			if waitErr != nil {
				t.Error(waitErr)
			}
			stored, _ := b.StreamMessages(ctx, bus.StreamAlerts)
			dead, _ := b.StreamMessages(ctx, bus.StreamDead)
			mu.Lock()
			dups := 0
			for id, k := range forwarded {
				dups += k - 1 + max(counted[id]-1, 0)
			}
			injected := len(matcher.died) + int(tc.kvFailures-max(fired.failures.Load(), 0))
			t.Logf("FAULT %-42s accepted=%d injected=%d alerts_fired=%d alerts_stored=%d alerts_delivered=%d duplicates=%d dead_lettered=%d",
				tc.name, n, injected, len(counted), stored, len(forwarded), dups, dead)
			if stored != want || len(forwarded) != want || len(counted) != want || dups != 0 || dead != 0 {
				t.Errorf("alerts stored %d, forwarded %d, counted %d, duplicates %d, dead letters %d; want %d, %d, %d, 0, 0",
					stored, len(forwarded), len(counted), dups, dead, want, want, want)
			}
			if injected == 0 {
				t.Error("no fault was injected")
			}
			mu.Unlock()
			cancel()
			<-done
		})
	}
}
