package alert

import (
	"context"
	"fmt"
	"math/bits"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/newsmon/newsmon/pkg/article"
)

func mustRead(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// syndicated returns the wire story as another site republishes it: a dateline and credit of its
// own, a sentence cut and a paragraph added at the end.
func syndicated(wire string) string {
	s := strings.Replace(wire, "WUXI, China —", "WUXI, China (Reuters) -", 1)
	s = strings.Replace(s, " and tighter rules in Brussels", "", 1)
	return s + "\n\nReporting by a correspondent; editing by the desk."
}

func TestSimHashNearDuplicates(t *testing.T) {
	t.Parallel()
	wire := mustRead(t, "testdata/story_wire.txt")
	other := mustRead(t, "testdata/story_other.txt")
	fw, n := SimHash(wire)
	if n < minShingles {
		t.Fatalf("wire story has %d shingles; want ≥ %d", n, minShingles)
	}
	for _, tc := range []struct {
		name string
		text string
		near bool
	}{
		{"identical", wire, true},
		{"case and punctuation", strings.ToUpper(strings.ReplaceAll(wire, ",", "")), true},
		{"syndicated copy", syndicated(wire), true},
		{"another story", other, false},
		{"first paragraph only", strings.SplitN(wire, "\n\n", 2)[0], false},
	} {
		f, _ := SimHash(tc.text)
		d := bits.OnesCount64(f ^ fw)
		if got := d <= maxStoryDistance; got != tc.near {
			t.Errorf("%s: distance %d; want near=%v", tc.name, d, tc.near)
		}
	}
}

func storyArticle(id, url, title, text string) *article.Article {
	return &article.Article{ID: id, URL: url, Source: strings.Split(strings.TrimPrefix(url, "https://"), "/")[0],
		Language: "en", Title: title, Text: text,
		Places: []article.Place{{Name: "Wuxi", GeonameID: 1790923, Feature: "city", CountryCode: "CN", Country: "China",
			Admin1: "Jiangsu", Mentions: []article.Mention{{Text: "Wuxi", Start: 0, End: 4}}}}}
}

func TestMatcherFiresOncePerStory(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	store := NewStore(NewMemoryKV())
	r, _ := store.Put(ctx, Rule{Name: "china", Region: []string{"China"}, Enabled: true})
	m := NewMatcher(store, NewMemoryKV(), nil)
	wire := mustRead(t, "testdata/story_wire.txt")
	other := mustRead(t, "testdata/story_other.txt")
	var fired []string
	for _, a := range []*article.Article{
		storyArticle("a1", "https://wire.example/wuxi-chips", "Spanish chipmaker to build plant in Wuxi", wire),
		storyArticle("a2", "https://paper.example/business/123", "Wuxi lands chip plant", syndicated(wire)),
		storyArticle("a1", "https://wire.example/wuxi-chips", "Spanish chipmaker to build plant in Wuxi (updated)", wire),
		storyArticle("a3", "https://city.example/rents", "Barcelona marches against rents", other),
		storyArticle("a2", "https://paper.example/business/123", "Wuxi lands chip plant", syndicated(wire)),
	} {
		evs, err := matchDelivered(ctx, m, a)
		if err != nil {
			t.Fatal(err)
		}
		for _, ev := range evs {
			fired = append(fired, ev.ArticleID+"/"+ev.StoryID)
		}
	}
	if want := []string{"a1/a1", "a3/a3"}; strings.Join(fired, " ") != strings.Join(want, " ") {
		t.Errorf("fired %v; want %v (rule %s)", fired, want, r.ID)
	}
}

func TestMinCount(t *testing.T) {
	a := storyArticle("a1", "https://x.example/1", "Wuxi", "Wuxi and chips. More chips in Wuxi. Chips!")
	a.Places[0].Mentions = []article.Mention{{Text: "Wuxi", Start: 0, End: 4}, {Text: "Wuxi", Start: 31, End: 35}}
	a.Entities = []article.Entity{{Type: article.TypeOrg, Name: "Acme", Count: 1, Mentions: []article.Mention{{Text: "Acme", Start: 0, End: 0}}}}
	for _, tc := range []struct {
		rule Rule
		want bool
	}{
		{Rule{Region: []string{"Jiangsu"}, MinCount: 2}, true},
		{Rule{Region: []string{"Jiangsu"}, MinCount: 3}, false},
		{Rule{Text: "chips", MinCount: 3}, true},
		{Rule{Text: "chips", MinCount: 4}, false},
		{Rule{Text: "wuxi", MinCount: 3}, true}, // two in the text, one in the title
		{Rule{Org: []string{"Acme"}, MinCount: 2}, false},
		{Rule{Org: []string{"Acme"}, Lang: []string{"en"}, MinCount: 1}, true},
	} {
		if got := tc.rule.Evaluate(a).Matched; got != tc.want {
			t.Errorf("%+v matched = %v; want %v", tc.rule, got, tc.want)
		}
	}
}

func TestEvaluateMentionsAndSnippet(t *testing.T) {
	wire := mustRead(t, "testdata/story_wire.txt")
	a := storyArticle("a1", "https://wire.example/1", "t", wire)
	i := strings.Index(wire, "Barcelona")
	start := len([]rune(wire[:i]))
	a.Places = append(a.Places, article.Place{Name: "Barcelona", Feature: "city", CountryCode: "ES", Country: "Spain",
		Admin1: "Catalonia", Mentions: []article.Mention{{Text: "Barcelona", Start: start, End: start + 9}}})
	res := (Rule{Region: []string{"Catalonia"}, Text: `"memory chips"`}).Evaluate(a)
	if !res.Matched || len(res.Mentions) != 2 {
		t.Fatalf("Evaluate = %+v; want a match with 2 mentions", res)
	}
	if m := res.Mentions[0]; m.Kind != "text" || m.Text != "memory chips" {
		t.Errorf("first mention = %+v; want the text term", m)
	}
	if m := res.Mentions[1]; m.Kind != "region" || m.Text != "Barcelona" || m.Start != start {
		t.Errorf("second mention = %+v; want Barcelona at %d", m, start)
	}
	sn := snippet(wire, res.Mentions)
	if !strings.Contains(sn, "memory chips") || !strings.HasPrefix(sn, "… ") || len([]rune(sn)) > snippetBefore+snippetAfter+30 {
		t.Errorf("snippet = %q", sn)
	}
	if s := summary(wire); !strings.HasPrefix(s, "WUXI, China —") || len([]rune(s)) > summaryLen+2 {
		t.Errorf("summary = %q", s)
	}
}

// clock is a settable time source for tests.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func TestModeFirstInWindow(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	store := NewStore(NewMemoryKV())
	_, err := store.Put(ctx, Rule{Name: "first", Region: []string{"China"}, Mode: ModeFirstInWindow, Window: "7d", Enabled: true})
	if err != nil {
		t.Fatal(err)
	}
	c := &clock{time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)}
	m := NewMatcher(store, NewMemoryKV(), nil, WithClock(c.now))
	steps := []struct {
		after time.Duration
		id    string
		want  int
	}{
		{0, "a1", 1},                  // first mention ever
		{time.Hour, "a2", 0},          // within 7 days of a1
		{6 * 24 * time.Hour, "a3", 0}, // within 7 days of a2 (the window restarts at each mention)
		{8 * 24 * time.Hour, "a4", 1}, // 8 days of silence
		{time.Minute, "a4", 0},        // the same story again
	}
	for _, s := range steps {
		c.t = c.t.Add(s.after)
		m.Refresh()
		evs, err := matchDelivered(ctx, m, storyArticle(s.id, "https://x.example/"+s.id, s.id, "short text "+s.id))
		if err != nil {
			t.Fatal(err)
		}
		if len(evs) != s.want {
			t.Errorf("%s after %v: %d events; want %d", s.id, s.after, len(evs), s.want)
		}
	}
}

