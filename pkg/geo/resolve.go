package geo

import (
	"context"
	"net/url"
	"slices"
	"strings"
	"unicode"

	"github.com/newsmon/newsmon/pkg/article"
)

// Resolver turns PLACE entities (and ORG names that denote a place, "Wuxi National Hi-tech
// District") into Article.Places. It implements extract.Extractor and is safe for concurrent use.
type Resolver struct {
	g *Gazetteer
}

// NewResolver returns a Resolver over g.
func NewResolver(g *Gazetteer) *Resolver { return &Resolver{g: g} }

// Name is the extractor's name in pipelines.
func (r *Resolver) Name() string { return "geo" }

// placeWords are generic words that, after a known place name, make the whole name a place
// ("Xinwu district", "Jiangsu province", "Wuxi National Hi-tech District").
var placeWords = map[string]bool{
	"district": true, "zone": true, "province": true, "county": true, "city": true, "prefecture": true,
	"region": true, "municipality": true, "state": true, "area": true, "township": true, "oblast": true,
	"governorate": true, "department": true, "borough": true, "territory": true,
}

// Evidence weights, added to the prior (see data.prior). A candidate inside another place the article
// names wins over a bigger namesake ("Paris" near "Texas"); an explicit qualifier ("Portland, Maine")
// wins over almost everything.
const (
	wQualifier      = 6.0 // "X, <my admin1 or country>" in the text
	wInMyAdmin1     = 4.0 // the article names my admin1
	wInMyCountry    = 1.5 // the article names my country
	wContains       = 3.0 // I am an admin1 holding another place of the article ("Georgia" + "Atlanta")
	wContainsCtry   = 1.5 // I am a country holding another place of the article
	wSiblingAdmin1  = 1.0 // another place of the article shares my admin1, each
	wSiblingCountry = 0.5 // another place of the article shares my country, each
	wSource         = 1.0 // the publisher's country is mine
	wDemonym        = 0.5 // a demonym of my country is among the entities
	capContains     = 4.5
	capSibling      = 2.0
	maxCandidates   = 64
	passes          = 3 // prior-only pick, then two rounds using the other picks as evidence
)

// item is one distinct name of the article to resolve, with every mention of it.
type item struct {
	mentions []article.Mention
	cands    []posting
	static   []float64 // prior + qualifier + source + demonym evidence, per candidate
	quals    []bool    // an explicit qualifier names the candidate's admin1 or country
	weak     bool      // the name is a common word ("Man", "Nov"): resolved only with support
	pick     int32     // record index, -1 none
}

// Extract fills a.Places from a.Entities, replacing what was there.
func (r *Resolver) Extract(ctx context.Context, a *article.Article) error {
	d := r.g.d
	var runes []rune // a.Text as code points, made only when a qualifier must be read
	text := func() []rune {
		if runes == nil {
			runes = []rune(a.Text)
		}
		return runes
	}
	srcCountry := d.sourceCountry(a)
	demonymCountries := map[[2]byte]bool{}
	for _, e := range a.Entities {
		if cc, ok := d.demonyms[Key(e.Name)]; ok && len(cc) == 2 {
			demonymCountries[[2]byte{cc[0], cc[1]}] = true
		}
	}

	var items []*item
	for _, e := range a.Entities {
		var ps, qual []posting
		switch e.Type {
		case article.TypePlace:
			if d.neverPlace(e.Name) {
				continue
			}
			ps, qual = d.placeName(e.Name)
		case article.TypeOrg:
			ps = d.placeLikeOrg(e.Name)
		}
		if len(ps) == 0 {
			continue
		}
		if len(ps) > maxCandidates {
			ps = ps[:maxCandidates]
		}
		it := &item{mentions: e.Mentions, cands: ps, static: make([]float64, len(ps)), quals: make([]bool, len(ps)),
			weak: d.common[Key(e.Name)], pick: -1}
		for _, m := range e.Mentions {
			if q := d.qualifierAfter(text(), m.End); len(q) > 0 {
				qual = append(qual, q...)
			}
		}
		for i, p := range ps {
			rec := &d.recs[p.rec]
			s := d.prior(p)
			if d.qualifies(p.rec, qual) {
				s += wQualifier
				it.quals[i] = true
			}
			if srcCountry >= 0 && d.countryOf(p.rec) == srcCountry {
				s += wSource
			}
			if demonymCountries[rec.cc] {
				s += wDemonym
			}
			it.static[i] = s
		}
		items = append(items, it)
	}
	if err := ctx.Err(); err != nil {
		return err
	}

	for pass := 0; pass < passes; pass++ {
		picks := make([]int32, len(items))
		for i, it := range items {
			picks[i] = it.pick
		}
		for i, it := range items {
			best, bestScore := int32(-1), 0.0
			for j, p := range it.cands {
				s := it.static[j]
				if pass > 0 {
					s += d.evidence(p.rec, picks, i)
				}
				if best < 0 || s > bestScore {
					best, bestScore = p.rec, s
				}
			}
			it.pick = best
		}
	}

	// A common word stays a place only as a country or a big city, under an explicit qualifier, or
	// next to a place of the same country: "Man" alone is not Man, Côte d'Ivoire.
	picks := make([]int32, len(items))
	for i, it := range items {
		if !it.weak {
			picks[i] = it.pick
		} else {
			picks[i] = -1
		}
	}
	for i, it := range items {
		if !it.weak || it.pick < 0 || d.bigEnough(it.pick) {
			continue
		}
		j := slices.IndexFunc(it.cands, func(p posting) bool { return p.rec == it.pick })
		if (j < 0 || !it.quals[j]) && d.evidence(it.pick, picks, i) < wInMyCountry {
			it.pick = -1
		}
	}

	places := []article.Place{}
	at := map[int32]int{}
	for _, it := range items {
		if it.pick < 0 {
			continue
		}
		i, ok := at[it.pick]
		if !ok {
			i = len(places)
			at[it.pick] = i
			places = append(places, r.place(it.pick))
		}
		places[i].Mentions = append(places[i].Mentions, it.mentions...)
	}
	for i := range places {
		places[i].Mentions = uniqueMentions(places[i].Mentions)
	}
	a.Places = places
	return nil
}

