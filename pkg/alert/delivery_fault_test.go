package alert

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// Fault tests of webhook delivery on a real embedded JetStream: events wait in the alert stream
// while the receiver is down, across a restart of the delivering process, and during a flood,
// until delivered or given up on with a reason. Each prints a FAULT line.

func faultEvents(n int) []Event {
	evs := make([]Event, n)
	for i := range evs {
		evs[i] = Event{ID: fmt.Sprintf("flood.s%04d", i), RuleID: "flood", RuleName: "flood", ArticleID: fmt.Sprintf("a%04d", i),
			Title: fmt.Sprintf("story %d", i), Fired: time.Now().UTC()}
	}
	return evs
}

func faultLine(t *testing.T, name string, fired int, rc *receiver, d *Deliverer) {
	t.Helper()
	ids, dups := rc.distinct()
	s := d.Total()
	line := fmt.Sprintf("FAULT %s fired=%d delivered=%d dead_lettered=%d duplicates=%d failed_attempts=%d",
		name, fired, ids, s.DeadLettered, dups, s.Failed)
	t.Log(line)
	fmt.Println(line)
}

// TestFaultWebhookReceiverDown: the receiver drops every connection while 17 alerts fire; once it
// is back, every alert arrives, once.
func TestFaultWebhookReceiverDown(t *testing.T) {
	if testing.Short() {
		t.Skip("fault test")
	}
	b := startAlertBus(t, t.TempDir())
	rc := &receiver{t: t, secret: "s"}
	rc.down.Store(true)
	srv := httptest.NewServer(rc)
	defer srv.Close()
	d := startDeliverer(t, DelivererConfig{Bus: b.Bus, Webhooks: []Webhook{{URL: srv.URL, Secret: "s"}}, Client: srv.Client()})
	evs := faultEvents(17)
	for _, ev := range evs {
		b.publish(t, ev)
	}
	// Down long enough for every event to have failed at least twice.
	waitFor(t, "failed attempts", func() bool { return d.Total().Failed >= 2*uint64(len(evs)) })
	if p, err := d.Pending(t.Context()); err != nil || p[WebhookTargetName(srv.URL)] != uint64(len(evs)) {
		t.Errorf("pending = %v, %v; want %d for the webhook", p, err, len(evs))
	}
	rc.down.Store(false)
	waitFor(t, "every event delivered", func() bool { ids, _ := rc.distinct(); return ids == len(evs) })
	waitFor(t, "deliveries counted", func() bool { return d.Total().Delivered == uint64(len(evs)) })
	faultLine(t, "webhook-receiver-down", len(evs), rc, d.Deliverer)
	if _, dups := rc.distinct(); dups != 0 || d.Total().DeadLettered != 0 {
		t.Errorf("duplicates=%d dead_lettered=%d; want 0, 0", dups, d.Total().DeadLettered)
	}
	if p, err := d.Pending(t.Context()); err != nil || p[WebhookTargetName(srv.URL)] != 0 {
		t.Errorf("pending after delivery = %v, %v; want 0", p, err)
	}
}

// TestFaultWebhookRestartMidRetry: the receiver is down, the events are being retried, and the
// whole process stops (graceful shutdown of the deliverer, then its embedded NATS server). After a
// restart on the same data, with the receiver back, every event arrives.
func TestFaultWebhookRestartMidRetry(t *testing.T) {
	if testing.Short() {
		t.Skip("fault test")
	}
	dir := t.TempDir()
	b := startAlertBus(t, dir)
	rc := &receiver{t: t, secret: "s"}
	rc.down.Store(true)
	srv := httptest.NewServer(rc)
	defer srv.Close()
	cfg := DelivererConfig{Webhooks: []Webhook{{URL: srv.URL, Secret: "s"}}, Client: srv.Client(),
		AckWait: time.Second, Backoff: 100 * time.Millisecond, MaxBackoff: 400 * time.Millisecond}
	cfg.Bus = b.Bus
	d1 := startDeliverer(t, cfg)
	evs := faultEvents(17)
	for _, ev := range evs {
		b.publish(t, ev)
	}
	waitFor(t, "every event tried", func() bool { return d1.Total().Failed >= uint64(len(evs)) })
	d1.stop()
	b.stop()
	firstRun := d1.Total()

	rc.down.Store(false)
	b2 := startAlertBus(t, dir)
	cfg.Bus = b2.Bus
	d2 := startDeliverer(t, cfg)
	waitFor(t, "every event delivered after the restart", func() bool { ids, _ := rc.distinct(); return ids == len(evs) })
	waitFor(t, "deliveries counted", func() bool { return d2.Total().Delivered == uint64(len(evs)) })
	faultLine(t, "webhook-restart-mid-retry", len(evs), rc, d2.Deliverer)
	if _, dups := rc.distinct(); dups != 0 || firstRun.Delivered != 0 || d2.Total().DeadLettered != 0 {
		t.Errorf("duplicates=%d, delivered before the restart %d, dead-lettered %d; want 0, 0, 0", dups, firstRun.Delivered, d2.Total().DeadLettered)
	}
}

