package dates

import (
	"strconv"
	"strings"
)

// Years: when a four-digit number is a date ("the 2020 election") and when a count, unit, code or
// name ("2000 people", "1800 GMT", "2000 Main Street").

// yearCue reports whether token k lets a year or a bare month stand alone. A conjunction counts
// only after another date of the same kind ("in April and May", "in 2022 and 2023"), so that
// "Smith and May" stays a name.
func (p *parser) yearCue(k int) bool {
	if k < 0 || p.t[k+1].brk {
		return false
	}
	wi, ok := p.word(k)
	if !ok {
		return p.is(k, "-") && k > 0 && strings.EqualFold(p.text(k-1), "mid")
	}
	switch strings.ToLower(p.text(k)) {
	case "and", "to", "or":
		if p.t[k+1].kind == kNum {
			_, l := p.num(k - 1)
			return l == 4
		}
		prev, ok := p.word(k - 1)
		// "in the twelve months to July": a period's end
		return ok && (prev.class == cMonth || prev.class == cPeriod && p.is(k, "to") && prev.val != pWeekend)
	}
	return wi.class == cCue || wi.class == cMod
}

// year reads a year after a cue: "in 2019", "since 2019", "late 2019", "from 2019 to 2021",
// "between 2019 and 2021", "in 2019-20".
func (p *parser) year(i, y int) (hit, bool) {
	if end, ok := p.splitYearEnd(i, y); ok {
		return p.splitYear(i, end, y)
	}
	if !p.ref.IsZero() && y >= 1900 && y <= p.ref.Year()+30 {
		// "1986 4th qtr", "1988 first half": a year that owns a quarter or half is one, even at
		// the head of a table's note, where other figures stand beside it
		from := i
		if i > 0 && strings.EqualFold(p.text(i-1), "fiscal") {
			from = i - 1 // "fiscal 1986's second quarter"
		}
		if part, ok := p.partAfter(hit{from: from, to: i + 1}, y); ok {
			return part, true
		}
	}
	if !p.yearCue(i-1) && !p.bareYear(i, y) || p.numGlued(i+1) && !p.is(i+1, "-") || p.clockAfter(i) {
		return hit{}, false
	}
	if i+1 < len(p.t) && p.glued(i+1) && (p.is(i+1, "%") || p.t[i+1].kind == kWord) {
		return hit{}, false
	}
	h := hit{from: i, to: i + 1, value: strconv.Itoa(y), grain: "year"}
	if i == 0 {
		return h, true // a bare year opening the text
	}
	if strings.EqualFold(p.text(i-1), "fiscal") {
		h.from = i - 1
	}
	if p.glued(i-1) && p.is(i-1, "-") || p.t[i-1].kind == kWord {
		if wi, _ := p.word(i - 1); wi.class == cMod || p.is(i-1, "-") {
			h.from = i - 1
			if p.is(i-1, "-") {
				h.from = i - 2
			}
		}
	}
	// A year range.
	if k := i + 1; p.near(k) && (p.is(k, "-") || p.is(k, "–") || p.is(k, "to") || p.is(k, "and") && strings.EqualFold(p.text(i-1), "between")) {
		y2, l := p.num(k + 1)
		if l == 2 && p.is(k, "-") {
			y2 += y / 100 * 100
			l = 4
		}
		if l == 4 && y2 > y && plausibleYear(y2) && !p.numGlued(k+2) {
			h.to, h.value = k+2, strconv.Itoa(y)+"/"+strconv.Itoa(y2)
		}
	} else if p.is(k, "-") && p.glued(k) {
		return hit{}, false
	}
	if part, ok := p.partAfter(h, y); ok && h.to == i+1 {
		return part, true // "the 1988 third quarter"
	}
	return h, true
}

// bareYear reports whether the four digits y at i, with no cue before them, name a year as a reader
// takes them: "2019 was the year of…", "the 2020 presidential election", "Prime Day 2019", "1989's
// Shirley Valentine". They are a count or a code instead when a quantity word or a currency stands
// before them ("about 2000", "$2000", "No. 2000"), when a plural count noun or a unit follows ("2023
// amendments", "2000 people", "1800 GMT"), when another number stands beside them on the line (a
// table's row), or when they number a street ("1600 Pennsylvania Avenue"). Years far beyond the
// publication are counts too.
func (p *parser) bareYear(i, y int) bool {
	hi := 2100
	if !p.ref.IsZero() {
		hi = p.ref.Year() + 30
	}
	if y < 1900 || y > hi {
		return false
	}
	if i > 0 && !p.t[i].brk {
		prev := p.t[i-1]
		if prev.kind == kNum {
			return false
		}
		w := p.text(i - 1)
		if prev.kind != kWord && (w == "$" || w == "£" || w == "€" || w == "¥" || w == "#" || w == "+" || w == "-" && !p.glued(i) || w == "×") {
			return false
		}
		if prev.kind == kWord && (countBefore[strings.ToLower(w)] || len(w) == 3 && strings.ToUpper(w) == w && w != "THE") {
			return false
		}
		if w == "." && i > 1 && strings.EqualFold(p.text(i-2), "no") {
			return false
		}
	}
	k := i + 1
	if k < len(p.t) && p.near(k) {
		if p.t[k].kind == kNum && p.t[k].space {
			return false
		}
		if p.t[k].kind == kWord {
			w := p.text(k)
			lw := strings.ToLower(w)
			if countAfter[lw] || w == lw && len(lw) > 3 && strings.HasSuffix(lw, "s") && !strings.HasSuffix(lw, "ss") && !yearNouns[lw] {
				return false
			}
			for j := k; j < min(k+3, len(p.t)) && p.t[j].kind == kWord && p.near(j); j++ {
				if streetWords[p.text(j)] {
					return false
				}
			}
		}
	}
	return true
}

