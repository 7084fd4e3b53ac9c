// Package money finds sums of money in Article.Text and resolves each to an amount and an ISO 4217
// currency: symbols and codes before or after the number, glued or spaced ($5, US$5, 5 USD, USD5,
// €5, 5€, Rs 500, hk $ 10, MAUD 60), currency words with optional nationality (250 billion yuan, 3
// Swiss francs, 10 us dollars), sub-units (50 cents = 0.50, 95p, 470 pence), magnitudes in words
// and abbreviations (1.2m, 5 bn, 3 lakh, 1.97 lakh crore, $5-million, the wire's "mln", "mlns", "dlrs", "dls"), written numbers (five
// million dollars, a quarter million, thirteen dollars and forty-five cents), both digit-grouping
// styles (1,234.56 and 1.234,56; 12,34,567), ranges ($3-4 billion, between €2m and €3m, 3 to 5
// million euros: Amount and AmountMax), approximations (about $5) and restatements in parentheses
// or after ", or" ("250 billion yuan ($34.23 billion)", linked by EquivalentOf when the currencies
// differ). "from $5 to $10" after a verb of change (rose, cut) is two sums, otherwise a range.
// Numbers without a currency (percentages, years, counts, phone numbers) are not money. It owns
// Article.Money, reads Text and Source/URL (for the dollar rule below), and does no I/O.
//
// The dollar rule: a bare "$" or "dollars" is USD, unless (0) a wire dateline opens the text in a
// dollar country other than the US ("TORONTO, March 9 - "), the text's first dollar sum is bare
// or in that country's dollars, the story names that country at least as often as the US and
// quotes no price per ounce or barrel, in which case bare dollars are that country's; or (1) the
// article's sums name exactly one non-US dollar (A$, C$, NZ$, "Australian dollars", …; a currency
// named without a sum, "the Taiwan dollar rose", names none) and the text never names US$/USD, in
// which case bare dollars are that currency; or (2) the article's source host is under a dollar country's domain (.au, .ca,
// .nz, .sg, .hk, .tw) and the text names no dollar, in which case bare dollars are that country's;
// or (3) the article's resolved places (Article.Places, filled by geo before money runs) are mostly
// in one dollar country other than the US and never in the US. Newswire style overrides (1)–(3):
// once a bare "$" restates a figure in another dollar ("HK$3.9 billion ($501 million)"), the text
// keeps "$" for the US dollar, and every bare "$" in it is USD.
// "¥" is CNY when the text speaks of yuan/renminbi/China and not of yen/Japan, JPY otherwise;
// bare "pesos", "shillings", "rupees" (and "Rs"), "kroner", "francs", "lira", "marks" and "dinars"
// are the currency of the most-mentioned country of that family among the article's places, else
// among the country names in its text, else by the host's country domain (".com.co" → COP), else
// MXN, KES, INR, NOK, CHF, TRY, DEM and IQD ("lire" are Italian); bare "marks" count only after a
// scale ("480 mln marks") or where such a country is named, and never as "the 3000 mark"; bare
// "crowns" are money only where a crown country is named (reader.go). "won't" is no won, pounds
// that weigh are no sterling, and "(U.S.)" after a dollar sum makes it USD. Bare cents ("cents",
// the wire's "cts") are the dollar's, or euro cents in a text of euros without dollars. A range
// needs a low end below its high one and no percentage after it, and after a word of change
// "X to Y" is the change and the level reached ("fell $2.50 to $31.75"); "50 Cent" is a name;
// the short end of a quote or fraction after a glued slash ("1.8255/60 marks", "9/11") is no sum,
// but a market price in whole numbers and eighths is ("40-1/8 dlrs" is 40.125).
// A figure without a currency takes that of the sum it is compared or listed with in its sentence
// ("54.9 mln stg from 33.4 mln", "16.7 cents vs 29.4", "at 1,850 and 1,880 dlrs", "Glaxo 8p at
// 1,480"), never a count ("82.5 mln shares"), a year or a bracketed restatement's currency
// (ellipsis.go). A dot before three digits groups thousands
// ("230.000 pesos") when the text's other numbers or its language say it writes "1.234,56".
//
// Article.Language picks the words and number format of other languages (languages.go): Spanish,
// Portuguese, French, German, Italian, Dutch and Chinese scale words ("mil millones", "billones"
// = 10^12, "milliards", "Mrd.", "bilhões" = 10^9 but "biliões" = 10^12, "亿", "万"), currency
// words with their nationality ("pesos argentinos", "Schweizer Franken", "美元") and thousands
// groups ("1 234,5", "1’234.50"); "" and "en" read English only, as before.
//
// The scanner tokenizes once (tokens.go) and runs a small grammar (scan.go) at numbers, currency
// signs and the few words that can start a sum, so its cost is one pass over the text.
package money

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsmon/newsmon/pkg/article"

	"github.com/newsmon/newsmon/pkg/text"
)

