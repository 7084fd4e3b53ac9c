// Package crawl finds and fetches news articles: it polls feeds (RSS 2.0, RSS 1.0, Atom), sitemaps
// (including Google News sitemaps and gzipped indexes), fixed URL lists and HTML section pages, obeys
// robots.txt and per-host politeness, uses conditional GET, canonicalises and deduplicates article
// URLs through a shared Store, and hands each new HTML page to a Sink. It never parses article content
// (article.FromPage does) and never imports NATS (the lead's Store and Sink do).
package crawl

import (
	"cmp"
	"container/heap"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/newsmon/newsmon/pkg/article"
)

// Sink receives each new article page. Returning an error means "not handed over": the URL's claim
// is released so that a later poll retries it.
type Sink func(ctx context.Context, p article.Page) error

// SourceStatus is what the UI shows per source. Counters are totals since New.
type SourceStatus struct {
	Name             string        `json:"name"`
	URL              string        `json:"url"`
	Kind             string        `json:"kind"`
	LastPoll         time.Time     `json:"last_poll,omitzero"`
	LastPollDuration time.Duration `json:"last_poll_duration"`
	LastError        string        `json:"last_error,omitempty"`         // of the last poll (feed fetch or parse); "" = fine
	LastArticleError string        `json:"last_article_error,omitempty"` // most recent article failure
	Polls            int64         `json:"polls"`
	ItemsSeen        int64         `json:"items_seen"` // article URLs listed by the source
	Fetched          int64         `json:"fetched"`    // pages handed to the sink
	Skipped          int64         `json:"skipped"`    // already fetched, disallowed by robots.txt, not HTML, or a listing page
	Failed           int64         `json:"failed"`
	InFlight         int           `json:"in_flight"` // fetches running now
	Queued           int           `json:"queued"`    // fetches waiting for a politeness slot
}

// Crawler polls sources and feeds new article pages to a Sink.
type Crawler struct {
	cfg      Config
	sources  []*sourceState
	store    Store
	sink     Sink
	log      *slog.Logger
	m        *metrics
	fetcher  *Fetcher
	sched    *scheduler
	robots   *robotsCache
	handling urlSet // article URLs being fetched or handed over now, so overlapping polls skip them
	// articles are the listed articles waiting for one of the fetch slots that bound the article
	// fetches between taking their URL and the sink's return: see fetchArticle.
	articles *articleQueue
}

type sourceState struct {
	src    Source
	pollMu sync.Mutex // one listing (feed, sitemap, page) at a time per source

	mu sync.Mutex
	st SourceStatus

	inFlight, queued atomic.Int64
}

const (
	maxSitemapDepth    = 3  // index → index → urlset is the deepest seen in the wild
	maxChildSitemaps   = 50 // per index per poll, newest first
	maxDiscoveredFeeds = 3  // per section page
	storeOpTimeout     = 5 * time.Second
	// sinkSlotsPerWorker × Concurrency article fetches may be under way at once, waiting for their
	// host's turn or for the sink included: at a 1 s host interval the crawl can still reach
	// 32 × Concurrency articles/s, and a backed-up sink holds at most that many pages in memory.
	sinkSlotsPerWorker = 32
	// listingsPerWorker × Concurrency polls may be listing their source at once (waiting for
	// robots.txt or their host's interval included); the other due polls wait in Run's heap, as
	// data. At a 1 s host interval that still keeps every worker busy, and it bounds the goroutines
	// when thousands of polls fall due together (every source at start-up).
	listingsPerWorker = 32
)

// New checks the config and sources (reporting every problem) and returns a Crawler. store and sink
// are required; log and reg may be nil.
func New(cfg Config, sources []Source, store Store, sink Sink, log *slog.Logger, reg prometheus.Registerer) (*Crawler, error) {
	var errs []error
	if err := cfg.Validate(); err != nil {
		errs = append(errs, err)
	}
	if store == nil {
		errs = append(errs, errors.New("store is nil"))
	}
	if sink == nil {
		errs = append(errs, errors.New("sink is nil"))
	}
	c := &Crawler{cfg: cfg, store: store, sink: sink, log: orDiscard(log).With("component", "crawl"), m: newMetrics(reg)}
	for i, s := range sources {
		if err := s.validate(); err != nil {
			errs = append(errs, fmt.Errorf("sources[%d] %q: %w", i, s.Name, err))
			continue
		}
		if s.Kind == KindURLs && s.URL != "" && !slices.Contains(s.URLs, s.URL) {
			s.URLs = append([]string{s.URL}, s.URLs...)
		}
		if s.Name == "" {
			s.Name = sourceHost(s)
		}
		c.sources = append(c.sources, &sourceState{src: s, st: SourceStatus{Name: s.Name, URL: s.URL, Kind: s.Kind}})
	}
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("crawl config: %w", err)
	}
	c.fetcher = newFetcher(cfg, c.log, c.m)
	c.articles = newArticleQueue(sinkSlotsPerWorker*cfg.Concurrency, max(64, 4*cfg.Concurrency), c.startArticle)
	c.sched = newScheduler(cfg.Concurrency, cfg.PerHostConcurrency, cfg.PerHostInterval, c.m.scheduler)
	c.robots = newRobotsCache(c.fetcher, cfg.UserAgent, c.sched.setDelay)
	return c, nil
}

