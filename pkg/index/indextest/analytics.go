package indextest

import (
	"errors"
	"maps"
	"math"
	"slices"
	"testing"
	"time"

	"github.com/newsmon/newsmon/pkg/article"
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
		got, total, background, err := index.ShareTimeline(t.Context(), idx, tc.q, nil)
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
	if _, _, _, err := index.ShareTimeline(t.Context(), idx, index.Query{}, nil); err == nil {
		t.Errorf("ShareTimeline without interval: no error; want one")
	}
	// A cached background gives the same answer.
	cache := index.NewBackgroundCache(time.Minute)
	for range 2 {
		q := index.Query{Interval: "week", Region: []string{"China"}}
		got, total, background, err := index.ShareTimeline(t.Context(), idx, q, cache)
		want, wantTotal, wantBackground, _ := index.ShareTimeline(t.Context(), idx, q, nil)
		if err != nil || !slices.Equal(got, want) || total != wantTotal || background != wantBackground {
			t.Errorf("cached: %v %d %d %v; want %v %d %d", got, total, background, err, want, wantTotal, wantBackground)
		}
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

// testNetwork checks networks over the fixtures: which entities, which links, and how the bounds
// are reported. Every weight is 1 here (no two fixtures share a pair); index's unit tests cover
// heavier edges.
func testNetwork(t *testing.T, idx index.Index) {
	e := func(a, b string) index.Edge { return index.Edge{Source: a, Target: b, Weight: 1} }
	for _, tc := range []struct {
		name      string
		q         index.Query
		opts      index.NetworkOptions
		nodes     map[string]int // id → count
		edges     []index.Edge
		truncated bool
	}{
		{"co-mentions in China", index.Query{Region: []string{"China"}}, index.NetworkOptions{},
			map[string]int{"org:taihu energy group": 1, "person:li wei": 1, "org:saic motor": 1, "person:zhang min": 1,
				"org:volkswagen": 1, "person:ralf brandstätter": 1, "org:albemarle": 1, "person:kent masters": 1,
				"org:tianqi lithium": 1},
			[]index.Edge{e("org:albemarle", "org:tianqi lithium"), e("org:albemarle", "person:kent masters"),
				e("org:saic motor", "person:zhang min"), e("org:taihu energy group", "person:li wei"),
				e("org:tianqi lithium", "person:kent masters"), e("org:volkswagen", "person:ralf brandstätter")}, false},
		{"places too, resolved or not", index.Query{Source: []string{"reuters.com"}},
			index.NetworkOptions{Types: []string{"person", "org", "place"}},
			map[string]int{"org:taihu energy group": 1, "person:li wei": 1, "place:wuxi": 1, "place:kenya": 1,
				"place:mombasa": 1, "org:kenya tea development agency": 1, "person:grace wanjiru": 1, "place:kericho": 1},
			[]index.Edge{
				e("org:kenya tea development agency", "person:grace wanjiru"), e("org:kenya tea development agency", "place:kenya"),
				e("org:kenya tea development agency", "place:kericho"), e("org:kenya tea development agency", "place:mombasa"),
				e("org:taihu energy group", "person:li wei"), e("org:taihu energy group", "place:wuxi"),
				e("person:grace wanjiru", "place:kenya"), e("person:grace wanjiru", "place:kericho"),
				e("person:grace wanjiru", "place:mombasa"), e("person:li wei", "place:wuxi"),
				e("place:kenya", "place:kericho"), e("place:kenya", "place:mombasa"), e("place:kericho", "place:mombasa")}, false},
		{"top nodes only", index.Query{Region: []string{"China"}}, index.NetworkOptions{MaxNodes: 3},
			map[string]int{"org:albemarle": 1, "org:saic motor": 1, "org:taihu energy group": 1}, nil, true},
		{"who is quoted naming whom", index.Query{}, index.NetworkOptions{Kind: index.NetworkQuotes,
			Types: []string{"person", "org", "place"}},
			map[string]int{"person:li wei": 1, "place:wuxi": 1, "person:zhang min": 1, "person:grégory doucet": 1,
				"person:william ruto": 1, "org:kenya tea development agency": 1, "person:grace wanjiru": 1,
				"person:emmanuel macron": 1, "person:ralf brandstätter": 1, "place:china": 1, "person:kent masters": 1,
				"place:atacama": 1},
			[]index.Edge{e("person:kent masters", "place:atacama"), e("person:li wei", "place:wuxi"),
				e("person:ralf brandstätter", "place:china")}, false},
	} {
		g, err := index.Network(t.Context(), idx, tc.q, tc.opts)
		if err != nil {
			t.Errorf("%s: Network: %v", tc.name, err)
			continue
		}
		got := map[string]int{}
		for _, n := range g.Nodes {
			got[n.ID] = n.Count
		}
		if !maps.Equal(got, tc.nodes) {
			t.Errorf("%s: nodes = %v; want %v", tc.name, got, tc.nodes)
		}
		if !slices.Equal(g.Edges, tc.edges) && !(len(g.Edges) == 0 && len(tc.edges) == 0) {
			t.Errorf("%s: edges = %v; want %v", tc.name, g.Edges, tc.edges)
		}
		if g.NodesTruncated != tc.truncated || g.Sampled != g.Total || g.Directed != (tc.opts.Kind == index.NetworkQuotes) {
			t.Errorf("%s: truncated %v, sampled %d of %d, directed %v", tc.name, g.NodesTruncated, g.Sampled, g.Total, g.Directed)
		}
	}
	// The names are the articles' own spellings.
	g, err := index.Network(t.Context(), idx, index.Query{Person: []string{"ralf brandstätter"}}, index.NetworkOptions{})
	if err != nil || len(g.Nodes) != 2 || g.Nodes[0].Name != "Ralf Brandstätter" && g.Nodes[1].Name != "Ralf Brandstätter" {
		t.Errorf("names: %+v, %v", g, err)
	}
	// The sample bounds the articles read.
	g, err = index.Network(t.Context(), idx, index.Query{}, index.NetworkOptions{Sample: 3})
	if err != nil || g.Sampled != 3 || g.Total != len(Fixtures()) {
		t.Errorf("sample 3: sampled %d of %d, %v", g.Sampled, g.Total, err)
	}
}

// testLean checks that lean hits carry exactly index.LeanFields of the article.
func testLean(t *testing.T, idx index.Index) {
	fixtures := map[string]*article.Article{}
	for _, a := range Fixtures() {
		fixtures[a.ID] = a
	}
	for _, q := range []index.Query{{Lean: true}, {Text: "battery", Lean: true, WithText: true}} {
		res := mustSearch(t, idx, q)
		if len(res.Hits) == 0 {
			t.Fatalf("Search(%+v): no hits", q)
		}
		for _, h := range res.Hits {
			f := fixtures[h.ID]
			want := &article.Article{ID: f.ID, URL: f.URL, Source: f.Source, Title: f.Title, Published: f.Published,
				Language: f.Language, Entities: f.Entities, Places: f.Places, Quotes: f.Quotes}
			want.Normalize()
			if g, w := mustJSON(t, h.Article), mustJSON(t, want); g != w {
				t.Errorf("lean hit %s =\n%s\nwant\n%s", h.ID, g, w)
			}
		}
	}
}

// testProfile checks entity profiles over the fixtures.
func testProfile(t *testing.T, idx index.Index) {
	p, err := index.Profile(t.Context(), idx, "person:Emmanuel Macron", index.Query{}, index.EntityOptions{})
	if err != nil {
		t.Fatalf("Profile(person:Emmanuel Macron): %v", err)
	}
	re := func(id, name string, count int, share float64) index.RelatedEntity {
		return index.RelatedEntity{ID: id, Name: name, Count: count, Share: share}
	}
	tc := func(text string, n int) index.TextCount { return index.TextCount{Text: text, Count: n} }
	if p.ID != "person:emmanuel macron" || p.Name != "Emmanuel Macron" || p.Type != "PERSON" || p.Total != 1 ||
		p.Sampled != 1 || p.Interval != "week" ||
		!slices.Equal(p.Variants, []index.TextCount{tc("Emmanuel Macron", 1), tc("Macron", 1)}) ||
		!slices.Equal(p.Roles, []index.TextCount{tc("French President", 1)}) ||
		!slices.Equal(p.Timeline, []index.TimeBucket{tb("2023-10-30", 1)}) ||
		len(p.Related["person"]) != 0 ||
		!slices.Equal(p.Related["org"], []index.RelatedEntity{re("org:edf", "EDF", 1, 1)}) ||
		!slices.Equal(p.Related["place"], []index.RelatedEntity{re("place:lyon", "Lyon", 1, 1), re("place:paris", "Paris", 1, 1)}) ||
		!slices.Equal(p.Sources, []index.RelatedEntity{re("", "france24.com", 1, 1)}) ||
		len(p.Quotes) != 1 || p.Quotes[0].Text != "Nuclear power is the backbone of our energy independence" ||
		p.Quotes[0].ArticleID != fixtureID("paris") || len(p.QuotesAbout) != 0 {
		t.Errorf("profile of Macron = %s", mustJSON(t, p))
	}

	p, err = index.Profile(t.Context(), idx, "place:china", index.Query{}, index.EntityOptions{Interval: "month"})
	if err != nil {
		t.Fatalf("Profile(place:china): %v", err)
	}
	if p.Name != "China" || p.Total != 2 || !slices.Equal(p.Variants, []index.TextCount{tc("China", 2)}) ||
		!slices.Equal(p.Timeline, []index.TimeBucket{tb("2023-10-01", 2)}) ||
		!slices.Equal(p.Related["person"], []index.RelatedEntity{re("person:ralf brandstätter", "Ralf Brandstätter", 1, 0.5),
			re("person:zhang min", "Zhang Min", 1, 0.5)}) ||
		!slices.Equal(p.Related["place"], []index.RelatedEntity{re("place:nanjing", "Nanjing", 1, 0.5),
			re("place:shanghai", "Shanghai", 1, 0.5)}) ||
		len(p.Quotes) != 0 || len(p.QuotesAbout) != 1 || p.QuotesAbout[0].Text != "China bleibt unser wichtigster Markt" {
		t.Errorf("profile of China = %s", mustJSON(t, p))
	}
	// The query narrows the articles.
	p, err = index.Profile(t.Context(), idx, "place:china", index.Query{Lang: []string{"de"}}, index.EntityOptions{})
	if err != nil || p.Total != 1 || p.Sampled != 1 {
		t.Errorf("profile of China in German: %+v, %v", p, err)
	}
	if _, err := index.Profile(t.Context(), idx, "person:nobody at all", index.Query{}, index.EntityOptions{}); !errors.Is(err, index.ErrNoEntity) {
		t.Errorf("unknown entity: error %v; want ErrNoEntity", err)
	}
	for _, bad := range []string{"macron", "misc:x"} {
		if _, err := index.Profile(t.Context(), idx, bad, index.Query{}, index.EntityOptions{}); err == nil || errors.Is(err, index.ErrNoEntity) {
			t.Errorf("Profile(%q): error %v; want a bad-id error", bad, err)
		}
	}
}
