package dates

import (
	"strconv"
	"strings"
	"time"

	"github.com/newsmon/newsmon/pkg/text"
)

// The grammar of dates in languages other than English, over the tables of languages.go.

// scanLang finds the date expressions of a text in p.lang, left to right.
func (p *parser) scanLang() []hit {
	var out []hit
	for i := 0; i < len(p.t); i++ {
		if h, ok := p.langAt(i); ok {
			out = append(out, h)
			p.remember(h)
			i = h.to - 1
		}
	}
	return out
}

// langAt reads the expression that starts at token i, if any.
func (p *parser) langAt(i int) (hit, bool) {
	switch {
	case p.lang.han:
		return p.hanAt(i)
	case p.t[i].kind == kNum:
		return p.langAtNumber(i)
	case p.t[i].kind == kWord:
		if wi, found := p.langWord(i); found {
			return p.langAtWord(i, wi)
		}
	}
	return hit{}, false
}

// langWord looks word i up in the language's table.
func (p *parser) langWord(i int) (wordInfo, bool) {
	if i < 0 || i >= len(p.t) || p.t[i].kind != kWord {
		return wordInfo{}, false
	}
	return text.LookupLower(p.lang.words, p.text(i))
}

// langIs reports whether token i is a word of class c.
func (p *parser) langIs(i int, c class) bool {
	wi, ok := p.langWord(i)
	return ok && wi.class == c
}

// langAtNumber reads expressions that begin with digits: numeric dates, "3 de marzo de 2024",
// "1er mars", "3. März", "del 3 al 5 de marzo", "tre giorni fa", and years after a cue.
func (p *parser) langAtNumber(i int) (hit, bool) {
	n, ln := p.num(i)
	if n < 0 {
		return hit{}, false
	}
	if i > 1 && !p.t[i].space && (p.is(i-1, ",") || p.is(i-1, ".") || p.is(i-1, "/") || p.is(i-1, "-")) && p.t[i-2].kind == kNum {
		return hit{}, false // the number continues a larger one ("1.999")
	}
	if h, ok := p.numericAt(i, n, ln); ok {
		return h, true
	}
	if ln <= 2 && n >= 1 && n <= 31 {
		if h, ok := p.langDayMonth(i, n); ok {
			return h, true
		}
	}
	if per, ok := p.langWord(i + 1); ok && per.class == cPeriod && p.langIs(i+2, cAgoAfter) && !p.ref.IsZero() {
		return p.agoHit(hit{from: i, to: i + 3}, per.val, n)
	}
	if ln <= 1 && n >= 1 && n <= 4 && p.is(i+1, ".") && p.glued(i+1) {
		if h, ok := p.langOrdinal(i, i+1, n); ok {
			return h, true // "3. Quartal"
		}
	}
	if ln == 4 && plausibleYear(n) && p.langCue(i-1) && !p.numGlued(i+1) {
		h := hit{from: i, to: i + 1, value: strconv.Itoa(n), grain: "year"}
		if k := i + 1; p.near(k) && (p.is(k, "-") || p.is(k, "–") || p.langIs(k, cRange)) {
			if y2, l := p.num(k + 1); l == 4 && y2 > n && plausibleYear(y2) {
				h.to, h.value = k+2, h.value+"/"+strconv.Itoa(y2)
			}
		}
		return h, true
	}
	return hit{}, false
}

// langCue reports whether word k lets a bare month or year stand alone: a cue ("en", "im",
// "depuis"), or a link or range word after one ("antes de", "a partir de", "d'ici à",
// "jusqu'à").
func (p *parser) langCue(k int) bool {
	if k < 0 || k+1 >= len(p.t) || p.t[k+1].brk || p.t[k].kind != kWord {
		return false
	}
	if _, ok := text.LookupLower(p.lang.cues, p.text(k)); ok {
		return true
	}
	if !p.langIs(k, cLink) && !p.langIs(k, cRange) || k == 0 || p.t[k-1].kind != kWord {
		return false
	}
	_, ok := text.LookupLower(p.lang.cues, p.text(k-1))
	return ok
}

// skipOrdinal passes the mark glued after a day number at k: "1er", "1º", "3.".
func (p *parser) skipOrdinal(k int) int {
	if k < len(p.t) && p.glued(k) {
		if _, ok := p.lang.ordinals[strings.ToLower(p.text(k))]; ok {
			return k + 1
		}
	}
	return k
}

