package alert

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/newsmon/newsmon/internal/netguard"
	"github.com/newsmon/newsmon/pkg/bus"
)

// DelivererConfig configures webhook and e-mail delivery.
type DelivererConfig struct {
	// Bus is where alert events are stored (the NEWSMON_ALERTS stream); each target reads them
	// through its own durable consumer. Required.
	Bus *bus.Bus
	// Webhooks get every event of the rules they list. A rule's own Webhook URL gets its events
	// too, signed with the rule's WebhookSecret, or RuleWebhookSecret when it has none.
	Webhooks          []Webhook
	RuleWebhookSecret string
	// SMTP sends e-mail to a rule's Email addresses and to SMTP.To; nil: no e-mail.
	SMTP *SMTPConfig
	// Rules looks up a rule's Webhook and Email at delivery time; nil: only Webhooks and SMTP.To.
	Rules *Store
	// Client sends webhook requests. Pass one whose transport dials through an SSRF guard (no
	// loopback, private or link-local targets): rule webhook URLs come from API users. A
	// connection the guard refuses (netguard.ErrBlocked) is dead-lettered at once, not retried.
	// nil: a plain client, for tests and trusted setups only.
	Client *http.Client
	// RuleClient sends to rules' own webhooks, which API users choose: give it a stricter guard
	// than Client (public addresses only), so that networks the operator opened for their own
	// receivers are not opened to every API user. nil: Client.
	RuleClient *http.Client
	// TrustedRuleWebhooks maps the id of a rule the operator defined (the pipeline's alerts) to
	// its webhook URL: while the rule still has that URL it is sent with Client.
	TrustedRuleWebhooks map[string]string

	Concurrency int           // deliveries in flight per target; 0: 4
	MaxAge      time.Duration // an event not delivered this long after it fired is dead-lettered; 0: 24h
	Backoff     time.Duration // first retry delay, doubled each time; 0: 1s
	MaxBackoff  time.Duration // 0: 5m
	Timeout     time.Duration // per attempt; 0: 10s
	// AckWait is how long an attempt may stay unanswered before the stream hands the event out
	// again (a deliverer killed mid-attempt); 0: Timeout + 20s.
	AckWait time.Duration
	// RuleScan is how often Rules is read for rules that got a webhook; 0: 5s.
	RuleScan time.Duration
}

func (c *DelivererConfig) defaults() {
	if c.Concurrency <= 0 {
		c.Concurrency = 4
	}
	if c.MaxAge <= 0 {
		c.MaxAge = 24 * time.Hour
	}
	if c.Backoff <= 0 {
		c.Backoff = time.Second
	}
	if c.MaxBackoff <= 0 {
		c.MaxBackoff = 5 * time.Minute
	}
	if c.Timeout <= 0 {
		c.Timeout = 10 * time.Second
	}
	if c.AckWait <= 0 {
		c.AckWait = c.Timeout + 20*time.Second
	}
	if c.RuleScan <= 0 {
		c.RuleScan = 5 * time.Second
	}
}

// Validate reports every problem with the configuration.
func (c DelivererConfig) Validate() error {
	var errs []error
	seen := map[string]int{}
	for i, w := range c.Webhooks {
		if err := (Rule{Webhook: w.URL}).validateWebhook(); err != nil || w.URL == "" {
			errs = append(errs, fmt.Errorf("webhooks[%d]: url %q: want an absolute http or https URL", i, w.URL))
			continue
		}
		if j, dup := seen[w.URL]; dup {
			errs = append(errs, fmt.Errorf("webhooks[%d]: same url as webhooks[%d]: list both entries' rules in one", i, j))
		}
		seen[w.URL] = i
	}
	if c.SMTP != nil {
		if err := c.SMTP.Validate(); err != nil {
			errs = append(errs, fmt.Errorf("smtp: %w", err))
		}
	}
	return errors.Join(errs...)
}

