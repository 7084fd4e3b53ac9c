package article

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Dates written for readers ("17 Nov 2026 10:05 HKT", "Nov. 18, 2019, 3:04 p.m. ET",
// "18 de noviembre de 2026", "2026年11月17日 16:30") are read here: parseDateText finds a date,
// the time of day next to it and the time zone, and datelineDate finds such text in the header
// of an article (next to the headline, in elements whose class says date/time/posted), skipping
// sidebars whose dates belong to other stories.

// monthNames maps lower-cased month names and abbreviations in the languages we read to 1..12.
var monthNames = func() map[string]int {
	m := map[string]int{}
	add := func(names ...string) {
		for i, n := range names {
			for _, v := range strings.Split(n, "|") {
				m[v] = i + 1
			}
		}
	}
	add("january|jan", "february|feb", "march|mar", "april|apr", "may", "june|jun", "july|jul",
		"august|aug", "september|sep|sept", "october|oct", "november|nov", "december|dec")
	add("janvier|janv", "février|fevrier|févr|fév", "mars", "avril|avr", "mai", "juin", "juillet|juil",
		"août|aout", "septembre", "octobre", "novembre", "décembre|decembre|déc")
	add("januar|jänner", "februar", "märz|maerz|mär", "april", "mai", "juni", "juli", "august",
		"september", "oktober|okt", "november", "dezember|dez")
	add("enero|ene", "febrero", "marzo", "abril|abr", "mayo", "junio", "julio", "agosto|ago",
		"septiembre|setiembre|set", "octubre", "noviembre", "diciembre|dic")
	add("janeiro", "fevereiro|fev", "março|marco", "abril", "maio", "junho", "julho", "agosto",
		"setembro", "outubro|out", "novembro", "dezembro|dez")
	add("gennaio|gen", "febbraio", "marzo", "aprile", "maggio|mag", "giugno|giu", "luglio|lug",
		"agosto", "settembre", "ottobre|ott", "novembre", "dicembre")
	add("januari", "februari", "maart|mrt", "april", "mei", "juni", "juli", "augustus",
		"september", "oktober", "november", "december")
	add("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus|agu|agt",
		"september", "oktober", "november", "desember|des")
	add("января|январь|янв", "февраля|февраль|фев", "марта|март|мар", "апреля|апрель|апр", "мая|май",
		"июня|июнь|июн", "июля|июль|июл", "августа|август|авг", "сентября|сентябрь|сен",
		"октября|октябрь|окт", "ноября|ноябрь|ноя", "декабря|декабрь|дек")
	return m
}()

var monthPattern = func() string {
	names := make([]string, 0, len(monthNames))
	for n := range monthNames {
		names = append(names, regexp.QuoteMeta(n))
	}
	// Longest first, so "sept" is tried before "sep" and "march" before "mar".
	sort.Slice(names, func(i, j int) bool {
		if len(names[i]) != len(names[j]) {
			return len(names[i]) > len(names[j])
		}
		return names[i] < names[j]
	})
	return `(` + strings.Join(names, "|") + `)`
}()

// Date shapes, each capturing day, month and year. Go's \b is ASCII-only, so the patterns
// bound numbers and month names with explicit non-letter, non-digit classes instead.
var (
	dateDMY   = regexp.MustCompile(`(?i)(?:^|[^\p{L}\d])(\d{1,2})(?:st|nd|rd|th|er|º)?\.?\s*(?:de\s+|of\s+)?` + monthPattern + `\.?,?\s*(?:de\s+|del\s+)?(\d{4})(?:[^\d]|$)`)
	dateMDY   = regexp.MustCompile(`(?i)(?:^|[^\p{L}\d])` + monthPattern + `\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s*(\d{4})(?:[^\d]|$)`)
	dateISO   = regexp.MustCompile(`(?:^|[^\d])(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[^\d]|$)`)
	dateCJK   = regexp.MustCompile(`(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?`)
	dateDigit = regexp.MustCompile(`(?:^|[^\d])(\d{1,2})([/.\-])(\d{1,2})([/.\-])(\d{4})(?:[^\d]|$)`)

	// zoneAfter is what may follow a time: a numeric offset or an abbreviation.
	zoneAfter = regexp.MustCompile(`^\s*(?:[Uu]hr\s*)?\(?\s*(?:(UTC|GMT|Z)?\s*([+\-−]\d{1,2}(?::?\d{2})?)|([A-Z]{1,5}))\b`)

	// updatedLabel precedes a date that is not the publication date.
	updatedLabel = regexp.MustCompile(`(?i)(updated|modified|last edited|actualizado|actualización|mis à jour|modifié|aktualisiert|atualizado|aggiornato|bijgewerkt|обновлено|更新)\W{0,3}\s*(?:on|at|le|am|el|em|il|op)?\s*$`)
)

// clockTime reads the clock time at the start of s (after separators and "at"): it needs a
// colon or "h" between hours and minutes, or "Uhr" after them, so years and counts are never
// read as times.
var clockTime = regexp.MustCompile(`(?i)^[\s,|·•–—\-@(]*(?:(?:at|à|a las|às|alle|um|om|в|kl\.?)\s+)?([01]?\d|2[0-3])(?:[:h]([0-5]\d)|\.([0-5]\d)\s*(?:uhr|h\b|(?-i:[A-Z]{2,5})\b))(?::([0-5]\d))?\s*(a\.?\s?m\.?|p\.?\s?m\.?)?(?:\s*uhr)?`)

// clockCJK is a Japanese or Chinese clock time, "7時35分" / "16时30分".
var clockCJK = regexp.MustCompile(`^\s*(?:[午前後上下]+\s*)?([01]?\d|2[0-3])\s*[時时点點]\s*([0-5]?\d)\s*分`)

// clockBefore reads a clock time that ends s ("10:05 HKT, 17 Nov 2026" read backwards).
var clockBefore = regexp.MustCompile(`(?i)([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?\s*(a\.?\s?m\.?|p\.?\s?m\.?)?\s*(?:\(?\s*(?:UTC|GMT)?\s*[+\-−]\d{1,2}(?::?\d{2})?\)?|[A-Z]{1,5})?[\s,|·•–—\-]*(?:on\s+)?(?:\p{L}+,?\s+)?$`)

// dateGrain says how precise a date read from text is.
type dateGrain int

const (
	grainDay dateGrain = iota + 1
	grainMinute
)

// textDate is a date read from text, and how precise it is.
type textDate struct {
	t     time.Time
	grain dateGrain
}

// dateContext helps resolve what text leaves open: day-first or month-first numeric dates and
// ambiguous zone abbreviations ("CST" is China Standard Time on a Chinese page).
type dateContext struct {
	language   string // ISO 639-1 of the page, declared or detected from the headline
	region     string // region of the declared language tag ("BR" in pt-BR), if any
	monthFirst bool   // the page is American English: 11/10/2026 is November 10th
}

// localOffset is the UTC offset (seconds) of a time printed with no zone, guessed from the
// page's language and region: a German page prints German time. ok is false where a language
// spans many zones (English or Spanish without a region); such times are read as UTC.
func (c dateContext) localOffset(day time.Time) (offset int, ok bool) {
	const cet, gmt = 3600, 0
	eu := func(base int) (int, bool) { // EU summer time: last Sunday of March to last Sunday of October
		if !day.Before(lastSunday(day.Year(), time.March)) && day.Before(lastSunday(day.Year(), time.October)) {
			return base + 3600, true
		}
		return base, true
	}
	switch c.region {
	case "GB", "IE", "PT":
		return eu(gmt)
	case "DE", "AT", "CH", "FR", "BE", "NL", "IT", "ES", "PL", "SE", "DK", "NO", "CZ", "HU":
		return eu(cet)
	case "BR", "AR", "UY":
		return -10800, true
	case "MX":
		return -21600, true
	case "CO", "PE", "EC":
		return -18000, true
	case "IN":
		return 19800, true
	case "ZA":
		return 7200, true
	case "KE", "TZ", "UG", "ET":
		return 10800, true
	case "NG":
		return 3600, true
	case "CN", "HK", "TW", "SG", "MY", "PH":
		return 28800, true
	case "JP", "KR":
		return 32400, true
	case "ID":
		return 25200, true
	}
	switch c.language {
	case "zh":
		return 28800, true
	case "ja", "ko":
		return 32400, true
	case "ru":
		return 10800, true
	case "id":
		return 25200, true
	case "de", "it", "nl", "pl", "cs", "sv", "da", "hu", "fr":
		return eu(cet)
	}
	return 0, false
}

func lastSunday(y int, m time.Month) time.Time {
	t := time.Date(y, m+1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -1)
	for t.Weekday() != time.Sunday {
		t = t.AddDate(0, 0, -1)
	}
	return t
}

// parseDateText returns the first publication date written in s: the first date not labelled
// "updated", with the time of day and zone written next to it. A date with no time is midnight
// UTC with grainDay; a time with no zone is read in the page's local time (localOffset), or
// as UTC when that is unknown.
func parseDateText(s string, ctx dateContext) (textDate, bool) {
	if len(s) > 400 {
		s = s[:400]
		for !utf8.ValidString(s) {
			s = s[:len(s)-1]
		}
	}
	type match struct {
		start, end int
		y, m, d    int
	}
	var found []match
	add := func(start, end, y, m, d int) {
		if y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31 {
			return
		}
		if t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC); t.Day() != d {
			return
		}
		for _, f := range found { // overlapping shapes: keep the earlier-found one
			if start < f.end && f.start < end {
				return
			}
		}
		found = append(found, match{start, end, y, m, d})
	}
	for _, sm := range dateCJK.FindAllStringSubmatchIndex(s, -1) {
		add(sm[0], sm[1], atoi(s[sm[2]:sm[3]]), atoi(s[sm[4]:sm[5]]), atoi(s[sm[6]:sm[7]]))
	}
	for _, sm := range dateISO.FindAllStringSubmatchIndex(s, -1) {
		add(sm[2], sm[7], atoi(s[sm[2]:sm[3]]), atoi(s[sm[4]:sm[5]]), atoi(s[sm[6]:sm[7]]))
	}
	for _, sm := range dateDMY.FindAllStringSubmatchIndex(s, -1) {
		add(sm[2], sm[7], atoi(s[sm[6]:sm[7]]), monthNames[strings.ToLower(s[sm[4]:sm[5]])], atoi(s[sm[2]:sm[3]]))
	}
	for _, sm := range dateMDY.FindAllStringSubmatchIndex(s, -1) {
		add(sm[2], sm[7], atoi(s[sm[6]:sm[7]]), monthNames[strings.ToLower(s[sm[2]:sm[3]])], atoi(s[sm[4]:sm[5]]))
	}
	for _, sm := range dateDigit.FindAllStringSubmatchIndex(s, -1) {
		if s[sm[4]:sm[5]] != s[sm[8]:sm[9]] {
			continue // "17/11-2026" is not a date
		}
		a, b, y := atoi(s[sm[2]:sm[3]]), atoi(s[sm[6]:sm[7]]), atoi(s[sm[10]:sm[11]])
		d, m := a, b
		if (ctx.monthFirst && a <= 12) || b > 12 {
			d, m = b, a
		}
		add(sm[2], sm[11], y, m, d)
	}
	if len(found) == 0 {
		return textDate{}, false
	}
	sort.Slice(found, func(i, j int) bool { return found[i].start < found[j].start })
	pick := found[0]
	for _, f := range found {
		if !updatedLabel.MatchString(s[:f.start]) {
			pick = f
			break
		}
	}
	td := textDate{t: time.Date(pick.y, time.Month(pick.m), pick.d, 0, 0, 0, 0, time.UTC), grain: grainDay}
	// The time of day follows the date ("17 Nov 2026 10:05 HKT") or, less often, precedes it
	// ("3:04 AM ET, Mon November 18, 2019").
	after := s[pick.end:]
	if m := clockTime.FindStringSubmatchIndex(after); m != nil {
		h, min, sec := atoi(after[m[2]:m[3]]), 0, 0
		if m[4] >= 0 {
			min = atoi(after[m[4]:m[5]])
		} else {
			min = atoi(after[m[6]:m[7]])
		}
		if m[8] >= 0 {
			sec = atoi(after[m[8]:m[9]])
		}
		h = meridiem(h, after, m[10], m[11])
		zoneAt := m[1]
		if m[6] >= 0 { // "06.00 GMT": the zone was matched to tell the time from a number
			zoneAt = m[7]
		}
		return td.atClock(h, min, sec, zoneOrLocal(after[zoneAt:], td.t, ctx)), true
	}
	if m := clockCJK.FindStringSubmatch(after); m != nil {
		zone, _ := ctx.localOffset(td.t)
		return td.atClock(atoi(m[1]), atoi(m[2]), 0, zone), true
	}
	before := s[:pick.start]
	if i := len(before) - 40; i > 0 {
		before = before[i:]
	}
	if m := clockBefore.FindStringSubmatchIndex(before); m != nil {
		h, min := atoi(before[m[2]:m[3]]), atoi(before[m[4]:m[5]])
		sec := 0
		if m[6] >= 0 {
			sec = atoi(before[m[6]:m[7]])
		}
		h = meridiem(h, before, m[8], m[9])
		end := m[5]
		if m[7] >= 0 {
			end = m[7]
		}
		if m[9] >= 0 {
			end = m[9]
		}
		td = td.atClock(h, min, sec, zoneOrLocal(before[end:], td.t, ctx))
	}
	return td, true
}

