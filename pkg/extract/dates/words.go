package dates

import (
	"strconv"
	"strings"
	"time"

	"github.com/newsmon/newsmon/pkg/extract/wordclass"
)

// Expressions that begin with a word: month names, weekdays, relative words ("last week"), ordinal
// periods ("the first half of 2024") and quarter codes ("Q3 2024").

// periodOnlyRel reports whether token k is a relative word that only counts periods ("the
// following year", "all month"), not days or months by name ("Following Monday's debate").
func (p *parser) periodOnlyRel(k int) bool {
	w := strings.ToLower(p.text(k))
	return w == "following" || w == "all"
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
	case cPeriod:
		if wi.val == pWeekend {
			return p.theWeekend(i)
		}
		if wi.val == pYear {
			return p.yearAgoPeriod(i)
		}
	}
	return hit{}, false
}

// yearAgoPeriod reads "the year-ago quarter", "the year ago period", "the year-earlier month" at i
// (on "year"): the period read just before it, a year back, as a reader of results compares
// ("earned 9.7 mln dlrs in the first quarter, against 7.4 mln in the year-ago quarter"). A
// quarter or a month needs one of its kind before it, a period any span longer than a week;
// without one it is no date.
func (p *parser) yearAgoPeriod(i int) (hit, bool) {
	k := i + 1
	if p.is(k, "-") && p.glued(k) && p.glued(k+1) {
		k++
	}
	if !p.near(k) || !strings.EqualFold(p.text(k), "ago") && !strings.EqualFold(p.text(k), "earlier") || !p.near(k+1) {
		return hit{}, false
	}
	noun := strings.ToLower(p.text(k + 1))
	fits := func(a hit) bool {
		if a.to == 0 || a.to > i || strings.Contains(a.value, "/") {
			return false
		}
		switch noun {
		case "quarter", "qtr":
			return a.grain == "quarter"
		case "month":
			return a.grain == "month"
		case "period":
			return a.grain != "day" && a.grain != "week"
		}
		return false
	}
	// The sentence's first period is the one it reports on ("in January were 34,663 tonnes, down
	// from 41,365 in December but above 13,375 in the year ago month": January a year back), else
	// the latest one read before it.
	a := p.lead
	if !fits(a) || !p.sameSentence(a.to, i) {
		a = p.prev
		if !fits(a) || int(p.t[i].start)-int(p.t[a.to-1].end) > 400 {
			return hit{}, false
		}
	}
	back := 1
	for k := a.from; k < a.to; k++ {
		switch strings.ToLower(p.text(k)) {
		case "ago", "earlier", "previous", "prior":
			back = 0 // a period already a year back ("a year ago", "the previous year") is the one named
		}
	}
	v, ok := shiftPeriod(a, pYear, back)
	if !ok {
		return hit{}, false
	}
	return hit{from: i, to: k + 2, value: v, grain: a.grain}, true
}

// theWeekend reads "the weekend" at i (on "weekend") after a preposition ("over the weekend",
// "during the weekend"): the weekend just past when the clause speaks of the past or says
// nothing early in the week, the coming one when it speaks of the future or late in the week.
func (p *parser) theWeekend(i int) (hit, bool) {
	if p.ref.IsZero() || i < 2 || !strings.EqualFold(p.text(i-1), "the") || !p.near(i) || !p.near(i-1) ||
		!weekendPrepositions[strings.ToLower(p.text(i-2))] || p.is(i+1, "'") || p.is(i+1, "’") {
		return hit{}, false // "the weekend's papers" names no weekend
	}
	h := hit{from: i - 1, to: i + 1}
	wd := p.ref.Weekday()
	rel := 0 // the weekend of publication's week
	switch tense := p.tenseAround(h.from, h.to); {
	case tense < 0, tense == 0 && wd >= time.Monday && wd <= time.Wednesday:
		rel = -1 // periodHit's last weekend is the one ending on a Saturday or Sunday publication
	case wd == time.Sunday:
		rel = 1 // the coming weekend, seen from a Sunday, is next week's
	}
	if rel < 0 && wd == time.Saturday {
		rel = 0 // "played at the weekend", written on a Saturday: the one under way
	}
	return p.periodHit(h, pWeekend, rel)
}

