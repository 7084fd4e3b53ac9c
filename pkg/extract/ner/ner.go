package ner

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/text"
)

// PlaceLookup says whether a name is a known place; pkg/geo's gazetteer implements it. If the value
// also has a method Demonym(word string) (string, bool), words it knows as demonyms ("German") are
// never made places.
type PlaceLookup interface {
	IsPlace(name string) bool
}

type demonymLookup interface {
	Demonym(word string) (string, bool)
}

// Tagger is the named-entity extractor: a statistical model labels tokens, and the Tagger turns the
// labels into merged entities with roles and aliases. It is safe for concurrent use.
type Tagger struct {
	places PlaceLookup
	lex    *lexicon
	model  func() (*Model, error)
	// scratch holds the default model's scratch space for reuse (each language model has its own
	// in langs, so that a mixed feed does not make them evict each other's word sums).
	scratch scratchPool
	langs   languageLoaders // nil: every text is tagged by model
}

// scratchPool holds scratch space (feature and score buffers) for reuse, so tagging allocates
// little per article; unlike a sync.Pool it is not emptied by garbage collections.
type scratchPool struct {
	mu   sync.Mutex
	free []*docScratch
}

// defaultScheme is the scheme of the embedded model New's taggers use for English.
const defaultScheme = "ontonotes"

// New returns a Tagger using the embedded OntoNotes model, loaded on first use. places may be nil,
// in which case the gazetteer features are off.
func New(places PlaceLookup) *Tagger {
	return &Tagger{places: places, lex: newLexicon(), model: func() (*Model, error) { return LoadModel(defaultScheme) },
		langs: newLanguageLoaders()}
}

// NewWithModel returns a Tagger using the given model (any scheme) for text in every language.
func NewWithModel(m *Model, places PlaceLookup) *Tagger {
	return &Tagger{places: places, lex: newLexicon(), model: func() (*Model, error) { return m, nil }}
}

// Name implements extract.Extractor.
func (t *Tagger) Name() string { return "ner" }

// Extract implements extract.Extractor: it replaces a.Entities with the entities of a.Text.
func (t *Tagger) Extract(ctx context.Context, a *article.Article) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if lm, ok := t.langs.forLanguage(a.Language); ok {
		m, err := lm.load()
		if err != nil {
			return fmt.Errorf("ner model for language %s: %w", a.Language, err)
		}
		a.Entities = keepNames(t.entitiesOf(m, &lm.scratch, a.Text))
		return nil
	}
	ents, err := t.entities(a.Text)
	if err != nil {
		return err
	}
	a.Entities = t.keepForLanguage(a.Text, ents, a.Language)
	return nil
}

// Tag returns the entities of s, ordered by first mention, with code-point offsets. It returns nil
// if the model cannot be loaded (Extract reports that error).
func (t *Tagger) Tag(s string) []article.Entity {
	ents, _ := t.entities(s)
	return ents
}

// candidate is one mention found by the model.
type candidate struct {
	start, end int // byte span of the mention
	name       string
	typ        string
	personCue  bool
	role       string // appositive or title role
	alias      string // acronym defined right after it: "World Health Organization (WHO)"
	ev         evidence
}

// token is text.Token, named here for brevity.
type token = text.Token

func (t *Tagger) entities(s string) ([]article.Entity, error) {
	m, err := t.model()
	if err != nil {
		return nil, fmt.Errorf("ner model: %w", err)
	}
	return t.entitiesOf(m, &t.scratch, s), nil
}

// entitiesOf tags s with m, reusing m's scratch space from pool, and reads the labels as entities.
func (t *Tagger) entitiesOf(m *Model, pool *scratchPool, s string) []article.Entity {
	sc := pool.get()
	if sc == nil || sc.f.res != m.res {
		sc = &docScratch{f: newFeaturizer(m.res, t.places)}
	}
	headEnd := titleCaseHeadline(s)
	toks, words, sents, labels := m.tagTextApart(sc, s, headEnd)
	meta := metaRanges(s)
	var cands []candidate
	for _, sp := range sents {
		spans := labelSpans(m.labels, labels[sp[0]:sp[1]])
		spans = joinNameParticles(words[sp[0]:sp[1]], spans, m.types, m.res.lex)
		spans = joinHyphenatedPlaces(s, toks[sp[0]:sp[1]], spans, m.types, t.places)
		for _, e := range spans {
			if productType(m.types[e.typ]) == "" {
				continue
			}
			if c, ok := t.candidate(s, toks, sp[0], sp[0]+e.start, sp[0]+e.end, m.types[e.typ], meta); ok {
				cands = append(cands, c)
			}
		}
	}
	pool.put(sc)
	cands = addDatelines(s, toks, cands)
	cands = addAliasMentions(s, toks, cands)
	cands = t.addKnownCompanies(s, toks, cands)
	cands = t.reshape(s, toks, cands)
	cands = joinStateOfTheUnion(s, toks, cands)
	cands = keepHeadlineNames(cands, headEnd)
	t.gatherEvidence(s, toks, cands)
	return t.merge(s, cands)
}

