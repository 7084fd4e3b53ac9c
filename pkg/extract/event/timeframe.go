package event

import (
	"strconv"
	"strings"
	"time"

	"github.com/newsmon/newsmon/pkg/article"
)

// BackgroundAge is how long before an article's publication an event must have ended to be
// background: recalled in passing ("Meetup, which it acquired in 2017" in a 2019 story, "a speech at
// the convention in July" in late September), not news of the story. A month keeps last week's and
// last month's events as the story's own. pkg/alert uses the same window for dated events.
const BackgroundAge = 31 * 24 * time.Hour

// pastEditionWords before a nominal trigger name an earlier occurrence ("the last general election",
// "the previous summit").
var pastEditionWords = words(`last previous prior former`)

// markBackground sets Background on the events of evs that a reader takes as recalled rather than
// reported: dated (by their own date, never the article's) to before the time frame, with an
// earlier edition's adjective ("the last election"), or with a decade after the trigger in its
// clause ("first declared … in the 1970s"). Undated events stay the story's: nothing says otherwise;
// economic reports too, whose date is the period they cover.
func (d *doc) markBackground(evs []article.Event) {
	ref := d.a.Fetched
	if d.a.Published != nil {
		ref = *d.a.Published
	}
	if ref.IsZero() {
		return
	}
	frameStart := ref.Add(-BackgroundAge)
	for i := range evs {
		ev := &evs[i]
		if ev.Type == TypeEconomic {
			continue // a report on a past period ("revenue for 2025") is news when it is released
		}
		if ev.Type == TypeElection && d.comingElection(ev, ref) {
			ev.Date = strconv.Itoa(ref.Year()) + ev.Date[4:] // "win the general election in November", said in March
		}
		if ev.Date != "" && d.doneTrigger(ev) && startsAfter(ev.Date, ref) {
			ev.Date, ev.DateEnd = "", "" // "has agreed to commentate at next year's Wimbledon": the date is another event's
		}
		if ev.Date != "" {
			switch {
			case !endedBefore(ev.Date, ev.DateEnd, frameStart):
			case d.futureTrigger(ev):
				ev.Date, ev.DateEnd = "", "" // the past date is another event's: this one is still to come
			default:
				ev.Background = true
			}
			continue
		}
		if ev.Trigger == nil {
			continue
		}
		t := d.tokenAt(ev.Trigger.Start)
		if t < 0 {
			continue
		}
		if d.pastEdition(t) || d.decadeAfter(t, frameStart) {
			ev.Background = true
		}
	}
}

// endedBefore reports whether a date value (with an optional last value) ends before t. Values
// that do not parse are never background.
func endedBefore(date, dateEnd string, t time.Time) bool {
	last := date
	if dateEnd != "" {
		last = dateEnd
	} else if _, b, ok := strings.Cut(date, "/"); ok {
		last = b
	}
	// Most values are a year, month or day: read them by hand, as this runs for every dated event.
	if len(last) >= 4 && isYear(last[:4]) {
		y := atoi2(last[:4])
		switch {
		case y < t.Year():
			return true
		case y > t.Year():
			return false
		case len(last) == 7 && last[4] == '-' && allDigits(last[5:7]):
			return time.Date(y, time.Month(atoi2(last[5:7]))+1, 1, 0, 0, 0, 0, time.UTC).Before(t)
		case len(last) == 10 && last[4] == '-' && last[7] == '-' && allDigits(last[5:7]) && allDigits(last[8:]):
			return time.Date(y, time.Month(atoi2(last[5:7])), atoi2(last[8:10])+1, 0, 0, 0, 0, time.UTC).Before(t)
		}
	}
	_, end, err := article.DateInterval(last)
	return err == nil && end.Before(t)
}