// weekendPrepositions put "the weekend" in time.
var weekendPrepositions = setOf(`over during at on through throughout across until till by for since after before`)

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
		return p.monthDay(i, end, from, d, wi)
	}
	// Month year: "October 2023", "Oct. 2023", "October of 2023", "January of this year".
	if y, yEnd := p.yearAfter(end); y != 0 && (!p.is(end, ",") || p.bareYear(yEnd-1, y)) {
		// "October 2023"; "April, 1986" as wires write it, but not "In May, 2000 people marched"
		return p.monthHit(from, yEnd, y, wi.val)
	}
	if y, yEnd := p.ofYear(end); y != 0 {
		return p.monthHit(from, yEnd, y, wi.val)
	}
	// A bare month needs a cue, a modifier or a noun it dates, and a full name: "in May", "the
	// February figures", not "Jan".
	if wi.abbr || p.ref.IsZero() {
		return hit{}, false
	}
	if h, ok := p.monthNumberWord(from, end, wi); ok {
		return h, true
	}
	if h, ok := p.monthPair(from, end, wi); ok {
		return h, true
	}
	if wi.val%3 == 0 && p.near(end) && (p.is(end, "quarter") || p.is(end, "qtr")) {
		// "the December quarter", "in the June quarter": the calendar quarter that month ends,
		// as Australian and New Zealand statistics name them
		y := p.bareMonthYear(wi.val, rel, hasRel, from, end+1)
		if pm := int(p.ref.Month()); !hasRel && y > p.ref.Year() && pm >= wi.val && pm-wi.val < 3 {
			y = p.ref.Year() // "the March quarter will show", in April: its figures lie ahead, not it
		}
		return partHit(hit{from: from, to: end + 1}, y, wi.val/3, false)
	}
	attributive := false
	if from == i && !p.yearCue(i-1) {
		at, ok := p.attributiveMonth(i, end, wi)
		if !ok {
			return hit{}, false
		}
		from, attributive = at, true
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
	return p.bareMonth(from, end, wi.val, rel, hasRel, attributive), true
}

// bareMonth is the month mo without a year over [from, end), in the year its relative word, its
// range's end, its delivery noun or its clause's tense gives.
func (p *parser) bareMonth(from, end, mo, rel int, hasRel, attributive bool) hit {
	y := p.bareMonthYear(mo, rel, hasRel, from, end)
	if y2, ok := p.rangeEndYear(from, end, mo, hasRel); ok {
		y = y2
	}
	switch pm := int(p.ref.Month()); {
	case !hasRel && p.deliveryAfter(end):
		// "July soybeans", "the June contract", "for December delivery": a market's delivery
		// month, which is never past
		y = p.ref.Year()
		if mo < pm {
			y++
		}
	case attributive && (y-p.ref.Year())*12+mo-pm >= 10 && (y-p.ref.Year())*12+mo-pm <= 11:
		// "the February figure is likely to be revised", written in March, "December sales are
		// forecast to rise", written in January: the future is the noun's (a release, a
		// revision), and the month the one or two just past
		y--
	}
	return hit{from: from, to: end, value: monthValue(y, mo), grain: "month"}
}

// rangeEndYear is the year of a bare month that opens a range of months without a year ("between
// July and September", "from March to May"): the range's end is read with the verb of the clause,
// which follows it, and the start is the same year or, when the range crosses New Year, the year
// before it.
func (p *parser) rangeEndYear(from, end, mo int, hasRel bool) (int, bool) {
	k := end
	if hasRel || !p.near(k) || !p.near(k+1) {
		return 0, false
	}
	if !(p.is(k, "to") || p.is(k, "through") || p.is(k, "-") || p.is(k, "–") || p.is(k, "and") && p.betweenBefore(from)) {
		return 0, false
	}
	m2, ok := p.word(k + 1)
	if !ok || m2.class != cMonth || m2.abbr || !p.capitalised(k+1) {
		return 0, false
	}
	y := p.bareMonthYear(m2.val, 0, false, k+1, k+2)
	if m2.val < mo {
		y--
	}
	return y, true
}

// monthPair reads two full month names joined by a slash, a hyphen or a dash without spaces, a period of
// statistics or a shipment window ("the October/December quarter", "the April-June quarter",
// "for May/June shipment"), as the range of its months. Its year is read at its end, as for a
// range of bare months.
func (p *parser) monthPair(from, end int, wi wordInfo) (hit, bool) {
	k := end
	if !p.glued(k) || !(p.is(k, "/") || p.is(k, "-") || p.is(k, "–")) || !p.glued(k+1) {
		return hit{}, false
	}
	m2, ok := p.word(k + 1)
	if !ok || m2.class != cMonth || m2.abbr || !p.capitalised(k+1) || m2.val == wi.val {
		return hit{}, false
	}
	y2, to := p.yearAfter(k + 2)
	if y2 == 0 || p.is(k+2, ",") {
		h, _ := p.month(k+1, m2) // the end alone, read as a bare month with its own cues
		if h.grain != "month" {
			y2 = p.bareMonthYear(m2.val, 0, false, k+1, k+2)
		} else {
			y2, _ = strconv.Atoi(h.value[:4])
		}
		to = k + 2
	}
	y1 := y2
	if m2.val < wi.val {
		y1--
		if sy, ok := p.splitYearBefore(from); ok {
			y1, y2 = sy, sy+1 // "fiscal 1987/88 (April-March)": the split year's months
		}
	}
	return hit{from: from, to: to, value: monthValue(y1, wi.val) + "/" + monthValue(y2, m2.val), grain: "month"}, true
}

