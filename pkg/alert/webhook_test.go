package alert

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

// receiver is an httptest webhook endpoint that fails its first failFirst requests with status
// failWith, then accepts, checking each body's signature.
type receiver struct {
	t         testing.TB
	secret    string
	failFirst int
	failWith  int

	mu        sync.Mutex
	requests  int
	delivered []Payload
	badSig    int
}

func (rc *receiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	rc.mu.Lock()
	defer rc.mu.Unlock()
	rc.requests++
	if rc.secret != "" && !VerifySignature([]byte(rc.secret), body, r.Header.Get(SignatureHeader)) {
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
	rc.delivered = append(rc.delivered, p)
}

func (rc *receiver) snapshot() (requests int, delivered []Payload, badSig int) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return rc.requests, append([]Payload(nil), rc.delivered...), rc.badSig
}

// waitFor polls cond until it holds or the deadline passes.
func waitFor(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond) // polling interval, not a wait for an event
	}
}

func startDeliverer(t testing.TB, cfg DelivererConfig) *Deliverer {
	t.Helper()
	if cfg.Backoff == 0 {
		cfg.Backoff = 10 * time.Millisecond
	}
	d, err := NewDeliverer(cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { _ = d.Run(ctx); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
	return d
}

func TestWebhookRetriesUntilDelivered(t *testing.T) {
	rc := &receiver{t: t, secret: "s3cret", failFirst: 2, failWith: http.StatusServiceUnavailable}
	srv := httptest.NewServer(rc)
	defer srv.Close()
	d := startDeliverer(t, DelivererConfig{Webhooks: []Webhook{{URL: srv.URL, Secret: "s3cret"}}, Client: srv.Client()})
	ev := Event{ID: "r1.a1", RuleID: "r1", RuleName: "jiangsu", ArticleID: "a1", Title: "Wuxi", Snippet: "… in Wuxi …",
		Mentions: []Mention{{Kind: "region", Value: "Jiangsu", Text: "Wuxi", Start: 3, End: 7}}}
	if !d.Enqueue(ev) {
		t.Fatal("Enqueue dropped the event")
	}
	waitFor(t, "delivery", func() bool { return d.Stats().Delivered == 1 })
	requests, delivered, badSig := rc.snapshot()
	if requests != 3 || len(delivered) != 1 || badSig != 0 {
		t.Fatalf("requests=%d delivered=%d badSig=%d; want 3, 1, 0", requests, len(delivered), badSig)
	}
	p := delivered[0]
	if p.Type != "alert" || p.Event.ID != "r1.a1" || p.Event.Snippet == "" || len(p.Event.Mentions) != 1 {
		t.Errorf("payload = %+v", p)
	}
	if s := d.Stats(); s.Attempts != 3 || s.Failed != 0 {
		t.Errorf("stats = %+v", s)
	}

	// A digest goes out as type "digest" with its stories.
	d.Enqueue(Event{ID: "r1.digest.1", RuleID: "r1", Mode: ModeDigest, Digest: []Item{{ArticleID: "a1"}, {ArticleID: "a2"}}})
	waitFor(t, "digest delivery", func() bool { return d.Stats().Delivered == 2 })
	if _, delivered, _ := rc.snapshot(); delivered[1].Type != "digest" || len(delivered[1].Event.Digest) != 2 {
		t.Errorf("digest payload = %+v", delivered[1])
	}
}

func TestWebhookPermanentFailureAndFullQueue(t *testing.T) {
	rc := &receiver{t: t, failFirst: 1000, failWith: http.StatusNotFound}
	srv := httptest.NewServer(rc)
	defer srv.Close()
	d := startDeliverer(t, DelivererConfig{Webhooks: []Webhook{{URL: srv.URL}}, Client: srv.Client()})
	d.Enqueue(Event{ID: "r1.a1", RuleID: "r1"})
	waitFor(t, "failure", func() bool { return d.Stats().Failed == 1 })
	if requests, _, _ := rc.snapshot(); requests != 1 {
		t.Errorf("a 404 was retried: %d requests", requests)
	}

	// A deliverer that is not running: the queue fills and Enqueue drops instead of blocking.
	stalled, err := NewDeliverer(DelivererConfig{Webhooks: []Webhook{{URL: srv.URL}}, QueueSize: 2}, nil)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	results := []bool{stalled.Enqueue(Event{ID: "1"}), stalled.Enqueue(Event{ID: "2"}), stalled.Enqueue(Event{ID: "3"})}
	if results[0] != true || results[1] != true || results[2] != false || stalled.Stats().Dropped != 1 {
		t.Errorf("Enqueue = %v, dropped %d; want true true false, 1", results, stalled.Stats().Dropped)
	}
	if time.Since(start) > time.Second {
		t.Error("Enqueue blocked")
	}
}

func TestWebhookRuleTargetsAndValidation(t *testing.T) {
	rc := &receiver{t: t, secret: "rule-secret"}
	srv := httptest.NewServer(rc)
	defer srv.Close()
	ctx := context.Background()
	store := NewStore(NewMemoryKV())
	r, err := store.Put(ctx, Rule{Name: "hooked", Text: "chips", Webhook: srv.URL + "/hook", Enabled: true})
	if err != nil {
		t.Fatal(err)
	}
	d := startDeliverer(t, DelivererConfig{Rules: store, RuleWebhookSecret: "rule-secret", Client: srv.Client(),
		Webhooks: []Webhook{{URL: srv.URL + "/other-rules-only", Rules: []string{"someone-else"}}}})
	d.Enqueue(Event{ID: r.ID + ".a1", RuleID: r.ID})
	waitFor(t, "delivery", func() bool { return d.Stats().Delivered == 1 })
	if requests, _, _ := rc.snapshot(); requests != 1 {
		t.Errorf("%d requests; want 1 (the rule's own webhook only)", requests)
	}
	if _, err := NewDeliverer(DelivererConfig{Webhooks: []Webhook{{URL: "not a url"}}}, nil); err == nil {
		t.Error("NewDeliverer accepted a bad webhook URL")
	}
}

func TestSignature(t *testing.T) {
	body := []byte(`{"type":"alert"}`)
	// echo -n '{"type":"alert"}' | openssl dgst -sha256 -hmac key
	want := "sha256=bcfc0141428e073a7b0db1c0faf0643a475278dd7c504ab4173da86712d83b04"
	got := Sign([]byte("key"), body)
	if got != want || !VerifySignature([]byte("key"), body, got) || VerifySignature([]byte("other"), body, got) {
		t.Errorf("Sign = %q", got)
	}
}
