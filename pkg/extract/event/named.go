package event

import (
	"sort"
	"strings"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/text"
)

// namedEv is a named event being assembled.
type namedEv struct {
	name       string
	key        string // normalised name that repeated mentions share
	typ        string
	head       string // last word, lower-case: what "the congress" refers back to
	conf       float64
	spans      []ref // name mentions, acronyms and back-references
	date       string
	dateEnd    string
	place      int            // index into Article.Places, -1 for none
	namePlace  *article.Place // else a place read from the name ("Frankfurt Book Fair")
	since      string
	recurrence string
	organiser  string
}

// namedEvents collects the named events, merges their repeated mentions, acronyms and
// back-references, marks their tokens in d.namedAt and attaches date, place, recurrence and organiser.
func (d *doc) namedEvents() []namedEv {
	var evs []namedEv
	byKey := map[string]int{}
	addSpan := func(r ref, name, typ string, conf float64) {
		key := normName(name)
		if key == "" {
			return
		}
		k, ok := byKey[key]
		if !ok {
			k = len(evs)
			byKey[key] = k
			evs = append(evs, namedEv{name: name, key: key, typ: typ, head: lastWord(key), conf: conf, place: -1})
		}
		ev := &evs[k]
		if len(trimThe(name)) > len(ev.name) {
			ev.name = trimThe(name)
		}
		if conf > ev.conf {
			ev.conf, ev.typ = conf, typ
		}
		ev.spans = append(ev.spans, r)
	}
	covered := make([]bool, len(d.toks))
	for _, r := range d.ents {
		if r.tEnd > r.tStart && isMonth(d.w(r.tEnd-1)) && d.inDate(r.tEnd-1) {
			continue // "Dublin on 12 March": a place and a date, not a march
		}
		en := d.a.Entities[r.i]
		var typ string
		var conf float64
		switch en.Type {
		case article.TypeEvent:
			typ, _ = d.headType(en.Name, true)
			conf = 0.9
		case article.TypeOrg, article.TypeMisc:
			if !d.headWord(en.Name) {
				continue
			}
			var ok bool
			if typ, ok = d.headType(en.Name, false); !ok {
				continue
			}
			conf = 0.75
		default:
			continue
		}
		name := en.Name
		if w, ok := d.joinedAcrossOf(r); ok {
			r, name = w, d.s[w.start:w.end]
		}
		if t, ok := d.trimLead(r); t.tStart != r.tStart {
			if !ok {
				continue
			}
			r, name = t, d.s[t.start:t.end]
		}
		addSpan(r, name, typ, conf)
		for t := r.tStart; t < r.tEnd; t++ {
			covered[t] = true
		}
	}
	for _, r := range d.scanNames(covered) {
		if t, ok := d.trimLead(r); t.tStart != r.tStart {
			if !ok {
				continue
			}
			r = t
		}
		name := d.s[r.start:r.end]
		typ, _ := d.headType(name, true)
		if r.typ != article.TypeEvent { // a code name: "COP28" for "COP28 climate conference"
			name = r.typ
		}
		if typ == "" {
			typ = d.v.heads[d.w(r.tStart)] // "Typhoon Yagi"
		}
		addSpan(r, name, typ, 0.6)
	}
	if len(evs) == 0 {
		return nil
	}
	evs = mergeSuffixes(evs)
	evs = d.dropActors(evs)
	evs = d.dropNonEvents(evs)
	if len(evs) == 0 {
		return nil
	}
	d.namedAt = make([]int32, len(d.toks))
	for i := range d.namedAt {
		d.namedAt[i] = -1
	}
	for k := range evs {
		for _, r := range evs[k].spans {
			d.markNamed(r, k)
		}
	}
	for k := range evs {
		d.acronyms(evs, k)
	}
	d.backReferences(evs)
	for k := range evs {
		sort.Slice(evs[k].spans, func(i, j int) bool { return evs[k].spans[i].start < evs[k].spans[j].start })
		d.attachNamed(&evs[k])
	}
	return evs
}

