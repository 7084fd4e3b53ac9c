package quote

import (
	"github.com/newsmon/newsmon/pkg/text"
)

// Speech verbs with a plain object. Most hand-listed cues besides "say" and "tell" also take a
// noun phrase as their object: "announced plans for a merger", "denied the charges", "confirmed
// the deal", "revealed the figures". Such an object names what the verb acts on, not words that
// were said; only a clause after the verb ("announced it would …", "denied that …", "confirmed
// the firm had …") or an infinitive of intent ("agreed to sell") is reported speech.

// deedVerbs are the cues whose plain object is a deed, not words: "announced a merger", "revealed
// the new badge", "confirmed the sale", "agreed a draft proposal", "declared a dividend",
// "maintains a stricter policy", "wrote the song", "answered the charge with two goals". Verbs of
// stance keep a plain object as what was said, as readers count it: "admitted using the tax
// code", "acknowledged the reality of climate change", "denied the charges", "urged retaliation",
// "noted delays", "predicted growth of 7%".
var deedVerbs = wordSet(`announce announces announced announcing reveal reveals revealed revealing
disclose discloses disclosed disclosing confirm confirms confirmed confirming agree agrees agreed
declare declares declared declaring maintain maintains maintained continue continued
recall recalls recalled write writes wrote writing answer answered respond responds responded
claims claim mention mentioned`)

// asideWords open a parenthetical between a speech verb and its clause: "contend, however, that …".
var asideWords = wordSet(`however though also instead meanwhile nonetheless too moreover indeed`)

// clauseOpeners open a reported clause right after a speech verb: "asked whether …", "denied
// that …", "revealed how …".
var clauseOpeners = wordSet(`that whether if how what why when where who which there`)

// subjectPronouns open a clause as its subject ("confirmed it would", "admitted they had").
var subjectPronouns = wordSet(`he she it they we i you`)

// objectOnly reports whether the words toks[from:end] after the cue at toks[k] are only the verb's
// object: no clause opener, subject pronoun, auxiliary or past tense before the first comma, and no
// infinitive of intent right after the verb.
func objectOnly(toks []text.Token, k, from, end int) bool {
	if from >= end || !deedVerbs[lower(toks[k].Text)] || from > 0 && toks[from-1].Text == "that" {
		return false
	}
	first := lower(toks[from].Text)
	switch {
	case clauseOpeners[first] || isOpenMark(first) || amount(first) || gerund(first):
		return false // ("admitted using the tax code": a deed owned up to in words)
	case subjectPronouns[first]:
		return from+1 >= end || !text.IsWord(toks[from+1].Text) // "denied it." is an object
	case first == "to" || first == "not" || first == "never":
		// "agreed to sell", "vowed not to repeat": an intent in words; "pointed to the plans",
		// "admitted to the offence": an object
		return from+1 < end && infinitiveBlocker(toks[from+1].Text)
	}
	request := requestVerbs[lower(toks[k].Text)]
	for j := from + 1; j < end && j <= from+15; j++ {
		t := toks[j].Text
		lt := lower(t)
		switch {
		case t == "," && (request || prepositions[first] || asideWords[first] || adverb(first) || thatAfterAside(toks, j, end)):
			// "alleges, among other things, that …", "insists, most recently in an interview, that …":
			// an aside before the clause; read on
		case t == ":" || isOpenMark(t):
			return false // a colon or a quote mark opens the words said: "confirmed afterwards: “…"
		case t == "," || t == ";":
			return true // the object ends
		case auxiliaries[lt] || irregularPast[lt] || lt == "did" || lt == "does" || lt == "do":
			return false // "confirmed the brewer had asked", "revealed profits rose"
		case pastTense(lt) && !determiners[lower(toks[j-1].Text)] && !possessive(toks[j-1].Text):
			return false // "announced the firm planned …"; "denied the alleged offences" stays an object
		case clauseOpeners[lt] && lt != "which" && lt != "who" && lt != "there":
			return false
		case j+1 < end && toks[j+1].Text == "to" && presentAfterNoun(toks, j):
			return false // "maintain the industrial world needs to expand": a clause's verb
		case lt == "as" && j+1 < end && asPredicate(toks, j+1):
			return false // "described the plan as reckless": a predicate on the object
		case lt == "to" && j+1 < end && !infinitiveBlocker(toks[j+1].Text) && (request || addresseeWord(toks[j-1].Text)):
			return false // "urged the club to reject the deal": a request to someone; not "measures to boost"
		}
	}
	return true
}

// infinitiveBlocker reports whether the word after "to" makes it a preposition with an object:
// a determiner, a possessive, a name or a number ("pointed to the figures").
func infinitiveBlocker(w string) bool {
	lw := lower(w)
	return determiners[lw] || possessive(w) || text.IsCapitalized(w) || amount(w) || !text.IsWord(w)
}

// thatAfterAside reports whether the comma at toks[j] opens an aside that another comma and "that"
// close within a few words: "…, most recently in a Labor Day interview, that …".
func thatAfterAside(toks []text.Token, j, end int) bool {
	for k := j + 1; k+1 < end && k <= j+14; k++ {
		if toks[k].Text == "," {
			return toks[k+1].Text == "that"
		}
	}
	return false
}

// requestVerbs ask someone to act: "urged the England left-back to stay", "urging the regulator,
// Ofcom, to cut the cost" are requests in words whoever the object is.
var requestVerbs = wordSet(`urge urges urged urging`)

// addresseeWord reports whether the word before "to" may be whom a request is made of: a name, an
// object pronoun or a noun for people or bodies ("urged Ofcom to", "urged them to", "urged the club to").
func addresseeWord(w string) bool {
	lw := lower(w)
	return text.IsCapitalized(w) || personalObjects[lw] || speakerish(lw) && !documentNoun(lw)
}

// presentAfterNoun reports whether toks[j] is a third-person present verb after its subject noun:
// a lower-case -s form after a noun ("the world needs", "the firm plans"), not after a modifier
// ("new plans") or a determiner.
func presentAfterNoun(toks []text.Token, j int) bool {
	w, prev := toks[j].Text, lower(toks[j-1].Text)
	if text.IsCapitalized(w) || len(w) < 4 || w[len(w)-1] != 's' || w[len(w)-2] == 's' || !text.IsWord(prev) {
		return false
	}
	return speakerish(prev) || nounClassOf(prev) == 't' || nounClassOf(prev) == 'd'
}

// deedObject reports whether the cue toks[k] of q has only a plain object toks[from:end]
// ("announced plans for a merger"): no words said. Its subject is still who the text goes on
// about, so a named one is kept among the doc's deeds for the pronouns after it.
func (d *doc) deedObject(q found, toks []text.Token, k, from, end int) bool {
	if !objectOnly(toks, k, from, end) {
		return false
	}
	if q.spk != nil && !q.pronoun {
		q.deed, q.start, q.end = true, toks[from].Start, toks[end-1].End
		d.deeds = append(d.deeds, q)
	}
	return true
}
