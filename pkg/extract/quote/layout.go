package quote

import (
	"strings"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/text"
)

// Direct quotes with no cue next to them: the speaker named by the page's layout (a name line
// above or below, a signature), by the sentence's subject, or by the paragraph before.

// nameLine reads the interview layout where a short line names the speaker of the quote next to it:
// a name line above ("Maria Lopez, 34, Phoenix\n\n“…”") or below it ("“…”\nMaria Lopez, Phoenix"),
// or a dash signature below it ("“…”\n\n— Maria Lopez, Phoenix"). The name line is a capitalised
// name followed by nothing, a comma, a colon or a bracket.
func (e *Extractor) nameLine(d *doc, q *found) bool {
	var below []text.Token
	signed := false
	if a, b, ok := lineAfter(d.s, q.closerAt); ok {
		toks := d.tokensIn(a, b)
		if len(toks) >= 2 && len(toks) <= 24 && isDash(toks[0].Text) {
			// The fact-check layout signs the quote: "“…”\n\n- Bernie Sanders."
			if p, ok := npAfter(toks, 1); ok && !pronounSpeakers[toks[p.a].Text] && text.IsCapitalized(toks[p.b].Text) {
				d.resolveNP(q, toks, p)
				if q.spk != nil {
					if q.role == "" && p.b+2 < len(toks) && toks[p.b+1].Text == "," {
						q.role = strings.TrimRight(d.s[toks[p.b+2].Start:toks[len(toks)-1].End], ".")
					}
					return true
				}
			}
		}
		if e.isNameLine(toks) {
			below = toks
			signed = toks[len(toks)-1].Text != ":" // "Maria Lopez:" introduces the next quote
		}
	}
	var above []text.Token
	if a, b, ok := lineBefore(d.s, q.openerAt); ok {
		if toks := d.tokensIn(a, b); e.isNameLine(toks) {
			above = toks
		}
	}
	toks := above
	switch {
	case above == nil && below == nil:
		return false
	case above == nil:
		toks = below
		if !signed {
			return false
		}
	case below != nil && signed && e.runStartsWithName(d, above[0].Start):
		// Both neighbours are name lines: the layout is "name, quote" when the run of alternating
		// quotes and names starts with a name, and "quote, name" when it starts with a quote.
	case below != nil && signed:
		toks = below
	}
	p, _ := npAfter(toks, 0)
	d.resolveNP(q, toks, p)
	if q.role == "" && p.b+2 < len(toks) && toks[p.b+1].Text == "," {
		q.role = strings.TrimRight(d.s[toks[p.b+2].Start:toks[len(toks)-1].End], ".:")
	}
	return q.spk != nil
}

// runStartsWithName reports, for a name line starting at pos that sits between two quotes,
// whether it names the quote after it: walking back over alternating quote and name lines, the
// run starts with a name line.
func (e *Extractor) runStartsWithName(d *doc, pos int) bool {
	name := true // the line at pos is a name line
	for n := 0; n < 60; n++ {
		a, b, ok := lineBefore(d.s, pos)
		if !ok {
			break
		}
		line := strings.TrimSpace(d.s[a:b])
		if name && !quoteLine(line) || !name && !e.isNameLine(d.tokensIn(a, b)) {
			break
		}
		name, pos = !name, a
	}
	return name
}

// quoteLine reports whether a line opens with a quote mark.
func quoteLine(line string) bool {
	for _, m := range quoteMarks {
		if strings.HasPrefix(line, m.open) {
			return true
		}
	}
	return false
}

// lineAfter is the first non-blank line after pos when only spaces and at least one line break
// separate it from pos.
func lineAfter(s string, pos int) (a, b int, ok bool) {
	i := pos
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	if i >= len(s) || s[i] != '\n' {
		return 0, 0, false
	}
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n') {
		i++
	}
	if i >= len(s) {
		return 0, 0, false
	}
	e := strings.IndexByte(s[i:], '\n')
	if e < 0 {
		return i, len(s), true
	}
	return i, i + e, true
}

// lineBefore is the last non-blank line before pos when only spaces and at least one line break
// separate it from pos.
func lineBefore(s string, pos int) (a, b int, ok bool) {
	i := pos
	for i > 0 && (s[i-1] == ' ' || s[i-1] == '\t') {
		i--
	}
	if i == 0 || s[i-1] != '\n' {
		return 0, 0, false
	}
	for i > 0 && (s[i-1] == ' ' || s[i-1] == '\t' || s[i-1] == '\n') {
		i--
	}
	if i == 0 {
		return 0, 0, false
	}
	return strings.LastIndexByte(s[:i], '\n') + 1, i, true
}

