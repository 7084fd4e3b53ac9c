package money

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsmon/newsmon/pkg/text"
)

// ellipses adds the sums a reader sees whose currency the sentence gives once: a scaled number that
// is compared with a sum of money ("pre-tax profit rose to 54.9 mln stg from 33.4 mln", "compared
// with 233 mln and 451 mln", "Revenues rose to 2.02 billion from 1.85 billion dlrs") is in that
// sum's currency. It reads English only and takes a number only when a word of comparison links it
// to the sum, no other scaled number stands between them and no noun follows it ("82.5 mln
// shares", "2.88 mln ounces" count no money).
func (p *parser) ellipses(ms []match) []match {
	if p.lang != nil || len(ms) == 0 {
		return ms
	}
	var added []match
	for i := 1; i < len(p.t)-1; i++ {
		if p.t[i].kind != kNum || !p.linkedBefore(i) || coveringSum(ms, p.t[i].start) != nil {
			continue
		}
		exp, next := p.magnitude(i+1, false)
		if !p.freeAfter(next) {
			continue
		}
		var src *match
		switch {
		case exp == 0:
			src = p.sumRightBefore(i, ms) // "Shr 16.7 cents vs 29.4"
		default:
			if src = p.anchorBefore(i, ms, added); src == nil {
				src = p.anchorAfter(next, ms)
			}
		}
		if src == nil {
			continue
		}
		m := match{start: int(p.t[i].start), end: int(p.t[next-1].end), sign: src.sign}
		m.Value = scaled(p.digits(i, true), exp)
		if exp == 0 {
			m.Value *= p.unitOf(src, i-2) // "16.7 cents vs 29.4": 29.4 cents
		}
		m.Currency = src.Currency
		m.Approximate = p.approximate(p.s[:m.start])
		added = append(added, m) // a later figure may take this one's currency ("233 mln and 451 mln")
		i = next - 1
	}
	for _, m := range p.listed(ms) {
		if coveringSum(added, int32(m.start)) == nil { // "at 2.09 billion and 1.722 billion dlrs" is read once
			added = append(added, m)
		}
	}
	if len(added) == 0 {
		return ms
	}
	ms = append(ms, added...)
	slices.SortFunc(ms, func(a, b match) int { return a.start - b.start })
	return ms
}

// listed finds the figures listed before a sum that share its unit: "at 1,850 and 1,880 dlrs",
// "4,340, 4,345 and 4,350 dlrs", "rose 20 to 1,800 yen" (the change, then the level). It reads
// right to left, so each figure of a list takes the unit of the one after it.
func (p *parser) listed(ms []match) []match {
	var added []match // in reverse text order
	for i := len(p.t) - 3; i > 0; i-- {
		if p.t[i].kind != kNum || isYear(p.text(i)) || coveringSum(ms, p.t[i].start) != nil {
			continue
		}
		exp, next := p.magnitude(i+1, false)
		if next+1 >= len(p.t) || p.t[next+1].brk {
			continue
		}
		link := strings.ToLower(p.text(next))
		var src *match
		if n := len(added); n > 0 && added[n-1].start == int(p.t[next+1].start) {
			src = &added[n-1]
		} else if m := coveringSum(ms, p.t[next+1].start); m != nil && m.start == int(p.t[next+1].start) && link != "," {
			src = m
		}
		switch {
		case src == nil:
			continue
		case link == "to" && !p.changeRightBefore(i):
			continue
		case link != "to" && link != "and" && link != "or" && link != ",":
			continue
		case !p.linkedBefore(i) && !p.is(i-1, ",") && !p.changeRightBefore(i):
			continue
		}
		m := match{start: int(p.t[i].start), end: int(p.t[next-1].end), sign: src.sign, Amount: Amount{Currency: src.Currency}}
		if exp > 0 {
			m.Value = scaled(p.digits(i, true), exp)
		} else {
			m.Value = scaled(p.digits(i, false), 0) * p.unitOf(src, p.lastToken(src))
		}
		m.Approximate = p.approximate(p.s[:m.start])
		added = append(added, m)
	}
	return added
}

// lastToken is the index of the last token of sum m.
func (p *parser) lastToken(m *match) int {
	k, _ := slices.BinarySearchFunc(p.t, int32(m.end), func(t token, end int32) int { return int(t.end - end) })
	return min(k, len(p.t)-1)
}

// isYear reports whether digits d look like a year ("1986", "2005"), never a listed sum.
func isYear(d string) bool {
	return len(d) == 4 && (strings.HasPrefix(d, "19") || strings.HasPrefix(d, "20"))
}

// coveringSum returns the sum of ms (in text order) that covers the byte at, or nil.
func coveringSum(ms []match, at int32) *match {
	k, _ := slices.BinarySearchFunc(ms, int(at), func(m match, at int) int { return m.end - 1 - at })
	if k < len(ms) && ms[k].start <= int(at) {
		return &ms[k]
	}
	return nil
}

// comparisonWords link a figure to a sum of money it is compared with.
var comparisonWords = setOf(`from against vs versus with to than and or at of plus was were totalled totaled
reached`)

func isComparison(w string) bool {
	ok, _ := text.LookupLower(comparisonWords, w)
	return ok
}

// figureModifiers may stand between a word of comparison and its figure ("from an estimated 660
// mln", "from the original 150 mln", "plus an additional 60 mln").
var figureModifiers = setOf(`a an the estimated about around some nearly almost roughly approximately
original only just over under previous prior revised additional further`)

