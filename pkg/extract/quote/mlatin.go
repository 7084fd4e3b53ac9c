package quote

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/text"
)

// Direct quotes in Spanish, French, German, Portuguese and Italian: each language's quotation
// marks (latinMarks), a speech verb after the quote («…», dijo X / „…“, sagte er / « … »,
// a déclaré la ministre, X) or before it (X afirmó: «…»), "según X" / "selon X" / "laut X" /
// "so X", and the speaker from the entities the tagger found or, without them, from the
// capitalised name run next to the verb. A dropped subject («…», afirmó en un mensaje) or a
// pronoun ("a-t-elle lancé", "sagte er") is the person last named before the quote; a title
// ("a résumé le maire") is the person named with that title earlier. A quoted phrase inside
// reported speech ("dijo que la votación se hizo «a pupitrazo»") is reported speech.

// namedPerson is someone the text names, with the office it gives them, at a byte offset.
type namedPerson struct {
	pos        int
	name, role string
	typ        string
}

// latinDoc is the state of one findLatin call.
type latinDoc struct {
	*doc
	lx     *latinLexicon
	people []namedPerson // in text order: named with a title, "según X", the tagger's persons, speakers
}

// findLatin returns the quotes of s, a text in lx's language.
func findLatin(lx *latinLexicon, s string, entities []article.Entity) []article.Quote {
	m := &latinDoc{doc: newDoc(s, entities), lx: lx}
	m.people = m.namedPeople()
	var qs []found
	for _, sp := range markedSpans(s, latinMarks, false) {
		q := found{direct: true, openerAt: sp.opener, closerAt: sp.after, start: sp.start, end: sp.end}
		q.paragraphInitial = paragraphStart(s, sp.opener)
		words := len(strings.Fields(s[q.start:q.end]))
		cued := m.cueAfter(&q) || m.cueBefore(&q)
		if !cued && words < 4 {
			continue // a scare quote or a title: « Pacte de Lyon »
		}
		if !cued && len(qs) > 0 {
			// A quote without a cue continues the previous speaker in its paragraph or the next.
			prev := qs[len(qs)-1]
			if breaks := strings.Count(s[prev.end:q.openerAt], "\n\n"); breaks == 0 || breaks == 1 && q.paragraphInitial {
				q.spk, q.kind = prev.spk, prev.kind
			}
		}
		if q.spk != nil {
			m.people = m.addPerson(namedPerson{pos: q.openerAt, name: q.spk.name, role: q.spk.role, typ: q.spk.typ})
		}
		qs = append(qs, q)
	}
	if lx.dialogueDash {
		qs = append(qs, m.dashQuotes()...)
		sort.SliceStable(qs, func(i, j int) bool { return qs[i].start < qs[j].start })
	}
	return m.exportAll(qs)
}

// dashQuotes reads Spanish and Portuguese dialogue, where a dash opens the words said and a dash
// inserts the attribution: "—Vamos a ganar —dijo el ministro—. Nadie nos detendrá." is two quotes
// by the minister. A dash paragraph without a speech verb after its dash (a list item) is none.
func (m *latinDoc) dashQuotes() []found {
	var out []found
	s := m.s
	for p := 0; p < len(s); {
		lineEnd := strings.IndexByte(s[p:], '\n')
		if lineEnd < 0 {
			lineEnd = len(s)
		} else {
			lineEnd += p
		}
		out = append(out, m.dashLine(p, lineEnd)...)
		p = lineEnd + 1
	}
	return out
}

