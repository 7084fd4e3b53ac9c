package geo

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsmon/newsmon/pkg/article"
)

// fileAltNames holds the names places have in other languages and scripts (无锡, Уси, München,
// Bayern, Belgique): "id<TAB>name|name@lang,lang|…" rows (a name with languages is those languages'
// only); see data/SOURCES.md. It is optional in a directory given to Open: without it, articles in
// other languages resolve through the English names alone.
const fileAltNames = "altnames.tsv.gz"

// The alternate names are read only for articles in a language other than English, and only once
// the first such article comes: English articles never see them, so their places stay exactly what
// they were, and a process that reads English alone never pays their memory.

// multilingual is the gazetteer as articles in other languages read it: the same records, with an
// index of names that holds the alternate names beside the English ones, and the index of the names
// written in Han, Kana or Hangul that scanCJK matches in running text.
type multilingual struct {
	d *data
	// cjk maps a name as written in Han, Kana or Hangul (spaces removed) to its key in d.keys;
	// cjkLongest maps a name's first rune to the length in runes of the longest name it starts.
	cjk        map[string]int32
	cjkLongest map[rune]int
}

// minCJKRunes: a name in Han, Kana or Hangul must be this long to be looked for in running text (one
// character is a syllable or a word far more often than a place).
const minCJKRunes = 2

// cjkSuffixes are the generic words Chinese, Japanese and Korean names of places end with ("江苏省",
// "无锡市", "巴伐利亚州", "大阪府", "경기도"): news often drops them, so a name is also known without one,
// when at least minCJKRunes runes are left (and three when the suffix is 州, which ends many city
// names: 苏州, 广州). Japan's 道 is no such suffix: 北海道 is never written 北海, which is Beihai.
var cjkSuffixes = []string{"特别行政区", "特別行政區", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治區",
	"省", "市", "县", "縣", "区", "區", "州", "都", "府", "県", "특별시", "광역시", "시", "도"}

