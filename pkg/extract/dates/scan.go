package dates

import (
	"strconv"
	"strings"
	"time"

	"github.com/newsmon/newsmon/pkg/text"
)

// Scanning: the word table, the parser's state over one text's tokens, and the loop that tries the
// grammar only where a token can start a date (numbers.go, words.go, holidays.go read each kind;
// resolve.go and tense.go place what they read against the reference date).

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
	prev     hit  // the latest expression read, from which "a year earlier" counts; to 0 none
	// lead is the first expression read in the sentence of prev, a period longer than a week when
	// there is one: the period a sentence of results reports on, which its "year-ago period" is
	// compared with.
	lead hit
	// written is the latest day whose year the text wrote ("7 March 2003"), or carried on from one:
	// a story of the past goes on in that year (numbers.go, narrativeYear).
	written time.Time
	days    []time.Time // the days written with their year, in text order (repeatedDay)
	// storyDay is the latest day read in the three days up to publication ("on Tuesday"): the day a
	// quote was most likely spoken, from which its "today" and "last night" count.
	storyDay time.Time
	// lateUTC says the publication time is known and past noon UTC, when the publisher's own day
	// may already be the next one (an Asian morning).
	lateUTC bool
	lang    *language // the article's language's tables (languages.go); nil reads English
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
	if p.lang != nil {
		return p.scanLang()
	}
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
		if ok && h.grain == "quarter" && p.fiscalQuarter(h) {
			i = h.to // "the third quarter ended January 31": a fiscal quarter, no calendar one
			continue
		}
		if ok && h.grain == "day" {
			h = p.weekEnded(h)
		}
		if ok {
			out = append(out, h)
			p.remember(h)
			i = h.to
			continue
		}
		i++
	}
	return out
}

// fiscalQuarter reports whether the quarter h is said to end in a month other than its calendar
// end ("the third quarter ended January 31", "its first quarter ending in June"): a company's
// fiscal quarter, which no calendar quarter names. "The first quarter ended March 31" is Q1.
func (p *parser) fiscalQuarter(h hit) bool {
	k := h.to
	if !p.near(k) || !(p.is(k, "ended") || p.is(k, "ending") || p.is(k, "ends")) {
		return false
	}
	k++
	if p.is(k, "in") || p.is(k, "on") {
		k++
	}
	mw, ok := p.word(k)
	if !ok || mw.class != cMonth || !p.near(k) {
		return false
	}
	q := int(h.value[len(h.value)-1] - '0')
	return mw.val != 3*q
}

// weekEnded widens the day h to the week it ends when "the week ended" or "the week ending"
// stands before it ("stocks fell in the week ended March 13"): the seven days up to that day, the
// period the statistics cover, not the day alone.
func (p *parser) weekEnded(h hit) hit {
	k := h.from
	if k < 2 || len(h.value) != 10 || p.t[k].brk || p.t[k-1].brk {
		return h
	}
	if w := strings.ToLower(p.text(k - 1)); w != "ended" && w != "ending" {
		return h
	}
	from, n := k-2, 1
	switch w := strings.ToLower(p.text(k - 2)); {
	case w == "week":
	case w == "weeks" && k >= 3 && p.near(k-2):
		// "the four weeks ended March 20"
		if c, ok := p.word(k - 3); ok && c.class == cNumWord && c.val >= 2 && c.val <= 12 {
			from, n = k-3, c.val
		} else if v, l := p.num(k - 3); l >= 1 && l <= 2 && v >= 2 && v <= 52 {
			from, n = k-3, v
		} else {
			return h
		}
	default:
		return h
	}
	end, err := time.Parse(time.DateOnly, h.value)
	if err != nil {
		return h
	}
	return hit{from: from, to: h.to, value: dayValue(end.AddDate(0, 0, 1-7*n)) + "/" + h.value, grain: "day"}
}

// sameSentence reports whether no sentence ends between the token before to and the token from.
func (p *parser) sameSentence(to, from int) bool {
	between := p.s[p.t[to-1].end:p.t[from].start]
	return sentenceStart(between) == 0 && !strings.ContainsAny(between, "\n;")
}

// remember keeps what later expressions count from: the story's day and the latest year read.
func (p *parser) remember(h hit) {
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
	if p.prev.to == 0 || !p.sameSentence(p.prev.to, h.from) || (p.lead.grain == "day" || p.lead.grain == "week") && h.grain != "day" && h.grain != "week" {
		p.lead = h // a dateline's day opens the lead's sentence, but is no period reported on
	}
	p.prev = h
}

func setOf(list string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(list) {
		m[w] = true
	}
	return m
}
