package dates

import (
	"strings"
)

// Tense: which way a relative date points ("on Monday" past or next), read from the cue words
// nearest the date in its sentence.

// tense reads the clause before token i: +1 when it speaks of the future ("will", "would begin to
// lapse on", "is due to", "expected to", "plans to", "next"), -1 when of the past ("said", "rose",
// "was"), 0 when it cannot tell. The cue nearest the date governs, as the verb nearest a date is
// the one it modifies: "has said that several programs would begin to lapse on Jan. 1" looks
// ahead (reported future), "will be held on Monday after talks collapsed on Friday" looks back for
// Friday. A past form right after an auxiliary ("would be published", "will be held", "is
// expected") is a participle, not a tense: the auxiliary further back decides.
func (p *parser) tense(i int) int {
	t, _ := p.clauseTense(i)
	return t
}

// clauseTense is tense, and whether the scan stopped at a verb of saying whose reported clause holds
// the date ("said the parade on Monday …"): then the verb after the date tells.
func (p *parser) clauseTense(i int) (int, bool) {
	if p.lang != nil {
		return p.langTense(i, i+1), false
	}
	if i > 0 && p.t[i-1].kind == kWord {
		switch strings.ToLower(p.text(i - 1)) {
		case "until", "till", "by":
			// "postponed until March" looks ahead whatever the verb, but not the past perfect: "By
			// September the album had sold a million", "had gone unbeaten until Sunday's defeat"
			if p.pastPerfectAround(i) {
				return -1, false
			}
			return 1, false
		case "since":
			return -1, false
		case "expiring", "maturing":
			return 1, false // "a standstill, expiring June 30, that has been in place since 1985"
		}
	}
	start := int(p.t[i].start)
	before := p.s[max(0, start-clauseReach):start]
	cut := sentenceStart(before)
	if p.inQuote(i) {
		// a quotation holds its own tense: "said on Wednesday: 'Nobody doubts it will be called on
		// 5 April'" — the verb of saying before it dates the report, not the date
		if q := strings.LastIndexAny(before, "\"“"); q >= cut {
			cut = q + 1
		}
	}
	atSentenceStart := cut > 0 || start <= clauseReach
	// A comma stops the scan unless the clause after it is coordinated and elliptical: "The flood
	// struck in January, and a second one in December" takes the tense of the clause before, but
	// "held every May since 1913, opens on May 21" and "won 48% of the vote, forcing a runoff on
	// May 28" do not.
	ws, named := lowerFields(before[cut:], atSentenceStart)
	for k := len(ws) - 1; k >= 0; k-- {
		if raw := ws[k]; (strings.HasSuffix(raw, ",") || raw == ",") && k+1 < len(ws) {
			if commaStops(trimWord(ws[k+1])) && !namesApposed(ws, named, k) {
				return 0, false
			}
			if raw == "," {
				continue
			}
		}
		w := trimWord(ws[k])
		if w == "that" && len(ws)-k-1 <= 2 {
			// "I have decided that on Election Day, I will vote": the date opens the clause "that"
			// starts, whose own verb, after the date, tells its tense.
			return 0, true
		}
		if (w == "said" || w == "says" || w == "say") && reportedBetween(ws[k+1:]) {
			// "Officials said the parade on Monday would feature …": the date is in what was said,
			// whose own verb, after the date, tells its tense; "said on Monday" dates the report.
			return 0, true
		}
		next, prev := "", ""
		if k+1 < len(ws) {
			next = trimWord(ws[k+1])
		}
		if k > 0 {
			prev = trimWord(ws[k-1])
		}
		if named[k] {
			continue
		}
		if pastPlan(wordAt(ws, k-2), prev, w) {
			return -1, false
		}
		if t := cueTense(prev, w, next); t != 0 {
			return t, false
		}
	}
	return 0, false
}

// namesApposed reports whether the comma ending word k joins two names, which goes on with the
// clause rather than ending it: a town and its state ("will begin in June in Calgary, Alberta and
// end in December"), a name and its title. A date before the comma is not a name here.
func namesApposed(ws []string, named []bool, k int) bool {
	if !named[k] || !named[k+1] {
		return false
	}
	_, dateWord := lookup(trimWord(ws[k]))
	return !dateWord
}