func sourceHost(s Source) string {
	raw := s.URL
	if raw == "" && len(s.URLs) > 0 {
		raw = s.URLs[0]
	}
	if u, err := url.Parse(raw); err == nil {
		return strings.TrimPrefix(u.Hostname(), "www.")
	}
	return raw
}

// Fetcher returns the crawler's HTTP fetcher (same limits and metrics, no robots or politeness).
func (c *Crawler) Fetcher() *Fetcher { return c.fetcher }

// Run polls every source, the first time immediately and then every Source.Poll from the start of
// its last poll (a source with Poll 0 is polled once), until ctx is done. A poll that took longer
// than its interval is followed by the next at once. It returns nil after in-flight polls have
// finished.
//
// One goroutine keeps the sources in a heap by due time and starts each poll in a goroutine of its
// own that ends with the listing, at most listingsPerWorker × Concurrency at once (the other due
// polls wait in the heap, oldest first): a poll costs O(log sources), and no goroutine waits per
// idle or due source. The listed articles wait in the crawler's article queue.
func (c *Crawler) Run(ctx context.Context) error {
	var (
		wg         sync.WaitGroup
		mu         sync.Mutex
		due        = make(pollHeap, 0, len(c.sources))
		wake       = make(chan struct{}, 1)
		listing    int // polls listing now
		maxListing = listingsPerWorker * c.cfg.Concurrency
	)
	now := time.Now()
	for _, ss := range c.sources {
		due = append(due, pollDue{at: now, ss: ss}) // equal keys: already a heap, in source order
	}
	timer := time.NewTimer(0)
	defer timer.Stop()
	for {
		mu.Lock()
		now = time.Now()
		for len(due) > 0 && listing < maxListing && !now.Before(due[0].at) {
			ss := heap.Pop(&due).(pollDue).ss
			start := now
			listing++
			// The next poll is due once this one has listed the source's articles: their
			// hand-over to the sink, which waits while the pipeline catches up, does not
			// hold it back.
			listed := func() {
				mu.Lock()
				listing--
				if ss.src.Poll > 0 && ctx.Err() == nil {
					heap.Push(&due, pollDue{at: later(start.Add(ss.src.Poll), time.Now()), ss: ss})
				}
				mu.Unlock()
				select { // the new due time may be the earliest, or a listing slot came free
				case wake <- struct{}{}:
				default:
				}
			}
			c.startPoll(ctx, &wg, ss, listed)
		}
		next := time.Duration(-1)
		if len(due) > 0 && listing < maxListing {
			next = due[0].at.Sub(now)
		}
		mu.Unlock()
		if next >= 0 {
			timer.Reset(next)
		}
		select {
		case <-ctx.Done():
			wg.Wait()
			return nil
		case <-wake:
		case <-timer.C:
		}
	}
}

// startPoll polls ss in a goroutine of its own; wg counts the poll until its articles are done.
func (c *Crawler) startPoll(ctx context.Context, wg *sync.WaitGroup, ss *sourceState, listed func()) {
	wg.Add(1)
	go c.poll(ctx, ss, listed, func(err error) {
		if err != nil && ctx.Err() == nil {
			c.log.Warn("source poll failed", "source", ss.src.Name, "url", ss.src.URL, "err", err)
		}
		wg.Done()
	})
}

// pollDue is when a source's next poll is due.
type pollDue struct {
	at time.Time
	ss *sourceState
}

// pollHeap orders sources by the due time of their next poll (container/heap).
type pollHeap []pollDue

