// Package dates finds date expressions in Article.Text and resolves them against the article's
// publication date (Published, or Fetched when Published is unknown): absolute dates ("Oct. 23,
// 2023", "23 October 2023", "2023-10-23", "10/23/2023"), partial ones ("October 2023", "in
// January", "late January of this year", "June last year", "Q3 2024", "the first half of 2024",
// "the 1988 third quarter", "next year's first quarter", "the year-ago third quarter", "the last
// half of 1989", "in 2019"), ranges ("Oct 20 to 23", "20-23 October", "from 2019 to 2021") and relative ones ("yesterday", "last
// Tuesday", "next week", "over the weekend", "two years ago", "Oct. 23" without a year). It owns Article.Dates, reads
// Text, Published, Fetched and the URL's host (for the numeric date order), and does no I/O.
//
// Values are ISO 8601: grain day → "2023-10-23"; week → the Monday that starts the week
// ("2023-10-16"); month → "2023-10"; quarter → "2024-Q3"; half → "2024-H1"; year → "2023"; a
// range joins its two ends with "/" ("2023-10-20/2023-10-23") at the grain of its ends.
//
// A wire's dated dateline ("LONDON, Oct 20 - ", "New York, April 1 (Reuters) -") fixes the
// story's day, in the year nearest to publication: relative expressions count from it rather than
// from Published (dateline.go). A day written without its year repeats the year of the same day
// written with one earlier, or carries on the year of a story of the past ("on 7 March 2003 … On
// 10 March"); 11 September of the attacks is 2001; "on that Wednesday" is the day read before when
// its weekday matches; a played match's score or result ("Wednesday's 2-1 loss") dates its day in
// the past; a later quarter or half in a sentence that looks ahead is this year's unless a report
// on it is out; "April, 1986" is a month of that year; a two-digit year is in the century nearest
// to publication; Sunday papers' titles ("the Mail on Sunday") and "Father Christmas" are no dates.
//
// Resolution: a bare weekday ("on Monday", "said Monday") is the most recent such day on or before
// publication when the sentence speaks of the past, the next one when it speaks of the future
// ("will", "is due to", "expected to", "plans to", a reported "said … would", a timetable's present
// "books open on Monday", the progressive of an arrangement "is meeting him on Thursday", "taking
// place"), else the nearest; a plan in the past perfect ("had been due to expire Friday") is past.
// A capitalised cue word inside a sentence is a name's ("the US Open", "Will Barker"), a quotation
// keeps its own tense, and a comma between two names ("Calgary, Alberta") does not end the clause.
// A weekday ending a club's or person's name ("Sheffield Wednesday manager") is no date, nor is a
// fiscal quarter said to end off its calendar month ("the third quarter ended January 31") or "the
// last Saturday before Christmas". A day's disaster or market fall ("Sunday's earthquake") is
// past, and what "had" been expected lies in the story's past. The tense cue nearest
// the date governs, and a participle after an auxiliary ("would be published") leaves the choice to
// the auxiliary. A day and month without a year is the one nearest to publication, moved a year
// when the tense says so and the date lies on the other side of publication: forward when it lies
// more than two weeks back, back when more than two months ahead or after "since" (a past verb
// near a date soon after publication belongs to a deadline or record date: "extended the offer to
// Nov. 20"). A bare month is this year's unless it lies more than six
// months ahead, the next one for the future, the one a year back for the past unless it is the
// coming month. "June of that year" takes the year of the expression before it. "A year earlier"
// counts from the period its sentence named before it ("in October, from a year earlier": last
// October) and is no date without one; "a year ago" does too in a comparison ("during 2004, from
// 798m euros a year ago": 2003), else counts from publication.
// A month with no cue is a date where it dates the noun after it or its possessive ("February
// sales", "January's record", "end-June"; "May" and "March" only after a determiner or an
// adjective), and two months joined by a slash or dash are their range ("the October/December
// quarter"); a market's delivery month ("July soybeans", "for December delivery") is never past.
// Results copy: "4th qtr", "1986 4th qtr" and "the December quarter" are quarters; "the year-ago
// quarter" ("period", "month") is the period its sentence reports on, a year back; "the week ended
// March 13" ("the four weeks ended …") is the span of its days; "fiscal 1988, ending January 31"
// ends in 1988; a year before the accounts, trade or crops it dates ("1986 exports") is a date. A
// dateline months away from publication takes the year on publication's other side when the story
// writes that year more often than the nearest one (a publication date that far off is a guess).
// Split fiscal and crop years ("1986/87", "fiscal 1987/88") are the span of their two years. A
// half or quarter of something other than a year ("the first half hour", "the second half" of a
// match) is no date.
// A bare year is a date where a reader takes it for one ("2019 was the year of", "the 2020
// election", "Prime Day 2019"), not a count, unit, code or table cell ("2000 people", "1800 GMT",
// "No. 2000"). Named holidays ("Black Friday", "Labor Day", "Christmas Eve", Easter) are days by
// their rule in the year the clause points to. When the clause before a date has no tense cue, the
// words after it in the sentence are read ("In May, when the agency tapped…"). Inside a quotation,
// "today", "tonight", "yesterday" and "last night" count from the day it was spoken: the latest day
// of the story in the three days up to publication ("said on Tuesday").
// Numeric dates ("10/11/2023") are month-first only where the text or its publisher is American:
// a part above 12 decides, then other numeric dates in the same text, then the host (country
// domains other than .us and a list of international outlets write the day first). Relative
// expressions are dropped when no reference date is known.
//
// Article.Language picks the words of other languages (languages.txt, langscan.go, han.go):
// Spanish, Portuguese, French, German, Italian, Dutch and Chinese month and weekday names, days
// counted from today, "3 de marzo de 2024", "1er mars", "3. März", "2024年3月16日", "16日",
// resolved by the rules above with each language's tense words; "" and "en" read English only.
//
// The scanner reads tokens, not regular expressions: it looks words up once in a table and tries
// the grammar only at month, weekday, relative and number tokens.
package dates