// joinNameParticles extends a PERSON over lower-case name particles and the capitalised words after
// them ("Luiz Inácio Lula" + "da" + "Silva"), which the model, having seen few such names, may end
// before the particle, leaving the rest unlabelled or as another entity.
func joinNameParticles(words []string, spans []labelSpan, types []string, lex *lexicon) []labelSpan {
	out := spans[:0]
	for k := 0; k < len(spans); k++ {
		e := spans[k]
		if types[e.typ] == "PERSON" || types[e.typ] == "PER" {
			j := e.end
			for j < len(words) && j-e.end < 2 && lex.particles[words[j]] {
				j++
			}
			free := k+1 >= len(spans) || spans[k+1].start >= j // no entity among the particles
			if j > e.end && j < len(words) && free && capClass(words[j]) == capInit {
				end := j + 1
				// The rest of the name: the next entity, when it starts right there, else
				// unlabelled capitalised words.
				if k+1 < len(spans) && spans[k+1].start == j {
					end = spans[k+1].end
					k++
				} else {
					for end < len(words) && capClass(words[end]) == capInit && (k+1 >= len(spans) || end < spans[k+1].start) {
						end++
					}
				}
				e.end = end
			}
		}
		out = append(out, e)
	}
	return out
}

// joinHyphenatedPlaces makes a hyphenated word the gazetteer knows as a place one place entity
// ("Guinea-Bissau", "Port-au-Prince", "Schleswig-Holstein"). Model.tokens splits such words for the
// OntoNotes model, which then labels their parts as two names ("Guinea", a country of its own, and
// "Bissau") or misses them. An entity that holds the whole word already is kept as it is.
func joinHyphenatedPlaces(s string, toks []token, spans []labelSpan, types []string, places PlaceLookup) []labelSpan {
	placeType := slices.Index(types, "GPE")
	if placeType < 0 {
		placeType = slices.Index(types, "LOC")
	}
	if places == nil || placeType < 0 {
		return spans
	}
	for a := 0; a < len(toks); a++ {
		b := a + 1 // the word is toks[a:b], its parts joined by touching hyphens
		for hyphenInWord(toks, b) {
			b += 2
		}
		if b == a+1 || capClass(toks[a].Text) != capInit || !places.IsPlace(s[toks[a].Start:toks[b-1].End]) {
			a = b - 1
			continue
		}
		covered := false
		out := make([]labelSpan, 0, len(spans)+1)
		for _, sp := range spans {
			switch {
			case sp.start <= a && sp.end >= b:
				covered = true
				out = append(out, sp)
			case sp.end <= a || sp.start >= b:
				out = append(out, sp)
			}
		}
		if !covered {
			out = append(out, labelSpan{start: a, end: b, typ: placeType})
			slices.SortFunc(out, func(x, y labelSpan) int { return x.start - y.start })
			spans = out
		}
		a = b - 1
	}
	return spans
}

// addDatelines adds the upper-case place that opens a newswire paragraph ("WUXI, China —",
// "BRUSSELS (Reuters) -") when the model, trained mostly on mixed-case text, missed it.
func addDatelines(s string, toks []token, cands []candidate) []candidate {
	for i := 0; i < len(toks); i++ {
		if i > 0 && !strings.Contains(s[toks[i-1].End:toks[i].Start], "\n") {
			continue
		}
		j := i
		for j < len(toks) && j-i < 3 && len(toks[j].Text) >= 3 && capClass(toks[j].Text) == capAll &&
			(j == i || spaceGap(s, toks[j-1], toks[j])) {
			j++
		}
		if j == i || !isDateline(s, toks, i, j) {
			continue
		}
		start, end := toks[i].Start, toks[j-1].End
		covered := false
		for _, c := range cands {
			covered = covered || start < c.end && end > c.start
		}
		if !covered {
			name := titleCase(strings.Join(strings.Fields(s[start:end]), " "))
			cands = append(cands, candidate{start: start, end: end, name: name, typ: article.TypePlace})
		}
	}
	sort.SliceStable(cands, func(a, b int) bool { return cands[a].start < cands[b].start })
	return cands
}

