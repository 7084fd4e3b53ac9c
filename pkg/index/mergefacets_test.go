package index

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/newsmon/newsmon/pkg/article"
)

// fakeSearcher answers the person and org filters over a few articles, as a backend would.
type fakeSearcher []*article.Article

func (f fakeSearcher) Search(_ context.Context, q Query) (*Result, error) {
	res := &Result{}
	for _, a := range f {
		k := KeysOf(a)
		if !hasAll(k.Persons, q.Person) || !hasAll(k.Orgs, q.Org) {
			continue
		}
		res.Total++
		res.Hits = append(res.Hits, Hit{Article: a})
	}
	return res, nil
}

func hasAll(have, want []string) bool {
	for _, w := range want {
		if !slices.Contains(NormAll(have), Norm(w)) {
			return false
		}
	}
	return true
}

func story(id string, persons, orgs []string, places ...string) *article.Article {
	a := &article.Article{ID: id}
	for _, p := range persons {
		a.Entities = append(a.Entities, article.Entity{Type: article.TypePerson, Name: p})
	}
	for _, o := range orgs {
		a.Entities = append(a.Entities, article.Entity{Type: article.TypeOrg, Name: o})
	}
	for _, p := range places {
		a.Places = append(a.Places, article.Place{Name: p})
	}
	return a
}

func TestMergeFacets(t *testing.T) {
	s := fakeSearcher{
		story("a1", []string{"Donald Trump", "Hillary Clinton"}, nil, "Ohio"),
		story("a2", []string{"Donald Trump"}, []string{"Republican Party"}),
		story("a3", []string{"Trump", "Hillary Clinton"}, nil),
		story("a4", []string{"John Smith"}, []string{"Chelsea"}, "London"),
		story("a5", []string{"Smith"}, []string{"City Council"}, "Columbus", "Ohio"),
		story("a6", nil, []string{"International Monetary Fund", "Republican Party"}),
		story("a7", nil, []string{"IMF", "Republican Party"}),
	}
	res := &Result{Facets: map[string][]FacetBucket{
		"person": {{Key: "Donald Trump", Count: 2}, {Key: "Hillary Clinton", Count: 2}, {Key: "John Smith", Count: 1},
			{Key: "Smith", Count: 1}, {Key: "Trump", Count: 1}},
		"org": {{Key: "Republican Party", Count: 3}, {Key: "City Council", Count: 1}, {Key: "IMF", Count: 1},
			{Key: "International Monetary Fund", Count: 1}},
		"source": {{Key: "a", Count: 3}, {Key: "b", Count: 2}, {Key: "c", Count: 1}},
	}}
	if err := MergeFacets(context.Background(), s, Query{}, res, 3); err != nil {
		t.Fatal(err)
	}
	show := func(bs []FacetBucket) string {
		out := ""
		for _, b := range bs {
			out += fmt.Sprintf("%s=%d", b.Key, b.Count)
			if b.Variants != nil {
				out += "("
				for _, v := range *b.Variants {
					out += fmt.Sprintf("%s=%d;", v.Key, v.Count)
				}
				out += ")"
			}
			out += " "
		}
		return out
	}
	for facet, want := range map[string]string{
		// "Trump" shares Hillary Clinton with Donald Trump's articles; "Smith" shares nothing with
		// John Smith's (another story, another Smith).
		"person": "Donald Trump=3(Donald Trump=2;Trump=1;) Hillary Clinton=2 John Smith=1 ",
		"org":    "Republican Party=3 International Monetary Fund=2(IMF=1;International Monetary Fund=1;) City Council=1 ",
		"source": "a=3 b=2 c=1 ",
	} {
		if got := show(res.Facets[facet]); got != want {
			t.Errorf("%s facet = %s; want %s", facet, got, want)
		}
	}
}

func TestProfileCountsMergedNames(t *testing.T) {
	mention := func(a *article.Article, text string) *article.Article {
		for i := range a.Entities {
			a.Entities[i].Mentions = []article.Mention{{Text: text, Start: 0, End: len(text)}}
		}
		return a
	}
	s := fakeSearcher{
		mention(story("a1", []string{"Donald Trump", "Hillary Clinton"}, nil), "Donald Trump"),
		mention(story("a2", []string{"Trump", "Hillary Clinton"}, nil), "Trump"),
		mention(story("a3", []string{"Smith", "Hillary Clinton"}, nil), "Smith"),
	}
	p, err := Profile(context.Background(), s, "person:donald trump", Query{}, EntityOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if p.ID != "person:donald trump" || p.Total != 2 || p.Sampled != 2 {
		t.Errorf("profile %s: total %d, sampled %d; want person:donald trump, 2, 2", p.ID, p.Total, p.Sampled)
	}
	var variants []string
	for _, v := range p.Variants {
		variants = append(variants, v.Text)
	}
	slices.Sort(variants)
	if want := []string{"Donald Trump", "Trump"}; !slices.Equal(variants, want) {
		t.Errorf("variants = %q; want %q", variants, want)
	}
}
