package pipeline

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/sync/errgroup"

	"github.com/newsmon/newsmon/pkg/alert"
	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/extract"
	"github.com/newsmon/newsmon/pkg/index"
)

// Durable consumer names: every worker of a stage uses the same one, so they share the work.
const (
	DurableExtract = "newsmon-extract"
	DurableIndex   = "newsmon-index"
)

// Stages runs the pipeline's stages between the bus and the domain packages.
type Stages struct {
	Bus     *bus.Bus
	Log     *slog.Logger
	Metrics *Metrics
	// Retry tunes redelivery; zero values take the bus defaults.
	MaxDeliver int
	Backoff    time.Duration
	// AckWait is how long a worker may hold a message before the server gives it to another
	// worker: the time to recover from a worker that died holding it (0: 30 s).
	AckWait time.Duration
	// OnIndexed and OnAlert, when set, observe each article once it is durably indexed and each
	// alert once it is published (benchmarks measure latency with them). They must be fast.
	OnIndexed func(a *article.Article, at time.Time)
	OnAlert   func(a *article.Article, ev alert.Event, at time.Time)
	// ExtractCPU bounds how many extract workers run the extractor chain at once (0: one less
	// than GOMAXPROCS, at least 1). The chain is pure CPU; with every P busy in it, the goroutines
	// of the index stage, the crawler and the embedded NATS server wait up to a scheduler time
	// slice (10 ms) at each network hop, and the index stage falls behind. The other workers
	// meanwhile decode, publish and wait on the bus.
	ExtractCPU int
	// MaxBacklog holds the crawler back (the crawl sink waits) while more than this many fetched
	// articles wait for the extract and index stages (0: DefaultMaxBacklog; negative: never wait).
	MaxBacklog int
}

func (s *Stages) extractCPU() int {
	if s.ExtractCPU > 0 {
		return s.ExtractCPU
	}
	return max(1, runtime.GOMAXPROCS(0)-1)
}

func (s *Stages) ackWait() time.Duration {
	if s.AckWait <= 0 {
		return 30 * time.Second
	}
	return s.AckWait
}

func (s *Stages) log() *slog.Logger {
	if s.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return s.Log
}

// ContentStore is the part of the crawl state store the crawl sink uses to remember article
// bodies already published (crawl.Store and bus.KV satisfy it).
type ContentStore interface {
	Create(ctx context.Context, key string, val []byte) (bool, error)
	Get(ctx context.Context, key string) ([]byte, bool, error)
}

// CrawlSink returns the function the crawler hands each fetched page to: it extracts the article,
// drops a body already published under another URL, and publishes it on newsmon.article.fetched.
// A page from which no article can be extracted is dead-lettered with the reason (it was accepted,
// so it must not vanish silently).
func (s *Stages) CrawlSink(store ContentStore) func(ctx context.Context, p article.Page) error {
	var gate *backlogGate
	if s.MaxBacklog >= 0 {
		gate = newBacklogGate(s.Bus, cmp.Or(s.MaxBacklog, DefaultMaxBacklog), s.log())
	}
	return func(ctx context.Context, p article.Page) error {
		if err := gate.wait(ctx); err != nil {
			return err
		}
		start := time.Now()
		a, err := article.FromPage(p)
		if err != nil {
			s.Metrics.Messages.WithLabelValues("crawl", "dead").Inc()
			return s.DeadLetterPage(ctx, "crawl", p, err)
		}
		_, err = s.publishFetched(ctx, store, a, "crawl", start)
		return err
	}
}

// Outcome says what became of an article handed to the fetched stream.
type Outcome int

const (
	// Published: the article is on newsmon.article.fetched, on its way to extract and index.
	Published Outcome = iota
	// DuplicateContent: the same title and text were already published under another URL.
	DuplicateContent
	// DuplicateMessage: this very article (same id, same content) was published moments ago,
	// within the bus's duplicate window; the server dropped the copy.
	DuplicateMessage
)

