package event

import (
	"strconv"
	"strings"

	"github.com/newsmon/newsmon/pkg/article"
)

// bestDate returns the index (into d.dates) of the date in sentence si nearest to the token range
// [ts, te), skipping dates that only bound something else ("since 2015", "by 2030") and, unless the
// event is a statement, the date a report was made ("…, officials said on Monday"); -1 if none.
func (d *doc) bestDate(si, ts, te int, statement bool) int {
	k, _ := d.nearestDate(si, ts, te, statement, false)
	return k
}

// nearestDate is bestDate with the token distance of the date found.
func (d *doc) nearestDate(si, ts, te int, statement, economic bool) (int, int) {
	s := d.sents[si]
	best, bestDist := -1, 1<<30
	for k, r := range d.dates {
		if r.tStart < s.start || r.tStart >= s.end {
			continue
		}
		if d.boundingDate(k) || d.rangeEndOf(k) >= 0 || d.otherClause(r, ts, te) || d.termEnd(k, economic) || d.participleDate(r, te, economic) {
			continue
		}
		reporting := !statement && d.reportingDate(k) && (r.tEnd <= ts || r.tStart >= te+3)
		if reporting && !economic {
			continue
		}
		dist := r.tStart - te
		if r.tEnd <= ts {
			dist = ts - r.tEnd + 1 // a date before the trigger counts slightly less
		}
		if dist < 0 {
			dist = 0
		}
		if reporting {
			dist += 5 // an economic figure's period beats its release date, which beats nothing
		}
		if dist < bestDist {
			best, bestDist = k, dist
		}
	}
	return best, bestDist
}

// otherClause reports a date that a subordinate or reported clause separates from the trigger, so
// that it dates another event: "to take effect early next year after a quarter of a century of
// negotiations" does not date the negotiations, nor does "fans gathered …, and the club said the
// team would parade on Monday" date the gathering. A relative clause opening right after the
// trigger describes the trigger's event ("the protest, which began on Monday"); a break word right
// before the date is its preposition ("talks after May 5"); and "after", "before", "since",
// "until" and "once" followed closely by the date or the trigger are prepositions ("the deal
// reached shortly after midnight on Wednesday", "paused on Monday after a general strike"), unless
// a gerund opens a clause ("freed on Monday after agreeing a plea deal") or a duration makes it an
// offset ("on Monday, two years after talks collapsed").
func (d *doc) otherClause(r ref, ts, te int) bool {
	from, to := r.tEnd, ts
	after := r.tStart >= te // the date follows the trigger
	if after {
		from, to = te, r.tStart
	}
	last := to // the token right before a following date is its preposition, not a break…
	if after && !oneOf(d.w(to-1), "who", "which", "whose", "whom") {
		last = to - 1 // …unless it opens a relative clause: "an address from Allawi, who this week criticised"
	}
	if !after && d.closedRelative(r, ts) {
		return true
	}
	for j := from; j < last; j++ {
		w := d.w(j)
		if after && j > te && oneOf(w, "said", "says", "told", "added") && j < r.tStart-2 {
			return true
		}
		if !d.v.subordinators[w] {
			continue
		}
		if after && j-te <= 1 && (w == "which" || w == "that" || w == "when" || w == "where") {
			continue
		}
		if oneOf(w, "after", "before", "since", "until", "once") && to-j <= 4 && !strings.HasSuffix(d.w(j+1), "ing") &&
			!durationWords[d.w(j-1)] {
			continue // a preposition whose object holds the trigger or the date
		}
		return true
	}
	return false
}

// closedRelative reports a date before the trigger inside a relative clause that a comma closes
// before it: "Under his tenure, which began in January 2003, plans … were announced".
func (d *doc) closedRelative(r ref, ts int) bool {
	closed := false
	for j := r.tEnd; j < ts; j++ {
		if d.w(j) == "," {
			closed = true
			break
		}
	}
	if !closed {
		return false
	}
	for j := r.tStart - 1; j >= 0 && j >= r.tStart-6; j-- {
		switch d.w(j) {
		case "which", "who", "whose", "whom":
			return true
		case ",", ";", ".":
			return false
		}
	}
	return false
}

// durationWords before "after"/"before" make it an offset between two events ("two years after
// talks collapsed"), which always separates them.
var durationWords = map[string]bool{"days": true, "weeks": true, "months": true, "years": true,
	"decades": true, "hours": true, "day": true, "week": true, "month": true, "year": true}

