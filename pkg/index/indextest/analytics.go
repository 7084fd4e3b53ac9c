package indextest

import (
	"slices"
	"testing"

	"github.com/newsmon/newsmon/pkg/index"
)

// testShareTimeline holds ShareTimeline to its contract on the fixtures: every period with
// background articles appears, count is what the query alone counts, total what the background
// alone counts, share their ratio.
func testShareTimeline(t *testing.T, idx index.Index) {
	for _, tc := range []struct {
		name string
		q    index.Query
		want []index.ShareBucket
	}{
		{"region by week", index.Query{Interval: "week", Region: []string{"China"}}, []index.ShareBucket{
			sb("2023-09-04", 0, 1), sb("2023-10-16", 1, 1), sb("2023-10-23", 3, 4), sb("2023-10-30", 0, 2)}},
		// The source filter stays in the background; the text does not.
		{"text in one source", index.Query{Interval: "month", Text: "battery", Source: []string{"reuters.com"}},
			[]index.ShareBucket{sb("2023-10-01", 1, 2)}},
		// So does the period.
		{"person in a period", index.Query{Interval: "day", Person: []string{"Emmanuel Macron"},
			From: mustTime("2023-10-24T00:00:00Z"), To: mustTime("2023-10-31T23:59:59Z")}, []index.ShareBucket{
			sb("2023-10-24", 0, 1), sb("2023-10-25", 0, 1), sb("2023-10-26", 0, 1), sb("2023-10-30", 0, 1),
			sb("2023-10-31", 1, 1)}},
		{"nothing matches", index.Query{Interval: "month", Text: "zeppelin", Lang: []string{"fr"}},
			[]index.ShareBucket{sb("2023-10-01", 0, 1)}},
	} {
		got, total, background, err := index.ShareTimeline(t.Context(), idx, tc.q)
		if err != nil {
			t.Errorf("%s: ShareTimeline: %v", tc.name, err)
			continue
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: buckets = %v; want %v", tc.name, got, tc.want)
		}
		// The share series is the ratio of the two count series, read independently.
		tc.q.Size, tc.q.FacetSize = 1, -1
		fg, bg := mustSearch(t, idx, tc.q), mustSearch(t, idx, tc.q.Background())
		if total != fg.Total || background != bg.Total {
			t.Errorf("%s: totals %d of %d; want %d of %d", tc.name, total, background, fg.Total, bg.Total)
		}
		counts, totals := map[string]int{}, map[string]int{}
		for _, b := range fg.Timeline {
			counts[b.Key] = b.Count
		}
		for _, b := range bg.Timeline {
			totals[b.Key] = b.Count
		}
		for _, b := range got {
			if b.Count != counts[b.Key] || b.Total != totals[b.Key] || b.Share != float64(counts[b.Key])/float64(totals[b.Key]) {
				t.Errorf("%s: bucket %+v; the count series says %d of %d", tc.name, b, counts[b.Key], totals[b.Key])
			}
		}
	}
	if _, _, _, err := index.ShareTimeline(t.Context(), idx, index.Query{}); err == nil {
		t.Errorf("ShareTimeline without interval: no error; want one")
	}
}

func sb(key string, count, total int) index.ShareBucket {
	return index.ShareBucket{Key: key, Count: count, Total: total, Share: float64(count) / float64(total)}
}
