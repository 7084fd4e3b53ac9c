package money

import (
	"math"
	"strconv"
	"strings"

	"github.com/newsmon/newsmon/pkg/text"
)

// match is one sum found in the text, with byte offsets.
type match struct {
	start, end int
	Amount
	sign string // the ambiguous sign or word before resolution ("$", "peso", …), else ""
}

// parser reads sums of money from the tokens of one text. The grammar, at each token:
//
//	[prefix] number [magnitude] [range] [suffix [magnitude]] [tail]
//
// where prefix is a symbol or code before the number ("$", "US$", "hk $", "USD", "Rs.", "MAUD"),
// number is digits or number words ("1,234.5", "five", "a quarter"), magnitude a scale ("bn",
// " million", " lakh crore"), range a second end ("-4", " to €5m", " and $3bn" after "between"),
// suffix a symbol, code or currency word ("€", "USD", "Swiss francs", "cents") and tail the cents
// of "15 dollars and 15" or "17 USD 25". A sum needs a prefix or a suffix; number words need a
// suffix.
type parser struct {
	s       string
	t       []token
	hints   hints
	ctx     *docContext // built on first need
	euroSep int8        // 0 unknown, 1 "1.234,56" style seen, -1 not
	lang    *language   // the article's language's tables; nil reads English
}

func (p *parser) text(i int) string { return p.s[p.t[i].start:p.t[i].end] }

// is reports whether token i exists and is exactly w.
func (p *parser) is(i int, w string) bool { return i < len(p.t) && p.text(i) == w }

// glued reports whether token i exists and touches the token before it.
func (p *parser) glued(i int) bool { return i < len(p.t) && !p.t[i].space }

// near reports whether token i exists and follows the one before on the same line.
func (p *parser) near(i int) bool { return i < len(p.t) && !p.t[i].brk }

func (p *parser) doc() *docContext {
	if p.ctx == nil {
		c := newContext(p.s, p.hints)
		p.ctx = &c
	}
	return p.ctx
}

// scan finds every sum of money in s, left to right.
func scan(s string, h hints) []match {
	p := parser{s: s, hints: h, lang: languageOf(h.lang)}
	opts := lexOptions
	if p.lang != nil {
		opts = p.lang.lex
		p.hints.lang = opts.Language.Tag // "pt-BR" writes numbers as "pt" does
	}
	p.t = tokenize(s, make([]token, 0, len(s)/5+8), opts)
	var out []match
	for i := 0; i < len(p.t); {
		switch p.t[i].kind {
		case kNum:
			if p.shortOffer(i) {
				i++
				continue
			}
		case kSym:
		case kWord:
			if !p.mayStart(i) {
				i++
				continue
			}
		default:
			i++
			continue
		}
		if m, next, ok := p.parseAt(i); ok {
			out = append(out, m)
			i = next
			continue
		}
		i++
	}
	out = p.ellipses(out)
	p.settleDollars(out)
	p.bracketDollars(out)
	return out
}

// bracketDollars applies newswire style: a bare "$" that restates a sum in another dollar
// ("HK$3.9 billion ($501 million)", "NT$6.5 billion, or $201 million") is the US dollar, and
// then so is every bare "$" of the text, whose writer keeps "$" for the US one.
func (p *parser) bracketDollars(ms []match) {
	wire := false
	for i := 1; i < len(ms); i++ {
		prev, m := ms[i-1], ms[i]
		if m.sign == "$" && prev.sign == "" && prev.Currency != "USD" && currencyFamily[prev.Currency] == "$" &&
			restates(p.s[prev.end:m.start]) {
			wire = true
			break
		}
	}
	if !wire {
		return
	}
	for i := range ms {
		if ms[i].sign == "$" {
			ms[i].Currency = "USD"
		}
	}
}

// shortOffer reports whether the number at i ends a quote or a fraction after a glued "/": the
// abbreviated offer of "1.8255/60 marks", the denominator of "115-3/4", the "11" of "9/11". A
// full second quote ("154.60/154.80 dlrs") is a sum of its own.
func (p *parser) shortOffer(i int) bool {
	if i < 2 || !p.is(i-1, "/") || !p.glued(i) || !p.glued(i-1) || p.t[i-2].kind != kNum {
		return false
	}
	w := p.text(i)
	return !strings.Contains(w, ".") || len(w) < len(p.text(i-2))
}

// mayStart is a cheap test whether a sum can begin at word i.
func (p *parser) mayStart(i int) bool {
	if i+1 < len(p.t) {
		switch p.t[i+1].kind {
		case kSym, kNum:
			return true
		case kPunct:
			if p.text(i+1) == "." {
				return true
			}
		}
	}
	w := p.text(i)
	if p.lang != nil && p.lang.mayStart(p.s[p.t[i].start:], w) {
		return true
	}
	if !startFilter.MayHave(w) {
		return false
	}
	if _, ok := text.LookupLower(numberWords, w); ok {
		return true
	}
	_, ok := text.LookupLower(wordStarters, w)
	return ok
}

// startFilter screens words before mayStart looks them up.
var startFilter = func() *text.WordFilter {
	f := &text.WordFilter{}
	for w := range numberWords {
		f.Add(w)
	}
	for w := range wordStarters {
		f.Add(w)
	}
	return f
}()

