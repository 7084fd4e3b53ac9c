package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/newsmon/newsmon/internal/ordered"
	"github.com/newsmon/newsmon/pkg/archive"
	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/crawl"
	"github.com/newsmon/newsmon/pkg/index"
)

// ImportConfig says what an Importer reads and where it reports.
type ImportConfig struct {
	Inputs  []string // WARC, JSONL, CSV files and folders of .html/.txt (see archive.Open)
	Options archive.Options
	// Restart imports files again from their start, ignoring what earlier runs recorded.
	Restart bool
	// Workers turn records into articles and publish them at once.
	Workers int
	// Stdout gets the summary line last; Stderr progress, reasons and unreadable inputs.
	Stdout, Stderr io.Writer
	// OwnBus says the bus is this process's own (the embedded one): its queues hold only this
	// import's work, so the import is done when they are empty.
	OwnBus bool
}

// Importer feeds archives through the same extract and index stages as crawled pages and follows
// each article to the index, so that it can say when every record is indexed, skipped, a
// duplicate or dead-lettered. It remembers on the bus how far each file was handed on, so a run
// interrupted resumes there. Install Indexed as the index stage's OnIndexed hook, then call Run.
type Importer struct {
	cfg ImportConfig

	mu      sync.Mutex
	pending map[string]struct{} // article ids published, not yet indexed or dead-lettered
	seen    map[string]struct{} // article ids handed to the pipeline in this run
	counts  importCounts
	skipWhy map[string]int
	failWhy map[string]int

	readBytes  atomic.Int64 // of inputs finished
	curBytes   atomic.Int64 // of the input being read
	totalBytes int64
	readDone   atomic.Bool
	start      time.Time
}

// NewImporter returns an importer of cfg's inputs.
func NewImporter(cfg ImportConfig) *Importer {
	return &Importer{cfg: cfg, pending: map[string]struct{}{}, seen: map[string]struct{}{},
		skipWhy: map[string]int{}, failWhy: map[string]int{}}
}

type importCounts struct{ records, indexed, duplicates, skipped, failed int }

// Indexed is the index stage's OnIndexed hook: it counts the articles of this import.
func (imp *Importer) Indexed(a *article.Article, _ time.Time) {
	imp.mu.Lock()
	defer imp.mu.Unlock()
	if _, ok := imp.pending[a.ID]; ok {
		delete(imp.pending, a.ID)
		imp.counts.indexed++
	}
}

// dead counts an article of this import that the extract or index stage dead-lettered.
func (imp *Importer) dead(data []byte) {
	var a struct {
		ID string `json:"id"`
	}
	if json.Unmarshal(data, &a) != nil {
		return
	}
	imp.mu.Lock()
	defer imp.mu.Unlock()
	if _, ok := imp.pending[a.ID]; ok {
		delete(imp.pending, a.ID)
		imp.counts.failed++
		imp.failWhy["dead-lettered by extract or index (see newsmon.dead.*)"]++
	}
}

// Run imports every input, then waits until each article it published is indexed or
// dead-lettered, and prints the summary. It shares the crawler's content store (crawlCfg's dedup
// window), so content seen by a crawl is a duplicate for an import, and back. idx may be nil on a
// shared bus, where other processes index.
func (imp *Importer) Run(ctx context.Context, stages *Stages, crawlCfg crawl.Config, idx index.Index) error {
	imp.start = time.Now()
	for _, in := range imp.cfg.Inputs {
		imp.totalBytes += inputSize(in)
	}
	// The crawler's store: content seen by a crawl is a duplicate for an import, and back.
	store, err := stages.Bus.CrawlKV(ctx, crawlCfg.DedupWindow)
	if err != nil {
		return err
	}
	progress, err := stages.Bus.KV(ctx, bus.BucketImport, 0)
	if err != nil {
		return err
	}
	if err := stages.Bus.Subscribe(ctx, bus.SubjectDeadPrefix+">", imp.dead); err != nil {
		return err
	}
	sink := stages.ArticleSink(store)
	stopReport := imp.report(ctx)
	defer stopReport()
	for _, in := range imp.cfg.Inputs {
		if err := imp.importFile(ctx, in, sink, stages, progress); err != nil {
			return err
		}
	}
	imp.readDone.Store(true)
	if err := imp.waitDrained(ctx, stages.Bus, idx); err != nil {
		return err
	}
	stopReport()
	imp.summary()
	return nil
}

// outcome of one record, in input order.
type outcome struct {
	ord    int64
	kind   int // one of the outcome kinds below
	reason string
	err    error // fatal: the bus is gone
}

const (
	outPublished = iota
	outDuplicate
	outSkipped
	outFailed
)

