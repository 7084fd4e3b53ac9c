package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsmon/newsmon/pkg/text"
)

// indirect finds reported speech in sentences that hold no direct quote with its cue:
//
//	"According to X, CONTENT." / "CONTENT, according to X."
//	"CONTENT, X said." / "CONTENT, said X."
//	"X said (on Monday) (that) CONTENT." / "X told reporters (that) CONTENT." / "X expressed hope that …"
//	"…, saying (that) CONTENT." (the speaker is the clause's subject)
//	"X said CONTENT, adding that CONTENT2." (two quotes by X)
//	"CONTENT, X said, CONTENT2." (the cue inside what was said: two quotes by X)
//	"Asked about CONTENT, …" (a question whose asker is not named: no speaker)
func (e *Extractor) indirect(d *doc, direct []found) []found {
	var out []found
	skipTo := 0 // the end of a block already read as a colon's quote
	for _, sp := range text.SentencesOf(d.s, d.toks) {
		if sp.Start < skipTo {
			continue
		}
		if end := e.colonBlock(d, sp, direct); end > 0 {
			// "The judge said she must:" and a list, "Limbaugh added:" and a paragraph without
			// quote marks: the lead-in's cue reports the block after the colon.
			if qs := e.sentenceQuotes(d, d.tokensIn(sp.Start, end)); len(qs) > 0 {
				out = append(out, qs...)
				skipTo = end
				continue
			}
		}
		if cut, after := directSpan(sp, direct); cut >= 0 {
			// "Trump said X, but agreed that the fleet had ''promotional value.''": what comes before
			// the quote and its cue, or after them as a new sentence, may still be reported speech.
			if toks := d.tokensIn(sp.Start, cut); len(toks) >= 6 {
				if qs := e.trailingBeforeQuote(d, toks); len(qs) > 0 {
					out = append(out, qs...)
				} else {
					out = append(out, e.leadingCue(d, toks)...)
				}
			}
			if toks := d.tokensIn(sp.Start, cut); len(toks) >= 4 {
				out = append(out, d.askedPhrase(toks)...)
			}
			out = append(out, d.contentBeforeSpeaker(sp, direct)...)
			if toks := d.tokensIn(after, sp.End); len(toks) >= 6 && (text.IsCapitalized(toks[0].Text) || pronounSpeakers[toks[0].Text]) {
				out = append(out, e.leadingCue(d, toks)...)
			} else {
				out = append(out, e.participleAfterQuote(d, sp, after, direct)...)
			}
			continue
		}
		toks := d.tokensIn(sp.Start, sp.End)
		if len(toks) < 5 {
			continue
		}
		out = append(out, d.askedPhrase(toks)...)
		if j, rel := e.relativeCue(d, toks); j > 0 {
			// "…, according to the confederation, which said it had sold …", "…, said Patrick Ng, an
			// analyst at …, who added that …": the relative clause is the same speaker's second quote.
			if qs := e.sentenceQuotes(d, toks[:j]); len(qs) > 0 && qs[len(qs)-1].subjectRead() && qs[len(qs)-1].end <= toks[j].Start {
				last := qs[len(qs)-1]
				rel.spk, rel.pronoun, rel.unnamed, rel.role = last.spk, last.pronoun, last.unnamed, last.role
				if rel.spk != nil {
					rel.kind = kindPronoun
				}
				out = append(append(out, qs...), rel)
				continue
			}
		}
		out = append(out, e.sentenceQuotes(d, toks)...)
	}
	return out
}

// trailingBeforeQuote reads "CONTENT, Spicer said, adding, “…”": before a quote whose cue is a
// participle, the clause that ends in the speaker's own cue and a comma is his reported speech.
func (e *Extractor) trailingBeforeQuote(d *doc, toks []text.Token) []found {
	n := len(toks)
	if toks[n-1].Text != "," {
		return nil
	}
	if c, _ := e.cueAt(toks, n-2, false); c == "" || participle(lower(toks[n-2].Text)) {
		return nil
	}
	qs := e.trailingCue(d, toks)
	if len(qs) != 1 || !qs[0].subjectRead() || qs[0].cueEnd != toks[n-2].End {
		return nil
	}
	return qs
}

// contentBeforeSpeaker reads "CONTENT, X said: “…”": the clause before the speaker of a direct
// quote's cue, cut off by a comma, is the same speaker's reported speech.
func (d *doc) contentBeforeSpeaker(sp text.Span, direct []found) []found {
	for _, q := range direct {
		if q.cue == "" || q.cueStart <= sp.Start || q.cueStart >= sp.End || q.openerAt < q.cueEnd || q.spk == nil || q.mEnd <= q.mStart || q.mEnd > q.cueStart {
			continue
		}
		toks := d.tokensIn(sp.Start, q.mStart)
		n := len(toks)
		if n < 5 || toks[n-1].Text != "," || strings.TrimSpace(d.s[q.mEnd:q.cueStart]) != "" || relativePronoun(d.s[q.mStart:q.mEnd]) {
			// ("…, endorsed by the union, who say “…”": the words before the relative clause are no one's)
			continue
		}
		from := datelineEnd(toks, n-1)
		a, b, ok := content(toks, from, n-1)
		if !ok || !clauseLike(toks[from:n-1]) {
			continue // "Speaking at a rally in Ohio, Trump said: “…”": a lead-in, not what was said
		}
		r := q
		r.direct, r.start, r.end, r.openerAt, r.closerAt = false, a, b, a, b
		return []found{r}
	}
	return nil
}

