package quote

import (
	"strings"

	"github.com/newsmon/newsmon/pkg/extract/wordclass"
	"github.com/newsmon/newsmon/pkg/text"
)

// Noun phrases next to a cue: the subject before it (npBefore), the speaker after an inverted cue
// (npAfter), and the appositives that state a role.

// np is a noun phrase next to a cue: clause tokens a..b inclusive, and the appositive stated
// between commas ("Cui Rongguo, Party secretary of Xinwu district, said"), if any.
type np struct {
	a, b             int
	roleStart, roleE int  // byte span of the appositive; equal when none
	after            bool // the phrase follows an inverted cue ("said Cui")
	none             bool // the phrase before the cue is no subject ("to unlock money promised")
	throughPlace     bool // read back through a "City, State" after a preposition (see locativeComma)
}

func lower(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 'A' && c <= 'Z' {
			return strings.ToLower(w)
		}
	}
	return w
}

// npBefore finds the subject of the speech verb at toks[k]: the noun phrase that ends right
// before it, past auxiliaries and adverbs ("has also said") and an appositive between commas.
func npBefore(toks []text.Token, k int) (np, bool) {
	j := k - 1
	for j >= 0 && (skipBeforeCue[toks[j].Text] || adverb(toks[j].Text) || negated(toks[j].Text)) {
		j--
	}
	// "continued to complain", "declined to say": the subject is before the first verb.
	for j > 1 && toks[j].Text == "to" && !text.IsCapitalized(toks[j-1].Text) && text.IsWord(toks[j-1].Text) &&
		!npStops[lower(toks[j-1].Text)] && (strings.HasSuffix(toks[j-1].Text, "ed") || strings.HasSuffix(toks[j-1].Text, "s")) {
		j -= 2
		for j >= 0 && (skipBeforeCue[toks[j].Text] || adverb(toks[j].Text)) {
			j--
		}
		if j < 0 {
			return np{}, false
		}
	}
	// "Sen. Marco Rubio (R-Fla.) said", "Sen. Jack Reed (D-R.I.), said": a bracketed aside.
	if j > 1 && toks[j].Text == "," && toks[j-1].Text == ")" {
		j--
	}
	if j > 0 && toks[j].Text == ")" {
		i := j - 1
		for i > 0 && j-i < 8 && toks[i].Text != "(" {
			i--
		}
		if toks[i].Text == "(" && i > 0 {
			j = i - 1
		}
	}
	j = beforeDashAside(toks, j)
	if j > 2 && dateWords[lower(toks[j].Text)] && (toks[j-1].Text == "past" || toks[j-1].Text == "coming") && timeOpeners[lower(toks[j-2].Text)] {
		j -= 3 // "Reince Priebus, the GOP chairman, this past week announced"
		for j >= 0 && (skipBeforeCue[toks[j].Text] || adverb(toks[j].Text)) {
			j--
		}
	} else if j > 1 && dateWords[lower(toks[j].Text)] && timeOpeners[lower(toks[j-1].Text)] {
		j -= 2 // "voters in a poll last year said", "Beck, who …, last week said"
		for j >= 0 && (skipBeforeCue[toks[j].Text] || adverb(toks[j].Text)) {
			j-- // "Wells Fargo just this month announced"
		}
	}
	if j > 2 && dateWords[lower(toks[j].Text)] && dateWords[lower(toks[j-1].Text)] && toks[j-2].Text == "on" {
		j -= 3 // "Sean Spicer on Thursday evening said"
	}
	if j < 0 || toks[j].Text == "and" || toks[j].Text == "but" {
		return np{}, false // "…, and warned": the subject is the clause's, see clauseSubject
	}
	if j >= 2 && relativePronoun(toks[j].Text) && (toks[j-1].Text == "," || isDash(toks[j-1].Text)) {
		return antecedent(toks, j)
	}
	var p np
	if toks[j].Text == "," {
		var final, ok bool
		if p, j, final, ok = commaSubject(toks, j); !ok || final {
			return p, ok
		}
	}
	return phraseStart(toks, p, j)
}