// clockAfter reports whether a time zone or "hours" follows the four digits at i: "by 1830 GMT",
// "until 1800 EDT" tell the time of day, whatever cue stands before them.
func (p *parser) clockAfter(i int) bool {
	return p.near(i+1) && p.t[i+1].kind == kWord && clockWords[strings.ToLower(p.text(i+1))]
}

var clockWords = setOf(`gmt utc bst cet cest est edt cst cdt pst pdt hrs hours local`)

// countBefore are words after which four digits are a quantity or a number, not a year.
var countBefore = setOf(`approximately roughly nearly almost some least
most only just no number nos flight route room suite resolution article section chapter page pages
highway interstate model version code rule score scored rs inr usd eur gbp`)

// countAfter are units and measures after which four digits are a quantity or a time of day.
var countAfter = setOf(`gmt utc bst cet est edt pst hrs hours hour h km kilometres kilometers metres
meters miles feet ft kg tonnes tons mw gw kwh percent per yuan euro euros dollars pounds rupees yen
won pesos rand naira shillings francs square cubic acres hectares points votes bpd people men women
children staff police personnel cattle sheep fish pieces more`)

// yearNouns are plural nouns a year modifies as a date ("the 2016 elections", "2019 results",
// "total 1986 exports", "1987 earnings will not reach 1986 levels"): a year's events and the
// accounts, trade and harvests a year is reported for.
var yearNouns = setOf(`elections olympics games results earnings figures accounts finals playoffs
championships primaries midterms polls rankings standings budgets forecasts accounts sales profits
accounts returns taxes statements reports awards nominations riots protests floods fires attacks
talks negotiations exports imports gains losses increases decreases levels operations revs revenues
crops harvests plantings deficits surpluses shipments deliveries payments purchases prices quotas
dividends outlays expenditures receipts borrowings schedules repairs`)

// streetWords end a street address, whose number is no year.
var streetWords = setOf(`Street St Avenue Ave Road Rd Boulevard Blvd Lane Drive Way Place Plaza`)

// inName reports whether the capitalised day word at i is part of a name ("USA Today", "Africa
// Today", "BBC Radio 4's Today programme"): written capitalised in mid-sentence, after a word, a
// number or a possessive on the same line, where the day word itself would be lower-case.
func (p *parser) inName(i int) bool {
	if i == 0 || !p.capitalised(i) || p.t[i].brk {
		return false
	}
	switch prev := p.t[i-1]; prev.kind {
	case kWord, kNum:
		return true
	}
	return false
}

// splitYearEnd reports whether the year y at i opens a split year, a fiscal, crop or budget year
// written with a slash ("1986/87", "fiscal 1987/1988"), and returns the token after it. The second
// part must be the next year, so that a ratio or a table's "1986/1990" stays apart.
func (p *parser) splitYearEnd(i, y int) (int, bool) {
	if !p.is(i+1, "/") || !p.glued(i+1) || !p.glued(i+2) || p.numGlued(i+3) {
		return 0, false
	}
	n, l := p.num(i + 2)
	if !(l == 2 && n == (y+1)%100 || l == 4 && n == y+1) {
		return 0, false
	}
	return i + 3, true
}

// splitYear is the split year over [i, end) as the span of its two calendar years, with "fiscal"
// before it: where a reader does not know the year's first month, the years it touches are what
// the text fixes. It is a date where a year alone would be one, and also after "the" or a
// possessive ("the 1986/87 harvest", "Pakistan's 1986/87 exports"), which no count takes.
func (p *parser) splitYear(i, end, y int) (hit, bool) {
	if !p.yearCue(i-1) && !p.bareYear(i, y) && !p.is(i-1, "the") && !p.is(i-1, "'s") && !p.is(i-1, "s") {
		return hit{}, false
	}
	h := hit{from: i, to: end, value: strconv.Itoa(y) + "/" + strconv.Itoa(y+1), grain: "year"}
	if i > 0 && strings.EqualFold(p.text(i-1), "fiscal") {
		h.from = i - 1
	}
	return h, true
}
