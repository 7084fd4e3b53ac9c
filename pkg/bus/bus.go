// Package bus owns newsmon's use of NATS JetStream: the streams and subjects articles travel on,
// publishing with Msg-Id deduplication and retry, the consume loop that alone decides how a delivery
// ends (ack, retry with backoff, or dead letter), key-value buckets for shared state (with the
// embedded server, their per-article keys in files of the process running it), and the embedded
// server used when no external NATS is given, which admits no client without its credentials; and
// how to present credentials and TLS to an external server. It is the only package that imports
// nats.go; it knows nothing of articles beyond opaque bytes.
package bus

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsmon/newsmon/internal/redact"
)

// Subjects. Messages carry the enriched-article JSON of docs/contracts.md §1 (alerts carry alert events).
const (
	SubjectFetched  = "newsmon.article.fetched"
	SubjectEnriched = "newsmon.article.enriched"
	// SubjectAlertPrefix + rule id receives the rule's alert events, so a consumer can follow
	// one rule ("news.alert.jiangsu") or all of them ("news.alert.>").
	SubjectAlertPrefix = "news.alert."
	// SubjectDeadPrefix + stage name ("extract", "index") receives messages that could not be
	// processed, with the reason in the HeaderError header.
	SubjectDeadPrefix = "newsmon.dead."
)

// Streams holding the subjects above.
const (
	StreamFetched  = "NEWSMON_FETCHED"
	StreamEnriched = "NEWSMON_ENRICHED"
	StreamAlerts   = "NEWSMON_ALERTS"
	StreamDead     = "NEWSMON_DEAD"
)

// AlertDuplicateWindow is how long the alert stream remembers event ids. An alert claimed but not
// yet recorded delivered is published again, under the same id, by whichever worker next gets its
// story (alert.Matcher.Match); this window is how late that may happen — a worker that died and a
// pipeline that stayed down meanwhile — and still be dropped as a duplicate. Alerts are few, so a
// day of ids costs little memory, unlike the article streams' window.
const AlertDuplicateWindow = 24 * time.Hour

// Headers set on dead letters.
const (
	HeaderError           = "Newsmon-Error"
	HeaderStage           = "Newsmon-Stage"
	HeaderOriginalSubject = "Newsmon-Original-Subject"
	HeaderDeliveries      = "Newsmon-Deliveries"
)

// ErrPermanent marks a handler error that retrying cannot fix (undecodable message, a bug, a
// document the index rejects): the message goes straight to the dead-letter stream.
var ErrPermanent = errors.New("permanent failure")

// ErrUnavailable marks a handler error caused by a dependency being down (the index answering
// 429/503, timing out): the message is held and retried without counting towards MaxDeliver.
var ErrUnavailable = errors.New("dependency unavailable")

// Unavailable wraps err so that errors.Is(err, ErrUnavailable) holds.
func Unavailable(err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%w: %w", ErrUnavailable, err)
}

// Permanent wraps err so that errors.Is(err, ErrPermanent) holds.
func Permanent(err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%w: %w", ErrPermanent, err)
}

// Config says how to reach NATS and how the streams are laid out.
type Config struct {
	URL      string        // nats://host:port[,nats://…]
	Name     string        // connection name shown by the server
	Replicas int           // stream and bucket replicas (1 for a single server, 3 in a cluster)
	MaxAge   time.Duration // how long article streams keep messages
	// DuplicateWindow is how long the server remembers Msg-Ids for deduplication (default 5 min).
	// It must outlast a publish retry and a crawl claim's lease (2 min), after which another crawler
	// may fetch and publish the same article again; longer is not safer but costs memory: the
	// server keeps every id of the window in memory, ~120 bytes each (measured in a heap profile);
	// an hour at 300 articles/s, three streams, would be ~3.2 million ids, ~400 MB. Later copies are harmless anyway: article ids are
	// stable, indexing is idempotent and alerts fire once per story.
	DuplicateWindow time.Duration

	// How to prove who we are to a server that asks (all optional; see Auth).
	Auth Auth

	// StateDir, when set, makes this process the owner of the buckets' packed keys (see
	// PackedKV): it keeps them in files there and answers the other processes' operations on
	// them. Only the process running the embedded server sets it; empty: they live in NATS.
	StateDir string
}