// dashLine reads the dialogue line s[p:end], if it is one.
func (m *latinDoc) dashLine(p, end int) []found {
	s := m.s
	open := p + len(s[p:end]) - len(strings.TrimLeft(s[p:end], " \t"))
	dash := dashAt(s, open)
	if dash == 0 {
		return nil
	}
	cs := open + dash
	k := insertDash(s, cs, end)
	if k < 0 {
		return nil
	}
	inciso := k + dashAt(s, k)
	closing := insertEnd(s, inciso, end)
	toks := m.tokensIn(inciso, closing)
	if len(toks) == 0 {
		return nil
	}
	vEnd, pronoun, ok := m.verbAt(toks, 0, true)
	if !ok {
		return nil
	}
	q := found{direct: true, openerAt: open, closerAt: inciso, paragraphInitial: true}
	q.start, q.end = trimQuoted(s, cs, k)
	q.cue, q.cueStart, q.cueEnd = s[toks[0].Start:toks[vEnd].End], toks[0].Start, toks[vEnd].End
	m.invertedSpeaker(&q, toks, 0, vEnd, pronoun)
	out := []found{q}
	if d := dashAt(s, closing); d > 0 {
		// "—. Nadie nos detendrá.": the words after the attribution are the same speaker's.
		a := closing + d
		for a < end && strings.ContainsRune(".,; ", rune(s[a])) {
			a++
		}
		if a, b := trimQuoted(s, a, end); len(strings.Fields(s[a:b])) >= 2 {
			q2 := q
			q2.start, q2.end, q2.openerAt = a, b, a
			out = append(out, q2)
		}
	}
	return out
}

// dashAt is the length of the dialogue dash (— or –) at i, or 0.
func dashAt(s string, i int) int {
	for _, d := range []string{"—", "–"} {
		if strings.HasPrefix(s[i:], d) {
			return len(d)
		}
	}
	return 0
}

// insertDash is where a dash after a space opens the attribution inside dialogue, or -1.
func insertDash(s string, from, end int) int {
	for i := from; i < end; i++ {
		if s[i] == ' ' && i+1 < end && dashAt(s, i+1) > 0 {
			return i + 1
		}
	}
	return -1
}

// insertEnd is where the attribution opened at from ends: at its closing dash, or at the end of
// its sentence.
func insertEnd(s string, from, end int) int {
	for i := from; i < end; i++ {
		if dashAt(s, i) > 0 || s[i] == '.' && (i+1 == end || s[i+1] == ' ') {
			return i
		}
	}
	return end
}

// markedSpan is a quoted passage: the opening mark at opener, the words in [start, end), the
// closing mark ending at after.
type markedSpan struct{ opener, start, end, after int }

// markedSpans finds the quoted passages of s with the given marks. In Latin script an opening
// mark follows a space, a bracket, a dash or the start; « and ‹ may have a space inside (French).
func markedSpans(s string, marks []quoteMark, cjk bool) []markedSpan {
	var out []markedSpan
	i := 0
	for i < len(s) {
		sp, next, ok := spanAt(s, i, marks, cjk)
		if ok {
			out = append(out, sp)
		}
		i = next
	}
	return out
}

// spanAt reads the quoted passage opening at i, if one does, and where to look next.
func spanAt(s string, i int, marks []quoteMark, cjk bool) (sp markedSpan, next int, ok bool) {
	mk, opens := markOpens(s, i, marks, cjk)
	if !opens {
		_, size := utf8.DecodeRuneInString(s[i:])
		return sp, i + size, false
	}
	contentStart := i + len(mk.open)
	contentEnd, after, closed := findCloser(s, contentStart, mk)
	if !closed {
		return sp, contentStart, false
	}
	a, b := trimQuoted(s, contentStart, contentEnd)
	return markedSpan{opener: i, start: a, end: b, after: after}, after, b > a
}

// markOpens returns the mark that opens a quote at i, if one does.
func markOpens(s string, i int, marks []quoteMark, cjk bool) (quoteMark, bool) {
	for _, mk := range marks {
		if !strings.HasPrefix(s[i:], mk.open) {
			continue
		}
		if cjk {
			return mk, true
		}
		if i > 0 {
			prev, _ := utf8.DecodeLastRuneInString(s[:i])
			if !unicode.IsSpace(prev) && !strings.ContainsRune("([—–-:/«„“", prev) {
				return quoteMark{}, false
			}
		}
		next, _ := utf8.DecodeRuneInString(s[i+len(mk.open):])
		if i+len(mk.open) >= len(s) || unicode.IsSpace(next) && mk.open != "«" && mk.open != "‹" {
			return quoteMark{}, false
		}
		return mk, true
	}
	return quoteMark{}, false
}

