package dates

import (
	"strings"
	"time"
)

// A wire's dateline ("LONDON, Oct 20 - ", "MADISON, N.J., March 12 (Reuters) - ") fixes the day the
// story was filed: a reader counts its "today", "yesterday" and "on Monday" from that day, not from
// a publication or fetch date that may lie days or months away (a re-published or archived wire).

// datelineDay reads a dated dateline opening the text: a place of a few words on the first line
// ("LITTLE ROCK, Ark.,", "New York,"), a comma, a month and a day, then a dash, an agency allowed
// before it. It returns the day in the year nearest to ref, without
// the tense rules (a dateline is the story's own day, whatever its verbs say).
func (p *parser) datelineDay() (time.Time, bool) {
	if len(p.t) < 5 || p.t[0].kind != kWord {
		return time.Time{}, false
	}
	for k := 1; k < len(p.t) && k < 14 && !p.t[k].brk; k++ {
		wi, ok := p.word(k)
		if !ok || wi.class != cMonth || !p.is(k-1, ",") {
			continue // wires write the place in capitals or not, the month too ("Bogota, march 4 -")
		}
		j := k + 1
		if p.is(j, ".") && p.glued(j) {
			j++
		}
		d, l := p.num(j)
		if l < 1 || l > 2 || !p.near(j) || !p.datelineDash(j+1) {
			return time.Time{}, false
		}
		t, ok := p.nearestYear(wi.val, d)
		if ok && absDays(t.Sub(p.ref)) > farDateline {
			t = p.writtenYear(t)
		}
		return t, ok
	}
	return time.Time{}, false
}

// farDateline is how far from publication a dateline's day may lie before the publication date
// is taken for no more than a guess at the story's time: a wire is published within days of its
// dateline.
const farDateline = 120 * 24 * time.Hour

// writtenYear moves the dateline day t, read in the year nearest to a publication date months away
// from it, to the year on the other side of publication when the text writes that year more often
// than t's own ("results for the third quarter of 1987" under "Oct 19", published as "March
// 1987"): far from its dateline, a publication date says less of the story's year than the years
// the story names. A year further still from publication is never taken.
func (p *parser) writtenYear(t time.Time) time.Time {
	y, alt := t.Year(), t.Year()+1
	if t.After(p.ref) {
		alt = y - 1
	}
	own, other := 0, 0
	for i := range p.t {
		if v, l := p.num(i); l == 4 && (v == y || v == alt) && !p.numGlued(i+1) && (i == 0 || !p.numGlued(i)) {
			if v == y {
				own++
			} else {
				other++
			}
		}
	}
	if other <= own {
		return t
	}
	if u, ok := validDate(alt, int(t.Month()), t.Day()); ok {
		return u
	}
	return t
}

// datelineDash reports whether the dash that ends a dateline stands at k, after an optional
// agency in brackets or after a comma ("(Reuters) -", ", Reuter -").
func (p *parser) datelineDash(k int) bool {
	if p.is(k, ",") && k+1 < len(p.t) && p.t[k+1].kind == kWord && strings.HasPrefix(p.text(k+1), "Reuter") {
		k += 2
	}
	if p.is(k, "(") {
		for j := k + 1; j < len(p.t) && j < k+5 && !p.t[j].brk; j++ {
			if p.is(j, ")") {
				k = j + 1
				break
			}
		}
	}
	if !p.near(k) {
		return false
	}
	switch p.text(k) {
	case "-", "–", "—":
		return true
	}
	return false
}
