package alert

import (
	"context"
	"encoding/json"
	"testing"
	"time"
)

// TestMatchOwesEventUntilDelivered: an event Match returned stays owed — returned again, same id
// and content — until Delivered records it; then the story fires nothing more, and only the first
// Delivered of it counts.
func TestMatchOwesEventUntilDelivered(t *testing.T) {
	ctx := context.Background()
	store := NewStore(NewMemoryKV())
	if _, err := store.Put(ctx, Rule{Name: "jiangsu", Region: []string{"Jiangsu"}, Enabled: true}); err != nil {
		t.Fatal(err)
	}
	c := &clock{time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC)}
	m := NewMatcher(store, NewMemoryKV(), nil, WithClock(c.now))
	first, err := m.Match(ctx, wuxiArticle())
	if err != nil || len(first) != 1 {
		t.Fatalf("Match = %v, %v; want one event", first, err)
	}
	c.t = c.t.Add(time.Minute) // the redelivery comes later: the event must still be the one claimed
	again, err := m.Match(ctx, wuxiArticle())
	if err != nil || len(again) != 1 {
		t.Fatalf("Match before Delivered = %v, %v; want the owed event again", again, err)
	}
	a, _ := json.Marshal(first[0])
	b, _ := json.Marshal(again[0])
	if string(a) != string(b) {
		t.Errorf("owed event changed:\n%s\n%s", a, b)
	}
	for i, want := range []bool{true, false} {
		if got, err := m.Delivered(ctx, again[0]); err != nil || got != want {
			t.Fatalf("Delivered #%d = %v, %v; want %v", i+1, got, err, want)
		}
	}
	if evs, err := m.Match(ctx, wuxiArticle()); err != nil || len(evs) != 0 {
		t.Errorf("Match after Delivered = %v, %v; want none", evs, err)
	}
}

// TestMarksWrittenBeforeAreDone: a fired mark from before delivery was recorded (the event JSON
// alone, no pending flag) counts as delivered, so an upgrade re-sends nothing.
func TestMarksWrittenBeforeAreDone(t *testing.T) {
	ctx := context.Background()
	store := NewStore(NewMemoryKV())
	r, err := store.Put(ctx, Rule{Name: "jiangsu", Region: []string{"Jiangsu"}, Enabled: true})
	if err != nil {
		t.Fatal(err)
	}
	fired := NewMemoryKV()
	old, _ := json.Marshal(Event{ID: r.ID + ".a1", RuleID: r.ID, ArticleID: "a1", StoryID: "a1"})
	if err := fired.Put(ctx, r.ID+".a1", old); err != nil {
		t.Fatal(err)
	}
	m := NewMatcher(store, fired, nil)
	if evs, err := m.Match(ctx, wuxiArticle()); err != nil || len(evs) != 0 {
		t.Errorf("Match over an old mark = %v, %v; want none", evs, err)
	}
}

// TestDeliverDigestUntilDelivered: a digest taken by FlushDigests is handed out again, with the
// same id, until Delivered, and the deliverer gets it once.
func TestDeliverDigestUntilDelivered(t *testing.T) {
	ctx := context.Background()
	store := NewStore(NewMemoryKV())
	if _, err := store.Put(ctx, Rule{Name: "daily", Region: []string{"Jiangsu"}, Mode: ModeDigest, Interval: "24h", Enabled: true}); err != nil {
		t.Fatal(err)
	}
	c := &clock{time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC)}
	m := NewMatcher(store, NewMemoryKV(), nil, WithClock(c.now))
	if evs, err := matchDelivered(ctx, m, storyArticle("a1", "https://x.example/a1", "story", "text")); err != nil || len(evs) != 0 {
		t.Fatalf("Match = %v, %v", evs, err)
	}
	c.t = c.t.Add(25 * time.Hour)
	e1, err := m.FlushDigests(ctx)
	if err != nil || len(e1) != 1 {
		t.Fatalf("flush = %v, %v; want one digest", e1, err)
	}
	// The worker died before publishing: the next flush hands out the same digest.
	c.t = c.t.Add(time.Minute)
	e2, err := m.FlushDigests(ctx)
	if err != nil || len(e2) != 1 || e2[0].ID != e1[0].ID || len(e2[0].Digest) != 1 {
		t.Fatalf("flush after a lost digest = %+v, %v; want %s again", e2, err, e1[0].ID)
	}
	for i, want := range []bool{true, false} {
		if got, err := m.Delivered(ctx, e2[0]); err != nil || got != want {
			t.Fatalf("Delivered #%d = %v, %v; want %v", i+1, got, err, want)
		}
	}
	if evs, err := m.FlushDigests(ctx); err != nil || len(evs) != 0 {
		t.Errorf("flush after Delivered = %+v, %v; want none", evs, err)
	}
}

