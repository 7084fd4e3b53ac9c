package indextest

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/index"
)

// mergeStory is an article naming people and organisations, each entity by its in-document name
// with the surface forms the text uses (ASCII text: byte offsets are code-point offsets).
func mergeStory(slug, published, text string, entities ...[3]string) *article.Article {
	pub, err := time.Parse(time.DateOnly, published)
	if err != nil {
		panic(err)
	}
	u := "https://merge.example/" + slug
	a := &article.Article{ID: article.IDFor(u), URL: u, CanonicalURL: u, Source: "merge.example", Title: slug,
		Text: text, Published: &pub, Fetched: pub, Language: "en"}
	for _, e := range entities { // type, name, surface form
		i := strings.Index(text, e[2])
		if i < 0 {
			panic(fmt.Sprintf("indextest: %s: %q not in text", slug, e[2]))
		}
		a.Entities = append(a.Entities, article.Entity{Type: e[0], Name: e[1], Count: 1,
			Mentions: []article.Mention{{Text: e[2], Start: i, End: i + len(e[2])}}})
	}
	return a
}

// testEntityMerge: the person facet, the network and the entity profile make one entity of
// "Donald Trump" and a story that only writes "Trump" in the same company (Hillary Clinton), and
// keep a "Smith" of an unrelated story apart from John Smith.
func testEntityMerge(t *testing.T, idx index.Index) {
	const P, O = article.TypePerson, article.TypeOrg
	PutAll(t, idx, []*article.Article{
		mergeStory("debate", "2016-09-26", "Donald Trump met Hillary Clinton at Hofstra.",
			[3]string{P, "Donald Trump", "Donald Trump"}, [3]string{P, "Hillary Clinton", "Hillary Clinton"}),
		mergeStory("taxes", "2016-10-02", "Donald Trump and the Republican Party on taxes.",
			[3]string{P, "Donald Trump", "Donald Trump"}, [3]string{O, "Republican Party", "Republican Party"}),
		mergeStory("poll", "2016-09-25", "Trump and Hillary Clinton are tied in the poll.",
			[3]string{P, "Trump", "Trump"}, [3]string{P, "Hillary Clinton", "Hillary Clinton"}),
		mergeStory("football", "2016-09-20", "John Smith scored twice for Chelsea.",
			[3]string{P, "John Smith", "John Smith"}, [3]string{O, "Chelsea", "Chelsea"}),
		mergeStory("council", "2016-09-21", "Smith told the City Council the budget was short.",
			[3]string{P, "Smith", "Smith"}, [3]string{O, "City Council", "City Council"}),
	})
	ctx := t.Context()
	res := mustSearch(t, idx, index.Query{Facets: []string{"person"}})
	var got []string
	for _, b := range res.Facets["person"] {
		s := fmt.Sprintf("%s=%d", b.Key, b.Count)
		if b.Variants != nil {
			for _, v := range *b.Variants {
				s += fmt.Sprintf(" %s=%d", v.Key, v.Count)
			}
		}
		got = append(got, s)
	}
	want := []string{"Donald Trump=3 Donald Trump=2 Trump=1", "Hillary Clinton=2", "John Smith=1", "Smith=1"}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("person facet = %q; want %q", got, want)
	}

	for _, id := range []string{"person:donald trump", "person:trump"} {
		p, err := index.Profile(ctx, idx, id, index.Query{}, index.EntityOptions{})
		if err != nil {
			t.Fatalf("Profile(%s): %v", id, err)
		}
		if p.ID != "person:donald trump" || p.Name != "Donald Trump" || p.Total != 3 {
			t.Errorf("Profile(%s) = %s %q, %d articles; want person:donald trump \"Donald Trump\", 3", id, p.ID, p.Name, p.Total)
		}
	}
	p, err := index.Profile(ctx, idx, "person:smith", index.Query{}, index.EntityOptions{})
	if err != nil {
		t.Fatalf("Profile(person:smith): %v", err)
	}
	if p.ID != "person:smith" || p.Total != 1 {
		t.Errorf("Profile(person:smith) = %s, %d articles; want person:smith, 1", p.ID, p.Total)
	}

	g, err := index.Network(ctx, idx, index.Query{}, index.NetworkOptions{})
	if err != nil {
		t.Fatalf("Network: %v", err)
	}
	for _, n := range g.Nodes {
		if n.ID == "person:trump" || n.ID == "person:donald trump" && n.Count != 3 {
			t.Errorf("network node %+v; want Trump's articles counted under person:donald trump (3)", n)
		}
	}
}