// trimQuoted drops the spaces inside the marks (French « … » has them, often no-break ones) and
// a trailing comma.
func trimQuoted(s string, a, b int) (int, int) {
	for a < b {
		r, size := utf8.DecodeRuneInString(s[a:])
		if !unicode.IsSpace(r) {
			break
		}
		a += size
	}
	for b > a {
		r, size := utf8.DecodeLastRuneInString(s[a:b])
		if !unicode.IsSpace(r) && r != ',' && r != '，' {
			break
		}
		b -= size
	}
	return a, b
}

// paragraphStart reports whether only spaces stand between the start of a paragraph and i.
func paragraphStart(s string, i int) bool {
	t := strings.TrimRight(s[:i], " \t\u00a0")
	return t == "" || strings.HasSuffix(t, "\n")
}

// sentenceBounds returns where the sentence holding i starts and where it ends after from: at
// ". ", "! ", "? ", a line break, or 300 bytes away.
func sentenceBounds(s string, i, from int) (start, end int) {
	start = max(0, i-300)
	for k := i - 1; k >= start; k-- {
		if c := s[k]; c == '\n' || (c == '.' || c == '!' || c == '?') && k+1 < len(s) && (s[k+1] == ' ' || s[k+1] == '\n') &&
			!initialBefore(s, k) {
			start = k + 1
			break
		}
	}
	end = min(len(s), from+300)
	for k := from; k < end; k++ {
		if c := s[k]; c == '\n' || (c == '.' || c == '!' || c == '?' || c == ';') && (k+1 == len(s) || s[k+1] == ' ' || s[k+1] == '\n') &&
			!initialBefore(s, k) {
			return start, k
		}
	}
	return start, end
}

// initialBefore reports whether the period at k ends an initial or a short abbreviation ("J.",
// "Sr.", "Dr."), not a sentence.
func initialBefore(s string, k int) bool {
	w := lastWord(s[:k])
	return utf8.RuneCountInString(w) == 1 && w != "" || w == "Sr" || w == "Sra" || w == "Dr" || w == "Dra" || w == "St" || w == "Mme" || w == "M"
}

// cueAfter reads the attribution after a quote: «…», dijo X / «…», X afirmó / „…“, so X.
func (m *latinDoc) cueAfter(q *found) bool {
	_, end := sentenceBounds(m.s, q.closerAt, q.closerAt)
	toks := m.tokensIn(q.closerAt, end)
	k := 0
	if k < len(toks) && (toks[k].Text == "," || isDash(toks[k].Text)) {
		k++
	}
	// A quote closed by a comma, "?" or "!" is followed by its attribution.
	spoken := k > 0 || strings.ContainsRune(",?!", rune(m.s[q.end-1]))
	if k < len(toks) && (m.lx.according[lower(toks[k].Text)] || m.lx.afterOnly[lower(toks[k].Text)]) && k+1 < len(toks) {
		q.cue, q.cueStart, q.cueEnd = toks[k].Text, toks[k].Start, toks[k].End
		return m.phraseSpeaker(q, m.phraseAfter(toks, k+1))
	}
	for j := k; j < len(toks) && j < k+8; j++ {
		if t := toks[j].Text; t == "," && j > k || isDash(t) {
			break
		}
		vEnd, pronoun, ok := m.verbAt(toks, j, spoken && j == k)
		if !ok {
			continue
		}
		q.cue, q.cueStart, q.cueEnd = m.s[toks[j].Start:toks[vEnd].End], toks[j].Start, toks[vEnd].End
		if j == k || pronoun {
			m.invertedSpeaker(q, toks, j, vEnd, pronoun)
		} else {
			m.phraseSpeaker(q, toks[k:j])
		}
		return true
	}
	return false
}

// invertedSpeaker reads the speaker of a cue toks[j:vEnd+1] that comes first in its clause: its
// own pronoun ("a-t-elle lancé"), the phrase after it ("dijo el ministro"), or, with the subject
// dropped ("afirmó en un mensaje"), the person named last.
func (m *latinDoc) invertedSpeaker(q *found, toks []text.Token, j, vEnd int, pronoun bool) {
	switch {
	case pronoun:
		m.resolvePerson(q, toks[j].Start, toks[vEnd].End, kindPronoun)
	case !m.phraseSpeaker(q, m.phraseAfter(toks, vEnd+1)):
		m.resolvePerson(q, 0, 0, kindPronoun)
	}
}

