package pipeline_test

import (
	"slices"
	"testing"

	"github.com/newsmon/newsmon/pkg/article"
)

// TestGermanAndPortugueseDemoStories: the demo site's German story (a chip plant in Regensburg,
// Bavaria) and Portuguese story (an electric-bus plant in Caxias do Sul, Rio Grande do Sul) come
// through the default chain in their language with the city in its first-level region, the money
// in local forms, and the speakers of their quotes (issue #22).
func TestGermanAndPortugueseDemoStories(t *testing.T) {
	t.Parallel()
	tests := []struct {
		slug, lang      string
		cityID          int
		country, admin1 string
		admin1ID        int
		money           map[string]float64 // text → amount
		currency        string
		speakers        []string
	}{
		{slug: "regensburg-halbleiterwerk-de", lang: "de", cityID: 2849483, country: "DE", admin1: "Bavaria", admin1ID: 2951839,
			money: map[string]float64{"1,2 Milliarden Euro": 1.2e9, "180 Millionen Euro": 1.8e8}, currency: "EUR",
			speakers: []string{"Ulrike Brandl", "Markus Leitner", "Julia Weber"}},
		{slug: "caxias-do-sul-onibus-eletricos-pt", lang: "pt", cityID: 3466537, country: "BR", admin1: "Rio Grande do Sul", admin1ID: 3451133,
			money: map[string]float64{"R$ 1,8 bilhão": 1.8e9, "R$ 240 milhões": 2.4e8, "R$ 900 milhões": 9e8}, currency: "BRL",
			speakers: []string{"Paulo Bertoldi", "Eduardo Marchesan", "Fernanda Ribeiro"}},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			t.Parallel()
			a := demoStory(t, tt.slug)
			if a.Language != tt.lang {
				t.Errorf("language %q; want %q", a.Language, tt.lang)
			}
			city, ok := placeIn(a, tt.cityID)
			if !ok || city.CountryCode != tt.country || city.Admin1 != tt.admin1 {
				t.Errorf("city %d = %+v, %v; want it in %s, %s; places %v", tt.cityID, city, ok, tt.admin1, tt.country, a.Places)
			}
			if _, ok := placeIn(a, tt.admin1ID); !ok {
				t.Errorf("no place %s (%d) among %v", tt.admin1, tt.admin1ID, a.Places)
			}
			for text, amount := range tt.money {
				i := slices.IndexFunc(a.Money, func(m article.Money) bool { return m.Text == text })
				if i < 0 || a.Money[i].Amount != amount || a.Money[i].Currency != tt.currency {
					t.Errorf("money %q: want %g %s; got %+v", text, amount, tt.currency, a.Money)
				}
			}
			var speakers []string
			for _, q := range a.Quotes {
				if q.Speaker != nil {
					speakers = append(speakers, *q.Speaker)
				}
			}
			for _, s := range tt.speakers {
				if !slices.Contains(speakers, s) {
					t.Errorf("no quote by %s; speakers %v", s, speakers)
				}
			}
		})
	}
}
