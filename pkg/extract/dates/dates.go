// Package dates finds date expressions in Article.Text and resolves them against the article's
// publication date (Published, or Fetched when Published is unknown): absolute dates ("Oct. 23,
// 2023", "23 October 2023", "2023-10-23", "October 2023", "in 2023") and relative ones ("yesterday",
// "on Monday", "last week", "two days ago", "Oct. 23" without a year). It owns Article.Dates, reads
// Text, Published and Fetched, and does no I/O.
//
// Values: grain day → "2023-10-23"; week → the Monday that starts the ISO week ("2023-10-16");
// month → "2023-10"; year → "2023". A bare weekday ("on Monday", "said Monday") is the most recent
// such day on or before publication, as news writes it, unless the clause speaks of the future
// ("will", "is due to", "next") — then it is the next such day. A day or month without a year is the
// one nearest to publication. Relative expressions are dropped when no reference date is known.
package dates

import (
	"context"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/text"
)

// Extractor fills Article.Dates. It is safe for concurrent use.
type Extractor struct {
	patterns []pattern
}

// New returns the dates extractor.
func New() *Extractor { return &Extractor{patterns: compilePatterns()} }

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
	a.Dates = e.Find(a.Text, ref)
	return nil
}

// Find returns the dates in s resolved against ref (the zero time disables relative dates), with
// code-point offsets, in text order.
func (e *Extractor) Find(s string, ref time.Time) []article.Date {
	var found []hit
	for _, p := range e.patterns {
		for _, m := range p.re.FindAllStringSubmatchIndex(s, -1) {
			h, ok := p.resolve(s, m, ref)
			if ok {
				found = append(found, h)
			}
		}
	}
	// Longest match wins where expressions overlap ("Oct. 23, 2023" over "Oct. 23").
	sort.Slice(found, func(i, j int) bool {
		if found[i].start != found[j].start {
			return found[i].start < found[j].start
		}
		return found[i].end-found[i].start > found[j].end-found[j].start
	})
	var out []article.Date
	idx := text.NewRuneIndex(s)
	lastEnd := -1
	for _, h := range found {
		if h.start < lastEnd {
			continue
		}
		lastEnd = h.end
		out = append(out, article.Date{Text: s[h.start:h.end], Start: idx.Rune(h.start), End: idx.Rune(h.end),
			Value: h.value, Grain: h.grain})
	}
	return out
}

// hit is one resolved expression with byte offsets.
type hit struct {
	start, end   int
	value, grain string
}

// pattern is a regexp plus how to resolve its match. The span reported is the submatch named
// "d" when present, else the whole match.
type pattern struct {
	re      *regexp.Regexp
	resolve func(s string, m []int, ref time.Time) (hit, bool)
}

const (
	monthAlt   = `January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?`
	fullMonth  = `January|February|March|April|May|June|July|August|September|October|November|December`
	weekdayAlt = `Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday`
	numberWord = `\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several`
)

func compilePatterns() []pattern {
	return []pattern{
		{regexp.MustCompile(`\b(?P<d>(\d{4})-(\d{2})-(\d{2}))\b`), resolveISO},
		{regexp.MustCompile(`\b(?P<d>(` + monthAlt + `)\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?)\b`), resolveMonthDay},
		{regexp.MustCompile(`\b(?P<d>(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(` + monthAlt + `)(?:,?\s+(\d{4}))?)(?:\b|\s|$)`), resolveDayMonth},
		{regexp.MustCompile(`\b(?P<d>(` + monthAlt + `),?\s+(\d{4}))\b`), resolveMonthYear},
		{regexp.MustCompile(`\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Ff]rom|[Tt]hrough|[Dd]uring|[Ee]arly|[Ll]ate|[Mm]id-|[Oo]f|[Bb]efore|[Aa]fter|[Ss]tarting)\s+(?P<d>(` + fullMonth + `))\b`), resolveBareMonth},
		{regexp.MustCompile(`\b(?P<d>([Ll]ast|[Nn]ext|[Tt]his)\s+(` + fullMonth + `))\b`), resolveBareMonth},
		{regexp.MustCompile(`\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Bb]efore|[Aa]fter|[Dd]uring|[Ff]rom|[Tt]hrough|[Oo]f|[Ee]arly|[Ll]ate|[Mm]id-|[Tt]ill)\s+(?P<d>((?:19|20)\d{2}))\b(?:[^-–\d%]|$)`), resolveYear},
		{regexp.MustCompile(`(?i)\b(?P<d>(today|yesterday|tomorrow|tonight|this\s+morning|this\s+afternoon|this\s+evening|last\s+night))\b`), resolveDayWord},
		{regexp.MustCompile(`\b(?P<d>(?:([Ll]ast|[Nn]ext|[Tt]his|[Pp]revious|[Cc]oming)\s+)?(` + weekdayAlt + `))\b`), resolveWeekday},
		{regexp.MustCompile(`(?i)\b(?P<d>(this|last|next)\s+(week|month|year))\b`), resolveRelativePeriod},
		{regexp.MustCompile(`(?i)\b(?P<d>(` + numberWord + `)\s+(day|week|month|year)s?\s+ago)\b`), resolveAgo},
	}
}