// reportingDate reports a date that dates the telling: "said on Monday", "announced Tuesday".
func (d *doc) reportingDate(k int) bool {
	t := d.dates[k].tStart - 1
	if d.w(t) == "on" {
		t--
	}
	switch d.w(t) {
	case "said", "says", "told", "reported", "announced", "confirmed", "stated", "added", "wrote":
		return true
	}
	return false
}

// boundingDate reports a date that starts or ends a period rather than dating an event.
func (d *doc) boundingDate(k int) bool {
	switch d.w(d.dates[k].tStart - 1) {
	case "since", "until", "till", "by", "before":
		return true
	}
	return false
}

// termEnd reports a date that ends a term or falls due ("bonds due January 1, 1997", "a
// standstill expiring June 30", "an agreement that runs through September 1988"): a deadline, not
// the event's day. An economic figure's "through June 20" is its period and is kept.
func (d *doc) termEnd(k int, economic bool) bool {
	t := d.dates[k].tStart - 1
	if oneOf(d.w(t), "in", "on", "by") {
		t-- // "debt due in 1988"
	}
	w := d.w(t)
	if oneOf(w, "due", "expiring", "expires", "expire", "maturing", "matures", "mature") {
		return true
	}
	return !economic && oneOf(w, "through", "thru")
}

// participleDate reports a date after the trigger that a past participle modifying another noun
// governs: in the trigger's complement ("reached an agreement to settle a lawsuit filed against
// the company in May 1985") or set off by a comma ("the fifth meeting of the group of exporters,
// formed in 1983"). A participle right after the trigger ("the strike, called on March 3") is the
// trigger's own; without a comma or a complement ("revenues from the smelter totalled … in 1986")
// the word may be the trigger's own verb, and economic figures are left to their periods.
func (d *doc) participleDate(r ref, te int, economic bool) bool {
	if r.tStart < te || economic {
		return false
	}
	complement := false
	for j := te; j < r.tStart; j++ {
		w := d.w(j)
		if w == "to" && isLowerWord(d.w(j+1)) && !functionWords[d.w(j+1)] && !determiners[d.w(j+1)] {
			complement = true // "to settle", "to discuss", "to block"
		}
		if j < te+3 || !strings.HasSuffix(w, "ed") || !isLowerWord(w) || len(w) < 5 {
			continue
		}
		p := j - 1
		comma := d.w(p) == ","
		if comma {
			p--
		}
		if !comma && !complement {
			continue
		}
		pw := d.w(p)
		if d.v.passiveAux[pw] || functionWords[pw] || d.v.clauseBreaks[pw] || strings.HasSuffix(pw, "ly") || oneOf(pw, "being", "not", "also") {
			continue // "was signed in May", "has been extended"
		}
		if d.entAt[p] >= 0 || isLowerWord(pw) && isNoun(pw) {
			return true
		}
	}
	return false
}

// rangeEndOf returns the index of the date that date k closes as a range ("Oct 20 to Nov 2": Nov 2
// closes Oct 20), or -1.
func (d *doc) rangeEndOf(k int) int {
	if k == 0 {
		return -1
	}
	p := d.dates[k-1]
	if p.tEnd+1 == d.dates[k].tStart && (isRangeConnector(d.w(p.tEnd)) || d.dayPair(k-1, k)) {
		return k - 1
	}
	return -1
}

// dayPair reports "on Wednesday and Thursday": two days joined by "and", in order, under a week apart.
func (d *doc) dayPair(k, n int) bool {
	if d.w(d.dates[k].tEnd) != "and" || d.dates[k].tEnd+1 != d.dates[n].tStart {
		return false
	}
	a, b := d.a.Dates[d.dates[k].i], d.a.Dates[d.dates[n].i]
	return a.Grain == "day" && b.Grain == "day" && len(a.Value) == 10 && len(b.Value) == 10 &&
		b.Value > a.Value && a.Value[:7] == b.Value[:7] && b.Value[8:] <= twoDigits(min(31, atoi2(a.Value[8:])+6))
}