// Auth are the credentials and TLS settings for a NATS server that requires them. A user and
// password may instead be given in URL (nats://user:password@host).
type Auth struct {
	// CredsFile is a NATS user credentials file (a JWT and nkey seed, as `nsc` writes them) or
	// a file holding an nkey user seed (SU…).
	CredsFile string
	User      string
	Password  string
	// TLSCA is a PEM file of the certificate authorities to trust for the server's certificate
	// (default: the system's); giving it turns TLS on.
	TLSCA string
	// TLSCert and TLSKey are this client's certificate and key, for servers that verify clients
	// (mutual TLS); giving them turns TLS on.
	TLSCert string
	TLSKey  string
}

func (c *Config) defaults() {
	if c.Replicas <= 0 {
		c.Replicas = 1
	}
	if c.MaxAge <= 0 {
		c.MaxAge = 7 * 24 * time.Hour
	}
	if c.DuplicateWindow <= 0 {
		c.DuplicateWindow = 5 * time.Minute
	}
	if c.Name == "" {
		c.Name = "newsmon"
	}
}

// Bus is a connection to NATS with JetStream.
type Bus struct {
	cfg Config
	nc  *nats.Conn
	js  jetstream.JetStream
	log *slog.Logger

	stateMu   sync.Mutex             // guards states and stateSubs
	states    map[string]*localStore // by bucket, when cfg.StateDir is set
	stateSubs []*nats.Subscription
}

// Connect dials NATS (retrying while the server is not up yet, reconnecting forever after) and
// makes sure newsmon's streams exist.
func Connect(ctx context.Context, cfg Config, log *slog.Logger) (*Bus, error) {
	cfg.defaults()
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	log = log.With("component", "bus")
	var certRequested atomic.Bool
	authOpts, err := cfg.Auth.options(strings.Contains(cfg.URL, "tls://"), &certRequested)
	if err != nil {
		return nil, err
	}
	// A server refusing our credentials or certificate (or we its) will not change its mind on the
	// next attempt: refused carries that to the start-up below, which gives up at once with the
	// reason instead of waiting for a timeout; later, while the connection retries forever, it
	// is logged once per distinct reason.
	refused := make(chan error, 1)
	var lastRefusal refusalLog
	var started atomic.Bool
	onRefusal := func(err error) {
		if !isRefusal(err) {
			if !certRequested.Load() {
				return
			}
			err = fmt.Errorf("the server asks for a client certificate (--nats-tls-cert, --nats-tls-key) and none is given: %w", err)
		}
		select {
		case refused <- err:
		default:
		}
		if started.Load() && lastRefusal.changed(err) { // before, Connect returns it
			log.Error("nats refused the connection: check the NATS credentials and TLS settings", "err", redact.Error(err))
		}
	}
	opts := append([]nats.Option{
		nats.Name(cfg.Name),
		nats.RetryOnFailedConnect(true),
		nats.MaxReconnects(-1),
		nats.ReconnectWait(250 * time.Millisecond),
		// By default the client closes the connection for good after the same server refused its
		// credentials twice; a worker keeps trying (and saying why) until an operator fixes them.
		nats.IgnoreAuthErrorAbort(),
		nats.DisconnectErrHandler(func(_ *nats.Conn, err error) {
			if err != nil {
				log.Warn("nats disconnected", "err", redact.Error(err))
			}
		}),
		// The first failed attempt is reported here, TLS failures included.
		nats.ReconnectErrHandler(func(_ *nats.Conn, err error) { onRefusal(err) }),
		// A refusal of the credentials on a later attempt comes here, with the server's other
		// complaints (a slow consumer, a permission violation), which nats.go would otherwise
		// print to stderr past the log.
		nats.ErrorHandler(func(_ *nats.Conn, sub *nats.Subscription, err error) {
			if isRefusal(err) {
				onRefusal(err)
				return
			}
			if sub != nil {
				log.Warn("nats error", "subject", sub.Subject, "err", redact.Error(err))
			} else {
				log.Warn("nats error", "err", redact.Error(err))
			}
		}),
		// The URL may carry user and password (or a token): only ever show it redacted.
		nats.ReconnectHandler(func(c *nats.Conn) {
			lastRefusal.clear() // a refusal after this one is news again
			log.Info("nats reconnected", "url", redact.URL(c.ConnectedUrl()))
		}),
	}, authOpts...)
	nc, err := nats.Connect(cfg.URL, opts...)
	if err != nil {
		return nil, fmt.Errorf("connect nats %s: %w", redact.URL(cfg.URL), redact.Error(err))
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("jetstream on %s: %w", redact.URL(cfg.URL), redact.Error(err))
	}
	b := &Bus{cfg: cfg, nc: nc, js: js, log: log}
	sctx, stop := context.WithCancelCause(ctx)
	defer stop(nil)
	go func() {
		select {
		case err := <-refused:
			stop(&refusedError{url: cfg.URL, err: err})
		case <-sctx.Done():
		}
	}()
	if err := b.ensureStreams(sctx); err != nil {
		nc.Close()
		var re *refusedError
		if cause := context.Cause(sctx); errors.As(cause, &re) {
			return nil, re
		}
		return nil, err
	}
	started.Store(true)
	return b, nil
}

