package event

import (
	"strings"

	"github.com/newsmon/newsmon/pkg/extract/wordclass"
)

// Senses of triggers read from an audit of 1987 business newswire (issue #19): markets, earnings,
// takeovers, trade talks, strikes and commodities. A careful reader sees no agreement in "future
// acquisitions", "hopes of an accord" or "the futures contract", none made now in "a standstill
// agreement that expires June 30" or "lived up to the pact", and no agreement at all when "the
// economy will contract"; no protest in the month "March", no lawsuit in "one-off charges" or
// "in response to an inquiry", no disaster when "controversy erupted" or in "the banking crash",
// no economic report in "a plan to boost imports", no election in "a ballot of refinery workers", "the holder's election" or "elected chairman" of
// a company, no visit in "visiting tourists", and none at all in "to avoid clashes", "the risk of attack" or
// "no signs of violence".

// prospectMods inside an agreement's noun phrase make it one not yet made: "future
// acquisitions", "a possible merger", "further acquisitions".
var prospectMods = words(`future possible potential prospective hypothetical further eventual`)

// hopeWords just before an agreement make it one hoped or feared, not reached: "hopes of a
// deal", "optimistic about an agreement", "prospects for an accord".
var hopeWords = words(`hope hopes hoped hoping hopeful optimistic pessimistic optimism pessimism
prospect prospects chance chances likelihood possibility odds room`)

// expiryVerbs after an agreement speak of one in force: "the contract that expired April 30",
// "a standstill agreement that expires June 30", "the pact, which runs through 1988".
var expiryVerbs = words(`expire expires expired expiring extends extend runs run lapse lapses lapsed`)

// tradedPrev before "contract(s)" name a traded or supply instrument: "option contracts", "term
// contracts", "the futures contract".
var tradedPrev = words(`futures option options term spot delivery storage deferred nearby exchange`)

// dealModified are nouns a deal word before them qualifies: "acquisition proposals", "the
// takeover provision" of a bill, "merger negotiations" — a proposal, a rule or talks, not a deal.
var dealModified = words(`proposal proposals provision provisions candidate candidates target targets
speculation rumours rumors rumour rumor activity strategy defence defense defences defenses code rules
law laws legislation talks negotiations plan plans try attempt attempts fever policy guidelines offer
offers bid bids`)

// futuresWords in a story make "contract" a traded instrument: "the LME's new contract", "trade
// in both contracts is increasing".
var futuresWords = words(`futures hedging hedge hedgers backwardation backwardations contango
options`)

// dealVerbs beside "contract" make it one made even in a futures story: "signed a contract".
var dealVerbs = words(`signed sign signs signing awarded award won win agreed negotiated concluded
ratified ratify`)

// goalWords before a deal word make it one aimed at: "aiming for a pact by October", "talks
// aimed at arriving at an agreement", "in pursuit of the first arms control agreement".
var goalWords = words(`aiming aim aims aimed pursuit seeking seek seeks sought goal goals objective
intention`)

// dealGoalHeads before "to acquire", "to buy" or "to sign" make the deal one sought: "in talks to
// acquire", "a bid to buy", "competed against X to acquire".
var dealGoalHeads = words(`talks negotiations plans plan planned bid bids offer offers effort efforts
attempt attempts seeking seeks sought want wants wanted proposal proposed proposes intend intends
intended hope hopes hoped competed competing move moves eager interest interested ready`)

