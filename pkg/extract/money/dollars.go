package money

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsmon/newsmon/pkg/article"
)

// settleDollars decides, once every sum is read, what the bare dollars and cents of the text are.
// A wire dateline in a dollar country other than the US ("TORONTO, March 9 - ") makes them that
// country's, as wires write them, unless the text's first dollar sum is another dollar ("PERTH … for
// 90.8 mln U.S. Dlrs. Of this total, 7.8 mln dlrs …"). Otherwise a text that names the US dollar
// keeps them USD; one whose sums name exactly one other dollar ("A$5 billion", "13 mln Canadian
// dlrs") counts them in it; else the host and the places decide (newContext). Naming a dollar as
// a currency ("the Taiwan dollar rose") names no sum, so it decides nothing.
func (p *parser) settleDollars(ms []match) {
	first, bare := -1, false
	for i, m := range ms {
		if m.sign == "$" || m.sign == "¢" {
			bare = true
			if first < 0 {
				first = i
			}
		} else if m.sign == "" && familyOf(m.Currency) == "$" && first < 0 {
			first = i
		}
	}
	if !bare {
		return
	}
	c := p.doc()
	cur := c.dollar
	if local := p.localDollar(ms, first); local != "" {
		cur = local
	} else if named := namedDollar(ms); c.us || named == "USD" {
		cur = "USD"
	} else if named != "" {
		cur = named
	}
	for i := range ms {
		switch {
		case ms[i].sign == "$":
			ms[i].Currency = cur
		case ms[i].sign == "¢" && c.cent == c.dollar:
			ms[i].Currency = cur
		}
	}
}

// localDollar is the dollar of a wire dateline's country that the bare dollars of the text are
// in (see settleDollars), "" when the rule does not hold: no such dateline, a first dollar sum in
// another dollar, a story that names the US more often than the dateline's country (a US
// official's "170 billion dlr trade deficit" at a New Zealand dateline), or one that quotes
// prices per ounce or barrel, which are US dollars everywhere (gold "at 416 dlrs per ounce" in
// Toronto).
func (p *parser) localDollar(ms []match, first int) string {
	cc := datelineCountry(p.s, p.hints.places)
	local := countryCurrency[cc]
	if cc == "US" || familyOf(local) != "$" || ms[first].sign == "" && ms[first].Currency != local {
		return ""
	}
	if places := p.doc().places; places[cc] < places["US"] {
		return ""
	}
	for _, m := range ms {
		if m.sign == "$" && worldPriced(p.s[m.end:]) {
			return ""
		}
	}
	return local
}

// worldPriced reports whether the text after a sum prices a commodity traded in US dollars the
// world over: "an ounce", "per barrel".
func worldPriced(after string) bool {
	after = strings.TrimLeft(after, " ")
	for _, per := range []string{"a ", "an ", "per "} {
		if rest, ok := strings.CutPrefix(after, per); ok {
			return strings.HasPrefix(rest, "ounce") || strings.HasPrefix(rest, "barrel") || strings.HasPrefix(rest, "troy ounce")
		}
	}
	return false
}

// namedDollar is the dollar the text's qualified sums are in ("A$5", "13 mln Canadian dlrs"): USD
// when any is in US dollars or they name several, "" when none is qualified.
func namedDollar(ms []match) string {
	named := ""
	for _, m := range ms {
		if m.sign != "" || familyOf(m.Currency) != "$" {
			continue
		}
		if m.Currency == "USD" || named != "" && named != m.Currency {
			return "USD"
		}
		named = m.Currency
	}
	return named
}

// datelineCountry is the country of the place a wire dateline opening the text names ("TORONTO,
// March 9 - ", "SYDNEY (Reuters) - "), "" when it opens without one: the resolved place mentioned
// before the dateline's dash.
func datelineCountry(s string, places []article.Place) string {
	if len(places) == 0 {
		return ""
	}
	head := s[:min(len(s), 90)]
	if k := strings.IndexByte(head, '\n'); k >= 0 {
		head = head[:k]
	}
	dash := strings.Index(head, " - ")
	if dash < 0 {
		dash = strings.Index(head, " — ")
	}
	if r, _ := utf8.DecodeRuneInString(head); dash < 0 || !unicode.IsUpper(r) || !strings.ContainsAny(head[:dash], ",(") {
		return ""
	}
	end := utf8.RuneCountInString(head[:dash])
	cc, at := "", end
	for _, pl := range places {
		for _, m := range pl.Mentions {
			if m.Start < at {
				cc, at = pl.CountryCode, m.Start
			}
		}
	}
	return cc
}
