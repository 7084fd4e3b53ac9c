package quote

import (
	"strings"
	"unicode/utf8"

	"github.com/newsmon/newsmon/pkg/text"
)

// Cues around direct quotes: the clause after a quote (“…,” she said), the clause before it
// (She said: “…”), and the mixed quote that runs on inside reported speech.

// clauseEnd is where the cue clause after a quote stops: sentence end, next quote, or paragraph.
func clauseEnd(s string, from int) int {
	end := min(from+200, len(s))
	for k := from; k < end; k++ {
		switch s[k] {
		case '.':
			if k+1 < len(s) && s[k+1] != ' ' && s[k+1] != '\n' {
				continue // "U.S." or "3.5"
			}
			if k > 2 && abbreviation(lastWord(s[:k])) {
				continue // "Dr. Harold Varmus"
			}
			return k
		case '!', '?', ';', '\n':
			return k
		}
		if s[k] == '"' || s[k] == '\'' || s[k] >= utf8.RuneSelf {
			if _, ok := openerAt(s, k); ok {
				return k
			}
		}
	}
	return end
}

// abbreviation reports whether a word before a period is an abbreviation or an initial ("Mr", "W").
func abbreviation(w string) bool {
	if len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' || strings.Contains(w, ".") {
		return true
	}
	return text.IsAbbreviation(w)
}

func lastWord(s string) string {
	k := strings.LastIndexAny(s, " \n(")
	return s[k+1:]
}

// cueAfter reads `…,” she said` / `…,” said Cui` / `…” Cui told reporters` after a quote.
func (e *Extractor) cueAfter(d *doc, q *found, from int) bool {
	end := clauseEnd(d.s, from)
	toks := d.tokensIn(from, end)
	if d.signedAfter(q, toks) {
		return true
	}
	if len(toks) > 0 && (toks[0].Text == "," || toks[0].Text == "—" || toks[0].Text == "–") {
		toks = toks[1:]
	}
	if len(toks) == 0 || sentenceOpeners[toks[0].Text] || toks[0].Text == "and" || toks[0].Text == "but" {
		return false // "… And, he acknowledged": a new clause
	}
	leadIn := toks[len(toks)-1].Text == ":" // "X posted: “…”" introduces the next quote
	limit, spokenEnd := cueWindow(d.s, q)
	for k := 0; k < len(toks) && k < limit; k++ {
		w := toks[k].Text
		if w == "(" && k > 0 {
			// "Rep. Jim McDermott (D-Wash.) said": skip the bracket.
			for k+1 < len(toks) && toks[k].Text != ")" {
				k++
			}
			continue
		}
		if !text.IsWord(w) && w != "." {
			if k > 0 && (w == "," || w == "&" || w == "-" && toks[k-1].End == toks[k].Start || (w == "'" || w == "’") && strings.HasSuffix(toks[k-1].Text, "s")) {
				// "…,” Brent Bozell, founder of …, tells", "…,” Jeff Weaver, Sanders' campaign manager,
				// said": an appositive may sit before the cue.
				continue
			}
			return false
		}
		cue, kEnd := e.cueAt(toks, k, true)
		if cue == "" && spokenEnd && pastTense(toks[k].Text) {
			// “…,” he demanded. / “…?” LeVell asked the crowd. / “…!” reacted Trump.
			if k == 1 && (pronounSpeakers[toks[0].Text] || text.IsCapitalized(toks[0].Text)) ||
				k == 0 && len(toks) > 1 && text.IsCapitalized(toks[1].Text) {
				cue, kEnd = toks[k].Text, k
			}
		}
		if cue == "" {
			continue
		}
		if k == 0 && text.IsCapitalized(toks[0].Text) && len(toks) > 1 {
			if c, _ := e.cueAt(toks, 1, true); c != "" {
				continue // “…,” Read said: a name that is also a verb
			}
		}
		if k == 0 && participle(lower(cue)) {
			return false // “…,” adding that …: the lead-in before the quote names the speaker
		}
		if leadIn && kEnd >= len(toks)-3 {
			return false // “…” Eva Schultheis posted: “…”: this cue is the next quote's
		}
		if k > 0 && fullStop(d.s, *q) && d.s[q.end-1] == '.' && e.reportsClause(toks, k, kEnd) {
			// “… the banks.” Yukos argued that the fund was safe.: a new sentence reporting its own
			// words, often by someone new; the quote goes on with the speaker before it
			return false
		}
		q.cue, q.cueStart, q.cueEnd = cue, toks[k].Start, toks[kEnd].End
		if k == 0 {
			if p, ok := npAfter(toks, kEnd+1); ok {
				d.resolveNP(q, toks, p)
			}
		} else if p, ok := npBefore(toks, k); ok && (p.a == 0 || p.roleE > p.roleStart && p.roleStart == toks[0].Start) {
			d.resolveNP(q, toks, p)
		} else if p, ok := subjectPhrase(toks, 0, k); ok {
			d.resolveNP(q, toks, p) // “…,” the central bank's vice president Ben Omar said
		} else {
			q.cue = ""
			return false // “…” before optimistically predicting …: a later clause's verb, not this quote's cue
		}
		if !q.subjectRead() {
			q.inherit = true
		}
		return true
	}
	return false
}

