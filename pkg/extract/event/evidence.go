package event

import (
	"strings"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/extract/wordclass"
)

// Evidence of a trigger's sense from what the words around it denote (issue #19, "Event types
// with evidence"). Word lists copied from the texts one has read do not carry to texts one has
// not; what a word denotes does. WordNet's classes (pkg/extract/wordclass) say whether the one
// killed is a person or a bacterium, whether a trial's sentence speaks of courts or of drugs,
// whether a vote's sentence speaks of voters or of a committee, whether a meeting word's object is
// someone met or a target met, and whether the noun a trigger modifies makes it a kind of place or
// thing ("a demonstration area") rather than the event.

// senseClass counts the tokens of [from, to) whose word has class c: two for a first sense, one
// for a later salient sense ("charges" is first an act, then the law's).
func (d *doc) senseClass(from, to int, c byte) int {
	n := 0
	for t := from; t < to; t++ {
		w := unpossessed(d.w(t))
		if len(w) < 3 || !isLowerWord(w) || functionWords[w] {
			continue
		}
		cl := wordclass.Of(w)
		switch {
		case cl.First(c):
			n += 2
		case cl.Any(c):
			n++
		}
	}
	return n
}

// docSenseClasses are the classes the whole text is counted for, once, on first need: a trial or
// a vote read without cues in its own sentence takes the article's sense.
const docSenseClasses = "LMEK"

// docClass is senseClass over the whole text, for one of docSenseClasses.
func (d *doc) docClass(c byte) int {
	if !d.classesCounted {
		for k := 0; k < len(docSenseClasses); k++ {
			d.classCounts[k] = d.senseClass(0, len(d.toks), docSenseClasses[k])
		}
		d.classesCounted = true
	}
	return d.classCounts[strings.IndexByte(docSenseClasses, c)]
}

// functionWords have noun senses WordNet lists ("will" a testament, "can" a container, "may" a
// month, "case" a lawsuit) that their use as function words never means.
var functionWords = words(`will can may might must shall should would could did does has have had was
were are the and for but not nor yet case cases way ways lot lots kind sort part parts one ones time
times thing things who whom which what that whose it its or in on at to of by for with from into as`)

// unpossessed is w without a possessive "'s" ("the defendant's trial", "the farmers' vote").
func unpossessed(w string) string {
	for _, suf := range [...]string{"'s", "’s", "'", "’"} {
		if len(w) > len(suf) && strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

// isLowerWord reports whether w is a lower-case word of letters and hyphens.
func isLowerWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; (c < 'a' || c > 'z') && c != '-' {
			return false
		}
	}
	return true
}

// objectHead returns the token of the noun a verb or nominal trigger ending at end acts on: the
// first word after it (after "on", "of", "against", "with" for a nominal or a verb of meeting)
// that WordNet knows as a noun, or a PERSON/ORG/PLACE name, skipping determiners and modifiers;
// -1 when the clause ends, another preposition comes, or nothing is found within eight words.
func (d *doc) objectHead(si, end int, preps ...string) int {
	s := d.sents[si]
	j := end
	if j < s.end && oneOf(d.w(j), preps...) {
		j++
	}
	for ; j < s.end && j < end+9; j++ {
		if k := d.entAt[j]; k >= 0 && d.ents[k].typ != article.TypeMisc {
			return j
		} else if k >= 0 {
			j = d.ents[k].tEnd - 1
			continue // a nationality or a product before the noun: "Israeli territory"
		}
		w := d.w(j)
		if w == "of" && j > end && (determiners[d.w(j-1)] || numberWords[d.w(j-1)] || isDigitToken(d.w(j-1)) || d.v.quantities[d.w(j-1)]) {
			continue // "some of the most dangerous infections", "three of the guards"
		}
		if d.v.clauseBreaks[w] || d.v.placePreps[w] || oneOf(w, ".", "by", "for", "with", "of", "over", "after", "during", "because") {
			return -1
		}
		if objectPronouns[w] {
			return j
		}
		if determiners[w] || functionWords[w] || isDigitToken(w) || numberWords[w] || !isLowerWord(w) {
			continue
		}
		if (wordclass.Speaker(w) == 'a' && d.adjectiveGoesOn(j) || d.prenominalRank(j)) && !wordclass.Of(d.w(j+1)).First(wordclass.Time) {
			continue // "the two major economic powers": WordNet's rarer noun ("a major") before the head; "last year" is when
		}
		c := wordclass.Of(w)
		if j == end && c.First(wordclass.Time) {
			return -1 // "met yesterday", "killed overnight": when, not whom
		}
		if (c.Known() || isNoun(w)) && !d.modifierAt(j) {
			return j
		}
	}
	return -1
}

