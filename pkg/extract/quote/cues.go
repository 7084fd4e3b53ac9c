package quote

import (
	"strings"

	"github.com/newsmon/newsmon/pkg/text"
)

// sayVerbs introduce what someone said, before or after it, directly or in reported speech.
// Participles ("saying", "adding") attach a quote to the subject of the clause they end.
const sayVerbs = `say says said saying tell tells told telling add adds added adding noted noting
warn warns warned warning stressed stressing ask asks asked asking
explain explains explained explaining insist insists insisted insisting argue argues argued arguing
claimed claiming stated stating write writes wrote writing
replied replying respond responds responded responding recall recalls recalled recalling
admit admits admitted admitting acknowledge acknowledges acknowledged acknowledging
declare declares declared declaring announce announces announced announcing remarked
urge urges urged urging cautioned emphasise emphasised emphasises emphasize emphasized
emphasizes tweeted confirm confirms confirmed confirming deny denies denied denying
predict predicts predicted predicting suggest suggests suggested suggesting agree agrees agreed
countered observe observes observed complain complains complained complaining
conclude concludes concluded concluding reported assert asserts asserted
contend contends contended maintain maintains maintained testify testifies testified
promised vowed pledged mentioned reiterate reiterates reiterated repeated commented answered
concede concedes conceded allege alleges alleged reveal reveals revealed disclose discloses disclosed
continue continued`

// Bare forms that are more often nouns ("the secretary of state", "battleground states", "a request
// for comment", "his claims", "too much stress") are left out of sayVerbs on purpose; nounLikeVerbs takes them only
// between a subject and a clause ("He notes that …").
var nounLikeVerbs = wordSet(`claim claims note notes report reports state states promise promises vow vows
pledge pledges warning comment comments answer answers reply replies remark remarks tweet tweets
stress stresses`)

// afterVerbs are cues that are speech only in the frame right after a quote (“…,” he joked), where
// the punctuation already says that the words were spoken.
const afterVerbs = `joked jokes quipped quips shouted shouts exclaimed exclaims retorted retorts echoed echoes
barked barks charged snapped snaps laughed laughs chanted chant chants read reads posted posts
wondered wonders mused muses cried cries yelled yells whispered whispers sighed added writes
demanded demands boomed gloated interjected mocked mocks scoffed teased recounted explained
notes claims claim states reports tweets remarks answers replies counters cautions promises vows
pledges comments commented continues thundered cracked`

// namingVerbs introduce a quoted label ("called it “a disaster”"): speech only right before a quote.
var namingVerbs = wordSet(`call called calling calls dubbed dubbing labeled labeling labelled labelling branded
described describing describes deemed termed`)

// thatVerbs report a finding or an estimate: speech cues only right before "that". (Beliefs and
// expectations, "believes that", stay out: they are not reported words.)
var thatVerbs = wordSet(`estimate estimates estimated find finds found show shows showed calculate
calculates calculated indicate indicates indicated conclude concludes concluded project projects projected
forecast forecasts forecasted`)

// nounLikeThatVerbs are thatVerbs whose bare form is also a noun ("a show that", "estimates that").
var nounLikeThatVerbs = wordSet(`estimate estimates find finds show shows project projects forecast forecasts`)

// titleWords name an office; capitalised on their own ("Minister: …") they still stand for a person.
var titleWords = wordSet(`minister president director secretary chairman chairwoman chair governor senator
mayor judge spokesman spokeswoman spokesperson chief ceo premier chancellor ambassador commissioner
prosecutor general admiral captain sheriff coach manager founder leader`)

// cueNouns follow "expressed" to form a cue phrase: "expressed hope that …".
var cueNouns = map[string]bool{"hope": true, "concern": true, "confidence": true, "doubt": true,
	"doubts": true, "optimism": true, "frustration": true, "disappointment": true, "regret": true,
	"support": true, "fear": true, "fears": true, "skepticism": true, "scepticism": true, "surprise": true}

// lexicon holds the word sets the extractor reads; built once by New and never changed.
type lexicon struct {
	say, after map[string]bool
}