// wordStarters may begin number words without being numbers themselves ("a billion", "half a million").
var wordStarters = setOf(`a an half quarter`)

// num is a parsed number: a digits token (tok ≥ 0) or the value of number words, times 10^exp.
type num struct {
	tok   int
	words float64
	frac  float64 // the fraction after a whole number: the 1/2 of "4-1/2 dlrs"
	exp   int
	end   int // index of the token after it
}

func (p *parser) parseAt(i int) (match, int, bool) {
	var m match
	cur, j, mexp, hasPrefix := p.prefix(i)
	if !hasPrefix {
		j = i
	}
	n, ok := p.amount(j, hasPrefix)
	if !ok {
		return m, 0, false
	}
	k := n.end
	// A range: "$3-4 billion", "between €2m and €3m", "3 to 5 million euros".
	var hi num
	hasRange := false
	if r, ok := p.rangeEnd(i, k, cur, hasPrefix, n.tok < 0); ok && (hasPrefix || n.tok < 0 || n.exp > 0 || !isYear(p.text(n.tok))) {
		lo := n
		// "$3-4 billion": the low end takes the high end's scale, unless it is a sum of its own
		// ("between $500,000 and $1 million").
		if lo.exp == 0 && r.exp > 0 && p.value(lo, 0) < 1000 {
			lo.exp = r.exp
		} else if lo.tok < 0 && r.tok < 0 && lo.words < 1000 {
			lo.words *= math.Pow10(p.scaleWordAt(r.end - 1)) // "between three and four billion dlrs"
		}
		if p.isRange(i, lo, r, hasPrefix) {
			n, hi, hasRange = lo, r, true
			k = hi.end
		}
	}
	subExp, hasSuffix := 0, false
	k = p.langSuffix(k, n.exp > 0 || mexp > 0, hasPrefix, cur)
	if !hasPrefix {
		c, e, mx, next, ok := p.suffix(k, n.tok < 0)
		if !ok {
			return m, 0, false
		}
		cur, subExp, mexp, hasSuffix = c, e, mx, true
		k = next
		if n.exp == 0 && !hasRange && subExp == 0 {
			if e, next := p.magnitude(k, false); e > 0 && p.t[k-1].kind == kWord && codes[p.text(k-1)] {
				n.exp, k = e, next // "75 USD million"
			}
		}
	}
	m.start, m.end = int(p.t[i].start), int(p.t[k-1].end)
	m.Currency = cur
	m.Value = p.value(n, mexp+subExp)
	if hasRange {
		if hi.exp == 0 {
			hi.exp = n.exp
		}
		m.Max = p.value(hi, mexp+subExp)
	}
	// "one kuai and five mao five": jiao (mao) and fen after spoken yuan.
	if hasSuffix && !hasRange && strings.EqualFold(p.text(k-1), "kuai") {
		if v, next, ok := p.maoFen(k); ok {
			m.Value += v
			k = next
			m.end = int(p.t[k-1].end)
		}
	}
	// The cents of "15 dollars and 15", "17 USD 25", "thirteen dollars forty-five cents".
	if hasSuffix && !hasRange && subExp == 0 && n.exp == 0 && mexp == 0 {
		if cents, next, ok := p.tail(k); ok {
			m.Value += cents / 100
			k = next
			m.end = int(p.t[k-1].end)
		}
	}
	if m.Currency == "$" && p.usMarkAt(k) {
		m.Currency = "USD" // "a $160 million (U.S.) deficit", "a 6 mln dlrs (U.S.) loss": named, not bare
	}
	switch m.Currency {
	case "$", "peso", "shilling", "krone", "Rs", "¥", "¢", "franc", "lira", "mark", "punt", "dinar":
		m.sign = m.Currency
	}
	m.Currency = p.doc().resolve(m.Currency)
	m.Approximate = p.approximate(p.s[:m.start])
	return m, k, true
}

// value is the number times 10^extra.
func (p *parser) value(n num, extra int) float64 {
	if n.tok < 0 {
		return n.words * math.Pow10(n.exp+extra)
	}
	return scaled(p.digits(n.tok, n.exp > 0), n.exp+extra) + n.frac*math.Pow10(n.exp+extra)
}

// mixedFraction reads the glued fraction after the whole number at i in the way US markets quote
// prices, "40-1/8" or "2-3/4": its value, when the denominator is a power of two above the
// numerator (so that "9-11/12" and dates stay out).
func (p *parser) mixedFraction(i int) (float64, bool) {
	if i+4 >= len(p.t) || !p.is(i+1, "-") || !p.is(i+3, "/") || strings.ContainsAny(p.text(i), ".,") {
		return 0, false
	}
	for k := i + 1; k <= i+4; k++ {
		if !p.glued(k) {
			return 0, false
		}
	}
	if p.t[i+2].kind != kNum || p.t[i+4].kind != kNum {
		return 0, false
	}
	a, err1 := strconv.Atoi(p.text(i + 2))
	b, err2 := strconv.Atoi(p.text(i + 4))
	if err1 != nil || err2 != nil || a < 1 || a >= b || b > 64 || b&(b-1) != 0 {
		return 0, false
	}
	return float64(a) / float64(b), true
}

