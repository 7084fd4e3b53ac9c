package quote

import (
	"sort"
	"strings"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/text"
)

// The subject of a cue: who the clause before or after a speech verb names as the one speaking.

// cueSubject finds the speaker of the cue toks[k..kEnd]: the subject of a participle or of a verb
// coordinated with an earlier one is the clause's; otherwise the phrase before the cue, or after an
// inverted one ("said Cui"), or the nearest name.
func (d *doc) cueSubject(q *found, toks []text.Token, k, kEnd int) {
	switch {
	case participle(lower(toks[k].Text)) && d.earlierSpeaker(q, toks, k):
		// "Mateen left early, Nefzi said, adding, “…”": the speaker of the clause's speech verb adds.
	case participle(lower(toks[k].Text)) || k > 0 && coordinated(toks, k):
		d.clauseSubject(q, toks, k)
	default:
		if p, ok := npBefore(toks, k); ok {
			d.resolveNP(q, toks, p)
		} else if d.relativeSubject(q, toks, k) {
			// "Mitchell who urged Canada to “…”": the relative pronoun's antecedent speaks
		} else if p, ok := npAfter(toks, kEnd+1); ok && speakerFollows(toks[k].Text) && !(p.b+1 < len(toks) && auxiliaries[lower(toks[p.b+1].Text)]) {
			// "said Cui"; but not "said the Brenner case was …" (the subject of what was said) nor
			// "urged Canada to …" (the object of a verb that never inverts)
			d.resolveNP(q, toks, p)
		} else if k > 0 && (toks[k-1].Text == "to" || toks[k-1].Text == "by") {
			d.clauseSubject(q, toks, k) // "went on to say:", "began by saying"
		} else {
			hi := toks[len(toks)-1].End
			if !speakerFollows(toks[k].Text) {
				hi = toks[k].Start // a name after a verb that never inverts is its object ("urged Canada to")
			}
			d.nearestMention(q, toks, k, toks[0].Start, hi)
		}
	}
	if !q.subjectRead() {
		q.inherit = true // "Adding, “…”": the previous quote's speaker goes on
	}
}

// earlierSpeaker gives a participle cue at toks[k] ("…, Nefzi said, adding, “…”") the subject of
// the nearest speech verb before it in the clause, when that verb has a named or pronoun subject.
func (d *doc) earlierSpeaker(q *found, toks []text.Token, k int) bool {
	for m := k - 2; m > 0 && k-m <= 8; m-- {
		w := lower(toks[m].Text)
		if toks[m].Text == ";" || isCloseMark(toks[m].Text) {
			return false
		}
		if w != "said" && w != "says" && w != "told" && w != "tells" || toks[m+1].Text != "," {
			continue
		}
		p, ok := npBefore(toks, m)
		if !ok || p.a != p.b && !text.IsCapitalized(toks[p.b].Text) || p.a == p.b && !pronounSpeakers[toks[p.a].Text] && !text.IsCapitalized(toks[p.a].Text) {
			return false
		}
		d.resolveNP(q, toks, p)
		return q.spk != nil || q.pronoun
	}
	return false
}

// clauseSubject gives a participle cue (", saying …") the subject of its clause: the first name
// or pronoun in it.
func (d *doc) clauseSubject(q *found, toks []text.Token, k int) {
	i := datelineEnd(toks, k) // "WASHINGTON — …"
	if i+2 < k && lower(toks[i].Text) == "according" && toks[i+1].Text == "to" {
		// "According to Dr. Obiora, a security analyst, the juntas were building “…”"
		if c := indexTok(toks[:k], ",", i+2); c > i+2 {
			if p, ok := npAfter(toks[:c], i+2); ok {
				d.resolveNP(q, toks, p)
				return
			}
		}
	}
	// "On Monday, Trump said …", "Smiling, Mrs. Clinton …", "When asked whom she supported, Ms.
	// Sherry said": skip an opening phrase up to its comma when it is a subordinate clause or names
	// no one.
	// (a clause that is all dateline, "NEW YORK — “…”", leaves nothing to skip: i == k)
	opener := i < k && (subordinators[toks[i].Text] || sentenceOpeners[toks[i].Text])
	for j := i + 1; j < k && (j < i+12 || opener && j < i+30); j++ { // "When my mother mentioned … on the highway, I …"
		if toks[j].Text == "," {
			if subordinators[toks[i].Text] || sentenceOpeners[toks[i].Text] ||
				d.lastMentionIn(toks[i].Start, toks[j].Start) == nil && !namesSomeone(toks[i:j]) {
				i = j + 1
			}
			break
		}
	}
	i = d.pastPlacesAndTimes(toks, i, k)
	// "Eight years ago, he supported Obama and said,", "…prior to Election Day, he laughed and
	// said,": a he/she right after the last comma before the cue is its subject.
	for j := k - 1; j > i; j-- {
		if toks[j].Text == "," {
			if j+1 >= k {
				break
			}
			if w := toks[j+1].Text; pronounSpeakers[w] && w != "it" && w != "It" && (j+2 == k || !text.IsCapitalized(toks[j+2].Text)) {
				d.resolveNP(q, toks, np{a: j + 1, b: j + 1})
				return
			}
			break
		}
		if isCloseMark(toks[j].Text) || toks[j].Text == ";" {
			break
		}
	}
	if i < k {
		if pronounSpeakers[toks[i].Text] && toks[i].Text != "it" {
			d.resolveNP(q, toks, np{a: i, b: i})
			return
		}
		if d.possessiveAppositive(q, toks, i, k) {
			return
		}
		if m := d.mentionAt(toks[i].Start); m != nil {
			q.spk, q.mStart, q.mEnd = m, m.start, m.end
			if m.typ == article.TypeOrg {
				if person, role := d.personAfterBody(toks, d.tokenIndex(m.end)-d.tokenIndex(toks[0].Start), k-1); person != nil {
					// "AMR Corp chairman Robert Crandall, denying …": the chairman
					q.spk, q.mStart, q.mEnd, q.role = person, person.start, person.end, role
				}
			}
			return
		}
		if v := verbAfter(toks, i, k); v > i+1 && v-i <= 6 {
			// "Industry groups welcomed the decision but said": the words before the first verb.
			d.resolveNP(q, toks, np{a: i, b: v - 1})
			return
		}
		if w := toks[i].Text; i+1 < k && strings.HasSuffix(w, "s") && speakerish(lower(w)) && text.IsWord(toks[i+1].Text) && !text.IsCapitalized(toks[i+1].Text) && !npStops[lower(toks[i+1].Text)] {
			// "Democrats see Sanders as …, arguing …", "Analysts expect Shell to …, saying …": a
			// group of people before its verb is the subject, not the name after the verb
			d.resolveNP(q, toks, np{a: i, b: i})
			return
		}
		if p, ok := npAfter(toks[:k], i); ok {
			d.resolveNP(q, toks, p)
			return
		}
	}
	for j := 0; j < k; j++ {
		if pronounSpeakers[toks[j].Text] && toks[j].Text != "it" {
			d.resolveNP(q, toks, np{a: j, b: j})
			return
		}
		if m := d.mentionAt(toks[j].Start); m != nil {
			q.spk, q.mStart, q.mEnd = m, m.start, m.end
			return
		}
	}
}