// dropNonEvents removes names a reader does not take for an event held: a generic head alone
// ("the Championship side": a league), a television programme ("the Tonight Show"), and a name
// that only ever modifies another noun ("a Stanley Cup title", "Iraq War veteran Tom Young").
func (d *doc) dropNonEvents(evs []namedEv) []namedEv {
	out := evs[:0]
	for _, ev := range evs {
		ws := strings.Fields(ev.key)
		if len(ws) == 1 && loneHeads[ws[0]] {
			continue
		}
		if ev.head == "show" && len(ws) >= 2 && broadcastWords[ws[len(ws)-2]] || d.notEventName(&ev) {
			continue
		}
		attributive := true
		for _, r := range ev.spans {
			if !attributiveNouns[d.w(r.tEnd)] {
				attributive = false
				break
			}
		}
		if !attributive {
			out = append(out, ev)
		}
	}
	return out
}

var (
	// loneHeads alone name a kind or a league, not one event.
	loneHeads = words(`championship championships cup series league show exhibition fair
conference forum festival summit tournament week`)
	// broadcastWords before "Show" make it a programme.
	broadcastWords = words(`tonight late daily morning breakfast talk tv radio today evening night`)
	// attributiveNouns after a name make it a modifier: the noun is the thing spoken of.
	attributiveNouns = words(`title titles side sides veteran veterans winner winners champion
champions trophy team teams squad club player players medal medals medallist medalist era
survivors memorial ring rings`)
)

// dropActors removes names that only ever act: "organised by the World Economic Forum", "the
// Forum said". Events are held, attended and reported on; organisations organise and speak.
func (d *doc) dropActors(evs []namedEv) []namedEv {
	out := evs[:0]
	for _, ev := range evs {
		actor := true
		for _, r := range ev.spans {
			b := r.tStart - 1
			if d.w(b) == "the" {
				b--
			}
			organisedBy := d.w(b) == "by" && oneOf(d.w(b-1), "organised", "organized", "hosted", "sponsored", "run",
				"convened", "backed", "funded", "led", "co-organised", "co-organized")
			if !organisedBy && !oneOf(d.w(r.tEnd), "said", "says", "announced", "told", "organises", "organizes", "hosts") {
				actor = false
				break
			}
		}
		if !actor {
			out = append(out, ev)
		}
	}
	return out
}

func (d *doc) markNamed(r ref, k int) {
	for t := r.tStart; t < r.tEnd && t < len(d.namedAt); t++ {
		d.namedAt[t] = int32(k)
	}
}

