package geo

import (
	"bufio"
	"bytes"
	"cmp"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
)

// File names inside the gazetteer directory (the embedded data/ or any fs.FS given to Open).
const (
	fileGazetteer = "gazetteer.tsv.gz"
	fileAliases   = "aliases.tsv"
	fileDemonyms  = "demonyms.tsv"
	fileCommon    = "common_words.txt"
	fileFeatures  = "features.tsv"
	fileAbbrevs   = "region_abbrevs.tsv"
	fileLowercase = "lowercase_words.txt"
)

const (
	featCountry uint8 = iota + 1
	featAdmin1
	featCity
)

// record is one gazetteer entry, kept compact: ~140k of them stay in memory. Names are substrings
// of the one decompressed data string, so they cost no allocation each.
type record struct {
	name, ascii, a1code string
	id                  int32
	pop                 uint32
	lat, lon            int32 // degrees * 1e5, as in the source
	country, admin1     int32 // record indices of the parents, -1 if none (a country has neither)
	cc                  [2]byte
	feature             uint8
	seat                uint8 // 2: national capital, 1: seat of a first-level region
	namesake            bool  // a seat sharing its region's name (São Paulo, Moscow): news means the city
	// namesakeTenths is a namesake's prior bonus in tenths: just enough to put it ahead of its own
	// region, and no more, so that Florida, Uruguay's seat, does not outweigh the US state.
	namesakeTenths uint8
}

// posting is one record under one name key; alias is true when the key is only an alias of it,
// stripped when the key is the record's name less a generic suffix ("Kyiv" for "Kyiv Oblast").
type posting struct {
	rec      int32
	alias    bool
	stripped bool
	// langs is 0 for the gazetteer's own names and aliases, and for an alternate name (another
	// language's or script's) the index in data.langSets of the languages whose articles read the
	// name so: 1 for all, more for a few ("Salvador" is El Salvador in French only); see data.lang.
	langs uint16
}

// data is the parsed, immutable gazetteer. It is never written after parse returns, so one value is
// safely shared by every Gazetteer and goroutine.
type data struct {
	recs      []record
	byID      []int32  // record indices sorted by id
	keys      []string // distinct name keys, sorted
	postStart []int32  // postings of keys[i] are posts[postStart[i]:postStart[i+1]], best prior first
	posts     []posting

	countryByCC map[[2]byte]int32
	admin1ByKey map[string]int32 // "CN.04"
	common      map[string]bool  // Key → common word (IsPlace stoplist)
	lowercase   map[string]bool  // Key → a name news writes mostly in lower case ("outlook"): the resolver wants support
	demonyms    map[string]string
	metonyms    map[string]string // Key → country code of the government the name stands for
	metonymRecs map[string]int32  // Key → the place a metonym that is also a place names ("Beijing")
	// parts are the regions without an administrative level of their own in the gazetteer, by Key:
	// "Yorkshire" lies in England, and is shown under its own name with England's country and admin1.
	parts map[string]part

	features map[string]feature // Key → a place that is no settlement ("Sahel", "Pacific", "Earth")
	peoples  map[string]bool    // Key → the name of a people ("Arab", "Latina"): a town only with support
	// Abbreviations of states and provinces that qualify a town ("Arnold, Calif."): abbrevs by Key
	// (dotted forms, any case), postal by the capitals as written ("TX"); values are admin1 records.
	abbrevs, postal map[string][]int32
	// initials: the keys of abbrevs written as initials ("N.H.", "S.C."); "L.A." is no "La.".
	initials map[string]bool

	// altNamesakes: in the view with alternate names, the cities that share a name in another language
	// with their first-level region ("Genève" the city, not the canton); nil in the English view.
	altNamesakes map[int32]bool
	// langSets are the sets of languages postings are limited to (posting.langs; 0 and 1: none), and
	// lang the language of the article a view of the data reads (forLanguage): lookups leave out the
	// names other languages use. Both are empty in the English view.
	langSets []map[string]bool
	lang     string
	// fallback, in the view with alternate names, is the English view: its keys holds only the
	// names some alternate name has (with the English names' postings under them too), and a name
	// it lacks is looked up in fallback, so that the English index is not held twice.
	fallback *data
	// multilingual reads the alternate names on first use (see multilingual.go).
	multilingual func() (*multilingual, error)
}