// namesSomeone reports whether an opening phrase may name the speaker: a pronoun, or a capitalised
// word that is not a sentence opener or a participle ("Cruz said," but not "Smiling,").
func namesSomeone(toks []text.Token) bool {
	for i, t := range toks {
		if pronounSpeakers[t.Text] {
			return true
		}
		if text.IsCapitalized(t.Text) && !(i == 0 && (sentenceOpeners[t.Text] || participle(lower(t.Text)) ||
			len(toks) > 1 && npStops[toks[1].Text])) { // "Back in 2008,"
			return true
		}
	}
	return false
}

// mentionAt returns the PERSON/ORG mention starting at byte pos.
func (d *doc) mentionAt(pos int) *speakerRef {
	i := sort.Search(len(d.mentions), func(k int) bool { return d.mentions[k].start >= pos })
	if i < len(d.mentions) && d.mentions[i].start == pos {
		return &d.mentions[i]
	}
	return nil
}

// nearestMention falls back to the PERSON/ORG mention closest to the cue inside [lo, hi).
func (d *doc) nearestMention(q *found, toks []text.Token, k, lo, hi int) {
	cueStart, cueEnd := toks[k].Start, q.cueEnd
	var best *speakerRef
	bestDist := 1 << 30
	for i := range d.mentions {
		m := &d.mentions[i]
		if m.start < lo || m.end > hi {
			continue
		}
		dist := cueStart - m.end
		if m.start >= cueEnd {
			dist = m.start - cueEnd
		}
		if dist >= 0 && dist < bestDist {
			best, bestDist = m, dist
		}
	}
	if best != nil {
		q.spk, q.mStart, q.mEnd = best, best.start, best.end
	}
}

// relativeSubject gives the cue at toks[k] after a relative pronoun ("Mitchell who urged …", "the
// union, which warned …") the pronoun's antecedent as speaker, with the pronoun as its mention, when
// the antecedent is a name or a noun for people. It reports whether the cue follows a relative
// pronoun.
func (d *doc) relativeSubject(q *found, toks []text.Token, k int) bool {
	j := k - 1
	for j > 0 && (skipBeforeCue[toks[j].Text] || adverb(toks[j].Text)) {
		j--
	}
	if j < 1 || !relativePronoun(toks[j].Text) {
		return false
	}
	end := j
	if toks[end-1].Text == "," {
		end--
	}
	if end >= 3 && text.IsNumber(toks[end-1].Text) && toks[end-2].Text == "," {
		end -= 2 // "Staunton, 49, who told …": the age between the name and "who"
	}
	sub := *q
	p, ok := npBefore(toks, end)
	if ok && !p.none {
		d.resolveNP(&sub, toks, p)
	}
	// a name, or a description headed by a noun for people ("the Conservatives who said"); any
	// other phrase before "who" may hold more than the antecedent ("including X"): no speaker
	if sub.spk != nil && (d.isEntity(sub.spk) || speakerish(lower(toks[headOf(toks, p.a, p.b)].Text))) {
		*q = sub
		q.mStart, q.mEnd, q.kind = toks[j].Start, toks[j].End, kindPronoun
	}
	return true
}

// speakerFollows reports whether the speaker may come after the cue word: an inverting speech verb
// ("said Cui") or "according to".
func speakerFollows(cue string) bool {
	w := lower(cue)
	return inverting[w] || w == "according"
}
