// Package quote finds what people and organisations said in Article.Text and fills Article.Quotes.
// It owns Article.Quotes, reads Text and Entities (PERSON and ORG mentions), and does no I/O.
//
// Direct quotes: straight and typographic double quotes (" ", “ ”), single quotes used as quote
// marks (‘ ’, and ' ' when a speech cue confirms them), the NYT's doubled apostrophes (two ' on
// each side), guillemets « » and „ “. A quote split around its cue (“We will win,” she said,
// “because …”) is two quotes with the same speaker, so that every quote's offsets point at one
// contiguous run of the speaker's words; a quote running over several paragraphs (opening mark
// repeated, closing mark omitted) is one quote whose text is the exact slice of Article.Text;
// quotes inside quotes stay inside the outer one; a headline "Minister: ‘We will act’" takes the
// colon as its cue. A quoted phrase inside reported speech ("said the plan was “a disaster”") is
// reported speech, not a direct quote.
//
// Reported speech (direct: false): "X said (that) …", "X told reporters …", "X added/noted/warned/
// expressed hope that …", "according to X, …", "…, X said." and the inverted "…, said Cui";
// "…, adding that …" and "CONTENT, he said, CONTENT" give two quotes by the same speaker; the
// question in "Asked about X, …" is a quote without a speaker. Verbs of belief and intention
// ("believes", "wants", "plans to") are not speech and give no quote.
//
// Speakers: the noun phrase that is the cue's subject (or follows an inverted cue). A PERSON/ORG
// mention inside it names the speaker; he/she/they/it resolve to the most recent fitting speaker
// or mention (of the right gender where "Mr."/"Mrs."/"Ms." or an earlier he/she tells); a bare
// surname resolves to the full entity; a title ("the director", "the Party secretary") resolves to
// the person whose role or title holds it, an organisation noun ("the ministry") to the
// organisation whose name holds it; anything else is kept as stated ("the judge"). A role stated
// with the speaker ("Cui Rongguo, Party secretary of Xinwu district, said") is kept in Quote.Role.
// A quote with no cue of its own continues the speaker of the quote before it (same or next
// paragraph), or takes the name from an interview layout: a name line above or below it ("Maria
// Lopez, 34, Phoenix"; when both neighbours are name lines, whether the run of alternating names
// and quotes starts with a name decides), a dash or bracketed signature after it ("— Maria
// Lopez", "(Maria Lopez, Phoenix)"), the reported speech just before it in its paragraph, or the
// person the previous paragraph is about; inside a sentence whose verb is no speech cue
// ("Nordhaus welcomed “…”") it is the words of the sentence's subject. A quote that ends its
// sentence after a lead-in ("He added: “….” She said …") is the lead-in's.
//
// A speaker is a person, an organisation or a described group, never a place, a date or a document
// (kind.go): "Farmers in nearby Yangzhou said" is the farmers; a bare place right before its cue
// ("Beijing said") is its government acting, typed ORG; "a study published on Monday" or "opinion
// polls" speak for no one unless the text names the issuer ("a statement released by X", "the
// foundation's calculations", "X said in a statement … the statement said"). Titles before a name
// ("Treasury Cabinet Secretary Joseph Mbugua") give the person, with the title as Quote.Role.
// Nominal speakers resolve by the class of their head: an institution noun ("the agency", "the
// treasury") to an organisation whose name holds it or that the article describes with it, "the
// company" to the last organisation known to be a business, a title ("the governor") to the person
// who holds it. Quote.SpeakerKind says how the cue's subject refers to the speaker: named, nominal,
// pronoun or anonymous ("analysts", "a person familiar with the matter").
//
// Everything is rules over pkg/text tokens; there is no model. Measured with
// `newsmon eval quotes --data FILE.jsonl` (internal/eval.QuoteScorer).
package quote

import (
	"context"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/text"
)

// Extractor fills Article.Quotes. It is safe for concurrent use.
type Extractor struct {
	lex lexicon
}

// New returns the quote extractor.
func New() *Extractor {
	return &Extractor{lex: newLexicon()}
}

// Name implements extract.Extractor.
func (*Extractor) Name() string { return "quote" }

// Extract implements extract.Extractor: it replaces a.Quotes with the quotes found in a.Text.
func (e *Extractor) Extract(ctx context.Context, a *article.Article) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	a.Quotes = e.Find(a.Text, a.Entities)
	return nil
}