// cueWindow says how many tokens after quote q its cue may stand, and whether the quote ends as
// spoken words do (a comma, "?" or "!"), after which any past-tense verb is the cue.
func cueWindow(s string, q *found) (limit int, spokenEnd bool) {
	limit = 18
	if c := s[q.end-1]; c == '.' && q.end < q.closerAt {
		limit = 4 // “… the end.” Trump said: only a cue right after a full stop belongs to the quote
	}
	// A quote closed by a comma, "?" or "!" is followed by its attribution, so any past-tense verb
	// there is the cue; after a full stop a new sentence may begin.
	spokenEnd = strings.ContainsRune(",?!", rune(s[q.end-1])) || q.end < len(s) && s[q.end] == ','
	if strings.HasSuffix(s[:q.closerAt], ",") {
		spokenEnd = true
	}
	if spokenEnd && limit == 18 {
		limit = 26 // “…,” Steve Rosenthal, a former political director of the …, said
	}
	return limit, spokenEnd
}

// signedAfter reads a signature right after a quote, in the clause toks: a bracketed name
// ("“…” (Denise Walker, Charlotte)") or a dash and a name ("“…” — Maria Lopez, 34, Phoenix").
func (d *doc) signedAfter(q *found, toks []text.Token) bool {
	if len(toks) > 2 && toks[0].Text == "(" && d.s[q.closerAt-1] != ',' {
		// "“…” (Denise Walker, Charlotte)": a bracketed name signs the quote.
		if p, ok := npAfter(toks, 1); ok && !pronounSpeakers[toks[p.a].Text] && text.IsCapitalized(toks[p.b].Text) &&
			p.b+1 < len(toks) && (toks[p.b+1].Text == "," || toks[p.b+1].Text == ")") && d.lastMentionIn(toks[p.a].Start, toks[p.b].End) != nil {
			q.cue, q.cueStart, q.cueEnd = "(", toks[0].Start, toks[0].End
			d.resolveNP(q, toks, p)
			return true
		}
	}
	if len(toks) > 1 && isDash(toks[0].Text) {
		// “…” — Maria Lopez, 34, Phoenix: a dash and a name sign the quote.
		if p, ok := npAfter(toks, 1); ok && !pronounSpeakers[toks[p.a].Text] && text.IsCapitalized(toks[p.b].Text) &&
			(p.b+1 == len(toks) || toks[p.b+1].Text == "," || toks[p.b+1].Text == "(") {
			q.cue, q.cueStart, q.cueEnd = toks[0].Text, toks[0].Start, toks[0].End
			d.resolveNP(q, toks, p)
			if q.role == "" && p.b+2 < len(toks) && toks[p.b+1].Text == "," {
				q.role = d.s[toks[p.b+2].Start:toks[len(toks)-1].End]
			}
			return true
		}
	}
	return false
}

func isDash(t string) bool {
	return t == "-" || t == "—" || t == "–" || t == "--" || t == "―" || t == "~"
}

// pastTense reports whether a lower-case word looks like a past-tense verb ("demanded").
func pastTense(w string) bool {
	return len(w) > 3 && strings.HasSuffix(w, "ed") && !text.IsCapitalized(w)
}

// clauseStart is where the clause before a quote opener at i begins: after the previous sentence
// end or closing quote mark, or, when the text before ends with a colon or comma, in the previous
// paragraph ("Cruz continued:\n\n“…”").
func clauseStart(s string, i int) int {
	start := max(0, i-240)
	seg := s[start:i]
	trimmed := strings.TrimRight(seg, " \n\t")
	crossParagraph := false
	if strings.HasSuffix(trimmed, ":") || strings.HasSuffix(trimmed, ",") {
		crossParagraph = true
		seg = trimmed[:len(trimmed)-1]
	}
	for k := len(seg) - 1; k >= 0; k-- {
		switch c := seg[k]; {
		case c == '.':
			if k+1 < len(seg) && seg[k+1] != ' ' && seg[k+1] != '\n' || abbreviation(lastWord(seg[:k])) || k+1 == len(seg) && crossParagraph {
				continue
			}
		case c == '!' || c == '?' || c == '"' || c == '\'' && k > 0 && seg[k-1] == '\'':
		case c == '\n':
			// The lead-in ends at the colon or comma; the break between it and the quote is trimmed
			// already, so any line break left is the start of the lead-in's own paragraph.
		case c == 0x9d && strings.HasSuffix(seg[:k+1], "”"), c == 0xbb && strings.HasSuffix(seg[:k+1], "»"):
		default:
			continue
		}
		return start + k + 1
	}
	return start
}