// clauseLike reports whether words before a comma are a clause someone could have said ("Trump will
// probably use the debate to make news"), not a lead-in of time, place or manner ("At a rally in
// Ohio", "Speaking on Monday", "In a 2013 memo"): they open with no preposition, participle or
// subordinator, and hold an auxiliary or a past tense.
func clauseLike(toks []text.Token) bool {
	if len(toks) < 4 {
		return false
	}
	w := toks[0].Text
	if lw := lower(w); prepositions[lw] || subordinators[w] || sentenceOpeners[w] || gerund(lw) || participle(lw) || !text.IsWord(w) {
		return false
	}
	for _, t := range toks[1:] {
		if lt := lower(t.Text); auxiliaries[lt] || pastTense(lt) && !text.IsCapitalized(t.Text) {
			return true
		}
	}
	return false
}

// colonBlock is the end of the block a lead-in sentence ending in a colon introduces when the block
// carries no quote marks: the next paragraph, or the run of list items ("- …", "• …", "1. …") that
// follows; 0 when sp does not end in a colon, a direct quote is in it or follows it, or no paragraph
// follows.
func (e *Extractor) colonBlock(d *doc, sp text.Span, direct []found) int {
	toks := d.tokensIn(sp.Start, sp.End)
	if len(toks) < 2 || toks[len(toks)-1].Text != ":" {
		return 0
	}
	rest := d.s[sp.End:]
	lead := len(rest) - len(strings.TrimLeft(rest, " \t\r\n"))
	if !strings.Contains(rest[:lead], "\n") || lead == len(rest) {
		return 0 // the quote goes on in the same line, or nothing follows
	}
	from := sp.End + lead
	end := from
	for {
		line := d.s[end:]
		if nl := strings.Index(line, "\n"); nl >= 0 {
			line = line[:nl]
		}
		if end == from || listItem(line) && listItem(d.s[from:]) {
			end += len(line)
		} else {
			break
		}
		next := d.s[end:]
		gap := len(next) - len(strings.TrimLeft(next, " \t\r\n"))
		if gap == len(next) || !listItem(next[gap:]) || !listItem(d.s[from:]) {
			break
		}
		end += gap
	}
	if cut, _ := directSpan(text.Span{Start: sp.Start, End: end}, direct); cut >= 0 || strings.TrimSpace(d.s[from:end]) == "" {
		return 0
	}
	return end
}

// listItem reports whether a line opens with a list marker: a dash, a bullet, or a number with a
// full stop or bracket.
func listItem(line string) bool {
	switch {
	case strings.HasPrefix(line, "- "), strings.HasPrefix(line, "• "), strings.HasPrefix(line, "* "), strings.HasPrefix(line, "– "):
		return true
	}
	i := 0
	for i < len(line) && line[i] >= '0' && line[i] <= '9' {
		i++
	}
	return i > 0 && i < 3 && i+1 < len(line) && (line[i] == '.' || line[i] == ')') && line[i+1] == ' '
}

// sentenceQuotes reads the reported speech of a sentence with no direct quote: "according to X",
// a cue after what was said, or a cue before it.
func (e *Extractor) sentenceQuotes(d *doc, toks []text.Token) []found {
	if q, ok := e.accordingTo(d, toks); ok {
		if q.spk == nil && !q.pronoun {
			// "He said the area … exceeded 9,000 square kilometres, according to preliminary
			// estimates": a document with no issuer is the speaker's source, not the speaker.
			if qs := e.leadingCue(d, toks); len(qs) > 0 && qs[0].cueStart < q.cueStart && (qs[0].spk != nil || qs[0].pronoun) {
				return qs
			}
		}
		return []found{q}
	}
	if qs := e.trailingCue(d, toks); len(qs) > 0 {
		return qs
	}
	if qs := e.leadingCue(d, toks); len(qs) > 0 {
		return qs
	}
	return e.classCue(d, toks)
}

// relativeCue finds a relative clause of speech after the sentence's speaker: ", which said (that)
// CONTENT" / ", who added that CONTENT" running to the sentence's end. It returns the index of the
// comma and the quote (content, cue and the relative pronoun as mention) with no speaker yet; 0
// when there is none.
func (e *Extractor) relativeCue(d *doc, toks []text.Token) (int, found) {
	for j := 3; j+3 < len(toks); j++ {
		if toks[j].Text != "," || toks[j+1].Text != "who" && toks[j+1].Text != "which" {
			continue
		}
		k := j + 2
		for k < len(toks) && (skipBeforeCue[toks[k].Text] || adverb(toks[k].Text)) {
			k++
		}
		if k >= len(toks) {
			return 0, found{}
		}
		cue, kEnd := e.cueAt(toks, k, false)
		if cue == "" || cue == "according to" || participle(lower(toks[k].Text)) {
			continue
		}
		from := e.contentStart(toks, k, kEnd)
		a, b, ok := content(toks, from, len(toks))
		if !ok || noWordsReported(toks, k, from, false) {
			return 0, found{}
		}
		return j, found{start: a, end: b, cue: cue, cueStart: toks[k].Start, cueEnd: toks[kEnd].End,
			mStart: toks[j+1].Start, mEnd: toks[j+1].End}
	}
	return 0, found{}
}

