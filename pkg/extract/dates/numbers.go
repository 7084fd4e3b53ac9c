package dates

import (
	"strconv"
	"strings"
	"time"
)

// Expressions that begin with a number: numeric dates (and which order their day and month are
// in), "23 October", day ranges, "3 weeks ago".

// atNumber reads expressions that begin with digits: "2023-10-23", "10/23/2023", "23.10.2023",
// "23 October 2023", "20-23 October", "3 weeks ago", and years after a cue ("in 2019").
func (p *parser) atNumber(i int) (hit, bool) {
	n, ln := p.num(i)
	if n < 0 {
		return hit{}, false
	}
	// The number must not continue a larger one ("1,999", "3.2023").
	if i > 0 && !p.t[i].space && (p.is(i-1, ",") || p.is(i-1, ".") || p.is(i-1, "/") || p.is(i-1, "-")) && i > 1 && p.t[i-2].kind == kNum {
		return hit{}, false
	}
	if h, ok := p.numericAt(i, n, ln); ok {
		return h, true
	}
	// "4th qtr", "the 3rd quarter of 1986".
	if ln == 1 && p.ordinalSuffix(i+1) {
		if h, ok := p.ordinalPeriodFrom(i, i+1, n); ok {
			return h, true
		}
	}
	// Day before month: "23 October 2023", "5th of November", "20-23 October".
	if ln <= 2 && n >= 1 && n <= 31 {
		if h, ok := p.dayMonth(i, n); ok {
			return h, true
		}
	}
	// "3 weeks ago".
	if ln <= 3 {
		if h, ok := p.ago(i, n); ok {
			return h, true
		}
	}
	// A year after a cue: "in 2019", "since 2019", "from 2019 to 2021", "2019-2021" after a cue.
	if ln == 4 && plausibleYear(n) {
		return p.year(i, n)
	}
	return hit{}, false
}

// numericAt reads a date written in digits at i, whose first number n has ln digits:
// "2023-10-23", "10/23/2023", "23/10/2023", "23.10.2023".
func (p *parser) numericAt(i, n, ln int) (hit, bool) {
	// ISO 8601: 2023-10-23.
	if ln == 4 && p.is(i+1, "-") && p.glued(i+1) && p.glued(i+2) && p.is(i+3, "-") && p.glued(i+3) && p.glued(i+4) {
		mo, l2 := p.num(i + 2)
		d, l3 := p.num(i + 4)
		if l2 == 2 && l3 == 2 && !p.numGlued(i+5) {
			if t, ok := validDate(n, mo, d); ok {
				return hit{from: i, to: i + 5, value: dayValue(t), grain: "day"}, true
			}
		}
	}
	// Numeric day and month: 10/23/2023, 23/10/2023, 23.10.2023.
	if ln <= 2 && i+4 < len(p.t) {
		sep := p.text(i + 1)
		if (sep == "/" || sep == "." || sep == "-") && p.glued(i+1) && p.glued(i+2) && p.text(i+3) == sep && p.glued(i+3) && p.glued(i+4) {
			a := n
			b, lb := p.num(i + 2)
			y, ly := p.num(i + 4)
			if lb >= 1 && lb <= 2 && (ly == 4 || ly == 2 && sep == "/") && !p.numGlued(i+5) {
				if ly == 2 {
					y = p.century(y)
				}
				return p.numericDate(i, a, b, y, sep)
			}
		}
	}
	return hit{}, false
}

// numGlued reports whether token i continues a number glued to the token before ("2023-10-23-5").
func (p *parser) numGlued(i int) bool {
	if i >= len(p.t) || !p.glued(i) {
		return false
	}
	if p.t[i].kind == kNum || p.t[i].kind == kWord {
		return true
	}
	w := p.text(i)
	return (w == "/" || w == "-" || w == ".") && i+1 < len(p.t) && p.glued(i+1) && p.t[i+1].kind == kNum
}