// Amount is a parsed sum: Value (and Max for ranges) in units of Currency (ISO 4217).
type Amount struct {
	Value       float64
	Max         float64
	Currency    string
	Approximate bool
}

// Extractor fills Article.Money. It is stateless and safe for concurrent use.
type Extractor struct{}

// New returns the money extractor.
func New() *Extractor { return &Extractor{} }

// Name implements extract.Extractor.
func (*Extractor) Name() string { return "money" }

// Extract implements extract.Extractor: it replaces a.Money with the sums found in a.Text.
func (*Extractor) Extract(ctx context.Context, a *article.Article) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	host := a.Source
	if u, err := url.Parse(a.URL); err == nil && u.Host != "" {
		host = u.Hostname()
	}
	a.Money = find(a.Text, hints{host: host, lang: a.Language, places: a.Places})
	return nil
}

// hints are what the article says about itself beyond its text: the publisher's host, its
// language and the places geo resolved (filled before money runs), which decide ambiguous
// currency words ("pesos", "shillings", "rupees", bare "$") and number styles.
type hints struct {
	host, lang string
	places     []article.Place
}

// ErrNoAmount is returned by ParseAmount when its input is not exactly one sum of money.
var ErrNoAmount = errors.New("money: not a single amount of money")

// ParseAmount parses a string that is one sum of money, optionally preceded by an approximation
// ("about $5"), e.g. "250 billion yuan", "€1.5m", "$3-4 billion", "five million dollars". Bare
// dollars are USD.
func ParseAmount(s string) (Amount, error) {
	s = strings.TrimSpace(s)
	ms := scan(s, hints{})
	if len(ms) != 1 || ms[0].end != len(s) || strings.TrimSpace(stripApprox(s[:ms[0].start])) != "" {
		return Amount{}, fmt.Errorf("parse amount %q: %w", s, ErrNoAmount)
	}
	return ms[0].Amount, nil
}

// Find returns the sums of money in s with code-point offsets. host is the publisher's host name
// (may be empty); it only matters for bare dollars (see the package comment).
func Find(s, host string) []article.Money {
	return find(s, hints{host: host})
}

// FindIn is Find for a text in the language of a BCP 47 tag ("es", "pt-BR", "zh"): its number
// format, scale words and currency words. "" and "en" read English.
func FindIn(s, host, lang string) []article.Money {
	return find(s, hints{host: host, lang: lang})
}

func find(s string, h hints) []article.Money {
	ms := scan(s, h)
	if len(ms) == 0 {
		return nil
	}
	lang := languageOf(h.lang)
	rc := text.NewRuneCounter(s)
	out := make([]article.Money, len(ms))
	for i, m := range ms {
		out[i] = article.Money{
			Text: s[m.start:m.end], Start: rc.At(m.start), End: rc.At(m.end),
			Amount: m.Value, AmountMax: m.Max, Currency: m.Currency, Approximate: m.Approximate,
		}
		if i > 0 && m.Currency != ms[i-1].Currency && (restates(s[ms[i-1].end:m.start]) || lang != nil && lang.restates(s[ms[i-1].end:m.start])) {
			prev := i - 1
			if out[prev].EquivalentOf != nil { // a chain "A (B) (C)" points at the original A
				prev = *out[prev].EquivalentOf
			}
			out[i].EquivalentOf = &prev
		}
	}
	return out
}

// restates reports whether the gap between two sums makes the second a conversion of the first:
// "250 billion yuan ($34.23 billion)", "€5 (about $5.4)", "£3, or $3.8,".
func restates(gap string) bool {
	g := strings.TrimSpace(gap)
	switch {
	case strings.HasPrefix(g, "("):
		g = strings.TrimSpace(g[1:])
	case strings.HasPrefix(g, ","):
		g = strings.TrimSpace(g[1:])
		if !strings.HasPrefix(g, "or ") && g != "or" {
			return false
		}
		g = strings.TrimSpace(strings.TrimPrefix(g, "or"))
	case strings.HasPrefix(g, "or ") || g == "or":
		g = strings.TrimSpace(strings.TrimPrefix(g, "or"))
	default:
		return false
	}
	g = strings.TrimSpace(stripApprox(g))
	return g == "" || g == "or" || g == "equivalent to" || g == "roughly equivalent to"
}

