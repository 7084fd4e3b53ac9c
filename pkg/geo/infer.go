package geo

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/extract/wordclass"
)

// unknownPlace is a name the tagger read as a place that the gazetteer cannot settle: a district, a
// neighbourhood, a landmark or a village it lacks ("Mathare", "Wujin", "Tiananmen Square"), or a
// town whose only namesakes lie where nothing in the article points. A reader still knows where it
// is from the text around it — "Khayelitsha, Cape Town", "Changzhou's Wujin district", "a clinic in
// the city's Nishinari ward" — or, failing that, from where the whole story is set.
type unknownPlace struct {
	name     string
	mentions []article.Mention
	// located: only a container written beside the name places it. A town of the gazetteer that the
	// article did not support is often a surname or a word the tagger took for a place, so the
	// story's focus is no evidence for it.
	located bool
	cands   []posting // the gazetteer's readings of a located name
	// inside, when set (hasInside), is the place the text writes the name after ("Runcorn, Cheshire"
	// makes Cheshire the county of Runcorn).
	inside    int32
	hasInside bool
	// district: the text calls the name a district, ward or neighbourhood ("the Part-Dieu business
	// district"), which says it is a place as much as a locative word does.
	district bool
	// side: a match report names it as a club or a ground ("West Ham", "at Murrayfield"): the story's
	// focus, set by the sides it names, is no container for it.
	side bool
}

// candidateIn returns the candidate that lies inside container (in its first-level region when the
// container is a city or a region, else in its country).
func (d *data) candidateIn(cands []posting, container int32) (int32, bool) {
	cr := &d.recs[container]
	for _, c := range cands {
		r := &d.recs[c.rec]
		switch cr.feature {
		case featCountry:
			if r.country == container {
				return c.rec, true
			}
		case featAdmin1:
			if r.admin1 == container {
				return c.rec, true
			}
		default:
			if cr.admin1 >= 0 && r.admin1 == cr.admin1 || cr.admin1 < 0 && r.country == cr.country {
				return c.rec, true
			}
		}
	}
	return -1, false
}

// containerWords may stand between an unknown name and what contains it ("Xinwu district of Wuxi",
// "Nishinari ward in Osaka"): the kind of place the name is.
var containerWords = map[string]bool{
	"district": true, "ward": true, "county": true, "counties": true, "neighbourhood": true,
	"neighborhood": true, "suburb": true, "township": true, "area": true, "borough": true, "village": true,
	"town": true, "quarter": true, "zone": true, "park": true, "square": true, "settlement": true,
	"estate": true, "municipality": true, "parish": true, "constituency": true,
}

// containerLinks are the words after a name (and its kind) that introduce where it lies.
var containerLinks = map[string]bool{"in": true, "near": true, "outside": true, "of": true}

// positionWords say where within a place something lies ("Upstate New York", "Downtown"); the tagger
// sometimes takes them for places of their own, which they are not.
var positionWords = map[string]bool{"upstate": true, "downstate": true, "uptown": true, "downtown": true,
	"inland": true, "overseas": true, "offshore": true}

// areaAdjectives may stand between a container link and the container ("in suburban Atlanta",
// "outside downtown Denver"): the place still holds the name before the link.
var areaAdjectives = map[string]bool{"suburban": true, "downtown": true, "rural": true, "greater": true,
	"Greater": true, "metropolitan": true, "central": true, "coastal": true}

// locativeCues are the words before a name (an article between allowed) that say it is where
// something is or happens: "in Sheffield Hallam", "across West Texas", "between Tokyo and Hakata".
var locativeCues = map[string]bool{"in": true, "at": true, "near": true, "from": true, "across": true,
	"around": true, "outside": true, "inside": true, "into": true, "between": true, "through": true,
	"toward": true, "towards": true, "via": true, "throughout": true}

// placeHeads are the last words that make a name a place whatever surrounds it ("Kiambu Town",
// "Romare Bearden Park", "Tiananmen Square").
var placeHeads = map[string]bool{"Town": true, "Park": true, "Square": true, "Street": true, "Avenue": true,
	"County": true, "Counties": true, "District": true, "Village": true, "Island": true, "Islands": true, "Bay": true,
	"Quarter": true, "Township": true, "Borough": true, "Ward": true, "Heights": true, "Hills": true, "Dome": true}

// selfReferences are the nouns of "the city's Nishinari ward": the place the story is about.
var selfReferences = map[string]bool{"city": true, "town": true, "capital": true, "metropolis": true}

// unknownEligible reports whether a PLACE entity the gazetteer cannot read is worth placing: a
// capitalised name that is no common or lower-case word, no people, no surname of the article's
// people, no acronym and no part of a facility's name the tagger cut short. An ORG or PERSON name
// the gazetteer cannot read counts only where it is plainly a place's (mistypedUnknown).
func (d *data) unknownEligible(e article.Entity, surnames map[string]bool, text []rune, spans placeSpans) bool {
	k := Key(e.Name)
	rs := []rune(e.Name)
	switch {
	case len(rs) < 3 || !unicode.IsUpper(rs[0]) && !unicode.IsDigit(rs[0]) || rs[len(rs)-1] == '.':
		return false
	case e.Type != article.TypePlace && (e.Type != article.TypeOrg && e.Type != article.TypePerson || !d.mistypedUnknown(e, text, spans)):
		return false
	case d.common[k] || d.lowercase[k] || d.peoples[k] || surnames[k] || d.neverPlace(e.Name) || d.metonymOnly(e.Name):
		return false
	case isAcronym(e.Mentions):
		return false
	case len(d.abbrevs[k]) > 0 || positionWords[k]:
		return false // "the funeral Mass", "in Upstate New York": a state's short form off its qualifier place, or a word of position
	case orgHeads[lastWord(e.Name)] || orgLeads[strings.Fields(e.Name)[0]]:
		return false // "West Japan Railway", "Manchester United": a body named after a place
	case e.Type != article.TypePlace && slices.ContainsFunc(e.Mentions, func(m article.Mention) bool {
		return orgHeads[lastWord(m.Text)] || orgHeads[strings.Trim(wordAfter(text, m.End), ".,")]
	}):
		return false // "Norfolk Southern Corp … Norfolk Southern declined": the firm's name, written whole once
	case len(strings.Fields(e.Name)) > 1 && eventHeads[lastWord(e.Name)]:
		return false // "Dubai Air Show", "Wuxi Marathon": an event named after its place, no place of its own
	case len(strings.Fields(e.Name)) == 1 && demonymLike(k):
		return false // "European", "Bavarian": an adjective the tagger took for a place
	case allInFacilityNames(text, e.Mentions):
		return false
	case calledBySurname(e):
		return false // "Nigel Lawson … Lawson said": a person, whom the story calls by the last name
	case d.namesBody(e, text):
		return false // "New Labour", "Gavi", "Health Canada", "shares in Elan"
	case headedByBodyOrOccasion(e, text):
		return false // "Bangkok Fund", "the Grammy awards"
	case d.personsName(e.Name) && !isAcronymWords(e.Mentions):
		return false // "said Nigel Roberts", "Bernardo Bertolucci's film"
	case speaks(text, e.Mentions):
		return false // "Lac said": a place does not speak, the firm of that name does
	}
	if _, ok := d.features[k]; ok {
		return false
	}
	return true
}

