package bleve_test

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/index"
	"github.com/newsmon/newsmon/pkg/index/bleve"
	"github.com/newsmon/newsmon/pkg/index/indextest"
)

func openTemp(t testing.TB, opts ...bleve.Option) *bleve.Index {
	t.Helper()
	idx, err := bleve.Open(filepath.Join(t.TempDir(), "index"), opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = idx.Close() })
	return idx
}

func TestConformance(t *testing.T) {
	indextest.Run(t, func(t *testing.T) index.Index { return openTemp(t) })
}

func TestConformanceAsyncPersist(t *testing.T) {
	if testing.Short() {
		t.Skip("second full run of the suite")
	}
	indextest.Run(t, func(t *testing.T) index.Index { return openTemp(t, bleve.WithAsyncPersist()) })
}

func TestReopenAfterClose(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts []bleve.Option
	}{{"durable", nil}, {"async", []bleve.Option{bleve.WithAsyncPersist()}}} {
		t.Run(tc.name, func(t *testing.T) { testReopen(t, tc.opts...) })
	}
}

func testReopen(t *testing.T, opts ...bleve.Option) {
	dir := filepath.Join(t.TempDir(), "index")
	idx, err := bleve.Open(dir, opts...)
	if err != nil {
		t.Fatal(err)
	}
	if err := idx.Put(t.Context(), indextest.Fixtures()); err != nil {
		t.Fatal(err)
	}
	if err := idx.Close(); err != nil {
		t.Fatal(err)
	}

	idx, err = bleve.Open(dir, opts...)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	t.Cleanup(func() { _ = idx.Close() })
	if n, err := idx.Count(t.Context()); err != nil || n != len(indextest.Fixtures()) {
		t.Errorf("Count after reopen = %d, %v; want %d", n, err, len(indextest.Fixtures()))
	}
	for _, want := range indextest.Fixtures() {
		got, err := idx.Get(t.Context(), want.ID)
		if err != nil {
			t.Fatalf("Get(%s) after reopen: %v", want.ID, err)
		}
		if g, w := mustJSON(t, got), mustJSON(t, want); g != w {
			t.Errorf("Get(%s) after reopen =\n%s\nwant\n%s", want.ID, g, w)
		}
	}
	res, err := idx.Search(t.Context(), index.Query{Region: []string{"jiangsu"}})
	if err != nil || res.Total != 2 {
		t.Errorf("Search(region=jiangsu) after reopen = %v, %v; want 2 hits", res, err)
	}
	// And it still takes writes.
	indextest.PutAll(t, idx, []*article.Article{copyOf(indextest.Fixtures()[0], "https://example.com/after-reopen")})
}

// The embedded index analyses each article in its own language, so French elision and German
// compounds behave; the Elasticsearch backend is not held to this.
func TestLanguageAnalysis(t *testing.T) {
	idx := openTemp(t)
	indextest.PutAll(t, idx, indextest.Fixtures())
	for _, tc := range []struct {
		q    string
		want int
	}{
		{"hydrogène", 2},   // "l'hydrogène": French elision; stemmed, also the English "hydrogen"
		{"chinesische", 1}, // German stemming: "chinesischen"
		{"nation", 1},      // English stemming: "nations"
		{"européen", 1},    // French, accents kept
		{"EUROPÉENNE", 1},  // case folded
	} {
		res, err := idx.Search(t.Context(), index.Query{Text: tc.q, FacetSize: -1})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != tc.want {
			t.Errorf("Search(%q) total = %d; want %d", tc.q, res.Total, tc.want)
		}
	}
	res, err := idx.Search(t.Context(), index.Query{Text: "hydrogène", FacetSize: -1})
	if err != nil || len(res.Hits) != 2 || res.Hits[0].ID != indextest.Fixtures()[2].ID {
		t.Fatalf("Search(hydrogène) = %v, %v; want the French article first", res, err)
	}
	if frags := res.Hits[0].Highlight["title"]; !slices.ContainsFunc(frags, func(f string) bool {
		return strings.Contains(f, "<mark>") && strings.Contains(f, "&#39;") // escaped HTML
	}) {
		t.Errorf("highlight title = %q; want an HTML-escaped fragment with <mark>", frags)
	}
}

