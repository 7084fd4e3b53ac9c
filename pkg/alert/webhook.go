package alert

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// Webhook is a receiver of alert events. The body is the event as JSON (see Payload); the header
// X-Newsmon-Signature carries "sha256=" + hex HMAC-SHA256 of the body under Secret (omitted when
// Secret is empty), X-Newsmon-Event the event id, so a receiver can drop a retried delivery it
// already processed.
type Webhook struct {
	URL    string   `json:"url" yaml:"url"`
	Secret string   `json:"-" yaml:"secret"`
	Rules  []string `json:"rules,omitempty" yaml:"rules"` // rule ids; empty: every rule
}

// SignatureHeader is the header carrying the HMAC of a webhook body.
const SignatureHeader = "X-Newsmon-Signature"

// Sign returns the X-Newsmon-Signature value of body under secret.
func Sign(secret, body []byte) string {
	mac := hmac.New(sha256.New, secret)
	mac.Write(body)
	return "sha256=" + hex.EncodeToString(mac.Sum(nil))
}

// VerifySignature reports whether header is the signature of body under secret (constant time).
func VerifySignature(secret, body []byte, header string) bool {
	return hmac.Equal([]byte(header), []byte(Sign(secret, body)))
}

// Payload is what a webhook receives.
type Payload struct {
	Type  string `json:"type"` // "alert" or "digest"
	Event Event  `json:"event"`
}

// DelivererConfig configures webhook and e-mail delivery.
type DelivererConfig struct {
	// Webhooks get every event of the rules they list. A rule's own Webhook URL gets its events
	// too, signed with RuleWebhookSecret.
	Webhooks          []Webhook
	RuleWebhookSecret string
	// SMTP sends e-mail to a rule's Email addresses and to SMTP.To; nil: no e-mail.
	SMTP *SMTPConfig
	// Rules looks up a rule's Webhook and Email at delivery time; nil: only Webhooks and SMTP.To.
	Rules *Store
	// Client sends webhook requests. Pass one whose transport dials through an SSRF guard (no
	// loopback, private or link-local targets): rule webhook URLs come from API users. nil: a
	// plain client, for tests and trusted setups only.
	Client *http.Client

	QueueSize   int           // pending deliveries; 0: 1024. Enqueue drops when full.
	Workers     int           // concurrent deliveries; 0: 4
	MaxAttempts int           // per target; 0: 6
	Backoff     time.Duration // first retry delay, doubled each time with jitter; 0: 1s
	MaxBackoff  time.Duration // 0: 1m
	Timeout     time.Duration // per attempt; 0: 10s
}

func (c *DelivererConfig) defaults() {
	if c.QueueSize <= 0 {
		c.QueueSize = 1024
	}
	if c.Workers <= 0 {
		c.Workers = 4
	}
	if c.MaxAttempts <= 0 {
		c.MaxAttempts = 6
	}
	if c.Backoff <= 0 {
		c.Backoff = time.Second
	}
	if c.MaxBackoff <= 0 {
		c.MaxBackoff = time.Minute
	}
	if c.Timeout <= 0 {
		c.Timeout = 10 * time.Second
	}
}

// Validate reports every problem with the configuration.
func (c DelivererConfig) Validate() error {
	var errs []error
	for i, w := range c.Webhooks {
		if err := (Rule{Webhook: w.URL}).validateWebhook(); err != nil || w.URL == "" {
			errs = append(errs, fmt.Errorf("webhooks[%d]: url %q: want an absolute http or https URL", i, w.URL))
		}
	}
	if c.SMTP != nil {
		if err := c.SMTP.Validate(); err != nil {
			errs = append(errs, fmt.Errorf("smtp: %w", err))
		}
	}
	return errors.Join(errs...)
}

// target is one destination of one event.
type target struct {
	webhook *Webhook // or
	email   []string
}