// modifierPair reports whether "a and b" joins two modifiers of one head inside a noun phrase ("the
// industrial and consumer products firm", "state and local officials"): a is a word WordNet has
// more as an adjective than as a noun, b a lower-case word that opens no new phrase.
func modifierPair(a, b string) bool {
	la, lb := lower(a), lower(b)
	return !text.IsCapitalized(a) && !text.IsCapitalized(b) && text.IsWord(b) && wordclass.Speaker(la) == 'a' &&
		!determiners[lb] && !npStops[lb] && !pronounSpeakers[b]
}

// beforeDashAside skips an aside between dashes ending at toks[j] ("Kall -- co-editor of a book on
// debates -- said"), which describes the subject before it: it returns the index of the subject's
// last word, or j when toks[j] closes no aside.
func beforeDashAside(toks []text.Token, j int) int {
	if j < 2 || !isDash(toks[j].Text) {
		return j
	}
	i := j - 1
	for i > 0 && j-i < 30 && !isDash(toks[i].Text) && toks[i].Text != "." {
		i--
	}
	if i > 0 && i < j-1 && isDash(toks[i].Text) && text.IsWord(toks[i-1].Text) {
		return i - 1
	}
	return j
}

// commaSubject reads the subject of a cue that follows a comma (toks[j]): "NAME, ROLE, said", a
// name between two commas ("Its chief executive, Marie Lefèvre, said"), an appositive chain. It
// returns the phrase when the commas settle it (final); else the role read so far and the index of
// the subject's last word before the appositive, for phraseStart. ok false: no subject.
func commaSubject(toks []text.Token, j int) (p np, end int, final, ok bool) {
	if chain, ok := appositiveChain(toks, j); ok {
		return chain, j, true, true
	}
	// "NAME, ROLE, said": the appositive runs back to the previous comma.
	i := j - 1
	for i >= 0 && j-i <= 25 && toks[i].Text != "," && toks[i].Text != "”" && toks[i].Text != "\"" {
		i--
	}
	if i < 1 || toks[i].Text != "," || i+1 >= j {
		return np{}, j, false, false
	}
	aside := false // a relative clause or a participle phrase: no role, and the subject is before it
	if w := lower(toks[i+1].Text); w == "who" || w == "which" || w == "whose" || !text.IsCapitalized(toks[i+1].Text) && participle(w) {
		aside = true
	} else if !text.IsNumber(toks[i+1].Text) || j-i > 2 {
		p.roleStart, p.roleE = toks[i+1].Start, toks[j-1].End
	}
	comma := j
	j = i - 1
	if (!text.IsCapitalized(toks[j].Text) || titleNouns[lower(toks[j].Text)] && describedBefore(toks, j)) && !text.IsNumber(toks[j].Text) && !aside {
		// "Its chief executive, Marie Lefèvre, said", "The Higher Education Minister, Kim Howells,
		// said", "The chairman of the committee, Senator Ibrahim Musa of Kano State, said": the
		// name is between the commas.
		if !nameBetweenCommas(toks[i+1 : comma]) {
			return np{}, j, false, false
		}
		a := j
		for a > 0 && text.IsWord(toks[a-1].Text) && (!npStops[lower(toks[a-1].Text)] || a-1 > 0 && (toks[a-1].Text == "of" || toks[a-1].Text == "for")) && j-a < 8 {
			a-- // "the French minister for ecological transition, Élodie Marchand,"
		}
		return np{a: i + 1, b: comma - 1, roleStart: toks[a].Start, roleE: toks[j].End}, j, true, true
	}
	if !aside && comma-i-1 <= 5 && allCapitalized(toks[i+1:comma]) && !pronounSpeakers[toks[i+1].Text] {
		// "the governor of the Bank of Italy, Fabio Rinaldi, said": a description ending in a name,
		// then the holder's name between the commas.
		if d, ok := npBefore(toks[:j+2], j+1); ok && d.b == j && (determiners[lower(toks[d.a].Text)] || possessive(toks[d.a].Text)) &&
			headOf(toks, d.a, d.b) < d.b && (!text.IsCapitalized(toks[headOf(toks, d.a, d.b)].Text) || titleNouns[lower(toks[headOf(toks, d.a, d.b)].Text)]) {
			return np{a: i + 1, b: comma - 1, roleStart: toks[d.a].Start, roleE: toks[d.b].End}, j, true, true
		}
	}
	if !aside && comma-i-1 <= 4 && allCapitalized(toks[i+1:comma]) && !pronounSpeakers[toks[i+1].Text] {
		// "The Ecuadorean minister at the Presidency, Patricio Quevedo, told": a title with the
		// body it serves, then the holder's name between the commas.
		if a, ok := titleBeforeBody(toks, j); ok {
			return np{a: i + 1, b: comma - 1, roleStart: toks[a].Start, roleE: toks[j].End}, j, true, true
		}
	}
	if j > 1 && dateWords[lower(toks[j].Text)] && timeOpeners[lower(toks[j-1].Text)] {
		j -= 2 // "veterans interviewed at rallies this week, including Mr. Jebens, said"
	}
	if text.IsNumber(toks[j].Text) { // "Li Na, 34, a shop owner, said"
		if j < 2 || toks[j-1].Text != "," {
			return np{}, j, false, false
		}
		j -= 2
	}
	return p, j, false, true
}

