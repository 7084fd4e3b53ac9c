package index

import (
	"testing"
	"time"

	"github.com/newsmon/newsmon/pkg/article"
)

func TestRetainedFrom(t *testing.T) {
	now := time.Date(2026, 1, 31, 23, 0, 0, 0, time.FixedZone("", -3*3600)) // Feb 1st, 02:00 UTC
	for _, tc := range []struct {
		months int
		want   string
	}{{0, "0001-01-01"}, {-1, "0001-01-01"}, {1, "2026-02-01"}, {2, "2026-01-01"}, {14, "2025-01-01"}} {
		if got := RetainedFrom(now, tc.months).Format(time.DateOnly); got != tc.want {
			t.Errorf("RetainedFrom(%d months) = %s; want %s", tc.months, got, tc.want)
		}
	}
}

func TestFilingTime(t *testing.T) {
	now := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	pub := time.Date(2025, 5, 5, 0, 0, 0, 0, time.UTC)
	fetched := time.Date(2025, 6, 6, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		a    article.Article
		want time.Time
	}{
		{article.Article{Published: &pub, Fetched: fetched}, pub},
		{article.Article{Fetched: fetched}, fetched},
		{article.Article{}, now},
	} {
		if got := FilingTime(&tc.a, now); !got.Equal(tc.want) {
			t.Errorf("FilingTime(%+v) = %s; want %s", tc.a, got, tc.want)
		}
	}
}