// splitYearBefore returns the first year of a split year ("1987/1988") read just before from,
// with at most an opening bracket between them.
func (p *parser) splitYearBefore(from int) (int, bool) {
	if p.prev.to == 0 || p.prev.grain != "year" || from-p.prev.to > 1 || len(p.prev.value) != 9 {
		return 0, false
	}
	if from-p.prev.to == 1 && !p.is(from-1, "(") {
		return 0, false
	}
	y, err := strconv.Atoi(p.prev.value[:4])
	if err != nil || p.prev.value[5:] != strconv.Itoa(y+1) {
		return 0, false
	}
	return y, true
}

// deliveryNouns are what a month names the delivery of in market copy: contracts and the
// commodities and currencies traded for future delivery.
var deliveryNouns = setOf(`contract contracts futures delivery deliveries shipment shipments
soybeans soybean soymeal soyoil corn wheat oats barley cotton cocoa coffee sugar crude heating
gasoline cattle hogs bellies copper silver platinum mark yen sterling eurodollars eurodollar
t-bonds t-bills gilts`)

// statisticNouns are the delivery nouns that also count a month's trade: followed by their own
// verb they date a statistic, not a delivery.
var statisticNouns = setOf(`shipments deliveries`)

// marketVerbs say a delivery was dealt in, not counted.
var marketVerbs = setOf(`traded sold bought quoted offered dealt`)

// deliveryModifiers name what kind of contract follows them: "June share price index futures",
// "April live cattle".
var deliveryModifiers = setOf(`share price index stock live feeder frozen pork world raw white light
sweet treasury bond`)

// deliveryAfter reports whether the month ending before token end names a delivery: its noun
// right after it or after the words that name the contract ("June share price index futures").
func (p *parser) deliveryAfter(end int) bool {
	for k := end; k < end+5 && p.near(k) && p.t[k].kind == kWord; k++ {
		w := strings.ToLower(p.text(k))
		if statisticNouns[w] && p.near(k+1) && p.t[k+1].kind == kWord {
			// "February shipments were 677 mln dlrs": a month's statistic, its verb right after
			// it, not a delivery window ("for March shipment", "June shipments of palm olein
			// traded at 335 dlrs")
			if next := strings.ToLower(p.text(k + 1)); verbAfterNoun(next) && !marketVerbs[next] {
				return false
			}
		}
		if deliveryNouns[w] {
			return true
		}
		if !deliveryModifiers[w] {
			return false
		}
	}
	return false
}

// monthNumberWord reads a day written as a word after a month name: "on March eight", "holders of
// record April six,". The word must end its phrase or stand before a conjunction or preposition
// that opens the next ("expire April one unless extended", "appear April six to defend"), so that
// "in March two years ago" stays a month; "May" needs a cue before it ("May one ask").
func (p *parser) monthNumberWord(from, end int, wi wordInfo) (hit, bool) {
	nw, ok := p.word(end)
	if !ok || nw.class != cNumWord || nw.val > 31 || p.is(end, "a") || p.is(end, "an") || !p.near(end) {
		return hit{}, false
	}
	if end+1 < len(p.t) && p.t[end+1].kind != kPunct && !p.t[end+1].brk && !(p.t[end+1].kind == kWord && dayWordFollowers[strings.ToLower(p.text(end+1))]) {
		return hit{}, false
	}
	if p.glued(end+1) && (p.is(end+1, "-") || p.is(end+1, "–")) {
		return hit{}, false // "the February three-month average": a count of the next noun
	}
	if wi.val == 5 && !p.yearCue(from-1) {
		return hit{}, false
	}
	return p.dayHit(hit{from: from, to: end + 1, grain: "day"}, 0, wi.val, nw.val, wi.val, 0)
}

// monthDay reads the day after a month name at i ("Oct 20", "Oct. 20, 2023") and the range it
// may start ("Oct 20-23", "Oct. 20 to Nov. 2"); end is the token after the month, d the day there.
func (p *parser) monthDay(i, end, from, d int, wi wordInfo) (hit, bool) {
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
	if y == 0 {
		y, yEnd = p.relYear(k) // "June 5 last year"
	}
	h := hit{from: i, to: k, grain: "day"}
	if y != 0 {
		h.to = yEnd
	} else if mo2 == wi.val && d2 == 0 {
		if fy := p.yearEndingOn(from); fy != 0 {
			// "fiscal 1988, ending January 31": the year is the fiscal year's, not one the text
			// wrote with the day, so later days do not carry it on
			written, n := p.written, len(p.days)
			h, ok := p.dayHit(h, fy, wi.val, d, mo2, d2)
			p.written, p.days = written, p.days[:n]
			return h, ok
		}
	}
	return p.dayHit(h, y, wi.val, d, mo2, d2)
}

