package index

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/newsmon/newsmon/pkg/article"
)

// entityFacets are the facets whose values are names of people and organisations, which
// MergeFacets folds into one value per entity.
var entityFacets = map[string]string{"person": article.TypePerson, "org": article.TypeOrg}

const (
	// mergeSample is how many articles of each name MergeFacets reads for evidence: the newest,
	// enough to see the company a name keeps, few enough to cost a few milliseconds.
	mergeSample = 20
	// mergeMaxShort bounds the short forms per facet that MergeFacets looks into, and
	// mergeMaxFull the full names it weighs for each.
	mergeMaxShort = 6
	mergeMaxFull  = 3
	// mergeParallel bounds the evidence searches run at once.
	mergeParallel = 3
	// mergeWindow widens the short forms' period on each side, and mergeMaxPeriod bounds it, when
	// the full names' company is read.
	mergeWindow    = 7 * 24 * time.Hour
	mergeMaxPeriod = 90 * 24 * time.Hour
)

// FacetFetch is how many buckets of the facet a backend reads to show n of them: more for people
// and organisations, so that the variants MergeFacets folds into a shown value are there to fold.
func FacetFetch(name string, n int) int {
	if _, ok := entityFacets[name]; ok && n > 0 {
		return 2*n + 10
	}
	return n
}

// MergeFacets makes each person and organisation one facet value (see Merger): a bucket per
// entity, keyed by its commonest full name, counting the articles of all its variants, which it
// lists in Variants. Evidence comes from the query's own articles (s searched with q plus the
// name). Then every facet is cut to n buckets. Both backends call it on the facets they read
// (FacetFetch buckets for people and organisations); a search without facets costs nothing more.
func MergeFacets(ctx context.Context, s Searcher, q Query, res *Result, n int) error {
	for name, buckets := range res.Facets {
		typ, ok := entityFacets[name]
		if ok && len(buckets) > 1 {
			merged, err := mergeBuckets(ctx, s, q, typ, buckets)
			if err != nil {
				return fmt.Errorf("merge %s facet: %w", name, err)
			}
			buckets = merged
		}
		res.Facets[name] = buckets[:min(len(buckets), n)]
	}
	return nil
}

// mergeBuckets folds the buckets of one entity type: first names that differ only by title,
// initial or legal form (nameKey), then short forms into the full name the evidence supports.
func mergeBuckets(ctx context.Context, s Searcher, q Query, typ string, buckets []FacetBucket) ([]FacetBucket, error) {
	groups := map[string][]FacetBucket{} // nameKey → buckets, most articles first (as the facet)
	var keys []string
	for _, b := range buckets {
		k := nameKey(typ, b.Key)
		if groups[k] == nil {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], b)
	}
	target, err := shortTargets(ctx, s, q, typ, keys, groups)
	if err != nil {
		return nil, err
	}
	into := map[string][]FacetBucket{}
	var order []string
	for _, k := range keys {
		to := k
		if t, ok := target[k]; ok {
			to = t
		}
		if into[to] == nil {
			order = append(order, to)
		}
		into[to] = append(into[to], groups[k]...)
	}
	out := make([]FacetBucket, 0, len(order))
	for _, k := range order {
		vs := into[k]
		if len(vs) == 1 {
			out = append(out, vs[0])
			continue
		}
		// The display name: the full name's commonest spelling, even when its short form is used
		// more ("Trump" in more headlines than "Donald Trump").
		merged := FacetBucket{Key: groups[k][0].Key}
		for _, v := range vs {
			merged.Count += v.Count
		}
		variants := append([]FacetBucket(nil), vs...)
		sort.SliceStable(variants, func(i, j int) bool { return variants[i].Count > variants[j].Count })
		merged.Variants = &variants
		out = append(out, merged)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Key < out[j].Key
	})
	return out, nil
}

