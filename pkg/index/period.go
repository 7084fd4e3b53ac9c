package index

import (
	"time"

	"github.com/newsmon/newsmon/pkg/article"
)

// FilingTime is the time that files an article into a time partition of an index (a month's
// index): its published date, else when it was fetched, else now. Both backends file by it, so an
// article lands in the same month whichever one holds it.
func FilingTime(a *article.Article, now time.Time) time.Time {
	switch {
	case a.Published != nil:
		return *a.Published
	case !a.Fetched.IsZero():
		return a.Fetched
	}
	return now
}

// RetainedFrom is the start (UTC) of the oldest month a retention of months keeps, the month of
// now included: 1 keeps the current month only. Zero (nothing dropped) when months is 0 or less.
func RetainedFrom(now time.Time, months int) time.Time {
	if months <= 0 {
		return time.Time{}
	}
	now = now.UTC()
	return time.Date(now.Year(), now.Month()-time.Month(months-1), 1, 0, 0, 0, 0, time.UTC)
}