// modifierAt reports whether the word at j modifies a noun after it ("sales" in "sales targets",
// "black" in "black voters"): the next word is a noun too, and no verb form.
func (d *doc) modifierAt(j int) bool {
	n := d.w(j + 1)
	if n == "" || !isLowerWord(n) || functionWords[n] || d.v.placePreps[n] || d.v.clauseBreaks[n] || strings.HasSuffix(n, "ed") ||
		determiners[n] || wordclass.Speaker(n) == 'a' {
		return false
	}
	return wordclass.Of(n).Known()
}

// isNoun reports a word WordNet has as a noun more than as a modifier, with or without the
// classes the events read ("growth", a process).
func isNoun(w string) bool {
	c := wordclass.Speaker(w)
	return c != 0 && c != 'a'
}

// objectPronouns stand for people as the object of a verb.
var objectPronouns = words(`him her them us me you`)

var determiners = words(`the a an his her their its our my your this that these those some any
every each no other another such both all many more most several few`)

// person and group classes: the one killed or met is someone.
func someone(c wordclass.Classes) bool {
	return c.First(wordclass.Person) || c.First(wordclass.Group)
}

// livingThing reports a word whose first sense is a living thing that is no person ("bacteria",
// "weeds", "mosquitoes"), or that has such a salient sense and none for people ("cells").
func livingThing(c wordclass.Classes) bool {
	return c.First(wordclass.Living) ||
		c.Any(wordclass.Living) && !c.Any(wordclass.Person) && !c.Any(wordclass.Group)
}

// entityIs reports whether token j lies in a name of one of the types.
func (d *doc) entityIs(j int, types ...string) bool {
	k := d.entAt[j]
	return k >= 0 && oneOf(d.ents[k].typ, types...)
}

// killedSense reads what "killed"/"killing"/"killings" at [i, end) did by the classes of the words
// around it: true for people killed ("killing three villagers", "the killings of two
// journalists") or killing by someone armed ("gunmen killed"); false for living things that are no
// people ("capable of killing bacteria", "kills weeds") and for a death in an accident ("a woman
// killed by that wall", "killed in the crash").
func (d *doc) killedSense(si, i, end int) bool {
	s := d.sents[si]
	if oneOf(d.w(end), "by", "in", "when") {
		for j := end + 1; j < s.end && j < end+6; j++ {
			if c := wordclass.Of(d.w(j)); c.Any(wordclass.Armed) || c.Any(wordclass.Weapon) {
				return true
			}
		}
		return false // "killed by that wall", "killed in the crash"
	}
	if o := d.objectHead(si, end, "of"); o >= 0 && d.entAt[o] < 0 {
		// the one killed decides: people ("fans": a person in one of its salient senses), or a thing
		// that is no one ("infections", "weeds", "the bill")
		c := wordclass.Of(d.w(o))
		return objectPronouns[d.w(o)] || !livingThing(c) && (c.Any(wordclass.Person) || c.Any(wordclass.Group))
	}
	for j := max(s.start, i-8); j < min(s.end, end+8); j++ {
		w := d.w(j)
		if d.entityIs(j, article.TypePerson) || isDigitToken(w) || numberWords[w] || d.v.quantities[w] {
			return true
		}
		if j >= i && j < end || !isLowerWord(w) || functionWords[w] {
			continue
		}
		if c := wordclass.Of(w); c.First(wordclass.Person) && !livingThing(c) || c.Any(wordclass.Armed) || c.Any(wordclass.Weapon) {
			return true
		}
	}
	return false
}

// violenceWords are verbs and adjectives of harm done, which no noun class gives.
var violenceWords = words(`killed killing kills dead died dies wounded wounding injured injuring hurt
stabbed shot shooting bombed fired firing blew exploded casualties bloody deadly armed`)

