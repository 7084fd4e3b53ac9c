package quote

import (
	"strings"

	"github.com/newsmon/newsmon/pkg/text"
)

// "Quoted … as saying": a newspaper or agency reports someone else's words. The words are the
// person quoted, not the medium: "Tehran radio quoted a Foreign Ministry spokesman as saying …" is
// the spokesman's, "Nazer was quoted by the agency as saying …" is Nazer's, and so is "…, the
// paper quoted officials as saying." and "“…,” the agency quoted worker David Ogden as saying."

// quotedAsSaying is one "quoted X as saying" clause of a sentence: the speaker's phrase and where
// the cue words ("as saying") are, as token indexes of the sentence.
type quotedAsSaying struct {
	subject np  // the person quoted: the object of an active "quoted", the subject of a passive one
	quoted  int // the token "quoted"
	as      int // the token "as"; toks[as+1] is "saying"
}

// quotingVerbs report someone's words through a medium before "as saying": "quoted", and "reports
// a union source as saying", "cited officials as saying".
var quotingVerbs = wordSet(`quoted quotes quoting reported reports reporting cited cites citing`)

// reportingParticiples follow "as" after "quoted": "as saying", "as telling reporters".
var reportingParticiples = wordSet(`saying telling stating adding`)

// findQuotedAsSaying finds the clause in a sentence's tokens, or ok false.
func findQuotedAsSaying(toks []text.Token) (c quotedAsSaying, ok bool) {
	for i := 1; i+1 < len(toks); i++ {
		if toks[i].Text != "as" || !reportingParticiples[toks[i+1].Text] {
			continue
		}
		for j := i - 1; j >= 0 && i-j <= 14; j-- {
			t := toks[j].Text
			if t == ";" || isOpenMark(t) || isCloseMark(t) {
				break
			}
			if !quotingVerbs[t] {
				continue
			}
			c.quoted, c.as = j, i
			if passiveQuoted(toks, j) {
				p, found := npBefore(toks, j)
				if !found {
					return c, false
				}
				c.subject = p
				return c, true
			}
			if j+1 < i && toks[j+1].Text != "by" {
				a, b := j+1, i-1
				for b > a && (adverb(toks[b].Text) || !text.IsWord(toks[b].Text)) { // "quoted officials today as saying"
					b--
				}
				c.subject = np{a: a, b: b}
				return c, true
			}
			return c, false
		}
	}
	return c, false
}

// passiveQuoted reports whether toks[j], "quoted" or another quoting verb, is passive: after was/were/been/is/are,
// possibly with an adverb between ("was also quoted").
func passiveQuoted(toks []text.Token, j int) bool {
	for k := j - 1; k >= 0 && j-k <= 3; k-- {
		switch lower(toks[k].Text) {
		case "was", "were", "been", "is", "are", "being":
			return true
		}
		if !adverb(toks[k].Text) {
			return false
		}
	}
	return false
}

// reportedQuotations credits the quotes of every "quoted … as saying" sentence to the person quoted,
// and reads the words after "as saying" as that person's reported speech where no quote holds them.
func (e *Extractor) reportedQuotations(d *doc, qs []found) []found {
	if !strings.Contains(d.s, " as saying") && !strings.Contains(d.s, " as telling") {
		return qs
	}
	for _, sp := range text.SentencesOf(d.s, d.toks) {
		toks := d.tokensIn(sp.Start, sp.End)
		c, ok := findQuotedAsSaying(toks)
		if !ok {
			continue
		}
		if namesDocument(toks[c.subject.a : c.subject.b+1]) {
			continue // "quoted its five-year plan as saying": the one quoting reads out a text
		}
		var who found
		d.resolveNP(&who, toks, c.subject)
		if !who.subjectRead() || who.unnamed {
			continue
		}
		cueStart, cueEnd := toks[c.as].Start, toks[c.as+1].End
		clause := c.subject.a // where the clause starts: the medium's phrase before an active "quoted"
		if !passiveQuoted(toks, c.quoted) {
			if p, ok := npBefore(toks, c.quoted); ok {
				clause = p.a
			}
		}
		words, hasWords := quotedWords(toks, c, clause)
		credited := false
		for i := range qs {
			q := &qs[i]
			ownCue := q.cue != "" && q.cueStart >= toks[c.quoted].Start && q.cueEnd <= cueEnd
			before := q.end <= toks[clause].Start && q.end >= sp.Start-2 && strings.Trim(d.s[q.end:toks[clause].Start], " ,\"”’'") == ""
			if !ownCue && !before {
				continue
			}
			if q.start < cueEnd && q.end > toks[c.quoted].Start {
				// a span holding the cue's own words ("officials as saying") is no content: the
				// words are after "as saying", or before the clause's comma
				if !hasWords {
					continue
				}
				q.start, q.end = words.start, words.end
			}
			q.spk, q.pronoun, q.unnamed, q.kind, q.mStart, q.mEnd, q.role = who.spk, who.pronoun, false, who.kind, who.mStart, who.mEnd, who.role
			q.cue, q.cueStart, q.cueEnd, q.inherit = d.s[cueStart:cueEnd], cueStart, cueEnd, false
			credited = true
		}
		if !credited && hasWords {
			q := who
			q.start, q.end = words.start, words.end
			q.cue, q.cueStart, q.cueEnd = d.s[cueStart:cueEnd], cueStart, cueEnd
			qs = append(qs, q)
		}
	}
	return qs
}

// quotedWords is the span of what the person quoted said: the clause after "as saying (that)"
// ("Nazer was quoted by the SPA as saying Saudi Arabia's adherence … was shown clearly"), or, when
// the sentence ends there, the clause before the comma that opens the quoting clause ("The
// Bundesbank is trying to keep policy tight, Helmut Schlesinger was quoted as saying.").
func quotedWords(toks []text.Token, c quotedAsSaying, clause int) (span placeSpan, ok bool) {
	k := c.as + 2
	if k < len(toks) && toks[k].Text == "that" {
		k++
	}
	if k+2 < len(toks) && toks[k].Text != "by" {
		span.start, span.end, ok = content(toks, k, len(toks))
		return span, ok
	}
	if comma := clause - 1; comma > 0 && toks[comma].Text == "," {
		span.start, span.end, ok = content(toks, datelineEnd(toks, comma), comma)
	}
	return span, ok
}

// namesDocument reports whether a phrase is headed by a document noun before any preposition ("its
// five-year plan for immigration").
func namesDocument(toks []text.Token) bool {
	for _, t := range toks {
		if prepositions[lower(t.Text)] {
			break
		}
		if documentNoun(t.Text) {
			return true
		}
	}
	return false
}
