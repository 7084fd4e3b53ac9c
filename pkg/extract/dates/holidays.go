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
	nth := func(mo int, w time.Weekday, n int) func(int) time.Time {
		return func(y int) time.Time { return nthWeekday(y, mo, w, n) }
	}
	m := map[string][]holiday{}
	add := func(day func(int) time.Time, names ...string) {
		for _, name := range names {
			ws := strings.Fields(strings.ToLower(name))
			m[ws[0]] = append(m[ws[0]], holiday{rest: ws[1:], day: day})
		}
	}
	// Longer names first, so that "Christmas Eve" wins over "Christmas".
	add(thanksgiving, "Thanksgiving Day", "Thanksgiving")
	add(after(thanksgiving, 1), "Black Friday")
	add(after(thanksgiving, 2), "Small Business Saturday")
	add(after(thanksgiving, 4), "Cyber Monday")
	add(after(thanksgiving, 5), "Giving Tuesday", "GivingTuesday")
	add(nth(9, time.Monday, 1), "Labor Day")
	add(func(y int) time.Time { return lastWeekday(y, 5, time.Monday) }, "Memorial Day")
	add(nth(2, time.Monday, 3), "Presidents ' Day", "Presidents Day")
	add(nth(10, time.Monday, 2), "Columbus Day")
	add(nth(1, time.Monday, 3), "Martin Luther King Jr . Day", "Martin Luther King Day")
	add(after(nth(11, time.Monday, 1), 1), "Election Day")
	add(fixed(11, 11), "Veterans Day", "Veterans ' Day", "Singles ' Day", "Singles Day")
	add(fixed(12, 24), "Christmas Eve")
	add(fixed(12, 25), "Christmas Day", "Christmas")
	add(fixed(12, 26), "Boxing Day")
	add(fixed(12, 31), "New Year ' s Eve")
	add(fixed(1, 1), "New Year ' s Day")
	add(fixed(10, 31), "Halloween")
	add(fixed(2, 14), "Valentine ' s Day")
	add(after(easter, -2), "Good Friday")
	add(easter, "Easter Sunday")
	add(after(easter, 1), "Easter Monday")
	add(easter, "Easter")
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
// holidayFigures name a figure, not a day, before a holiday's name.
var holidayFigures = setOf(`Father`)

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
		if i > 0 && !p.t[i].brk && holidayFigures[p.text(i-1)] {
			return hit{}, false // a figure named after the holiday: "Father Christmas", "the Easter Bunny"
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