// personsName reports whether a name of two or three words starts with a given name that is no
// region or city and has no word of a place's or a facility's name ("Nigel Roberts", not "Victoria
// Park").
func (d *data) personsName(name string) bool {
	words := strings.Fields(name)
	if len(words) < 2 || len(words) > 3 || !givenNames()[Key(words[0])] || slices.ContainsFunc(d.lookup(words[0]), func(p posting) bool {
		r := &d.recs[p.rec]
		return r.feature != featCity || r.pop >= commonWordMinPopulation // "Dallas Roberts" may be of Dallas; "Nigel" is a town too
	}) {
		return false
	}
	return !slices.ContainsFunc(words[1:], func(w string) bool {
		c := wordclass.Of(strings.ToLower(w))
		return placeHeads[w] || facilityAfter[w] || orgHeads[w] || c.First(wordclass.Location) || c.First(wordclass.Artifact)
	})
}

// isAcronymWords reports whether every mention is written in capitals, as a dateline's place is
// ("MARINA DEL RAY, Calif."): a place's name, never a person's.
func isAcronymWords(ms []article.Mention) bool {
	return len(ms) > 0 && !slices.ContainsFunc(ms, func(m article.Mention) bool { return strings.ToUpper(m.Text) != m.Text })
}

// speaks reports whether a mention of a name is the subject of a verb of saying (see saysAfter): not
// the object of a preposition ("a maker building a plant in the suburb of Apodaca said").
func speaks(text []rune, ms []article.Mention) bool {
	return slices.ContainsFunc(ms, func(m article.Mention) bool {
		return saysAfter(text, m) && !placedByCue(text, m.Start) && !prepositions[wordBefore(text, m.Start)]
	})
}

// prepositions that make the name after them an object, never the subject of what follows.
var prepositions = map[string]bool{"of": true, "in": true, "at": true, "near": true, "from": true, "to": true,
	"for": true, "outside": true, "across": true, "around": true, "into": true, "on": true, "by": true}

// saysAfter reports whether a mention is followed by a verb of saying in the past or present
// ("Lac said", "Lac says"): what speaks is a firm or a person, not a place.
func saysAfter(text []rune, m article.Mention) bool {
	switch strings.TrimSuffix(wordAfter(text, m.End), ".") {
	case "said", "says", "told", "added", "announced", "reported", "stated", "declared":
		return true
	}
	return false
}

// calledBySurname reports whether a name of two or three capitalised words is also written as its
// last word alone: people are called so ("Quashie" after "Nigel Quashie"), places and landmarks
// are not ("Fratton Park" is never "Park").
func calledBySurname(e article.Entity) bool {
	words := strings.Fields(e.Name)
	if len(words) < 2 || len(words) > 3 {
		return false
	}
	last := words[len(words)-1]
	return slices.ContainsFunc(e.Mentions, func(m article.Mention) bool { return m.Text == last })
}

// inferPlaces places the unknown names inside the region the text puts them in: a place written
// right after them ("Khayelitsha, Cape Town"; "Neal, W. Va."), before them with a possessive
// ("Changzhou's Wujin district"; "the city's Nishinari ward" → the story's city), or after a link
// word ("Xinwu district in Wuxi"); else the story's own country and first-level region, when most
// of the places it names agree on them. The result is a place of feature "other" with no GeoNames
// id, carrying its container's country, first-level region and coordinates; names with no
// container stay unresolved.
func (r *Resolver) inferPlaces(text []rune, items []*item, unknowns []unknownPlace, datelineItem int, spans placeSpans) []article.Place {
	if len(unknowns) == 0 {
		return nil
	}
	d := r.g.d
	startAt := map[int]int32{}
	endAt := map[int]int32{}
	byKey := map[string]int32{}
	for _, it := range items {
		if it.pick < 0 {
			continue
		}
		byKey[Key(it.name)] = it.pick
		for _, m := range it.mentions {
			startAt[m.Start] = it.pick
			endAt[m.End] = it.pick
		}
	}
	focus := d.storyFocus(items, datelineItem)
	// Names the text places itself ("Greenwich, London") are places of the story too: they count
	// towards where it is set before the rest are placed by it.
	var located []*item
	for _, u := range unknowns {
		for _, m := range u.mentions {
			if c := d.containerOf(text, m, startAt, endAt, focus); c >= 0 {
				located = append(located, &item{name: u.name, mentions: u.mentions, pick: c})
				break
			}
		}
	}
	if len(located) > 0 {
		focus = d.storyFocus(append(slices.Clip(items), located...), datelineItem)
	}
	var out []article.Place
	seen := map[string]bool{}
	for _, u := range unknowns {
		k := Key(u.name)
		if seen[k] || openWaterHeads[lastWord(u.name)] {
			continue // "the Artic Ocean": open water lies in no country
		}
		wide := wideFeature(text, u)
		container := int32(-1)
		if c, ok := d.countryPart(u.name); ok {
			container = c // "West Germany" is in Germany, whatever follows it ("West Germany, France and Britain")
		} else if u.hasInside {
			container = u.inside
		}
		for _, m := range u.mentions {
			if container >= 0 {
				break
			}
			if container = d.containerOf(text, m, startAt, endAt, focus); container >= 0 {
				break
			}
		}
		if u.located && container >= 0 {
			if rec, ok := d.candidateIn(u.cands, container); ok {
				out = append(out, r.place(rec))
				out[len(out)-1].Mentions = uniqueMentions(u.mentions)
				seen[k] = true
				continue
			}
			if cr := &d.recs[container]; cr.feature == featCity && cr.pop < unsupportedMaxPopulation {
				continue // "Runcorn, Cheshire": a small town abroad is no container of an English town
			}
		}
		placeLike := !u.located && (u.district || d.placeLike(text, u, startAt, endAt, spans))
		if container < 0 && placeLike {
			// "Sheffield Hallam" is in Sheffield when the story is about places of its country; a
			// name headed by a place abroad is more often a person's or a body's ("Nan Goldin").
			if h := d.headContainer(u.name, byKey); h >= 0 && (d.countryNamed(items, d.countryOf(h)) || focus.country < 0 && d.compassPartOfRegion(u.name, h)) {
				container = h
			}
		}
		country, admin1 := int32(-1), int32(-1)
		switch {
		case container >= 0:
			country = d.countryOf(container)
			switch cr := &d.recs[container]; cr.feature {
			case featAdmin1:
				admin1 = container
			case featCity:
				admin1 = cr.admin1
			default:
				if _, whole := d.countryPart(u.name); whole {
					break // "West Germany" lies in no one first-level region of Germany
				}
				if focus.admin1 >= 0 && d.recs[focus.admin1].country == container && !wide {
					admin1 = focus.admin1
				}
			}
		case u.side:
			continue
		case u.district && focus.city >= 0:
			country, admin1 = d.countryOf(focus.city), d.recs[focus.city].admin1 // a district is one of the story's city
		case focus.country >= 0 && placeLike:
			country, admin1 = focus.country, focus.admin1
			if wide {
				admin1 = -1 // "Lake Ontario", "the island of Cebu": no one region of the story's country holds it
			}
		default:
			continue
		}
		seen[k] = true
		p := article.Place{Name: singularName(u.name), Feature: FeatureOther, Mentions: uniqueMentions(u.mentions)}
		ce := r.g.entry(country)
		p.CountryCode, p.Country, p.Lat, p.Lon = ce.CountryCode, ce.Name, ce.Lat, ce.Lon
		if admin1 >= 0 {
			ae := r.g.entry(admin1)
			p.Admin1Code, p.Admin1, p.Lat, p.Lon = ae.Admin1Code, ae.Name, ae.Lat, ae.Lon
		}
		if container >= 0 && d.recs[container].feature == featCity {
			p.Lat, p.Lon = float64(d.recs[container].lat)/1e5, float64(d.recs[container].lon)/1e5
		}
		out = append(out, p)
	}
	return out
}