// clauseReach is how many bytes before a date its clause's verb is looked for: further back, a verb
// of another clause ("announced he is withdrawing the subsidy as from July 1") misleads more often
// than a far verb of the date's own helps.
const clauseReach = 120

// lowerFields splits s into lower-case words and marks those that are capitalised inside a
// sentence: a cue word there is part of a name ("the Heineken Open", "US Open champion", "Will
// Barker"), not a verb. The first word is a sentence's own when first opens one; "I'll" and its
// kind are the speaker's verbs.
func lowerFields(s string, first bool) ([]string, []bool) {
	ws := strings.Fields(s)
	named := make([]bool, len(ws))
	for k, w := range ws {
		raw := trimWord(w)
		named[k] = (k > 0 || !first) && raw != "" && raw[0] >= 'A' && raw[0] <= 'Z' &&
			!strings.HasPrefix(raw, "I'") && !strings.HasPrefix(raw, "I’")
		ws[k] = strings.ToLower(w)
	}
	return ws, named
}

// reportedBetween reports whether the words between a verb of saying and a date hold a noun phrase
// of what was said ("said the parade on"), not just the report's own time and means ("said on",
// "said late on", "said in a statement on").
func reportedBetween(ws []string) bool {
	for _, w := range ws {
		w = trimWord(w)
		if reportTime[w] {
			continue
		}
		return true
	}
	return false
}

// reportTime are the words between a verb of saying and the date of the report.
var reportTime = setOf(`on last this early late that in at the a an morning afternoon evening night
earlier later statement interview speech briefing conference news press release letter email post
tweet television radio broadcast remarks`)

// tenseAround is the tense of the clause before the expression [from, to), else of the words after
// it in its sentence ("But in May, when the agency tapped…", "on Thursday in a speech accused…").
// Verbs of saying after it are skipped: they date the report, not the event ("… on Monday, officials
// said").
func (p *parser) tenseAround(from, to int) int {
	if p.lang != nil {
		return p.langTense(from, to)
	}
	if p.resultAfter(to) {
		return -1
	}
	t, reported := p.clauseTense(from)
	if t != 0 {
		return t
	}
	if to >= len(p.t) {
		return 0
	}
	ws, named := p.wordsAfter(from, to)
	for k := range ws {
		w := trimWord(ws[k])
		if reported && (w == "would" || w == "will") {
			return 1 // "said the parade on Monday would feature …": a future seen from the report
		}
		if epistemicModals[w] {
			continue // "Monday's debate might not move mountains": a guess, not a time
		}
		if w == "and" || w == "but" || w == "while" || w == "whereas" || w == "with" || comparisonWords[w] ||
			w == "compared" && k+1 < len(ws) && (trimWord(ws[k+1]) == "with" || trimWord(ws[k+1]) == "to") {
			// a verb of the next clause, of a comparison's other period or of an absolute clause ("on
			// Friday with the final scheduled for Sunday") says nothing of this date
			break
		}
		if sayWords[w] {
			// "on Wednesday announced a plan", "on Saturday, said it would…": the report is past,
			// and what follows it is what was said
			if pastSay[w] {
				return -1
			}
			return 0
		}
		prev, next := "", ""
		if k > 0 {
			prev = trimWord(ws[k-1])
		}
		if k+1 < len(ws) {
			next = trimWord(ws[k+1])
		}
		if named[k] {
			continue
		}
		if pastPlan(wordAt(ws, k-2), prev, w) {
			return -1
		}
		if t := cueTense(prev, w, next); t != 0 {
			return t
		}
	}
	if reported {
		return -1 // "said the talks on Monday collapsed": no future after the date, so the report's past
	}
	return 0
}