// cueBefore reads the attribution before a quote: X dijo: «…» / Según X, «…» / X afirmó que «…».
func (m *latinDoc) cueBefore(q *found) bool {
	start, _ := sentenceBounds(m.s, q.openerAt, q.closerAt)
	toks := m.tokensIn(start, q.openerAt)
	n := len(toks)
	if n == 0 {
		return false
	}
	if m.lx.according[lower(toks[0].Text)] {
		m.accordingBefore(q, toks)
		return true
	}
	for j := n - 1; j >= 0 && n-j <= 14; j-- {
		vEnd, pronoun, ok := m.verbAt(toks, j, false)
		if !ok {
			continue
		}
		q.cue, q.cueStart, q.cueEnd = m.s[toks[j].Start:toks[vEnd].End], toks[j].Start, toks[vEnd].End
		rest := toks[vEnd+1:]
		subject := subjectBefore(toks, j, m.lx)
		switch {
		case pronoun:
			m.resolvePerson(q, toks[j].Start, toks[vEnd].End, kindPronoun)
		case len(subject) > 0:
			m.phraseSpeaker(q, subject)
		case len(rest) > 0 && !m.lx.complementisers[lower(rest[0].Text)]:
			if !m.phraseSpeaker(q, m.phraseAfter(toks, vEnd+1)) {
				m.resolvePerson(q, 0, 0, kindPronoun)
			}
		default:
			m.resolvePerson(q, 0, 0, kindPronoun)
		}
		if c := indexComplementiser(rest, m.lx); c >= 0 && c+1 < len(rest) {
			m.mixedFrom(q, rest[c+1].Start) // "dijo que la votación se hizo «a pupitrazo, …»"
		} else if len(rest) > 0 && !leadsIn(rest) && len(strings.Fields(m.s[q.start:q.end])) < 4 {
			return false // "ont dénoncé une « générosité recyclée »": a label, not words said
		}
		return true
	}
	if n >= 2 && toks[n-1].Text == ":" {
		// A headline "Ramírez: «Hoy Colombia salda una deuda»": a name before the colon.
		return m.phraseSpeaker(q, toks[:n-1]) && q.kind == kindNamed
	}
	return false
}

// leadsIn reports whether the words between a verb and a quote end in a colon or a comma, or
// are a phrase after an inverted verb ("dijo el ministro:").
func leadsIn(rest []text.Token) bool {
	t := rest[len(rest)-1].Text
	return t == ":" || t == ","
}

// accordingBefore reads "Según X, «…»" and "Selon X, ministre de …, les sommes restent « très
// loin »": the speaker after "según", and the words after the comma as reported speech.
func (m *latinDoc) accordingBefore(q *found, toks []text.Token) {
	n := len(toks)
	// "Según Echeverría, «…»", "Selon X, ministre de …, les sommes restent « très loin »".
	q.cue, q.cueStart, q.cueEnd = toks[0].Text, toks[0].Start, toks[0].End
	p := m.phraseAfter(toks, 1)
	m.phraseSpeaker(q, p)
	end := 1 + len(p)
	if end+1 < n && toks[end].Text == "," && m.lx.isTitle(toks[end+1].Text) {
		// "Selon Aïssata Diallo, ministre de l'Environnement du Niger, les sommes …": the role.
		if c := indexTok(toks, ",", end+1); c > 0 {
			q.role = strings.TrimSpace(m.s[toks[end+1].Start:toks[c-1].End])
			end = c
		}
	}
	if end < n && toks[end].Text == "," {
		end++
	}
	if end < n {
		m.mixedFrom(q, toks[end].Start)
	}
}

// indexComplementiser is the index in rest of the first complementiser ("que", "dass"), or -1.
func indexComplementiser(rest []text.Token, lx *latinLexicon) int {
	for i, t := range rest {
		if lx.complementisers[lower(t.Text)] {
			return i
		}
		if t.Text == ":" || t.Text == "," {
			return -1
		}
	}
	return -1
}

// mixedFrom turns q into reported speech running from byte a to the end of its sentence.
func (m *latinDoc) mixedFrom(q *found, a int) {
	q.direct = false
	q.start = a
	q.end = mixedEnd(m.doc, q.closerAt)
}