// openWaterHeads end the names of oceans and seas, which no country holds.
var openWaterHeads = map[string]bool{"Ocean": true, "Sea": true}

// wideFeatureHeads start or end the names of lakes, archipelagos, mountain ranges, dams and other
// features that often span, or lie apart from, the first-level regions of their country (an island,
// a valley or a river named so, "Long Island", "Afan Valley", "Patapsco River", mostly lies in the
// region the story names).
var wideFeatureHeads = map[string]bool{"Lake": true, "Islands": true, "Dam": true, "Zone": true, "Mountains": true,
	"Range": true, "Desert": true}

// wideFeature reports whether an unknown name is such a feature, by its head word or by the noun
// before it ("the island of Cebu"): the story's own first-level region is no guess for where it is.
func wideFeature(text []rune, u unknownPlace) bool {
	words := strings.Fields(u.name)
	if len(words) > 1 && (wideFeatureHeads[words[0]] || wideFeatureHeads[words[len(words)-1]]) {
		return true
	}
	return slices.ContainsFunc(u.mentions, func(m article.Mention) bool {
		if wordBefore(text, m.Start) != "of" {
			return false
		}
		n := strings.ToLower(wordBefore(text, m.Start-len("of")-1))
		return n == "island" || n == "islands" || n == "isle"
	})
}

// placeLike reports whether an unknown name reads as a place without a container written beside
// it: a place word at its end, or a mention after a locative word or joined by "and" or a comma to
// a place the article resolved ("in Lagos and Onne"). Names the tagger took for places in other
// roles ("during Covid", "according to Asia Pacific Wire") stay unresolved.
func (d *data) placeLike(text []rune, u unknownPlace, startAt, endAt map[int]int32, spans placeSpans) bool {
	words := strings.Fields(u.name)
	if len(words) > 1 && placeHeads[words[len(words)-1]] {
		return true
	}
	for _, m := range u.mentions {
		i := m.Start
		w := wordBefore(text, i)
		if w == "the" || w == "The" {
			i -= len("the") + 1
			w = wordBefore(text, i)
		}
		if locativeCues[strings.ToLower(w)] {
			return true
		}
		if w == "of" && ofPlaceNouns[strings.ToLower(wordBefore(text, i-len("of")-1))] {
			return true // "the suburb of Apodaca"
		}
		if len(words) > 1 && standsAsPlace(text, m, spans) {
			return true // "Bristol South and Leeds Central": joined to another name the tagger read as a place
		}
		// "Lagos and Onne", "Onne and Lagos", "Gauteng, Onne"
		if w == "and" || w == "or" {
			if _, ok := endAt[i-len(w)-2]; ok {
				return true
			}
		}
		if i >= 2 && text[i-1] == ' ' && text[i-2] == ',' {
			if _, ok := endAt[i-2]; ok {
				return true
			}
		}
		if a := wordAfter(text, m.End); a == "and" || a == "or" {
			if _, ok := startAt[m.End+len(a)+2]; ok {
				return true
			}
		}
	}
	return false
}

// compassWords start the names of parts of a place ("West Texas", "Greater Manchester").
var compassWords = map[string]bool{"North": true, "South": true, "East": true, "West": true, "Central": true,
	"Northern": true, "Southern": true, "Eastern": true, "Western": true, "Upper": true, "Lower": true,
	"Greater": true, "Inner": true, "Outer": true}

// compassPartOfRegion reports whether name is a compass word before the name of a country or a
// first-level region, head ("North Florida", "West Java", "Southern Iraq"): a part of that region
// in a story that names no country of its own (in a British story, "West Midlands" is no part of
// Zimbabwe's Midlands).
func (d *data) compassPartOfRegion(name string, head int32) bool {
	first, rest, _ := strings.Cut(name, " ")
	r := &d.recs[head]
	// The region under its own name, not an alias: "Midlands" is an alias of Zimbabwe's Midlands
	// Province, and England's West Midlands no part of it.
	own := Key(rest) == Key(r.name) || Key(rest) == Key(r.ascii)
	return compassWords[first] && own && (r.feature == featCountry || r.feature == featAdmin1)
}

// countryPart reads a compass word before a country's own name ("West Germany", "Northern Iraq",
// "East Timor" where the gazetteer lacks the whole) as a part of that country, and returns it.
func (d *data) countryPart(name string) (int32, bool) {
	first, rest, ok := strings.Cut(name, " ")
	if !ok || !compassWords[first] {
		return -1, false
	}
	k := Key(rest)
	for _, p := range d.lookup(rest) {
		if r := &d.recs[p.rec]; r.feature == featCountry && (Key(r.name) == k || Key(r.ascii) == k) {
			return p.rec, true
		}
	}
	return -1, false
}

// headContainer reads the place an unknown name is a part of from the name itself: "Suzhou Industrial
// Park" and "Sheffield Hallam" lie in the city that starts them, "West Texas" in the region after its
// compass word. The head is the article's own reading of that name when it has one, else the
// gazetteer's first, which must be a region or a city of some size (small towns share names with
// everything).
func (d *data) headContainer(name string, byKey map[string]int32) int32 {
	words := strings.Fields(name)
	if len(words) < 2 {
		return -1
	}
	for _, w := range words {
		if r := []rune(w); !unicode.IsUpper(r[0]) && !unicode.IsDigit(r[0]) {
			return -1 // "Afghanistan Veterans of America" is a body, not a part of Afghanistan
		}
	}
	if compassWords[words[0]] {
		if rec := d.namedPlace(strings.Join(words[1:], " "), byKey); rec >= 0 {
			return rec
		}
	}
	for n := len(words) - 1; n >= 1; n-- {
		if !slices.ContainsFunc(words[:n], func(w string) bool { return !compassWords[w] }) {
			break // "South West Edinburgh" lies in Edinburgh, not in England's South West
		}
		if rec := d.namedPlace(strings.Join(words[:n], " "), byKey); rec >= 0 {
			return rec
		}
	}
	return -1
}

func (d *data) namedPlace(name string, byKey map[string]int32) int32 {
	k := Key(name)
	if rec, ok := byKey[k]; ok {
		return rec
	}
	if d.common[k] || d.lowercase[k] || compassWords[name] {
		return -1
	}
	ps := d.lookup(name)
	if len(ps) == 0 {
		return -1
	}
	for _, p := range ps {
		if d.recs[p.rec].feature != featCity {
			return p.rec // "Kiambu Town" is in Kiambu County, whatever the size of towns called Kiambu
		}
	}
	if r := &d.recs[ps[0].rec]; r.pop < minOrgHeadPopulation {
		return -1
	}
	return ps[0].rec
}

// focus is where a story is set: the country most of its place mentions lie in, the first-level
// region most of those inside that country lie in, and its main city (the dateline's, else the one
// named most); -1 where no majority or no city.
type focus struct {
	country, admin1, city int32
	cities                []cityMention // mentions of the picked cities, in text order
}

type cityMention struct {
	start int
	rec   int32
}

// cityBefore is the city "the city's …" at rune offset i refers to: the one named last before it,
// else the story's main city.
func cityBefore(i int, f focus) int32 {
	c := f.city
	for _, m := range f.cities {
		if m.start >= i {
			break
		}
		c = m.rec
	}
	return c
}