// askedPhrase reads the question in "Asked about X, she said …" / "… when asked whether X.": the
// question is reported speech whose asker the text does not name, so it has no speaker.
func (d *doc) askedPhrase(toks []text.Token) []found {
	for k := 0; k+2 < len(toks); k++ {
		if lower(toks[k].Text) != "asked" {
			continue
		}
		if k > 0 && lower(toks[k-1].Text) != "when" && lower(toks[k-1].Text) != "whenever" && toks[k-1].Text != "," && toks[k-1].Text != "and" {
			continue
		}
		from := k + 1
		var q found
		if toks[from].Text == "about" || toks[from].Text == "on" {
			from++
		} else if toks[from].Text == "by" {
			if p, ok := npAfter(toks, from+1); ok { // "Asked by Stephanopoulos whether …": he asked
				d.resolveNP(&q, toks, p)
			}
			for from < len(toks) && toks[from].Text != "," && !questionWords[lower(toks[from].Text)] && toks[from].Text != "about" {
				from++
			}
			if from < len(toks) && toks[from].Text == "about" {
				from++
			}
		}
		end := from
		for end < len(toks) && toks[end].Text != "," && toks[end].Text != ";" {
			end++
		}
		if a, b, ok := content(toks, from, end); ok {
			q.start, q.end, q.cue, q.cueStart, q.cueEnd = a, b, toks[k].Text, toks[k].Start, toks[k].End
			return []found{q}
		}
		return nil
	}
	return nil
}

// questionWords open an indirect question.
var questionWords = map[string]bool{"whether": true, "if": true, "what": true, "who": true, "how": true, "why": true, "when": true, "where": true, "which": true}

// directSpan is where the direct or mixed quotes found with their cues (and the cues) start and end
// in a sentence; cut is -1 when the sentence holds none.
func directSpan(sp text.Span, qs []found) (cut, after int) {
	cut, after = -1, sp.End
	for _, q := range qs {
		lo, hi := q.openerAt, q.closerAt
		if q.cue != "" {
			lo, hi = min(lo, q.cueStart), max(hi, q.cueEnd)
		}
		if !q.direct {
			lo, hi = min(lo, q.start), max(hi, q.end)
		}
		if lo < sp.End && hi > sp.Start {
			if cut < 0 || lo < cut {
				cut = max(lo, sp.Start)
			}
			if after == sp.End || hi > after {
				after = min(hi, sp.End)
			}
		}
	}
	return cut, after
}

// content trims punctuation from both ends of the token range [a, b) and returns its byte span.
func content(toks []text.Token, a, b int) (int, int, bool) {
	for a < b && !text.IsWord(toks[a].Text) && !isOpenMark(toks[a].Text) {
		a++
	}
	for b > a && (!text.IsWord(toks[b-1].Text) && !isCloseMark(toks[b-1].Text) && toks[b-1].Text != ")" && toks[b-1].Text != "%" ||
		trailingConjunctions[toks[b-1].Text]) {
		b--
	}
	if b-a < 3 {
		return 0, 0, false
	}
	return toks[a].Start, toks[b-1].End, true
}

// trailingConjunctions are dropped from the end of reported content cut short before a quote.
var trailingConjunctions = map[string]bool{"and": true, "but": true, "or": true, "while": true, "as": true}

func isOpenMark(t string) bool  { return t == "“" || t == "‘" || t == "\"" || t == "«" }
func isCloseMark(t string) bool { return t == "”" || t == "’" || t == "\"" || t == "»" }

// accordingTo handles "According to X, CONTENT." and "CONTENT, according to X."
func (e *Extractor) accordingTo(d *doc, toks []text.Token) (found, bool) {
	for k := 0; k+1 < len(toks); k++ {
		if !strings.EqualFold(toks[k].Text, "according") || toks[k+1].Text != "to" {
			continue
		}
		q := found{cue: d.s[toks[k].Start:toks[k+1].End], cueStart: toks[k].Start, cueEnd: toks[k+1].End}
		var ok bool
		switch {
		case k == 0 || k <= 3 && toks[k-1].Text == ",":
			comma := indexTok(toks, ",", k+2)
			if comma < 0 {
				return found{}, false
			}
			if q.start, q.end, ok = content(toks, comma+1, len(toks)); !ok {
				return found{}, false
			}
			e.speakerAfter(d, &q, toks[:comma], k+2)
		case toks[k-1].Text == ",":
			if q.start, q.end, ok = content(toks, datelineEnd(toks, k-1), k-1); !ok {
				return found{}, false
			}
			end := len(toks)
			if c := indexTok(toks, ",", k+2); c > 0 {
				end = c
			}
			e.speakerAfter(d, &q, toks[:end], k+2)
		default:
			return found{}, false
		}
		return q, true
	}
	return found{}, false
}

