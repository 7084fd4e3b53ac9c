package event

import (
	"strings"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/extract/wordclass"
)

// Triggers used in another sense than their event's (issue #19): a careful reader does not see a
// meeting in "nine meetings" between two hockey teams, an agreement in "the best deals" of a shop,
// a disaster in "early warning systems for floods" or "pour fuel on the fire", an election in
// "voters" or "the past nine elections", an economic report in "two-thirds of GDP". Each test
// below reads the words around the trigger, never a particular article.

// Word lists of the sense tests.
var (
	// sportsContext in a sentence makes "meet"/"meetings" a fixture, not a meeting.
	sportsContext = words(`game games match matches corner goal goals league season
tournament friendly scored beat striker defenders innings debate debates playoff playoffs rematch
fixture fixtures`)
	// hazardWords listed together are the conditions a place faces, not an event that struck.
	hazardWords = words(`heat heatwave heatwaves flood floods flooding drought droughts storms
wildfires fires cyclones hurricanes typhoons landslides erosion spells sea-level famine famines`)
	// slowHazards are climate conditions: a list holding one is of hazards a place faces ("heat,
	// floods and droughts"), while "triggered floods and landslides" reports what struck.
	slowHazards = words(`heat heatwave heatwaves drought droughts spells erosion sea-level famine famines`)
	// genericHazardPrev before a hazard make it a kind, not an occurrence ("deadlier floods").
	genericHazardPrev = words(`deadlier more frequent worsening recurring recurrent repeated future
longer worse fiercer stronger extreme for during against`)
	// shoppingPrev before "deal(s)" and shoppingWords in the sentence make it a shop's offer.
	shoppingPrev = words(`best great top hot early holiday daily doorbuster biggest lightning cyber
sale shopping price discount exclusive today bundle`)
	shoppingWords = words(`discount discounts savings coupon coupons shoppers shopping bargain
bargains markdown markdowns doorbuster doorbusters`)
	// electionsGenericPrev before a plural "elections" make it elections in general.
	electionsGenericPrev = words(`past previous recent future many several all numerous two three
four five six seven eight nine ten of into free`)
	// hostedObjects after "hosted" make it a host's event ("hosted a summit"), not "hosted the
	// telescopes" or "hosted the Tonight Show".
	hostedObjects = words(`summit summits meeting meetings talks conference conferences forum delegation
delegations visit visitors leaders ceremony dinner reception banquet event events games tournament
championship olympics festival gathering session sessions round negotiations`)
	// attendObjects are places one attends as a routine, not an event.
	attendObjects = words(`school schools class classes church college university mass lectures
lessons`)
	// prospectPrev before "agreement"/"accord" speak of one not yet reached ("near accord",
	// "obstacles to an agreement", "reach agreement").
	prospectPrev = words(`near toward towards reach reaching`)
	// historyWords before "of negotiations" make them a history.
	historyWords = words(`years decades century centuries months weeks`)
	// crowdWords gathering are the public, not a meeting's members.
	crowdWords = words(`fans supporters crowds crowd people thousands hundreds mourners residents
worshippers spectators onlookers tourists`)
	// standingPrev before an agreement make it one in force, not one reached now.
	standingPrev = words(`original existing previous old current earlier standing`)
	// protestCues make a rally a protest.
	protestCues = words(`against protest protests protesters protestors demonstrators demand demands
demanding demanded oppose opposing solidarity march marched marchers denounce denouncing
condemn condemning outrage`)
	// verbalWords coordinated with "attack" make it criticism.
	verbalWords = words(`critique criticise criticize criticised criticized question mock ridicule
condemn defend insult`)
	// forecastModals before an economic noun make it a forecast ("will increase GDP").
	forecastModals = words(`will would could may might`)
	// electorateGroups before "vote" make it a group of voters or its support ("the black vote",
	// "the youth vote", "the popular vote"), not a vote held; "electoral votes" are a count.
	electorateGroups = words(`black white latino latina hispanic asian jewish muslim evangelical
catholic christian youth young women's female male suburban rural urban working-class union labor
labour minority ethnic immigrant conservative liberal progressive independent swing popular electoral
senior seniors millennial farm`)
	// supportVerbs before "votes" make them support to be won ("buying votes", "courting votes").
	supportVerbs = words(`buy buying bought court courting courted win winning won lose losing lost
attract attracting seek seeking sought garner garnering garnered secure securing secured woo wooing
split splitting siphon siphoning chase chasing`)
	// voterSubjects and the words of a voter's choice around the verb "vote" make it one person's
	// choice ("we vote for somebody", "go vote for Hillary"), not an election held.
	voterSubjects = words(`i we you they he she to go never not don't didn't won't can't must should`)
	voteChoice    = words(`for against your their his her my our`)
	// targetWords met are goals and obligations ("meet sales targets", "met the deadline").
	targetWords = words(`expectations expectation demand demands target targets criteria requirements
standards needs deadline deadlines forecasts forecast estimates goal goals quota quotas obligations
obligation conditions threshold thresholds benchmark benchmarks payroll costs challenge challenges
budget commitments regulations rules concerns objectives objective agenda aims`)
	// rivalWords met are opponents faced in a contest ("met her opponents one-on-one").
	rivalWords = words(`opponent opponents rival rivals challenger challengers`)
	// periodWords after "per"/"a"/"each"/"every" make meetings a routine ("three meetings per week").
	periodWords = words(`day week month year weekday night`)
	// treatmentWords attended are a course of treatment or a support group ("attend Narcotics
	// Anonymous", "attend counselling"), not an event.
	treatmentWords = words(`anonymous rehab rehabilitation counselling counseling therapy treatment
classes sessions`)
)