// storyFocus counts the mentions of the picked places (common words left out) by country and by
// first-level region; a country is the focus only when it holds more than half of them, a region
// when it holds more than half of its country's or clearly leads them.
func (d *data) storyFocus(items []*item, datelineItem int) focus {
	f := focus{country: -1, admin1: -1, city: -1}
	byCountry := map[int32]int{}
	byAdmin1 := map[int32]int{}
	byCity := map[int32]int{}
	namesIn := map[int32]int{} // distinct names per country
	total := 0
	for _, it := range items {
		if it.pick < 0 || it.weak {
			continue
		}
		n := len(it.mentions)
		total += n
		byCountry[d.countryOf(it.pick)] += n
		namesIn[d.countryOf(it.pick)]++
		switch r := &d.recs[it.pick]; r.feature {
		case featAdmin1:
			byAdmin1[it.pick] += n
		case featCity:
			byCity[it.pick] += n
			for _, m := range it.mentions {
				f.cities = append(f.cities, cityMention{m.Start, it.pick})
			}
			if r.admin1 >= 0 {
				byAdmin1[r.admin1] += n
			}
		}
	}
	slices.SortFunc(f.cities, func(a, b cityMention) int { return a.start - b.start })
	f.city = mostNamed(byCity)
	if datelineItem >= 0 {
		if p := items[datelineItem].pick; p >= 0 && d.recs[p].feature == featCity {
			f.city = p
		}
	}
	best, bestN := int32(-1), 0
	for c, n := range byCountry {
		if n > bestN || n == bestN && c < best {
			best, bestN = c, n
		}
	}
	if best < 0 || 2*bestN <= total || namesIn[best] < 2 && bestN < 3 {
		return f // one place named once or twice says little about where the story is
	}
	f.country = best
	inCountry := 0
	bestA, bestAN, secondAN := int32(-1), 0, 0
	for a, n := range byAdmin1 {
		if d.recs[a].country != best {
			continue
		}
		inCountry += n
		switch {
		case n > bestAN || n == bestAN && a < bestA:
			secondAN = bestAN
			bestA, bestAN = a, n
		case n > secondAN:
			secondAN = n
		}
	}
	// The region most of them lie in, or one named at least twice as often as any other and in at
	// least two fifths of them (Nairobi in a story that also names four counties upcountry).
	if bestA >= 0 && (2*bestAN > inCountry || bestAN >= 2*secondAN && 5*bestAN >= 2*inCountry) {
		f.admin1 = bestA
	}
	return f
}

// mostNamed is the key with the highest count (the lowest key among equals), -1 for none.
func mostNamed(counts map[int32]int) int32 {
	best, bestN := int32(-1), 0
	for k, n := range counts {
		if n > bestN || n == bestN && k < best {
			best, bestN = k, n
		}
	}
	return best
}

// containerOf reads where the text puts the name at m: "<m>, <place>", "<m> [kind] in|near|of <place>",
// "<place>'s <m>", "the city's <m>" (the story's city); -1 when it says nothing.
func (d *data) containerOf(text []rune, m article.Mention, startAt, endAt map[int]int32, f focus) int32 {
	i := m.End
	if w := wordAfter(text, i); containerWords[strings.ToLower(w)] {
		i += 1 + len([]rune(w))
	}
	if rec := appositionContainer(text, i, startAt); rec >= 0 {
		return rec
	}
	if i+2 < len(text) && text[i] == ',' && text[i+1] == ' ' {
		if rec, ok := startAt[i+2]; ok {
			return rec
		}
		if w := wordAfter(text, i+1); w == "in" {
			if rec, ok := startAt[i+2+len("in ")]; ok {
				return rec // "Bryce Canyon National Park, in Utah"
			}
		}
		if ps, _, _ := d.qualifierAfter(text, i); len(ps) > 0 && d.recs[ps[0].rec].feature != featCity {
			return ps[0].rec
		}
	}
	if w := wordAfter(text, i); containerLinks[w] {
		j := i + 1 + len([]rune(w)) + 1
		if rec, ok := startAt[j]; ok {
			return rec
		}
		if strings.HasPrefix(string(text[j:min(j+4, len(text))]), "the ") {
			if rec, ok := startAt[j+4]; ok {
				return rec
			}
		}
		if w2 := wordAfter(text, j-1); areaAdjectives[w2] {
			if rec, ok := startAt[j+len([]rune(w2))+1]; ok {
				return rec // "Gwinnett County in suburban Atlanta"
			}
		}
	}
	if rec := d.demonymContainer(text, m.Start); rec >= 0 {
		return rec
	}
	if s := m.Start - 3; s > 0 && (text[s] == '\'' || text[s] == '’') && text[s+1] == 's' && text[s+2] == ' ' {
		if rec, ok := endAt[s]; ok {
			return rec
		}
		if selfReferences[strings.ToLower(wordEndingAt(text, s))] {
			return cityBefore(m.Start, f)
		}
	}
	return -1
}

// demonymKinds are the nouns of "the Thai island of Koh Phi Phi": a kind of place a demonym places.
var demonymKinds = map[string]bool{"island": true, "city": true, "town": true, "village": true, "resort": true,
	"port": true, "province": true, "region": true, "state": true, "capital": true, "district": true}

// demonymContainer reads "<demonym> <kind> of" before rune offset i ("the Thai island of Koh Phi Phi",
// "the Swiss resort of Davos") and returns the demonym's country, or -1.
func (d *data) demonymContainer(text []rune, i int) int32 {
	if wordBefore(text, i) != "of" {
		return -1
	}
	i -= len("of") + 1
	kind := wordBefore(text, i)
	if !demonymKinds[kind] {
		return -1
	}
	cc, ok := d.demonyms[Key(wordBefore(text, i-len([]rune(kind))-1))]
	if !ok || len(cc) != 2 {
		return -1
	}
	if rec, ok := d.countryByCC[[2]byte{cc[0], cc[1]}]; ok {
		return rec
	}
	return -1
}

// wordEndingAt is the word of letters that ends at rune offset i.
func wordEndingAt(text []rune, i int) string {
	j := i
	for j > 0 && unicode.IsLetter(text[j-1]) {
		j--
	}
	return string(text[j:i])
}

// placeSpans holds where the PLACE entities' mentions start and end (rune offsets).
type placeSpans struct{ starts, ends map[int]bool }

func placeSpansOf(ents []article.Entity) placeSpans {
	s := placeSpans{starts: map[int]bool{}, ends: map[int]bool{}}
	for _, e := range ents {
		if e.Type != article.TypePlace {
			continue
		}
		for _, m := range e.Mentions {
			s.starts[m.Start], s.ends[m.End] = true, true
		}
	}
	return s
}

// mistypedMinPopulation is how big a city an ORG or PERSON name must denote to be read as that city
// where the text uses it as a place: smaller towns share their names with people and firms.
const mistypedMinPopulation = 100_000

// ofPlaceNouns are the nouns of "the region of Auvergne-Rhône-Alpes", "the suburb of Apodaca".
var ofPlaceNouns = map[string]bool{"region": true, "province": true, "state": true, "city": true, "town": true,
	"suburb": true, "village": true, "department": true, "county": true, "district": true, "municipality": true,
	"island": true, "capital": true, "port": true}

