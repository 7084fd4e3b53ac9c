package quote

import (
	"strings"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/text"
)

// Descriptions said again, shorter. "…, the Libyan central bank has said. … the central bank told
// Reuters": a reader takes the short description for the fuller one the text used before, in its
// paragraph or the one before, and so does the speaker: the fuller description (or the name in it,
// "the NBC network" … "the network"). "The spokesman said" after "A spokesman for the ministry
// said" is the ministry's spokesman again (spokesAgain).

// earlierDescription sets q's speaker to the fuller description of an earlier "the … HEAD" that
// the bare description p ("the" + lower-case words + HEAD) repeats, and reports whether it did.
func (d *doc) earlierDescription(q *found, toks []text.Token, p np) bool {
	head := lower(toks[p.b].Text)
	if lower(toks[p.a].Text) != "the" || p.b-p.a > 3 || orgVoices[head] || !repeatableHead(head) {
		return false
	}
	mods := map[string]bool{}
	for i := p.a + 1; i < p.b; i++ {
		if t := toks[i].Text; !text.IsWord(t) || text.IsCapitalized(t) || possessive(t) {
			return false
		}
		mods[lower(toks[i].Text)] = true
	}
	pos := toks[p.a].Start
	lo := d.paragraphsBefore(pos)
	for k := d.tokenIndex(pos) - 1; k > 0 && d.toks[k].Start >= lo; k-- {
		if lower(d.toks[k].Text) != head || d.talkedAbout(d.toks[k].Start) || nounAfter(d.toks, k) {
			continue
		}
		a, seen := k-1, 0
		for ; a >= 0 && k-a <= 5 && descriptionModifier(d.toks[a].Text); a-- {
			if mods[lower(d.toks[a].Text)] {
				seen++
			}
		}
		if a < 0 || lower(d.toks[a].Text) != "the" || k-a-1 <= len(mods) || seen < len(mods) {
			continue
		}
		start, end := d.toks[a].Start, d.toks[k].End
		if m := d.lastMentionIn(start, end); m != nil {
			if m.typ != article.TypeOrg || !familyFits(head, m.name) {
				return false // "the Communist Party newspaper": someone's, not a fuller name
			}
			q.spk = m
		} else {
			q.spk = &speakerRef{start: start, end: end, name: d.s[start:end], typ: describedType(head)}
		}
		q.kind = kindNominal
		return true
	}
	return false
}

// repeatableHead reports whether a lower-case head noun names a body, which a shorter description
// may point back to. (A person's epithet goes to the person, epithetReferent; things and documents
// have their own rules.)
func repeatableHead(w string) bool {
	return (orgFamily(w) != 0 || orgHeads[w] || nounClass(w) == 'o') && singular(w) == w
}

// descriptionModifier reports whether a word may stand between "the" and a head noun: a word, not
// a possessive, a function word or a verb.
func descriptionModifier(t string) bool {
	lt := lower(t)
	return text.IsWord(t) && !possessive(t) && !determiners[lt] && !npStops[lt] && !prepositions[lt] &&
		!auxiliaries[lt] && !sayWords[lt]
}

// nounAfter reports whether toks[k] is followed by a lower-case noun that goes on with the phrase
// ("the central bank governor"): then toks[k] is a modifier, not the head.
func nounAfter(toks []text.Token, k int) bool {
	if k+1 >= len(toks) {
		return false
	}
	t := toks[k+1].Text
	lt := lower(t)
	if !text.IsWord(t) || text.IsCapitalized(t) || auxiliaries[lt] || sayWords[lt] || pastTense(lt) || npStops[lt] ||
		prepositions[lt] || adverb(t) {
		return false
	}
	return nounClass(lt) != 0 && nounClass(lt) != 'a'
}

