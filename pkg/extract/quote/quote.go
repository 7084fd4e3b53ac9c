// Package quote finds what people and organisations said in Article.Text and fills Article.Quotes:
// direct quotes in straight or typographic quote marks (“ ”, " ", « », „ “), including quotes that
// run over several paragraphs, and reported speech ("X said (that) …", "…, X said.", "according to
// X, …"). Each quote gets its cue verb and a speaker: the nearest PERSON or ORG mention from
// Article.Entities in the cue clause, with he/she/they resolved to the most recent named speaker
// and surnames resolved to the full entity name (entities carry every mention, so "Cui" already
// belongs to "Cui Rongguo"). It owns Article.Quotes, reads Text and Entities, and does no I/O.
//
// A quote split around its cue (“We will win,” she said, “because …”) is reported as two quotes
// with the same speaker and cue, so that every quote's offsets point at one contiguous run of the
// speaker's words. A multi-paragraph quote is one quote spanning from its first to its last word;
// its text is the exact slice of Article.Text, so it contains the paragraph break and the
// re-opening quote mark.
package quote

import (
	"context"
	"sort"
	"strings"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/text"
)

// Extractor fills Article.Quotes. It is safe for concurrent use.
type Extractor struct {
	cues map[string]bool
}

// New returns the quote extractor.
func New() *Extractor {
	cues := map[string]bool{}
	for _, w := range strings.Fields(cueVerbs) {
		cues[w] = true
	}
	return &Extractor{cues: cues}
}

// cueVerbs introduce speech. "according to" is handled on its own.
const cueVerbs = `said says say told tells added adds noted notes warned warns stressed stresses asked asks
explained explains insisted insists argued argues claimed claims stated states wrote writes replied
replies continued recalled recalls admitted admits acknowledged declared announced announces remarked
urged urges cautioned emphasised emphasized emphasises emphasizes tweeted posted confirmed confirms
denied denies predicted predicts suggested suggests agreed agrees countered responded observed
complained pointed concluded`

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

// speakerRef is a PERSON/ORG mention with byte offsets.
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
	pronoun            bool
	inherit            bool // a quote-only paragraph: same speaker as the quote before it
	paragraphInitial   bool
	openerAt, closerAt int
}

// doc holds the per-article state of one Find call.
type doc struct {
	s        string
	idx      *text.RuneIndex
	toks     []text.Token
	mentions []speakerRef // PERSON/ORG mentions in text order
}

// Find returns the quotes in s, given the entities found in s (may be nil).
func (e *Extractor) Find(s string, entities []article.Entity) []article.Quote {
	d := &doc{s: s, idx: text.NewRuneIndex(s), toks: text.Tokenize(s)}
	for _, ent := range entities {
		if ent.Type != article.TypePerson && ent.Type != article.TypeOrg {
			continue
		}
		for _, m := range ent.Mentions {
			d.mentions = append(d.mentions, speakerRef{start: d.idx.Byte(m.Start), end: d.idx.Byte(m.End),
				name: ent.Name, typ: ent.Type, role: ent.Role})
		}
	}
	sort.Slice(d.mentions, func(i, j int) bool { return d.mentions[i].start < d.mentions[j].start })

	qs := e.direct(d)
	qs = append(qs, e.indirect(d, qs)...)
	sort.Slice(qs, func(i, j int) bool { return qs[i].start < qs[j].start })
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
		out.Cue = q.cue
		out.CueSpan = &article.Span{Start: d.idx.Rune(q.cueStart), End: d.idx.Rune(q.cueEnd)}
	}
	if q.spk != nil {
		name, typ := q.spk.name, q.spk.typ
		out.Speaker, out.SpeakerType = &name, &typ
		out.Role = q.spk.role
	}
	if q.mEnd > q.mStart {
		out.SpeakerMention = &article.Mention{Text: d.s[q.mStart:q.mEnd], Start: d.idx.Rune(q.mStart), End: d.idx.Rune(q.mEnd)}
	}
	return out
}

// closers maps each opening quote mark to the marks that may close it.
var closers = map[string][]string{
	"“": {"”", "“"}, "«": {"»"}, "„": {"“", "”"}, "\"": {"\""}, "‹": {"›"}, "「": {"」"},
}