// mistypedPlace reads an ORG or PERSON name as the country, first-level region or sizeable city the
// gazetteer knows by that name when one of its mentions stands where a place does: after a locative
// word ("in Rio de Janeiro"), after "the region of", or joined to a PLACE mention ("Uruguay and
// Paraguay", "the Western Cape and KwaZulu-Natal"). Common words, peoples and acronyms never are.
func (d *data) mistypedPlace(e article.Entity, text []rune, spans placeSpans) []posting {
	k := Key(e.Name)
	if d.common[k] || d.lowercase[k] || d.peoples[k] || d.neverPlace(e.Name) || d.metonymOnly(e.Name) || isAcronym(e.Mentions) {
		return nil
	}
	if _, ok := d.features[k]; ok {
		return nil
	}
	ps := d.lookup(e.Name)
	if len(ps) == 0 {
		return nil
	}
	if top := &d.recs[ps[0].rec]; top.feature == featCity && top.pop < mistypedMinPopulation {
		return nil
	}
	for _, m := range e.Mentions {
		if standsAsPlace(text, m, spans) {
			return ps
		}
	}
	return nil
}

// standsAsPlace reports whether a mention stands where a place does (see mistypedPlace).
func standsAsPlace(text []rune, m article.Mention, spans placeSpans) bool {
	i := m.Start
	w := wordBefore(text, i)
	if w == "s" && i >= 3 && (text[i-3] == '\'' || text[i-3] == '’') {
		// "at the school's Johnny Carson Theater": a common noun's possessive stands for the place's owner
		if owner := wordEndingAt(text, i-3); owner != "" && unicode.IsLower([]rune(owner)[0]) {
			i -= 3 + len([]rune(owner))
			w = wordBefore(text, i)
		}
	}
	if w == "the" {
		i -= len("the") + 1
		w = wordBefore(text, i)
	}
	switch {
	case locativeCues[strings.ToLower(w)]:
		return true
	case w == "of" && ofPlaceNouns[strings.ToLower(wordBefore(text, i-len("of")-1))]:
		return true
	case (w == "and" || w == "or") && spans.ends[i-len(w)-2]:
		return true
	case i >= 2 && text[i-1] == ' ' && text[i-2] == ',' && spans.ends[i-2]:
		return true
	}
	if a := wordAfter(text, m.End); (a == "and" || a == "or") && spans.starts[m.End+len(a)+2] {
		return true
	}
	return m.End+2 < len(text) && text[m.End] == ',' && text[m.End+1] == ' ' && spans.starts[m.End+2]
}

// splitQualified cuts each mention written with its qualifier ("Washington, DC") into the place's
// part and the qualifier's part; mentions without a comma stay whole. The qualifier's part becomes a
// mention of its region (a reader sees the District of Columbia named too); the whole mention stays
// the place's.
func splitQualified(ms []article.Mention) (heads, quals []article.Mention) {
	for _, m := range ms {
		rs := []rune(m.Text)
		i := slices.Index(rs, ',')
		if i <= 0 || i+2 >= len(rs) || rs[i+1] != ' ' || m.End-m.Start != len(rs) {
			heads = append(heads, m)
			continue
		}
		heads = append(heads, article.Mention{Text: string(rs[:i]), Start: m.Start, End: m.Start + i})
		quals = append(quals, article.Mention{Text: string(rs[i+2:]), Start: m.Start + i + 2, End: m.End})
	}
	return heads, quals
}

// teamVerbs, written after a name or before it, make the name a sports team's: "Minnesota beat
// Buffalo", "Columbus edged Montreal". A team is named after its home city, the big namesake, so its
// reading takes no evidence from the other places of a results story, nor gives any.
var teamVerbs = map[string]bool{"beat": true, "beats": true, "defeated": true, "edged": true, "routed": true,
	"topped": true, "downed": true, "blanked": true, "outlasted": true, "past": true}

// teamMentions reports whether every mention (or, with all false, any mention) is a team's.
func teamMentions(text []rune, ms []article.Mention, all bool) bool {
	if len(ms) == 0 {
		return false
	}
	for _, m := range ms {
		team := teamVerbs[wordBefore(text, m.Start)] || teamVerbs[wordAfter(text, m.End)]
		if team != all {
			return team
		}
	}
	return all
}

// affiliationMentions reports whether every mention is a politician's state in brackets: "(Vt.)",
// "(R-Wis.)", "(D-S.C.)" — where the member comes from, not where the story is.
func affiliationMentions(text []rune, ms []article.Mention) bool {
	if len(ms) == 0 {
		return false
	}
	for _, m := range ms {
		if m.End >= len(text) || text[m.End] != ')' || m.Start < 1 {
			return false
		}
		switch b := text[m.Start-1]; {
		case b == '(':
		case b == '-' && m.Start >= 3 && text[m.Start-3] == '(' && strings.ContainsRune("RDI", text[m.Start-2]):
		default:
			return false
		}
	}
	return true
}

// partyWords, written right after a state's name ("a Washington Democrat", "Texas Democratic
// Senator Lloyd Bentsen", "a New York House Democrat"), make the name a politician's affiliation.
var partyWords = map[string]bool{"Democrat": true, "Democrats": true, "Democratic": true,
	"Republican": true, "Republicans": true}

// officeWords, written right after a state's name ("Florida Sen. Marco Rubio", "the Ohio governor",
// "former Texas Gov. Rick Perry"), make the name the state a politician holds office for, as partyWords do.
var officeWords = map[string]bool{"Sen": true, "Sens": true, "Senator": true, "senator": true, "senators": true,
	"Gov": true, "Governor": true, "governor": true, "Rep": true, "Reps": true, "Representative": true,
	"Congressman": true, "congressman": true, "Congresswoman": true, "congresswoman": true,
	"lawmaker": true, "lawmakers": true, "delegation": true}

// officeMentions reports whether every mention is followed by an office's word ("Florida Sen.",
// "the Ohio governor"): the state, which, unlike a party label, still says where the story's
// politics are.
func officeMentions(text []rune, ms []article.Mention) bool {
	for _, m := range ms {
		if !wordAfterIn(text, m.End, officeWords, officeWordFirsts) {
			return false
		}
	}
	return len(ms) > 0
}

// officeWordFirsts are the first letters of officeWords.
const officeWordFirsts = "SsGgRCcld"

// partyStateMentions reports whether every mention is the state a politician is labelled with:
// the member sits for the state, not for its namesake capital or city, and where the member comes
// from says nothing of where the story is.
func partyStateMentions(text []rune, ms []article.Mention) bool {
	if len(ms) == 0 {
		return false
	}
	for _, m := range ms {
		w := wordAfter(text, m.End)
		if w == "House" || w == "Senate" {
			w = wordAfter(text, m.End+len(w)+1)
		}
		if !partyWords[strings.TrimSuffix(w, ".")] {
			return false
		}
	}
	return true
}

// partyOnlyMention reports whether a mention is followed by a party's word ("a Washington
// Democrat"): only those are split from the name's other mentions; an office ("New York Sen. X") is
// read with them, as the state either way.
func partyOnlyMention(text []rune, m article.Mention) bool {
	w := wordAfter(text, m.End)
	if w == "House" || w == "Senate" {
		w = wordAfter(text, m.End+len(w)+1)
	}
	return partyWords[strings.TrimSuffix(w, ".")]
}

// splitPartyMentions gives a PLACE entity whose mentions are partly politicians' states ("a
// Washington Democrat" beside "talks in Washington") as two: the states, read as such, and the rest.
func splitPartyMentions(text []rune, ents []article.Entity) []article.Entity {
	var out []article.Entity
	for i, e := range ents {
		if e.Type != article.TypePlace || len(e.Mentions) < 2 || !slices.ContainsFunc(e.Mentions, func(m article.Mention) bool {
			return partyOnlyMention(text, m)
		}) || !slices.ContainsFunc(e.Mentions, func(m article.Mention) bool { return !partyOnlyMention(text, m) }) {
			if out != nil {
				out = append(out, e)
			}
			continue
		}
		if out == nil {
			out = slices.Clone(ents[:i])
		}
		party, rest := e, e
		party.Mentions = slices.DeleteFunc(slices.Clone(e.Mentions), func(m article.Mention) bool { return !partyOnlyMention(text, m) })
		rest.Mentions = slices.DeleteFunc(slices.Clone(e.Mentions), func(m article.Mention) bool { return partyOnlyMention(text, m) })
		out = append(out, rest, party)
	}
	if out == nil {
		return ents
	}
	return out
}