// Close drains the connection so in-flight acks and publishes are delivered, and closes the
// state files this process owns once it stops serving them.
func (b *Bus) Close() error {
	if b.nc.IsClosed() {
		return b.closeStates()
	}
	b.stateMu.Lock()
	for _, sub := range b.stateSubs {
		_ = sub.Drain()
	}
	b.stateMu.Unlock()
	err := b.nc.Drain()
	return errors.Join(err, b.closeStates())
}

func (b *Bus) closeStates() error {
	b.stateMu.Lock()
	defer b.stateMu.Unlock()
	var errs []error
	for bucket, s := range b.states {
		errs = append(errs, s.close())
		delete(b.states, bucket)
	}
	return errors.Join(errs...)
}

// Connected reports whether the connection is up; readiness probes use it.
func (b *Bus) Connected() bool { return b.nc.IsConnected() }

func (b *Bus) ensureStreams(ctx context.Context) error {
	streams := []jetstream.StreamConfig{
		{Name: StreamFetched, Subjects: []string{SubjectFetched}, MaxAge: b.cfg.MaxAge},
		{Name: StreamEnriched, Subjects: []string{SubjectEnriched}, MaxAge: b.cfg.MaxAge},
		{Name: StreamAlerts, Subjects: []string{SubjectAlertPrefix + ">"}, MaxAge: 30 * 24 * time.Hour},
		{Name: StreamDead, Subjects: []string{SubjectDeadPrefix + ">"}, MaxAge: 30 * 24 * time.Hour},
	}
	for _, sc := range streams {
		sc.Storage = jetstream.FileStorage
		sc.Retention = jetstream.LimitsPolicy
		sc.Replicas = b.cfg.Replicas
		sc.Duplicates = b.cfg.DuplicateWindow
		if sc.Name == StreamAlerts {
			sc.Duplicates = max(sc.Duplicates, AlertDuplicateWindow)
		}
		if !queueStreams[sc.Name] {
			// Records are kept for weeks and rarely read again: compressed (S2, each block as it
			// fills) they take ~half the disk. Queue streams are read as they are written.
			sc.Compression = jetstream.S2Compression
		}
		if err := retryAPI(ctx, func(ctx context.Context) error {
			_, err := b.js.CreateOrUpdateStream(ctx, sc)
			return err
		}); err != nil {
			return fmt.Errorf("create stream %s: %w", sc.Name, err)
		}
	}
	return nil
}

// retry runs op until it succeeds, ctx ends, or 30 s pass: JetStream answers "no responders" or
// times out for a while after a server (re)start.
func retry(ctx context.Context, op func() error) error {
	deadline := time.Now().Add(30 * time.Second)
	wait := 100 * time.Millisecond
	for {
		err := op()
		if err == nil || !transient(err) || time.Now().After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return errors.Join(err, ctx.Err())
		case <-time.After(wait):
		}
		wait = min(2*wait, 2*time.Second)
	}
}

// apiAttemptTimeout bounds one JetStream API request of retryAPI. A clustered server can leave a
// request unanswered (several workers creating the same R3 stream or consumer at once, seen with
// nats-server 2.15: nats-io/nats-server#3677, #8350); without a bound a worker would wait out its
// whole start-up deadline instead of asking again.
const apiAttemptTimeout = 10 * time.Second

// retryAPI is retry for JetStream API requests (creating streams, buckets, consumers): each
// attempt gets its own deadline of apiAttemptTimeout.
func retryAPI(ctx context.Context, op func(ctx context.Context) error) error {
	return retry(ctx, func() error {
		actx, cancel := context.WithTimeout(ctx, apiAttemptTimeout)
		defer cancel()
		return op(actx)
	})
}

func transient(err error) bool {
	return errors.Is(err, nats.ErrNoResponders) || errors.Is(err, nats.ErrTimeout) ||
		errors.Is(err, context.DeadlineExceeded) || errors.Is(err, nats.ErrConnectionClosed) ||
		errors.Is(err, nats.ErrDisconnected) || errors.Is(err, nats.ErrConnectionReconnecting) ||
		errors.Is(err, jetstream.ErrNoStreamResponse) || errors.Is(err, jetstream.ErrJetStreamNotEnabled)
}
