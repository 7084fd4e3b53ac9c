package alert

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/newsmon/newsmon/pkg/article"
)

func wuxiArticle() *article.Article {
	speaker := "Li Qiang"
	return &article.Article{
		ID: "a1", URL: "https://example.com/wuxi", Source: "example.com", Language: "en",
		Title: "Wuxi opens new chip plant",
		Text:  "The Wuxi National Hi-tech District announced a 250 billion yuan investment in semiconductors.",
		Entities: []article.Entity{
			{Type: article.TypePerson, Name: "Li Qiang"},
			{Type: article.TypeOrg, Name: "SK Hynix"},
			{Type: article.TypePlace, Name: "Atlantis"},
			{Type: article.TypeEvent, Name: "World Internet Conference"},
		},
		Places: []article.Place{
			{Name: "Wuxi", Feature: "city", CountryCode: "CN", Country: "China", Admin1: "Jiangsu"},
		},
		Quotes: []article.Quote{{Text: "We welcome it", Speaker: &speaker}},
	}
}

func TestRuleMatch(t *testing.T) {
	a := wuxiArticle()
	tests := []struct {
		name    string
		rule    Rule
		want    bool
		reasons []string
	}{
		{"region via containment", Rule{Region: []string{"Jiangsu"}}, true, []string{"region Jiangsu via Wuxi"}},
		{"region case-insensitive", Rule{Region: []string{" jiangsu "}}, true, []string{"region Jiangsu via Wuxi"}},
		{"region country code", Rule{Region: []string{"cn"}}, true, []string{"region CN via Wuxi"}},
		{"region the place itself", Rule{Region: []string{"Wuxi"}}, true, []string{"region Wuxi"}},
		{"region unresolved place entity", Rule{Region: []string{"atlantis"}}, true, []string{"region Atlantis"}},
		{"region elsewhere", Rule{Region: []string{"Catalonia"}}, false, nil},
		{"text words anywhere", Rule{Text: "chip investment"}, true, []string{`text "chip investment"`}},
		{"text phrase", Rule{Text: `"250 billion yuan"`}, true, []string{`text "\"250 billion yuan\""`}},
		{"text phrase out of order", Rule{Text: `"yuan billion"`}, false, nil},
		{"text words must all appear", Rule{Text: "chip banana"}, false, nil},
		{"text whole words only", Rule{Text: "semi"}, false, nil},
		{"text OR", Rule{Text: "banana OR chip"}, true, []string{`text "banana OR chip"`}},
		{"text exclusion", Rule{Text: "chip -semiconductors"}, false, nil},
		{"text exclusion absent", Rule{Text: "chip -banana"}, true, []string{`text "chip -banana"`}},
		{"text hyphenated term", Rule{Text: "hi-tech"}, true, []string{`text "hi-tech"`}},
		{"person", Rule{Person: []string{"li qiang"}}, true, []string{"person Li Qiang"}},
		{"org and event", Rule{Org: []string{"SK Hynix"}, Event: []string{"World Internet Conference"}}, true,
			[]string{"org SK Hynix", "event World Internet Conference"}},
		{"place", Rule{Place: []string{"wuxi"}}, true, []string{"place Wuxi"}},
		{"filters ANDed: one fails", Rule{Region: []string{"Jiangsu"}, Person: []string{"Xi Jinping"}}, false, nil},
		{"values of one kind ANDed", Rule{Region: []string{"Jiangsu", "Catalonia"}}, false, nil},
		{"source and lang", Rule{Source: []string{"Example.com"}, Lang: []string{"EN"}}, true,
			[]string{"source example.com", "lang en"}},
		{"wrong lang", Rule{Region: []string{"China"}, Lang: []string{"zh"}}, false, nil},
		{"no conditions never fires", Rule{}, false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, reasons := tt.rule.Match(a)
			if got != tt.want || !reflect.DeepEqual(reasons, tt.reasons) {
				t.Errorf("Match = %v, %q; want %v, %q", got, reasons, tt.want, tt.reasons)
			}
		})
	}
}

