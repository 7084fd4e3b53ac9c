package bleve

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	blv "github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/index"
)

// The monthly layout (WithMonthlyPartitions) keeps one bleve index per calendar month (UTC) of
// the articles' published dates, in dir/2026.11/, and searches them all through a bleve
// IndexAlias, which merges hits, sort order, facets and totals. A write touches the index of its
// article's month only, so segment merges stay the size of a month whatever the total, months
// gone by are no longer merged into, and retention removes a folder instead of deleting
// documents one by one. An index of the single-index layout found in dir itself (index_meta.json)
// stays searchable as one more partition and is never expired; new articles go to months.

// monthFormat names a month's folder: sortable as text.
const monthFormat = "2006.01"

// legacyPart names the single-index layout's index when it is read as a partition.
const legacyPart = ""

// partitions are the month indexes behind the alias. Safe for concurrent use.
type partitions struct {
	dir    string
	cfg    map[string]interface{}
	retain int              // months kept, the current one included; 0 keeps all
	now    func() time.Time // names the current month
	alias  blv.IndexAlias   // what searches read

	mu    sync.Mutex
	parts map[string]blv.Index // month (or legacyPart) → open index
}

// openPartitions opens every month under dir and the single-index layout's index in dir if there
// is one, creates the current month, and applies the retention.
func openPartitions(dir string, cfg map[string]interface{}, retain int) (*partitions, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("index folder: %w", err)
	}
	p := &partitions{dir: dir, cfg: cfg, retain: retain, now: time.Now, parts: map[string]blv.Index{}}
	if _, err := os.Stat(filepath.Join(dir, "index_meta.json")); err == nil {
		idx, err := openOrCreate(dir, cfg)
		if err != nil {
			return nil, err
		}
		p.parts[legacyPart] = idx
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		p.close()
		return nil, fmt.Errorf("list index partitions in %s: %w", dir, err)
	}
	for _, e := range entries {
		if _, err := time.Parse(monthFormat, e.Name()); err != nil || !e.IsDir() {
			continue
		}
		idx, err := openOrCreate(filepath.Join(dir, e.Name()), cfg)
		if err != nil {
			p.close()
			return nil, err
		}
		p.parts[e.Name()] = idx
	}
	p.alias = blv.NewIndexAlias()
	for _, idx := range p.parts {
		p.alias.Add(geoSerial{idx})
	}
	if _, err := p.month(p.now()); err != nil {
		p.close()
		return nil, err
	}
	p.mu.Lock()
	p.expireLocked() // month expires only on a new month; this is for a process started after one
	p.mu.Unlock()
	return p, nil
}

// openOrCreate opens the bleve index in dir, creating it with the current mapping if there is none.
// Each call gets its own copy of cfg: bleve writes the index's store path into the map it is
// given, and a path left there by one month would open that month's store for the next.
func openOrCreate(dir string, cfg map[string]interface{}) (blv.Index, error) {
	idx, err := blv.OpenUsing(dir, maps.Clone(cfg))
	if errors.Is(err, blv.ErrorIndexPathDoesNotExist) || errors.Is(err, blv.ErrorIndexMetaMissing) {
		idx, err = blv.NewUsing(dir, newMapping(), "scorch", "scorch", maps.Clone(cfg))
	}
	if err != nil {
		return nil, fmt.Errorf("open bleve index %s: %w", dir, err)
	}
	if im, ok := idx.Mapping().(*mapping.IndexMappingImpl); ok {
		trimMapping(im) // before any write; a no-op on an index this version created
	}
	return idx, nil
}

// horizon is the first month retention keeps, zero when it keeps all.
func (p *partitions) horizon() time.Time { return index.RetainedFrom(p.now(), p.retain) }

// forArticle is the index an article is written to, created if its month is new, or nil when the
// article is older than the retention (its month is gone, or would go at once).
func (p *partitions) forArticle(a *article.Article) (blv.Index, error) {
	t := index.FilingTime(a, p.now())
	if h := p.horizon(); !h.IsZero() && t.Before(h) {
		return nil, nil
	}
	return p.month(t)
}

// month returns the index of t's month, creating it (and applying the retention, as a new month
// is when an old one falls out) if it does not exist yet.
func (p *partitions) month(t time.Time) (blv.Index, error) {
	name := t.UTC().Format(monthFormat)
	p.mu.Lock()
	defer p.mu.Unlock()
	if idx := p.parts[name]; idx != nil {
		return idx, nil
	}
	idx, err := openOrCreate(filepath.Join(p.dir, name), p.cfg)
	if err != nil {
		return nil, err
	}
	p.parts[name] = idx
	p.alias.Add(geoSerial{idx})
	p.expireLocked()
	return idx, nil
}

// expireLocked closes and removes the months older than the retention. A search running on one
// of them at that moment fails; the next does not see it.
func (p *partitions) expireLocked() {
	h := p.horizon()
	if h.IsZero() {
		return
	}
	for name, idx := range p.parts {
		t, err := time.Parse(monthFormat, name)
		if name == legacyPart || err != nil || !t.Before(h) {
			continue
		}
		p.alias.Remove(geoSerial{idx})
		delete(p.parts, name)
		dir := filepath.Join(p.dir, name)
		if err := idx.Close(); err != nil {
			slog.Warn("close expired index partition", "dir", dir, "error", err)
		}
		if err := os.RemoveAll(dir); err != nil {
			slog.Warn("remove expired index partition", "dir", dir, "error", err)
			continue
		}
		slog.Info("index partition expired", "dir", dir, "retain_months", p.retain)
	}
}

// list returns the open indexes, newest month first, the single-index layout's last.
func (p *partitions) list() []blv.Index {
	p.mu.Lock()
	defer p.mu.Unlock()
	names := slices.Sorted(maps.Keys(p.parts))
	out := make([]blv.Index, 0, len(names))
	for i := len(names) - 1; i >= 0; i-- {
		out = append(out, p.parts[names[i]])
	}
	return out
}

// close closes every partition, returning the first error.
func (p *partitions) close() error {
	var first error
	for _, idx := range p.list() {
		if err := idx.Close(); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// Bleve's geoshape queries build their terms with one region coverer shared by the whole
// process (the s2 plugin's), setting its levels on every query; the alias searches the months in
// parallel, so a Near or mentioned-date search would race with itself on it. Such searches take
// geoQueryMu around each month's search: the months run one at a time, other searches in parallel.
var geoQueryMu sync.Mutex

// geoSearchKey marks a context whose search has geoshape queries (see search).
type geoSearchKey struct{}

// geoSerial is a month's index as the alias sees it: searches marked with geoSearchKey hold
// geoQueryMu.
type geoSerial struct{ monthIndex }

// monthIndex names the embedded index of geoSerial: embedding blv.Index by its own name would hide its
// Index method behind the field.
type monthIndex = blv.Index

func (g geoSerial) SearchInContext(ctx context.Context, req *blv.SearchRequest) (*blv.SearchResult, error) {
	if ctx.Value(geoSearchKey{}) != nil {
		geoQueryMu.Lock()
		defer geoQueryMu.Unlock()
	}
	return g.monthIndex.SearchInContext(ctx, req)
}

// search runs req, q's request, on the index or across the months.
func (x *Index) search(ctx context.Context, q index.Query, req *blv.SearchRequest) (*blv.SearchResult, error) {
	if x.parts != nil && (q.Near != nil || !q.MentionsFrom.IsZero() || !q.MentionsTo.IsZero()) {
		ctx = context.WithValue(ctx, geoSearchKey{}, true)
	}
	return x.idx.SearchInContext(ctx, req)
}