// addAliasMentions adds the uses of a defined acronym ("… Organization (WHO) … WHO officials") that
// the model did not label, including the definition itself.
func addAliasMentions(s string, toks []token, cands []candidate) []candidate {
	aliases := map[string]candidate{}
	for _, c := range cands {
		if c.alias != "" {
			aliases[c.alias] = c
		}
	}
	if len(aliases) == 0 {
		return cands
	}
	covered := func(start, end int) bool {
		for _, c := range cands {
			if start < c.end && end > c.start {
				return true
			}
		}
		return false
	}
	var extra []candidate
	for _, tk := range toks {
		full, ok := aliases[tk.Text]
		if !ok || covered(tk.Start, tk.End) {
			continue
		}
		extra = append(extra, candidate{start: tk.Start, end: tk.End, name: tk.Text, typ: full.typ})
	}
	if len(extra) == 0 {
		return cands
	}
	cands = append(cands, extra...)
	sort.SliceStable(cands, func(a, b int) bool { return cands[a].start < cands[b].start })
	return cands
}

// maxFreeScratch bounds the scratch kept for reuse: one per concurrently tagging goroutine.
const maxFreeScratch = 16

func (p *scratchPool) get() *docScratch {
	p.mu.Lock()
	defer p.mu.Unlock()
	if n := len(p.free); n > 0 {
		sc := p.free[n-1]
		p.free = p.free[:n-1]
		return sc
	}
	return nil
}

func (p *scratchPool) put(sc *docScratch) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.free) < maxFreeScratch {
		p.free = append(p.free, sc)
	}
}

// splitSentences returns [first, end) token ranges: pkg/text's sentences, also cut at line breaks
// (a line of article text is a paragraph, a heading or a caption, never half a sentence).
func splitSentences(s string, toks []token) [][2]int {
	var out [][2]int
	k := 0
	for _, sp := range text.SentencesOf(s, toks) {
		for k < len(toks) && toks[k].Start < sp.Start {
			k++
		}
		first := k
		for k < len(toks) && toks[k].End <= sp.End {
			if k > first && strings.ContainsRune(s[toks[k-1].End:toks[k].Start], '\n') {
				out = append(out, [2]int{first, k})
				first = k
			}
			k++
		}
		if k > first {
			out = append(out, [2]int{first, k})
		}
	}
	return out
}

// productType maps a scheme's type to docs/contracts.md §1 entity types; "" means not an entity (dates,
// amounts and other values belong to other extractors).
func productType(typ string) string {
	switch typ {
	case "PERSON", "PER":
		return article.TypePerson
	case "GPE", "LOC", "FAC":
		return article.TypePlace
	case "ORG":
		return article.TypeOrg
	case "EVENT":
		return article.TypeEvent
	case "NORP", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE", "MISC":
		return article.TypeMisc
	}
	return ""
}