func TestRuleValidate(t *testing.T) {
	for _, tt := range []struct {
		rule Rule
		ok   bool
	}{
		{Rule{Region: []string{"Jiangsu"}}, true},
		{Rule{Text: "chips"}, true},
		{Rule{ID: "my-rule_1", Person: []string{"X"}}, true},
		{Rule{}, false},
		{Rule{Text: `" , "`}, false},
		{Rule{Text: "-sport"}, false},
		{Rule{Text: "-sport", Region: []string{"Jiangsu"}}, true},
		{Rule{Region: []string{" "}}, false},
		{Rule{ID: "bad id", Text: "x"}, false},
		{Rule{ID: "a.b", Text: "x"}, false},
	} {
		if err := tt.rule.Validate(); (err == nil) != tt.ok {
			t.Errorf("Validate(%+v) = %v; want ok=%v", tt.rule, err, tt.ok)
		}
	}
}

func TestRuleQuery(t *testing.T) {
	r := Rule{Text: " chips ", Region: []string{"Jiangsu"}, Lang: []string{"en"}}
	q := r.Query()
	if q.Text != "chips" || !reflect.DeepEqual(q.Region, []string{"Jiangsu"}) || !reflect.DeepEqual(q.Lang, []string{"en"}) {
		t.Errorf("Query() = %+v", q)
	}
}

func TestStoreCRUD(t *testing.T) {
	ctx := context.Background()
	s := NewStore(NewMemoryKV())
	if _, err := s.Put(ctx, Rule{}); err == nil {
		t.Fatal("Put(empty rule) succeeded; want validation error")
	}
	r, err := s.Put(ctx, Rule{Name: "Jiangsu", Region: []string{"Jiangsu"}, Enabled: true})
	if err != nil {
		t.Fatal(err)
	}
	if r.ID == "" || r.Created.IsZero() {
		t.Fatalf("Put did not assign id/created: %+v", r)
	}
	got, err := s.Get(ctx, r.ID)
	if err != nil || !reflect.DeepEqual(got, r) {
		t.Fatalf("Get = %+v, %v; want %+v", got, err, r)
	}
	r2, err := s.Put(ctx, Rule{ID: "fixed", Text: "chips"})
	if err != nil {
		t.Fatal(err)
	}
	r.Name = "renamed"
	if _, err := s.Put(ctx, r); err != nil {
		t.Fatal(err)
	}
	list, err := s.List(ctx)
	if err != nil || len(list) != 2 {
		t.Fatalf("List = %v, %v; want 2 rules", list, err)
	}
	if got, _ := s.Get(ctx, r.ID); got.Name != "renamed" {
		t.Errorf("after update Name = %q", got.Name)
	}
	if err := s.Delete(ctx, r2.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(ctx, r2.ID); !errors.Is(err, ErrNoRule) {
		t.Errorf("second Delete = %v; want ErrNoRule", err)
	}
	if _, err := s.Get(ctx, "nope"); !errors.Is(err, ErrNoRule) {
		t.Errorf("Get(missing) = %v; want ErrNoRule", err)
	}
	if _, err := s.Get(ctx, "../x"); !errors.Is(err, ErrNoRule) {
		t.Errorf("Get(bad id) = %v; want ErrNoRule", err)
	}
	if list, _ := s.List(ctx); len(list) != 1 {
		t.Errorf("List after delete has %d rules; want 1", len(list))
	}
}

func TestMatcherFiresOncePerRuleAndArticle(t *testing.T) {
	ctx := context.Background()
	rulesKV, fired := NewMemoryKV(), NewMemoryKV()
	store := NewStore(rulesKV)
	r1, _ := store.Put(ctx, Rule{Name: "jiangsu", Region: []string{"Jiangsu"}, Enabled: true})
	r2, _ := store.Put(ctx, Rule{Name: "china chips", Region: []string{"China"}, Text: "chip", Enabled: true})
	_, _ = store.Put(ctx, Rule{Name: "disabled", Region: []string{"Jiangsu"}, Enabled: false})
	_, _ = store.Put(ctx, Rule{Name: "elsewhere", Region: []string{"Catalonia"}, Enabled: true})

	// Two matchers (two index workers) sharing the KVs, each seeing every article several times.
	matchers := []*Matcher{NewMatcher(NewStore(rulesKV), fired, nil), NewMatcher(NewStore(rulesKV), fired, nil)}
	var mu sync.Mutex
	count := map[string]int{}
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func(m *Matcher) {
			defer wg.Done()
			for i := 0; i < 5; i++ {
				for _, id := range []string{"a1", "a2"} {
					a := wuxiArticle()
					a.ID = id
					evs, err := matchDelivered(ctx, m, a)
					if err != nil {
						t.Error(err)
						return
					}
					mu.Lock()
					for _, ev := range evs {
						count[ev.ID]++
					}
					mu.Unlock()
				}
			}
		}(matchers[w%2])
	}
	wg.Wait()
	want := map[string]int{}
	for _, r := range []Rule{r1, r2} {
		for _, id := range []string{"a1", "a2"} {
			want[r.ID+"."+id] = 1
		}
	}
	if !reflect.DeepEqual(count, want) {
		t.Errorf("fired %v; want %v", count, want)
	}
}