// wireAgreement reports an agreement word at [i, end) in another sense than an agreement made.
func (d *doc) wireAgreement(si, i, end int, prev, next string) bool {
	w := d.w(i)
	if oneOf(w, "acquisition", "acquisitions", "takeover", "merger", "mergers", "buyout", "contract") && dealModified[next] {
		return true // "a 2.2 billion dlr acquisition offer", "a new contract offer"
	}
	if prev == "to" && dealGoalHeads[d.w(i-2)] && oneOf(w, "acquire", "buy", "merge", "sign", "takeover") {
		return true // "in talks to acquire", "competed to acquire": sought, not agreed
	}
	if strings.HasPrefix(w, "contract") && d.docCount(&futuresWords) >= 2 && !d.sentenceHas(si, dealVerbs) {
		return true
	}
	if oneOf(next, "is", "was", "were", "are", "seemed", "seems", "looked", "looks") &&
		oneOf(d.w(end+1), "possible", "likely", "unlikely", "probable", "possible,", "imminent") {
		return true // "believed a merger was possible"
	}
	if w == "contract" && (forecastModals[prev] || prev == "to") && !oneOf(next, "with", "for", "to", "out") {
		return true // "the economy will contract an estimated four pct": shrink, the verb
	}
	if !oneOf(w, "agreement", "agreements", "accord", "accords", "pact", "treaty", "contract", "contracts", "deal", "deals",
		"merger", "mergers", "acquisition", "acquisitions", "takeover", "takeovers", "buyout", "buyouts") {
		return false
	}
	if strings.HasPrefix(w, "contract") && tradedPrev[prev] {
		return true
	}
	if d.hopedFor(si, i) {
		return true
	}
	s := d.sents[si]
	if oneOf(prev, "spate", "wave", "flurry") || prev == "of" && oneOf(d.w(i-2), "spate", "wave", "flurry") {
		return true // "a spate of mergers": ones to come, in general
	}
	// "… cannot be ruled out", "… could not be ruled out"
	for j := end; j < s.end && j < end+5; j++ {
		if d.w(j) == "ruled" && d.w(j+1) == "out" && d.w(j-1) == "be" {
			return true
		}
		if d.v.clauseBreaks[d.w(j)] || d.w(j) == "." {
			break
		}
	}
	if !oneOf(w, "agreement", "agreements", "accord", "pact", "treaty", "contract", "contracts") {
		return false
	}
	// "a standstill agreement that expires June 30", "the grains agreement that extends through"
	// (a bare "extends" or "runs" has an object: "the agreement extends a standstill arrangement")
	j, rel := end, false
	if oneOf(d.w(j), "that", "which") || d.w(j) == "," && d.w(j+1) == "which" {
		j, rel = j+1, true
		if d.w(j) == "which" {
			j++
		}
	}
	if x := d.w(j); expiryVerbs[x] && (rel || strings.HasPrefix(x, "expir") || strings.HasPrefix(x, "lapse")) {
		return true
	}
	// "lived up to the pact", "a breach of the Louvre pact"
	for k := i - 1; k >= s.start && k >= i-4; k-- {
		x := d.w(k)
		if x == "up" && oneOf(d.w(k-1), "live", "lived", "lives", "living") || (x == "breach" || x == "violation" || x == "breaches") && d.w(k+1) == "of" {
			return true
		}
	}
	return false
}

// monthPrev before "march" make it the month: "the second week of March", "in early March".
var monthPrev = words(`of in since until till through early late mid mid- last next this by during before from
`)

// monthNext after "March" make it the month: "March is usually a tight month".
var monthNext = words(`is was has had will 's ’s quarter figures figure data`)

// monthMarch reports the trigger "march" read as the month: after a preposition of time, or
// opening its sentence before a verb of being, or written with a capital where the text is not
// all capitals.
func (d *doc) monthMarch(i int, prev, next string) bool {
	if d.w(i) != "march" {
		return false
	}
	return monthPrev[prev] || monthNext[next] || isDigitToken(next)
}

// accountingNext after "charges for" are provisions in a company's accounts: "charges for
// general provisions", "charges for losses".
var accountingNext = words(`general provisions provision losses loss depreciation restructuring
writedowns write-downs reserves`)

// accountingWords in a sentence with "charges" and no word of the law make them a company's
// accounts: "the charges resulted in a nine month share loss".
var accountingWords = words(`loss losses profit profits earnings provisions writedown write-down
reserves shr`)

// wireLegal reports a legal trigger at [i, end) read as accounts or as a question asked.
func (d *doc) wireLegal(si, i, end int, prev string) bool {
	w := d.w(i)
	switch w {
	case "charges":
		if oneOf(prev, "one-off", "one-time", "nonrecurring", "unusual", "write-off", "writeoff", "provision") {
			return true
		}
		if d.w(end) == "for" && accountingNext[d.w(end+1)] {
			return true
		}
		return d.sentenceCount(si, accountingWords) > 0 && d.sentenceCount(si, d.v.authority) <= d.countIn(i, end, d.v.authority)
	case "inquiry", "inquiries":
		// "in response to an inquiry", "replying to an inquiry": a question put to a spokesman
		if oneOf(prev, "an", "a", "the") && d.w(i-2) == "to" && oneOf(d.w(i-3), "response", "reply", "replying", "responding", "answer") {
			return true
		}
	case "arrested":
		// "the decline must be arrested and reversed": halted, not taken into custody
		return d.w(end) == "and" && oneOf(d.w(end+1), "reversed", "reverse")
	}
	return false
}