// verbAt reports whether a speech cue starts at toks[j], the index of its last token, and
// whether it carries its own pronoun subject ("a-t-elle lancé", "déclare-t-il", "sagte er").
// spokenFrame admits any simple-past verb right after a quote's closing comma ("bromeó").
func (m *latinDoc) verbAt(toks []text.Token, j int, spokenFrame bool) (end int, pronoun, ok bool) {
	w := lower(toks[j].Text)
	if text.IsCapitalized(toks[j].Text) && j > 0 && m.lx != nil && !m.lx.verbs[w] {
		return 0, false, false
	}
	if base, pro, found := strings.Cut(w, "-t-"); found && (pro == "il" || pro == "elle" || pro == "on" || pro == "ils" || pro == "elles") {
		// French inversion: "a-t-elle lancé", "déclare-t-il".
		if m.lx.auxiliaries[base] && j+1 < len(toks) && isParticipleLike(toks[j+1].Text) {
			return j + 1, true, true
		}
		return j, true, m.lx.verbs[base] || spokenFrame
	}
	for _, pro := range []string{"-il", "-elle", "-ils", "-elles"} {
		if base, found := strings.CutSuffix(w, pro); found && (m.lx.verbs[base] || m.lx.auxiliaries[base] && j+1 < len(toks)) {
			if m.lx.auxiliaries[base] {
				return j + 1, true, true // "ont-ils estimé"
			}
			return j, true, true // "dit-il"
		}
	}
	if m.lx.auxiliaries[w] && j+1 < len(toks) && (m.lx.verbs[lower(toks[j+1].Text)] ||
		spokenFrame && isParticipleLike(toks[j+1].Text) && !text.IsCapitalized(toks[j+1].Text)) {
		// "a déclaré", "ha detto"; right after a quote's closing comma any participle is the
		// cue ("», a réagi la présidente"), as any simple past is in Spanish ("bromeó").
		return j + 1, false, true
	}
	if m.lx.verbs[w] || m.lx.afterVerb(w, spokenFrame) {
		if j+1 < len(toks) && m.lx.pronouns[lower(toks[j+1].Text)] {
			return j + 1, true, true // "sagte er", "disse ele"
		}
		return j, false, true
	}
	return 0, false, false
}

