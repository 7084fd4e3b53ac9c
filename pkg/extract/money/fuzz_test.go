package money

import (
	"testing"

	"github.com/newsmon/newsmon/pkg/extract"
	"github.com/newsmon/newsmon/pkg/text"
)

var _ extract.Extractor = (*Extractor)(nil)

func FuzzFind(f *testing.F) {
	for _, s := range []string{"250 billion yuan ($34.23 billion)", "$3-4 billion", "Rs.5", "US$", "5 Swiss francs", "1,234,5678€",
		"thirteen dollars and forty-five", "between €2m and", "u.s $ 1", "one kuai and five mao", "a quarter million us",
		"MAUD 60", "12-cent", "₹1.97 lakh crore", "GH₵", "15 dollars and", "hk $"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, m := range Find(s, "") {
			if got := text.SliceRunes(s, m.Start, m.End); got != m.Text || m.Currency == "" {
				t.Fatalf("bad money %+v in %q (slice %q)", m, s, got)
			}
		}
		_, _ = ParseAmount(s)
	})
}

// FuzzFindIn reads every input in each language with tables.
func FuzzFindIn(f *testing.F) {
	for _, s := range []string{"US$4.000 millones", "1 234,5 €", "3 Mrd.", "人民币5亿元", "50多亿", "2500亿元人民币", "de 215 à",
		"mil millones de", "R$ 5 bi", "100 Schweizer", "1’234", "元人民"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, lang := range []string{"es", "fr", "de", "pt", "it", "nl", "zh"} {
			for _, m := range FindIn(s, "", lang) {
				if got := text.SliceRunes(s, m.Start, m.End); got != m.Text || m.Currency == "" {
					t.Fatalf("%s: bad money %+v in %q (slice %q)", lang, m, s, got)
				}
			}
		}
	})
}