// feature is a named place that is no settlement: a continent, an ocean, a mountain range, a river, a
// region without a border, a celestial body. id is its GeoNames id, 0 when the table has none.
type feature struct {
	name, class string
	id          int32
}

// Classes of features.tsv with a meaning of their own: celestial bodies are no places on Earth; names
// of peoples are no places at all, but towns share some of them (Arab, Alabama; Latina, Italy), so
// they are read like common words rather than ruled out.
const (
	featureCelestial = "celestial"
	featurePeople    = "people"
)

// admin1Suffixes are generic words some admin1 names carry ("Maidan Wardak Province"); the name is
// also indexed without them, since news often drops or changes them.
var admin1Suffixes = []string{" province", " region", " oblast", " governorate", " prefecture",
	" county", " district", " department", " state", " municipality", " autonomous region"}

func parse(fsys fs.FS) (*data, error) {
	body, err := readGzip(fsys, fileGazetteer)
	if err != nil {
		return nil, err
	}
	d := &data{countryByCC: map[[2]byte]int32{}, admin1ByKey: map[string]int32{}}
	if err := d.parseRecords(string(body)); err != nil {
		return nil, err
	}
	var pairs []keyed
	nameKeys := make([]string, len(d.recs))
	for i := range d.recs {
		r := &d.recs[i]
		k := Key(r.name)
		nameKeys[i] = k
		pairs = append(pairs, keyed{k, posting{rec: int32(i)}})
		if r.ascii != "" {
			if ka := Key(r.ascii); ka != k {
				pairs = append(pairs, keyed{ka, posting{rec: int32(i)}})
			}
		}
		if r.feature == featAdmin1 {
			for _, s := range regionKeys(k)[1:] {
				pairs = append(pairs, keyed{s, posting{rec: int32(i), stripped: true}})
			}
		}
	}
	d.markNamesakes(nameKeys)
	if pairs, err = d.parseAliases(fsys, pairs); err != nil {
		return nil, err
	}
	d.index(pairs)
	if d.demonyms, err = readTable(fsys, fileDemonyms); err != nil {
		return nil, err
	}
	if d.common, err = readSet(fsys, fileCommon); err != nil {
		return nil, err
	}
	if d.lowercase, err = readSet(fsys, fileLowercase); err != nil {
		return nil, err
	}
	if err := d.parseFeatures(fsys); err != nil {
		return nil, err
	}
	if err := d.parseAbbrevs(fsys); err != nil {
		return nil, err
	}
	d.multilingual = sync.OnceValues(func() (*multilingual, error) { return d.loadMultilingual(fsys) })
	return d, nil
}

// readGzip reads the gzipped file name of fsys.
func readGzip(fsys fs.FS, name string) ([]byte, error) {
	raw, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("geo: read %s: %w", name, err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("geo: open %s: %w", name, err)
	}
	body, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("geo: decompress %s: %w", name, err)
	}
	return body, nil
}

// parseFeatures reads features.tsv: name, class, GeoNames id. Names sharing an id are shown under the
// first of them ("Pacific" as "Pacific Ocean" would be, had it an id).
func (d *data) parseFeatures(fsys fs.FS) error {
	d.features, d.peoples = map[string]feature{}, map[string]bool{}
	firstName := map[int32]string{}
	return eachLine(fsys, fileFeatures, func(line string) error {
		cols := strings.Split(line, "\t")
		if len(cols) != 3 || cols[0] == "" || cols[1] == "" {
			return errors.New("want name<TAB>class<TAB>geonameid")
		}
		id, err := strconv.ParseInt(cols[2], 10, 32)
		if err != nil {
			return fmt.Errorf("geonameid: %w", err)
		}
		if cols[1] == featurePeople {
			d.peoples[Key(cols[0])] = true
			return nil
		}
		f := feature{name: cols[0], class: cols[1], id: int32(id)}
		if id > 0 {
			if n, ok := firstName[f.id]; ok {
				f.name = n
			} else {
				firstName[f.id] = f.name
			}
		}
		d.features[Key(cols[0])] = f
		return nil
	})
}