// resultAfter reports whether the date ending before token to owns a result, which only a match
// already played has: a score or a word of the outcome right after its possessive ("Wednesday's
// 2-1 loss", "Saturday's win over Wales"), whatever plan the clause speaks of ("poised to
// complain about an incident during Wednesday's 2-1 loss").
func (p *parser) resultAfter(to int) bool {
	if !p.apostrophe(to) || !p.is(to+1, "s") {
		return false
	}
	k := to + 2
	if k+2 < len(p.t) && p.t[k].kind == kNum && (p.is(k+1, "-") || p.is(k+1, "–")) && p.glued(k+1) && p.glued(k+2) && p.t[k+2].kind == kNum {
		return true // a score
	}
	if p.happeningAfter(k) {
		return true
	}
	// the outcome's noun, after names only: "Saturday's Six Nations win", not "Sunday's final after"
	for ; k < len(p.t) && k < to+6 && p.near(k) && p.t[k].kind == kWord; k++ {
		if matchResults[strings.ToLower(p.text(k))] {
			return true
		}
		if !p.capitalised(k) {
			return false
		}
	}
	return false
}

// happeningAfter reports whether the noun phrase at k, after a day's possessive, names something
// that happens without a schedule — a disaster, an attack, a market's fall — through lower-case
// words and figures only ("Sunday's 9.0 magnitude earthquake", "Monday's 57 point drop"): such a
// day is past whatever the clause plans ("will be affected by Sunday's earthquake"). A name
// ("Saturday's Tsunami Aid concert") is an event of its own.
func (p *parser) happeningAfter(k int) bool {
	for end := k + 5; k < len(p.t) && k < end && p.near(k); k++ {
		switch {
		case p.t[k].kind == kNum, p.is(k, "-") || p.is(k, "."):
			continue
		case p.t[k].kind != kWord || p.capitalised(k):
			return false
		case happenings[strings.ToLower(p.text(k))]:
			return true
		}
	}
	return false
}

// happenings are what is dated by the day it struck, never scheduled ahead.
var happenings = setOf(`earthquake quake tsunami blast explosion explosions bombing bombings attack
attacks crash shooting shootings killing killings massacre disaster collapse riot riots fall drop
plunge slump free-fall selloff sell-off`)

// matchResults are the outcomes of a match that has been played.
var matchResults = setOf(`win victory defeat loss draw triumph thrashing rout upset`)

// sinceBefore reports whether "since" (or its word in the article's language) opens the
// expression at from, an article between them allowed ("desde el 1 de enero"): the date is past.
func (p *parser) sinceBefore(from int) bool {
	k := from - 1
	if k > 0 && articles[strings.ToLower(p.text(k))] {
		k--
	}
	return k >= 0 && p.t[k].kind == kWord && sinceWords[strings.ToLower(p.text(k))]
}

var sinceWords = setOf(`since desde depuis seit sinds`)

var articles = setOf(`the el la le les los las o a dem der den de het`)

// wordsAfter are the lower-case words after the expression [from, to) up to the end of its
// sentence or the opening of a quotation, without the noun the date may own ("Friday's close"),
// and which of them are capitalised (lowerFields).
func (p *parser) wordsAfter(from, to int) ([]string, []bool) {
	start := int(p.t[to-1].end)
	after := p.s[start:min(len(p.s), start+120)]
	stops := "!?\n;\"“”"
	if p.inQuote(from) {
		stops = "!?\n;" // the quote closes on its frame: "'…Monday's debate is small,' wrote Easley"
	} else if k := strings.Index(after, "''"); k >= 0 {
		after = after[:k]
	}
	if k := strings.IndexAny(after, stops); k >= 0 {
		after = after[:k] // a quotation opened after the date holds its own time
	}
	if k := strings.Index(after, ". "); k >= 0 {
		after = after[:k]
	}
	ws, named := lowerFields(after, false)
	if len(ws) > 1 && (ws[0] == "'s" || ws[0] == "’s") {
		// "Friday's close", "Monday's vote": the date's own noun, no verb
		ws, named = ws[2:], named[2:]
	}
	return ws, named
}

