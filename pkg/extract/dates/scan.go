package dates

import (
	"strconv"
	"strings"
	"time"

	"github.com/newsmon/newsmon/pkg/text"
)

// class is what a word can do in a date expression.
type class uint8

const (
	cMonth   class = iota + 1 // val 1–12
	cWeekday                  // val time.Weekday
	cDayWord                  // today, yesterday, tomorrow, tonight: val is the day offset
	cRel                      // this 0, last -1, next +1
	cPeriod                   // day 1, week 2, month 3, year 4, quarter 5, weekend 6
	cOrdinal                  // first … fourth: quarters and halves
	cNumWord                  // a, one … twelve
	cMod                      // early, mid, late
	cCue                      // in, since, until, …: lets a bare month or year stand alone
)

type wordInfo struct {
	class class
	val   int
	abbr  bool // a month abbreviation: needs a day or a year
}

const (
	pDay = iota + 1
	pWeek
	pMonth
	pYear
	pQuarter
	pWeekend
)

var words = buildWords()

func buildWords() map[string]wordInfo {
	m := map[string]wordInfo{}
	for i, n := range []string{"january", "february", "march", "april", "may", "june", "july", "august",
		"september", "october", "november", "december"} {
		m[n] = wordInfo{class: cMonth, val: i + 1}
	}
	for n, v := range map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
		"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12} {
		m[n] = wordInfo{class: cMonth, val: v, abbr: true}
	}
	for i, n := range []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"} {
		m[n] = wordInfo{class: cWeekday, val: i}
	}
	for n, v := range map[string]int{"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0} {
		m[n] = wordInfo{class: cDayWord, val: v}
	}
	for n, v := range map[string]int{"this": 0, "last": -1, "next": 1, "previous": -1, "coming": 1, "following": 1, "all": 0} {
		m[n] = wordInfo{class: cRel, val: v}
	}
	for n, v := range map[string]int{"day": pDay, "days": pDay, "week": pWeek, "weeks": pWeek, "month": pMonth,
		"months": pMonth, "year": pYear, "years": pYear, "quarter": pQuarter, "quarters": pQuarter, "weekend": pWeekend} {
		m[n] = wordInfo{class: cPeriod, val: v}
	}
	for n, v := range map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4} {
		m[n] = wordInfo{class: cOrdinal, val: v}
	}
	for n, v := range map[string]int{"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
		"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
		"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
		"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
		"ninety": 90} {
		m[n] = wordInfo{class: cNumWord, val: v}
	}
	for n, v := range map[string]int{"early": 1, "mid": 2, "late": 3} {
		m[n] = wordInfo{class: cMod, val: v}
	}
	for _, n := range strings.Fields("in since until by before after during from through of till starting " +
		"throughout between ending for fiscal and to or") {
		m[n] = wordInfo{class: cCue}
	}
	return m
}

// wordsFilter screens words before the scan looks them up.
var wordsFilter = func() *text.WordFilter {
	f := &text.WordFilter{}
	for w := range words {
		f.Add(w)
	}
	return f
}()

// lookup returns the class of word w, case-insensitively, without allocating.
func lookup(w string) (wordInfo, bool) { return text.LookupLower(words, w) }

// hit is one resolved expression over tokens [from, to).
type hit struct {
	from, to     int
	value, grain string
}

// parser reads date expressions from the tokens of one text.
type parser struct {
	s        string
	t        []token
	ref      time.Time // civil publication date; zero disables relative expressions
	host     string
	dayFirst int8 // 0 undecided, 1 "23/10/2023", -1 "10/23/2023"
	lastYear int  // year of the latest expression read, for "in June of that year"; 0 none
	// storyDay is the latest day read in the three days up to publication ("on Tuesday"): the day a
	// quote was most likely spoken, from which its "today" and "last night" count.
	storyDay time.Time
	// lateUTC says the publication time is known and past noon UTC, when the publisher's own day
	// may already be the next one (an Asian morning).
	lateUTC bool
}

func (p *parser) text(i int) string { return p.s[p.t[i].start:p.t[i].end] }
func (p *parser) is(i int, w string) bool {
	return i >= 0 && i < len(p.t) && p.text(i) == w
}

// glued reports whether token i exists and touches the token before it.
func (p *parser) glued(i int) bool { return i < len(p.t) && !p.t[i].space }

// near reports whether token i exists and follows the one before on the same line.
func (p *parser) near(i int) bool { return i < len(p.t) && !p.t[i].brk }

func (p *parser) word(i int) (wordInfo, bool) {
	if i < 0 || i >= len(p.t) || p.t[i].kind != kWord {
		return wordInfo{}, false
	}
	return lookup(p.text(i))
}

