// Package ner finds names of people, organisations, places and events in Article.Text and fills
// Article.Entities, one entity per canonical name with all its mentions. This first version is a
// capitalisation + lexicon baseline (no model): capitalised token runs are typed by keywords,
// titles, given names, speech verbs and a place lookup, then merged document-wide so that a later
// "Cui said" joins "Cui Rongguo". It owns Article.Entities only, reads only Article.Text and does no I/O.
package ner

import (
	"context"
	"sort"
	"strings"
	"unicode"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/text"
)

// PlaceLookup says whether a name is a known place; pkg/geo's gazetteer implements it.
type PlaceLookup interface {
	IsPlace(name string) bool
}

// Tagger is the baseline named-entity extractor. It is safe for concurrent use.
type Tagger struct {
	places PlaceLookup
	lex    *lexicon
}

// New returns a Tagger; places may be nil, in which case only keywords and cues find places.
func New(places PlaceLookup) *Tagger {
	return &Tagger{places: places, lex: newLexicon()}
}

// Name implements extract.Extractor.
func (t *Tagger) Name() string { return "ner" }

// Extract implements extract.Extractor: it replaces a.Entities with the entities of a.Text.
func (t *Tagger) Extract(ctx context.Context, a *article.Article) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	a.Entities = t.Tag(a.Text)
	return nil
}

// Evidence strengths: when mentions of one name disagree, the strongest evidence decides its type.
const (
	evMisc        = 0
	evPlaceCue    = 40
	evSpeech      = 50
	evAcronym     = 55
	evGivenName   = 60
	evPlaceLookup = 70
	evPlaceWord   = 75
	evTitle       = 80
	evKeyword     = 85
)

// candidate is one capitalised run judged to be a name.
type candidate struct {
	start, end int // byte span of the mention
	name       string
	typ        string
	strength   int
	personCue  bool   // a title or speech verb points at a person
	role       string // appositive or title role
	alias      string // acronym defined right after it: "World Health Organization (WHO)"
}

// Tag returns the entities of s, ordered by first mention, with code-point offsets.
func (t *Tagger) Tag(s string) []article.Entity {
	toks := text.Tokenize(s)
	initial := sentenceInitial(s, toks)
	var cands []candidate
	for i := 0; i < len(toks); {
		j, possessive := t.run(s, toks, i)
		if j == i {
			i++
			continue
		}
		if c, ok := t.judge(s, toks, initial, i, j, possessive); ok {
			cands = append(cands, c)
		}
		i = j
	}
	return t.merge(s, cands)
}

// sentenceInitial marks tokens whose capital letter says nothing: sentence starts and words right
// after an opening quote, bracket, colon or dash.
func sentenceInitial(s string, toks []token) []bool {
	initial := make([]bool, len(toks))
	sents := text.SentencesOf(s, toks)
	k := 0
	for _, sp := range sents {
		for k < len(toks) && toks[k].Start < sp.Start {
			k++
		}
		if k < len(toks) {
			initial[k] = true
		}
	}
	for i := 1; i < len(toks); i++ {
		switch toks[i-1].Text {
		case "“", "\"", "(", ":", "—", "–", "«", "„", "‘", "'":
			initial[i] = true
		}
		if initial[i-1] && !text.IsWord(toks[i-1].Text) {
			initial[i] = true
		}
	}
	return initial
}

// token is text.Token, named here for brevity.
type token = text.Token

// possessive strips "'s" / "’s" and reports whether it did.
func possessive(w string) (string, bool) {
	for _, suf := range []string{"'s", "’s"} {
		if len(w) > len(suf) && strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)], true
		}
	}
	return w, false
}

func (t *Tagger) nameish(w string) bool {
	if w == "" || t.lex.nonNames[w] || text.IsNumber(w) {
		return false
	}
	if text.IsCapitalized(w) {
		return true
	}
	for _, p := range []string{"al-", "el-", "bin-", "van-"} {
		if strings.HasPrefix(w, p) && len(w) > len(p) && text.IsCapitalized(w[len(p):]) {
			return true
		}
	}
	return false
}

// spaceGap reports whether two tokens are separated by plain spaces only (no newline, no nothing).
func spaceGap(s string, a, b token) bool {
	gap := s[a.End:b.Start]
	return gap != "" && strings.Trim(gap, " \t\u00a0") == ""
}

// run returns the end (exclusive) of the capitalised run starting at i, or i if none starts there.
func (t *Tagger) run(s string, toks []token, i int) (int, bool) {
	w, poss := possessive(toks[i].Text)
	if !t.nameish(w) {
		return i, false
	}
	j := i + 1
	keyword := t.isKeyword(w)
	for !poss && j < len(toks) && spaceGap(s, toks[j-1], toks[j]) {
		nw, np := possessive(toks[j].Text)
		if t.nameish(nw) {
			keyword = keyword || t.isKeyword(nw)
			poss = np
			j++
			continue
		}
		// A particle or connector joins only if a name word follows it.
		k := j
		for k < len(toks) && k < j+2 && t.joins(toks[i:k], toks[k].Text, keyword) {
			k++
		}
		if k == j || k >= len(toks) || !spaceGap(s, toks[k-1], toks[k]) {
			break
		}
		if nw, _ := possessive(toks[k].Text); !t.nameish(nw) {
			break
		}
		j = k
	}
	return j, poss
}