// otherSense reports whether the trigger [i, end) of sentence si, of type typ, is used in a sense
// that is not its event's.
func (d *doc) otherSense(si, i, end int, typ, prev, next string) bool {
	if d.idiomSense(si, i, end, typ, prev, next) || d.wireSense(si, i, end, typ, prev, next) || d.powerToAct(i) || d.readingSense(si, i, end, typ, prev, next) {
		return true
	}
	w := d.w(i)
	switch typ {
	case TypeMeeting:
		switch w {
		case "meet", "meets", "meeting", "meetings":
			// "for the eighth time in nine meetings", "the teams meet again", "meet a corner"
			if isDigitToken(prev) || numberWords[prev] {
				return true // "for the eighth time in nine meetings": encounters counted
			}
			if (w == "meet" || w == "meets") && d.sentenceCount(si, sportsContext) > 0 {
				return true // "the teams meet again", "rose to meet a corner"
			}
			if next == "none" {
				return true
			}
		case "attended", "attend", "attends", "attending":
			// "a ceremony attended by ministers" is the ceremony's; "the school her daughter attends"
			if next == "by" || attendObjects[next] || attendObjects[d.w(end+1)] || next == "." || next == "," || next == "" {
				return true
			}
		case "negotiations", "talks":
			// "after a quarter of a century of negotiations": a history, not a round held
			if prev == "of" && historyWords[d.w(i-2)] {
				return true
			}
		case "gathered", "gather", "gathering":
			// "thousands of fans gathered to celebrate": a crowd, not a meeting
			if crowdWords[prev] {
				return true
			}
		case "hosted":
			// "hosted a summit", "a dinner hosted by the deputy prime minister"
			for j := max(d.sents[si].start, i-3); j < end+6 && j < d.sents[si].end; j++ {
				if hostedObjects[d.w(j)] {
					return false
				}
			}
			return true
		}
	case TypeAgreement:
		switch w {
		case "deal", "deals":
			if shoppingPrev[prev] || shoppingPrev[d.possessor(i)] || oneOf(prev, "friday", "monday") && oneOf(d.w(i-2), "black", "cyber") {
				return true
			}
			if d.sentenceCount(si, shoppingWords) > 0 {
				return true
			}
			if d.dealsWithTopic(si, end) {
				return true
			}
		case "agreement", "accord", "agreements", "takeover", "merger", "acquisition", "buyout":
			if prospectPrev[prev] {
				return true
			}
			if (prev == "a" || prev == "an") && oneOf(d.w(i-2), "to", "of", "toward", "towards") && !strings.HasPrefix(d.w(i-3), "agree") && !strings.HasPrefix(d.w(i-3), "sign") {
				return true // "obstacles to an agreement", "in the way of an accord", "a precursor to a takeover"
			}
		case "pact", "treaty":
		}
		if oneOf(w, "agreement", "agreements", "accord", "pact", "treaty", "contract", "contracts") && (standingPrev[prev] || standingPrev[d.w(i-2)]) {
			return true // "the original loan agreements", "the current contract expires": one in force long since, not one made now
		}
		if d.standingAgreement(si, i, end, w) {
			return true
		}
		if w == "agreed" && next == "with" {
			// "agreed with Chilean authorities to share royalties" is an agreement; "the judge agreed
			// with her that…", "agreed with Smith and seemed to …" a view shared with someone
			for j := end + 1; j < min(end+8, d.sents[si].end); j++ {
				switch d.w(j) {
				case "to", "on":
					return false
				case "that", ",", ".":
					return true
				case "and":
					if n := d.w(j + 1); d.personAt(end+1) || isLowerWord(n) && !determiners[n] && !functionWords[n] && !wordclass.Of(n).Known() {
						return true // "agreed with McLenny and seemed to think": a second predicate, the view shared
					}
				}
			}
			return true
		}
		switch w {
		case "contracts":
			if oneOf(prev, "for", "vast", "lucrative", "bid", "win", "future", "such", "more") {
				return true // contracts in general, not one signed
			}
		}
	case TypeDisaster:
		if d.supposedDisaster(si, i) || d.marketCrash(si, i, end, prev) {
			return true
		}
		if hazardWords[w] {
			if genericHazardPrev[prev] {
				return true
			}
			// "extreme heat, floods and droughts": a list of hazards
			s := d.sents[si]
			for j := max(s.start, i-4); j < min(s.end, end+4); j++ {
				if j >= i && j < end {
					continue
				}
				if hazardWords[d.w(j)] && d.w(j) != w && (slowHazards[w] || slowHazards[d.w(j)]) && listed(d, min(i, j), max(i, j)) {
					return true
				}
			}
		}
		if w == "fire" || w == "fires" {
			// "pour fuel on the fire", "add fuel to the fire"
			for j := max(d.sents[si].start, i-4); j < i; j++ {
				if d.w(j) == "fuel" {
					return true
				}
			}
		}
	case TypeProtest:
		switch w {
		case "rally", "rallies":
			// a campaign's rally ("said during a rally in Kenansville") is no protest: a protest
			// rally says what it is against or for
			if d.sentenceCount(si, protestCues) == 0 {
				return true
			}
		}
		if oneOf(prev, "for", "most", "all", "any") && strings.HasSuffix(w, "s") {
			return true // "a flashpoint for protests", "banning most rallies": protests in general
		}
	case TypeAttack:
		if (w == "attack" || w == "attacked" || w == "attacks") && next == "and" && verbalWords[d.w(end+1)] {
			return true // "reasons to attack and critique him": words, not blows
		}
	case TypeElection:
		if w == "elections" && electionsGenericPrev[prev] {
			return true
		}
	case TypeEconomic:
		// "two-thirds of GDP", "6 per cent of revenue", "add $3 billion a year to exports": the base of
		// a ratio or a destination; "trade surplus countries": a modifier.
		if prev == "of" || prev == "to" || prev == "by" || next == "countries" || next == "nations" || d.ofPhrase(i) {
			return true
		}
		if oneOf(w, "exports", "imports") && (determiners[next] || ownerPronouns[next]) {
			return true // "Denmark exports its products to Greece": the verb
		}
		if forecastModals[next] {
			return true // "U.S. output will expand by 1.6 percent": a forecast
		}
		s := d.sents[si]
		for j := i - 1; j >= max(s.start, i-8); j-- {
			if d.w(j) == "," || d.w(j) == ";" {
				break
			}
			if forecastModals[d.w(j)] {
				return true // "may lead to a drop in 2005 net profit"
			}
		}
	case TypeStatement:
		if d.claimSense(i, end, prev, next) {
			return true
		}
		if prev == "into" {
			return true // "pressure him into announcing an inquiry": wanted, not made
		}
		if strings.HasPrefix(w, "declared") && oneOf(prev, "during", "of", "in", "under", "any", "a", "the", "officially", "his", "her", "their", "its", "our") {
			return true // "during declared emergencies", "his declared income": an adjective
		}
		if d.attributiveParticiple(i, end, prev, next) {
			return true
		}
		if w == "speech" && isLowerWord(next) && !functionWords[next] && !d.v.clauseBreaks[next] && !strings.HasSuffix(next, "ing") {
			if c := wordclass.Of(next); (c.First(wordclass.Abstraction) || c.First(wordclass.Act)) && !c.First(wordclass.Time) {
				return true // "speech technology", "speech recognition": the faculty, not an address
			}
		}
	case TypeVisit:
		if next == ":" || strings.HasPrefix(next, "www") || next == "our" || next == "the" && oneOf(d.w(end+1), "website", "site", "page") {
			return true // "please visit: www…"
		}
	}
	return false
}