// disputeWords erupt without a volcano: "controversy erupted", "the row in the Aegean erupted".
var disputeWords = words(`controversy row rows dispute disputes debate scandal crisis tension tensions
conflict argument feud anger quarrel fighting violence protests rioting trouble war`)

// financeHeads crashed are a market's or a bank's: "the 1982 crash of the local stock market",
// "West Germany's biggest banking crash".
var financeHeads = words(`market markets bank banks banking stock stocks exchange bourse currency
financial property`)

// wireDisaster reports a disaster trigger at [i, end) read as a dispute or a financial crash.
func (d *doc) wireDisaster(si, i, end int, prev string) bool {
	w := d.w(i)
	s := d.sents[si]
	switch w {
	case "erupted", "erupt", "erupts":
		for j := i - 1; j >= s.start && j >= i-8; j-- {
			if disputeWords[d.w(j)] {
				return true
			}
			if d.w(j) == "." || d.w(j) == ";" {
				break
			}
		}
	case "crash", "crashes", "collapse":
		if financeHeads[prev] {
			return true
		}
		if d.w(end) == "of" {
			for j := end + 1; j < s.end && j < end+6; j++ {
				x := d.w(j)
				if financeHeads[x] {
					return true
				}
				if d.v.clauseBreaks[x] || x == "." {
					break
				}
			}
		}
	}
	return false
}

// corporateTitles after "elected" are a company's offices: "newly elected chairman".
var corporateTitles = words(`chairman chairwoman director directors vice-chairman treasurer board
trustee trustees`)

// wireElection reports an election trigger at [i, end) that is a company's, a union's or an
// option's: "a ballot of refinery workers", "the holders' election into cash", "the election or
// removal of directors", "newly elected chairman".
func (d *doc) wireElection(si, i, end int, prev, next string) bool {
	w := d.w(i)
	switch w {
	case "ballot", "ballots":
		if next == "of" && (nonElectorate[d.w(end+1)] || nonElectorate[d.w(end+2)] || nonElectorate[d.w(end+3)]) {
			return true
		}
		return nonElectorate[unpossessed(prev)] || d.voteOfNonElectorate(si, i, end)
	case "election", "elections":
		if nonElectorate[unpossessed(prev)] || prev == "'" && nonElectorate[d.w(i-2)] {
			return true // "at the holders election", "shareholders' election"
		}
		if next == "or" || next == "and" {
			return d.boardElection(si, end)
		}
	case "elected":
		return corporateTitles[next]
	}
	return false
}

// wireVisit reports "visiting" before the noun of its visitors ("visiting Japanese tourists") and
// an arrival of goods ("the others arriving in May").
func (d *doc) wireVisit(i, end int, prev, next string) bool {
	switch d.w(i) {
	case "visiting":
		for j := end; j < end+3; j++ {
			if x := d.w(j); oneOf(x, "tourists", "tourist", "businessmen", "delegates", "investors", "buyers", "traders") {
				return true
			}
		}
	case "arriving", "arrived", "arrive", "arrives":
		p := prev
		if oneOf(p, "are", "were", "be", "is", "was", "being") {
			p = d.w(i - 2)
		}
		if isLowerWord(p) && !functionWords[p] {
			c := wordclass.Of(p)
			if c.Known() && (c.First(wordclass.Artifact) || c.First(wordclass.Possession)) && !someone(c) {
				return true // "shipments arriving", "the aircraft arrived"
			}
		}
		if oneOf(p, "others", "rest") && d.w(i-2) == "the" {
			return true // "the first is due for delivery …, the others arriving in May"
		}
	}
	return false
}

// wireSense runs the tests above for a trigger of type typ at [i, end) of sentence si.
func (d *doc) wireSense(si, i, end int, typ, prev, next string) bool {
	if d.unrealised(si, i, end) {
		return true
	}
	switch typ {
	case TypeAgreement:
		return d.wireAgreement(si, i, end, prev, next)
	case TypeProtest:
		return d.monthMarch(i, prev, next)
	case TypeLegal:
		return d.wireLegal(si, i, end, prev)
	case TypeDisaster:
		return d.wireDisaster(si, i, end, prev)
	case TypeElection:
		return d.wireElection(si, i, end, prev, next)
	case TypeVisit:
		return d.wireVisit(i, end, prev, next)
	case TypeEconomic:
		return d.purposeEconomic(si, i)
	case TypeAttack:
		return d.effortFight(si, i, end, next) || d.clashOver(si, i, end, next)
	case TypeMeeting:
		if d.w(i) == "negotiating" && negotiatingModified[next] {
			return true
		}
		if oneOf(d.w(i), "meeting", "meetings", "talks", "negotiations", "summit", "conference") && d.hopedFor(si, i) {
			return true
		}
	}
	return false
}