// direct finds quoted passages and their cues.
func (e *Extractor) direct(d *doc) []found {
	s := d.s
	var qs []found
	for i := 0; i < len(s); {
		open := openerAt(s, i)
		if open == "" {
			i++
			continue
		}
		cs := i + len(open)
		ce, closeEnd, ok := findCloser(s, cs, open)
		if !ok {
			i = cs
			continue
		}
		q := found{direct: true, openerAt: i, closerAt: ce}
		q.start, q.end = trimContent(s, cs, ce)
		q.paragraphInitial = i == 0 || strings.HasSuffix(strings.TrimRight(s[:i], " \t"), "\n") ||
			strings.TrimSpace(s[:i]) == ""
		i = closeEnd
		if q.end <= q.start {
			continue
		}
		words := len(strings.Fields(s[q.start:q.end]))
		found := e.cueAfter(d, &q, closeEnd) || e.cueBefore(d, &q, q.openerAt)
		if !found && words < 4 {
			continue // a scare quote or a title, not speech
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

// openerAt returns the opening quote mark at i, if one opens there.
func openerAt(s string, i int) string {
	for open := range closers {
		if !strings.HasPrefix(s[i:], open) {
			continue
		}
		if open == "\"" || open == "“" {
			// An opening mark follows space, a bracket or the start, and precedes a non-space.
			if i > 0 && !strings.ContainsAny(s[i-1:i], " \n\t([—–-:") && !strings.HasSuffix(s[:i], "—") {
				return ""
			}
			if next := i + len(open); next >= len(s) || s[next] == ' ' || s[next] == '\n' {
				return ""
			}
		}
		return open
	}
	return ""
}

// findCloser finds where the quote opened before cs ends. A paragraph break ends it unless the
// next paragraph re-opens the quote (the multi-paragraph convention).
func findCloser(s string, cs int, open string) (contentEnd, after int, ok bool) {
	i := cs
	for i < len(s) {
		para := strings.Index(s[i:], "\n\n")
		limit := len(s)
		if para >= 0 {
			limit = i + para
		}
		best := -1
		bestLen := 0
		for _, c := range closers[open] {
			if k := strings.Index(s[i:limit], c); k >= 0 && (best < 0 || i+k < best) {
				best, bestLen = i+k, len(c)
			}
		}
		if best >= 0 {
			return best, best + bestLen, true
		}
		if para < 0 {
			return 0, 0, false
		}
		next := strings.TrimLeft(s[limit:], " \n\t")
		if !strings.HasPrefix(next, open) {
			return 0, 0, false
		}
		i = len(s) - len(next) + len(open)
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

// tokensIn returns the tokens lying inside [a, b).
func (d *doc) tokensIn(a, b int) []text.Token {
	i := sort.Search(len(d.toks), func(k int) bool { return d.toks[k].Start >= a })
	j := i
	for j < len(d.toks) && d.toks[j].End <= b {
		j++
	}
	return d.toks[i:j]
}

// clauseEnd is where the cue clause after a quote stops: sentence end, next quote, or paragraph.
func clauseEnd(s string, from int) int {
	end := from + 160
	if end > len(s) {
		end = len(s)
	}
	for k := from; k < end; k++ {
		switch s[k] {
		case '.', '!', '?', ';', '\n':
			return k
		}
		if openerAt(s, k) != "" {
			return k
		}
	}
	return end
}

// cueAfter reads `…,” she said` / `…,” said Cui` / `…” Cui told reporters` after a quote.
func (e *Extractor) cueAfter(d *doc, q *found, from int) bool {
	end := clauseEnd(d.s, from)
	toks := d.tokensIn(from, end)
	if len(toks) > 0 && toks[0].Text == "," {
		toks = toks[1:]
	}
	for k := 0; k < len(toks) && k < 7; k++ {
		if cue, cEnd := e.cueAt(toks, k); cue != "" {
			q.cue, q.cueStart, q.cueEnd = cue, toks[k].Start, cEnd
			e.speakerNear(d, q, toks, k, from, end)
			return true
		}
	}
	return false
}

// cueBefore reads `Cui said: “…` / `She warned that “…` before a quote.
func (e *Extractor) cueBefore(d *doc, q *found, opener int) bool {
	start := opener - 200
	if start < 0 {
		start = 0
	}
	seg := d.s[start:opener]
	// The clause starts after the previous sentence end, quote mark or paragraph.
	if k := strings.LastIndexAny(seg, ".!?\n”\"»"); k >= 0 {
		start += k + 1
	}
	toks := d.tokensIn(start, opener)
	for k := len(toks) - 1; k >= 0 && len(toks)-k <= 8; k-- {
		if cue, cEnd := e.cueAt(toks, k); cue != "" {
			q.cue, q.cueStart, q.cueEnd = cue, toks[k].Start, cEnd
			e.speakerNear(d, q, toks, k, start, opener)
			return true
		}
	}
	return false
}

// cueAt reports the cue starting at toks[k] ("said", "according to") and the byte end of the cue.
func (e *Extractor) cueAt(toks []text.Token, k int) (string, int) {
	w := strings.ToLower(toks[k].Text)
	if w == "according" && k+1 < len(toks) && toks[k+1].Text == "to" {
		return "according to", toks[k+1].End
	}
	if e.cues[w] {
		return toks[k].Text, toks[k].End
	}
	return "", 0
}

var pronouns = map[string]bool{"he": true, "she": true, "they": true, "He": true, "She": true, "They": true}

// speakerNear picks the speaker for a cue at toks[k]: the nearest PERSON/ORG mention inside the
// clause [lo, hi), else a pronoun or capitalised name right next to the cue.
func (e *Extractor) speakerNear(d *doc, q *found, toks []text.Token, k, lo, hi int) {
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
		if dist < bestDist {
			best, bestDist = m, dist
		}
	}
	// A pronoun right next to the cue beats a farther name ("she said" after "… Bank of China").
	for _, j := range []int{k - 1, k + 1} {
		if j >= 0 && j < len(toks) && pronouns[toks[j].Text] {
			pd := cueStart - toks[j].End
			if j > k {
				pd = toks[j].Start - cueEnd
			}
			if best == nil || pd < bestDist {
				q.spk, q.pronoun = nil, true
				q.mStart, q.mEnd = toks[j].Start, toks[j].End
				return
			}
		}
	}
	if best != nil {
		q.spk = best
		q.mStart, q.mEnd = best.start, best.end
		return
	}
	// "She added that …, and warned that “…”": the clause's subject pronoun.
	for j := k - 1; j >= 0; j-- {
		if pronouns[toks[j].Text] && toks[j].Start >= lo {
			q.pronoun = true
			q.mStart, q.mEnd = toks[j].Start, toks[j].End
			return
		}
	}
	// No entity: take a capitalised run adjacent to the cue ("said Smith", "Smith said").
	if a, b, ok := nameRun(toks, k); ok {
		q.spk = &speakerRef{name: d.s[a:b], typ: article.TypePerson}
		q.mStart, q.mEnd = a, b
	}
}

// nameRun finds capitalised words right after or right before the cue at toks[k].
func nameRun(toks []text.Token, k int) (int, int, bool) {
	j := k + 1
	if q := strings.ToLower(toks[k].Text); q == "according" {
		j = k + 2
	}
	if j < len(toks) && text.IsCapitalized(toks[j].Text) {
		e := j
		for e+1 < len(toks) && text.IsCapitalized(toks[e+1].Text) {
			e++
		}
		return toks[j].Start, toks[e].End, true
	}
	i := k - 1
	if i >= 0 && text.IsCapitalized(toks[i].Text) && !pronouns[toks[i].Text] {
		b := i
		for b-1 >= 0 && text.IsCapitalized(toks[b-1].Text) {
			b--
		}
		return toks[b].Start, toks[i].End, true
	}
	return 0, 0, false
}

// resolvePronouns turns he/she/they into the most recent named speaker of a fitting type, falling
// back to the most recent PERSON (or ORG for "they") mentioned before the quote.
func resolvePronouns(d *doc, qs []found) {
	var lastPerson, lastOrg, lastDirect *speakerRef
	for i := range qs {
		q := &qs[i]
		if q.inherit && q.spk == nil {
			q.spk = lastDirect
		}
		if q.pronoun && q.spk == nil {
			they := strings.EqualFold(d.s[q.mStart:q.mEnd], "they")
			last := lastPerson
			if they {
				last = lastOrg
			}
			// The later of the last named speaker and the last fitting mention wins.
			q.spk = last
			if m := d.lastMentionBefore(q.mStart, they); m != nil && (last == nil || m.start > last.start) {
				q.spk = m
			}
		}
		if q.direct {
			lastDirect = q.spk
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

func (d *doc) lastMentionBefore(pos int, org bool) *speakerRef {
	want := article.TypePerson
	if org {
		want = article.TypeOrg
	}
	for i := len(d.mentions) - 1; i >= 0; i-- {
		if m := &d.mentions[i]; m.end <= pos && m.typ == want {
			return m
		}
	}
	return nil
}