// speakerRef is a PERSON/ORG mention (or a speaker phrase) with byte offsets.
type speakerRef struct {
	start, end int
	name, typ  string
	role       string
}

// found is a quote being assembled, with byte offsets.
type found struct {
	start, end         int
	direct             bool
	cue                string
	cueStart, cueEnd   int
	spk                *speakerRef // resolved speaker
	mStart, mEnd       int         // speaker mention (may be a pronoun)
	role               string      // role stated with the speaker in this sentence
	pronoun            bool
	kind               string // speaker_kind, see kind.go
	unnamed            bool   // the cue's subject was read but is no speaker: a document without issuer, a place
	inherit            bool   // a quote with no cue of its own: same speaker as the quote before it
	paragraphInitial   bool
	openerAt, closerAt int // the marks of a direct or mixed quote
}

// subjectRead reports whether the cue's subject was read: a speaker, a pronoun to resolve, or a
// subject that is no speaker (a document with no issuer in the text).
func (q *found) subjectRead() bool { return q.spk != nil || q.pronoun || q.unnamed }

// doc holds the per-article state of one Find call.
type doc struct {
	s        string
	idx      *text.RuneIndex
	toks     []text.Token
	mentions []speakerRef    // PERSON/ORG mentions in text order
	places   []placeSpan     // PLACE mentions in text order
	genders  map[string]byte // person name → 'm' or 'f', from honorifics and resolved he/she
	quoted   []placeSpan     // direct quotes' contents in text order: names there are talked about, not speaking
}

// Find returns the quotes in s, given the entities found in s (may be nil).
func (e *Extractor) Find(s string, entities []article.Entity) []article.Quote {
	d := &doc{s: s, idx: text.NewRuneIndex(s), toks: text.Tokenize(s)}
	for _, ent := range entities {
		if ent.Type == article.TypePlace {
			for _, m := range ent.Mentions {
				d.places = append(d.places, placeSpan{d.idx.Byte(m.Start), d.idx.Byte(m.End)})
			}
			continue
		}
		if ent.Type != article.TypePerson && ent.Type != article.TypeOrg || dateWords[strings.ToLower(strings.TrimSuffix(ent.Name, "."))] {
			continue // a day or month the tagger took for a name never speaks
		}
		for _, m := range ent.Mentions {
			d.mentions = append(d.mentions, speakerRef{start: d.idx.Byte(m.Start), end: d.idx.Byte(m.End),
				name: ent.Name, typ: ent.Type, role: ent.Role})
		}
	}
	sort.Slice(d.mentions, func(i, j int) bool { return d.mentions[i].start < d.mentions[j].start })
	sort.Slice(d.places, func(i, j int) bool { return d.places[i].start < d.places[j].start })

	qs := e.direct(d)
	qs = append(qs, e.indirect(d, qs)...)
	sort.SliceStable(qs, func(i, j int) bool { return qs[i].start < qs[j].start })
	resolvePronouns(d, qs)
	out := make([]article.Quote, 0, len(qs))
	for _, q := range qs {
		out = append(out, d.export(q))
	}
	return out
}

func (d *doc) export(q found) article.Quote {
	out := article.Quote{Text: d.s[q.start:q.end], Start: d.idx.Rune(q.start), End: d.idx.Rune(q.end), Direct: q.direct}
	if q.cue != "" {
		out.Cue = d.s[q.cueStart:q.cueEnd]
		out.CueSpan = &article.Span{Start: d.idx.Rune(q.cueStart), End: d.idx.Rune(q.cueEnd)}
	}
	if q.spk != nil {
		name, typ := q.spk.name, q.spk.typ
		out.Role = q.spk.role
		if typ == article.TypePerson {
			// "Economist Aly-Khan Jiwa": the person, with the title as role.
			if title, rest, ok := stripTitle(name); ok {
				name = rest
				if out.Role == "" {
					out.Role = title
				}
			}
		}
		out.Speaker, out.SpeakerType = &name, &typ
		if q.role != "" {
			out.Role = q.role
		}
		out.SpeakerKind = q.kind
		if out.SpeakerKind == "" {
			out.SpeakerKind = d.kindOf(q)
		}
	}
	if q.mEnd > q.mStart {
		out.SpeakerMention = &article.Mention{Text: d.s[q.mStart:q.mEnd], Start: d.idx.Rune(q.mStart), End: d.idx.Rune(q.mEnd)}
	}
	return out
}

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
		if !found && q.paragraphInitial && e.nameLine(d, &q) {
			found = true
		}
		if !found && !q.paragraphInitial {
			// "Nordhaus welcomed “the recognition that …”": a quote inside a sentence whose verb is not
			// a speech cue is still the words of the sentence's subject, when that is a name.
			found = d.sentenceSubject(&q)
		}
		if !found && q.paragraphInitial && (len(qs) == 0 || strings.Count(s[qs[len(qs)-1].end:q.openerAt], "\n\n") > 1) {
			// "Maria Lopez runs a shop in Phoenix.\n\n“…”": a quote with no cue after a paragraph about
			// someone is theirs.
			found = d.introducedSpeaker(&q)
		}
		if !found && len(qs) > 0 {
			// A quote without a cue continues the previous quote's speaker when it follows it in the
			// same paragraph or opens the next paragraph.
			breaks := strings.Count(s[qs[len(qs)-1].end:q.openerAt], "\n\n")
			q.inherit = breaks == 0 || breaks == 1 && q.paragraphInitial
		}
		qs = append(qs, q)
	}
	return qs
}

