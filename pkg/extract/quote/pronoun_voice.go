package quote

import (
	"github.com/newsmon/newsmon/pkg/text"
	"strings"

	"github.com/newsmon/newsmon/pkg/article"
)

// personVoice is the antecedent of a he or she that found no person: the speaker of the quote
// before qs[i], in the same or the previous paragraph, when that speaker is a body whose phrase
// shows a person speaking for it ("a dealer at a U.S. bank said. … He said …") or a name the tagger
// typed as a body though a title shows a person ("Economy Undersecretary Yannos Papantoniou said.
// He told reporters …"). nil when there is none.
func personVoice(d *doc, qs []found, i int, want byte) *speakerRef {
	if i == 0 || want == 0 {
		return nil
	}
	prev := &qs[i-1]
	if prev.spk == nil || prev.spk.typ != article.TypeOrg || prev.mEnd <= prev.mStart || prev.end > qs[i].mStart ||
		strings.Count(d.s[prev.end:qs[i].mStart], "\n\n") > 1 {
		return nil
	}
	// the phrase and up to four words before it in its sentence ("a dealer at a | U.S. Bank")
	from := d.tokenIndex(prev.mStart)
	for k := 0; k < 4 && from > 0 && d.toks[from-1].Start >= d.sentenceStart(prev.mStart); k++ {
		from--
	}
	for _, t := range d.tokensIn(d.toks[from].Start, prev.mEnd) {
		if w := lower(t.Text); personWord(w) && !(want == 'm' && strings.HasSuffix(w, "woman")) {
			return prev.spk
		}
	}
	return nil
}

// personWord reports whether a lower-case word is a noun for one person or a title one holds
// (WordNet files "dealer" first as a firm; shaped like a noun for people, it is one here).
func personWord(w string) bool {
	c := nounClass(w)
	return c == 'p' || c == 'o' && personSuffix(w) || titleNouns[w] || titleWords[w] || personNouns[w]
}

// personAfterBody reads "ORG analyst Nick Edwards", "AMR Corp chairman Robert Crandall": a body's
// name, a title (one to three lower-case words, the last a noun for a person or a title) and a
// capitalised name, from toks[i] (the first word after the body's mention) up to toks[hi]. It
// returns the person (the tagged mention when there is one) and the title, or nil.
func (d *doc) personAfterBody(toks []text.Token, i, hi int) (*speakerRef, string) {
	t := i
	for t <= hi && t-i < 3 && text.IsWord(toks[t].Text) && !text.IsCapitalized(toks[t].Text) {
		t++
	}
	if t == i || t > hi || !personWord(lower(toks[t-1].Text)) {
		return nil, ""
	}
	role := d.s[toks[i].Start:toks[t-1].End]
	if m := d.mentionAt(toks[t].Start); m != nil {
		if m.typ != article.TypePerson {
			return nil, ""
		}
		return m, role
	}
	e := t
	for e <= hi && text.IsCapitalized(toks[e].Text) && text.IsWord(toks[e].Text) && !determiners[lower(toks[e].Text)] {
		e++
	}
	if e-t < 2 || e-t > 3 || e <= hi && text.IsWord(toks[e].Text) {
		return nil, "" // a first name and a surname, perhaps a middle one, ending the phrase
	}
	start, end := toks[t].Start, toks[e-1].End
	return &speakerRef{start: start, end: end, name: d.s[start:end], typ: article.TypePerson}, role
}