// joins reports whether w, following the run so far, may continue it: name particles always
// ("von der Leyen"); "of"/"for" (then "the"/"&") only in keyword names ("Bank of China"); "and"
// only in long institution names ("Ministry of Industry and Information Technology").
func (t *Tagger) joins(run []token, w string, keyword bool) bool {
	if t.lex.particles[w] {
		return true
	}
	if !keyword {
		return false
	}
	last := run[len(run)-1].Text
	switch w {
	case "of", "for", "&":
		return true
	case "the":
		return last == "of" || last == "for"
	case "and":
		hasOf, body := false, false
		for _, tok := range run {
			hasOf = hasOf || tok.Text == "of" || tok.Text == "for"
			body = body || t.lex.bodies[tok.Text]
		}
		return hasOf && body
	}
	return false
}

// commonWord reports whether w is a frequent English word; acronyms ("WHO", "US") never are.
func (t *Tagger) commonWord(w string) bool {
	return t.lex.common[strings.ToLower(w)] && !isAcronym(w)
}

func (t *Tagger) isKeyword(w string) bool {
	return t.lex.orgWords[w] || t.lex.eventWords[w] || t.lex.placeWords[w] || t.lex.placeFirst[w]
}

// judge trims the run [i, j) and types it; ok is false when nothing name-like remains.
func (t *Tagger) judge(s string, toks []token, initial []bool, i, j int, poss bool) (candidate, bool) {
	lex := t.lex
	word := func(k int) string {
		if k == j-1 && poss {
			w, _ := possessive(toks[k].Text)
			return w
		}
		return toks[k].Text
	}
	// Sentence-initial common words ("But Cui …", "The Bank of China …") are not part of the name.
	for i < j && (t.commonWord(word(i)) && (initial[i] || word(i) == "The") ||
		lex.particles[word(i)] || lex.connectors[word(i)]) {
		i++
	}
	for j > i && (lex.connectors[word(j-1)] || lex.particles[word(j-1)]) {
		j--
		poss = false
	}
	if i >= j {
		return candidate{}, false
	}
	hasOrg := false
	for k := i; k < j; k++ {
		if lex.orgWords[word(k)] {
			hasOrg = true
		}
	}
	// Titles: "Foreign Minister Wang Yi" → person "Wang Yi" with role "Foreign Minister".
	c := candidate{}
	if !hasOrg {
		k := -1
		for m := i; m < j-1; m++ {
			if lex.titles[word(m)] || lex.honorifics[word(m)] {
				k = m
			}
		}
		if k >= 0 {
			if lex.titles[word(k)] {
				roleStart := i
				for roleStart <= k && lex.honorifics[word(roleStart)] {
					roleStart++
				}
				if roleStart <= k {
					c.role = s[toks[roleStart].Start:toks[k].End]
				}
			}
			i = k + 1
			c.personCue = true
		}
	}
	if j-i == 1 && (lex.titles[word(i)] || lex.honorifics[word(i)]) {
		return candidate{}, false
	}
	c.start = toks[i].Start
	c.end = toks[j-1].Start + len(word(j-1))
	words := make([]string, 0, j-i)
	for k := i; k < j; k++ {
		words = append(words, word(k))
	}
	c.name = strings.Join(words, " ")
	first, last := words[0], words[len(words)-1]
	single := len(words) == 1
	if single && (lex.orgWords[first] || lex.eventWords[first] || lex.placeWords[first] ||
		initial[i] && t.commonWord(first)) {
		return candidate{}, false
	}

	// "US$12.4 billion", "HK$5": a currency prefix, not a name.
	if j < len(toks) && toks[j].Start == toks[j-1].End && (toks[j].Text == "$" || toks[j].Text == "¥") {
		return candidate{}, false
	}
	// Dateline "WUXI, China —": an upper-case place opening a paragraph.
	if isDateline(s, toks, i, j) {
		c.typ, c.strength = article.TypePlace, evPlaceWord
		c.name = titleCase(c.name)
		return c, true
	}
	prev, next := "", ""
	if i > 0 {
		prev = toks[i-1].Text
	}
	if j < len(toks) {
		next = toks[j].Text
		if next == "," && j+1 < len(toks) && lex.speechCues[toks[j+1].Text] {
			next = toks[j+1].Text
		}
	}
	lowerPrev := strings.ToLower(prev)
	if lex.roleWords[lowerPrev] && !text.IsCapitalized(prev) {
		c.personCue = true // "spokesperson Wang Wenbin"
	}
	speech := !poss && lex.speechCues[next] || lex.speechCues[prev]
	anyEvent := false
	for _, w := range words {
		anyEvent = anyEvent || lex.eventWords[w]
	}
	switch {
	case lex.orgWords[last] || lex.knownOrgs[c.name]:
		c.typ, c.strength = article.TypeOrg, evKeyword
	case anyEvent:
		c.typ, c.strength = article.TypeEvent, evKeyword
	case hasOrg:
		c.typ, c.strength = article.TypeOrg, evKeyword
	case c.personCue:
		c.typ, c.strength = article.TypePerson, evTitle
	case !single && (lex.placeWords[last] || lex.placeFirst[first]):
		c.typ, c.strength = article.TypePlace, evPlaceWord
	case t.places != nil && t.places.IsPlace(c.name):
		c.typ, c.strength = article.TypePlace, evPlaceLookup
	case !single && len(words) <= 4 && (lex.givenNames[first] || lex.chineseSurnames[first] && len(words) <= 3):
		c.typ, c.strength = article.TypePerson, evGivenName
	case single && isAcronym(first):
		c.typ, c.strength = article.TypeOrg, evAcronym
	case speech && len(words) <= 4:
		c.typ, c.strength, c.personCue = article.TypePerson, evSpeech, true
	case lex.prePlaceCues[lowerPrev] && prev == lowerPrev || lex.lowerPlaceCues[next]:
		c.typ, c.strength = article.TypePlace, evPlaceCue
	default:
		if single && initial[i] {
			return candidate{}, false // an unknown capitalised word opening a sentence
		}
		c.typ, c.strength = article.TypeMisc, evMisc
	}
	c.personCue = c.personCue || speech

	// "the 2026 World Cup": the year belongs to the event's name.
	if c.typ == article.TypeEvent && i >= 1 && isYear(toks[i-1].Text) && spaceGap(s, toks[i-1], toks[i]) {
		c.start = toks[i-1].Start
		c.name = toks[i-1].Text + " " + c.name
	}
	if c.typ == article.TypePerson {
		if r := t.appositiveRole(s, toks, j); r != "" {
			c.role = r
		} else if r := t.leadingRole(s, toks, i); r != "" {
			c.role = r
		}
	}
	// "World Health Organization (WHO)" defines an alias.
	if j+2 < len(toks) && toks[j].Text == "(" && toks[j+2].Text == ")" && isAcronym(toks[j+1].Text) &&
		initialsOf(words, lex) == strings.ReplaceAll(toks[j+1].Text, ".", "") {
		c.alias = toks[j+1].Text
	}
	return c, true
}

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
	if !hasRole || k == startTok || k >= len(toks) || toks[k].Text != "," && toks[k].Text != "." && !t.lex.speechCues[toks[k].Text] {
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
	for k := i; k < j; k++ {
		w := toks[k].Text
		if strings.ToUpper(w) != w || len(w) < 3 {
			return false
		}
	}
	return true
}