// group returns submatch k of m in s, or "".
func group(s string, m []int, k int) string {
	if 2*k+1 >= len(m) || m[2*k] < 0 {
		return ""
	}
	return s[m[2*k]:m[2*k+1]]
}

// span is the "d" group (always group 1 in our patterns).
func span(m []int) (int, int) { return m[2], m[3] }

func civil(t time.Time) time.Time {
	y, mo, d := t.Date()
	return time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)
}

func dayHit(m []int, t time.Time) hit {
	a, b := span(m)
	return hit{start: a, end: b, value: t.Format("2006-01-02"), grain: "day"}
}

func resolveISO(s string, m []int, _ time.Time) (hit, bool) {
	y, _ := strconv.Atoi(group(s, m, 2))
	mo, _ := strconv.Atoi(group(s, m, 3))
	d, _ := strconv.Atoi(group(s, m, 4))
	t, ok := validDate(y, mo, d)
	if !ok {
		return hit{}, false
	}
	return dayHit(m, t), true
}

func validDate(y, mo, d int) (time.Time, bool) {
	if mo < 1 || mo > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	return t, t.Day() == d
}

func monthOf(name string) int {
	name = strings.TrimSuffix(strings.ToLower(name), ".")
	for i, full := range []string{"january", "february", "march", "april", "may", "june", "july", "august",
		"september", "october", "november", "december"} {
		if strings.HasPrefix(full, name) && len(name) >= 3 {
			return i + 1
		}
	}
	return 0
}

// nearestYear picks the year that puts month/day closest to ref.
func nearestYear(mo, d int, ref time.Time) (time.Time, bool) {
	r := civil(ref)
	var best time.Time
	found := false
	for y := r.Year() - 1; y <= r.Year()+1; y++ {
		t, ok := validDate(y, mo, d)
		if !ok {
			continue
		}
		if !found || absDur(t.Sub(r)) < absDur(best.Sub(r)) {
			best, found = t, true
		}
	}
	return best, found
}

