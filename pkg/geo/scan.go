package geo

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsmon/newsmon/pkg/article"
)

// The text of an article in another language holds places the English tagger does not see: Chinese
// and Japanese have no spaces and no capitals, and a name known only in the article's language
// ("München", "États-Unis", "Москва") is dropped by the tagger's filter for other languages, which
// asks the English names. textPlaces finds them by looking the text up in the gazetteer's alternate
// names, and hands them to the resolver as PLACE entities, ranked there like any other.

// Sizes below which a name found in running text needs support from the article: a two-character
// name in Han, Kana or Hangul that is only a town (二字 names are often words: 和平, 东方), and a
// capitalised word that opens a sentence ("Según", "Мир").
const (
	cjkShortMinPopulation   = 100_000
	sentenceStartPopulation = 100_000
)

// maxNameWords: a name in Latin or Cyrillic letters found in running text has at most this many
// words ("Ciudad de México", "Las Palmas de Gran Canaria").
const maxNameWords = 5

// textPlaces returns ents with the places found in text added, one PLACE entity per distinct name,
// and every name found, mapped to whether it is read only with support (see item.weak). Spans
// inside an entity the tagger found as an organisation are left to it ("上海证券交易所" is no mention
// of Shanghai), and so are spans that overlap its places, unless the span found holds the tagger's
// place and is longer ("Rio Grande do Sul" over "Rio Grande": the tagger's mention then goes). lang
// is the article's language; primary holds the English names, which the tagger already looks for.
func (ml *multilingual) textPlaces(text, lang string, ents []article.Entity, primary *data) ([]article.Entity, map[string]bool) {
	rs, offs := runesOf(text)
	c := &claims{ml: ml, rs: rs}
	spans := map[string]*[]claim{article.TypePlace: &c.places, article.TypeOrg: &c.orgs, article.TypePerson: &c.people}
	for i, e := range ents {
		if list := spans[e.Type]; list != nil {
			for j, m := range e.Mentions {
				*list = append(*list, claim{start: m.Start, end: m.End, ent: i, mention: j})
			}
		}
	}
	if nounCapitals[lang] {
		c.dropNouns()
	}
	found := &foundPlaces{rs: rs, weak: map[string]bool{}, at: map[string]int{}}
	ml.scanCJK(text, rs, offs, c, found)
	ml.scanCapitalised(text, lang, rs, offs, c, primary, found)
	if len(found.ents) == 0 && c.absorbed == nil {
		return ents, nil
	}
	out := make([]article.Entity, 0, len(ents)+len(found.ents))
	for i, e := range ents {
		if c.absorbed[i] != nil {
			e.Mentions = slices.Clone(e.Mentions)
			e.Mentions = slices.DeleteFunc(e.Mentions, func(m article.Mention) bool { return c.absorbed[i][[2]int{m.Start, m.End}] })
			if e.Count = len(e.Mentions); e.Count == 0 {
				continue
			}
		}
		out = append(out, e)
	}
	return append(out, found.ents...), found.weak
}

// claim is the span of one mention of a tagger's entity (ents[ent].Mentions[mention]).
type claim struct{ start, end, ent, mention int }

// claims are the spans the tagger's entities hold, and the place mentions that longer names found
// in the text took over (absorbed: entity index → spans).
type claims struct {
	ml                   *multilingual
	rs                   []rune // the text
	places, orgs, people []claim
	absorbed             map[int]map[[2]int]bool
}

// free reports whether a name of places ps found at [start, end) may become a place: no
// organisation of the tagger overlaps it, nor a person when the name is only a town's ("Grégory
// Nkoulou" is no mention of Gulu; "Les États-Unis", which the English model took for a person, still
// names a country), nor a place of the tagger, unless the name holds it and is longer.
func (c *claims) free(start, end int, ps []posting) bool {
	overlaps := func(t claim) bool { return t.start < end && start < t.end }
	blocksOrg := func(t claim) bool {
		switch {
		case !overlaps(t):
			return false
		case t.start == start && t.end == end:
			// A country or region named alone is no organisation: a language model trained on
			// few documents types "México" ORG, as the English rules of the document-level step
			// read a country as a team or a government.
			return !c.ml.namesCountryOrRegion(ps)
		case t.start < start && t.end == end:
			// A body of a place names the place: "Gobierno de España", "Ayuntamiento de Madrid".
			return !ofBefore(c.rs, start)
		}
		return true
	}
	if slices.ContainsFunc(c.orgs, blocksOrg) || slices.ContainsFunc(c.people, overlaps) && c.ml.onlyTowns(ps, math.MaxUint32) {
		return false
	}
	var inside []claim
	for _, t := range c.places {
		if !overlaps(t) {
			continue
		}
		if t.start < start || t.end > end || t.end-t.start == end-start {
			return false
		}
		inside = append(inside, t)
	}
	for _, t := range inside {
		c.absorb(t)
	}
	return true
}

