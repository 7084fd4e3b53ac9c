package pipeline_test

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
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

// TestFirstMentionAlertThroughIndexStage runs the index stage on the real embedded JetStream and a
// bleve index with a rule "new people in Jiangsu": person A's first story fires naming A, a second
// story with A does not, a third with A and B fires naming B only; people of articles indexed with
// alerts off (an import) are not new; a restarted worker (new matcher, same KV buckets and index)
// fires nothing again, for a redelivered story or a new one.
func TestFirstMentionAlertThroughIndexStage(t *testing.T) {
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
	rule, err := alert.NewStore(rulesKV).Put(ctx, alert.Rule{Name: "new people in Jiangsu", Region: []string{"Jiangsu"},
		Mode: alert.ModeFirstMention, NewEntity: alert.NewPerson, Enabled: true})
	if err != nil {
		t.Fatal(err)
	}

	var mu sync.Mutex
	var forwarded []alert.Event
	indexed := 0
	stages := &pipeline.Stages{Bus: b, Metrics: pipeline.NewMetrics(nil), MaxDeliver: 5, Backoff: 10 * time.Millisecond,
		AckWait: 5 * time.Second,
		OnIndexed: func(*article.Article, time.Time) {
			mu.Lock()
			indexed++
			mu.Unlock()
		}}
	if err := stages.ForwardAlerts(ctx, 0, func(ev alert.Event) {
		mu.Lock()
		forwarded = append(forwarded, ev)
		mu.Unlock()
	}); err != nil {
		t.Fatal(err)
	}
	worker := func() (stop func()) {
		wctx, wcancel := context.WithCancel(ctx)
		matcher := alert.NewMatcher(alert.NewStore(rulesKV), firedKV, nil, alert.WithStoryBands(alert.NewMemoryKV()))
		done := make(chan error, 1)
		go func() { done <- stages.RunIndex(wctx, blv, matcher, 4) }()
		return func() {
			wcancel()
			if err := <-done; err != nil && wctx.Err() == nil {
				t.Errorf("RunIndex: %v", err)
			}
		}
	}
	t0 := time.Now().UTC().Add(-time.Hour)
	story := func(id string, at time.Duration, people ...string) *article.Article {
		published := t0.Add(at)
		text := "In Wuxi, " + strings.Join(people, " and ") + " met officials to discuss the new port."
		a := &article.Article{ID: id, URL: "https://example.com/" + id, Title: "Wuxi port " + id, Text: text,
			Language: "en", Fetched: published, Published: &published,
			Places: []article.Place{{Name: "Wuxi", GeonameID: 1787227, Feature: "city", CountryCode: "CN", Country: "China",
				Admin1Code: "04", Admin1: "Jiangsu", Mentions: []article.Mention{{Text: "Wuxi", Start: 3, End: 7}}}}}
		for _, p := range people {
			start := len([]rune(text[:strings.Index(text, p)]))
			a.Entities = append(a.Entities, article.Entity{Type: article.TypePerson, Name: p, Count: 1,
				Mentions: []article.Mention{{Text: p, Start: start, End: start + len([]rune(p))}}})
		}
		a.Normalize()
		return a
	}
	published := 0
	publish := func(a *article.Article, msgID string) {
		t.Helper()
		published++
		data, _ := json.Marshal(a)
		if _, err := b.Publish(ctx, bus.SubjectEnriched, msgID, data, nil); err != nil {
			t.Fatal(err)
		}
	}
	// settled waits until every published article is indexed and acknowledged and every stored
	// alert forwarded, then returns the forwarded events' new people, one list per event.
	settled := func() [][]string {
		t.Helper()
		err := testutil.Poll(20*time.Second, func() error {
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
			if q := p[pipeline.DurableIndex]; q[0]+q[1] != 0 || indexed < published || len(forwarded) < int(stored) {
				return fmt.Errorf("%d articles unacknowledged, %d of %d indexed, %d of %d alerts forwarded",
					q[0]+q[1], indexed, published, len(forwarded), stored)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		mu.Lock()
		defer mu.Unlock()
		var out [][]string
		for _, ev := range forwarded {
			var names []string
			for _, e := range ev.NewEntities {
				names = append(names, e.Name)
			}
			out = append(out, names)
			if ev.RuleID != rule.ID || ev.Mode != alert.ModeFirstMention || ev.ID != rule.ID+".new."+ev.ArticleID {
				t.Errorf("event %+v; want a first_mention event of rule %s", ev, rule.ID)
			}
		}
		return out
	}
	check := func(step string, want ...[]string) {
		t.Helper()
		if got := settled(); !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("%s: alerts naming %q; want %q", step, got, want)
		}
	}

	// An import with alerts off: indexed, never matched.
	if err := blv.Put(ctx, []*article.Article{story("imported", -24*time.Hour, "Zhou Ming")}); err != nil {
		t.Fatal(err)
	}
	stop := worker()
	publish(story("s1", 0, "Ann Li"), "s1.enriched")
	check("story 1 with A", []string{"Ann Li"})
	publish(story("s2", time.Minute, "Ann Li"), "s2.enriched")
	check("story 2 with A again", []string{"Ann Li"})
	publish(story("s3", 2*time.Minute, "Ann Li", "Bo Wang"), "s3.enriched")
	check("story 3 with A and B", []string{"Ann Li"}, []string{"Bo Wang"})
	publish(story("s4", 3*time.Minute, "Zhou Ming"), "s4.enriched")
	check("story 4 with the imported person", []string{"Ann Li"}, []string{"Bo Wang"})

	stop()
	stop = worker()
	defer stop()
	publish(story("s3", 2*time.Minute, "Ann Li", "Bo Wang"), "s3.enriched.again")
	publish(story("s5", 4*time.Minute, "Bo Wang", "Ann Li"), "s5.enriched")
	check("after a restart", []string{"Ann Li"}, []string{"Bo Wang"})
}