// comparisonWords open a comparison with another period, whose verbs are its own ("on Monday
// versus 3% earned a year before"), as "compared with" and "compared to" do.
var comparisonWords = setOf(`versus vs than`)

// sayWords report speech: after a date they date the report, not what the date belongs to.
var sayWords = setOf(`said says told tells added adds according announced noted`)

// epistemicModals after a date say how likely, not when.
var epistemicModals = setOf(`might may could would should must`)

// pastSay are the past forms among sayWords.
var pastSay = setOf(`said told added announced noted`)

// abbreviationBefore reports whether the stop at s[k] ends an initial or a title ("Michael M.
// Grynbaum", "Mr. Obama") rather than a sentence.
func abbreviationBefore(s string, k int) bool {
	j := k
	for j > 0 && (s[j-1] >= 'A' && s[j-1] <= 'Z' || s[j-1] >= 'a' && s[j-1] <= 'z') {
		j--
	}
	w := s[j:k]
	if j > 0 && s[j-1] != ' ' && s[j-1] != '(' {
		return false
	}
	return len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' || titleAbbreviations[w]
}

var titleAbbreviations = setOf(`Mr Mrs Ms Dr St Gen Sen Rep Gov Lt Col Jr Sr Prof No Inc Corp Co Ltd Sgt Capt Rev`)

// sentenceStart is the offset in s after its last sentence end: a stop, "!" or "?" followed by a
// space and a capital (so "the E.U. by the end" and "p.m. on" run on), a line break or ";".
func sentenceStart(s string) int {
	for k := len(s) - 1; k >= 0; k-- {
		switch s[k] {
		case '\n', ';':
			return k + 1
		case '.', '!', '?':
			if s[k] == '.' && abbreviationBefore(s, k) {
				continue
			}
			j := k + 1
			for j < len(s) && (s[j] == ' ' || s[j] == '"' || s[j] == '\'') {
				j++
			}
			if j == len(s) || j < len(s) && (s[j] >= 'A' && s[j] <= 'Z' || s[j] >= 0x80) {
				return k + 1
			}
		}
	}
	return 0
}

func trimWord(w string) string { return strings.Trim(w, `"'“”‘(),:`) }

// wordAt is the trimmed word k of ws, or "" outside it.
func wordAt(ws []string, k int) string {
	if k < 0 || k >= len(ws) {
		return ""
	}
	return trimWord(ws[k])
}

// pastPlan reports whether w is a plan in the past perfect ("had been due to expire Friday",
// "had been scheduled for Monday", "had expected sales to fall in November"): a plan made before a
// past event, whose date is past too, or an outcome foreseen before it was known.
func pastPlan(prev2, prev, w string) bool {
	if prev == "had" && outcomeExpectations[w] {
		// "had expected sales to fall in November": an outcome now known, so past; not "had planned
		// to open on 20 March", a plan that may have been put back and still lie ahead
		return true
	}
	return prev2 == "had" && prev == "been" && (w == "due" || futureWords[w] || futureBeforeTo[w])
}