// speakerAfter resolves the noun phrase starting at toks[k] ("according to the ministry").
func (e *Extractor) speakerAfter(d *doc, q *found, toks []text.Token, k int) {
	for n := len(toks); n > k && (toks[n-1].Text == "." || toks[n-1].Text == "!" || toks[n-1].Text == "?"); n-- {
		toks = toks[:n-1] // "…, according to analysts.": the sentence's full stop is no part of them
	}
	if len(toks)-k == 1 && objectPronouns[lower(toks[k].Text)] {
		// "according to him": the person last spoken of, as "he said" would be
		q.spk, q.pronoun, q.kind, q.mStart, q.mEnd = nil, true, kindPronoun, toks[k].Start, toks[k].End
		return
	}
	if n := len(toks) - k; n >= 2 && n <= 6 && determiners[lower(toks[k].Text)] && !demonstratives[lower(toks[k].Text)] && allLowerWords(toks[k+1:]) {
		// "according to a senior law enforcement official": a description, however many modifiers
		d.resolveNP(q, toks, np{a: k, b: len(toks) - 1, after: true})
		return
	}
	if p, ok := npAfter(toks, k); ok {
		d.resolveNP(q, toks, p)
		return
	}
	if n := len(toks) - k; n >= 1 && n <= 5 && allLowerWords(toks[k:]) {
		// "according to analysts, …", "according to local officials, …": a described group.
		d.resolveNP(q, toks, np{a: k, b: len(toks) - 1, after: true})
		return
	}
	if k < len(toks) {
		d.nearestMention(q, toks, k, toks[k].Start, toks[len(toks)-1].End)
	}
}

// objectPronouns stand for a speaker after "according to"; resolvePronouns reads them as he, she
// and they.
var objectPronouns = wordSet(`him her them`)

// datelineEnd skips a dateline ("WUXI, China — ") at the start of a sentence: it returns the index
// of the first token after the dash, or 0.
func datelineEnd(toks []text.Token, limit int) int {
	if len(toks) == 0 || strings.ToUpper(toks[0].Text) != toks[0].Text || !text.IsWord(toks[0].Text) {
		return 0
	}
	for k := 1; k < limit && k < 12; k++ {
		if toks[k].Text == "—" || toks[k].Text == "–" || toks[k].Text == "--" || toks[k].Text == "-" && k+1 < limit && text.IsCapitalized(toks[k+1].Text) {
			return k + 1 // "WUXI, China — ", "SYDNEY, April 8 - "
		}
	}
	return 0
}

func indexTok(toks []text.Token, w string, from int) int {
	for k := from; k < len(toks); k++ {
		if toks[k].Text == w {
			return k
		}
	}
	return -1
}