// purposeVerbs in an infinitive before an economic noun say a change aimed at: "plans to boost
// imports", "hopes to raise sales", "the need to cut the deficit".
var purposeVerbs = words(`raise expand boost increase cut reduce lower lift spur stimulate promote double
curb restore improve limit narrow trim`)

// purposeHeads govern such an infinitive: a plan, a hope, a need, an agreement to act.
var purposeHeads = words(`plan plans planned aim aims aimed hope hopes hoped seek seeks want wants wanted
need needs necessary intend intends intended designed measures measure steps effort efforts bid help
helps try tries trying agreed agree agrees proposal proposals proposed policy target order`)

// purposeEconomic reports an economic noun at i that is the object of a change aimed at, not a
// figure reported: "the LDP drew up a plan to expand domestic demand and boost imports".
func (d *doc) purposeEconomic(si, i int) bool {
	s := d.sents[si]
	for j := i - 1; j > s.start && j >= i-10; j-- {
		w := d.w(j)
		if w == "." || w == "said" || w == "says" || d.v.clauseBreaks[w] && w != "," && w != "and" || w == "," && determiners[d.w(j+1)] {
			return false
		}
		if w == "to" && purposeVerbs[d.w(j+1)] && purposeHeads[d.w(j-1)] {
			return true
		}
	}
	return false
}

// preventWords governing a trigger say the event was kept from happening: "to avoid clashes",
// "averted a strike".
var preventWords = words(`avoid avoids avoided avoiding avert averts averted averting prevent prevents
prevented preventing forestall forestalled`)

// keptFrom reports "from" + a gerund after the trigger's noun phrase ending at end: "to prevent a
// deal on cutting milk output from turning sour" keeps a deal that exists from going wrong.
func (d *doc) keptFrom(si, end int) bool {
	s := d.sents[si]
	for j := end; j < s.end && j < end+10; j++ {
		w := d.w(j)
		if w == "from" && strings.HasSuffix(d.w(j+1), "ing") {
			return true
		}
		if w == "." || w == ";" || w == "," || w == "but" || w == "and" && j == end {
			return false
		}
	}
	return false
}

// effortFight reports "fighting"/"fought" as an effort, not combat: "ministers were fighting hard
// to prevent a deal from turning sour", "fighting off a takeover bid" — with nothing armed or
// harmful near.
func (d *doc) effortFight(si, i, end int, next string) bool {
	if !oneOf(d.w(i), "fighting", "fight", "fought", "fights") || !oneOf(next, "hard", "to", "off", "for") {
		return false
	}
	if next == "off" {
		for j := end + 1; j < d.sents[si].end && j < end+6; j++ {
			if oneOf(d.w(j), "bid", "bids", "offer", "offers", "takeover", "challenge", "suitor", "suitors", "attempt") {
				return true // "fighting off a hostile bid"
			}
		}
	}
	return !d.harmNear(si, i, end)
}

// riskWords before "of" and a trigger speak of an event feared or thought of, not held: "the
// risk of Iranian attack", "the threat of a strike", "the idea of a budget summit".
var riskWords = words(`risk risks threat threats fear fears danger dangers spectre specter possibility
idea notion`)

// absenceWords after "no" and before "of" deny the event: "no signs of violence", "no reports of
// damage".
var absenceWords = words(`sign signs evidence report reports indication indications trace`)

// unrealised reports a trigger at i whose noun phrase is governed by a word of prevention, risk or
// absence: the event was averted, feared or not seen — none is reported.
func (d *doc) unrealised(si, i, end int) bool {
	s := d.sents[si]
	for j := i - 1; j >= s.start && j >= i-4; j-- {
		w := d.w(j)
		if preventWords[w] && !d.keptFrom(si, end) || w == "out" && oneOf(d.w(j-1), "rule", "rules", "ruled", "ruling") {
			return true // "to avoid clashes"; "we cannot rule out a trip": neither planned nor held
		}
		if w == "of" {
			p := d.w(j - 1)
			if riskWords[p] || absenceWords[p] && oneOf(d.w(j-2), "no", "without") {
				return true
			}
			// "risk of sparking a … clash"
			if strings.HasSuffix(p, "ing") && d.w(j-2) == "of" && riskWords[d.w(j-3)] {
				return true
			}
			return false
		}
		if strings.HasSuffix(w, "ing") && d.w(j-1) == "of" && riskWords[d.w(j-2)] {
			return true // "the risk of sparking a direct military clash"
		}
		if d.v.clauseBreaks[w] || w == "." || d.v.passiveAux[w] || !isLowerWord(w) && d.entAt[j] < 0 {
			return false
		}
		if !determiners[w] && !isLowerWord(w) {
			continue
		}
		if strings.HasSuffix(w, "ed") && !preventWords[w] || oneOf(w, "to", "by", "in", "on", "at", "for", "with") {
			return false
		}
	}
	return false
}

