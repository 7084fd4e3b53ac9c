package geo

import (
	"math"
	"slices"
	"unicode"

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
// words ("Ciudad de México", "Río de la Plata").
const maxNameWords = 4

// textPlaces returns ents with the places found in text added, one PLACE entity per distinct name,
// and the names among them that are read only with support (see item.weak). Spans inside an
// entity the tagger found as a place or an organisation are left to it ("上海证券交易所" is no
// mention of Shanghai); lang is the article's language; primary holds the English names, which the tagger already looks for.
func (ml *multilingual) textPlaces(text, lang string, ents []article.Entity, primary *data) ([]article.Entity, map[string]bool) {
	var taken, people [][2]int
	for _, e := range ents {
		for _, m := range e.Mentions {
			switch e.Type {
			case article.TypePlace, article.TypeOrg:
				taken = append(taken, [2]int{m.Start, m.End})
			case article.TypePerson:
				people = append(people, [2]int{m.Start, m.End})
			}
		}
	}
	overlaps := func(spans [][2]int, start, end int) bool {
		return slices.ContainsFunc(spans, func(t [2]int) bool { return t[0] < end && start < t[1] })
	}
	// A span is free unless the tagger's place or organisation holds it, or its person does and the
	// span is only a town's name ("Grégory Nkoulou" is no mention of Gulu; "Les États-Unis", which
	// the English model took for a person, still names a country).
	free := func(start, end int, k int32) bool {
		return !overlaps(taken, start, end) && !(overlaps(people, start, end) && ml.onlyTowns(k, math.MaxUint32))
	}
	found := &foundPlaces{weak: map[string]bool{}, at: map[string]int{}}
	rs, offs := runesOf(text)
	ml.scanCJK(text, rs, offs, free, found)
	ml.scanCapitalised(text, rs, offs, free, primary, nounCapitals[lang], found)
	if len(found.ents) == 0 {
		return ents, nil
	}
	return append(slices.Clone(ents), found.ents...), found.weak
}

// nounCapitals are the languages that write every noun with a capital.
var nounCapitals = map[string]bool{"de": true, "lb": true}

// foundPlaces gathers the places found in running text, one entity per name.
type foundPlaces struct {
	ents []article.Entity
	at   map[string]int // name → index in ents
	weak map[string]bool
}

func (f *foundPlaces) add(name string, start, end int, weak bool) {
	m := article.Mention{Text: name, Start: start, End: end}
	if i, ok := f.at[name]; ok {
		f.ents[i].Mentions = append(f.ents[i].Mentions, m)
		f.ents[i].Count++
		f.weak[name] = f.weak[name] && weak
		return
	}
	f.at[name] = len(f.ents)
	f.ents = append(f.ents, article.Entity{Type: article.TypePlace, Name: name, Mentions: []article.Mention{m}, Count: 1})
	if weak {
		f.weak[name] = true
	}
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
func (ml *multilingual) scanCJK(text string, rs []rune, offs []int, free func(int, int, int32) bool, found *foundPlaces) {
	for i := 0; i < len(rs); i++ {
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
			short := n == minCJKRunes
			switch {
			case short && ml.onlyTowns(k, cjkShortMinPopulation) && !(i+n < len(rs) && cjkPlaceWords[rs[i+n]]):
			case free(i, i+n, k):
				found.add(name, i, i+n, short && ml.onlyTowns(k, commonWordMinPopulation))
			}
			i += n - 1
			break
		}
	}
}

// cjkPlaceWords are the characters that, after a name, make it a place's ("市", "县", "镇").
var cjkPlaceWords = map[rune]bool{'市': true, '县': true, '縣': true, '镇': true, '鎮': true, '区': true, '區': true, '町': true, '村': true}

// onlyTowns reports whether every place of key index k is a town of fewer than pop people.
func (ml *multilingual) onlyTowns(k int32, pop uint32) bool {
	d := ml.d
	for _, p := range d.posts[d.postStart[k]:d.postStart[k+1]] {
		if r := &d.recs[p.rec]; r.feature != featCity || r.pop >= pop {
			return false
		}
	}
	return true
}

// word is one word of running text in Latin or Cyrillic letters, as code-point offsets; start is
// after an elided article ("l'Allemagne" starts at "A").
type word struct {
	start, end int
	upper      bool // starts with a capital
	sentence   bool // opens a sentence
}

// scanCapitalised finds the names in Latin or Cyrillic letters that only the alternate names know
// ("München", "Estados Unidos", "Москва"): runs of up to maxNameWords capitalised words (particles
// between them: "Ciudad de México"), longest first. A run the English names know too is taken only
// where it names a country, a region or (but in German, whose nouns all have capitals: "Essen",
// "Halle") a city of sentenceStartPopulation people: smaller towns are the tagger's to find. A
// one-word name beside another capitalised word is part of a longer name ("Grégory Nkoulou",
// "Centro Democrático"), except in a language that capitalises every noun (nounCaps: German's
// "Landeshauptstadt München"); a town's one-word name opening a sentence ("Según", "Мир") needs
// support unless the town is big.
func (ml *multilingual) scanCapitalised(text string, rs []rune, offs []int, free func(int, int, int32) bool, primary *data, nounCaps bool, found *foundPlaces) {
	words := wordsOf(rs)
	for i := 0; i < len(words); i++ {
		if !words[i].upper {
			continue
		}
		for n := min(maxNameWords, len(words)-i); n >= 1; n-- {
			j := i + n - 1
			if !words[j].upper || !joined(rs, words[i:j+1]) {
				continue
			}
			name := text[offs[words[i].start]:offs[words[j].end]]
			k := Key(name)
			if len(k) < 3 {
				continue
			}
			ki, ok := slices.BinarySearch(ml.d.keys, k)
			if !ok {
				continue
			}
			start, end := words[i].start, words[j].end
			if free(start, end, int32(ki)) && !(n == 1 && !nounCaps && inLongerName(rs, words, i)) &&
				(len(primary.lookupKey(k)) == 0 || ml.notableAs(int32(ki), !nounCaps)) {
				found.add(name, start, end, n == 1 && words[i].sentence && ml.onlyTowns(int32(ki), sentenceStartPopulation))
			}
			i = j
			break
		}
	}
}

// notableAs reports whether key index k names a country or a first-level region, or, with cities,
// a city of sentenceStartPopulation people or more.
func (ml *multilingual) notableAs(k int32, cities bool) bool {
	d := ml.d
	for _, p := range d.posts[d.postStart[k]:d.postStart[k+1]] {
		if r := &d.recs[p.rec]; r.feature != featCity || cities && r.pop >= sentenceStartPopulation {
			return true
		}
	}
	return false
}

// inLongerName reports whether word i has a capitalised word right before or after it (one space
// between), other than a sentence's first.
func inLongerName(rs []rune, words []word, i int) bool {
	w := words[i]
	before := i > 0 && words[i-1].upper && !words[i-1].sentence && words[i-1].end+1 == w.start && rs[w.start-1] == ' '
	after := i+1 < len(words) && words[i+1].upper && words[i+1].start == w.end+1 && rs[w.end] == ' '
	return before || after
}

// joined reports whether words follow one another with one space (or hyphen) between them, and
// whether the inner ones are capitalised or particles ("de", "la").
func joined(rs []rune, ws []word) bool {
	for x := 1; x < len(ws); x++ {
		if ws[x].start != ws[x-1].end+1 || rs[ws[x-1].end] != ' ' {
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
		w := word{start: i, end: j, sentence: sentence}
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

// elision is the length of an elided article or preposition before a capitalised name ("l'",
// "d’", "dell'", "all'"), 0 if none.
func elision(w []rune) int {
	for a := 1; a <= 4 && a+1 < len(w); a++ {
		if (w[a] == '\'' || w[a] == '’') && unicode.IsUpper(w[a+1]) && unicode.IsLower(w[0]) {
			return a + 1
		}
	}
	return 0
}