// cueTense is the tense word w says, read with its neighbours: +1, -1 or 0 (no cue).
func cueTense(prev, w, next string) int {
	switch {
	case w == "due":
		// "is due to open", "due in March"; not "cancelled due to rain" (because of)
		if next != "to" || auxiliaries[prev] || prev == "was" || prev == "were" {
			return 1
		}
		return 0
	case expectationWords[w] && (prev == "than" || prev == "as"):
		return 0 // "stronger than expected sales in February": a comparison, no plan ahead
	case futureWords[w]:
		if (w == "would" || w == "might" || w == "could") && next == "have" {
			return -1 // "would have begun": a past seen from the past
		}
		return 1
	case (w == "has" || w == "have") && next == "to":
		return 1 // an obligation ahead: "has to appear in court on Monday"
	case (w == "having" || w == "have" && !futureWords[prev]) && participle(next):
		return -1 // the perfect: "having fallen 10% on Monday", "reported to have blown up … on Tuesday"
	case (w == "were" || w == "was") && next == "to":
		return 1 // "if his candidate were to win in November", "was to be held in March"
	case strings.HasSuffix(w, "'ll") || strings.HasSuffix(w, "’ll") || w == "won't" || w == "won’t":
		return 1
	case futureBeforeTo[w] && next == "to" || forecastFor[w] && next == "for":
		return 1 // "plans to", "set for", "is to", "going to"
	case scheduleWords[w] && verbAfterNoun(next):
		return 0 // a plural noun before its verb: "housing starts were unchanged in August"
	case scheduleWords[w] || (w == "takes" || w == "take") && next == "effect" || (w == "comes" || w == "come") && next == "into":
		return 1 // the present of a timetable: "the World Cup begins in June", "takes effect in June"
	case w == "close" && next == "to":
		return 0 // "stood close to a record low": near, not a closing
	case progressiveBe[prev] && arrangedVerbs[w]:
		return 1 // the present progressive of an arrangement: "is meeting him on Thursday"
	case (w == "taking" || w == "take" || w == "takes") && next == "place":
		return 1 // "the summit taking place on Friday", "takes place in May"
	case meetingVerbs[w] && !nounBefore[prev]:
		// "Trump and Clinton meet Monday", "voters go to the polls on Sunday": the present of an
		// appointment; not an infinitive ("failed to vote on Monday") or a noun ("the vote on Monday").
		return 1
	}
	past := pastWords[w] || len(w) >= 5 && strings.HasSuffix(w, "ed") && !notPast[w]
	if past && baseBefore[prev] {
		return 0 // the base form of a verb whose past looks the same: "if we can beat them", "to hit"
	}
	if past && auxiliaries[prev] {
		return 0 // a participle: "would be published", "will be held", "has been delayed"
	}
	if past && determiners[prev] && w != "was" && w != "were" && w != "had" {
		return 0 // an adjective: "the reduced dividend is payable", "a planned merger"
	}
	if past {
		return -1
	}
	return 0
}

// futureWords look ahead wherever they stand; futureBeforeTo only before "to" ("set" also before
// "for").
var futureWords = setOf(`will shall would might could upcoming next scheduled expected planned
forthcoming`)

var futureBeforeTo = setOf(`plans plan planning intends intend aims aim set is are going hopes expects expect expecting
hope seeks seek prepares prepare poised forecast forecasts projected predicted slated likely tipped
pencilled penciled earmarked`)

// forecastFor put what follows "for" ahead: "set for Monday", "widely predicted for May", "tipped
// for a June release", "hoped for wide-ranging talks at the weekend".
var forecastFor = setOf(`set predicted forecast slated tipped pencilled penciled earmarked hope hopes hoped
hoping`)

// outcomeExpectations foresee an outcome rather than plan an act.
var outcomeExpectations = setOf(`expected forecast predicted projected anticipated feared estimated`)

// expectationWords measure an outcome against what was foreseen after "than" or "as" ("better
// than expected", "as planned"): a comparison whose clause has its own tense.
var expectationWords = setOf(`expected planned scheduled forecast predicted projected anticipated
hoped feared estimated`)

// verbAfterNoun reports whether next is a finite verb, which makes the schedule word before it a
// noun ("starts were", "opens rose") rather than the present of a timetable.
func verbAfterNoun(next string) bool {
	return next == "is" || next == "are" || next == "was" || next == "were" || pastWords[next] ||
		len(next) >= 5 && strings.HasSuffix(next, "ed") && !notPast[next]
}

// scheduleWords are present-tense verbs of a timetable, which news uses for what is still to come.
var scheduleWords = setOf(`begins starts opens resumes expires kicks launches reopens`)

// meetingVerbs in the present tense put a dated appointment ahead; they are nouns or infinitives
// after nounBefore's words.
var meetingVerbs = setOf(`meet meets gather gathers convene convenes reconvene reconvenes vote votes go goes
play plays face faces host hosts visit visits arrive arrives resume closes ends open begin start
close expire launch reopen return returns`)