// scaled multiplies the decimal digits by 10^exp exactly ("34.23" billion → 34230000000, not
// 34229999999.999996).
func scaled(digits string, exp int) float64 {
	f, _ := strconv.ParseFloat(digits+"e"+strconv.Itoa(exp), 64)
	return f
}

// digits returns the number of token i as "1234.56": it tells grouping from decimal separators.
// Both styles are read: "1,234.56" and "1.234,56"; a lone comma followed by other than three digits
// is decimal ("2,5 millions"); a lone dot followed by three digits is grouping only where the text
// writes numbers the continental way and no magnitude follows ("1.500 euros" beside "2.345,50").
func (p *parser) digits(i int, scaledUp bool) string {
	w := p.text(i)
	dots, commas := strings.Count(w, "."), strings.Count(w, ",")
	var dec byte
	switch {
	case dots > 0 && commas > 0:
		dec = w[max(strings.LastIndexByte(w, '.'), strings.LastIndexByte(w, ','))]
	case commas == 1 && len(w)-strings.IndexByte(w, ',')-1 != 3:
		dec = ','
	case dots == 1:
		dec = '.'
		if len(w)-strings.IndexByte(w, '.')-1 == 3 && (!scaledUp || p.lang != nil) && p.continental() {
			dec = 0
		}
	}
	if dots+commas == 0 && (p.lang == nil || strings.IndexFunc(w, func(r rune) bool { return r < '0' || r > '9' }) < 0) {
		return w // other languages group with spaces and apostrophes too: "500 000"
	}
	var buf [40]byte
	b := buf[:0]
	for k := 0; k < len(w); k++ {
		switch c := w[k]; {
		case isDigit(c):
			b = append(b, c)
		case c == dec:
			b = append(b, '.')
		}
	}
	return string(b)
}

// continental reports whether the text writes "1.234,56" rather than "1,234.56": a number with a
// dot before a comma decides; otherwise the text's unambiguous numbers vote — "2,3" and
// "1.234.567" for the continental style, "1,500" and "2.35" for the English one — and a tie goes
// by the article's language ("230.000 pesos" in a Spanish story is 230 thousand).
func (p *parser) continental() bool {
	if p.euroSep != 0 {
		return p.euroSep == 1
	}
	euro, eng := 0, 0
	for _, t := range p.t {
		if t.kind != kNum {
			continue
		}
		w := p.s[t.start:t.end]
		d, c := strings.IndexByte(w, '.'), strings.LastIndexByte(w, ',')
		switch {
		case d >= 0 && c > d:
			p.euroSep = 1
			return true
		case d >= 0 && c >= 0:
			eng++
		case c >= 0:
			if strings.Count(w, ",") == 1 && len(w)-c-1 <= 2 {
				euro++ // a decimal comma: "2,3", "1,25"
			} else {
				eng++
			}
		case d >= 0:
			if n := strings.Count(w, "."); n > 1 {
				euro++ // "1.234.567"
			} else if len(w)-d-1 <= 2 {
				eng++ // "2.35"
			}
		}
	}
	p.euroSep = -1
	if euro > eng || euro == eng && continentalLanguages[p.hints.lang] {
		p.euroSep = 1
	}
	return p.euroSep == 1
}

// continentalLanguages write a dot to group thousands ("230.000") and a comma for decimals.
var continentalLanguages = setOf(`es pt fr de it nl id tr ro pl da sv nb no fi el hr sl sk cs hu ru uk`)

// prefix reads a currency sign or code at i that is followed by a number: it returns the currency,
// the index of the number and an extra power of ten ("MUSD").
func (p *parser) prefix(i int) (cur string, next, mexp int, ok bool) {
	if p.lang != nil && len(p.lang.prefixes) > 0 && p.t[i].kind == kWord {
		if c, next, ok := p.hanPhrase(i, p.lang.prefixes); ok && p.numberAt(next, true) {
			return c, next, 0, true // "人民币5亿元", "S/ 450"
		}
	}
	return p.signBefore(i)
}

