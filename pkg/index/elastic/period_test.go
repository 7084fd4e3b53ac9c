package elastic

import (
	"errors"
	"log/slog"
	"slices"
	"testing"
	"time"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/index"
	"github.com/newsmon/newsmon/pkg/index/indextest"
)

func TestPeriodTargets(t *testing.T) {
	now := time.Date(2026, 3, 15, 12, 0, 0, 0, time.UTC)
	x := &Index{alias: "news", period: PeriodMonth, retain: 3, now: func() time.Time { return now },
		log: slog.New(slog.DiscardHandler)}
	at := func(pub string, fetched string) *article.Article {
		a := &article.Article{ID: pub + fetched}
		if pub != "" {
			p, _ := time.Parse(time.RFC3339, pub)
			a.Published = &p
		}
		if fetched != "" {
			a.Fetched, _ = time.Parse(time.RFC3339, fetched)
		}
		return a
	}
	for _, tc := range []struct {
		a    *article.Article
		want string
		kept bool
	}{
		{at("2026-03-01T00:00:00Z", ""), "news-2026.03", true},
		{at("2026-02-28T23:30:00-02:00", ""), "news-2026.03", true}, // 01:30 UTC on March 1st
		{at("2026-01-01T00:00:00Z", ""), "news-2026.01", true},      // the oldest of 3 months kept
		{at("2025-12-31T23:59:59Z", ""), "news-2025.12", false},
		{at("", "2026-02-10T08:00:00Z"), "news-2026.02", true}, // undated: when fetched
		{at("", ""), "news-2026.03", true},                     // nothing: now
	} {
		if got := x.target(tc.a); got != tc.want {
			t.Errorf("target(%s) = %s; want %s", tc.a.ID, got, tc.want)
		}
		if kept := len(x.unexpired([]*article.Article{tc.a})) == 1; kept != tc.kept {
			t.Errorf("unexpired(%s) keeps it: %v; want %v", tc.a.ID, kept, tc.kept)
		}
	}
	single := &Index{alias: "news", now: func() time.Time { return now }}
	if got := single.target(at("2020-01-01T00:00:00Z", "")); got != "news" {
		t.Errorf("single-index target = %s; want the alias", got)
	}
}

func TestConfigValidatePeriod(t *testing.T) {
	for _, tc := range []struct {
		period string
		retain int
		ok     bool
	}{{"", 0, true}, {PeriodMonth, 0, true}, {PeriodMonth, 12, true}, {"week", 0, false}, {"", 3, false}, {PeriodMonth, -1, false}} {
		err := Config{URLs: []string{"http://127.0.0.1:9200"}, Period: tc.period, Retain: tc.retain}.Validate()
		if (err == nil) != tc.ok {
			t.Errorf("Validate(period %q, retain %d) = %v; want ok %v", tc.period, tc.retain, err, tc.ok)
		}
	}
}

// TestIntegrationPeriodicConformance runs the conformance suite on the monthly layout: the
// fixtures spread over several months, so every search, facet, timeline and scan spans indices.
func TestIntegrationPeriodicConformance(t *testing.T) {
	url := liveURL(t)
	indextest.Run(t, func(t *testing.T) index.Index {
		return openLiveWith(t, Config{URLs: []string{url}, Period: PeriodMonth})
	})
}

// TestIntegrationRetention: articles go to their month's index behind the alias; one older than
// the retention is not written; when the clock reaches a new month, the month that falls out is
// deleted with its articles, and an index of the single-index layout is left alone.
func TestIntegrationRetention(t *testing.T) {
	url := liveURL(t)
	x := openLiveWith(t, Config{URLs: []string{url}, Period: PeriodMonth, Retain: 2})
	ctx := t.Context()
	now := time.Now().UTC()
	month := func(back int) time.Time {
		return time.Date(now.Year(), now.Month()-time.Month(back), 10, 12, 0, 0, 0, time.UTC)
	}
	arts := indextest.Fixtures()[:3]
	for i, back := range []int{0, 1, 2} { // the third is out of the 2 months kept
		p := month(back)
		arts[i].Published = &p
	}
	if err := x.Put(ctx, arts); err != nil {
		t.Fatal(err)
	}
	names, err := x.aliasIndices(ctx)
	slices.Sort(names)
	if want := []string{x.periodIndex(month(1)), x.periodIndex(month(0))}; err != nil || !slices.Equal(names, want) {
		t.Fatalf("alias indices = %v, %v; want %v", names, err, want)
	}
	for i, wantFound := range []bool{true, true, false} {
		_, err := x.Get(ctx, arts[i].ID)
		if found := err == nil; found != wantFound || (err != nil && !errors.Is(err, index.ErrNotFound)) {
			t.Errorf("Get(article of %s) = %v; want found %v", arts[i].Published.Format("2006-01"), err, wantFound)
		}
	}

	next := month(-1) // a month later: last month falls out of the 2 kept
	x.now = func() time.Time { return next }
	later := indextest.Fixtures()[3]
	later.Published = &next
	if err := x.Put(ctx, []*article.Article{later}); err != nil {
		t.Fatal(err)
	}
	names, err = x.aliasIndices(ctx)
	slices.Sort(names)
	if want := []string{x.periodIndex(month(0)), x.periodIndex(next)}; err != nil || !slices.Equal(names, want) {
		t.Fatalf("after a month, alias indices = %v, %v; want %v", names, err, want)
	}
	res, err := x.Search(ctx, index.Query{FacetSize: -1})
	if err != nil || res.Total != 2 {
		t.Fatalf("Search after expiry = %v, %v; want this month's and next month's article", res, err)
	}
	if _, err := x.Get(ctx, arts[1].ID); !errors.Is(err, index.ErrNotFound) {
		t.Errorf("Get(expired article) = %v; want ErrNotFound", err)
	}
}
