package event

import (
	"strings"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/extract/wordclass"
)

// Senses found in the third audit of unseen BBC and Reuters stories (issue #19): "election" as a
// modifier ("the election manifesto", "election funds") names a thing of the election, not the
// vote; a sales or deficit figure someone expects or forecasts has not happened; an "attack" one
// faces, comes under, or makes on a decision or a record is criticism; a player "signed from" a
// club, or autographs signed, are no agreement.

// electionThings follow "election" when it modifies a thing of the campaign, not the vote itself
// ("election manifesto", "election timing"); "election day", "election results" name the vote.
var electionThings = words(`campaign campaigns manifesto manifestos pitch pitches funds fund funding
timing phone-in phone-ins pledge pledges promise promises broadcast broadcasts literature leaflet
leaflets spending expenses agent agents strategy strategist strategists team machine chief
coordinator law laws rules spin slogan slogans posters poster material war-chest warchest donations
tactics advert adverts advertising message`)

// forecastVerbs before an economic figure make it expected, not reported ("expects sales to
// rise", "forecasts 2005 revenue of $4.2bn", "estimate the surplus tomorrow"), and so do the nouns
// of forecasts and goals ("expectations of a deficit", "the target for the budget deficit").
var forecastVerbs = words(`expect expects expected expecting forecast forecasts forecasting predict
predicts predicted predicting project projects projecting estimate estimates anticipate anticipates
anticipated anticipating expectation expectations projection projections target targets`)

// criticismPrev before "attack" make it words ("a personal attack", "a scathing attack").
var criticismPrev = words(`personal verbal scathing stinging blistering withering outspoken furious
thinly-veiled veiled political bitter fierce strong`)

// faceVerbs take an attack one must answer ("face fierce international attack").
var faceVerbs = words(`face faces faced facing`)

// criticsWords attack with words ("attacked by critics in the US").
var criticsWords = words(`critics opponents campaigners commentators reviewers mps rivals
ministers newspapers press media unions conservatives tories`)

// signedThings are signed but make no agreement ("signed autographs", "signed shirts").
var signedThings = words(`autograph autographs copies copy books book shirts shirt photographs photos
photo pictures memorabilia records record posters poster programmes programme guitar guitars ball
balls jersey jerseys albums album`)

// fixturePrev name a competition before "clash" or "meeting": a match ("the Champions League
// clash with Barcelona", "a Carling Cup meeting with West Ham"; but "the final meeting of the
// commission").
var fixturePrev = words(`league cup premiership championship derby final semi-final quarter-final
tie play-off trophy shield fixture`)

// moneyMarketPrev before "pact" or "agreement" make it a traded instrument of the money market.
var moneyMarketPrev = words(`repurchase repo sale-and-repurchase buy-back`)

// amountWords end a sum of money written without its currency ("a 14.9 billion pact").
var amountWords = words(`million billion mln bln trillion`)

// readingSense is otherSense for the classes of the third audit.
func (d *doc) readingSense(si, i, end int, typ, prev, next string) bool {
	switch typ {
	case TypeElection:
		return oneOf(d.w(i), "election", "elections") && electionThings[next]
	case TypeEconomic:
		return d.forecastFigure(si, i) || d.goalFigure(si, i)
	case TypeAttack:
		return d.criticismAttack(si, i, end, prev, next) || strings.HasPrefix(d.w(i), "clash") && fixturePrev[prev]
	case TypeMeeting:
		return oneOf(d.w(i), "meeting", "meetings") && (fixturePrev[prev] && prev != "final" || oneOf(prev, "indoor", "outdoor", "athletics", "track"))
	case TypeAgreement:
		if oneOf(d.w(i), "contract", "contracts") && prev == "of" && d.w(i-2) == "out" {
			return true // "is out of contract in the summer": a player's state, not a deal made
		}
		if moneyMarketPrev[prev] || d.w(i) == "pact" && amountWords[prev] {
			return true // "repurchase pacts", "an outgoing 14.9 billion pact": a central bank's instrument
		}
		if d.w(i) == "deals" && next == "with" && oneOf(prev, "which", "that", "who", "it", "he", "she", "also") {
			return true // "the film, which deals with the last hours": the verb
		}
		return d.kindOfDeals(si, i, end) || d.signedNoAgreement(si, i, end, prev, next)
	}
	return false
}

// forecastFigure reports a forecast verb within six words before the economic trigger at i in
// its clause, not an adjective of comparison ("better-than-expected profits", "than expected").
func (d *doc) forecastFigure(si, i int) bool {
	s := d.sents[si]
	for j := i - 1; j >= s.start && j >= i-6; j-- {
		w := d.w(j)
		if d.v.clauseBreaks[w] && w != "that" || w == "." {
			return false
		}
		if forecastVerbs[w] {
			return !oneOf(d.w(j-1), "than", "as")
		}
	}
	return false
}

// goalVerbs change a figure as an aim ("to increase imports", "aimed at cutting surplus
// capacity", "towards reducing the deficit"), in the bare form after "to" or "help" or as a
// gerund after a preposition — "due to lower profit margins" gives a cause.
var goalVerbs = words(`boost increase raise reduce cut lower halve narrow slash trim shrink tackle
curb promote stimulate spur eliminate balance`)

// goalGerunds are goalVerbs' gerunds.
var goalGerunds = words(`boosting increasing raising reducing cutting lowering halving narrowing
slashing trimming shrinking tackling curbing promoting stimulating spurring eliminating balancing`)