// cueBefore reads `Cui said: “…` / `She warned that “…` / `Minister: ‘…` before a quote.
func (e *Extractor) cueBefore(d *doc, q *found, opener int) bool {
	start := clauseStart(d.s, opener)
	toks := d.tokensIn(start, opener)
	n := len(toks)
	if n >= 4 && toks[n-1].Text == ":" {
		// "Pollsters agree - Carl Bialik: “…”": a name after a dash signs the excerpt that follows,
		// whatever verb the headline before the dash has.
		if p, ok := npBefore(toks, n-1); ok && p.a > 1 && isDash(toks[p.a-1].Text) && p.b-p.a < 4 && allCapitalized(toks[p.a:p.b+1]) {
			q.cue, q.cueStart, q.cueEnd = ":", toks[n-1].Start, toks[n-1].End
			d.resolveNP(q, toks, p)
			return true
		}
	}
	if e.accordingMixed(d, q, toks) {
		return true
	}
	for k := n - 1; k >= 0 && n-k <= 20; k-- {
		// Verbs that are speech only next to a quote count right before its mark ("He jokes, “…").
		after := k >= n-2 && (k == n-1 || toks[n-1].Text == "," || toks[n-1].Text == ":")
		cue, kEnd := e.cueAt(toks, k, after)
		if cue == "" || nestedObjectCue(e, toks, k, kEnd) {
			continue
		}
		q.cue, q.cueStart, q.cueEnd = cue, toks[k].Start, toks[kEnd].End
		d.cueSubject(q, toks, k, kEnd)
		e.mixed(d, q, toks, k, kEnd)
		return true
	}
	// "Trump issued a statement, “…”", "in a tweet: “…”": the statement introduces the quote.
	if n >= 3 && (toks[n-1].Text == "," || toks[n-1].Text == ":") && statementNouns[lower(toks[n-2].Text)] {
		q.cue, q.cueStart, q.cueEnd = toks[n-2].Text, toks[n-2].Start, toks[n-2].End
		d.clauseSubject(q, toks, n-2)
		if !q.subjectRead() {
			q.inherit = true
		}
		return true
	}
	// Naming verbs right before a quote: "called his rival “totally scripted”" quotes the words used.
	for k := n - 1; k >= 0 && n-k <= 5; k-- {
		if namingVerbs[lower(toks[k].Text)] && (k == 0 || !text.IsCapitalized(toks[k].Text)) && !nounNotCue(toks, k, lower(toks[k].Text)) {
			q.cue, q.cueStart, q.cueEnd = toks[k].Text, toks[k].Start, toks[k].End
			d.cueSubject(q, toks, k, k)
			return true
		}
	}
	if e.classCueBefore(d, q, toks) {
		return true
	}
	// A lead-in ending in a colon: the headline "Minister: ‘We will act’", or "Trump boomed:".
	if n >= 2 && toks[n-1].Text == ":" {
		q.cue, q.cueStart, q.cueEnd = ":", toks[n-1].Start, toks[n-1].End
		if line := d.tokensIn(strings.LastIndexByte(d.s[:opener], '\n')+1, opener); len(line) >= 2 && e.isNameLine(line) {
			// "Rachel Green, Madison, Wis.: “…”": a name line leads the quote.
			p, _ := npAfter(line, 0)
			d.resolveNP(q, line, p)
			if m := len(line) - 1; q.role == "" && p.b+2 < m && line[p.b+1].Text == "," {
				q.role = strings.TrimRight(d.s[line[p.b+2].Start:line[m-1].End], ".")
			}
			return true
		}
		p, ok := npBefore(toks, n-1)
		if ok && p.a > 2 && toks[p.a-1].Text == "and" && text.IsCapitalized(toks[p.a-2].Text) {
			for p.a -= 2; p.a > 0 && text.IsCapitalized(toks[p.a-1].Text); p.a-- { // "Blumenthal and Cohen"
			}
		}
		if ok && (p.a == 0 || (isDash(toks[p.a-1].Text) || lower(toks[p.a-1].Text) == "from") && text.IsCapitalized(toks[p.b].Text)) {
			// "Minister: ‘…’", "Pollsters agree - Carl Bialik: “…”", "More from Blumenthal and Cohen: “…”"
			d.resolveNP(q, toks, p)
		} else {
			d.clauseSubject(q, toks, n-1)
		}
		return true
	}
	return false
}

