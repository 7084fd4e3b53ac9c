package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Direct quotes: the marks that open and close them, and the spans between.

// quoteMark is an opening quote mark and the marks that may close it, most specific first.
type quoteMark struct {
	open    string
	closers []string
	single  bool // an apostrophe-like mark: it closes only before a non-letter
}

var quoteMarks = []quoteMark{
	{"“", []string{"”", "“", "\""}, false}, // typography is mixed in the wild: “…," she said
	{"''", []string{"''"}, false},
	{"\"", []string{"\"", "”"}, false},
	{"«", []string{"»"}, false},
	{"„", []string{"“", "”"}, false},
	{"‹", []string{"›"}, false},
	{"「", []string{"」"}, false},
	{"‘", []string{"’"}, true},
	{"'", []string{"'"}, true},
}

// direct finds quoted passages and their cues.
func (e *Extractor) direct(d *doc) []found {
	s := d.s
	var qs []found
	for i := 0; i < len(s); {
		c := s[i]
		if c != '"' && c != '\'' && c < utf8.RuneSelf {
			i++
			continue
		}
		mark, ok := openerAt(s, i)
		if !ok {
			i++
			continue
		}
		cs := i + len(mark.open)
		ce, closeEnd, ok := findCloser(s, cs, mark)
		if !ok {
			i = cs
			continue
		}
		q := found{direct: true, openerAt: i, closerAt: closeEnd}
		q.start, q.end = trimContent(s, cs, ce)
		q.paragraphInitial = i == 0 || strings.HasSuffix(strings.TrimRight(s[:i], " \t"), "\n") ||
			strings.TrimSpace(s[:i]) == ""
		i = closeEnd
		if q.end <= q.start {
			continue
		}
		if titleQuote(d, q) {
			continue
		}
		words := len(strings.Fields(s[q.start:q.end]))
		var found bool
		if leadIn(s, q.openerAt) && fullStop(s, q) {
			// "O'Malley interjected: “… the banks.” He said …": a quote that ends its sentence after a
			// lead-in is the lead-in's; the cue after it belongs to the next sentence.
			found = e.cueBefore(d, &q, q.openerAt) || e.cueAfter(d, &q, closeEnd)
		} else {
			found = e.cueAfter(d, &q, closeEnd) || e.cueBefore(d, &q, q.openerAt)
		}
		if !q.direct {
			i = max(i, q.end) // quoted phrases later in mixed reported speech belong to it
		}
		if !found && (words < 4 && !shortSentence(s, q, qs) || mark.open == "'") {
			continue // a scare quote or a title, not speech
		}
		if !found {
			// "A cashier who “steals a handful of $20s” is held accountable, Warren said.": the
			// sentence's trailing cue makes it reported speech holding the quoted words, and the
			// quoted phrases after this one up to its end are part of it.
			if found = e.trailingMixed(d, &q); found && !q.direct {
				i = max(i, q.end)
			}
		}
		if !found && q.paragraphInitial && e.nameLine(d, &q) {
			found = true
		}
		if !found && !q.paragraphInitial {
			// "Nordhaus welcomed “the recognition that …”": a quote inside a sentence whose verb is not
			// a speech cue is still the words of the sentence's subject, when that is a name.
			found = d.sentenceSubject(&q)
		}
		if !found && q.paragraphInitial && (len(qs) == 0 || strings.Count(gapBefore(s, qs, q.openerAt), "\n\n") > 1) {
			// "Maria Lopez runs a shop in Phoenix.\n\n“…”": a quote with no cue after a paragraph about
			// someone is theirs.
			found = d.introducedSpeaker(&q)
		}
		if !found && len(qs) > 0 {
			// A quote without a cue continues the previous quote's speaker when it follows it in the
			// same paragraph or opens the next paragraph.
			breaks := strings.Count(gapBefore(s, qs, q.openerAt), "\n\n")
			q.inherit = breaks == 0 || breaks == 1 && q.paragraphInitial
		}
		qs = append(qs, q)
	}
	return qs
}

// trailingMixed reads a quote with no cue of its own inside a sentence that ends "…, X said." as
// reported speech holding quoted words: the sentence up to the cue, by X. It reports whether it
// did.
func (e *Extractor) trailingMixed(d *doc, q *found) bool {
	end := mixedEnd(d, q.closerAt)
	if end <= q.closerAt || end-q.closerAt > 300 {
		return false
	}
	toks := d.tokensIn(d.sentenceStart(q.openerAt), end)
	if len(toks) < 6 {
		return false
	}
	for _, r := range e.trailingCue(d, toks) {
		if r.start <= q.openerAt && r.end >= q.closerAt-1 && r.subjectRead() && r.cueStart > q.closerAt {
			openerAt, closerAt := q.openerAt, q.closerAt
			*q = r
			q.openerAt, q.closerAt = openerAt, closerAt
			return true
		}
	}
	return false
}

// shortSentence reports whether a short quote is a whole sentence said right after the previous
// quote in its paragraph (“…,” she told reporters. “Now it will.”), not a scare quote or a title.
func shortSentence(s string, q found, qs []found) bool {
	if len(qs) == 0 || strings.Contains(gapBefore(s, qs, q.openerAt), "\n") || len(strings.Fields(s[q.start:q.end])) < 2 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[q.start:])
	last := s[q.end-1]
	return unicode.IsUpper(r) && (last == '.' || last == '!' || last == '?')
}