// verbalAttack reports an "attack" on someone's words or person with no violence in the sentence:
// "attacked other candidates on stage", "his attacks on moderators", "attacked the plan". Its
// object is a person, a group, a message or an idea, and nothing in the sentence is armed, a
// weapon, or harm done ("a drone attack on the port killed eight", "gunmen attacked a convoy").
func (d *doc) verbalAttack(si, i, end int) bool {
	o := d.objectHead(si, end, "on", "against")
	if o < 0 {
		return false // "the attack", "a vicious attack": nothing says whom
	}
	if k := d.entAt[o]; k >= 0 && d.ents[k].typ == article.TypePlace {
		// a country before the noun it qualifies: "attacked UK policy", "Japan's fiscal policy"
		after := d.ents[k].tEnd
		if p := d.w(after); p == "'s" || p == "’s" {
			after++
		}
		if n := d.w(after); isLowerWord(n) && wordclass.Of(n).Known() {
			if h := d.objectHead(si, after); h >= 0 {
				o = h
			}
		}
	}
	c := wordclass.Of(d.w(o))
	switch {
	case objectPronouns[d.w(o)]:
	case d.entityIs(o, article.TypePlace):
		return false // "an attack on Israel"
	case d.entityIs(o, article.TypePerson, article.TypeOrg):
	case someone(c) || c.First(wordclass.Message) || c.First(wordclass.Abstraction):
	default:
		return false // "attacked a convoy", "an attack on the embassy"
	}
	s := d.sents[si]
	for j := s.start; j < s.end; j++ {
		w := d.w(j)
		if violenceWords[w] {
			return false
		}
		if j >= i && j < end || !isLowerWord(w) || functionWords[w] || strings.HasPrefix(w, "attack") {
			continue // (the trigger itself, or another "attack": the word is also the military's)
		}
		if c := wordclass.Of(w); c.First(wordclass.Armed) || c.First(wordclass.Weapon) {
			return false // "militants attacked villagers", "attacked them with knives"
		}
	}
	return true
}

// courtSense reads a "trial" by the classes of its sentence's words: the law's ("the jury", "the
// defendant", "charges") against medicine's ("the vaccine", "patients", "a dose"); with neither, the
// article's. A modifier before it decides first: "a drug trial", "cancer trials" are clinical.
func (d *doc) courtSense(si, i int) bool {
	if c := wordclass.Of(d.w(i - 1)); c.First(wordclass.Medical) && !c.First(wordclass.Legal) {
		return false
	}
	s := d.sents[si]
	legal, medical := d.senseClass(s.start, s.end, wordclass.Legal), d.senseClass(s.start, s.end, wordclass.Medical)
	switch {
	case legal > 0 && legal >= medical:
		return true
	case medical > 0:
		return false
	}
	return d.docClass(wordclass.Legal) > d.docClass(wordclass.Medical)
}

// electoralSense reads a "vote" by the classes of its sentence's words: an electorate's (voters,
// candidates, ballots, a campaign) rather than a body's (a senate, a committee, lawmakers, a bill);
// with neither, the article's.
func (d *doc) electoralSense(si int) bool {
	s := d.sents[si]
	electoral, body := d.senseClass(s.start, s.end, wordclass.Electoral), d.senseClass(s.start, s.end, wordclass.Legislative)
	body += 2 * d.sentenceCount(si, bodyVoteWords)
	for j := s.start; j < s.end; j++ {
		if k := d.entAt[j]; k >= 0 && d.ents[k].typ == article.TypeOrg && d.ents[k].tStart == j {
			// a named body: "the Senate", "the House Appropriations Committee"
			if c := wordclass.Of(d.w(d.ents[k].tEnd - 1)); c.First(wordclass.Legislative) {
				body += 2
			}
		}
	}
	switch {
	case electoral > 0 && electoral >= body:
		return true // "the election commission declared … the winner of Saturday's vote"
	case body > 0:
		return false
	}
	// an article with no electorate's word at all speaks of another vote (a show's, an award's)
	e := d.docClass(wordclass.Electoral)
	return e > 0 && e >= d.docClass(wordclass.Legislative)
}

// bodyVoteWords are what a legislature or a court votes on, and the judges who vote: "voted
// against the package", "the council voted for the resolution", "how the justices had voted".
var bodyVoteWords = words(`bill bills law laws legislation resolution resolutions amendment amendments
package measure measures ordinance treaty justices justice judges court`)

// tallyAfter reports a body's tally after a vote at end: "voted 6-1", "the vote was 5 to 4" — an
// electorate's result is counted in votes or percent, not so.
func (d *doc) tallyAfter(end int) bool {
	w := d.w(end)
	if w == "was" || w == "is" {
		return isDigitToken(d.w(end+1)) && oneOf(d.w(end+2), "to", "-") && isDigitToken(d.w(end+3))
	}
	a, b, ok := strings.Cut(w, "-")
	return ok && a != "" && b != "" && isDigitToken(a) && isDigitToken(b)
}