// ArticleSink returns the function an importer hands each article to: the crawl sink's path
// for articles made outside the crawler (archives, exports). Same content dedup against the crawl
// store, same message ids, same backlog gate, so an import and a crawl can feed one pipeline.
func (s *Stages) ArticleSink(store ContentStore) func(ctx context.Context, a *article.Article) (Outcome, error) {
	var gate *backlogGate
	if s.MaxBacklog >= 0 {
		gate = newBacklogGate(s.Bus, cmp.Or(s.MaxBacklog, DefaultMaxBacklog), s.log())
	}
	return func(ctx context.Context, a *article.Article) (Outcome, error) {
		if err := gate.wait(ctx); err != nil {
			return Published, err
		}
		return s.publishFetched(ctx, store, a, "import", time.Now())
	}
}

// publishFetched drops an article whose body was already published under another URL, else
// publishes it on newsmon.article.fetched; stage labels the metrics.
func (s *Stages) publishFetched(ctx context.Context, store ContentStore, a *article.Article, stage string, start time.Time) (Outcome, error) {
	hash := contentHash(a)
	if store != nil {
		created, err := store.Create(ctx, "content."+hash, []byte(a.ID))
		if err != nil {
			return Published, fmt.Errorf("remember content of %s: %w", a.URL, err)
		}
		if !created {
			owner, _, err := store.Get(ctx, "content."+hash)
			if err != nil {
				return Published, fmt.Errorf("look up content of %s: %w", a.URL, err)
			}
			if string(owner) != a.ID {
				s.Metrics.Messages.WithLabelValues(stage, "duplicate_content").Inc()
				s.log().Debug("same content already published under another URL", "url", a.URL, "article_id", string(owner))
				return DuplicateContent, nil
			}
		}
	}
	data, err := json.Marshal(a)
	if err != nil {
		return Published, fmt.Errorf("encode article %s: %w", a.URL, err)
	}
	dup, err := s.Bus.Publish(ctx, bus.SubjectFetched, a.ID+"."+hash[:12]+".fetched", data, nil)
	if err != nil {
		return Published, err
	}
	if dup {
		s.Metrics.Messages.WithLabelValues(stage, "duplicate_message").Inc()
		return DuplicateMessage, nil
	}
	s.Metrics.Messages.WithLabelValues(stage, "published").Inc()
	s.Metrics.StageTime.WithLabelValues(stage).Observe(time.Since(start).Seconds())
	return Published, nil
}

// contentHash identifies an article body regardless of where it was found: whitespace and case
// differences between two copies of a syndicated story do not make them different.
//
// It hashes strings.ToLower(strings.Join(strings.Fields(title+" "+text), " ")) — the value stored
// in the crawl bucket, so it must not change — without building that string: words are lowered
// rune by rune into a small reused buffer and streamed into the hash.
func contentHash(a *article.Article) string {
	h := sha256.New()
	var buf [512]byte
	out := buf[:0]
	first := true
	for _, part := range [2]string{a.Title, a.Text} {
		for word := range strings.FieldsSeq(part) {
			if !first {
				out = append(out, ' ')
			}
			first = false
			for _, r := range word { // invalid UTF-8 decodes to RuneError, as strings.ToLower maps it
				if r < utf8.RuneSelf {
					if 'A' <= r && r <= 'Z' {
						r += 'a' - 'A'
					}
					out = append(out, byte(r))
				} else {
					out = utf8.AppendRune(out, unicode.ToLower(r))
				}
				if len(out) >= len(buf)-utf8.UTFMax {
					h.Write(out)
					out = out[:0]
				}
			}
		}
	}
	h.Write(out)
	var sum [sha256.Size]byte
	return hex.EncodeToString(h.Sum(sum[:0]))[:32]
}

