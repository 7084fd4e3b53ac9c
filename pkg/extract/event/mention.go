package event

import (
	"strings"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/extract/wordclass"
)

// cand is a trigger that passed its context tests.
type cand struct {
	tStart, tEnd int // tokens
	typ          string
	conf         float64
	weak         bool
}

// mentions finds the event mentions of every sentence.
func (d *doc) mentions(named []namedEv) []article.Event {
	out := make([]article.Event, 0, len(d.sents)/2+1)
	cands := make([]cand, 0, 8)
	for si, s := range d.sents {
		cands = cands[:0]
		for i := s.start; i < s.end; i++ {
			if k := d.entAt[i]; k >= 0 && d.ents[k].typ != article.TypeMisc {
				continue // inside a name: "Election Commission", "Fire Brigade"
			}
			if d.namedAt != nil && d.namedAt[i] >= 0 {
				continue // part of a named event or a back-reference to one ("the summit")
			}
			es, ok := d.v.lex[d.w(i)]
			if !ok || d.capitalisedMid(i) || d.inDate(i) {
				continue // "Fire Brigade"; "MARCH 30", "due march 20"
			}
			for k := range es {
				if c, ok := d.accept(si, i, &es[k]); ok {
					cands = append(cands, c)
					i = c.tEnd - 1
					break
				}
			}
		}
		if len(cands) > 0 {
			out = d.group(si, cands, named, out)
		}
	}
	return out
}

