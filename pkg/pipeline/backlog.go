package pipeline

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/newsmon/newsmon/pkg/bus"
)

// DefaultMaxBacklog is how many fetched articles may wait for the extract and index stages before
// the crawl sink holds the crawler back: a few seconds of work on a small machine.
const DefaultMaxBacklog = 1000

// backlogCheckEvery is how often the sink asks NATS for the extract stage's backlog.
const backlogCheckEvery = 100 * time.Millisecond

// backlogGate makes the crawl sink wait while more than max articles wait for the extract and
// index stages together (delivered but unacknowledged ones included).
// Without it a flood (a first crawl of a big sitemap, many feeds at once) is fetched far faster
// than it can be extracted: the articles then wait for minutes in NATS, whose file store keeps
// recently written blocks in memory, so memory and fetch→searchable latency grow with the flood
// (measured: 20,000 articles at once took 1.7× the CPU per article of 1,000 under the service's
// memory limit). Waiting at the source keeps both bounded; pages wait on the web instead.
type backlogGate struct {
	pending func(ctx context.Context) (uint64, bool, error) // backlog, whether the stage exists
	max     uint64
	log     *slog.Logger

	mu      sync.Mutex
	checked time.Time
	over    bool
	// recheck is closed when the next reading is due: every waiter sleeps on it, so that hundreds
	// of held-back fetches cost one timer per check, not one each (issue #25: at 20,000 feeds the
	// per-waiter timers were ~3 % of the CPU).
	recheck chan struct{}
}

func newBacklogGate(b *bus.Bus, max int, log *slog.Logger) *backlogGate {
	return &backlogGate{max: uint64(max), log: log, pending: func(ctx context.Context) (uint64, bool, error) {
		var total uint64
		for _, stage := range []struct{ stream, durable string }{
			{bus.StreamFetched, DurableExtract},
			{bus.StreamEnriched, DurableIndex},
		} {
			byDurable, err := b.Pending(ctx, stage.stream)
			if err != nil {
				return 0, false, err
			}
			p, ok := byDurable[stage.durable]
			if !ok {
				return 0, false, nil
			}
			total += p[0] + p[1]
		}
		return total, true, nil
	}}
}

// wait returns once the backlog is at most max, or ctx ends. When the backlog cannot be read, or
// the extract or index stage has not started yet, it does not wait: a crawl-only worker must
// still make progress, and the streams hold what it publishes.
func (g *backlogGate) wait(ctx context.Context) error {
	if g == nil {
		return nil
	}
	logged := false
	for {
		over, recheck := g.isOver(ctx)
		if !over {
			return nil
		}
		if !logged {
			g.log.Debug("extract stage behind: crawl waits", "max_backlog", g.max)
			logged = true
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-recheck:
		}
	}
}

// isOver reads the backlog at most once per backlogCheckEvery for all the crawler's workers, and
// returns with it a channel closed when the next reading is due.
func (g *backlogGate) isOver(ctx context.Context) (bool, <-chan struct{}) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.recheck != nil && time.Since(g.checked) < backlogCheckEvery {
		select {
		case <-g.recheck: // due already (timers and clocks may disagree by a hair): read again
		default:
			return g.over, g.recheck
		}
	}
	n, exists, err := g.pending(ctx)
	g.checked = time.Now()
	g.over = err == nil && exists && n > g.max
	recheck := make(chan struct{})
	time.AfterFunc(backlogCheckEvery, func() { close(recheck) })
	g.recheck = recheck
	return g.over, recheck
}