func TestPutReportsBadArticles(t *testing.T) {
	idx := openTemp(t)
	good := indextest.Fixtures()[0]
	err := idx.Put(t.Context(), []*article.Article{good, {Title: "no id"}, nil})
	var be *index.BulkError
	if !asBulk(err, &be) || len(be.Failed) != 1 {
		t.Fatalf("Put with an id-less article = %v; want a BulkError naming 1 article", err)
	}
	if _, err := idx.Get(t.Context(), good.ID); err != nil {
		t.Errorf("the good article of a partly failed batch: Get = %v; want it written", err)
	}
}

func asBulk(err error, be **index.BulkError) bool {
	b, ok := err.(*index.BulkError)
	*be = b
	return ok
}

func copyOf(a *article.Article, url string) *article.Article {
	c := *a
	c.URL, c.CanonicalURL, c.ID = url, url, article.IDFor(url)
	return &c
}

func mustJSON(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// generated returns n distinct articles made from the fixtures.
func generated(n, offset int) []*article.Article {
	fx := indextest.Fixtures()
	out := make([]*article.Article, n)
	for i := range out {
		out[i] = copyOf(fx[i%len(fx)], fmt.Sprintf("https://example.com/bench/%d", offset+i))
	}
	return out
}

// BenchmarkPut writes batches of 100 articles with durable (default) and async persistence.
func BenchmarkPut(b *testing.B) {
	for _, tc := range []struct {
		name string
		opts []bleve.Option
	}{{"durable", nil}, {"async", []bleve.Option{bleve.WithAsyncPersist()}}} {
		b.Run(tc.name, func(b *testing.B) {
			const batch = 100
			idx := openTemp(b, tc.opts...)
			arts := generated(batch*4, 0)
			n := 0
			for b.Loop() {
				start := (n % 4) * batch
				for _, a := range arts[start : start+batch] { // a new id each time
					a.ID = article.IDFor(fmt.Sprint(n, a.URL))
				}
				if err := idx.Put(b.Context(), arts[start:start+batch]); err != nil {
					b.Fatal(err)
				}
				n++
			}
			b.ReportMetric(float64(n*batch)/b.Elapsed().Seconds(), "docs/s")
		})
	}
}

// BenchmarkSearch searches 2,000 articles with a text query, a filter, facets and highlights.
func BenchmarkSearch(b *testing.B) {
	oneBillion := 1e9
	idx := openTemp(b, bleve.WithAsyncPersist())
	for i := 0; i < 2000; i += 500 {
		if err := idx.Put(b.Context(), generated(500, i)); err != nil {
			b.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name string
		q    index.Query
	}{
		{"text", index.Query{Text: "battery prices"}},
		{"filter", index.Query{Region: []string{"China"}, Sort: "date"}},
		{"text+filter+timeline", index.Query{Text: "summit OR nuclear", Region: []string{"France"}, Interval: "week"}},
		{"near", index.Query{Near: &index.GeoCircle{Lat: 31.57, Lon: 120.29, Km: 200}, Sort: "date"}},
		{"mentioned+usd", index.Query{MentionsFrom: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), MinUSD: &oneBillion}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := idx.Search(b.Context(), tc.q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestFarDates(t *testing.T) {
	idx := openTemp(t)
	indextest.PutAll(t, idx, indextest.Fixtures())
	from := time.Date(1, 1, 2, 0, 0, 0, 0, time.UTC)
	to := time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)
	res, err := idx.Search(t.Context(), index.Query{From: from, To: to, FacetSize: -1})
	if err != nil || res.Total != len(indextest.Fixtures()) {
		t.Errorf("Search(from year 1 to 9999) = %v, %v; want all %d", res, err, len(indextest.Fixtures()))
	}
}
