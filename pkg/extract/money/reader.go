package money

import (
	"strings"

	"github.com/newsmon/newsmon/pkg/text"
)

// What a careful reader sees around a sum's currency word: a contraction that makes "won" a verb,
// a weight in pounds, a "(U.S.)" that says which dollar, and the scale word a range's high end
// lends its low end.

// contractionAt reports whether "'t" or "’t" stands glued at k: "won't" is no currency.
func (p *parser) contractionAt(k int) bool {
	return k+1 < len(p.t) && p.glued(k) && (p.is(k, "'") || p.is(k, "’")) && p.glued(k+1) && strings.EqualFold(p.text(k+1), "t")
}

// weight reports whether "pounds" at i weighs rather than pays: a metric weight restates it in
// brackets ("overloaded by 700 pounds (320kg)"), or a word of weight stands just before the
// number ("weighs 300 pounds", "a warhead of 1,000 pounds").
func (p *parser) weight(i int) bool {
	if p.is(i+1, "(") && i+3 < len(p.t) && p.t[i+2].kind == kNum {
		k := i + 3
		for k < len(p.t) && k < i+6 && (p.t[k].kind == kNum || p.is(k, ".") || p.is(k, ",")) {
			k++
		}
		if k < len(p.t) && p.t[k].kind == kWord && metricWeights[strings.ToLower(p.text(k))] {
			return true
		}
	}
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		w := strings.ToLower(p.text(k))
		if weightWords[w] {
			return true
		}
		if p.t[k].kind == kWord && !strings.HasPrefix(w, "mln") && w != "of" && w != "by" && w != "about" && w != "some" {
			if _, scale := text.LookupLower(wordMagnitudes, w); !scale {
				return false
			}
		}
	}
	return false
}

// metricWeights restate a weight in pounds; weightWords weigh what follows.
var metricWeights = map[string]bool{"kg": true, "kilos": true, "kilograms": true, "kilogrammes": true, "g": true, "grams": true, "tonnes": true, "tons": true}

var weightWords = map[string]bool{"weigh": true, "weighs": true, "weighed": true, "weighing": true, "overloaded": true,
	"overweight": true, "warhead": true, "payload": true, "heavier": true, "lighter": true}

// usMarkAt reports whether "(U.S.)" or "(US)" stands at k, right after a sum: the wire's way to
// say the dollars are American in a story of another dollar country.
func (p *parser) usMarkAt(k int) bool {
	if !p.is(k, "(") || !p.near(k) {
		return false
	}
	if c, next := p.dottedAdjective(k + 1); c == "USD" && p.is(next, ")") {
		return true
	}
	return k+2 < len(p.t) && (p.is(k+1, "US") || p.is(k+1, "USD")) && p.is(k+2, ")")
}

// scaleWordAt is the power of ten of the scale word at k ("billion", "mln"), or 0.
func (p *parser) scaleWordAt(k int) int {
	if k < 0 || k >= len(p.t) || p.t[k].kind != kWord {
		return 0
	}
	if e, ok := text.LookupLower(wordMagnitudes, p.text(k)); ok {
		return e
	}
	return shortMagnitudes[p.text(k)]
}

// crownCountries are the countries whose currency English calls the crown.
var crownCountries = map[string]string{"SE": "SEK", "DK": "DKK", "NO": "NOK", "IS": "ISK", "CZ": "CZK"}

// crownOf is the currency bare "crowns" count in: that of the crown country the article's places,
// else its text, name most ("183 mln crowns" beside "Swedish crowns" and Stockholm), "" when it
// names none, where crowns are no money a reader can place.
func (c *docContext) crownOf() string {
	if c.crownDecided {
		return c.crown
	}
	c.crownDecided = true
	if c.named == nil {
		c.named = textCountries(c.text)
	}
	for _, counts := range []map[string]int{c.places, c.named} {
		best, bestN := "", 0
		for cc, n := range counts {
			if cur, ok := crownCountries[cc]; ok && (n > bestN || n == bestN && cur < best) {
				best, bestN = cur, n
			}
		}
		if best != "" {
			c.crown = best
			return best
		}
	}
	return ""
}