func (h pollHeap) Len() int           { return len(h) }
func (h pollHeap) Less(i, j int) bool { return h[i].at.Before(h[j].at) }
func (h pollHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *pollHeap) Push(x any)        { *h = append(*h, x.(pollDue)) }
func (h *pollHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// RunOnce polls every source once, concurrently (as many listing at once as Run lets), and returns
// when all fetches and sink calls are done.
// The error joins the sources' poll errors (feed unreachable, unparsable, ...); article failures are
// counted in Status instead.
func (c *Crawler) RunOnce(ctx context.Context) error {
	errs := make([]error, len(c.sources))
	var wg sync.WaitGroup
	listing := make(chan struct{}, listingsPerWorker*c.cfg.Concurrency) // as in Run
	for i, ss := range c.sources {
		listing <- struct{}{}
		wg.Add(1)
		go c.poll(ctx, ss, func() { <-listing }, func(err error) { errs[i] = err; wg.Done() })
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return err
	}
	return errors.Join(errs...)
}

// Status reports every source's state.
func (c *Crawler) Status() []SourceStatus {
	out := make([]SourceStatus, 0, len(c.sources))
	for _, ss := range c.sources {
		out = append(out, ss.status())
	}
	return out
}

// Source states, as StatusSummary counts them and StatusPage filters by them.
const (
	StateNeverPolled = "never_polled" // no poll has finished yet
	StateOK          = "ok"           // the last poll went well
	StateError       = "error"        // the last poll failed (LastError)
)

// State is the source's state: StateNeverPolled, StateOK or StateError.
func (s SourceStatus) State() string {
	switch {
	case s.LastError != "":
		return StateError
	case s.Polls == 0:
		return StateNeverPolled
	default:
		return StateOK
	}
}

// StatusSummary is what all sources add up to, so that a page of Status still shows the whole.
type StatusSummary struct {
	Sources   int            `json:"sources"`
	ByState   map[string]int `json:"by_state"` // every state, 0 included
	Polls     int64          `json:"polls"`
	ItemsSeen int64          `json:"items_seen"`
	Fetched   int64          `json:"fetched"`
	Skipped   int64          `json:"skipped"`
	Failed    int64          `json:"failed"`
	InFlight  int            `json:"in_flight"`
	Queued    int            `json:"queued"`
	// WithArticleErrors counts the sources whose most recent article fetch failed.
	WithArticleErrors int `json:"with_article_errors"`
}

// StatusPage returns the sources in state ("" = any), in configuration order, from offset on, at
// most limit of them; matching is how many are in that state, and sum adds up every source.
func (c *Crawler) StatusPage(state string, offset, limit int) (page []SourceStatus, matching int, sum StatusSummary) {
	sum.ByState = map[string]int{StateNeverPolled: 0, StateOK: 0, StateError: 0}
	page = make([]SourceStatus, 0, max(min(limit, len(c.sources)), 0))
	for _, ss := range c.sources {
		st := ss.status()
		sum.Sources++
		sum.ByState[st.State()]++
		sum.Polls += st.Polls
		sum.ItemsSeen += st.ItemsSeen
		sum.Fetched += st.Fetched
		sum.Skipped += st.Skipped
		sum.Failed += st.Failed
		sum.InFlight += st.InFlight
		sum.Queued += st.Queued
		if st.LastArticleError != "" {
			sum.WithArticleErrors++
		}
		if state != "" && st.State() != state {
			continue
		}
		if matching >= offset && len(page) < limit {
			page = append(page, st)
		}
		matching++
	}
	return page, matching, sum
}

// status is a copy of the source's status with its live counts.
func (ss *sourceState) status() SourceStatus {
	ss.mu.Lock()
	st := ss.st
	ss.mu.Unlock()
	st.InFlight = int(ss.inFlight.Load())
	st.Queued = int(ss.queued.Load())
	return st
}

// QueueDepth is the number of fetches waiting for a politeness slot, over all hosts.
func (c *Crawler) QueueDepth() int { return c.sched.queued() }

// item is an article URL a source listed, with what the source said about it.
type item struct {
	url   string // as listed, absolute
	canon string
	feed  string
	hints article.Hints
	when  time.Time // ordering key for sitemaps: publication or lastmod
	// onPage: found on an HTML section page, where a link that looks like an article may lead to
	// another section or a tag page.
	onPage bool
}

// pollState collects one poll's items and the validators to save if the whole poll went well.
type pollState struct {
	ss *sourceState

	mu     sync.Mutex
	items  []item // as listed, until they are queued
	listed int    // len(items), kept once they are queued
	canon  map[string]bool
	// validators by Store key, one per document read (a feed: one): a slice, not a map, because
	// a poll's state lives on while its articles wait for the pipeline, and at 20,000 feeds the
	// maps' buckets were ~10 MB of the heap the collector scanned.
	validators []keyedValidators
	retry      bool // something must be retried: keep the old validators so the next poll re-reads
}

type keyedValidators struct {
	key string
	v   validators
}

func (ps *pollState) add(it item) {
	canon, err := article.Canonicalize(it.url)
	if err != nil {
		return
	}
	it.canon = canon
	ps.mu.Lock()
	defer ps.mu.Unlock()
	if ps.canon[canon] {
		return
	}
	ps.canon[canon] = true
	ps.items = append(ps.items, it)
}

// updateValidators changes what the poll saves, if it goes well, for the document at docURL.
func (ps *pollState) updateValidators(docURL string, change func(*validators)) {
	key := FeedKey(docURL)
	ps.mu.Lock()
	defer ps.mu.Unlock()
	change(ps.validatorsOfLocked(key))
}

// validatorsOfLocked is where the validators of key are kept, added if new; ps.mu is held.
func (ps *pollState) validatorsOfLocked(key string) *validators {
	for i := range ps.validators {
		if ps.validators[i].key == key {
			return &ps.validators[i].v
		}
	}
	ps.validators = append(ps.validators, keyedValidators{key: key})
	return &ps.validators[len(ps.validators)-1].v
}

func (ps *pollState) markRetry() {
	ps.mu.Lock()
	ps.retry = true
	ps.mu.Unlock()
}

// poll runs one pass over a source: list its items, queue the new ones for fetching, and once
// they are all handed over (or dropped) save the validators and call done with the poll's error.
// listed, if not nil, is called once the source's listing is done, before its articles are fetched.
// poll returns after the listing: done may be called later, from another goroutine.
func (c *Crawler) poll(ctx context.Context, ss *sourceState, listed func(), done func(error)) {
	// One listing at a time per source; the articles it found are fetched and handed over
	// outside the lock, so a sink that waits for the pipeline delays articles, not the next
	// poll. A poll that overlaps the last one's hand-over sees its URLs pending and keeps its
	// validators unsaved, so nothing is lost to a 304.
	ss.pollMu.Lock()
	start := time.Now()
	ps := &pollState{ss: ss, canon: map[string]bool{}}
	src := ss.src
	var err error
	switch src.Kind {
	case KindFeed:
		err = c.collectFeed(ctx, ps, src.URL)
	case KindSitemap:
		err = c.collectSitemap(ctx, ps, src.URL, 0, "")
	case KindPage:
		err = c.collectPage(ctx, ps, src.URL)
	case KindURLs:
		for _, u := range src.URLs {
			ps.add(item{url: u, hints: article.Hints{Language: src.Language}})
		}
	}
	if src.Kind == KindSitemap { // sitemaps are often oldest first; fetch the newest
		slices.SortStableFunc(ps.items, func(a, b item) int { return b.when.Compare(a.when) })
	}
	ps.canon = nil // listing done: the items may wait in the article queue a while, without it
	ss.pollMu.Unlock()
	if listed != nil {
		listed()
	}
	pr := &pollRun{c: c, ctx: ctx, ps: ps, start: start, err: err, done: done, pending: 1}
	c.queueItems(ctx, pr)
	pr.itemDone("", nil) // the queueing itself
}

// pollRun is a poll whose listed articles are being fetched; the last of them to end finishes it.
type pollRun struct {
	c     *Crawler
	ctx   context.Context
	ps    *pollState
	start time.Time
	err   error // the listing's
	done  func(error)

	mu      sync.Mutex
	counts  itemCounts
	pending int // articles queued or being fetched, +1 while the poll is still queueing them
}

// count adds an article's outcome (a metrics label) to the poll's counts.
func (pr *pollRun) count(result string, err error) {
	pr.mu.Lock()
	defer pr.mu.Unlock()
	switch result {
	case "fetched":
		pr.counts.fetched++
	case "duplicate", "robots", "skipped", "listing":
		pr.counts.skipped++
	default:
		pr.counts.failed++
		pr.counts.lastErr = err
	}
}

// itemDone ends one queued article with its outcome ("" = dropped, not counted), and finishes the
// poll after the last: its validators are saved only if the listing and every article went well.
func (pr *pollRun) itemDone(result string, err error) {
	if result != "" {
		pr.count(result, err)
	}
	pr.mu.Lock()
	pr.pending--
	last := pr.pending == 0
	pr.mu.Unlock()
	if !last {
		return
	}
	c, ps, src := pr.c, pr.ps, pr.ps.ss.src
	ps.mu.Lock()
	retry := ps.retry
	ps.mu.Unlock()
	if pr.err == nil && !retry && pr.ctx.Err() == nil {
		sctx, cancel := context.WithTimeout(context.WithoutCancel(pr.ctx), storeOpTimeout)
		for _, kv := range ps.validators {
			if perr := c.store.Put(sctx, kv.key, mustJSON(kv.v)); perr != nil {
				c.log.Warn("save feed validators", "source", src.Name, "key", kv.key, "err", perr)
			}
		}
		cancel()
	}
	perr := pr.err
	if perr != nil {
		perr = fmt.Errorf("source %q: %w", src.Name, perr)
	}
	ps.ss.record(pr.start, perr, ps.listed, pr.counts)
	if pr.done != nil {
		pr.done(perr)
	}
}

// record adds one poll's outcome to the source's status; start is when the poll began.
func (ss *sourceState) record(start time.Time, err error, items int, counts itemCounts) {
	ss.mu.Lock()
	ss.st.Polls++
	if !start.UTC().Before(ss.st.LastPoll) { // an overlapping later poll may have ended first
		ss.st.LastPoll = start.UTC()
		ss.st.LastPollDuration = time.Since(start)
		ss.st.LastError = ""
		if err != nil {
			ss.st.LastError = err.Error()
		}
	}
	ss.st.ItemsSeen += int64(items)
	ss.st.Fetched += counts.fetched
	ss.st.Skipped += counts.skipped
	ss.st.Failed += counts.failed
	if counts.lastErr != nil {
		ss.st.LastArticleError = counts.lastErr.Error()
	}
	ss.mu.Unlock()
}

// fetchDoc fetches a feed, sitemap or section page conditionally, with the validators saved by the
// last clean poll, and records the new ones in ps. prev is what was stored.
func (c *Crawler) fetchDoc(ctx context.Context, ps *pollState, rawURL, kind string, extra validators) (resp *Response, prev validators, err error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, prev, fmt.Errorf("fetch %s: %w", rawURL, err)
	}
	key := FeedKey(rawURL)
	prev = c.loadValidators(ctx, key)
	req := Request{URL: rawURL, ETag: prev.ETag, LastModified: prev.LastModified, Kind: kind, MaxBytes: c.cfg.MaxFeedBytes,
		Accept: "application/rss+xml,application/atom+xml,application/rdf+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5"}
	if kind == KindPage {
		req.MaxBytes, req.Accept = c.cfg.MaxBodyBytes, ""
	}
	var ferr error
	err = c.polite(ctx, ps.ss, u, true, func(ctx context.Context) bool {
		resp, ferr = c.fetcher.Fetch(ctx, req)
		return true
	})
	if err = cmp.Or(err, ferr); err != nil {
		return nil, prev, err
	}
	if resp.NotModified {
		return resp, prev, nil
	}
	if kind != KindPage {
		if resp.Body, err = Gunzip(resp.Body, c.cfg.MaxFeedBytes); err != nil {
			return nil, prev, fmt.Errorf("fetch %s: %w", rawURL, err)
		}
	}
	v := extra
	v.ETag, v.LastModified = resp.Header.Get("ETag"), resp.Header.Get("Last-Modified")
	ps.mu.Lock()
	*ps.validatorsOfLocked(key) = v
	ps.mu.Unlock()
	return resp, prev, nil
}

