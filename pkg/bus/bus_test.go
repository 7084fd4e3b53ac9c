package bus_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsmon/newsmon/internal/testutil"
	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/bus/bustest"
)

func connect(t testing.TB) (*bus.Bus, string) {
	t.Helper()
	url := bustest.JetStream(t)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	b, err := bus.Connect(ctx, bus.Config{URL: url}, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = b.Close() })
	return b, url
}

func fastConsumer(durable string) bus.ConsumerConfig {
	return bus.ConsumerConfig{Stream: bus.StreamFetched, Subject: bus.SubjectFetched, Durable: durable,
		Stage: "test", MaxDeliver: 3, Batch: 10, MaxWait: 100 * time.Millisecond,
		Backoff: 10 * time.Millisecond, MaxBackoff: 50 * time.Millisecond, AckWait: 2 * time.Second}
}

func TestPublishDeduplicatesByMsgID(t *testing.T) {
	b, _ := connect(t)
	ctx := context.Background()
	for i, wantDup := range []bool{false, true} {
		dup, err := b.Publish(ctx, bus.SubjectFetched, "a1.fetched", []byte(`{"id":"a1"}`), nil)
		if err != nil || dup != wantDup {
			t.Fatalf("publish #%d: dup=%v err=%v; want dup=%v", i, dup, err, wantDup)
		}
	}
	n, err := b.StreamMessages(ctx, bus.StreamFetched)
	if err != nil || n != 1 {
		t.Fatalf("stream holds %d messages (%v), want 1", n, err)
	}
}

func TestWorkersShareTheLoadAndEachMessageIsHandledOnce(t *testing.T) {
	b, _ := connect(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	const total = 200
	for i := range total {
		if _, err := b.Publish(ctx, bus.SubjectFetched, fmt.Sprintf("m%d", i), []byte("x"), nil); err != nil {
			t.Fatal(err)
		}
	}
	var mu sync.Mutex
	seen := map[string]int{}
	perWorker := [2]atomic.Int64{}
	var wg sync.WaitGroup
	for w := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_ = b.Consume(ctx, fastConsumer("share"), func(_ context.Context, d bus.Delivery) error {
				mu.Lock()
				seen[d.MsgID]++
				mu.Unlock()
				perWorker[w].Add(1)
				return nil
			})
		}()
	}
	testutil.Eventually(t, 10*time.Second, func() error {
		mu.Lock()
		defer mu.Unlock()
		if len(seen) != total {
			return fmt.Errorf("handled %d distinct messages, want %d", len(seen), total)
		}
		return nil
	})
	cancel()
	wg.Wait()
	for id, n := range seen {
		if n != 1 {
			t.Errorf("message %s handled %d times", id, n)
		}
	}
	if perWorker[0].Load() == 0 || perWorker[1].Load() == 0 {
		t.Logf("load split %d/%d (one worker may drain all in a short test)", perWorker[0].Load(), perWorker[1].Load())
	}
}

func deadLetters(t *testing.T, url string) []*nats.Msg {
	t.Helper()
	nc, err := nats.Connect(url)
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	js, _ := jetstream.New(nc)
	ctx := context.Background()
	s, err := js.Stream(ctx, bus.StreamDead)
	if err != nil {
		t.Fatal(err)
	}
	info, _ := s.Info(ctx)
	var out []*nats.Msg
	for seq := info.State.FirstSeq; seq <= info.State.LastSeq && info.State.Msgs > 0; seq++ {
		m, err := s.GetMsg(ctx, seq)
		if err != nil {
			continue
		}
		out = append(out, &nats.Msg{Subject: m.Subject, Data: m.Data, Header: m.Header})
	}
	return out
}

func TestRetriesThenDeadLettersWithReason(t *testing.T) {
	tests := []struct {
		name        string
		handler     func(attempt int) error
		wantDead    bool
		wantAttempt int
		wantReason  string
	}{
		{"transient then ok", func(n int) error {
			if n < 2 {
				return errors.New("index busy")
			}
			return nil
		}, false, 2, ""},
		{"always failing", func(int) error { return errors.New("backend down") }, true, 3, "backend down"},
		{"permanent", func(int) error { return bus.Permanent(errors.New("not json")) }, true, 1, "not json"},
		{"poison panics", func(int) error { panic("extractor bug") }, true, 3, "panic: extractor bug"},
	}
	for _, mode := range consumeModes {
		for _, tc := range tests {
			t.Run(mode.name+"/"+tc.name, func(t *testing.T) {
				retriesThenDeadLetters(t, mode.consume, tc.handler, tc.wantDead, tc.wantAttempt, tc.wantReason)
			})
		}
	}
}