// goalFigure reports an economic figure (not a rate, whose cut is a decision made) that a verb of
// change within four words before it in its clause has as an aim, not a figure reported.
func (d *doc) goalFigure(si, i int) bool {
	if strings.HasPrefix(d.w(i), "rate") {
		return false
	}
	s := d.sents[si]
	for j := i - 1; j > s.start && j >= i-4; j-- {
		w, p := d.w(j), d.w(j-1)
		if d.v.clauseBreaks[w] || w == "." {
			return false
		}
		if goalVerbs[w] && oneOf(p, "to", "help", "helps", "helping") && !oneOf(d.w(j-2), "due", "owing", "thanks", "compared", "close") || goalGerunds[w] && oneOf(p, "at", "towards", "toward", "on", "of", "for") {
			return true
		}
	}
	return false
}

// criticismAttack reports an "attack" made with words: one faced, come under, or called
// personal, scathing and the like; one by critics; or one on a decision, a record or remarks —
// with nothing harmful or armed in its sentence.
func (d *doc) criticismAttack(si, i, end int, prev, next string) bool {
	from := i
	if criticismPrev[prev] {
		from = i - 1 // ("fierce" alone tells no violence broke out: "face fierce attack over the plan")
	}
	if !strings.HasPrefix(d.w(i), "attack") || d.harmNear(si, from, end) {
		return false
	}
	if criticismPrev[prev] || prev == "under" || faceVerbs[prev] || faceVerbs[d.w(i-2)] || faceVerbs[d.w(i-3)] && criticismPrev[d.w(i-2)] {
		return true
	}
	if next == "by" && criticsWords[d.w(end+1)] {
		return true
	}
	if d.w(i) == "attacks" && !oneOf(next, "on", "against") {
		return false // "the attacks": verb with an object only when singular ("Smith attacks the plan")
	}
	o := d.objectHead(si, end, "on", "against")
	if o < 0 || d.entAt[o] >= 0 {
		return false
	}
	c := wordclass.Of(d.w(o))
	if c.First(wordclass.Person) || c.First(wordclass.Group) || c.First(wordclass.Location) || c.First(wordclass.Artifact) || c.First(wordclass.Armed) {
		return false
	}
	return c.First(wordclass.Message) || c.First(wordclass.Abstraction) || c.First(wordclass.Act) && c.Any(wordclass.Abstraction)
}

// signedNoAgreement reports a signing that makes no agreement: a player "signed from" or "for"
// a club or for a fee ("signed for £4.6m from AC Milan", "signing for Sheffield United"), or
// things signed ("signed autographs", "signed records and posters").
func (d *doc) signedNoAgreement(si, i, end int, prev, next string) bool {
	if !strings.HasPrefix(d.w(i), "sign") {
		return false
	}
	if signedThings[next] || signedThings[d.w(end+1)] && !determiners[next] {
		return true
	}
	if next != "for" && next != "from" {
		return false
	}
	n2 := end + 1
	if n2 >= d.sents[si].end {
		return false
	}
	if k := d.entAt[n2]; k >= 0 && d.ents[k].typ != article.TypePerson {
		return true // a club: "signed from Middlesbrough"
	}
	t := d.w(n2)
	return strings.HasPrefix(t, "£") || strings.HasPrefix(t, "$") || strings.HasPrefix(t, "€")
}

// rankModifiers are military ranks that stand more often as adjectives before a noun ("the two
// major economic powers", "a general strike", "the private sector"): neither someone armed nor
// an object's head there.
var rankModifiers = words(`major general private`)

// prenominalRank reports one of rankModifiers at j used as an adjective: lower-case, with the
// noun phrase going on after it and no verb next ("the major said").
func (d *doc) prenominalRank(j int) bool {
	n := d.w(j + 1)
	return rankModifiers[d.w(j)] && d.lowerAt(j) && d.adjectiveGoesOn(j) && d.lowerAt(j+1) && !strings.HasSuffix(n, "ed") && n != "said" && n != "says"
}

// lowerAt reports a token written in lower case.
func (d *doc) lowerAt(j int) bool {
	t := d.s[d.toks[j].Start:d.toks[j].End]
	return t != "" && t[0] >= 'a' && t[0] <= 'z'
}

// adjectiveGoesOn reports whether the noun phrase goes on after the word at j: the next word is a
// lower-case word that no clause break, preposition or determiner is.
func (d *doc) adjectiveGoesOn(j int) bool {
	n := d.w(j + 1)
	return n != "" && isLowerWord(n) && !functionWords[n] && !d.v.placePreps[n] && !d.v.clauseBreaks[n] && !determiners[n] && n != "of"
}

// workNouns name works that WordNet gives another first sense ("hits including Light My Fire",
// "the single", "the sitcom").
var workNouns = words(`hits singles sitcom remake sequel musical`)

// titledWork reports a name that a work noun introduces as a title ("the novel Vanity Fair", "hits
// including Light My Fire", "the sitcom The … Show") — not a verb before a determiner ("film the Olympics"): a film, song or programme, not an event held.
func (d *doc) titledWork(r ref) bool {
	si := d.tokSent[r.tStart]
	for j := r.tStart - 1; j >= d.sents[si].start && j >= r.tStart-3; j-- {
		w := d.w(j)
		if d.toks[j].Text == "The" || oneOf(w, "including", "called", "entitled", "titled", "\"", "“", "'", "‘") {
			continue // (a title's own article: "the film The Texas Chainsaw Massacre")
		}
		return wordclass.Work(w) && !wordclass.Of(w).First(wordclass.Legal) || workNouns[w]
	}
	return false
}