// accept runs entry e's context tests on token i of sentence si.
func (d *doc) accept(si, i int, e *entry) (cand, bool) {
	s := d.sents[si]
	end := i + 1
	for _, w := range e.then {
		if end >= s.end || d.w(end) != w {
			return cand{}, false
		}
		end++
	}
	var prev, next string
	if i > s.start {
		prev = d.w(i - 1)
	}
	if end < s.end {
		next = d.w(end)
	}
	if len(e.needPrev)+len(e.needNext) > 0 && !contains(e.needPrev, prev) && !contains(e.needNext, next) {
		return cand{}, false
	}
	if contains(e.blockPrev, prev) || contains(e.blockNext, next) {
		return cand{}, false
	}
	if e.noun && d.v.nounBlockers[next] {
		return cand{}, false // "a meeting room"
	}
	if oneOf(next, "could", "might", "may", "would") && oneOf(d.w(end+1), "begin", "start", "take", "happen", "go", "open", "be", "come", "follow") {
		return cand{}, false // "negotiations could begin"
	}
	if e.noun && (prev == "with" || prev == "of") && oneOf(d.w(i-2), "charged", "accused", "convicted", "suspected", "guilty", "acquitted", "suspicion") {
		return cand{}, false // "charged with abduction" names the charge
	}
	if prev == "a" && oneOf(d.w(i-2), "in", "by") && d.w(i) == "landslide" {
		return cand{}, false // "won in a landslide"
	}
	if e.noun && prev == "any" || d.indefiniteHypothesis(si, i, end, prev) || d.topicPlural(i, prev) {
		return cand{}, false // "any agreement on missiles", "a takeover … would be", "information on acquisitions"
	}
	if oneOf(d.w(i), "accord", "agreement") && oneOf(prev, "general", "broad", "full", "complete", "total", "basic", "substantial", "close") && d.w(i-2) == "in" {
		return cand{}, false // "in general accord on the need": of one mind
	}
	typ, conf := e.typ, e.conf
	switch e.cond {
	case condSummit:
		// "higher than the summit of any Alpine peak", "reached the summit": a mountain's top.
		if oneOf(prev, "reached", "reach", "reaching", "climbed", "near") || oneOf(d.w(i-2), "reached", "reach", "reaching", "topped") ||
			d.sentenceCount(si, d.v.mountain) > 0 {
			return cand{}, false
		}
	case condTalks:
		if n2 := d.w(end + 1); next == "to" && (determiners[n2] || objectPronouns[n2]) && !determiners[prev] && d.possessor(i) == "" && d.dateAt[i-1] < 0 {
			return cand{}, false // "the architecture works and talks to other standards": the verb
		}
		if oneOf(prev, "he", "she", "it", "who", "which", "that") || d.personEndsAt(i-1) ||
			strings.HasSuffix(prev, "ly") && oneOf(d.w(i-2), "he", "she", "it", "who", "which", "that") { // "that really talks to people"
			return cand{}, false
		}
	case condDeal:
		if prev == "to" || prev == "raw" || (next == "of" && (prev == "great" || prev == "good")) {
			return cand{}, false
		}
		if next == "with" && (d.v.modals[prev] || prev == "will" || prev == "must" || prev == "can" || prev == "cannot") {
			return cand{}, false
		}
		if d.bigDealIdiom(si, i, end) {
			return cand{}, false // "it was a big deal", "big deal, right?": a matter of weight
		}
	case condStrike:
		switch prev {
		case "air", "drone", "missile", "military", "rocket", "retaliatory", "pre-emptive", "preemptive", "precision", "nuclear", "artillery", "israeli", "russian", "us", "u.s.":
			typ, conf = TypeAttack, 0.8
		case "the", "a", "on", "general", "workers", "union", "national", "nationwide", "teachers", "doctors", "nurses", "rail", "hunger", "staff", "day-long", "week-long", "indefinite", "one-day", "two-day", "24-hour", "48-hour", "strike", "planned", "dock", "port", "miners", "drivers", "pilots", "transport":
		default:
			if !strings.HasSuffix(prev, "'") && !strings.HasSuffix(prev, "'s") && !strings.HasSuffix(prev, "’s") && !durationStrike(prev) {
				return cand{}, false
			}
		}
	case condEconomic:
		if oneOf(prev, "fight", "fighting", "curb", "curbing", "tame", "taming", "combat", "against", "control", "tackle", "tackling") {
			return cand{}, false
		}
		if !d.economicContext(si, i, end) {
			return cand{}, false
		}
	case condShot:
		if prev == "a" || prev == "the" || next == "up" || next == "down" || next == "to" {
			return cand{}, false
		}
		if !d.v.passiveAux[prev] && !oneOf(next, "dead", "and", "at", "by", "in", "twice") {
			return cand{}, false
		}
	case condCollapse:
		ok := false
		for j := i - 1; j >= s.start && j >= i-3; j-- {
			if d.v.structures[d.w(j)] {
				ok = true
			}
		}
		if next == "of" && d.v.structures[d.w(end+1)] || next == "of" && d.v.structures[d.w(end+2)] {
			ok = true
		}
		if !ok {
			return cand{}, false
		}
	case condCourt:
		if !d.sentenceHasWord(si, "court", "judge", "judges", "tribunal", "justices") {
			return cand{}, false
		}
	case condDeclared:
		if d.v.passiveAux[prev] {
			return cand{}, false
		}
	case condKilled:
		if d.v.passiveAux[prev] || prev == "and" || prev == "," {
			return cand{}, false
		}
		if !d.killedSense(si, i, end) {
			return cand{}, false
		}
	case condAttack:
		// "her attack this year" is a team's or player's; "their attack on the village" is one.
		if oneOf(prev, "her", "his", "their", "its", "our", "my", "your", "team's", "side's") && !oneOf(next, "on", "against") {
			return cand{}, false
		}
	case condTrial:
		if !d.courtTrial(si, i, end, prev) {
			return cand{}, false
		}
	case condLegal:
		if !d.legalSense(si, i, end, prev, next) {
			return cand{}, false
		}
	case condPolls:
		// "voters head to the polls", "at the polls", "polls closed": the polling places; "rose in
		// the polls", "atop the polls", "the polls of South Carolina" are surveys.
		if !pollsOpenClose[next] && !(prev == "the" && pollingPreps[d.w(i-2)]) {
			return cand{}, false
		}
	case condVote:
		// "decided by 287 votes", "hundreds of votes", "52% of the vote" count ballots, not an event.
		if isDigitToken(prev) || d.v.quantities[prev] || prev == "of" && d.v.quantities[d.w(i-2)] ||
			prev == "the" && d.w(i-2) == "of" && (isDigitToken(d.w(i-3)) || oneOf(d.w(i-3), "%", "percent", "pct", "share", "majority", "half", "third")) {
			return cand{}, false
		}
		if d.tallyAfter(end) || d.oneVoterChoice(si, i, end) || !d.electoralSense(si) {
			return cand{}, false
		}
	case condRates:
		// "kept its benchmark rate", or "the central bank cut rates": a rate verb right before,
		// with a central bank in the sentence.
		if !oneOf(prev, "interest", "policy", "benchmark", "key", "lending", "deposit", "repo") &&
			!(d.v.rateVerbs[prev] && d.sentenceHasWord(si, "bank", "fed", "ecb", "banks")) {
			return cand{}, false
		}
		found := false
		for j := max(s.start, i-6); j < min(s.end, i+6); j++ {
			if d.v.rateVerbs[d.w(j)] {
				found = true
			}
		}
		if !found {
			return cand{}, false
		}
	case condMilitary:
		if !d.sentenceHasWord(si, "drone", "drones", "missile", "missiles", "rocket", "rockets", "artillery",
			"troops", "forces", "military", "army", "militants", "airstrike", "airstrikes", "warplanes", "jets") {
			return cand{}, false
		}
	case condNotFigure:
		if isDigitToken(next) || next == "%" || isDigitToken(d.w(end+1)) {
			return cand{}, false
		}
		// "a general rally in emerging-market debt", "markets rallied": markets rally, crowds protest.
		if d.v.marketWords[prev] {
			return cand{}, false
		}
		for j := end; j < s.end && j < end+5; j++ {
			if d.v.marketWords[d.w(j)] {
				return cand{}, false
			}
		}
	case condFlood:
		if next == "the" && oneOf(d.w(end+1), "market", "markets", "streets", "internet", "airwaves", "zone", "inbox", "courts") {
			return cand{}, false
		}
	case condSign:
		// "the latest sign that …", "walls, signs, roof tiles": the noun, not a signing.
		if d.w(i) == "signs" && (next == "," || next == "." || next == "and" || prev == "," || signsNounPrev[prev]) || next == "that" ||
			oneOf(prev, "latest", "clearest", "strongest", "further", "early", "warning", "encouraging", "good", "bad", "recent", "new", "some", "few") {
			return cand{}, false
		}
		if next == "of" || oneOf(prev, "a", "the", "any", "no", "clear", "first", "another", "positive", "worrying") && d.w(i) != "signing" {
			return cand{}, false
		}
		// the bare verb follows "to", a modal, "not" or its subject: "A Peoplesoft sign had been
		// turned into a shrine" is a notice board
		if d.w(i) == "sign" && !signVerbPrev[prev] && !d.personEndsAt(i-1) {
			return cand{}, false
		}
		// "people who sign up (for)" enrol, "sign up a client" makes a contract; "sign language";
		// "the surest sign yet"
		if next == "up" && !determiners[d.w(end+1)] && d.entAt[min(end+1, len(d.toks)-1)] < 0 || next == "language" ||
			strings.HasSuffix(prev, "est") && len(prev) > 4 {
			return cand{}, false
		}
	}
	if (typ == TypeLegal || typ == TypeDisaster) && d.armedDeed(si, i, end) {
		typ = TypeAttack // "rebel raids against oil pipelines", "guerrillas using dynamite derailed two locomotives"
	}
	if d.sportsSense(si, i) || !d.senseEvidence(si, i, end, e, typ) || d.otherSense(si, i, end, typ, prev, next) {
		return cand{}, false
	}
	if d.negated(si, i, e.noun) || d.cancelled(si, end, typ) || d.habitual(si, i, end) || d.foretold(si, i) {
		return cand{}, false
	}
	if d.future(si, i) {
		conf -= 0.1
	}
	return cand{tStart: i, tEnd: end, typ: typ, conf: conf, weak: e.weak}, true
}