// gapBefore is the text between the last quote of qs and opener: none when that quote, read as
// reported speech around quoted phrases, reaches past the opener.
func gapBefore(s string, qs []found, opener int) string {
	if len(qs) == 0 {
		return ""
	}
	return s[min(qs[len(qs)-1].end, opener):opener]
}

// leadIn reports whether the text before a quote opener ends with a colon or a comma ("He added:",
// "saying,").
func leadIn(s string, opener int) bool {
	t := strings.TrimRight(s[:opener], " \t\u00a0")
	return strings.HasSuffix(t, ":") || strings.HasSuffix(t, ",")
}

// fullStop reports whether a quote ends its sentence: its words end with a full stop, or with "?"
// or "!" and a capitalised word follows ("“…?” He said" starts a new sentence; "“…?” he asked"
// does not).
func fullStop(s string, q found) bool {
	switch s[q.end-1] {
	case '.':
		return true
	case '?', '!':
		rest := strings.TrimLeft(s[q.closerAt:], " \u00a0")
		return strings.HasPrefix(rest, "He ") || strings.HasPrefix(rest, "She ") || strings.HasPrefix(rest, "They ")
	}
	return false
}

// openerAt returns the quote mark that opens at i, if one does: it follows space, a bracket, a
// dash, a colon or the start, and precedes a non-space.
func openerAt(s string, i int) (quoteMark, bool) {
	for _, m := range quoteMarks {
		if !strings.HasPrefix(s[i:], m.open) {
			continue
		}
		if m.open == "\"" || m.open == "“" || m.open == "''" || m.single {
			if i > 0 {
				prev, _ := utf8.DecodeLastRuneInString(s[:i])
				if !(unicode.IsSpace(prev) || strings.ContainsRune("([—–-:/", prev)) {
					return quoteMark{}, false
				}
			}
			next, _ := utf8.DecodeRuneInString(s[i+len(m.open):])
			if i+len(m.open) >= len(s) || unicode.IsSpace(next) || m.single && !(unicode.IsLetter(next) || unicode.IsDigit(next) || next == '“' || next == '"') {
				return quoteMark{}, false
			}
		}
		return m, true
	}
	return quoteMark{}, false
}

// closerOK reports whether the closing mark c found at k really closes: an apostrophe-like mark
// closes only before a non-letter and after a non-space ("don’t" and "the voters’ choice" do not).
func closerOK(s string, k int, c string, m quoteMark) bool {
	if c == "\"" && k > 0 && (s[k-1] == ' ' || s[k-1] == '\n') && k+1 < len(s) && s[k+1] != ' ' && s[k+1] != '\n' {
		return false // an opening straight quote inside: “He said "no" to me”
	}
	if !m.single {
		return true
	}
	if k == 0 || s[k-1] == ' ' || s[k-1] == '\n' {
		return false
	}
	if end := k + len(c); end < len(s) {
		next, _ := utf8.DecodeRuneInString(s[end:])
		if unicode.IsLetter(next) || unicode.IsDigit(next) {
			return false
		}
	}
	return true
}

// pluralPossessive reports whether the mark at k reads as "voters’ patience" (after an s, before
// a lower-case word) while another mark closes later in the paragraph.
func pluralPossessive(s string, k, n, limit int) bool {
	if k == 0 || s[k-1] != 's' || k+n+1 >= limit || s[k+n] != ' ' || s[k+n+1] < 'a' || s[k+n+1] > 'z' {
		return false
	}
	return strings.Contains(s[k+n:limit], s[k:k+n])
}

// findCloser finds where the quote opened before cs ends. A paragraph break ends it unless the
// next paragraph re-opens the quote (the multi-paragraph convention).
func findCloser(s string, cs int, m quoteMark) (contentEnd, after int, ok bool) {
	i := cs
	for i < len(s) {
		para := strings.Index(s[i:], "\n\n")
		limit := len(s)
		if para >= 0 {
			limit = i + para
		}
		best, bestLen := -1, 0
		for _, c := range m.closers {
			for off := i; off < limit; {
				k := strings.Index(s[off:limit], c)
				if k < 0 {
					break
				}
				if closerOK(s, off+k, c, m) && !(m.single && pluralPossessive(s, off+k, len(c), limit)) {
					if best < 0 || off+k < best {
						best, bestLen = off+k, len(c)
					}
					break
				}
				off += k + len(c)
			}
		}
		if best >= 0 {
			// An inner single quote closes right before the outer pair: "…them,''' Mr. Putin said".
			for m.open == "''" && best+bestLen < len(s) && s[best+bestLen] == '\'' {
				best++
			}
			return best, best + bestLen, true
		}
		if para < 0 {
			return 0, 0, false
		}
		next := strings.TrimLeft(s[limit:], " \n\t")
		if !strings.HasPrefix(next, m.open) {
			return 0, 0, false
		}
		i = len(s) - len(next) + len(m.open)
	}
	return 0, 0, false
}

// trimContent drops surrounding space and a trailing comma from the quoted words.
func trimContent(s string, a, b int) (int, int) {
	for a < b && (s[a] == ' ' || s[a] == '\n') {
		a++
	}
	for b > a && (s[b-1] == ' ' || s[b-1] == '\n' || s[b-1] == ',') {
		b--
	}
	return a, b
}