// phraseStart walks back from toks[j], the last word of a subject, to the phrase's first word,
// past prepositional complements ("the director of the FBI", "Police in Montevideo").
func phraseStart(toks []text.Token, p np, j int) (np, bool) {
	if pronounSpeakers[toks[j].Text] {
		p.a, p.b = j, j
		return p, true
	}
	p.b = j
	lowers, sawAnd, andAt := 0, false, -1
	for ; j >= 0; j-- {
		t := toks[j].Text
		lt := lower(t)
		if determiners[lt] {
			if j == p.b {
				return np{}, false
			}
			if j >= 2 && (toks[j-1].Text == "of" || toks[j-1].Text == "for" && speakerNoun(toks[j-2].Text) || placePreps[toks[j-1].Text] || (toks[j-1].Text == "with" || toks[j-1].Text == "to") && closeTo[toks[j-2].Text]) &&
				text.IsWord(toks[j-2].Text) && !npStops[lower(toks[j-2].Text)] {
				j--
				lowers = 0 // the words after the preposition were its object's
				continue   // "the director of the FBI", "cantons in the Alps"
			}
			if j >= 3 && timePreps[toks[j-1].Text] && strings.HasSuffix(toks[j-2].Text, "ed") && !text.IsCapitalized(toks[j-2].Text) &&
				text.IsWord(toks[j-3].Text) && !npStops[lower(toks[j-3].Text)] && !pronounSpeakers[toks[j-3].Text] {
				// "A statement issued after a cabinet meeting said": the statement, not "a cabinet";
				// the participle's phrase only dates it
				return phraseStart(toks, np{roleStart: p.roleStart, roleE: p.roleE}, j-3)
			}
			if j >= 2 && reducedParticiple(toks[j-1].Text) && speakerNoun(toks[j-2].Text) {
				j--
				lowers = 0 // "A Korean appliance maker building a $600 million plant": trimReduced cuts it off
				continue
			}
			if j >= 2 && placePreps[toks[j-1].Text] && determiners[lower(toks[j-2].Text)] && !demonstratives[lower(toks[j-2].Text)] || j >= 2 && placePreps[toks[j-1].Text] && lower(toks[j-2].Text) == "those" {
				p.a = j - 2 // "those from the Sahel"
				return p, true
			}
			p.a = j
			if lt == "that" && strings.HasSuffix(toks[p.b].Text, "s") {
				p.a++ // "so many that local officials call it": a conjunction, not a determiner
			}
			return p, true
		}
		if (lt == "of" || lt == "for" || lt == "at" || lt == "with" && j > 0 && peopleWith(toks[j-1].Text) || placePreps[lt] && (text.IsCapitalized(toks[j+1].Text) || toks[j+1].Text == "nearby") || yearPhrase(toks, j)) && j > 0 && j < p.b && text.IsWord(toks[j-1].Text) && !npStops[lower(toks[j-1].Text)] {
			if andAt > 0 && !speakerNoun(toks[j-1].Text) {
				// "the job at Oldham and Keegan has stated": the first conjunct is the object of a
				// thing's preposition, and "and" joins clauses; the subject is what follows it.
				p.a = andAt + 1
				return p, true
			}
			andAt = -1 // an "and" inside the preposition's object ("Institute for Science and …")
			lowers = 0 // the words after the preposition were its object's, not the head's
			continue   // "a spokesman for committee Democrats", "an analyst at Compass Point", "Police in Montevideo"
		}
		if lt == "in" && j > 0 && j < p.b && numeral(toks[j+1].Text) && (numeral(toks[j-1].Text) || cardinals[lower(toks[j-1].Text)]) {
			continue // "Six in 10 Virginia voters said": a ratio, whole, not "10 Virginia voters"
		}
		if lt == "nearby" && j > 0 && placePreps[toks[j-1].Text] {
			continue // "Farmers in nearby Yangzhou"
		}
		if lt == "and" && j > 0 && j < p.b && text.IsCapitalized(toks[j-1].Text) && text.IsCapitalized(toks[j+1].Text) && !sentenceOpeners[toks[j-1].Text] {
			sawAnd, andAt = true, j
			continue // "delegates from Africa and Latin America"
		}
		if (lt == "and" || lt == "or") && j > 0 && j < p.b && modifierPair(toks[j-1].Text, toks[j+1].Text) {
			lowers -= 2 // "the industrial and consumer products firm": two modifiers of one head count as one
			continue
		}
		if t == "," && sawAnd && j > 0 && text.IsCapitalized(toks[j-1].Text) && text.IsCapitalized(toks[j+1].Text) {
			continue // "voters in Alabama, Georgia and Virginia"
		}
		if currencySigns[t] && j < p.b && text.IsNumber(toks[j+1].Text) {
			continue // "a $600 million plant"
		}
		if t == "," && j < p.b && p.throughPlace {
			if m := locativeComma(toks, j); m >= 0 {
				j = m // "a trader in Sioux City, Iowa said": the state locates the city, read on before it
				lowers = 0
				continue
			}
		}
		if !text.IsWord(t) {
			break
		}
		if text.IsNumber(t) && j < p.b && j > 1 && dateWords[lower(toks[j-1].Text)] && prepositions[lower(toks[j-2].Text)] {
			break // "on May 13 Keating said": the day is the date's, not the subject's
		}
		if text.IsCapitalized(t) {
			if sentenceOpeners[t] || npStops[lt] && !nameModal(toks, j) {
				break
			}
			continue
		}
		if text.IsNumber(t) {
			continue
		}
		if lt == "to" && j > 1 && j < p.b && !text.IsCapitalized(toks[j-1].Text) && text.IsWord(toks[j-1].Text) &&
			(participle(toks[j-1].Text) || determiners[lower(toks[j-2].Text)] || closeTo[toks[j-1].Text]) && !npStops[lower(toks[j-2].Text)] {
			lowers = 0
			continue // "Democrats trying to regain control …", "Organizers of the push to boycott …"
		}
		if npStops[lt] {
			break
		}
		if lowers++; lowers > 3 {
			break
		}
	}
	p.a = j + 1
	if p.a > p.b {
		return np{}, false
	}

	for p.a < p.b && (toks[p.a].Text == "and" || toks[p.a].Text == "nearby" || prepositions[toks[p.a].Text] ||
		p.a > 0 && dateWords[lower(toks[p.a].Text)] && timeOpeners[lower(toks[p.a-1].Text)]) {
		p.a++ // "Last week Grammy producers announced": the time before the subject is no part of it
	}
	if j >= 0 && toks[j].Text == "to" && !text.IsCapitalized(toks[p.a].Text) {
		p.none = true // "to unlock money promised at …": a verb's object, not a subject
	}
	return p, true
}

