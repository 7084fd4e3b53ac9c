package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/newsmon/newsmon/pkg/archive"
	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/crawl"
	"github.com/newsmon/newsmon/pkg/index"
	"github.com/newsmon/newsmon/pkg/pipeline"
)

// cmdImport feeds archives (WARC, JSONL, CSV, folders of .html/.txt) through the same extract and
// index stages as crawled pages, then exits once every record is indexed, skipped or
// dead-lettered (or, with --http, keeps serving the API on the result).
func cmdImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	// stdout gets the service's notices (embedded NATS address, serving address) first and the
	// summary line last.
	s := service{stdout: stdout, extract: true, index: true, embedded: true}
	fs := newFlagSet("import", stderr)
	s.o.register(fs, pipelineFlags|workerFlags)
	fs.StringVar(&s.o.httpAddr, "http", "", "after the import, serve the search API and web page on this address until stopped")
	alerts := fs.String("alerts", "off", "run the alert rules on imported articles: on or off (a back-fill would fire on old news)")
	mapping := fs.String("map", "", "FIELD=COLUMN pairs naming the CSV columns or JSONL keys of url, title, text, html, published, source, language, authors (e.g. text=body,published=date)")
	asText := fs.Bool("text", false, "treat the files of folders as plain text, whatever their extension")
	restart := fs.Bool("restart", false, "import files again from their start, ignoring what earlier runs recorded")
	maxRecord := fs.Int64("max-record-bytes", archive.DefaultMaxRecordBytes, "largest record payload read; bigger ones are reported and skipped")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: newsmon import [--data DIR] [--pipeline FILE] [--http ADDR] [--alerts on|off] [--map FIELD=COLUMN,...] FILE|FOLDER...")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{errors.New("no input: give WARC (.warc, .warc.gz), JSONL, CSV files or folders of .html/.txt")}
	}
	if s.o.demo {
		return usageError{errors.New("--demo crawls the demo site; import reads files")}
	}
	if *alerts != "on" && *alerts != "off" {
		return usageError{fmt.Errorf("--alerts %q: want on or off", *alerts)}
	}
	m, err := archive.ParseMap(*mapping)
	if err != nil {
		return usageError{err}
	}
	for _, in := range fs.Args() {
		if _, err := archive.KindOf(in); err != nil {
			return usageError{err}
		}
	}
	explicitLog := false
	fs.Visit(func(f *flag.Flag) { explicitLog = explicitLog || f.Name == "log-level" })
	if !explicitLog && os.Getenv("NEWSMON_LOG_LEVEL") == "" {
		s.o.logLevel = "warn" // progress lines say what info logs would
	}
	s.log = s.o.logger(stderr)
	s.serve = s.o.httpAddr != ""
	s.o.apiToken, s.o.readToken, s.o.rateLimit = envDefault("NEWSMON_API_TOKEN", ""), envDefault("NEWSMON_API_READ_TOKEN", ""), 50
	s.noAlerts = *alerts == "off"
	imp := &importer{inputs: fs.Args(), opts: archive.Options{Map: m, Text: *asText, MaxRecordBytes: *maxRecord},
		restart: *restart, workers: runtime.GOMAXPROCS(0), stdout: stdout, stderr: stderr, log: s.log,
		embedded: s.o.natsURL == "", pending: map[string]struct{}{}, seen: map[string]struct{}{},
		skipWhy: map[string]int{}, failWhy: map[string]int{}}
	s.onIndexed = imp.indexed
	s.job = imp.run
	return s.run(ctx)
}