// hopedFor reports a nominal trigger at i whose noun phrase follows a preposition governed by a
// word of hope or aim: "hopes of a deal", "optimistic about an agreement", "aiming for a pact",
// "talks aimed at arriving at an agreement", "in pursuit of the first … agreement", "prospects
// for a summer meeting", "working towards an accord".
func (d *doc) hopedFor(si, i int) bool {
	s := d.sents[si]
	meeting := d.v.lex[d.w(i)] != nil && d.v.lex[d.w(i)][0].typ == TypeMeeting
	// back over the noun phrase ("the first superpower arms control agreement") to a preposition
	for j := i - 1; j >= s.start && j >= i-7; j-- {
		x := d.w(j)
		if prospectMods[x] && !(meeting && x == "further") { // "held further talks" were held
			return true
		}
		if x == "toward" || x == "towards" {
			return true // "working towards an accord"
		}
		if oneOf(x, "of", "for", "about", "on", "at") {
			for k := j - 1; k >= s.start && k >= j-3; k-- {
				y := d.w(k)
				if hopeWords[y] || goalWords[y] {
					return true
				}
				if d.v.clauseBreaks[y] || y == "." {
					break
				}
			}
			break
		}
		if d.v.clauseBreaks[x] || x == "." || d.v.passiveAux[x] || d.v.modals[x] || d.v.placePreps[x] ||
			oneOf(x, "to", "with", "by", "from", "under", "into", "as", "than", "over", "between", "during", "after",
				"before", "since", "until", "amid", "despite", "against", "without", "within", "through", "among", "in") {
			break // the noun phrase ends: "to further slash output to save the pact"
		}
	}
	return false
}

// negotiatingModified after "negotiating" make it a modifier: "the negotiating committee", "a
// negotiating position" — a body or a stance, not talks held.
var negotiatingModified = words(`committee committees team teams table position positions stance strategy
mandate partner partners power skills tactics agenda rights body group`)

// armedDeed reports a raid or a derailment done by armed people: a raid named by its raiders
// ("rebel raids against oil pipelines", "guerrilla raids"), or a train "derailed" by armed
// subjects ("guerrillas using dynamite derailed two locomotives") — an attack, not a police search
// or an accident.
func (d *doc) armedDeed(si, i, end int) bool {
	w := d.w(i)
	armed := func(x string) bool {
		if !isLowerWord(x) || functionWords[x] || lawForces[x] {
			return false
		}
		return wordclass.Of(x).First(wordclass.Armed)
	}
	switch {
	case strings.HasPrefix(w, "raid"):
		return armed(d.w(i - 1)) // armed people, not arms: "air and missile raids" are read by armedRaid
	case w == "derailed":
		for j := d.sents[si].start; j < i; j++ {
			if armed(d.w(j)) {
				return true
			}
		}
	}
	return false
}

// lawForces are armed but enforce the law: their raids are searches.
var lawForces = words(`police policemen officers agents troopers customs`)

// clashOver reports a "clash" over an idea, a policy or an agreement with nothing armed or harmful
// in its sentence: "the U.S.-German clash over the Louvre accord" is a row, not a fight.
func (d *doc) clashOver(si, i, end int, next string) bool {
	if !strings.HasPrefix(d.w(i), "clash") || next != "over" || d.harmNear(si, i, end) {
		return false
	}
	o := d.objectHead(si, end, "over")
	if o < 0 {
		return false
	}
	w := d.w(o)
	if e, ok := d.v.lex[w]; ok && e[0].typ == TypeAgreement {
		return true
	}
	c := wordclass.Of(w)
	return c.First(wordclass.Abstraction) || c.First(wordclass.Message) || c.First(wordclass.Act) || c.First(wordclass.Possession)
}