// signBefore reads the currency signs and codes English writes before a number: prefix without
// the words of other languages.
func (p *parser) signBefore(i int) (cur string, next, mexp int, ok bool) {
	t := p.t[i]
	w := p.text(i)
	switch t.kind {
	case kSym:
		c, ok := symbolCurrency[w]
		if !ok || c == "¢" || !p.numberAt(i+1, true) {
			return "", 0, 0, false
		}
		return c, i + 1, 0, true
	case kWord:
	default:
		return "", 0, 0, false
	}
	// Letters before "$": "US$5", "HK$ 8bn", "usd$ 15", "c $ 16.4 million", "Mex$ 10 million".
	if s := i + 1; s < len(p.t) && p.t[s].kind == kSym && !p.t[s].brk {
		sym := p.text(s)
		if sym == "$" {
			c, found := "", false
			if !p.t[s].space {
				if c, found = caseSensitiveDollars[w]; !found && (len(w) > 1 || w == "c") {
					c, found = text.LookupLower(letterDollars, w)
				}
			} else if _, sp := text.LookupLower(spacedDollars, w); sp {
				c, found = text.LookupLower(letterDollars, w)
			}
			if found && p.numberAt(s+1, true) {
				return c, s + 1, 0, true
			}
		}
		if sym == "₵" && !p.t[s].space && w == "GH" && p.numberAt(s+1, true) {
			return "GHS", s + 1, 0, true
		}
		if sym == "¥" && !p.t[s].space && (w == "CN" || w == "JP" || w == "RMB") && p.numberAt(s+1, true) {
			if w == "JP" {
				return "JPY", s + 1, 0, true
			}
			return "CNY", s + 1, 0, true
		}
	}
	// "U.S.$", "U.S. $", "u.s $".
	if (w == "U" || w == "u") && p.is(i+1, ".") && p.glued(i+1) && p.glued(i+2) && (p.is(i+2, "S") || p.is(i+2, "s")) {
		s := i + 3
		if p.is(s, ".") && p.glued(s) {
			s++
		}
		if p.is(s, "$") && p.near(s) && p.numberAt(s+1, true) {
			return "USD", s + 1, 0, true
		}
	}
	// Codes and letter signs: "USD 5", "USD115.5", "MAUD 60", "Rs. 500", "RMB 10 billion".
	c, glueOnly := "", false
	switch {
	case len(w) == 3 && codes[w]:
		c = w
	case len(w) == 4 && w[0] == 'M' && codes[w[1:]]:
		c, mexp = w[1:], 6
	case w == "N" && p.numberAt(i+1, false) && p.doc().naira:
		c, glueOnly = "NGN", true // Nigerian papers write "N1.2 trillion"
	default:
		lp, found := letterPrefixes[w]
		if !found {
			return "", 0, 0, false
		}
		c, glueOnly = lp, gluedOnlyPrefixes[w]
	}
	k := i + 1
	if wordlikeCodes[w] && !p.bigNumberAt(k) {
		return "", 0, 0, false
	}
	if p.is(k, ".") && p.glued(k) && (w == "Rs" || w == "Fr" || w == "SFr" || w == "Ksh") {
		k++
		glueOnly = false
	}
	if !p.numberAt(k, !glueOnly) || glueOnly && p.t[k].space {
		return "", 0, 0, false
	}
	return c, k, mexp, true
}

// bigNumberAt reports whether a number of 100 or more, or one with a magnitude, is at i.
func (p *parser) bigNumberAt(i int) bool {
	if !p.numberAt(i, true) {
		return false
	}
	if e, _ := p.magnitude(i+1, true); e > 0 {
		return true
	}
	v, _ := strconv.ParseFloat(p.digits(i, false), 64)
	return v >= 100
}

// numberAt reports whether a digits token starts at i on the same line (spaced only if allowed).
func (p *parser) numberAt(i int, spaced bool) bool {
	return i < len(p.t) && p.t[i].kind == kNum && !p.t[i].brk && (spaced || !p.t[i].space)
}

// amount reads digits or number words at i, with their magnitude.
func (p *parser) amount(i int, hasPrefix bool) (num, bool) {
	if i >= len(p.t) {
		return num{}, false
	}
	switch p.t[i].kind {
	case kNum:
		n := num{tok: i, end: i + 1}
		if f, ok := p.mixedFraction(i); ok {
			n.frac, n.end = f, i+5
		}
		n.exp, n.end = p.magnitude(n.end, hasPrefix)
		return n, true
	case kWord:
		if hasPrefix {
			return num{}, false
		}
		if p.lang != nil {
			return p.langNumberWords(i)
		}
		v, end, ok := p.numberWords(i)
		return num{tok: -1, words: v, end: end}, ok
	}
	return num{}, false
}

// magnitude reads the scale after a number at i: glued ("5bn", "$2B"), spaced (" million",
// " lakh crore") or hyphenated ("$5-billion"). Spaced single letters ("$5 m") need a currency
// before the number (strong).
func (p *parser) magnitude(i int, strong bool) (exp, next int) {
	if i >= len(p.t) || p.t[i].brk {
		return 0, i
	}
	t := p.t[i]
	if p.lang != nil && t.kind == kWord {
		if e, next := p.langMagnitude(i, strong); e > 0 {
			return e, next
		}
	}
	switch {
	case t.kind == kWord && !t.space:
		if e, ok := shortMagnitudes[p.text(i)]; ok {
			return p.moreMagnitude(e, i+1)
		}
	case t.kind == kWord:
		w := p.text(i)
		if e, ok := text.LookupLower(wordMagnitudes, w); ok {
			return p.moreMagnitude(e, i+1)
		}
		if strong && len(w) <= 2 {
			if e, ok := shortMagnitudes[w]; ok {
				return e, i + 1
			}
		}
	case t.kind == kPunct && !t.space && p.text(i) == "-" && p.glued(i+1) && i+1 < len(p.t) && p.t[i+1].kind == kWord:
		if e, ok := text.LookupLower(wordMagnitudes, p.text(i+1)); ok && (len(p.text(i+1)) > 3 || wireMagnitudes[strings.ToLower(p.text(i+1))]) {
			return p.moreMagnitude(e, i+2) // "$5-billion", "a 15-mln-dlr project"
		}
	}
	return 0, i
}