// langMonthAt reads "[link] month" at k ("de marzo", "März", "févr."): the month and the index after.
func (p *parser) langMonthAt(k int) (int, int) {
	if p.langIs(k, cLink) && p.near(k+1) {
		k++
	}
	wi, ok := p.langWord(k)
	if !ok || wi.class != cMonth || !p.near(k) {
		return 0, 0
	}
	end := k + 1
	if wi.abbr {
		if !p.is(end, ".") || !p.glued(end) {
			return 0, 0
		}
		end++
	}
	return wi.val, end
}

// monthAt reports whether "[link] month" stands at k.
func (p *parser) monthAt(k int) bool {
	mo, _ := p.langMonthAt(k)
	return mo != 0
}

// langYearAt reads "[link|,] 2024" at k.
func (p *parser) langYearAt(k int) (int, int) {
	if (p.langIs(k, cLink) || p.is(k, ",")) && p.near(k+1) {
		k++
	}
	if y, l := p.num(k); l == 4 && plausibleYear(y) && p.near(k) && !p.numGlued(k+1) {
		return y, k + 1
	}
	return 0, 0
}

// langDayMonth reads a day and its month at i: "3 de marzo de 2024", "1er mars", "3. März 2024",
// "del 3 al 5 de marzo", "vom 3. bis 5. März".
func (p *parser) langDayMonth(i, d int) (hit, bool) {
	k := p.skipOrdinal(i + 1)
	d2 := 0
	if p.near(k) && (p.langIs(k, cRange) || p.is(k, "-") || p.is(k, "–")) {
		if v, l := p.num(k + 1); l >= 1 && l <= 2 && v > d && v <= 31 {
			if j := p.skipOrdinal(k + 2); p.monthAt(j) {
				d2, k = v, j
			}
		}
	}
	mo, end := p.langMonthAt(k)
	if mo == 0 {
		return hit{}, false
	}
	h := hit{from: i, to: end, grain: "day"}
	y, yEnd := p.langYearAt(end)
	if y != 0 {
		h.to = yEnd
	}
	return p.dayHit(h, y, mo, d, mo, d2)
}

// langAtWord reads expressions that begin with a known word.
func (p *parser) langAtWord(i int, wi wordInfo) (hit, bool) {
	if p.lang.titleNames && (wi.class == cMonth || wi.class == cWeekday) && p.capitalised(i) && i > 0 && !p.t[i].brk && p.t[i-1].kind == kWord {
		return hit{}, false // "Plácido Domingo", "Radio Mayo"
	}
	switch wi.class {
	case cMonth:
		return p.langMonth(i, wi)
	case cWeekday:
		return p.langWeekday(i, i, wi, 0, false)
	case cDayWord:
		return p.langDayWord(i, wi)
	case cRel:
		return p.langRel(i, wi.val)
	case cOrdinal:
		return p.langOrdinal(i, i, wi.val)
	case cPeriod:
		if r, ok := p.langWord(i + 1); ok && r.class == cRel && p.near(i+1) && !p.ref.IsZero() && wi.val != pHalf {
			return p.periodHit(hit{from: i, to: i + 2}, wi.val, r.val) // "la semana pasada"
		}
	case cAgo:
		return p.langAgo(i)
	}
	return hit{}, false
}

// langMonth reads "marzo de 2024", "mars 2024", and a bare month after a cue ("en marzo", "im
// März") or with a relative word ("el pasado marzo", "marzo pasado").
func (p *parser) langMonth(i int, wi wordInfo) (hit, bool) {
	if wi.abbr || p.lang == languages["de"] && !p.capitalised(i) {
		return hit{}, false
	}
	if y, end := p.langYearAt(i + 1); y != 0 && !p.is(i+1, ",") {
		return p.monthHit(i, end, y, wi.val)
	}
	if p.ref.IsZero() {
		return hit{}, false
	}
	from, end := i, i+1
	rel, hasRel := 0, false
	if r, ok := p.langWord(i - 1); ok && r.class == cRel && !p.t[i].brk {
		from, rel, hasRel = i-1, r.val, true
	} else if r, ok := p.langWord(i + 1); ok && r.class == cRel && p.near(i+1) && r.val != 0 {
		end, rel, hasRel = i+2, r.val, true
	} else if !p.langCue(i-1) && (!p.lang.titleNames || p.capitalised(i)) {
		return hit{}, false // a month written in lower case needs no cue: "cerró octubre en 4,2 %"
	}
	y := p.bareMonthYear(wi.val, rel, hasRel, from, end)
	return hit{from: from, to: end, value: monthValue(y, wi.val), grain: "month"}, true
}