// oneVoterChoice reports one voter's choice told as an intention or a supposition, no election
// held: "I'd vote against them", "they will vote for her", "say they will vote for Trump",
// "I wasn't even going to vote" — the bare verb after will, would, 'd or "going to", with a
// person as its subject and no date in the sentence ("Texas will vote March 1" is held).
func (d *doc) oneVoterChoice(si, i, end int) bool {
	if d.w(i) != "vote" {
		return false
	}
	j := i - 1
	if oneOf(d.w(j), "even", "not", "never", "also", "probably", "definitely", "certainly", "still") {
		j--
	}
	subj := -1 // the subject, when joined to its auxiliary: "I'd", "they'll"
	switch w := d.w(j); {
	case oneOf(w, "will", "would", "'ll", "’ll", "'d", "’d", "wo", "wouldn't", "won't"):
	case subjectPronouns[strings.TrimRight(strings.TrimRight(w, "ld"), "'’")] && strings.ContainsAny(w, "'’"):
		subj = j
	case w == "to" && oneOf(d.w(j-1), "going", "likely", "unlikely", "uncertain", "want", "wants", "plan", "plans", "intend"):
	default:
		return false
	}
	s := d.sents[si]
	for t := s.start; t < s.end; t++ {
		if d.dateAt[t] >= 0 {
			return false
		}
	}
	if subj >= 0 {
		return true
	}
	for k := j - 1; k >= s.start && k >= j-6; k-- {
		w := d.w(k)
		if subjectPronouns[w] || oneOf(w, "people", "voters", "supporters", "members", "percent", "%") {
			return true
		}
		if d.entityIs(k, article.TypePlace) {
			return false
		}
	}
	return false
}

// bodyOrGroupVote reports a "vote" of a group of voters or of a body, named by the noun before it:
// "the black vote", "the youth vote" (a group's support), "the Senate vote", "a committee vote" (a
// body's decision) — neither an election held.
func (d *doc) bodyOrGroupVote(i int) bool {
	p := i - 1
	if p < 0 || d.tokSent[p] != d.tokSent[i] {
		return false
	}
	if k := d.entAt[p]; k >= 0 && d.ents[k].typ == article.TypeOrg {
		return wordclass.Of(d.w(p)).First(wordclass.Legislative)
	}
	w := unpossessed(d.w(p))
	if !isLowerWord(w) || functionWords[w] {
		return false
	}
	c := wordclass.Of(w)
	return c.First(wordclass.Legislative) || someone(c) && !c.Any(wordclass.Electoral)
}

// metSense reads "meet"/"met": someone met ("met the president", "met with protesters", "meet
// in Paris") or a place, against a goal or a burden met ("meet sales targets", "met the deadline",
// "met with criticism"): the object's first sense is a message, an idea, a time or an act.
func (d *doc) metSense(si, end int) bool {
	o := d.objectHead(si, end, "with")
	if o < 0 || d.entAt[o] >= 0 || objectPronouns[d.w(o)] {
		return true
	}
	c := wordclass.Of(d.w(o))
	if someone(c) || c.First(wordclass.Location) || c.First(wordclass.Artifact) {
		return true
	}
	return !(c.First(wordclass.Message) || c.First(wordclass.Abstraction) || c.First(wordclass.Time) || c.First(wordclass.Act))
}

// modifiesNoun reports a nominal trigger used as the modifier of the noun after it, which then
// names a kind of place or thing rather than the event: "a national demonstration area", "the
// meeting pavilion", "election posters". Attacks and disasters keep theirs: "the crash site"
// speaks of one that happened. People after a trigger are its modifier only when the trigger's
// domain names their role ("trial lawyers", "an election official"): "protest organisers said"
// speaks of a protest held.
func (d *doc) modifiesNoun(si, end int, typ string) bool {
	if typ == TypeAttack || typ == TypeDisaster || end+1 > d.sents[si].end || strings.HasSuffix(d.w(end-1), "s") {
		return false // a plural modifies no noun: "demonstrators who tried", "elections or"
	}
	n := d.w(end)
	if !isLowerWord(n) || functionWords[n] || d.v.placePreps[n] || d.v.clauseBreaks[n] || d.entAt[end] >= 0 ||
		strings.HasSuffix(n, "ed") || wordclass.Speaker(n) == 'a' {
		return false // a verb in the past, or a word more often an adverb or adjective than a noun ("the agreement still")
	}
	if _, trigger := d.v.lex[n]; trigger {
		return false // "a protest rally", "the summit meeting": one event named twice
	}
	if a := d.w(end + 1); determiners[a] || isDigitToken(a) || numberWords[a] || oneOf(a, "him", "her", "them", "it", "us", "up", "down", "out") {
		return false // "the attack left 12 dead", "the meeting drew them": a verb
	}
	c := wordclass.Of(n)
	if c.First(wordclass.Person) && (typ == TypeLegal && c.Any(wordclass.Legal) || typ == TypeElection) {
		return true // a person named for a role in such events: "trial lawyers", "an election official", "the election supremo"
	}
	if typ == TypeAgreement && (c.First(wordclass.Person) || c.First(wordclass.Possession) || c.First(wordclass.Abstraction)) &&
		n != "worth" && !strings.HasSuffix(n, "ing") && d.w(end+1) != "to" && (!strings.HasSuffix(n, "s") || d.phraseEnds(end+1)) {
		return true // "acquisition brokers looking", "policy acquisition costs,", "a takeover target": people, sums and aims of a kind of deal (not "the pact takes effect")
	}
	// a place or a made thing, but no verb in -s after its subject ("the deal clears", "the summit
	// ends", "farmers protest outside")
	return !strings.HasSuffix(n, "s") && (c.First(wordclass.Location) || c.First(wordclass.Artifact))
}