// normName lower-cases a name and drops what varies between editions and mentions: "the", years,
// ordinals, "annual" ("The 2023 World Intelligent Manufacturing Expo" → "world intelligent
// manufacturing expo").
func normName(name string) string {
	var b strings.Builder
	for _, f := range strings.Fields(strings.ToLower(name)) {
		f = strings.Trim(f, ".,;:'\"“”‘’()")
		if f == "" || f == "the" || f == "annual" || f[0] >= '0' && f[0] <= '9' || isOrdinalWord(f) {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(f)
	}
	return b.String()
}

func isOrdinalWord(f string) bool {
	switch f {
	case "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth":
		return true
	}
	return false
}

func lastWord(key string) string {
	if i := strings.LastIndexByte(key, ' '); i >= 0 {
		return key[i+1:]
	}
	return key
}

// headWord is a cheap first test for headType: is the last word of name an event word?
func (d *doc) headWord(name string) bool {
	last := name[strings.LastIndexByte(name, ' ')+1:]
	var buf [24]byte
	if len(last) > len(buf) {
		return false
	}
	for i := 0; i < len(last); i++ {
		c := last[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	_, ok := d.v.heads[string(buf[:len(last)])]
	return ok || string(buf[:len(last)]) == "prix"
}

// headType returns the type a name's last word gives it. Names typed EVENT by ner accept every head
// (and no head); organisation and unlabelled names only the unambiguous ones, so that "National
// People's Congress" or "World Economic Forum" stay organisations.
func (d *doc) headType(name string, isEvent bool) (string, bool) {
	key := normName(name)
	head := lastWord(key)
	typ, ok := d.v.heads[head]
	if head == "prix" {
		typ, ok = TypeSports, true
	}
	if isEvent {
		if !ok { // "Winter Storm Uri", "Hurricane Helene": the event word comes first
			for _, w := range strings.Fields(key) {
				if t, found := d.v.heads[w]; found && t == TypeDisaster {
					return t, true
				}
			}
		}
		return typ, ok
	}
	if !ok {
		return "", false
	}
	words := strings.Count(key, " ") + 1
	switch head {
	case "olympics", "paralympics":
		return typ, true
	case "congress":
		low := strings.ToLower(name)
		return typ, words >= 2 && (strings.Contains(low, "world") || strings.Contains(low, "international") ||
			strings.Contains(low, "global") || strings.Contains(low, "mobile") || strings.Contains(low, "solutions") ||
			isDigitToken(name))
	case "forum", "assembly", "dialogue", "league", "series", "open", "rally", "march", "week",
		"revolution", "war", "attack", "attacks", "bombing", "bombings", "meeting", "talks", "protest",
		"protests", "uprising", "invasion", "massacre", "disaster", "primary", "primaries", "derby":
		return typ, words >= 2 && isDigitToken(name)
	}
	return typ, words >= 2
}

// scanNames finds capitalised runs ending in an event word that ner left unlabelled ("World
// Intelligent Manufacturing Expo"). Runs may hold years, ordinals and "of", "and", "on", "for". It
// starts from the (rare) head words and walks back, so ordinary tokens cost one map lookup.
func (d *doc) scanNames(covered []bool) []ref {
	var out []ref
	for last := 0; last < len(d.toks); last++ {
		if covered[last] || d.inDate(last) {
			continue // a month's name in a date heads no event: "Italy on 12 March"
		}
		if _, ok := d.v.heads[d.w(last)]; !ok {
			continue
		}
		if t := d.toks[last].Text; t[0] < 'A' || t[0] > 'Z' {
			// "the COP28 climate conference", "a G20 summit": a code name before a common head.
			for j := last - 1; j >= 0 && j >= last-2 && !covered[j] && d.tokSent[j] == d.tokSent[last]; j-- {
				if codeName(d.toks[j].Text) {
					out = append(out, ref{start: d.toks[j].Start, end: d.toks[last].End, tStart: j, tEnd: last + 1, i: -1, typ: d.toks[j].Text})
					break
				}
				if w := d.w(j); w == "the" || w == "a" || d.toks[j].Text[0] < 'a' || d.toks[j].Text[0] > 'z' {
					break
				}
			}
			continue
		}
		if w := d.w(last); (w == "typhoon" || w == "hurricane" || w == "cyclone" || w == "storm") &&
			last+1 < len(d.toks) && !covered[last+1] && d.nameWord(last+1, false) && d.tokSent[last+1] == d.tokSent[last] {
			// "Typhoon Yagi", "Storm Daniel": the head comes first.
			out = append(out, ref{start: d.toks[last].Start, end: d.toks[last+1].End, tStart: last, tEnd: last + 2, i: -1, typ: article.TypeEvent})
			last++
			continue
		}
		si := d.tokSent[last]
		start := last
		for j := last - 1; j >= 0 && !covered[j] && d.tokSent[j] == si; j-- {
			if d.nameWord(j, true) {
				start = j
			} else if !oneOf(d.w(j), "of", "and", "on", "for", "&", "de") {
				break
			}
		}
		if d.w(start) == "the" {
			start++
		}
		if start >= last {
			continue
		}
		name := d.s[d.toks[start].Start:d.toks[last].End]
		if _, ok := d.headType(name, false); ok {
			out = append(out, ref{start: d.toks[start].Start, end: d.toks[last].End, tStart: start, tEnd: last + 1, i: -1, typ: article.TypeEvent})
		}
	}
	return out
}

// codeName: letters and digits, upper-case, like "COP28", "G20", "G7".
func codeName(t string) bool {
	up, dig := 0, 0
	for i := 0; i < len(t); i++ {
		switch c := t[i]; {
		case c >= 'A' && c <= 'Z':
			up++
		case c >= '0' && c <= '9':
			dig++
		default:
			return false
		}
	}
	return up > 0 && dig > 0 && up+dig >= 2
}

// nameWord: a capitalised word, or (first) a year or ordinal ("2023", "10th").
func (d *doc) nameWord(i int, first bool) bool {
	t := d.toks[i].Text
	if t == "" {
		return false
	}
	if t[0] >= 'A' && t[0] <= 'Z' {
		return text.IsWord(t)
	}
	if first && isDigitToken(t) && len(t) <= 6 {
		return true
	}
	return false
}

// joinedAcrossOf widens an event name that ner cut at "of" ("2023 World Internet" + "of" +
// "Things Exposition") to the whole capitalised name before it, so that the event keeps one name
// with its dates and place (issue #19). It widens over at most six name words (digits count, as
// in "2023") and never across a sentence, a PERSON or a PLACE.
func (d *doc) joinedAcrossOf(r ref) (ref, bool) {
	j := r.tStart - 1
	if j < 1 || d.w(j) != "of" || d.tokSent[j-1] != d.tokSent[r.tStart] {
		return r, false
	}
	start := -1
	for k := j - 1; k >= 0 && k >= j-6 && d.tokSent[k] == d.tokSent[j]; k-- {
		if e := d.entAt[k]; e >= 0 && (d.ents[e].typ == article.TypePerson || d.ents[e].typ == article.TypePlace) {
			break
		}
		if !d.nameWord(k, true) {
			break
		}
		start = k
	}
	if start >= 0 && d.w(start) == "the" { // "The 2023 World Internet …" opening a sentence
		start++
	}
	if start < 0 || start >= j {
		return r, false
	}
	w := r
	w.tStart, w.start = start, d.toks[start].Start
	return w, true
}

// mergeSuffixes joins events whose names end the same way ("Intelligent Manufacturing Expo" and
// "World Intelligent Manufacturing Expo") when the shorter has at least two words.
func mergeSuffixes(evs []namedEv) []namedEv {
	sort.SliceStable(evs, func(i, j int) bool { return len(evs[i].key) > len(evs[j].key) })
	out := evs[:0]
	for _, e := range evs {
		merged := false
		for k := range out {
			long := out[k].key
			if strings.Count(e.key, " ") >= 1 && strings.HasSuffix(long, " "+e.key) {
				out[k].spans = append(out[k].spans, e.spans...)
				merged = true
				break
			}
		}
		if !merged {
			out = append(out, e)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].spans[0].start < out[j].spans[0].start })
	return out
}

// acronyms finds "Name (ACR)" after a mention of event k and adds every later "ACR" as a mention.
func (d *doc) acronyms(evs []namedEv, k int) {
	ev := &evs[k]
	acr := ""
	for _, r := range ev.spans {
		t := r.tEnd
		if d.w(t) != "(" || d.w(t+2) != ")" {
			continue
		}
		cand := d.toks[t+1].Text
		if allUpper(cand) && len(cand) <= 12 && strings.ContainsRune(strings.ToUpper(initials(ev.name)), rune(cand[0])) {
			acr = cand
			break
		}
	}
	if acr == "" {
		return
	}
	for i, tk := range d.toks {
		if d.namedAt[i] >= 0 {
			continue
		}
		if tk.Text == acr || strings.HasPrefix(tk.Text, acr) && (tk.Text[len(acr):] == "'s" || tk.Text[len(acr):] == "’s") {
			r := ref{start: tk.Start, end: tk.Start + len(acr), tStart: i, tEnd: i + 1, i: -1}
			ev.spans = append(ev.spans, r)
			d.namedAt[i] = int32(k)
		}
	}
}

func initials(name string) string {
	var b strings.Builder
	for _, f := range strings.Fields(name) {
		b.WriteByte(f[0])
	}
	return b.String()
}

// backReferences adds "the congress", "this year's expo", "the event" as mentions of the nearest
// earlier named event with that head word.
func (d *doc) backReferences(evs []namedEv) {
	for i := 1; i < len(d.toks); i++ {
		t := d.toks[i].Text
		if d.namedAt[i] >= 0 || t == "" || t[0] < 'a' || t[0] > 'z' {
			continue
		}
		w := d.w(i)
		gtyp, isGeneric := genericHeads[w]
		if !isGeneric && w != "event" && !isHeadOf(evs, w) {
			continue
		}
		if !oneOf(d.w(i-1), "the", "this", "that", "its", "year's", "year’s", "week's", "annual", "last", "next") {
			continue
		}
		best, bestStart := -1, -1
		for k := range evs {
			generic := w != evs[k].head
			if generic && w != "event" && gtyp != evs[k].typ {
				continue
			}
			first := evs[k].spans[0]
			if first.start < d.toks[i].Start && first.start > bestStart {
				if generic && int(d.tokSent[i])-int(d.tokSent[first.tStart]) > 3 {
					continue
				}
				best, bestStart = k, first.start
			}
		}
		if best >= 0 {
			evs[best].spans = append(evs[best].spans, ref{start: d.toks[i].Start, end: d.toks[i].End, tStart: i, tEnd: i + 1, i: -1})
			d.namedAt[i] = int32(best)
		}
	}
}

// genericHeads are common nouns that refer back to a recent named event of their type ("The
// 2024 UEFA European Championship … The tournament is held every four years").
var genericHeads = map[string]string{
	"tournament": TypeSports, "championship": TypeSports, "games": TypeSports, "competition": TypeSports,
	"race": TypeSports, "fair": TypeConference, "expo": TypeConference, "exhibition": TypeConference,
	"show": TypeConference, "conference": TypeConference, "congress": TypeConference,
	"festival": TypeConference, "forum": TypeConference, "summit": TypeMeeting, "meeting": TypeMeeting,
	"storm": TypeDisaster, "hurricane": TypeDisaster, "typhoon": TypeDisaster, "cyclone": TypeDisaster,
	"quake": TypeDisaster, "earthquake": TypeDisaster, "election": TypeElection, "vote": TypeElection,
}

func isHeadOf(evs []namedEv, w string) bool {
	for k := range evs {
		if evs[k].head == w {
			return true
		}
	}
	return false
}

// attachNamed reads date, place, recurrence and organiser from the sentences that mention the event.
func (d *doc) attachNamed(ev *namedEv) {
	var sents []int
	for _, r := range ev.spans {
		si := int(d.tokSent[min(r.tStart, len(d.toks)-1)])
		if len(sents) == 0 || sents[len(sents)-1] != si {
			sents = append(sents, si)
		}
		// "It was held …", "The event …" right after a mention speaks of it too.
		if n := si + 1; n < len(d.sents) && d.sents[n].end > d.sents[n].start {
			first := d.w(d.sents[n].start)
			if first == "it" || first == "the" && d.w(d.sents[n].start+1) == "event" {
				sents = append(sents, n)
			}
		}
	}
	sort.Ints(sents)
	if strings.Contains(strings.ToLower(ev.name), "annual") {
		ev.recurrence = "yearly"
	}
	namedPlace := -1
	for i, s := range sents {
		if i > 0 && sents[i-1] == s {
			continue
		}
		if ev.date == "" {
			d.namedDate(ev, s)
		}
		if ev.place < 0 {
			ev.place = d.namedPlaceIn(ev, s, &namedPlace)
		}
		if ev.recurrence == "" {
			ev.recurrence = d.recurrenceIn(ev, s)
		}
		if ev.organiser == "" {
			ev.organiser = d.organiserIn(ev, s)
		}
	}
	if ev.place < 0 {
		ev.place = namedPlace
	}
	if ev.place < 0 {
		ev.place = d.placeInName(ev)
	}
	if d.ex != nil && (ev.place < 0 || d.a.Places[ev.place].Feature == "country") {
		// "the Suzhou Marathon in China": the city in the name is the more precise place.
		if p, ok := d.ex.placeFromName(ev.name); ok && (ev.place < 0 || p.Feature != "country" && p.CountryCode == d.a.Places[ev.place].CountryCode) {
			ev.namePlace, ev.place = &p, -1
		}
	}
}

// placeInName finds a resolved place whose name opens or is part of the event's name ("Dubai
// Airshow" when Dubai is mentioned elsewhere), -1 if none.
func (d *doc) placeInName(ev *namedEv) int {
	for i, p := range d.a.Places {
		if p.Feature == "country" || len(p.Mentions) == 0 {
			continue
		}
		for _, m := range p.Mentions {
			if strings.HasPrefix(ev.name, m.Text+" ") || strings.Contains(ev.name, " "+m.Text+" ") {
				return i
			}
		}
	}
	return -1
}

// distTo is the token distance from [ts, te) to the nearest mention of ev in sentence si.
func (d *doc) distTo(ev *namedEv, si, ts, te int) int {
	best := 1 << 30
	for _, r := range ev.spans {
		if int(d.tokSent[min(r.tStart, len(d.toks)-1)]) != si {
			continue
		}
		dist := ts - r.tEnd
		if te <= r.tStart {
			dist = r.tStart - te
		}
		best = min(best, max(dist, 0))
	}
	return best
}

func (d *doc) insideNamed(r ref) bool {
	for t := r.tStart; t < r.tEnd && t < len(d.namedAt); t++ {
		if d.namedAt[t] >= 0 {
			return true
		}
	}
	return false
}

func occurrenceCue(w string) bool {
	switch w {
	case "held", "hold", "holds", "holding", "place", "opens", "opened", "open", "runs", "ran",
		"run", "running", "began", "begins", "begin", "starts", "started", "start", "ends", "ended",
		"closes", "closed", "concluded", "scheduled", "slated", "set", "due", "kicks", "kicked",
		"wrapped", "convened", "hosted", "hosts", "staged", "attended", "took", "takes", "from":
		return true
	}
	return false
}

func (d *doc) namedDate(ev *namedEv, si int) {
	s := d.sents[si]
	cue := false
	for t := s.start; t < s.end; t++ {
		if occurrenceCue(d.w(t)) {
			cue = true
			break
		}
	}
	best, bestDist := -1, 1<<30
	for k, r := range d.dates {
		if r.tStart < s.start || r.tStart >= s.end || d.insideNamed(r) {
			continue
		}
		if d.w(r.tStart-1) == "since" {
			if ev.since == "" {
				ev.since = d.a.Dates[r.i].Value
			}
			continue
		}
		if d.boundingDate(k) || d.rangeEndOf(k) >= 0 {
			continue
		}
		dist := d.distTo(ev, si, r.tStart, r.tEnd)
		if dist > 12 && !cue {
			continue
		}
		if dist < bestDist {
			best, bestDist = k, dist
		}
	}
	if best >= 0 {
		ev.date, ev.dateEnd = d.dateRange(best)
	}
}

// namedPlaceIn returns the place after "in"/"at" nearest to a mention in sentence si, or -1; a place
// inside the name itself ("the Lyon summit") is kept in *inName as a fallback.
func (d *doc) namedPlaceIn(ev *namedEv, si int, inName *int) int {
	s := d.sents[si]
	best, bestDist := -1, 1<<30
	for _, r := range d.places {
		if r.tStart < s.start || r.tStart >= s.end {
			continue
		}
		if d.insideNamed(r) {
			if *inName < 0 {
				*inName = r.i
			}
			continue
		}
		prev := d.w(r.tStart - 1)
		if !oneOf(prev, "in", "at", "inside", "near", "outside") && !d.hostsEvent(ev, si, r) {
			continue
		}
		if dist := d.distTo(ev, si, r.tStart, r.tEnd); dist < bestDist {
			best, bestDist = r.i, dist
		}
	}
	return best
}

// hostsEvent: "Baku is hosting the COP29 climate summit", "Paris will host the Games".
func (d *doc) hostsEvent(ev *namedEv, si int, r ref) bool {
	t := r.tEnd
	if oneOf(d.w(t), "is", "was", "will", "has", "had", "to") {
		t++
	}
	if oneOf(d.w(t), "be", "been") {
		t++
	}
	if !oneOf(d.w(t), "hosting", "hosts", "host", "hosted", "stages", "staging", "staged") {
		return false
	}
	return d.distTo(ev, si, t, t+1) <= 3
}

// recurrenceIn reads "held annually", "every two years", "biennial" near a mention.
func (d *doc) recurrenceIn(ev *namedEv, si int) string {
	s := d.sents[si]
	for t := s.start; t < s.end; t++ {
		if d.distTo(ev, si, t, t+1) > 12 {
			continue
		}
		switch w := d.w(t); w {
		case "annual", "annually", "yearly":
			return "yearly"
		case "biennial", "biennially":
			return "biennial"
		case "triennial":
			return "triennial"
		case "quadrennial":
			return "quadrennial"
		case "monthly":
			return "monthly"
		case "weekly":
			return "weekly"
		case "twice":
			if d.w(t+1) == "a" && d.w(t+2) == "year" || d.w(t+1) == "yearly" {
				return "twice-yearly"
			}
		case "every", "each":
			switch w1 := d.w(t + 1); w1 {
			case "january", "february", "march", "april", "may", "june", "july", "august", "september",
				"october", "november", "december", "spring", "summer", "autumn", "fall", "winter":
				return "yearly"
			case "year":
				return "yearly"
			case "month":
				return "monthly"
			case "week":
				return "weekly"
			case "two", "2":
				if d.w(t+2) == "years" {
					return "biennial"
				}
			case "three", "3":
				if d.w(t+2) == "years" {
					return "triennial"
				}
			case "four", "4":
				if d.w(t+2) == "years" {
					return "quadrennial"
				}
			}
		}
	}
	return ""
}

// organiserIn reads "organised by X", "hosted by X" or "X organises the …" in sentence si.
func (d *doc) organiserIn(ev *namedEv, si int) string {
	s := d.sents[si]
	for t := s.start; t < s.end; t++ {
		switch d.w(t) {
		case "organised", "organized", "co-organised", "co-organized", "hosted", "sponsored", "convened", "staged", "run":
			if d.w(t+1) != "by" {
				continue
			}
			for j := t + 2; j < s.end && j <= t+4; j++ {
				if k := d.entAt[j]; k >= 0 && isActor(d.ents[k].typ) {
					return d.a.Entities[d.ents[k].i].Name
				}
			}
		case "organises", "organizes", "hosts", "stages", "organise", "organize", "host":
			if d.distTo(ev, si, t, t+1) > 4 {
				continue
			}
			for j := t - 1; j >= s.start && j >= t-3; j-- {
				if k := d.entAt[j]; k >= 0 && isActor(d.ents[k].typ) {
					return d.a.Entities[d.ents[k].i].Name
				}
			}
		}
	}
	return ""
}

// namedEvent turns an assembled named event into its output form.
func (d *doc) namedEvent(ev *namedEv) article.Event {
	out := article.Event{Name: ev.name, Type: ev.typ, Date: ev.date, DateEnd: ev.dateEnd,
		Since: ev.since, Recurrence: ev.recurrence, Recurring: ev.recurrence != "", Organiser: ev.organiser}
	seen := map[int]bool{}
	for _, r := range ev.spans {
		if seen[r.start] {
			continue
		}
		seen[r.start] = true
		out.Mentions = append(out.Mentions, d.mention(r.start, r.end))
	}
	if ev.place >= 0 {
		d.setPlace(&out, ev.place)
	} else if ev.namePlace != nil {
		copyPlace(&out, *ev.namePlace)
	}
	conf := ev.conf
	if ev.date != "" {
		conf += 0.03
	}
	if out.Place != "" {
		conf += 0.03
	}
	out.Confidence = round2(conf)
	return out
}
