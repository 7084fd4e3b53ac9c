package geo

import "testing"

// TestScanClauseArticlesAndPlaceNouns: the error classes of the fresh dev batch (issue #22). A
// capitalised article opening a clause after a dateline's dash is no part of the name after it,
// and in German a noun naming a kind of place ("Stadt") puts a town's name after it.
func TestScanClauseArticlesAndPlaceNouns(t *testing.T) {
	t.Parallel()
	g := mustDefault(t)
	cases := []struct {
		lang, text, mention, wantCountry string
	}{
		{"fr", "DAKAR – Le Sénégal a signé un accord.", "Sénégal", "SN"},
		{"pt", "LUANDA – O Brasil enviou ajuda.", "Brasil", "BR"},
		{"fr", "Le Havre a voté le budget.", "Le Havre", "FR"}, // a name that opens with its article stays whole
		{"de", "Die Stadt Köln erhält Geld vom Land.", "Köln", "DE"},
		{"de", "In der Hafenstadt Hamburg regnet es.", "Hamburg", "DE"},
	}
	for _, c := range cases {
		if got := resolveIn(t, g, c.lang, c.text)[c.mention]; got.CountryCode != c.wantCountry {
			t.Errorf("%q in %q → %q %q; want a place in %s", c.mention, c.text, got.Name, got.CountryCode, c.wantCountry)
		}
	}
}