// writtenAsInitials reports whether w is two or more letters each followed by a period ("N.H.",
// "L.A.").
func writtenAsInitials(w string) bool {
	r := []rune(w)
	if len(r) < 4 || len(r)%2 != 0 {
		return false
	}
	for i := 0; i < len(r); i += 2 {
		if !unicode.IsLetter(r[i]) || r[i+1] != '.' {
			return false
		}
	}
	return true
}

// parseAbbrevs reads region_abbrevs.tsv: abbreviation, admin1 key, kind (postal|abbr).
func (d *data) parseAbbrevs(fsys fs.FS) error {
	d.abbrevs, d.postal, d.initials = map[string][]int32{}, map[string][]int32{}, map[string]bool{}
	return eachLine(fsys, fileAbbrevs, func(line string) error {
		cols := strings.Split(line, "\t")
		if len(cols) != 3 {
			return errors.New("want abbreviation<TAB>admin1<TAB>kind")
		}
		rec, ok := d.admin1ByKey[cols[1]]
		if !ok {
			return fmt.Errorf("unknown admin1 %q", cols[1])
		}
		switch cols[2] {
		case "postal":
			d.postal[cols[0]] = append(d.postal[cols[0]], rec)
		case "abbr":
			k := Key(cols[0])
			d.abbrevs[k] = append(d.abbrevs[k], rec)
			if writtenAsInitials(cols[0]) {
				d.initials[k] = true
			}
		default:
			return fmt.Errorf("unknown kind %q", cols[2])
		}
		return nil
	})
}

// eachLine calls fn with every line of the file name in fsys but blank lines and # comments, line
// ends trimmed. A problem fn returns is reported at its line: "geo: features.tsv:12: …".
func eachLine(fsys fs.FS, name string, fn func(line string) error) error {
	raw, err := fs.ReadFile(fsys, name)
	if err != nil {
		return fmt.Errorf("geo: read %s: %w", name, err)
	}
	lineNo := 0
	for line := range strings.Lines(string(raw)) {
		lineNo++
		line = strings.TrimRight(line, "\r\n")
		if line == "" || line[0] == '#' {
			continue
		}
		if err := fn(line); err != nil {
			return fmt.Errorf("geo: %s:%d: %w", name, lineNo, err)
		}
	}
	return nil
}

// markNamesakes flags the cities that share the name of a first-level region of their country, are
// its seat or lie inside it, and hold a good share of its people (São Paulo, Moscow, Hanoi, Lagos):
// news then means the city. Québec, a small part of Quebec, is not flagged. The region need not be the city's own, as admin1 codes in the sources
// sometimes disagree (Vietnam's 2025 reform).
func (d *data) markNamesakes(nameKeys []string) {
	type ccKey struct {
		cc  [2]byte
		key string
	}
	regionPop := map[ccKey]uint32{}
	for i := range d.recs {
		if r := &d.recs[i]; r.feature == featAdmin1 {
			for _, k := range regionKeys(nameKeys[i]) {
				regionPop[ccKey{r.cc, k}] = max(regionPop[ccKey{r.cc, k}], r.pop)
			}
		}
	}
	for i := range d.recs {
		r := &d.recs[i]
		if r.feature != featCity {
			continue
		}
		k := nameKeys[i]
		pop, ok := regionPop[ccKey{r.cc, k}]
		if !ok || r.country >= 0 && nameKeys[r.country] == k {
			continue // Djibouti the country, not the city
		}
		own := r.admin1 >= 0 && slices.Contains(regionKeys(nameKeys[r.admin1]), k)
		if (r.seat > 0 || own) && uint64(r.pop)*namesakeShare >= uint64(pop) {
			r.namesake = true
			regionPrior := popPrior(pop) + admin1Prior
			bonus := regionPrior - (popPrior(r.pop) + r.seatPrior()) + namesakeMargin
			r.namesakeTenths = uint8(math.Round(10 * min(maxNamesakeBonus, max(namesakeMargin, bonus))))
		}
	}
}