// dayWordFollowers may follow a day written as a word.
var dayWordFollowers = setOf(`to from unless until and or when if at`)

// yearEndingOn is the year a day without its own year at from closes when "ending" or "ended"
// ties it to the year read just before ("fiscal 1988, ending January 31", "1986/87 ended June
// 30"): a fiscal year is named by the year it ends in, and a split year ends in its second. It is 0
// without one.
func (p *parser) yearEndingOn(from int) int {
	k := from - 1
	if p.is(k, "on") {
		k--
	}
	if !p.is(k, "ending") && !p.is(k, "ended") {
		return 0
	}
	k--
	if p.is(k, ",") {
		k--
	}
	if p.prev.to != k+1 || p.prev.grain != "year" {
		return 0
	}
	v := p.prev.value
	if len(v) == 9 && v[4] == '/' {
		v = v[5:]
	}
	y, err := strconv.Atoi(v)
	if err != nil || len(v) != 4 {
		return 0
	}
	return y
}

// bareMonthYear is the year of a bare month mo ("in May") read over tokens [from, end): the one
// a relative word points to ("last May"), else the one the tense points to, else the nearest.
func (p *parser) bareMonthYear(mo, rel int, hasRel bool, from, end int) int {
	y := p.ref.Year()
	pm := int(p.ref.Month())
	tense := p.tenseAround(from, end)
	switch {
	case hasRel && rel < 0:
		if mo >= pm {
			y--
		}
	case hasRel && rel > 0:
		if mo <= pm {
			y++
		}
	case hasRel:
	case tense > 0:
		if mo < pm {
			y++
		}
	case tense < 0:
		// As for a day (dayHit), a past verb does not send the next month a year back: "orders
		// placed for November transactions", published in October; "struck in December" does,
		// and so does "in" before the next month: "Talks collapsed in February", in January.
		if mo > pm+1 || mo > pm && p.pastIn(from) {
			y--
		}
	case mo-pm > 6:
		y--
	}
	return y
}

// pastIn reports whether "in" or "during" opens the bare month at from, and no word of a period's
// bounds governs it ("fiscal 1987 beginning in April"): then a past verb puts the month a year back.
func (p *parser) pastIn(from int) bool {
	if from < 1 || !strings.EqualFold(p.text(from-1), "in") && !strings.EqualFold(p.text(from-1), "during") {
		return false
	}
	return from < 2 || !periodBounds[strings.ToLower(p.text(from-2))]
}

var periodBounds = setOf(`beginning starting ending begins starts ends due scheduled`)

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
	if p.ref.IsZero() || p.weekdayInName(i) {
		return hit{}, false
	}
	if i > 0 && !p.t[i].brk {
		if h, ok := p.sameDay(i, time.Weekday(wi.val)); ok {
			return h, true
		}
	}
	from := i
	rel := 0
	hasRel := false
	if r, ok := p.word(i - 1); ok && i > 0 && r.class == cRel && !p.t[i].brk && !p.periodOnlyRel(i-1) {
		from, rel, hasRel = i-1, r.val, true
		if p.countedFromAfter(from, i) {
			return hit{}, false
		}
	}
	t := p.weekdayDate(time.Weekday(wi.val), rel, hasRel, i, i+1)
	return hit{from: from, to: i + 1, value: dayValue(t), grain: "day"}, true
}

// countedFromAfter reports whether "the last Saturday" at [from, i] counts from the date after it
// ("the last Saturday before Christmas", "the last Friday of the month"), not from publication: a
// day this reader does not resolve, rather than the week before.
func (p *parser) countedFromAfter(from, i int) bool {
	return from > 0 && strings.EqualFold(p.text(from-1), "the") && p.near(i+1) &&
		(p.is(i+1, "before") || p.is(i+1, "of") || p.is(i+1, "in") || p.is(i+1, "after"))
}

