package bus_test

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsmon/newsmon/internal/testutil"
	"github.com/newsmon/newsmon/pkg/bus"
)

func openPacked(t testing.TB, b *bus.Bus, bucket string, window time.Duration) *bus.PackedKV {
	t.Helper()
	ctx := t.Context()
	kv, err := b.KV(ctx, bucket, 0)
	if err != nil {
		t.Fatal(err)
	}
	p, err := b.Packed(ctx, kv, window, "url.", "mark.")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestPackedKVKeysBehaveAsKeys: a packed key answers every operation as a key of its own would,
// and keys of other prefixes are left as they are.
func TestPackedKVKeysBehaveAsKeys(t *testing.T) {
	b, _ := connect(t)
	ctx := context.Background()
	p := openPacked(t, b, "packed_ops", 0)
	step := func(what string, got, want bool, err error) {
		t.Helper()
		if err != nil || got != want {
			t.Fatalf("%s = %v, %v; want %v", what, got, err, want)
		}
	}
	for _, key := range []string{"url.abc", "feed.abc"} { // packed, and not
		created, err := p.Create(ctx, key, []byte("1"))
		step(key+": first Create", created, true, err)
		created, err = p.Create(ctx, key, []byte("2"))
		step(key+": second Create", created, false, err)
		v, ok, err := p.Get(ctx, key)
		step(key+": Get", ok && string(v) == "1", true, err)
		swapped, err := p.CompareAndSwap(ctx, key, []byte("x"), []byte("3"))
		step(key+": CompareAndSwap from a wrong value", swapped, false, err)
		swapped, err = p.CompareAndSwap(ctx, key, []byte("1"), []byte("3"))
		step(key+": CompareAndSwap", swapped, true, err)
		if err := p.Put(ctx, key, []byte("4")); err != nil {
			t.Fatal(err)
		}
		v, ok, err = p.Get(ctx, key)
		step(key+": Get after Put", ok && string(v) == "4", true, err)
		if err := p.Delete(ctx, key); err != nil {
			t.Fatal(err)
		}
		_, ok, err = p.Get(ctx, key)
		step(key+": Get after Delete", ok, false, err)
		created, err = p.Create(ctx, key, nil)
		step(key+": Create after Delete", created, true, err)
		v, ok, err = p.Get(ctx, key)
		step(key+": Get of an empty value", ok && len(v) == 0, true, err)
	}
	if _, ok, _ := p.Get(ctx, "url.other"); ok {
		t.Fatal("a key never written reads as present (it shares no shard id with url.abc)")
	}
	keys, err := p.Keys(ctx)
	if err != nil || !slices.Equal(keys, []string{"feed.abc"}) {
		t.Fatalf("Keys = %v, %v; want the unpacked key only", keys, err)
	}
}

// TestPackedKVBoundsSubjects: however many packed keys are written, the bucket holds at most one
// subject per shard, and every key stays readable.
func TestPackedKVBoundsSubjects(t *testing.T) {
	b, _ := connect(t)
	ctx := context.Background()
	p := openPacked(t, b, "packed_bound", time.Hour)
	bus.SetPackedShardBits(p, 3) // 8 shards
	const n = 400
	for i := range n {
		if created, err := p.Create(ctx, fmt.Sprintf("url.%d", i), []byte(fmt.Sprint(i))); !created || err != nil {
			t.Fatalf("Create %d = %v, %v", i, created, err)
		}
	}
	for i := range n {
		if v, ok, err := p.Get(ctx, fmt.Sprintf("url.%d", i)); !ok || err != nil || string(v) != fmt.Sprint(i) {
			t.Fatalf("Get %d = %q, %v, %v", i, v, ok, err)
		}
	}
	raw, err := b.KV(ctx, "packed_bound", 0)
	if err != nil {
		t.Fatal(err)
	}
	keys, err := raw.Keys(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(keys) > 8+1 { // the shards and the packed-since marker
		t.Fatalf("%d packed keys took %d bucket keys: %v; want at most 9", n, len(keys), keys)
	}
}

// TestPackedKVCreateOnceUnderContention: workers racing to create the same keys in shared shards
// each key is created exactly once (compare-and-swap on the shard, retried on a lost race), also
// when they are three processes (three PackedKV on one bucket), and each then reads the keys the
// others created.
func TestPackedKVCreateOnceUnderContention(t *testing.T) {
	b, _ := connect(t)
	ctx := context.Background()
	var procs []*bus.PackedKV
	for range 3 {
		p := openPacked(t, b, "packed_race", 0)
		bus.SetPackedShardBits(p, 1) // 2 shards: every write contends
		procs = append(procs, p)
	}
	const keys, workers = 30, 6
	createRacing(t, procs, keys, workers)
	for _, p := range procs {
		testutil.Eventually(t, 10*time.Second, func() error {
			for i := range keys {
				if _, ok, err := p.Get(ctx, fmt.Sprintf("mark.%d", i)); !ok || err != nil {
					return fmt.Errorf("mark.%d not seen: %v", i, err)
				}
			}
			return nil
		})
	}
}

// TestPackedKVKeysExpire: a packed key lives the bucket's window, or its own ttl.
func TestPackedKVKeysExpire(t *testing.T) {
	b, _ := connect(t)
	ctx := context.Background()
	p := openPacked(t, b, "packed_ttl", time.Second)
	if created, err := p.Create(ctx, "url.a", []byte("1")); !created || err != nil {
		t.Fatalf("Create = %v, %v", created, err)
	}
	if created, err := p.CreateExpiring(ctx, "url.b", []byte("1"), time.Hour); !created || err != nil {
		t.Fatalf("CreateExpiring = %v, %v", created, err)
	}
	testutil.Eventually(t, 10*time.Second, func() error {
		if _, ok, err := p.Get(ctx, "url.a"); ok || err != nil {
			return fmt.Errorf("url.a still there after the window (err %v)", err)
		}
		return nil
	})
	if _, ok, err := p.Get(ctx, "url.b"); !ok || err != nil {
		t.Fatalf("url.b (ttl 1h) gone with the window: %v, %v", ok, err)
	}
	if created, err := p.Create(ctx, "url.a", []byte("2")); !created || err != nil {
		t.Fatalf("Create of an expired key = %v, %v; want true", created, err)
	}
}

// TestPackedKVReadsKeysWrittenBeforePacking: a bucket that held keys of its own before it was
// packed (an upgraded deployment) still knows them.
func TestPackedKVReadsKeysWrittenBeforePacking(t *testing.T) {
	b, _ := connect(t)
	ctx := context.Background()
	kv, err := b.KV(ctx, "packed_upgrade", 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := kv.Put(ctx, "url.old", []byte("done")); err != nil {
		t.Fatal(err)
	}
	p := openPacked(t, b, "packed_upgrade", time.Hour)
	if v, ok, err := p.Get(ctx, "url.old"); !ok || err != nil || string(v) != "done" {
		t.Fatalf("Get of a key written unpacked = %q, %v, %v", v, ok, err)
	}
	if created, err := p.Create(ctx, "url.old", []byte("again")); created || err != nil {
		t.Fatalf("Create of a key written unpacked = %v, %v; want false", created, err)
	}
	if swapped, err := p.CompareAndSwap(ctx, "url.old", []byte("done"), []byte("released")); !swapped || err != nil {
		t.Fatalf("CompareAndSwap from the unpacked value = %v, %v", swapped, err)
	}
	if v, _, _ := p.Get(ctx, "url.old"); string(v) != "released" {
		t.Fatalf("value after the swap = %q", v)
	}
	// A second worker opening the bucket agrees on when packing began.
	p2 := openPacked(t, b, "packed_upgrade", time.Hour)
	if _, ok, _ := p2.Get(ctx, "url.old"); !ok {
		t.Fatal("a second opening lost the unpacked key")
	}
}

// TestPackedKVShardGoneWithTheBucketsAge: a shard the server drops at the bucket's age limit
// (without a marker a watch would see) is written afresh, and its keys are created once again.
func TestPackedKVShardGoneWithTheBucketsAge(t *testing.T) {
	b, _ := connect(t)
	ctx := t.Context()
	kv, err := b.KV(ctx, "packed_age", time.Second)
	if err != nil {
		t.Fatal(err)
	}
	p, err := b.Packed(ctx, kv, time.Second, "url.")
	if err != nil {
		t.Fatal(err)
	}
	if created, err := p.Create(ctx, "url.a", []byte("1")); !created || err != nil {
		t.Fatalf("Create = %v, %v", created, err)
	}
	testutil.Eventually(t, 10*time.Second, func() error {
		if keys, err := kv.Keys(ctx); err != nil || slices.ContainsFunc(keys, func(k string) bool { return k != "pk.since" }) {
			return fmt.Errorf("shard still stored: %v (err %v)", keys, err)
		}
		return nil
	})
	// The key's own expiry is rounded up to the second, so it may outlive the shard a moment.
	testutil.Eventually(t, 10*time.Second, func() error {
		if created, err := p.Create(ctx, "url.a", []byte("2")); !created || err != nil {
			return fmt.Errorf("Create after the shard aged out = %v, %v; want true", created, err)
		}
		return nil
	})
	if created, err := p.Create(ctx, "url.a", []byte("3")); created || err != nil {
		t.Fatalf("second Create = %v, %v; want false", created, err)
	}
}

// createRacing has workers, spread over procs, each create keys "mark.0" … and fails the test
// unless every key was created exactly once.
func createRacing(t *testing.T, procs []*bus.PackedKV, keys, workers int) {
	t.Helper()
	ctx := t.Context()
	var created atomic.Int64
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for w := range workers {
		p := procs[w%len(procs)]
		wg.Go(func() {
			for i := range keys {
				ok, err := p.Create(ctx, fmt.Sprintf("mark.%d", i), []byte(fmt.Sprint(w)))
				if err != nil {
					errs <- err
					return
				}
				if ok {
					created.Add(1)
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if got := created.Load(); got != int64(keys) {
		t.Fatalf("%d creations reported for %d keys; want each created once", got, keys)
	}
}