// durationStrike reports a length before "strike" ("a three-day strike", "a 10-week strike",
// "a six-month strike"): a stoppage by workers, as "one-day" and "week-long" are.
func durationStrike(prev string) bool {
	k := strings.LastIndexByte(prev, '-')
	if k <= 0 {
		return false
	}
	unit := prev[k+1:]
	if !oneOf(unit, "day", "week", "month", "hour", "long") {
		return false
	}
	n := prev[:k]
	return isDigitToken(n) || numberWords[n] || oneOf(n, "one", "eleven", "twelve", "day", "week", "month")
}

// signsNounPrev before "signs" make it the noun: "amid signs officials are irritated", "there are
// signs the situation worsened".
var signsNounPrev = words(`amid are were of with despite about for on in no any few some many more
mixed clear early`)

// signVerbPrev may stand before the bare verb "sign".
var signVerbPrev = words(`to will would could should may might must can cannot not never did didn't
won't and or they we i you who also`)

// indefiniteHypothesis reports a nominal trigger introduced by "a"/"an" as its clause's subject,
// or a bare plural opening the sentence ("Early elections … could cause"), the clause going on in
// the conditional: "A takeover of MCI would be the fifth deal", "an attack could cost lives" —
// one supposed, not one that happened.
func (d *doc) indefiniteHypothesis(si, i, end int, prev string) bool {
	s := d.sents[si]
	barePlural := strings.HasSuffix(d.w(i), "s") && (i == s.start || i-1 == s.start && isLowerWord(prev) && !determiners[prev])
	if !barePlural && (prev != "a" && prev != "an" || i-1 > s.start && !oneOf(d.w(i-2), "but", "and", "that", ",", ";", "“", "\"")) {
		return false // not the clause's subject: "in advance of a meeting … could make for choppy trading"
	}
	for j := end; j < s.end && j < end+6; j++ {
		switch w := d.w(j); {
		case oneOf(w, "would", "could", "might"):
			return true
		case d.v.clauseBreaks[w] || w == "." || d.v.passiveAux[w] || w == "will" || w == "has" || w == "had":
			return false
		}
	}
	return false
}