// trailingCue handles "CONTENT, X said (on Monday)." and "CONTENT, said X, a ROLE." with the cue
// among the last tokens.
func (e *Extractor) trailingCue(d *doc, toks []text.Token) []found {
	n := len(toks)
	for k := n - 1; k >= 1 && n-k <= 24; k-- {
		// At the sentence's end a verb of reporting counts: "…, The Wall Street Journal reports.",
		// "…, new figures show.", and a speech verb in a title-case headline ("…, Minister Says").
		cue, kEnd := e.cueAt(toks, k, false)
		if w := lower(toks[k].Text); cue == "" && (reportVerbs[w] || e.lex.say[w] && d.inHeadline(toks[k].Start)) && (k+1 == n || k+2 == n && !text.IsWord(toks[k+1].Text)) && text.IsWord(toks[k-1].Text) && !nounNotCue(toks, k, w) {
			cue, kEnd = toks[k].Text, k
		}
		if cue == "" || cue == "according to" || participle(lower(toks[k].Text)) {
			continue
		}
		var q found
		q.cue, q.cueStart, q.cueEnd = cue, toks[k].Start, toks[kEnd].End
		comma, last, role := -1, kEnd, false
		// ("…, his top aide, Tad Devine, told The Huffington Post.": "told" never inverts; the comma
		// before it closes the subject's appositive, and the phrase after it is the addressee)
		inverted := toks[k-1].Text == "," && !tellVerbs[lower(toks[k].Text)]
		if inverted {
			// "CONTENT, said X."
			if !inverting[lower(toks[k].Text)] && kEnd+1 < len(toks) && determiners[lower(toks[kEnd+1].Text)] {
				continue // "Northlight, the production company, confirmed the deal": an object, not an inverted subject
			}
			p, ok := npAfter(toks, kEnd+1)
			who := ok && p.b+1 < n && lower(toks[p.b+1].Text) == "who" && !pronounSpeakers[toks[p.a].Text]
			if !ok || p.b+1 < n && toks[p.b+1].Text != "," && text.IsWord(toks[p.b+1].Text) && !skipAfterCue[toks[p.b+1].Text] && !who {
				continue // "…, said it would invest": the phrase after the cue is not its subject
			}
			comma, last, role = k-1, p.b, p.roleE > p.roleStart
			if who {
				// "…, said a former official who oversaw such cases.": the relative clause tells who
				// the speaker is, to the sentence's end
				last, role = n-1, true
			}
			if subjectAside(toks, k, datelineEnd(toks, comma)) || pronounSpeakers[toks[p.a].Text] && p.b+1 < n && text.IsWord(toks[p.b+1].Text) {
				// "Gov. John Kasich of Ohio, a Republican who …, said the family deserved better",
				// "Sanders, who …, said he may campaign for him": the subject is before the cue
				continue
			}
			if nameList(toks[datelineEnd(toks, comma):comma]) {
				continue // "Rio Tinto-Zinc Corp Plc, RTZ, said the rise …": the name is the subject, not what was said
			}
			if comma-datelineEnd(toks, comma) <= 3 && role {
				// "Worryingly, said the firm, gangs were …", "What this means, said X, a ROLE, is that …":
				// an inverted cue near the start; what was said goes on after the speaker (and role)
				p, last = openingInverted(toks, p)
				role = false
			}
			d.resolveNP(&q, toks, p)
		} else {
			p, ok := npBefore(toks, k)
			if !ok || p.a == 0 || toks[p.a-1].Text != "," {
				// "…, the joint report from the FAO and the WFP said.": the whole phrase after the comma
				p, _, ok = trailingSubject(toks, k)
			}
			if !ok || p.a == 0 || toks[p.a-1].Text != "," || !p.none && transactionHeads[lower(toks[p.b].Text)] {
				continue // (", a deal announced at the beginning of the week": a deal says nothing)
			}
			comma = p.a - 1
			if p.roleE > p.roleStart {
				// "CONTENT, Cui Rongguo, Party secretary, said": the comma before the name.
				for c := p.a - 1; c >= 0; c-- {
					if toks[c].Text == "," {
						comma = c
						break
					}
				}
			}
			d.resolveNP(&q, toks, p)
			last = addresseeEnd(toks, k, kEnd, last) // "…, he told BBC Radio 4's World At One programme"
		}
		// "The hashtag, he said, was even more popular": the cue sits inside what was said, which
		// goes on after the closing comma (the speaker's role after an inverted cue does not).
		rest := -1
		for j := last + 1; j < n && j <= last+5 && !role; j++ {
			if toks[j].Text == "," {
				if n-1-j >= 3 && !(inverted && j+1 < n && relativePronoun(lower(toks[j+1].Text))) {
					// (", said Lee Epstein, who teaches law at …": the relative clause tells who
					// the speaker is; it is no second quote)
					rest = j + 1
				}
				break
			}
			if !skipAfterCue[toks[j].Text] && !text.IsCapitalized(toks[j].Text) && !text.IsNumber(toks[j].Text) {
				break
			}
		}
		// Otherwise only a short tail ("on Monday", "in a statement") or the speaker's role may follow
		// the cue; anything longer is what was said ("…, X said that …").
		if tail := n - 1 - last; rest < 0 && tail > 6 && !(last+1 < n && toks[last+1].Text == "," && tail <= 24) && (inverted || !adverbialTail(toks[last+1:])) {
			continue
		}
		// "CONTENT, Mr. Manafort said, adding that CONTENT2": the participle's clause is the same
		// speaker's second quote, with a cue of its own.
		addCue, addEnd := "", 0
		if rest > 0 {
			if c, cEnd := e.cueAt(toks, rest, false); c != "" && participle(lower(toks[rest].Text)) {
				addCue, addEnd = c, cEnd
			}
		}
		if addCue == "" && indexTok(toks[:min(n, kEnd+4)], "that", kEnd+1) >= 0 {
			continue
		}
		if rest < 0 && !inverted && n-1-last > 2 && text.IsWord(toks[last+1].Text) && hasAuxiliary(toks[last+1:]) {
			continue // "…, Moreno insisted the board had misled him.": the cue's own clause follows
		}
		var out []found
		q2 := q
		if s, t, ok := content(toks, datelineEnd(toks, comma), comma); ok {
			q.start, q.end = s, t
			out = append(out, q)
		} else if s, t, ok := subjectHead(toks, datelineEnd(toks, comma), comma); ok && rest > 0 && verbFirst(toks[rest].Text) {
			q.start, q.end = s, t // "The trouble, Frank writes, began in the 1970s": the said clause's subject
			out = append(out, q)
		}
		if addCue != "" {
			q2.cue, q2.cueStart, q2.cueEnd = addCue, toks[rest].Start, toks[addEnd].End
			rest = e.contentStart(toks, rest, addEnd)
		}
		if rest > 0 {
			if s, t, ok := content(toks, rest, n); ok {
				q2.start, q2.end = s, t
				out = append(out, q2)
			}
		}
		return out
	}
	return nil
}