// isNameLine reports whether a paragraph's tokens are a name line: a capitalised name of at most
// five words, then nothing or ", age, place" / ": " / " (…)", with no sentence and no speech verb.
func (e *Extractor) isNameLine(toks []text.Token) bool {
	if len(toks) == 0 || len(toks) > 24 || !text.IsCapitalized(toks[0].Text) || sentenceOpeners[toks[0].Text] {
		return false
	}
	p, ok := npAfter(toks, 0)
	if !ok || pronounSpeakers[toks[p.a].Text] || p.b-p.a > 4 {
		return false
	}
	if next := p.b + 1; next < len(toks) && !strings.Contains(",:(—–-", toks[next].Text) &&
		!((toks[next].Text == "from" || toks[next].Text == "of" || toks[next].Text == "in") && next+1 < len(toks) && text.IsCapitalized(toks[next+1].Text)) {
		return false // but "Rachel Green from Madison, Wis.:" names her
	}
	for k, t := range toks {
		if t.Text == "." && k > 0 && k+1 < len(toks) && (abbreviation(toks[k-1].Text) || toks[k+1].Text == ":" || toks[k+1].Text == ",") {
			continue // "St. Louis", "Madison, Wis.:"
		}
		if (t.Text == "." || t.Text == "!" || t.Text == "?") && k+1 < len(toks) {
			return false // sentences, not a name line
		}
		if c, _ := e.cueAt(toks, k, false); c != "" || text.IsWord(t.Text) && e.lex.after[lower(t.Text)] {
			return false
		}
	}
	return true
}

// sentenceSubject gives a cue-less quote inside a sentence the subject of the clause before it,
// when that subject is a PERSON/ORG mention or a capitalised name right at the clause start.
func (d *doc) sentenceSubject(q *found) bool {
	start := clauseStart(d.s, q.openerAt)
	toks := d.tokensIn(start, q.openerAt)
	if len(toks) < 2 {
		return false
	}
	var probe found
	d.clauseSubject(&probe, toks, len(toks))
	if probe.pronoun {
		if p := d.s[probe.mStart:probe.mEnd]; p != "he" && p != "He" && p != "she" && p != "She" {
			return false
		}
		q.pronoun, q.mStart, q.mEnd = true, probe.mStart, probe.mEnd // resolved with the others
		return true
	}
	if probe.spk == nil || d.lastMentionIn(probe.mStart, probe.mEnd) == nil && !text.IsCapitalized(d.s[probe.mStart:probe.mEnd]) ||
		probe.kind != kindNamed && !d.isEntity(probe.spk) {
		return false // "The documents bear the words “…”": only a name's words are quoted without a cue
	}
	q.spk, q.mStart, q.mEnd, q.role = probe.spk, probe.mStart, probe.mEnd, probe.role
	return true
}

// introducedSpeaker gives a cue-less paragraph-initial quote the subject of the previous
// paragraph's last sentence, when that subject is a named person or he/she.
func (d *doc) introducedSpeaker(q *found) bool {
	prevEnd := strings.LastIndex(d.s[:q.openerAt], "\n\n")
	if prevEnd <= 0 {
		return false
	}
	prevStart := strings.LastIndex(d.s[:prevEnd], "\n\n") + 1
	sents := text.Sentences(d.s[prevStart:prevEnd])
	if len(sents) == 0 {
		return false
	}
	last := sents[len(sents)-1]
	toks := d.tokensIn(prevStart+last.Start, prevStart+last.End)
	if len(toks) < 3 {
		return false
	}
	i := 0
	if toks[0].Text == "He" || toks[0].Text == "She" {
		d.resolveNP(q, toks, np{a: 0, b: 0})
		return true
	}
	for i < len(toks) && !text.IsCapitalized(toks[i].Text) {
		i++
	}
	if m := d.mentionAt(toks[min(i, len(toks)-1)].Start); m != nil && i < 3 && m.typ == article.TypePerson {
		q.spk, q.mStart, q.mEnd = m, m.start, m.end
		return true
	}
	return false
}