// idiomSense is otherSense for the classes of the fresh evaluation batch (issue #19): idioms ("by
// accident", "marching orders", "meet sales targets"), a "negotiated" outcome, "vote" as voters or
// support, fees and wanted inquiries for legal nouns.
func (d *doc) idiomSense(si, i, end int, typ, prev, next string) bool {
	w := d.w(i)
	switch typ {
	case TypeMeeting:
		if w == "negotiated" && (d.v.passiveAux[prev] || strings.HasSuffix(prev, "ly") && d.v.passiveAux[d.w(i-2)] ||
			oneOf(prev, "the", "a", "newly")) {
			return true // "a discount is typically negotiated", "the negotiated price": the outcome, not talks held
		}
		if w == "meet" && prev == "ends" {
			return true // "make ends meet"
		}
		if d.acquaintanceSense(si, i, end, prev, next) {
			return true
		}
		return d.routineOrGoal(si, i, end)
	case TypeDisaster:
		return (w == "accident" || w == "accidents") && prev == "by" // "not by accident": unintentionally
	case TypeProtest:
		return oneOf(w, "march", "marching") && oneOf(next, "orders", "order", "band", "bands") || // instructions; a band
			d.protestFigure(si, i, end, prev, next)
	case TypeElection:
		return (w == "vote" || w == "votes") && d.supportVote(i, end, prev, next)
	case TypeLegal:
		if w == "charges" && (d.v.fees[prev] || isDigitToken(next) || next == "of" && isDigitToken(d.w(end+1))) {
			return true // "bank charges", "charges of 5 euros": fees
		}
		for j := i - 1; j >= max(d.sents[si].start, i-4); j-- {
			if d.w(j) == "into" && strings.HasSuffix(d.w(j+1), "ing") {
				return true // "pressure the country into announcing a corruption inquiry": wanted, not opened
			}
		}
	}
	return false
}

