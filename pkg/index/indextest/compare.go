package indextest

import (
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/newsmon/newsmon/pkg/index"
)

// testCompare checks "compare across collections": one share series per value of a tag key,
// each the query in the sources carrying that tag against those sources' background.
func testCompare(t *testing.T, idx index.Index) {
	month := "2023-10-01"
	series := func(value string, count, total int) index.Series {
		s := index.Series{Value: value, Total: count, Background: total, Buckets: []index.ShareBucket{sb(month, count, total)}}
		s.Tag, s.Share = index.Tag("country", value), float64(count)/float64(total)
		return s
	}
	for _, tc := range []struct {
		name string
		q    index.Query
		opts index.CompareOptions
		want []index.Series
	}{
		// China in each country's sources: the countries whose sources wrote about it, most first,
		// ties by code; GB's share is of all three GB articles.
		{"top values", index.Query{Region: []string{"China"}}, index.CompareOptions{Key: "country"},
			[]index.Series{series("GB", 2, 3), series("DE", 1, 1), series("HK", 1, 1)}},
		{"limit", index.Query{Region: []string{"China"}}, index.CompareOptions{Key: "Country", Limit: 1},
			[]index.Series{series("GB", 2, 3)}},
		// Values asked for come in their order, even one with no match (its background counts).
		{"values", index.Query{Text: "battery"}, index.CompareOptions{Key: "country", Values: []string{"FR", "GB"}},
			[]index.Series{series("FR", 0, 2), series("GB", 2, 3)}},
		{"no such key", index.Query{}, index.CompareOptions{Key: "owner"}, []index.Series{}},
	} {
		tc.q.Interval = index.IntervalMonth
		got, err := index.CompareByTag(t.Context(), idx, tc.q, tc.opts, nil)
		if err != nil {
			t.Errorf("%s: CompareByTag: %v", tc.name, err)
			continue
		}
		if !equalSeries(got, tc.want) {
			t.Errorf("%s: CompareByTag = %+v; want %+v", tc.name, got, tc.want)
		}
	}
	// Another key, and the filters of the query stay: kinds of the sources, by their articles.
	got, err := index.CompareByTag(t.Context(), idx, index.Query{Interval: index.IntervalMonth, Tag: []string{"collection:europe"}},
		index.CompareOptions{Key: "kind"}, nil)
	var kinds []string
	for _, s := range got {
		kinds = append(kinds, fmt.Sprintf("%s=%d", s.Tag, s.Total))
	}
	if want := []string{"kind:newspaper=2", "kind:broadcast=1"}; err != nil || !slices.Equal(kinds, want) {
		t.Errorf("kinds in collection:europe = %q, %v; want %q", kinds, err, want)
	}
	if _, err := index.CompareByTag(t.Context(), idx, index.Query{Interval: index.IntervalMonth}, index.CompareOptions{}, nil); !errors.Is(err, index.ErrNoCompareKey) {
		t.Errorf("CompareByTag without a key: %v; want ErrNoCompareKey", err)
	}
}

func equalSeries(a, b []index.Series) bool {
	return slices.EqualFunc(a, b, func(x, y index.Series) bool {
		return x.Value == y.Value && x.Tag == y.Tag && x.Total == y.Total && x.Background == y.Background &&
			x.Share == y.Share && slices.Equal(x.Buckets, y.Buckets)
	})
}