// moreMagnitude adds a following "crore" or "lakh" ("5 lakh crore", "2 thousand crore").
func (p *parser) moreMagnitude(e, i int) (int, int) {
	if i < len(p.t) && p.t[i].kind == kWord && p.near(i) {
		switch strings.ToLower(p.text(i)) {
		case "crore", "crores":
			return e + 7, i + 1
		case "lakh", "lakhs":
			return e + 5, i + 1
		}
	}
	return e, i
}

// numberWords reads "five million", "a quarter", "thirteen", "forty-five", "two hundred and
// fifty", "half a billion", "one and a half million" at i.
func (p *parser) numberWords(i int) (float64, int, bool) {
	total, cur := 0.0, 0.0
	real := false // a number word, not just "a"
	k := i
	for k < len(p.t) {
		t := p.t[k]
		if k > i && t.brk {
			break
		}
		if t.kind == kPunct {
			// "forty-five", "six-billion": a hyphen between two number words.
			if p.text(k) == "-" && !t.space && real && p.glued(k+1) && k+1 < len(p.t) {
				if _, ok := text.LookupLower(numberWords, p.text(k+1)); ok {
					k++
					continue
				}
				if _, ok := text.LookupLower(wordMagnitudes, p.text(k+1)); ok {
					k++
					continue
				}
			}
			break
		}
		if t.kind != kWord {
			break
		}
		w := p.text(k)
		if !numberFilter.MayHave(w) {
			break
		}
		w = strings.ToLower(w)
		if v, ok := numberWords[w]; ok {
			cur += v
			real = true
			k++
			continue
		}
		switch w {
		case "a", "an":
			if k == i {
				// "a" counts only before a scale: "a billion euros", "a quarter million".
				if k+1 >= len(p.t) {
					return 0, 0, false
				}
				nw := strings.ToLower(p.text(k + 1))
				if _, mag := wordMagnitudes[nw]; !mag && nw != "hundred" && nw != "quarter" && nw != "half" {
					return 0, 0, false
				}
				cur = 1
				k++
				continue
			}
			if k > i && strings.EqualFold(p.text(k-1), "half") { // "half a million"
				k++
				continue
			}
		case "and":
			// "two hundred and fifty", "one and a half million".
			if real && k+2 < len(p.t) && strings.EqualFold(p.text(k+1), "a") && strings.EqualFold(p.text(k+2), "half") {
				cur += 0.5
				k += 3
				continue
			}
			if real && k+1 < len(p.t) && strings.EqualFold(p.text(k-1), "hundred") {
				if _, ok := text.LookupLower(numberWords, p.text(k+1)); ok {
					k++
					continue
				}
			}
		case "hundred":
			if cur == 0 {
				cur = 1
			}
			cur *= 100
			real = true
			k++
			continue
		case "half", "quarter", "quarters":
			f := 0.5
			if w != "half" {
				f = 0.25
			}
			if cur == 0 {
				cur = f
			} else {
				cur *= f
			}
			real = true
			k++
			continue
		default:
			// "two billion", "a million", and the wire's "two mln" (not "a mln").
			if e, ok := wordMagnitudes[w]; ok && (real || cur > 0) && (len(w) > 3 || real && wireMagnitudes[w]) {
				if cur == 0 {
					cur = 1
				}
				total += cur * math.Pow10(e)
				cur = 0
				real = true
				k++
				continue
			}
		}
		break
	}
	if !real {
		return 0, 0, false
	}
	return total + cur, k, true
}

// crownCurrencies are the currencies English also calls crowns.
var crownCurrencies = setOf(`SEK DKK NOK ISK CZK`)

// wireMagnitudes are the short scale words newswires write after a number word ("two mln dlrs")
// or hyphenated ("a 15-mln-dlr project").
var wireMagnitudes = setOf(`mln bln mn bn trn`)

// numberFilter screens the words numberWords may read.
var numberFilter = func() *text.WordFilter {
	f := startFilter
	g := *f
	for _, w := range []string{"and", "hundred", "quarters"} {
		g.Add(w)
	}
	for w := range wordMagnitudes {
		g.Add(w)
	}
	return &g
}()

// changeWords before "from" make "from $5 to $10" a change between two sums, not a range.
var changeWords = setOf(`rose rise rises rising risen fell fall falls falling fallen increased increase
increases increasing decreased decrease decreases grew grow grows growing grown jumped jump jumps
climbed climb dropped drop drops declined decline declines slid slipped surged soared plunged tumbled
cut cuts raised raise raises boosted lifted lowered reduced up down widened narrowed swelled shrank
doubled tripled halved went changed moved hiked trimmed slashed upped revised expanded contracted
improved spiked sank dipped eased`)