// supportVote reports "vote"/"votes" meaning voters or their support rather than a vote held:
// a group's vote ("get out the black vote", "5 percent support of the black vote"), support won or
// bought ("buying votes"), the verb of one voter's choice ("we don't vote against somebody", "go
// vote for Hillary", "vote your conscience"), and "the vote is against Trump" (the mood of voters).
func (d *doc) supportVote(i, end int, prev, next string) bool {
	switch {
	case electorateGroups[prev] && (d.w(i-2) == "the" || d.w(i-2) == "of" || d.w(i-2) == "'s" || d.w(i-2) == "’s"):
		return true
	case d.w(i) == "votes" && (supportVerbs[prev] || electorateGroups[prev]):
		return true
	case d.w(i) == "vote" && voterSubjects[prev] && voteChoice[next]:
		return true
	case d.w(i) == "vote" && oneOf(next, "your", "their", "our", "my", "his", "her") && !determiners[prev]:
		return true // "vote your conscience": one voter's choice urged
	case prev == "the" && oneOf(next, "is", "was") && oneOf(d.w(end+1), "for", "against"):
		return true
	}
	return false
}

// routineOrGoal reports a meeting word in another sense by what follows it in its clause: a goal
// met ("meet sales targets", "met the deadline"), rivals met in a contest ("met her Republican
// opponents"), or a routine or treatment ("attend three … meetings per week", "attend Narcotics
// Anonymous").
func (d *doc) routineOrGoal(si, i, end int) bool {
	w := d.w(i)
	goal := w == "meet" || w == "meets" || w == "met" || w == "meeting"
	s := d.sents[si]
	for j := end; j < s.end && j < end+8; j++ {
		x := d.w(j)
		if x == "," || x == ";" || x == "." || x == "and" && j > end {
			return false
		}
		if goal && (targetWords[x] || rivalWords[x]) {
			return true
		}
		if treatmentWords[x] {
			return true
		}
		if oneOf(x, "per", "each", "every") && periodWords[d.w(j+1)] {
			return true
		}
	}
	return false
}

