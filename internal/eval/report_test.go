package eval

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/newsmon/newsmon/pkg/article"
)

// TestSplitLines checks the line a scorer prints before its last: what was tuned on apart from
// what was held aside, or that the set has no held-aside part.
func TestSplitLines(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		splits []string
		want   string
	}{
		{nil, "split=all (no held-aside part)\n"},
		{[]string{"", ""}, "split=all (no held-aside part)\n"},
		{[]string{"dev", "dev"}, "split=dev (tuned on; no held-aside part): 2\n"},
		{[]string{"heldout"}, "split=heldout (held aside): 1\n"},
		{[]string{"test2", "dev", "test", "dev", "tune"}, "split=dev,tune (tuned on): 3\nsplit=test,test2 (held aside): 2\n"},
		{[]string{"", "aside"}, "split=unmarked (tuned on): 1\nsplit=aside (held aside): 1\n"},
	} {
		parts := newSplitScores(func() *int { return new(int) })
		for _, s := range tc.splits {
			*parts.of(s)++
		}
		var r Report
		parts.write(&r, func(n *int) string { return strconv.Itoa(*n) })
		if got := r.Text.String(); got != tc.want {
			t.Errorf("splits %q: got %q; want %q", tc.splits, got, tc.want)
		}
	}
}

// lastLines is the last n lines of a report's text.
func lastLines(r *Report, n int) string {
	lines := strings.Split(strings.TrimSpace(r.Text.String()), "\n")
	return strings.Join(lines[max(len(lines)-n, 0):], "\n")
}

// fakeChain resolves every whole-word "Paris" to Paris, France: enough to see which article (gold
// entities or bare text) the geo scorer hands the chain, and that the split lines come out.
type fakeChain struct{ names []string }

func (c fakeChain) Names() []string { return c.names }
func (c fakeChain) Run(_ context.Context, a *article.Article) error {
	goldEntities := len(a.Entities) > 0
	if (c.names[0] == "geo") != goldEntities {
		return nil // end to end got gold entities, or gold mentions got none: resolve nothing
	}
	for _, m := range occurrences(a.Text, "Paris") {
		a.Places = append(a.Places, article.Place{Name: "Paris", GeonameID: 2988507, CountryCode: "FR", Mentions: []article.Mention{m}})
	}
	return nil
}

func TestGeoScore(t *testing.T) {
	t.Parallel()
	set := `{"text":"Paris is calm.","places":[{"mention":"Paris","geonameid":2988507,"country_code":"FR"}],"split":"dev"}
{"text":"In Paris on Nov 3.","places":[{"mention":"Paris","geonameid":2988507,"country_code":"FR"},{"mention":"Nov","geonameid":0,"country_code":""}],"split":"heldout"}
`
	path := filepath.Join(t.TempDir(), "geo.jsonl")
	if err := os.WriteFile(path, []byte(set), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, gold := range []bool{false, true} {
		g := Geo{GoldMentions: gold, Chain: func(names []string) (Chain, error) { return fakeChain{names}, nil }}
		r, err := g.Score(context.Background(), path, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		want := "split=dev (tuned on): places=1 place_country_accuracy=1.0000 place_id_accuracy=1.0000 negatives_left_unresolved=0/0\n" +
			"split=heldout (held aside): places=1 place_country_accuracy=1.0000 place_id_accuracy=1.0000 negatives_left_unresolved=1/1\n" +
			"geo country_accuracy=1.0000 id_accuracy=1.0000"
		if got := lastLines(r, 3); got != want {
			t.Errorf("gold mentions %v: last lines\n%s\nwant\n%s", gold, got, want)
		}
		if r.Metrics["ner"] != !gold || r.Metrics["places"] != 2 || r.Metrics["held_aside"] == nil {
			t.Errorf("gold mentions %v: metrics %v", gold, r.Metrics)
		}
	}
}