// langWeekday reads a weekday at i whose expression starts at from: "martes", "el martes 3 de
// marzo" (the date decides), "mardi prochain", "martes pasado"; rel is a relative word read before.
func (p *parser) langWeekday(from, i int, wi wordInfo, rel int, hasRel bool) (hit, bool) {
	end := i + 1
	if p.lang.feira && wi.val >= 1 && wi.val <= 5 {
		if !p.is(end, "-") || !p.glued(end) || !p.glued(end+1) || !strings.EqualFold(p.text(min(end+1, len(p.t)-1)), "feira") {
			return p.langOrdinal(from, i, wi.val+1) // "segunda" alone is "second": "segundo trimestre"
		}
		end += 2
	}
	if p.lang == languages["de"] && !p.capitalised(i) {
		return hit{}, false
	}
	k := end
	if p.is(k, ",") {
		k++
	}
	if d, l := p.num(k); l >= 1 && l <= 2 && d <= 31 && p.near(k) {
		if h, ok := p.langDayMonth(k, d); ok {
			h.from = from
			return p.matchWeekday(h, time.Weekday(wi.val)), true
		}
	}
	if p.ref.IsZero() {
		return hit{}, false
	}
	if !hasRel {
		if r, ok := p.langWord(end); ok && r.class == cRel && p.near(end) && r.val != 0 {
			rel, hasRel = r.val, true // "mardi prochain", "martes pasado"
			end++
		}
	}
	t := p.weekdayDate(time.Weekday(wi.val), rel, hasRel, from, end)
	return hit{from: from, to: end, value: dayValue(t), grain: "day"}, true
}

// langDayWord reads "ayer", "hier", "gestern", "mañana" (tomorrow, not "la mañana", the morning).
func (p *parser) langDayWord(i int, wi wordInfo) (hit, bool) {
	if p.ref.IsZero() {
		return hit{}, false
	}
	w := strings.ToLower(p.text(i))
	switch {
	case w == "mañana" && i > 0 && p.langMorningBefore(i-1):
		return hit{}, false
	case w == "morgen" && p.capitalised(i) && p.lang == languages["de"]: // "heute Morgen": the morning
		return hit{}, false
	case w == "aujourd":
		if !(p.is(i+1, "'") || p.is(i+1, "’")) || !p.is(i+2, "hui") {
			return hit{}, false
		}
		return hit{from: i, to: i + 3, value: dayValue(p.spokenDay(i)), grain: "day"}, true
	}
	return hit{from: i, to: i + 1, value: dayValue(p.spokenDay(i).AddDate(0, 0, wi.val)), grain: "day"}, true
}

// langMorningBefore reports whether word k makes a following "mañana" the morning ("la mañana",
// "esta mañana", "cada mañana").
func (p *parser) langMorningBefore(k int) bool {
	switch strings.ToLower(p.text(k)) {
	case "la", "esta", "una", "cada", "media", "toda", "misma", "de":
		return true
	}
	return false
}

// langRel reads a relative word at i before what it qualifies: "el próximo martes", "la próxima
// semana", "este año", "nächstes Jahr", "pasado mañana".
func (p *parser) langRel(i, rel int) (hit, bool) {
	if p.ref.IsZero() || !p.near(i+1) {
		return hit{}, false
	}
	next, ok := p.langWord(i + 1)
	if !ok {
		return hit{}, false
	}
	switch next.class {
	case cWeekday:
		return p.langWeekday(i, i+1, next, rel, true)
	case cMonth:
		return p.langMonth(i+1, next)
	case cPeriod:
		if next.val == pHalf {
			return hit{}, false
		}
		return p.periodHit(hit{from: i, to: i + 2}, next.val, rel)
	case cDayWord:
		if next.val == 1 && rel < 0 && strings.EqualFold(p.text(i), "pasado") {
			return hit{from: i, to: i + 2, value: dayValue(p.ref.AddDate(0, 0, 2)), grain: "day"}, true // "pasado mañana"
		}
	}
	return hit{}, false
}

