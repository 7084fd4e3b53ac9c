package bus_test

import (
	"testing"
	"time"

	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/bus/bustest"
)

// TestFiredMarksLiveInTheStateFile: with a state file, an alert's fired mark is packed there (not a
// key of the bucket, which the server would index until it expires), every process on the server
// sees one create win, a mark written as a key of its own before still counts, and the matcher's
// rule state stays in the bucket.
func TestFiredMarksLiveInTheStateFile(t *testing.T) {
	url := bustest.JetStream(t)
	ctx := t.Context()
	ownerBus := connectOwner(t, url, t.TempDir())
	// A mark an earlier version wrote as a key of its own: the alert fired, it must not again.
	before, err := ownerBus.ExpiringKV(ctx, bus.BucketAlertFired)
	if err != nil {
		t.Fatal(err)
	}
	if err := before.Put(ctx, "rule2.story2", []byte("before")); err != nil {
		t.Fatal(err)
	}
	owner, err := ownerBus.AlertFiredKV(ctx, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	other, err := connectURL(t, url).AlertFiredKV(ctx, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	mustCreate := func(p *bus.PackedKV, key, val string, want bool) {
		t.Helper()
		created, err := p.Create(ctx, key, []byte(val))
		if err != nil || created != want {
			t.Fatalf("Create(%s) = %v, %v; want %v", key, created, err, want)
		}
	}
	mustGet := func(p *bus.PackedKV, key, want string) {
		t.Helper()
		v, ok, err := p.Get(ctx, key)
		if err != nil || !ok || string(v) != want {
			t.Fatalf("Get(%s) = %q, %v, %v; want %q", key, v, ok, err, want)
		}
	}
	ownKey := func(key string) bool {
		t.Helper()
		_, ok, err := owner.KV.Get(ctx, key)
		if err != nil {
			t.Fatal(err)
		}
		return ok
	}

	for _, key := range []string{"rule1.story1", "rule1.new.article1"} {
		mustCreate(owner, key, "event", true)
		mustCreate(other, key, "again", false)
		mustGet(other, key, "event")
		if ownKey(key) {
			t.Errorf("fired mark %s is a key of the bucket; want it in the state file", key)
		}
	}

	mustCreate(other, "rule2.story2", "after", false)
	mustGet(owner, "rule2.story2", "before")

	// A delivered alert's mark is rewritten small, in the state file, and still counts.
	if handled, err := other.PutExpiring(ctx, "rule1.story1", []byte("{}"), time.Hour); err != nil || !handled {
		t.Fatalf("PutExpiring = %v, %v; want it handled", handled, err)
	}
	mustGet(owner, "rule1.story1", "{}")
	mustCreate(owner, "rule1.story1", "again", false)

	if err := owner.Put(ctx, "mode.last.rule1", []byte("state")); err != nil {
		t.Fatal(err)
	}
	if !ownKey("mode.last.rule1") {
		t.Error("a rule's state left the bucket; want it a key of its own")
	}
}

// TestFiredMarksStayKeysWithShards: without a state file (an external NATS), fired marks, too
// large to pack many to a shard value, stay keys of the bucket.
func TestFiredMarksStayKeysWithShards(t *testing.T) {
	ctx := t.Context()
	p, err := connectURL(t, bustest.JetStream(t)).AlertFiredKV(ctx, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	if created, err := p.Create(ctx, "rule1.story1", []byte("event")); err != nil || !created {
		t.Fatalf("Create = %v, %v; want true", created, err)
	}
	if _, ok, err := p.KV.Get(ctx, "rule1.story1"); err != nil || !ok {
		t.Fatalf("bucket key rule1.story1: %v, %v; want it there", ok, err)
	}
	// A key of its own gets its lifetime when created: it cannot be rewritten with one.
	if handled, err := p.PutExpiring(ctx, "rule1.story1", []byte("{}"), time.Hour); err != nil || handled {
		t.Errorf("PutExpiring of a bucket key = %v, %v; want it left alone", handled, err)
	}
	if v, _, err := p.Get(ctx, "rule1.story1"); err != nil || string(v) != "event" {
		t.Errorf("Get = %q, %v; want the value as created", v, err)
	}
}