// importFile hands one input's records on, in order, from where an earlier run stopped.
func (imp *Importer) importFile(ctx context.Context, path string, sink func(context.Context, *article.Article) (Outcome, error),
	stages *Stages, progress *bus.KV) error {
	key, err := progressKey(path)
	if err != nil {
		return err
	}
	rec, err := imp.recorded(ctx, progress, key)
	if err != nil {
		return err
	}
	size := inputSize(path)
	defer func() { imp.readBytes.Add(size); imp.curBytes.Store(0) }()
	if rec.Done {
		fmt.Fprintf(imp.cfg.Stderr, "import: %s was imported before (same size and time); --restart imports it again\n", path)
		return nil
	}
	if rec.Next > 0 {
		fmt.Fprintf(imp.cfg.Stderr, "import: %s: resuming after record %d\n", path, rec.Next-1)
	}
	rec.Path = path
	resumeAt := rec.Next // rec itself is the writer's from here on
	r, err := archive.Open(path, imp.cfg.Options)
	if err != nil {
		imp.fail(path, err)
		return nil
	}
	defer r.Close()
	complete, saved := true, time.Now()
	err = ordered.Run(ctx, imp.cfg.Workers,
		func(ctx context.Context, q *ordered.Queue[*archive.Item, outcome]) error {
			var err error
			complete, err = imp.readRecords(ctx, q, r, path, resumeAt, stages)
			return err
		},
		func(ctx context.Context, it *archive.Item) outcome { return imp.handle(ctx, sink, stages, it) },
		func(ctx context.Context, res outcome) error { // count in order, and remember how far the file is handed on
			if res.err != nil {
				return res.err
			}
			imp.count(res)
			rec.Next = res.ord + 1
			if time.Since(saved) <= time.Second {
				return nil
			}
			saved = time.Now()
			return saveProgress(ctx, progress, key, rec)
		})
	if err != nil {
		if ctx.Err() != nil && rec.Next > 0 {
			// Stopped (Ctrl-C, SIGTERM): remember how far the file was handed on, so the next
			// run starts there. After a kill -9 the last periodic save does.
			sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
			defer cancel()
			_ = saveProgress(sctx, progress, key, rec)
		}
		return err
	}
	rec.Done = complete
	return saveProgress(ctx, progress, key, rec)
}

// readRecords queues the records of r from ordinal resumeAt on: skipped and bad ones with their
// outcome, the others for a worker. It reports whether it read the input to its end; an error
// means the import is ending.
func (imp *Importer) readRecords(ctx context.Context, q *ordered.Queue[*archive.Item, outcome], r archive.Reader,
	path string, resumeAt int64, stages *Stages) (complete bool, err error) {
	for {
		it, err := r.Next()
		done, _ := r.Progress()
		imp.curBytes.Store(done)
		var skip *archive.Skip
		var bad *archive.BadRecord
		var res *outcome
		switch {
		case errors.Is(err, io.EOF):
			return true, nil
		case errors.As(err, &skip):
			res = &outcome{ord: skip.Ordinal, kind: outSkipped, reason: skip.Reason}
		case errors.As(err, &bad):
			res = &outcome{ord: bad.Ordinal, kind: outFailed, reason: bad.Err.Error()}
			_ = stages.DeadLetterPage(ctx, "import", article.Page{URL: fmt.Sprintf("%s#record-%d", path, bad.Ordinal)}, err)
		case err != nil:
			imp.fail(path, err)
			return false, nil
		}
		if res != nil && res.ord < resumeAt || res == nil && it.Ordinal < resumeAt {
			continue // handed on by an earlier run
		}
		if res != nil {
			err = q.Done(*res)
		} else {
			err = q.Work(it)
		}
		if err != nil {
			return true, err
		}
	}
}