// consumeModes are the ways a stage consumes one message at a time; each must end deliveries
// the same way.
var consumeModes = []struct {
	name    string
	consume func(ctx context.Context, b *bus.Bus, cfg bus.ConsumerConfig, h bus.Handler) error
}{
	{"Consume", func(ctx context.Context, b *bus.Bus, cfg bus.ConsumerConfig, h bus.Handler) error {
		return b.Consume(ctx, cfg, h)
	}},
	{"ConsumeConcurrent", func(ctx context.Context, b *bus.Bus, cfg bus.ConsumerConfig, h bus.Handler) error {
		return b.ConsumeConcurrent(ctx, cfg, 4, h)
	}},
}

func retriesThenDeadLetters(t *testing.T, consume func(context.Context, *bus.Bus, bus.ConsumerConfig, bus.Handler) error,
	handler func(attempt int) error, wantDead bool, wantAttempt int, wantReason string) {
	b, url := connect(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if _, err := b.Publish(ctx, bus.SubjectFetched, "p1", []byte("payload"), nil); err != nil {
		t.Fatal(err)
	}
	var attempts atomic.Int64
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = consume(ctx, b, fastConsumer("retry"), func(_ context.Context, d bus.Delivery) error {
			return handler(int(attempts.Add(1)))
		})
	}()
	testutil.Eventually(t, 10*time.Second, func() error {
		if got := attempts.Load(); got < int64(wantAttempt) {
			return fmt.Errorf("attempts = %d, want %d", got, wantAttempt)
		}
		if wantDead && len(deadLetters(t, url)) == 0 {
			return errors.New("no dead letter yet")
		}
		return nil
	})
	// Wait until the message is settled (acknowledged or terminated: nothing waiting, nothing
	// unacknowledged); only then can no wrongly scheduled extra delivery still come.
	testutil.Eventually(t, 10*time.Second, func() error {
		pending, err := b.Pending(ctx, bus.StreamFetched)
		if got := pending["retry"]; err != nil || got != [2]uint64{0, 0} {
			return fmt.Errorf("message not settled: pending/unacked %v (err %v)", got, err)
		}
		return nil
	})
	cancel()
	<-done
	if got := attempts.Load(); got != int64(wantAttempt) {
		t.Errorf("attempts = %d, want %d", got, wantAttempt)
	}
	dead := deadLetters(t, url)
	if !wantDead {
		if len(dead) != 0 {
			t.Fatalf("got %d dead letters, want none", len(dead))
		}
		return
	}
	if len(dead) != 1 {
		t.Fatalf("got %d dead letters, want 1", len(dead))
	}
	d := dead[0]
	if d.Subject != bus.SubjectDeadPrefix+"test" || string(d.Data) != "payload" {
		t.Errorf("dead letter %s %q; want subject newsmon.dead.test with the original payload", d.Subject, d.Data)
	}
	if reason := d.Header.Get(bus.HeaderError); !strings.Contains(reason, wantReason) {
		t.Errorf("reason %q, want it to contain %q", reason, wantReason)
	}
}