// titleCase turns "NEW YORK" into "New York".
func titleCase(name string) string {
	words := strings.Fields(strings.ToLower(name))
	for k, w := range words {
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		words[k] = string(r)
	}
	return strings.Join(words, " ")
}

func isYear(w string) bool {
	return len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")) && text.IsNumber(w) &&
		strings.Trim(w, "0123456789") == ""
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

func initialsOf(words []string, lex *lexicon) string {
	var b strings.Builder
	for _, w := range words {
		if lex.connectors[w] || lex.particles[w] {
			continue
		}
		for _, part := range strings.Split(w, "-") {
			for _, r := range part {
				b.WriteRune(unicode.ToUpper(r))
				break
			}
		}
	}
	return b.String()
}

// entity is an Entity being assembled, with byte-offset mentions.
type entity struct {
	name      string
	typ       string
	strength  int
	personCue bool
	role      string
	mentions  [][2]int
	first     int
}

// merge groups candidates by name, links short forms and acronyms to full names, and converts
// byte offsets to code points.
func (t *Tagger) merge(s string, cands []candidate) []article.Entity {
	byName := map[string]*entity{}
	var order []*entity
	aliases := map[string]string{}
	for _, c := range cands {
		e := byName[c.name]
		if e == nil {
			e = &entity{name: c.name, typ: c.typ, strength: c.strength, first: c.start}
			byName[c.name] = e
			order = append(order, e)
		}
		if c.strength > e.strength {
			e.typ, e.strength = c.typ, c.strength
		}
		e.personCue = e.personCue || c.personCue
		if e.role == "" {
			e.role = c.role
		}
		e.mentions = append(e.mentions, [2]int{c.start, c.end})
		if c.alias != "" {
			aliases[c.alias] = c.name
		}
	}
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
	if strings.Contains(e.name, " ") || e.strength >= evKeyword {
		return nil
	}
	personish := e.typ == article.TypePerson || e.typ == article.TypeMisc || e.personCue
	var best *entity
	for _, o := range order {
		if o == e || len(o.mentions) == 0 || !strings.Contains(o.name, " ") {
			continue
		}
		words := strings.Fields(o.name)
		switch {
		case o.typ == article.TypePerson && personish &&
			(words[0] == e.name || words[len(words)-1] == e.name):
		case o.typ == article.TypeOrg && e.strength <= evSpeech && words[0] == e.name:
		default:
			continue
		}
		if best == nil || len(o.mentions) > len(best.mentions) {
			best = o
		}
	}
	return best
}