// deliveryTarget is one destination reading the alert stream through its own durable consumer:
// a configured webhook, one rule's own webhook, or e-mail.
type deliveryTarget struct {
	// name labels metrics and logs and names the consumer and the dead-letter subject; it never
	// holds a URL (URLs may carry tokens).
	name     string
	host     string // for the start-up log line: which receiver the name stands for
	subjects []string
	// start, when set, is where a new consumer begins in the stream (a rule's webhook: a while
	// before the rule was seen, so an event it fired before then is not missed); zero: new events.
	start time.Time
	// send delivers ev; sent is false when the event has nothing for this target (a rule
	// without webhook).
	send func(ctx context.Context, ev Event) (sent bool, err error)

	delivered, failed, dead atomic.Uint64
	failing                 atomic.Bool // for one log line per outage, not one per event
}

// Deliverer sends alert events to webhooks and by e-mail, reading them from the alert stream: each
// target has a durable JetStream consumer, so events wait in the stream while a receiver is down
// or newsmon is stopped. A failed attempt is retried with a growing delay kept by the server (it
// survives restarts); an event still undelivered MaxAge after it fired, or refused for good (a 4xx
// answer, an address the network guard forbids), goes to newsmon.dead.notify.<target> with the
// reason. Nothing is dropped. Delivery is at least once: receivers dedupe by event id.
type Deliverer struct {
	cfg     DelivererConfig
	log     *slog.Logger
	targets []*deliveryTarget // configured webhooks and e-mail, fixed at start
	now     func() time.Time

	mu sync.Mutex
	// rules are the targets of rules' own webhooks by rule id, added as rules get a webhook;
	// a target stays (with its counters) after its rule is deleted.
	rules map[string]*deliveryTarget
}

// NewDeliverer validates cfg and returns a Deliverer; call Setup, then Run. A nil log discards.
func NewDeliverer(cfg DelivererConfig, log *slog.Logger) (*Deliverer, error) {
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("alert delivery config: %w", err)
	}
	if cfg.Bus == nil {
		return nil, errors.New("alert delivery config: no bus to read alert events from")
	}
	cfg.defaults()
	if cfg.Client == nil {
		cfg.Client = &http.Client{Timeout: cfg.Timeout}
	}
	if cfg.RuleClient == nil {
		cfg.RuleClient = cfg.Client
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	d := &Deliverer{cfg: cfg, log: log.With("component", "alert-delivery"), now: time.Now, rules: map[string]*deliveryTarget{}}
	all := []string{bus.SubjectAlertPrefix + ">"}
	for _, w := range cfg.Webhooks {
		subjects := all
		if len(w.Rules) > 0 {
			subjects = nil
			for _, id := range w.Rules {
				subjects = append(subjects, bus.SubjectAlertPrefix+id)
			}
		}
		t := &deliveryTarget{name: WebhookTargetName(w.URL), host: hostOf(w.URL), subjects: subjects}
		t.send = func(ctx context.Context, ev Event) (bool, error) {
			return true, post(ctx, cfg.Client, t.name, w, ev, d.now())
		}
		d.targets = append(d.targets, t)
	}
	if cfg.SMTP != nil {
		t := &deliveryTarget{name: "email", subjects: all}
		t.send = func(ctx context.Context, ev Event) (bool, error) {
			rule, _, err := d.rule(ctx, ev.RuleID)
			if err != nil {
				return false, err
			}
			to := append(append([]string(nil), cfg.SMTP.To...), rule.Email...)
			if len(to) == 0 {
				return false, nil
			}
			return true, cfg.SMTP.send(ctx, to, ev)
		}
		d.targets = append(d.targets, t)
	}
	return d, nil
}

