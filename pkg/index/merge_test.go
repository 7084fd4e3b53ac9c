package index

import (
	"fmt"
	"slices"
	"testing"

	"github.com/newsmon/newsmon/pkg/article"
)

func person(name string) MergeEntity { return MergeEntity{Type: article.TypePerson, Name: name} }
func org(name string) MergeEntity    { return MergeEntity{Type: article.TypeOrg, Name: name} }

func TestNameKey(t *testing.T) {
	for _, c := range []struct{ typ, name, want string }{
		{article.TypePerson, "President Donald J. Trump", "donald trump"},
		{article.TypePerson, "Mr. Trump", "trump"},
		{article.TypePerson, "Sen. Bernie Sanders", "bernie sanders"},
		{article.TypePerson, "Martin Luther King Jr.", "martin luther king"},
		{article.TypePerson, "Vice President Mike Pence", "mike pence"},
		{article.TypeOrg, "The Walt Disney Co.", "walt disney"},
		{article.TypeOrg, "Apple Inc.", "apple"},
	} {
		if got := nameKey(c.typ, c.name); got != c.want {
			t.Errorf("nameKey(%s, %q) = %q; want %q", c.typ, c.name, got, c.want)
		}
	}
}

func TestMergerCases(t *testing.T) {
	for _, c := range []struct {
		name      string
		docs      []MergeDoc
		id, want  string // Canonical(id) must be want
		wantNames []string
	}{
		{
			name: "surname co-occurring with the full name's context",
			docs: []MergeDoc{
				{Entities: []MergeEntity{person("Donald Trump"), person("Hillary Clinton")}, Places: []string{"Ohio"}},
				{Entities: []MergeEntity{person("Donald Trump"), org("Republican Party")}},
				{Entities: []MergeEntity{person("Trump"), person("Hillary Clinton")}},
				{Entities: []MergeEntity{person("President Trump"), org("Republican Party")}},
			},
			id: "person:trump", want: "person:donald trump",
			wantNames: []string{"Donald Trump", "President Trump", "Trump"},
		},
		{
			name: "same surname in unrelated stories stays apart",
			docs: []MergeDoc{
				{Entities: []MergeEntity{person("John Smith"), org("Chelsea")}, Places: []string{"London"}},
				{Entities: []MergeEntity{person("Smith"), org("City Council")}, Places: []string{"Ohio", "Columbus"}},
			},
			id: "person:smith", want: "person:smith",
		},
		{
			name: "two full names with the surname and no clear winner: no merge",
			docs: []MergeDoc{
				{Entities: []MergeEntity{person("Bill Clinton"), org("Democratic Party")}},
				{Entities: []MergeEntity{person("Hillary Clinton"), org("Democratic Party")}},
				{Entities: []MergeEntity{person("Clinton"), org("Democratic Party")}},
			},
			id: "person:clinton", want: "person:clinton",
		},
		{
			name: "acronym of an organisation in the same context",
			docs: []MergeDoc{
				{Entities: []MergeEntity{org("International Monetary Fund"), person("Grace Wanjiru")}, Places: []string{"Kenya"}},
				{Entities: []MergeEntity{org("IMF"), person("Grace Wanjiru")}},
			},
			id: "org:imf", want: "org:international monetary fund",
		},
		{
			name: "a person's surname never joins an organisation",
			docs: []MergeDoc{
				{Entities: []MergeEntity{org("Brenner Halbleiter"), person("Cui Rongguo")}},
				{Entities: []MergeEntity{person("Brenner"), person("Cui Rongguo")}},
			},
			id: "person:brenner", want: "person:brenner",
		},
		{
			name: "title and middle initial variants are one person without evidence",
			docs: []MergeDoc{
				{Entities: []MergeEntity{person("Donald J. Trump")}},
				{Entities: []MergeEntity{person("Donald Trump")}},
				{Entities: []MergeEntity{person("Donald Trump")}},
			},
			id: "person:donald j. trump", want: "person:donald trump",
		},
	} {
		m := NewMerger(c.docs)
		if got := m.Canonical(c.id); got != c.want {
			t.Errorf("%s: Canonical(%q) = %q; want %q", c.name, c.id, got, c.want)
		}
		if c.wantNames != nil {
			got := m.Variants(c.want)
			slices.Sort(got)
			if !slices.Equal(got, c.wantNames) {
				t.Errorf("%s: Variants(%q) = %q; want %q", c.name, c.want, got, c.wantNames)
			}
		}
	}
}

func TestNetworkMergesVariants(t *testing.T) {
	arts := []*article.Article{
		story("a1", []string{"Donald Trump", "Hillary Clinton"}, nil),
		story("a2", []string{"Trump", "Hillary Clinton"}, nil),
		story("a3", []string{"Trump", "Hillary Clinton"}, nil),
	}
	opts, err := NetworkOptions{}.Normalized()
	if err != nil {
		t.Fatal(err)
	}
	g := BuildNetwork(arts, 3, opts)
	var got []string
	for _, n := range g.Nodes {
		got = append(got, fmt.Sprintf("%s %s %d", n.ID, n.Name, n.Count))
	}
	want := []string{"person:donald trump Donald Trump 3", "person:hillary clinton Hillary Clinton 3"}
	if !slices.Equal(got, want) {
		t.Errorf("nodes = %q; want %q", got, want)
	}
	if len(g.Edges) != 1 || g.Edges[0].Weight != 3 {
		t.Errorf("edges = %+v; want one of weight 3", g.Edges)
	}
}

func TestNameKeyForms(t *testing.T) {
	for _, c := range []struct{ typ, name, want string }{
		{article.TypeOrg, "E.U.", "eu"},
		{article.TypeOrg, "European Union's", "european union"},
		{article.TypePerson, "Trump’s", "trump"},
	} {
		if got := nameKey(c.typ, c.name); got != c.want {
			t.Errorf("nameKey(%s, %q) = %q; want %q", c.typ, c.name, got, c.want)
		}
	}
}

// BenchmarkNewMerger: the merger of a network's largest sample (MaxNetworkSample articles, 15
// people and organisations each from a pool of 5,000 names, a tenth of them written as a surname).
func BenchmarkNewMerger(b *testing.B) {
	docs := make([]MergeDoc, MaxNetworkSample)
	for i := range docs {
		for j := range 15 {
			n := (i*7919 + j*104729) % 5000
			name := fmt.Sprintf("Name%d Surname%d", n, n%1500)
			if n%10 == 0 {
				name = fmt.Sprintf("Surname%d", n%1500)
			}
			typ := article.TypePerson
			if j%3 == 0 {
				typ = article.TypeOrg
			}
			docs[i].Entities = append(docs[i].Entities, MergeEntity{Type: typ, Name: name})
		}
		docs[i].Places = []string{fmt.Sprintf("Place%d", i%40), fmt.Sprintf("Place%d", i%13)}
	}
	b.ResetTimer()
	for range b.N {
		NewMerger(docs)
	}
}
