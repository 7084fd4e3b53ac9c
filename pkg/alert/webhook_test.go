package alert

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsmon/newsmon/internal/netguard"
	"github.com/newsmon/newsmon/internal/testutil"
	"github.com/newsmon/newsmon/pkg/bus"
)

// receiver is an httptest webhook endpoint. While down it drops the connection without answering;
// it fails its first failFirst requests with status failWith; it verifies each body's signature,
// and counts deliveries per event id, as a receiver deduplicating by X-Newsmon-Event-Id would.
type receiver struct {
	t         testing.TB
	secret    string
	failFirst int
	failWith  int
	delay     time.Duration // simulated processing time of a slow receiver
	down      atomic.Bool

	mu        sync.Mutex
	requests  int
	delivered []Payload
	byID      map[string]int
	badSig    int
	headers   []http.Header
}

func (rc *receiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if rc.down.Load() {
		// A receiver that is down: the connection ends without an answer.
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				_ = conn.Close()
				return
			}
		}
		panic(http.ErrAbortHandler)
	}
	body, _ := io.ReadAll(r.Body)
	if rc.delay > 0 {
		time.Sleep(rc.delay) // a slow receiver is what the test is about
	}
	rc.mu.Lock()
	defer rc.mu.Unlock()
	rc.requests++
	rc.headers = append(rc.headers, r.Header.Clone())
	if rc.secret != "" && VerifySignature([]byte(rc.secret), body, r.Header.Get(SignatureHeader), time.Now(), 0) != nil {
		rc.badSig++
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	if rc.requests <= rc.failFirst {
		http.Error(w, "try later", rc.failWith)
		return
	}
	var p Payload
	if err := json.Unmarshal(body, &p); err != nil {
		rc.t.Errorf("webhook body: %v", err)
	}
	if p.Event.ID != r.Header.Get(EventIDHeader) {
		rc.t.Errorf("event id header %q, body %q", r.Header.Get(EventIDHeader), p.Event.ID)
	}
	if rc.byID == nil {
		rc.byID = map[string]int{}
	}
	rc.byID[p.Event.ID]++
	rc.delivered = append(rc.delivered, p)
}

func (rc *receiver) snapshot() (requests int, delivered []Payload, badSig int) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return rc.requests, append([]Payload(nil), rc.delivered...), rc.badSig
}

// distinct is how many event ids the receiver has, and how many deliveries repeated one.
func (rc *receiver) distinct() (ids, duplicates int) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	for _, n := range rc.byID {
		ids++
		duplicates += n - 1
	}
	return ids, duplicates
}

// waitFor polls cond until it holds or the deadline passes.
func waitFor(t testing.TB, what string, cond func() bool) {
	t.Helper()
	testutil.Eventually(t, 20*time.Second, func() error {
		if !cond() {
			return fmt.Errorf("waiting for %s", what)
		}
		return nil
	})
}

// alertBus is an embedded NATS server storing in dir with a connection to it, as a newsmon
// process has; stop closes both (a restart of the process).
type alertBus struct {
	*bus.Bus
	stop func()
}