// linkedBefore reports whether a word of comparison stands before the figure at token i, with at
// most two modifiers between.
func (p *parser) linkedBefore(i int) bool {
	for k := i - 1; k >= 1 && k >= i-3; k-- {
		w := p.text(k)
		if isComparison(w) {
			return true
		}
		if mod, _ := text.LookupLower(figureModifiers, w); !mod {
			return false
		}
	}
	return false
}

// freeAfter reports whether what follows a figure ending before token i leaves it a figure alone:
// the end, a mark, a number or a function word, not a noun it counts.
func (p *parser) freeAfter(i int) bool {
	if i >= len(p.t) || p.t[i].brk {
		return true
	}
	switch p.t[i].kind {
	case kWord:
		w := p.text(i)
		if month, _ := text.LookupLower(monthNames, w); month {
			return true
		}
		return figureFollowers[w]
	case kPunct:
		return p.text(i) != "%" && p.text(i) != "-"
	}
	return true
}

// figureFollowers are the words that may follow a figure standing for a sum ("from 31.5 mln
// previously", "233 mln and 451 mln in the first weeks").
var figureFollowers = setOf(`in on at from to and or a an the last previously earlier before after vs
against compared versus for by during this that while but with when since respectively over under
a year ago yesterday today as mainly largely partly due amid despite ahead following`)

// monthNames may follow a figure with its date ("451 mln last March", "25.1 billion a year earlier").
var monthNames = setOf(`january february march april may june july august september october november
december jan feb mar apr jun jul aug sep sept oct nov dec`)

// anchorBefore finds the sum of money a figure at token i is compared with earlier in its sentence:
// the nearest scaled number before it, which must be a sum (read, or added) of a thousand or more
// (not "32 dlrs each … the number of shares … to 29.1 mln"). It returns nil when there is none.
func (p *parser) anchorBefore(i int, ms, added []match) *match {
	for k := i - 1; k >= 0 && k >= i-40; k-- {
		m := coveringSum(ms, p.t[k].start)
		if m == nil {
			m = coveringSum(added, p.t[k].start)
		}
		if m != nil && p.restatement(m) {
			continue // "took $28.5m (£15.2m), making a total of 204.3m": the figure is in dollars
		}
		if m != nil {
			if m.Value < 1e3 {
				return nil
			}
			return m
		}
		if p.sentenceEndsAt(k) {
			return nil
		}
		if p.t[k].kind == kNum {
			if e, _ := p.magnitude(k+1, false); e > 0 {
				return nil // "Shrs 239.2 mln vs 104.4 mln": the figure before counts shares
			}
		}
	}
	return nil
}

// sumRightBefore finds the sum an unscaled figure at token i restates the other side of: "vs",
// "from" or "against" alone stands between them ("Shr 16.7 cents vs 29.4", "rises to 90 sucres
// from 50"), or "at" or "to" after a price, the level it reached ("Glaxo 8p at 1,480", "rose 12p
// to 587"; not "issued 100 mln dlrs at 101.25"). A year is never such a figure.
func (p *parser) sumRightBefore(i int, ms []match) *match {
	if i < 2 || isYear(p.text(i)) {
		return nil
	}
	m := coveringSum(ms, p.t[i-2].start)
	if m == nil || m.end != int(p.t[i-2].end) {
		return nil
	}
	switch strings.ToLower(p.text(i - 1)) {
	case "vs", "from", "against":
		return m
	case "at", "to":
		if m.Value < 1e3 {
			return m
		}
	}
	return nil
}

// unitOf is what one unit of the number written in sum m is worth in its currency: 0.01 for
// "16.7 cents", 1 for "90 sucres". last is the index of the sum's last token.
func (p *parser) unitOf(m *match, last int) float64 {
	k := last
	for k > 0 && int(p.t[k-1].start) >= m.start {
		k--
	}
	for ; k <= last; k++ {
		if p.t[k].kind == kNum {
			if v := scaled(p.digits(k, false), 0); v != 0 {
				return m.Value / v
			}
		}
	}
	return 1
}

// restatement reports whether sum m restates the sum before it in brackets: "($98m; £52m)".
func (p *parser) restatement(m *match) bool {
	before := strings.TrimRight(p.s[:m.start], " ")
	return strings.HasSuffix(before, "(") || strings.HasSuffix(before, ";")
}

// anchorAfter finds the sum a figure ending before token i is compared with right after it ("rose
// to 2.02 billion from 1.85 billion dlrs"), or nil.
func (p *parser) anchorAfter(i int, ms []match) *match {
	if i+1 >= len(p.t) || p.t[i].kind != kWord || !isComparison(p.text(i)) {
		return nil
	}
	if m := coveringSum(ms, p.t[i+1].start); m != nil && m.start == int(p.t[i+1].start) && m.Value >= 1e3 {
		return m
	}
	return nil
}

// sentenceEndsAt reports whether token k ends a sentence: a line break after it, or a full stop
// after a word or number (not an initial, "U.S.") before a capital.
func (p *parser) sentenceEndsAt(k int) bool {
	if k+1 < len(p.t) && p.t[k+1].brk {
		return true
	}
	if !p.is(k, ".") || k == 0 || k+1 >= len(p.t) || !p.t[k+1].space {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(p.text(k + 1)); !unicode.IsUpper(r) {
		return false
	}
	prev := p.text(k - 1)
	last, _ := utf8.DecodeLastRuneInString(prev)
	return p.t[k-1].kind == kNum || len(prev) > 1 && unicode.IsLower(last)
}
