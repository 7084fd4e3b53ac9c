package index

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/newsmon/newsmon/pkg/article"
)

// ErrNoEntity is returned by EntityProfile when no article names the entity.
var ErrNoEntity = errors.New("index: no article names this entity")

// EntityOptions bound an entity profile; zero values mean the defaults.
type EntityOptions struct {
	Interval string // timeline interval: day, week (default) or month
	Related  int    // co-mentioned entities per type, and sources; DefaultFacetSize
	Sample   int    // articles read for variants, roles and quotes; DefaultEntitySample, at most MaxEntitySample
	Quotes   int    // quotes returned by it and about it, each; DefaultEntityQuotes
}

const (
	DefaultEntitySample = 200
	MaxEntitySample     = 1000
	DefaultEntityQuotes = 50
	MaxEntityQuotes     = 500
)

// EntityProfile is one entity across the articles: how it is named, how often over time, with
// whom and where, and what it said and what was said about it.
type EntityProfile struct {
	ID       string       `json:"id"`
	Name     string       `json:"name"` // the commonest spelling
	Type     string       `json:"type"`
	Total    int          `json:"total"` // articles naming it (with the query's other filters)
	Variants []TextCount  `json:"variants"`
	Roles    []TextCount  `json:"roles"`
	Interval string       `json:"interval"`
	Timeline []TimeBucket `json:"timeline"`
	// Related are the entities most often named in the same articles (exact counts over all of
	// them), by type: "person", "org", "place"; Count articles name both, Share = Count/Total.
	Related map[string][]RelatedEntity `json:"related"`
	Sources []RelatedEntity            `json:"sources"` // ID empty
	// Quotes it speaks and quotes naming it, newest first, from the sampled articles.
	Quotes      []EntityQuote `json:"quotes"`
	QuotesAbout []EntityQuote `json:"quotes_about"`
	Sampled     int           `json:"sampled"` // articles read for variants, roles and quotes
}

// TextCount is a string and how often it was seen.
type TextCount struct {
	Text  string `json:"text"`
	Count int    `json:"count"`
}

// RelatedEntity is a facet value with its share of the entity's articles.
type RelatedEntity struct {
	ID    string  `json:"id,omitempty"`
	Name  string  `json:"name"`
	Count int     `json:"count"`
	Share float64 `json:"share"`
}

// EntityQuote is a quote with the article it is in.
type EntityQuote struct {
	article.Quote
	ArticleID string     `json:"article_id"`
	URL       string     `json:"url"`
	Title     string     `json:"title"`
	Source    string     `json:"source"`
	Published *time.Time `json:"published,omitempty"`
}

// relatedFacets are the facets Related is built from, with the entity type of their values.
var relatedFacets = []struct{ facet, typ string }{
	{"person", article.TypePerson}, {"org", article.TypeOrg}, {"place", article.TypePlace}}