// regionKeys are the keys an admin1 region is known by: its name's, and that less a generic suffix
// ("la paz department" → "la paz").
func regionKeys(k string) []string {
	keys := []string{k}
	for _, suf := range admin1Suffixes {
		if s, ok := strings.CutSuffix(k, suf); ok && s != "" {
			keys = append(keys, s)
		}
	}
	return keys
}

// A national capital of at least worldCapitalPopulation people is what a bare name means in news
// anywhere ("Paris", "London", "Berlin"): its namesakes need their own region named, not only their
// country, to win over it (Paris, Texas in a story about Texas; not in one about Washington politics).
const (
	worldCapitalPopulation = 500_000
	worldCapitalBonus      = 2.0
)

// altNamePenalty lowers the prior of a place reached by an alternate name (another language's or
// script's), so that a place whose own name it is wins over a namesake of similar weight ("Salvador"),
// while a far bigger one still wins ("Londres" is London, not the Argentine town).
const altNamePenalty = 2.5

// namesakeShare: a seat is its region's namesake when it has at least 1/namesakeShare of its people;
// its prior then passes its region's by namesakeMargin, with a bonus of at most maxNamesakeBonus.
const (
	namesakeShare    = 10
	namesakeMargin   = 0.3
	maxNamesakeBonus = 2.5
	admin1Prior      = 1.0 // what a first-level region's prior adds to its population's
)

func (d *data) parseRecords(body string) error {
	lineNo := 0
	for line := range strings.Lines(body) {
		lineNo++
		line = strings.TrimSuffix(line, "\n")
		if line == "" || line[0] == '#' {
			continue
		}
		var f [10]string
		rest := line
		for i := range f {
			f[i], rest, _ = strings.Cut(rest, "\t")
		}
		id, err1 := strconv.ParseInt(f[0], 10, 32)
		pop, err2 := strconv.ParseUint(f[4], 10, 32)
		lat, err3 := strconv.ParseInt(f[5], 10, 32)
		lon, err4 := strconv.ParseInt(f[6], 10, 32)
		if err1 != nil || err2 != nil || err3 != nil || err4 != nil || len(f[2]) != 2 || f[8] == "" {
			return fmt.Errorf("geo: %s:%d: malformed row", fileGazetteer, lineNo)
		}
		r := record{name: f[8], ascii: f[9], a1code: f[3], id: int32(id), pop: uint32(pop),
			lat: int32(lat), lon: int32(lon), cc: [2]byte{f[2][0], f[2][1]}, country: -1, admin1: -1}
		switch f[7] {
		case "PPLC":
			r.seat = 2
		case "PPLA":
			r.seat = 1
		}
		idx := int32(len(d.recs))
		switch f[1] {
		case "C":
			r.feature = featCountry
			d.countryByCC[r.cc] = idx
		case "A":
			r.feature = featAdmin1
			r.country = d.lookupCountry(r.cc)
			d.admin1ByKey[f[2]+"."+f[3]] = idx
		case "P":
			r.feature = featCity
			r.country = d.lookupCountry(r.cc)
			if a, ok := d.admin1ByKey[f[2]+"."+f[3]]; ok {
				r.admin1 = a
			}
		default:
			return fmt.Errorf("geo: %s:%d: unknown feature %q", fileGazetteer, lineNo, f[1])
		}
		d.recs = append(d.recs, r)
	}
	d.byID = make([]int32, len(d.recs))
	for i := range d.byID {
		d.byID[i] = int32(i)
	}
	slices.SortFunc(d.byID, func(a, b int32) int { return int(d.recs[a].id) - int(d.recs[b].id) })
	return nil
}

func (d *data) lookupCountry(cc [2]byte) int32 {
	if i, ok := d.countryByCC[cc]; ok {
		return i
	}
	return -1
}

type keyed struct {
	key string
	p   posting
}