func startAlertBus(t testing.TB, dir string) *alertBus {
	t.Helper()
	e, err := bus.StartEmbedded(bus.EmbeddedConfig{StoreDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	b, err := bus.Connect(context.Background(), bus.Config{URL: e.ClientURL()}, nil)
	if err != nil {
		e.Shutdown()
		t.Fatal(err)
	}
	var once sync.Once
	ab := &alertBus{Bus: b, stop: func() { once.Do(func() { _ = b.Close(); e.Shutdown() }) }}
	t.Cleanup(ab.stop)
	return ab
}

// publish stores ev on the alert stream as the index stage does (stages.PublishAlert).
func (b *alertBus) publish(t testing.TB, ev Event) {
	t.Helper()
	data, err := json.Marshal(ev)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.Publish(context.Background(), bus.SubjectAlertPrefix+ev.RuleID, ev.ID, data, nil); err != nil {
		t.Fatal(err)
	}
}

func (b *alertBus) deadLetters(t testing.TB) []bus.DeadLetter {
	t.Helper()
	dls, err := b.DeadLetters(context.Background(), bus.SubjectDeadPrefix+"notify.>", 10000)
	if err != nil {
		t.Fatal(err)
	}
	return dls
}

// runningDeliverer is a Deliverer set up and running until stop (a graceful shutdown).
type runningDeliverer struct {
	*Deliverer
	stop func()
}

func startDeliverer(t testing.TB, cfg DelivererConfig) *runningDeliverer {
	t.Helper()
	if cfg.Backoff == 0 {
		cfg.Backoff = 10 * time.Millisecond
	}
	if cfg.MaxBackoff == 0 {
		cfg.MaxBackoff = 200 * time.Millisecond
	}
	d, err := NewDeliverer(cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	if err := d.Setup(ctx); err != nil {
		cancel()
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() {
		if err := d.Run(ctx); err != nil {
			t.Errorf("deliverer: %v", err)
		}
		close(done)
	}()
	var once sync.Once
	rd := &runningDeliverer{Deliverer: d, stop: func() { once.Do(func() { cancel(); <-done }) }}
	t.Cleanup(rd.stop)
	return rd
}

func TestWebhookRetriesUntilDelivered(t *testing.T) {
	b := startAlertBus(t, t.TempDir())
	rc := &receiver{t: t, secret: "s3cret", failFirst: 2, failWith: http.StatusServiceUnavailable}
	srv := httptest.NewServer(rc)
	defer srv.Close()
	d := startDeliverer(t, DelivererConfig{Bus: b.Bus, Webhooks: []Webhook{{URL: srv.URL, Secret: "s3cret"}}, Client: srv.Client()})
	ev := Event{ID: "r1.a1", RuleID: "r1", RuleName: "jiangsu", ArticleID: "a1", Title: "Wuxi", Snippet: "… in Wuxi …",
		Mentions: []Mention{{Kind: "region", Value: "Jiangsu", Text: "Wuxi", Start: 3, End: 7}}}
	b.publish(t, ev)
	waitFor(t, "delivery", func() bool { return d.Total().Delivered == 1 })
	requests, delivered, badSig := rc.snapshot()
	if requests != 3 || len(delivered) != 1 || badSig != 0 {
		t.Fatalf("requests=%d delivered=%d badSig=%d; want 3, 1, 0", requests, len(delivered), badSig)
	}
	p := delivered[0]
	if p.Type != "alert" || p.Event.ID != "r1.a1" || p.Event.Snippet == "" || len(p.Event.Mentions) != 1 {
		t.Errorf("payload = %+v", p)
	}
	if s := d.Total(); s.Failed != 2 || s.DeadLettered != 0 {
		t.Errorf("stats = %+v; want 2 failed attempts, none dead-lettered", s)
	}
	h := rc.headers[2]
	if !strings.HasPrefix(h.Get(LegacySignatureHeader), "sha256=") || h.Get("X-Newsmon-Event") != "r1.a1" {
		t.Errorf("compatibility headers: %q %q", h.Get(LegacySignatureHeader), h.Get("X-Newsmon-Event"))
	}

	// A digest goes out as type "digest" with its stories.
	b.publish(t, Event{ID: "r1.digest.1", RuleID: "r1", Mode: ModeDigest, Digest: []Item{{ArticleID: "a1"}, {ArticleID: "a2"}}})
	waitFor(t, "digest delivery", func() bool { return d.Total().Delivered == 2 })
	if _, delivered, _ := rc.snapshot(); delivered[1].Type != "digest" || len(delivered[1].Event.Digest) != 2 {
		t.Errorf("digest payload = %+v", delivered[1])
	}
	// Publishing an event again under its id (a redelivered index batch) delivers nothing more.
	b.publish(t, ev)
	b.publish(t, Event{ID: "r1.a2", RuleID: "r1"})
	waitFor(t, "third delivery", func() bool { return d.Total().Delivered == 3 })
	if ids, dups := rc.distinct(); ids != 3 || dups != 0 {
		t.Errorf("receiver got %d ids, %d duplicates; want 3, 0", ids, dups)
	}
}

func TestWebhookPermanentFailureIsDeadLettered(t *testing.T) {
	b := startAlertBus(t, t.TempDir())
	rc := &receiver{t: t, failFirst: 1000, failWith: http.StatusNotFound}
	srv := httptest.NewServer(rc)
	defer srv.Close()
	d := startDeliverer(t, DelivererConfig{Bus: b.Bus, Webhooks: []Webhook{{URL: srv.URL + "/hook?token=secret-token"}}, Client: srv.Client()})
	b.publish(t, Event{ID: "r1.a1", RuleID: "r1"})
	waitFor(t, "dead letter", func() bool { return d.Total().DeadLettered == 1 })
	if requests, _, _ := rc.snapshot(); requests != 1 {
		t.Errorf("a 404 was retried: %d requests", requests)
	}
	dls := b.deadLetters(t)
	name := WebhookTargetName(srv.URL + "/hook?token=secret-token")
	if len(dls) != 1 || dls[0].Subject != bus.SubjectDeadPrefix+"notify."+name || !strings.Contains(dls[0].Reason, "status 404") ||
		strings.Contains(dls[0].Reason, "secret-token") {
		t.Fatalf("dead letters = %+v; want one on notify.%s saying status 404, without the URL's token", dls, name)
	}
	var ev Event
	if err := json.Unmarshal(dls[0].Data, &ev); err != nil || ev.ID != "r1.a1" {
		t.Errorf("dead letter holds %q, %v; want the event", dls[0].Data, err)
	}
	if _, err := NewDeliverer(DelivererConfig{Bus: b.Bus, Webhooks: []Webhook{{URL: "not a url"}}}, nil); err == nil {
		t.Error("NewDeliverer accepted a bad webhook URL")
	}
	if _, err := NewDeliverer(DelivererConfig{Bus: b.Bus, Webhooks: []Webhook{{URL: srv.URL}, {URL: srv.URL}}}, nil); err == nil {
		t.Error("NewDeliverer accepted the same webhook twice")
	}
}

// TestWebhookBlockedByNetworkGuardIsNotRetried: a webhook set through the API on a loopback
// service is refused by the rules' guard (public addresses only) once and dead-lettered, instead
// of being retried (and logged) for hours; the operator's own rule, with the URL the pipeline
// gave it, goes through the operator's client, which allows the network.
func TestWebhookBlockedByNetworkGuardIsNotRetried(t *testing.T) {
	b := startAlertBus(t, t.TempDir())
	rc := &receiver{t: t}
	srv := httptest.NewServer(rc)
	defer srv.Close()
	store := NewStore(NewMemoryKV())
	api, err := store.Put(context.Background(), Rule{Name: "internal", Text: "chips", Webhook: srv.URL + "/api-user", Enabled: true})
	if err != nil {
		t.Fatal(err)
	}
	operator, err := store.Put(context.Background(), Rule{ID: "pipeline-op", Name: "op", Text: "chips", Webhook: srv.URL + "/operator", Enabled: true})
	if err != nil {
		t.Fatal(err)
	}
	d := startDeliverer(t, DelivererConfig{Bus: b.Bus, Rules: store, Client: srv.Client(),
		RuleClient: netguard.Policy{}.Client(time.Second, 0), TrustedRuleWebhooks: map[string]string{operator.ID: operator.Webhook}})
	b.publish(t, Event{ID: api.ID + ".a1", RuleID: api.ID})
	b.publish(t, Event{ID: operator.ID + ".a1", RuleID: operator.ID})
	waitFor(t, "dead letter and delivery", func() bool { s := d.Total(); return s.DeadLettered == 1 && s.Delivered == 1 })
	if s := d.Total(); s.Failed != 1 {
		t.Errorf("stats = %+v; want one failed attempt", s)
	}
	if requests, delivered, _ := rc.snapshot(); requests != 1 || delivered[0].Event.RuleID != operator.ID {
		t.Errorf("the guard let %d requests through; want only the operator's rule's", requests)
	}
	if dls := b.deadLetters(t); len(dls) != 1 || !strings.Contains(dls[0].Reason, "network guard") || dls[0].Deliveries != 1 {
		t.Errorf("dead letters = %+v; want one, the network guard's refusal, after one delivery", dls)
	}
}

func TestWebhookRuleTargetsAndSecrets(t *testing.T) {
	b := startAlertBus(t, t.TempDir())
	shared := &receiver{t: t, secret: "shared-secret"}
	own := &receiver{t: t, secret: "rule-own-secret"}
	other := &receiver{t: t}
	srvShared, srvOwn, srvOther := httptest.NewServer(shared), httptest.NewServer(own), httptest.NewServer(other)
	defer srvShared.Close()
	defer srvOwn.Close()
	defer srvOther.Close()
	ctx := context.Background()
	store := NewStore(NewMemoryKV())
	r1, err := store.Put(ctx, Rule{Name: "hooked", Text: "chips", Webhook: srvShared.URL + "/hook", Enabled: true})
	if err != nil {
		t.Fatal(err)
	}
	r2, err := store.Put(ctx, Rule{Name: "own secret", Text: "chips", Webhook: srvOwn.URL, WebhookSecret: "rule-own-secret", Enabled: true})
	if err != nil {
		t.Fatal(err)
	}
	d := startDeliverer(t, DelivererConfig{Bus: b.Bus, Rules: store, RuleWebhookSecret: "shared-secret", Client: http.DefaultClient,
		Webhooks: []Webhook{{URL: srvOther.URL, Rules: []string{"someone-else"}}}})
	b.publish(t, Event{ID: r1.ID + ".a1", RuleID: r1.ID})
	b.publish(t, Event{ID: r2.ID + ".a1", RuleID: r2.ID})
	b.publish(t, Event{ID: "someone-else.a1", RuleID: "someone-else"})
	waitFor(t, "deliveries", func() bool { return d.Total().Delivered == 3 })
	for name, rc := range map[string]*receiver{"shared": shared, "own": own, "other": other} {
		if requests, delivered, badSig := rc.snapshot(); requests != 1 || len(delivered) != 1 || badSig != 0 {
			t.Errorf("%s receiver: %d requests, %d delivered, %d bad signatures; want 1, 1, 0", name, requests, len(delivered), badSig)
		}
	}
	if got := d.Stats()[WebhookTargetName(srvOther.URL)].Delivered; got != 1 {
		t.Errorf("configured webhook delivered %d; want only someone-else's event", got)
	}
}

// TestRuleSecretIsWriteOnly: a rule's webhook secret is stored but never shown, and saving the
// rule back as shown keeps it.
func TestRuleSecretIsWriteOnly(t *testing.T) {
	ctx := context.Background()
	store := NewStore(NewMemoryKV())
	r, err := store.Put(ctx, Rule{Name: "x", Text: "chips", Webhook: "https://hooks.example/a", WebhookSecret: "k", Enabled: true})
	if err != nil {
		t.Fatal(err)
	}
	shown, _ := json.Marshal(r)
	if strings.Contains(string(shown), `"k"`) || !strings.Contains(string(shown), `"webhook_secret_set":true`) {
		t.Errorf("rule shown as %s", shown)
	}
	var back Rule
	if err := json.Unmarshal(shown, &back); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Put(ctx, back); err != nil {
		t.Fatal(err)
	}
	if got, _ := store.Get(ctx, r.ID); got.WebhookSecret != "k" {
		t.Errorf("secret after saving the shown rule = %q; want kept", got.WebhookSecret)
	}
	back.Webhook = "https://elsewhere.example/"
	if _, err := store.Put(ctx, back); err != nil {
		t.Fatal(err)
	}
	if got, _ := store.Get(ctx, r.ID); got.WebhookSecret != "" {
		t.Errorf("secret kept for a different webhook URL")
	}
}

func TestSignature(t *testing.T) {
	body := []byte(`{"type":"alert"}`)
	// echo -n '{"type":"alert"}' | openssl dgst -sha256 -hmac key
	if got, want := SignBody([]byte("key"), body), "sha256=bcfc0141428e073a7b0db1c0faf0643a475278dd7c504ab4173da86712d83b04"; got != want {
		t.Errorf("SignBody = %q; want %q", got, want)
	}
	at := time.Unix(1700000000, 0)
	// echo -n '1700000000.{"type":"alert"}' | openssl dgst -sha256 -hmac key
	want := "t=1700000000,v1=" + strings.TrimPrefix(SignBody([]byte("key"), []byte(`1700000000.{"type":"alert"}`)), "sha256=")
	got := Sign([]byte("key"), at, body)
	if got != want {
		t.Errorf("Sign = %q; want %q", got, want)
	}
	for _, tc := range []struct {
		name   string
		secret string
		body   string
		header string
		now    time.Time
		ok     bool
	}{
		{"authentic", "key", string(body), got, at.Add(time.Minute), true},
		{"rotated secrets: any v1", "key", string(body), "t=1700000000,v1=00ff," + strings.TrimPrefix(got, "t=1700000000,"), at, true},
		{"other secret", "other", string(body), got, at, false},
		{"tampered body", "key", `{"type":"digest"}`, got, at, false},
		{"replayed later", "key", string(body), got, at.Add(time.Hour), false},
		{"timestamp changed", "key", string(body), strings.Replace(got, "1700000000", "1700000060", 1), at, false},
		{"old format", "key", string(body), SignBody([]byte("key"), body), at, false},
	} {
		err := VerifySignature([]byte(tc.secret), []byte(tc.body), tc.header, tc.now, 0)
		if (err == nil) != tc.ok {
			t.Errorf("%s: VerifySignature = %v; want ok=%v", tc.name, err, tc.ok)
		}
	}
}

// TestWebhookRuleTargetsAreIsolated: each rule's webhook has its own consumer. A rule created while
// delivery runs gets the event it fired before its consumer existed, and a receiver that hangs
// holds up only its own rule's events.
func TestWebhookRuleTargetsAreIsolated(t *testing.T) {
	b := startAlertBus(t, t.TempDir())
	release := make(chan struct{})
	var hung atomic.Int32
	stuck := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hung.Add(1)
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer stuck.Close()
	defer close(release)
	fine := &receiver{t: t}
	srvFine := httptest.NewServer(fine)
	defer srvFine.Close()
	ctx := context.Background()
	store := NewStore(NewMemoryKV())
	slow, err := store.Put(ctx, Rule{Name: "stuck", Text: "chips", Webhook: stuck.URL, Enabled: true})
	if err != nil {
		t.Fatal(err)
	}
	d := startDeliverer(t, DelivererConfig{Bus: b.Bus, Rules: store, Client: http.DefaultClient, RuleScan: 50 * time.Millisecond,
		Timeout: time.Minute})
	for i := range 10 {
		b.publish(t, Event{ID: fmt.Sprintf("%s.s%d", slow.ID, i), RuleID: slow.ID})
	}
	waitFor(t, "the stuck receiver to hold every worker of its rule", func() bool { return hung.Load() == 4 })

	// A new rule fires at once, before the next scan of the rules has seen it.
	later, err := store.Put(ctx, Rule{Name: "later", Text: "chips", Webhook: srvFine.URL, Enabled: true})
	if err != nil {
		t.Fatal(err)
	}
	b.publish(t, Event{ID: later.ID + ".a1", RuleID: later.ID})
	waitFor(t, "the new rule's delivery", func() bool { return d.Stats()["rule-"+later.ID].Delivered == 1 })
	if ids, dups := fine.distinct(); ids != 1 || dups != 0 || hung.Load() != 4 {
		t.Errorf("fine receiver: %d ids, %d duplicates; stuck receiver %d requests (want 4)", ids, dups, hung.Load())
	}
}
