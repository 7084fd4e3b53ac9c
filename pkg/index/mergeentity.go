package index

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/newsmon/newsmon/pkg/article"
)

// profileVariants finds the names merged with the entity among q's articles (see MergeFacets).
// For a full name, they are its short forms (a surname; an organisation's first word or acronym)
// that the evidence joins to it; for a short name, the facet of the articles holding it as a word,
// which the backend merges, says which full name it is merged into. canonical is the merged
// entity's name, variants the other names; an entity merged with nothing is its own name with no
// variants.
func profileVariants(ctx context.Context, s Searcher, q Query, typ, name string) (canonical string, variants []string, err error) {
	facet := map[string]string{article.TypePerson: "person", article.TypeOrg: "org"}[typ]
	key := nameKey(typ, name)
	if facet == "" || key == "" {
		return name, nil, nil
	}
	if forms := shortForms(typ, key); len(forms) > 0 {
		buckets := []FacetBucket{{Key: name, Count: 2}}
		for _, f := range forms {
			buckets = append(buckets, FacetBucket{Key: f, Count: 1})
		}
		merged, err := mergeBuckets(ctx, s, q, typ, buckets)
		if err != nil {
			return "", nil, fmt.Errorf("variants: %w", err)
		}
		if merged[0].Variants != nil {
			for _, v := range *merged[0].Variants {
				if v.Key != name {
					variants = append(variants, v.Key)
				}
			}
		}
		return name, variants, nil
	}
	vq := q
	vq.Text = strings.TrimSpace(q.Text + ` "` + key + `"`)
	vq.Page, vq.Size, vq.Facets, vq.FacetSize, vq.Interval, vq.WithText, vq.Lean, vq.Sort =
		1, 1, []string{facet}, DefaultFacetSize, "", false, true, "relevance"
	res, err := s.Search(ctx, vq)
	if err != nil {
		return "", nil, fmt.Errorf("variants: %w", err)
	}
	for _, b := range res.Facets[facet] {
		if b.Variants == nil || !slices.ContainsFunc(*b.Variants, func(v FacetBucket) bool { return Norm(v.Key) == name }) {
			continue
		}
		for _, v := range *b.Variants { // the short name among them: its articles count too
			if Norm(v.Key) != Norm(b.Key) {
				variants = append(variants, v.Key)
			}
		}
		return b.Key, variants, nil
	}
	return name, nil, nil
}

// entityQuery is q restricted to the articles naming the entity.
func entityQuery(q Query, typ, name string) Query {
	switch typ {
	case article.TypePerson:
		q.Person = append(q.Person[:len(q.Person):len(q.Person)], name)
	case article.TypeOrg:
		q.Org = append(q.Org[:len(q.Org):len(q.Org)], name)
	case article.TypePlace:
		q.Place = append(q.Place[:len(q.Place):len(q.Place)], name)
	case article.TypeEvent:
		q.Event = append(q.Event[:len(q.Event):len(q.Event)], name)
	}
	return q
}

// profileRead reads what a profile is made of for one name (q names it): the counts (total,
// timeline, related facets) and, at the same time, a sample of the newest articles for spellings,
// roles and quotes.
func profileRead(ctx context.Context, s Searcher, q Query, opts EntityOptions) (*Result, []*article.Article, error) {
	// Counts only: ranking by score spares a sort by date of every match.
	stats := q
	stats.Page, stats.Size, stats.Interval, stats.FacetSize, stats.WithText, stats.Sort = 1, 1, opts.Interval, opts.Related+1, false, "relevance"
	stats.Facets = []string{"person", "org", "place", "source"}
	sample := q
	sample.Sort = "date"
	var (
		arts      []*article.Article
		sampleErr error
		done      = make(chan struct{})
	)
	go func() {
		defer close(done)
		arts, _, sampleErr = SampleArticles(ctx, s, sample, opts.Sample)
	}()
	res, err := s.Search(ctx, stats)
	<-done
	if err != nil {
		return nil, nil, err
	}
	return res, arts, sampleErr
}

// addResult adds the counts of b to a (nil for none): totals, timeline buckets and facet buckets
// by key. Articles naming two merged names apart are counted twice; the in-document resolution
// makes them rare.
func addResult(a, b *Result) *Result {
	if a == nil {
		return b
	}
	a.Total += b.Total
	a.Timeline = addBuckets(a.Timeline, b.Timeline, func(t TimeBucket) string { return t.Key },
		func(t *TimeBucket, n TimeBucket) { t.Count += n.Count })
	sort.Slice(a.Timeline, func(i, j int) bool { return a.Timeline[i].Key < a.Timeline[j].Key })
	if a.Facets == nil && b.Facets != nil {
		a.Facets = map[string][]FacetBucket{}
	}
	for name, bs := range b.Facets {
		merged := addBuckets(a.Facets[name], bs, func(f FacetBucket) string { return f.Key },
			func(f *FacetBucket, n FacetBucket) { f.Count += n.Count })
		sort.SliceStable(merged, func(i, j int) bool {
			if merged[i].Count != merged[j].Count {
				return merged[i].Count > merged[j].Count
			}
			return merged[i].Key < merged[j].Key
		})
		a.Facets[name] = merged
	}
	return a
}

// addBuckets adds the buckets of more to have, by key.
func addBuckets[B any](have, more []B, key func(B) string, add func(*B, B)) []B {
	at := make(map[string]int, len(have))
	for i, b := range have {
		at[key(b)] = i
	}
	for _, b := range more {
		if i, ok := at[key(b)]; ok {
			add(&have[i], b)
			continue
		}
		at[key(b)] = len(have)
		have = append(have, b)
	}
	return have
}
