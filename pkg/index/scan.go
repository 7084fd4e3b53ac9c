package index

import (
	"context"
	"errors"
	"fmt"

	"github.com/newsmon/newsmon/pkg/article"
)

// Scanner is the optional ability of an index to walk a whole result set: every article matching
// a query, in the query's order, read a page at a time with a cursor (the last hit's sort values)
// rather than an offset. Paging by offset costs each page a pass over every hit before it, so
// reading N hits that way is quadratic; a walk is linear in N and holds one page in memory.
// Exports read through it (pkg/api checks for it at run time, as net/http does for Flusher).
type Scanner interface {
	// Scan calls fn with each article matching q, in Search's order for q: with Sort "date", or
	// without Text, newest first (undated articles last); otherwise by relevance, then newest
	// first; ties by article id ascending. q.Size is the page read per round trip (0 means
	// ScanPageSize); q.Page, facets and the timeline are ignored; WithText and Lean shape the
	// articles as they shape hits.
	//
	// Each matching article is passed exactly once if the index does not change during the walk
	// (Elasticsearch holds a point in time, so there it holds even then); each article is fn's to
	// keep. When fn returns StopScan the walk ends and Scan returns nil; any other error ends it and
	// Scan returns that error as is. Once ctx is done fn is not called again and Scan returns
	// ctx's error.
	Scan(ctx context.Context, q Query, fn func(*article.Article) error) error
}

// StopScan is returned by a Scanner's fn to end the walk early without an error (like
// fs.SkipAll): a control value, not a failure.
var StopScan = errors.New("index: stop scan")

// ScanPageSize is the page a Scanner reads per round trip when q.Size is 0: large enough that the
// per-request cost (a pass over the matches in bleve, a round trip to Elasticsearch) is spread over
// many articles, small enough that one page of whole articles stays a few megabytes.
const ScanPageSize = 1000

// ScanPage is q.Size for a Scanner: ScanPageSize when it is not positive.
func (q Query) ScanPage() int {
	if q.Size <= 0 {
		return ScanPageSize
	}
	return q.Size
}

// ScanHits passes one page of a walk's hits to fn, in order, each decoded by decode: the part of
// Scan every backend shares. done reports that the walk ends here, with err nil when fn returned
// StopScan, else the error of decode (wrapped) or fn (as is), or ctx's.
func ScanHits[H any](ctx context.Context, hits []H, decode func(H) (*article.Article, error), fn func(*article.Article) error) (done bool, err error) {
	for _, h := range hits {
		if err := ctx.Err(); err != nil {
			return true, err
		}
		a, err := decode(h)
		if err != nil {
			return true, fmt.Errorf("index scan: %w", err)
		}
		if err := fn(a); err != nil {
			if errors.Is(err, StopScan) {
				return true, nil
			}
			return true, err
		}
	}
	return false, nil
}