func (c *Crawler) loadValidators(ctx context.Context, key string) validators {
	var v validators
	raw, ok, err := c.store.Get(ctx, key)
	if err != nil {
		c.log.Warn("load feed validators", "key", key, "err", err)
		return v
	}
	if ok {
		_ = json.Unmarshal(raw, &v) // unreadable validators just mean an unconditional GET
	}
	return v
}

func (c *Crawler) collectFeed(ctx context.Context, ps *pollState, feedURL string) error {
	resp, _, err := c.fetchDoc(ctx, ps, feedURL, KindFeed, validators{})
	if err != nil || resp.NotModified {
		return err
	}
	f, err := ParseFeed(resp.Body)
	if f != nil {
		base, _ := url.Parse(resp.FinalURL)
		for _, fi := range f.Items {
			abs := resolve(base, fi.Link)
			if abs == "" {
				continue
			}
			ps.add(item{url: abs, feed: feedURL, hints: article.Hints{
				Title: fi.Title, Authors: fi.Authors, Published: fi.Published,
				Language: firstNonEmpty(fi.Language, f.Language, ps.ss.src.Language),
			}})
		}
	}
	if err != nil {
		return fmt.Errorf("feed %s: %w", feedURL, err)
	}
	return nil
}

func (c *Crawler) collectSitemap(ctx context.Context, ps *pollState, smURL string, depth int, lastmod string) error {
	resp, prev, err := c.fetchDoc(ctx, ps, smURL, KindSitemap, validators{SitemapLastMod: lastmod})
	if err != nil {
		return err
	}
	if resp.NotModified {
		if len(prev.Children) == 0 {
			return nil
		}
		return c.collectChildSitemaps(ctx, ps, smURL, depth, prev.Children)
	}
	sm, perr := ParseSitemap(resp.Body)
	if perr != nil {
		perr = fmt.Errorf("sitemap %s: %w", smURL, perr)
	}
	if sm == nil {
		return perr
	}
	base, _ := url.Parse(resp.FinalURL)
	if !sm.Index {
		for _, su := range sm.URLs {
			abs := resolve(base, su.Loc)
			if abs == "" {
				continue
			}
			it := item{url: abs, feed: smURL, hints: article.Hints{
				Title: su.NewsTitle, Published: su.NewsPublished, Language: firstNonEmpty(su.NewsLanguage, ps.ss.src.Language),
			}}
			switch {
			case su.NewsPublished != nil:
				it.when = *su.NewsPublished
			case su.LastMod != nil:
				it.when = *su.LastMod
			}
			ps.add(it)
		}
		return perr
	}
	refs := slices.Clone(sm.Sitemaps)
	slices.SortStableFunc(refs, func(a, b SitemapRef) int {
		switch {
		case a.LastMod == nil && b.LastMod == nil:
			return 0
		case a.LastMod == nil:
			return 1
		case b.LastMod == nil:
			return -1
		}
		return b.LastMod.Compare(*a.LastMod)
	})
	var children []childSitemap
	for _, ref := range refs {
		if abs := resolve(base, ref.Loc); abs != "" && len(children) < maxChildSitemaps {
			children = append(children, childSitemap{Loc: abs, LastMod: ref.rawMod})
		}
	}
	ps.updateValidators(smURL, func(v *validators) { v.Children = children })
	return errors.Join(perr, c.collectChildSitemaps(ctx, ps, smURL, depth, children))
}

