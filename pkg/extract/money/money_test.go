package money

import (
	"context"
	"errors"
	"os"
	"slices"
	"testing"

	"github.com/newsmon/newsmon/internal/golden"
	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/text"
)

func TestParseAmount(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]Amount{
		"$5":                    {Value: 5, Currency: "USD"},
		"US$5":                  {Value: 5, Currency: "USD"},
		"5 USD":                 {Value: 5, Currency: "USD"},
		"USD 5":                 {Value: 5, Currency: "USD"},
		"€5":                    {Value: 5, Currency: "EUR"},
		"5€":                    {Value: 5, Currency: "EUR"},
		"5 €":                   {Value: 5, Currency: "EUR"},
		"£1.2m":                 {Value: 1.2e6, Currency: "GBP"},
		"€1.5m":                 {Value: 1.5e6, Currency: "EUR"},
		"¥100":                  {Value: 100, Currency: "JPY"},
		"₹2,500":                {Value: 2500, Currency: "INR"},
		"Rs 500":                {Value: 500, Currency: "INR"},
		"Rs. 3 crore":           {Value: 3e7, Currency: "INR"},
		"₹5 lakh":               {Value: 5e5, Currency: "INR"},
		"RMB 10 billion":        {Value: 1e10, Currency: "CNY"},
		"HK$8.5bn":              {Value: 8.5e9, Currency: "HKD"},
		"A$3 million":           {Value: 3e6, Currency: "AUD"},
		"C$40":                  {Value: 40, Currency: "CAD"},
		"S$1,000":               {Value: 1000, Currency: "SGD"},
		"NZ$2.5 billion":        {Value: 2.5e9, Currency: "NZD"},
		"CHF 120":               {Value: 120, Currency: "CHF"},
		"R$15":                  {Value: 15, Currency: "BRL"},
		"₩1,200,000":            {Value: 1.2e6, Currency: "KRW"},
		"₽300":                  {Value: 300, Currency: "RUB"},
		"250 billion yuan":      {Value: 250e9, Currency: "CNY"},
		"3 trillion yen":        {Value: 3e12, Currency: "JPY"},
		"10 million rupees":     {Value: 1e7, Currency: "INR"},
		"40 pounds":             {Value: 40, Currency: "GBP"},
		"5 pounds sterling":     {Value: 5, Currency: "GBP"},
		"12 Swiss francs":       {Value: 12, Currency: "CHF"},
		"7 Australian dollars":  {Value: 7, Currency: "AUD"},
		"2 million US dollars":  {Value: 2e6, Currency: "USD"},
		"300 pesos":             {Value: 300, Currency: "MXN"},
		"50 Philippine pesos":   {Value: 50, Currency: "PHP"},
		"20 rand":               {Value: 20, Currency: "ZAR"},
		"5,000 naira":           {Value: 5000, Currency: "NGN"},
		"100 Kenyan shillings":  {Value: 100, Currency: "KES"},
		"10 renminbi":           {Value: 10, Currency: "CNY"},
		"$5k":                   {Value: 5000, Currency: "USD"},
		"$9.8bn":                {Value: 9.8e9, Currency: "USD"},
		"$2 mn":                 {Value: 2e6, Currency: "USD"},
		"$1.2 tn":               {Value: 1.2e12, Currency: "USD"},
		"$40 thousand":          {Value: 40e3, Currency: "USD"},
		"$3-4 billion":          {Value: 3e9, Max: 4e9, Currency: "USD"},
		"$3 billion-$4 billion": {Value: 3e9, Max: 4e9, Currency: "USD"},
		"3 to 5 million euros":  {Value: 3e6, Max: 5e6, Currency: "EUR"},
		"about $5":              {Value: 5, Currency: "USD", Approximate: true},
		"nearly €2bn":           {Value: 2e9, Currency: "EUR", Approximate: true},
		"more than 1,000 yuan":  {Value: 1000, Currency: "CNY", Approximate: true},
		"$1,234.56":             {Value: 1234.56, Currency: "USD"},
		// Written numbers, sub-units and the other digit styles.
		"five million dollars":                  {Value: 5e6, Currency: "USD"},
		"a billion euros":                       {Value: 1e9, Currency: "EUR"},
		"half a million dollars":                {Value: 5e5, Currency: "USD"},
		"a quarter million us dollars":          {Value: 2.5e5, Currency: "USD"},
		"thirteen dollars and forty-five cents": {Value: 13.45, Currency: "USD"},
		"15 dollars and 15":                     {Value: 15.15, Currency: "USD"},
		"50 cents":                              {Value: 0.5, Currency: "USD"},
		"210 pence":                             {Value: 2.1, Currency: "GBP"},
		"1.234.567,89 €":                        {Value: 1234567.89, Currency: "EUR"},
		"12,50 €":                               {Value: 12.5, Currency: "EUR"},
		"12,34,567 rupees":                      {Value: 1234567, Currency: "INR"},
		"₹1.97 lakh crore":                      {Value: 1.97e12, Currency: "INR"},
		"$5-million":                            {Value: 5e6, Currency: "USD"},
		"30 MUSD":                               {Value: 30e6, Currency: "USD"},
		"MAUD 60":                               {Value: 60e6, Currency: "AUD"},
		"75 USD million":                        {Value: 75e6, Currency: "USD"},
		"hk $ 10.05 billion":                    {Value: 10.05e9, Currency: "HKD"},
		"u.s $ 100":                             {Value: 100, Currency: "USD"},
		"GH₵ 1,200":                             {Value: 1200, Currency: "GHS"},
		"10 bitcoins":                           {Value: 10, Currency: "BTC"},
	} {
		if got, err := ParseAmount(in); err != nil || got != want {
			t.Errorf("ParseAmount(%q) = %+v, %v; want %+v", in, got, err, want)
		}
	}
}