// spokesAgain gives qs[i], a bare "the spokesman" (or spokeswoman, spokesperson), the body the
// quote before it credited to "a spokesman for X" or "an X spokesman", in its paragraph or the next:
// the same spokesman, speaking for X. A bare "a spokesman" right after a body's own words, in the
// next sentence ("The ministry said …. A spokesman added …"), speaks for that body. (The role says
// "spokesman", with the body as speaker.)
func spokesAgain(d *doc, qs []found, i int) {
	q := &qs[i]
	if i == 0 || q.spk == nil || q.mEnd <= q.mStart || d.isEntity(q.spk) {
		return
	}
	f := strings.Fields(lower(d.s[q.mStart:q.mEnd]))
	if len(f) != 2 || f[0] != "the" && f[0] != "a" {
		return
	}
	switch f[1] {
	case "spokesman", "spokeswoman", "spokesperson", "representative":
	default:
		return
	}
	prev := &qs[i-1]
	if prev.spk == nil || prev.spk.typ != article.TypeOrg || containsFold(prev.spk.name, f[1]) || prev.end > q.mStart ||
		strings.Count(d.s[prev.end:q.mStart], "\n\n") > 1 {
		return
	}
	switch {
	case f[0] == "the" && (containsFold(prev.role, f[1]) || prev.mEnd > prev.mStart && containsFold(d.s[prev.mStart:prev.mEnd], f[1])):
		q.spk, q.role = prev.spk, f[1]
	case f[0] == "a" && prev.cue != "" && d.nextSentence(prev.end, q.mStart) && !containsFold(prev.role, f[1]):
		q.spk, q.role, q.kind = prev.spk, f[1], kindAnonymous
	}
}

// nextSentence reports whether pos opens the sentence right after the one ending at or after end,
// in the same paragraph.
func (d *doc) nextSentence(end, pos int) bool {
	gap := d.s[end:pos]
	return !strings.Contains(gap, "\n") && strings.Count(gap, ".") == 1 && d.sentenceStart(pos) == pos
}

// descriptionAgain gives qs[i], whose speaker is an earlier, fuller description (earlierDescription),
// the entity that description was resolved to where it was a quote's subject itself: "the
// carmaker said" … "the company said" are the carmaker's words, and the carmaker has a name.
func descriptionAgain(d *doc, qs []found, i int) {
	q := &qs[i]
	if q.spk == nil || q.kind != kindNominal || d.isEntity(q.spk) {
		return
	}
	for j := i - 1; j >= 0; j-- {
		if p := &qs[j]; p.mStart == q.spk.start && p.mEnd == q.spk.end && p.spk != nil && d.isEntity(p.spk) {
			q.spk = p.spk
			return
		}
	}
}

// describedAround reports whether q's speaker is a description read at its mention that holds a
// name before its head noun ("The Communist Party newspaper"): the name is part of it.
func (d *doc) describedAround(q *found) bool {
	if q.spk.start != q.mStart || q.spk.end != q.mEnd || d.isEntity(q.spk) {
		return false
	}
	m := d.lastMentionIn(q.spk.start, q.spk.end)
	if m == nil || m.end >= q.spk.end {
		return false
	}
	toks := d.tokensIn(m.end, q.spk.end)
	if len(toks) == 0 {
		return false
	}
	last := toks[len(toks)-1].Text
	c := nounClass(lower(last))
	return !text.IsCapitalized(last) && c != 0 && c != 'a' && !adverb(last)
}

// bodyAgain gives qs[i], a bare organisation description left unresolved ("the bank said"), the
// organisation that spoke in the quote before it, in its paragraph or the one before, when that
// body's name fits the noun (familyFits, familyEvidence): "Westpac said …. …, the bank said" goes
// on with Westpac, as "it said" would.
func bodyAgain(d *doc, qs []found, i int) {
	q := &qs[i]
	if i == 0 || q.spk == nil || q.kind != kindNominal || d.isEntity(q.spk) || q.spk.start != q.mStart || q.spk.end != q.mEnd {
		return
	}
	toks := d.tokensIn(q.mStart, q.mEnd)
	if len(toks) < 2 || !d.bareOrgDescription(toks, np{a: 0, b: len(toks) - 1}) {
		return
	}
	prev := &qs[i-1]
	if prev.spk == nil || !d.isEntity(prev.spk) || prev.spk.typ != article.TypeOrg || prev.end > q.mStart ||
		strings.Count(d.s[prev.end:q.mStart], "\n\n") > 1 {
		return
	}
	head := lower(toks[len(toks)-1].Text)
	if familyFits(head, prev.spk.name) && d.familyEvidence(head, prev.spk) {
		q.spk = prev.spk
	}
}