// topicPlural reports a bare plural trigger that is the topic of words or a rule ("asked for
// information on acquisitions", "a book on earthquakes", "a law on protests"): events in general,
// none held; money spent or gained on them is no topic ("5 billion francs on acquisitions").
func (d *doc) topicPlural(i int, prev string) bool {
	if d.w(i+1) == "of" && (isDigitToken(d.w(i+2)) || isDigitToken(d.w(i+3))) {
		return false // "a loss on sales of 217 mln dlrs": the figure reported
	}
	if !strings.HasSuffix(d.w(i), "s") {
		return false
	}
	p := i - 1 // back over a possessive and a modifier: "comment on its enforcement actions"
	switch {
	case ownerPronouns[d.w(p)]:
		p--
	case ownerPronouns[d.w(p-1)] && isLowerWord(d.w(p)):
		p -= 2
	}
	if w := d.w(p); w != "on" && w != "about" {
		return false
	}
	// the noun before names words or a rule ("information", "comment", "a book", "a ban"), not an
	// act done to them ("a crackdown on protesters") nor a sum spent on them ("francs", "gains":
	// quantities)
	c := wordclass.Of(unpossessed(d.w(p - 1)))
	return (c.First(wordclass.Message) || c.First(wordclass.Legal)) && !c.First(wordclass.Act)
}

// ownerPronouns are the possessive determiners.
var ownerPronouns = words(`its their his her our my your`)

// courtTrial reports whether "trial" at [i, end) is a court's: a legal word in its sentence
// ("judge", "charges", "defendant"), "stand/face/on trial", "the trial of <person>", or, with no
// cue either way in the sentence, an article that speaks of courts more than of clinical studies.
func (d *doc) courtTrial(si, i, end int, prev string) bool {
	if oneOf(prev, "on", "stand", "stood", "face", "faces", "facing", "faced", "murder", "fraud", "criminal",
		"corruption", "treason", "jury", "show", "war-crimes", "retrial") {
		return true
	}
	if d.w(end) == "of" {
		for j := end + 1; j < end+4 && j < d.sents[si].end; j++ {
			if k := d.entAt[j]; k >= 0 && d.ents[k].typ == article.TypePerson {
				return true
			}
		}
	}
	return d.courtSense(si, i)
}

// legalSense reports whether a legal noun or verb at [i, end) is used in its legal sense: "an
// inquiry into …", or a court or an authority in its sentence ("the suits, later consolidated …
// before a … court", "being investigated by the … Attorney General", "defend itself against all
// charges" in a story of suits); fees are told apart in otherSense.
func (d *doc) legalSense(si, i, end int, prev, next string) bool {
	w := d.w(i)
	if (w == "inquiry" || w == "inquiries") && next == "into" {
		return true
	}
	if d.sentenceCount(si, d.v.authority) > d.countIn(i, end, d.v.authority) {
		return true // a word of the law besides the trigger itself ("charges" is one)
	}
	// "defend itself against all charges": no cue in the sentence, but a story of suits and courts
	if w == "charges" && oneOf(prev, "all", "the", "these", "those") && oneOf(d.w(i-2), "of", "denied", "denies", "deny", "dropped", "drop", "face", "faces", "facing") {
		return true // "cleared of the charges", "denied all the charges"
	}
	return w == "charges" && oneOf(prev, "all", "the", "these", "those") && d.docCount(&d.v.court) > 1
}

// countIn returns how many tokens of [from, to) are in set.
func (d *doc) countIn(from, to int, set map[string]bool) int {
	n := 0
	for t := from; t < to; t++ {
		if set[d.w(t)] {
			n++
		}
	}
	return n
}