// rangeEnd reads the second end of a range at i, after a first number that began at token start.
func (p *parser) rangeEnd(start, i int, cur string, hasPrefix, words bool) (num, bool) {
	if i >= len(p.t) || p.t[i].brk {
		return num{}, false
	}
	sep := p.text(i)
	if p.lang != nil && p.lang.ranges[sep] {
		sep = "-" // "215 à 387 milliards", "3 bis 5 Millionen", "300至500亿元"
	}
	switch sep {
	case "-", "–", "—":
	case "to":
		// "rose from $5 to $10" is a change between two sums; "from $5 to $10 a night" a range;
		// "fell $2.80 to $51.15" a change and the level it reached.
		if p.fromBefore(start) && p.changeBefore(start) {
			return num{}, false
		}
	case "and":
		if !p.betweenBefore(start) {
			return num{}, false
		}
	default:
		return num{}, false
	}
	k := i + 1
	if k >= len(p.t) || p.t[k].brk {
		return num{}, false
	}
	if hasPrefix {
		if c, next, mexp, ok := p.prefix(k); ok {
			if mexp != 0 || p.doc().resolve(c) != p.doc().resolve(cur) {
				return num{}, false
			}
			k = next
		}
	}
	if p.t[k].kind != kNum && !(words && p.t[k].kind == kWord) {
		return num{}, false
	}
	if words != (p.t[k].kind == kWord) {
		return num{}, false
	}
	n, ok := p.amount(k, hasPrefix)
	return n, ok
}

// isRange reports whether lo and hi, read as the ends of a range of a sum starting at token
// start, make one (a year is never its low end: "in 1986 to 60 mln stg"): the low end is below the
// high one ("from £20m to £15m" is a change) and the high end is no percentage ("£50bn - 14% higher"). After a word of
// change, "X to Y" is the change and the level it reached ("closed up $2.80 to $51.15", "rose 20
// to 1,800 yen") unless the ends share their sign and are close ("oats up 1.50 to 2.00 dlrs").
func (p *parser) isRange(start int, lo, hi num, hasPrefix bool) bool {
	if hi.exp == 0 {
		hi.exp = lo.exp
	}
	l, h := p.value(lo, 0), p.value(hi, 0)
	if l >= h {
		return false
	}
	if p.is(lo.end, "to") && p.changeRightBefore(start) && (hasPrefix || h >= 2*l) {
		return false
	}
	if hi.end < len(p.t) && p.near(hi.end) {
		switch strings.ToLower(p.text(hi.end)) {
		case "%", "pct", "percent", "per":
			return false
		}
	}
	return true
}

// betweenBefore reports whether "between" stands right before the sum starting at token start
// ("between $2m and $3m", "between about $2m and …").
func (p *parser) betweenBefore(start int) bool {
	for k := start - 1; k >= 0 && k >= start-2; k-- {
		if strings.EqualFold(p.text(k), "between") {
			return true
		}
	}
	return false
}

// fromBefore reports whether "from" stands right before the sum starting at token start.
func (p *parser) fromBefore(start int) bool {
	for k := start - 1; k >= 0 && k >= start-2; k-- {
		if strings.EqualFold(p.text(k), "from") {
			return true
		}
	}
	return false
}

// changeRightBefore reports whether a verb or adverb of change stands right before the sum at
// token start ("closed up $2.80 to $51.15", "shares rose 20 to 1,800 yen").
func (p *parser) changeRightBefore(start int) bool {
	if start == 0 || p.t[start-1].kind != kWord {
		return false
	}
	w := strings.ToLower(p.text(start - 1))
	return changeWords[w] || levelChangeWords[w]
}

// levelChangeWords report a change of a price before the level it reached ("adding $1.89 to
// $48.62"), beside changeWords.
var levelChangeWords = setOf(`adding added gained gaining gains lost losing shed sheds firmed eased`)

// changeBefore reports whether a verb of change precedes the sum in its clause ("rose from $5").
func (p *parser) changeBefore(start int) bool {
	for k := start - 1; k >= 0 && k >= start-8; k-- {
		if p.t[k].kind == kPunct && p.text(k) != "-" && p.text(k) != "," {
			return false
		}
		if p.t[k].kind == kWord && changeWords[strings.ToLower(p.text(k))] {
			return true
		}
		if p.t[k].brk {
			return false
		}
	}
	return false
}

// suffix reads the currency after a number at i: a symbol ("5€", "10 €"), a code ("115USD",
// "5 USD", "30 MUSD"), a currency word with its nationality ("Swiss francs", "U.S. dollars"), or a
// sub-unit ("50 cents", "12-cent", "euro cents"). exp is the sub-unit's power of ten. In other
// languages their currency words come first ("dólares", "美元", "mdd" with its scale in mexp).
func (p *parser) suffix(i int, words bool) (cur string, exp, mexp, next int, ok bool) {
	if p.lang != nil && i < len(p.t) && !p.t[i].brk && p.t[i].kind == kWord {
		if c, mexp, next, ok := p.langCurrency(i); ok {
			return c, 0, mexp, next, true
		}
	}
	return p.signAfter(i, words)
}