// listed reports whether tokens a < b are items of one list: only commas, "and", "or" and
// modifiers between them (no verb).
func listed(d *doc, a, b int) bool {
	seen := false
	for j := a + 1; j < b; j++ {
		switch d.w(j) {
		case ",", "and", "or", "&":
			seen = true
		case "extreme", "severe", "longer", "dry", "more", "frequent":
		default:
			return false
		}
	}
	return seen
}

// possessor is the word before a possessive "'s" (or "’s") that ends right before token i
// ("today" in "Today’s deal"), whatever the tokenizer made of the apostrophe; "" if none.
func (d *doc) possessor(i int) string {
	switch {
	case d.w(i-1) == "'s" || d.w(i-1) == "’s":
		return d.w(i - 2)
	case d.w(i-1) == "s" && (d.w(i-2) == "'" || d.w(i-2) == "’"):
		return d.w(i - 3)
	case strings.HasSuffix(d.w(i-1), "'s") || strings.HasSuffix(d.w(i-1), "’s"):
		w := d.w(i - 1)
		return strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	}
	return ""
}

var numberWords = words(`two three four five six seven eight nine ten eleven twelve dozen several many`)

// dealsWithTopic reports "deal(s) with" whose object is a subject matter, not a party: "the novel
// deals with moral issues", "a plan to deal with the problem" — a deal is made with someone (a
// person, a group, a company), never with an idea or a message.
func (d *doc) dealsWithTopic(si, end int) bool {
	if d.w(end) != "with" {
		return false
	}
	o := d.objectHead(si, end, "with")
	if o < 0 || d.entAt[o] >= 0 || d.someoneAt(o) {
		return false
	}
	c := wordclass.Of(d.w(o))
	return c.First(wordclass.Abstraction) || c.First(wordclass.Message)
}

// complianceWords before an agreement speak of one in force: kept to, broken or worked under
// ("adhere to the pact", "violated contract language", "abide by the agreement").
var complianceWords = words(`adhere adheres adhering abide abides abiding comply complies complying
honour honor honours honors violate violates violated violating breach breached breaching stick
sticking infringe infringed`)

// instrumentPrev before "contract(s)", "pact" or "agreement(s)" name a traded instrument, not an
// agreement made: "repurchase agreements", "the June contract" of a futures market.
var instrumentPrev = words(`repurchase repo reverse forward swap swaps`)

// standingAgreement reports an agreement word used of one in force, of an instrument or of a
// consensus: a compliance word among the three words before it, an instrument or a delivery
// month right before it, or "broad agreement among …" (a view shared).
func (d *doc) standingAgreement(si, i, end int, w string) bool {
	if !oneOf(w, "agreement", "agreements", "accord", "pact", "treaty", "contract", "contracts") {
		return false
	}
	prev := d.w(i - 1)
	if instrumentPrev[prev] || isMonth(prev) && d.dateAt[i-1] < 0 {
		return true
	}
	if strings.HasPrefix(w, "agreement") && oneOf(prev, "broad", "general", "widespread", "wide") && oneOf(d.w(end), "among", "that") {
		return true // "broad agreement among market participants that …": a view shared
	}
	for j := i - 1; j >= d.sents[si].start && j >= i-3; j-- {
		if complianceWords[d.w(j)] {
			return true
		}
	}
	return false
}