// numericDate resolves a/b/y by the article's convention: a part above 12 decides; otherwise other
// unambiguous numeric dates in the same text decide; otherwise the publisher's country (day first
// everywhere but the United States); dotted dates are always day first.
// century puts a two-digit year in the century nearest to publication ("4/9/87" in a 1987 wire is
// 1987, in a 2024 story "4/9/23" is 2023); without a reference date, in this century.
func (p *parser) century(yy int) int {
	if p.ref.IsZero() {
		return 2000 + yy
	}
	y := p.ref.Year()/100*100 + yy
	switch {
	case y > p.ref.Year()+50:
		y -= 100
	case y < p.ref.Year()-50:
		y += 100
	}
	return y
}

func (p *parser) numericDate(i, a, b, y int, sep string) (hit, bool) {
	dayFirst := true
	switch {
	case sep == ".":
	case a > 12 && b <= 12:
	case b > 12 && a <= 12:
		dayFirst = false
	default:
		dayFirst = p.dayFirstText()
	}
	d, mo := a, b
	if !dayFirst {
		d, mo = b, a
	}
	t, ok := validDate(y, mo, d)
	if !ok {
		return hit{}, false
	}
	return hit{from: i, to: i + 5, value: dayValue(t), grain: "day"}, true
}

// dayFirstText decides the text's numeric date order once: from its own unambiguous dates, else
// from the publisher's host.
func (p *parser) dayFirstText() bool {
	if p.dayFirst == 0 {
		p.dayFirst = p.hostOrder()
		for i := 0; i+4 < len(p.t); i++ {
			if p.t[i].kind != kNum || !p.is(i+1, "/") || !p.is(i+3, "/") || !p.glued(i+1) || !p.glued(i+2) || !p.glued(i+3) {
				continue
			}
			a, la := p.num(i)
			b, lb := p.num(i + 2)
			if la > 2 || lb > 2 || p.t[i+4].kind != kNum {
				continue
			}
			if a > 12 && b <= 12 {
				p.dayFirst = 1
				break
			}
			if b > 12 && a <= 12 {
				p.dayFirst = -1
				break
			}
		}
	}
	return p.dayFirst == 1
}

// monthFirstHosts are the generic-domain publishers that write month first (United States);
// dayFirstHosts the generic-domain ones that write day first.
var dayFirstHosts = []string{"bbc.com", "theguardian.com", "aljazeera.com", "reuters.com", "dw.com",
	"france24.com", "euronews.com", "scmp.com", "straitstimes.com", "thehindu.com", "indiatimes.com",
	"hindustantimes.com", "ndtv.com", "dawn.com", "thenationalnews.com", "arabnews.com", "rfi.fr",
	"independent.co.uk", "ft.com", "economist.com", "africanews.com", "allafrica.com"}

func (p *parser) hostOrder() int8 {
	h := strings.ToLower(p.host)
	for _, d := range dayFirstHosts {
		if h == d || strings.HasSuffix(h, "."+d) {
			return 1
		}
	}
	k := strings.LastIndexByte(h, '.')
	if k < 0 {
		return -1
	}
	switch tld := h[k+1:]; {
	case len(tld) == 2 && tld != "us":
		return 1 // a country's own domain: everyone but the US writes the day first
	}
	return -1
}

// dayMonth reads "23 October 2023", "23rd of October", "20-23 October 2023", "20 to 23 Oct" at i.
func (p *parser) dayMonth(i, d int) (hit, bool) {
	k := i + 1
	d2 := 0
	// A day range: "20-23 October", "20 to 23 October".
	if (p.is(k, "-") || p.is(k, "–") || p.is(k, "to")) && p.near(k+1) {
		if v, l := p.num(k + 1); l >= 1 && l <= 2 && v > d && v <= 31 {
			if mo, _ := p.monthAfterDay(k + 2); mo != 0 {
				d2, k = v, k+2
			}
		}
	}
	mo, end := p.monthAfterDay(k)
	if mo == 0 {
		return hit{}, false
	}
	y, yEnd := p.yearAfter(end)
	if y == 0 {
		y, yEnd = p.ofYear(end)
	}
	h := hit{from: i, to: end, grain: "day"}
	if y != 0 {
		h.to = yEnd
	}
	return p.dayHit(h, y, mo, d, mo, d2)
}

