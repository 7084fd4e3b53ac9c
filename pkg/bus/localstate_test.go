package bus_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/bus/bustest"
)

// connectOwner connects to url as the process that owns the packed keys, keeping them under dir.
func connectOwner(t testing.TB, url, dir string) *bus.Bus {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	b, err := bus.Connect(ctx, bus.Config{URL: url, StateDir: dir}, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = b.Close() })
	return b
}

func connectURL(t *testing.T, url string) *bus.Bus {
	t.Helper()
	return connectOwner(t, url, "")
}

// TestPackedKVInAStateFile: the process that owns the packed keys keeps them in its file, another
// process on the same server reaches them through it, and both see every operation as a key's own:
// one create wins, swaps and deletes hold across them.
func TestPackedKVInAStateFile(t *testing.T) {
	url := bustest.JetStream(t)
	owner := connectOwner(t, url, t.TempDir())
	ctx := t.Context()
	p := openPacked(t, owner, "state_ops", 0)
	q := openPacked(t, connectURL(t, url), "state_ops", 0)
	if got := bus.PackedStoreKind(p) + "/" + bus.PackedStoreKind(q); got != "file/remote" {
		t.Fatalf("stores = %s; want file/remote", got)
	}
	step := func(what string, got, want bool, err error) {
		t.Helper()
		if err != nil || got != want {
			t.Fatalf("%s = %v, %v; want %v", what, got, err, want)
		}
	}
	created, err := p.Create(ctx, "url.a", []byte("1"))
	step("owner Create", created, true, err)
	created, err = q.Create(ctx, "url.a", []byte("2"))
	step("other Create of the same key", created, false, err)
	v, ok, err := q.Get(ctx, "url.a")
	step("other Get", ok && string(v) == "1", true, err)
	swapped, err := q.CompareAndSwap(ctx, "url.a", []byte("x"), []byte("3"))
	step("other CompareAndSwap from a wrong value", swapped, false, err)
	swapped, err = q.CompareAndSwap(ctx, "url.a", []byte("1"), []byte("3"))
	step("other CompareAndSwap", swapped, true, err)
	v, ok, err = p.Get(ctx, "url.a")
	step("owner Get after the swap", ok && string(v) == "3", true, err)
	if err := q.Put(ctx, "mark.b", nil); err != nil {
		t.Fatal(err)
	}
	v, ok, err = p.Get(ctx, "mark.b")
	step("owner Get of an empty value", ok && len(v) == 0, true, err)
	if err := q.Delete(ctx, "url.a"); err != nil {
		t.Fatal(err)
	}
	_, ok, err = p.Get(ctx, "url.a")
	step("owner Get after Delete", ok, false, err)
	if n := bus.StateFileKeys(p); n != 1 {
		t.Fatalf("state file holds %d keys; want 1 (mark.b)", n)
	}
}

// TestPackedKVStateFileOutlivesARestart: keys survive the owner's restart, and a process that
// opened the bucket before reaches the new owner.
func TestPackedKVStateFileOutlivesARestart(t *testing.T) {
	url := bustest.JetStream(t)
	dir := t.TempDir()
	ctx := t.Context()
	owner := connectOwner(t, url, dir)
	if created, err := openPacked(t, owner, "state_restart", time.Hour).Create(ctx, "url.a", []byte("1")); !created || err != nil {
		t.Fatalf("Create = %v, %v", created, err)
	}
	q := openPacked(t, connectURL(t, url), "state_restart", time.Hour)
	if err := owner.Close(); err != nil {
		t.Fatal(err)
	}
	if _, _, err := q.Get(ctx, "url.a"); err == nil {
		t.Fatal("Get with the owner gone succeeded; want an error saying the owner does not answer")
	}
	p := openPacked(t, connectOwner(t, url, dir), "state_restart", time.Hour)
	for name, kv := range map[string]*bus.PackedKV{"owner": p, "other": q} {
		if created, err := kv.Create(ctx, "url.a", []byte("2")); created || err != nil {
			t.Fatalf("%s: Create after the restart = %v, %v; want false", name, created, err)
		}
	}
}