func TestModeDigest(t *testing.T) {
	ctx := context.Background()
	store := NewStore(NewMemoryKV())
	r, err := store.Put(ctx, Rule{Name: "daily", Region: []string{"Jiangsu"}, Mode: ModeDigest, Interval: "24h", Enabled: true})
	if err != nil {
		t.Fatal(err)
	}
	c := &clock{time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC)}
	fired := NewMemoryKV()
	m1 := NewMatcher(store, fired, nil, WithClock(c.now))
	m2 := NewMatcher(store, fired, nil, WithClock(c.now)) // a second worker flushing concurrently
	for i, id := range []string{"a1", "a2", "a1"} {
		c.t = c.t.Add(time.Hour)
		evs, err := matchDelivered(ctx, m1, storyArticle(id, "https://x.example/"+id, "story "+id, "text "+id))
		if err != nil || len(evs) != 0 {
			t.Fatalf("match %d: %v, %v; want no immediate event", i, evs, err)
		}
	}
	if evs, _ := m1.FlushDigests(ctx); len(evs) != 0 {
		t.Fatalf("flush before the interval: %+v", evs)
	}
	c.t = c.t.Add(24 * time.Hour)
	e1, err1 := m1.FlushDigests(ctx)
	e2, err2 := m2.FlushDigests(ctx)
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	// Both workers may hand out the digest taken (the one that took it, and the other because it
	// is not delivered yet): the same event under the same id, which the bus stores once.
	evs := append(e1, e2...)
	if len(evs) == 0 || len(evs) > 2 || evs[0].ID != evs[len(evs)-1].ID {
		t.Fatalf("flush after the interval: %+v; want one digest", evs)
	}
	ev := evs[0]
	firsts := 0
	for _, e := range evs {
		if first, err := m2.Delivered(ctx, e); err != nil {
			t.Fatal(err)
		} else if first {
			firsts++
		}
	}
	if firsts != 1 {
		t.Errorf("digest recorded delivered first %d times; want 1", firsts)
	}
	if ev.RuleID != r.ID || ev.Mode != ModeDigest || len(ev.Digest) != 2 || ev.Digest[0].ArticleID != "a1" || ev.Digest[1].ArticleID != "a2" {
		t.Errorf("digest = %+v; want a1 and a2", ev)
	}
	if evs, _ := m1.FlushDigests(ctx); len(evs) != 0 {
		t.Errorf("second flush: %+v; want nothing left", evs)
	}
}