func atoi2(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

func isRangeConnector(w string) bool {
	switch w {
	case "to", "until", "till", "through", "thru", "-", "–", "—":
		return true
	}
	return false
}

// dateRange returns date k's value, extended to an ISO interval when the text states a range:
// "Oct 20 to 23", "Oct 20-23", "20 to 23 October", "Oct 30 to Nov 2". end is the range's last day.
func (d *doc) dateRange(k int) (value, end string) {
	r := d.dates[k]
	dt := d.a.Dates[r.i]
	start := dt.Value
	if i := strings.IndexByte(start, '/'); i >= 0 {
		return start, start[i+1:] // the dates extractor read the range itself
	}
	if dt.Grain != "day" || len(start) != 10 {
		return start, ""
	}
	if t := r.tEnd; t < len(d.toks) && (isRangeConnector(d.w(t)) || d.w(t) == "and") {
		if k+1 < len(d.dates) && d.dates[k+1].tStart == t+1 && (d.w(t) != "and" || d.dayPair(k, k+1)) {
			if g := d.a.Dates[d.dates[k+1].i]; g.Grain == "day" && g.Value > start {
				return start + "/" + g.Value, g.Value
			}
		}
		if n, ok := dayNumber(d.w(t + 1)); ok && d.dateAtTok(t+1) < 0 && !isMonth(d.w(t+2)) &&
			(d.w(t) != "and" || d.endsPhrase(t+2)) {
			if e := start[:8] + twoDigits(n); e > start {
				return start + "/" + e, e
			}
		}
	}
	if t := r.tStart; t >= 2 && isRangeConnector(d.w(t-1)) && d.dateAtTok(t-2) < 0 {
		if n, ok := dayNumber(d.w(t - 2)); ok {
			if s := start[:8] + twoDigits(n); s < start {
				return s + "/" + start, start
			}
		}
	}
	return start, ""
}

// endsPhrase: token t closes a noun phrase ("Oct. 17 and 18." / "and 18 in Beijing"), so the
// number before it is a day, not a count ("Oct. 17 and 18 people").
func (d *doc) endsPhrase(t int) bool {
	if t >= len(d.toks) {
		return true
	}
	switch d.w(t) {
	case ".", ",", ";", ":", ")", "in", "at", "on", "with", "and", "to", "for", "—", "-":
		return true
	}
	return false
}

func (d *doc) dateAtTok(t int) int32 {
	if t < 0 || t >= len(d.dateAt) {
		return -1
	}
	return d.dateAt[t]
}

func dayNumber(w string) (int, bool) {
	if len(w) == 0 || len(w) > 4 {
		return 0, false
	}
	n := 0
	digits := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c < '0' || c > '9' {
			if digits == 0 || !oneOf(w[i:], "st", "nd", "rd", "th") {
				return 0, false
			}
			break
		}
		n = n*10 + int(c-'0')
		digits++
	}
	return n, n >= 1 && n <= 31
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

func isMonth(w string) bool {
	switch w {
	case "january", "february", "march", "april", "may", "june", "july", "august", "september",
		"october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
		"sept", "oct", "nov", "dec", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.",
		"sept.", "oct.", "nov.", "dec.":
		return true
	}
	return false
}

// bestPlace returns the index (into Article.Places) of the place where the event in sentence si
// happened: a resolved place after "in", "at", "near"… (or "to"/"on" right after the trigger:
// "visit to India", "attack on Israel"), or right after the trigger ("visited Paris"), nearest to
// the trigger; else a bare city or region ("Dhaka police") or a country named as the possessor of the
// event ("Russia's presidential election"). Places after "from" are origins and, except for
// elections, disasters and protests, bare countries are actors ("Kenya signed"), so neither counts.
func (d *doc) bestPlace(si, ts, te int, typ string) int {
	p, _ := d.scoredPlace(si, ts, te, typ)
	return p
}

// scoredPlace is bestPlace with the score of the place found.
func (d *doc) scoredPlace(si, ts, te int, typ string) (int, float64) {
	s := d.sents[si]
	best, bestScore := -1, 0.0
	countryScene := typ == TypeElection || typ == TypeDisaster || typ == TypeProtest
	for _, r := range d.places {
		if r.tStart < s.start || r.tStart >= s.end {
			continue
		}
		pt := r.tStart - 1
		for pt > s.start && (isDirection(d.w(pt)) || oneOf(d.w(pt), "the", "a", "an")) {
			pt-- // "in central Iran", "struck southern Turkey", "from the Wuxi government"
		}
		prev := d.w(pt)
		if d.v.originPreps[prev] || d.officeholdersPlace(r, pt, d.w(ts)) {
			continue
		}
		p := d.a.Places[r.i]
		score := 0.0
		switch {
		case d.v.placePreps[prev] && !attachedPrep(prev):
			score = 2
		case attachedPrep(prev) && pt >= te && pt <= te+1:
			score = 2
		case pt == te-1:
			score = 2 // "visited Paris", "struck southern Turkey"
		case prev == "," && d.placeAtTok(r.tStart-2) >= 0:
			score = 0.5 // "Wuxi, Jiangsu": the first place is the more precise one
		case d.possessive(r):
			if !countryScene || r.tEnd > ts || ts-r.tEnd > 10 {
				continue // "Gabon's military officers announced": a nationality, not a scene
			}
			score = 1.5
		case attachedPrep(prev):
			continue // "sanctions on Russia", "flee to India"
		default:
			if p.Feature == "country" && !countryScene || d.actsAsSubject(r) {
				continue // "Kenya signed", "Kyiv and Moscow blamed each other"
			}
			score = 1
		}
		dist := r.tStart - te
		if r.tEnd <= ts {
			dist = ts - r.tEnd
		}
		if dist < 0 {
			dist = 0
		}
		score -= float64(dist) / 100
		if score > bestScore {
			best, bestScore = r.i, score
		}
	}
	return best, bestScore
}

// actsAsSubject: a bare place name followed by "and" or a verb is a government or team acting
// ("Moscow blamed", "Kyiv and Moscow"), not a scene ("Dhaka police").
func (d *doc) actsAsSubject(r ref) bool {
	if si := d.sents[d.tokSent[r.tStart]]; r.tStart > si.start && !oneOf(d.w(r.tStart-1), "and", ",", "the", "while", "but") {
		return false // "the city of Medellín buried", "southern Turkey and"
	}
	w := d.w(r.tEnd)
	if r.tEnd >= len(d.toks) || d.toks[r.tEnd].Text != w {
		return false // capitalised: part of a longer name
	}
	switch w {
	case "and", "has", "have", "had", "is", "was", "were", "will", "would", "said", "says", "says,":
		return true
	}
	return len(w) > 3 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "es"))
}

