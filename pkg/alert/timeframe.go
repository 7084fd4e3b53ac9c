package alert

import (
	"strconv"
	"strings"
	"time"

	"github.com/newsmon/newsmon/pkg/article"
)

// The time frame of an article for event-type rules: events dated within EventPastWindow before
// its publication or EventFutureWindow after it are news; older ones are background ("the
// protests of 2024" in a 2026 story about a bond sale), later ones plans too distant to alert on.
const (
	EventPastWindow   = 31 * 24 * time.Hour
	EventFutureWindow = 92 * 24 * time.Hour
)

// InTimeFrame reports whether event e of article a happens in the article's time frame: its dated
// period (a day, month, quarter, half, year or range, as pkg/extract/dates writes them) overlaps
// [published − EventPastWindow, published + EventFutureWindow]. Undated events, unparsable dates
// and articles without a publication or fetch time count as in the frame.
func InTimeFrame(e article.Event, a *article.Article) bool {
	ref := a.Fetched
	if a.Published != nil {
		ref = *a.Published
	}
	if e.Date == "" || ref.IsZero() {
		return true
	}
	first, last, _ := strings.Cut(e.Date, "/")
	if e.DateEnd != "" {
		last = e.DateEnd
	}
	if last == "" {
		last = first
	}
	start, _, ok1 := periodOf(first)
	_, end, ok2 := periodOf(last)
	if !ok1 || !ok2 {
		return true
	}
	return !end.Before(ref.Add(-EventPastWindow)) && !start.After(ref.Add(EventFutureWindow))
}

// periodOf parses a date value ("2024-06-15", "2024-06", "2024", "2024-Q3", "2024-H1") into the
// first instant of its period and the first instant after it.
func periodOf(v string) (start, end time.Time, ok bool) {
	if len(v) < 4 {
		return time.Time{}, time.Time{}, false
	}
	y, err := strconv.Atoi(v[:4])
	if err != nil {
		return time.Time{}, time.Time{}, false
	}
	rest := v[4:]
	switch {
	case rest == "":
		start = time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
		return start, start.AddDate(1, 0, 0), true
	case len(rest) == 3 && (rest[1] == 'Q' || rest[1] == 'H'):
		n := int(rest[2] - '0')
		months := 3
		if rest[1] == 'H' {
			months = 6
		}
		if n < 1 || n > 12/months {
			return time.Time{}, time.Time{}, false
		}
		start = time.Date(y, time.Month((n-1)*months+1), 1, 0, 0, 0, 0, time.UTC)
		return start, start.AddDate(0, months, 0), true
	case len(rest) == 3:
		t, err := time.Parse("2006-01", v)
		if err != nil {
			return time.Time{}, time.Time{}, false
		}
		return t, t.AddDate(0, 1, 0), true
	case len(rest) == 6:
		t, err := time.Parse(time.DateOnly, v)
		if err != nil {
			return time.Time{}, time.Time{}, false
		}
		return t, t.AddDate(0, 0, 1), true
	}
	return time.Time{}, time.Time{}, false
}