// tokenAt returns the token starting at code point rs, -1 if none.
func (d *doc) tokenAt(rs int) int {
	bs := d.idx.Byte(rs)
	lo, hi := 0, len(d.toks)
	for lo < hi {
		m := (lo + hi) / 2
		if d.toks[m].Start < bs {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(d.toks) && d.toks[lo].Start == bs {
		return lo
	}
	return -1
}

// pastEdition reports "the last election", "the previous general election": an earlier-edition
// adjective right before the trigger or one modifier before it, not "last week's meeting" (a
// date the dates extractor reads).
func (d *doc) pastEdition(t int) bool {
	s := d.sents[d.tokSent[t]]
	for j := t - 1; j >= s.start && j >= t-2; j-- {
		w := d.w(j)
		if pastEditionWords[w] {
			return d.dateAt[j] < 0
		}
		if d.v.clauseBreaks[w] || isDigitToken(w) || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") ||
			oneOf(w, "the", "a", "an", "of", "in", "on", "at", "'", "’") {
			return false
		}
	}
	return false
}

// decadeAfter reports a decade ("in the 1970s") after the trigger in its clause that ended before
// frameStart: the dates extractor leaves decades alone, but they date the event all the same.
func (d *doc) decadeAfter(t int, frameStart time.Time) bool {
	s := d.sents[d.tokSent[t]]
	for j := t + 1; j < s.end && j <= t+10; j++ {
		w := d.w(j)
		if w == ";" || w == "." {
			return false
		}
		if len(w) == 5 && w[4] == 's' && w[3] == '0' && isYear(w[:4]) {
			return atoi2(w[:4])+10 <= frameStart.Year()
		}
	}
	return false
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// futureTrigger reports an event announced with "will", "is due to", "next" before its trigger
// ("will host a follow-up meeting … next year"): a past date beside it belongs to another event of
// the sentence ("hosted the conference in November 2025"), not to one still to come, which keeps
// no date rather than a wrong one.
func (d *doc) futureTrigger(ev *article.Event) bool {
	if ev.Trigger == nil {
		return false
	}
	t := d.tokenAt(ev.Trigger.Start)
	return t >= 0 && d.future(int(d.tokSent[t]), t)
}

// doneTrigger reports an event told as done: its trigger a verb in the past ("agreed", "met",
// "was announced", "has signed"), not after "will", "to", "be" or a modal ("will be announced",
// "due to be agreed").
func (d *doc) doneTrigger(ev *article.Event) bool {
	if ev.Trigger == nil {
		return false
	}
	t := d.tokenAt(ev.Trigger.Start)
	if t < 0 {
		return false
	}
	w := d.w(t)
	if !strings.HasSuffix(w, "ed") && !oneOf(w, "met", "struck", "shot", "flew", "held") {
		return false
	}
	p := t - 1
	if strings.HasSuffix(d.w(p), "ly") {
		p-- // "has already agreed", "was officially announced"
	}
	prev := d.w(p)
	return !oneOf(prev, "be", "being", "to", "will", "shall", "'ll", "the", "a", "an", "is", "are", "am") && !d.v.modals[prev] &&
		!determiners[prev] // "the chart is announced on Sunday": a present passive can be scheduled
}

// startsAfter reports whether a date value begins after the day of t: a day, month or year still
// to come when the article was written.
func startsAfter(date string, t time.Time) bool {
	start, _, err := article.DateInterval(date)
	day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	return err == nil && start.After(day)
}

// comingElection reports an election dated by a month named without a year ("the general election
// in November", "could draw union voters in a November general election") that the dates read as
// the last such month, when the election spoken of is the coming one: a general election, or one
// in a sentence that supposes or foretells (will, would, could, can, might). The month then falls
// in the year after the one read: still this year's, when it is later in the year than the
// article, is read so already.
func (d *doc) comingElection(ev *article.Event, ref time.Time) bool {
	if len(ev.Date) != 7 || ev.Trigger == nil || ev.Background {
		return false
	}
	y, err1 := strconv.Atoi(ev.Date[:4])
	m, err2 := strconv.Atoi(ev.Date[5:])
	if err1 != nil || err2 != nil || y != ref.Year()-1 || m <= int(ref.Month()) {
		return false // only a month of last year that this year's same month is still to come
	}
	t := d.tokenAt(ev.Trigger.Start)
	if t < 0 {
		return false
	}
	si := int(d.tokSent[t])
	s := d.sents[si]
	named := false
	for _, r := range d.dates {
		if r.tStart >= s.start && r.tStart < s.end && d.a.Dates[r.i].Value == ev.Date {
			if strings.ContainsAny(d.a.Dates[r.i].Text, "0123456789") {
				return false // "November 2015": the year is said
			}
			named = true
		}
	}
	if !named {
		return false
	}
	if d.w(t-1) == "general" || d.w(t-2) == "general" {
		return true
	}
	for j := s.start; j < s.end; j++ {
		if oneOf(d.w(j), "will", "would", "could", "can", "might", "'ll", "’ll") {
			return true
		}
	}
	return false
}