// candidate turns the model's span [i, j) of tokens (sentence starting at token s0) into a mention,
// or reports false for spans that must not become entities.
func (t *Tagger) candidate(s string, toks []token, s0, i, j int, schemeType string, meta [][2]int) (candidate, bool) {
	typ := productType(schemeType)
	lex := t.lex
	// Leading articles and quotes, trailing punctuation are not part of names ("the Bank of China").
	for i < j && (toks[i].Text == "the" || toks[i].Text == "The" || !text.IsWord(toks[i].Text)) {
		i++
	}
	// Trailing punctuation and lower-case words ("Jiangsu province") are not part of names, unless
	// they end a hyphenated word ("Lee Teng-hui", "Moon Jae-in"); a place noun after a name makes it
	// a place ("Xinwu district").
	for j > i && (!text.IsWord(toks[j-1].Text) || capClass(toks[j-1].Text) == capLower && !isHan(toks[j-1].Text)) && !endsHyphenated(toks, i, j) {
		j--
	}
	if j < len(toks) && lex.lowerPlaceCues[toks[j].Text] && typ != article.TypePerson {
		typ = article.TypePlace
	}
	if i >= j {
		return candidate{}, false
	}
	if j-i == 1 && genericNames[toks[i].Text] {
		return candidate{}, false // "Party" in "Party secretary", a bare "Ministry"
	}
	// "the 2026 World Cup": the year belongs to the event's name.
	if typ == article.TypeEvent && i > s0 && isYear(toks[i-1].Text) && spaceGap(s, toks[i-1], toks[i]) {
		i--
	}
	start, end := toks[i].Start, toks[j-1].End
	for _, r := range meta {
		if start < r[1] && end > r[0] {
			return candidate{}, false
		}
	}
	// "US$12.4 billion", "HK$5": a currency prefix, not a name.
	if j < len(toks) && toks[j].Start == end && (toks[j].Text == "$" || toks[j].Text == "¥") {
		return candidate{}, false
	}
	if !hasUpper(s[start:end]) {
		return candidate{}, false // "the government", "democrats": not names
	}
	if j-i == 1 && i == s0 && lex.common[strings.ToLower(toks[i].Text)] && !isAcronym(toks[i].Text) {
		return candidate{}, false // a capitalised common word opening a sentence
	}
	c := candidate{start: start, end: end, typ: typ}
	c.name = strings.Join(strings.Fields(s[start:end]), " ")
	// Demonyms are never places ("German"), and a known place is not a nationality ("Christchurch").
	if t.places != nil && j-i == 1 && (c.typ == article.TypePlace || schemeType == "NORP") {
		w := toks[i].Text
		isDemonym := false
		if d, ok := t.places.(demonymLookup); ok {
			_, isDemonym = d.Demonym(w)
		}
		isDemonym = isDemonym || regionalDemonyms[w]
		switch {
		case c.typ == article.TypePlace && isDemonym && (!t.places.IsPlace(w) || beforeLowerNoun(toks, j)):
			// "the Bavarian state government", "a European spacecraft": a demonym before a
			// lower-case noun is a nationality, even when the gazetteer holds a town of that name.
			c.typ = article.TypeMisc
		case schemeType == "NORP" && !isDemonym && t.places.IsPlace(w):
			c.typ = article.TypePlace
		}
	}
	if isDateline(s, toks, i, j) {
		// "WUXI, Nov 17 —" is the place Wuxi whatever the model made of it; "ERC, which …" at a
		// paragraph's start is no dateline and keeps its capitals.
		switch name := titleCase(c.name); {
		case t.places != nil && t.places.IsPlace(name):
			c.name, c.typ = name, article.TypePlace
			c.ev.score[tiPlace] += cueWeight
		case c.typ == article.TypePlace:
			c.name = name
		}
	}
	if c.typ == article.TypePerson {
		c.personCue = t.personCue(toks, i, j)
		if r := t.appositiveRole(s, toks, j); r != "" {
			c.role = r
		} else if r := t.titleRole(s, toks, s0, i); r != "" {
			c.role = r
		} else if r := t.leadingRole(s, toks, i); r != "" {
			c.role = r
		}
		c.personCue = c.personCue || c.role != ""
	}
	// "World Health Organization (WHO)" defines an alias.
	if j+2 < len(toks) && toks[j].Text == "(" && toks[j+2].Text == ")" && isAcronym(toks[j+1].Text) {
		words := strings.Fields(c.name)
		if isAcronymFor(toks[j+1].Text, words, lex) {
			c.alias = toks[j+1].Text
		}
	}
	return c, true
}

// endsHyphenated reports whether the span [i, j) ends in the last part of a hyphenated word that
// began inside it, as Model.tokens splits them: "Teng" "-" "hui".
func endsHyphenated(toks []token, i, j int) bool {
	return j-i >= 3 && hyphenInWord(toks, j-2) && text.IsWord(toks[j-1].Text)
}

// genericNames are capitalised keywords that are never a name on their own.
var genericNames = map[string]bool{
	"Party": true, "Group": true, "Company": true, "Ministry": true, "Department": true, "Bureau": true,
	"Office": true, "Agency": true, "Committee": true, "Commission": true, "Bank": true, "University": true,
	"College": true, "School": true, "Hospital": true, "Court": true, "Police": true, "Army": true, "City": true,
	"Province": true, "County": true, "District": true, "Region": true, "State": true, "Government": true,
}

func isYear(w string) bool {
	return len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")) &&
		strings.Trim(w, "0123456789") == ""
}

// hasUpper reports a capital or a digit in s, or a Han character: Chinese has no capitals, and
// what a Chinese model tags is a name.
func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) || unicode.IsDigit(r) || unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// isHan reports whether w opens with a Han character.
func isHan(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.Is(unicode.Han, r)
}

// personCue reports text that says the span [i, j) is a person: a title or honorific before it,
// a speech verb next to it ("Cui said", "said Cui", "Cui, 54, said").
func (t *Tagger) personCue(toks []token, i, j int) bool {
	if i > 0 {
		p := toks[i-1].Text
		if t.lex.titles[p] || t.lex.honorifics[p] || t.lex.speechCues[p] {
			return true
		}
	}
	for k := j; k < len(toks) && k < j+4; k++ {
		w := toks[k].Text
		if t.lex.speechCues[w] {
			return true
		}
		if w != "," && !text.IsNumber(w) {
			break
		}
	}
	return false
}