func TestPanicInBatchIsolatesThePoisonMessage(t *testing.T) {
	b, url := connect(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	for _, id := range []string{"good1", "poison", "good2"} {
		if _, err := b.Publish(ctx, bus.SubjectFetched, id, []byte(id), nil); err != nil {
			t.Fatal(err)
		}
	}
	var mu sync.Mutex
	ok := map[string]bool{}
	go func() {
		_ = b.ConsumeBatch(ctx, fastConsumer("batch"), func(_ context.Context, batch []bus.Delivery) []error {
			for _, d := range batch {
				if string(d.Data) == "poison" {
					panic("boom")
				}
			}
			mu.Lock()
			for _, d := range batch {
				ok[string(d.Data)] = true
			}
			mu.Unlock()
			return nil
		})
	}()
	testutil.Eventually(t, 10*time.Second, func() error {
		mu.Lock()
		defer mu.Unlock()
		if !ok["good1"] || !ok["good2"] {
			return fmt.Errorf("good messages handled: %v", ok)
		}
		if len(deadLetters(t, url)) != 1 {
			return errors.New("poison not dead-lettered yet")
		}
		return nil
	})
}

func TestKVCreateClaimsOnce(t *testing.T) {
	b, _ := connect(t)
	ctx := context.Background()
	kv, err := b.KV(ctx, bus.BucketCrawl, 0)
	if err != nil {
		t.Fatal(err)
	}
	if created, err := kv.Create(ctx, "url.abc", []byte("1")); !created || err != nil {
		t.Fatalf("first Create = %v, %v; want true, nil", created, err)
	}
	if created, err := kv.Create(ctx, "url.abc", []byte("2")); created || err != nil {
		t.Fatalf("second Create = %v, %v; want false, nil", created, err)
	}
	if v, ok, err := kv.Get(ctx, "url.abc"); !ok || err != nil || string(v) != "1" {
		t.Fatalf("Get = %q, %v, %v", v, ok, err)
	}
	if _, ok, _ := kv.Get(ctx, "missing"); ok {
		t.Fatal("Get(missing) reported a value")
	}
	if err := kv.Delete(ctx, "url.abc"); err != nil {
		t.Fatal(err)
	}
	if keys, err := kv.Keys(ctx); err != nil || len(keys) != 0 {
		t.Fatalf("Keys after delete = %v, %v", keys, err)
	}
	if created, _ := kv.Create(ctx, "url.abc", []byte("3")); !created {
		t.Fatal("Create after Delete should succeed")
	}
}

// TestBoundedMemoryKVForgetsOldest: a bounded bucket takes every write and keeps the newest keys
// within its bytes, dropping the oldest (a plain bucket would refuse writes once full).
func TestBoundedMemoryKVForgetsOldest(t *testing.T) {
	b, _ := connect(t)
	ctx := context.Background()
	kv, err := b.BoundedMemoryKV(ctx, "bounded_test", 8<<10)
	if err != nil {
		t.Fatal(err)
	}
	val := bytes.Repeat([]byte("x"), 200)
	for i := range 200 {
		if err := kv.Put(ctx, fmt.Sprintf("band.%d", i), val); err != nil {
			t.Fatalf("Put %d into a full bucket: %v", i, err)
		}
	}
	if _, ok, err := kv.Get(ctx, "band.199"); !ok || err != nil {
		t.Fatalf("newest key: ok=%v, %v; want it kept", ok, err)
	}
	if _, ok, _ := kv.Get(ctx, "band.0"); ok {
		t.Fatal("oldest key still there; want it dropped to stay within the bound")
	}
	// Opening it again (as a restarted worker does) keeps the bound and the discard policy.
	if _, err := b.BoundedMemoryKV(ctx, "bounded_test", 8<<10); err != nil {
		t.Fatal(err)
	}
	if err := kv.Put(ctx, "band.200", val); err != nil {
		t.Fatalf("Put after reopening: %v", err)
	}
}

func TestKVCompareAndSwap(t *testing.T) {
	b, _ := connect(t)
	ctx := context.Background()
	kv, err := b.KV(ctx, bus.BucketCrawl, 0)
	if err != nil {
		t.Fatal(err)
	}
	if ok, err := kv.CompareAndSwap(ctx, "k", nil, []byte("a")); !ok || err != nil {
		t.Fatalf("CAS(nil→a) = %v, %v", ok, err)
	}
	if ok, _ := kv.CompareAndSwap(ctx, "k", []byte("x"), []byte("b")); ok {
		t.Fatal("CAS with a wrong old value succeeded")
	}
	if ok, err := kv.CompareAndSwap(ctx, "k", []byte("a"), []byte("b")); !ok || err != nil {
		t.Fatalf("CAS(a→b) = %v, %v", ok, err)
	}
	if v, _, _ := kv.Get(ctx, "k"); string(v) != "b" {
		t.Fatalf("value = %q, want b", v)
	}
}

// TestKVKeysExpireAfterTTL: a bucket opened with a ttl drops a key that long after its last write
// (the crawl bucket uses the crawler's dedup window), in file and in memory storage alike.
func TestKVKeysExpireAfterTTL(t *testing.T) {
	b, _ := connect(t)
	ctx := context.Background()
	for name, open := range map[string]func(context.Context, string, time.Duration) (*bus.KV, error){
		"file": b.KV, "memory": b.MemoryKV,
	} {
		kv, err := open(ctx, "ttl_"+name, time.Second)
		if err != nil {
			t.Fatal(err)
		}
		if created, err := kv.Create(ctx, "claim.x", []byte("1")); !created || err != nil {
			t.Fatalf("%s: Create = %v, %v", name, created, err)
		}
		if _, ok, _ := kv.Get(ctx, "claim.x"); !ok {
			t.Fatalf("%s: key missing right after Create", name)
		}
		testutil.Eventually(t, 10*time.Second, func() error {
			if _, ok, err := kv.Get(ctx, "claim.x"); ok || err != nil {
				return fmt.Errorf("%s: key still there after its ttl (err %v)", name, err)
			}
			return nil
		})
	}
}

func TestExpiringKVKeysCarryTheirOwnTTL(t *testing.T) {
	b, url := connect(t)
	ctx := context.Background()
	// The bucket exists from before per-key TTLs (as a deployment's fired bucket does) and is
	// reopened with them.
	old, err := b.KV(ctx, "expiring", 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := old.Put(ctx, "rule.window", []byte("1")); err != nil {
		t.Fatal(err)
	}
	kv, err := b.ExpiringKV(ctx, "expiring")
	if err != nil {
		t.Fatal(err)
	}
	if created, err := kv.CreateExpiring(ctx, "fired.a", []byte("1"), 1500*time.Millisecond); !created || err != nil {
		t.Fatalf("CreateExpiring = %v, %v", created, err)
	}
	if ttl := keyTTLHeader(t, url, "expiring", "fired.a"); ttl != "2s" {
		t.Errorf("key stored with %s %q; want 2s (1.5s rounded up)", jetstream.MsgTTLHeader, ttl)
	}
	if created, err := kv.CreateExpiring(ctx, "fired.a", []byte("2"), time.Second); created || err != nil {
		t.Fatalf("CreateExpiring of a live key = %v, %v; want false, nil", created, err)
	}
	if created, err := kv.Create(ctx, "story.b", []byte("1")); !created || err != nil {
		t.Fatalf("Create = %v, %v", created, err)
	}
	testutil.Eventually(t, 10*time.Second, func() error {
		if _, ok, err := kv.Get(ctx, "fired.a"); ok || err != nil {
			return fmt.Errorf("key still there after its ttl (err %v)", err)
		}
		return nil
	})
	for _, key := range []string{"rule.window", "story.b"} {
		if _, ok, err := kv.Get(ctx, key); !ok || err != nil {
			t.Errorf("%s without a ttl is gone (err %v)", key, err)
		}
	}
	if created, err := kv.CreateExpiring(ctx, "fired.a", []byte("3"), time.Minute); !created || err != nil {
		t.Fatalf("CreateExpiring after expiry = %v, %v; want true", created, err)
	}
}

func TestCreateExpiringWithoutKeyTTLsKeepsTheKey(t *testing.T) {
	b, url := connect(t)
	ctx := context.Background()
	kv, err := b.KV(ctx, "plain", 0) // as ExpiringKV opens it on a server without per-key TTLs
	if err != nil {
		t.Fatal(err)
	}
	if created, err := kv.CreateExpiring(ctx, "fired.a", []byte("1"), time.Second); !created || err != nil {
		t.Fatalf("CreateExpiring = %v, %v; want true, nil", created, err)
	}
	if created, err := kv.CreateExpiring(ctx, "fired.a", []byte("2"), time.Second); created || err != nil {
		t.Fatalf("CreateExpiring of a live key = %v, %v; want false, nil", created, err)
	}
	// The key is kept because it was stored without a TTL: the server removes a key only when its
	// message carries one, so reading the header says at once what waiting out the ttl would show.
	if ttl := keyTTLHeader(t, url, "plain", "fired.a"); ttl != "" {
		t.Fatalf("key stored with %s %q; want none, so that it is kept", jetstream.MsgTTLHeader, ttl)
	}
	if v, ok, err := kv.Get(ctx, "fired.a"); !ok || err != nil || string(v) != "1" {
		t.Fatalf("Get = %q, %v, %v; want the first value kept", v, ok, err)
	}
}

// keyTTLHeader returns the TTL header of the message that holds key in KV bucket, "" if it has none.
func keyTTLHeader(t *testing.T, url, bucket, key string) string {
	t.Helper()
	nc, err := nats.Connect(url)
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	s, err := js.Stream(ctx, "KV_"+bucket)
	if err != nil {
		t.Fatal(err)
	}
	m, err := s.GetLastMsgForSubject(ctx, "$KV."+bucket+"."+key)
	if err != nil {
		t.Fatal(err)
	}
	return m.Header.Get(jetstream.MsgTTLHeader)
}