// TestPackedKVStateFileReadsTheShards: an upgraded embedded deployment keeps the keys its
// bucket's shards (and unpacked keys) hold: the file reads through to them for one window.
func TestPackedKVStateFileReadsTheShards(t *testing.T) {
	url := bustest.JetStream(t)
	ctx := t.Context()
	before := openPacked(t, connectURL(t, url), "state_upgrade", time.Hour)
	if created, err := before.Create(ctx, "url.old", []byte("done")); !created || err != nil {
		t.Fatalf("Create in the shards = %v, %v", created, err)
	}
	p := openPacked(t, connectOwner(t, url, t.TempDir()), "state_upgrade", time.Hour)
	if v, ok, err := p.Get(ctx, "url.old"); !ok || err != nil || string(v) != "done" {
		t.Fatalf("Get of a key in the shards = %q, %v, %v", v, ok, err)
	}
	if created, err := p.Create(ctx, "url.old", []byte("again")); created || err != nil {
		t.Fatalf("Create of a key in the shards = %v, %v; want false", created, err)
	}
	if err := p.Delete(ctx, "url.old"); err != nil {
		t.Fatal(err)
	}
	if created, err := p.Create(ctx, "url.old", []byte("again")); !created || err != nil {
		t.Fatalf("Create after Delete = %v, %v; want true", created, err)
	}
}

// TestPackedKVStateFileExpiresAndSweeps: keys live their window, read as absent after it, and the
// sweep removes them from the file so that it holds one window's keys.
func TestPackedKVStateFileExpiresAndSweeps(t *testing.T) {
	url := bustest.JetStream(t)
	ctx := t.Context()
	p := openPacked(t, connectOwner(t, url, t.TempDir()), "state_sweep", time.Minute)
	var clock atomic.Int64
	clock.Store(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Unix())
	bus.SetStateClock(p, func() time.Time { return time.Unix(clock.Load(), 0) })
	const n = 300
	for i := range n {
		if created, err := p.Create(ctx, fmt.Sprintf("url.%d", i), []byte("1")); !created || err != nil {
			t.Fatalf("Create %d = %v, %v", i, created, err)
		}
	}
	if created, err := p.CreateExpiring(ctx, "mark.kept", nil, 24*time.Hour); !created || err != nil {
		t.Fatalf("CreateExpiring = %v, %v", created, err)
	}
	clock.Add(int64(2 * time.Hour / time.Second))
	if _, ok, err := p.Get(ctx, "url.7"); ok || err != nil {
		t.Fatalf("Get after the window = %v, %v; want absent", ok, err)
	}
	for i := range n { // new keys: the writes that drive the sweep
		if created, err := p.Create(ctx, fmt.Sprintf("url.new.%d", i), []byte("1")); !created || err != nil {
			t.Fatalf("Create new %d = %v, %v", i, created, err)
		}
	}
	if got := bus.StateFileKeys(p); got != n+1 {
		t.Fatalf("state file holds %d keys after the sweep; want %d (the new ones and mark.kept)", got, n+1)
	}
	if _, ok, err := p.Get(ctx, "mark.kept"); !ok || err != nil {
		t.Fatalf("mark.kept (ttl 24h) = %v, %v; want present", ok, err)
	}
}

// TestPackedKVStateFileCreateOnceUnderContention: workers of the owner and of two other processes
// racing to create the same keys create each exactly once.
func TestPackedKVStateFileCreateOnceUnderContention(t *testing.T) {
	url := bustest.JetStream(t)
	procs := []*bus.PackedKV{openPacked(t, connectOwner(t, url, filepath.Join(t.TempDir(), "state")), "state_race", 0)}
	for range 2 {
		procs = append(procs, openPacked(t, connectURL(t, url), "state_race", 0))
	}
	const keys, workers = 40, 6
	createRacing(t, procs, keys, workers)
}

// BenchmarkStateFileCreate: keys created at once by 8 writers of the process that owns the state
// file, as the crawl sink's and the alert matchers' workers do (one or a few keys per article each).
func BenchmarkStateFileCreate(b *testing.B) {
	p := openPacked(b, connectOwner(b, bustest.JetStream(b), b.TempDir()), "state_bench", time.Hour)
	ctx := b.Context()
	var n atomic.Int64
	b.SetParallelism(4) // 8 writers on 2 cores
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := p.Create(ctx, fmt.Sprintf("url.%d", n.Add(1)), []byte("2026-12-08T03:30:00Z")); err != nil {
				b.Error(err)
				return
			}
		}
	})
}
