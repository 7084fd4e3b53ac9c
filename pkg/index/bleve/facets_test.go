package bleve

import (
	"fmt"
	"math/rand"
	"path/filepath"
	"reflect"
	"strconv"
	"testing"
	"time"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/index"
	"github.com/newsmon/newsmon/pkg/index/indextest"
)

// The conformance suite with every facet and timeline counted from postings, whatever the cost
// estimate picks on its small fixtures.
func TestConformanceFacetsByPostings(t *testing.T) {
	indextest.Run(t, func(t *testing.T) index.Index {
		idx, err := Open(filepath.Join(t.TempDir(), "index"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = idx.Close() })
		idx.facetWay = facetsByPostings
		return idx
	})
}

// Counting from postings gives bleve's counts exactly: over several segments, with rewritten
// (so deleted) documents, in both layouts, for queries that match everything, some or nothing.
func TestFacetWaysAgree(t *testing.T) {
	for _, layout := range []struct {
		name string
		opts []Option
	}{{"single", nil}, {"monthly", []Option{WithMonthlyPartitions(0)}}} {
		t.Run(layout.name, func(t *testing.T) {
			idx, err := Open(filepath.Join(t.TempDir(), "index"), layout.opts...)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = idx.Close() })
			putFacetCorpus(t, idx)
			for _, q := range []index.Query{
				{Interval: index.IntervalDay},
				{Text: "alpha", Interval: index.IntervalWeek},
				{Text: "-alpha"},
				{Person: []string{"Person 1"}, Interval: index.IntervalMonth},
				{Tag: []string{"kind:wire"}, Text: "beta", FacetSize: 3},
				{Lang: []string{"de"}, From: time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC)},
				{Text: "nowhere"},
				{Facets: []string{"person", "source"}, FacetSize: 1000, Interval: index.IntervalDay},
				{Size: 5, Page: 3, FacetSize: -1},
				{Size: 7, Page: 2, Sort: "relevance", Lang: []string{"en"}, Facets: []string{"lang"}},
				{Size: 300, Page: 2, FacetSize: -1}, // into the undated, which sort last
				{Size: 4, Sort: "date", Text: "alpha", Facets: []string{"tag"}},
			} {
				idx.facetWay = facetsByBleve
				want, err := idx.Search(t.Context(), q)
				if err != nil {
					t.Fatal(err)
				}
				for _, way := range []facetWay{facetsByPostings, facetsByDocValues, facetsByCost} {
					idx.facetWay = way
					got, err := idx.Search(t.Context(), q)
					if err != nil {
						t.Fatal(err)
					}
					if got.Total != want.Total || !reflect.DeepEqual(got.Facets, want.Facets) ||
						!reflect.DeepEqual(got.Timeline, want.Timeline) {
						t.Errorf("%+v, way %d: total %d, facets %v, timeline %v;\nbleve's: total %d, facets %v, timeline %v",
							q, way, got.Total, got.Facets, got.Timeline, want.Total, want.Facets, want.Timeline)
					}
					if g, w := hitKeys(got), hitKeys(want); !reflect.DeepEqual(g, w) {
						t.Errorf("%+v, way %d: hits %v; bleve's %v", q, way, g, w)
					}
				}
			}
		})
	}
}

// putFacetCorpus writes 600 articles in batches (so in several segments), then rewrites some
// (which deletes their old documents).
func putFacetCorpus(t *testing.T, idx *Index) {
	t.Helper()
	r := rand.New(rand.NewSource(7))
	epoch := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	gen := func(i int, variant string) *article.Article {
		published := epoch.Add(time.Duration(r.Intn(90*24)) * time.Hour)
		a := &article.Article{ID: fmt.Sprintf("a%04d", i), Source: "source-" + strconv.Itoa(r.Intn(7)),
			Language: []string{"en", "de", "fr"}[r.Intn(3)], Published: &published,
			SourceTags: []string{index.Tag("kind", []string{"wire", "newspaper"}[r.Intn(2)])},
			Title:      "story " + variant, Text: []string{"alpha", "beta", "gamma"}[r.Intn(3)] + " text " + variant}
		for k := r.Intn(6); k >= 0; k-- {
			typ := article.TypePerson
			if r.Intn(3) == 0 {
				typ = article.TypeOrg
			}
			a.Entities = append(a.Entities, article.Entity{Type: typ, Name: fmt.Sprintf("%s %d", typ, r.Intn(40)), Count: 1})
		}
		if r.Intn(4) == 0 {
			a.Published = nil // undated: no timeline key
		}
		return a
	}
	var batch []*article.Article
	for i := 0; i < 600; i++ {
		batch = append(batch, gen(i, "v1"))
		if len(batch) == 50 {
			if err := idx.Put(t.Context(), batch); err != nil {
				t.Fatal(err)
			}
			batch = nil
		}
	}
	for i := 0; i < 600; i += 7 {
		batch = append(batch, gen(i, "v2"))
	}
	if err := idx.Put(t.Context(), batch); err != nil {
		t.Fatal(err)
	}
}

// hitKeys are the hits' ids and scores, in order.
func hitKeys(res *index.Result) []string {
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.ID+" "+strconv.FormatFloat(h.Score, 'g', -1, 64))
	}
	return out
}

// A walk newest first within day windows passes the articles Search's pages give, in the same
// order, dated ones first, then the undated.
func TestScanWindowsKeepOrder(t *testing.T) {
	idx, err := Open(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = idx.Close() })
	putFacetCorpus(t, idx)
	for _, q := range []index.Query{{}, {Lang: []string{"de"}}, {Text: "beta", Sort: "date"}} {
		idx.facetWay = facetsByBleve // pages neither counted nor narrowed before the search
		var want []string
		for page := 1; ; page++ {
			p := q
			p.Page, p.Size, p.FacetSize = page, 100, -1
			res, err := idx.Search(t.Context(), p)
			if err != nil {
				t.Fatal(err)
			}
			for _, h := range res.Hits {
				want = append(want, h.ID)
			}
			if len(res.Hits) < p.Size {
				break
			}
		}
		idx.facetWay = facetsByCost
		var got []string
		q.Size = 7
		err := idx.Scan(t.Context(), q, func(a *article.Article) error {
			got = append(got, a.ID)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%+v: Scan passed %d articles, Search pages %d; first difference at %d", q, len(got), len(want), firstDiff(got, want))
		}
	}
}

func firstDiff(a, b []string) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}