// adverbialTail reports whether the words after a sentence-final cue are only where, when and how
// it was said, however long ("…, the company said in a filing to the stock exchange late on
// Wednesday", "…, the envoy announced here on Monday, on the opening day of the summit"): they
// open with a preposition or an adverb of time or place and hold no clause — no auxiliary, no
// "that", no pronoun, no verb but a participle describing a document ("a statement issued in …").
// Only a cue after its subject may have one: after an inverted cue ("…, added a second early in
// the second half") the phrase after the verb is its object.
func adverbialTail(toks []text.Token) bool {
	if len(toks) < 2 || len(toks) > 24 {
		return false
	}
	if w := lower(toks[0].Text); !tailOpeners[w] {
		return false // "admitted to threatening …", "spoke of …": the verb's complement, not a time or place
	}
	for i, t := range toks {
		w := lower(t.Text)
		switch {
		case !text.IsWord(t.Text):
			if t.Text != "," && t.Text != "-" && (i < len(toks)-2 || t.Text != "." && t.Text != "!") {
				return false
			}
		case auxiliaries[w] || w == "that" || w == "which" || w == "who" || pronounSpeakers[t.Text] || personalPronouns[t.Text]:
			return false
		case pastTense(w) && !reducedRelatives[w] || sayWords[w]:
			return false
		}
	}
	return true
}

// tailOpeners open an adverbial of time or place after a cue: "in a filing", "here on Monday",
// "late on Wednesday", "earlier this week".
var tailOpeners = wordSet(`in on at during from after before near outside inside here there late early earlier
later today yesterday tonight this last`)

// leadingCue handles "X said (that) CONTENT." where X is the noun phrase before the cue, and
// ", saying (that) CONTENT." with the clause's subject as speaker.
func (e *Extractor) leadingCue(d *doc, toks []text.Token) []found {
	for k := 1; k < len(toks)-3; k++ {
		cue, kEnd := e.cueAt(toks, k, false)
		if cue == "" || cue == "according to" {
			continue
		}
		active := personalPronouns[toks[k-1].Text] // "he said by the time …": no passive, no request
		if kEnd+1 < len(toks) && toks[kEnd+1].Text == "by" && !active {
			continue // passive "was noted by …"
		}
		q := found{cue: cue, cueStart: toks[k].Start, cueEnd: toks[kEnd].End}
		progressive := progressiveBe[lower(toks[k-1].Text)] // "the bank is calling for …": a finite verb
		if participle(lower(toks[k].Text)) && !progressive || coordinated(toks, k) {
			if toks[k-1].Text != "," && !coordinated(toks, k) {
				continue
			}
			d.clauseSubject(&q, toks, k)
		} else {
			p, ptoks, ok := subjectPastAside(toks, k)
			if !ok || p.none && kEnd+1 < len(toks) && prepositions[toks[kEnd+1].Text] {
				continue // "to unlock money promised at earlier conferences": a participle, not speech
			}
			if !p.none && p.b < k && transactionHeads[lower(ptoks[p.b].Text)] {
				continue // "…, a deal announced at the beginning of the week": a deal says nothing
			}
			d.resolveNP(&q, ptoks, p)
			if r := relativeOf(toks, k); r > 0 {
				// "the European Union, which contended that …": the text names the speaker with
				// the relative pronoun, which stands for its antecedent.
				q.mStart, q.mEnd = toks[r].Start, toks[r].End
				if q.spk != nil && !d.isEntity(q.spk) && !speakerish(lower(toks[headOf(toks, p.a, p.b)].Text)) {
					// "Baker met Mitchell, who urged …": a phrase the tagger found no name in, with no
					// noun for people at its head, is no antecedent a reader can name
					q.spk, q.unnamed = nil, true
				}
				if q.spk != nil {
					q.kind = kindPronoun
				}
			}
		}
		if !q.subjectRead() {
			continue
		}
		from := e.contentStart(toks, k, kEnd)
		if noWordsReported(toks, k, from, active) {
			continue
		}
		end, more := e.furtherQuotes(d, toks, q, from)
		if kEnd == k && d.deedObject(q, toks, k, from, end) {
			continue
		}
		var ok bool
		if q.start, q.end, ok = content(toks, from, end); !ok {
			return nil
		}
		return append([]found{q}, more...)
	}
	return nil
}

// tellVerbs take the addressee as object: "…, he told the BBC."; never the speaker ("…, said X"
// inverts, "…, told X" does not).
var tellVerbs = wordSet(`told tells tell`)

// addresseeEnd is the index of the last token of the addressee that ends the sentence after the
// cue toks[k:kEnd+1] when it is "told" ("…, he told the BBC."): the words up to the final punctuation when they are a noun phrase with
// place or time phrases ("the BBC's Today programme", "reporters in Brussels on Monday"), else last.
func addresseeEnd(toks []text.Token, k, kEnd, last int) int {
	if !tellVerbs[lower(toks[k].Text)] {
		return last
	}
	from, end := kEnd+1, len(toks)
	for end > from && !text.IsWord(toks[end-1].Text) {
		end--
	}
	if end == from || end-from > 10 {
		return last
	}
	for _, t := range toks[from:end] {
		w := lower(t.Text)
		if npStops[w] && w != "in" && w != "on" && w != "at" || auxiliaries[w] || pronounSpeakers[t.Text] || !text.IsWord(t.Text) && t.Text != "'" && t.Text != "’" {
			return last
		}
	}
	return end - 1
}