func newLexicon() lexicon {
	set := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, w := range strings.Fields(s) {
			m[w] = true
		}
		return m
	}
	return lexicon{say: set(sayVerbs), after: set(afterVerbs)}
}

// participle reports whether a cue is an -ing form ("saying"), whose speaker is the clause subject.
func participle(cue string) bool { return strings.HasSuffix(cue, "ing") && cue != "according" }

// statementNouns end a lead-in that introduces a quote: "Trump issued a statement, “…”".
var statementNouns = wordSet(`statement statements message tweet tweets post note memo letter email
e-mail interview remarks speech release`)

// skipBeforeCue are auxiliaries and adverbs that sit between a subject and its speech verb.
var skipBeforeCue = wordSet(`has have had is was were are be been would will could can may might
should must did does do not never also then later again previously repeatedly recently once
publicly privately quickly further reportedly even still ultimately often frequently just now already
initially first subsequently immediately simply flatly angrily clearly strongly specifically explicitly
emphatically bluntly openly falsely correctly rightly wrongly long since has've n't cannot
actually apparently earlier separately similarly likewise privately always usually sometimes together jointly
Monday Tuesday Wednesday Thursday Friday Saturday Sunday yesterday today tonight on`)

// skipAfterCue are words between a speech verb and what was said ("said on Monday that …").
var skipAfterCue = wordSet(`on Monday Tuesday Wednesday Thursday Friday Saturday Sunday yesterday today
tonight earlier later recently last week this morning afternoon evening night also again repeatedly
publicly privately in a an the statement interview that`)

// determiners open a noun phrase and end the search for its start.
var determiners = wordSet(`the a an this that these those his her their its our my your some many
several most few both all each every another other such no one two three four five six seven eight
nine ten dozens hundreds thousands`)

// demonstratives are determiners that never open a speaker phrase after a cue ("said that …").
var demonstratives = wordSet(`that this these those such no`)

// npStops end a noun phrase when walking back from its head: conjunctions, prepositions, relative
// words and the like.
var npStops = wordSet(`and or but nor so yet when while as if because after before since until
although though whether that which who whom whose where what how why than to in on at by for
with from into about over under against during without through between among per via said says
despite amid toward towards across behind beyond within upon throughout regarding concerning
is was were are be been being has have had do does did will would can could may might shall should
must not also then there here it`)

// sentenceOpeners are capitalised function words that begin a sentence but never a speaker's name.
var sentenceOpeners = wordSet(`But And Or So Yet When While As If Because After Before Since Until
Although Though In On At By For With From Then Now Still Instead Meanwhile However Later Earlier
Asked Speaking Writing Separately Also Last This That There Here Even Just Yesterday Today`)

// subordinators open a clause that is not the sentence's main one ("When asked …, she said").
var subordinators = wordSet(`When While As If After Before Although Though Because Since Until Asked Unlike
Like Despite Following Speaking Writing Responding Addressing`)

// pronounSpeakers are pronouns that can be a speaker; he/she/they are resolved to a name.
var pronounSpeakers = wordSet(`he she they He She They it It we We I`)

