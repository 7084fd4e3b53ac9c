package event

import "strings"

// Event types. Mentions use the first ten; named events use those that fit ("Osaka earthquake" is a
// disaster, "Lyon Climate Summit" a meeting) and two more for names only: conference (expos, fairs,
// congresses, conferences, forums, festivals, shows) and sports (games, cups, championships, races).
const (
	TypeVisit      = "visit"      // official visits, trips, tours, arrivals
	TypeMeeting    = "meeting"    // meetings, talks, summits, negotiations, attending an event
	TypeAgreement  = "agreement"  // agreements, deals, contracts, treaties, acquisitions, signings
	TypeStatement  = "statement"  // announcements, statements, declarations, press conferences
	TypeProtest    = "protest"    // protests, demonstrations, rallies, marches, strikes by workers, riots
	TypeAttack     = "attack"     // attacks, bombings, shootings, clashes, air strikes, killings
	TypeLegal      = "legal"      // arrests, charges, trials, sentences, lawsuits, rulings, probes
	TypeElection   = "election"   // elections, votes, referendums, ballots, recounts
	TypeDisaster   = "disaster"   // natural disasters, accidents, crashes, explosions, collapses
	TypeEconomic   = "economic"   // economic reports: GDP, inflation, trade figures, earnings, rates
	TypeConference = "conference" // named events only
	TypeSports     = "sports"     // named events only
)

// Types lists the event-mention types in a stable order (for evaluation tables and docs).
var Types = []string{TypeVisit, TypeMeeting, TypeAgreement, TypeStatement, TypeProtest, TypeAttack,
	TypeLegal, TypeElection, TypeDisaster, TypeEconomic}

// cond names a context test that a trigger must pass beyond its word lists.
type cond uint8

const (
	condNone      cond = iota
	condTalks          // "talks" as meetings, not "he talks"
	condDeal           // "deal" as a noun, not "deal with" or "a great deal"
	condStrike         // workers' strike (protest) or air strike (attack)
	condEconomic       // needs a figure or a change verb in the sentence
	condShot           // "was shot", "shot dead", not "shot up 5%"
	condCollapse       // a building, bridge or mine collapsed, not talks
	condCourt          // "ruled" when a court or judge is in the sentence
	condPassive        // only with was/were/been before it ("was charged")
	condDeclared       // "declared" as a statement, not "declared the winner" passively
	condKilled         // people killed or an armed killer, not bacteria killed nor "killed in a crash"
	condRates          // interest-rate decisions
	condSign           // "sign" as signing, not "a sign of"
	condMilitary       // "struck" as an attack when drones, missiles or troops are in the sentence
	condNotFigure      // not followed by a figure ("shares rallied 8%")
	condFlood          // not "flooded the market", "flooded the streets"
	condAttack         // not a team's or player's attack ("her attack this year")
	condSummit         // a meeting of leaders, not a mountain's top
	condTrial          // a court trial (the law's words), not a clinical or vaccine trial (medicine's)
	condVote           // a vote of the electorate (electoral words), not of a parliament or committee
	condLegal          // a legal noun or verb beside a court or an authority ("the suits", "investigated")
	condPolls          // the polling places ("went to the polls", "polls closed"), not surveys ("rose in the polls")
)

// entry is one trigger form. Need lists are alternatives (any one suffices); block lists veto.
type entry struct {
	typ       string
	conf      float64
	weak      bool     // dropped when a strong trigger of another type shares the sentence
	noun      bool     // nominal trigger: subject to the compound-noun blockers
	then      []string // further tokens that must follow, lower-case ("press" "conference")
	needPrev  []string // one of these must be the previous token…
	needNext  []string // …or one of these the next token (when either list is given)
	blockPrev []string
	blockNext []string
	cond      cond
}

// nounBlockers follow a nominal trigger in compounds that name a thing, not an event:
// "a meeting room", "flood defences", "attack helicopters", "election commission".
const nounBlockerWords = `room rooms hall halls point points venue venues centre center schedule
helicopter helicopters aircraft dog dogs song songs insurance defences defenses barrier barriers
barriers plain plains zone zones risk risks warning warnings season price prices visa visas
commission commissioner commissions committee officials official board chief chiefs law laws
victims survivors relief shelter shelters drill drills simulation workers experts observers time
times issue issues fever watchdog watchdogs cycle cycles year maker makers advice speculation`