// facetShorts picks, among a facet's keys (most frequent first), the short keys that can stand
// for full keys among them (at most mergeMaxShort, each weighed against its mergeMaxFull most
// frequent full keys), and those full keys.
func facetShorts(typ string, keys []string) (shorts, fulls []string) {
	involved := map[string]bool{}
	for _, sk := range keys {
		var cands []string
		for _, fk := range keys {
			if shortFor(typ, sk, fk) && len(cands) < mergeMaxFull {
				cands = append(cands, fk)
			}
		}
		if len(cands) == 0 || len(shorts) == mergeMaxShort {
			continue
		}
		shorts = append(shorts, sk)
		for _, fk := range cands {
			involved[fk] = true
		}
	}
	for _, k := range keys {
		if involved[k] {
			fulls = append(fulls, k)
		}
	}
	return shorts, fulls
}

// shortTargets decides which short keys among keys stand for a full key among them, reading a
// sample of each involved name's articles in q for the Merger's evidence. Keys with no
// candidate cost no search.
func shortTargets(ctx context.Context, s Searcher, q Query, typ string, keys []string, groups map[string][]FacetBucket) (map[string]string, error) {
	shorts, fullNames := facetShorts(typ, keys)
	if len(shorts) == 0 {
		return nil, nil
	}
	shortNames := make([]string, len(shorts))
	for i, k := range shorts {
		shortNames[i] = groups[k][0].Key
	}
	for i, k := range fullNames {
		fullNames[i] = groups[k][0].Key
	}
	// The short forms' articles first: they are few (the in-document resolution absorbs most)
	// and give the period in which the full names' company is read, which keeps the full names'
	// samples (tens of thousands of articles for the most named) cheap.
	shortArts, err := sampleNames(ctx, s, q, typ, shortNames)
	if err != nil {
		return nil, err
	}
	if len(shortArts) == 0 { // nothing to weigh (an index changing under the search)
		return nil, nil
	}
	fullArts, err := sampleNames(ctx, s, samePeriod(q, shortArts), typ, fullNames)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var docs []MergeDoc
	for _, a := range append(shortArts, fullArts...) {
		if !seen[a.ID] {
			seen[a.ID] = true
			docs = append(docs, MergeDocOf(a))
		}
	}
	m := NewMerger(docs)
	target := map[string]string{}
	for _, sk := range shorts {
		cid := m.Canonical(EntityID(typ, groups[sk][0].Key))
		if _, name, err := ParseEntityID(cid); err == nil {
			if fk := nameKey(typ, name); fk != sk && groups[fk] != nil {
				target[sk] = fk
			}
		}
	}
	return target, nil
}

// sampleNames reads the newest mergeSample articles of q naming each of the names, a few
// searches at a time.
func sampleNames(ctx context.Context, s Searcher, q Query, typ string, names []string) ([]*article.Article, error) {
	samples := make([][]*article.Article, len(names))
	err := eachParallel(len(names), mergeParallel, func(i int) error {
		sq := entityQuery(q, typ, names[i])
		sq.Sort = "date"
		var err error
		if samples[i], _, err = SampleArticles(ctx, s, sq, mergeSample); err != nil {
			return fmt.Errorf("evidence for %q: %w", names[i], err)
		}
		return nil
	})
	return slices.Concat(samples...), err
}

// eachParallel calls fn(0) … fn(n-1), at most limit at once, and joins their errors.
func eachParallel(n, limit int, fn func(i int) error) error {
	errs := make([]error, n)
	sem := make(chan struct{}, limit)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			errs[i] = fn(i)
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// samePeriod narrows q to the period of the articles (dated ones), widened by mergeWindow each
// side and at most mergeMaxPeriod long, ending at the newest: the company a name keeps then.
func samePeriod(q Query, arts []*article.Article) Query {
	var first, last time.Time
	for _, a := range arts {
		if a.Published == nil {
			continue
		}
		if first.IsZero() || a.Published.Before(first) {
			first = *a.Published
		}
		if a.Published.After(last) {
			last = *a.Published
		}
	}
	if last.IsZero() {
		return q
	}
	from, to := first.Add(-mergeWindow), last.Add(mergeWindow)
	if to.Sub(from) > mergeMaxPeriod {
		from = to.Add(-mergeMaxPeriod)
	}
	if q.From.IsZero() || from.After(q.From) {
		q.From = from
	}
	if q.To.IsZero() || to.Before(q.To) {
		q.To = to
	}
	return q
}