func TestMatcherEventFields(t *testing.T) {
	ctx := context.Background()
	store := NewStore(NewMemoryKV())
	r, _ := store.Put(ctx, Rule{Name: "jiangsu", Region: []string{"Jiangsu"}, Enabled: true})
	m := NewMatcher(store, NewMemoryKV(), nil)
	evs, err := matchDelivered(ctx, m, wuxiArticle())
	if err != nil || len(evs) != 1 {
		t.Fatalf("Match = %v, %v; want one event", evs, err)
	}
	ev := evs[0]
	if ev.ID != r.ID+".a1" || ev.RuleName != "jiangsu" || ev.Title != "Wuxi opens new chip plant" ||
		!reflect.DeepEqual(ev.Reasons, []string{"region Jiangsu via Wuxi"}) || ev.Fired.IsZero() {
		t.Errorf("event = %+v", ev)
	}
	// A rule added later is picked up after Refresh (or the cache TTL) and fires for the same article.
	r2, _ := store.Put(ctx, Rule{Name: "person", Person: []string{"Li Qiang"}, Enabled: true})
	m.Refresh()
	evs, _ = matchDelivered(ctx, m, wuxiArticle())
	if len(evs) != 1 || evs[0].RuleID != r2.ID {
		t.Errorf("after new rule: %+v; want one event of %s", evs, r2.ID)
	}
}

type failingKV struct{ KV }

func (failingKV) Create(context.Context, string, []byte) (bool, error) {
	return false, errors.New("kv down")
}

func TestMatcherReportsKVErrors(t *testing.T) {
	ctx := context.Background()
	store := NewStore(NewMemoryKV())
	_, _ = store.Put(ctx, Rule{Region: []string{"Jiangsu"}, Enabled: true})
	m := NewMatcher(store, failingKV{NewMemoryKV()}, nil)
	if evs, err := matchDelivered(ctx, m, wuxiArticle()); err == nil || len(evs) != 0 {
		t.Errorf("Match = %v, %v; want error and no events", evs, err)
	}
}

func TestHub(t *testing.T) {
	h := NewHub(3)
	if got := h.Recent(5); len(got) != 0 {
		t.Errorf("Recent on empty hub = %v", got)
	}
	ctx, cancel := context.WithCancel(context.Background())
	sub := h.Subscribe(ctx)
	for i := 1; i <= 5; i++ {
		h.Publish(Event{ID: fmt.Sprint(i)})
	}
	var ids []string
	for _, ev := range h.Recent(10) {
		ids = append(ids, ev.ID)
	}
	if want := []string{"3", "4", "5"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("Recent = %v; want %v", ids, want)
	}
	if got := h.Recent(2); got[0].ID != "4" || got[1].ID != "5" {
		t.Errorf("Recent(2) = %v", got)
	}
	for i := 1; i <= 3; i++ { // the subscriber's buffer holds the first three; 4 and 5 were dropped
		if ev := <-sub; ev.ID != fmt.Sprint(i) {
			t.Errorf("got event %s; want %d", ev.ID, i)
		}
	}
	if h.Drops() != 2 {
		t.Errorf("Drops = %d; want 2", h.Drops())
	}
	cancel()
	deadline := time.Now().Add(5 * time.Second)
	for {
		if _, open := <-sub; !open {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("subscription not closed after cancel")
		}
	}
	h.Publish(Event{ID: "6"}) // no subscriber left; must not block or panic
	if h.Subscribers() != 0 {
		t.Errorf("Subscribers = %d; want 0", h.Subscribers())
	}
}