// antecedent is the phrase a relative pronoun at toks[j] stands for: the one right before its comma
// or dash ("the Chicago Police Department, which reported", "with Hillary Clinton — who’s called
// for …"), not a subject further back ("Ted Cruz endorses Trump, who says …" is Trump).
func antecedent(toks []text.Token, j int) (np, bool) {
	return phraseStart(toks, np{}, j-2)
}

// relativePronoun reports whether t opens a relative clause about a speaker: who, which, who's.
func relativePronoun(t string) bool {
	return t == "who" || t == "which" || t == "who's" || t == "who’s"
}

// nameModal reports whether toks[j], a capitalised modal ("May", "Will", "Can"), is a name's last
// word: after a capitalised word inside the sentence ("Theresa May said", "Mrs May said"), where
// no modal stands before a speech verb.
func nameModal(toks []text.Token, j int) bool {
	switch toks[j].Text {
	case "May", "Will", "Can":
		return j > 0 && text.IsCapitalized(toks[j-1].Text) && !sentenceOpeners[toks[j-1].Text] && !determiners[lower(toks[j-1].Text)]
	}
	return false
}

// affiliations link a person's name to the body they belong to: "Stephen Vladeck of the
// University of Texas", "Jane Doe at Compass Point".
var affiliations = wordSet(`of at from with`)