// personEndsAt reports whether a PERSON or ORG mention ends at token i ("Smith talks").
func (d *doc) personEndsAt(i int) bool {
	if i < 0 || i >= len(d.toks) {
		return false
	}
	k := d.entAt[i]
	return k >= 0 && d.ents[k].tEnd == i+1 && (d.ents[k].typ == article.TypePerson || d.ents[k].typ == article.TypeOrg)
}

// economicContext: a change verb near the trigger ("exports rose", "reported earnings"), or a
// percentage, sum of money or figure other than a year close to it. "Restricted exports of tools in
// 2022" is not a report.
func (d *doc) economicContext(si, ts, te int) bool {
	s := d.sents[si]
	for t := max(s.start, ts-5); t < min(s.end, te+6); t++ {
		if d.v.changeVerbs[d.w(t)] {
			return true
		}
	}
	for t := max(s.start, ts-8); t < min(s.end, te+9); t++ {
		w := d.w(t)
		if w == "%" || w == "percent" || w == "per" || isDigitToken(w) && !isYear(w) {
			return true
		}
	}
	for _, m := range d.money {
		if m.tStart >= s.start && m.tEnd <= s.end && m.tStart < te+9 && m.tEnd > ts-8 {
			return true
		}
	}
	return false
}

func isYear(w string) bool {
	return len(w) == 4 && (w[0] == '1' || w[0] == '2') && isDigitToken(w) && strings.Trim(w, "0123456789") == ""
}

// negated looks back over the trigger's clause for a negation or a modal ("did not attend",
// "could hold talks", "the planned visit", "no deal"). A negated verb only cancels a nominal trigger
// when it is a verb of holding or reaching ("did not hold talks", "failed to reach an agreement"),
// not when it speaks about the event ("did not comment on the attack").
func (d *doc) negated(si, i int, noun bool) bool {
	if d.conditional(si, i) && !(noun && d.w(d.phraseStart(si, i)) == "the") {
		return true // (a definite noun phrase inside the clause names one that is held: "if anything comes from the meetings tomorrow")
	}
	s := d.sents[si]
	reach := i - 5
	if noun {
		reach = min(reach, d.phraseStart(si, i)-3) // a long noun phrase: "would be the fifth billion-dollar telecoms deal"
	}
	for j := i - 1; j >= s.start && j >= reach; j-- {
		w := d.w(j)
		if d.v.clauseBreaks[w] {
			return false
		}
		if j < i-5 {
			if oneOf(w, "would", "could", "might", "should") {
				return true // beyond the usual window only a modal auxiliary before the phrase counts
			}
			continue
		}
		if w == "may" && d.toks[j].Text != "may" { // the month
			continue
		}
		neg := d.v.negators[w] || strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t")
		if oneOf(w, "called", "calls", "call", "calling") && d.w(j+1) == "off" {
			return true // "called off a demonstration planned for the weekend"
		}
		if oneOf(w, "called", "calls", "call") && d.w(j+1) != "for" {
			continue // "called it a terrorist attack" reports; "called for talks" wishes
		}
		if tryWords[w] && i-j <= 4 || w == "to" && j == i-1 && d.infinitiveHypothetical(si, j) {
			return true // "will try to sign up", "trying to arrange a meeting": attempted, not done
		}
		if oneOf(w, "faked", "faking", "fake", "feigned", "feigning") {
			return true // "faking a motorcycle accident": pretended, not happened
		}
		if oneOf(w, "can", "cannot") && d.w(j+1) == "be" && j+2 == i {
			return true // "suspects can be detained without trial": what the rule allows, not what was done
		}
		if w == "without" && i-j <= 3 {
			return true // "held without trial", "imprisonment without charge or trial"
		}
		if d.v.modals[w] || neg && (!noun || i-j <= 2 || d.governsEvent(j+1, i)) {
			return true
		}
	}
	return false
}

// phraseStart returns the token of the determiner that opens a nominal trigger's noun phrase ("the"
// in "the fifth billion-dollar telecoms deal", "my" in "obtain my agreement"), within eight tokens,
// its clause and no verb; i itself when none.
func (d *doc) phraseStart(si, i int) int {
	for j := i - 1; j >= d.sents[si].start && j >= i-8; j-- {
		w := d.w(j)
		if w == "the" || w == "a" || w == "an" || ownerPronouns[w] || determiners[w] {
			return j
		}
		if d.v.clauseBreaks[w] && w != "-" || w == "." || d.v.passiveAux[w] || d.v.modals[w] || strings.HasSuffix(w, "ed") {
			break // a verb ends the phrase: "cannot obtain my agreement"
		}
	}
	return i
}