// noWordsReported reports whether the cue at toks[k], with its content from toks[from], reports no
// words: money pledged ("Germany pledged €1.5bn"), a request ("who asked not to be named", "ask for
// help"), a passive ("were said to be", "licences denied under the embargo").
func noWordsReported(toks []text.Token, k, from int, active bool) bool {
	if from >= len(toks) {
		return false
	}
	w, next := lower(toks[k].Text), ""
	if from+1 < len(toks) {
		next = toks[from+1].Text
	}
	return pledgeVerbs[w] && amountAt(toks, from) && !hasAuxiliary(toks[from:min(len(toks), from+8)]) ||
		strings.HasPrefix(w, "add") && toks[k+1].Text == "to" || // "Those gains add to the pressure"
		(w == "asked" || w == "asks") && (toks[from].Text == "to" || toks[from].Text == "not" && next == "to" || indexTok(toks[from:min(len(toks), from+5)], "to", 1) > 0) ||
		nonClause[lower(toks[from].Text)] && !(active && toks[from].Text == "by") && toks[from-1].Text != "," || // (", for most families …": a clause of its own)
		toks[from].Text == "to" && passiveBe[lower(toks[k-1].Text)]
}

// furtherQuotes finds where the content of q, starting at toks[from], ends, and the quotes after
// it in the sentence: "…, adding that …" (the same speaker's), "…, while ING said …" (another's).
func (e *Extractor) furtherQuotes(d *doc, toks []text.Token, q found, from int) (int, []found) {
	end := len(toks)
	var more []found
	for j := from + 3; j+1 < len(toks); j++ {
		if toks[j].Text != "," {
			continue
		}
		if c, cEnd := e.cueAt(toks, j+1, false); c != "" && participle(lower(toks[j+1].Text)) {
			q2 := q
			q2.cue, q2.cueStart, q2.cueEnd = c, toks[j+1].Start, toks[cEnd].End
			if s, t, ok := content(toks, e.contentStart(toks, j+1, cEnd), len(toks)); ok {
				q2.start, q2.end = s, t
				more = append(more, q2)
			}
			end = j
			break
		}
	}
	if cut, b := e.nextSpeakerClause(d, toks, from, end); cut > 0 {
		end, more = cut, append(e.leadingCue(d, toks[b:]), more...)
	}
	return end, more
}

// relativeBefore is the index of the relative pronoun of ", who/which (adverbs) CUE" before the
// cue at toks[k], or 0.
func relativeBefore(toks []text.Token, k int) int {
	j := k - 1
	for j > 0 && (skipBeforeCue[toks[j].Text] || adverb(toks[j].Text)) {
		j--
	}
	if j >= 2 && relativePronoun(toks[j].Text) && (toks[j-1].Text == "," || isDash(toks[j-1].Text)) {
		return j
	}
	return 0
}

// reportVerbs end a sentence that reports what a source says: "…, the Journal reports."
var reportVerbs = wordSet(`reports report writes notes show shows showed`)

// personalPronouns are subjects right before an active speech verb.
var personalPronouns = wordSet(`he she they we I He She They We`)

// nextSpeakerClause finds, inside reported content toks[from:end], a clause of its own opened by
// a contrast ("…, while ING said …", "… - but Mr Straw said …", "…; critics said …") whose
// subject speaks: it returns where the content stops (cut) and where the clause starts (b), or
// cut 0. Without such a boundary a second cue is nested speech ("X said Y had said …") and
// stays inside the first quote.
func (e *Extractor) nextSpeakerClause(d *doc, toks []text.Token, from, end int) (cut, b int) {
	for j := from + 3; j+2 < end; j++ {
		t := toks[j].Text
		if t != "," && t != "-" && t != "—" && t != "–" && t != ";" {
			continue
		}
		b = j + 1
		// a comma alone is a clause boundary only before a speaker whose cue has words of its own
		// ("…would not be sold, Bellamy insisted the club …"); "…, analysts said." is trailing and
		// "…, he said, …" a parenthesis
		bare := false
		if w := lower(toks[b].Text); contrastWords[w] {
			b++
		} else if t == "," {
			if text.IsCapitalized(toks[j-1].Text) && !text.IsCapitalized(toks[b].Text) && !pronounSpeakers[toks[b].Text] {
				continue // "a jury in Sutton County, Texas, district court has found": a place's comma
			}
			bare = true
		}
		for k := b + 1; k < end && k <= b+6; k++ {
			if !text.IsWord(toks[k].Text) {
				break
			}
			cue, kEnd := e.cueAt(toks, k, false)
			if cue == "" || cue == "according to" || participle(lower(toks[k].Text)) {
				continue
			}
			if bare && (kEnd+3 >= end || !text.IsWord(toks[kEnd+1].Text)) {
				break
			}
			if p, ok := npBefore(toks[b:], k-b); ok && p.a == 0 && !p.none {
				return j, b
			}
			break
		}
	}
	return 0, 0
}

// contrastWords open a clause that reports someone else: "…, while ING said", "- but Mr Straw said".
var contrastWords = wordSet(`while whereas but though although`)