// regionsOnly keeps the first-level regions among ps, or all of ps when there are none.
func (d *data) regionsOnly(ps []posting) []posting {
	regions := slices.DeleteFunc(slices.Clone(ps), func(p posting) bool { return d.recs[p.rec].feature != featAdmin1 })
	if len(regions) == 0 {
		return ps
	}
	return regions
}

// demonymSuffixes end the adjectives of peoples and regions ("European", "Bavarian", "Congolese").
var demonymSuffixes = []string{"ean", "ian", "ese", "ish"}

func demonymLike(key string) bool {
	for _, suf := range demonymSuffixes {
		if strings.HasSuffix(key, suf) {
			return true
		}
	}
	return false
}

// affiliationsIn finds the states of politicians written with a party letter, in brackets or
// between commas ("(R-Wis.)", "(D-NY)", "(R-Tex)", "Sen. Bob Corker, R-Tenn., said"), or alone in
// brackets in their dotted form ("(Vt.)"); runes gives the text as code points.
func affiliationsIn(s string, runes func() []rune) []article.Mention {
	if !strings.Contains(s, "-") && !strings.Contains(s, ".)") {
		return nil
	}
	var out []article.Mention
	text := runes()
	for i := 0; i+3 < len(text); i++ {
		var start int
		switch {
		case text[i] == '(':
			start = i + 1
		case text[i] == ',' && text[i+1] == ' ':
			start = i + 2 // ", R-Ky.,": only with a party letter
		default:
			continue
		}
		party := start+1 < len(text) && strings.ContainsRune("RDI", text[start]) && text[start+1] == '-'
		if party {
			start += 2
		} else if text[i] == ',' {
			continue
		}
		end := start
		for end < len(text) && end-start <= 8 && (unicode.IsLetter(text[end]) || text[end] == '.' || text[end] == ' ' && text[i] == '(') {
			end++
		}
		if end == start || !unicode.IsUpper(text[start]) {
			continue
		}
		switch {
		case text[i] == '(' && (end >= len(text) || text[end] != ')'):
			continue
		case text[i] == ',' && end < len(text) && !strings.ContainsRune(",;:)", text[end]) && !(text[end] == ' ' && text[end-1] == '.'):
			continue // ", R-Ky., and": the label ends at a comma, or at a space after its period
		case !party && text[end-1] != '.':
			continue // "(AP)", "(CA)": an agency or a code, not a politician's state
		}
		out = append(out, article.Mention{Text: string(text[start:end]), Start: start, End: end})
	}
	return out
}

// partyLabelState reads the state of a party label ("Tenn.", "Tex", "SD", "S.C."): a postal code in
// capitals or an abbreviation with or without its period, which after "R-" can name nothing else.
func (d *data) partyLabelState(w string) []posting {
	if ps, _ := d.abbreviation(w); len(ps) == 1 {
		return ps
	}
	if recs := d.abbrevs[Key(w)]; len(recs) == 1 {
		return []posting{{rec: recs[0]}}
	}
	return nil
}

// rosterEntry is one item of a team sheet: a name of one to four words ("Horak", "van der Walt",
// "L Dallaglio"), maybe with a substitution and its minute ("Everitt for Mapletoft (53)", "Smertin
// (Cole 73)") or the player's team ("C Paterson (Scotland)", the bracket cut by a comma in
// "B O'Driscoll (Ireland, capt)").
var rosterEntry = regexp.MustCompile(`^(?:\p{Lu}[\p{L}'’.\-]*|van|der|de|da|di|le|la)(?: (?:\p{Lu}[\p{L}'’.\-]*|van|der|de|da|di|le|la)){0,3}(?: for \p{Lu}[\p{L}'’.\-]*(?: \p{Lu}[\p{L}'’.\-]*)?)?(?: \(\d+\))?(?: \(\p{Lu}[\p{L}'’.\-]*(?: \p{Lu}[\p{L}'’.\-]*){0,2}(?: \d+)?\)?)?$`)

// minRosterEntries is how many names, and rosterShare the share of a paragraph's items, that make
// it a team sheet.
const (
	minRosterEntries = 6
	rosterShare      = 0.8
)

// rosterParagraphs finds the team sheets of a text ("Horak, Staniforth, Penney, Nordt, Bishop;
// Mapletoft, Edwards; …", "Replacements: Everitt for Mapletoft (53), …"): paragraphs that are lists
// of names, people's surnames, which a tagger types at random and a gazetteer has towns for. It
// returns their rune spans.
func rosterParagraphs(text []rune) []article.Span {
	var out, short []article.Span // short: lists of a few names ("Subs Not Used: Berger, Ashdown.")
	for start := 0; start < len(text); {
		end := start
		seps := 0
		for end < len(text) && text[end] != '\n' {
			if text[end] == ',' || text[end] == ';' {
				seps++
			}
			end++
		}
		switch span := (article.Span{Start: start, End: end}); {
		case seps >= minRosterEntries-1:
			if names, items := rosterNames(string(text[start:end])); names >= minRosterEntries && float64(names) >= rosterShare*float64(items) {
				out = append(out, span)
			}
		case seps > 0:
			short = append(short, span)
		}
		start = end + 1
	}
	if len(out) == 0 {
		return nil // most articles: no team sheet, and no list read further
	}
	// A short list of names beside a team sheet (the substitutes not used, the players booked) is
	// one of them.
	for _, s := range short {
		beside := slices.ContainsFunc(out, func(r article.Span) bool {
			return nextParagraph(text, r.End, s.Start) || nextParagraph(text, s.End, r.Start)
		})
		if names, items := rosterNames(string(text[s.Start:s.End])); beside && names == items {
			out = append(out, s)
		}
	}
	return out
}

// rosterNames counts the items of a paragraph read as a list, after a label ("Replacements: …"),
// and how many of them are team sheet entries.
func rosterNames(para string) (names, items int) {
	if _, rest, ok := strings.Cut(para, ": "); ok && len(rest) > len(para)/2 {
		para = rest // "Replacements: …"
	}
	for _, it := range strings.FieldsFunc(strings.TrimRight(para, ". "), func(r rune) bool { return r == ',' || r == ';' }) {
		items++
		if rosterEntry.MatchString(strings.TrimSpace(it)) {
			names++
		}
	}
	return names, items
}