// atClock is td's day (a midnight UTC) at h:min:sec in a zone offset seconds east of UTC.
func (td textDate) atClock(h, min, sec, offset int) textDate {
	td.t = td.t.Add(time.Duration(h)*time.Hour + time.Duration(min)*time.Minute + time.Duration(sec-offset)*time.Second)
	td.grain = grainMinute
	return td
}

// zoneOrLocal is the offset of the zone named at the start of s, else the source's local offset.
func zoneOrLocal(s string, t time.Time, ctx dateContext) int {
	if zone, ok := zoneOffset(s, t, ctx); ok {
		return zone
	}
	zone, _ := ctx.localOffset(t)
	return zone
}

// meridiem turns a 12-hour clock reading into 24-hour time when an a.m./p.m. marker was matched.
func meridiem(h int, s string, start, end int) int {
	if start < 0 {
		return h
	}
	pm := strings.HasPrefix(strings.ToLower(s[start:end]), "p")
	switch {
	case pm && h < 12:
		return h + 12
	case !pm && h == 12:
		return 0
	}
	return h
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// zoneAbbrevs are UTC offsets (seconds) of the time-zone abbreviations news sites print. Where
// an abbreviation is ambiguous the most common newsroom meaning is taken (IST: India, BST:
// British Summer Time); CST is resolved by the page language in zoneOffset.
var zoneAbbrevs = map[string]int{
	"UTC": 0, "GMT": 0, "Z": 0, "UT": 0, "WET": 0, "BST": 3600, "IST": 19800, "WEST": 3600,
	"CET": 3600, "CEST": 7200, "MEZ": 3600, "MESZ": 7200, "EET": 7200, "EEST": 10800, "MSK": 10800,
	"WAT": 3600, "CAT": 7200, "SAST": 7200, "EAT": 10800, "GST": 14400, "PKT": 18000, "NPT": 20700,
	"BDT": 21600, "ICT": 25200, "WIB": 25200, "WITA": 28800, "WIT": 32400, "HKT": 28800,
	"SGT": 28800, "MYT": 28800, "PHT": 28800, "PST": -28800, "AWST": 28800, "JST": 32400,
	"KST": 32400, "ACST": 34200, "AEST": 36000, "AEDT": 39600, "ACDT": 37800, "NZST": 43200,
	"NZDT": 46800, "EST": -18000, "EDT": -14400, "CDT": -18000, "MST": -25200, "MDT": -21600,
	"PDT": -25200, "AKST": -32400, "AKDT": -28800, "HST": -36000, "AST": -14400, "NST": -12600,
	"BRT": -10800, "BRST": -7200, "ART": -10800, "CLT": -14400, "CLST": -10800, "COT": -18000,
	"PET": -18000, "VET": -14400, "UYT": -10800, "BOT": -14400, "PYT": -14400, "ECT": -18000,
	"TRT": 10800, "IRST": 12600, "AFT": 16200, "UZT": 18000,
}

// usZones are the generic US zones ("ET"), whose offset depends on daylight saving time.
var usZones = map[string]int{"ET": -18000, "CT": -21600, "MT": -25200, "PT": -28800}

// zoneOffset reads the zone at the start of s: a numeric offset ("+08:00", "GMT+5:30") or an
// abbreviation. day is the local date, for US daylight saving time.
func zoneOffset(s string, day time.Time, ctx dateContext) (int, bool) {
	m := zoneAfter.FindStringSubmatch(s)
	if m == nil {
		return 0, false
	}
	if m[2] != "" {
		return numericOffset(m[2])
	}
	abbr := m[3]
	if abbr == "" {
		return 0, m[1] != ""
	}
	if abbr == "CST" {
		if ctx.language == "zh" {
			return 28800, true
		}
		return -21600, true
	}
	if off, ok := zoneAbbrevs[abbr]; ok {
		return off, true
	}
	if off, ok := usZones[abbr]; ok {
		if usDaylightSaving(day) {
			off += 3600
		}
		return off, true
	}
	return 0, false
}

func numericOffset(s string) (int, bool) {
	s = strings.ReplaceAll(s, "−", "-")
	sign := 1
	if s[0] == '-' {
		sign = -1
	}
	s = strings.ReplaceAll(s[1:], ":", "")
	var h, m int
	switch len(s) {
	case 1, 2:
		h = atoi(s)
	case 3:
		h, m = atoi(s[:1]), atoi(s[1:])
	case 4:
		h, m = atoi(s[:2]), atoi(s[2:])
	default:
		return 0, false
	}
	if h > 14 || m > 59 {
		return 0, false
	}
	return sign * (h*3600 + m*60), true
}

// usDaylightSaving reports whether US daylight saving time is in force on day: from the second
// Sunday of March to the first Sunday of November (the rule since 2007).
func usDaylightSaving(day time.Time) bool {
	y := day.Year()
	start := nthSunday(y, time.March, 2)
	end := nthSunday(y, time.November, 1)
	return !day.Before(start) && day.Before(end)
}

func nthSunday(y int, m time.Month, n int) time.Time {
	t := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
	for t.Weekday() != time.Sunday {
		t = t.AddDate(0, 0, 1)
	}
	return t.AddDate(0, 0, 7*(n-1))
}

// dateClass matches class/id values of elements that hold a visible publication date.
var dateClass = newKeywordMatcher(`date time posted publi stamp byline meta info submitted datum fecha data tanggal waktu`, "")

// sidebarHint matches class/id values of page parts whose dates and names belong to other
// stories: related links, lists, cards, rails, comments.
var sidebarHint = newKeywordMatcher(`related sidebar side-bar recommend popular trending mostread most-read `+
	`widget teaser card promo more- also-read comment footer menu hot-news ticker breaking`,
	`nav aside rail rel`)

// inSidebar reports whether n sits in page furniture that lists other stories.
func inSidebar(n *html.Node) bool {
	for a := n.Parent; a != nil; a = a.Parent {
		if a.Type != html.ElementNode {
			continue
		}
		switch a.DataAtom {
		case atom.Aside, atom.Nav, atom.Footer:
			return true
		case atom.Li:
			if linksAHeadline(a) {
				return true // a list of other stories; a byline list ("<li>By Jane</li><li>May 5</li>") isn't
			}
		case atom.Article:
			return commentOrTeaser.MatchString(classID(a))
		case atom.Main, atom.Body:
			return false
		}
		if r := strings.ToLower(attr(a, "role")); r == "complementary" || r == "navigation" {
			return true
		}
		if sidebarHint.MatchString(classID(a)) {
			return true
		}
	}
	return false
}

// linksAHeadline reports whether n holds a link with a headline's worth of text.
func linksAHeadline(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if c.DataAtom == atom.A && utf8.RuneCountInString(strings.TrimSpace(textOf(c, 200))) >= 25 {
			return true
		}
		if linksAHeadline(c) {
			return true
		}
	}
	return false
}