// closeTo are adjectives that take "to" inside a noun phrase: "sources close to the talks".
var closeTo = wordSet(`close privy loyal opposed linked connected allied sympathetic friendly hostile
familiar`)

// placePreps link a group to the place it is in: "Police in Montevideo", "a supervisor from Henan".
var placePreps = wordSet(`in from`)

// npAfter finds the speaker right after a cue ending before toks[k] ("said Zhang Wei, an economist").
func npAfter(toks []text.Token, k int) (np, bool) {
	if k >= len(toks) {
		return np{}, false
	}
	if pronounSpeakers[toks[k].Text] {
		return np{a: k, b: k, after: true}, true
	}
	j, lowers, capitals := k, 0, 0
	det := determiners[lower(toks[k].Text)] && !demonstratives[lower(toks[k].Text)]
	if determiners[lower(toks[k].Text)] && !det {
		return np{}, false
	}
	for ; j < len(toks); j++ {
		t := toks[j].Text
		lt := lower(t)
		switch {
		case j == k && det:
		case text.IsCapitalized(t) && !npStops[lt] && !(j == k && sentenceOpeners[t]):
			capitals++
		case lt == "of" && j+1 < len(toks) && text.IsWord(toks[j+1].Text) && !npStops[lower(toks[j+1].Text)] && !determiners[lower(toks[j+1].Text)] && j > k:
		case lt == "of" && j+2 < len(toks) && lower(toks[j+1].Text) == "the" && text.IsCapitalized(toks[j+2].Text) && text.IsCapitalized(toks[j-1].Text) && j > k:
			j++ // "the Budget Office of the Federation"
		case j-k < 4 && (text.IsNumber(t) || t == "/") && j+1 < len(toks) && text.IsWord(toks[j+1].Text):
			// "said 9/11 widow Terry Strada": a date in the descriptor before the name
		case text.IsWord(t) && !text.IsCapitalized(t) && !npStops[lt] && !determiners[lt] && lowers < 3:
			lowers++
		default:
			goto done
		}
	}
done:
	if det && lowers == 3 {
		// "said a former U.S. law enforcement official who …": a description of a person may hold
		// more modifiers when it then ends at a clause boundary.
		e := j
		for e < len(toks) && e-j < 2 && text.IsWord(toks[e].Text) && !text.IsCapitalized(toks[e].Text) && !npStops[lower(toks[e].Text)] && !determiners[lower(toks[e].Text)] {
			e++
		}
		if e > j && (e == len(toks) || toks[e].Text == "," || toks[e].Text == "." || relativePronoun(lower(toks[e].Text))) && personNoun(lower(toks[e-1].Text)) {
			j = e
		}
	}
	if j < len(toks) && j > k && closeTo[lower(toks[j-1].Text)] && (toks[j].Text == "with" || toks[j].Text == "to") {
		// "according to a person familiar with the negotiations": the phrase keeps its complement.
		e := j + 1
		for e < len(toks) && e-j <= 5 && text.IsWord(toks[e].Text) && (e == j+1 || !npStops[lower(toks[e].Text)]) {
			e++
		}
		if e > j+1 {
			return np{a: k, b: e - 1, after: true}, true
		}
	}
	b := j - 1
	for b >= k && !text.IsCapitalized(toks[b].Text) && !det {
		b-- // "said Trump on" keeps the name, drops trailing lower-case words
	}
	if b < k || capitals == 0 && !det || det && b == k {
		return np{}, false
	}
	p := np{a: k, b: b, after: true}
	if det && !text.IsCapitalized(toks[b].Text) && b+1 < len(toks) && (toks[b+1].Text == "for" || toks[b+1].Text == "of") {
		// "said the French minister for ecological transition, Élodie Marchand,": the description's
		// complement runs to the comma before the name.
		c := b + 2
		for c < len(toks) && c-b < 8 && text.IsWord(toks[c].Text) && !npStops[lower(toks[c].Text)] {
			c++
		}
		if c < len(toks) && toks[c].Text == "," && c > b+2 {
			b = c - 1
		}
	}
	if det && !text.IsCapitalized(toks[b].Text) && b+2 < len(toks) && toks[b+1].Text == "," {
		// "said the envoy, Thomas Greer, in a speech": the name after the description speaks.
		c := b + 2
		for c < len(toks) && c-b < 8 && text.IsCapitalized(toks[c].Text) && !sentenceOpeners[toks[c].Text] {
			c++
		}
		if c > b+2 && (c == len(toks) || toks[c].Text == "," || toks[c].Text == ".") && !pronounSpeakers[toks[b+2].Text] {
			return np{a: b + 2, b: c - 1, roleStart: toks[k+1].Start, roleE: toks[b].End, after: true}, true
		}
	}
	// "said Zhang Wei, an economist at Bank of China": the appositive is the role.
	if b+2 < len(toks) && toks[b+1].Text == "," {
		if w := lower(toks[b+2].Text); determiners[w] || !text.IsCapitalized(toks[b+2].Text) && w != "who" && w != "which" && !text.IsNumber(w) {
			e := b + 2
			for e+1 < len(toks) && e-b < 16 && toks[e+1].Text != "," && toks[e+1].Text != "." {
				e++
			}
			p.roleStart, p.roleE = toks[b+2].Start, toks[e].End
		}
	}
	return p, true
}

