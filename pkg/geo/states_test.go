package geo

import (
	"context"
	"testing"
)

// TestStateMentions: a name that is both a capital and a state is the state where the text calls it
// a state or lists it among states, and the capital elsewhere in the same article.
func TestStateMentions(t *testing.T) {
	t.Parallel()
	res := NewResolver(mustDefault(t))
	for _, tc := range []struct {
		name, text string
		ents       []ent
		wantAt     map[int]string // mention start → admin1
	}{
		{
			name:   "mixed senses in one story",
			text:   "Lawmakers in Washington were angry. Caucuses in Alaska, Hawaii and Washington come next, and a win in Washington state would help.",
			ents:   []ent{{"PLACE", "Washington"}, {"PLACE", "Alaska"}, {"PLACE", "Hawaii"}},
			wantAt: map[int]string{13: "District of Columbia", 67: "Washington", 102: "Washington"},
		},
		{
			name:   "every mention a state",
			text:   "Sanders won Idaho and Washington, and Washington state may follow.",
			ents:   []ent{{"PLACE", "Washington"}, {"PLACE", "Idaho"}},
			wantAt: map[int]string{22: "Washington", 38: "Washington"},
		},
		{
			name:   "a town qualified by its state is no state of a list",
			text:   "Sanders campaigned in Washington, Iowa, and later in Massachusetts and Washington, D.C., where a New York state official met him; the New York primary comes later.",
			ents:   []ent{{"PLACE", "Washington"}, {"PLACE", "Iowa"}, {"PLACE", "Massachusetts"}, {"PLACE", "New York"}},
			wantAt: map[int]string{22: "District of Columbia", 71: "District of Columbia", 97: "New York", 134: "New York"},
		},
		{
			name:   "beside cities it is the capital",
			text:   "Talks in Paris and Washington and New York went on.",
			ents:   []ent{{"PLACE", "Washington"}, {"PLACE", "Paris"}, {"PLACE", "New York"}},
			wantAt: map[int]string{19: "District of Columbia"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := newArticle(t, "", tc.text, tc.ents...)
			if err := res.Extract(context.Background(), a); err != nil {
				t.Fatal(err)
			}
			got := map[int]string{}
			for _, p := range a.Places {
				for _, m := range p.Mentions {
					got[m.Start] = p.Admin1
				}
			}
			for at, w := range tc.wantAt {
				if got[at] != w {
					t.Errorf("mention at %d (%q) in %q; want %q", at, string([]rune(tc.text)[at:at+10]), got[at], w)
				}
			}
		})
	}
}
