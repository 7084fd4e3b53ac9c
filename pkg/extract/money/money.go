// Package money finds sums of money in Article.Text and resolves each to an amount and an ISO 4217
// currency: symbols and codes before or after the number ($5, US$5, 5 USD, €5, 5€, Rs 500), currency
// words with optional nationality (250 billion yuan, 3 Swiss francs), magnitudes (1.2m, 5 bn,
// 3 lakh), ranges ($3-4 billion), approximations (about $5) and restatements in parentheses
// ("250 billion yuan ($34.23 billion)", linked by EquivalentOf). Numbers without a currency
// (percentages, years, counts) are not money. It owns Article.Money, reads Text and Source/URL
// (for the dollar rule below), and does no I/O.
//
// The dollar rule: a bare "$" or "dollars" is USD, unless (1) the article itself names exactly one
// non-US dollar (A$, C$, NZ$, "Australian dollars", …) and never US$/USD, in which case bare dollars
// are that currency; or (2) the article's source host is under a dollar country's domain (.au, .ca,
// .nz, .sg, .hk, .tw) and the text does not say US$/USD anywhere, in which case bare dollars are
// that country's. "¥" is CNY when the text speaks of yuan/renminbi/China and not of yen/Japan,
// JPY otherwise.
package money

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strconv"
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
	a.Money = Find(a.Text, host)
	return nil
}

// ErrNoAmount is returned by ParseAmount when its input is not exactly one sum of money.
var ErrNoAmount = errors.New("money: not a single amount of money")

// ParseAmount parses a string that is one sum of money, optionally preceded by an approximation
// ("about $5"), e.g. "250 billion yuan", "€1.5m", "$3-4 billion". Bare dollars are USD.
func ParseAmount(s string) (Amount, error) {
	s = strings.TrimSpace(s)
	ms := scan(s, newContext(s, ""))
	if len(ms) != 1 || ms[0].end != len(s) || strings.TrimSpace(stripApprox(s[:ms[0].start])) != "" {
		return Amount{}, fmt.Errorf("parse amount %q: %w", s, ErrNoAmount)
	}
	return ms[0].Amount, nil
}