// DeadLetterPage records on newsmon.dead.<stage> a page that was accepted but yields no article,
// with the reason, so it does not vanish silently.
func (s *Stages) DeadLetterPage(ctx context.Context, stage string, p article.Page, cause error) error {
	u := p.FinalURL
	if u == "" {
		u = p.URL
	}
	canonical, err := article.Canonicalize(u)
	if err != nil {
		canonical = u
	}
	id := article.IDFor(canonical)
	stub := article.Article{ID: id, URL: u, CanonicalURL: canonical, Source: p.Source, Feed: p.Feed, Fetched: p.Fetched}
	stub.Normalize()
	data, _ := json.Marshal(stub)
	_, err = s.Bus.Publish(ctx, bus.SubjectDeadPrefix+stage, id+".dead."+stage, data, map[string]string{
		bus.HeaderError: cause.Error(), bus.HeaderStage: stage,
	})
	if err != nil {
		return err
	}
	s.log().Warn("page dead-lettered", "stage", stage, "url", u, "reason", cause)
	return nil
}

// RunExtract consumes fetched articles with workers concurrent consumers, runs the chain and
// publishes enriched articles, until ctx ends.
func (s *Stages) RunExtract(ctx context.Context, chain *extract.Chain, workers int) error {
	cfg := bus.ConsumerConfig{Stream: bus.StreamFetched, Subject: bus.SubjectFetched, Durable: DurableExtract,
		Stage: "extract", MaxDeliver: s.MaxDeliver, Backoff: s.Backoff, AckWait: s.ackWait()}
	cpu := make(chan struct{}, s.extractCPU()) // a token per chain run allowed at once
	handle := func(ctx context.Context, d bus.Delivery) error {
		start := time.Now()
		var a article.Article
		if err := json.Unmarshal(d.Data, &a); err != nil {
			s.Metrics.Messages.WithLabelValues("extract", "undecodable").Inc()
			return bus.Permanent(fmt.Errorf("decode fetched article: %w", err))
		}
		if a.ID == "" || a.Text == "" {
			return bus.Permanent(errors.New("fetched article has no id or no text"))
		}
		if err := runLimited(ctx, cpu, func() error { return chain.Run(ctx, &a) }); err != nil {
			s.Metrics.Messages.WithLabelValues("extract", "failed").Inc()
			return err
		}
		data, err := json.Marshal(&a)
		if err != nil {
			return bus.Permanent(fmt.Errorf("encode enriched article %s: %w", a.ID, err))
		}
		msgID := strings.TrimSuffix(d.MsgID, ".fetched") + ".enriched"
		if d.MsgID == "" {
			msgID = a.ID + ".enriched"
		}
		if _, err := s.Bus.Publish(ctx, bus.SubjectEnriched, msgID, data, nil); err != nil {
			return err
		}
		s.Metrics.Messages.WithLabelValues("extract", "ok").Inc()
		s.Metrics.StageTime.WithLabelValues("extract").Observe(time.Since(start).Seconds())
		return nil
	}
	// One consumer fetching for all idle workers at once: a pull round trip per message and
	// worker cost more than the JSON of the article.
	return s.Bus.ConsumeConcurrent(ctx, cfg, max(workers, 1), handle)
}