func TestRuleEventTypeInRegion(t *testing.T) {
	base := func(events ...article.Event) *article.Article {
		a := &article.Article{ID: "e1", Title: "Unrest", Text: "Protesters marched in Lagos. Wuxi, in Jiangsu, was calm.",
			Places: []article.Place{
				{Name: "Lagos", GeonameID: 2332459, Feature: "city", CountryCode: "NG", Country: "Nigeria", Admin1: "Lagos"},
				{Name: "Wuxi", GeonameID: 1790923, Feature: "city", CountryCode: "CN", Country: "China", Admin1Code: "04", Admin1: "Jiangsu"},
			},
			Events: events}
		a.Normalize()
		return a
	}
	protestIn := func(place, admin1, country, cc string, id int) article.Event {
		return article.Event{Type: "protest", Place: place, Admin1: admin1, Country: country, CountryCode: cc, GeonameID: id,
			Trigger: &article.Mention{Text: "marched", Start: 11, End: 18}}
	}
	rule := Rule{ID: "r", Name: "protest in Jiangsu", EventType: []string{"protest"}, Region: []string{"Jiangsu"}}
	tests := []struct {
		name string
		a    *article.Article
		want bool
	}{
		{"protest placed in Lagos, article also names Jiangsu", base(protestIn("Lagos", "Lagos", "Nigeria", "NG", 2332459)), false},
		{"protest placed in Wuxi", base(protestIn("Wuxi", "Jiangsu", "China", "CN", 1790923)), true},
		{"protest with no place, article about Jiangsu", base(article.Event{Type: "protest"}), true},
		{"no protest at all", base(article.Event{Type: "visit"}), false},
	}
	for _, tc := range tests {
		if got, why := rule.Match(tc.a); got != tc.want {
			t.Errorf("%s: Match = %v (%v), want %v", tc.name, got, why, tc.want)
		}
	}
	if q := rule.Query(); len(q.EventType) != 1 || q.EventType[0] != "protest" {
		t.Errorf("Query().EventType = %v", q.EventType)
	}
}

// TestRuleEventTypeTimeFrame pins issue #19: an event-type rule fires on events that happen in the
// article's time frame, not on background ("the protests of 2024" in a 2026 bond story).
func TestRuleEventTypeTimeFrame(t *testing.T) {
	pub := time.Date(2026, 11, 14, 10, 45, 0, 0, time.UTC)
	article1 := func(date, end string) *article.Article {
		a := &article.Article{ID: "k1", Title: "Kenya bond", Text: "Deadly street protests in Kenya.", Published: &pub,
			Places: []article.Place{{Name: "Kenya", GeonameID: 192950, Feature: "country", CountryCode: "KE", Country: "Kenya"}},
			Events: []article.Event{{Type: "protest", Date: date, DateEnd: end, Trigger: &article.Mention{Text: "protests", Start: 13, End: 21}}}}
		a.Normalize()
		return a
	}
	for _, rule := range []Rule{
		{ID: "r1", Name: "protests", EventType: []string{"protest"}},
		{ID: "r2", Name: "Protests in Kenya", EventType: []string{"protest"}, Region: []string{"Kenya"}},
	} {
		for _, tc := range []struct {
			date, end string
			want      bool
		}{
			{"2024", "", false},
			{"2024-06", "", false},
			{"2026-06-25", "", false},
			{"", "", true},
			{"2026-11-13", "", true},
			{"2026-10", "", true},
			{"2026", "", true},
			{"2026-Q4", "", true},
			{"2026-11-20/2026-11-22", "2026-11-22", true},
			{"2027-01", "", true},
			{"2028", "", false},
			{"2024-H1", "", false},
			{"not a date", "", true},
		} {
			if got, why := rule.Match(article1(tc.date, tc.end)); got != tc.want {
				t.Errorf("%s, protest dated %q: Match = %v (%v), want %v", rule.Name, tc.date, got, why, tc.want)
			}
		}
		// The extractor marks an event recalled in passing background even when it has no date
		// ("the protests of two years ago"): such an event never matches.
		a := article1("", "")
		a.Events[0].Background = true
		if got, why := rule.Match(a); got {
			t.Errorf("%s, background protest: Match = true (%v), want false", rule.Name, why)
		}
	}
}

// matchDelivered is Match followed by Delivered of every event, as the index stage does once it
// has published them. It returns the events this call delivered first: Match may hand a pending
// event to two workers at once (their publishes share a message id, so JetStream keeps one), and
// only the worker whose Delivered comes first counts it, as users see it.
func matchDelivered(ctx context.Context, m *Matcher, a *article.Article) ([]Event, error) {
	evs, err := m.Match(ctx, a)
	var first []Event
	for _, ev := range evs {
		ok, derr := m.Delivered(ctx, ev)
		if derr != nil {
			err = errors.Join(err, derr)
			continue
		}
		if ok {
			first = append(first, ev)
		}
	}
	return first, err
}