// parseAliases adds the hand-written aliases (see data/aliases.tsv for the format) to pairs.
func (d *data) parseAliases(fsys fs.FS, pairs []keyed) ([]keyed, error) {
	raw, err := fs.ReadFile(fsys, fileAliases)
	if err != nil {
		return nil, fmt.Errorf("geo: read aliases: %w", err)
	}
	d.metonyms, d.metonymRecs, d.parts = map[string]string{}, map[string]int32{}, map[string]part{}
	sc := bufio.NewScanner(bytes.NewReader(raw))
	for lineNo := 1; sc.Scan(); lineNo++ {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 2 {
			return nil, fmt.Errorf("geo: %s:%d: want alias<TAB>target", fileAliases, lineNo)
		}
		rec, ok := d.target(cols[1])
		if !ok {
			return nil, fmt.Errorf("geo: %s:%d: unknown target %q", fileAliases, lineNo, cols[1])
		}
		flag := ""
		if len(cols) > 2 {
			flag = cols[2]
		}
		k := Key(cols[0])
		switch flag {
		case "metonym", "metonym-only":
			r := d.recs[rec]
			if r.feature != featCountry {
				r = d.recs[r.country]
			}
			d.metonyms[k] = string(r.cc[:])
			if flag == "metonym" {
				d.metonymRecs[k] = rec
			}
		case "part":
			if d.recs[rec].feature != featAdmin1 {
				return nil, fmt.Errorf("geo: %s:%d: a part's target must be a first-level region", fileAliases, lineNo)
			}
			d.parts[k] = part{name: cols[0], within: rec, index: int32(len(d.parts))}
		case "":
		default:
			return nil, fmt.Errorf("geo: %s:%d: unknown flag %q", fileAliases, lineNo, flag)
		}
		if flag != "metonym-only" {
			pairs = append(pairs, keyed{k, posting{rec: rec, alias: true}})
		}
	}
	return pairs, sc.Err()
}

// part is a named region inside a first-level region ("Yorkshire" in England, "Fife" in Scotland):
// a county or historic region the gazetteer has no record of, read as a candidate of its name with
// the first-level region's prior, so a British story's "Yorkshire" is no town in Virginia.
type part struct {
	name          string
	within, index int32 // the first-level region's record; the part's own number
}

// target resolves an alias target: a country code, an admin1 key CC.CODE or #id.
func (d *data) target(t string) (int32, bool) {
	switch {
	case strings.HasPrefix(t, "#"):
		id, err := strconv.Atoi(t[1:])
		if err != nil {
			return 0, false
		}
		return d.indexOfID(id)
	case len(t) == 2:
		i, ok := d.countryByCC[[2]byte{t[0], t[1]}]
		return i, ok
	default:
		i, ok := d.admin1ByKey[t]
		return i, ok
	}
}

func (d *data) indexOfID(id int) (int32, bool) {
	i, ok := slices.BinarySearchFunc(d.byID, id, func(r int32, id int) int { return int(d.recs[r].id) - id })
	if !ok {
		return 0, false
	}
	return d.byID[i], true
}

// index sorts the (key, posting) pairs into the key table. A record reached under its own name is
// not an alias there even if an alias line names it too ("Paris" flagged as a metonym).
func (d *data) index(pairs []keyed) {
	slices.SortFunc(pairs, func(a, b keyed) int {
		if c := strings.Compare(a.key, b.key); c != 0 {
			return c
		}
		if c := int(a.p.rec) - int(b.p.rec); c != 0 {
			return c
		}
		// own name first, then a stripped name, then an alias; a name of every language before one
		// of some languages only
		if c := cmp.Compare(a.p.rank(), b.p.rank()); c != 0 {
			return c
		}
		return cmp.Compare(a.p.langs, b.p.langs)
	})
	d.posts = make([]posting, 0, len(pairs))
	for i, pr := range pairs {
		if i > 0 && pr.key == pairs[i-1].key && pr.p.rec == pairs[i-1].p.rec {
			continue // own-name posting sorted first wins over an alias of the same record
		}
		if len(d.keys) == 0 || d.keys[len(d.keys)-1] != pr.key {
			d.keys = append(d.keys, pr.key)
			d.postStart = append(d.postStart, int32(len(d.posts)))
		}
		d.posts = append(d.posts, pr.p)
	}
	d.postStart = append(d.postStart, int32(len(d.posts)))
	for i := range d.keys {
		ps := d.posts[d.postStart[i]:d.postStart[i+1]]
		slices.SortStableFunc(ps, func(a, b posting) int {
			pa, pb := d.prior(a), d.prior(b)
			switch {
			case pa > pb:
				return -1
			case pa < pb:
				return 1
			}
			return int(d.recs[a.rec].id) - int(d.recs[b.rec].id)
		})
	}
}