// negated reports a contracted negative auxiliary ("haven't", "didn’t") between a subject and its verb.
func negated(t string) bool {
	return len(t) > 3 && (strings.HasSuffix(t, "n't") || strings.HasSuffix(t, "n’t"))
}

// trimReduced cuts a reduced relative clause off a noun phrase: "a study published" → "a study",
// "one banker working" → "one banker".
func trimReduced(toks []text.Token, p np) np {
	for i := p.a + 1; i <= p.b; i++ {
		w := toks[i].Text
		if !text.IsCapitalized(w) && (reducedRelatives[w] || strings.HasSuffix(w, "ing") && len(w) > 5) && (i == p.b || prepositions[lower(toks[i+1].Text)] || dateWords[lower(toks[i+1].Text)] ||
			reducedParticiple(w) && determiners[lower(toks[i+1].Text)]) {
			if i-1 >= p.a && !determiners[lower(toks[i-1].Text)] {
				p.b = i - 1
			}
			break
		}
	}
	return p
}

// nameBetweenCommas reports whether an appositive is a name, with at most a title before it and a
// place or body after it: "Marie Lefèvre", "Senator Ibrahim Musa of Kano State".
func nameBetweenCommas(toks []text.Token) bool {
	if len(toks) > 8 {
		return false
	}
	for i, t := range toks {
		if affiliations[t.Text] && i >= 2 && i+1 < len(toks) && allCapitalized(toks[:i]) ||
			t.Text == "the" && i >= 3 && affiliations[toks[i-1].Text] {
			continue // "… of Kano State", "… of the Senate": the name ends before the preposition
		}
		if !text.IsCapitalized(t.Text) || i >= 5 && allCapitalized(toks[:i+1]) {
			return false
		}
	}
	return len(toks) > 0
}