// weekdayDate resolves weekday w written over tokens [from, to), after a relative word rel if
// hasRel: the last one (rel < 0), the next one (rel > 0), this week's (rel 0), else the one the
// clause's tense points to, else the nearest.
func (p *parser) weekdayDate(w time.Weekday, rel int, hasRel bool, from, to int) time.Time {
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
		switch tense := p.tenseAround(from, to); {
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
	return t
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
	lw := strings.ToLower(p.text(i))
	if lw == "last" && (nw == "half" || nw == "quarter") && p.is(i+2, "of") {
		// "the last half of 1989", "the last quarter of this year": its final part, not the one before now
		if y, end := p.ofYear(i + 2); y != 0 {
			if nw == "half" {
				return partHit(hit{from: i, to: end}, y, 2, true)
			}
			return partHit(hit{from: i, to: end}, y, 4, false)
		}
	}
	per, ok := lookup(nw)
	if !ok || per.class != cPeriod || strings.HasSuffix(nw, "s") {
		return hit{}, false
	}
	h := hit{from: i, to: i + 2}
	if lw == "following" || lw == "previous" && i > 0 && strings.EqualFold(p.text(i-1), "the") && p.lastYear != 0 && per.val == pYear {
		// "expanded the following year", "the previous year": counted from the year read before.
		if per.val != pYear || p.lastYear == 0 || i == 0 || !strings.EqualFold(p.text(i-1), "the") {
			return hit{}, false
		}
		h.from = i - 1
		h.value, h.grain = strconv.Itoa(p.lastYear+rel), "year"
		if y, ok := p.splitYearBefore(p.prev.to); ok {
			// after "1986/87", "the previous year" is the split year before it
			h.value = strconv.Itoa(y+rel) + "/" + strconv.Itoa(y+rel+1)
		}
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
	h, ok = p.periodHit(h, per.val, rel)
	if per.val == pYear {
		if part, ok := p.partAfter(h, r.Year()+rel); ok {
			return part, true // "next year's first quarter"
		}
	}
	return h, ok
}

// periodHit is the period per (pWeek …) counted rel from publication over h's tokens: "last
// month", "la semana pasada", "明年".
func (p *parser) periodHit(h hit, per, rel int) (hit, bool) {
	r := p.ref
	switch per {
	case pDay:
		return hit{}, false
	case pWeek:
		h.value, h.grain = dayValue(weekStart(r).AddDate(0, 0, 7*rel)), "week"
	case pWeekend:
		sat := weekStart(r).AddDate(0, 0, 5+7*rel)
		if rel < 0 && r.Weekday() == time.Sunday {
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

// ordinalPeriod reads "third quarter [of] [2024]", "first half [of] [2024]" and "third-quarter"
// at i; "the year-ago third quarter" is the one a year before the quarter the clause points to.
func (p *parser) ordinalPeriod(i, n int) (hit, bool) {
	return p.ordinalPeriodFrom(i, i, n)
}

// ordinalPeriodFrom is ordinalPeriod for an ordinal over tokens [i, last]: a word ("third") or
// digits and their suffix ("3rd", as wires write "3rd qtr").
func (p *parser) ordinalPeriodFrom(i, last, n int) (hit, bool) {
	half, j, ok := p.partWordAfter(last, n)
	if !ok {
		return hit{}, false
	}
	h := hit{from: i, to: j}
	y, end := p.yearAfter(j)
	if y == 0 {
		y, end = p.ofYear(j)
	}
	if y != 0 {
		h.to = end
	} else if p.is(j, "of") && p.near(j+1) {
		if yy, l := p.num(j + 1); l == 4 && plausibleYear(yy) {
			y, h.to = yy, j+2
		}
	}
	if y == 0 {
		if p.ref.IsZero() || p.partOfOther(i, j, half) {
			return hit{}, false
		}
		y = p.periodYear(i, n, half)
		if from := p.yearAgoBefore(i); from >= 0 {
			h.from, y = from, y-1
		}
	}
	return partHit(h, y, n, half)
}

// partWordAfter reads the "quarter" or "half" the ordinal n at i governs ("third quarter",
// "third-quarter"): whether it is a half, and the token after it.
func (p *parser) partWordAfter(i, n int) (half bool, end int, ok bool) {
	j := i + 1
	if p.is(j, "-") && p.glued(j) && p.glued(j+1) && j+1 < len(p.t) && strings.EqualFold(p.text(j+1), "quarter") {
		j++
	}
	if !p.near(j) {
		return false, 0, false
	}
	w := strings.ToLower(p.text(j))
	half = w == "half"
	if w != "quarter" && w != "qtr" && !half || half && n > 2 {
		return false, 0, false
	}
	return half, j + 1, true
}

// yearAgoBefore is the first token of "year-ago", "year-earlier" or "prior-year" right before
// token i, or -1.
func (p *parser) yearAgoBefore(i int) int {
	if i < 3 || !p.is(i-2, "-") || !p.glued(i-2) || !p.glued(i-1) || !p.near(i-3) {
		return -1
	}
	a, b := strings.ToLower(p.text(i-3)), strings.ToLower(p.text(i-1))
	if a == "year" && (b == "ago" || b == "earlier") || a == "prior" && b == "year" {
		return i - 3
	}
	return -1
}

// partAfter reads the quarter or half a year owns right after it, h being the year's hit and y
// its value: "the 1988 third quarter", "next year's first quarter", "last year's second half".
func (p *parser) partAfter(h hit, y int) (hit, bool) {
	k := h.to
	if (p.is(k, "'") || p.is(k, "’")) && p.glued(k) && p.is(k+1, "s") && p.glued(k+1) {
		k += 2
	}
	n, last, ok := p.ordinalAt(k)
	if !ok || !p.near(k) {
		return hit{}, false
	}
	half, end, ok := p.partWordAfter(last, n)
	if !ok {
		return hit{}, false
	}
	return partHit(hit{from: h.from, to: end}, y, n, half)
}

// ordinalAt reads an ordinal of a quarter or half at k, a word ("third") or digits with their
// suffix glued ("3rd", "4th"), and returns its value and last token.
func (p *parser) ordinalAt(k int) (n, last int, ok bool) {
	if wi, found := p.word(k); found && wi.class == cOrdinal {
		return wi.val, k, true
	}
	if v, l := p.num(k); l == 1 && v >= 1 && v <= 4 && p.ordinalSuffix(k+1) {
		return v, k + 1, true
	}
	return 0, 0, false
}

// partHit is h valued as the nth half (half) or quarter of year y.
func partHit(h hit, y, n int, half bool) (hit, bool) {
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
	if n > cur && p.tense(i) <= 0 && (!p.forecastBefore(i) || p.reportAfter(i)) && !p.futureAfterPart(i) {
		return p.ref.Year() - 1
	}
	return p.ref.Year()
}

// futureAfterPart reports whether the quarter or half at i is the subject of a future verb right
// after it ("the third quarter will be in better balance", "the second half should see"),
// English only: a period that lies ahead whatever the sentence said before it.
func (p *parser) futureAfterPart(i int) bool {
	if p.lang != nil {
		return false
	}
	k := i + 1
	for k < len(p.t) && k < i+4 && p.near(k) && !p.is(k, "quarter") && !p.is(k, "qtr") && !p.is(k, "half") {
		k++
	}
	k++
	if k >= len(p.t) || !p.near(k) || p.t[k].kind != kWord {
		return false
	}
	switch strings.ToLower(p.text(k)) {
	case "will", "should", "would", "could", "might", "may":
		return true
	}
	return false
}

// forecastBefore reports whether the sentence before token i looks ahead anywhere — a future or
// modal word, or a forecast ("Arvin forecast 85 cts a share in the second quarter", "would earn
// seven cts in the first quarter … and eight cts in the second quarter", "the outlook for the
// second half"): a later part of the year is then this year's, not last year's, whatever past
// verb of a comparison stands nearer.
func (p *parser) forecastBefore(i int) bool {
	start := int(p.t[i].start)
	before := p.s[max(0, start-300):start]
	before = before[sentenceStart(before):]
	for _, w := range strings.Fields(strings.ToLower(before)) {
		w = trimWord(w)
		if futureWords[w] || forecastWords[w] {
			return true
		}
	}
	return false
}

// reportAfter reports whether a report on the period follows the part at i ("a third quarter
// statement", "second-half results"): a period reported on is over, whatever is forecast.
func (p *parser) reportAfter(i int) bool {
	for k := i + 1; k < len(p.t) && k < i+5 && p.near(k); k++ {
		if p.t[k].kind == kWord && reportNouns[strings.ToLower(p.text(k))] {
			return true
		}
	}
	return false
}

var reportNouns = setOf(`statement statements results report reports figures accounts`)

// forecastWords look at a period ahead.
var forecastWords = setOf(`forecast forecasts forecasting predicts predicted projects projected
estimates estimated expects outlook will would`)

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
	return partHit(h, y, n, p.text(i) == "H")
}

// attributiveMonth reports whether the full month name at i, with no cue before it, dates the noun
// after it or its own possessive ("February sales rose", "the March figure", "January's record
// rate", "at end-February") and returns where the expression starts. A capitalised word before it
// in mid-sentence makes it part of a name ("Theresa May's cabinet"), as does a word after it that is
// no noun ("June said", "May will"). "May" (a name and a modal verb as well) and "March" (a noun
// and a verb) need a determiner or an adjective before them ("a May interview", "weak March
// sales") unless a delivery follows ("buying March soybeans"), and "May" no possessive.
func (p *parser) attributiveMonth(i, end int, wi wordInfo) (int, bool) {
	if i > 1 && p.is(i-1, "-") && p.glued(i) && strings.EqualFold(p.text(i-2), "end") {
		return i - 2, true // "end-February", as "mid-February"
	}
	if !p.near(end) || p.t[end].kind != kWord && !p.apostrophe(end) {
		return 0, false
	}
	isMay := wi.val == 5
	ambiguous := isMay || wi.val == 3 // a name and a modal, a noun and a verb
	if i > 0 && !p.t[i].brk {
		prev := strings.ToLower(p.text(i - 1))
		if p.t[i-1].kind == kWord && p.capitalised(i-1) && !p.sentenceInitial(i-1) && !determiners[prev] {
			return 0, false
		}
		if ambiguous && !determiners[prev] && wordclass.Speaker(prev) != 'a' && !deliveryNouns[strings.ToLower(p.text(end))] {
			return 0, false // "and March organisers", "said May officials"
		}
	} else if ambiguous {
		return 0, false
	}
	if p.apostrophe(end) {
		return i, !isMay && p.glued(end) && p.glued(end+1) && p.is(end+1, "s")
	}
	w := p.text(end)
	if nw, ok := p.word(end); ok && nw.class == cNumWord {
		return 0, false // "January nineteen ninety-seven": a year in words, not a noun
	}
	if p.capitalised(end) || notMonthNoun[w] || !wordclass.Of(w).Known() {
		return 0, false
	}
	return i, true
}

// apostrophe reports whether token k is an apostrophe.
func (p *parser) apostrophe(k int) bool { return p.is(k, "'") || p.is(k, "’") }

// sentenceInitial reports whether token k opens its sentence or line.
func (p *parser) sentenceInitial(k int) bool {
	return k == 0 || p.t[k].brk || p.is(k-1, ".") || p.is(k-1, "!") || p.is(k-1, "?") || p.is(k-1, `"`) || p.is(k-1, "“")
}

// notMonthNoun are verbs and auxiliaries the noun list also holds, after which a month name is a
// person's ("June will", "April does").
var notMonthNoun = setOf(`will can must might may shall should would could does do did has have had
is are was were be am says said tells told asks asked`)

// weekdayInName reports whether the weekday at i opens a name after "the": "the Sunday Times",
// "The Sunday Express". A date there would be written "the Sunday before" or "the Sunday after".
func (p *parser) weekdayInName(i int) bool {
	if p.newspaperName(i) || p.nameEndsInWeekday(i) {
		return true
	}
	if i == 0 || !strings.EqualFold(p.text(i-1), "the") || !p.near(i+1) || p.t[i+1].kind != kWord || !p.capitalised(i+1) {
		return false
	}
	_, dateWord := p.word(i + 1)
	return !dateWord
}

// nameEndsInWeekday reports whether the weekday at i ends a name that begins with the capitalised
// word before it — a club ("Sheffield Wednesday"), a surname ("Mike Friday") — which the words
// after it show: a role in a team ("Sheffield Wednesday manager"), a possessive of a name ("Mike
// Friday's England side") or the other side of a match ("Sheffield Wednesday v Arsenal", "between
// Sheffield Wednesday and Arsenal"). A wire's "told Reuters Monday that" is a date.
func (p *parser) nameEndsInWeekday(i int) bool {
	if i < 2 || !p.t[i].space || p.t[i].brk || p.t[i-1].kind != kWord || !p.capitalised(i-1) || p.t[i-1].brk {
		return false
	}
	if _, dateWord := p.word(i - 1); dateWord || nameOpeners[strings.ToLower(p.text(i-1))] || p.t[i-2].kind != kWord {
		return false // "Last Monday", "Good Friday", a sentence's first word after its stop
	}
	k := i + 1
	if !p.near(k) || p.t[k].kind != kWord && !p.apostrophe(k) {
		return false
	}
	w := strings.ToLower(p.text(k))
	switch {
	case teamRoles[w]:
		return true
	case p.apostrophe(k) && p.is(k+1, "s") && p.near(k+2):
		return p.t[k+2].kind == kWord && p.capitalised(k+2) && !p.isDateWord(k+2)
	case w == "v" || w == "vs" || w == "and" && strings.EqualFold(p.text(i-2), "between"):
		j := k + 1
		if p.is(j, ".") {
			j++
		}
		return p.near(j) && p.t[j].kind == kWord && p.capitalised(j) && !p.isDateWord(j)
	}
	return false
}

// isDateWord reports whether token k is a month, weekday or other word of the date grammar.
func (p *parser) isDateWord(k int) bool {
	_, ok := p.word(k)
	return ok
}

// nameOpeners are capitalised words that open a sentence or a date before a weekday, not a name.
var nameOpeners = setOf(`on by in at from until till since before after early late each every
good black ash easter palm super cyber holy maundy shrove bloody the a and but said`)

// teamRoles after a name say it is a team's or a person's, not a day.
var teamRoles = setOf(`manager boss striker midfielder defender goalkeeper keeper side team player
players fans supporters chairman coach captain winger forward squad`)

// newspaperName reports whether "Sunday" at i is part of a Sunday paper's title, with or without
// "the": "Sunday Telegraph journalist", "the Mail on Sunday survey", "Scotland on Sunday". Other
// days' "The Times on Saturday wrote" and "told the Post on Thursday" are dates.
func (p *parser) newspaperName(i int) bool {
	if !strings.EqualFold(p.text(i), "Sunday") {
		return false
	}
	if p.near(i+1) && p.t[i+1].kind == kWord && newspaperHeads[p.text(i+1)] {
		return true
	}
	return i >= 2 && p.is(i-1, "on") && !p.t[i-1].brk && sundayTitles[p.text(i-2)]
}

// sameDayPrepositions put "that Wednesday" in time: "on that Wednesday", "by that Friday".
var sameDayPrepositions = setOf(`on by until till from before after since for at of`)

// newspaperHeads name a newspaper after "Sunday"; sundayTitles before "on Sunday".
var newspaperHeads = setOf(`Times Telegraph Mirror Express Herald Post Mail Independent Tribune Observer
Sport People Star Journal Standard Business Mercury Age`)

var sundayTitles = setOf(`Mail Independent Scotland`)

// sameDay reads "that Wednesday", "the same Friday": the weekday of the day read just before it,
// which the text points back to ("on 16 March … on that Wednesday"). It is that day when the
// weekday matches.
func (p *parser) sameDay(i int, w time.Weekday) (hit, bool) {
	from := i - 1
	if p.is(i-1, "same") && i > 1 && strings.EqualFold(p.text(i-2), "the") {
		from = i - 2
	} else if !strings.EqualFold(p.text(i-1), "that") || i < 2 || !sameDayPrepositions[strings.ToLower(p.text(i-2))] {
		return hit{}, false // "said that Saturday had been…": "that" opens a clause
	}
	if p.prev.to == 0 || p.prev.grain != "day" || len(p.prev.value) != 10 {
		return hit{}, false
	}
	t, err := time.Parse(time.DateOnly, p.prev.value)
	if err != nil || t.Weekday() != w {
		return hit{}, false
	}
	return hit{from: from, to: i + 1, value: p.prev.value, grain: "day"}, true
}

// partOfOther reports whether the part over [i, j) ("second half", "first quarter") divides
// something other than a year: a unit after it ("the first half hour"), another period or thing
// after "of" ("the first half of March", "the second half of the statement period"; "of the year"
// and "of the current financial year" are kept), or a match, when the words around it speak of
// play ("failed to score in the second half").
func (p *parser) partOfOther(i, j int, half bool) bool {
	if p.near(j) && p.t[j].kind == kWord {
		w := strings.ToLower(p.text(j))
		if partUnits[w] {
			return true
		}
		if w == "of" {
			k := j + 1
			for k < len(p.t) && k < j+5 && yearQualifiers[strings.ToLower(p.text(k))] {
				k++
			}
			// "for the third quarter of $226 million", "of 8.6 pct": a sum, not a whole
			return k < len(p.t) && p.t[k].kind == kWord && !strings.EqualFold(p.text(k), "year")
		}
	}
	if !half {
		return false
	}
	start, end := int(p.t[i].start), int(p.t[j-1].end)
	around := strings.ToLower(p.s[max(0, start-250):min(len(p.s), end+100)])
	for _, w := range strings.Fields(around) {
		w = strings.Trim(w, `.,;:!?"'“”()`)
		if matchWords[w] || score(w) {
			return true
		}
	}
	return false
}

// score reports whether w is a match's score ("2-0", "24-18").
func score(w string) bool {
	k := strings.IndexByte(w, '-')
	return k > 0 && k <= 2 && len(w)-k-1 >= 1 && len(w)-k-1 <= 2 && allDigits(w[:k]) && allDigits(w[k+1:])
}

func allDigits(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return w != ""
}

// partUnits are what an ordinal part divides when they follow it, other than a year.
var partUnits = setOf(`hour hours minute minutes mile miles century inning innings`)

// yearQualifiers may stand between "of" and "year": "of the current financial year".
var yearQualifiers = setOf(`the this that its their our current financial fiscal calendar next last
same coming previous`)

// matchWords speak of a game's play, whose halves are no half-years.
var matchWords = setOf(`half-time halftime minute minutes goal goals scored score scoring match
penalty penalties kick-off whistle striker tally touchdown tries referee offside fly-half attack attacking
defended defending defence replacement substitute substitutes tackle tackles lineout scrum winger
midfielder defender goalkeeper keeper free-kick free-kicks corner corners`)
