package event

import (
	"testing"
	"unicode/utf8"

	"github.com/newsmon/newsmon/pkg/article"
)

// FuzzFind: any text, with a PERSON entity on its first word and a date on its last, gives events
// whose spans point inside the text at what they claim.
func FuzzFind(f *testing.F) {
	for _, s := range []string{seed.text, goldenFixture.text, "", "(", "The Expo (EX", "met the the summit",
		"Oct 20 to", "from 3 to 99 October", "“Protesters” marched — 北京 earthquake."} {
		f.Add(s)
	}
	ex := New()
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		a := &article.Article{Text: s}
		n := utf8.RuneCountInString(s)
		if n > 4 {
			a.Entities = []article.Entity{{Type: article.TypePerson, Name: "X", Mentions: []article.Mention{{Text: sliceRunes(s, 0, 2), Start: 0, End: 2}}}}
			a.Dates = []article.Date{{Text: sliceRunes(s, n-2, n), Start: n - 2, End: n, Value: "2023-10-20", Grain: "day"}}
			a.Places = []article.Place{{Name: "P", Feature: "city", Mentions: []article.Mention{{Text: sliceRunes(s, 2, 4), Start: 2, End: 4}}}}
		}
		for _, e := range ex.Find(a) {
			ms := e.Mentions
			if e.Trigger != nil {
				ms = append(ms, *e.Trigger)
			}
			for _, m := range ms {
				if m.Start < 0 || m.End > n || m.Start > m.End || sliceRunes(s, m.Start, m.End) != m.Text {
					t.Fatalf("bad mention %+v in %q", m, s)
				}
			}
		}
	})
}
