package alert

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/geo"
)

// natsKVs starts an embedded NATS with JetStream storing in dir and opens the two alert buckets.
func natsKVs(t testing.TB, ctx context.Context, dir string) (rules, fired *bus.KV, stop func()) {
	t.Helper()
	rules, fired, _, stop = natsBus(t, ctx, dir)
	return rules, fired, stop
}

// natsBus is natsKVs with the connection, to publish alert events on.
func natsBus(t testing.TB, ctx context.Context, dir string) (rules, fired *bus.KV, b *bus.Bus, stop func()) {
	t.Helper()
	e, err := bus.StartEmbedded(bus.EmbeddedConfig{StoreDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	b, err = bus.Connect(ctx, bus.Config{URL: e.ClientURL()}, nil)
	if err != nil {
		e.Shutdown()
		t.Fatal(err)
	}
	stop = func() { _ = b.Close(); e.Shutdown() }
	if rules, err = b.KV(ctx, bus.BucketAlertRules, 0); err != nil {
		stop()
		t.Fatal(err)
	}
	if fired, err = b.ExpiringKV(ctx, bus.BucketAlertFired); err != nil {
		stop()
		t.Fatal(err)
	}
	return rules, fired, b, stop
}

// publishEvents stores events on the alert stream as the index stage does.
func publishEvents(t testing.TB, b *bus.Bus, evs []Event) {
	t.Helper()
	for _, ev := range evs {
		(&alertBus{Bus: b}).publish(t, ev)
	}
}

// resolverOrSkip returns a place resolver over the real gazetteer, or skips a -short run: the tests
// that use it also start NATS.
func resolverOrSkip(t *testing.T) *geo.Resolver {
	t.Helper()
	if testing.Short() {
		t.Skip("starts NATS and loads the gazetteer")
	}
	gaz, err := geo.Default()
	if err != nil {
		t.Fatal(err)
	}
	return geo.NewResolver(gaz)
}

// placeArticle is an article whose PLACE entities are every occurrence of the given names, with
// Places filled by the real gazetteer resolver.
func placeArticle(t *testing.T, res *geo.Resolver, id, url, title, text string, places ...string) *article.Article {
	t.Helper()
	a := &article.Article{ID: id, URL: url, CanonicalURL: url, Source: strings.Split(strings.TrimPrefix(url, "https://"), "/")[0],
		Language: "en", Title: title, Text: text}
	for _, name := range places {
		var ms []article.Mention
		for off := 0; ; {
			i := strings.Index(text[off:], name)
			if i < 0 {
				break
			}
			start := utf8.RuneCountInString(text[:off+i])
			ms = append(ms, article.Mention{Text: name, Start: start, End: start + utf8.RuneCountInString(name)})
			off += i + len(name)
		}
		a.Entities = append(a.Entities, article.Entity{Type: article.TypePlace, Name: name, Mentions: ms, Count: len(ms)})
	}
	if err := res.Extract(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	return a
}

// TestAlertsOverNATS runs the alert engine on the real embedded JetStream KV: a region rule on a
// country fires for an article naming only a city inside it, once for a story republished under a
// second URL, its webhook gets exactly one delivery although the receiver fails twice first, and
// rules and fired marks survive a restart of the server.
func TestAlertsOverNATS(t *testing.T) {
	res := resolverOrSkip(t)
	ctx := context.Background()
	dir := t.TempDir()
	rulesKV, firedKV, nb, stop := natsBus(t, ctx, dir)
	defer func() { stop() }()

	rc := &receiver{t: t, secret: "hook-secret", failFirst: 2, failWith: http.StatusBadGateway}
	hook := httptest.NewServer(rc)
	defer hook.Close()
	store := NewStore(rulesKV)
	rule, err := store.Put(ctx, Rule{Name: "China", Region: []string{"China"}, Webhook: hook.URL, Enabled: true})
	if err != nil {
		t.Fatal(err)
	}
	d := startDeliverer(t, DelivererConfig{Bus: nb, Rules: store, RuleWebhookSecret: "hook-secret", Client: hook.Client()})
	m := NewMatcher(store, firedKV, nil)

	wire := mustRead(t, "testdata/story_wire.txt")
	// Only Wuxi is tagged, the rule is on China: Wuxi lies in it (and the dateline names it).
	original := placeArticle(t, res, "a1", "https://wire.example/wuxi-chips", "Spanish chipmaker to build plant in Wuxi", wire, "Wuxi")
	if len(original.Places) == 0 || original.Places[0].CountryCode != "CN" || original.Places[0].Admin1 != "Jiangsu" {
		t.Fatalf("places = %+v; want Wuxi, Jiangsu, CN first", original.Places)
	}
	copyOf := placeArticle(t, res, "a2", "https://paper.example/business/123", "Wuxi lands chip plant", syndicated(wire), "Wuxi")

	evs, err := matchDelivered(ctx, m, original)
	if err != nil || len(evs) != 1 || evs[0].Reasons[0] != "region China via Wuxi" {
		t.Fatalf("Match(original) = %+v, %v; want one event, region China via Wuxi", evs, err)
	}
	publishEvents(t, nb, evs)
	if evs, err := matchDelivered(ctx, m, copyOf); err != nil || len(evs) != 0 {
		t.Fatalf("Match(republished copy) = %+v, %v; want none", evs, err)
	}
	waitFor(t, "webhook delivery", func() bool { return d.Total().Delivered == 1 })
	d.stop()
	requests, delivered, badSig := rc.snapshot()
	if requests != 3 || len(delivered) != 1 || badSig != 0 || delivered[0].Event.ArticleID != "a1" {
		t.Fatalf("webhook: %d requests, %d delivered, %d bad signatures; want 3, 1, 0", requests, len(delivered), badSig)
	}

	// Restart the server on the same storage: rules and fired marks are still there.
	stop()
	rulesKV, firedKV, stop = natsKVs(t, ctx, dir)
	store = NewStore(rulesKV)
	got, err := store.List(ctx)
	if err != nil || len(got) != 1 || got[0].ID != rule.ID || got[0].Region[0] != "China" || got[0].Webhook != hook.URL {
		t.Fatalf("rules after restart = %+v, %v; want %s", got, err, rule.ID)
	}
	m = NewMatcher(store, firedKV, nil)
	for _, a := range []*article.Article{original, copyOf} {
		if evs, err := matchDelivered(ctx, m, a); err != nil || len(evs) != 0 {
			t.Errorf("after restart Match(%s) = %+v, %v; want none", a.ID, evs, err)
		}
	}
	third := placeArticle(t, res, "a3", "https://paper.example/rents", "Rents protest", mustRead(t, "testdata/story_other.txt")+
		" Investors from Shenzhen were also blamed.", "Shenzhen")
	if evs, err := matchDelivered(ctx, m, third); err != nil || len(evs) != 1 {
		t.Errorf("after restart Match(new story) = %+v, %v; want one event", evs, err)
	}
}

// TestFiredMarksExpireAfterRetention: with a retention, a story's fired mark and story id leave the
// real JetStream bucket when it ends, and the story fires again.
func TestFiredMarksExpireAfterRetention(t *testing.T) {
	res := resolverOrSkip(t)
	ctx := context.Background()
	rulesKV, firedKV, stop := natsKVs(t, ctx, t.TempDir())
	defer stop()
	store := NewStore(rulesKV)
	if _, err := store.Put(ctx, Rule{Name: "China", Region: []string{"China"}, Enabled: true}); err != nil {
		t.Fatal(err)
	}
	// Story bands live apart, as in production (run keeps them in a memory bucket).
	m := NewMatcher(store, firedKV, nil, WithRetention(time.Second), WithStoryBands(NewMemoryKV()))
	a := placeArticle(t, res, "a1", "https://wire.example/wuxi-chips", "Spanish chipmaker to build plant in Wuxi",
		mustRead(t, "testdata/story_wire.txt"), "Wuxi")
	if evs, err := matchDelivered(ctx, m, a); err != nil || len(evs) != 1 {
		t.Fatalf("first Match = %+v, %v; want one event", evs, err)
	}
	if evs, err := matchDelivered(ctx, m, a); err != nil || len(evs) != 0 {
		t.Fatalf("second Match = %+v, %v; want none while the mark lives", evs, err)
	}
	keys, err := firedKV.Keys(ctx)
	if err != nil || len(keys) == 0 {
		t.Fatalf("fired keys = %v, %v; want the marks", keys, err)
	}
	waitFor(t, "fired marks to expire", func() bool {
		keys, err := firedKV.Keys(ctx)
		return err == nil && len(keys) == 0
	})
	if evs, err := matchDelivered(ctx, m, a); err != nil || len(evs) != 1 {
		t.Fatalf("Match after the retention = %+v, %v; want one event again", evs, err)
	}
}

// BenchmarkAlertLatency measures, on the real embedded JetStream KV, the time from handing an
// indexed article to Match until its webhook receiver has the signed event: story fingerprinting,
// the fired claim, the queue and one HTTP delivery. It reports the p50 and p99 in milliseconds.
func BenchmarkAlertLatency(b *testing.B) {
	ctx := context.Background()
	rulesKV, firedKV, nb, stop := natsBus(b, ctx, b.TempDir())
	defer stop()
	got := make(chan time.Time, 1024)
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		got <- time.Now()
	}))
	defer hook.Close()
	store := NewStore(rulesKV)
	for i := range 20 { // a realistic rule set: 19 that do not match, one that does
		region := "Catalonia"
		if i == 0 {
			region = "China"
		}
		if _, err := store.Put(ctx, Rule{Name: fmt.Sprint("rule ", i), Region: []string{region}, Enabled: true}); err != nil {
			b.Fatal(err)
		}
	}
	startDeliverer(b, DelivererConfig{Bus: nb, Webhooks: []Webhook{{URL: hook.URL, Secret: "s"}}, Client: hook.Client()})
	m := NewMatcher(store, firedKV, nil)
	wire := mustRead(b, "testdata/story_wire.txt")
	var lat []time.Duration
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		// A different story each time: a unique opening paragraph shifts the fingerprint.
		text := strings.Repeat(fmt.Sprintf("Bulletin %d of the day from desk %d about item %d. ", i, i*7, i*13), 20) + wire
		a := storyArticle(fmt.Sprint("b", i), fmt.Sprintf("https://x.example/%d", i), "t", text)
		start := time.Now()
		evs, err := matchDelivered(ctx, m, a)
		if err != nil || len(evs) != 1 {
			b.Fatalf("Match = %d events, %v", len(evs), err)
		}
		publishEvents(b, nb, evs)
		lat = append(lat, (<-got).Sub(start))
	}
	b.StopTimer()
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
}
