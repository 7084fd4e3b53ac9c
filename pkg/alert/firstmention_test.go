package alert

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/index"
)

func TestFirstMentionValidate(t *testing.T) {
	base := Rule{Region: []string{"Jiangsu"}, Mode: ModeFirstMention, NewEntity: NewPerson}
	with := func(f func(*Rule)) Rule { r := base; f(&r); return r }
	for _, tt := range []struct {
		name string
		rule Rule
		want string // "" for valid; else a part of the error
	}{
		{"person", base, ""},
		{"org", with(func(r *Rule) { r.NewEntity = NewOrg }), ""},
		{"place", with(func(r *Rule) { r.NewEntity = NewPlace }), ""},
		{"any", with(func(r *Rule) { r.NewEntity = NewAny }), ""},
		{"missing new_entity", with(func(r *Rule) { r.NewEntity = "" }), "mode first_mention needs new_entity: person, org, place or any"},
		{"unknown new_entity", with(func(r *Rule) { r.NewEntity = "people" }), `new_entity "people": want person, org, place or any`},
		{"new_entity in mode every", with(func(r *Rule) { r.Mode = "" }), "new_entity is only for mode first_mention"},
		{"new_entity on a surge", with(func(r *Rule) { r.Mode, r.Kind = "", KindSurge }), "new_entity is only for mode first_mention"},
		{"window in first_mention", with(func(r *Rule) { r.Window = "7d" }), "window is only for mode first_in_window"},
		{"no condition", Rule{Mode: ModeFirstMention, NewEntity: NewPerson}, "rule has no condition"},
		{"unknown mode lists first_mention", Rule{Region: []string{"Jiangsu"}, Mode: "first_ever"}, "want every, first_in_window, digest or first_mention"},
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

// entityIndex answers a Query by its person, org and place filters and its published range over
// the articles it holds (they all match the tests' region), as an index would.
type entityIndex struct {
	mu       sync.Mutex
	arts     []*article.Article
	searches int
}

func (f *entityIndex) put(a *article.Article) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.arts = append(f.arts, a)
}

func (f *entityIndex) Search(_ context.Context, q index.Query) (*index.Result, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.searches++
	res := &index.Result{}
	for _, a := range f.arts {
		k := index.KeysOf(a)
		all := func(want, have []string) bool {
			return !slices.ContainsFunc(want, func(w string) bool { return !containsNorm(have, w) })
		}
		p := *a.Published
		if !all(q.Person, k.Persons) || !all(q.Org, k.Orgs) || !all(q.Place, k.Places) ||
			p.Before(q.From) || !q.To.IsZero() && p.After(q.To) {
			continue
		}
		res.Total++
	}
	return res, nil
}

// jiangsuArticle is an article in Wuxi, published at, naming the people.
func jiangsuArticle(id string, at time.Time, people ...string) *article.Article {
	text := "In Wuxi, " + strings.Join(people, " and ") + " spoke."
	a := &article.Article{ID: id, URL: "https://example.com/" + id, Title: "Wuxi " + id, Text: text, Published: &at,
		Places: []article.Place{{Name: "Wuxi", Feature: "city", CountryCode: "CN", Country: "China", Admin1: "Jiangsu",
			Mentions: []article.Mention{{Text: "Wuxi", Start: 3, End: 7}}}}}
	for _, p := range people {
		start := len([]rune(text[:strings.Index(text, p)]))
		a.Entities = append(a.Entities, article.Entity{Type: article.TypePerson, Name: p,
			Mentions: []article.Mention{{Text: p, Start: start, End: start + len([]rune(p))}}})
	}
	return a
}

// newNames lists the new entities of the events, delivering each.
func newNames(t *testing.T, m *Matcher, evs []Event) []string {
	t.Helper()
	var names []string
	for _, ev := range evs {
		for _, e := range ev.NewEntities {
			names = append(names, e.Name)
		}
		if _, err := m.Delivered(context.Background(), ev); err != nil {
			t.Fatal(err)
		}
	}
	return names
}

func TestMatchFirstMentions(t *testing.T) {
	ctx := context.Background()
	rulesKV, fired := NewMemoryKV(), NewMemoryKV()
	r, err := NewStore(rulesKV).Put(ctx, Rule{Name: "new people in Jiangsu", Region: []string{"Jiangsu"},
		Mode: ModeFirstMention, NewEntity: NewPerson, Enabled: true})
	if err != nil {
		t.Fatal(err)
	}
	idx := &entityIndex{}
	t0 := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	// An import with alerts off: indexed, never matched. Its people are known all the same.
	idx.put(jiangsuArticle("old", t0.Add(-30*24*time.Hour), "Zhou Old"))
	m := NewMatcher(NewStore(rulesKV), fired, nil)
	steps := []struct {
		name   string
		id     string
		at     time.Duration
		people []string
		want   []string
	}{
		{"A is new", "s1", 0, []string{"Ann Li"}, []string{"Ann Li"}},
		{"A again", "s2", time.Hour, []string{"Ann Li"}, nil},
		{"A and B: B only", "s3", 2 * time.Hour, []string{"Ann Li", "Bo Wang"}, []string{"Bo Wang"}},
		{"known from the import", "s4", 3 * time.Hour, []string{"Zhou Old"}, nil},
		{"back-fill before s1: A does not fire again, C does", "s0", -time.Hour, []string{"Ann Li", "Cai Xu"}, []string{"Cai Xu"}},
		{"a copy at s1's instant: A was announced", "s1copy", 0, []string{"Ann Li"}, nil},
	}
	for _, s := range steps {
		a := jiangsuArticle(s.id, t0.Add(s.at), s.people...)
		idx.put(a)
		evs, err := m.MatchFirstMentions(ctx, a, idx)
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if got := newNames(t, m, evs); !slices.Equal(got, s.want) {
			t.Errorf("%s: new %q; want %q", s.name, got, s.want)
		}
		for _, ev := range evs {
			if ev.ID != r.ID+".new."+s.id || ev.Mode != ModeFirstMention || ev.ArticleID != s.id ||
				!strings.HasPrefix(ev.Reasons[0], "first mention of person ") || !strings.Contains(ev.Snippet, s.want[0]) {
				t.Errorf("%s: event %+v", s.name, ev)
			}
		}
	}
	// Story rules' Match leaves first_mention rules alone.
	if evs, err := m.Match(ctx, jiangsuArticle("s5", t0, "Dan Hu")); err != nil || len(evs) != 0 {
		t.Errorf("Match = %v, %v; want no events", evs, err)
	}
	// A restart (a new matcher on the same KV) fires nothing again, for a redelivered article or
	// for a new one naming the same people; the known entities need no search on the next article.
	m2 := NewMatcher(NewStore(rulesKV), fired, nil)
	for _, id := range []string{"s3", "s6"} {
		evs, err := m2.MatchFirstMentions(ctx, jiangsuArticle(id, t0.Add(5*time.Hour), "Ann Li", "Bo Wang"), idx)
		if err != nil || len(evs) != 0 {
			t.Errorf("after a restart, %s: %v, %v; want no events", id, evs, err)
		}
	}
	before := idx.searches
	if _, err := m2.MatchFirstMentions(ctx, jiangsuArticle("s7", t0.Add(6*time.Hour), "Ann Li", "Bo Wang"), idx); err != nil {
		t.Fatal(err)
	}
	if idx.searches != before {
		t.Errorf("%d index searches for known people; want 0", idx.searches-before)
	}
	// An article outside the region is not looked at.
	lagos := jiangsuArticle("lagos", t0.Add(7*time.Hour), "Eve Obi")
	lagos.Places[0] = article.Place{Name: "Lagos", Country: "Nigeria", CountryCode: "NG"}
	if evs, _ := m2.MatchFirstMentions(ctx, lagos, idx); len(evs) != 0 || idx.searches != before {
		t.Errorf("article outside the rule: %v, %d searches", evs, idx.searches-before)
	}
}

// TestFirstMentionOwedUntilDelivered: an event not recorded as delivered is returned again, the
// same, by the next match of the article (a worker died before publishing), and only once
// delivered stops; an edit of the rule's conditions starts afresh.
func TestFirstMentionOwedUntilDelivered(t *testing.T) {
	ctx := context.Background()
	rulesKV, fired := NewMemoryKV(), NewMemoryKV()
	store := NewStore(rulesKV)
	r, err := store.Put(ctx, Rule{Name: "new orgs", Region: []string{"Jiangsu"}, Mode: ModeFirstMention,
		NewEntity: NewAny, Enabled: true})
	if err != nil {
		t.Fatal(err)
	}
	idx := &entityIndex{}
	a := jiangsuArticle("x1", time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), "Ann Li")
	idx.put(a)
	m := NewMatcher(store, fired, nil)
	first, err := m.MatchFirstMentions(ctx, a, idx)
	if err != nil || len(first) != 1 {
		t.Fatalf("first match: %v, %v; want one event", first, err)
	}
	// "any" takes the place too: Wuxi is new.
	if got := fmt.Sprint(first[0].NewEntities); got != "[{person Ann Li} {place Wuxi}]" {
		t.Errorf("new entities %s", got)
	}
	again, err := NewMatcher(store, fired, nil).MatchFirstMentions(ctx, a, idx)
	if err != nil || len(again) != 1 || again[0].ID != first[0].ID || fmt.Sprint(again[0]) != fmt.Sprint(first[0]) {
		t.Fatalf("owed event: %v, %v; want %v", again, err, first)
	}
	if names := newNames(t, m, again); len(names) != 2 {
		t.Fatalf("delivered %v", names)
	}
	if evs, err := m.MatchFirstMentions(ctx, a, idx); err != nil || len(evs) != 0 {
		t.Errorf("after delivery: %v, %v; want none", evs, err)
	}
	r.Region = []string{"Wuxi"}
	if _, err := store.Put(ctx, r); err != nil {
		t.Fatal(err)
	}
	m.Refresh()
	b := jiangsuArticle("x2", time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), "Ann Li")
	idx.put(b)
	// The fake index ignores the region: it knows Ann Li from x1, so the edited rule finds her
	// mentioned before, as a real index would for region Wuxi.
	if evs, err := m.MatchFirstMentions(ctx, b, idx); err != nil || len(evs) != 0 {
		t.Errorf("edited rule: %v, %v; want none (known from the index)", evs, err)
	}
}