// runLimited runs fn holding one of the tokens of sem, released even if fn panics (the bus
// recovers handler panics and retries; a leaked token would stall the stage).
func runLimited(ctx context.Context, sem chan struct{}, fn func() error) error {
	select {
	case sem <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { <-sem }()
	return fn()
}

// Matcher is what the index stage asks of the alert engine (alert.Matcher): the events an article
// fires, each owed until Delivered records it published — Match returns an owed event again, for
// the redelivered article of a worker that died before recording it.
type Matcher interface {
	Match(ctx context.Context, a *article.Article) ([]alert.Event, error)
	// Delivered records ev published; first is true for the one call that recorded it.
	Delivered(ctx context.Context, ev alert.Event) (first bool, err error)
}

// SurgeMatcher is a Matcher that also runs surge rules (alert.Matcher): they count the matching
// articles in the index, so the index stage hands it the index the article was just written to.
type SurgeMatcher interface {
	MatchSurges(ctx context.Context, a *article.Article, idx alert.Searcher) ([]alert.Event, error)
}

// FirstMentionMatcher is a Matcher that also runs rules of mode first_mention (alert.Matcher): they
// ask the index whether an entity was mentioned before, so the index stage hands it the index.
type FirstMentionMatcher interface {
	MatchFirstMentions(ctx context.Context, a *article.Article, idx alert.Searcher) ([]alert.Event, error)
}

// RunIndex consumes enriched articles in batches, writes them to idx, acknowledges each only once
// it is written, then runs the alert rules on it and publishes what fires, until ctx ends.
func (s *Stages) RunIndex(ctx context.Context, idx index.Index, matcher Matcher, batch int) error {
	if batch <= 0 {
		batch = 100
	}
	cfg := bus.ConsumerConfig{Stream: bus.StreamEnriched, Subject: bus.SubjectEnriched, Durable: DurableIndex,
		Stage: "index", MaxDeliver: s.MaxDeliver, Backoff: s.Backoff, Batch: batch,
		MaxWait: 250 * time.Millisecond, AckWait: s.ackWait()}
	return s.Bus.ConsumeBatch(ctx, cfg, func(ctx context.Context, ds []bus.Delivery) []error {
		start := time.Now()
		errs := make([]error, len(ds))
		arts := make([]*article.Article, 0, len(ds))
		pos := make(map[string][]int, len(ds)) // article id → deliveries carrying it
		for i, d := range ds {
			a := new(article.Article)
			if err := json.Unmarshal(d.Data, a); err != nil || a.ID == "" {
				errs[i] = bus.Permanent(fmt.Errorf("decode enriched article: %v", err))
				continue
			}
			if _, dup := pos[a.ID]; !dup {
				arts = append(arts, a)
			}
			pos[a.ID] = append(pos[a.ID], i)
		}
		if len(arts) == 0 {
			return errs
		}
		err := idx.Put(ctx, arts)
		var bulk *index.BulkError
		switch {
		case err == nil:
		case errors.As(err, &bulk):
			for id, cause := range bulk.Failed {
				if temporary(cause) {
					cause = bus.Unavailable(cause)
				}
				for _, i := range pos[id] {
					errs[i] = cause
				}
			}
		default:
			// The whole batch failed: the backend is down, overloaded or unreachable. Hold the
			// batch and retry it (bus.ErrUnavailable) rather than spend its delivery attempts.
			for i := range errs {
				if errs[i] == nil {
					errs[i] = bus.Unavailable(fmt.Errorf("index batch: %w", err))
				}
			}
			s.Metrics.Messages.WithLabelValues("index", "unavailable").Add(float64(len(arts)))
			return errs
		}
		s.Metrics.StageTime.WithLabelValues("index").Observe(time.Since(start).Seconds())
		var indexed []*article.Article
		for _, a := range arts {
			first := pos[a.ID][0]
			if errs[first] != nil {
				s.Metrics.Messages.WithLabelValues("index", "failed").Inc()
				continue
			}
			s.Metrics.Messages.WithLabelValues("index", "ok").Inc()
			if !a.Fetched.IsZero() {
				s.Metrics.Searchable.Observe(time.Since(a.Fetched).Seconds())
			}
			if s.OnIndexed != nil {
				s.OnIndexed(a, time.Now())
			}
			indexed = append(indexed, a)
		}
		if matcher == nil {
			return errs
		}
		// Matching is a few KV round trips per article (story bands, fired keys), so the batch's
		// articles are matched concurrently; the matcher is safe for concurrent use (it is shared
		// by every index worker). Each delivery is still acknowledged only after its alerts.
		alertErrs := make([]error, len(indexed))
		var g errgroup.Group
		g.SetLimit(alertWorkers)
		for k, a := range indexed {
			g.Go(func() error {
				alertErrs[k] = s.publishAlerts(ctx, matcher, idx, a)
				return nil
			})
		}
		_ = g.Wait()
		for k, a := range indexed {
			if alertErrs[k] == nil {
				continue
			}
			for _, i := range pos[a.ID] {
				errs[i] = alertErrs[k]
			}
		}
		return errs
	})
}

// alertWorkers bounds the articles of an index batch matched against the alert rules at once:
// the matching waits on NATS round trips far more than it computes, and each hop waits longer
// while the CPU is busy extracting. 48 indexed a 4,000-article flood at 175–248 articles/s where
// 16 managed 126–144 (BENCHMARKS.md); 96 was no better. Concurrent matches of near-duplicate
// stories are reconciled by the matcher's compare-and-swap on its story keys.
const alertWorkers = 48

// temporary reports whether a per-article index error says "try again later" (HTTP 429/5xx).
func temporary(err error) bool {
	var t interface{ Temporary() bool }
	return errors.As(err, &t) && t.Temporary()
}

// publishAlerts publishes the events the article fires, each under its event id (a copy published
// again, by a redelivery or a concurrent worker, is dropped by JetStream), then records it
// delivered. Only then may the article be acknowledged: any error leaves the rest owed to the
// redelivery. The alert counts (metrics, OnAlert, the log) once, where Delivered says first.
// Surge and first-mention rules search idx, which already holds the article.
func (s *Stages) publishAlerts(ctx context.Context, matcher Matcher, idx index.Index, a *article.Article) error {
	events, err := matcher.Match(ctx, a)
	var errs []error
	if err != nil { // the events returned fired all the same: publish them
		errs = append(errs, fmt.Errorf("match alerts on %s: %w", a.ID, err))
	}
	if sm, ok := matcher.(SurgeMatcher); ok {
		surges, err := sm.MatchSurges(ctx, a, idx)
		if err != nil {
			errs = append(errs, fmt.Errorf("match surge alerts on %s: %w", a.ID, err))
		}
		events = append(events, surges...)
	}
	if fm, ok := matcher.(FirstMentionMatcher); ok {
		firsts, err := fm.MatchFirstMentions(ctx, a, idx)
		if err != nil {
			errs = append(errs, fmt.Errorf("match first-mention alerts on %s: %w", a.ID, err))
		}
		events = append(events, firsts...)
	}
	for _, ev := range events {
		if err := s.PublishAlert(ctx, ev); err != nil {
			errs = append(errs, err)
			continue
		}
		first, err := matcher.Delivered(ctx, ev)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if !first {
			continue
		}
		s.Metrics.Alerts.Inc()
		if !a.Fetched.IsZero() {
			s.Metrics.Alerted.Observe(time.Since(a.Fetched).Seconds())
		}
		if s.OnAlert != nil {
			s.OnAlert(a, ev, time.Now())
		}
		s.log().Info("alert fired", "rule", ev.RuleName, "kind", cmp.Or(ev.Kind, alert.KindStory), "article_id", a.ID, "title", a.Title)
	}
	return errors.Join(errs...)
}

// PublishAlert stores an alert event on news.alert.<rule id>, deduplicated by its id. Digests
// (alert.Matcher.RunDigests) are published with it too.
func (s *Stages) PublishAlert(ctx context.Context, ev alert.Event) error {
	data, err := json.Marshal(ev)
	if err != nil {
		return fmt.Errorf("encode alert %s: %w", ev.ID, err)
	}
	_, err = s.Bus.Publish(ctx, bus.SubjectAlertPrefix+ev.RuleID, ev.ID, data, nil)
	return err
}

// ForwardAlerts delivers to fn, in order, the last `recent` alert events stored on the bus (the
// history a restart must not forget) and then every new one, by any index worker, e.g. to the
// API's SSE hub, until ctx ends. It reads the alert stream, not the subject: a copy published
// again under the same event id (by a redelivered article) is not stored, so it is not forwarded.
func (s *Stages) ForwardAlerts(ctx context.Context, recent int, fn func(alert.Event)) error {
	return s.Bus.Follow(ctx, bus.StreamAlerts, bus.SubjectAlertPrefix+">", recent, func(data []byte) {
		var ev alert.Event
		if err := json.Unmarshal(data, &ev); err != nil {
			s.log().Warn("undecodable alert event", "err", err)
			return
		}
		fn(ev)
	})
}