// collectChildSitemaps visits an index's children, newest first, skipping those whose <lastmod> is
// the one seen at the last clean read — except the newest, which is always asked (conditionally):
// many sites never update the lastmod of their news sitemap.
func (c *Crawler) collectChildSitemaps(ctx context.Context, ps *pollState, smURL string, depth int, children []childSitemap) error {
	if depth >= maxSitemapDepth {
		return fmt.Errorf("sitemap %s: index nested deeper than %d levels", smURL, maxSitemapDepth)
	}
	var errs []error
	for i, ch := range children {
		if ctx.Err() != nil {
			break
		}
		if i > 0 && ch.LastMod != "" && c.loadValidators(ctx, FeedKey(ch.Loc)).SitemapLastMod == ch.LastMod {
			continue // unchanged since the last clean read
		}
		errs = append(errs, c.collectSitemap(ctx, ps, ch.Loc, depth+1, ch.LastMod))
	}
	return errors.Join(errs...)
}

func (c *Crawler) collectPage(ctx context.Context, ps *pollState, pageURL string) error {
	resp, prev, err := c.fetchDoc(ctx, ps, pageURL, KindPage, validators{})
	if err != nil {
		return err
	}
	feeds := prev.Feeds
	if !resp.NotModified {
		links := DiscoverLinks(resp.Body, resp.ContentType(), resp.FinalURL)
		for _, l := range links.Articles {
			h := article.Hints{Language: ps.ss.src.Language}
			if len(strings.Fields(l.Text)) >= 3 {
				h.Title = l.Text
			}
			ps.add(item{url: l.URL, hints: h, onPage: true})
		}
		feeds = links.Feeds
		if len(feeds) > maxDiscoveredFeeds {
			feeds = feeds[:maxDiscoveredFeeds]
		}
		ps.updateValidators(pageURL, func(v *validators) { v.Feeds = feeds })
	}
	var errs []error
	for _, f := range feeds {
		errs = append(errs, c.collectFeed(ctx, ps, f))
	}
	return errors.Join(errs...)
}

