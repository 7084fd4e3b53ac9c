package index

import (
	"context"
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/newsmon/newsmon/pkg/article"
)

// netArticle builds an article whose text is the names, space-separated, each an entity of the
// type before its colon ("person:Li Wei"); "quote:Speaker:a b" quotes Speaker saying the names
// a, b (already listed) — the quote spans the text from a's start to b's end.
func netArticle(items ...string) *article.Article {
	a := &article.Article{}
	var text strings.Builder
	spans := map[string]article.Mention{}
	for _, it := range items {
		typ, name, _ := strings.Cut(it, ":")
		if typ == "quote" {
			speaker, said, _ := strings.Cut(name, ":")
			names := strings.Split(said, ",")
			q := article.Quote{Speaker: &speaker, Start: spans[names[0]].Start, End: spans[names[len(names)-1]].End}
			if said == "" {
				q.Start, q.End = 0, 0
			}
			a.Quotes = append(a.Quotes, q)
			continue
		}
		start := len([]rune(text.String()))
		text.WriteString(name + " ")
		m := article.Mention{Text: name, Start: start, End: start + len([]rune(name))}
		spans[name] = m
		switch typ {
		case "place": // resolved, under its gazetteer name after "="
			surface, canonical, ok := strings.Cut(name, "=")
			if ok {
				m.Text = surface
			}
			a.Places = append(a.Places, article.Place{Name: canonical, Mentions: []article.Mention{m}})
			a.Entities = append(a.Entities, article.Entity{Type: article.TypePlace, Name: surface, Mentions: []article.Mention{m}})
		default:
			a.Entities = append(a.Entities, article.Entity{Type: strings.ToUpper(typ), Name: name, Mentions: []article.Mention{m}})
		}
	}
	a.Text = text.String()
	return a
}

func TestBuildNetwork(t *testing.T) {
	arts := []*article.Article{
		netArticle("person:Li Wei", "org:Taihu", "place:US=United States", "misc:x"),
		netArticle("person:li wei", "org:Taihu", "person:Zhang Min"),
		netArticle("person:Li Wei", "org:Taihu", "org:SAIC", "quote:Li Wei:Taihu,SAIC"),
		netArticle("person:Zhang Min", "org:SAIC", "place:Atacama", "quote:Min:SAIC,Atacama", "quote:Zhang Min:",
			"quote:Li Wei:", "quote:Officials:SAIC"),
	}
	// An unresolved PLACE entity (no Places entry) still counts as a place.
	arts[3].Places = nil
	opts, err := NetworkOptions{Types: []string{"Person", "org", "PLACE"}}.Normalized()
	if err != nil {
		t.Fatal(err)
	}
	g := BuildNetwork(arts, 10, opts)
	counts := map[string]int{}
	for _, n := range g.Nodes {
		counts[n.ID] = n.Count
	}
	want := map[string]int{"person:li wei": 3, "org:taihu": 3, "place:united states": 1, "person:zhang min": 2,
		"org:saic": 2, "place:atacama": 1}
	if len(counts) != len(want) {
		t.Errorf("nodes = %v; want %v", counts, want)
	}
	for id, n := range want {
		if counts[id] != n {
			t.Errorf("node %s count %d; want %d (nodes %v)", id, counts[id], n, counts)
		}
	}
	if g.Nodes[0].ID != "org:taihu" || g.Nodes[1].ID != "person:li wei" || g.Nodes[1].Name != "Li Wei" {
		t.Errorf("nodes not by count then id, or name not the commonest spelling: %+v", g.Nodes[:2])
	}
	if g.Edges[0] != (Edge{"org:taihu", "person:li wei", 3}) || g.Total != 10 || g.Sampled != 4 || g.Directed {
		t.Errorf("heaviest edge %+v, total %d, sampled %d, directed %v", g.Edges[0], g.Total, g.Sampled, g.Directed)
	}

	opts.MinWeight, opts.MaxNodes = 2, 2
	g = BuildNetwork(arts, 10, opts)
	if len(g.Nodes) != 2 || !g.NodesTruncated || g.Entities != 6 || !slices.Equal(g.Edges, []Edge{{"org:taihu", "person:li wei", 3}}) {
		t.Errorf("min weight 2, 2 nodes: %+v", g)
	}

	// Quotes: "Min" is Zhang Min of the same article; Li Wei, not named in the fourth article, and
	// "Officials", no entity at all, speak for nobody there.
	opts, _ = NetworkOptions{Kind: NetworkQuotes, Types: []string{"person", "org", "place"}, MaxEdges: 3}.Normalized()
	g = BuildNetwork(arts, 4, opts)
	wantEdges := []Edge{{"person:li wei", "org:saic", 1}, {"person:li wei", "org:taihu", 1}, {"person:zhang min", "org:saic", 1}}
	if !g.Directed || !slices.Equal(g.Edges, wantEdges) || !g.EdgesTruncated {
		t.Errorf("quotes edges = %v (truncated %v); want %v, truncated", g.Edges, g.EdgesTruncated, wantEdges)
	}
	spoken := map[string]int{}
	for _, n := range g.Nodes {
		spoken[n.ID] = n.Quotes
	}
	if want := map[string]int{"person:li wei": 1, "person:zhang min": 2, "org:saic": 0, "org:taihu": 0, "place:atacama": 0}; !maps.Equal(spoken, want) {
		t.Errorf("quotes spoken = %v; want %v", spoken, want)
	}
}