import (
	"context"
	"net/url"
	"time"

	"github.com/newsmon/newsmon/pkg/article"

	"github.com/newsmon/newsmon/pkg/text"
)

// Extractor fills Article.Dates. It is stateless and safe for concurrent use.
type Extractor struct{}

// New returns the dates extractor.
func New() *Extractor { return &Extractor{} }

// Name implements extract.Extractor.
func (*Extractor) Name() string { return "dates" }

// Extract implements extract.Extractor: it replaces a.Dates with the dates found in a.Text.
func (e *Extractor) Extract(ctx context.Context, a *article.Article) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	ref := a.Fetched
	if a.Published != nil {
		ref = *a.Published
	}
	host := a.Source
	if u, err := url.Parse(a.URL); err == nil && u.Host != "" {
		host = u.Hostname()
	}
	a.Dates = e.FindIn(a.Text, ref, host, a.Language)
	return nil
}

// Find returns the dates in s resolved against ref (the zero time disables relative dates), with
// code-point offsets, in text order. Numeric dates follow the text's own convention or month-first.
func (e *Extractor) Find(s string, ref time.Time) []article.Date {
	return e.FindFrom(s, ref, "")
}

// FindFrom is Find for a text published on host, whose country decides the order of ambiguous
// numeric dates (see the package comment).
func (e *Extractor) FindFrom(s string, ref time.Time, host string) []article.Date {
	return e.FindIn(s, ref, host, "")
}

// FindIn is FindFrom for a text in the language of a BCP 47 tag ("es", "zh-Hant"): its month and
// weekday names, relative days and date formats ("el 3 de marzo de 2024", "le 1er mars", "am 3.
// März", "2024年3月16日", "el martes", "明天"). "", "en" and languages without tables read
// English.
func (*Extractor) FindIn(s string, ref time.Time, host, lang string) []article.Date {
	p := parser{s: s, host: host, lang: languageOf(lang)}
	if !ref.IsZero() {
		y, m, d := ref.Date()
		p.ref = civil(y, int(m), d)
		u := ref.UTC()
		p.lateUTC = u.Hour() >= 12 // a date without a time is midnight: never late
	}
	opts := lexOptions
	if p.lang != nil {
		opts = p.lang.lex
		p.dayFirst = 1 // every language with tables writes the day before the month
	}
	p.t = tokenize(s, make([]token, 0, len(s)/5+8), opts)
	if p.lang == nil && !p.ref.IsZero() {
		if d, ok := p.datelineDay(); ok {
			p.ref, p.lateUTC = d, false
		}
	}
	hits := p.scan()
	if len(hits) == 0 {
		return nil
	}
	rc := text.NewRuneCounter(s)
	out := make([]article.Date, len(hits))
	for i, h := range hits {
		bs, be := int(p.t[h.from].start), int(p.t[h.to-1].end)
		out[i] = article.Date{Text: s[bs:be], Start: rc.At(bs), End: rc.At(be), Value: h.value, Grain: h.grain}
	}
	return out
}