// TestWindowDecisionSurvivesResume: a first_in_window claim resumed after the worker died keeps
// the decision taken, although later stories moved the rule's last match meanwhile.
func TestWindowDecisionSurvivesResume(t *testing.T) {
	ctx := context.Background()
	store := NewStore(NewMemoryKV())
	if _, err := store.Put(ctx, Rule{Name: "first", Region: []string{"Jiangsu"}, Mode: ModeFirstInWindow, Window: "24h", Enabled: true}); err != nil {
		t.Fatal(err)
	}
	c := &clock{time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC)}
	m := NewMatcher(store, NewMemoryKV(), nil, WithClock(c.now))
	evs, err := m.Match(ctx, storyArticle("a1", "https://x.example/a1", "one", "first text"))
	if err != nil || len(evs) != 1 {
		t.Fatalf("first story = %v, %v; want it to fire", evs, err)
	}
	owedID := evs[0].ID
	// Not delivered (the worker died); a later story in the window holds, and moves the last match.
	c.t = c.t.Add(time.Hour)
	if evs, err := matchDelivered(ctx, m, storyArticle("a2", "https://x.example/a2", "two", "other words entirely")); err != nil || len(evs) != 0 {
		t.Fatalf("second story = %v, %v; want none within the window", evs, err)
	}
	resumed, err := m.Match(ctx, storyArticle("a1", "https://x.example/a1", "one", "first text"))
	if err != nil || len(resumed) != 1 || resumed[0].ID != owedID {
		t.Fatalf("resumed first story = %v, %v; want its event still owed", resumed, err)
	}
}

// expiringMemKV is a MemoryKV that records the lifetimes PutExpiring is asked for.
type expiringMemKV struct {
	KV
	ttls map[string]time.Duration
}

func (k *expiringMemKV) CreateExpiring(ctx context.Context, key string, val []byte, ttl time.Duration) (bool, error) {
	k.ttls[key] = ttl
	return k.Create(ctx, key, val)
}

func (k *expiringMemKV) PutExpiring(ctx context.Context, key string, val []byte, ttl time.Duration) (bool, error) {
	k.ttls[key] = ttl
	return true, k.Put(ctx, key, val)
}

// TestDeliveredMarkKeepsOnlyItsExistence: once its event is delivered, a fired mark no longer
// holds the event (only its existence is read then), keeps the retention, and the story still
// fires nothing more.
func TestDeliveredMarkKeepsOnlyItsExistence(t *testing.T) {
	for _, tc := range []struct {
		name      string
		retention time.Duration
	}{{"kept for ever", 0}, {"with retention", 48 * time.Hour}} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			store := NewStore(NewMemoryKV())
			if _, err := store.Put(ctx, Rule{Name: "jiangsu", Region: []string{"Jiangsu"}, Enabled: true}); err != nil {
				t.Fatal(err)
			}
			fired := &expiringMemKV{KV: NewMemoryKV(), ttls: map[string]time.Duration{}}
			m := NewMatcher(store, fired, nil, WithRetention(tc.retention))
			evs, err := m.Match(ctx, wuxiArticle())
			if err != nil || len(evs) != 1 {
				t.Fatalf("Match = %v, %v; want one event", evs, err)
			}
			if whole, _, _ := fired.Get(ctx, evs[0].ID); len(whole) < 100 {
				t.Fatalf("pending mark = %q; want the whole event", whole)
			}
			if first, err := m.Delivered(ctx, evs[0]); err != nil || !first {
				t.Fatalf("Delivered = %v, %v", first, err)
			}
			if val, ok, err := fired.Get(ctx, evs[0].ID); err != nil || !ok || len(val) > 8 {
				t.Errorf("delivered mark = %q, %v, %v; want a small value that stays", val, ok, err)
			}
			if got := fired.ttls[evs[0].ID]; got != tc.retention {
				t.Errorf("delivered mark's lifetime = %v; want the retention %v", got, tc.retention)
			}
			if evs, err := m.Match(ctx, wuxiArticle()); err != nil || len(evs) != 0 {
				t.Errorf("Match after Delivered = %v, %v; want none", evs, err)
			}
		})
	}
}