// ruleTarget returns the target of rule id's own webhook, creating it on first use.
func (d *Deliverer) ruleTarget(id string) *deliveryTarget {
	d.mu.Lock()
	defer d.mu.Unlock()
	if t, ok := d.rules[id]; ok {
		return t
	}
	// The matcher sees a new rule within ruleCacheTTL and the scan within RuleScan: starting a
	// new rule's consumer well before covers both. Minutes are whole so that processes creating
	// the same consumer at once ask for the same start.
	margin := max(time.Minute, 4*d.cfg.RuleScan)
	t := &deliveryTarget{name: "rule-" + id, subjects: []string{bus.SubjectAlertPrefix + id},
		start: d.now().Add(-margin).Truncate(time.Minute)}
	t.send = func(ctx context.Context, ev Event) (bool, error) {
		rule, ok, err := d.rule(ctx, ev.RuleID)
		if err != nil || !ok || rule.Webhook == "" {
			return false, err
		}
		secret := rule.WebhookSecret
		if secret == "" {
			secret = d.cfg.RuleWebhookSecret
		}
		client := d.cfg.RuleClient
		if trusted, ok := d.cfg.TrustedRuleWebhooks[rule.ID]; ok && trusted == rule.Webhook {
			client = d.cfg.Client
		}
		return true, post(ctx, client, t.name, Webhook{URL: rule.Webhook, Secret: secret}, ev, d.now())
	}
	d.rules[id] = t
	return t
}

// allTargets lists the configured targets, then the rules' in id order.
func (d *Deliverer) allTargets() []*deliveryTarget {
	d.mu.Lock()
	defer d.mu.Unlock()
	out := append([]*deliveryTarget(nil), d.targets...)
	ids := make([]string, 0, len(d.rules))
	for id := range d.rules {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		out = append(out, d.rules[id])
	}
	return out
}

// hookedRules lists the ids of the rules that have a webhook.
func (d *Deliverer) hookedRules(ctx context.Context) (map[string]bool, error) {
	rules, err := d.cfg.Rules.List(ctx)
	if err != nil {
		return nil, err
	}
	ids := map[string]bool{}
	for _, r := range rules {
		if r.Webhook != "" {
			ids[r.ID] = true
		}
	}
	return ids, nil
}

// WebhookTargetName is the label of a configured webhook in metrics, logs and dead-letter
// subjects: a hash of its URL, which may carry a token.
func WebhookTargetName(rawURL string) string {
	sum := sha256.Sum256([]byte(rawURL))
	return "webhook-" + hex.EncodeToString(sum[:5])
}

// rule looks up a rule for delivery; ok is false for a rule deleted since it fired.
func (d *Deliverer) rule(ctx context.Context, id string) (Rule, bool, error) {
	if d.cfg.Rules == nil {
		return Rule{}, false, nil
	}
	r, err := d.cfg.Rules.Get(ctx, id)
	switch {
	case errors.Is(err, ErrNoRule):
		return Rule{}, false, nil
	case err != nil:
		return Rule{}, false, fmt.Errorf("look up rule %s for delivery: %w", id, err)
	}
	return r, true, nil
}

func (d *Deliverer) consumerConfig(t *deliveryTarget) bus.ConsumerConfig {
	cfg := bus.ConsumerConfig{
		Stream: bus.StreamAlerts, Subjects: t.subjects, Durable: "notify-" + t.name, Stage: "notify." + t.name,
		AckWait: d.cfg.AckWait, Backoff: d.cfg.Backoff, MaxBackoff: d.cfg.MaxBackoff, MaxAge: d.cfg.MaxAge,
		// An attempt under way at shutdown may finish (it is bounded by Timeout anyway).
		DrainTimeout: d.cfg.Timeout,
		// A new target starts with the events fired from now on, not the stream's month of history.
		DeliverNew:   true,
		QuietRetries: true,
		// A lost ack would mean a second POST of the same event after AckWait.
		ConfirmAcks:  true,
		OnDeadLetter: func(bus.Delivery, error) { t.dead.Add(1) },
		// A target removed from the configuration leaves its consumer behind; the server drops it
		// once it has been unused for as long as the stream keeps events.
		InactiveThreshold: 30 * 24 * time.Hour,
	}
	if !t.start.IsZero() {
		cfg.DeliverNew, cfg.StartTime = false, t.start
	}
	return cfg
}