// job is one event for one target, with its attempt count; a job without target is an event whose
// targets the worker still has to look up (that takes a KV read, which Enqueue must not wait for).
type job struct {
	ev      Event
	t       *target
	attempt int
}

// Deliverer sends alert events to webhooks and by e-mail, asynchronously: Enqueue never blocks
// (a full queue drops the event and counts it), Run's workers send, and a failed attempt is
// retried after a growing delay without holding a worker. Start it with Run(ctx).
type Deliverer struct {
	cfg   DelivererConfig
	log   *slog.Logger
	queue chan job
	wg    sync.WaitGroup // retries waiting on their timers

	delivered, failed, dropped, attempts atomic.Uint64
}

// NewDeliverer validates cfg and returns a Deliverer; call Run to start delivering. A nil log
// discards.
func NewDeliverer(cfg DelivererConfig, log *slog.Logger) (*Deliverer, error) {
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("alert delivery config: %w", err)
	}
	cfg.defaults()
	if cfg.Client == nil {
		cfg.Client = &http.Client{Timeout: cfg.Timeout}
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Deliverer{cfg: cfg, log: log.With("component", "alert-delivery"), queue: make(chan job, cfg.QueueSize)}, nil
}

// Enqueue schedules ev for every target it has (looked up by a worker). It never blocks; it reports
// false when the queue was full and ev was dropped.
func (d *Deliverer) Enqueue(ev Event) bool { return d.push(job{ev: ev}) }

func (d *Deliverer) push(j job) bool {
	select {
	case d.queue <- j:
		return true
	default:
		d.dropped.Add(1)
		d.log.Warn("alert delivery queue full; event dropped", "event_id", j.ev.ID, "target", j.t.String())
		return false
	}
}

func (t *target) String() string {
	switch {
	case t == nil:
		return "all"
	case t.webhook != nil:
		return t.webhook.URL
	}
	return fmt.Sprintf("mailto:%v", t.email)
}

// targets lists the destinations of ev: configured webhooks for its rule, the rule's own webhook,
// and one e-mail to the rule's addresses plus SMTP.To.
func (d *Deliverer) targets(ctx context.Context, ev Event) []target {
	var ts []target
	for i := range d.cfg.Webhooks {
		w := &d.cfg.Webhooks[i]
		if len(w.Rules) == 0 || contains(w.Rules, ev.RuleID) {
			ts = append(ts, target{webhook: w})
		}
	}
	var rule Rule
	if d.cfg.Rules != nil {
		ctx, cancel := context.WithTimeout(ctx, d.cfg.Timeout)
		r, err := d.cfg.Rules.Get(ctx, ev.RuleID)
		cancel()
		if err != nil && !errors.Is(err, ErrNoRule) {
			d.log.Warn("alert rule lookup for delivery failed", "rule_id", ev.RuleID, "err", err)
		}
		rule = r
	}
	if rule.Webhook != "" {
		ts = append(ts, target{webhook: &Webhook{URL: rule.Webhook, Secret: d.cfg.RuleWebhookSecret}})
	}
	if d.cfg.SMTP != nil {
		to := append(append([]string(nil), d.cfg.SMTP.To...), rule.Email...)
		if len(to) > 0 {
			ts = append(ts, target{email: to})
		}
	}
	return ts
}

func contains(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// Run delivers until ctx ends, then waits for the attempts in flight. It always returns nil.
func (d *Deliverer) Run(ctx context.Context) error {
	var wg sync.WaitGroup
	for range d.cfg.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-ctx.Done():
					return
				case j := <-d.queue:
					if j.t != nil {
						d.attempt(ctx, j)
						continue
					}
					for _, t := range d.targets(ctx, j.ev) {
						d.attempt(ctx, job{ev: j.ev, t: &t})
					}
				}
			}
		}()
	}
	wg.Wait()
	d.wg.Wait()
	return nil
}