// datelineDate finds the publication date printed near the headline: first in elements whose
// class or id says date/time/posted/byline (and <time> elements), then in the text right after
// the headline element. Dates in sidebars and lists are skipped.
func datelineDate(doc *pageIndex, ctx dateContext, head *html.Node) (textDate, bool) {
	var best textDate
	found := false
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && !found; c = c.NextSibling {
			if c.Type != html.ElementNode || neverText[c.DataAtom] || c.DataAtom == atom.A {
				continue
			}
			if c.DataAtom == atom.Time || dateClass.MatchString(classID(c)) {
				text := textOf(c, 800)
				if len(text) < 800 && !inSidebar(c) {
					if text = normalizeSpace(text); text != "" && utf8.RuneCountInString(text) <= 200 {
						if td, ok := parseDateText(text, ctx); ok {
							best, found = td, true
							return
						}
					}
				}
			}
			walk(c)
		}
	}
	if doc.body != nil {
		walk(doc.body)
	}
	if found || head == nil {
		return best, found
	}
	// No labelled element: read the lines that follow the headline, up to the story.
	var lines []string
	for _, line := range linesAfter(head, 6) {
		if utf8.RuneCountInString(line) > 250 {
			break
		}
		lines = append(lines, line)
	}
	return parseDateText(strings.Join(lines, " | "), ctx)
}