// afterVerb reports whether w, right after a quote's closing comma, is a simple-past verb of the
// language ("bromeó", "lamentou", "warnte").
func (lx *latinLexicon) afterVerb(w string, spokenFrame bool) bool {
	if !spokenFrame || utf8.RuneCountInString(w) < 5 || lx.determiners[w] || lx.stops[w] {
		return false
	}
	for _, e := range lx.pastEndings {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// isParticipleLike reports whether a French word after "a-t-il" reads as a past participle.
func isParticipleLike(w string) bool {
	w = lower(w)
	return strings.HasSuffix(w, "é") || strings.HasSuffix(w, "i") || strings.HasSuffix(w, "u") ||
		strings.HasSuffix(w, "it") || strings.HasSuffix(w, "is")
}

// subjectBefore returns the tokens of the subject before the verb at toks[j]: back to the comma
// that opens the clause, taking in an appositive ("La ministra de Trabajo, Gloria Ramírez, dijo").
func subjectBefore(toks []text.Token, j int, lx *latinLexicon) []text.Token {
	b := j
	for b > 0 && (lx.skip[toks[b-1].Text] || lx.skip[lower(toks[b-1].Text)] || lx.auxiliaries[lower(toks[b-1].Text)]) {
		b--
	}
	a := b
	for a > 0 {
		t := toks[a-1].Text
		if t == ":" || t == ";" || isCloseMark(t) || t == "“" || t == "„" || t == "«" {
			break
		}
		if t == "," {
			if a != b {
				break // "En Bogotá, la ministra dijo": the clause starts after the comma
			}
			// "NP, Name, dijo": go back past the name to the comma that opens the appositive.
			c := a - 2
			for c >= 0 && toks[c].Text != "," {
				c--
			}
			if c < 0 {
				break
			}
			a = c
			continue
		}
		a--
	}
	for a < b && (toks[a].Text == "," || lx.stops[lower(toks[a].Text)] && !text.IsCapitalized(toks[a].Text)) {
		a++
	}
	return toks[a:b]
}

// phraseAfter returns the speaker phrase after an inverted verb or "según": a name or a noun
// phrase, with an appositive name after it ("afirmó la ministra de Trabajo, Gloria Ramírez,").
func (m *latinDoc) phraseAfter(toks []text.Token, j int) []text.Token {
	for j < len(toks) && (m.lx.skip[toks[j].Text] || m.lx.skip[lower(toks[j].Text)]) {
		j++
	}
	if j+1 < len(toks) && m.lx.determiners[lower(toks[j].Text)] && m.lx.skip[lower(toks[j+1].Text)] {
		return nil // "dijo el lunes": a day, not a subject; the subject is dropped
	}
	if j < len(toks) && m.lx.stops[lower(toks[j].Text)] && !m.lx.determiners[lower(toks[j].Text)] {
		return nil // "afirmó en un mensaje": the subject is dropped
	}
	k := j
	described := j < len(toks) && (m.lx.determiners[lower(toks[j].Text)] || m.lx.isTitle(toks[j].Text))
	appositive := false
	for k < len(toks) && k-j < 12 {
		t := toks[k].Text
		lw := lower(t)
		if t == "," {
			// "la ministra de Trabajo, Gloria Ramírez,": a name in apposition to the noun phrase.
			if described && !appositive && k > j && k+1 < len(toks) && m.nameWord(toks[k+1]) {
				appositive = true
				k++
				continue
			}
			break
		}
		if !text.IsWord(t) && t != "-" && t != "'" && t != "’" || m.lx.stops[lw] && !text.IsCapitalized(t) && k > j {
			break
		}
		if m.lx.verbs[lw] && k > j {
			break
		}
		k++
	}
	return toks[j:k]
}

// phraseSpeaker reads the speaker named in phrase p and sets it on q; false when p names no one.
func (m *latinDoc) phraseSpeaker(q *found, p []text.Token) bool {
	if len(p) == 0 {
		return false
	}
	a, b := p[0].Start, p[len(p)-1].End
	if ref := m.mentionIn(a, b); ref != nil {
		q.spk, q.mStart, q.mEnd, q.kind = ref, ref.start, ref.end, kindNamed
		if role := m.roleBefore(p, ref.start); role != "" {
			q.role = role
		}
		return true
	}
	if len(p) == 1 && m.lx.pronouns[lower(p[0].Text)] {
		m.resolvePerson(q, p[0].Start, p[0].End, kindPronoun)
		return true
	}
	if ra, rb, ok := m.lastNameRun(p); ok {
		name := m.s[p[ra].Start:p[rb].End]
		typ := article.TypePerson
		if m.lx.orgHeads[p[ra].Text] || m.lx.orgHeads[lower(p[ra].Text)] {
			typ = article.TypeOrg
		}
		q.spk = &speakerRef{start: p[ra].Start, end: p[rb].End, name: name, typ: typ}
		q.mStart, q.mEnd, q.kind = p[ra].Start, p[rb].End, kindNamed
		q.role = m.roleBefore(p, p[ra].Start)
		return true
	}
	// A noun phrase: "le maire", "el presidente de Petrosur", "der Sprecher des Ministeriums".
	h := 0
	for h < len(p) && m.lx.determiners[lower(p[h].Text)] {
		h++
	}
	if h == len(p) || !text.IsWord(p[h].Text) {
		return false
	}
	if m.lx.isTitle(p[h].Text) {
		if who, ok := m.titled(lower(p[h].Text), q.openerAt); ok {
			q.spk = &speakerRef{start: a, end: b, name: who.name, typ: who.typ, role: who.role}
			q.mStart, q.mEnd, q.kind = a, b, kindNominal
			return true
		}
	}
	typ := article.TypePerson
	if m.lx.orgHeads[p[h].Text] || m.lx.orgHeads[lower(p[h].Text)] {
		typ = article.TypeOrg
	}
	q.spk = &speakerRef{start: a, end: b, name: m.s[a:b], typ: typ}
	q.mStart, q.mEnd, q.kind = a, b, kindNominal
	return true
}

// mentionIn is the tagger's last PERSON mention inside [a, b), else its last ORG mention.
func (d *doc) mentionIn(a, b int) *speakerRef {
	var org *speakerRef
	for i := len(d.mentions) - 1; i >= 0; i-- {
		r := &d.mentions[i]
		if r.start < a || r.end > b {
			continue
		}
		if r.typ == article.TypePerson {
			return r
		}
		if org == nil {
			org = r
		}
	}
	return org
}

// roleBefore is the office stated before a name in its phrase ("la ministra de Trabajo, Gloria
// Ramírez" → "ministra de Trabajo"), or "" when the words before hold no title.
func (m *latinDoc) roleBefore(p []text.Token, nameStart int) string {
	i := 0
	for i < len(p) && m.lx.determiners[lower(p[i].Text)] {
		i++
	}
	j := i
	for j < len(p) && p[j].End <= nameStart {
		j++
	}
	for j > i && (p[j-1].Text == "," || m.lx.determiners[lower(p[j-1].Text)]) {
		j--
	}
	if j <= i || !m.lx.isTitle(p[i].Text) {
		return ""
	}
	return m.s[p[i].Start:p[j-1].End]
}

// lastNameRun finds the last run of capitalised words in p that is a name: not a determiner,
// not after a preposition ("de Trabajo"), with any leading titles ("Bundeskanzler") left out.
func (m *latinDoc) lastNameRun(p []text.Token) (a, b int, ok bool) {
	for i := len(p) - 1; i >= 0; i-- {
		if !m.nameWord(p[i]) {
			continue
		}
		b = i
		a = i
		for a > 0 && (m.nameWord(p[a-1]) || a > 1 && m.lx.particles[lower(p[a-1].Text)] && m.nameWord(p[a-2])) {
			a--
		}
		runStart := a
		for a <= b && m.lx.isTitle(p[a].Text) {
			a++
		}
		prev := ""
		if a > 0 {
			prev = lower(p[a-1].Text)
		}
		if a > b || m.lx.particles[prev] || m.lx.stops[prev] || m.lx.determiners[prev] && !m.lx.isTitle(p[max(a-1, 0)].Text) && !titleRun(m.lx, p, a) {
			i = runStart
			continue // "de Trabajo", "der Zeitung": part of a noun phrase, not a name
		}
		return a, b, true
	}
	return 0, 0, false
}

// titleRun reports whether the words before p[a] in its capitalised run were titles that
// lastNameRun left out ("der Finanzminister Christian Lindner").
func titleRun(lx *latinLexicon, p []text.Token, a int) bool {
	return a > 0 && lx.isTitle(p[a-1].Text)
}

// nameWord reports whether a token can be part of a name: capitalised, a word, and not a
// determiner, a pronoun or a function word written at the start of a sentence.
func (m *latinDoc) nameWord(t text.Token) bool {
	lw := lower(t.Text)
	return text.IsCapitalized(t.Text) && text.IsWord(t.Text) && !m.lx.determiners[lw] && !m.lx.pronouns[lw] &&
		!m.lx.stops[lw] && !m.lx.according[lw] && !m.lx.skip[t.Text] && !m.lx.verbs[lw]
}

// namedPeople lists the persons the text names before any quote is read: the tagger's PERSON
// mentions, names after a title ("la economista Laura Giménez", "Le maire, Grégory Nkoulou,")
// and names after "según"/"selon".
func (m *latinDoc) namedPeople() []namedPerson {
	out := peopleFromMentions(m.mentions)
	toks := m.toks
	for i := 0; i+2 < len(toks); i++ {
		// "Ana María Fuentes, directora del hospital, explicó": a name, then its title.
		if toks[i+1].Text == "," && m.nameWord(toks[i]) && (m.lx.isTitle(toks[i+2].Text) || i+3 < len(toks) &&
			m.lx.determiners[lower(toks[i+2].Text)] && m.lx.isTitle(toks[i+3].Text)) {
			a := i
			for a > 0 && (m.nameWord(toks[a-1]) || a > 1 && m.lx.particles[lower(toks[a-1].Text)] && m.nameWord(toks[a-2])) {
				a--
			}
			out = append(out, namedPerson{pos: toks[a].Start, name: m.s[toks[a].Start:toks[i].End], typ: article.TypePerson,
				role: m.s[toks[i+2].Start:toks[min(i+3, len(toks)-1)].End]})
		}
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if !m.lx.isTitle(t.Text) && !m.lx.according[lower(t.Text)] {
			continue
		}
		j := m.nameAfterTitle(toks, i)
		if j < 0 {
			continue
		}
		k := j
		for k+1 < len(toks) && (m.nameWord(toks[k+1]) || k+2 < len(toks) && m.lx.particles[lower(toks[k+1].Text)] && m.nameWord(toks[k+2])) {
			k++
		}
		role := ""
		if m.lx.isTitle(t.Text) {
			role = strings.TrimRight(m.s[t.Start:toks[j-1].End], ", ")
		}
		out = append(out, namedPerson{pos: toks[j].Start, name: m.s[toks[j].Start:toks[k].End], role: role, typ: article.TypePerson})
		i = k
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].pos < out[j].pos })
	return out
}