// prior scores a candidate before any evidence from the article: countries before regions before
// cities, bigger before smaller, capitals and regional seats a little ahead, and a hand-written
// alias ahead of a place that merely shares the name ("Washington" is the capital).
func (d *data) prior(p posting) float64 {
	r := &d.recs[p.rec]
	s := popPrior(r.pop) + r.seatPrior()
	switch {
	case r.feature == featCountry:
		s += 3
	case r.feature == featAdmin1 && !p.stripped:
		s += admin1Prior // "Kyiv" means the city, "Kyiv Oblast" the region
	}
	switch {
	case r.namesake:
		s += float64(r.namesakeTenths) / 10
	case d.altNamesakes[p.rec]:
		s += maxNamesakeBonus
	}
	if p.alias {
		s += 3
	}
	if p.langs != 0 {
		s -= altNamePenalty // "Salvador" is the Brazilian city, not San Salvador, whose name it also is
	}
	return s
}

// popPrior is the part of a prior that a place's population gives.
func popPrior(pop uint32) float64 { return 0.5 * math.Log10(float64(pop)+1) }

// seatPrior is the part of a prior that being a capital or a regional seat gives.
func (r *record) seatPrior() float64 {
	switch r.seat {
	case 2:
		if r.pop >= worldCapitalPopulation {
			return 1 + worldCapitalBonus
		}
		return 1
	case 1:
		return 0.3
	}
	return 0
}

// rank orders the postings of one record under one key: its own name, a stripped name, an alias.
func (p posting) rank() int {
	switch {
	case p.alias:
		return 2
	case p.stripped:
		return 1
	}
	return 0
}

// lookup returns the postings of a name, best prior first.
func (d *data) lookup(name string) []posting { return d.lookupKey(Key(name)) }

// lookupKey returns the postings of a name already passed through Key.
func (d *data) lookupKey(k string) []posting {
	i, ok := slices.BinarySearch(d.keys, k)
	if !ok {
		if d.fallback != nil {
			return d.fallback.lookupKey(k)
		}
		return nil
	}
	ps := d.posts[d.postStart[i]:d.postStart[i+1]]
	if d.lang == "" || !slices.ContainsFunc(ps, d.foreignTo) {
		return ps
	}
	return slices.DeleteFunc(slices.Clone(ps), d.foreignTo)
}

// foreignTo reports whether p is a name only other languages than the view's use.
func (d *data) foreignTo(p posting) bool {
	return p.langs > altAnyLanguage && !d.langSets[p.langs][d.lang]
}

// readSet reads a word list (its first column, if it has more) into a set of Key(word).
func readSet(fsys fs.FS, name string) (map[string]bool, error) {
	table, err := readTable(fsys, name)
	if err != nil {
		return nil, err
	}
	set := make(map[string]bool, len(table))
	for k := range table {
		set[k] = true
	}
	return set, nil
}

// readTable reads a two-column TSV (or a one-column list) into Key(col0) → col1.
func readTable(fsys fs.FS, name string) (map[string]string, error) {
	m := map[string]string{}
	err := eachLine(fsys, name, func(line string) error {
		k, v, _ := strings.Cut(line, "\t")
		m[Key(k)] = v
		return nil
	})
	if err != nil {
		return nil, err
	}
	return m, nil
}
