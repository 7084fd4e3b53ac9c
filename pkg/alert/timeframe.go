package alert

import (
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
// and articles without a publication or fetch time count as in the frame. An event the extractor
// marked Background (recalled in passing, even undated: "the last election") never is.
func InTimeFrame(e article.Event, a *article.Article) bool {
	if e.Background {
		return false
	}
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
	start, _, err1 := article.DateInterval(first)
	_, end, err2 := article.DateInterval(last)
	if err1 != nil || err2 != nil {
		return true
	}
	return !end.Before(ref.Add(-EventPastWindow)) && !start.After(ref.Add(EventFutureWindow))
}