// peopleFromMentions are the tagger's PERSON mentions as people.
func peopleFromMentions(mentions []speakerRef) []namedPerson {
	var out []namedPerson
	for _, r := range mentions {
		if r.typ == article.TypePerson {
			out = append(out, namedPerson{pos: r.start, name: r.name, role: r.role, typ: r.typ})
		}
	}
	return out
}

// nameAfterTitle is the index of the name that a title or "según" at toks[i] introduces: right
// after it ("la economista Laura Giménez"), or after its complement and a comma ("el gobernador de
// Neuquén, Raúl Quiroga"); -1 when none does.
func (m *latinDoc) nameAfterTitle(toks []text.Token, i int) int {
	if i+1 < len(toks) && m.nameWord(toks[i+1]) {
		return i + 1
	}
	for j := i + 1; j < len(toks) && j-i < 8; j++ {
		switch t := toks[j].Text; {
		case t == ",":
			if j+1 < len(toks) && m.nameWord(toks[j+1]) {
				return j + 1
			}
			return -1
		case !text.IsWord(t) && t != "'" && t != "’":
			return -1
		}
	}
	return -1
}

// addPerson inserts p into the people in text order.
func (m *latinDoc) addPerson(p namedPerson) []namedPerson {
	i := sort.Search(len(m.people), func(k int) bool { return m.people[k].pos > p.pos })
	out := append(m.people, namedPerson{})
	copy(out[i+1:], out[i:])
	out[i] = p
	return out
}