// importer reads the inputs, hands their articles to the pipeline and follows them to the index.
type importer struct {
	inputs   []string
	opts     archive.Options
	restart  bool
	workers  int
	stdout   io.Writer
	stderr   io.Writer
	log      *slog.Logger
	embedded bool // the bus is this process's own: its queues hold only this import's work

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

type importCounts struct{ records, indexed, duplicates, skipped, failed int }

// progressRecord is what an import remembers of a file between runs.
type progressRecord struct {
	Path string `json:"path"`
	Next int64  `json:"next"` // records before this ordinal are handed on
	Done bool   `json:"done"`
}

// indexed is the index stage's OnIndexed hook.
func (imp *importer) indexed(a *article.Article, _ time.Time) {
	imp.mu.Lock()
	defer imp.mu.Unlock()
	if _, ok := imp.pending[a.ID]; ok {
		delete(imp.pending, a.ID)
		imp.counts.indexed++
	}
}

// dead counts an article of this import that the extract or index stage dead-lettered.
func (imp *importer) dead(data []byte) {
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

func (imp *importer) run(ctx context.Context, stages *pipeline.Stages, crawlCfg crawl.Config, idx index.Index) error {
	imp.start = time.Now()
	for _, in := range imp.inputs {
		imp.totalBytes += inputSize(in)
	}
	// The crawler's store: content seen by a crawl is a duplicate for an import, and back.
	store, err := stages.Bus.KV(ctx, bus.BucketCrawl, crawlCfg.DedupWindow)
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
	for _, in := range imp.inputs {
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

func (imp *importer) importFile(ctx context.Context, path string, sink func(context.Context, *article.Article) (pipeline.Outcome, error),
	stages *pipeline.Stages, progress *bus.KV) error {
	key, err := progressKey(path)
	if err != nil {
		return err
	}
	var rec progressRecord
	if !imp.restart {
		if data, ok, err := progress.Get(ctx, key); err != nil {
			return err
		} else if ok {
			_ = json.Unmarshal(data, &rec)
		}
	}
	size := inputSize(path)
	defer func() { imp.readBytes.Add(size); imp.curBytes.Store(0) }()
	if rec.Done {
		fmt.Fprintf(imp.stderr, "import: %s was imported before (same size and time); --restart imports it again\n", path)
		return nil
	}
	if rec.Next > 0 {
		fmt.Fprintf(imp.stderr, "import: %s: resuming after record %d\n", path, rec.Next-1)
	}
	rec.Path = path
	resumeAt := rec.Next // rec itself is the committer's from here on
	r, err := archive.Open(path, imp.opts)
	if err != nil {
		imp.fail(path, err)
		return nil
	}
	defer r.Close()

	type job struct {
		it  *archive.Item
		out chan outcome
	}
	jobs := make(chan job)
	order := make(chan chan outcome, 4*imp.workers)
	g, gctx := errgroup.WithContext(ctx)
	complete := true
	g.Go(func() error { // read, in order
		defer close(jobs)
		defer close(order)
		for {
			it, err := r.Next()
			done, _ := r.Progress()
			imp.curBytes.Store(done)
			var skip *archive.Skip
			var bad *archive.BadRecord
			var res *outcome
			switch {
			case errors.Is(err, io.EOF):
				return nil
			case errors.As(err, &skip):
				res = &outcome{ord: skip.Ordinal, kind: outSkipped, reason: skip.Reason}
			case errors.As(err, &bad):
				res = &outcome{ord: bad.Ordinal, kind: outFailed, reason: bad.Err.Error()}
				_ = stages.DeadLetterPage(gctx, "import", article.Page{URL: fmt.Sprintf("%s#record-%d", path, bad.Ordinal)}, err)
			case err != nil:
				complete = false
				imp.fail(path, err)
				return nil
			}
			ord := int64(-1)
			if res != nil {
				ord = res.ord
			} else {
				ord = it.Ordinal
			}
			if ord < resumeAt {
				continue // handed on by an earlier run
			}
			out := make(chan outcome, 1)
			if res != nil {
				out <- *res
			}
			select {
			case order <- out:
			case <-gctx.Done():
				return gctx.Err()
			}
			if res == nil {
				select {
				case jobs <- job{it, out}:
				case <-gctx.Done():
					return gctx.Err()
				}
			}
		}
	})
	for range imp.workers {
		g.Go(func() error {
			for j := range jobs {
				j.out <- imp.handle(gctx, sink, stages, j.it)
			}
			return nil
		})
	}
	g.Go(func() error { // count in order, and remember how far the file is handed on
		saved := time.Now()
		for out := range order {
			var res outcome
			select {
			case res = <-out:
			case <-gctx.Done():
				return gctx.Err()
			}
			if res.err != nil {
				return res.err
			}
			imp.count(res)
			rec.Next = res.ord + 1
			if time.Since(saved) > time.Second {
				saved = time.Now()
				if err := saveProgress(gctx, progress, key, rec); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err := g.Wait(); err != nil {
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

// handle turns one item into an article and hands it to the pipeline.
func (imp *importer) handle(ctx context.Context, sink func(context.Context, *article.Article) (pipeline.Outcome, error),
	stages *pipeline.Stages, it *archive.Item) outcome {
	res := outcome{ord: it.Ordinal}
	a, err := it.Article(time.Now().UTC())
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
	if err != nil || o != pipeline.Published {
		imp.mu.Lock()
		delete(imp.pending, a.ID)
		imp.mu.Unlock()
	}
	switch {
	case err != nil:
		res.err = fmt.Errorf("publish %s: %w", a.URL, err)
	case o == pipeline.DuplicateContent:
		res.kind, res.reason = outDuplicate, "same text under another address"
	case o == pipeline.DuplicateMessage:
		res.kind, res.reason = outDuplicate, "published moments ago"
	}
	return res
}

func (imp *importer) count(res outcome) {
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
func (imp *importer) fail(path string, err error) {
	imp.mu.Lock()
	defer imp.mu.Unlock()
	imp.counts.failed++
	imp.failWhy[shortReason(err.Error())]++
	fmt.Fprintf(imp.stderr, "import: %s: %v\n", path, err)
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
// published are indexed now too). On a shared bus, index workers of other processes may index
// this import's articles: the index itself is asked about those.
func (imp *importer) waitDrained(ctx context.Context, b *bus.Bus, idx index.Index) error {
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	lastAsked := time.Now()
	for {
		imp.mu.Lock()
		n := len(imp.pending)
		imp.mu.Unlock()
		if n == 0 && (!imp.embedded || queuesEmpty(ctx, b)) {
			return nil
		}
		if !imp.embedded && time.Since(lastAsked) > time.Second {
			lastAsked = time.Now()
			imp.askIndex(ctx, idx)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-tick.C:
		}
	}
}

// askIndex counts as indexed the pending articles the index already holds.
func (imp *importer) askIndex(ctx context.Context, idx index.Index) {
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
			imp.indexed(&article.Article{ID: id}, time.Now())
		}
	}
}

func queuesEmpty(ctx context.Context, b *bus.Bus) bool {
	for stream, durable := range map[string]string{bus.StreamFetched: pipeline.DurableExtract, bus.StreamEnriched: pipeline.DurableIndex} {
		p, err := b.Pending(ctx, stream)
		if err != nil {
			return false
		}
		if v := p[durable]; v[0]+v[1] > 0 {
			return false
		}
	}
	return true
}

// report prints progress on stderr until the returned stop is called: redrawn in place on a
// terminal, a plain line every few seconds otherwise.
func (imp *importer) report(ctx context.Context) (stop func()) {
	every, tty := 5*time.Second, false
	if f, ok := imp.stderr.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			every, tty = 250*time.Millisecond, true
		}
	}
	done := make(chan struct{})
	var once sync.Once
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-done:
				if tty {
					fmt.Fprint(imp.stderr, "\r\033[K")
				}
				return
			case <-ctx.Done():
				return
			case <-t.C:
				line := imp.progressLine(tty)
				if tty {
					fmt.Fprintf(imp.stderr, "\r\033[K%s", line)
				} else {
					fmt.Fprintln(imp.stderr, line)
				}
			}
		}
	}()
	return func() { once.Do(func() { close(done) }); wg.Wait() }
}

// progressLine says how far the import is; bar draws a bar in front (on a terminal).
func (imp *importer) progressLine(bar bool) string {
	imp.mu.Lock()
	c, pending := imp.counts, len(imp.pending)
	imp.mu.Unlock()
	elapsed := time.Since(imp.start)
	rate := float64(c.indexed) / max(elapsed.Seconds(), 1e-9)
	read := imp.readBytes.Load() + imp.curBytes.Load()
	line := fmt.Sprintf("import %s of %s read", mib(read), mib(imp.totalBytes))
	// Reading runs ahead of indexing (up to the backlog), so the time left is estimated from
	// records settled (indexed, duplicate, skipped, failed) against the records the whole input
	// should hold at the size read so far.
	settled := c.records - pending
	if imp.totalBytes > 0 && read > 0 && settled > 0 {
		frac := min(float64(read)/float64(imp.totalBytes), 1)
		expected := float64(c.records) / frac
		perSecond := float64(settled) / max(elapsed.Seconds(), 1e-9)
		eta := time.Duration(max(expected-float64(settled), 0) / perSecond * float64(time.Second))
		done := min(float64(settled)/expected, 1)
		line += fmt.Sprintf(" (%.0f%% done, eta %s)", 100*done, eta.Round(time.Second))
		if bar {
			const width = 24
			fill := int(done * width)
			line = "[" + strings.Repeat("=", fill) + strings.Repeat(" ", width-fill) + "] " + line
		}
	}
	return line + fmt.Sprintf(" records=%d indexed=%d waiting=%d duplicates=%d skipped=%d failed=%d %.1f articles/s",
		c.records, c.indexed, pending, c.duplicates, c.skipped, c.failed, rate)
}

func mib(n int64) string { return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20)) }

// summary prints the reasons on stderr and the contract's last line on stdout.
func (imp *importer) summary() {
	imp.mu.Lock()
	defer imp.mu.Unlock()
	c := imp.counts
	for _, part := range []struct {
		name string
		why  map[string]int
	}{{"skipped", imp.skipWhy}, {"failed", imp.failWhy}} {
		if len(part.why) == 0 {
			continue
		}
		reasons := make([]string, 0, len(part.why))
		for r := range part.why {
			reasons = append(reasons, r)
		}
		sort.Slice(reasons, func(i, j int) bool { return part.why[reasons[i]] > part.why[reasons[j]] })
		for _, r := range reasons {
			fmt.Fprintf(imp.stderr, "import %s: %d %s\n", part.name, part.why[r], r)
		}
	}
	secs := time.Since(imp.start).Seconds()
	fmt.Fprintf(imp.stderr, "import: %d articles indexed in %.1f s (%.1f articles/s)\n", c.indexed, secs, float64(c.indexed)/max(secs, 1e-9))
	fmt.Fprintf(imp.stdout, "import records=%d indexed=%d duplicates=%d skipped=%d failed=%d\n",
		c.records, c.indexed, c.duplicates, c.skipped, c.failed)
}

// progressKey names a file's progress record: its absolute path, size and modification time,
// so a file changed since is imported anew.
func progressKey(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	st, err := os.Stat(abs)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256([]byte(fmt.Sprintf("%s\x00%d\x00%d", abs, st.Size(), st.ModTime().UnixNano())))
	return "file." + hex.EncodeToString(sum[:16]), nil
}

func saveProgress(ctx context.Context, kv *bus.KV, key string, rec progressRecord) error {
	data, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	if err := kv.Put(ctx, key, data); err != nil {
		return fmt.Errorf("save import progress of %s: %w", rec.Path, err)
	}
	return nil
}

// inputSize is the bytes of a file, or of the files under a folder.
func inputSize(path string) int64 {
	var n int64
	_ = filepath.WalkDir(path, func(_ string, d os.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return n
}