// nounBefore make the next word a noun or an infinitive, not a verb in the present tense; the
// adjectives among them are those news puts before "start", "close" or "return" as nouns ("an
// early start", "a strong close").
var nounBefore = setOf(`to the a an his her its their our your my this that these those did does do
not don't doesn't didn't no each every first last next early late fresh flying good bad strong weak
poor false slow quick bright great perfect dream winning losing firm firmer higher lower steady`)

// progressiveBe before a verb's -ing form make the present progressive, which news uses for what is
// arranged ahead ("is meeting", "are planning").
var progressiveBe = setOf(`is are am`)

// arrangedVerbs are the -ing forms whose present progressive news uses for a dated arrangement
// ahead ("is meeting him on Thursday", "are holding a rally on Sunday"); others, such as "are
// debating", say what goes on now.
var arrangedVerbs = setOf(`meeting holding hosting staging playing visiting travelling traveling flying
leaving launching opening unveiling releasing publishing planning preparing organising organizing
attending marching heading returning announcing presenting hearing sitting convening gathering`)

// determiners make a following past form an adjective of their noun.
var determiners = setOf(`the a an its their his her our your my this these those no any each every some
another`)

// baseBefore make the next verb a base form: modals, "to" and "do".
var baseBefore = setOf(`can cannot can't could will would may might must should shall to do does did
didn't doesn't don't won't`)

// auxiliaries make a following past form a participle whose tense lies further back.
var auxiliaries = setOf(`be been being is are am get gets`)

var pastWords = setOf(`was were had has did said told met held took made won lost came went saw left
broke ran sold bought paid led gave found spent brought kept became began rose fell grew hit struck
sank slid fought caught taught wrote spoke stood sent built felt knew thought got drew drove flew
chose beat froze stole shot wore tore threw blew fled quit ago earlier`)

var notPast = setOf(`united limited indeed speed proceed exceed succeed embed hundred breed based
related detailed advanced scheduled expected planned`)

// participle reports whether w is a past participle as the perfect uses it: a regular one, a
// simple past that doubles as one ("said", "held"), or an irregular one ("fallen", "blown",
// "gone"). "been" is left out: "have been delayed until Friday" looks ahead.
func participle(w string) bool {
	if w == "been" || len(w) < 3 {
		return false
	}
	return pastWords[w] || irregularParticiples[w] || len(w) >= 5 && strings.HasSuffix(w, "ed") && !notPast[w]
}

var irregularParticiples = setOf(`fallen taken given broken spoken chosen driven eaten written risen
forgotten beaten stolen frozen hidden shaken proven blown shown grown known drawn flown thrown gone
done begun run sung won come become put cut let seen sold bought`)

// pastPerfectAround reports whether the sentence of token i has a verb in the past perfect ("had
// sold", "had gone") within a few words either side of it.
func (p *parser) pastPerfectAround(i int) bool {
	start := int(p.t[i].start)
	before := p.s[max(0, start-80):start]
	before = before[sentenceStart(before):]
	ws := strings.Fields(strings.ToLower(before))
	ws = ws[max(0, len(ws)-8):]
	after, _ := p.wordsAfter(i, i+1)
	ws = append(ws, after...)
	for k := 0; k+1 < len(ws) && k < 14; k++ {
		if next := trimWord(ws[k+1]); trimWord(ws[k]) == "had" && (participle(next) || outcomeExpectations[next]) {
			return true
		}
	}
	return false
}

// commaStops reports whether a comma before next ends the clause whose tense a date takes: not
// before a coordinated clause, a comparison that leaves out its verb ("volume was 2 billion, up
// from 1.2 billion Thursday") or the next date of a list ("ran a deficit on Thursday, Friday and
// Monday").
func commaStops(next string) bool {
	switch next {
	case "and", "but", "or", "then", "yet", "up", "down", "compared", "after", "following", "against":
		// "rose 0.7 pct in January/March, after a 0.5 pct October/December rise": the period a
		// comparison or a sequence adds to the clause shares its verb
		return false
	}
	wi, ok := lookup(next)
	return !ok || wi.class != cWeekday && wi.class != cMonth
}