func TestFirstMentionMailSubjectNamesTheNewEntities(t *testing.T) {
	ev := Event{RuleName: "new people in Jiangsu", Mode: ModeFirstMention, Title: "Wuxi port",
		NewEntities: []NewEntity{{Type: NewPerson, Name: "Bo Wang"}, {Type: NewPerson, Name: "Cai Xu"}}}
	if got, want := mailSubject(ev), "newsmon first mention: new people in Jiangsu: Bo Wang, Cai Xu — Wuxi port"; got != want {
		t.Errorf("mailSubject = %q; want %q", got, want)
	}
}

// BenchmarkMatchFirstMentions: an article against a story rule only (what every article now
// costs more) and against a first_mention rule whose people are all known (after warm-up).
func BenchmarkMatchFirstMentions(b *testing.B) {
	ctx := context.Background()
	for _, bm := range []struct {
		name string
		rule Rule
	}{
		{"no first_mention rule", Rule{Name: "story", Region: []string{"Jiangsu"}, Enabled: true}},
		{"known people", Rule{Name: "new", Region: []string{"Jiangsu"}, Mode: ModeFirstMention, NewEntity: NewPerson, Enabled: true}},
	} {
		b.Run(bm.name, func(b *testing.B) {
			rulesKV := NewMemoryKV()
			if _, err := NewStore(rulesKV).Put(ctx, bm.rule); err != nil {
				b.Fatal(err)
			}
			idx := &entityIndex{}
			t0 := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
			idx.put(jiangsuArticle("old", t0, "Ann Li", "Bo Wang"))
			a := jiangsuArticle("new", t0.Add(time.Hour), "Ann Li", "Bo Wang")
			m := NewMatcher(NewStore(rulesKV), NewMemoryKV(), nil)
			for b.Loop() {
				if _, err := m.MatchFirstMentions(ctx, a, idx); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestFirstMentionsInPreviews: the preview names what the live matcher would announce for an
// article already indexed — its people no earlier matching article mentions — without marks, so
// asking twice gives the same answer; other rules and articles outside the rule get none.
func TestFirstMentionsInPreviews(t *testing.T) {
	ctx := context.Background()
	r := Rule{ID: "r", Name: "new people in Jiangsu", Region: []string{"Jiangsu"}, Mode: ModeFirstMention,
		NewEntity: NewPerson, Enabled: true}
	idx := &entityIndex{}
	t0 := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	idx.put(jiangsuArticle("old", t0.Add(-time.Hour), "Ann Li"))
	a := jiangsuArticle("new", t0, "Ann Li", "Bo Wang")
	idx.put(a)
	for range 2 {
		got, err := r.FirstMentionsIn(ctx, a, idx)
		if err != nil || len(got) != 1 || got[0] != (NewEntity{Type: NewPerson, Name: "Bo Wang"}) {
			t.Errorf("FirstMentionsIn = %v, %v; want Bo Wang only", got, err)
		}
	}
	lagos := jiangsuArticle("lagos", t0, "Eve Obi")
	lagos.Places[0] = article.Place{Name: "Lagos", Country: "Nigeria", CountryCode: "NG"}
	story := r
	story.Mode, story.NewEntity = ModeEvery, ""
	for name, tc := range map[string]struct {
		r Rule
		a *article.Article
	}{"outside the rule": {r, lagos}, "a story rule": {story, a}} {
		if got, err := tc.r.FirstMentionsIn(ctx, tc.a, idx); err != nil || len(got) != 0 {
			t.Errorf("%s: FirstMentionsIn = %v, %v; want none", name, got, err)
		}
	}
}