// docContext carries the per-article decisions about ambiguous symbols.
type docContext struct {
	dollar string // currency of a bare "$" / "dollars"
	cent   string // currency whose hundredths bare "cents" are
	yen    string // currency of "¥"
	// decided holds the currency each family placeholder resolved to, by its slot in families.
	decided [len(familyOrder)]string
	// us: the text names the US dollar ("US$", "U.S. dlrs"), so bare dollars stay USD.
	us bool
	// what family decides from, and the country names it counted in the text (on first need)
	text, host    string
	places, named map[string]int
	// sterling: the text speaks of pounds, so "95p" is pence; naira: of Nigeria, so "N5bn" is naira;
	// wire: it is newswire copy ("dlrs", "cts", "mln"), so "one ct" is a cent.
	sterling, naira, wire bool
	// crown is the currency bare "crowns" count in (crownOf), decided on first need.
	crown        string
	crownDecided bool
}

// explicitUS are the ways a text names the US dollar.
var (
	explicitUS = []string{"US$", "USD", "U.S. dollar", "US dollar", "U.S.$", "American dollar", "U.S. dlr", "U.S. Dlr",
		"US dlr"}
	// dollarTLDs give bare dollars a local meaning by the source's domain.
	dollarTLDs = map[string]string{
		".au": "AUD", ".ca": "CAD", ".nz": "NZD", ".sg": "SGD", ".hk": "HKD", ".tw": "TWD",
	}
)

// newContext decides the article's ambiguous symbols from its whole text, publisher host and
// resolved places.
func newContext(s string, h hints) docContext {
	c := docContext{dollar: "USD", yen: "JPY"}
	host := strings.ToLower(h.host)
	us := false
	for _, p := range explicitUS {
		if strings.Contains(s, p) {
			us = true
			break
		}
	}
	places := placeCountries(h.places)
	c.us = us
	// The dollars the text names with its sums ("A$5", "13 mln Canadian dlrs") are weighed once
	// every sum is read (settleDollars); here the host and the places decide.
	if !us {
		for tld, cur := range dollarTLDs {
			if strings.HasSuffix(host, tld) {
				c.dollar = cur
			}
		}
		// A story set in a dollar country other than the US, which never places anything in the
		// US, counts in that country's dollars.
		if top := topCountry(places); c.dollar == "USD" && top != "" && top != "US" && places["US"] == 0 &&
			currencyFamily[countryCurrency[top]] == "$" {
			c.dollar = countryCurrency[top]
		}
	}
	c.cent = c.dollar
	if !strings.Contains(s, "$") && !strings.Contains(s, "dollar") && (strings.Contains(s, "€") || strings.Contains(s, "euro")) {
		c.cent = "EUR"
	}
	if h.lang != "" && strings.HasPrefix(h.lang, "zh") && !strings.Contains(s, "日元") && !strings.Contains(s, "日本") {
		c.yen = "CNY"
	}
	if (strings.Contains(s, "yuan") || strings.Contains(s, "renminbi") || strings.Contains(s, "RMB") ||
		strings.Contains(s, "China") || strings.Contains(s, "Chinese")) &&
		!strings.Contains(s, " yen") && !strings.Contains(s, "Japan") {
		c.yen = "CNY"
	}
	c.wire = strings.Contains(s, " dlrs") || strings.Contains(s, " cts") || strings.Contains(s, " mln ")
	// Wires write sterling "stg" and London share reports "a penny" and the FTSE; a story set in
	// Britain counts its "1.28p per litre" in pence.
	c.sterling = strings.Contains(s, "£") || strings.Contains(s, "pence") || strings.Contains(s, "pound") ||
		strings.Contains(s, "sterling") || strings.HasSuffix(host, ".uk") || strings.Contains(s, " stg") ||
		strings.Contains(s, "penny") || strings.Contains(s, "FTSE") || topCountry(places) == "GB"
	c.naira = strings.Contains(s, "Nigeria") || strings.Contains(s, "naira") || strings.Contains(s, "₦") ||
		strings.Contains(s, "Lagos") || strings.Contains(s, "Abuja") || strings.HasSuffix(host, ".ng")
	c.text, c.host, c.places = s, host, places
	return c
}

// family returns the currency of a bare word of a family shared by several countries ("peso",
// "shilling", "Rs"): the most-mentioned such country among the resolved places, else among the
// country names in the text, else by the host's country domain, else fallback. It is decided on
// first need, since most texts never count in these families.
func (c *docContext) family(dst *string, family, fallback string) string {
	if *dst != "" {
		return *dst
	}
	cur := c.familyFound(family)
	if cur == "" {
		cur = fallback
	}
	*dst = cur
	return cur
}

// familyFound is the currency of the article's country of the family, "" when neither its places,
// its text nor its host name one.
func (c *docContext) familyFound(family string) string {
	cur := familyCountry(c.places, family)
	if cur == "" {
		if c.named == nil {
			c.named = textCountries(c.text)
		}
		cur = familyCountry(c.named, family)
	}
	if cur == "" {
		for tld, cc := range tldCountry {
			if strings.HasSuffix(c.host, tld) && familyOf(countryCurrency[cc]) == family {
				cur = countryCurrency[cc]
			}
		}
	}
	return cur
}

