package money

import (
	"context"
	"testing"

	"github.com/newsmon/newsmon/pkg/article"
)

// TestReaderCurrency: what a careful reader makes of a currency word in context (issue #19,
// money): a contraction, a weight, a "(U.S.)" mark, a range's shared scale word, a dinar's or a
// crown's country, the Austrian schilling.
func TestReaderCurrency(t *testing.T) {
	t.Parallel()
	type sum struct {
		text   string
		amount float64
		cur    string
	}
	canada := []article.Place{{CountryCode: "CA", Mentions: make([]article.Mention, 2)}}
	britain := []article.Place{{CountryCode: "GB", Mentions: make([]article.Mention, 1)}}
	for _, tc := range []struct {
		in     string
		places []article.Place
		want   []sum
	}{
		{"The year 2010 won't be missed; a 2,000 won fee will.", nil, []sum{{"2,000 won", 2000, "KRW"}}},
		{"The van was overloaded by 900 pounds (410kg) on the day.", nil, nil},
		{"The rocket weighs 2,000 pounds and costs 40,000 pounds.", nil, []sum{{"40,000 pounds", 40000, "GBP"}}},
		{"The board must cut a $90 million (U.S.) deficit.", canada, []sum{{"$90 million", 90e6, "USD"}}},
		{"It booked a 4 mln dlrs (US) loss last year.", canada, []sum{{"4 mln dlrs", 4e6, "USD"}}},
		{"The unit is worth between two and three billion dlrs.", nil, []sum{{"two and three billion dlrs", 2e9, "USD"}}},
		{"Bahrain's central bank sold three mln dinars of bills.", nil, []sum{{"three mln dinars", 3e6, "BHD"}}},
		{"The loan was for 30 mln Kuwaiti dinars.", nil, []sum{{"30 mln Kuwaiti dinars", 30e6, "KWD"}}},
		{"The Stockholm group lost 183 mln crowns, after 2 billion Swedish crowns.", nil,
			[]sum{{"183 mln crowns", 183e6, "SEK"}, {"2 billion Swedish crowns", 2e9, "SEK"}}},
		{"The side won three crowns in a row.", nil, nil},
		{"Vienna expects a deficit of four billion schillings.", nil, []sum{{"four billion schillings", 4e9, "ATS"}}},
		{"The chancellor added 1.28p per litre to fuel duty.", britain, []sum{{"1.28p", 0.0128, "GBP"}}},
	} {
		a := &article.Article{Text: tc.in, Places: tc.places}
		if err := New().Extract(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		var got []sum
		for _, m := range a.Money {
			got = append(got, sum{m.Text, m.Amount, m.Currency})
		}
		if len(got) != len(tc.want) {
			t.Errorf("%q = %v; want %v", tc.in, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("%q [%d] = %v; want %v", tc.in, i, got[i], tc.want[i])
			}
		}
		checkOffsets(t, tc.in, a.Money)
	}
}
