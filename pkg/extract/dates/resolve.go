package dates

import (
	"strconv"
	"strings"
	"time"
)

// Resolving against the reference date: ISO values and calendar arithmetic, the year nearest to
// publication, the year a weekday fits, and the day a quotation was spoken (from which its "today"
// counts).

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