// titleRole reads a title right before a person's name: "Foreign Minister Wang Yi" → "Foreign
// Minister". Honorifics ("Mr.") are not roles.
func (t *Tagger) titleRole(s string, toks []token, s0, i int) string {
	k := i
	hasTitle := false
	for k > s0 && spaceGap(s, toks[k-1], toks[k]) && text.IsCapitalized(toks[k-1].Text) && i-k < 6 {
		w := toks[k-1].Text
		if t.lex.honorifics[w] && !hasTitle {
			i = k - 1 // skip "Mr." between a title and the name
		}
		hasTitle = hasTitle || t.lex.titles[w]
		k--
	}
	if !hasTitle {
		return ""
	}
	for k < i && (t.lex.honorifics[toks[k].Text] || t.lex.common[strings.ToLower(toks[k].Text)]) {
		k++
	}
	if k >= i {
		return ""
	}
	return s[toks[k].Start:toks[i-1].End]
}

// spaceGap reports whether two tokens are separated by plain spaces only.
func spaceGap(s string, a, b token) bool {
	gap := s[a.End:b.Start]
	return gap != "" && strings.Trim(gap, " \t\u00a0") == ""
}

// metaRanges finds the byte ranges of lines that are not article prose — bylines, datelines with a
// clock time, photo credits, section labels — whose names must not become entities.
func metaRanges(s string) [][2]int {
	var out [][2]int
	off := 0
	for off <= len(s) {
		nl := strings.IndexByte(s[off:], '\n')
		end := len(s)
		if nl >= 0 {
			end = off + nl
		}
		line := strings.TrimSpace(s[off:end])
		if line != "" && isMetaLine(line) {
			out = append(out, [2]int{off, end})
		} else if line != "" {
			// Inline credits: "… (Photo: Reuters/Jane Doe)" up to the bracket or the line end.
			lower := strings.ToLower(s[off:end])
			for _, cue := range []string{"photo:", "photo by", "photograph:", "image:", "credit:", "pictured:", "photos:", "video:"} {
				if k := strings.Index(lower, cue); k >= 0 {
					stop := end
					if p := strings.IndexAny(s[off+k:end], ")]"); p >= 0 {
						stop = off + k + p
					}
					out = append(out, [2]int{off + k, stop})
				}
			}
		}
		if nl < 0 {
			break
		}
		off = end + 1
	}
	return out
}

var metaPrefixes = []string{"by ", "photo", "image", "picture", "credit", "source:", "file photo", "reporting by",
	"writing by", "editing by", "additional reporting", "compiled by", "(reporting", "copyright", "©",
	"all rights reserved", "follow us", "read more", "related:", "see also", "watch:", "listen:", "subscribe",
	"updated ", "published ", "posted ", "last updated", "share this", "click here"}

// isMetaLine reports a line that is a byline, dateline, caption credit or section label.
func isMetaLine(line string) bool {
	words := strings.Fields(line)
	last := line[len(line)-1]
	prose := last == '.' || last == '!' || last == '?' || last == '"' || last == ')' || strings.HasSuffix(line, "”") ||
		hanProse(line)
	lower := strings.ToLower(line)
	for _, p := range metaPrefixes {
		if strings.HasPrefix(lower, p) && (len(words) <= 12 || !prose) {
			return true
		}
	}
	if len(words) <= 14 && !prose && hasClockTime(line) {
		return true // "Asia Pacific Wire 17 Nov 2026 10:05 HKT"
	}
	if len(words) <= 3 && !prose && !strings.ContainsAny(line, ",—–") {
		return true // section labels: "World", "Asia Pacific", "Business | Markets"
	}
	return strings.Contains(line, " | ") && !prose && len(words) <= 8
}

// hanProse reports a line of Chinese prose: one that ends as a Chinese sentence does, or a
// headline of more than a few characters. Chinese writes no spaces, so the word counts above do not
// apply to it.
func hanProse(line string) bool {
	for _, end := range []string{"。", "！", "？", "」", "』", "）"} {
		if strings.HasSuffix(line, end) {
			return true
		}
	}
	han := 0
	for _, r := range line {
		if unicode.Is(unicode.Han, r) {
			han++
		}
	}
	return han > 6
}

// hasClockTime reports "10:05" or "9:30" in a line.
func hasClockTime(s string) bool {
	for i := 1; i+2 < len(s); i++ {
		if s[i] == ':' && isDigitByte(s[i-1]) && isDigitByte(s[i+1]) && isDigitByte(s[i+2]) &&
			(i+3 == len(s) || !isDigitByte(s[i+3])) {
			return true
		}
	}
	return false
}

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }

// appositiveRole reads ", Party secretary of Xinwu district," after a person's name.
func (t *Tagger) appositiveRole(s string, toks []token, j int) string {
	if j+1 >= len(toks) || toks[j].Text != "," {
		return ""
	}
	k := j + 1
	if text.IsNumber(toks[k].Text) && k+1 < len(toks) && toks[k+1].Text == "," { // "Jane Doe, 54, a teacher"
		k += 2
	}
	startTok := k
	hasRole := false
	for ; k < len(toks) && k-startTok < 16; k++ {
		w := toks[k].Text
		if w == "," || w == "." || w == ";" || w == ")" || w == "(" || w == "“" || w == "\"" || t.lex.speechCues[w] {
			break
		}
		if t.lex.roleWords[strings.ToLower(w)] {
			hasRole = true
		}
	}
	if !hasRole || k == startTok || k >= len(toks) || toks[k].Text != "," && toks[k].Text != "." && toks[k].Text != "(" && !t.lex.speechCues[toks[k].Text] {
		return ""
	}
	first := strings.ToLower(toks[startTok].Text)
	if first == "who" || first == "which" || first == "whose" || first == "and" || first == "but" {
		return ""
	}
	if first == "the" || first == "a" || first == "an" {
		startTok++
		if startTok >= k {
			return ""
		}
	}
	return s[toks[startTok].Start:toks[k-1].End]
}

// leadingRole reads "Its chief executive, Marie Lefèvre, …" before a person's name.
func (t *Tagger) leadingRole(s string, toks []token, i int) string {
	if i < 2 || toks[i-1].Text != "," {
		return ""
	}
	k := i - 2
	hasRole := false
	for ; k >= 0 && i-2-k < 8; k-- {
		w := toks[k].Text
		if !text.IsWord(w) {
			break
		}
		hasRole = hasRole || t.lex.roleWords[strings.ToLower(w)]
	}
	start := k + 1
	if !hasRole || start > i-2 {
		return ""
	}
	switch strings.ToLower(toks[start].Text) {
	case "its", "the", "a", "an", "his", "her", "their", "our":
		start++
	}
	if start > i-2 || !t.lex.roleWords[strings.ToLower(toks[start].Text)] && !text.IsCapitalized(toks[start].Text) &&
		!t.lex.roleWords[strings.ToLower(toks[i-2].Text)] {
		return ""
	}
	return s[toks[start].Start:toks[i-2].End]
}

// isDateline reports whether the run [i, j) is an upper-case dateline at a paragraph start.
func isDateline(s string, toks []token, i, j int) bool {
	if i > 0 && !strings.Contains(s[toks[i-1].End:toks[i].Start], "\n") || j >= len(toks) {
		return false
	}
	if n := toks[j].Text; n != "," && n != "—" && n != "–" && n != "-" && n != "(" {
		return false
	}
	if toks[j].Text != "," && toks[j].Start == toks[j-1].End {
		return false // a hyphen ("U.S.-China talks"), not a dateline's dash
	}
	for k := i; k < j; k++ {
		w := toks[k].Text
		if strings.ToUpper(w) != w || len(w) < 3 {
			return false
		}
	}
	return true
}

// beforeLowerNoun reports a lower-case word right after token j-1 ("Bavarian state", "European
// spacecraft"), the place of a noun an adjective qualifies.
func beforeLowerNoun(toks []token, j int) bool {
	return j < len(toks) && text.IsWord(toks[j].Text) && capClass(toks[j].Text) == capLower &&
		!phraseEnds[toks[j].Text]
}

// titleCase turns "NEW YORK" into "New York" and "ST. LOUIS" into "St. Louis"; initials keep their
// case ("U.S.").
func titleCase(name string) string {
	words := strings.Fields(name)
	for k, w := range words {
		if strings.Contains(strings.TrimSuffix(w, "."), ".") {
			continue
		}
		r := []rune(strings.ToLower(w))
		r[0] = unicode.ToUpper(r[0])
		words[k] = string(r)
	}
	return strings.Join(words, " ")
}

// isAcronym reports whether w looks like "WHO", "NATO" or "U.N.".
func isAcronym(w string) bool {
	letters := 0
	for _, r := range w {
		switch {
		case r == '.' || r == '&':
		case unicode.IsUpper(r):
			letters++
		default:
			return false
		}
	}
	return letters >= 2 && letters <= 6
}