// nextParagraph reports whether the paragraph starting at rune offset next follows the one ending at
// end, with nothing but blank lines between them.
func nextParagraph(text []rune, end, next int) bool {
	if next <= end {
		return false
	}
	for _, r := range text[end:next] {
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// bracketed reports whether every mention opens a bracket: the team of a team sheet's player
// ("C Paterson (Scotland)").
func bracketed(text []rune, ms []article.Mention) bool {
	return !slices.ContainsFunc(ms, func(m article.Mention) bool { return m.Start == 0 || text[m.Start-1] != '(' })
}

// inSpans reports whether every mention lies inside one of spans.
func inSpans(ms []article.Mention, spans []article.Span) bool {
	if len(spans) == 0 || len(ms) == 0 {
		return false
	}
	for _, m := range ms {
		if !slices.ContainsFunc(spans, func(s article.Span) bool { return s.Start <= m.Start && m.End <= s.End }) {
			return false
		}
	}
	return true
}

// covered reports whether an item already holds a mention overlapping m.
func covered(items []*item, m article.Mention) bool {
	for _, it := range items {
		for _, x := range it.mentions {
			if x.Start < m.End && m.Start < x.End {
				return true
			}
		}
	}
	return false
}

// facilityHeads end the names of landmarks a map shows ("Bank of America Stadium"); after a
// locative word such a name is a place whatever the tagger typed it.
var facilityHeads = map[string]bool{"Stadium": true, "Arena": true, "Theater": true, "Theatre": true,
	"Square": true, "Dome": true, "Bridge": true, "Cathedral": true, "Palace": true, "Tower": true}

// placeLeads start place names in the languages news borrows them from ("Cidade Tiradentes",
// "Ciudad Nezahualcóyotl"); compassWords end names of parts of a place ("Nottingham North").
var placeLeads = map[string]bool{"Cidade": true, "Ciudad": true, "Vila": true, "Villa": true, "Colonia": true,
	"Puerto": true, "Porto": true, "Bairro": true, "Barrio": true, "Quartier": true}

// nameParticlesLower are the lower-case words inside multi-word names of places in Africa, Asia and
// the Romance languages ("Mukuru kwa Njenga", "Cidade de Deus").
var nameParticlesLower = map[string]bool{"kwa": true, "wa": true, "de": true, "do": true, "da": true, "dos": true,
	"das": true, "del": true, "di": true, "la": true, "el": true, "al": true}

// mistypedUnknown reports whether an ORG or PERSON name the gazetteer lacks is plainly a place's
// where it stands: after "the suburb of", "the village of" …; or a name shaped like a place's — a
// place word first ("Cidade Tiradentes"), a compass word last after a place ("Nottingham North"),
// or a place-name particle inside ("Mukuru kwa Njenga") — after a locative word or joined to a PLACE
// mention. One-word names otherwise never are ("in Congress", "from Oxfam").
func (d *data) mistypedUnknown(e article.Entity, text []rune, spans placeSpans) bool {
	words := strings.Fields(e.Name)
	shaped := false
	if n := len(words); n > 1 {
		shaped = placeLeads[words[0]] || compassWords[words[n-1]] && !compassWords[words[0]] || facilityHeads[words[n-1]] ||
			n == 2 && !orgHeads[words[1]] && d.headContainer(e.Name, nil) >= 0 // "Sheffield Brightside"
		for _, w := range words[1 : n-1] {
			shaped = shaped || nameParticlesLower[w]
		}
	}
	for _, m := range e.Mentions {
		i := m.Start
		w := wordBefore(text, i)
		if w == "the" {
			i -= len("the") + 1
			w = wordBefore(text, i)
		}
		if w == "of" && ofPlaceNouns[strings.ToLower(wordBefore(text, i-len("of")-1))] {
			return true
		}
		if d.abbreviatedRegionAfter(text, m.End) && !firmOfTown(words) {
			return true // "its Neal, W. Va., plant"
		}
		if shaped && standsAsPlace(text, m, spans) {
			return true
		}
	}
	return false
}

// firmOfTown reports an organisation's name that holds its town or a word of a body ("Future Savings
// and Loan Association of Albany", "Circle Rubber Corp of Newark"): the state written after it
// ("…, Ore.") qualifies that town, and the name is no place's.
func firmOfTown(words []string) bool {
	for _, w := range words {
		if w == "of" || orgHeads[strings.Trim(w, ".,")] {
			return true
		}
	}
	return false
}

// orgHeads end the names of bodies, firms, clubs and media named after a place.
var orgHeads = map[string]bool{"Railway": true, "Railways": true, "Airlines": true, "Airways": true, "Airport": true,
	"Bank": true, "Corporation": true, "Corp": true, "Company": true, "Group": true, "University": true,
	"College": true, "Council": true, "Ministry": true, "Party": true, "Police": true, "Wire": true, "News": true,
	"Times": true, "Post": true, "United": true, "FC": true, "Club": true, "Association": true, "Authority": true,
	"Agency": true, "Commission": true, "Committee": true, "Institute": true, "Foundation": true, "Hospital": true,
	"Exchange": true, "Holdings": true, "Energy": true, "Motors": true, "Telecom": true, "Media": true,
	"Plc": true, "PLC": true, "Research": true, "Daily": true, "Inc": true, "Ltd": true, "Securities": true,
	"Partners": true, "Capital": true, "Investments": true, "Industries": true, "Studios": true, "Records": true,
	"Enterprises": true, "Brothers": true, "Insurance": true, "Trust": true, "Financial": true}

// eventHeads end the names of events held somewhere ("Dubai Air Show", "Cannes Film Festival").
var eventHeads = map[string]bool{"Show": true, "Festival": true, "Expo": true, "Exposition": true, "Fair": true,
	"Games": true, "Olympics": true, "Summit": true, "Forum": true, "Conference": true, "Marathon": true,
	"Cup": true, "Championship": true, "Championships": true, "Awards": true, "Week": true, "Biennale": true,
	"Carnival": true, "Rally": true, "Tournament": true, "International": true, "Open": true, "Classic": true,
	"Premiership": true, "League": true, "Globes": true, "Prix": true, "Trophy": true, "Series": true}

func lastWord(name string) string {
	words := strings.Fields(name)
	if len(words) == 0 {
		return ""
	}
	return strings.Trim(words[len(words)-1], ".,")
}

// featureNouns after a name make it a natural feature's: "the Ngong river", "the Mathare and Ngong
// rivers", "the Aletsch glacier".
var featureNouns = map[string]bool{"river": true, "rivers": true, "lake": true, "lakes": true, "mountains": true,
	"valley": true, "glacier": true, "glaciers": true, "desert": true, "basin": true, "delta": true, "river's": true,
	"estuary": true, "creek": true, "canal": true, "bay": true, "gulf": true, "strait": true, "plateau": true}

// featureMentions reports whether every mention is followed by a feature noun, directly or after
// "and <Name>" ("the Mathare and Ngong rivers").
func featureMentions(text []rune, ms []article.Mention) bool {
	if len(ms) == 0 {
		return false
	}
	for _, m := range ms {
		w := wordAfter(text, m.End)
		if featureNouns[w] {
			continue
		}
		if w != "and" {
			return false
		}
		j := m.End + len(" and ")
		next := wordAfter(text, j-1)
		if next == "" || !unicode.IsUpper([]rune(next)[0]) || !featureNouns[wordAfter(text, j+len([]rune(next)))] {
			return false
		}
	}
	return true
}

// pluralPlaceWords end names written for two places at once ("Brazoria and Fort Bend Counties"):
// the place's own name is the one without it.
var pluralPlaceWords = map[string]bool{"Counties": true, "counties": true, "Districts": true, "districts": true,
	"Provinces": true, "provinces": true, "Islands": false}

func singularName(name string) string {
	if w := lastWord(name); pluralPlaceWords[w] {
		return strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(name), w))
	}
	return name
}

// appositionLinks join a described place to its container in an apposition: "El Alto, the sprawling
// city above La Paz".
var appositionLinks = map[string]bool{"in": true, "of": true, "near": true, "outside": true, "above": true,
	"below": true, "beside": true, "north": true, "south": true, "east": true, "west": true}