func TestValidateModes(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		rule Rule
		ok   bool
	}{
		{Rule{Text: "x", Mode: ModeEvery}, true},
		{Rule{Text: "x", Mode: ModeFirstInWindow, Window: "168h"}, true},
		{Rule{Text: "x", Mode: ModeFirstInWindow, Window: "7d"}, true},
		{Rule{Text: "x", Mode: ModeFirstInWindow}, false},
		{Rule{Text: "x", Mode: ModeFirstInWindow, Window: "1s"}, false},
		{Rule{Text: "x", Mode: ModeDigest, Interval: "1d"}, true},
		{Rule{Text: "x", Mode: ModeDigest, Interval: "soon"}, false},
		{Rule{Text: "x", Window: "7d"}, false},
		{Rule{Text: "x", Mode: "sometimes"}, false},
		{Rule{Text: "x", MinCount: -1}, false},
		{Rule{Text: "x", Webhook: "https://hooks.example/a"}, true},
		{Rule{Text: "x", Webhook: "ftp://hooks.example/a"}, false},
		{Rule{Text: "x", Email: []string{"desk@example.org"}}, true},
		{Rule{Text: "x", Email: []string{"Desk <desk@example.org>"}}, false},
	} {
		if err := tc.rule.Validate(); (err == nil) != tc.ok {
			t.Errorf("Validate(%+v) = %v; want ok=%v", tc.rule, err, tc.ok)
		}
	}
}

func TestRegionByGeonameID(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	store := NewStore(NewMemoryKV())
	codes := map[int]string{1806260: "CN.04", 1814991: "CN", 2510769: "ES"}
	lookup := func(id int) (string, bool) { c, ok := codes[id]; return c, ok }
	for _, tc := range []struct {
		region string
		want   string // reason, "" for no match
	}{
		{"1806260", "region 1806260 via Wuxi"}, // Jiangsu by id
		{"1814991", "region 1814991 via Wuxi"}, // China by id
		{"1790923", "region Wuxi"},             // Wuxi itself
		{"2510769", ""},                        // Spain
		{"江苏", "region 江苏 via Wuxi"},           // Jiangsu by its Chinese name (WithRegionNames)
		{"Baviera", ""},                        // another region by name
	} {
		r, err := store.Put(ctx, Rule{ID: fmt.Sprintf("r%x", tc.region), Region: []string{tc.region}, Enabled: true})
		if err != nil {
			t.Fatal(err)
		}
		named := func(name string) (string, bool) {
			c, ok := map[string]string{"江苏": "CN.04", "Baviera": "DE.02"}[name]
			return c, ok
		}
		m := NewMatcher(store, NewMemoryKV(), nil, WithRegionCodes(lookup), WithRegionNames(named))
		a := storyArticle("a1", "https://x.example/1", "t", "Wuxi grows.")
		a.Places[0].Admin1Code = "04"
		evs, err := matchDelivered(ctx, m, a)
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		for _, ev := range evs {
			if ev.RuleID == r.ID {
				got = ev.Reasons[0]
			}
		}
		if got != tc.want {
			t.Errorf("region %s: reason %q; want %q", tc.region, got, tc.want)
		}
		_ = store.Delete(ctx, r.ID)
	}
}