// nextInDocument walks the tree in document order; skipChildren steps over n's subtree.
func nextInDocument(n *html.Node, skipChildren bool) *html.Node {
	if !skipChildren && n.FirstChild != nil {
		return n.FirstChild
	}
	for ; n != nil; n = n.Parent {
		if n.NextSibling != nil {
			return n.NextSibling
		}
	}
	return nil
}

func inRawText(n *html.Node) bool {
	p := n.Parent
	return p != nil && (p.DataAtom == atom.Script || p.DataAtom == atom.Style || p.DataAtom == atom.Noscript)
}

// isHidden reports whether an element is hidden from readers (hover cards, collapsed bios).
func isHidden(n *html.Node) bool {
	if hasAttr(n, "hidden") || strings.EqualFold(attr(n, "aria-hidden"), "true") {
		return true
	}
	style := attr(n, "style")
	if style == "" {
		return false
	}
	style = strings.ToLower(strings.ReplaceAll(style, " ", ""))
	return strings.Contains(style, "display:none") || strings.Contains(style, "visibility:hidden")
}

// visibleText is the text under n that a reader sees, with a line break between blocks,
// stopping after about limit bytes.
func visibleText(n *html.Node, limit int) string { return textUnder(n, limit, true) }

// textOf concatenates the text under n (scripts excluded), stopping after about limit bytes.
func textOf(n *html.Node, limit int) string { return textUnder(n, limit, false) }