func resolve(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	var u *url.URL
	var err error
	if base != nil {
		u, err = base.Parse(ref)
	} else {
		u, err = url.Parse(ref)
	}
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}

// polite runs fn in a politeness slot of u's host once robots.txt allows u; fn reports whether it sent
// a request. Fetching robots.txt takes a slot of its own. It returns ErrDisallowed or ctx's error.
// A listing (feed, sitemap, section page) goes ahead of the articles waiting for its host, so that
// polls keep their schedule while a backlog of the host's articles is fetched.
func (c *Crawler) polite(ctx context.Context, ss *sourceState, u *url.URL, listing bool, fn func(ctx context.Context) bool) error {
	var order uint64
	for attempt, front := 0, listing; attempt < 3; attempt, front = attempt+1, true {
		var needRobots, disallowed, started bool
		ss.queued.Add(1)
		err := c.sched.do(ctx, u.Host, front, &order, func() {
			started = true
			ss.queued.Add(-1)
			ss.inFlight.Add(1)
		}, func(ctx context.Context) bool {
			if c.cfg.RespectRobots {
				rb, ok := c.robots.lookup(u)
				if !ok {
					needRobots = true
					return c.robots.load(ctx, u)
				}
				if !rb.AllowedURL(u) {
					disallowed = true
					return false
				}
			}
			return fn(ctx)
		})
		if started {
			ss.inFlight.Add(-1)
		} else {
			ss.queued.Add(-1)
		}
		switch {
		case err != nil:
			return fmt.Errorf("fetch %s: %w", u, err)
		case disallowed:
			return fmt.Errorf("fetch %s: %w", u, ErrDisallowed)
		case !needRobots:
			return nil
		}
	}
	return fmt.Errorf("fetch %s: robots.txt could not be loaded: %w", u, ErrDisallowed)
}

type itemCounts struct {
	fetched, skipped, failed int64
	lastErr                  error
}