// capitalArticles are the definite articles of the languages scanned, capitalised as a clause
// opens them: never the first word of a place's name that goes on after them.
var capitalArticles = map[string]bool{"Le": true, "La": true, "Les": true, "El": true, "Los": true,
	"Las": true, "O": true, "A": true, "Os": true, "As": true, "Il": true, "Lo": true, "Gli": true}

// nounCapitals are the languages that write every noun with a capital.
var nounCapitals = map[string]bool{"de": true, "lb": true}

// placePrepositions are, per language, the words that put a town's name after them where news says
// where something happens ("en Cusco", "à Sochaux", "in Passau", "em Gondomar").
var placePrepositions = map[string]map[string]bool{
	"es": {"en": true, "desde": true, "hasta": true, "hacia": true},
	"fr": {"à": true, "en": true, "depuis": true, "vers": true},
	"de": {"in": true, "von": true, "aus": true, "nach": true, "bei": true},
	"pt": {"em": true, "desde": true, "para": true},
	"it": {"a": true, "in": true, "da": true},
}

// placeNouns are, per language that writes its nouns with capitals, the nouns that name a kind of
// place and put its name right after them ("die Stadt Köln", "Landeshauptstadt Dresden"); in the
// other languages a particle comes between ("la ville de Lyon"), and placeOf reads that.
var placeNouns = map[string]map[string]bool{
	"de": {"stadt": true, "hauptstadt": true, "landeshauptstadt": true, "großstadt": true, "hafenstadt": true,
		"gemeinde": true, "metropole": true, "kreisstadt": true, "bundeshauptstadt": true, "messestadt": true},
}

// foundPlaces gathers the places found in running text, one entity per name.
type foundPlaces struct {
	rs   []rune // the text
	ents []article.Entity
	at   map[string]int  // name → index in ents
	weak map[string]bool // name → read only with support (every mention found so)
}

func (f *foundPlaces) add(name string, start, end int, weak bool) {
	m := article.Mention{Text: string(f.rs[start:end]), Start: start, End: end}
	if i, ok := f.at[name]; ok {
		f.ents[i].Mentions = append(f.ents[i].Mentions, m)
		f.ents[i].Count++
		f.weak[name] = f.weak[name] && weak
		return
	}
	f.at[name] = len(f.ents)
	f.ents = append(f.ents, article.Entity{Type: article.TypePlace, Name: name, Mentions: []article.Mention{m}, Count: 1})
	f.weak[name] = weak
}

// runesOf returns the code points of s and the byte offset of each, with len(s) last.
func runesOf(s string) ([]rune, []int) {
	rs := make([]rune, 0, len(s))
	offs := make([]int, 0, len(s)+1)
	for i, r := range s {
		rs = append(rs, r)
		offs = append(offs, i)
	}
	return rs, append(offs, len(s))
}

// scanCJK finds the names written in Han, Kana or Hangul: at each character, the longest name of at
// least minCJKRunes characters that starts there, then on after it. A name of two characters that
// is only a small town's is taken only with a place word after it ("启东市", not "启动"), and one of
// a town under commonWordMinPopulation only with support from the article (江南 in "江南大学").
func (ml *multilingual) scanCJK(text string, rs []rune, offs []int, c *claims, found *foundPlaces) {
	for i := 0; i < len(rs); i++ {
		if rs[i] < firstCJK {
			continue // spares a map lookup per letter of a text in Latin or Cyrillic letters
		}
		longest := ml.cjkLongest[rs[i]]
		if longest < minCJKRunes {
			continue
		}
		for n := min(longest, len(rs)-i); n >= minCJKRunes; n-- {
			name := text[offs[i]:offs[i+n]]
			k, ok := ml.cjk[name]
			if !ok {
				continue
			}
			ps := ml.d.posts[ml.d.postStart[k]:ml.d.postStart[k+1]]
			short := n == minCJKRunes
			switch {
			case short && ml.onlyTowns(ps, cjkShortMinPopulation) && !(i+n < len(rs) && cjkPlaceWords[rs[i+n]]):
			case c.free(i, i+n, ps):
				found.add(name, i, i+n, short && ml.onlyTowns(ps, commonWordMinPopulation))
			}
			i += n - 1
			break
		}
	}
}

// firstCJK is the first code point of the Hangul Jamo, below every letter isCJK accepts.
const firstCJK = 0x1100

