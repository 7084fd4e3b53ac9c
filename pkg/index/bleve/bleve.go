// Package bleve is the embedded index backend: enriched articles in an on-disk bleve (scorch)
// index, answering index.Query with full text, keyword filters, facets, highlights and timelines.
// It owns the index directory and its mapping; it never changes the articles it stores, and it
// does no network I/O.
//
// Durability: by default Put returns only after scorch has persisted the batch's segment and
// synced its root (bolt) file, so an acknowledged article survives a crash. WithAsyncPersist
// trades that for throughput: Put returns once the batch is searchable and scorch persists in
// the background, so a crash can lose the last acknowledged batches; Close waits until every
// written batch is on disk, so a clean shutdown loses nothing.
package bleve

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"time"

	blv "github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	bleveindex "github.com/blevesearch/bleve_index_api"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/index"
)

// Index is an index.Index on a bleve scorch index in one directory. It is safe for concurrent use.
type Index struct {
	idx       blv.Index
	dir       string
	analyzers []string // every analyser a document may have been indexed with
	async     bool
	missing   map[string]bool      // fields of the current mapping the index was created without
	mapping   mapping.IndexMapping // the analysers queries use (every month has the same ones)

	parts *partitions // the monthly layout's months; nil in the single-index layout

	stats    *termStats // facet values per segment (facets.go)
	facetWay facetWay   // facetsByCost; tests set the others to compare the ways

	mu       sync.RWMutex   // Put holds it shared, Close exclusively
	closed   bool           // under mu
	unsynced sync.WaitGroup // async batches not yet on disk; Close waits for them
}

var _ index.Index = (*Index)(nil)

// Option configures Open.
type Option func(*options)

type options struct {
	asyncPersist bool
	monthly      bool
	retain       int
}

// WithAsyncPersist makes Put return once a batch is searchable instead of once it is on disk
// (scorch's unsafe_batch). Faster; a crash may lose the latest acknowledged batches.
func WithAsyncPersist() Option { return func(o *options) { o.asyncPersist = true } }

// WithMonthlyPartitions keeps one index per month of the articles' published dates under dir,
// searched as one (see partitions), and with retain > 0 keeps that many months, the current one
// included, removing older ones. An index of the single-index layout already in dir stays
// searchable and is never removed.
func WithMonthlyPartitions(retain int) Option {
	return func(o *options) { o.monthly, o.retain = true, retain }
}

// maxSegmentDocs caps the live documents of a segment that scorch's merger builds. Uncapped (5M
// by default), a month of 100,000 articles ends in merges that read and rewrite the whole month:
// ~500 MB of segments mapped and touched at once (the process's resident set rose ~0.5 GB for
// the length of such a merge) and merge CPU that grows with the month instead of the day. Capped,
// a document is rewritten at most at the cap's tier, a merge touches at most ~20,000 articles'
// segments (~110 MB), and a month holds a few more segments that searches visit in turn.
const maxSegmentDocs = 20000

// Open opens the index in dir, creating it (and dir) if there is none yet.
func Open(dir string, opts ...Option) (*Index, error) {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	cfg := map[string]interface{}{"scorchMergePlanOptions": map[string]interface{}{"MaxSegmentSize": maxSegmentDocs}}
	if o.asyncPersist {
		cfg["unsafe_batch"] = true
	}
	x := &Index{dir: dir, analyzers: queryAnalyzers(), async: o.asyncPersist, stats: &termStats{}}
	if !o.monthly {
		idx, err := openOrCreate(dir, cfg)
		if err != nil {
			return nil, err
		}
		x.idx, x.missing, x.mapping = idx, missingFields(idx.Mapping()), idx.Mapping()
		return x, nil
	}
	parts, err := openPartitions(dir, cfg, o.retain)
	if err != nil {
		return nil, err
	}
	x.idx, x.parts, x.mapping = parts.alias, parts, newMapping()
	if legacy := parts.parts[legacyPart]; legacy != nil {
		x.missing = missingFields(legacy.Mapping())
	}
	return x, nil
}