// TestFaultWebhookSlowReceiverFlood: a receiver taking 20 ms per request while 1,000 alerts fire at
// once: none is dropped, none doubled; delivery runs at the target's concurrency.
func TestFaultWebhookSlowReceiverFlood(t *testing.T) {
	if testing.Short() {
		t.Skip("fault test")
	}
	b := startAlertBus(t, t.TempDir())
	rc := &receiver{t: t, delay: 20 * time.Millisecond}
	srv := httptest.NewServer(rc)
	defer srv.Close()
	d := startDeliverer(t, DelivererConfig{Bus: b.Bus, Webhooks: []Webhook{{URL: srv.URL}}, Client: srv.Client(), Concurrency: 8})
	evs := faultEvents(1000)
	start := time.Now()
	for _, ev := range evs {
		b.publish(t, ev)
	}
	waitFor(t, "every event delivered", func() bool { ids, _ := rc.distinct(); return ids == len(evs) })
	took := time.Since(start)
	waitFor(t, "deliveries counted", func() bool { return d.Total().Delivered == uint64(len(evs)) })
	faultLine(t, "webhook-slow-receiver-flood", len(evs), rc, d.Deliverer)
	t.Logf("1,000 events to a 20 ms receiver at concurrency 8 in %s", took.Round(time.Millisecond))
	if _, dups := rc.distinct(); dups != 0 || d.Total().DeadLettered != 0 || d.Total().Failed != 0 {
		t.Errorf("duplicates=%d stats=%+v; want no duplicate, failure or dead letter", dups, d.Total())
	}
}

// TestFaultWebhookMaxAge: a receiver that never recovers; each event is retried until the maximum
// age and then stored as a dead letter saying why, and nothing stays pending.
func TestFaultWebhookMaxAge(t *testing.T) {
	if testing.Short() {
		t.Skip("fault test")
	}
	b := startAlertBus(t, t.TempDir())
	rc := &receiver{t: t, failFirst: 1 << 30, failWith: http.StatusBadGateway}
	srv := httptest.NewServer(rc)
	defer srv.Close()
	d := startDeliverer(t, DelivererConfig{Bus: b.Bus, Webhooks: []Webhook{{URL: srv.URL}}, Client: srv.Client(),
		MaxAge: 1500 * time.Millisecond, Backoff: 50 * time.Millisecond, MaxBackoff: 200 * time.Millisecond})
	evs := faultEvents(5)
	for _, ev := range evs {
		b.publish(t, ev)
	}
	waitFor(t, "dead letters", func() bool { return d.Total().DeadLettered == uint64(len(evs)) })
	faultLine(t, "webhook-max-age", len(evs), rc, d.Deliverer)
	dls := b.deadLetters(t)
	if len(dls) != len(evs) {
		t.Fatalf("%d dead letters; want %d", len(dls), len(evs))
	}
	for _, dl := range dls {
		if !strings.Contains(dl.Reason, "maximum age") || !strings.Contains(dl.Reason, "status 502") || dl.Deliveries < 2 {
			t.Errorf("dead letter reason %q after %d deliveries; want the maximum age, the last error, several attempts", dl.Reason, dl.Deliveries)
		}
	}
	if p, err := d.Pending(t.Context()); err != nil || p[WebhookTargetName(srv.URL)] != 0 {
		t.Errorf("pending = %v, %v; want 0", p, err)
	}
}