// senseEvidence runs the class tests of a trigger [i, end) of type typ; false when the words around
// it give it another sense.
func (d *doc) senseEvidence(si, i, end int, e *entry, typ string) bool {
	switch w := d.w(i); {
	case e.noun && d.modifiesNoun(si, end, typ):
		return false
	case typ == TypeMeeting && oneOf(w, "meet", "meets", "met"):
		return d.metSense(si, end) && !d.goalMet(si, i)
	case typ == TypeAttack:
		return d.attackSense(si, i, end)
	case typ == TypeAgreement && oneOf(w, "acquire", "acquires", "acquired"):
		return d.acquiredSense(si, end)
	case typ == TypeElection && oneOf(w, "vote", "votes") && (d.bodyOrGroupVote(i) || d.oneVoter(si, i)):
		return false
	case typ == TypeElection:
		return d.voteSense(si, i, end)
	case typ == TypeLegal:
		return d.legalEvidence(si, i, end)
	}
	return d.typeEvidence(si, i, end, typ)
}

// oneVoter reports the verb "vote" of one person or a few: its subject a personal pronoun before it,
// through modals, negations and adverbs ("I will vote for the nominee", "he would never vote for
// her"): a voter's choice, not an election held ("they", an electorate as often as not, is left).
func (d *doc) oneVoter(si, i int) bool {
	for j := i - 1; j >= d.sents[si].start && j >= i-4; j-- {
		switch w := d.w(j); {
		case oneOf(w, "i", "we", "you", "he", "she"):
			return true
		case oneOf(w, "will", "would", "could", "should", "might", "must", "can", "shall", "never", "not", "also", "always", "just", "still") ||
			strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t") || strings.HasSuffix(w, "ly"):
		default:
			return false
		}
	}
	return false
}

// acquiredSense reads "acquire": a deal buys a company, a business, a made thing or a possession
// ("acquired the firm", "acquire two plants", "acquired a stake"), or names its parties or price;
// "to acquire top-line growth", "acquired a taste for", "acquire new skills" gain a quality.
func (d *doc) acquiredSense(si, end int) bool {
	o := d.objectHead(si, end)
	if o < 0 || d.entAt[o] >= 0 || objectPronouns[d.w(o)] {
		return true
	}
	c := wordclass.Of(d.w(o))
	if !c.Known() && !isNoun(d.w(o)) || someone(c) || c.First(wordclass.Artifact) || c.Any(wordclass.Possession) {
		return true
	}
	clause := min(d.sents[si].end, end+12)
	for j := end; j < clause; j++ {
		if d.v.clauseBreaks[d.w(j)] {
			clause = j
			break
		}
		if k := d.entAt[j]; k >= 0 && oneOf(d.ents[k].typ, article.TypeOrg, article.TypePerson) || isDigitToken(d.w(j)) {
			return true // "acquired the assets of Lehman", "acquire 40 per cent"
		}
	}
	for _, m := range d.money {
		if m.tStart >= end && m.tStart < clause {
			return true
		}
	}
	return false
}

// personAt reports a person at token j: a PERSON name, a personal pronoun, or a noun whose first
// sense is someone ("the chairman").
func (d *doc) personAt(j int) bool {
	if k := d.entAt[j]; k >= 0 {
		return d.ents[k].typ == article.TypePerson
	}
	return objectPronouns[d.w(j)] || wordclass.Of(d.w(j)).First(wordclass.Person)
}

// phraseEnds reports a token that cannot go on a noun phrase's verb as its object: a clause break,
// a preposition, a participle or the end of the sentence ("acquisition costs, resulting", "brokers
// looking for"), so that a plural before it was a noun, not a verb ("the pact takes effect").
func (d *doc) phraseEnds(j int) bool {
	w := d.w(j)
	return w == "" || w == "." || d.v.clauseBreaks[w] || d.v.placePreps[w] || oneOf(w, "of", "for", "by", "with") ||
		strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed")
}