// Setup creates every target's durable consumer. Call it before alert events may be published:
// a new consumer sees only the events stored after it was created.
func (d *Deliverer) Setup(ctx context.Context) error {
	if d.cfg.Rules != nil {
		ids, err := d.hookedRules(ctx)
		if err != nil {
			return fmt.Errorf("alert delivery: %w", err)
		}
		for id := range ids {
			d.ruleTarget(id)
		}
	}
	for _, t := range d.allTargets() {
		if err := d.cfg.Bus.EnsureConsumer(ctx, d.consumerConfig(t)); err != nil {
			return fmt.Errorf("alert delivery to %s: %w", t.name, err)
		}
		d.log.Info("alert delivery target", "target", t.name, "host", t.host, "subjects", t.subjects)
	}
	return nil
}

// Run delivers until ctx ends, then lets the attempts in flight finish (within Timeout); events
// not yet delivered stay in the stream for the next run. It returns nil when ctx ends.
func (d *Deliverer) Run(ctx context.Context) error {
	var wg sync.WaitGroup
	errs := make([]error, len(d.targets)+1)
	for i, t := range d.targets {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = d.consume(ctx, t)
		}()
	}
	if d.cfg.Rules != nil {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[len(d.targets)] = d.runRuleTargets(ctx)
		}()
	}
	wg.Wait()
	if ctx.Err() != nil {
		return nil // stopped while a consumer was still being set up: nothing was lost
	}
	return errors.Join(errs...)
}

func (d *Deliverer) consume(ctx context.Context, t *deliveryTarget) error {
	return d.cfg.Bus.ConsumeConcurrent(ctx, d.consumerConfig(t), d.cfg.Concurrency, d.handler(t))
}

// runRuleTargets consumes for every rule with a webhook, reading the rules every RuleScan to
// start a rule that got one and stop one that lost it (its consumer keeps what is pending).
func (d *Deliverer) runRuleTargets(ctx context.Context) error {
	running := map[string]context.CancelFunc{}
	var wg sync.WaitGroup
	defer wg.Wait()
	tick := time.NewTicker(d.cfg.RuleScan)
	defer tick.Stop()
	for {
		ids, err := d.hookedRules(ctx)
		if err != nil && ctx.Err() == nil {
			d.log.Warn("alert delivery: reading rules failed; rule webhooks keep their current state", "err", err)
		}
		if err == nil {
			for id, stop := range running {
				if !ids[id] {
					stop()
					delete(running, id)
				}
			}
			for id := range ids {
				if _, ok := running[id]; ok {
					continue
				}
				t := d.ruleTarget(id)
				if err := d.cfg.Bus.EnsureConsumer(ctx, d.consumerConfig(t)); err != nil {
					if ctx.Err() == nil {
						d.log.Warn("alert delivery: rule webhook consumer not created; trying again", "target", t.name, "err", err)
					}
					continue
				}
				tctx, stop := context.WithCancel(ctx)
				running[id] = stop
				wg.Add(1)
				go func() {
					defer wg.Done()
					if err := d.consume(tctx, t); err != nil && tctx.Err() == nil {
						d.log.Error("alert delivery to a rule webhook stopped", "target", t.name, "err", err)
					}
				}()
			}
		}
		select {
		case <-ctx.Done():
			for _, stop := range running {
				stop()
			}
			return nil
		case <-tick.C:
		}
	}
}

// handler attempts one event for one target. A nil error acknowledges it; an error wrapping
// bus.ErrPermanent dead-letters it at once; any other error retries it after the backoff, until
// MaxAge.
func (d *Deliverer) handler(t *deliveryTarget) bus.Handler {
	return func(ctx context.Context, m bus.Delivery) error {
		var ev Event
		if err := json.Unmarshal(m.Data, &ev); err != nil {
			return bus.Permanent(fmt.Errorf("undecodable alert event: %w", err))
		}
		actx, cancel := context.WithTimeout(ctx, d.cfg.Timeout)
		sent, err := t.send(actx, ev)
		cancel()
		if err == nil {
			if sent {
				t.delivered.Add(1)
			}
			if t.failing.CompareAndSwap(true, false) {
				d.log.Info("alert delivery target recovered", "target", t.name)
			}
			return nil
		}
		t.failed.Add(1)
		var perm *permanentError
		switch {
		case errors.Is(err, netguard.ErrBlocked):
			return bus.Permanent(fmt.Errorf("not retried: the network guard refuses this address (notify.allow_networks opens it): %w", err))
		case errors.As(err, &perm):
			return bus.Permanent(err)
		}
		if t.failing.CompareAndSwap(false, true) {
			d.log.Warn("alert delivery target failing; its events stay in the stream and are retried",
				"target", t.name, "max_age", d.cfg.MaxAge, "err", err)
		}
		return err
	}
}

