package geo

import (
	"time"

	"github.com/newsmon/newsmon/pkg/article"
)

// countryBorn gives the day each state that became independent after 1988 was born: the Soviet
// Union's successors but Russia (its continuing state, named so before), Yugoslavia's and
// Czechoslovakia's successors, Namibia, Eritrea, Palau, Timor-Leste, South Sudan. Before that day a story names no such country: "Georgia" in a 1987 utility story is the
// American state, and "Armenia" of 1987 is the Soviet republic, read then by its size as a region
// is. Sources: the states' declarations of independence as Wikipedia's articles on them date them.
var countryBorn = map[[2]byte]time.Time{
	{'A', 'M'}: day(1991, 9, 21), {'A', 'Z'}: day(1991, 8, 30), {'B', 'Y'}: day(1991, 8, 25),
	{'E', 'E'}: day(1991, 8, 20), {'G', 'E'}: day(1991, 4, 9), {'K', 'Z'}: day(1991, 12, 16),
	{'K', 'G'}: day(1991, 8, 31), {'L', 'V'}: day(1991, 8, 21), {'L', 'T'}: day(1990, 3, 11),
	{'M', 'D'}: day(1991, 8, 27), {'T', 'J'}: day(1991, 9, 9), {'T', 'M'}: day(1991, 10, 27),
	{'U', 'A'}: day(1991, 8, 24), {'U', 'Z'}: day(1991, 8, 31),
	{'H', 'R'}: day(1991, 6, 25), {'S', 'I'}: day(1991, 6, 25), {'M', 'K'}: day(1991, 9, 8),
	{'B', 'A'}: day(1992, 3, 3), {'R', 'S'}: day(2006, 6, 5), {'M', 'E'}: day(2006, 6, 3),
	{'X', 'K'}: day(2008, 2, 17), {'C', 'Z'}: day(1993, 1, 1), {'S', 'K'}: day(1993, 1, 1),
	{'N', 'A'}: day(1990, 3, 21), {'E', 'R'}: day(1993, 5, 24), {'P', 'W'}: day(1994, 10, 1),
	{'T', 'L'}: day(2002, 5, 20), {'S', 'S'}: day(2011, 7, 9),
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// unbornCountryPrior is what a country's prior loses when the article predates the state: its
// standing as a country (see prior), not its size.
const unbornCountryPrior = 3

// weighUnbornCountries takes from each candidate country that did not yet exist when the article was
// published the prior a country has over a region of its size. Articles without a date are read as
// of today.
func (d *data) weighUnbornCountries(a *article.Article, items []*item) {
	if a.Published == nil || a.Published.IsZero() {
		return
	}
	for _, it := range items {
		for j, p := range it.cands {
			r := &d.recs[p.rec]
			if born, ok := countryBorn[r.cc]; ok && r.feature == featCountry && a.Published.Before(born) {
				it.static[j] -= unbornCountryPrior
			}
		}
	}
}