// monthAfterDay reads "[st|nd|rd|th] [of] Month" at k and returns the month and the index after.
func (p *parser) monthAfterDay(k int) (int, int) {
	if k < len(p.t) && p.t[k].kind == kWord && p.glued(k) {
		switch strings.ToLower(p.text(k)) {
		case "st", "nd", "rd", "th":
			k++
		}
	}
	if !p.near(k) {
		return 0, 0
	}
	if strings.EqualFold(p.text(k), "of") && p.near(k+1) {
		k++
	}
	wi, ok := p.word(k)
	if !ok || wi.class != cMonth || !p.capitalised(k) {
		return 0, 0
	}
	end := k + 1
	if wi.abbr && p.is(end, ".") && p.glued(end) {
		end++
	}
	return wi.val, end
}

func (p *parser) capitalised(k int) bool {
	c := p.s[p.t[k].start]
	return c >= 'A' && c <= 'Z'
}

// yearAfter reads ", 2023" or " 2023" at k.
func (p *parser) yearAfter(k int) (int, int) {
	j := k
	if p.is(j, ",") && p.near(j+1) {
		j++
	}
	if !p.near(j) {
		return 0, 0
	}
	if y, l := p.num(j); l == 4 && plausibleYear(y) && !p.numGlued(j+1) {
		return y, j + 1
	}
	return 0, 0
}

// ofYear reads "of this year", "of last year", "of next year", "of 2023", "of that year" at k,
// and "this year", "last year", "next year" without "of" ("in June last year").
func (p *parser) ofYear(k int) (int, int) {
	if !p.near(k) {
		return 0, 0
	}
	if !strings.EqualFold(p.text(k), "of") {
		return p.relYear(k)
	}
	if y, l := p.num(k + 1); l == 4 && plausibleYear(y) {
		return y, k + 2
	}
	// "of that year", "of the same year": the year of the expression read before.
	if p.lastYear != 0 && (p.is(k+1, "that") || p.is(k+1, "the") && p.is(k+2, "same")) {
		j := k + 2
		if p.is(k+1, "the") {
			j++
		}
		if per, ok := p.word(j); ok && per.class == cPeriod && per.val == pYear {
			return p.lastYear, j + 1
		}
	}
	return p.relYear(k + 1)
}

// relYear reads "this year", "last year", "next year" at k: the year counted from publication.
func (p *parser) relYear(k int) (int, int) {
	if p.ref.IsZero() || !p.near(k) || !p.near(k+1) {
		return 0, 0
	}
	if rel, ok := p.word(k); ok && rel.class == cRel && rel.val >= -1 && rel.val <= 1 && !p.periodOnlyRel(k) {
		if per, ok := p.word(k + 1); ok && per.class == cPeriod && per.val == pYear && strings.EqualFold(p.text(k+1), "year") {
			return p.ref.Year() + rel.val, k + 2
		}
	}
	return 0, 0
}

// dayHit resolves a day (or a day range mo/d–mo2/d2) with an optional year into h.
func (p *parser) dayHit(h hit, y, mo, d, mo2, d2 int) (hit, bool) {
	var t time.Time
	var ok bool
	if y != 0 {
		t, ok = validDate(y, mo, d)
	} else {
		if p.ref.IsZero() {
			return hit{}, false
		}
		t, ok = p.nearestYear(mo, d)
		tense := p.tenseAround(h.from, h.to)
		c, carried := p.narrativeYear(mo, d, tense)
		again, repeated := p.repeatedDay(mo, d)
		switch {
		case ok && repeated:
			t = again
		case ok && d2 == 0 && p.attacksDay(mo, d, h.to, tense):
			t = civil(2001, 9, 11)
		case ok && carried:
			t = c
			p.written = c
		case ok && tense > 0 && t.Before(p.ref.AddDate(0, 0, -14)):
			// A date of the two weeks before publication stays there: the future verb is
			// another's or a guess ("the Feb. 23 accord … could only be visited"), or the story
			// was written before the day.
			t, ok = validDate(t.Year()+1, mo, d)
		case ok && tense < 0 && (t.After(p.ref.AddDate(0, 2, 0)) || t.After(p.ref) && p.sinceBefore(h.from)):
			// A past verb is weak evidence within two months after publication, where dates
			// without a year are deadlines and record dates ("extended to Nov. 20", "set Nov. 10
			// as the deadline", "payable Jan. 2"): news writes the year of a date a year back.
			// "since" leaves no doubt.
			t, ok = validDate(t.Year()-1, mo, d)
		}
	}
	if !ok {
		return hit{}, false
	}
	if y != 0 {
		p.written = t
		if len(p.days) < maxWrittenDays {
			p.days = append(p.days, t)
		}
	}
	h.value = dayValue(t)
	if d2 != 0 {
		y2 := t.Year()
		if mo2 < mo {
			y2++
		}
		t2, ok := validDate(y2, mo2, d2)
		if !ok || !t2.After(t) {
			return hit{}, false
		}
		h.value += "/" + dayValue(t2)
	}
	return h, true
}