// attributiveParticiple reports a past participle of telling used as an adjective before its noun
// after an adverb of time or a determiner ("all previously announced conditions", "the newly
// unveiled budget", "the previously announced 1.3 pct", "the company's previously announced
// plan"): the thing told of, not a telling.
func (d *doc) attributiveParticiple(i, end int, prev, next string) bool {
	if !strings.HasSuffix(d.w(i), "ed") || !(oneOf(prev, "previously", "newly", "recently", "already", "just") || determiners[prev]) {
		return false
	}
	if p := d.w(i - 2); !determiners[prev] && !determiners[p] && !ownerPronouns[p] && !oneOf(p, "of", "the", "from", "with", "into", "on", "for") &&
		d.possessor(i-1) == "" {
		return false // "Labour has already announced plans", "City recently announced debts": the verb after its subject
	}
	return isDigitToken(next) || isLowerWord(next) && !functionWords[next] && !d.v.clauseBreaks[next] && !d.v.placePreps[next] &&
		!oneOf(next, "by", "for", "with", "yesterday", "today", "last", "this", "on", "earlier") && wordclass.Of(next).Known()
}

// shareWords before "of" measure a part or an amount of what follows.
var shareWords = words(`% pct percent cent most part parts share shares half third thirds quarter
quarters bulk all slice portion proportion fraction`)

// ofPhrase reports a trigger whose noun phrase, modifiers and a possessor included, follows "of":
// "16% of Russia's total crude oil output", "60 pct of Ethiopian exports" — the base of a share,
// not a report of it; a share, a number or a quantity stands before "of" ("the volume of oil
// imports declined" reports).
func (d *doc) ofPhrase(i int) bool {
	if n := d.w(i + 1); d.v.passiveAux[n] || d.v.changeVerbs[n] || oneOf(n, "came", "come", "comes") {
		return false // the share is its clause's subject, a breakdown reported: "38 per cent of its sales were in China"
	}
	for j := i - 1; j >= d.sents[d.tokSent[i]].start && j >= i-7; j-- {
		w := d.w(j)
		switch {
		case w == "of":
			q := d.w(j - 1)
			return j < i-1 && (isDigitToken(q) || shareWords[q] || d.v.quantities[q]) // not "the balance of payments surplus"

		case determiners[w] || ownerPronouns[w] || d.possessor(j+1) != "" || w == "'s" || w == "’s" || w == "'" || w == "’" ||
			d.entAt[j] >= 0 && d.ents[d.entAt[j]].typ != article.TypeOrg:
		case isLowerWord(w) && !functionWords[w] && !d.v.clauseBreaks[w] && !d.v.placePreps[w] && !strings.HasSuffix(w, "ed") &&
			(wordclass.Of(w).Known() || wordclass.Speaker(w) == 'a'):
		default:
			return false
		}
	}
	return false
}

// supposedWords in a disaster's noun phrase make it one supposed or to come: "planning for a
// future foot and mouth outbreak", "another major disease outbreak".
var supposedWords = words(`future another possible potential next hypothetical`)

// supposedDisaster reports a supposed word between the disaster noun at i and its determiner.
func (d *doc) supposedDisaster(si, i int) bool {
	for j := i - 1; j >= d.sents[si].start && j >= i-4; j-- {
		w := d.w(j)
		if supposedWords[w] {
			return true
		}
		if w == "the" || w == "a" || w == "an" || d.v.clauseBreaks[w] || d.v.placePreps[w] || w == "." {
			return false
		}
	}
	return false
}

// marketCrash reports a crash or collapse of prices or of a market: a possession or an amount
// right before it ("another property crash", "the stock collapse") or after "in" ("last year's
// crash in oil prices").
func (d *doc) marketCrash(si, i, end int, prev string) bool {
	if !strings.HasPrefix(d.w(i), "crash") && !strings.HasPrefix(d.w(i), "collapse") {
		return false
	}
	if isLowerWord(prev) && wordclass.Of(prev).First(wordclass.Possession) {
		return true
	}
	if d.w(end) == "in" {
		if o := d.objectHead(si, end, "in"); o >= 0 && d.entAt[o] < 0 {
			c := wordclass.Of(d.w(o))
			return c.First(wordclass.Possession) || c.First(wordclass.Abstraction)
		}
	}
	return false
}

