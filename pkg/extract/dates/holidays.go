package dates

import (
	"strings"
	"time"

	"github.com/newsmon/newsmon/pkg/text"
)

// A holiday named in the text ("Black Friday", "Labor Day", "Christmas Eve") is a day a reader
// dates without being told: fixed ones by their month and day, the others by their rule (US
// Thanksgiving is the fourth Thursday of November, Black Friday the day after, Cyber Monday the
// Monday after; Easter by the Gregorian computus). The year is the one written after the name
// ("Black Friday 2019"), else the occurrence the clause's tense points to, else the nearest one to
// publication. Names are matched capitalised, so "black friday" in a lower-case list is left alone.
// Holidays whose day differs from country to country (Independence Day, Mother's Day) are not in
// the table.

// holiday is one named day: its words after the first, and the rule that gives its date in a year.
type holiday struct {
	rest []string // the following words, lower-case; "'s" is written as "s" after an apostrophe
	day  func(y int) time.Time
}

// holidays is keyed by the lower-case first word.
var holidays = buildHolidays()

func buildHolidays() map[string][]holiday {
	fixed := func(mo, d int) func(int) time.Time {
		return func(y int) time.Time { return civil(y, mo, d) }
	}
	thanksgiving := func(y int) time.Time { return nthWeekday(y, 11, time.Thursday, 4) }
	after := func(f func(int) time.Time, days int) func(int) time.Time {
		return func(y int) time.Time { return f(y).AddDate(0, 0, days) }
	}
	m := map[string][]holiday{}
	add := func(name string, day func(int) time.Time) {
		ws := strings.Fields(strings.ToLower(name))
		m[ws[0]] = append(m[ws[0]], holiday{rest: ws[1:], day: day})
	}
	// Longer names first, so that "Christmas Eve" wins over "Christmas".
	add("Thanksgiving Day", thanksgiving)
	add("Thanksgiving", thanksgiving)
	add("Black Friday", after(thanksgiving, 1))
	add("Small Business Saturday", after(thanksgiving, 2))
	add("Cyber Monday", after(thanksgiving, 4))
	add("Giving Tuesday", after(thanksgiving, 5))
	add("GivingTuesday", after(thanksgiving, 5))
	add("Labor Day", func(y int) time.Time { return nthWeekday(y, 9, time.Monday, 1) })
	add("Memorial Day", func(y int) time.Time { return lastWeekday(y, 5, time.Monday) })
	add("Presidents ' Day", func(y int) time.Time { return nthWeekday(y, 2, time.Monday, 3) })
	add("Presidents Day", func(y int) time.Time { return nthWeekday(y, 2, time.Monday, 3) })
	add("Columbus Day", func(y int) time.Time { return nthWeekday(y, 10, time.Monday, 2) })
	add("Martin Luther King Jr . Day", func(y int) time.Time { return nthWeekday(y, 1, time.Monday, 3) })
	add("Martin Luther King Day", func(y int) time.Time { return nthWeekday(y, 1, time.Monday, 3) })
	add("Election Day", func(y int) time.Time { return nthWeekday(y, 11, time.Monday, 1).AddDate(0, 0, 1) })
	add("Veterans Day", fixed(11, 11))
	add("Veterans ' Day", fixed(11, 11))
	add("Singles ' Day", fixed(11, 11))
	add("Singles Day", fixed(11, 11))
	add("Christmas Eve", fixed(12, 24))
	add("Christmas Day", fixed(12, 25))
	add("Christmas", fixed(12, 25))
	add("Boxing Day", fixed(12, 26))
	add("New Year ' s Eve", fixed(12, 31))
	add("New Year ' s Day", fixed(1, 1))
	add("Halloween", fixed(10, 31))
	add("Valentine ' s Day", fixed(2, 14))
	add("Good Friday", after(easter, -2))
	add("Easter Sunday", easter)
	add("Easter Monday", after(easter, 1))
	add("Easter", easter)
	return m
}

// nthWeekday is the n-th weekday w of month mo in year y.
func nthWeekday(y, mo int, w time.Weekday, n int) time.Time {
	first := civil(y, mo, 1)
	off := (int(w) - int(first.Weekday()) + 7) % 7
	return first.AddDate(0, 0, off+7*(n-1))
}

// lastWeekday is the last weekday w of month mo in year y.
func lastWeekday(y, mo int, w time.Weekday) time.Time {
	last := civil(y, mo+1, 0)
	return last.AddDate(0, 0, -((int(last.Weekday()) - int(w) + 7) % 7))
}

// easter is Easter Sunday of year y (anonymous Gregorian computus).
func easter(y int) time.Time {
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	mo := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return civil(y, mo, day)
}

// holidayAt reads a holiday's name starting at the capitalised word i.
func (p *parser) holidayAt(i int) (hit, bool) {
	hs, ok := text.LookupLower(holidays, p.text(i))
	if !ok {
		return hit{}, false
	}
	for _, h := range hs {
		end, ok := p.wordsAt(i+1, h.rest)
		if !ok {
			continue
		}
		if p.near(end) && end < len(p.t) && p.t[end].kind == kWord && p.capitalised(end) {
			return hit{}, false // a name that holds the holiday: "Easter Island", "Christmas Island"
		}
		out := hit{from: i, to: end, grain: "day"}
		y, yEnd := p.yearAfter(end)
		if y != 0 && !p.is(end, ",") {
			out.to = yEnd
			out.value = dayValue(h.day(y))
			return out, true
		}
		if p.ref.IsZero() {
			return hit{}, false
		}
		r := p.ref
		prev, this, next := h.day(r.Year()-1), h.day(r.Year()), h.day(r.Year()+1)
		var t time.Time
		switch tense := p.tense(i); {
		case tense > 0:
			t = this
			if t.Before(r) {
				t = next
			}
		case tense < 0:
			t = this
			if t.After(r) {
				t = prev
			}
		default:
			t = prev
			for _, c := range []time.Time{this, next} {
				if absDays(c.Sub(r)) < absDays(t.Sub(r)) {
					t = c
				}
			}
		}
		out.value = dayValue(t)
		return out, true
	}
	return hit{}, false
}

// wordsAt matches the lower-case words ws at token k onwards, each capitalised and on the same
// line ("'" matches either apostrophe, glued); it returns the index after the last.
func (p *parser) wordsAt(k int, ws []string) (int, bool) {
	for _, w := range ws {
		if k >= len(p.t) || !p.near(k) {
			return 0, false
		}
		t := p.text(k)
		switch {
		case w == "'":
			if (t != "'" && t != "’") || !p.glued(k) {
				return 0, false
			}
		case w == "s":
			if !strings.EqualFold(t, w) {
				return 0, false
			}
		case w == ".":
			if t != "." {
				return 0, false
			}
		default:
			if !strings.EqualFold(t, w) || !p.capitalised(k) {
				return 0, false
			}
		}
		k++
	}
	return k, true
}