// attacksDay reports whether 11 September without a year, in a clause not of the future, names
// the day of the 2001 attacks, as every reader takes it: "the 11 September attacks", "laws brought
// in after September 11" in a story that speaks of terror.
func (p *parser) attacksDay(mo, d, to, tense int) bool {
	if mo != 9 || d != 11 || tense > 0 || p.ref.Year() <= 2001 {
		return false
	}
	for k := to; k < len(p.t) && k < to+3 && p.near(k); k++ {
		if w := strings.ToLower(p.text(k)); strings.HasPrefix(w, "attack") || strings.HasPrefix(w, "terror") || strings.HasPrefix(w, "hijack") {
			return true
		}
	}
	return strings.Contains(p.s, "terror") || strings.Contains(p.s, "Terror")
}

// repeatedDay is the date the text wrote earlier with its year for the same day and month: "by
// June 30, 1987 … prior to June 30" is one day, whatever the tense around the second.
func (p *parser) repeatedDay(mo, d int) (time.Time, bool) {
	for k := len(p.days) - 1; k >= 0; k-- {
		if t := p.days[k]; int(t.Month()) == mo && t.Day() == d {
			return t, true
		}
	}
	return time.Time{}, false
}

// maxWrittenDays bounds the dates with a year repeatedDay remembers.
const maxWrittenDays = 32

// narrativeYear is the year of a day written without one in a story of the past, as a reader
// carries it on from the latest date written with its year: "on 7 March 2003 … On 10 March, the
// chiefs asked", published in 2005, is 10 March 2003. It holds when that written date lies more
// than four months before publication, the day falls within two months after it or one month
// before it, and the clause is not in the future.
func (p *parser) narrativeYear(mo, d, tense int) (time.Time, bool) {
	w := p.written
	if w.IsZero() || tense > 0 || !w.Before(p.ref.AddDate(0, -4, 0)) {
		return time.Time{}, false
	}
	for y := w.Year() - 1; y <= w.Year()+1; y++ {
		if c, ok := validDate(y, mo, d); ok && c.Before(w.AddDate(0, 2, 1)) && c.After(w.AddDate(0, -1, -1)) && c.Before(p.ref.AddDate(0, -2, 0)) {
			return c, true
		}
	}
	return time.Time{}, false
}

// ago reads "3 weeks ago", "two years ago", "a month ago" with the number at i (n < 0: a word).
func (p *parser) ago(i, n int) (hit, bool) {
	from := i
	// "twenty-two years ago": a ten and a unit joined by a hyphen.
	if n >= 20 && p.is(i+1, "-") && p.glued(i+1) && p.glued(i+2) {
		if u, ok := p.word(i + 2); ok && u.class == cNumWord && u.val >= 1 && u.val <= 9 && strings.ToLower(p.text(i+2)) != "a" {
			n += u.val
			i += 2
		}
	}
	if p.ref.IsZero() || !p.near(i+1) {
		return hit{}, false
	}
	per, ok := p.word(i + 1)
	if !ok || per.class != cPeriod || per.val == pWeekend || per.val == pQuarter || !p.near(i+2) {
		return hit{}, false
	}
	earlier := strings.EqualFold(p.text(i+2), "earlier")
	if !earlier && !strings.EqualFold(p.text(i+2), "ago") {
		return hit{}, false
	}
	h := hit{from: from, to: i + 3}
	if a, ok := p.antecedent(from, earlier); ok {
		if v, ok := shiftPeriod(a, per.val, n); ok {
			h.value, h.grain = v, a.grain
			return h, true
		}
	}
	if earlier {
		return hit{}, false // earlier than a date its sentence does not name
	}
	return p.agoHit(h, per.val, n)
}