// orgHeads make an unresolved noun phrase an organisation ("the ministry", "the campaign").
var orgHeads = wordSet(`ministry department campaign committee company government agency newspaper
paper party court police office administration council commission group union bank
university times network channel website magazine firm board bureau authority authorities
organization organisation foundation institute association team camp senate house congress
parliament cabinet embassy council website station spokesman spokeswoman spokesperson club
federation treasury secretariat regulator operator utility venture maker manufacturer producer
lender insurer carrier airline broadcaster publisher newspaper outlet consultancy coalition alliance
movement league tribunal center centre ministry municipality county city state province district prefecture
military army navy force forces junta management leadership delegation secretariat`)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// cueAt reports the cue starting at toks[k] and the index of its last token: a speech verb,
// "according to", "pointed out", "expressed hope". after admits the verbs that are speech only
// right after a quote.
func (e *Extractor) cueAt(toks []text.Token, k int, after bool) (string, int) {
	if k > 0 && text.IsCapitalized(toks[k].Text) && text.IsWord(toks[k-1].Text) {
		return "", 0 // "Islamic State", "Says Who": a name, not a verb
	}
	w := lower(toks[k].Text)
	if nounNotCue(toks, k, w) {
		return "", 0
	}
	if strings.HasSuffix(w, "ed") && k+1 < len(toks) && auxiliaries[lower(toks[k+1].Text)] {
		return "", 0 // "much of the money announced had …", "what he said was": a participle, not a cue
	}
	switch {
	case w == "according" && k+1 < len(toks) && toks[k+1].Text == "to":
		return "according to", k + 1
	case (w == "called" || w == "calls" || w == "calling") && !after && k+2 < len(toks) && (toks[k+1].Text == "for" ||
		toks[k+1].Text == "on" && text.IsWord(toks[k+2].Text) && !dateWords[lower(toks[k+2].Text)]):
		// "The committee called for an inquiry", "Axelrod called on Dean to apologize": a demand made
		// in words. ("called on Monday" is a time.)
		return w + " " + toks[k+1].Text, k + 1
	case (w == "pointed" || w == "points" || w == "point") && k+1 < len(toks) && toks[k+1].Text == "out":
		return w + " out", k + 1
	case w == "expressed" || w == "expresses" || w == "voiced":
		if k+1 < len(toks) && cueNouns[toks[k+1].Text] {
			return w + " " + toks[k+1].Text, k + 1
		}
		return "", 0
	case (w == "shot" || w == "fired" || w == "chimed") && k+1 < len(toks) && (toks[k+1].Text == "back" || toks[k+1].Text == "in"):
		if after || k+2 == len(toks) || toks[k+2].Text == ":" || toks[k+2].Text == "," {
			return w + " " + toks[k+1].Text, k + 1
		}
		return "", 0
	case w == "put" && k+1 < len(toks) && toks[k+1].Text == "it" && (k+2 == len(toks) || toks[k+2].Text == "," || toks[k+2].Text == ":"):
		return "put it", k + 1
	case (w == "went" || w == "goes" || w == "go") && k+1 < len(toks) && toks[k+1].Text == "on" &&
		(after || k+2 < len(toks) && (toks[k+2].Text == ":" || toks[k+2].Text == ",")):
		return w + " on", k + 1
	case e.lex.say[w]:
		if strings.HasPrefix(w, "continu") && !after && (k+1 >= len(toks) || toks[k+1].Text != ":" && toks[k+1].Text != ",") {
			return "", 0
		}
		return toks[k].Text, k
	case after && e.lex.after[w]:
		return toks[k].Text, k
	case thatVerbs[w] && !after && k > 0 && k+1 < len(toks) && toks[k+1].Text == "that" && !determiners[lower(toks[k-1].Text)] &&
		(!nounLikeThatVerbs[w] || pronounSpeakers[toks[k-1].Text] || text.IsCapitalized(toks[k-1].Text) && !sentenceOpeners[toks[k-1].Text]):
		// (a bare form that is also a noun, "an hourlong show that aired", needs a name or pronoun
		// as its subject right before it)
		// "The IMF expects that …", "The World Health Organization estimates that …": a finding or
		// a belief stated as a clause is reported speech; without "that" the verb is too often
		// something else ("estimates of", "found dead").
		return toks[k].Text, k
	case nounLikeVerbs[w] && k > 0 && k+1 < len(toks):
		// "He notes that …", "Trump claims the …": speech only with a subject right before and a
		// clause right after, never as a noun ("his claims", "battleground states").
		prev, next := toks[k-1].Text, toks[k+1].Text
		subject := pronounSpeakers[prev] || text.IsCapitalized(prev) && !sentenceOpeners[prev] && !determiners[lower(prev)]
		clause := next == "that" || pronounSpeakers[next] || determiners[lower(next)] && !demonstratives[lower(next)] || text.IsCapitalized(next)
		if subject && clause {
			return toks[k].Text, k
		}
	}
	return "", 0
}

// coordinated reports whether the verb at toks[k] follows "and"/"but" ("… and warned that"), so
// that its subject is the clause's first one.
func coordinated(toks []text.Token, k int) bool {
	j := k - 1
	for j >= 0 && skipBeforeCue[toks[j].Text] {
		j--
	}
	return j >= 0 && (toks[j].Text == "and" || toks[j].Text == "but")
}