// textUnder gathers the text under n, never what neverText holds, stopping after about limit
// bytes. Blocks are set apart by spaces, for matching (textOf); visible also skips what CSS hides
// and sets blocks and line breaks apart by line breaks, as a reader sees them (visibleText).
func textUnder(n *html.Node, limit int, visible bool) string {
	sep := byte(' ')
	if visible {
		sep = '\n'
	}
	var sb strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && sb.Len() < limit; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				sb.WriteString(c.Data)
			case c.Type != html.ElementNode || neverText[c.DataAtom] || visible && isHidden(c):
			default:
				block, br := blockTags[c.DataAtom], c.DataAtom == atom.Br
				if block || br {
					sb.WriteByte(sep)
				}
				walk(c)
				if block || br && visible {
					sb.WriteByte(sep)
				}
			}
		}
	}
	walk(n)
	return sb.String()
}

// PlaceDateline is the place line that opens a wire story: "NAIROBI, Kenya —", "SAN PEDRO DE
// ATACAMA, Chile (AP) —", "ARNOLD, Calif. —", "BEIJING, Nov. 17 (Xinhua) --", "Wuxi, China —".
// Spans are code-point offsets into the text it was read from; Region is empty when none was written.
type PlaceDateline struct {
	Place, Region         string
	PlaceSpan, RegionSpan Span
}