// signAfter reads the currencies English writes after a number: suffix without the words of
// other languages.
func (p *parser) signAfter(i int, words bool) (cur string, exp, mexp, next int, ok bool) {
	if i >= len(p.t) || p.t[i].brk {
		return "", 0, 0, 0, false
	}
	t := p.t[i]
	w := p.text(i)
	switch t.kind {
	case kSym:
		c, found := symbolCurrency[w]
		// A spaced sign glued to the next number is that number's prefix ("1 $10", "$ 20 $ 30").
		if !found || words || t.space && p.numberAt(i+1, false) {
			return "", 0, 0, 0, false
		}
		if c == "¢" {
			return "¢", -2, 0, i + 1, true
		}
		return c, 0, 0, i + 1, true
	case kPunct:
		// "12-cent", "one-yen".
		if w == "-" && !t.space && p.glued(i+1) && i+1 < len(p.t) && p.t[i+1].kind == kWord {
			if c, e, _, next, ok := p.currencyWord(i + 1); ok {
				return c, e, 0, next, true
			}
		}
		return "", 0, 0, 0, false
	case kWord:
	default:
		return "", 0, 0, 0, false
	}
	// Codes: "5 USD", "115USD", "30 MUSD", "half million usd"; not "3 USD50" (that code is a prefix).
	isCode := len(w) == 3 && codes[w] || len(w) == 4 && w[0] == 'M' && codes[w[1:]]
	if !isCode && len(w) == 3 {
		_, isCode = text.LookupLower(lowerCodes, w)
	}
	if isCode {
		if p.numberAt(i+1, false) || wordlikeCodes[w] && p.t[i-1].kind == kNum && !p.bigNumberAt(i-1) {
			return "", 0, 0, 0, false
		}
		if len(w) == 4 {
			return w[1:], 0, 6, i + 1, true
		}
		c := strings.ToUpper(w)
		if c == "RMB" {
			c = "CNY"
		}
		return c, 0, 0, i + 1, true
	}
	if c, e, _, next, ok := p.currencyWord(i); ok {
		return c, e, 0, next, true
	}
	// "95p": pence, glued, in a text about sterling.
	if w == "p" && !t.space && !words && p.doc().sterling {
		return "GBP", -2, 0, i + 1, true
	}
	return "", 0, 0, 0, false
}

// currencyWord reads "[nationality] currency-word" or "[nationality] sub-unit" at i.
func (p *parser) currencyWord(i int) (cur string, exp, _, next int, ok bool) {
	if adj, k := p.adjective(i); adj != "" && k < len(p.t) && p.t[k].kind == kWord && p.near(k) {
		w := strings.ToLower(p.text(k))
		if base, found := currencyWords[w]; found && sameFamily(base, adj) {
			return adj, 0, 0, k + 1, true
		}
		if fam, found := familyWords[w]; found && (fam == adj || familyOf(adj) == fam) {
			return adj, 0, 0, k + 1, true
		}
		if (w == "crowns" || w == "crown") && crownCurrencies[adj] {
			return adj, 0, 0, k + 1, true // "Swedish crowns": the English name of kronor and koruny
		}
		if su, found := subUnitWords[w]; found && (su.currency == "$" && currencyFamily[adj] == "$" || adj == "EUR") {
			return adj, su.exp, 0, k + 1, true
		}
	}
	w := p.text(i)
	if ph, found := text.LookupLower(familyPlaceholders, w); found {
		return ph, 0, 0, i + 1, true
	}
	if strings.EqualFold(w, "crowns") || strings.EqualFold(w, "crown") {
		if cur := p.doc().crownOf(); cur != "" {
			return cur, 0, 0, i + 1, true // "32.7 billion crowns" in a Swedish story
		}
		return "", 0, 0, 0, false
	}
	if ph := p.contextCurrency(i); ph != "" {
		return ph, 0, 0, i + 1, true
	}
	if base, found := text.LookupLower(currencyWords, w); found {
		if base == "KRW" && (!p.t[i].space || p.contractionAt(i+1)) { // "5won", "2004 won't"
			return "", 0, 0, 0, false
		}
		if base == "GBP" && p.weight(i) {
			return "", 0, 0, 0, false
		}
		if base == "GBP" && p.near(i+1) && strings.EqualFold(p.text(min(i+1, len(p.t)-1)), "sterling") && i+1 < len(p.t) {
			return base, 0, 0, i + 2, true // "pounds sterling"
		}
		return base, 0, 0, i + 1, true
	}
	if w == "Cent" {
		return "", 0, 0, 0, false // "50 Cent" is a name: money writes "50 cents" or "a 50-cent coin"
	}
	if strings.EqualFold(w, "ct") && p.doc().wire {
		return "¢", -2, 0, i + 1, true // "loss one ct vs profit seven cts"
	}
	if su, found := text.LookupLower(subUnitWords, w); found {
		c := su.currency
		if c == "$" {
			c = "¢"
		}
		return c, su.exp, 0, i + 1, true
	}
	return "", 0, 0, 0, false
}

// adjective reads a currency nationality at i ("Swiss", "Hong Kong", "U.S.", "us") and returns its
// currency and the index after it.
func (p *parser) adjective(i int) (string, int) {
	w := p.text(i)
	if c, k := p.dottedAdjective(i); c != "" {
		return c, k
	}
	if _, multi := text.LookupLower(adjectiveFirstWords, w); multi && i+1 < len(p.t) && p.t[i+1].kind == kWord && p.near(i+1) {
		two := strings.ToLower(w) + " " + strings.ToLower(p.text(i+1))
		if c, ok := adjectiveCurrency[two]; ok {
			return c, i + 2
		}
		if i+2 < len(p.t) && p.t[i+2].kind == kWord {
			if c, ok := adjectiveCurrency[two+" "+strings.ToLower(p.text(i+2))]; ok {
				return c, i + 3
			}
		}
	}
	if c, ok := text.LookupLower(adjectiveCurrency, w); ok {
		return c, i + 1
	}
	return "", i
}

