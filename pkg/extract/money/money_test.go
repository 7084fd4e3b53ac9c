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
		{"Its stake is worth between $500,000 and $1 million.", "", []m{{"$500,000 and $1 million", "USD", -1}}},
		// A per-share figure in the same currency restates nothing.
		{"It lost $12.3 million, or 14 cents a share.", "", []m{{"$12.3 million", "USD", -1}, {"14 cents", "USD", -1}}},
		{"A pint costs 95p.", "www.bbc.co.uk", []m{{"95p", "GBP", -1}}},
		{"The $ sign, call 555-0100, a 3-1 win, 12 per cent and 40% in 2023.", "", nil},
		{"PHP 8.2 is out; AMD 7950X chips.", "", nil},
		{"Manila set aside PHP 5 billion and PHP 1,500 per family.", "", []m{{"PHP 5 billion", "PHP", -1}, {"PHP 1,500", "PHP", -1}}},
		// Wire copy (Reuters style): cents as "cts", number words before "mln", hyphenated scales.
		{"Net income was 3.1 mln dlrs, or 42 cts a share.", "", []m{{"3.1 mln dlrs", "USD", -1}, {"42 cts", "USD", -1}}},
		{"Shr loss one ct vs profit nine cts.", "", []m{{"one ct", "USD", -1}, {"nine cts", "USD", -1}}},
		{"The plant will cost about two mln dlrs.", "", []m{{"two mln dlrs", "USD", -1}}},
		{"It set out a 40-mln-dlr plan and a four-billion dlr loan.", "", []m{{"40-mln-dlr", "USD", -1}, {"four-billion dlr", "USD", -1}}},
		{"The rand rose to 52 U.S. Cts; the stock traded at 12.40 H.K. Dlrs.", "", []m{{"52 U.S. Cts", "USD", -1}, {"12.40 H.K. Dlrs", "HKD", -1}}},
		// Marks: after a scale or in a story of a mark country; "the 3000 mark" is a milestone.
		{"The bank lost 350 mln marks last year.", "", []m{{"350 mln marks", "DEM", -1}}},
		{"Bonn said a 50,000 mark fine applies.", "", []m{{"50,000 mark", "DEM", -1}}},
		{"Stocks passed the 3000 mark, and users hit the 20 million mark; she got 80 marks.", "", nil},
		// "50 Cent" is a rapper's name, not half a dollar.
		{"Rapper 50 Cent paid $1 million for it.", "", []m{{"$1 million", "USD", -1}}},
		// Not ranges: a change and the level it reached, a year, a fall, a percentage.
		{"Shares in Acme fell $2.50 to $31.75.", "", []m{{"$2.50", "USD", -1}, {"$31.75", "USD", -1}}},
		{"Its shares rose 30 to 1,650 yen.", "", []m{{"30", "JPY", -1}, {"1,650 yen", "JPY", -1}}},
		{"Oats closed up 1.50 to 2.00 dlrs a tonne.", "", []m{{"1.50 to 2.00 dlrs", "USD", -1}}},
		{"Capital spending rose in 1987 to 45 mln stg.", "", []m{{"45 mln stg", "GBP", -1}}},
		{"Limits go from £20m to £12m under the plan.", "", []m{{"£20m", "GBP", -1}, {"£12m", "GBP", -1}}},
		{"Costs will reach £30bn - 12% more than planned.", "", []m{{"£30bn", "GBP", -1}}},
		// London share reports quote pence glued, beside "a penny" and the FTSE.
		{"The FTSE fell; Glaxo lost 8p at 1,480 and ICI a penny.", "", []m{{"8p", "GBP", -1}, {"1,480", "GBP", -1}}},
		// Units of account.
		{"The fund holds 12.5 billion European Currency Units and 300 mln Ecus; fees are 1,200 SDRs.", "",
			[]m{{"12.5 billion European Currency Units", "XEU", -1}, {"300 mln Ecus", "XEU", -1}, {"1,200 SDRs", "XDR", -1}}},
		// Punts count after a scale or in an Irish story, like marks; wire-era currencies.
		{"The target was 1.20 billion punts; the team made 3 punts.", "", []m{{"1.20 billion punts", "IEP", -1}}},
		{"Seamen earn 1,977 cruzados a month; petrol costs 110 sucres; debt rose to 4.67 billion bolivars.", "",
			[]m{{"1,977 cruzados", "BRC", -1}, {"110 sucres", "ECS", -1}, {"4.67 billion bolivars", "VES", -1}}},
		{"It paid 40 mln Swedish crowns.", "", []m{{"40 mln Swedish crowns", "SEK", -1}}},
		// A figure compared with a sum is in its currency; one that counts shares or ounces is not.
		{"Pre-tax profit rose to 54.9 mln stg from 33.4 mln previously.", "", []m{{"54.9 mln stg", "GBP", -1}, {"33.4 mln", "GBP", -1}}},
		{"Sales rose to 2.02 billion from 1.85 billion dlrs.", "", []m{{"2.02 billion", "USD", -1}, {"1.85 billion dlrs", "USD", -1}}},
		{"Borrowings averaged 228 mln dlrs, compared with 233 mln and 451 mln in earlier weeks.", "",
			[]m{{"228 mln dlrs", "USD", -1}, {"233 mln", "USD", -1}, {"451 mln", "USD", -1}}},
		{"It sold 82.5 mln shares and raised 160.7 mln stg. Output rose to 3.4 mln ounces from 2.9 mln.", "",
			[]m{{"160.7 mln stg", "GBP", -1}}},
		{"It bid 32 dlrs a share and cut the shares it seeks to 29.1 mln.", "", []m{{"32 dlrs", "USD", -1}}},
		{"Shr 16.7 cts vs 29.4; the price is down 14 dlrs from 1986 and up 9 pct vs 12.", "",
			[]m{{"16.7 cts", "USD", -1}, {"29.4", "USD", -1}, {"14 dlrs", "USD", -1}}},
		{"Petrol rises to 90 sucres from 50.", "", []m{{"90 sucres", "ECS", -1}, {"50", "ECS", -1}}},
		{"It took $28.5m (£15.2m), making a total of 204.3m; profit was 4.3bn rupees ($98m; £52m), against 2.7bn.", "",
			[]m{{"$28.5m", "USD", -1}, {"£15.2m", "GBP", 0}, {"204.3m", "USD", -1}, {"4.3bn rupees", "INR", -1}, {"$98m", "USD", 3}, {"£52m", "GBP", -1}, {"2.7bn", "INR", -1}}},
		{"The dollar eased to 1.8255/60 marks in Frankfurt.", "", nil}, // a bid/offer quote, no "60 marks"
		{"Aug was quoted at 154.60/154.80 dlrs; the stock rose to 115-3/4 dlrs.", "", []m{{"154.80 dlrs", "USD", -1}, {"115-3/4 dlrs", "USD", -1}}},
		{"It issued 100 mln dlrs at 101.25 and cut 5 dlrs to 10 pct.", "", []m{{"100 mln dlrs", "USD", -1}, {"5 dlrs", "USD", -1}}},
		// Figures listed before a sum share its unit.
		{"Cocoa sold at 1,850 and 1,880 dlrs; butter at 4,340, 4,345 and 4,350 dlrs in 1986 and 1987.", "",
			[]m{{"1,850", "USD", -1}, {"1,880 dlrs", "USD", -1}, {"4,340", "USD", -1}, {"4,345", "USD", -1}, {"4,350 dlrs", "USD", -1}}},
		{"Reserves averaged 759 mln dlrs, up from an estimated 660 mln; costs were 33 mln dlrs plus an additional 60 mln in oil.", "",
			[]m{{"759 mln dlrs", "USD", -1}, {"660 mln", "USD", -1}, {"33 mln dlrs", "USD", -1}, {"60 mln", "USD", -1}}},
		{"Net 5 mln dlrs vs 4 mln. Shrs 239.2 mln vs 104.4 mln.", "", []m{{"5 mln dlrs", "USD", -1}, {"4 mln", "USD", -1}}},
		// Lire are only ever Italian.
		{"Sales reached 800 billion lire.", "", []m{{"800 billion lire", "ITL", -1}}},
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