// num returns the value of digits token i and its length.
func (p *parser) num(i int) (int, int) {
	if i < 0 || i >= len(p.t) || p.t[i].kind != kNum {
		return -1, 0
	}
	w := p.text(i)
	if len(w) > 4 {
		return -1, len(w)
	}
	n, _ := strconv.Atoi(w)
	return n, len(w)
}

func (p *parser) scan() []hit {
	var out []hit
	for i := 0; i < len(p.t); {
		var h hit
		ok := false
		switch p.t[i].kind {
		case kNum:
			h, ok = p.atNumber(i)
		case kWord:
			if !wordsFilter.MayHave(p.text(i)) {
				if w := p.text(i); w == "Q" || w == "H" {
					h, ok = p.quarterCode(i)
				}
			} else if wi, found := p.word(i); found {
				h, ok = p.atWord(i, wi)
			} else if p.text(i) == "Q" || p.text(i) == "H" {
				h, ok = p.quarterCode(i)
			}
			if !ok && p.capitalised(i) {
				h, ok = p.holidayAt(i)
			}
		}
		if ok {
			out = append(out, h)
			if h.grain == "day" && len(h.value) == 10 && !p.ref.IsZero() && !p.relativeDay(h.from) {
				if t, err := time.Parse(time.DateOnly, h.value); err == nil && !t.After(p.ref) && p.ref.Sub(t) <= 3*24*time.Hour {
					if !p.clockBefore(h.from) {
						p.storyDay = t
					}
				}
			}
			if y, err := strconv.Atoi(h.value[:min(4, len(h.value))]); err == nil && len(h.value) >= 4 {
				p.lastYear = y
			}
			i = h.to
			continue
		}
		i++
	}
	return out
}

func civil(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func validDate(y, mo, d int) (time.Time, bool) {
	if mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1 {
		return time.Time{}, false
	}
	t := civil(y, mo, d)
	return t, t.Day() == d
}

func dayValue(t time.Time) string     { return t.Format("2006-01-02") }
func monthValue(y, m int) string      { return civil(y, m, 1).Format("2006-01") }
func plausibleYear(y int) bool        { return y >= 1800 && y <= 2199 }
func quarterValue(y, q int) string    { return strconv.Itoa(y) + "-Q" + strconv.Itoa(q) }
func halfValue(y, h int) string       { return strconv.Itoa(y) + "-H" + strconv.Itoa(h) }
func weekStart(t time.Time) time.Time { return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7)) }

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
					y += 2000
				}
				if h, ok := p.numericDate(i, a, b, y, sep); ok {
					return h, true
				}
			}
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