// dottedAdjective reads a nationality written as dotted initials at i ("U.S.", "u.s", "H.K.").
func (p *parser) dottedAdjective(i int) (string, int) {
	w := p.text(i)
	if len(w) != 1 || !p.is(i+1, ".") || !p.glued(i+1) || !p.glued(i+2) || i+2 >= len(p.t) || len(p.text(i+2)) != 1 {
		return "", i
	}
	k := i + 3
	if p.is(k, ".") && p.glued(k) {
		k++
	}
	key := strings.ToLower(w + "." + p.text(i+2) + ".")
	if key != "u.s." && !p.is(k-1, ".") {
		return "", i // only "U.S" may drop its last dot
	}
	return adjectiveCurrency[key], k
}

// contextCurrency reads at i a currency word that is also an ordinary English word ("marks",
// "punts") and returns its placeholder when, with no nationality before it, it counts a sum: after
// a scale ("480 mln marks", "1.2 billion punts") or in a story whose places or text name a country
// of it (Germany or Finland; Ireland). A singular "mark" after "the" is a milestone ("the 2400
// mark", "the 100 million mark").
func (p *parser) contextCurrency(i int) string {
	w := strings.ToLower(p.text(i))
	ph, ok := contextWords[w]
	if !ok || i == 0 {
		return ""
	}
	scaled := false
	k := i - 1
	for ; k > 0 && k >= i-3; k-- {
		t := p.text(k)
		if _, mag := text.LookupLower(wordMagnitudes, t); mag || shortMagnitudes[t] > 0 {
			scaled = true
			continue
		}
		if _, word := text.LookupLower(numberWords, t); !word && p.t[k].kind != kNum {
			break
		}
	}
	if w == "mark" && strings.EqualFold(p.text(k), "the") {
		return ""
	}
	if scaled || p.doc().familyFound(familyOfPlaceholder(ph)) != "" {
		return ph
	}
	return ""
}

// contextWords are the currency words contextCurrency reads, with their placeholders.
var contextWords = map[string]string{"marks": "mark", "mark": "mark", "punts": "punt"}

// tail reads the cents after a whole sum at i: "and 15", "25", "forty-five cents", "30 cent".
func (p *parser) tail(i int) (float64, int, bool) {
	k := i
	if k < len(p.t) && p.near(k) && strings.EqualFold(p.text(k), "and") {
		k++
	}
	if k >= len(p.t) || !p.near(k) || !p.t[k].space {
		return 0, 0, false
	}
	var v float64
	var end int
	switch p.t[k].kind {
	case kNum:
		w := p.text(k)
		if len(w) > 2 {
			return 0, 0, false
		}
		v, _ = strconv.ParseFloat(w, 64)
		end = k + 1
	case kWord:
		var ok bool
		if v, end, ok = p.numberWords(k); !ok || v != math.Trunc(v) {
			return 0, 0, false
		}
	default:
		return 0, 0, false
	}
	if v >= 100 {
		return 0, 0, false
	}
	if end < len(p.t) && p.near(end) && p.t[end].kind == kWord {
		switch strings.ToLower(p.text(end)) {
		case "cents", "cent", "pence", "penny", "centimes", "centavos":
			return v, end + 1, true
		case "and", "or":
			return v, end, true
		}
		return 0, 0, false
	}
	if end < len(p.t) && p.near(end) {
		switch p.t[end].kind {
		case kNum, kSym:
			return 0, 0, false
		case kPunct:
			switch p.text(end) {
			case "-", "%", "/", "–":
				return 0, 0, false
			}
		}
	}
	return v, end, true
}

// maoFen reads "[and] N mao [M]" after "kuai": N tenths and M hundredths of a yuan.
func (p *parser) maoFen(i int) (float64, int, bool) {
	k := i
	if k < len(p.t) && strings.EqualFold(p.text(k), "and") {
		k++
	}
	if k >= len(p.t) || p.t[k].kind != kWord {
		return 0, 0, false
	}
	jiao, end, ok := p.numberWords(k)
	if !ok || end >= len(p.t) || !strings.EqualFold(p.text(end), "mao") {
		return 0, 0, false
	}
	v, k := jiao/10, end+1
	if k < len(p.t) && p.t[k].kind == kWord && p.near(k) {
		if fen, e, ok := p.numberWords(k); ok && fen < 10 {
			v, k = v+fen/100, e
		}
	}
	return v, k, true
}

// sameFamily reports whether a nationality's currency fits the currency word ("Swiss" + "francs").
func sameFamily(word, cur string) bool {
	fam, ok := currencyFamily[cur]
	return ok && fam == word || word == cur
}

// familyOf is the currency word a currency is counted in: its family, else its own code.
func familyOf(cur string) string {
	if fam, ok := currencyFamily[cur]; ok {
		return fam
	}
	return cur
}