// cjkPlaceWords are the characters that, after a name, make it a place's ("市", "县", "镇").
var cjkPlaceWords = map[rune]bool{'市': true, '县': true, '縣': true, '镇': true, '鎮': true, '区': true, '區': true, '町': true, '村': true}

// onlyTowns reports whether every place of ps is a town of fewer than pop people.
// placeOf are the words that put a place after a body's name in the languages scanned ("Banco de
// la República de Colombia", "Ville de Paris", "Stadt von Köln", "Comune di Roma").
var placeOf = map[string]bool{"de": true, "del": true, "d'": true, "du": true, "des": true,
	"da": true, "do": true, "di": true, "von": true, "der": true}

// ofBefore reports whether the word before rune offset start is one of placeOf.
func ofBefore(rs []rune, start int) bool {
	if start > 1 && (rs[start-1] == '\'' || rs[start-1] == '’') {
		return rs[start-2] == 'd' || rs[start-2] == 'D' // elided: "Gouvernement d'Italie"
	}
	return placeOf[strings.ToLower(wordBefore(rs, start))]
}

// dropNouns takes from the tagger's places the one-word mentions that follow an article in a
// language that capitalises every noun ("Die Lage im Süden": the English model, reading German,
// takes "Lage" for the town), unless they name a country or a region by its own name
// (countryOrOwnRegionName), as scanCapitalised does for the names it finds.
func (c *claims) dropNouns() {
	for _, t := range c.places {
		word := c.rs[t.start:t.end]
		if slices.ContainsFunc(word, unicode.IsSpace) || !nounDeterminers[strings.ToLower(wordBefore(c.rs, t.start))] {
			continue
		}
		if _, ps := c.ml.keyOfName(string(word)); len(ps) > 0 && c.ml.countryOrOwnRegionName(ps) {
			continue
		}
		c.absorb(t)
	}
}

// absorb records that the tagger's place mention t goes: a longer name found in the text holds it,
// or it is no place.
func (c *claims) absorb(t claim) {
	if c.absorbed == nil {
		c.absorbed = map[int]map[[2]int]bool{}
	}
	if c.absorbed[t.ent] == nil {
		c.absorbed[t.ent] = map[[2]int]bool{}
	}
	c.absorbed[t.ent][[2]int{t.start, t.end}] = true
}

// nounDeterminers are the articles and contracted prepositions that open a noun phrase in the
// languages that capitalise every noun.
var nounDeterminers = map[string]bool{"der": true, "die": true, "das": true, "den": true, "dem": true,
	"des": true, "ein": true, "eine": true, "einer": true, "einem": true, "einen": true, "eines": true,
	"im": true, "am": true, "zum": true, "zur": true, "vom": true, "beim": true, "ins": true}

// countryOrOwnRegionName reports whether one of ps is a country, or a first-level region named by
// one of its own names rather than another language's.
func (ml *multilingual) countryOrOwnRegionName(ps []posting) bool {
	return slices.ContainsFunc(ps, func(p posting) bool {
		f := ml.d.recs[p.rec].feature
		return f == featCountry || f == featAdmin1 && p.langs == 0
	})
}

// namesCountryOrRegion reports whether one of ps is a country or a first-level region.
func (ml *multilingual) namesCountryOrRegion(ps []posting) bool {
	return slices.ContainsFunc(ps, func(p posting) bool {
		f := ml.d.recs[p.rec].feature
		return f == featCountry || f == featAdmin1
	})
}

func (ml *multilingual) onlyTowns(ps []posting, pop uint32) bool {
	for _, p := range ps {
		if r := &ml.d.recs[p.rec]; r.feature != featCity || r.pop >= pop {
			return false
		}
	}
	return true
}

// word is one word of running text in Latin or Cyrillic letters, as code-point offsets; start is
// after an elided article ("l'Allemagne" starts at "A").
type word struct {
	from       int // where the word starts, an elided article included
	start, end int
	upper      bool // starts with a capital
	sentence   bool // opens a sentence
}