// conditionWords open a clause that supposes rather than tells ("whether" asks of events that may
// well be held: "too early to know whether closures will be an issue in the talks").
var conditionWords = words(`if unless`)

// conditional reports a trigger inside a clause opened by "if" or "unless", however far back in
// its clause ("only if the country was found to have been involved in a terror
// attack"): supposed, not told as happened.
func (d *doc) conditional(si, i int) bool {
	s := d.sents[si]
	for j := i - 1; j >= s.start && j >= i-15; j-- {
		w := d.w(j)
		if conditionWords[w] {
			return true
		}
		if d.v.clauseBreaks[w] || w == "." {
			return false
		}
	}
	return false
}

// infinitiveHypothetical reports an infinitive trigger ("to" at t) whose governing verb, before
// the infinitive's subject, is a modal or a verb of permission: "legislation that would allow
// 9/11 families to sue".
func (d *doc) infinitiveHypothetical(si, t int) bool {
	s := d.sents[si]
	for j := t - 1; j >= s.start && j >= t-8; j-- {
		w := d.w(j)
		if d.v.clauseBreaks[w] || w == "." {
			return false
		}
		if d.v.modals[w] && !oneOf(w, "called", "calls", "call") {
			return true // (a strike "called by workers to protest" is held)
		}
	}
	return false
}

// habitualWords say a thing happens as a rule, not once: "they always vote", "people get shot every
// day", "Microsoft announces flaws every month".
var habitualWords = words(`always usually often routinely typically normally customarily`)

// habitual reports a habitual adverb within three words before the trigger at [i, end), or
// "every"/"each" with a period within six words after it, in its clause.
func (d *doc) habitual(si, i, end int) bool {
	s := d.sents[si]
	for j := i - 1; j >= s.start && j >= i-3; j-- {
		w := d.w(j)
		if d.v.clauseBreaks[w] {
			break
		}
		if habitualWords[w] {
			return true
		}
	}
	for j := end; j < s.end && j < end+6; j++ {
		w := d.w(j)
		if d.v.clauseBreaks[w] || w == "." {
			break
		}
		if (w == "every" || w == "each") && periodWords[d.w(j+1)] || habitualWords[w] && j == end {
			return true
		}
	}
	return false
}

// tryWords close before a trigger make it an attempt ("will try to sign", "trying to arrange a
// meeting"); further off they try something else ("charges of trying to overturn the 2020
// election").
var tryWords = words(`try tries trying attempt attempts attempting`)

// governsEvent reports whether the first content word in [from, to) is a verb that makes or holds
// an event ("attend", "hold", "reach", "sign").
func (d *doc) governsEvent(from, to int) bool {
	for j := from; j < to; j++ {
		switch d.w(j) {
		case "to", "a", "an", "the", "any", "be", "been", "yet", "even", "have", "has", "had":
			continue
		case "attend", "attending", "attended", "hold", "held", "holding", "reach", "reached", "reaching",
			"sign", "signed", "signing", "take", "took", "taken", "make", "made", "conduct", "conducted",
			"stage", "staged", "happen", "happened", "occur", "occurred", "join", "joined", "agree",
			"agreed", "strike", "struck", "call", "called", "go", "went", "see", "saw", "seen", "get", "got", "afford",
			"seal", "sealed", "complete", "completed", "close", "closed", "win", "won", "finalise", "finalize":
			return true
		}
		return false
	}
	return false
}

// cancelled looks just after the trigger for "was cancelled", "called off", "postponed".
func (d *doc) cancelled(si, end int, typ string) bool {
	s := d.sents[si]
	for j := end; j < s.end && j < end+5; j++ {
		w := d.w(j)
		if w == "," || w == ";" || w == "but" {
			return false
		}
		if w == "elusive" || w == "reach" && d.w(j-1) == "of" && d.w(j-2) == "out" || w == "through" && d.w(j-1) == "fell" {
			return true // "a deal remained elusive", "remains out of reach", "fell through"
		}
		if !d.v.cancellers[w] {
			continue
		}
		if w == "called" && d.w(j+1) != "off" {
			continue
		}
		if w == "collapsed" && typ != TypeAgreement { // talks that collapsed did take place

			continue
		}
		p := d.w(j - 1)
		if j == end || d.v.passiveAux[p] || p == "has" || p == "have" || p == "had" || p == "been" {
			return true
		}
	}
	return false
}