func TestParseAmountRejects(t *testing.T) {
	t.Parallel()
	for _, in := range []string{"5%", "5 percent", "in 2023", "40 companies", "COVID-19", "", "$", "5 people and $3"} {
		if got, err := ParseAmount(in); !errors.Is(err, ErrNoAmount) {
			t.Errorf("ParseAmount(%q) = %+v, %v; want ErrNoAmount", in, got, err)
		}
	}
}

func TestFind(t *testing.T) {
	t.Parallel()
	type m struct {
		text  string
		cur   string
		equiv int // -1: none
	}
	for _, tc := range []struct {
		in, host string
		want     []m
	}{
		{"Wuxi will spend 250 billion yuan ($34.23 billion) on chips.", "", []m{{"250 billion yuan", "CNY", -1}, {"$34.23 billion", "USD", 0}}},
		{"The deal is worth A$2 billion, and another $500 million is planned.", "", []m{{"A$2 billion", "AUD", -1}, {"$500 million", "AUD", -1}}},
		{"It costs $20 in Sydney.", "www.abc.net.au", []m{{"$20", "AUD", -1}}},
		// The text names US$, so its bare $ is USD too; a sum in the same currency restates nothing.
		{"It costs $20, or US$13.", "www.abc.net.au", []m{{"$20", "USD", -1}, {"US$13", "USD", -1}}},
		{"It costs A$20, or US$13.", "www.abc.net.au", []m{{"A$20", "AUD", -1}, {"US$13", "USD", 0}}},
		{"Exports rose 8.5 percent in 2022, with 40 firms and 12% more staff.", "", nil},
		{"A ¥500 ticket in Beijing, China.", "", []m{{"¥500", "CNY", -1}}},
		{"Prices in Zürich: 5 CHF, 4€ (US$4.3).", "", []m{{"5 CHF", "CHF", -1}, {"4€", "EUR", -1}, {"US$4.3", "USD", 1}}},
		{"Revenue rose from $5 to $10.", "", []m{{"$5", "USD", -1}, {"$10", "USD", -1}}},
		// Without a verb of change, "from … to …" is a range, as is "between … and …".
		{"Rooms cost from $100 to $150 a night.", "", []m{{"$100 to $150", "USD", -1}}},
		{"It will cost between €2m and €3m.", "", []m{{"€2m and €3m", "EUR", -1}}},
		// A per-share figure in the same currency restates nothing.
		{"It lost $12.3 million, or 14 cents a share.", "", []m{{"$12.3 million", "USD", -1}, {"14 cents", "USD", -1}}},
		{"A pint costs 95p.", "www.bbc.co.uk", []m{{"95p", "GBP", -1}}},
		{"The $ sign, call 555-0100, a 3-1 win, 12 per cent and 40% in 2023.", "", nil},
		{"PHP 8.2 is out; AMD 7950X chips.", "", nil},
		{"Manila set aside PHP 5 billion and PHP 1,500 per family.", "", []m{{"PHP 5 billion", "PHP", -1}, {"PHP 1,500", "PHP", -1}}},
	} {
		got := Find(tc.in, tc.host)
		if len(got) != len(tc.want) {
			t.Errorf("Find(%q) = %+v; want %d sums", tc.in, got, len(tc.want))
			continue
		}
		for i, w := range tc.want {
			g := got[i]
			eq := -1
			if g.EquivalentOf != nil {
				eq = *g.EquivalentOf
			}
			if g.Text != w.text || g.Currency != w.cur || eq != w.equiv {
				t.Errorf("Find(%q)[%d] = %q %s equiv %d; want %q %s equiv %d", tc.in, i, g.Text, g.Currency, eq, w.text, w.cur, w.equiv)
			}
		}
		checkOffsets(t, tc.in, got)
	}
}

func checkOffsets(t *testing.T, s string, ms []article.Money) {
	t.Helper()
	for _, m := range ms {
		if got := text.SliceRunes(s, m.Start, m.End); got != m.Text {
			t.Errorf("text[%d:%d] = %q; want %q", m.Start, m.End, got, m.Text)
		}
	}
}

func TestGolden(t *testing.T) {
	raw, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	a := &article.Article{Text: string(raw), URL: "https://news.example.com/wuxi-chips"}
	if err := New().Extract(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	checkOffsets(t, a.Text, a.Money)
	golden.CheckJSON(t, "testdata/article.golden.json", a.Money)
}

func BenchmarkFind(b *testing.B) {
	raw, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(raw)))
	start := cpuTime()
	for b.Loop() {
		Find(string(raw), "")
	}
	reportCPURate(b, len(raw), cpuTime()-start)
}