// scanCapitalised finds the names in Latin or Cyrillic letters that the tagger leaves out: runs of
// up to maxNameWords capitalised words (particles between them: "Ciudad de México"), longest first,
// and in Cyrillic the nominative of an inflected last word ("Москвы", "в Берлине"). A name the
// English gazetteer knows too is taken where it names a country, a region or (but in German, whose
// nouns all have capitals: "Essen", "Halle") a city of sentenceStartPopulation people, or a smaller
// town after a preposition of place ("in Passau", "à Sochaux"), with support; the rest is the
// tagger's. A one-word name beside another capitalised word is part of a longer name ("Grégory
// Nkoulou", "Centro Democrático"), except in German ("Landeshauptstadt München"); a town's one-word
// name opening a sentence ("Según", "Мир") needs support unless the town is big.
func (ml *multilingual) scanCapitalised(text, lang string, rs []rune, offs []int, c *claims, primary *data, found *foundPlaces) {
	words := wordsOf(rs)
	nounCaps := nounCapitals[lang]
	var lowerWords map[string]bool // built on first need
	for i := 0; i < len(words); i++ {
		if !words[i].upper || !ml.startsName(text[offs[words[i].start]:offs[words[i].end]]) {
			continue
		}
		prev := "" // the word before, lower-cased
		if i > 0 {
			prev = strings.ToLower(string(rs[words[i-1].from:words[i-1].end]))
		}
		for n := min(maxNameWords, len(words)-i); n >= 1; n-- {
			j := i + n - 1
			if !words[j].upper || !joined(rs, words[i:j+1]) {
				continue
			}
			name := text[offs[words[i].start]:offs[words[j].end]]
			k, ps := ml.keyOfName(name)
			if len(ps) == 0 {
				continue
			}
			if n == 1 && words[i].sentence && !nounCaps && !ml.namesCountryOrRegion(ps) {
				// A capitalised word opening a sentence that the text writes in lower case
				// elsewhere is a common word of the language ("Kita", "we" in Indonesian, is not
				// Quito), whatever alternate name a town has under it. Countries and regions are
				// spared: "Argentina" and the adjective "argentina" share a spelling.
				if lowerWords == nil {
					lowerWords = lowerCaseWords(rs, words)
				}
				if lowerWords[strings.ToLower(name)] {
					break
				}
			}
			cue := (placePrepositions[lang][prev] || placeNouns[lang][prev]) && rs[words[i].from-1] == ' '
			known := len(primary.lookupKey(Key(name))) > 0
			take := !known || ml.notableAs(ps, !nounCaps) || cue
			if nounCaps && n == 1 && (nounDeterminers[Key(name)] || nounDeterminers[prev]) {
				// In German a capitalised word after an article is a noun ("die Lage", "in der
				// Region", "Der Freistaat Bayern"), or the article itself ("Der"): a place only if
				// it names a country ("die Schweiz") or a region by its own name ("im Saarland").
				take = ml.countryOrOwnRegionName(ps)
			}
			weak := n == 1 && words[i].sentence && ml.onlyTowns(ps, sentenceStartPopulation) || known && !ml.notableAs(ps, !nounCaps)
			if take && c.free(words[i].start, words[j].end, ps) && !(n == 1 && !nounCaps && inLongerName(rs, words, i)) {
				if k != Key(name) {
					name = k // an oblique case ("Москвы") is looked up as its nominative ("москва")
				}
				found.add(name, words[i].start, words[j].end, weak)
			}
			i = j
			break
		}
	}
}

// startsName reports whether some name starts with word, or with its nominative if it is Russian:
// most capitalised words start none, and so need no run of words looked up.
func (ml *multilingual) startsName(word string) bool {
	k := Key(word)
	if len(k) >= 4 && russianNominatives(k) != nil {
		k = string([]rune(k)[:utf8.RuneCountInString(k)-2]) // "москвы" starts "москва"
	}
	for d := ml.d; d != nil; d = d.fallback {
		if i, _ := slices.BinarySearch(d.keys, k); i < len(d.keys) && strings.HasPrefix(d.keys[i], k) {
			return true
		}
	}
	return false
}

// keyOfName returns the key of a name found in running text and its places: its own, or for a word
// in Cyrillic letters, that of its nominative (russianNominatives); no places if neither is known.
func (ml *multilingual) keyOfName(name string) (string, []posting) {
	k := Key(name)
	if len(k) < 3 {
		return "", nil
	}
	if ps := ml.d.lookupKey(k); len(ps) > 0 {
		return k, ps
	}
	for _, nom := range russianNominatives(k) {
		if ps := ml.d.lookupKey(nom); len(ps) > 0 {
			return nom, ps
		}
	}
	return "", nil
}

// russianEndings map the endings of Russian nouns in the oblique cases to the nominative's
// ("москвы" → "москва", "берлине" → "берлин", "китая" → "китай", "россии" → "россия").
var russianEndings = []struct{ oblique, nominative string }{
	{"ии", "ия"}, {"ой", "а"}, {"ом", ""}, {"ы", "а"}, {"е", ""}, {"е", "а"}, {"у", "а"}, {"у", ""}, {"а", ""},
	{"я", "й"}, {"я", "ь"}, {"и", "ь"}, {"и", "а"}, {"ю", "я"}, {"ью", "ь"},
}