func words(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

func list(s string) []string { return strings.Fields(s) }

// lexiconSpec is the trigger table: forms (space separated) → entry. Forms are lower-case.
// Strengths: 0.8 unambiguous event words, 0.7 usual, 0.55 weak or context-dependent.
var lexiconSpec = []struct {
	forms string
	e     entry
}{
	// visit
	{"visit visits visited", entry{typ: TypeVisit, conf: 0.8, blockNext: list("visa visas")}},
	{"visiting", entry{typ: TypeVisit, conf: 0.7, blockNext: list("professor professors scholar scholars fellow team side hours researcher")}},
	{"trip trips", entry{typ: TypeVisit, conf: 0.7, noun: true, needNext: list("to")}},
	{"toured tours", entry{typ: TypeVisit, conf: 0.7}},
	{"tour", entry{typ: TypeVisit, conf: 0.6, needNext: list("of")}},
	{"arrived arrives arriving arrive", entry{typ: TypeVisit, conf: 0.6, needNext: list("in at")}},
	{"travelled traveled travels travel travelling traveling flew", entry{typ: TypeVisit, conf: 0.6, needNext: list("to")}},

	// meeting
	{"met", entry{typ: TypeMeeting, conf: 0.75, blockNext: list("expectations expectation demand demands target targets criteria requirements standards needs deadline forecasts estimates goal goals")}},
	{"meet meets", entry{typ: TypeMeeting, conf: 0.7, blockNext: list("expectations expectation demand demands target targets criteria requirements standards needs deadline forecasts estimates goal goals the")}},
	{"meeting meetings", entry{typ: TypeMeeting, conf: 0.75, noun: true, blockNext: list("expectations demand targets criteria requirements standards needs deadline")}},
	{"talks", entry{typ: TypeMeeting, conf: 0.75, cond: condTalks}},
	{"summit summits", entry{typ: TypeMeeting, conf: 0.75, noun: true, cond: condSummit}},
	{"negotiations negotiated negotiating", entry{typ: TypeMeeting, conf: 0.65, blockNext: list("group groups team teams position positions table stance power bloc")}},
	{"attend attended attends attending", entry{typ: TypeMeeting, conf: 0.7}},
	{"conference", entry{typ: TypeMeeting, conf: 0.6, noun: true, blockPrev: list("press news"), blockNext: list("call calls")}},
	{"hosted", entry{typ: TypeMeeting, conf: 0.55, weak: true}},
	{"convened", entry{typ: TypeMeeting, conf: 0.65}},
	{"gathered gather", entry{typ: TypeMeeting, conf: 0.5, weak: true, needNext: list("in at for outside")}},
	{"gathering", entry{typ: TypeMeeting, conf: 0.5, weak: true, needNext: list("in at for outside of"), blockPrev: list("intelligence data information evidence fact-finding news -")}}, // "spoke at a gathering of conservatives"

	// agreement
	{"agreement agreements accord treaty pact pacts memorandum mou", entry{typ: TypeAgreement, conf: 0.8, noun: true, blockPrev: list("in of")}},
	{"deal deals", entry{typ: TypeAgreement, conf: 0.75, noun: true, cond: condDeal}},
	{"contract contracts", entry{typ: TypeAgreement, conf: 0.65, noun: true, blockPrev: list("on futures options index"), blockNext: list("month months")}}, // futures contracts are traded, not signed
	{"signed signing signs", entry{typ: TypeAgreement, conf: 0.75, cond: condSign}},
	{"sign", entry{typ: TypeAgreement, conf: 0.7, cond: condSign}},
	{"acquire acquired acquires", entry{typ: TypeAgreement, conf: 0.7}},
	{"acquisition acquisitions takeover merger mergers buyout", entry{typ: TypeAgreement, conf: 0.7, noun: true}},
	{"agreed", entry{typ: TypeAgreement, conf: 0.65, needNext: list("to on with")}},

	// statement
	{"announced announce announces announcing announcement announcements", entry{typ: TypeStatement, conf: 0.75}},
	{"statement", entry{typ: TypeStatement, conf: 0.7, noun: true, blockPrev: list("financial mission registration proxy"), blockNext: list("period periods")}}, // a bank's "statement period"; a filing's "registration statement"
	{"declared declares declare", entry{typ: TypeStatement, conf: 0.65, cond: condDeclared}},
	{"declaration", entry{typ: TypeStatement, conf: 0.65, noun: true}},
	{"unveiled unveils unveil", entry{typ: TypeStatement, conf: 0.7}},
	{"press", entry{typ: TypeStatement, conf: 0.8, then: list("conference")}},
	{"news", entry{typ: TypeStatement, conf: 0.8, then: list("conference")}},
	{"briefing", entry{typ: TypeStatement, conf: 0.6, noun: true}},
	{"speech speeches", entry{typ: TypeStatement, conf: 0.7, noun: true, blockPrev: list("free hate pressured slurred of political make"), blockNext: list("therapy therapist recognition impediment patterns writer writers writing")}}, // "said in a speech to delegates", not free speech

	// protest
	{"protest protests protested protesting protesters protestors", entry{typ: TypeProtest, conf: 0.85, noun: true, blockNext: list("song songs vote votes")}},
	{"demonstrators", entry{typ: TypeProtest, conf: 0.8, noun: true}},
	{"demonstration demonstrations", entry{typ: TypeProtest, conf: 0.8, noun: true, blockNext: list(
		"area areas zone zones project projects site sites plant plants farm farms flight flights model models unit units program programme programs programmes centre center facility facilities phase effect purposes version video day days plot plots village villages base bases run runs mission missions of")}},
	{"demonstrated", entry{typ: TypeProtest, conf: 0.6, blockNext: list("that how the a an its their his her")}},
	{"rally rallies", entry{typ: TypeProtest, conf: 0.65, noun: true, cond: condNotFigure, blockPrev: list("market stock stocks shares share relief price late campaign election")}},
	{"rallied", entry{typ: TypeProtest, conf: 0.6, cond: condNotFigure, blockPrev: list("market stocks shares index prices yuan dollar euro currency bonds oil gold"), blockNext: list("to behind")}},
	{"blockade blockades", entry{typ: TypeProtest, conf: 0.6, noun: true}},
	{"march marched marching marchers", entry{typ: TypeProtest, conf: 0.7}},
	{"strike strikes", entry{typ: TypeProtest, conf: 0.7, noun: true, cond: condStrike}},
	{"strikers walkout walkouts sit-in sit-ins", entry{typ: TypeProtest, conf: 0.8}},
	{"riot riots rioting rioters", entry{typ: TypeProtest, conf: 0.75, noun: true, blockPrev: list("anti-riot"), blockNext: list("police gear act")}},

	// attack / violence
	{"attack attacks attacked attackers", entry{typ: TypeAttack, conf: 0.8, noun: true, blockPrev: list("heart panic asthma"), cond: condAttack}},
	{"bombing bombings bombed bomb bombs", entry{typ: TypeAttack, conf: 0.8, noun: true, blockNext: list("shelter shelters squad disposal threat threats"), blockPrev: list("time smoke stink")}}, // a "time bomb" is a figure of speech
	{"shooting shootings gunmen gunman gunfire", entry{typ: TypeAttack, conf: 0.8, noun: true}},
	{"shot", entry{typ: TypeAttack, conf: 0.7, cond: condShot}},
	{"struck", entry{typ: TypeAttack, conf: 0.6, cond: condMilitary}},
	{"clash clashes clashed", entry{typ: TypeAttack, conf: 0.75, noun: true}},
	{"airstrike airstrikes air-strike", entry{typ: TypeAttack, conf: 0.85, noun: true}},
	{"assault assaulted stabbing stabbed ambush ambushed shelling shelled massacre invasion invaded", entry{typ: TypeAttack, conf: 0.75, noun: true}},
	{"kidnapped abducted kidnapping kidnappings abduction abductions bomber bombers", entry{typ: TypeAttack, conf: 0.7, noun: true}},
	{"hostage hostages", entry{typ: TypeAttack, conf: 0.55, weak: true, noun: true, blockPrev: list("released freed free release freeing releasing of"), blockNext: list("to")}}, // "a hostage to OPEC's plans": in another's power
	{"killed killing killings", entry{typ: TypeAttack, conf: 0.55, weak: true, cond: condKilled}},
	{"fighting", entry{typ: TypeAttack, conf: 0.55, weak: true, noun: true, blockNext: list("for against to back corruption inflation poverty over fit chance words spirit")}},
	{"violence", entry{typ: TypeAttack, conf: 0.55, weak: true, noun: true, blockPrev: list("domestic gender-based gun")}}, // "gun violence": the phenomenon

	// arrest / legal action
	{"arrest arrests arrested arresting detained detain detains detention", entry{typ: TypeLegal, conf: 0.8, noun: true, blockNext: list("warrant warrants power powers")}}, // "arrest powers" are a law's
	{"charged", entry{typ: TypeLegal, conf: 0.7, needNext: list("with over in")}},
	{"charges", entry{typ: TypeLegal, conf: 0.6, noun: true, needPrev: list("criminal corruption fraud murder terrorism faces face facing filed file dropped pressed brought denies denied"), needNext: list("against of")}},
	{"sentenced convicted indicted acquitted extradited jailed imprisoned prosecuted", entry{typ: TypeLegal, conf: 0.8}},
	{"sued sue sues lawsuit lawsuits", entry{typ: TypeLegal, conf: 0.75, noun: true}},
	{"trial retrial", entry{typ: TypeLegal, conf: 0.7, noun: true, cond: condTrial, blockPrev: list("clinical drug vaccine free pilot phase field randomised randomized fair"), blockNext: list("run period version results production operation operations basis balloon scheme schemes service services project projects")}}, // "a fair trial" is a right
	{"verdict", entry{typ: TypeLegal, conf: 0.7, noun: true}},
	{"fined", entry{typ: TypeLegal, conf: 0.7}},
	{"ruled", entry{typ: TypeLegal, conf: 0.6, cond: condCourt, blockNext: list("out")}},
	{"investigation probe", entry{typ: TypeLegal, conf: 0.55, weak: true, noun: true, blockPrev: list("space")}},
	// legal nouns and plea verbs, in their legal sense only (issue #19): "taken legal action", "a
	// proceeding against the company", "a class-action complaint", "pleaded guilty", "court
	// appearances"; "the suits", "all charges", "being investigated", "an inquiry" beside a court or
	// an authority, not a tailor's suits, bank charges or a customer's inquiry.
	{"action actions", entry{typ: TypeLegal, conf: 0.7, noun: true, needPrev: list("legal enforcement court disciplinary regulatory class antitrust")}},
	{"proceeding proceedings", entry{typ: TypeLegal, conf: 0.7, noun: true, needPrev: list("legal court criminal civil disciplinary judicial bankruptcy insolvency extradition"), needNext: list("against"), blockPrev: list("impeachment")}}, // impeachment: a legislature's process, not a court's
	{"complaint complaints", entry{typ: TypeLegal, conf: 0.65, noun: true, needPrev: list("class-action filed file files filing formal legal criminal civil antitrust lodged lodge lodging"), needNext: list("against")}},
	{"pleaded pleads pleading plead", entry{typ: TypeLegal, conf: 0.8, needNext: list("guilty innocent no not")}},
	{"appearance appearances", entry{typ: TypeLegal, conf: 0.7, noun: true, needPrev: list("court")}},
	{"suit suits charges", entry{typ: TypeLegal, conf: 0.6, noun: true, cond: condLegal}},
	{"investigated inquiry inquiries", entry{typ: TypeLegal, conf: 0.55, weak: true, cond: condLegal, blockPrev: list("media press customer customers sales general reader readers public scientific")}},
	{"raid raids raided", entry{typ: TypeLegal, conf: 0.6, weak: true, noun: true}},

	// election / vote
	{"election elections by-election by-elections", entry{typ: TypeElection, conf: 0.8, noun: true}},
	{"elected re-elected reelected", entry{typ: TypeElection, conf: 0.75}},
	{"vote votes voted voting", entry{typ: TypeElection, conf: 0.75, noun: true, cond: condVote, blockNext: list("of rights right winner winners loser losers"), blockPrev: list("majority")}},                               // "voting rights", "a vote winner", "qualified majority voting"
	{"voters", entry{typ: TypeElection, conf: 0.6, weak: true, noun: true, needNext: list("go goes went head heads headed cast casts casting turned chose choose elected rejected approved returned flocked queued lined")}}, // voters at the polls, not voters in general
	{"referendum referendums ballot ballots runoff run-off recount primaries", entry{typ: TypeElection, conf: 0.8, noun: true}},
	{"caucus caucuses", entry{typ: TypeElection, conf: 0.8, noun: true, cond: condVote}}, // not "the agribusiness caucus" of a congress
	{"polls", entry{typ: TypeElection, conf: 0.7, needPrev: list("the"), needNext: list("closed close open opened opening closing"), blockNext: list("show showed shows suggest suggested suggests indicate"), cond: condPolls}},

	// disaster / accident
	{"earthquake earthquakes quake quakes tremor aftershock aftershocks tsunami", entry{typ: TypeDisaster, conf: 0.85, noun: true}},
	{"flood floods flooding flooded floodwaters", entry{typ: TypeDisaster, conf: 0.8, noun: true, cond: condFlood, blockNext: list("of with")}},
	{"typhoon hurricane cyclone tornado wildfire wildfires bushfire bushfires blaze landslides mudslide mudslides avalanche drought eruption erupted heatwave", entry{typ: TypeDisaster, conf: 0.8, noun: true}},
	{"landslide", entry{typ: TypeDisaster, conf: 0.7, noun: true, blockNext: list("victory win majority")}},
	{"storm storms", entry{typ: TypeDisaster, conf: 0.65, noun: true, blockNext: list("of"), blockPrev: list("media political diplomatic")}},
	{"fire fires", entry{typ: TypeDisaster, conf: 0.65, noun: true, needPrev: list("a the massive huge deadly major forest house building factory warehouse market"), needNext: list("broke swept destroyed ravaged killed gutted engulfed")}},
	{"crash crashes crashed collision collided derailed derailment accident accidents", entry{typ: TypeDisaster, conf: 0.8, noun: true, blockPrev: list("market stock stocks shares share price prices currency markets bank financial"), blockNext: list("course courses out")}}, // a "crash course"; "crashed out" of a contest
	{"explosion explosions blast blasts", entry{typ: TypeDisaster, conf: 0.6, weak: true, noun: true}},
	{"sank capsized", entry{typ: TypeDisaster, conf: 0.75, cond: condNotFigure}}, // "shares sank 14%"
	{"collapse collapsed", entry{typ: TypeDisaster, conf: 0.7, cond: condCollapse}},
	{"outbreak", entry{typ: TypeDisaster, conf: 0.7, noun: true}},
	{"spill", entry{typ: TypeDisaster, conf: 0.7, noun: true, needPrev: list("oil chemical fuel toxic")}},

	// economic report
	{"gdp inflation unemployment jobless cpi pmi", entry{typ: TypeEconomic, conf: 0.7, cond: condEconomic}},
	{"gross", entry{typ: TypeEconomic, conf: 0.75, then: list("domestic product"), cond: condEconomic}},
	{"surplus deficit exports imports output", entry{typ: TypeEconomic, conf: 0.6, cond: condEconomic}},
	{"earnings profit profits revenue revenues", entry{typ: TypeEconomic, conf: 0.65, cond: condEconomic, blockNext: list(economicModified)}},
	{"sales", entry{typ: TypeEconomic, conf: 0.55, weak: true, cond: condEconomic, blockNext: list(economicModified)}},
	{"net", entry{typ: TypeEconomic, conf: 0.7, then: list("income"), cond: condEconomic}},
	{"results", entry{typ: TypeEconomic, conf: 0.7, needPrev: list("quarterly annual half-year full-year first-quarter second-quarter third-quarter fourth-quarter interim financial")}},
	{"rates rate", entry{typ: TypeEconomic, conf: 0.65, cond: condRates}},
}

// lexicon maps a lower-case form to its entries (a form may carry several, e.g. multiword ones).
type lexicon map[string][]entry

func newLexicon() lexicon {
	lex := lexicon{}
	for _, s := range lexiconSpec {
		for _, f := range strings.Fields(s.forms) {
			lex[f] = append(lex[f], s.e)
		}
	}
	return lex
}

// economicModified are nouns an economic noun before them qualifies: "the bank's sales force", "a
// revenue office" are people and places, not a report.
const economicModified = `force forces team teams staff representative representatives reps office
offices tax taxes department departments manager managers executive executives agent agents
outlet outlets people pitch`

// Word lists read by the context tests.
const (
	// negators before a trigger in its clause cancel it ("did not attend", "no deal").
	negatorsWords = `not no never without neither nor cannot unable denied denies deny refused refuses refuse
failed fails cancelled canceled cancel cancels cancellation scrapped postponed postpone rejected
rejects ruled against averted avoided prevented`
	// modals before a trigger make it hypothetical or merely wished-for ("could visit", "called for talks").
	modalsWords = `could might may would should if whether possible possibility potential proposed
proposal planned plans plan planning hopes hope hoping wants want wanted considering considers
consider threatened threatens threaten threatening urged urges urging calls called seeking seeks
sought aims aim intends intend intended prospect prepare preparing ready willing unless until must
rumoured rumored speculation allow allows enable enables enabling permit permits`
	// cancellers after a trigger cancel it ("the visit was cancelled").
	cancellersWords = `cancelled canceled postponed scrapped shelved called aborted abandoned averted
collapsed`
	// clauseBreaks end the window the negation, modality and participant tests look at.
	clauseBreaksWords = `, ; : and but while whereas although though because after before since
that which who when where — – -- (`
	// changeVerbs make an economic noun a report ("exports rose").
	changeVerbsWords = `rose rise rises rising fell fall falls falling grew grow grows growing growth
jumped jump jumps surged surge surges slumped slump dropped drop drops declined decline declines
increased increase increases decreased decrease decreases climbed climb climbs slowed slow slows
eased ease eases accelerated accelerate contracted contract expanded expand beat missed reported
posted widened widen narrowed narrow hit reached record soared soar plunged plunge tumbled
doubled tripled halved stood unchanged steady stable held`
	// courtWords make a "trial" a court's ("the trial of the former minister", "stand trial").
	courtWords = `court courts judge judges jury juror jurors defendant defendants prosecutor
prosecutors prosecution prosecuting accused charge charges charged indictment indicted lawyer lawyers
attorney attorneys testimony testify testified witness witnesses verdict murder fraud manslaughter
treason corruption tribunal acquittal conviction plea bail stand stood standing`
	// authorityWords beside a legal noun make it a matter for a court or an authority ("the suits,
	// consolidated … before a Pennsylvania court", "investigated by the Attorney General").
	authorityWords = `police regulator regulators regulatory sec fbi doj prosecutors prosecutor
authorities watchdog investigators commission ombudsman inspector inspectors lawsuit lawsuits
plaintiff plaintiffs sued sue shareholder shareholders class-action allegation allegations
alleged violations violated damages complaint complaints`
	// feeWords before "charges" make them fees ("bank charges", "service charges").
	feeWords = `bank service overdraft interest late delivery fixed standing extra additional roaming
usage card hidden admin administration booking user congestion parking`
	// mountain words make a "summit" a mountain's top.
	mountainWords = `peak peaks mountain mountains mount glacier glaciers climber climbers climbed
altitude volcano volcanoes everest ridge alpine`
	// quantities before "votes" make them a count of ballots ("hundreds of votes").
	quantityWords = `hundreds dozens thousands millions few many several more fewer most million
thousand hundred`
	// subordinators open a clause whose date belongs to another event.
	subordinatorWords = `after before since when while because although though whereas which who
whose whom ; until unless once`
	// marketWords after a rally make it a market's ("a rally in emerging-market debt").
	marketWordsList = `debt bonds bond stocks stock shares equities markets market emerging-market
prices assets currency currencies treasuries yields oil gold commodities crypto bitcoin exports
imports sales output earnings profits index dollar sterling yen`
	// rateVerbs make "rates" a central-bank decision.
	rateVerbsWords = `held hold holds raised raise raises cut cuts kept keep left hiked hike hikes
lowered lower unchanged`
	// passiveAux before a past participle marks the passive ("was arrested").
	passiveAuxWords = `was were been being is are be got get gets`
	// placePreps before a place mean the event happened there; originPreps mean it did not.
	placePrepsWords  = `in at near outside inside across to into on throughout around off through`
	originPrepsWords = `from`
	// structures that can collapse as a disaster.
	structuresWords = `building buildings bridge bridges roof mine mines tunnel dam stadium tower
structure wall block factory school hospital hotel crane scaffolding`
)

// vocab holds the word sets built once by New; it is read-only afterwards, so the Extractor is
// safe for concurrent use.
type vocab struct {
	lex                                                  lexicon
	nounBlockers, negators, modals, cancellers           map[string]bool
	clauseBreaks, changeVerbs, rateVerbs, passiveAux     map[string]bool
	placePreps, originPreps, structures, recurrenceWords map[string]bool
	court, marketWords                                   map[string]bool
	subordinators, quantities, mountain                  map[string]bool
	authority, fees                                      map[string]bool
	heads                                                map[string]string
}

func newVocab() *vocab {
	return &vocab{
		lex:             newLexicon(),
		nounBlockers:    words(nounBlockerWords),
		negators:        words(negatorsWords),
		modals:          words(modalsWords),
		cancellers:      words(cancellersWords),
		clauseBreaks:    words(clauseBreaksWords),
		changeVerbs:     words(changeVerbsWords),
		rateVerbs:       words(rateVerbsWords),
		passiveAux:      words(passiveAuxWords),
		placePreps:      words(placePrepsWords),
		originPreps:     words(originPrepsWords),
		structures:      words(structuresWords),
		recurrenceWords: words(`annual annually yearly biennial biennially monthly weekly triennial quadrennial`),
		heads:           eventHeads(),
		court:           words(courtWords),
		authority:       words(courtWords + " " + authorityWords),
		fees:            words(feeWords),
		marketWords:     words(marketWordsList),
		subordinators:   words(subordinatorWords),
		quantities:      words(quantityWords),
		mountain:        words(mountainWords),
	}
}

// eventHeads maps the last word of an event name (lower-case) to the named event's type.
func eventHeads() map[string]string {
	m := map[string]string{}
	for typ, ws := range map[string]string{
		TypeConference: `expo expos exposition exhibition fair fairs congress conference conferences
forum festival show airshow symposium convention biennale biennial week`,
		TypeMeeting:  `summit summits meeting talks dialogue assembly`,
		TypeSports:   `games olympics paralympics cup championship championships marathon tournament open grand prix derby series league rally`,
		TypeElection: `election elections referendum primary primaries`,
		TypeDisaster: `earthquake quake flood floods typhoon hurricane cyclone storm tsunami wildfire eruption disaster`,
		TypeAttack:   `war attack attacks bombing bombings massacre invasion uprising`,
		TypeProtest:  `protest protests revolution march`,
		// award ceremonies are events held on a date at a place, of none of the mention types
		"": `awards`,
	} {
		for _, w := range strings.Fields(ws) {
			m[w] = typ
		}
	}
	return m
}

// pollsOpenClose follow "polls" that are the polling places: "polls closed at 8 p.m.".
var pollsOpenClose = words(`closed close closes open opened opens opening closing`)

// pollingPreps come before "the polls" that are the polling places: "went to the polls", "lines
// at the polls", "leaving the polls".
var pollingPreps = words(`to at from leaving leave left leaves into outside`)