// shortSentence reports whether a short quote is a whole sentence said right after the previous
// quote in its paragraph (“…,” she told reporters. “Now it will.”), not a scare quote or a title.
func shortSentence(s string, q found, qs []found) bool {
	if len(qs) == 0 || strings.Contains(s[qs[len(qs)-1].end:q.openerAt], "\n") || len(strings.Fields(s[q.start:q.end])) < 2 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[q.start:])
	last := s[q.end-1]
	return unicode.IsUpper(r) && (last == '.' || last == '!' || last == '?')
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

// tokenIndex is the index of the first token starting at or after byte a.
func (d *doc) tokenIndex(a int) int {
	return sort.Search(len(d.toks), func(k int) bool { return d.toks[k].Start >= a })
}

// tokensIn returns the tokens lying inside [a, b).
func (d *doc) tokensIn(a, b int) []text.Token {
	i := d.tokenIndex(a)
	j := i
	for j < len(d.toks) && d.toks[j].End <= b {
		j++
	}
	return d.toks[i:j]
}

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
	if len(toks) > 0 && (toks[0].Text == "," || toks[0].Text == "—" || toks[0].Text == "–") {
		toks = toks[1:]
	}
	if len(toks) == 0 || sentenceOpeners[toks[0].Text] || toks[0].Text == "and" || toks[0].Text == "but" {
		return false // "… And, he acknowledged": a new clause
	}
	leadIn := toks[len(toks)-1].Text == ":" // "X posted: “…”" introduces the next quote
	limit := 18
	if c := d.s[q.end-1]; c == '.' && q.end < q.closerAt {
		limit = 4 // “… the end.” Trump said: only a cue right after a full stop belongs to the quote
	}
	// A quote closed by a comma, "?" or "!" is followed by its attribution, so any past-tense verb
	// there is the cue; after a full stop a new sentence may begin.
	spokenEnd := strings.ContainsRune(",?!", rune(d.s[q.end-1])) || q.end < len(d.s) && d.s[q.end] == ','
	if strings.HasSuffix(d.s[:q.closerAt], ",") {
		spokenEnd = true
	}
	if spokenEnd && limit == 18 {
		limit = 26 // “…,” Steve Rosenthal, a former political director of the …, said
	}
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
		q.cue, q.cueStart, q.cueEnd = cue, toks[k].Start, toks[kEnd].End
		if k == 0 {
			if p, ok := npAfter(toks, kEnd+1); ok {
				d.resolveNP(q, toks, p)
			}
		} else if p, ok := npBefore(toks, k); ok && (p.a == 0 || p.roleE > p.roleStart && p.roleStart == toks[0].Start) {
			d.resolveNP(q, toks, p)
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
	for k := n - 1; k >= 0 && n-k <= 20; k-- {
		// Verbs that are speech only next to a quote count right before its mark ("He jokes, “…").
		after := k >= n-2 && (k == n-1 || toks[n-1].Text == "," || toks[n-1].Text == ":")
		cue, kEnd := e.cueAt(toks, k, after)
		if cue == "" {
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
		if namingVerbs[lower(toks[k].Text)] && (k == 0 || !text.IsCapitalized(toks[k].Text)) {
			q.cue, q.cueStart, q.cueEnd = toks[k].Text, toks[k].Start, toks[k].End
			d.cueSubject(q, toks, k, k)
			return true
		}
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
		} else if p, ok := npAfter(toks, kEnd+1); ok && !(p.b+1 < len(toks) && auxiliaries[lower(toks[p.b+1].Text)]) {
			// but not "said the Brenner case was …": that phrase is the subject of what was said
			d.resolveNP(q, toks, p)
		} else if k > 0 && (toks[k-1].Text == "to" || toks[k-1].Text == "by") {
			d.clauseSubject(q, toks, k) // "went on to say:", "began by saying"
		} else {
			d.nearestMention(q, toks, k, toks[0].Start, toks[len(toks)-1].End)
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
	q.end = mixedEnd(d, q.closerAt)
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

// cueAt reports the cue starting at toks[k] and the index of its last token: a speech verb,
// "according to", "pointed out", "expressed hope". after admits the verbs that are speech only
// right after a quote.
func (e *Extractor) cueAt(toks []text.Token, k int, after bool) (string, int) {
	if k > 0 && text.IsCapitalized(toks[k].Text) && text.IsWord(toks[k-1].Text) {
		return "", 0 // "Islamic State", "Says Who": a name, not a verb
	}
	w := lower(toks[k].Text)
	if strings.HasSuffix(w, "ed") && k+1 < len(toks) && auxiliaries[lower(toks[k+1].Text)] {
		return "", 0 // "much of the money announced had …", "what he said was": a participle, not a cue
	}
	switch {
	case w == "according" && k+1 < len(toks) && toks[k+1].Text == "to":
		return "according to", k + 1
	case (w == "called" || w == "calls" || w == "calling") && !after && k+2 < len(toks) && (toks[k+1].Text == "for" ||
		toks[k+1].Text == "on" && text.IsWord(toks[k+2].Text) && !dateWords[lower(toks[k+2].Text)]):
		// "The committee called for an inquiry", "Axelrod called on Dean to apologize": a demand made
		// in words. ("called on Monday" is a time.)
		return w + " " + toks[k+1].Text, k + 1
	case (w == "pointed" || w == "points" || w == "point") && k+1 < len(toks) && toks[k+1].Text == "out":
		return w + " out", k + 1
	case w == "expressed" || w == "expresses" || w == "voiced":
		if k+1 < len(toks) && cueNouns[toks[k+1].Text] {
			return w + " " + toks[k+1].Text, k + 1
		}
		return "", 0
	case (w == "shot" || w == "fired" || w == "chimed") && k+1 < len(toks) && (toks[k+1].Text == "back" || toks[k+1].Text == "in"):
		if after || k+2 == len(toks) || toks[k+2].Text == ":" || toks[k+2].Text == "," {
			return w + " " + toks[k+1].Text, k + 1
		}
		return "", 0
	case w == "put" && k+1 < len(toks) && toks[k+1].Text == "it" && (k+2 == len(toks) || toks[k+2].Text == "," || toks[k+2].Text == ":"):
		return "put it", k + 1
	case (w == "went" || w == "goes" || w == "go") && k+1 < len(toks) && toks[k+1].Text == "on" &&
		(after || k+2 < len(toks) && (toks[k+2].Text == ":" || toks[k+2].Text == ",")):
		return w + " on", k + 1
	case e.lex.say[w]:
		if strings.HasPrefix(w, "continu") && !after && (k+1 >= len(toks) || toks[k+1].Text != ":" && toks[k+1].Text != ",") {
			return "", 0
		}
		return toks[k].Text, k
	case after && e.lex.after[w]:
		return toks[k].Text, k
	case thatVerbs[w] && !after && k > 0 && k+1 < len(toks) && toks[k+1].Text == "that" && !determiners[lower(toks[k-1].Text)] &&
		(!nounLikeThatVerbs[w] || pronounSpeakers[toks[k-1].Text] || text.IsCapitalized(toks[k-1].Text) && !sentenceOpeners[toks[k-1].Text]):
		// (a bare form that is also a noun, "an hourlong show that aired", needs a name or pronoun
		// as its subject right before it)
		// "The IMF expects that …", "The World Health Organization estimates that …": a finding or
		// a belief stated as a clause is reported speech; without "that" the verb is too often
		// something else ("estimates of", "found dead").
		return toks[k].Text, k
	case nounLikeVerbs[w] && k > 0 && k+1 < len(toks):
		// "He notes that …", "Trump claims the …": speech only with a subject right before and a
		// clause right after, never as a noun ("his claims", "battleground states").
		prev, next := toks[k-1].Text, toks[k+1].Text
		subject := pronounSpeakers[prev] || text.IsCapitalized(prev) && !sentenceOpeners[prev] && !determiners[lower(prev)]
		clause := next == "that" || pronounSpeakers[next] || determiners[lower(next)] && !demonstratives[lower(next)] || text.IsCapitalized(next)
		if subject && clause {
			return toks[k].Text, k
		}
	}
	return "", 0
}

// coordinated reports whether the verb at toks[k] follows "and"/"but" ("… and warned that"), so
// that its subject is the clause's first one.
func coordinated(toks []text.Token, k int) bool {
	j := k - 1
	for j >= 0 && skipBeforeCue[toks[j].Text] {
		j--
	}
	return j >= 0 && (toks[j].Text == "and" || toks[j].Text == "but")
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
	for j := i + 1; j < k && j < i+12; j++ {
		if toks[j].Text == "," {
			if subordinators[toks[i].Text] || sentenceOpeners[toks[i].Text] ||
				d.lastMentionIn(toks[i].Start, toks[j].Start) == nil && !namesSomeone(toks[i:j]) {
				i = j + 1
			}
			break
		}
	}
	// "Eight years ago, he supported Obama and said,", "…prior to Election Day, he laughed and
	// said,": a he/she right after the last comma before the cue is its subject.
	for j := k - 1; j > i; j-- {
		if toks[j].Text == "," {
			if j+1 >= k {
				break
			}
			if w := toks[j+1].Text; (w == "he" || w == "she" || w == "He" || w == "She") && (j+2 == k || !text.IsCapitalized(toks[j+2].Text)) {
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
			return
		}
		if v := verbAfter(toks, i, k); v > i+1 && v-i <= 6 {
			// "Industry groups welcomed the decision but said": the words before the first verb.
			d.resolveNP(q, toks, np{a: i, b: v - 1})
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

// resolvePronouns turns he/she/they/it into the most recent named speaker of a fitting type,
// falling back to the most recent fitting mention before the quote, and gives a quote that only
// continues the one before it that quote's speaker.
func resolvePronouns(d *doc, qs []found) {
	d.quoted = d.quoted[:0]
	for i := range qs {
		if qs[i].direct {
			d.quoted = append(d.quoted, placeSpan{qs[i].start, qs[i].end})
		}
	}
	var lastPerson, lastOrg *speakerRef
	var lastDirect *found
	for i := range qs {
		q := &qs[i]
		prev := lastDirect
		if q.cue == "" && q.spk == nil && !q.pronoun && i > 0 && q.direct && !qs[i-1].direct && qs[i-1].end <= q.start &&
			!strings.Contains(d.s[qs[i-1].end:q.start], "\n") && qs[i-1].spk != nil {
			// "Bill Jensen, 45, said he is undecided. “Nobody is talking …”": a cue-less quote right
			// after reported speech in its paragraph goes on with that speaker.
			prev, q.inherit = &qs[i-1], true
		}
		if q.inherit && q.spk == nil && prev != nil {
			q.spk, q.mStart, q.mEnd, q.role, q.kind = prev.spk, prev.mStart, prev.mEnd, prev.role, prev.kind
			if q.cue == "" {
				q.cue, q.cueStart, q.cueEnd = prev.cue, prev.cueStart, prev.cueEnd
			}
		}
		if q.pronoun && q.spk == nil {
			p := d.s[q.mStart:q.mEnd]
			if base := contractedPronoun(p); base != "" {
				p = base // "he’s"
			}
			org := strings.EqualFold(p, "they") || strings.EqualFold(p, "it")
			if strings.EqualFold(p, "we") || p == "I" {
				continue
			}
			last := lastPerson
			if org {
				last = lastOrg
			}
			want := pronounGender(p)
			if last != nil && !org && !d.genderFits(last.name, want) {
				last = nil
			}
			// The later of the last named speaker and the last fitting mention wins.
			q.spk = last
			if m := d.lastMentionBefore(q.mStart, org, want); m != nil && (last == nil || m.start > last.start) {
				q.spk = m
			}
			if q.spk == nil && want != 0 {
				// No one of that gender: the evidence was wrong or missing, take the nearest person.
				q.spk = lastPerson
				if m := d.lastMentionBefore(q.mStart, false, 0); m != nil && (q.spk == nil || m.start > q.spk.start) {
					q.spk = m
				}
			}
			if q.spk == nil && strings.EqualFold(p, "they") {
				q.spk = lastPerson
			}
			if q.spk != nil && want != 0 {
				d.learnGender(q.spk.name, want) // "she" said it, so later "he" is someone else
			}
		}
		if q.direct {
			lastDirect = q
		}
		if q.spk != nil {
			if q.spk.typ == article.TypeOrg {
				lastOrg = q.spk
			} else {
				lastPerson = q.spk
			}
		}
	}
}

func (d *doc) lastMentionBefore(pos int, org bool, gender byte) *speakerRef {
	want := article.TypePerson
	if org {
		want = article.TypeOrg
	}
	fits := func(m *speakerRef) bool {
		return m.typ == want && (org || d.genderFits(m.name, gender) && d.personLike(m)) && !d.inQuote(m.start)
	}
	for i := len(d.mentions) - 1; i >= 0; i-- {
		m := &d.mentions[i]
		if m.end > pos || !fits(m) {
			continue
		}
		// The sentence's subject is the likelier antecedent than a name later in it ("Jepkemboi …
		// won, beating Ethiopia's Almaz Tesfaye. She said …"): the first fitting mention of the
		// sentence, unless it is someone else's possessive.
		lo := d.sentenceStart(m.start)
		for k := i - 1; k >= 0 && d.mentions[k].start >= lo; k-- {
			if c := &d.mentions[k]; fits(c) && c.name != m.name && !d.possessiveAt(c.end) {
				m = c
			}
		}
		return m
	}
	return nil
}

// inQuote reports whether pos lies inside a direct quote's words: a name there is someone talked
// about, never the antecedent of the "he said" that follows.
func (d *doc) inQuote(pos int) bool {
	i := sort.Search(len(d.quoted), func(k int) bool { return d.quoted[k].end > pos })
	return i < len(d.quoted) && d.quoted[i].start <= pos
}

// sentenceStart is the byte offset where the sentence holding pos starts: after the last full stop
// or paragraph break before it (looking back at most 60 tokens).
func (d *doc) sentenceStart(pos int) int {
	i := d.tokenIndex(pos)
	for n := 0; i > 0 && n < 60; i, n = i-1, n+1 {
		if t := d.toks[i-1].Text; t == "." || t == "?" || t == "!" || strings.Contains(d.s[d.toks[i-1].End:d.toks[i].Start], "\n") {
			break
		}
	}
	if i < len(d.toks) {
		return d.toks[i].Start
	}
	return pos
}

// possessiveAt reports whether the name ending at byte end is a possessive ("Trump's approach").
func (d *doc) possessiveAt(end int) bool {
	r := d.s[end:min(len(d.s), end+4)]
	return strings.HasPrefix(r, "'s") || strings.HasPrefix(r, "’s") || strings.HasPrefix(r, "’") || strings.HasPrefix(r, "'")
}

// pronounGender is 'm' for he, 'f' for she, 0 otherwise.
func pronounGender(p string) byte {
	switch lower(p) {
	case "he":
		return 'm'
	case "she":
		return 'f'
	}
	return 0
}

// genderFits reports whether a person may be referred to with a pronoun of the given gender: true
// unless an honorific ("Mr.", "Mrs.", "Ms.") or an earlier he/she said otherwise.
func (d *doc) genderFits(name string, want byte) bool {
	if want == 0 {
		return true
	}
	if d.genders == nil {
		d.genders = map[string]byte{}
		for i := range d.mentions {
			m := &d.mentions[i]
			if m.typ != article.TypePerson {
				continue
			}
			if g := honorificGender(d.titleBefore(m.start)); g != 0 {
				d.genders[m.name] = g
			} else if g := honorificGender(m.name); g != 0 {
				d.genders[m.name] = g
			}
		}
	}
	g := d.genders[name]
	return g == 0 || g == want
}

func (d *doc) learnGender(name string, g byte) {
	if d.genders == nil {
		d.genderFits(name, g) // builds the map
	}
	if d.genders[name] == 0 {
		d.genders[name] = g
	}
}

// honorificGender reads "Mr." / "Mrs." / "Ms." at the end of the words before a name (or at the
// start of a name that includes it).
func honorificGender(s string) byte {
	f := strings.Fields(s)
	if len(f) == 0 {
		return 0
	}
	for _, w := range []string{f[len(f)-1], f[0]} {
		switch strings.TrimSuffix(w, ".") {
		case "Mr", "Sir", "Lord", "King":
			return 'm'
		case "Mrs", "Ms", "Miss", "Madam", "Dame", "Lady", "Queen":
			return 'f'
		}
	}
	return 0
}