// describedBefore reports whether the capitalised title toks[j] ends a description opened by a
// determiner or a possessive ("The Higher Education Minister", "Kenya's Finance Minister"), not a
// name that holds the title word ("Prime Minister Theresa May" ends in the name).
func describedBefore(toks []text.Token, j int) bool {
	for i := j - 1; i >= 0 && j-i <= 5; i-- {
		w := toks[i].Text
		if determiners[lower(w)] || possessive(w) {
			return true
		}
		if !text.IsCapitalized(w) || sentenceOpeners[w] {
			return false
		}
	}
	return false
}

func allCapitalized(toks []text.Token) bool {
	for _, t := range toks {
		if !text.IsCapitalized(t.Text) {
			return false
		}
	}
	return len(toks) > 0
}

// adverb reports whether a lower-case word is an -ly adverb ("famously", "angrily").
func adverb(w string) bool {
	return len(w) > 4 && strings.HasSuffix(w, "ly") && !text.IsCapitalized(w) && w != "only" && w != "family"
}

// appositiveChain reads a name at the start of the clause followed by two or more comma-separated
// appositives before the cue ("Denise Walker, 45, a nurse from Charlotte, N.C., said", "Mr.
// Daniloff, now 81 and retired in Cambridge, Mass., said"): toks[j] is the comma before the cue.
// The nearest comma alone would take the place ("Charlotte") for the speaker.
func appositiveChain(toks []text.Token, j int) (np, bool) {
	commas, i := 1, j-1
	firstComma := j
	for ; i >= 0 && j-i <= 32; i-- {
		t := toks[i].Text
		if t == "," {
			commas++
			firstComma = i
			continue
		}
		if !text.IsWord(t) && t != "." && t != "(" && t != ")" && t != "&" {
			break
		}
	}
	if commas < 3 || i >= 0 && !isCloseMark(toks[i].Text) && !isDash(toks[i].Text) && toks[i].Text != "''" {
		return np{}, false // one or two commas are read below; a name not at the clause start is no subject
	}
	a, b := i+1, firstComma-1
	if b < a || b-a > 5 || sentenceOpeners[toks[a].Text] || pronounSpeakers[toks[a].Text] || determiners[lower(toks[a].Text)] {
		return np{}, false
	}
	for _, t := range toks[a : b+1] {
		if !text.IsCapitalized(t.Text) && t.Text != "." || npStops[lower(t.Text)] {
			return np{}, false // "Of Carson, Levine, who …, said"
		}
	}
	second := firstComma + 1
	for second < j && toks[second].Text != "," {
		second++
	}
	party := partyTag(toks[firstComma+1 : second])
	if a == b && strings.HasSuffix(toks[a].Text, "ly") || allCapitalized(toks[firstComma+1:second]) && !party {
		return np{}, false // "Moreover, William J. Bennett, a Reagan education secretary, said"
	}
	if !text.IsCapitalized(toks[b].Text) {
		b-- // "Mr. Daniloff." never ends in the full stop of an abbreviation here
	}
	roleA := firstComma + 1
	if text.IsNumber(toks[roleA].Text) && roleA+2 < j && toks[roleA+1].Text == "," {
		roleA += 2 // "Li Na, 34, a shop owner, said": the age is no role
	} else if party && second+1 < j {
		roleA = second + 1 // "Rep. Ed Jones, D-Tenn., chairman of …, told": the party and state are no role
	}
	roleB := j - 1
	for k := roleA; k < j; k++ {
		if w := lower(toks[k].Text); (k == roleA || toks[k-1].Text == ",") && (w == "who" || w == "which" || w == "whose") {
			roleB = k - 2 // a relative clause is no role: "Li Na, 34, who runs a shop, said"
			break
		}
	}
	if roleB < roleA {
		return np{a: a, b: b}, true
	}
	return np{a: a, b: b, roleStart: toks[roleA].Start, roleE: toks[roleB].End}, true
}

