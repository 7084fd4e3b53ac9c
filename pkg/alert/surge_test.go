package alert

import (
	"context"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/index"
)

func TestSurgeDecision(t *testing.T) {
	t0 := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	p := surgeParams{window: 24 * time.Hour, baseline: 7 * 24 * time.Hour, factor: 3, minArticles: 5}
	// Each step is a matching article at t0+at finding these counts; baseline 14 in 7 days is a
	// normal of 2 a day, so a surge needs 6 (≥ 3×2) and at least 5.
	steps := []struct {
		name          string
		at            time.Duration
		recent, base  int
		fire, inSurge bool
	}{
		{"normal day", 0, 2, 14, false, false},
		{"above the normal, below the factor", time.Hour, 5, 14, false, false},
		{"factor reached", 2 * time.Hour, 6, 14, true, true},
		{"still surging: no second alert", 3 * time.Hour, 9, 14, false, true},
		{"still surging later", 20 * time.Hour, 12, 14, false, true},
		{"fell below: re-armed", 30 * time.Hour, 5, 20, false, false},
		{"surges again: fires again", 31 * time.Hour, 15, 20, true, true},
		{"no article found it in surge for a window: a new surge", 56 * time.Hour, 15, 20, true, true},
		{"zero baseline needs min_articles", 90 * time.Hour, 4, 0, false, false},
		{"zero baseline, min_articles reached", 91 * time.Hour, 5, 0, true, true},
	}
	var st surgeState
	for _, s := range steps {
		c := surgeCounts{Recent: s.recent, Baseline: s.base}
		fire := st.step(p.surging(c), t0.Add(s.at), p.window)
		if fire != s.fire || st.Since.IsZero() == s.inSurge {
			t.Errorf("%s: counts %+v: fire=%v in surge=%v; want %v, %v", s.name, c, fire, !st.Since.IsZero(), s.fire, s.inSurge)
		}
	}
}

func TestSurgeRuleValidate(t *testing.T) {
	base := Rule{Kind: KindSurge, Region: []string{"Jiangsu"}}
	with := func(f func(*Rule)) Rule { r := base; f(&r); return r }
	for _, tt := range []struct {
		name string
		rule Rule
		want string // "" for valid; else a part of the error
	}{
		{"defaults", base, ""},
		{"all given", with(func(r *Rule) { r.Factor, r.Baseline, r.Window, r.MinArticles = 2.5, "14d", "12h", 10 }), ""},
		{"factor 1", with(func(r *Rule) { r.Factor = 1 }), "factor 1: want more than 1"},
		{"negative factor", with(func(r *Rule) { r.Factor = -3 }), "factor -3: want more than 1"},
		{"huge factor", with(func(r *Rule) { r.Factor = 5000 }), "at most 1000"},
		{"bad baseline", with(func(r *Rule) { r.Baseline = "a week" }), `baseline: duration "a week"`},
		{"baseline too short", with(func(r *Rule) { r.Baseline = "30s" }), "baseline 30s: want 1m0s to"},
		{"baseline under the window", with(func(r *Rule) { r.Baseline, r.Window = "12h", "1d" }), "baseline 12h0m0s is shorter than the window"},
		{"bad window", with(func(r *Rule) { r.Window = "soon" }), `window: duration "soon"`},
		{"negative min_articles", with(func(r *Rule) { r.MinArticles = -1 }), "min_articles -1: want 1 to"},
		{"mode on a surge", with(func(r *Rule) { r.Mode = ModeDigest }), "takes no mode"},
		{"no condition", Rule{Kind: KindSurge}, "rule has no condition"},
		{"unknown kind", Rule{Kind: "spike", Region: []string{"Jiangsu"}}, `kind "spike": want story or surge`},
		{"factor on a story rule", Rule{Region: []string{"Jiangsu"}, Factor: 3}, "factor is only for kind surge"},
		{"baseline on a story rule", Rule{Kind: KindStory, Region: []string{"Jiangsu"}, Baseline: "7d"}, "baseline is only for kind surge"},
	} {
		err := tt.rule.Validate()
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: Validate = %v; want nil", tt.name, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s: Validate = %v; want an error with %q", tt.name, err, tt.want)
		}
	}
}

func TestStoreWritesSurgeDefaults(t *testing.T) {
	s := NewStore(NewMemoryKV())
	r, err := s.Put(context.Background(), Rule{Kind: KindSurge, Region: []string{"Jiangsu"}, Window: "12h"})
	if err != nil {
		t.Fatal(err)
	}
	if r.Factor != 3 || r.Baseline != "7d" || r.Window != "12h" || r.MinArticles != 3 {
		t.Errorf("stored %+v; want factor 3, baseline 7d, window 12h, min_articles 3", r)
	}
}