// ofYear reads "of this year", "of last year", "of next year", "of 2023", "of that year" at k.
func (p *parser) ofYear(k int) (int, int) {
	if !p.near(k) || !strings.EqualFold(p.text(k), "of") {
		return 0, 0
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
	if rel, ok := p.word(k + 1); ok && rel.class == cRel && rel.val >= -1 && rel.val <= 1 {
		if per, ok := p.word(k + 2); ok && per.class == cPeriod && per.val == pYear && !p.ref.IsZero() {
			return p.ref.Year() + rel.val, k + 3
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
		switch tense := p.tenseAround(h.from, h.to); {
		case ok && tense > 0 && t.Before(p.ref):
			t, ok = validDate(t.Year()+1, mo, d)
		case ok && tense < 0 && t.After(p.ref):
			t, ok = validDate(t.Year()-1, mo, d)
		}
	}
	if !ok {
		return hit{}, false
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

// nearestYear picks the year that puts month/day closest to the reference date.
func (p *parser) nearestYear(mo, d int) (time.Time, bool) {
	var best time.Time
	found := false
	for y := p.ref.Year() - 1; y <= p.ref.Year()+1; y++ {
		t, ok := validDate(y, mo, d)
		if !ok {
			continue
		}
		if !found || absDays(t.Sub(p.ref)) < absDays(best.Sub(p.ref)) {
			best, found = t, true
		}
	}
	return best, found
}

func absDays(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
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
	if !ok || per.class != cPeriod || per.val == pWeekend || per.val == pQuarter || !p.near(i+2) || !strings.EqualFold(p.text(i+2), "ago") {
		return hit{}, false
	}
	h := hit{from: from, to: i + 3}
	r := p.ref
	switch per.val {
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
	if !p.yearCue(i-1) && !p.bareYear(i, y) || p.numGlued(i+1) && !p.is(i+1, "-") {
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
	if wi, _ := p.word(h.from); wi.class == cMod {
		return h, true
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

// countBefore are words after which four digits are a quantity or a number, not a year.
var countBefore = setOf(`approximately roughly nearly almost some least
most only just no number nos flight route room suite resolution article section chapter page pages
highway interstate model version code rule score scored rs inr usd eur gbp`)

// countAfter are units and measures after which four digits are a quantity or a time of day.
var countAfter = setOf(`gmt utc bst cet est edt pst hrs hours hour h km kilometres kilometers metres
meters miles feet ft kg tonnes tons mw gw kwh percent per yuan euro euros dollars pounds rupees yen
won pesos rand naira shillings francs square cubic acres hectares points votes bpd people men women
children staff police personnel cattle sheep fish pieces more`)

// yearNouns are plural nouns a year modifies as a date ("the 2016 elections", "2019 results").
var yearNouns = setOf(`elections olympics games results earnings figures accounts finals playoffs
championships primaries midterms polls rankings standings budgets forecasts accounts sales profits
accounts returns taxes statements reports awards nominations riots protests floods fires attacks
talks negotiations`)

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

// spokenDay is the day from which a relative day word at i counts: publication, except inside a
// quotation, which was spoken on the story's day, as a reader dates "today" in "'Today's hearing
// is over,' she said" (issue #19): the latest day read before it in the three days up to publication
// ("appeared on MSNBC on Tuesday … saying, 'last night …'").
func (p *parser) spokenDay(i int) time.Time {
	if p.storyDay.IsZero() || !p.inQuote(i) {
		return p.ref
	}
	return p.storyDay
}

// periodOnlyRel reports whether token k is a relative word that only counts periods ("the
// following year", "all month"), not days or months by name ("Following Monday's debate").
func (p *parser) periodOnlyRel(k int) bool {
	w := strings.ToLower(p.text(k))
	return w == "following" || w == "all"
}

// relativeDay reports whether the expression at i counts from the speaker's day ("yesterday",
// "last night"): it dates nothing a later quote could count from.
func (p *parser) relativeDay(i int) bool {
	wi, ok := p.word(i)
	if !ok {
		return false
	}
	if wi.class == cDayWord {
		return true
	}
	if wi.class == cRel && i+1 < len(p.t) {
		switch strings.ToLower(p.text(i + 1)) {
		case "night", "morning", "afternoon", "evening":
			return true
		}
	}
	return false
}

// clockBefore reports whether a clock time stands right before token i ("4:12 p.m. Sunday in New
// York"): such a day converts a time to another zone and is not the story's day.
func (p *parser) clockBefore(i int) bool {
	for k := i - 1; k >= max(0, i-4); k-- {
		if w := strings.ToLower(p.text(k)); w == "a" || w == "p" || w == "am" || w == "pm" {
			return k+1 < len(p.t) && (p.is(k+1, ".") || w == "am" || w == "pm")
		}
	}
	return false
}

// inQuote reports whether token i stands inside quotation marks opened earlier in its paragraph.
func (p *parser) inQuote(i int) bool {
	open := false
	for k := i - 1; k >= 0; k-- {
		switch p.text(k) {
		case "“":
			return true
		case "”":
			return false
		case "\"":
			open = !open
		}
		if p.t[k].brk {
			break
		}
	}
	return open
}

// atWord reads expressions that begin with a known word.
func (p *parser) atWord(i int, wi wordInfo) (hit, bool) {
	switch wi.class {
	case cMonth:
		return p.month(i, wi)
	case cWeekday:
		return p.weekday(i, wi)
	case cDayWord:
		if p.ref.IsZero() || p.inName(i) {
			return hit{}, false
		}
		return hit{from: i, to: i + 1, value: dayValue(p.spokenDay(i).AddDate(0, 0, wi.val)), grain: "day"}, true
	case cRel:
		return p.relative(i, wi.val)
	case cOrdinal:
		return p.ordinalPeriod(i, wi.val)
	case cNumWord:
		return p.ago(i, wi.val)
	}
	return hit{}, false
}

// month reads expressions that begin with a month name: "Oct. 23", "October 23, 2023",
// "Oct 20-23", "Oct 20 to 23", "Oct. 20 to Nov. 2", "October 2023", "October of last year",
// and, after a cue or a modifier, a bare month ("in January", "late January", "last March").
func (p *parser) month(i int, wi wordInfo) (hit, bool) {
	if !p.capitalised(i) {
		return hit{}, false
	}
	end := i + 1
	if wi.abbr && p.is(end, ".") && p.glued(end) {
		end++
	}
	from := i
	rel, hasRel := 0, false
	if r, ok := p.word(i - 1); ok && i > 0 && !p.t[i].brk && (r.class == cRel || r.class == cMod) && !p.periodOnlyRel(i-1) {
		from = i - 1
		if r.class == cRel {
			rel, hasRel = r.val, true
		}
	} else if p.is(i-1, "-") && p.glued(i) && i > 1 && strings.EqualFold(p.text(i-2), "mid") {
		from = i - 2
	}
	// Month day.
	if d, l := p.num(end); l >= 1 && l <= 2 && d >= 1 && d <= 31 && p.near(end) && (!p.numGlued(end+1) || p.dayRangeAt(end+1) || p.ordinalSuffix(end+1)) {
		k := end + 1
		if p.ordinalSuffix(k) {
			k++
		}
		mo2, d2 := wi.val, 0
		// Ranges: "Oct 20-23", "Oct 20 to 23", "Oct. 20 to Nov. 2", "between Oct 20 and 23".
		if (p.is(k, "-") || p.is(k, "–") || p.is(k, "to") || p.is(k, "through") || p.is(k, "and") && p.betweenBefore(from)) && p.near(k+1) {
			j := k + 1
			if m2, ok := p.word(j); ok && m2.class == cMonth && p.capitalised(j) {
				j++
				if m2.abbr && p.is(j, ".") && p.glued(j) {
					j++
				}
				if v, l := p.num(j); l >= 1 && l <= 2 && v <= 31 {
					mo2, d2, k = m2.val, v, j+1
				}
			} else if v, l := p.num(j); l >= 1 && l <= 2 && v > d && v <= 31 && !p.numGlued(j+1) {
				d2, k = v, j+1
			}
			if d2 != 0 && p.ordinalSuffix(k) {
				k++
			}
		}
		y, yEnd := p.yearAfter(k)
		h := hit{from: i, to: k, grain: "day"}
		if y != 0 {
			h.to = yEnd
		}
		return p.dayHit(h, y, wi.val, d, mo2, d2)
	}
	// Month year: "October 2023", "Oct. 2023", "October of 2023", "January of this year".
	if y, yEnd := p.yearAfter(end); y != 0 && !p.is(end, ",") {
		return p.monthHit(from, yEnd, y, wi.val)
	}
	if y, yEnd := p.ofYear(end); y != 0 {
		return p.monthHit(from, yEnd, y, wi.val)
	}
	// A bare month needs a cue or a modifier, and a full name: "in May", not "Jan".
	if wi.abbr || p.ref.IsZero() || from == i && !p.yearCue(i-1) {
		return hit{}, false
	}
	// "in April and May 2024", "between June and August 2023": the year written after the second
	// month is the first one's too.
	if k := end; p.near(k) && (p.is(k, "and") || p.is(k, "or") || p.is(k, "to") || p.is(k, "through") || p.is(k, "-") || p.is(k, "–")) {
		if m2, ok := p.word(k + 1); ok && m2.class == cMonth && !m2.abbr && p.capitalised(k+1) && p.near(k+1) {
			if y, _ := p.yearAfter(k + 2); y != 0 && !p.is(k+2, ",") {
				if m2.val < wi.val && (!p.is(k, "and") && !p.is(k, "or") || p.betweenBefore(from)) {
					y-- // "December to February 2024" starts the year before
				}
				return p.monthHit(from, end, y, wi.val)
			}
		}
	}
	y := p.ref.Year()
	pm := int(p.ref.Month())
	tense := p.tenseAround(from, end)
	switch {
	case hasRel && rel < 0:
		if wi.val >= pm {
			y--
		}
	case hasRel && rel > 0:
		if wi.val <= pm {
			y++
		}
	case hasRel:
	case tense > 0:
		if wi.val < pm {
			y++
		}
	case tense < 0:
		if wi.val > pm {
			y--
		}
	case wi.val-pm > 6:
		y--
	case pm-wi.val > 5:
		y++
	}
	return hit{from: from, to: end, value: monthValue(y, wi.val), grain: "month"}, true
}

func (p *parser) monthHit(from, to, y, mo int) (hit, bool) {
	return hit{from: from, to: to, value: monthValue(y, mo), grain: "month"}, true
}

// dayRangeAt reports whether a hyphen and a second day follow at k ("20-23").
func (p *parser) dayRangeAt(k int) bool {
	if !p.is(k, "-") && !p.is(k, "–") {
		return false
	}
	_, l := p.num(k + 1)
	return l >= 1 && l <= 2 && !p.numGlued(k+2)
}

func (p *parser) ordinalSuffix(k int) bool {
	if k >= len(p.t) || p.t[k].kind != kWord || !p.glued(k) {
		return false
	}
	switch strings.ToLower(p.text(k)) {
	case "st", "nd", "rd", "th":
		return true
	}
	return false
}

// betweenBefore reports whether "between" stands right before token from.
func (p *parser) betweenBefore(from int) bool {
	return from > 0 && strings.EqualFold(p.text(from-1), "between")
}

// weekday reads "Monday", "last Tuesday", "next Friday", "this Wednesday", and "Monday, Oct. 23"
// (the date decides).
func (p *parser) weekday(i int, wi wordInfo) (hit, bool) {
	if !p.capitalised(i) {
		return hit{}, false
	}
	// "Monday, Oct. 23, 2023": the explicit date wins, the span covers both.
	k := i + 1
	if p.is(k, ",") {
		k++
	}
	if p.near(k) {
		if mw, ok := p.word(k); ok && mw.class == cMonth {
			if h, ok := p.month(k, mw); ok && h.grain == "day" {
				h.from = i
				return p.matchWeekday(h, time.Weekday(wi.val)), true
			}
		}
		if d, l := p.num(k); l >= 1 && l <= 2 && d <= 31 {
			if h, ok := p.dayMonth(k, d); ok {
				h.from = i
				return p.matchWeekday(h, time.Weekday(wi.val)), true
			}
		}
	}
	if p.ref.IsZero() {
		return hit{}, false
	}
	from := i
	rel := 0
	hasRel := false
	if r, ok := p.word(i - 1); ok && i > 0 && r.class == cRel && !p.t[i].brk && !p.periodOnlyRel(i-1) {
		from, rel, hasRel = i-1, r.val, true
	}
	w := time.Weekday(wi.val)
	r := p.ref
	back := (int(r.Weekday()) - int(w) + 7) % 7
	fwd := (int(w) - int(r.Weekday()) + 7) % 7
	var t time.Time
	switch {
	case hasRel && rel < 0:
		if back == 0 {
			back = 7
		}
		t = r.AddDate(0, 0, -back)
	case hasRel && rel > 0:
		if fwd == 0 {
			fwd = 7
		}
		t = r.AddDate(0, 0, fwd)
	case hasRel:
		t = weekStart(r).AddDate(0, 0, (int(w)+6)%7)
	default:
		switch tense := p.tenseAround(i, i+1); {
		case tense > 0, tense == 0 && fwd < back:
			t = r.AddDate(0, 0, fwd)
		case tense < 0 && fwd == 1 && p.lateUTC:
			// "struck early on Monday" published on Sunday evening UTC: Monday is already the
			// publisher's own day, not a week before.
			t = r.AddDate(0, 0, 1)
		default:
			t = r.AddDate(0, 0, -back)
		}
	}
	return hit{from: from, to: i + 1, value: dayValue(t), grain: "day"}, true
}

// matchWeekday moves a day written without a year ("Saturday, May 18") to the year, within one of
// publication, whose date falls on the weekday written with it; a written year is kept.
func (p *parser) matchWeekday(h hit, w time.Weekday) hit {
	t, err := time.Parse(time.DateOnly, h.value)
	if err != nil || t.Weekday() == w || p.ref.IsZero() || p.t[h.to-1].kind == kNum && len(p.text(h.to-1)) == 4 {
		return h
	}
	for _, dy := range []int{-1, 1} {
		if c, ok := validDate(t.Year()+dy, int(t.Month()), t.Day()); ok && c.Weekday() == w && absDays(c.Sub(p.ref)) <= 400*24*time.Hour {
			h.value = dayValue(c)
			return h
		}
	}
	return h
}

// relative reads "this week", "last month", "next year", "last quarter", "this morning",
// "last night", "this weekend" at i (the month and weekday cases are read from their names).
func (p *parser) relative(i, rel int) (hit, bool) {
	if p.ref.IsZero() || !p.near(i+1) || i+1 >= len(p.t) || p.t[i+1].kind != kWord {
		return hit{}, false
	}
	r := p.ref
	nw := strings.ToLower(p.text(i + 1))
	switch nw {
	case "morning", "afternoon", "evening":
		if rel == 0 {
			return hit{from: i, to: i + 2, value: dayValue(p.spokenDay(i)), grain: "day"}, true
		}
		return hit{}, false
	case "night":
		if rel < 0 {
			return hit{from: i, to: i + 2, value: dayValue(p.spokenDay(i).AddDate(0, 0, -1)), grain: "day"}, true
		}
		return hit{}, false
	}
	per, ok := lookup(nw)
	if !ok || per.class != cPeriod || strings.HasSuffix(nw, "s") {
		return hit{}, false
	}
	h := hit{from: i, to: i + 2}
	lw := strings.ToLower(p.text(i))
	if lw == "following" || lw == "previous" && i > 0 && strings.EqualFold(p.text(i-1), "the") && p.lastYear != 0 && per.val == pYear {
		// "expanded the following year", "the previous year": counted from the year read before.
		if per.val != pYear || p.lastYear == 0 || i == 0 || !strings.EqualFold(p.text(i-1), "the") {
			return hit{}, false
		}
		h.from = i - 1
		h.value, h.grain = strconv.Itoa(p.lastYear+rel), "year"
		return h, true
	}
	if lw == "all" && per.val != pMonth && per.val != pYear && per.val != pWeek {
		return hit{}, false // "all month", "all year" are the current ones; "all day" no date
	}
	if per.val == pWeekend && rel == 0 && r.Weekday() != time.Saturday && r.Weekday() != time.Sunday && p.tenseAround(i, i+2) < 0 {
		// "took to the streets this weekend", said on a weekday: the weekend just past
		sat := weekStart(r).AddDate(0, 0, -2)
		h.value, h.grain = dayValue(sat)+"/"+dayValue(sat.AddDate(0, 0, 1)), "day"
		return h, true
	}
	switch per.val {
	case pDay:
		return hit{}, false
	case pWeek:
		h.value, h.grain = dayValue(weekStart(r).AddDate(0, 0, 7*rel)), "week"
	case pWeekend:
		sat := weekStart(r).AddDate(0, 0, 5+7*rel)
		if rel < 0 && r.Weekday() == time.Sunday || rel < 0 && r.Weekday() == time.Saturday {
			sat = sat.AddDate(0, 0, 7) // "last weekend" said on a Sunday is the one just ending
		}
		h.value, h.grain = dayValue(sat)+"/"+dayValue(sat.AddDate(0, 0, 1)), "day"
	case pMonth:
		h.value, h.grain = monthValue(r.Year(), int(r.Month())+rel), "month"
	case pQuarter:
		q := (int(r.Month())-1)/3 + rel
		y := r.Year()
		for q < 0 {
			q += 4
			y--
		}
		for q > 3 {
			q -= 4
			y++
		}
		h.value, h.grain = quarterValue(y, q+1), "quarter"
	default:
		h.value, h.grain = strconv.Itoa(r.Year()+rel), "year"
	}
	return h, true
}

// ordinalPeriod reads "third quarter [of] [2024]" and "first half [of] [2024]" at i.
func (p *parser) ordinalPeriod(i, n int) (hit, bool) {
	if !p.near(i + 1) {
		return hit{}, false
	}
	if p.is(i+1, "-") && p.glued(i+1) && p.glued(i+2) && i+2 < len(p.t) && strings.EqualFold(p.text(i+2), "quarter") {
		i++ // "third-quarter profit": the span starts at the ordinal, one token back
		h, ok := p.ordinalPeriod(i, n)
		h.from = i - 1
		return h, ok
	}
	w := strings.ToLower(p.text(i + 1))
	half := w == "half"
	if w != "quarter" && !half || half && n > 2 {
		return hit{}, false
	}
	h := hit{from: i, to: i + 2}
	y, end := p.yearAfter(i + 2)
	if y == 0 {
		y, end = p.ofYear(i + 2)
	}
	if y != 0 {
		h.to = end
	} else if p.is(i+2, "of") && p.near(i+3) {
		if yy, l := p.num(i + 3); l == 4 && plausibleYear(yy) {
			y, h.to = yy, i+4
		}
	}
	if y == 0 {
		if p.ref.IsZero() {
			return hit{}, false
		}
		y = p.periodYear(i, n, half)
	}
	if half {
		h.value, h.grain = halfValue(y, n), "half"
	} else {
		h.value, h.grain = quarterValue(y, n), "quarter"
	}
	return h, true
}

// periodYear gives a quarter or half without a year the publication year, or the year before
// when that period has not begun yet and the clause does not speak of the future ("profit rose in
// the fourth quarter", said in January).
func (p *parser) periodYear(i, n int, half bool) int {
	cur := (int(p.ref.Month())-1)/3 + 1
	if half {
		cur = (int(p.ref.Month())-1)/6 + 1
	}
	if n > cur && p.tense(i) <= 0 {
		return p.ref.Year() - 1
	}
	return p.ref.Year()
}

// quarterCode reads "Q3 2024", "Q3", "H1 2024" at i.
func (p *parser) quarterCode(i int) (hit, bool) {
	n, l := p.num(i + 1)
	if l != 1 || !p.glued(i+1) || n < 1 || n > 4 || p.text(i) == "H" && n > 2 {
		return hit{}, false
	}
	if i+2 < len(p.t) && p.glued(i+2) && p.t[i+2].kind != kPunct {
		return hit{}, false
	}
	h := hit{from: i, to: i + 2}
	y, end := p.yearAfter(i + 2)
	if y != 0 && !p.is(i+2, ",") {
		h.to = end
	} else {
		y = 0
		if yy, l := p.num(i + 3); p.is(i+2, "'") && l == 2 {
			y, h.to = 2000+yy, i+4
		}
	}
	// "from Q2 to Q4 2024": the first end shares the second's year.
	if k := i + 2; y == 0 && (p.is(k, "to") || p.is(k, "-") || p.is(k, "and")) && p.is(k+1, p.text(i)) && p.glued(k+2) {
		if _, l := p.num(k + 2); l == 1 {
			y, _ = p.yearAfter(k + 3)
		}
	}
	if y == 0 {
		if p.ref.IsZero() {
			return hit{}, false
		}
		y = p.periodYear(i, n, p.text(i) == "H")
	}
	if p.text(i) == "H" {
		h.value, h.grain = halfValue(y, n), "half"
	} else {
		h.value, h.grain = quarterValue(y, n), "quarter"
	}
	return h, true
}

// tense reads the clause before token i: +1 when it speaks of the future ("will", "would begin to
// lapse on", "is due to", "expected to", "plans to", "next"), -1 when of the past ("said", "rose",
// "was"), 0 when it cannot tell. The cue nearest the date governs, as the verb nearest a date is
// the one it modifies: "has said that several programs would begin to lapse on Jan. 1" looks
// ahead (reported future), "will be held on Monday after talks collapsed on Friday" looks back for
// Friday. A past form right after an auxiliary ("would be published", "will be held", "is
// expected") is a participle, not a tense: the auxiliary further back decides.
func (p *parser) tense(i int) int {
	if i > 0 && p.t[i-1].kind == kWord {
		switch strings.ToLower(p.text(i - 1)) {
		case "until", "till", "by":
			return 1 // "postponed until March" looks ahead whatever the verb
		case "since":
			return -1
		}
	}
	start := int(p.t[i].start)
	before := p.s[max(0, start-120):start]
	before = before[sentenceStart(before):]
	// A comma stops the scan unless the clause after it is coordinated and elliptical: "The flood
	// struck in January, and a second one in December" takes the tense of the clause before, but
	// "held every May since 1913, opens on May 21" and "won 48% of the vote, forcing a runoff on
	// May 28" do not.
	ws := strings.Fields(strings.ToLower(before))
	for k := len(ws) - 1; k >= 0; k-- {
		if raw := ws[k]; (strings.HasSuffix(raw, ",") || raw == ",") && k+1 < len(ws) {
			switch trimWord(ws[k+1]) {
			case "and", "but", "or", "then", "yet":
			default:
				return 0
			}
			if raw == "," {
				continue
			}
		}
		w := trimWord(ws[k])
		next, prev := "", ""
		if k+1 < len(ws) {
			next = trimWord(ws[k+1])
		}
		if k > 0 {
			prev = trimWord(ws[k-1])
		}
		if t := cueTense(prev, w, next); t != 0 {
			return t
		}
	}
	return 0
}

// tenseAround is the tense of the clause before the expression [from, to), else of the words after
// it in its sentence ("But in May, when the agency tapped…", "on Thursday in a speech accused…").
// Verbs of saying after it are skipped: they date the report, not the event ("… on Monday, officials
// said").
func (p *parser) tenseAround(from, to int) int {
	if t := p.tense(from); t != 0 {
		return t
	}
	if to >= len(p.t) {
		return 0
	}
	start := int(p.t[to-1].end)
	after := p.s[start:min(len(p.s), start+120)]
	stops := "!?\n;\"“”"
	if p.inQuote(from) {
		stops = "!?\n;" // the quote closes on its frame: "'…Monday's debate is small,' wrote Easley"
	} else if k := strings.Index(after, "''"); k >= 0 {
		after = after[:k]
	}
	if k := strings.IndexAny(after, stops); k >= 0 {
		after = after[:k] // a quotation opened after the date holds its own time
	}
	if k := strings.Index(after, ". "); k >= 0 {
		after = after[:k]
	}
	ws := strings.Fields(strings.ToLower(after))
	for k := range ws {
		w := trimWord(ws[k])
		if epistemicModals[w] {
			continue // "Monday's debate might not move mountains": a guess, not a time
		}
		if w == "and" || w == "but" || w == "while" || w == "whereas" {
			return 0 // a verb of the next clause says nothing of this date
		}
		if sayWords[w] {
			// "on Wednesday announced a plan", "on Saturday, said it would…": the report is past,
			// and what follows it is what was said
			if pastSay[w] {
				return -1
			}
			return 0
		}
		prev, next := "", ""
		if k > 0 {
			prev = trimWord(ws[k-1])
		}
		if k+1 < len(ws) {
			next = trimWord(ws[k+1])
		}
		if t := cueTense(prev, w, next); t != 0 {
			return t
		}
	}
	return 0
}

// sayWords report speech: after a date they date the report, not what the date belongs to.
var sayWords = setOf(`said says told tells added adds according announced noted`)

// epistemicModals after a date say how likely, not when.
var epistemicModals = setOf(`might may could would should must`)

// pastSay are the past forms among sayWords.
var pastSay = setOf(`said told added announced noted`)

// abbreviationBefore reports whether the stop at s[k] ends an initial or a title ("Michael M.
// Grynbaum", "Mr. Obama") rather than a sentence.
func abbreviationBefore(s string, k int) bool {
	j := k
	for j > 0 && (s[j-1] >= 'A' && s[j-1] <= 'Z' || s[j-1] >= 'a' && s[j-1] <= 'z') {
		j--
	}
	w := s[j:k]
	if j > 0 && s[j-1] != ' ' && s[j-1] != '(' {
		return false
	}
	return len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' || titleAbbreviations[w]
}

var titleAbbreviations = setOf(`Mr Mrs Ms Dr St Gen Sen Rep Gov Lt Col Jr Sr Prof No Inc Corp Co Ltd Sgt Capt Rev`)

// sentenceStart is the offset in s after its last sentence end: a stop, "!" or "?" followed by a
// space and a capital (so "the E.U. by the end" and "p.m. on" run on), a line break or ";".
func sentenceStart(s string) int {
	for k := len(s) - 1; k >= 0; k-- {
		switch s[k] {
		case '\n', ';':
			return k + 1
		case '.', '!', '?':
			if s[k] == '.' && abbreviationBefore(s, k) {
				continue
			}
			j := k + 1
			for j < len(s) && (s[j] == ' ' || s[j] == '"' || s[j] == '\'') {
				j++
			}
			if j == len(s) || j < len(s) && (s[j] >= 'A' && s[j] <= 'Z' || s[j] >= 0x80) {
				return k + 1
			}
		}
	}
	return 0
}

func trimWord(w string) string { return strings.Trim(w, `"'“”‘(),:`) }

// cueTense is the tense word w says, read with its neighbours: +1, -1 or 0 (no cue).
func cueTense(prev, w, next string) int {
	switch {
	case w == "due":
		// "is due to open", "due in March"; not "cancelled due to rain" (because of)
		if next != "to" || auxiliaries[prev] || prev == "was" || prev == "were" {
			return 1
		}
		return 0
	case futureWords[w]:
		if (w == "would" || w == "might") && next == "have" {
			return -1 // "would have begun": a past seen from the past
		}
		return 1
	case strings.HasSuffix(w, "'ll") || strings.HasSuffix(w, "’ll") || w == "won't" || w == "won’t":
		return 1
	case futureBeforeTo[w] && (next == "to" || w == "set" && next == "for"):
		return 1 // "plans to", "set for", "is to", "going to"
	case scheduleWords[w] || (w == "takes" || w == "take") && next == "effect" || (w == "comes" || w == "come") && next == "into":
		return 1 // the present of a timetable: "the World Cup begins in June", "takes effect in June"
	}
	past := pastWords[w] || len(w) >= 5 && strings.HasSuffix(w, "ed") && !notPast[w]
	if past && auxiliaries[prev] {
		return 0 // a participle: "would be published", "will be held", "has been delayed"
	}
	if past {
		return -1
	}
	return 0
}

// futureWords look ahead wherever they stand; futureBeforeTo only before "to" ("set" also before
// "for").
var futureWords = setOf(`will shall would might upcoming next scheduled expected planned
forthcoming`)

var futureBeforeTo = setOf(`plans plan planning intends intend aims aim set is are going hopes expects expect expecting
hope seeks seek prepares prepare poised`)

// scheduleWords are present-tense verbs of a timetable, which news uses for what is still to come.
var scheduleWords = setOf(`begins starts opens resumes expires kicks launches reopens`)

// auxiliaries make a following past form a participle whose tense lies further back.
var auxiliaries = setOf(`be been being is are am get gets`)

var pastWords = setOf(`was were had has did said told met held took made won lost came went saw left
broke ran sold bought paid led gave found spent brought kept became began rose fell grew hit struck
sank slid fought caught taught wrote spoke stood sent built felt knew thought got drew drove flew
chose beat froze stole shot wore tore threw blew fled quit ago earlier`)

var notPast = setOf(`united limited indeed speed proceed exceed succeed embed hundred breed based
related detailed advanced scheduled expected planned`)

func setOf(list string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(list) {
		m[w] = true
	}
	return m
}
