package bleve_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/index"
	"github.com/newsmon/newsmon/pkg/index/bleve"
)

func TestZZPerf(t *testing.T) {
	dir := os.Getenv("PERF_DIR")
	if dir == "" {
		t.Skip()
	}
	files, _ := filepath.Glob("/tmp/demoarts/*.json")
	var base []*article.Article
	for _, f := range files {
		b, _ := os.ReadFile(f)
		var a article.Article
		if json.Unmarshal(b, &a) == nil {
			base = append(base, &a)
		}
	}
	idx, err := bleve.Open(dir, bleve.WithAsyncPersist())
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	n, _ := idx.Count(t.Context())
	want := 30000
	if w := os.Getenv("PERF_N"); w != "" {
		fmt.Sscan(w, &want)
	}
	for i := n; i < want; i += 250 {
		var batch []*article.Article
		for j := i; j < i+250; j++ {
			a := *base[j%len(base)]
			a.URL = fmt.Sprintf("https://x.example/%d", j)
			a.ID = article.IDFor(a.URL)
			p := a.Published
			if p != nil {
				q := p.Add(time.Duration(j) * time.Hour)
				a.Published = &q
			}
			batch = append(batch, &a)
		}
		if err := idx.Put(t.Context(), batch); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("indexed %d", want)
	if os.Getenv("PERF_SORT") != "" {
		for i := 0; i < 4; i++ {
			for _, sort := range []string{"", "relevance"} {
				t0 := time.Now()
				idx.Search(t.Context(), index.Query{Size: 1, FacetSize: -1, Interval: "day", Sort: sort})
				t1 := time.Now()
				idx.Search(t.Context(), index.Query{Size: 1, FacetSize: 10, Sort: sort})
				t.Logf("sort %q: timeline all %v, facets all %v", sort, t1.Sub(t0), time.Since(t1))
			}
		}
		return
	}
	if os.Getenv("PERF_ONLY_TERMS") == "x" {
		for i := 0; i < 5; i++ {
			t0 := time.Now()
			idx.SignificantTerms(t.Context(), index.Query{}, index.TermsOptions{})
			t.Logf("terms all: %v", time.Since(t0))
			t0 = time.Now()
			idx.Search(t.Context(), index.Query{Size: 200, Lean: true})
			t.Logf("search 200 all lean: %v", time.Since(t0))
		}
		return
	}
	timeIt := func(name string, f func() error) {
		t0 := time.Now()
		if err := f(); err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %v", name, time.Since(t0))
	}
	for i := 0; i < 2; i++ {
		timeIt("share timeline all/day", func() error {
			_, _, _, err := index.ShareTimeline(t.Context(), idx, index.Query{Interval: "day", Text: "China"})
			return err
		})
		timeIt("search facets all", func() error {
			_, err := idx.Search(t.Context(), index.Query{Size: 1, FacetSize: 10})
			return err
		})
		timeIt("search facets text", func() error {
			_, err := idx.Search(t.Context(), index.Query{Size: 1, FacetSize: 10, Text: "China"})
			return err
		})
		timeIt("profile person", func() error {
			_, err := index.Profile(t.Context(), idx, "place:china", index.Query{}, index.EntityOptions{})
			return err
		})
	}
	for _, sample := range []int{500, 2000} {
		for _, kind := range []string{"mentions", "quotes"} {
			t0 := time.Now()
			g, err := index.Network(t.Context(), idx, index.Query{}, index.NetworkOptions{Kind: kind, Sample: sample, Types: []string{"person", "org", "place"}})
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("network %s sample %d: %v nodes %d edges %d", kind, sample, time.Since(t0), len(g.Nodes), len(g.Edges))
		}
	}
	for _, q := range []index.Query{{}, {Text: "China"}, {Region: []string{"China"}}} {
		for _, sample := range []int{200, 500} {
			t0 := time.Now()
			res, err := idx.SignificantTerms(t.Context(), q, index.TermsOptions{Sample: sample})
			if err != nil {
				t.Fatal(err)
			}
			top := res.Terms
			if len(top) > 6 {
				top = top[:6]
			}
			t.Logf("%+v sample %d: %v total %d sampled %d top %v", q.Text+fmt.Sprint(q.Region), sample, time.Since(t0), res.Total, res.Sampled, top)
		}
	}
}