// Profile builds the profile of the entity with the id (EntityID) in the articles q matches
// (q's own text and filters narrow it, e.g. to a period or a source; its paging is ignored).
// Names are compared as the index compares them (Norm), and the names merged into the entity in
// q's articles (profileVariants: "Trump" for Donald Trump) count as it: the profile of either is
// the merged entity's, under the full name.
func Profile(ctx context.Context, s Searcher, id string, q Query, opts EntityOptions) (*EntityProfile, error) {
	typ, name, err := ParseEntityID(id)
	if err != nil {
		return nil, err
	}
	if opts.Interval == "" {
		opts.Interval = IntervalWeek
	}
	if _, err := BucketKey(time.Time{}, opts.Interval); err != nil {
		return nil, err
	}
	if opts.Related <= 0 {
		opts.Related = DefaultFacetSize
	}
	opts.Sample = clampDefault(opts.Sample, DefaultEntitySample, MaxEntitySample)
	opts.Quotes = clampDefault(opts.Quotes, DefaultEntityQuotes, MaxEntityQuotes)

	// The other names merged into this entity ("Trump" for Donald Trump): their articles count too.
	canonical, merged, err := profileVariants(ctx, s, q, typ, name)
	if err != nil {
		return nil, fmt.Errorf("entity %s: %w", id, err)
	}
	ids := map[string]bool{}
	var res *Result
	var arts []*article.Article
	for _, n := range append([]string{canonical}, merged...) {
		ids[EntityID(typ, n)] = true
		r, a, err := profileRead(ctx, s, entityQuery(q, typ, n), opts)
		if err != nil {
			return nil, fmt.Errorf("entity %s: %w", id, err)
		}
		res, arts = addResult(res, r), append(arts, a...)
	}
	if res.Total == 0 {
		return nil, fmt.Errorf("entity %s: %w", id, ErrNoEntity)
	}
	p := &EntityProfile{ID: EntityID(typ, canonical), Type: typ, Total: res.Total, Interval: opts.Interval,
		Timeline: res.Timeline, Related: map[string][]RelatedEntity{}, Sources: []RelatedEntity{},
		Variants: []TextCount{}, Roles: []TextCount{}, Quotes: []EntityQuote{}, QuotesAbout: []EntityQuote{}}
	if p.Timeline == nil {
		p.Timeline = []TimeBucket{}
	}
	share := func(n int) float64 { return float64(n) / float64(res.Total) }
	for _, rf := range relatedFacets {
		out := []RelatedEntity{}
		for _, b := range res.Facets[rf.facet] {
			rid := EntityID(rf.typ, b.Key)
			if ids[rid] || len(out) == opts.Related {
				continue
			}
			out = append(out, RelatedEntity{ID: rid, Name: b.Key, Count: b.Count, Share: share(b.Count)})
		}
		p.Related[strings.ToLower(rf.typ)] = out
	}
	for i, b := range res.Facets["source"] {
		if i < opts.Related {
			p.Sources = append(p.Sources, RelatedEntity{Name: b.Key, Count: b.Count, Share: share(b.Count)})
		}
	}

	p.Sampled = len(arts)
	names, variants, roles := map[string]int{}, map[string]int{}, map[string]int{}
	for _, a := range arts {
		for _, e := range entitiesOf(a, []string{typ}) {
			if !ids[e.id] {
				continue
			}
			names[e.name]++
			for _, m := range e.spans {
				variants[m.Text]++
			}
			for _, ent := range a.Entities {
				if ent.Role != "" && ids[EntityID(ent.Type, ent.Name)] {
					roles[ent.Role]++
				}
			}
			cands := speakers(a)
			for _, qt := range a.Quotes {
				if sp, ok := speakerOf(qt, cands, []string{typ}); ok && ids[sp.id] {
					if len(p.Quotes) < opts.Quotes {
						p.Quotes = append(p.Quotes, quoteIn(a, qt))
					}
				} else if e.within(qt.Start, qt.End) && len(p.QuotesAbout) < opts.Quotes {
					p.QuotesAbout = append(p.QuotesAbout, quoteIn(a, qt))
				}
			}
		}
	}
	p.Name = commonest(names)
	if p.Name == "" || canonical != name { // named only in ways the sample did not reach, or merged into a full name
		p.Name = canonical
	}
	p.Variants, p.Roles = topCounts(variants), topCounts(roles)
	return p, nil
}

func quoteIn(a *article.Article, q article.Quote) EntityQuote {
	return EntityQuote{Quote: q, ArticleID: a.ID, URL: a.URL, Title: a.Title, Source: a.Source, Published: a.Published}
}

// topCounts lists the counts, most frequent first (then by text), at most 20.
func topCounts(m map[string]int) []TextCount {
	out := make([]TextCount, 0, len(m))
	for t, n := range m {
		out = append(out, TextCount{Text: t, Count: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Text < out[j].Text
	})
	return out[:min(len(out), 20)]
}

func clampDefault(v, def, hi int) int {
	if v <= 0 {
		return def
	}
	return min(v, hi)
}