// accordingMixed reads "According to X, (a ROLE,) CONTENT “quoted words” …" before a quote: reported
// speech holding a quoted phrase, however long the lead-in, by X. It reports whether it did.
func (e *Extractor) accordingMixed(d *doc, q *found, toks []text.Token) bool {
	n := len(toks)
	if n < 5 || !strings.EqualFold(toks[0].Text, "according") || toks[1].Text != "to" || toks[n-1].Text == "," || toks[n-1].Text == ":" {
		return false
	}
	comma := indexTok(toks, ",", 2)
	if comma < 0 || comma+2 >= n {
		return false
	}
	from := comma + 1
	if w := lower(toks[from].Text); w == "a" || w == "an" {
		// "According to Dr. Nnamdi Obiora, a security analyst at …, the juntas were …": the
		// appositive describes the speaker.
		if c := indexTok(toks, ",", from); c > 0 && c+2 < n {
			from = c + 1
		}
	}
	for k := from; k < n; k++ {
		if c, _ := e.cueAt(toks, k, false); c != "" {
			return false // "According to the FT, Peter Chernin said that …": the nested speaker's words
		}
	}
	q.cue, q.cueStart, q.cueEnd = d.s[toks[0].Start:toks[1].End], toks[0].Start, toks[1].End
	e.speakerAfter(d, q, toks[:comma], 2)
	q.direct, q.start, q.end = false, toks[from].Start, quoteMixedEnd(d, q)
	return true
}

// mixed turns a quote embedded in reported speech ("said the plan was “a disaster” for …") into
// one indirect quote from the word after the cue to the end of the clause.
func (e *Extractor) mixed(d *doc, q *found, toks []text.Token, k, kEnd int) {
	n := len(toks)
	if q.inherit || n == 0 || toks[n-1].Text == "," || toks[n-1].Text == ":" {
		return // "said on Monday, “…”": a lead-in, the quote is direct
	}
	j := e.contentStart(toks, k, kEnd)
	if n-j < 2 {
		return
	}
	for _, t := range toks[j:] {
		if t.Text == ":" {
			return
		}
	}
	q.direct = false
	q.start = toks[j].Start
	q.end = quoteMixedEnd(d, q)
}

// quoteMixedEnd is where reported speech holding quote q ends: at the quote's closing mark when its
// words end the sentence ("called for “Peace Through Strength.” He told …"), else at mixedEnd.
func quoteMixedEnd(d *doc, q *found) int {
	if q.end > 0 && d.s[q.end-1] == '.' && q.end < q.closerAt {
		return q.closerAt
	}
	return mixedEnd(d, q.closerAt)
}

// mixedEnd is where reported speech holding quoted phrases ends: at the end of its sentence, past
// any further quoted phrases.
func mixedEnd(d *doc, from int) int {
	s := d.s
	stop := min(len(s), from+400)
	k := from
scan:
	for k < stop {
		switch c := s[k]; c {
		case '.', '!', '?', ';':
			if c == '.' && (k+1 < len(s) && s[k+1] != ' ' && s[k+1] != '\n' || abbreviation(lastWord(s[:k]))) {
				k++
				continue
			}
			break scan
		case '\n':
			break scan
		}
		if m, ok := openerAt(s, k); ok {
			if ce, after, ok := findCloser(s, k+len(m.open), m); ok && after <= stop {
				k = after
				if ce > 0 && strings.ContainsRune(".!?", rune(s[ce-1])) {
					break scan // “… a liar.” ends the sentence too
				}
				continue
			}
		}
		k++
	}
	end := from
	for _, t := range d.tokensIn(from, k) {
		if text.IsWord(t.Text) || t.Text == ")" || t.Text == "%" || isCloseMark(t.Text) {
			end = t.End
		}
	}
	return end
}