// antecedent is the expression "a year ago" or "a year earlier" at from counts from instead of
// publication: the one read before it in its sentence when "earlier" says it counts from another
// date, or a comparison does ("net fell to 537m euros during 2004, from 798m euros a year ago":
// 2003, as a reader compares periods).
func (p *parser) antecedent(from int, earlier bool) (hit, bool) {
	if p.prev.to == 0 || p.prev.to > from {
		return hit{}, false
	}
	between := p.s[p.t[p.prev.to-1].end:p.t[from].start]
	if sentenceStart(between) != 0 || strings.ContainsAny(between, "\n;") {
		return hit{}, false
	}
	if k := p.prev.from - 1; k >= 0 && (p.is(k, "and") || p.is(k, "to") || p.is(k, "through") || p.is(k, "-")) {
		return hit{}, false // the end of a span ("between August 2025 and July 2026"): the span is the period
	}
	if earlier {
		return p.prev, true
	}
	for k := from - 1; k >= max(p.prev.to, from-6); k-- {
		if p.t[k].kind == kWord && compareWords[strings.ToLower(p.text(k))] {
			return p.prev, true
		}
	}
	return hit{}, false
}

// compareWords open the second term of a comparison ("up from", "higher than", "compared with").
var compareWords = setOf(`from than compared versus vs over against`)

// shiftPeriod is the period of a moved n units per (pYear …) back, at a's grain: "2004" a year
// back is "2003", "2024-Q3" is "2023-Q3", "2023-10-03" is "2022-10-03". A range or a unit finer
// than a's grain has no such period.
func shiftPeriod(a hit, per, n int) (string, bool) {
	if strings.Contains(a.value, "/") {
		return "", false
	}
	if a.grain == "year" || a.grain == "quarter" || a.grain == "half" {
		y, err := strconv.Atoi(a.value[:min(4, len(a.value))])
		if per != pYear || err != nil {
			return "", false
		}
		return strconv.Itoa(y-n) + a.value[4:], true
	}
	layout := time.DateOnly
	if a.grain == "month" {
		layout = "2006-01"
	}
	t, err := time.Parse(layout, a.value)
	if err != nil {
		return "", false
	}
	switch {
	case per == pYear:
		t = t.AddDate(-n, 0, 0)
	case per == pMonth:
		t = t.AddDate(0, -n, 0)
	case per == pWeek && a.grain != "month":
		t = t.AddDate(0, 0, -7*n)
	case per == pDay && a.grain == "day":
		t = t.AddDate(0, 0, -n)
	default:
		return "", false
	}
	if a.grain == "week" {
		t = weekStart(t)
	}
	return t.Format(layout), true
}

// agoHit is the period per (pDay …) n units before publication over h's tokens: "3 weeks ago",
// "hace tres días", "vor 3 Jahren".
func (p *parser) agoHit(h hit, per, n int) (hit, bool) {
	r := p.ref
	switch per {
	case pDay:
		h.value, h.grain = dayValue(r.AddDate(0, 0, -n)), "day"
	case pWeek:
		h.value, h.grain = dayValue(weekStart(r.AddDate(0, 0, -7*n))), "week"
	case pMonth:
		h.value, h.grain = monthValue(r.Year(), int(r.Month())-n), "month"
	default:
		h.value, h.grain = strconv.Itoa(r.Year()-n), "year"
	}
	return h, true
}