// loadMultilingual reads the alternate names of fsys into a multilingual view of d. Without the file
// the view is d itself with an empty CJK index.
func (d *data) loadMultilingual(fsys fs.FS) (*multilingual, error) {
	body, err := readGzip(fsys, fileAltNames)
	if errors.Is(err, fs.ErrNotExist) {
		return &multilingual{d: d}, nil
	}
	if err != nil {
		return nil, err
	}
	alt := altNames{langSets: []map[string]bool{nil, nil}, langIndex: map[string]uint16{}}
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Buffer(nil, 1<<20)
	for lineNo := 1; sc.Scan(); lineNo++ {
		if line := sc.Text(); line != "" && line[0] != '#' {
			if err := alt.add(d, line); err != nil {
				return nil, fmt.Errorf("geo: %s:%d: %w", fileAltNames, lineNo, err)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("geo: read %s: %w", fileAltNames, err)
	}
	// The English names' postings join the alternate names' under the keys they share ("londres":
	// London's alternate name, an Argentine town's own), which are then ranked together.
	shared := map[string]bool{}
	for _, pr := range alt.pairs {
		shared[pr.key] = true
	}
	for k := range shared {
		for _, p := range d.lookupKey(k) {
			alt.pairs = append(alt.pairs, keyed{k, p})
		}
	}
	m := *d
	m.keys, m.postStart, m.posts, m.fallback = nil, nil, nil, d
	m.altNamesakes = d.namesakesAmong(alt.pairs)
	m.langSets = alt.langSets
	m.index(alt.pairs)
	ml := &multilingual{d: &m, cjk: make(map[string]int32, len(alt.cjkNames)), cjkLongest: map[rune]int{}}
	for _, n := range alt.cjkNames {
		if _, ok := ml.cjk[n.key]; ok {
			continue
		}
		i, ok := slices.BinarySearch(m.keys, Key(n.key))
		if !ok {
			continue
		}
		ml.cjk[strings.Clone(n.key)] = int32(i) // a copy: the file's text need not stay in memory
		first, _ := utf8.DecodeRuneInString(n.key)
		ml.cjkLongest[first] = max(ml.cjkLongest[first], utf8.RuneCountInString(n.key))
	}
	return ml, nil
}

// altNames gathers the alternate names as they are read: (key, posting) pairs for the index, the
// names in Han, Kana or Hangul as written, and the sets of languages names are limited to.
type altNames struct {
	pairs, cjkNames []keyed
	langSets        []map[string]bool
	langIndex       map[string]uint16 // "es,it" → index in langSets
}

// add reads one row of the alternate names: "id<TAB>name|name@lang,lang|…".
func (alt *altNames) add(d *data, line string) error {
	idText, names, _ := strings.Cut(line, "\t")
	id, err := strconv.Atoi(idText)
	if err != nil {
		return fmt.Errorf("id: %w", err)
	}
	rec, ok := d.indexOfID(id)
	if !ok {
		return fmt.Errorf("no place with id %d", id)
	}
	for _, name := range strings.Split(names, "|") {
		name, langs, _ := strings.Cut(name, "@")
		li := alt.langSet(langs)
		for _, v := range nameVariants(name) {
			p := posting{rec: rec, stripped: v.stripped, langs: li}
			if v.cjk {
				alt.cjkNames = append(alt.cjkNames, keyed{v.name, p})
			}
			if k := Key(v.name); len(k) >= 3 || v.cjk {
				alt.pairs = append(alt.pairs, keyed{k, p})
			}
		}
	}
	return nil
}

// langSet is the posting.langs of a name limited to langs ("es,it"; "" for every language).
func (alt *altNames) langSet(langs string) uint16 {
	if langs == "" {
		return altAnyLanguage
	}
	li, ok := alt.langIndex[langs]
	if !ok {
		li = uint16(len(alt.langSets))
		alt.langIndex[langs] = li
		set := map[string]bool{}
		for _, l := range strings.Split(langs, ",") {
			set[l] = true
		}
		alt.langSets = append(alt.langSets, set)
	}
	return li
}

// namesakesAmong finds the cities that, under one of the keys of pairs, share a name with a
// first-level region of their country that they are the seat of or lie in, and hold a good share of
// its people (as markNamesakes does for the English names): "Genève", "México", "Québec" then mean
// the city, as news does.
func (d *data) namesakesAmong(pairs []keyed) map[int32]bool {
	regions := map[string][]int32{}
	for _, pr := range pairs {
		if d.recs[pr.p.rec].feature == featAdmin1 {
			regions[pr.key] = append(regions[pr.key], pr.p.rec)
		}
	}
	out := map[int32]bool{}
	for _, pr := range pairs {
		r := &d.recs[pr.p.rec]
		if r.feature != featCity || r.namesake {
			continue
		}
		for _, a := range regions[pr.key] {
			if reg := &d.recs[a]; reg.cc == r.cc && (r.seat > 0 || r.admin1 == a) && uint64(r.pop)*namesakeShare >= uint64(reg.pop) {
				out[pr.p.rec] = true
			}
		}
	}
	return out
}

// nameVariant is one form an alternate name is indexed under.
type nameVariant struct {
	name     string
	cjk      bool // written in Han, Kana or Hangul, spaces removed
	stripped bool // a generic suffix removed ("江苏" of "江苏省")
}

// nameVariants lists the forms an alternate name is indexed under: itself, and for a name in Han,
// Kana or Hangul, itself without spaces and without a generic suffix (cjkSuffixes).
func nameVariants(name string) []nameVariant {
	if !isCJKName(name) {
		return []nameVariant{{name: name}}
	}
	name = strings.Join(strings.Fields(name), "")
	if utf8.RuneCountInString(name) < minCJKRunes {
		return nil
	}
	out := []nameVariant{{name: name, cjk: true}}
	for _, suf := range cjkSuffixes {
		rest, ok := strings.CutSuffix(name, suf)
		minRest := minCJKRunes
		if suf == "州" {
			minRest = 3
		}
		if ok && utf8.RuneCountInString(rest) >= minRest {
			out = append(out, nameVariant{name: rest, cjk: true, stripped: true})
			break
		}
	}
	return out
}

// isCJK reports whether r is a Han, Kana or Hangul letter: scripts written without spaces between
// words (Korean has spaces, but particles cling to names: "서울에서").
func isCJK(r rune) bool {
	return r >= firstCJK && (unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) || r == 'ー')
}

func isCJKName(s string) bool {
	for _, r := range s {
		if isCJK(r) {
			return true
		}
	}
	return false
}

// altAnyLanguage is posting.langs of an alternate name every language may use.
const altAnyLanguage = 1

// forLanguage is the view of d an article in language lang reads: names only other languages use
// are left out of its lookups.
func (d *data) forLanguage(lang string) *data {
	if lang == "" || len(d.langSets) <= altAnyLanguage+1 {
		return d
	}
	v := *d
	v.lang = lang
	return &v
}

// foreignLanguage reports whether a is read with the alternate names: its language is known and not
// English, or it has none and is written mostly in Han, Kana or Hangul.
func foreignLanguage(a *article.Article) bool {
	switch a.Language {
	case "en":
		return false
	case "":
		return mostlyCJK(a.Text)
	}
	return true
}

// mostlyCJK reports whether most letters of the first 500 of s are Han, Kana or Hangul.
func mostlyCJK(s string) bool {
	letters, cjk := 0, 0
	for _, r := range s {
		if !unicode.IsLetter(r) {
			continue
		}
		if letters++; isCJK(r) {
			cjk++
		}
		if letters == 500 {
			break
		}
	}
	return cjk*2 > letters
}