// russianNominatives lists the nominatives a key in Cyrillic letters may be an oblique case of.
func russianNominatives(k string) []string {
	r, _ := utf8.DecodeLastRuneInString(k)
	if !unicode.Is(unicode.Cyrillic, r) {
		return nil
	}
	var out []string
	for _, e := range russianEndings {
		if stem, ok := strings.CutSuffix(k, e.oblique); ok && utf8.RuneCountInString(stem) >= 2 {
			out = append(out, Key(stem+e.nominative)) // "китай" is keyed "китаи"
		}
	}
	return out
}

// notableAs reports whether ps holds a country or a first-level region, or, with cities, a city of
// sentenceStartPopulation people or more.
func (ml *multilingual) notableAs(ps []posting, cities bool) bool {
	for _, p := range ps {
		if r := &ml.d.recs[p.rec]; r.feature != featCity || cities && r.pop >= sentenceStartPopulation {
			return true
		}
	}
	return false
}

// inLongerName reports whether word i has a capitalised word right before or after it (one space
// between), other than a sentence's first or an article: after a dateline's dash a clause opens
// with a capital that no full stop announced ("DAKAR – Le Sénégal a signé").
func inLongerName(rs []rune, words []word, i int) bool {
	w := words[i]
	before := i > 0 && words[i-1].upper && !words[i-1].sentence && words[i-1].end+1 == w.from && rs[w.from-1] == ' ' &&
		!capitalArticles[string(rs[words[i-1].from:words[i-1].end])]
	after := i+1 < len(words) && words[i+1].upper && words[i+1].from == w.end+1 && rs[w.end] == ' '
	return before || after
}

// joined reports whether words follow one another with one space (or hyphen) between them, and
// whether the inner ones are capitalised or particles ("de", "la").
func joined(rs []rune, ws []word) bool {
	for x := 1; x < len(ws); x++ {
		if ws[x].from != ws[x-1].end+1 || rs[ws[x-1].end] != ' ' {
			return false
		}
		if x < len(ws)-1 && !ws[x].upper && !nameParticles[string(rs[ws[x].start:ws[x].end])] {
			return false
		}
	}
	return true
}

// wordsOf splits text into words of letters (with inner hyphens and apostrophes: "États-Unis",
// "Val-d'Oise"), marking those that start with a capital and those that open a sentence. Words in
// Han, Kana or Hangul are left to scanCJK.
func wordsOf(rs []rune) []word {
	var ws []word
	sentence := true
	for i := 0; i < len(rs); {
		r := rs[i]
		if !unicode.IsLetter(r) || isCJK(r) {
			switch {
			case r == '.' || r == '!' || r == '?' || r == '\n' || r == ':' || r == '¿' || r == '¡':
				sentence = true
			case unicode.IsDigit(r):
				sentence = false
			}
			i++
			continue
		}
		j := i + 1
		for j < len(rs) && (unicode.IsLetter(rs[j]) && !isCJK(rs[j]) || unicode.Is(unicode.Mn, rs[j]) ||
			isJoiner(rs[j]) && j+1 < len(rs) && unicode.IsLetter(rs[j+1])) {
			j++
		}
		w := word{from: i, start: i, end: j, sentence: sentence}
		if a := elision(rs[i:j]); a > 0 {
			w.start = i + a
		}
		w.upper = unicode.IsUpper(rs[w.start])
		ws = append(ws, w)
		sentence = false
		i = j
	}
	return ws
}

func isJoiner(r rune) bool { return r == '-' || r == '\'' || r == '’' }

// elisions are the articles and prepositions French and Italian elide before a vowel ("l'Allemagne",
// "d’Ivoire", "dell'Emilia").
var elisions = map[string]bool{"l": true, "d": true, "j": true, "n": true, "s": true, "qu": true, "dell": true,
	"all": true, "nell": true, "dall": true, "sull": true}

// elision is the length of an elided article or preposition before a capitalised name ("l'",
// "d’", "dell'"), 0 if none.
func elision(w []rune) int {
	for a := 1; a <= 4 && a+1 < len(w); a++ {
		if (w[a] == '\'' || w[a] == '’') && unicode.IsUpper(w[a+1]) && elisions[strings.ToLower(string(w[:a]))] {
			return a + 1
		}
	}
	return 0
}

// lowerCaseWords is the set of words the text writes in lower case.
func lowerCaseWords(rs []rune, words []word) map[string]bool {
	set := map[string]bool{}
	for _, w := range words {
		if !w.upper {
			set[string(rs[w.start:w.end])] = true
		}
	}
	return set
}