// handle turns one item into an article and hands it to the pipeline.
func (imp *Importer) handle(ctx context.Context, sink func(context.Context, *article.Article) (Outcome, error),
	stages *Stages, it *archive.Item) outcome {
	res := outcome{ord: it.Ordinal}
	a, kind, err := it.ArticleKind(time.Now().UTC())
	if kind.Listing() {
		// A front, section or tag page: indexed, it would turn up in searches, facets and alerts
		// as if it were a story.
		res.kind, res.reason = outSkipped, "not an article: listing page ("+kind.Why+")"
		return res
	}
	if err != nil {
		if errors.Is(err, article.ErrNoBody) || errors.Is(err, article.ErrNotHTML) || errors.Is(err, archive.ErrNoText) {
			res.kind, res.reason = outSkipped, "no article text"
			return res
		}
		res.kind, res.reason = outFailed, err.Error()
		if derr := stages.DeadLetterPage(ctx, "import", article.Page{URL: it.URL, Fetched: it.Fetched}, err); derr != nil {
			res.err = derr
		}
		return res
	}
	imp.mu.Lock()
	if _, dup := imp.seen[a.ID]; dup {
		imp.mu.Unlock()
		res.kind, res.reason = outDuplicate, "same address twice"
		return res
	}
	imp.seen[a.ID] = struct{}{}
	imp.pending[a.ID] = struct{}{} // before publishing: the index may report it at once
	imp.mu.Unlock()
	o, err := sink(ctx, a)
	if err != nil || o != Published {
		imp.mu.Lock()
		delete(imp.pending, a.ID)
		imp.mu.Unlock()
	}
	switch {
	case err != nil:
		res.err = fmt.Errorf("publish %s: %w", a.URL, err)
	case o == DuplicateContent:
		res.kind, res.reason = outDuplicate, "same text under another address"
	case o == DuplicateMessage:
		res.kind, res.reason = outDuplicate, "published moments ago"
	}
	return res
}

func (imp *Importer) count(res outcome) {
	imp.mu.Lock()
	defer imp.mu.Unlock()
	imp.counts.records++
	switch res.kind {
	case outDuplicate:
		imp.counts.duplicates++
	case outSkipped:
		imp.counts.skipped++
		imp.skipWhy[res.reason]++
	case outFailed:
		imp.counts.failed++
		imp.failWhy[shortReason(res.reason)]++
	}
}

// fail counts an input that could not be read on (missing, unreadable, not what its name says).
func (imp *Importer) fail(path string, err error) {
	imp.mu.Lock()
	defer imp.mu.Unlock()
	imp.counts.failed++
	imp.failWhy[shortReason(err.Error())]++
	fmt.Fprintf(imp.cfg.Stderr, "import: %s: %v\n", path, err)
}

// shortReason drops positions from an error so reasons can be counted.
func shortReason(s string) string {
	if i := strings.LastIndex(s, ": "); i >= 0 && len(s)-i > 12 {
		s = s[i+2:]
	}
	if len(s) > 120 {
		s = s[:120]
	}
	return s
}

// waitDrained waits until every article this import published is indexed or dead-lettered and,
// on the process's own bus, until the queues are empty (articles an interrupted earlier run had
// published are indexed now too). On a shared bus the extract and index workers of other
// processes do the work: the index, when this process can read it (Elasticsearch), is asked
// about the articles, and once the shared queues are empty every article published before has
// been indexed or dead-lettered.
func (imp *Importer) waitDrained(ctx context.Context, b *bus.Bus, idx index.Index) error {
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	lastAsked := time.Now()
	for {
		imp.mu.Lock()
		n := len(imp.pending)
		imp.mu.Unlock()
		if n == 0 && (!imp.cfg.OwnBus || queuesEmpty(ctx, b)) {
			return nil
		}
		if !imp.cfg.OwnBus && time.Since(lastAsked) > time.Second {
			lastAsked = time.Now()
			if idx != nil {
				imp.askIndex(ctx, idx)
			}
			if queuesEmpty(ctx, b) {
				imp.settleAsIndexed()
			}
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-tick.C:
		}
	}
}

// askIndex counts as indexed the pending articles the index already holds.
func (imp *Importer) askIndex(ctx context.Context, idx index.Index) {
	imp.mu.Lock()
	ids := make([]string, 0, min(len(imp.pending), 200))
	for id := range imp.pending {
		if len(ids) == cap(ids) {
			break
		}
		ids = append(ids, id)
	}
	imp.mu.Unlock()
	for _, id := range ids {
		if _, err := idx.Get(ctx, id); err == nil {
			imp.Indexed(&article.Article{ID: id}, time.Now())
		}
	}
}

// settleAsIndexed counts the articles still pending as indexed: called once the shared queues are
// empty, when the index workers have acknowledged every article published before (ack follows
// the index write) and the dead-lettered ones were counted as they were reported.
func (imp *Importer) settleAsIndexed() {
	imp.mu.Lock()
	defer imp.mu.Unlock()
	imp.counts.indexed += len(imp.pending)
	clear(imp.pending)
}

// queuesEmpty says whether the extract and index consumers exist and hold nothing pending or in
// flight. A consumer not there yet (no worker has joined the bus) is work not started, not done.
func queuesEmpty(ctx context.Context, b *bus.Bus) bool {
	for stream, durable := range map[string]string{bus.StreamFetched: DurableExtract, bus.StreamEnriched: DurableIndex} {
		p, err := b.Pending(ctx, stream)
		if err != nil {
			return false
		}
		if v, ok := p[durable]; !ok || v[0]+v[1] > 0 {
			return false
		}
	}
	return true
}
