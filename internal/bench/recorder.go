package bench

import (
	"context"
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"

	"github.com/newsmon/newsmon/pkg/alert"
	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/pipeline"
)

// recorder collects, from the pipeline's callbacks, when each article became searchable and
// alerted, and says when the last one is in.
type recorder struct {
	articles int
	crawled  atomic.Int64 // pages the crawler handed to the pipeline

	mu          sync.Mutex
	res         Result
	lastIndexed time.Time
	done        chan struct{} // closed when every article is searchable

	checkpoints map[int]bool // Options.Checkpoints
	atIndexed   func(int)    // Options.AtIndexed
}

func newRecorder(opts Options) *recorder {
	res := Result{Articles: opts.Articles, Rate: opts.Rate}
	if len(opts.Languages) > 0 {
		res.Languages = map[string]int{}
	}
	r := &recorder{articles: opts.Articles, res: res, done: make(chan struct{}), atIndexed: opts.AtIndexed}
	if opts.AtIndexed != nil {
		r.checkpoints = map[int]bool{}
		for _, n := range opts.Checkpoints {
			r.checkpoints[n] = true
		}
	}
	return r
}

// indexed is the pipeline's OnIndexed.
func (r *recorder) indexed(a *article.Article, at time.Time) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.res.Searchable = append(r.res.Searchable, at.Sub(a.Fetched))
	r.res.IndexedAt = append(r.res.IndexedAt, at)
	if r.res.Languages != nil {
		r.res.Languages[a.Language]++
	}
	r.lastIndexed = at
	if n := len(r.res.Searchable); r.checkpoints[n] {
		go r.atIndexed(n)
	}
	if len(r.res.Searchable) == r.articles {
		close(r.done)
	}
}

// alerted is the pipeline's OnAlert.
func (r *recorder) alerted(a *article.Article, _ alert.Event, at time.Time) {
	r.mu.Lock()
	r.res.Alerted = append(r.res.Alerted, at.Sub(a.Fetched))
	r.mu.Unlock()
}

// wait returns when every article is searchable, or with an error when the stages (gctx) stop
// first; every 5 s it prints on stderr how far the run is and where the work waits.
func (r *recorder) wait(ctx, gctx context.Context, b *bus.Bus, start time.Time, stderr io.Writer) error {
	progress := time.NewTicker(5 * time.Second)
	defer progress.Stop()
	for {
		select {
		case <-r.done:
			return nil
		case <-progress.C:
			r.mu.Lock()
			indexed := len(r.res.Searchable)
			r.mu.Unlock()
			// Where the work waits: messages not yet delivered + delivered and not yet acked.
			ext, _ := b.Pending(ctx, bus.StreamFetched)
			ind, _ := b.Pending(ctx, bus.StreamEnriched)
			fmt.Fprintf(stderr, "bench: %d/%d indexed after %.0fs; crawled %d; waiting for extract %v, for index %v\n",
				indexed, r.articles, time.Since(start).Seconds(), r.crawled.Load(), ext[pipeline.DurableExtract], ind[pipeline.DurableIndex])
		case <-gctx.Done():
			return fmt.Errorf("bench stopped before every article was indexed: %w", context.Cause(gctx))
		}
	}
}

// result is the run's measurements, timed from start; cpuStart and cpuEnd are the process's CPU
// time around the run (negative when unknown).
func (r *recorder) result(start time.Time, cpuStart, cpuEnd time.Duration) Result {
	r.mu.Lock()
	defer r.mu.Unlock()
	res := r.res
	res.Elapsed = r.lastIndexed.Sub(start)
	res.Start = start
	if cpuStart >= 0 && cpuEnd >= 0 {
		res.CPU = cpuEnd - cpuStart
	}
	return res
}