// future reports "will", "is due to", "scheduled" before the trigger: the event is announced, not done.
func (d *doc) future(si, i int) bool {
	s := d.sents[si]
	for j := i - 1; j >= s.start && j >= i-4; j-- {
		switch d.w(j) {
		case "will", "shall", "scheduled", "due", "expected", "slated", "upcoming", "next":
			return true
		case ",", ";":
			return false
		}
	}
	return false
}

// group turns a sentence's triggers into one event per type. A weak trigger ("killed") gives way to
// a strong trigger of another type in the sentence ("earthquake").
func (d *doc) group(si int, cands []cand, named []namedEv, out []article.Event) []article.Event {
	strongTypes := 0
	maxWeak := 0.0
	for i, c := range cands {
		if !c.weak && firstOfType(cands[:i], c.typ, true) {
			strongTypes++
		}
		if c.weak {
			maxWeak = max(maxWeak, c.conf)
		}
	}
	var buf [8]cand
	for i, c := range cands {
		if !firstOfType(cands[:i], c.typ, false) {
			continue // grouped with the first trigger of its type
		}
		cs := buf[:0]
		best := -1
		for _, o := range cands[i:] {
			if o.typ != c.typ {
				continue
			}
			cs = append(cs, o)
			if best < 0 || o.conf >= cs[best].conf+0.1 { // the first trigger unless a later one is clearly stronger
				best = len(cs) - 1
			}
		}
		hasStrong := false
		for _, o := range cs {
			hasStrong = hasStrong || !o.weak
		}
		if !hasStrong && (strongTypes > 0 || cs[best].conf < maxWeak) {
			continue // "killed" beside "earthquake" or "explosion": the disaster is the event
		}
		out = append(out, d.buildMention(si, c.typ, cs[best], cs, named))
	}
	return out
}

// firstOfType reports whether no trigger in cs has type typ (only strong ones when strong is set).
func firstOfType(cs []cand, typ string, strong bool) bool {
	for _, c := range cs {
		if c.typ == typ && (!strong || !c.weak) {
			return false
		}
	}
	return true
}

func (d *doc) buildMention(si int, typ string, best cand, cs []cand, named []namedEv) article.Event {
	trig := d.mention(d.toks[best.tStart].Start, d.toks[best.tEnd-1].End)
	ev := article.Event{Type: typ, Trigger: &trig}
	for _, c := range cs {
		ev.Mentions = append(ev.Mentions, d.mention(d.toks[c.tStart].Start, d.toks[c.tEnd-1].End))
	}
	ev.Participants = d.participants(si, best)
	// Date and place: the nearest to any of the triggers ("marched through London … the largest
	// protest in the capital").
	dk, dDist, pk, pScore := -1, 1<<30, -1, 0.0
	for _, c := range cs {
		if k, dist := d.nearestDate(si, c.tStart, c.tEnd, typ == TypeStatement, typ == TypeEconomic); k >= 0 && dist < dDist {
			dk, dDist = k, dist
		}
		if p, score := d.scoredPlace(si, c.tStart, c.tEnd, typ); p >= 0 && score > pScore {
			pk, pScore = p, score
		}
	}
	// A year in the trigger's own noun phrase ("the 2020 election") binds tighter than any date of
	// the sentence ("indicted on Tuesday on charges of trying to overturn the 2020 election").
	year := ""
	for _, c := range cs {
		if year = d.yearModifier(si, c.tStart); year != "" {
			break
		}
	}
	if year != "" {
		ev.Date = year
	} else if dk >= 0 {
		ev.Date, ev.DateEnd = d.dateRange(dk)
	}
	if pk >= 0 {
		d.setPlace(&ev, pk)
	}
	var n *namedEv
	for _, c := range cs {
		if n = d.linkedNamed(si, c, named); n != nil {
			break
		}
	}
	if n != nil {
		ev.Name = n.name
		if ev.Date == "" {
			ev.Date, ev.DateEnd = n.date, n.dateEnd
		}
		if ev.Place == "" && n.place >= 0 {
			d.setPlace(&ev, n.place)
		}
		if ev.Place == "" && n.namePlace != nil {
			copyPlace(&ev, *n.namePlace)
		}
	}
	if typ == TypeAgreement || typ == TypeEconomic {
		s := d.sents[si]
		for _, m := range d.money {
			if m.tStart >= s.start && m.tEnd <= s.end {
				ev.Money = append(ev.Money, m.i)
			}
		}
	}
	conf := best.conf
	if len(cs) > 1 {
		conf += 0.05
	}
	if len(ev.Participants) > 0 {
		conf += 0.05
	}
	if ev.Date != "" {
		conf += 0.03
	}
	if ev.Place != "" {
		conf += 0.03
	}
	ev.Confidence = round2(conf)
	return ev
}

