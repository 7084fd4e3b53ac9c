package indextest

import (
	"math"
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

// testSignificantTerms checks that the terms of a query whose articles carry a known topic are
// that topic: the topic's words rank first, with their exact counts in the query's articles and
// in the whole index.
func testSignificantTerms(t *testing.T, idx index.Index) {
	ts, ok := idx.(index.TermScorer)
	if !ok {
		t.Fatalf("%T does not implement index.TermScorer", idx)
	}
	PutAll(t, idx, TopicCorpus())
	all := TopicBackground + TopicArticles
	for _, tc := range []struct {
		name string
		q    index.Query
	}{
		{"by source", index.Query{Source: []string{TopicSource}}},
		{"by source, sorted by date", index.Query{Source: []string{TopicSource}, Sort: "date"}},
		{"by text", index.Query{Text: "helium OR hangar"}}, // the topic articles, and no others
	} {
		res, err := ts.SignificantTerms(t.Context(), tc.q, index.TermsOptions{Size: 10})
		if err != nil {
			t.Fatalf("%s: SignificantTerms: %v", tc.name, err)
		}
		if res.Total != TopicArticles || res.Sampled != TopicArticles || res.BackgroundTotal != all {
			t.Errorf("%s: total %d, sampled %d, background %d; want %d, %d, %d", tc.name, res.Total, res.Sampled,
				res.BackgroundTotal, TopicArticles, TopicArticles, all)
		}
		if len(res.Terms) < len(TopicWords) {
			t.Fatalf("%s: terms = %+v; want at least the %d topic words", tc.name, res.Terms, len(TopicWords))
		}
		for i, term := range res.Terms[:len(TopicWords)] {
			n, ok := TopicWords[term.Term]
			if !ok {
				t.Errorf("%s: term %d is %+v; want the topic words first, got %+v", tc.name, i, term, res.Terms)
				continue
			}
			bg := n
			if term.Term == "zeppelin" {
				bg += TopicStray
			}
			if term.Count != n || term.Background != bg {
				t.Errorf("%s: %q count %d of background %d; want %d of %d", tc.name, term.Term, term.Count,
					term.Background, n, bg)
			}
			if want := index.JLH(n, TopicArticles, bg, all); !near(term.Score, want) {
				t.Errorf("%s: %q score %v; want JLH %v", tc.name, term.Term, term.Score, want)
			}
		}
		for i := 1; i < len(res.Terms); i++ {
			if res.Terms[i].Score > res.Terms[i-1].Score {
				t.Errorf("%s: terms not by score: %+v", tc.name, res.Terms)
			}
		}
	}
	// The sample bounds what is read, and the size what is returned.
	res, err := ts.SignificantTerms(t.Context(), index.Query{Source: []string{TopicSource}}, index.TermsOptions{Size: 2, Sample: 5})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != TopicArticles || res.Sampled != 5 || len(res.Terms) != 2 {
		t.Errorf("sample 5, size 2: total %d, sampled %d, %d terms; want %d, 5, 2", res.Total, res.Sampled,
			len(res.Terms), TopicArticles)
	}
	res, err = ts.SignificantTerms(t.Context(), index.Query{Text: "zeppelin -zeppelin"}, index.TermsOptions{})
	if err != nil || res.Total != 0 || len(res.Terms) != 0 {
		t.Errorf("no match: %+v, %v; want no terms", res, err)
	}
}

// near compares scores computed by different engines (float32 inside Lucene).
func near(a, b float64) bool { return math.Abs(a-b) <= 1e-4*math.Max(1, math.Abs(b)) }
