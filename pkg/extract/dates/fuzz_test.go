package dates

import (
	"testing"

	"github.com/newsmon/newsmon/pkg/extract"
	"github.com/newsmon/newsmon/pkg/text"
)

var _ extract.Extractor = (*Extractor)(nil)

func FuzzFind(f *testing.F) {
	for _, s := range []string{"Oct. 23, 2023", "Feb 30", "in 1999", "2023-02-31", "last Monday", "99 years ago",
		"from Oct 20 to 23", "Q3 2024", "10/23/2023", "late January of this year", "third-quarter", "between 2010 and",
		"Monday, Oct.", "May 20-", "H1 '24", "mid-", "from Q2 to Q"} {
		f.Add(s)
	}
	e := New()
	f.Fuzz(func(t *testing.T, s string) {
		for _, d := range e.FindFrom(s, published, "bbc.co.uk") {
			if got := text.SliceRunes(s, d.Start, d.End); got != d.Text || d.Value == "" {
				t.Fatalf("bad date %+v in %q (slice %q)", d, s, got)
			}
		}
	})
}

// FuzzFindIn reads every input in each language with tables.
func FuzzFindIn(f *testing.F) {
	for _, s := range []string{"el 3 de marzo de 2024", "1er mars", "am 3. März", "2024年3月16日", "16日", "上周二",
		"hace tres", "il y a", "del 3 al", "segunda-feira", "aujourd'", "vom 3. bis", "年月日", "2024年13月", "周"} {
		f.Add(s)
	}
	e := New()
	f.Fuzz(func(t *testing.T, s string) {
		for _, lang := range []string{"es", "fr", "de", "pt", "it", "nl", "zh"} {
			for _, d := range e.FindIn(s, published, "", lang) {
				if got := text.SliceRunes(s, d.Start, d.End); got != d.Text || d.Value == "" {
					t.Fatalf("%s: bad date %+v in %q (slice %q)", lang, d, s, got)
				}
			}
		}
	})
}
