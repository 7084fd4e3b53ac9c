package quote

import (
	"github.com/newsmon/newsmon/pkg/text"
)

// participleAfterQuote reads the participle clause after a direct quote's cue: "“…,” he said,
// adding that the party would unite", "“…,” said Ms Ray, noting that …": the same speaker's
// reported speech, with the participle as its cue. after is where the quotes and cues of the
// sentence sp end.
func (e *Extractor) participleAfterQuote(d *doc, sp text.Span, after int, direct []found) []found {
	var q *found
	for i := range direct {
		if c := &direct[i]; c.cue != "" && c.cueEnd <= after && c.cueStart >= sp.Start && c.cueEnd > c.closerAt {
			q = c // the last quote whose cue follows it in this sentence
		}
	}
	if q == nil || !q.subjectRead() {
		return nil
	}
	from := after
	if q.mEnd > from && q.mEnd < sp.End {
		from = q.mEnd // "said Ms Ray, adding": past the speaker after an inverted cue
	}
	toks := d.tokensIn(from, sp.End)
	if len(toks) < 5 || toks[0].Text != "," {
		return nil
	}
	cue, cEnd := e.cueAt(toks, 1, false)
	if cue == "" || cue == "according to" || !participle(lower(toks[1].Text)) {
		return nil
	}
	start := e.contentStart(toks, 1, cEnd)
	if noWordsReported(toks, 1, start, false) {
		return nil
	}
	a, b, ok := content(toks, start, len(toks))
	if !ok {
		return nil
	}
	r := *q
	r.direct, r.inherit = false, false
	r.cue, r.cueStart, r.cueEnd = cue, toks[1].Start, toks[cEnd].End
	r.start, r.end, r.openerAt, r.closerAt = a, b, a, b
	return []found{r}
}

// subjectHead is the span of toks[a:b] when it is the short subject of a clause that a cue
// interrupts ("The trouble, Frank writes, began …", "Democrats, she notes, applaud …"): one or two
// words opening with a capital, the first part of what was said.
func subjectHead(toks []text.Token, a, b int) (int, int, bool) {
	if b-a < 1 || b-a > 2 || !text.IsCapitalized(toks[a].Text) || sentenceOpeners[toks[a].Text] || pronounSpeakers[toks[a].Text] || adverb(lower(toks[a].Text)) {
		return 0, 0, false
	}
	for _, t := range toks[a:b] {
		if !text.IsWord(t.Text) {
			return 0, 0, false
		}
	}
	return toks[a].Start, toks[b-1].End, true
}

// openingInverted reads the words after an inverted cue near a sentence's start ("Worryingly, said
// the firm, gangs were …"): an appositive that runs to the sentence's end is what was said, not a
// role, and the speaker ends before it; one that ends at a comma is the role ("…, said Stacey Ray,
// a vice president of the firm, is that …"). It returns the phrase and its last token, after
// which the comma before the rest of what was said stands.
func openingInverted(toks []text.Token, p np) (np, int) {
	end := p.b + 2
	for end < len(toks) && toks[end].Start < p.roleE {
		end++
	}
	if end >= len(toks) || toks[end].Text != "," {
		p.roleStart, p.roleE = 0, 0
		return p, p.b
	}
	return p, end - 1
}

// verbFirst reports whether what follows an interrupting cue may be the rest of a clause whose
// subject came before it: a lower-case word that opens no noun phrase ("began", "applaud"), not
// "the"/"it" ("Thus, Kodak pointed out, the system …": "Thus" is no subject).
func verbFirst(w string) bool {
	return text.IsWord(w) && !text.IsNumber(w) && !text.IsCapitalized(w) && !determiners[w] && !npStops[w] && !pronounSpeakers[w] && !personalPronouns[w]
}