// isAcronymFor reports whether an acronym abbreviates the words: each word (hyphen parts count as
// words) gives one or more of its leading letters, in order, and connectors may give none
// ("World Health Organization" → WHO, "IoT Solutions World Congress" → IOTSWC).
func isAcronymFor(acronym string, words []string, lex *lexicon) bool {
	a := []rune(strings.ToUpper(strings.ReplaceAll(acronym, ".", "")))
	var parts [][]rune
	var optional []bool
	for _, w := range words {
		for _, p := range strings.Split(w, "-") {
			if p == "" {
				continue
			}
			parts = append(parts, []rune(strings.ToUpper(p)))
			optional = append(optional, lex.connectors[p] || lex.particles[p])
		}
	}
	var match func(ai, pi int) bool
	match = func(ai, pi int) bool {
		if pi == len(parts) {
			return ai == len(a)
		}
		if optional[pi] && match(ai, pi+1) {
			return true
		}
		p := parts[pi]
		for k := 1; k <= len(p) && ai+k <= len(a) && k <= 4; k++ {
			if a[ai+k-1] != p[k-1] {
				break
			}
			if match(ai+k, pi+1) {
				return true
			}
		}
		return false
	}
	return len(a) >= 2 && len(parts) >= 2 && len(parts) <= 12 && match(0, 0)
}

// entity is an Entity being assembled, with byte-offset mentions.
type entity struct {
	name      string
	words     []string // the name's words, for linking short forms
	typ       string
	votes     [nTypeIdx]int // mentions the model gave each type
	ev        evidence
	personCue bool
	role      string
	mentions  [][2]int
}

// merge groups candidates by name, links short forms, acronyms and upper-case datelines to full
// names, and converts byte offsets to code points. An entity's type is decided by all its mentions:
// the one most of them got (the first mention's type breaks ties), unless the evidence of the
// document-level step (doctype.go) — its mentions' contexts and the name itself — says otherwise.
func (t *Tagger) merge(s string, cands []candidate) []article.Entity {
	byName := map[string]*entity{}
	var order []*entity
	aliases := map[string]string{}
	for _, c := range cands {
		e := byName[c.name]
		if e == nil {
			e = &entity{name: c.name, words: strings.Fields(c.name), typ: c.typ}
			byName[c.name] = e
			order = append(order, e)
		}
		if ti := typeIndex(c.typ); ti >= 0 {
			e.votes[ti]++
			if ei := typeIndex(e.typ); ei < 0 || e.votes[ti] > e.votes[ei] {
				e.typ = c.typ
			}
		}
		e.personCue = e.personCue || c.personCue
		e.ev.add(c.ev)
		if e.role == "" {
			e.role = c.role
		}
		e.mentions = append(e.mentions, [2]int{c.start, c.end})
		if c.alias != "" {
			aliases[c.alias] = c.name
		}
	}
	// One type per name, from all the evidence.
	for _, e := range order {
		ev := e.ev
		ev.add(t.nameEvidence(e.words, e.typ, e.ev, e.personCue))
		e.typ = decideType(e.typ, e.votes, ev)
		if e.typ != article.TypePerson {
			e.role, e.personCue = "", false
		}
	}
	t.retypeGivenNames(s, order)
	t.retypeSurnames(s, order)
	t.retypeFamilies(order)
	// Link short forms: "Cui" → "Cui Rongguo", "Acme" → "Acme Inc.", "WHO" → "World Health Organization".
	for _, e := range order {
		target := t.linkTarget(e, order, byName, aliases)
		if target == nil {
			continue
		}
		target.mentions = append(target.mentions, e.mentions...)
		if target.role == "" {
			target.role = e.role
		}
		e.mentions = nil
	}
	dropLonePACs(order)
	t.retypeLoneNames(s, order)
	var out []article.Entity
	idx := text.NewRuneIndex(s)
	for _, e := range order {
		if len(e.mentions) == 0 {
			continue
		}
		sort.Slice(e.mentions, func(a, b int) bool { return e.mentions[a][0] < e.mentions[b][0] })
		ms := make([]article.Mention, len(e.mentions))
		for k, m := range e.mentions {
			ms[k] = article.Mention{Text: s[m[0]:m[1]], Start: idx.Rune(m[0]), End: idx.Rune(m[1])}
		}
		out = append(out, article.Entity{Type: e.typ, Name: e.name, Mentions: ms, Count: len(ms), Role: e.role})
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Mentions[0].Start < out[b].Mentions[0].Start })
	return out
}