// bigDealWords stand before "deal" in the idiom of weight: "a big deal", "no huge deal".
var bigDealWords = words(`big bigger biggest huge large real`)

// bigDealIdiom reports "deal" at [i, end) in the idiom "a big deal" (a matter of weight, issue #19):
// "big" (or "big" and one more word: "a big frigging deal") before it, and the phrase said of
// something after a copula ("was a big deal", "is not a big deal") or standing alone ("big deal,
// right?"). "Investors expect a big deal at a premium" is a deal.
func (d *doc) bigDealIdiom(si, i, end int) bool {
	if d.w(i) != "deal" {
		return false
	}
	b := i - 1
	if !bigDealWords[d.w(b)] {
		if b--; !bigDealWords[d.w(b)] {
			return false
		}
	}
	if oneOf(d.w(b-1), "a", "no") {
		b--
	}
	p := d.w(b - 1)
	if oneOf(p, "not", "n't", "never") {
		p = d.w(b - 2)
	}
	if d.v.passiveAux[p] || oneOf(p, "is", "was", "be", "been", "being", "are", "were", "'s", "’s", "it's", "it’s", "that's", "that’s", "what's", "what’s") {
		return true
	}
	s := d.sents[si]
	return end >= s.end || oneOf(d.w(end), ",", ".", "?", "!", ";", ":", "”", "\"")
}

// advanceAdjectives qualify a march that is an advance: "Europe's long march toward union".
var advanceAdjectives = words(`long slow steady inexorable relentless inevitable awkward gradual triumphant`)

// marchHeadings follow a "march" that is an advance, not a procession: "China's march westward".
var marchHeadings = words(`westward eastward northward southward onward forward`)

// protestFigure reports a protest word used of something else (issue #19, political news): a
// march toward a goal, owned or qualified as an advance ("his march to the nomination", "Europe's long march toward union", "China's
// march westward", "on the march"); rallying people to a cause ("rallied supporters", "rallied
// voters behind him"); "demonstrated" as showed ("demonstrated leadership", "as campaigns have
// demonstrated,"). A march to City Hall, protesters who rallied outside, crowds who demonstrated
// against the war are protests.
func (d *doc) protestFigure(si, i, end int, prev, next string) bool {
	switch d.w(i) {
	case "march":
		switch {
		case marchHeadings[next] || prev == "the" && d.w(i-2) == "on":
			return true
		case oneOf(next, "to", "toward", "towards"):
			if !ownerPronouns[prev] && d.possessorAt(i) < 0 && !advanceAdjectives[prev] && !advanceAdjectives[d.w(i-2)] {
				return false // "a march to the square": a procession
			}
			o := d.objectHead(si, end, next)
			if o < 0 || d.entityIs(o, article.TypePlace, article.TypeOrg) {
				return false
			}
			c := wordclass.Of(d.w(o))
			return !c.Any(wordclass.Location) && !c.Any(wordclass.Artifact)
		}
	case "rallied", "rallying":
		n := next
		k := end
		if ownerPronouns[n] || oneOf(n, "the", "a", "an") {
			k++
		}
		if wordclass.Speaker(d.w(k)) == 'a' {
			k++ // "rallied young voters"
		}
		n = d.w(k)
		return isLowerWord(n) && (someone(wordclass.Of(n)) || oneOf(n, "thousands", "hundreds", "millions"))
	case "demonstrated":
		if d.v.passiveAux[prev] || oneOf(prev, "has", "have", "had") && oneOf(next, ",", ".", ";") {
			return true // "as campaigns have demonstrated,"; "was demonstrated"
		}
		return isLowerWord(next) && !functionWords[next] && !d.v.placePreps[next] && !d.v.clauseBreaks[next] &&
			!strings.HasSuffix(next, "ly") && !oneOf(next, "against", "outside", "near", "for", "in", "on", "across", "through") &&
			wordclass.Of(next).Known() // "demonstrated leadership"
	}
	return false
}