// currencySigns stand before an amount inside a noun phrase ("a $600 million plant").
var currencySigns = wordSet(`$ € £ ¥`)

// reducedParticiple reports whether a lower-case word is an -ing participle opening a reduced
// relative clause with its object ("a maker building a plant", "the firm running the mine").
func reducedParticiple(w string) bool {
	return len(w) > 5 && strings.HasSuffix(w, "ing") && !text.IsCapitalized(w) && !nounsInIng[w]
}

// nounsInIng end in -ing but are nouns, never a participle before an object.
var nounsInIng = wordSet(`morning evening meeting briefing hearing ruling funding
spending housing training offering thing nothing something anything everything king ceiling
wedding ring string spring wing`)

// speakerNoun reports whether a word names someone who may speak: a person, a group, an office or
// an institution ("maker", "spokesman", "farmers"), not a thing ("statement", "plant").
func speakerNoun(w string) bool {
	w = lower(w)
	return orgHead(w) || personNoun(w) || groupNouns[w] || orgVoices[w] || companyHeads[w] || titleNouns[w] || peopleNouns[w]
}

// peopleNouns are the plain nouns for people.
var peopleNouns = wordSet(`man woman men women person people resident residents voter worker farmer
owner driver passenger student teacher doctor nurse officer trader shopkeeper`)

// peopleWith reports whether w is a noun for people that a "with" phrase describes inside a subject
// ("People with direct knowledge of the talks said", "officials with the ministry").
func peopleWith(w string) bool {
	w = lower(w)
	return w == "people" || w == "those" || w == "someone" || w == "sources" || w == "officials" || w == "official" || w == "person" || w == "source"
}

// locativeComma reads the comma toks[j] inside a place written "City, State" after a preposition
// ("a trader in Sioux City, Iowa said", "Stacy Baker of Columbia, South Carolina says"): the
// capitalised words before it, back to "in"/"of"/"from"/"at", are the town the state after it
// locates. It returns the index of that preposition, so a subject read backwards goes on to the
// person or group the place belongs to; -1 when the comma is no such one.
func locativeComma(toks []text.Token, j int) int {
	if j < 3 || !text.IsCapitalized(toks[j+1].Text) {
		return -1
	}
	m := j - 1
	for m > 0 && j-m <= 3 && text.IsCapitalized(toks[m].Text) && text.IsWord(toks[m].Text) && !npStops[lower(toks[m].Text)] {
		m--
	}
	if m == j-1 || j-m > 3 || m < 1 {
		return -1
	}
	if w := toks[m].Text; (w == "in" || w == "of" || w == "from" || w == "at") && text.IsWord(toks[m-1].Text) {
		return m
	}
	return -1
}

// cardinals are the numbers written as words that open a ratio ("six in 10", "one in five").
var cardinals = wordSet(`one two three four five six seven eight nine ten`)

// timePreps open a time phrase after a reduced participle ("a statement issued after the meeting").
var timePreps = wordSet(`after before during following`)