// DeliveryStats counts deliveries since the Deliverer started: events delivered, attempts that
// failed (each retried, or dead-lettered), and events dead-lettered.
type DeliveryStats struct {
	Delivered, Failed, DeadLettered uint64
}

// Stats returns the counters of every target, by target name.
func (d *Deliverer) Stats() map[string]DeliveryStats {
	targets := d.allTargets()
	out := make(map[string]DeliveryStats, len(targets))
	for _, t := range targets {
		out[t.name] = DeliveryStats{Delivered: t.delivered.Load(), Failed: t.failed.Load(), DeadLettered: t.dead.Load()}
	}
	return out
}

// Total sums the counters of every target.
func (d *Deliverer) Total() DeliveryStats {
	var s DeliveryStats
	for _, t := range d.Stats() {
		s.Delivered += t.Delivered
		s.Failed += t.Failed
		s.DeadLettered += t.DeadLettered
	}
	return s
}

// Pending returns, per target, the events not yet delivered: waiting in the stream, in flight or
// waiting for a retry.
func (d *Deliverer) Pending(ctx context.Context) (map[string]uint64, error) {
	p, err := d.cfg.Bus.Pending(ctx, bus.StreamAlerts)
	targets := d.allTargets()
	out := make(map[string]uint64, len(targets))
	for _, t := range targets {
		if v, ok := p["notify-"+t.name]; ok {
			out[t.name] = v[0] + v[1]
		}
	}
	return out, err
}

var (
	descDelivered = prometheus.NewDesc("newsmon_notify_delivered_total",
		"Alert events delivered, per target (webhook-<hash>, rule-<id>, email).", []string{"target"}, nil)
	descFailed = prometheus.NewDesc("newsmon_notify_failed_attempts_total",
		"Delivery attempts that failed (retried later, or dead-lettered), per target.", []string{"target"}, nil)
	descDead = prometheus.NewDesc("newsmon_notify_dead_lettered_total",
		"Alert events given up on and stored on newsmon.dead.notify.<target> with the reason.", []string{"target"}, nil)
	descPending = prometheus.NewDesc("newsmon_notify_pending",
		"Alert events not yet delivered (waiting, in flight or waiting for a retry), per target.", []string{"target"}, nil)
)

// Describe implements prometheus.Collector.
func (d *Deliverer) Describe(ch chan<- *prometheus.Desc) {
	ch <- descDelivered
	ch <- descFailed
	ch <- descDead
	ch <- descPending
}

// Collect implements prometheus.Collector; pending counts are read from the server.
func (d *Deliverer) Collect(ch chan<- prometheus.Metric) {
	for _, t := range d.allTargets() {
		ch <- prometheus.MustNewConstMetric(descDelivered, prometheus.CounterValue, float64(t.delivered.Load()), t.name)
		ch <- prometheus.MustNewConstMetric(descFailed, prometheus.CounterValue, float64(t.failed.Load()), t.name)
		ch <- prometheus.MustNewConstMetric(descDead, prometheus.CounterValue, float64(t.dead.Load()), t.name)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	pending, err := d.Pending(ctx)
	if err != nil {
		d.log.Debug("alert delivery pending counts unavailable", "err", err)
	}
	for name, n := range pending {
		ch <- prometheus.MustNewConstMetric(descPending, prometheus.GaugeValue, float64(n), name)
	}
}

// hostOf is a URL's host for logs (never its path or query, which may carry tokens).
func hostOf(raw string) string {
	if u, err := url.Parse(raw); err == nil {
		return u.Host
	}
	return "?"
}