// fakeIndex answers a Query by published time over the articles it holds (the tests' articles
// all match their rule); it records the regions it was asked for.
type fakeIndex struct {
	mu      sync.Mutex
	arts    []*article.Article
	regions [][]string
}

func (f *fakeIndex) add(id string, published time.Time) *article.Article {
	f.mu.Lock()
	defer f.mu.Unlock()
	a := wuxiArticle()
	a.ID, a.Published = id, &published
	a.Places[0].Admin1Code = "04" // Jiangsu's, for the rule naming it by GeoNames id
	f.arts = append(f.arts, a)
	return a
}

func (f *fakeIndex) Search(_ context.Context, q index.Query) (*index.Result, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.regions = append(f.regions, q.Region)
	res := &index.Result{}
	for i := len(f.arts) - 1; i >= 0; i-- { // newest first
		p := *f.arts[i].Published
		if p.Before(q.From) || !q.To.IsZero() && p.After(q.To) {
			continue
		}
		res.Total++
		if len(res.Hits) < q.Size {
			res.Hits = append(res.Hits, index.Hit{Article: f.arts[i]})
		}
	}
	return res, nil
}

// surgeAll matches a, delivering nothing, and returns the surge events.
func surgeAll(t *testing.T, m *Matcher, a *article.Article, idx Searcher) []Event {
	t.Helper()
	evs, err := m.MatchSurges(context.Background(), a, idx)
	if err != nil {
		t.Fatalf("MatchSurges(%s): %v", a.ID, err)
	}
	return evs
}

func TestMatchSurgesFiresOncePerSurge(t *testing.T) {
	ctx := context.Background()
	rulesKV, fired := NewMemoryKV(), NewMemoryKV()
	store := NewStore(rulesKV)
	r, err := store.Put(ctx, Rule{Name: "jiangsu surge", Kind: KindSurge, Region: []string{"1806260"},
		Factor: 3, Baseline: "7d", MinArticles: 4, Enabled: true})
	if err != nil {
		t.Fatal(err)
	}
	_, _ = store.Put(ctx, Rule{Name: "per story", Region: []string{"Jiangsu"}, Enabled: true})
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	code := func(id int) (string, bool) { return "CN.04", id == 1806260 }
	newMatcher := func() *Matcher {
		return NewMatcher(NewStore(rulesKV), fired, nil, WithClock(clock), WithRegionCodes(code))
	}
	m := newMatcher()
	idx := &fakeIndex{}
	// A normal week: one article a day.
	for d := 7; d >= 1; d-- {
		a := idx.add("old"+string(rune('0'+d)), now.Add(-time.Duration(d)*24*time.Hour-time.Hour))
		if evs := surgeAll(t, m, a, idx); len(evs) != 0 {
			t.Fatalf("normal day %d fired %+v", d, evs)
		}
	}
	if evs, _ := m.Match(ctx, idx.arts[0]); len(evs) != 1 || evs[0].RuleID == r.ID {
		t.Errorf("Match = %+v; want the story rule's event only", evs)
	}
	// The surge: four articles within hours (≥ 3 × 1 a day, ≥ min_articles 4) fire once.
	var fired1 []Event
	for i := range 6 {
		now = now.Add(10 * time.Minute)
		evs := surgeAll(t, m, idx.add("new"+string(rune('0'+i)), now), idx)
		if i < 3 && len(evs) != 0 {
			t.Fatalf("article %d of the surge fired early: %+v", i, evs)
		}
		fired1 = append(fired1, evs...)
	}
	// Until Delivered, every matching article returns the same owed event.
	if len(fired1) != 3 || fired1[0].ID != fired1[2].ID {
		t.Fatalf("surge returned %d events (%+v); want the same owed event 3 times", len(fired1), fired1)
	}
	ev := fired1[0]
	if s := ev.Surge; ev.Kind != KindSurge || s == nil || s.Recent != 4 || s.BaselineCount != 7 || s.BaselineRate != 1 ||
		s.Factor != 3 || len(s.Stories) != 4 || s.Stories[0].ArticleID != "new3" || ev.RuleID != r.ID {
		t.Errorf("event = %+v surge %+v", ev, ev.Surge)
	}
	if first, err := m.Delivered(ctx, ev); !first || err != nil {
		t.Errorf("Delivered = %v, %v; want first", first, err)
	}
	if first, _ := m.Delivered(ctx, ev); first {
		t.Error("second Delivered is first again")
	}
	// A restarted matcher, more articles of the same surge: nothing fires.
	m = newMatcher()
	now = now.Add(time.Hour)
	if evs := surgeAll(t, m, idx.add("more", now), idx); len(evs) != 0 {
		t.Errorf("restart re-fired: %+v", evs)
	}
	for _, q := range idx.regions {
		if len(q) != 1 || q[0] != "CN.04" {
			t.Fatalf("counted region %v; want the resolved code CN.04", q)
		}
	}
	// Two quiet days later one article finds the counts low (re-armed); a new burst fires anew.
	now = now.Add(48 * time.Hour)
	if evs := surgeAll(t, m, idx.add("calm", now), idx); len(evs) != 0 {
		t.Errorf("calm article fired: %+v", evs)
	}
	var again []Event
	for i := range 8 {
		now = now.Add(time.Minute)
		again = append(again, surgeAll(t, m, idx.add("burst"+string(rune('0'+i)), now), idx)...)
	}
	if len(again) == 0 || again[0].ID == ev.ID {
		t.Errorf("second surge fired %+v; want a new event", again)
	}
}

