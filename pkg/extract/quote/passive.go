package quote

import (
	"strings"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/text"
)

// A passive cue names no speaker in its subject: "it was announced that …", "Redknapp's
// appointment is confirmed", "He is described as …", "the BBC News Website was told" — the subject
// is what was said or who heard it. The speaker is the agent of a by-phrase ("was told by
// criminalist Steven Dowell", "were labelled “a misjudgement” by the Conservatives"), or no one.

// askingVerbs put a question to their subject when passive ("was asked whether …").
var askingVerbs = wordSet(`asked questioned`)

// beForms make a following participle passive.
var beForms = wordSet(`is was were been be being are`)

// passiveAt reports whether the cue word at d.toks[k] is a past participle after a form of "be",
// with up to two adverbs between ("has frequently been mentioned", "was also told").
func (d *doc) passiveAt(k int) bool {
	if k <= 0 || strings.HasSuffix(lower(d.toks[k].Text), "ing") {
		return false
	}
	for i := k - 1; i >= 0 && k-i <= 3; i-- {
		w := lower(d.toks[i].Text)
		if beForms[w] {
			return true
		}
		if !adverb(w) && w != "also" && w != "not" && w != "then" && w != "later" {
			return false
		}
	}
	return false
}

// passiveAgents gives every quote whose cue is passive the agent of its by-phrase as speaker, or
// none: the subject read before a passive cue is never the one who spoke.
func (d *doc) passiveAgents(qs []found) {
	for i := range qs {
		q := &qs[i]
		if q.cue == "" || q.cueEnd <= q.cueStart {
			continue
		}
		k := d.tokenIndex(q.cueStart)
		if k >= len(d.toks) || !d.passiveAt(k) || askingVerbs[lower(d.toks[k].Text)] {
			// ("Dr Fox was asked if …. “I'm sure …”": the one asked answers next, and the
			// answer goes on with the subject read here)
			continue
		}
		if q.direct && q.cueStart >= q.end {
			// “….” Greene was also denied gold: a passive sentence after a quote is no cue of it.
			// The quote is the person the paragraph named before it, who is this subject too,
			// or goes on with the speaker before it.
			if q.spk == nil || q.spk.typ != article.TypePerson || !d.namedBefore(q.spk.name, q.start) {
				// (a phrase in quote marks inside a sentence, "the so-called “next wave”
				// countries", goes on with no one)
				opens := d.sentenceStart(q.start) >= q.openerAt
				q.spk, q.pronoun, q.kind, q.role, q.mStart, q.mEnd, q.unnamed, q.inherit = nil, false, "", "", 0, 0, !opens, opens
				if opens {
					q.cue, q.cueStart, q.cueEnd = "", 0, 0
				}
			}
			continue
		}
		q.spk, q.pronoun, q.kind, q.role, q.mStart, q.mEnd, q.unnamed, q.inherit = nil, false, "", "", 0, 0, true, false
		if by := d.agentAfter(q); by >= 0 {
			toks := d.tokensIn(d.toks[by].Start, d.sentenceEnd(d.toks[by].Start))
			if p, ok := npAfter(toks, 1); ok {
				var who found
				d.resolveNP(&who, toks, p)
				if who.spk != nil && !who.pronoun {
					q.spk, q.kind, q.role, q.mStart, q.mEnd, q.unnamed = who.spk, who.kind, who.role, who.mStart, who.mEnd, false
				}
			}
		}
	}
}

// agentAfter is the index of the "by" that opens a passive cue's agent: within ten words after the
// cue, outside the quote's own words and before the sentence ends; -1 when there is none.
func (d *doc) agentAfter(q *found) int {
	n := 0
	for i := d.tokenIndex(q.cueEnd); i < len(d.toks) && n < 10; i++ {
		t := d.toks[i]
		if t.Start >= q.start && t.End <= q.end {
			continue
		}
		if t.Text == "." || t.Text == ";" || t.Text == "?" || t.Text == "!" {
			return -1
		}
		if t.Text == "by" {
			return i
		}
		if text.IsWord(t.Text) {
			n++
		}
	}
	return -1
}

// sentenceEnd is the byte offset just past the full stop ending the sentence holding pos (looking
// ahead at most 60 tokens), or the text's end.
func (d *doc) sentenceEnd(pos int) int {
	i := d.tokenIndex(pos)
	for n := 0; i < len(d.toks) && n < 60; i, n = i+1, n+1 {
		if t := d.toks[i].Text; t == "." || t == "?" || t == "!" {
			return d.toks[i].End
		}
	}
	if i < len(d.toks) {
		return d.toks[i].End
	}
	return len(d.s)
}

// voicesAgain resolves "the spokesman said" to the body a spokesman spoke for earlier in the
// story ("A Yili spokesman said …. The spokesman did not say why …"): the organisation of the
// last quote whose speaker phrase held the same word, within a few paragraphs.
func (d *doc) voicesAgain(qs []found) {
	for i := range qs {
		q := &qs[i]
		if q.spk == nil || d.isEntity(q.spk) || q.mEnd <= q.mStart {
			continue
		}
		words := strings.Fields(lower(d.s[q.mStart:q.mEnd]))
		if len(words) != 2 || words[0] != "the" || !orgVoices[words[1]] {
			continue
		}
		for j := i - 1; j >= 0 && q.start-qs[j].end < 3000; j-- {
			p := &qs[j]
			if p.spk == nil || p.spk.typ != article.TypeOrg || !d.isEntity(p.spk) || p.mEnd <= p.mStart || !containsWord(lower(d.s[p.mStart:p.mEnd]), words[1]) {
				continue
			}
			q.spk, q.kind = p.spk, kindNominal
			if q.role == "" {
				q.role = words[1]
			}
			break
		}
	}
}

// namedBefore reports whether the paragraph holding pos names the entity before pos.
func (d *doc) namedBefore(name string, pos int) bool {
	lo := max(strings.LastIndex(d.s[:pos], "\n\n"), 0)
	for i := range d.mentions {
		if m := &d.mentions[i]; m.start >= lo && m.end <= pos && m.name == name {
			return true
		}
	}
	return false
}