// yearModifier returns the year that modifies a nominal trigger in its own noun phrase ("the 2020
// presidential election", "Kenya's 2024 protests"), which the dates extractor leaves alone
// without a cue; "" when there is none. It stops at a preposition or punctuation ("a 2023 law on
// protests" is the law's year).
func (d *doc) yearModifier(si, ts int) string {
	s := d.sents[si]
	for j := ts - 1; j >= s.start && j >= ts-3; j-- {
		w := d.w(j)
		if isYear(w) {
			if n := atoi2(w); n >= 1900 && n <= 2100 && !isDigitToken(d.w(j-1)) && !oneOf(d.w(j-1), "by", "since", "until", "before") {
				return w
			}
			return ""
		}
		if d.v.placePreps[w] || d.v.clauseBreaks[w] || oneOf(w, "of", "for", "against", "over", "by", ".", "%") || isDigitToken(w) ||
			d.v.passiveAux[w] || oneOf(w, "has", "have", "had", "will") {
			return "" // "plans to cut jobs by 2006 were announced": a verb's, not a noun's, year
		}
	}
	return ""
}

// linkedNamed returns the named event a trigger is about: a mention of it right after the trigger
// ("attended the congress", "met at the G20 summit") or right before ("the summit's talks").
func (d *doc) linkedNamed(si int, c cand, named []namedEv) *namedEv {
	if d.namedAt == nil {
		return nil
	}
	s := d.sents[si]
	for j := c.tEnd; j < s.end && j < c.tEnd+5; j++ {
		if k := d.namedAt[j]; k >= 0 {
			return &named[k]
		}
		if d.v.clauseBreaks[d.w(j)] {
			break
		}
	}
	for j := c.tStart - 1; j >= s.start && j >= c.tStart-3; j-- {
		if k := d.namedAt[j]; k >= 0 {
			return &named[k]
		}
	}
	return nil
}

// participants are the PERSON and ORG mentions around the trigger: the nearest before it (and one
// coordinated with it) as agent, the nearest after it as target; passive triggers swap, and
// "by X" after the trigger is an agent.
func (d *doc) participants(si int, c cand) []article.Participant {
	s := d.sents[si]
	var out []article.Participant
	passive := c.tStart > s.start && d.v.passiveAux[d.w(c.tStart-1)]
	seen := map[string]bool{}
	add := func(k int, role string) {
		r := d.ents[k]
		en := d.a.Entities[r.i]
		if seen[en.Name] {
			return
		}
		seen[en.Name] = true
		out = append(out, article.Participant{Name: en.Name, Type: en.Type, Role: role,
			Start: d.idx.Rune(r.start), End: d.idx.Rune(r.end)})
	}
	before := "agent"
	if passive {
		before = "target"
	}
	// Backwards: nearest mention, then one more joined by "and" or ",".
	taken := 0
	for j := c.tStart - 1; j >= s.start && j >= c.tStart-12 && taken < 2; j-- {
		w := d.w(j)
		if w == "said" || w == "says" || w == "told" || w == "according" || w == ";" || w == "that" || w == "after" || w == "before" || w == "while" {
			break
		}
		k := d.entAt[j]
		if k < 0 || !isActor(d.ents[k].typ) {
			if taken > 0 && w != "and" && w != "," && w != "'s" {
				break
			}
			continue
		}
		add(int(k), before)
		taken++
		j = d.ents[k].tStart
	}
	taken = 0
	for j := c.tEnd; j < s.end && j < c.tEnd+10 && taken < 2; j++ {
		w := d.w(j)
		if w == "said" || w == "says" || w == ";" || w == "which" || w == "who" || w == "after" || w == "before" || w == "while" || w == "when" {
			break
		}
		k := d.entAt[j]
		if k < 0 || !isActor(d.ents[k].typ) {
			if taken > 0 && w != "and" && w != "," {
				break
			}
			continue
		}
		role := "target"
		if b := d.ents[k].tStart - 1; d.w(b) == "by" || d.w(b) == "the" && d.w(b-1) == "by" {
			role = "agent"
		}
		add(int(k), role)
		taken++
		j = d.ents[k].tEnd - 1
	}
	return out
}

func isActor(typ string) bool { return typ == article.TypePerson || typ == article.TypeOrg }