func (r *Resolver) place(rec int32) article.Place {
	e := r.g.entry(rec)
	return article.Place{Name: e.Name, GeonameID: e.ID, Feature: e.Feature, CountryCode: e.CountryCode,
		Country: e.Country, Admin1Code: e.Admin1Code, Admin1: e.Admin1, Lat: e.Lat, Lon: e.Lon}
}

func uniqueMentions(ms []article.Mention) []article.Mention {
	slices.SortFunc(ms, func(a, b article.Mention) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return a.End - b.End
	})
	return slices.CompactFunc(ms, func(a, b article.Mention) bool { return a.Start == b.Start && a.End == b.End })
}

// evidence scores candidate c against the places the other items picked.
func (d *data) evidence(c int32, picks []int32, self int) float64 {
	cr := &d.recs[c]
	myCountry := d.countryOf(c)
	var inAdmin1, inCountry, contains, sibling float64
	for i, p := range picks {
		if i == self || p < 0 || p == c {
			continue
		}
		pr := &d.recs[p]
		switch {
		case p == cr.admin1:
			inAdmin1 = wInMyAdmin1
		case p == cr.country:
			inCountry = wInMyCountry
		case cr.feature == featAdmin1 && pr.admin1 == c:
			contains += wContains
		case cr.feature == featCountry && pr.country == c:
			contains += wContainsCtry
		case cr.admin1 >= 0 && pr.admin1 == cr.admin1:
			sibling += wSiblingAdmin1
		case d.countryOf(p) == myCountry:
			sibling += wSiblingCountry
		}
	}
	return inAdmin1 + inCountry + min(contains, capContains) + min(sibling, capSibling)
}

// neverPlace reports names that look like places in a gazetteer but never are in news: demonyms
// ("German" is also a parish of the Isle of Man) and month or weekday abbreviations ("Nov" is also
// a town in Tajikistan; those are in common_words.txt with too small a namesake to pass bigEnough).
func (d *data) neverPlace(name string) bool {
	_, ok := d.demonyms[Key(name)]
	return ok
}

// bigEnough reports whether rec is a place that a common word may name without further support:
// a country or a city of at least commonWordMinPopulation.
func (d *data) bigEnough(rec int32) bool {
	r := &d.recs[rec]
	return r.feature == featCountry || r.feature == featCity && r.pop >= commonWordMinPopulation
}

// countryOf is the record index of the country of rec (itself for a country).
func (d *data) countryOf(rec int32) int32 {
	if d.recs[rec].feature == featCountry {
		return rec
	}
	return d.recs[rec].country
}

// qualifies reports whether one of the qualifier candidates is rec's admin1 or country.
func (d *data) qualifies(rec int32, qual []posting) bool {
	r := &d.recs[rec]
	for _, q := range qual {
		if q.rec != rec && (q.rec == r.admin1 || q.rec == d.countryOf(rec)) {
			return true
		}
	}
	return false
}