func TestSpeakerOf(t *testing.T) {
	t.Parallel()
	a := netArticle("person:Li Wei", "person:Li Qiang", "org:Taihu Energy Group", "person:Emmanuel Macron")
	cands := speakers(a)
	all := []string{article.TypePerson, article.TypeOrg}
	str := func(s string) *string { return &s }
	for _, tc := range []struct {
		speaker string
		mention *article.Mention
		types   []string
		want    string // entity id, "" for none
	}{
		{"Li Wei", nil, all, "person:li wei"},
		{"li wei", nil, all, "person:li wei"},
		{"Macron", nil, all, "person:emmanuel macron"},
		{"Li", nil, all, ""}, // two Lis
		{"Officials", nil, all, ""},
		{"the company", &article.Mention{Text: "Taihu", Start: 15, End: 20}, all, "org:taihu energy group"},
		{"Taihu Energy Group", nil, []string{article.TypePerson}, ""},
		{"", nil, all, ""},
	} {
		q := article.Quote{Speaker: str(tc.speaker), SpeakerMention: tc.mention}
		got, ok := speakerOf(q, cands, tc.types)
		if ok != (tc.want != "") || got.id != tc.want {
			t.Errorf("speakerOf(%q) = %q, %v; want %q", tc.speaker, got.id, ok, tc.want)
		}
	}
}

func TestNetworkOptions(t *testing.T) {
	t.Parallel()
	o, err := NetworkOptions{}.Normalized()
	if err != nil || o.Kind != NetworkMentions || !slices.Equal(o.Types, []string{"PERSON", "ORG"}) ||
		o.MaxNodes != DefaultNetworkNodes || o.Sample != DefaultNetworkSample || o.MinWeight != 1 {
		t.Errorf("defaults = %+v, %v", o, err)
	}
	o, _ = NetworkOptions{MaxNodes: 1e6, Sample: 1e6, MaxEdges: 1e6}.Normalized()
	if o.MaxNodes != MaxNetworkNodes || o.Sample != MaxNetworkSample || o.MaxEdges != MaxNetworkEdges {
		t.Errorf("limits = %+v", o)
	}
	for _, bad := range []NetworkOptions{{Kind: "friends"}, {Types: []string{"event"}}} {
		if _, err := bad.Normalized(); err == nil {
			t.Errorf("%+v: no error", bad)
		}
	}
}

func TestEntityID(t *testing.T) {
	t.Parallel()
	id := EntityID(article.TypePerson, " Emmanuel Macron ")
	if id != "person:emmanuel macron" {
		t.Errorf("EntityID = %q", id)
	}
	if typ, name, err := ParseEntityID("PERSON:Emmanuel Macron"); err != nil || typ != "PERSON" || name != "emmanuel macron" {
		t.Errorf("ParseEntityID = %q %q %v", typ, name, err)
	}
	if typ, name, err := ParseEntityID("org:a:b"); err != nil || typ != "ORG" || name != "a:b" {
		t.Errorf("ParseEntityID with a colon in the name = %q %q %v", typ, name, err)
	}
	for _, bad := range []string{"", "macron", "person:", "misc:x", ":x"} {
		if _, _, err := ParseEntityID(bad); err == nil {
			t.Errorf("ParseEntityID(%q): no error", bad)
		}
	}
}

// pagingSearcher holds total articles and answers pages as the backends do.
type pagingSearcher struct {
	total   int
	queries []Query
}

func (p *pagingSearcher) Search(_ context.Context, q Query) (*Result, error) {
	p.queries = append(p.queries, q)
	size := min(q.Size, q.MaxPage())
	res := &Result{Total: p.total}
	for i := (q.Page - 1) * size; i < p.total && i < q.Page*size; i++ {
		res.Hits = append(res.Hits, Hit{Article: &article.Article{ID: strconv.Itoa(i)}})
	}
	return res, nil
}

func TestSampleArticles(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ total, n, want, queries int }{
		{10, 500, 10, 1},
		{5000, 2500, 2500, 2}, // one deep lean page, then what is left of the next
		{5000, 2000, 2000, 1},
		{0, 100, 0, 1},
	} {
		s := &pagingSearcher{total: tc.total}
		arts, total, err := SampleArticles(t.Context(), s, Query{Text: "x", FacetSize: 5, WithText: true}, tc.n)
		if err != nil || len(arts) != tc.want || total != tc.total || len(s.queries) != tc.queries {
			t.Errorf("sample %d of %d: %d articles, total %d, %d queries, %v; want %d, %d, %d", tc.n, tc.total,
				len(arts), total, len(s.queries), err, tc.want, tc.total, tc.queries)
		}
		for _, q := range s.queries {
			if !q.Lean || q.WithText || q.FacetSize != -1 || q.Text != "x" {
				t.Errorf("sample query %+v: want lean, no text, no facets, the query's text", q)
			}
		}
		for i, a := range arts {
			if a.ID != strconv.Itoa(i) {
				t.Fatalf("sample %d of %d: article %d is %s", tc.n, tc.total, i, a.ID)
			}
		}
	}
}