// placeDatelineRE reads a dateline at the start of a paragraph: a place in capitals (or in title case
// when a region follows), an optional region, an optional date, an optional agency in brackets, then
// a dash or colon. The alternatives are tried in order, so "BEIJING, Nov. 17" is a date, not a region.
var placeDatelineRE = regexp.MustCompile(`^(?:` +
	`(\p{Lu}[\p{Lu}'’.\-]+(?: (?:\p{Lu}[\p{Lu}'’.\-]*|de|del|da|do|la|el|al|upon|on|am|an|der|sur))*)` + // 1 PLACE IN CAPITALS
	`|(\p{Lu}\p{Ll}+(?:[ \-](?:\p{Lu}\p{Ll}+|de|del|da|do|la|el|al|am|an|der|sur))*)(?:,)` + // 2 Title Case Place, (a region must follow)
	`)` +
	`(?:,? ((?:\p{Lu}[\p{L}'’.\-]*)(?: \p{Lu}[\p{L}'’.\-]*){0,3}))?` + // 3 region
	`(?:, [\p{L}\d.]+(?: [\p{L}\d.]+){0,2})?` + // a date: "Nov. 17"
	`(?: ?\([^()\n]{1,40}\))?` + // agency
	`\.? ?(?:—|–|--|-|:) `) // Spanish and Portuguese wires close the dateline with a full stop: "(EFE).-"