// placeName finds the candidates of a PLACE entity name: the name itself, else the name without a
// trailing place word ("Jiangsu province"); "Portland, Maine" gives Portland with Maine as qualifier.
func (d *data) placeName(name string) (cands, qual []posting) {
	if head, q, ok := strings.Cut(name, ","); ok {
		if hc, _ := d.placeName(head); len(hc) > 0 {
			return hc, d.lookup(strings.TrimSpace(q))
		}
	}
	if ps := d.lookup(name); len(ps) > 0 {
		return ps, nil
	}
	words := strings.Fields(name)
	if n := len(words); n > 1 && placeWords[strings.ToLower(words[n-1])] {
		return d.lookup(strings.Join(words[:n-1], " ")), nil
	}
	return nil, nil
}

// orgPlaceWords are the place words that make an ORG name a place; "department" and "state" are
// left out ("Texas Department of Transportation", "Ohio State University").
var orgPlaceWords = map[string]bool{
	"district": true, "zone": true, "province": true, "county": true, "city": true, "prefecture": true,
	"region": true, "municipality": true, "area": true, "township": true, "oblast": true,
	"governorate": true, "borough": true, "territory": true,
}

// minOrgHeadPopulation is how big a city at the head of an ORG name must be for the ORG to count
// as a place: small towns share names with people and firms ("Cook County Sheriff").
const minOrgHeadPopulation = 50_000

// placeLikeOrg resolves ORG names that denote an area: a known place at the head and a place word
// after it ("Wuxi National Hi-tech District", "Shenzhen Special Economic Zone"). Common words at
// the head ("Central District Bank"), small towns, and "<Place> City" alone (football clubs:
// "Manchester City") do not count.
func (d *data) placeLikeOrg(name string) []posting {
	words := strings.Fields(name)
	if len(words) < 2 || (len(words) == 2 && strings.EqualFold(words[1], "city")) {
		return nil
	}
	for n := min(3, len(words)-1); n >= 1; n-- {
		hasPlaceWord := false
		for _, w := range words[n:] {
			if orgPlaceWords[strings.ToLower(strings.Trim(w, ".,"))] {
				hasPlaceWord = true
			}
		}
		if !hasPlaceWord {
			continue
		}
		head := strings.Join(words[:n], " ")
		if d.common[Key(head)] {
			continue
		}
		ps := d.lookup(head)
		if len(ps) == 0 {
			continue
		}
		if top := &d.recs[ps[0].rec]; top.feature == featCity && top.pop < minOrgHeadPopulation {
			continue
		}
		return ps
	}
	return nil
}

// qualifierAfter reads ", Name" right after a mention ending at rune offset end and returns the
// candidates of the longest known name of up to three words there ("Portland, Maine, …").
func (d *data) qualifierAfter(text []rune, end int) []posting {
	if end < 0 || end+2 >= len(text) || text[end] != ',' || text[end+1] != ' ' {
		return nil
	}
	i := end + 2
	var words []string
	for len(words) < 3 && i < len(text) && unicode.IsUpper(text[i]) {
		j := i
		for j < len(text) && (unicode.IsLetter(text[j]) || text[j] == '.' || text[j] == '-' || text[j] == '\'' || text[j] == '’') {
			j++
		}
		w := strings.TrimRight(string(text[i:j]), ".")
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s") // "Jackson, Mississippi's capital"
		words = append(words, w)
		if j >= len(text) || text[j] != ' ' {
			break
		}
		i = j + 1
	}
	for n := len(words); n >= 1; n-- {
		if ps := d.lookup(strings.Join(words[:n], " ")); len(ps) > 0 {
			return ps
		}
	}
	return nil
}

// genericTLDs are country-code domains used worldwide, which say nothing about a publisher's country.
var genericTLDs = map[string]bool{"io": true, "co": true, "tv": true, "me": true, "ai": true, "fm": true,
	"ly": true, "cc": true, "ws": true, "to": true, "nu": true, "gg": true, "am": true, "sh": true, "app": true}

// sourceCountry derives the publisher's country from the article's host name (bbc.co.uk → GB,
// spiegel.de → DE); -1 when the domain does not tell.
func (d *data) sourceCountry(a *article.Article) int32 {
	for _, u := range []string{a.CanonicalURL, a.URL} {
		pu, err := url.Parse(u)
		if err != nil || pu.Hostname() == "" {
			continue
		}
		host := pu.Hostname()
		tld := strings.ToLower(host[strings.LastIndexByte(host, '.')+1:])
		if len(tld) != 2 || genericTLDs[tld] {
			return -1
		}
		if tld == "uk" {
			tld = "gb"
		}
		cc := [2]byte{tld[0] - 'a' + 'A', tld[1] - 'a' + 'A'}
		if i, ok := d.countryByCC[cc]; ok {
			return i
		}
		return -1
	}
	return -1
}