// queueItems puts the poll's new items (at most MaxArticlesPerPoll) in the crawler's article
// queue, which fetches them and hands them to the sink; the poll's goroutine does not wait for them.
func (c *Crawler) queueItems(ctx context.Context, pr *pollRun) {
	ps := pr.ps
	now := time.Now()
	todo := 0
	for _, it := range ps.items {
		if ctx.Err() != nil {
			break
		}
		if fresh, pending := c.seen(ctx, it.canon, now); fresh {
			pr.count("duplicate", nil)
			c.m.countItem("duplicate")
			if pending {
				// Someone is fetching it, or was and died: look again next poll, so a dead
				// worker's lease expiring cannot be hidden behind a 304.
				ps.markRetry()
			}
			continue
		}
		if u, err := url.Parse(it.url); err == nil && c.cfg.RespectRobots {
			if rb, ok := c.robots.lookup(u); ok && !rb.AllowedURL(u) {
				pr.count("robots", nil)
				c.m.countItem("robots")
				continue
			}
		}
		if c.cfg.MaxArticlesPerPoll > 0 && todo >= c.cfg.MaxArticlesPerPoll {
			ps.markRetry() // the rest waits for the next poll, which must not get a 304
			break
		}
		todo++
		if !c.handling.add(ps.ss, it.canon) {
			// An earlier poll of this source is still on it (a backed-up sink makes polls
			// overlap): skip it here, and look again next poll.
			pr.count("duplicate", nil)
			c.m.countItem("duplicate")
			ps.markRetry()
			continue
		}
		pr.mu.Lock()
		pr.pending++
		pr.mu.Unlock()
		c.articles.push(articleJob{ctx: ctx, poll: pr, it: it, host: hostOf(it.url)})
	}
	// The queued items live on in the article queue; the poll, which lasts until the last of them
	// is handed over, need not hold a second copy of a big listing.
	ps.listed, ps.items = len(ps.items), nil
}

// startArticle fetches and hands over one queued article in a goroutine of its own, which holds
// one of the article queue's slots until the sink has returned.
func (c *Crawler) startArticle(j articleJob) {
	go func() {
		result, err := "", error(nil)
		if j.ctx.Err() == nil { // else the poll was stopped while the article waited: drop it
			result, err = c.fetchArticle(j.ctx, j.poll.ps, j.it)
			c.m.countItem(result)
		}
		c.handling.remove(j.poll.ps.ss, j.it.canon)
		c.articles.done(j.host)
		j.poll.itemDone(result, err)
	}()
}

// fetchArticle claims, fetches and sinks one article; the result is a metrics label.
//
// The page goes to the sink after its politeness slot is given back: a sink that waits (the
// pipeline's backlog gate) must not hold the slots the next feed polls need, or every poll falls
// behind schedule while the pipeline catches up. A slot of the article queue, taken before the
// fetch, bounds the pages fetched and not yet handed over instead, so they wait on the web, not in
// memory; it is held through the host's politeness wait too, so there are many
// (sinkSlotsPerWorker per worker).
func (c *Crawler) fetchArticle(ctx context.Context, ps *pollState, it item) (result string, err error) {
	u, err := url.Parse(it.url)
	if err != nil {
		return "failed", err
	}
	log := c.log.With("source", ps.ss.src.Name, "url", it.url)
	var claimed []string
	var page *article.Page
	release := func() {
		for _, canon := range claimed {
			c.release(ctx, canon)
		}
		ps.markRetry()
	}
	perr := c.polite(ctx, ps.ss, u, false, func(ctx context.Context) bool {
		ok, cerr := c.claim(ctx, it.canon)
		if cerr != nil {
			result, err = "failed", cerr
			ps.markRetry()
			return false
		}
		if !ok {
			result = "duplicate"
			ps.markRetry() // the owner may yet fail or die: see it done before trusting a 304
			return false
		}
		claimed = append(claimed, it.canon)
		resp, ferr := c.fetcher.Fetch(ctx, Request{URL: it.url, Kind: "page"})
		if ferr != nil {
			result, err = "failed", ferr
			if !permanent(ferr) {
				release()
			}
			return true
		}
		if !isHTML(resp.ContentType(), resp.Body) {
			result = "skipped"
			log.Debug("not an HTML page", "content_type", resp.ContentType())
			return true
		}
		if final, cerr := article.Canonicalize(resp.FinalURL); cerr == nil && final != it.canon {
			ok, cerr := c.claim(ctx, final)
			switch {
			case cerr != nil:
				result, err = "failed", cerr
				release()
				return true
			case !ok: // redirected to an article we already have
				result = "duplicate"
				return true
			}
			claimed = append(claimed, final)
		}
		page = &article.Page{
			URL: it.url, FinalURL: resp.FinalURL, ContentType: resp.ContentType(), Body: resp.Body,
			Fetched: resp.Fetched, Source: ps.ss.src.Name, Feed: it.feed, Hints: it.hints,
			SourceTags: ps.ss.src.Tags,
		}
		if it.onPage && c.listing(ctx, log, *page, claimed) {
			result, page = "listing", nil
		}
		return true
	})
	switch {
	case errors.Is(perr, ErrDisallowed):
		return "robots", nil
	case perr != nil:
		release()
		return "failed", perr
	case page != nil:
		result, err = c.handOver(ctx, *page, claimed, release)
	}
	if err != nil {
		log.Info("article fetch failed", "err", err)
	}
	return result, err
}