// langAgo reads "hace tres días", "vor 3 Jahren", "há dois meses", "il y a deux semaines" at i.
func (p *parser) langAgo(i int) (hit, bool) {
	k := i + 1
	if strings.EqualFold(p.text(i), "il") {
		if !p.is(k, "y") || !p.is(k+1, "a") {
			return hit{}, false
		}
		k += 2
	}
	n, l := p.num(k)
	if l == 0 {
		wi, ok := p.langWord(k)
		if !ok || wi.class != cNumWord {
			return hit{}, false
		}
		n = wi.val
	} else if l > 3 {
		return hit{}, false
	}
	per, ok := p.langWord(k + 1)
	if !ok || per.class != cPeriod || p.ref.IsZero() || !p.near(k+1) {
		return hit{}, false
	}
	return p.agoHit(hit{from: i, to: k + 2}, per.val, n)
}

// langTense is the tense of the clause around tokens [from, to): the nearest cue before the
// expression in its sentence, else the nearest after it, else 0.
func (p *parser) langTense(from, to int) int {
	if p.lang.han {
		return p.hanTense(from, to)
	}
	for k := from - 1; k >= 0 && k >= from-16; k-- {
		if t := p.cueAt(k); t != 0 {
			return t
		}
		if p.stopsClause(k) || p.t[k].brk {
			break
		}
	}
	for k := to; k < len(p.t) && k < to+8; k++ {
		if p.t[k].brk || p.stopsClause(k) || p.is(k, ",") {
			break
		}
		if t := p.cueAt(k); t != 0 {
			return t
		}
	}
	// No tense near the date: the sentence's verb, further back, gives it ("», a lancé X,
	// secrétaire général de …, devant la préfecture de Rouen, dimanche").
	for k := from - 17; k >= 0 && k >= from-sentenceTenseReach; k-- {
		if p.stopsClause(k) || p.t[k].brk {
			break
		}
		if t := p.cueAt(k); t != 0 {
			return t
		}
	}
	return 0
}

// sentenceTenseReach is how many tokens back from a date the sentence's verb is looked for when
// none stands near the date.
const sentenceTenseReach = 48

// stopsClause reports whether token k ends a sentence or opens or closes a quotation.
func (p *parser) stopsClause(k int) bool {
	if p.t[k].kind != kPunct {
		return false
	}
	switch p.text(k) {
	case ".", "!", "?", ";", "\"", "“", "”", "«", "»", "„":
		return true
	}
	return false
}

// cueAt is the tense word k says in the language: +1, -1 or 0.
func (p *parser) cueAt(k int) int {
	if p.t[k].kind != kWord {
		return 0
	}
	c := &p.lang.tense
	w := strings.ToLower(p.text(k))
	switch {
	case c.future[w]:
		return 1
	case c.past[w]:
		return -1
	case c.notFuture[w] || c.notPast[w]:
		return 0
	}
	if len(w) >= c.minFutureLen {
		for _, e := range c.futureEnds {
			if strings.HasSuffix(w, e) {
				return 1
			}
		}
	}
	if len(w) >= c.minPastLen {
		for _, e := range c.pastEnds {
			if strings.HasSuffix(w, e) {
				return -1
			}
		}
	}
	return 0
}

// langOrdinal reads "tercer trimestre [de 2026]", "dritten Quartal", "primer semestre" whose
// expression starts at from and whose ordinal n is token i.
func (p *parser) langOrdinal(from, i, n int) (hit, bool) {
	per, ok := p.langWord(i + 1)
	if !ok || per.class != cPeriod || (per.val != pQuarter && per.val != pHalf) || !p.near(i+1) || per.val == pHalf && n > 2 {
		return hit{}, false
	}
	h := hit{from: from, to: i + 2}
	half := per.val == pHalf
	y, end := p.langYearAt(i + 2)
	switch {
	case y != 0:
		h.to = end
	case p.ref.IsZero():
		return hit{}, false
	default:
		y = p.periodYear(i, n, half)
	}
	return partHit(h, y, n, half)
}