// placeCountries counts the mentions of each country among resolved places.
func placeCountries(places []article.Place) map[string]int {
	if len(places) == 0 {
		return nil
	}
	m := make(map[string]int, len(places))
	for _, p := range places {
		if p.CountryCode != "" {
			m[p.CountryCode] += max(1, len(p.Mentions))
		}
	}
	return m
}

// textCountries counts how often the text names each peso, shilling, krone or rupee country.
func textCountries(s string) map[string]int {
	m := map[string]int{}
	for _, n := range countryNames {
		if k := strings.Count(s, n.text); k > 0 {
			m[n.country] += k
		}
	}
	return m
}

// topCountry is the country with the most mentions, "" when none or tied.
func topCountry(counts map[string]int) string {
	best, bestN, tie := "", 0, false
	for cc, n := range counts {
		switch {
		case n > bestN:
			best, bestN, tie = cc, n, false
		case n == bestN:
			tie = true
		}
	}
	if tie {
		return ""
	}
	return best
}

// familyCountry is the currency of the most-mentioned country whose currency is of the family
// ("peso", "shilling", "Rs"), "" when no such country is mentioned. Ties go to the smaller code,
// so the choice does not depend on map order.
func familyCountry(counts map[string]int, family string) string {
	best, bestN := "", 0
	for cc, n := range counts {
		cur, ok := countryCurrency[cc]
		if !ok || familyOf(cur) != family {
			continue
		}
		if n > bestN || n == bestN && cc < best {
			best, bestN = cc, n
		}
	}
	if best == "" {
		return ""
	}
	return countryCurrency[best]
}

// resolve turns the placeholders of ambiguous symbols into this article's currency.
func (c *docContext) resolve(cur string) string {
	switch cur {
	case "$":
		return c.dollar
	case "¥":
		return c.yen
	case "¢":
		return c.cent
	}
	for slot, f := range familyOrder {
		if f.placeholder == cur {
			return c.family(&c.decided[slot], f.family, f.fallback)
		}
	}
	return cur
}

// familyOrder lists the placeholders of currency words shared by several countries, the family
// (currencyFamily's value) their countries' currencies belong to, and the currency taken when the
// article names none of them: "Rs" and bare "rupees", "pesos", "shillings", "kroner" (Danish or
// Norwegian), "francs" (French, Belgian, Swiss, CFA …), "lira" (Italian or Turkish), "marks"
// (German or Finnish) and "dinars" (Iraqi, Kuwaiti, Bahraini, Jordanian …).
var familyOrder = [...]struct{ placeholder, family, fallback string }{
	{"Rs", "Rs", "INR"}, {"peso", "peso", "MXN"}, {"shilling", "shilling", "KES"}, {"krone", "krone", "NOK"},
	{"franc", "CHF", "CHF"}, {"lira", "TRY", "TRY"}, {"mark", "DEM", "DEM"}, {"punt", "IEP", "IEP"},
	{"dinar", "dinar", "IQD"},
}

// familyOfPlaceholder is the family a placeholder of familyOrder resolves within.
func familyOfPlaceholder(ph string) string {
	for _, f := range familyOrder {
		if f.placeholder == ph {
			return f.family
		}
	}
	return ""
}

// approxWords make a figure approximate when they precede it.
var approxWords = []string{"about", "around", "nearly", "almost", "some", "roughly", "approximately",
	"approx.", "more than", "over", "less than", "under", "up to", "at least", "an estimated", "estimated",
	"close to", "just over", "just under", "below", "above", "estimated at", "estimated cost of", "as much as", "as little as", "upwards of", "~", "circa", "c."}

func hasApprox(before string) bool { return hasApproxIn(before, approxWords, true) }

// hasApproxIn reports whether before ends with one of words, which must not continue a word
// when boundary is set (languages written without spaces set none).
func hasApproxIn(before string, words []string, boundary bool) bool {
	b := strings.TrimRight(before, " \u00a0")
	for _, w := range words {
		if len(b) < len(w) || !strings.EqualFold(b[len(b)-len(w):], w) {
			continue
		}
		k := len(b) - len(w)
		if k == 0 || w == "~" || !boundary {
			return true
		}
		if r, _ := utf8.DecodeLastRuneInString(b[:k]); !unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

func stripApprox(s string) string {
	t := strings.TrimSpace(s)
	for _, w := range approxWords {
		if strings.EqualFold(t, w) {
			return ""
		}
	}
	return t
}
