package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

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
	return func(ctx context.Context, p article.Page) error {
		start := time.Now()
		a, err := article.FromPage(p)
		if err != nil {
			s.Metrics.Messages.WithLabelValues("crawl", "dead").Inc()
			return s.deadLetterPage(ctx, p, err)
		}
		hash := contentHash(a)
		if store != nil {
			created, err := store.Create(ctx, "content."+hash, []byte(a.ID))
			if err != nil {
				return fmt.Errorf("remember content of %s: %w", a.URL, err)
			}
			if !created {
				owner, _, err := store.Get(ctx, "content."+hash)
				if err != nil {
					return fmt.Errorf("look up content of %s: %w", a.URL, err)
				}
				if string(owner) != a.ID {
					s.Metrics.Messages.WithLabelValues("crawl", "duplicate_content").Inc()
					s.log().Debug("same content already published under another URL", "url", a.URL, "article_id", string(owner))
					return nil
				}
			}
		}
		data, err := json.Marshal(a)
		if err != nil {
			return fmt.Errorf("encode article %s: %w", a.URL, err)
		}
		if _, err := s.Bus.Publish(ctx, bus.SubjectFetched, a.ID+"."+hash[:12]+".fetched", data, nil); err != nil {
			return err
		}
		s.Metrics.Messages.WithLabelValues("crawl", "published").Inc()
		s.Metrics.StageTime.WithLabelValues("crawl").Observe(time.Since(start).Seconds())
		return nil
	}
}

// contentHash identifies an article body regardless of where it was found: whitespace and case
// differences between two copies of a syndicated story do not make them different.
func contentHash(a *article.Article) string {
	h := sha256.New()
	h.Write([]byte(strings.ToLower(strings.Join(strings.Fields(a.Title+" "+a.Text), " "))))
	return hex.EncodeToString(h.Sum(nil))[:32]
}

func (s *Stages) deadLetterPage(ctx context.Context, p article.Page, cause error) error {
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
	_, err = s.Bus.Publish(ctx, bus.SubjectDeadPrefix+"crawl", id+".dead.crawl", data, map[string]string{
		bus.HeaderError: cause.Error(), bus.HeaderStage: "crawl",
	})
	if err != nil {
		return err
	}
	s.log().Warn("page dead-lettered", "stage", "crawl", "url", u, "reason", cause)
	return nil
}

// RunExtract consumes fetched articles with workers concurrent consumers, runs the chain and
// publishes enriched articles, until ctx ends.
func (s *Stages) RunExtract(ctx context.Context, chain *extract.Chain, workers int) error {
	cfg := bus.ConsumerConfig{Stream: bus.StreamFetched, Subject: bus.SubjectFetched, Durable: DurableExtract,
		Stage: "extract", MaxDeliver: s.MaxDeliver, Backoff: s.Backoff, AckWait: s.ackWait()}
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
		if err := chain.Run(ctx, &a); err != nil {
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
	g, ctx := errgroup.WithContext(ctx)
	for range max(workers, 1) {
		g.Go(func() error { return s.Bus.Consume(ctx, cfg, handle) })
	}
	return g.Wait()
}

// Matcher is what the index stage asks of the alert engine.
type Matcher interface {
	Match(ctx context.Context, a *article.Article) ([]alert.Event, error)
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
			if matcher == nil {
				continue
			}
			if err := s.publishAlerts(ctx, matcher, a); err != nil {
				for _, i := range pos[a.ID] {
					errs[i] = err
				}
			}
		}
		return errs
	})
}

// temporary reports whether a per-article index error says "try again later" (HTTP 429/5xx).
func temporary(err error) bool {
	var t interface{ Temporary() bool }
	return errors.As(err, &t) && t.Temporary()
}

func (s *Stages) publishAlerts(ctx context.Context, matcher Matcher, a *article.Article) error {
	events, err := matcher.Match(ctx, a)
	if err != nil {
		return fmt.Errorf("match alerts on %s: %w", a.ID, err)
	}
	for _, ev := range events {
		if err := s.PublishAlert(ctx, ev); err != nil {
			return err
		}
		s.Metrics.Alerts.Inc()
		if !a.Fetched.IsZero() {
			s.Metrics.Alerted.Observe(time.Since(a.Fetched).Seconds())
		}
		if s.OnAlert != nil {
			s.OnAlert(a, ev, time.Now())
		}
		s.log().Info("alert fired", "rule", ev.RuleName, "article_id", a.ID, "title", a.Title)
	}
	return nil
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

// ForwardAlerts delivers every alert event published on the bus (by any index worker) to fn, e.g.
// the API's SSE hub, until ctx ends.
func (s *Stages) ForwardAlerts(ctx context.Context, fn func(alert.Event)) error {
	return s.Bus.Subscribe(ctx, bus.SubjectAlertPrefix+">", func(data []byte) {
		var ev alert.Event
		if err := json.Unmarshal(data, &ev); err != nil {
			s.log().Warn("undecodable alert event", "err", err)
			return
		}
		fn(ev)
	})
}