func absDur(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

func monthDay(s string, m []int, ref time.Time, monthG, dayG, yearG int) (hit, bool) {
	mo := monthOf(group(s, m, monthG))
	d, _ := strconv.Atoi(group(s, m, dayG))
	if y := group(s, m, yearG); y != "" {
		yy, _ := strconv.Atoi(y)
		t, ok := validDate(yy, mo, d)
		if !ok {
			return hit{}, false
		}
		return dayHit(m, t), true
	}
	if ref.IsZero() {
		return hit{}, false
	}
	t, ok := nearestYear(mo, d, ref)
	if !ok {
		return hit{}, false
	}
	return dayHit(m, t), true
}

func resolveMonthDay(s string, m []int, ref time.Time) (hit, bool) {
	return monthDay(s, m, ref, 2, 3, 4)
}

func resolveDayMonth(s string, m []int, ref time.Time) (hit, bool) {
	return monthDay(s, m, ref, 3, 2, 4)
}

func resolveMonthYear(s string, m []int, _ time.Time) (hit, bool) {
	mo := monthOf(group(s, m, 2))
	y, _ := strconv.Atoi(group(s, m, 3))
	a, b := span(m)
	return hit{start: a, end: b, value: time.Date(y, time.Month(mo), 1, 0, 0, 0, 0, time.UTC).Format("2006-01"), grain: "month"}, mo > 0
}

func resolveBareMonth(s string, m []int, ref time.Time) (hit, bool) {
	if ref.IsZero() {
		return hit{}, false
	}
	var modifier, name string
	if len(m) > 7 && m[6] >= 0 { // "last March": groups d, modifier, month
		modifier, name = strings.ToLower(group(s, m, 2)), group(s, m, 3)
	} else {
		name = group(s, m, 2)
	}
	mo := monthOf(name)
	if mo == 0 {
		return hit{}, false
	}
	r := civil(ref)
	y := r.Year()
	switch modifier {
	case "last":
		if mo >= int(r.Month()) {
			y--
		}
	case "next":
		if mo <= int(r.Month()) {
			y++
		}
	case "this":
	default:
		t, _ := nearestYear(mo, 15, ref)
		y = t.Year()
	}
	a, b := span(m)
	return hit{start: a, end: b, value: time.Date(y, time.Month(mo), 1, 0, 0, 0, 0, time.UTC).Format("2006-01"), grain: "month"}, true
}

func resolveYear(s string, m []int, _ time.Time) (hit, bool) {
	a, b := span(m)
	return hit{start: a, end: b, value: s[a:b], grain: "year"}, true
}

func resolveDayWord(s string, m []int, ref time.Time) (hit, bool) {
	if ref.IsZero() {
		return hit{}, false
	}
	r := civil(ref)
	switch w := strings.ToLower(strings.Join(strings.Fields(group(s, m, 2)), " ")); w {
	case "yesterday", "last night":
		r = r.AddDate(0, 0, -1)
	case "tomorrow":
		r = r.AddDate(0, 0, 1)
	}
	return dayHit(m, r), true
}

var weekdays = map[string]time.Weekday{"Monday": time.Monday, "Tuesday": time.Tuesday, "Wednesday": time.Wednesday,
	"Thursday": time.Thursday, "Friday": time.Friday, "Saturday": time.Saturday, "Sunday": time.Sunday}

func resolveWeekday(s string, m []int, ref time.Time) (hit, bool) {
	if ref.IsZero() {
		return hit{}, false
	}
	modifier := strings.ToLower(group(s, m, 2))
	w := weekdays[group(s, m, 3)]
	r := civil(ref)
	back := (int(r.Weekday()) - int(w) + 7) % 7
	fwd := (int(w) - int(r.Weekday()) + 7) % 7
	var t time.Time
	switch modifier {
	case "last", "previous":
		if back == 0 {
			back = 7
		}
		t = r.AddDate(0, 0, -back)
	case "next", "coming":
		if fwd == 0 {
			fwd = 7
		}
		t = r.AddDate(0, 0, fwd)
	case "this":
		t = weekStart(r).AddDate(0, 0, (int(w)+6)%7)
	default:
		a, _ := span(m)
		if future(s[max(0, a-60):a]) {
			t = r.AddDate(0, 0, fwd)
		} else {
			t = r.AddDate(0, 0, -back)
		}
	}
	return dayHit(m, t), true
}

// future reports whether the words before a weekday put it ahead of publication.
func future(before string) bool {
	if k := strings.LastIndexAny(before, ".!?\n"); k >= 0 {
		before = before[k+1:]
	}
	b := " " + strings.ToLower(before)
	for _, cue := range []string{" will ", "'ll ", "’ll ", " is due ", " are due ", " due to ", " scheduled ",
		" expected to ", " plans to ", " is to ", " are to ", " set to ", " shall "} {
		if strings.Contains(b, cue) {
			return true
		}
	}
	return false
}

// weekStart returns the Monday of t's ISO week.
func weekStart(t time.Time) time.Time {
	return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
}

func resolveRelativePeriod(s string, m []int, ref time.Time) (hit, bool) {
	if ref.IsZero() {
		return hit{}, false
	}
	step := map[string]int{"this": 0, "last": -1, "next": 1}[strings.ToLower(group(s, m, 2))]
	r := civil(ref)
	a, b := span(m)
	switch strings.ToLower(group(s, m, 3)) {
	case "week":
		return hit{start: a, end: b, value: weekStart(r).AddDate(0, 0, 7*step).Format("2006-01-02"), grain: "week"}, true
	case "month":
		first := time.Date(r.Year(), r.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, step, 0)
		return hit{start: a, end: b, value: first.Format("2006-01"), grain: "month"}, true
	default:
		return hit{start: a, end: b, value: strconv.Itoa(r.Year() + step), grain: "year"}, true
	}
}

var numberWords = map[string]int{"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}

func resolveAgo(s string, m []int, ref time.Time) (hit, bool) {
	if ref.IsZero() {
		return hit{}, false
	}
	w := strings.ToLower(group(s, m, 2))
	n, ok := numberWords[w]
	if !ok {
		var err error
		if n, err = strconv.Atoi(w); err != nil {
			return hit{}, false // "several days ago" has no single value
		}
	}
	r := civil(ref)
	a, b := span(m)
	switch strings.ToLower(group(s, m, 3)) {
	case "day":
		return dayHit(m, r.AddDate(0, 0, -n)), true
	case "week":
		return hit{start: a, end: b, value: weekStart(r.AddDate(0, 0, -7*n)).Format("2006-01-02"), grain: "week"}, true
	case "month":
		return hit{start: a, end: b, value: time.Date(r.Year(), r.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, -n, 0).Format("2006-01"), grain: "month"}, true
	default:
		return hit{start: a, end: b, value: strconv.Itoa(r.Year() - n), grain: "year"}, true
	}
}