// appositionContainer reads ", the <up to four words> <place noun> <link> <place>" after rune offset i.
func appositionContainer(text []rune, i int, startAt map[int]int32) int32 {
	if i+6 >= len(text) || string(text[i:i+6]) != ", the " && string(text[i:i+4]) != ", a " {
		return -1
	}
	j := i + 2
	for n := 0; n < 6 && j < len(text); n++ {
		w := wordAfter(text, j-1)
		if w == "" {
			return -1
		}
		next := j + len([]rune(w))
		if (containerWords[w] || ofPlaceNouns[w]) && n > 0 {
			link := wordAfter(text, next)
			k := next + 1 + len([]rune(link)) + 1
			if (link == "north" || link == "south" || link == "east" || link == "west") && wordAfter(text, k-1) == "of" {
				k += len("of") + 1
			}
			if appositionLinks[link] {
				if rec, ok := startAt[k]; ok {
					return rec
				}
			}
			return -1
		}
		if next >= len(text) || text[next] != ' ' {
			return -1
		}
		j = next + 1
	}
	return -1
}

// abbreviatedRegionAfter reports ", <dotted state abbreviation>" right after rune offset end ("Neal,
// W. Va."): what a town is written with, not a person.
func (d *data) abbreviatedRegionAfter(text []rune, end int) bool {
	ps, abbr, _ := d.qualifierAfter(text, end)
	return abbr && len(ps) == 1
}

// districtNouns, after a capitalised name, make it the name of a part of a city: "the city's
// Nishinari ward", "the Part-Dieu business district".
var districtNouns = map[string]bool{"district": true, "ward": true, "neighbourhood": true, "neighborhood": true,
	"suburb": true, "township": true, "borough": true}

// districtInitials are the first letters of districtNouns.
const districtInitials = "dwnstb"

// districtModifiers may stand between the name and the noun ("business district").
var districtModifiers = map[string]bool{"business": true, "financial": true, "industrial": true, "old": true,
	"historic": true, "commercial": true, "residential": true, "shopping": true, "entertainment": true}

// districtNames finds names the tagger missed that the text calls districts, wards or
// neighbourhoods, after a possessive or with the district's kind: "the city’s Nishinari ward", "the
// Part-Dieu business district". Names inside an entity's mention are left to that entity.
func (d *data) districtNames(s string, runes func() []rune, ents []article.Entity) []unknownPlace {
	found := false
	for n := range districtNouns {
		if strings.Contains(s, " "+n) {
			found = true
			break
		}
	}
	if !found {
		return nil
	}
	text := runes()
	var out []unknownPlace
	for i := 1; i < len(text); i++ {
		// The first letter rules out most words before a word is made (an allocation per word).
		if text[i-1] != ' ' || !strings.ContainsRune(districtInitials, text[i]) || !districtNouns[strings.TrimRight(wordAfter(text, i-1), ".")] {
			continue
		}
		end := i - 1 // the name (or its modifier) ends here
		modified := false
		if mod := wordBefore(text, i); districtModifiers[mod] {
			end -= len([]rune(mod)) + 1
			modified = true
		}
		start := end // the name may be hyphenated ("Part-Dieu")
		for start > 0 && (unicode.IsLetter(text[start-1]) || text[start-1] == '-') {
			start--
		}
		name := string(text[start:end])
		if start < 2 || name == "" || !unicode.IsUpper([]rune(name)[0]) {
			continue
		}
		k := Key(name)
		if d.common[k] || d.lowercase[k] || compassWords[name] || orgHeads[name] {
			continue
		}
		before := wordBefore(text, start)
		possessive := start >= 3 && (text[start-3] == '\'' || text[start-3] == '’') && text[start-2] == 's'
		// "the X district" alone is left to the tagger (it may be a school or a police district);
		// a possessive or a kind of district ("business") says it is a part of a city.
		if !possessive && !(modified && (before == "the" || before == "The")) {
			continue
		}
		m := article.Mention{Text: name, Start: start, End: end}
		if mentionInEntities(ents, m) {
			continue
		}
		out = append(out, unknownPlace{name: name, mentions: []article.Mention{m}, district: true})
	}
	return out
}

// mentionInEntities reports whether any entity mention overlaps m.
func mentionInEntities(ents []article.Entity, m article.Mention) bool {
	for _, e := range ents {
		for _, x := range e.Mentions {
			if x.Start < m.End && m.Start < x.End {
				return true
			}
		}
	}
	return false
}

// readCounties reads "Town, County" where the county is a second-level region the gazetteer lacks
// and it took the county's name for a small town abroad ("Born in Runcorn, Cheshire" is no
// Cheshire, Connecticut): when the town has no reading in the country of that namesake, the town
// is its own best reading and the county a place of the town's country and region.
func (d *data) readCounties(text []rune, items []*item) []unknownPlace {
	byStart := map[int]int{}
	for i, it := range items {
		for _, m := range it.mentions {
			byStart[m.Start] = i
		}
	}
	var out []unknownPlace
	for _, a := range items {
		if len(a.cands) == 0 || a.feat != nil {
			continue
		}
		for _, m := range a.mentions {
			if m.End+2 >= len(text) || text[m.End] != ',' || text[m.End+1] != ' ' {
				continue
			}
			j, ok := byStart[m.End+2]
			if !ok || items[j] == a {
				continue
			}
			b := items[j]
			bp := b.pick
			if bp < 0 && b.dropped && len(b.cands) > 0 {
				bp = b.cands[bestStatic(b)].rec
			}
			if bp < 0 || d.recs[bp].feature != featCity || d.recs[bp].pop >= unsupportedMaxPopulation || b.dateline || slices.Contains(b.quals, true) {
				continue
			}
			if slices.ContainsFunc(a.cands, func(p posting) bool { return d.countryOf(p.rec) == d.countryOf(bp) }) {
				continue
			}
			a.pick, a.dropped = a.cands[bestStatic(a)].rec, false
			b.pick, b.dropped = -1, false
			out = append(out, unknownPlace{name: b.name, mentions: b.mentions, inside: a.pick, hasInside: true})
			break
		}
	}
	return out
}

// bestStatic is the index of the candidate with the best static score (prior, qualifier, source).
func bestStatic(it *item) int {
	best := 0
	for k := range it.cands {
		if it.static[k] > it.static[best] {
			best = k
		}
	}
	return best
}

// widenSpans adds to the PLACE mentions those of ORG and PERSON names the gazetteer lacks that are
// plainly places' (mistypedUnknown), so that a list of them reads as a list of places ("in
// Nottingham North and Sheffield Brightside").
func (d *data) widenSpans(ents []article.Entity, text []rune, spans placeSpans) placeSpans {
	var add []article.Mention
	for _, e := range ents {
		if (e.Type == article.TypeOrg || e.Type == article.TypePerson) && len(d.lookup(e.Name)) == 0 && d.mistypedUnknown(e, text, spans) {
			add = append(add, e.Mentions...)
		}
	}
	for _, m := range add {
		spans.starts[m.Start], spans.ends[m.End] = true, true
	}
	return spans
}

// orgLeads start the names of sports clubs named after their city ("AC Milan", "Real Madrid").
var orgLeads = map[string]bool{"AC": true, "FC": true, "SC": true, "AS": true, "CF": true, "SV": true, "Real": true,
	"Inter": true, "Atletico": true, "Atlético": true, "Sporting": true, "Dynamo": true, "Dinamo": true, "Olympique": true}

// countryNamed reports whether a place of country c (c itself included) is among the picks.
func (d *data) countryNamed(items []*item, c int32) bool {
	for _, it := range items {
		if it.pick >= 0 && d.countryOf(it.pick) == c {
			return true
		}
	}
	return false
}