// attempt sends j once; on a retryable failure it schedules the next attempt after the backoff.
func (d *Deliverer) attempt(ctx context.Context, j job) {
	j.attempt++
	d.attempts.Add(1)
	actx, cancel := context.WithTimeout(ctx, d.cfg.Timeout)
	var err error
	if j.t.webhook != nil {
		err = d.post(actx, *j.t.webhook, j.ev)
	} else {
		err = d.cfg.SMTP.send(actx, j.t.email, j.ev)
	}
	cancel()
	if err == nil {
		d.delivered.Add(1)
		return
	}
	var perm *permanentError
	if errors.As(err, &perm) || j.attempt >= d.cfg.MaxAttempts || ctx.Err() != nil {
		d.failed.Add(1)
		d.log.Warn("alert delivery failed", "event_id", j.ev.ID, "target", j.t.String(), "attempt", j.attempt, "err", err)
		return
	}
	wait := d.backoff(j.attempt)
	d.log.Info("alert delivery will be retried", "event_id", j.ev.ID, "target", j.t.String(), "attempt", j.attempt,
		"retry_in", wait, "err", err)
	d.wg.Add(1)
	go func() {
		defer d.wg.Done()
		timer := time.NewTimer(wait)
		defer timer.Stop()
		select {
		case <-ctx.Done():
			d.failed.Add(1)
		case <-timer.C:
			d.push(j)
		}
	}()
}

// backoff is the delay before attempt n+1: Backoff·2^(n-1), capped, with ±20% jitter.
func (d *Deliverer) backoff(n int) time.Duration {
	w := d.cfg.Backoff << min(n-1, 20)
	if w <= 0 || w > d.cfg.MaxBackoff {
		w = d.cfg.MaxBackoff
	}
	return time.Duration(float64(w) * (0.8 + 0.4*rand.Float64()))
}

// permanentError marks a failure that retrying cannot fix (a 4xx answer other than 408 and 429).
type permanentError struct{ err error }

func (e *permanentError) Error() string { return e.err.Error() }
func (e *permanentError) Unwrap() error { return e.err }

// maxResponseBody is how much of a webhook's answer is read (to reuse the connection).
const maxResponseBody = 64 << 10

func (d *Deliverer) post(ctx context.Context, w Webhook, ev Event) error {
	typ := "alert"
	if ev.Mode == ModeDigest && ev.Digest != nil {
		typ = "digest"
	}
	body, err := json.Marshal(Payload{Type: typ, Event: ev})
	if err != nil {
		return &permanentError{fmt.Errorf("encode webhook payload: %w", err)}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, w.URL, bytes.NewReader(body))
	if err != nil {
		return &permanentError{fmt.Errorf("webhook request %s: %w", w.URL, err)}
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "newsmon-alerts")
	req.Header.Set("X-Newsmon-Event", ev.ID)
	if w.Secret != "" {
		req.Header.Set(SignatureHeader, Sign([]byte(w.Secret), body))
	}
	resp, err := d.cfg.Client.Do(req)
	if err != nil {
		return fmt.Errorf("post webhook %s: %w", w.URL, err)
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, maxResponseBody))
	_ = resp.Body.Close()
	switch c := resp.StatusCode; {
	case c >= 200 && c < 300:
		return nil
	case c == http.StatusRequestTimeout || c == http.StatusTooManyRequests || c >= 500:
		return fmt.Errorf("post webhook %s: status %d", w.URL, c)
	default:
		return &permanentError{fmt.Errorf("post webhook %s: status %d", w.URL, c)}
	}
}

// DeliveryStats counts deliveries since the Deliverer started.
type DeliveryStats struct {
	Delivered, Failed, Dropped, Attempts uint64
}

// Stats returns the delivery counters (for /metrics and tests).
func (d *Deliverer) Stats() DeliveryStats {
	return DeliveryStats{Delivered: d.delivered.Load(), Failed: d.failed.Load(), Dropped: d.dropped.Load(),
		Attempts: d.attempts.Load()}
}