// contentStart skips what sits between a speech verb and what was said: the addressee of "told"
// or "asked" ("told reporters", "told the Times"), time adverbs ("on Monday") and "that".
func (e *Extractor) contentStart(toks []text.Token, k, kEnd int) int {
	from := kEnd + 1
	if w := lower(toks[k].Text); w == "told" || w == "tells" || w == "tell" || w == "telling" || w == "asked" || w == "asks" || w == "asking" {
		if from < len(toks) && (toks[from].Text == "reporters" || toks[from].Text == "me" || toks[from].Text == "him" ||
			toks[from].Text == "her" || toks[from].Text == "them" || toks[from].Text == "us" || toks[from].Text == "supporters") {
			from++
		} else if p, ok := npAfter(toks, from); ok && !pronounSpeakers[toks[p.a].Text] {
			from = p.b + 1
			if from+1 < len(toks) && toks[from+1].Text == "that" && text.IsWord(toks[from].Text) && !npStops[lower(toks[from].Text)] {
				from++ // "told Vanity Fair magazine that …": the addressee's common noun
			}
		}
	}
	// "said on Monday that", "said in a statement that", "said in an email that": skip to "that"
	// when only adverbs, or a phrase naming the medium, intervene.
	medium, viaMedium := false, false // inside "in/via/through a …": a document noun there is how it was said
	for j := from; j < len(toks) && j < from+6; j++ {
		t := toks[j].Text
		if t == "that" && viaMedium && len(toks)-j < 3 {
			break // "said in a speech that “…”": the lead-in of a quote keeps its words
		}
		if t == "that" {
			return j + 1
		}
		medium = medium || t == "in" || t == "via" || t == "through"
		if !skipAfterCue[t] && !text.IsCapitalized(t) && t != "," {
			if !medium || !statementNouns[lower(t)] && !documentNoun(t) {
				break
			}
			viaMedium = true
		}
	}
	for from < len(toks) && (toks[from].Text == "," || toks[from].Text == ":") {
		from++
	}
	return from
}

// pledgeVerbs are speech verbs that also take an amount as object ("pledged €1.5bn"; "the pound
// added 0.5%", a rise).
var pledgeVerbs = wordSet(`pledge pledges pledged promise promises promised vow vows vowed announce announces
announced announcing add adds added adding`)

// transactionHeads head noun phrases that a speech verb's participle follows as a modifier ("a deal
// announced on Monday", "the merger confirmed last year"): things done, which never speak.
var transactionHeads = wordSet(`deal deals agreement agreements merger mergers acquisition acquisitions takeover
takeovers purchase purchases sale sales transaction transactions contract contracts bid bids stake stakes`)

// nonClause words cannot open what someone said: after a speech verb they make it a request ("ask
// for"), a passive ("said to be", "denied under") or a verb's complement.
var nonClause = wordSet(`for under by`)

// passiveBe before a speech verb makes it passive: "were said to be".
var passiveBe = wordSet(`is was were are be been being`)

// amountAt reports whether a sum opens the object at toks[i], past an article and adjectives ("a
// combined $1.2bn", "a further €300m").
func amountAt(toks []text.Token, i int) bool {
	for j := i; j < len(toks) && j < i+3; j++ {
		if amount(toks[j].Text) {
			return true
		}
		if !text.IsWord(toks[j].Text) || text.IsCapitalized(toks[j].Text) {
			return false
		}
	}
	return false
}

// amount reports whether a token opens a sum: a digit or a currency sign.
func amount(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsDigit(r) || unicode.Is(unicode.Sc, r)
}

// hasAuxiliary reports whether the tokens hold an auxiliary verb: "announced $5 million was being
// sent" reports a clause; "pledged €1.5bn, the United Kingdom £750m" does not.
func hasAuxiliary(toks []text.Token) bool {
	for _, t := range toks {
		if auxiliaries[t.Text] {
			return true
		}
	}
	return false
}

// inverting are the speech verbs that put their subject after them ("…, said the official");
// other verbs followed by a noun phrase have an object there ("…, confirmed the deal").
var inverting = wordSet(`say said says add added adds asked asks wrote writes replied replies explained explains
continued continues noted notes recalled recalls answered insisted insists warned warns argued argues
cautioned observed countered concluded remarked stated admitted acknowledged declared announced`)

// allLowerWords reports whether every token is a lower-case word.
func allLowerWords(toks []text.Token) bool {
	for _, t := range toks {
		if !text.IsWord(t.Text) || text.IsCapitalized(t.Text) || npStops[t.Text] {
			return false
		}
	}
	return true
}

// nameList reports whether tokens are only capitalised words, commas, hyphens and "and"/"&": a name
// with its short form ("Rio Tinto-Zinc Corp Plc, RTZ"), which no one says.
func nameList(toks []text.Token) bool {
	words := 0
	for _, t := range toks {
		switch {
		case text.IsCapitalized(t.Text):
			words++
		case t.Text == "," || t.Text == "-" || t.Text == "&" || t.Text == "and" || t.Text == "." || possessive(t.Text):
		default:
			return false
		}
	}
	return words > 1 && !sentenceOpeners[toks[0].Text] // (not "Instead, said Mr Doctorow, …")
}