// nounNotCue reports whether the cue word toks[k] (lower-cased w) is read, by the words around it,
// as a noun or a modifier rather than a speech verb, so that no place or thing before it becomes a
// speaker (issue #19, bad speakers):
//   - a participle between a possessive and a noun ("the Post's repeated requests", "PDVSA's
//     stated goal", "Japan's alleged violations"): an adjective, as no verb follows a possessive
//     (unless the noun opens a "that" clause, "Stumpf's repeated emphasis that …", which reports);
//   - a plural-looking form with "that" and an auxiliary after it ("Rust Belt states that have
//     suffered"): "that" is then a relative pronoun and no clause is reported;
//   - "state" between a capitalised word and a capitalised one ("New York state Democratic official
//     Christine Quinn", "Wisconsin state Rep. David Bowen"): the noun of a US state's bodies;
//   - "called" after "a"/"an" and a noun ("a website called “…”", "a group called the …"): naming;
//   - an -s form after a possessive determiner or a period adjective ("his calls to end …",
//     "two-year notes"): a plural noun, which no verb form follows.
func nounNotCue(toks []text.Token, k int, w string) bool {
	if k > 0 && k+1 < len(toks) && strings.HasSuffix(w, "ed") && possessive(toks[k-1].Text) && contractedPronoun(toks[k-1].Text) == "" {
		if n := toks[k+1].Text; text.IsWord(n) && !text.IsCapitalized(n) && !determiners[n] && !pronounSpeakers[n] &&
			!prepositions[n] && n != "that" && n != "out" && n != "up" && n != "back" && !dateWords[n] &&
			(k+2 >= len(toks) || toks[k+2].Text != "that") { // ("Stumpf's repeated emphasis that …" reports)
			return true
		}
	}
	if k+2 < len(toks) && strings.HasSuffix(w, "s") && w != "says" && toks[k+1].Text == "that" && auxiliaries[lower(toks[k+2].Text)] &&
		k > 0 && !pronounSpeakers[toks[k-1].Text] {
		return true
	}
	if w == "state" && toks[k].Text == "state" && k > 0 && k+1 < len(toks) && text.IsCapitalized(toks[k-1].Text) &&
		!sentenceOpeners[toks[k-1].Text] && text.IsCapitalized(toks[k+1].Text) {
		return true
	}
	if w == "states" && toks[k].Text == "states" && k > 1 && k+1 < len(toks) && text.IsCapitalized(toks[k-1].Text) &&
		text.IsCapitalized(toks[k-2].Text) && text.IsWord(toks[k-2].Text) && !determiners[lower(toks[k-2].Text)] &&
		!sentenceOpeners[toks[k-2].Text] && text.IsCapitalized(toks[k+1].Text) {
		return true // "Rust Belt states Indiana, Michigan and Ohio": the plural noun before the states' names
	}
	if k > 0 && strings.HasSuffix(w, "s") && w != "says" && (possessiveDeterminers[lower(toks[k-1].Text)] || periodAdjective(toks, k-1)) {
		return true // "his calls to end …", "their claims", "two-year notes": a plural noun, not a verb
	}
	if w == "called" && k >= 2 && text.IsWord(toks[k-1].Text) && !text.IsCapitalized(toks[k-1].Text) {
		if a := lower(toks[k-2].Text); a == "a" || a == "an" {
			return true
		}
	}
	return false
}

// possessiveDeterminers open a noun phrase: a verb form never follows one.
var possessiveDeterminers = wordSet(`his her its their our my your`)

// periodAdjective reports whether toks[j] ends a hyphenated length of time used as an adjective
// ("two-year", "10-year", "six-month", "30-day"), written as one token or split at the hyphen.
func periodAdjective(toks []text.Token, j int) bool {
	t := lower(toks[j].Text)
	if i := strings.LastIndexByte(t, '-'); i > 0 {
		t = t[i+1:]
	} else if j < 2 || toks[j-1].Text != "-" || toks[j-1].End != toks[j].Start {
		return false
	}
	switch t {
	case "year", "month", "week", "day":
		return true
	}
	return false
}