// TestArticleContext pins the currencies the article decides (issue #19): a bare "$" restating a
// foreign-dollar figure is the US dollar, and pesos, shillings, rupees and bare dollars follow the
// article's country (its resolved places, else the country names in its text, else its host).
func TestArticleContext(t *testing.T) {
	t.Parallel()
	place := func(cc string, n int) article.Place {
		return article.Place{CountryCode: cc, Mentions: make([]article.Mention, n)}
	}
	type sum struct {
		amount float64
		cur    string
		eqOf   int // -1: none
	}
	for _, tc := range []struct {
		name, in, host, lang string
		places               []article.Place
		want                 []sum
	}{
		{"bracket after HK$", "It seeks to raise HK$3.9 billion ($501 million) in Hong Kong.", "", "", nil,
			[]sum{{3.9e9, "HKD", -1}, {501e6, "USD", 0}}},
		{"bracket after NT$, then bare $", "It will spend NT$6.5 billion ($201 million) on a plant; rivals spent $90 million.", "", "", nil,
			[]sum{{6.5e9, "TWD", -1}, {201e6, "USD", 0}, {90e6, "USD", -1}}},
		{"or after Hong Kong dollars", "a fee of 1.5 billion Hong Kong dollars, or $192 million, was paid", "", "", nil,
			[]sum{{1.5e9, "HKD", -1}, {192e6, "USD", 0}}},
		{"named dollar without restatement", "The fund raised A$5 billion and then $2 billion.", "", "", nil,
			[]sum{{5e9, "AUD", -1}, {2e9, "AUD", -1}}},
		{"pesos in a Colombian story", "un bono mensual de 230.000 pesos (unos 58 dólares) para 3 millones", "", "es",
			[]article.Place{place("CO", 3)}, []sum{{230000, "COP", -1}, {58, "USD", 0}}}, // Spanish currency words (issue #22)
		{"pesos in a Mexican story", "a new aqueduct at a cost of about 10 billion pesos, or roughly $540 million", "", "",
			[]article.Place{place("MX", 2), place("US", 3)}, []sum{{10e9, "MXN", -1}, {540e6, "USD", 0}}},
		{"pesos by country names", "Fares in Bogotá rose to 3,200 pesos, Colombia's transport ministry said.", "", "", nil,
			[]sum{{3200, "COP", -1}}},
		{"pesos by host", "Tickets cost 500 pesos.", "www.eltiempo.com.co", "", nil, []sum{{500, "COP", -1}}},
		{"pesos without a cue", "Tickets cost 500 pesos.", "", "", nil, []sum{{500, "MXN", -1}}},
		{"shillings in a Ugandan story", "Traders paid 5,000 shillings a bag.", "", "",
			[]article.Place{place("UG", 2), place("KE", 1)}, []sum{{5000, "UGX", -1}}},
		{"rupees by the most-named country", "In Pakistan, Pakistan's budget gave 200 rupees; India was mentioned.", "", "", nil,
			[]sum{{200, "PKR", -1}}},
		{"bare $ in an Australian story", "The state will spend $5 million on roads.", "", "",
			[]article.Place{place("AU", 3)}, []sum{{5e6, "AUD", -1}}},
		{"bare $ where the US is also a place", "The state will spend $5 million on roads.", "", "",
			[]article.Place{place("AU", 3), place("US", 1)}, []sum{{5e6, "USD", -1}}},
		{"kroner in a Danish story", "Copenhagen will spend 36bn kroner on the metro, Danish officials said.", "", "", nil,
			[]sum{{36e9, "DKK", -1}}},
		{"kroner in a Norwegian story", "The fund lost 20 billion kroner.", "", "",
			[]article.Place{place("NO", 2)}, []sum{{20e9, "NOK", -1}}},
		{"kroner without a cue", "It cost 500 kroner.", "", "", nil, []sum{{500, "NOK", -1}}},
		{"wire-service dollars and sterling", "Net profit rose to 18 mln dlrs from 1.4 billion dlrs; sales were 50 mln stg.", "", "", nil,
			[]sum{{18e6, "USD", -1}, {1.4e9, "USD", -1}, {50e6, "GBP", -1}}},
		{"English decimals keep the dot", "It costs 1.500 pesos, up from 1.25 pesos and 2.50 pesos.", "", "",
			[]article.Place{place("MX", 1)}, []sum{{1.5, "MXN", -1}, {1.25, "MXN", -1}, {2.5, "MXN", -1}}},
	} {
		a := &article.Article{Text: tc.in, URL: "", Source: tc.host, Language: tc.lang, Places: tc.places}
		if err := New().Extract(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		var got []sum
		for _, m := range a.Money {
			eq := -1
			if m.EquivalentOf != nil {
				eq = *m.EquivalentOf
			}
			got = append(got, sum{m.Amount, m.Currency, eq})
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: %q = %v; want %v", tc.name, tc.in, got, tc.want)
		}
		checkOffsets(t, tc.in, a.Money)
	}
}