// members are the bleve indexes holding the articles: the one index, or every month.
func (x *Index) members() []blv.Index {
	if x.parts == nil {
		return []blv.Index{x.idx}
	}
	return x.parts.list()
}

// target is the index an article is written to, or nil when it is older than the retention.
func (x *Index) target(a *article.Article) (blv.Index, error) {
	if x.parts == nil {
		return x.idx, nil
	}
	return x.parts.forArticle(a)
}

// missingFields lists the fields of the current mapping that an index created by an older version
// lacks. Bleve cannot add fields to an existing index's mapping, so such an index keeps working
// for everything else, and a search that filters on a missing field fails with a clear error
// rather than silently finding nothing (see checkFields).
func missingFields(m mapping.IndexMapping) map[string]bool {
	im, ok := m.(*mapping.IndexMappingImpl)
	if !ok || im.DefaultMapping == nil {
		return nil
	}
	var missing map[string]bool
	for name := range newMapping().DefaultMapping.Properties {
		if im.DefaultMapping.Properties[name] == nil {
			if missing == nil {
				missing = map[string]bool{}
			}
			missing[name] = true
		}
	}
	return missing
}

// checkFields fails a query that filters on a field this index was created without.
func (x *Index) checkFields(q index.Query) error {
	if len(x.missing) == 0 {
		return nil
	}
	for field, used := range map[string]bool{
		fieldLocations:  q.Near != nil,
		fieldUSDMax:     q.MinUSD != nil || q.MaxUSD != nil,
		fieldCurrencies: len(q.Currency) > 0,
		fieldEventTypes: len(q.EventType) > 0,
		fieldMentioned:  !q.MentionsFrom.IsZero() || !q.MentionsTo.IsZero(),
		fieldTags:       len(q.Tag) > 0,
	} {
		if used && x.missing[field] {
			return fmt.Errorf("the index in %s was created before field %s existed: move it away and re-index to filter on it", x.dir, field)
		}
	}
	return nil
}

// Put writes the batch as one bleve batch (per month in the monthly layout); the article id is
// the document id, so rewriting an article replaces it. Articles that cannot be encoded (or lack
// an id) are reported in a *index.BulkError and the rest are written. In the monthly layout,
// articles older than the retention are not written.
func (x *Index) Put(ctx context.Context, batch []*article.Article) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("index put: %w", err)
	}
	batches := map[blv.Index]*blv.Batch{}
	failed := map[string]error{}
	for i, a := range batch {
		if a == nil {
			continue
		}
		if a.ID == "" {
			failed["batch["+strconv.Itoa(i)+"]"] = errors.New("article has no id")
			continue
		}
		target, err := x.target(a)
		if err != nil {
			return fmt.Errorf("index put: %w", err)
		}
		if target == nil {
			continue
		}
		b := batches[target]
		if b == nil {
			b = target.NewBatch()
			batches[target] = b
		}
		d, err := newDoc(a)
		if err == nil {
			err = b.Index(a.ID, d)
		}
		if err != nil {
			failed[a.ID] = err
		}
	}
	for target, b := range batches {
		if b.Size() == 0 {
			continue
		}
		if err := x.write(target, b); err != nil {
			return fmt.Errorf("index put batch of %d in %s: %w", b.Size(), x.dir, err)
		}
	}
	if len(failed) > 0 {
		return &index.BulkError{Failed: failed}
	}
	return nil
}