// attachedPrep: prepositions that locate an event only when they follow its trigger.
func attachedPrep(w string) bool { return w == "to" || w == "on" || w == "into" }

func isDirection(w string) bool {
	switch w {
	case "northern", "southern", "eastern", "western", "central", "north", "south", "east", "west",
		"northeastern", "northwestern", "southeastern", "southwestern", "north-eastern", "north-western",
		"south-eastern", "south-western", "northwest", "northeast", "southwest", "southeast", "coastal",
		"rural", "downtown", "neighbouring", "neighboring":
		return true
	}
	return false
}

func (d *doc) placeAtTok(t int) int32 {
	if t < 0 || t >= len(d.placeAt) {
		return -1
	}
	return d.placeAt[t]
}

// possessive reports a mention written "Kenya's" (the token runs on past the name).
func (d *doc) possessive(r ref) bool {
	if r.tEnd == 0 || r.tEnd > len(d.toks) {
		return false
	}
	last := d.toks[r.tEnd-1]
	return last.End > r.end || d.w(r.tEnd) == "'s" || d.w(r.tEnd) == "’s"
}

// officeWords follow a place that is an officeholder's constituency: "the Vermont senator", "Texas
// Sen. Ted Cruz", "the former Maryland governor" (a state's attorney general or secretary of state,
// and a city's mayor, mostly act at home).
var officeWords = words(`senator senators sen sen. governor governors gov gov. rep rep. representative
congressman congresswoman congressmen lawmaker lawmakers legislator legislators delegation lt lt.
native natives resident residents`)

// partyWords follow a place that is a politician's state: "a Tennessee Republican who", "the
// South Carolina Democrat said" — not "the Iowa Republican caucuses".
var partyWords = words(`democrat democrats republican republicans`)

// officeholdersPlace reports a place that describes a person rather than locating an event — but
// not, but for a party-and-state tag, for the person's own election or a signing, done at home
// ("an Orlando Democrat who was first elected", "Virginia Gov. Terry McAuliffe signed an order")
// (issue #19, political news): a politician's state ("the Vermont senator", "Texas Sen. Ted
// Cruz", "a Tennessee Republican who", "Ted Cruz of Texas"), a party-and-state tag ("Trey Gowdy
// (R-S.C.)", "Elijah Cummings (Md.)"). pt is the token before the place, past "the".
func (d *doc) officeholdersPlace(r ref, pt int, trigger string) bool {
	if txt := d.a.Text; r.start >= 2 && r.end < len(txt) {
		before := txt[r.start-2 : r.start]
		if before[1] == '(' && txt[r.end] == ')' || oneOf(before, "R-", "D-", "I-") {
			return true
		}
	}
	if oneOf(trigger, "elected", "re-elected", "reelected", "signed", "signs", "signing") {
		return false
	}
	if r.tEnd < len(d.toks) && !d.possessive(r) {
		next := d.w(r.tEnd)
		if officeWords[next] {
			return true
		}
		if _, trigger := d.v.lex[d.w(r.tEnd+1)]; partyWords[next] && !trigger && d.entAt[r.tEnd+1] < 0 {
			return true
		}
	}
	return d.w(pt) == "of" && d.entityIs(pt-1, article.TypePerson)
}