// placeLineRE reads a press release's place line: a paragraph of its own holding only a place and
// its region, both in capitals ("BAAR, SWITZERLAND"), before the body begins.
var placeLineRE = regexp.MustCompile(`^(\p{Lu}[\p{Lu}'’.\-]+(?: (?:\p{Lu}[\p{Lu}'’.\-]*|DE|DEL|AM|UPON))*), ` +
	`(\p{Lu}[\p{Lu}'’.\-]+(?: \p{Lu}[\p{Lu}'’.\-]*){0,3})\s*$`)

// placeDatelineParagraphs is how many paragraphs from the start a dateline is looked for in: bodies
// sometimes open with a photo credit or a byline line.
const placeDatelineParagraphs = 3

// FindPlaceDateline finds the place dateline opening one of the first paragraphs of text.
func FindPlaceDateline(text string) (PlaceDateline, bool) {
	off := 0
	for n := 0; n < placeDatelineParagraphs && off < len(text); n++ {
		line := text[off:]
		if i := strings.IndexByte(line, '\n'); i >= 0 {
			line = line[:i]
		}
		trimmed := strings.TrimLeft(line, " \t")
		start := off + len(line) - len(trimmed)
		if dl, ok := placeDatelineAt(text, start, trimmed); ok {
			return dl, true
		}
		next := strings.IndexByte(text[off:], '\n')
		if next < 0 {
			break
		}
		off += next + 1
		for off < len(text) && (text[off] == '\n' || text[off] == '\r') {
			off++
		}
	}
	return PlaceDateline{}, false
}

