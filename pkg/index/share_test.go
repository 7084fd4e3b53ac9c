package index

import (
	"context"
	"slices"
	"testing"
	"time"
)

func TestMergeShares(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name   string
		fg, bg []TimeBucket
		want   []ShareBucket
	}{
		{"empty", nil, nil, []ShareBucket{}},
		{"zero periods kept", []TimeBucket{{"2023-10-02", 1}},
			[]TimeBucket{{"2023-10-01", 4}, {"2023-10-02", 4}, {"2023-10-03", 2}},
			[]ShareBucket{{"2023-10-01", 0, 4, 0}, {"2023-10-02", 1, 4, 0.25}, {"2023-10-03", 0, 2, 0}}},
		// A background read a moment before new articles arrived: the share stays at most 1.
		{"query ahead of background", []TimeBucket{{"2023-10-01", 3}, {"2023-10-05", 1}},
			[]TimeBucket{{"2023-10-01", 2}},
			[]ShareBucket{{"2023-10-01", 3, 3, 1}, {"2023-10-05", 1, 1, 1}}},
	} {
		if got := MergeShares(tc.fg, tc.bg); !slices.Equal(got, tc.want) {
			t.Errorf("%s: MergeShares = %v; want %v", tc.name, got, tc.want)
		}
	}
}

func TestBackgroundKeepsSourcesAndPeriod(t *testing.T) {
	from, to := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2023, 12, 31, 0, 0, 0, 0, time.UTC)
	usd := 1e9
	q := Query{Text: "battery", Person: []string{"Li Wei"}, Org: []string{"x"}, Place: []string{"Wuxi"},
		Region: []string{"CN"}, Event: []string{"e"}, Source: []string{"reuters.com"}, Lang: []string{"en"},
		Tag: []string{"country:GB"}, Speaker: []string{"s"}, From: from, To: to, Near: &GeoCircle{1, 2, 3}, Currency: []string{"USD"},
		MinUSD: &usd, EventType: []string{"protest"}, MentionsFrom: from, Interval: "week", Size: 1, FacetSize: -1}
	bg := q.Background()
	want := Query{Source: q.Source, Tag: q.Tag, Lang: q.Lang, From: from, To: to, Interval: "week", Size: 1, FacetSize: -1}
	if bg.Text != "" || bg.Person != nil || bg.Region != nil || bg.Near != nil || bg.MinUSD != nil ||
		bg.EventType != nil || !bg.MentionsFrom.IsZero() || !slices.Equal(bg.Source, want.Source) || !slices.Equal(bg.Tag, want.Tag) ||
		!slices.Equal(bg.Lang, want.Lang) || bg.From != from || bg.To != to || bg.Interval != "week" ||
		bg.Size != 1 || bg.FacetSize != -1 {
		t.Errorf("Background() = %+v; want %+v", bg, want)
	}
}

func TestFacetList(t *testing.T) {
	if got := (Query{}).FacetList(); !slices.Equal(got, FacetNames) {
		t.Errorf("no facets named: %v; want all", got)
	}
	if got := (Query{Facets: []string{"source", "colour", "person"}}).FacetList(); !slices.Equal(got, []string{"person", "source"}) {
		t.Errorf("FacetList = %v; want person, source (in FacetNames order, unknown left out)", got)
	}
}

// countingSearcher counts searches and answers a timeline that grows with each.
type countingSearcher struct{ n int }

func (c *countingSearcher) Search(_ context.Context, q Query) (*Result, error) {
	c.n++
	return &Result{Total: c.n, Timeline: []TimeBucket{{Key: "2023-10-01", Count: c.n}}}, nil
}

func TestBackgroundCache(t *testing.T) {
	now := time.Date(2023, 10, 1, 0, 0, 0, 0, time.UTC)
	c := NewBackgroundCache(10 * time.Second)
	c.now = func() time.Time { return now }
	s := &countingSearcher{}
	bg := Query{Source: []string{"A", "b"}, Interval: "week"}
	first, _ := c.search(t.Context(), s, bg)
	again, _ := c.search(t.Context(), s, Query{Source: []string{"B", "a"}, Interval: "week"}) // same sources
	if s.n != 1 || again.Total != first.Total {
		t.Errorf("same background twice: %d searches; want 1", s.n)
	}
	c.search(t.Context(), s, Query{Source: []string{"a", "b"}, Interval: "month"})
	c.search(t.Context(), s, Query{Source: []string{"a", "b"}, Interval: "week", From: now})
	c.search(t.Context(), s, Query{Source: []string{"a", "b"}, Interval: "week", Tag: []string{"country:CN"}})
	if s.n != 4 {
		t.Errorf("other interval, other period, other collection: %d searches; want 4", s.n)
	}
	now = now.Add(11 * time.Second)
	if res, _ := c.search(t.Context(), s, bg); s.n != 5 || res.Total != 5 {
		t.Errorf("after the TTL: %d searches, total %d; want a fresh search", s.n, res.Total)
	}
	var none *BackgroundCache
	if res, _ := none.search(t.Context(), s, bg); s.n != 6 || res.Total != 6 {
		t.Errorf("nil cache: %d searches; want every call to search", s.n)
	}
}