func TestSurgeEventRendering(t *testing.T) {
	ev := Event{ID: "r1.surge.1772366400", RuleID: "r1", RuleName: "Jiangsu", Kind: KindSurge,
		Fired:   time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC),
		Reasons: []string{"12 articles in 1d against 2.00 per 1d over the 7d before (factor 3, at least 3)"},
		Surge: &Surge{Window: "1d", Recent: 12, Baseline: "7d", BaselineCount: 14, BaselineRate: 2, Factor: 3, MinArticles: 3,
			Stories: []Item{{ArticleID: "a1", Title: "Floods in Wuxi", URL: "https://example.com/wuxi", Source: "example.com"}}}}
	msg := string((&SMTPConfig{From: "newsmon@example.org"}).message([]string{"x@example.org"}, ev))
	for _, want := range []string{"Subject: newsmon surge: Jiangsu (12 articles in 1d)", "12 articles in 1d against 2.00",
		"Floods in Wuxi\r\nexample.com · https://example.com/wuxi"} {
		if !strings.Contains(msg, want) {
			t.Errorf("mail lacks %q:\n%s", want, msg)
		}
	}
	rc := &receiver{t: t, byID: map[string]int{}}
	srv := httptest.NewServer(rc)
	defer srv.Close()
	if err := post(context.Background(), srv.Client(), "test", Webhook{URL: srv.URL}, ev, time.Now()); err != nil {
		t.Fatal(err)
	}
	if len(rc.delivered) != 1 || rc.delivered[0].Type != KindSurge || rc.delivered[0].Event.Surge.Recent != 12 {
		t.Errorf("webhook got %+v; want one payload of type surge", rc.delivered)
	}
}

// TestSurgeCountsAreSearchedOncePerAge: while a rule's counts are young, matching articles add to
// them instead of searching the index again; a surge starts only on counts searched anew.
func TestSurgeCountsAreSearchedOncePerAge(t *testing.T) {
	ctx := context.Background()
	store := NewStore(NewMemoryKV())
	if _, err := store.Put(ctx, Rule{Kind: KindSurge, Region: []string{"Jiangsu"}, MinArticles: 4, Enabled: true}); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	m := NewMatcher(store, NewMemoryKV(), nil, WithClock(func() time.Time { return now }))
	idx := &fakeIndex{}
	searches := func() int {
		idx.mu.Lock()
		defer idx.mu.Unlock()
		return len(idx.regions)
	}
	for d := 7; d >= 1; d-- { // the normal week: counted once, for the first article
		surgeAll(t, m, idx.add("old"+string(rune('0'+d)), now.Add(-time.Duration(d)*24*time.Hour-time.Hour)), idx)
	}
	if got := searches(); got != 2 {
		t.Errorf("%d searches for a week of articles matched at once; want 2 (window and baseline)", got)
	}
	var events []Event
	for i := range 10 {
		events = append(events, surgeAll(t, m, idx.add("new"+string(rune('0'+i)), now), idx)...)
	}
	// The 4th article makes the estimate a surge: counted anew (2) and the stories listed (1).
	if got := searches(); got != 5 || len(events) != 7 || events[0].Surge.Recent != 4 {
		t.Errorf("%d searches, %d events (first %+v); want 5 searches and the owed event 7 times, with 4 recent", got, len(events), events)
	}
	now = now.Add(2 * time.Minute) // older than the counts may be: searched again
	surgeAll(t, m, idx.add("later", now), idx)
	if got := searches(); got != 7 {
		t.Errorf("%d searches after the counts aged; want 7", got)
	}
}