// lastPersonBefore is the person named last before byte pos, within the paragraph or the one
// before it.
func lastPersonBefore(people []namedPerson, s string, pos int) (namedPerson, bool) {
	i := sort.Search(len(people), func(k int) bool { return people[k].pos >= pos })
	if i == 0 {
		return namedPerson{}, false
	}
	p := people[i-1]
	if strings.Count(s[p.pos:pos], "\n\n") > 1 {
		return namedPerson{}, false
	}
	return p, true
}

// resolvePerson gives q the person named last before it, for a pronoun or a dropped subject at
// [mStart, mEnd) (empty when dropped).
func (m *latinDoc) resolvePerson(q *found, mStart, mEnd int, kind string) {
	pos := q.openerAt
	if mStart > 0 && mStart < pos {
		pos = mStart
	}
	if p, ok := lastPersonBefore(m.people, m.s, pos); ok && p.typ == article.TypePerson {
		q.spk = &speakerRef{start: p.pos, end: p.pos + len(p.name), name: p.name, typ: p.typ, role: p.role}
		q.mStart, q.mEnd, q.kind = mStart, mEnd, kind
	}
}

// titled is the person named last before pos with the title head in their role ("le maire" →
// "Le maire, Grégory Nkoulou").
func (m *latinDoc) titled(head string, pos int) (namedPerson, bool) {
	for i := len(m.people) - 1; i >= 0; i-- {
		p := m.people[i]
		if p.pos >= pos || p.role == "" {
			continue
		}
		for _, w := range strings.Fields(lower(p.role)) {
			if w == head {
				return p, true
			}
		}
	}
	return namedPerson{}, false
}