// write applies the batch. With async persistence, scorch's Close does not wait for in-memory
// segments to reach disk, so write counts the batches still in flight for Close to wait on.
func (x *Index) write(target blv.Index, b *blv.Batch) error {
	x.mu.RLock()
	defer x.mu.RUnlock()
	if x.closed {
		return errors.New("index is closed")
	}
	if !x.async {
		return target.Batch(b)
	}
	x.unsynced.Add(1)
	var once sync.Once
	done := func() { once.Do(x.unsynced.Done) }
	b.SetPersistedCallback(func(error) { done() })
	err := target.Batch(b)
	if err != nil {
		done()
	}
	return err
}

// Get returns the stored article, or an error wrapping index.ErrNotFound.
func (x *Index) Get(ctx context.Context, id string) (*article.Article, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("index get %s: %w", id, err)
	}
	var d bleveindex.Document
	for _, m := range x.members() {
		var err error
		if d, err = m.Document(id); err != nil {
			return nil, fmt.Errorf("index get %s: %w", id, err)
		}
		if d != nil {
			break
		}
	}
	if d == nil {
		return nil, fmt.Errorf("index get %s: %w", id, index.ErrNotFound)
	}
	var js, text []byte
	d.VisitFields(func(f bleveindex.Field) {
		switch f.Name() {
		case fieldJSON:
			js = f.Value()
		case fieldText:
			text = f.Value()
		}
	})
	a, err := decodeArticle(js, string(text))
	if err != nil {
		return nil, fmt.Errorf("index get %s: %w", id, err)
	}
	return a, nil
}

// decodeArticle rebuilds the enriched article from its stored JSON and stored text.
func decodeArticle(js []byte, text string) (*article.Article, error) {
	if len(js) == 0 {
		return nil, errors.New("stored article missing")
	}
	var a article.Article
	if err := json.Unmarshal(js, &a); err != nil {
		return nil, fmt.Errorf("decode stored article: %w", err)
	}
	a.Text = text
	a.Normalize()
	return &a, nil
}

// leanArticle is the part of a stored article that lean hits carry (index.LeanFields); decoding
// into it skips building everything else.
type leanArticle struct {
	ID        string           `json:"id"`
	URL       string           `json:"url"`
	Source    string           `json:"source"`
	Title     string           `json:"title"`
	Published *time.Time       `json:"published"`
	Language  string           `json:"language"`
	Entities  []article.Entity `json:"entities"`
	Places    []article.Place  `json:"places"`
	Quotes    []article.Quote  `json:"quotes"`
}

// decodeLean rebuilds the lean part of the article from its stored JSON.
func decodeLean(js []byte) (*article.Article, error) {
	if len(js) == 0 {
		return nil, errors.New("stored article missing")
	}
	var l leanArticle
	if err := json.Unmarshal(js, &l); err != nil {
		return nil, fmt.Errorf("decode stored article: %w", err)
	}
	a := &article.Article{ID: l.ID, URL: l.URL, Source: l.Source, Title: l.Title, Published: l.Published,
		Language: l.Language, Entities: l.Entities, Places: l.Places, Quotes: l.Quotes}
	a.Normalize()
	return a, nil
}

// Count returns the number of articles in the index.
func (x *Index) Count(ctx context.Context) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, fmt.Errorf("index count: %w", err)
	}
	n, err := x.idx.DocCount()
	if err != nil {
		return 0, fmt.Errorf("index count: %w", err)
	}
	return int(n), nil
}

// Close waits for written batches to reach disk, then closes the index; the Index is unusable
// afterwards. Searches still running when Close is called fail.
func (x *Index) Close() error {
	x.mu.Lock()
	if x.closed {
		x.mu.Unlock()
		return nil
	}
	x.closed = true
	x.mu.Unlock()
	x.unsynced.Wait()
	if x.parts != nil {
		_ = x.idx.Close() // the alias: it holds nothing of its own
		if err := x.parts.close(); err != nil {
			return fmt.Errorf("close bleve index %s: %w", x.dir, err)
		}
		return nil
	}
	if err := x.idx.Close(); err != nil {
		return fmt.Errorf("close bleve index %s: %w", x.dir, err)
	}
	return nil
}