func placeDatelineAt(text string, start int, line string) (PlaceDateline, bool) {
	if len(line) > 240 {
		line = line[:240]
		for !utf8.ValidString(line) {
			line = line[:len(line)-1]
		}
	}
	m := placeDatelineRE.FindStringSubmatchIndex(line)
	if m == nil {
		if m = placeLineRE.FindStringSubmatchIndex(line); m == nil {
			return PlaceDateline{}, false
		}
		// the place line's groups as placeDatelineRE numbers them: 1 place in capitals, 3 region
		m = []int{m[0], m[1], m[2], m[3], -1, -1, m[4], m[5]}
	}
	ps, pe := m[2], m[3]
	if ps < 0 {
		ps, pe = m[4], m[5]
		if m[6] < 0 {
			return PlaceDateline{}, false // a title-case place needs its region ("Wuxi, China —")
		}
	}
	place := strings.TrimRight(line[ps:pe], "-")
	pe = ps + len(place)
	if utf8.RuneCountInString(place) < 2 {
		return PlaceDateline{}, false
	}
	dl := PlaceDateline{Place: place, PlaceSpan: runeSpan(text, start+ps, start+pe)}
	if rs, re := m[6], m[7]; rs >= 0 {
		region := line[rs:re]
		if _, isMonth := monthNames[strings.ToLower(strings.TrimRight(region, "."))]; !isMonth {
			dl.Region, dl.RegionSpan = region, runeSpan(text, start+rs, start+re)
		} else if m[2] < 0 {
			return PlaceDateline{}, false
		}
	}
	return dl, true
}

// runeSpan turns a byte range of text into a code-point Span.
func runeSpan(text string, start, end int) Span {
	s := utf8.RuneCountInString(text[:start])
	return Span{Start: s, End: s + utf8.RuneCountInString(text[start:end])}
}

// FindTitleCaseDateline reads a dateline whose place is in title case and is followed by the date alone
// ("New York, April 1 - …", "Caracas, march 17 - …"), which FindPlaceDateline leaves to
// capitals: a wire's place all the same, which names the city, not its namesake state.
func FindTitleCaseDateline(text string) (PlaceDateline, bool) {
	head := text[:min(len(text), 80)]
	place, rest, ok := strings.Cut(head, ", ")
	if !ok || place == "" || len(strings.Fields(place)) > 4 {
		return PlaceDateline{}, false
	}
	for _, w := range strings.Fields(place) {
		if r := []rune(w); !unicode.IsUpper(r[0]) || strings.ContainsFunc(w, func(c rune) bool { return !unicode.IsLetter(c) && c != '.' && c != '-' }) {
			return PlaceDateline{}, false
		}
	}
	month, rest, ok := strings.Cut(rest, " ")
	if !ok || monthNames[strings.ToLower(strings.TrimSuffix(month, "."))] == 0 {
		return PlaceDateline{}, false
	}
	day, rest, ok := strings.Cut(rest, " ")
	if !ok || len(day) == 0 || len(day) > 2 || strings.ContainsFunc(day, func(c rune) bool { return !unicode.IsDigit(c) }) ||
		!strings.HasPrefix(rest, "- ") && !strings.HasPrefix(rest, "-- ") && !strings.HasPrefix(rest, "— ") {
		return PlaceDateline{}, false
	}
	n := len([]rune(place))
	return PlaceDateline{Place: place, PlaceSpan: Span{Start: 0, End: n}}, true
}