// nestedObjectCue reports whether the cue toks[k..kEnd] before a quote mark only has a plain object
// that a clause of its own goes on from ("said Peru would maintain its freeze until the price
// reaches “…”"): a verb inside someone's reported words, whose speaker is the earlier cue's.
// Before "to", "as", "of" or "that" at the quote's edge the quote is the verb's own predicate.
func nestedObjectCue(e *Extractor, toks []text.Token, k, kEnd int) bool {
	n := len(toks)
	last := lower(toks[n-1].Text)
	if kEnd != k || kEnd+2 >= n || !text.IsWord(last) || prepositions[last] || last == "as" || last == "that" || auxiliaries[last] {
		return false
	}
	return objectOnly(toks, k, e.contentStart(toks, k, kEnd), n)
}

// reportsClause reports whether the cue toks[k:kEnd+1] after a quote that closed its sentence
// goes on with words of its own ("He said the fund was safe."): a clause of three words or more,
// not only where, when or to whom it was said ("He told reporters in Ohio on Monday."). Such a
// cue reports that clause, and the quote before it keeps the speaker of the text around it.
func (e *Extractor) reportsClause(toks []text.Token, k, kEnd int) bool {
	if last := addresseeEnd(toks, k, kEnd, kEnd); last > kEnd || kEnd+1 < len(toks) && adverbialTail(toks[kEnd+1:]) {
		return false
	}
	passive := false
	for j := k - 1; j > 0 && (skipBeforeCue[toks[j].Text] || adverb(toks[j].Text)); j-- {
		passive = passive || passiveBe[toks[j].Text]
	}
	from := e.contentStart(toks, k, kEnd)
	if passive || noWordsReported(toks, k, from, false) {
		return false // "Greene was also denied gold": a passive, no one speaks
	}
	words := 0
	for _, t := range toks[min(from, len(toks)):] {
		if !text.IsWord(t.Text) {
			if t.Text == "," && words == 0 {
				return false // "He said, smiling": an aside, no clause
			}
			continue
		}
		words++
	}
	return words >= 3 && from < len(toks) && text.IsWord(toks[from].Text) && !nonClause[lower(toks[from].Text)]
}

// titleQuote reports whether quote q is the name of a programme, book or paper, not words said: a
// short run of capitalised words after a possessive or after "on"/"in" ("said Thursday on Fox
// News’s “Fox and Friends.”", "on CNN's \"State of the Union\"", "in ”The Art of the Deal.”"), or
// after the naming of a work (namedWork: "a show called “Brokers,”", "the book “Blue Hours”").
func titleQuote(d *doc, q found) bool {
	toks := d.tokensIn(max(0, q.openerAt-60), q.openerAt)
	n := len(toks)
	if n == 0 || !(possessive(toks[n-1].Text) || toks[n-1].Text == "on" || toks[n-1].Text == "in" || namedWork(toks)) {
		return false
	}
	if rest := d.s[q.closerAt:]; namedWork(toks) && (strings.HasPrefix(rest, " by ") || strings.HasPrefix(rest, ", by ")) {
		return false // "a paper titled “…” by Ann Lee and Bo Chan": the authors' own written words
	}
	words := strings.Fields(d.s[q.start:q.end])
	if len(words) > 6 {
		return false
	}
	for _, w := range words {
		if len(w) > 3 && !text.IsCapitalized(w) {
			return false
		}
	}
	return true
}

// workNouns name things that carry a title: "the book “…”", "a film called “…”".
var workNouns = wordSet(`book books film films movie movies show shows play plays novel novels song songs album
albums series documentary program programme programs programmes column podcast ad ads memo report
article editorial essay poem painting exhibition campaign initiative class course website site blog`)

// namedWork reports whether toks, the words before a quote's opening mark, end by naming a work or
// a thing: "titled", "entitled", "headlined"; a work noun ("the novel"); or "called", "named",
// "dubbed" after a common noun ("a show called"), not after a person who calls something so ("what
// he called", "Trump dubbed"). Title-case quoted words there are the thing's name, not speech.
// ("so-called" stays: its scare quotes may sit inside reported speech that holds them.)
func namedWork(toks []text.Token) bool {
	n := len(toks)
	w := lower(toks[n-1].Text)
	switch w {
	case "titled", "entitled", "headlined":
		return true
	case "called", "named", "dubbed":
		if n < 2 {
			return false
		}
		b := toks[n-2].Text
		lb := lower(b)
		sb := singular(lb)
		return workNouns[lb] || text.IsWord(b) && !text.IsCapitalized(b) && !pronounSpeakers[b] && !relativePronoun(lb) &&
			!auxiliaries[lb] && lb != "been" && lb != "be" && lb != "being" && !adverb(b) && !personNoun(sb) &&
			!titleNouns[sb] && !peopleWords[lb] && !groupNouns[sb] && nounClass(sb) != 'p'
	}
	return workNouns[w]
}