// linkTarget finds the longer entity a short name refers to, or nil.
func (t *Tagger) linkTarget(e *entity, order []*entity, byName map[string]*entity, aliases map[string]string) *entity {
	if full, ok := aliases[e.name]; ok && byName[full] != e {
		return byName[full]
	}
	// "WUXI" (a dateline) is "Wuxi".
	if strings.ToUpper(e.name) == e.name {
		for _, o := range order {
			if o != e && len(o.mentions) > 0 && strings.EqualFold(o.name, e.name) {
				return o
			}
		}
	}
	// "Ceres Robotics Inc." is "Ceres Robotics": a legal form added or left out is the same body.
	if n := len(e.words); n > 2 && loadKnowledge().isLegalForm(e.words[n-1]) {
		if o := byName[strings.Join(e.words[:n-1], " ")]; o != nil && o != e && len(o.mentions) > 0 && o.typ != article.TypePlace {
			return o
		}
	}
	// "Sanford C. Bernstein" is "Sanford C. Bernstein and Co": a firm named after its partners,
	// its tail left off (wirefigures.go keeps the tail on the name).
	for _, tail := range partnershipTails {
		if o := byName[e.name+tail]; o != nil && o != e && len(o.mentions) > 0 && o.typ == article.TypeOrg {
			return o
		}
	}
	// "Du Plessis" (a sentence's first word) is "Barend du Plessis": a surname opening with a
	// particle, capitalised where it opens a sentence.
	if n := len(e.words); n >= 2 && t.lex.particles[strings.ToLower(e.words[0])] && e.typ != article.TypePlace {
		for _, o := range order {
			if o != e && len(o.mentions) > 0 && o.typ == article.TypePerson && len(o.words) > n &&
				strings.EqualFold(strings.Join(o.words[len(o.words)-n:], " "), e.name) {
				return o
			}
		}
	}
	if len(e.words) > 1 || e.ev.work { // "biopic Kinsey" is no short form of "Alfred Kinsey"
		return nil
	}
	// "a European spacecraft" is no short form of "European Space Agency": a nationality word is
	// a name of its own; so is a party's word: "a Republican senator" is no short form of
	// "Republican Party" or "Republican National Committee" (politicnames.go).
	if e.typ != article.TypePerson && (t.isNationality(e.name) || partyWords[e.name]) {
		return nil
	}
	personish := e.typ == article.TypePerson || e.typ == article.TypeMisc || e.typ == article.TypeOrg
	var best *entity
	for _, o := range order {
		if o == e || len(o.mentions) == 0 || len(o.words) < 2 {
			continue
		}
		words := o.words
		switch {
		case o.typ == article.TypePerson && personish &&
			(words[0] == e.name || words[len(words)-1] == e.name):
		case o.typ == article.TypeOrg && e.typ != article.TypePlace && strings.TrimSuffix(words[0], ",") == e.name && !t.isTownPaper(e.name, words) &&
			!(e.typ == article.TypePerson && len(words) == 2 && leaderTerms[strings.ToLower(words[1])]):
			// ("President Reagan" is no short form of "the Reagan Administration"; "Sears" is
			// "Sears, Roebuck and Co".)
		case o.typ == article.TypeEvent && words[len(words)-1] == e.name && (isNamedStorm(words) || t.isOccasionHead(e.name)):
			// "Freddy" → "Cyclone Freddy", whatever the model made of the storm's name alone;
			// "the Games" → "Commonwealth Games", "the Summit" → "Baltic Sea Summit".
		case o.typ == article.TypeMisc && len(words) <= 3 && words[1] == e.name && e.typ != article.TypePlace &&
			loadKnowledge().orgNames[words[0]]:
			// "PSP" → "Sony PSP", "Razr" → "Motorola Razr": a product's short form (products.go).
		case o.typ == article.TypeMisc && words[len(words)-1] == e.name && lawHeadWords[e.name]:
			// "the Compact" → "Lyon Compact", "the Agreement" → "Paris Agreement".
		case o.typ == article.TypeOrg && words[len(words)-1] == e.name && t.isTeamName(words, loadKnowledge()):
			// "Islanders" → "New York Islanders", whatever type the model gave the nickname.
		case o.typ == article.TypeOrg && e.typ != article.TypePlace && words[len(words)-1] == e.name &&
			orgHeadWords[words[0]] && !orgHeadWords[e.name] && !t.lex.orgWords[e.name]:
			// "Fluminense" → "Grêmio Fluminense", "Serrano" → "Atlético Serrano": a club or body
			// named by a head word and a name ("House" is not "White House").
		default:
			continue
		}
		if best == nil || len(o.mentions) > len(best.mentions) {
			best = o
		}
	}
	return best
}