// TestComparedFigureValue pins the value of a figure that takes its unit from the sum it is
// compared or listed with: cents stay cents, millions stay millions.
func TestComparedFigureValue(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in, figure string
		want       float64
	}{
		{"Shr 16.7 cts vs 29.4.", "29.4", 0.294},
		{"Profit rose to 54.9 mln stg from 33.4 mln.", "33.4 mln", 33.4e6},
		{"Petrol rises to 90 sucres from 50.", "50", 50},
		{"Its shares rose 30 to 1,650 yen.", "30", 30},
		{"Fees were at 15 and 20 cts.", "15", 0.15},
		{"Debts were 2 and 3 billion dlrs.", "2", 2e9},
		{"The FTSE fell; Glaxo lost 8p at 1,480.", "1,480", 14.8},
	} {
		found := false
		for _, m := range Find(tc.in, "") {
			if m.Text == tc.figure {
				found = true
				if m.Amount != tc.want {
					t.Errorf("Find(%q): %q = %g; want %g", tc.in, m.Text, m.Amount, tc.want)
				}
			}
		}
		if !found {
			t.Errorf("Find(%q) has no sum %q", tc.in, tc.figure)
		}
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
		{"francs in a French story", "The group lost 90 mln francs.", "", "",
			[]article.Place{place("FR", 2)}, []sum{{90e6, "FRF", -1}}},
		{"francs in a Swiss story", "The group lost 90 mln francs in Zurich.", "", "", nil, []sum{{90e6, "CHF", -1}}},
		{"francs without a cue", "The group lost 90 mln francs.", "", "", nil, []sum{{90e6, "CHF", -1}}},
		{"lira in a Turkish story", "Bread costs 5 lira in Ankara.", "", "", nil, []sum{{5, "TRY", -1}}},
		{"lira in an Italian story", "It cost 5,000 lira.", "", "", []article.Place{place("IT", 1)}, []sum{{5000, "ITL", -1}}},
		{"marks in a Finnish story", "Helsinki, Finland: exports rose to 80 marks a tonne.", "", "", nil, []sum{{80, "FIM", -1}}},
		// A wire dateline in a dollar country makes bare dollars local, as wires write them, unless
		// the first dollar sum is in US dollars.
		{"wire dateline in Canada", "TORONTO, May 4 - Acme Ltd earned 12 mln dlrs, or 30 cts a share, and repaid a 50 mln U.S. dlr note.", "", "",
			[]article.Place{place("CA", 1)}, []sum{{12e6, "CAD", -1}, {0.3, "CAD", -1}, {50e6, "USD", -1}}},
		{"wire dateline, first sum in US dollars", "PERTH, May 4 - Acme paid 20 mln U.S. dlrs. Of this, 5 mln dlrs is due now.", "", "",
			[]article.Place{place("AU", 1)}, []sum{{20e6, "USD", -1}, {5e6, "USD", -1}}},
		{"wire dateline, a story of the US", "TAUPO, New Zealand, May 4 - The U.S. envoy said the United States' 170 billion dlr deficit worries Washington.", "", "",
			[]article.Place{place("NZ", 1), place("US", 3)}, []sum{{170e9, "USD", -1}}},
		{"wire dateline, gold priced per ounce", "TORONTO, May 4 - Gold may reach 510 dlrs from 416 dlrs an ounce as investors sell U.S. dollars.", "", "",
			[]article.Place{place("CA", 1)}, []sum{{510, "USD", -1}, {416, "USD", -1}}},
		// Naming a dollar as a currency names no sum in it.
		{"a dollar named as a currency", "The Taiwan dollar rose. Exports reached 3 billion dlrs.", "", "", nil, []sum{{3e9, "USD", -1}}},
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