// handOver gives a fetched page to the sink and marks its claims done, or releases them (so a
// later poll retries) if the sink refused it.
func (c *Crawler) handOver(ctx context.Context, page article.Page, claimed []string, release func()) (result string, err error) {
	if serr := c.sink(ctx, page); serr != nil {
		release()
		return "failed", fmt.Errorf("sink %s: %w", page.URL, serr)
	}
	for _, canon := range claimed {
		c.finish(ctx, canon)
	}
	return "fetched", nil
}

// listing reports whether a page found on a section page is a listing (another section, a tag
// page) rather than an article; then it is not handed on, and not fetched again within the
// dedup window.
func (c *Crawler) listing(ctx context.Context, log *slog.Logger, page article.Page, claimed []string) bool {
	kind := article.KindOf(page)
	if !kind.Listing() {
		return false
	}
	log.Debug("listing page, not an article", "why", kind.Why, "measured", kind.Measured)
	for _, canon := range claimed {
		c.finish(ctx, canon)
	}
	return true
}

// seen reports whether canon has a fresh claim (fetched within DedupWindow, or being fetched
// within the claim lease); pending tells the second case.
func (c *Crawler) seen(ctx context.Context, canon string, now time.Time) (fresh, pending bool) {
	raw, ok, err := c.store.Get(ctx, URLKey(canon))
	if err != nil || !ok {
		return false, false
	}
	var cl urlClaim
	if json.Unmarshal(raw, &cl) != nil || !cl.fresh(now, c.cfg.DedupWindow, c.cfg.ClaimLease) {
		return false, false
	}
	return true, !cl.Done
}

// finish marks canon's claim done: its page reached the sink, so it is not fetched again within
// the dedup window. Like release, it runs even while shutting down.
func (c *Crawler) finish(ctx context.Context, canon string) {
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), storeOpTimeout)
	defer cancel()
	if err := c.store.Put(sctx, URLKey(canon), mustJSON(urlClaim{At: time.Now().UTC(), Done: true})); err != nil {
		c.log.Warn("mark url claim done", "url", canon, "err", err)
	}
}

// claim takes canon for this worker: created if absent, taken over if its claim expired or was
// released. false means another fetch (here or in another worker) owns it.
func (c *Crawler) claim(ctx context.Context, canon string) (bool, error) {
	key := URLKey(canon)
	now := time.Now().UTC()
	val := mustJSON(urlClaim{At: now})
	for range 3 {
		created, err := c.store.Create(ctx, key, val)
		if err != nil {
			return false, fmt.Errorf("claim %s: %w", canon, err)
		}
		if created {
			return true, nil
		}
		old, ok, err := c.store.Get(ctx, key)
		if err != nil {
			return false, fmt.Errorf("claim %s: %w", canon, err)
		}
		if !ok {
			continue // deleted in between: try to create again
		}
		var cl urlClaim
		if json.Unmarshal(old, &cl) == nil && cl.fresh(now, c.cfg.DedupWindow, c.cfg.ClaimLease) {
			return false, nil
		}
		if sw, ok := c.store.(Swapper); ok {
			swapped, err := sw.CompareAndSwap(ctx, key, old, val)
			if err != nil {
				return false, fmt.Errorf("claim %s: %w", canon, err)
			}
			return swapped, nil
		}
		if err := c.store.Put(ctx, key, val); err != nil {
			return false, fmt.Errorf("claim %s: %w", canon, err)
		}
		return true, nil
	}
	return false, nil
}

// release marks canon's claim as released so the next poll fetches it again. It runs even while
// shutting down: a claim left behind would hide the article for a whole DedupWindow.
func (c *Crawler) release(ctx context.Context, canon string) {
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), storeOpTimeout)
	defer cancel()
	if err := c.store.Put(sctx, URLKey(canon), mustJSON(urlClaim{At: time.Now().UTC(), Released: true})); err != nil {
		c.log.Warn("release url claim", "url", canon, "err", err)
	}
}

// urlSet is the set of (source, canonical URL) pairs some goroutine of this crawler is fetching or
// handing over: a source's polls overlap while a backed-up sink holds its articles, and the later
// poll must not queue the same articles again.
type urlSet struct {
	mu sync.Mutex
	m  map[sourceURL]struct{}
}

type sourceURL struct {
	ss    *sourceState
	canon string
}

// add puts (ss, canon) in the set; false if it was there already.
func (s *urlSet) add(ss *sourceState, canon string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.m == nil {
		s.m = map[sourceURL]struct{}{}
	}
	if _, ok := s.m[sourceURL{ss, canon}]; ok {
		return false
	}
	s.m[sourceURL{ss, canon}] = struct{}{}
	return true
}

func (s *urlSet) remove(ss *sourceState, canon string) {
	s.mu.Lock()
	delete(s.m, sourceURL{ss, canon})
	s.mu.Unlock()
}

// hostOf is the host (with port) of a URL, as the politeness queues key it; "" if unparsable.
func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return u.Host
}