// Find returns the sums of money in s with code-point offsets. host is the publisher's host name
// (may be empty); it only matters for bare dollars (see the package comment).
func Find(s, host string) []article.Money {
	ms := scan(s, newContext(s, host))
	if len(ms) == 0 {
		return nil
	}
	idx := text.NewRuneIndex(s)
	out := make([]article.Money, len(ms))
	for i, m := range ms {
		out[i] = article.Money{
			Text: s[m.start:m.end], Start: idx.Rune(m.start), End: idx.Rune(m.end),
			Amount: m.Value, AmountMax: m.Max, Currency: m.Currency, Approximate: m.Approximate,
		}
		if i > 0 && restates(s[ms[i-1].end:m.start]) {
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

// match is one sum found in the text, with byte offsets.
type match struct {
	start, end int
	Amount
}

// docContext carries the per-article decisions about ambiguous symbols.
type docContext struct {
	dollar string // currency of a bare "$" / "dollars"
	yen    string // currency of "¥"
	rupee  string // currency of "Rs"
}

func newContext(s, host string) docContext {
	c := docContext{dollar: "USD", yen: "JPY", rupee: "INR"}
	explicitUS := strings.Contains(s, "US$") || strings.Contains(s, "USD") || strings.Contains(s, "U.S. dollar") ||
		strings.Contains(s, "US dollar") || strings.Contains(s, "U.S.$")
	named := map[string]bool{}
	for p, cur := range dollarPrefixes {
		if cur != "USD" && containsToken(s, p) {
			named[cur] = true
		}
	}
	for adj, cur := range dollarAdjectives {
		if cur != "USD" && strings.Contains(s, adj+" dollar") {
			named[cur] = true
		}
	}
	if len(named) == 1 && !explicitUS {
		for cur := range named {
			c.dollar = cur
		}
	} else if len(named) == 0 && !explicitUS {
		host = strings.ToLower(host)
		for tld, cur := range dollarTLDs {
			if strings.HasSuffix(host, tld) {
				c.dollar = cur
			}
		}
	}
	lower := strings.ToLower(s)
	if (strings.Contains(lower, "yuan") || strings.Contains(lower, "renminbi") || strings.Contains(s, "RMB") ||
		strings.Contains(s, "China") || strings.Contains(s, "Chinese")) &&
		!strings.Contains(lower, " yen") && !strings.Contains(s, "Japan") {
		c.yen = "CNY"
	}
	if strings.Contains(s, "Pakistan") {
		c.rupee = "PKR"
	} else if strings.Contains(s, "Sri Lanka") {
		c.rupee = "LKR"
	} else if strings.Contains(s, "Nepal") {
		c.rupee = "NPR"
	}
	return c
}

// containsToken reports whether p occurs in s not glued to a preceding letter ("A$" but not "CA$").
func containsToken(s, p string) bool {
	for i := 0; ; {
		k := strings.Index(s[i:], p)
		if k < 0 {
			return false
		}
		k += i
		if r, _ := utf8.DecodeLastRuneInString(s[:k]); k == 0 || !unicode.IsLetter(r) {
			return true
		}
		i = k + len(p)
	}
}

// scan finds every sum of money in s, left to right.
func scan(s string, c docContext) []match {
	var out []match
	for i := 0; i < len(s); {
		if s[i] < '0' || s[i] > '9' {
			i++
			continue
		}
		m, ok, next := parseAt(s, i, c)
		if ok {
			out = append(out, m)
		}
		i = next
	}
	return out
}

// parseAt tries to read a sum whose first number starts at byte i. next is where scanning resumes.
func parseAt(s string, i int, c docContext) (m match, ok bool, next int) {
	numEnd, v, okNum := number(s, i)
	if !okNum {
		return m, false, i + 1
	}
	if i > 0 {
		if r, _ := utf8.DecodeLastRuneInString(s[:i]); unicode.IsLetter(r) && !isPrefixEnd(s[:i]) || r == '.' || r == ',' && i >= 2 && isDigit(s[i-2]) {
			return m, false, skipNumber(s, numEnd) // inside a word or a larger number ("COVID-19", "v2")
		}
	}
	m.start, m.end = i, numEnd
	cur, pStart := prefixCurrency(s, i, c)
	if cur != "" {
		m.start = pStart
	}
	pos := numEnd
	// Percentages are never money.
	if rest := s[pos:]; strings.HasPrefix(rest, "%") || strings.HasPrefix(rest, " percent") ||
		strings.HasPrefix(rest, " per cent") || strings.HasPrefix(rest, " pct") {
		return m, false, pos
	}
	mag, pos2 := magnitude(s, pos)
	pos = pos2
	// A range: "$3-4 billion", "3 to 4 million euros", "$3 billion-$4 billion".
	var maxV float64
	if r, rEnd := rangeSep(s, pos, m.start); r {
		rp := rEnd
		if cur != "" {
			if c2, e := prefixAfter(s, rp, c); c2 == cur {
				rp = e
			}
		}
		if e2, v2, ok2 := number(s, rp); ok2 {
			mag2, e3 := magnitude(s, e2)
			if mag == 0 {
				mag = mag2
			}
			if mag2 == 0 {
				mag2 = mag
			}
			maxV = scaled(v2, mag2)
			pos = e3
		}
	}
	sufCur, sufEnd := suffixCurrency(s, pos, c)
	if sufCur != "" {
		if cur == "" {
			cur = sufCur
		}
		pos = sufEnd
	}
	if cur == "" {
		return m, false, pos
	}
	m.end = pos
	m.Value = scaled(v, mag)
	m.Max = maxV
	m.Currency = cur
	m.Approximate = hasApprox(s[:m.start])
	return m, true, pos
}

// scaled multiplies the decimal digits by 10^exp exactly ("34.23" billion → 34230000000, not
// 34229999999.999996).
func scaled(digits string, exp int) float64 {
	f, _ := strconv.ParseFloat(digits+"e"+strconv.Itoa(exp), 64)
	return f
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func skipNumber(s string, i int) int {
	for i < len(s) && (isDigit(s[i]) || s[i] == '.' || s[i] == ',') {
		i++
	}
	return i
}

// number reads "1,234.56", "3.5" or "40" at i and returns its digits without group separators.
func number(s string, i int) (end int, digits string, ok bool) {
	if i >= len(s) || !isDigit(s[i]) {
		return i, "", false
	}
	buf := make([]byte, 0, 16)
	point := false
	j := i
	for j < len(s) {
		switch {
		case isDigit(s[j]):
			buf = append(buf, s[j])
			j++
		case s[j] == ',' && !point && allDigits(s, j+1, j+4) && (j+4 == len(s) || !isDigit(s[j+4])):
			j++
		case s[j] == '.' && !point && j+1 < len(s) && isDigit(s[j+1]):
			buf = append(buf, '.')
			point = true
			j++
		default:
			return j, string(buf), true
		}
	}
	return j, string(buf), true
}

func allDigits(s string, from, to int) bool {
	if to > len(s) {
		return false
	}
	for k := from; k < to; k++ {
		if !isDigit(s[k]) {
			return false
		}
	}
	return true
}

// magnitude reads " billion", "bn", "m", " lakh" … right after a number.
func magnitude(s string, i int) (int, int) {
	j := i
	if j < len(s) && (s[j] == ' ' || s[j] == '-') {
		j++
	}
	for _, mg := range magnitudes {
		if strings.HasPrefix(s[j:], mg.word) && wordEnds(s, j+len(mg.word)) {
			if mg.short && j != i && s[i] == '-' {
				continue
			}
			return mg.exp, j + len(mg.word)
		}
	}
	return 0, i
}

var magnitudes = []struct {
	word  string
	exp   int // the magnitude is 10^exp
	short bool
}{
	{"thousand", 3, false}, {"million", 6, false}, {"billion", 9, false}, {"trillion", 12, false},
	{"lakh", 5, false}, {"lakhs", 5, false}, {"crore", 7, false}, {"crores", 7, false},
	{"mln", 6, true}, {"mn", 6, true}, {"bln", 9, true}, {"bn", 9, true}, {"tn", 12, true},
	{"tr", 12, true}, {"k", 3, true}, {"K", 3, true}, {"m", 6, true}, {"M", 6, true},
	{"b", 9, true}, {"B", 9, true},
}

// wordEnds reports whether position i is not inside a word.
func wordEnds(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// rangeSep reads "-", "–", " to " after the first number of a range. "from $5 to $10" is a change,
// not a range, so "to" after "from" does not count.
func rangeSep(s string, i, start int) (bool, int) {
	rest := s[i:]
	for _, sep := range []string{"-", "–", " - ", " – "} {
		if strings.HasPrefix(rest, sep) && len(rest) > len(sep) && (isDigit(rest[len(sep)]) || startsCurrency(rest[len(sep):])) {
			return true, i + len(sep)
		}
	}
	if strings.HasPrefix(rest, " to ") && !strings.HasSuffix(strings.ToLower(strings.TrimRight(s[:start], " ")), "from") {
		after := rest[4:]
		if after != "" && (isDigit(after[0]) || startsCurrency(after)) {
			return true, i + 4
		}
	}
	return false, i
}

func startsCurrency(s string) bool {
	for _, p := range symbolPrefixes {
		if strings.HasPrefix(s, p.text) {
			return true
		}
	}
	return false
}

// prefixCurrency finds a currency symbol or code ending right before i (one space allowed).
func prefixCurrency(s string, i int, c docContext) (string, int) {
	j := i
	if j > 0 && (s[j-1] == ' ') {
		j--
	} else if strings.HasSuffix(s[:j], "\u00a0") {
		j -= len("\u00a0")
	}
	for _, p := range symbolPrefixes {
		if !strings.HasSuffix(s[:j], p.text) {
			continue
		}
		start := j - len(p.text)
		if start > 0 {
			if r, _ := utf8.DecodeLastRuneInString(s[:start]); unicode.IsLetter(r) || unicode.IsDigit(r) {
				continue // "CA$" is not "A$"
			}
		}
		return c.resolve(p.currency), start
	}
	return "", i
}

// prefixAfter reads a currency prefix starting at i (for the second half of a range).
func prefixAfter(s string, i int, c docContext) (string, int) {
	for _, p := range symbolPrefixes {
		if strings.HasPrefix(s[i:], p.text) {
			e := i + len(p.text)
			if e < len(s) && s[e] == ' ' {
				e++
			}
			return c.resolve(p.currency), e
		}
	}
	return "", i
}

// suffixCurrency reads " USD", "€", " yuan", " Swiss francs" … at i.
func suffixCurrency(s string, i int, c docContext) (string, int) {
	j := i
	if j < len(s) && s[j] == ' ' {
		j++
	} else if strings.HasPrefix(s[j:], "\u00a0") {
		j += len("\u00a0")
	}
	rest := s[j:]
	for _, sym := range []string{"€", "£", "₹", "¥", "₩", "₽", "₦", "$"} {
		if strings.HasPrefix(rest, sym) && (j == i || sym == "€") {
			return c.resolve(symbolCurrency[sym]), j + len(sym)
		}
	}
	if k := letterRun(rest); k == 3 && codes[rest[:k]] {
		return rest[:k], j + k
	}
	if adj, cur := longestPrefix(rest, adjectiveCurrency, " "); adj != "" {
		after := rest[len(adj)+1:]
		if w, base := longestPrefix(after, currencyWords, ""); w != "" && sameFamily(base, cur) {
			return cur, j + len(adj) + 1 + len(w)
		}
	}
	if w, base := longestPrefix(rest, currencyWords, ""); w != "" && !(w == "won" && j == i) {
		return c.resolve(base), j + len(w)
	}
	return "", i
}

// longestPrefix returns the longest key of m that starts s as a whole word followed by sep.
func longestPrefix(s string, m map[string]string, sep string) (string, string) {
	best, val := "", ""
	for k, v := range m {
		if len(k) > len(best) && strings.HasPrefix(s, k+sep) && (sep != "" || wordEnds(s, len(k))) {
			best, val = k, v
		}
	}
	return best, val
}

func letterRun(s string) int {
	k := 0
	for k < len(s) && s[k] >= 'A' && s[k] <= 'Z' {
		k++
	}
	if k < len(s) && (s[k] >= 'a' && s[k] <= 'z' || isDigit(s[k])) {
		return 0
	}
	return k
}

// resolve turns the placeholders of ambiguous symbols into this article's currency.
func (c docContext) resolve(cur string) string {
	switch cur {
	case "$":
		return c.dollar
	case "¥":
		return c.yen
	case "Rs":
		return c.rupee
	}
	return cur
}

// sameFamily reports whether a nationality's currency fits the currency word ("Swiss" + "francs").
func sameFamily(word, cur string) bool {
	fam, ok := currencyFamily[cur]
	return ok && fam == word || word == cur
}

// isPrefixEnd reports whether the letters before a number end a currency code or prefix ("USD5", "Rs500").
func isPrefixEnd(before string) bool {
	for _, p := range symbolPrefixes {
		if p.letters && strings.HasSuffix(before, p.text) {
			return true
		}
	}
	return false
}

// approxWords make a figure approximate when they precede it.
var approxWords = []string{"about", "around", "nearly", "almost", "some", "roughly", "approximately",
	"approx.", "more than", "over", "less than", "under", "up to", "at least", "an estimated", "estimated",
	"close to", "just over", "just under", "as much as", "as little as", "upwards of", "~", "circa", "c."}

func hasApprox(before string) bool {
	b := strings.ToLower(strings.TrimRight(before, " \u00a0"))
	for _, w := range approxWords {
		if strings.HasSuffix(b, w) {
			k := len(b) - len(w)
			if k == 0 || w == "~" {
				return true
			}
			if r, _ := utf8.DecodeLastRuneInString(b[:k]); !unicode.IsLetter(r) {
				return true
			}
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
