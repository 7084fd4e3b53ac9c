package geo

import (
	"context"
	"net/url"
	"slices"
	"strings"
	"unicode"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/extract/wordclass"
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
	wQualifier        = 8.0  // "X, <my admin1 or country>" in the text: beats any prior, a world capital's included
	wInMyAdmin1       = 4.5  // the article names my admin1 (divided among the regions of my country it names)
	wInMyCountry      = 1.5  // the article names my country
	wContains         = 3.0  // I am an admin1 holding another place of the article ("Georgia" + "Atlanta")
	wContainsCtry     = 1.5  // I am a country holding another place of the article
	wSiblingAdmin1    = 1.0  // another place of the article shares my admin1, each
	wSiblingCountry   = 0.25 // another place of the article shares my country, each: up to capSiblingCountry, so that a town of the country does not outweigh a namesake capital abroad
	wSiblingRegion    = 1.5  // I am an admin1 and the article names another admin1 of my country, each ("Iowa", "Kansas", "Georgia")
	wSource           = 1.0  // the publisher's country is mine
	wDemonym          = 0.5  // a demonym of my country is among the entities
	wDateline         = 1.0  // the story's dateline place is in my country
	wContainer        = 3.0  // "<a place of mine> in <me>" is written ("Cartagena in Murcia")
	capContains       = 4.5
	capSibling        = 2.0
	capSiblingCountry = 1.0
	capSiblingRegion  = 3.0
	wPeer             = 2.0 // I am a region or country and the name coordinated with mine is one too ("England and Wales")
	maxCandidates     = 64
	minRoundupTeams   = 4   // names written as teams' that make an article a results round-up
	wTeamCountry      = 0.5 // a team's reading shares its country with another place of the story, each
	capTeamCountry    = 2.0
	// maxPasses: a prior-only pick, a round using the anchors' picks as evidence, then rounds using
	// all picks until none changes.
	maxPasses = 5
)

// Sizes below which a town needs support from the article (see dropUnsupported).
const (
	// unsupportedMaxPopulation: a town smaller than this, whose name other countries' towns share, is
	// dropped when nothing in the article points to its country ("El Alto" in a Bolivia story is not
	// the Peruvian town when the gazetteer lacks the Bolivian city).
	unsupportedMaxPopulation = 100_000
	// tinyPopulation: GeoNames gives no or a tiny population for minor seats; such a town needs the
	// article to name a place of its own first-level region.
	tinyPopulation = 1_000
	// A town under this size whose every mention is a possessor ("Harrah's casino", "at Bally's") is
	// read only where the article names its region.
	ownerTownPopulation = 10_000
	// lonePopulation: a town this small, even with a name of its own, is dropped when the article names
	// other places and nothing of its country (a surname the tagger took for a place is often one).
	lonePopulation = 50_000
	// weakLocalPopulation: a town this small named like a common word ("Outlook") needs the article
	// to name its own first-level region, not only its country.
	weakLocalPopulation = 10_000
)

// item is one distinct name of the article to resolve, with every mention of it.
type item struct {
	name      string
	mentions  []article.Mention
	cands     []posting
	static    []float64 // prior + qualifier + source + demonym evidence, per candidate
	quals     []bool    // an explicit qualifier names the candidate's admin1 or country
	weak      bool      // the name is a common word ("Man", "Nov"): resolved only with support
	subRegion bool      // the name is "<X> County" or the like: a town X needs its region named
	// ownerOnly: every mention is a possessor ("Harrah's", "at Bally's"): a firm or a brand named after a
	// person more often than a small town, which then needs its region named.
	ownerOnly bool
	// landmark: the name ends in a facility's word ("Central Park", "Madison Square Garden"): a
	// landmark more often than the small town of that name, which then needs its region named.
	landmark bool
	surname  bool     // the name is the last word of a person's name in the article ("Obama", "Romney")
	feat     *feature // the name is a place that is no settlement ("Sahel", "Earth")
	dateline bool     // a mention is the story's dateline place
	// bareDateline: the dateline names no region ("VANCOUVER, March 17 -"): wire copy writes one for
	// any but the best-known city of the name ("VANCOUVER, Wash."), so a town of half the size of a
	// namesake city does not get the dateline by the story naming its country ("U.S. dlrs").
	bareDateline  bool
	strict        bool // a state abbreviation or a dateline region says where the place is: nothing outside it
	ambiguous     bool // the candidates lie in more than one country
	rivalsCountry bool // a country or only small towns rival the first-level regions among the candidates ("Georgia", "Nevada")
	regions       []qualRegion
	bigCity       uint32  // the population of the largest candidate city, when it is big enough to dwarf towns
	bigCityCC     [2]byte // the country of that city
	bigSeat       uint32  // the population of the largest candidate seat of a region or country, of at least lonePopulation
	pick          int32   // record index, -1 none
	dropped       bool    // the pick was a small town nothing in the article supports (see dropUnsupported)
	mistyped      bool    // an ORG or PERSON name read as a place because the text uses it as one (mistypedPlace)
	regionAbroad  bool    // the pick was a small region of a country the article has no part in: a local place the gazetteer lacks
	// noEvidence: the name is a sports team ("Minnesota beat Buffalo") or a politician's state
	// ("Sen. Bernie Sanders (Vt.)"): it is read on its own, and its reading says nothing about where
	// the story's other places are.
	noEvidence bool
	// nameQuals and qualMentions: a name written with its qualifier ("Washington, DC"): the qualifier's
	// candidates and the qualifier's part of each mention, which becomes a mention of the region.
	nameQuals    []posting
	qualMentions []article.Mention
	givenName    bool // a one-word name that is a given name, outside a match report (see givenNameTown)
	locative     bool // a mention follows a locative word, and WordNet knows the word as a place's name ("in Nice"), not only as a common word ("in Man")
	// speaksOnly: a mention speaks ("Ifo said") and none stands where a place does: a firm's or a
	// body's name, which a town abroad that nothing in the article supports is not.
	speaksOnly bool
}

// A town a small fraction of a namesake city's size is read only where the article names its own
// first-level region; that the article names its country ("U.S.", "Britain") does not make "Perth",
// "Melbourne" or "CALAIS" a village rather than the Australian or French city.
const (
	dwarfingPopulation = 50_000
	dwarfRatio         = 20
	// A town a tiny fraction of a namesake world city's size is read only where the text qualifies it
	// ("Athens, N.Y."): a story naming New York or Alaska somewhere does not make "Athens" or "HOUSTON"
	// a village there, as it may make "Paris" the Texan town a twentieth of the French city's size.
	worldCityPopulation = 500_000
	farDwarfRatio       = 200
	// A town a twentieth of the size of a big city of its own country is read only where the text
	// qualifies it: an American story naming Texas or Georgia among other states does not make
	// "Cleveland" a Texan or Georgian town, while it may make "Paris" the Texan one (the reader of a
	// Texas story may well mean the town there before a city abroad).
	domesticBigCity     = 300_000
	halvedDatelineRatio = 2 // see halvedDateline
	// A city at least this big keeps its name alone in quotes ("what 'Brussels' stands for"); a
	// smaller town's name so written is a work's title ("the musical 'Hamilton'").
	titleCityPopulation = 1_000_000
	likeSizeRatio       = 5 // towns within this ratio of a seat's size are of like size (see outrankedBy)
)

// dwarfedBy reports whether r is a town dwarfed by the item's biggest city. A town of unknown size
// (GeoNames gives many district seats none) is not.
func (it *item) dwarfedBy(r *record) bool {
	return r.feature == featCity && r.pop > 0 && it.bigCity > 0 && uint64(r.pop)*dwarfRatio < uint64(it.bigCity)
}

// outrankedBy reports whether r is a town that a seat of like but bigger size among the item's
// readings outranks ("Venice", Veneto's seat, before the American Venices): that the article names
// r's country does not make the name r, as it does not make "PERTH" a village, though naming r's
// region may. A town much smaller than the seat keeps that support: a story that names its country
// is the kind that names such a town ("Pamplona" in a Philippine mining story).
func (it *item) outrankedBy(r *record) bool {
	return it.dwarfedBy(r) || r.feature == featCity && r.seat == 0 && r.pop < it.bigSeat && uint64(r.pop)*likeSizeRatio >= uint64(it.bigSeat)
}

// halvedDateline reports whether r is a town the item's bare dateline names though a namesake city at
// least twice its size exists: only its own region named in the story makes the dateline r.
func (it *item) halvedDateline(r *record) bool {
	return it.bareDateline && r.feature == featCity && r.pop > 0 && uint64(r.pop)*halvedDatelineRatio < uint64(it.bigCity)
}

// farDwarfedBy reports whether r is a town so much smaller than the item's biggest city, a world
// city or a big city of r's own country, that only a qualifier makes the name mean it.
func (it *item) farDwarfedBy(r *record) bool {
	if r.feature != featCity || r.pop == 0 {
		return false
	}
	if it.bigCity >= domesticBigCity && r.cc == it.bigCityCC && uint64(r.pop)*dwarfRatio < uint64(it.bigCity) {
		return true
	}
	return it.bigCity >= worldCityPopulation && uint64(r.pop)*farDwarfRatio < uint64(it.bigCity)
}

// addDatelineRegion makes the region of the dateline ("TEXAS" in "SAN ANTONIO, TEXAS, March 30 -") a
// mention of the region that holds the dateline's place, as a written qualifier is.
func (it *item) addDatelineRegion(dl article.PlaceDateline, dlQual []posting) {
	if dl.Region == "" || len(dlQual) == 0 {
		return
	}
	it.nameQuals = append(it.nameQuals, dlQual...)
	it.qualMentions = append(it.qualMentions, article.Mention{Text: dl.Region, Start: dl.RegionSpan.Start, End: dl.RegionSpan.End})
}

// dropMentionsWithin removes the item's mentions that lie inside m and reports whether none is left.
func (it *item) dropMentionsWithin(m article.Mention) bool {
	if !slices.ContainsFunc(it.mentions, func(x article.Mention) bool { return m.Start <= x.Start && x.End <= m.End }) {
		return false
	}
	it.mentions = slices.DeleteFunc(slices.Clone(it.mentions), func(x article.Mention) bool { return m.Start <= x.Start && x.End <= m.End })
	return len(it.mentions) == 0
}

// anchor reports whether the item's reading is settled before any context: one candidate, or one
// that an explicit qualifier or the dateline names.
func (it *item) anchor() bool {
	return len(it.cands) == 1 || it.dateline || slices.Contains(it.quals, true)
}

// qualRegion is an abbreviated state or province written after a mention ("Arnold, Calif."): the
// region becomes a place of the article with that mention.
type qualRegion struct {
	rec     int32
	mention article.Mention
}

// Extract fills a.Places from a.Entities, replacing what was there. An article in another language
// (a.Language neither "en" nor empty, or empty with a text mostly in Han, Kana or Hangul) is read
// with the alternate names, and the places found in its text (textPlaces) join its entities.
//
// It reads the article as a whole, in the manner of Mordecai and CLIFF: every name's candidates are
// ranked by prior (feature class, population, capital) and by the other places the article names
// (same country or first-level region, containment), its dateline, an explicit qualifier ("Town,
// State"), the publisher's country and demonyms. Names of non-settlements (continents, seas, rivers,
// celestial bodies: data/features.tsv) never become a town; words in capitals that are acronyms
// ("ALMA") are not towns outside a dateline; a country's name is the country unless qualified; and
// small towns that nothing in the article supports are left unresolved rather than guessed.
func (r *Resolver) Extract(ctx context.Context, a *article.Article) error {
	d, ents, found, err := r.reading(a)
	if err != nil {
		return err
	}
	var runes []rune // a.Text as code points, made when a mention's surroundings are first read
	text := func() []rune {
		if runes == nil {
			runes = []rune(a.Text)
		}
		return runes
	}
	srcCountry := d.sourceCountry(a)
	english := !foreignLanguage(a)
	demonymCountries := map[[2]byte]bool{}
	for _, e := range ents {
		if cc, ok := d.demonyms[Key(e.Name)]; ok && len(cc) == 2 && slices.ContainsFunc(e.Mentions, func(m article.Mention) bool { return beforeCommonNoun(text(), m) }) {
			demonymCountries[[2]byte{cc[0], cc[1]}] = true
		}
	}
	dl, hasDateline := article.FindPlaceDateline(a.Text)
	if !hasDateline && english {
		dl, hasDateline = article.FindTitleCaseDateline(a.Text)
	}
	var dlQual []posting
	if hasDateline && dl.Region != "" {
		dlQual = d.datelineQualifier(dl.Region)
	}

	surnames := map[string]bool{}
	for _, e := range ents {
		if e.Type != article.TypePerson {
			continue
		}
		if words := strings.Fields(e.Name); len(words) > 1 {
			last := strings.TrimSuffix(strings.TrimSuffix(words[len(words)-1], "'s"), "’s")
			surnames[Key(last)] = true
		}
	}

	ents = splitPartyMentions(text(), ents)
	spans := d.widenSpans(ents, text(), placeSpansOf(ents))
	if english {
		ents = d.splitStateMentions(text(), ents, spans) // the same mentions, parted: spans stay right
	}
	names, firms := nameSpansOf(ents), firmOrPersonNames(ents)
	dlSpan := article.Span{Start: -1, End: -1}
	if hasDateline {
		dlSpan = dl.PlaceSpan
		if dl.Region != "" {
			dlSpan.End = dl.RegionSpan.End
		}
	}
	var placeStarts map[int]string
	placeAt := func() map[int]string { // the PLACE entities' names by their mentions' starts, made when first needed
		if placeStarts == nil {
			placeStarts = map[int]string{}
			for _, e := range ents {
				if e.Type == article.TypePlace {
					for _, m := range e.Mentions {
						placeStarts[m.Start] = e.Name
					}
				}
			}
		}
		return placeStarts
	}
	sports := english && sportsStory(a.Text)
	var items []*item
	var unknowns []unknownPlace
	teams := 0 // names written as sports teams' ("Minnesota beat Buffalo")
	datelineItem := -1
	rosters := rosterParagraphs(text())
	for _, e := range ents {
		if e.Type == article.TypePlace {
			e = withoutTrailingNumber(e) // "in Denmark 7,250 and in France 4,000 tonnes"
		}
		if inSpans(e.Mentions, rosters) && !(bracketed(text(), e.Mentions) && slices.ContainsFunc(d.lookup(e.Name), d.isRegion)) {
			continue // "Bishop; Mapletoft, Edwards; …", "B Lima (Samoa)": a team sheet's surnames are no towns
		}
		if slices.ContainsFunc(e.Mentions, func(m article.Mention) bool { return handleMention(text(), m) }) {
			// "Twitter: @Milbank", "#Iowa": a handle or a hashtag names an account or a topic, not a place.
			if e.Mentions = slices.DeleteFunc(slices.Clone(e.Mentions), func(m article.Mention) bool { return handleMention(text(), m) }); len(e.Mentions) == 0 {
				continue
			}
		}
		if hasDateline {
			// "YORK" cut from "NEW YORK, April 1 -": the dateline is read whole below.
			e.Mentions = slices.DeleteFunc(slices.Clone(e.Mentions), func(m article.Mention) bool {
				return dl.PlaceSpan.Start <= m.Start && m.End <= dl.PlaceSpan.End && m.End-m.Start < dl.PlaceSpan.End-dl.PlaceSpan.Start
			})
			if len(e.Mentions) == 0 {
				continue
			}
		}
		if english && e.Type == article.TypePlace {
			if e.Mentions = d.ownNameMentions(text(), e, spans); len(e.Mentions) == 0 {
				continue
			}
			if d.namesPresidency(e, text()) {
				continue // "the Bush White House" is no town in Egypt
			}
			if d.agedPerson(e, text()) {
				continue // "Scott, 22, smashed his best": what has an age is a person, in a match report too
			}
			if !sports && (d.notAPlace(e, text(), names, firms, spans, dlSpan) || d.namesBody(e, text())) {
				// "actor Sylvester", "Paramount, Universal and Warner Brothers"; a match report's clubs
				// listed with clubs typed ORG are their home towns all the same (see roles.go).
				continue
			}
		}
		if e.Type == article.TypePlace && featureMentions(text(), e.Mentions) {
			continue // "the Mathare and Ngong rivers": a river's name, whatever towns share it
		}
		ps, qual, feat := d.readings(e, text, spans)
		if e.Type == article.TypePlace && len(ps) > 0 {
			if within, ok := d.partOfNamed(text(), e.Mentions, placeAt()); ok {
				// "the Northern District of Illinois" is no district of Israel: a part lies in the place
				// it is named after, or it is a part the gazetteer lacks.
				ps = slices.DeleteFunc(slices.Clone(ps), func(p posting) bool { return !within[d.countryOf(p.rec)] })
			}
		}
		if len(ps) == 0 && feat == nil && len(dlQual) > 0 && len(d.abbrevs[Key(e.Name)]) > 0 && inSpans(e.Mentions, []article.Span{dl.RegionSpan}) {
			ps = dlQual // "Calif" of "MOUNTAIN VIEW, Calif, June 29 -": the dateline's state, its period lost
		}
		if len(ps) == 0 && feat == nil && e.Type == article.TypePlace && len(e.Mentions) > 0 && !slices.ContainsFunc(e.Mentions, func(m article.Mention) bool {
			return len(d.dotlessAbbreviation(text(), m.Start, m.End)) == 0
		}) {
			ps = d.dotlessAbbreviation(text(), e.Mentions[0].Start, e.Mentions[0].End) // "Richland, Wash, the DOE said"
		}
		if len(ps) == 0 && feat == nil {
			if d.unknownEligible(e, surnames, text(), spans) {
				unknowns = append(unknowns, unknownPlace{name: e.Name, mentions: e.Mentions})
			}
			continue
		}
		k := Key(e.Name)
		it := &item{name: e.Name, mistyped: (e.Type == article.TypeOrg || e.Type == article.TypePerson) && len(ps) > 0 && d.metonymPlace(e.Name) == nil && d.placeLikeOrg(e.Name) == nil, mentions: e.Mentions, weak: d.weakName(k, e, found) || english && d.wordBeforeTown(e.Name, ps), feat: feat, pick: -1,
			subRegion: e.Type == article.TypePlace && subRegionName(e.Name), ownerOnly: e.Type == article.TypePlace && possessorMentions(text(), e.Mentions),
			landmark: e.Type == article.TypePlace && landmarkName(e.Name), givenName: !sports && givenNameTown(e.Name),
			surname: e.Type == article.TypePlace && surnames[k]}
		it.locative = it.weak && afterLocative(text(), e.Mentions) && wordclass.OfName(k).Any(wordclass.Location)
		it.speaksOnly = e.Type == article.TypePlace && d.metonymPlace(e.Name) == nil && speaks(text(), e.Mentions) && !slices.ContainsFunc(e.Mentions, func(m article.Mention) bool {
			return placedByCue(text(), m.Start) || standsAsPlace(text(), m, spans)
		})
		if len(qual) > 0 && e.Type == article.TypePlace {
			it.nameQuals = qual
			_, it.qualMentions = splitQualified(e.Mentions)
		}
		party := e.Type == article.TypePlace && partyStateMentions(text(), e.Mentions)
		it.noEvidence = e.Type == article.TypePlace && (teamMentions(text(), e.Mentions, true) || affiliationMentions(text(), e.Mentions)) || party
		if party || e.Type == article.TypePlace && officeMentions(text(), e.Mentions) {
			ps = d.regionsOnly(ps) // "a Washington Democrat", "the Washington governor" sit for the state, not for the capital
		} else if english && e.Type == article.TypePlace {
			if cs := d.cityAndRegionOf(ps); len(cs) > 0 && d.stateMentions(text(), e.Mentions, cs, spans) {
				ps = d.regionsOnly(ps) // "Washington state", "caucuses in Alaska, Hawaii and Washington"
			}
		}
		if quarterNames[k] && !slices.ContainsFunc(e.Mentions, func(m article.Mention) bool { return !strings.EqualFold(wordBefore(text(), m.Start), "the") }) {
			// "the West has to shut its borders", "the South": a part of the world or of a country, never
			// the town (West, Texas) or the region (Cameroon's West) of that name, written without the article.
			continue
		}
		if titleMentions(text(), e.Mentions) {
			// "the musical 'Hamilton'", "“Fargo” won": a town's name alone in quotes is a work's title;
			// a country, a region or a world city so quoted is still the place ("what 'Brussels' stands for").
			ps = slices.DeleteFunc(slices.Clone(ps), func(p posting) bool {
				r := &d.recs[p.rec]
				return r.feature == featCity && r.pop < titleCityPopulation
			})
			if len(ps) == 0 {
				continue
			}
		}
		if e.Type == article.TypePlace && teamMentions(text(), e.Mentions, false) {
			teams++
		}
		for _, m := range e.Mentions {
			if hasDateline && m.Start < dl.PlaceSpan.End && dl.PlaceSpan.Start < m.End {
				it.dateline = true
				it.bareDateline = dl.Region == ""
				it.strict = it.strict || d.namesRegion(dlQual)
				qual = append(qual, dlQual...)
			}
			q, abbr, span := d.qualifierAfter(text(), m.End)
			if d.regionList(ps, q) {
				q, abbr, span = nil, false, article.Span{} // "Iowa, N.H. targeted", "takes Pa., Md. and Del."
			}
			qual = append(qual, q...)
			switch qm := (article.Mention{Text: string(text()[span.Start:span.End]), Start: span.Start, End: span.End}); {
			case abbr && len(q) == 1:
				it.strict = true
				it.regions = append(it.regions, qualRegion{q[0].rec, qm})
			case span.End > span.Start:
				// A postal code ("Sioux Falls, SD"): a mention of the state when the town read is in it.
				it.nameQuals = append(it.nameQuals, q...)
				it.qualMentions = append(it.qualMentions, qm)
			}
		}
		if it.dateline {
			datelineItem = len(items)
			it.addDatelineRegion(dl, dlQual)
		}
		if e.Type == article.TypePlace && !it.dateline && isAcronym(e.Mentions) && !d.isAbbreviation(e.Name) {
			ps = slices.DeleteFunc(slices.Clone(ps), func(p posting) bool { return !p.alias && d.recs[p.rec].feature != featCountry })
			if len(ps) == 0 && feat == nil {
				continue // "ALMA" (a telescope) is not Alma, Michigan
			}
		}
		// A country is no part of another: "Turkey's Syria policy" is Syria all the same.
		if c, ok := d.possessorCountry(text(), e.Mentions); ok && e.Type == article.TypePlace && !it.dateline &&
			!slices.ContainsFunc(ps, func(p posting) bool { return d.recs[p.rec].feature == featCountry }) {
			if ps = slices.DeleteFunc(slices.Clone(ps), func(p posting) bool { return d.countryOf(p.rec) != c }); len(ps) == 0 && feat == nil {
				continue // "France's Cesar awards" are no department of Colombia
			}
		}
		d.fillCandidates(it, ps, qual, srcCountry, demonymCountries)
		items = append(items, it)
	}
	// A results round-up ("Minnesota beat Buffalo … Columbus beat Montreal … to lead Boston"): its
	// places are teams, each named after its home city, so they say which country the story is in,
	// not which state: no first-level region or neighbour pulls a city to a small namesake.
	roundup := teams >= minRoundupTeams
	d.readContainment(text, items)
	// A politician's state the tagger did not see ("Rep. Paul Ryan (R-Wis.)") is a place the article
	// names, though no evidence for its others.
	for _, m := range affiliationsIn(a.Text, text) {
		ps := d.partyLabelState(m.Text)
		if len(ps) != 1 {
			continue
		}
		// The tagger's mention inside the label ("Mont" of "(D-Mont.)") is the label's: it names the
		// state, not Mont in France.
		n := len(items)
		if items = slices.DeleteFunc(items, func(it *item) bool { return it.dropMentionsWithin(m) }); len(items) < n {
			datelineItem = slices.IndexFunc(items, func(it *item) bool { return it.dateline })
		}
		if covered(items, m) {
			continue
		}
		it := &item{name: m.Text, mentions: []article.Mention{m}, noEvidence: true, pick: -1}
		d.fillCandidates(it, ps, nil, srcCountry, demonymCountries)
		items = append(items, it)
	}
	// A dateline the tagger did not see ("SAN PEDRO DE ATACAMA, Chile —") is a place all the same.
	if hasDateline && datelineItem < 0 {
		ps, qual := d.placeName(dl.Place)
		if len(ps) > 0 {
			it := &item{mentions: []article.Mention{{Text: dl.Place, Start: dl.PlaceSpan.Start, End: dl.PlaceSpan.End}},
				dateline: true, bareDateline: dl.Region == "", strict: d.namesRegion(dlQual), pick: -1}
			d.fillCandidates(it, ps, append(qual, dlQual...), srcCountry, demonymCountries)
			it.addDatelineRegion(dl, dlQual)
			datelineItem = len(items)
			items = append(items, it)
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	d.weighUnbornCountries(a, items)

	// Items that share a candidate read the same name ("São Paulo", "Sao Paulo"): one's pick is no
	// evidence for the other's reading, or the city and its namesake region would prop each other up.
	rivals := map[int32][]int{}
	for i, it := range items {
		for _, p := range it.cands {
			rivals[p.rec] = append(rivals[p.rec], i)
		}
	}
	peers := coordinated(text, items)
	d.settle(items, peers, rivals, datelineItem, roundup)
	if d.unpickUnsupportedParts(text(), items, srcCountry) {
		d.settle(items, peers, rivals, datelineItem, roundup)
	}
	d.dropUnsupported(items, rivals, srcCountry, demonymCountries, datelineItem, english)
	unknowns = append(unknowns, d.readCounties(text(), items)...)
	items = append(items, d.postalCodesOfNamedStates(text(), items)...)
	unknowns = append(unknowns, d.compassParts(text(), items)...)
	a.Places = r.places(items)
	for _, it := range items {
		if (it.dropped || it.regionAbroad || it.mistyped && it.pick < 0 || len(it.cands) == 0 && it.feat == nil && it.name != "") && !speaks(text(), it.mentions) {
			unknowns = append(unknowns, unknownPlace{name: it.name, mentions: it.mentions, located: it.dropped, cands: it.cands})
		}
	}
	unknowns = append(unknowns, d.districtNames(a.Text, text, ents)...)
	if sports {
		// "West Ham", "Notts County", "Murrayfield" in a match report are clubs and grounds: where the
		// sides it names lie does not place them.
		for i := range unknowns {
			unknowns[i].side = sideMentions(text(), unknowns[i].mentions)
		}
	}
	a.Places = append(a.Places, r.inferPlaces(text(), items, unknowns, datelineItem, spans)...)
	return nil
}

// settle picks each item's reading: by prior alone, then with the anchors' picks as evidence, then
// with every pick, until no pick changes.
func (d *data) settle(items []*item, peers [][]int, rivals map[int32][]int, datelineItem int, roundup bool) {
	for pass := 0; pass < maxPasses; pass++ {
		changed := false
		// The first round of evidence comes from the anchors alone, the names with one candidate or a
		// qualifier; later rounds from every pick, so that ambiguous names settle against the anchors.
		picks := make([]int32, len(items))
		for i, it := range items {
			picks[i] = it.pick
			if pass == 1 && !it.anchor() || it.noEvidence && !roundup {
				picks[i] = -1
			}
			if _, isPart := d.partNamed(it.name, it.pick); isPart {
				picks[i] = -1 // "Norfolk" read as England must not pull "Boston" to Lincolnshire
			}
		}
		dlPick := int32(-1)
		if datelineItem >= 0 {
			dlPick = picks[datelineItem]
		}
		for i, it := range items {
			best, bestScore := int32(-1), 0.0
			for j, p := range it.cands {
				s := it.static[j]
				if pass > 0 && (roundup || it.noEvidence) {
					s += d.countryEvidence(p.rec, picks, i, rivals[p.rec])
				} else if pass > 0 {
					local, national := d.evidenceParts(p.rec, picks, i, rivals[p.rec])
					dwarfed := it.outrankedBy(&d.recs[p.rec]) || it.halvedDateline(&d.recs[p.rec])
					if dwarfed {
						national = 0 // "PERTH" in a story naming the U.S. is still Perth, Australia
					}
					s += local + national
					if it.rivalsCountry {
						s += d.regionSiblings(p.rec, picks, i)
					}
					s += d.peerEvidence(p.rec, picks, peers[i], it.cands)
					if !dwarfed && dlPick >= 0 && i != datelineItem && d.countryOf(dlPick) == d.countryOf(p.rec) {
						s += wDateline
					}
				}
				if best < 0 || s > bestScore {
					best, bestScore = p.rec, s
				}
			}
			if it.pick != best {
				changed = true
			}
			it.pick = best
		}
		if pass >= 2 && !changed {
			break
		}
	}
}

// reading returns what Extract reads a with: the gazetteer's names, and a's entities; for an article
// in another language, the names of its language too, the places found in its text added to the
// entities, and those places' names, mapped to whether they are read only with support (see
// textPlaces).
func (r *Resolver) reading(a *article.Article) (*data, []article.Entity, map[string]bool, error) {
	if !foreignLanguage(a) {
		return r.g.d, a.Entities, nil, nil
	}
	ml, err := r.g.d.multilingual()
	if err != nil {
		return nil, nil, nil, err
	}
	ents, found := ml.textPlaces(a.Text, a.Language, a.Entities, r.g.d)
	return ml.d.forLanguage(a.Language), ents, found, nil
}

// weakName reports whether an entity of key k is read only with support: a name found in the text
// of another language when its finder says so (found), else a common English word, a word news
// writes in lower case or the name of a people.
func (d *data) weakName(k string, e article.Entity, found map[string]bool) bool {
	if weak, ok := found[e.Name]; ok && e.Type == article.TypePlace {
		return weak
	}
	if head, ok := strings.CutSuffix(k, " city"); ok {
		k = head // "Man City" is read as Man: as weak as the word
	}
	if e.Type == article.TypePlace && d.isAbbreviation(e.Name) {
		return false // "Ore.", "Miss.": the period makes the state's abbreviation of the word
	}
	return d.common[k] || d.lowercase[k] || d.peoples[k]
}

// wordBeforeTown reports whether a one-word name is, by WordNet's account, first of all no place
// and no body of people — a feast ("Christmas"), an animal ("Caribou"), a composer ("Wagner") —
// and the places it may name are only towns smaller than lonePopulation: such a town is read only
// with support, as a common word's is. Bigger towns ("Buffalo", "Hull") are known as towns first.
func (d *data) wordBeforeTown(name string, ps []posting) bool {
	if strings.ContainsAny(name, " -'.") || len(ps) == 0 || slices.ContainsFunc(ps, func(p posting) bool {
		r := &d.recs[p.rec]
		return r.feature != featCity || r.pop >= lonePopulation
	}) {
		return false
	}
	c := wordclass.OfName(Key(name))
	return c.Known() && !c.Any(wordclass.Location) && !c.First(wordclass.Group)
}

// readings gives what an entity may name: its candidate places, the qualifier candidates written in
// its name ("Portland, Maine"), and the non-settlement feature its name is, if any. Types other than
// PLACE count only where they name a place: an ORG like "Wuxi National Hi-tech District", a
// government metonym the tagger took for a person or an organisation ("Washington said"), and a
// country, region or city the tagger mistyped where the text uses it as a place ("Uruguay and
// Paraguay", "in Rio de Janeiro"; see mistypedPlace).
func (d *data) readings(e article.Entity, text func() []rune, spans placeSpans) (ps, qual []posting, feat *feature) {
	switch e.Type {
	case article.TypePlace:
		if d.neverPlace(e.Name) || d.metonymOnly(e.Name) || allInFacilityNames(text(), e.Mentions) {
			return nil, nil, nil // "German"; "White House" is no town in Tennessee; "Plaza San Martín" no town
		}
		ps, qual = d.placeName(e.Name)
		for _, m := range e.Mentions {
			if longer := d.extendedName(text(), m); len(longer) > 0 {
				ps = longer // "São Bernardo" cut from "São Bernardo do Campo"
				break
			}
		}
		if f, ok := d.features[Key(e.Name)]; ok {
			feat = &f
		}
	case article.TypeOrg:
		if ps = d.placeLikeOrg(e.Name); len(ps) == 0 {
			ps = d.metonymPlace(e.Name)
		}
		if len(ps) == 0 {
			ps = d.mistypedPlace(e, text(), spans)
		}
	case article.TypePerson:
		if ps = d.metonymPlace(e.Name); len(ps) == 0 {
			ps = d.mistypedPlace(e, text(), spans)
		}
	}
	return ps, qual, feat
}

// places turns the items' picks into Article.Places, one per record (or feature) with all its
// mentions, then adds the regions of abbreviated qualifiers ("Calif.").
func (r *Resolver) places(items []*item) []article.Place {
	places := []article.Place{}
	at := map[int32]int{}        // record → index in places
	atFeature := map[int32]int{} // feature id → index in places
	add := func(idx map[int32]int, key int32, mk func() article.Place, ms ...article.Mention) {
		i, ok := idx[key]
		if !ok {
			i = len(places)
			idx[key] = i
			places = append(places, mk())
		}
		places[i].Mentions = append(places[i].Mentions, ms...)
	}
	atPart := map[int32]int{} // part's index → index in places
	for _, it := range items {
		pt, isPart := r.g.d.partNamed(it.name, it.pick)
		switch {
		case isPart:
			add(atPart, pt.index, func() article.Place { return r.partPlace(pt) }, it.mentions...)
		case it.pick >= 0:
			add(at, it.pick, func() article.Place { return r.place(it.pick) }, it.mentions...)
		case it.feat != nil && it.feat.id > 0 && it.feat.class != featureCelestial:
			f := it.feat
			add(atFeature, f.id, func() article.Place {
				return article.Place{Name: f.name, GeonameID: int(f.id), Feature: FeatureOther}
			}, it.mentions...)
		}
	}
	for _, it := range items {
		for _, q := range it.regions {
			add(at, q.rec, func() article.Place { return r.place(q.rec) }, q.mention)
		}
		if it.pick < 0 || len(it.qualMentions) == 0 {
			continue
		}
		for _, q := range it.nameQuals {
			if r.g.d.qualifies(it.pick, []posting{q}) {
				add(at, q.rec, func() article.Place { return r.place(q.rec) }, it.qualMentions...)
				break
			}
		}
	}
	for i := range places {
		places[i].Mentions = uniqueMentions(places[i].Mentions)
	}
	return places
}

// fillCandidates sets it's candidates and their static scores (prior, qualifier, source, demonym),
// then removes the candidates the name cannot mean: a town named like a country it is not, unless
// qualified ("China" in a list of countries is not China, Texas); any settlement for the name of a
// non-settlement ("Pacific", "Andes", "Earth"), unless qualified ("Jupiter, Fla."); where a state
// abbreviation or a dateline's region says where the place is, any town outside it; and the regions
// a dateline's city shares its name with.
func (d *data) fillCandidates(it *item, ps, qual []posting, srcCountry int32, demonymCountries map[[2]byte]bool) {
	if len(ps) > maxCandidates {
		ps = ps[:maxCandidates]
	}
	it.cands = make([]posting, 0, len(ps))
	it.static = make([]float64, 0, len(ps))
	it.quals = make([]bool, 0, len(ps))
	hasCountry, firstCountry := false, int32(-1)
	for _, p := range ps {
		c := d.countryOf(p.rec)
		if firstCountry < 0 {
			firstCountry = c
		} else if c != firstCountry {
			it.ambiguous = true
		}
		if d.recs[p.rec].feature == featCountry && !p.stripped {
			hasCountry = true
		}
	}
	smallTowns := true
	for _, p := range ps {
		if r := &d.recs[p.rec]; r.feature == featCity && r.pop >= unsupportedMaxPopulation {
			smallTowns = false
		}
	}
	it.rivalsCountry = hasCountry || smallTowns
	for _, p := range ps {
		if r := &d.recs[p.rec]; r.feature == featCity && r.pop >= dwarfingPopulation && r.pop > it.bigCity {
			it.bigCity, it.bigCityCC = r.pop, r.cc
		}
		if r := &d.recs[p.rec]; r.feature == featCity && r.seat > 0 && r.pop >= lonePopulation {
			it.bigSeat = max(it.bigSeat, r.pop)
		}
	}
	hasCity := slices.ContainsFunc(ps, func(p posting) bool { return d.recs[p.rec].feature == featCity })
	regionIn := d.regionCountries(ps)
	for _, p := range ps {
		rec := &d.recs[p.rec]
		q := d.qualifies(p.rec, qual)
		switch {
		case it.dateline && hasCity && rec.feature == featAdmin1:
			continue // a dateline names a city: "WASHINGTON —" is the capital, not the state
		case q:
		case it.subRegion && len(qual) > 0 && rec.feature == featCity:
			continue // "Vigo County, Indiana" is no town of Spain: a county written with its state lies in it
		case it.farDwarfedBy(rec):
			continue
		case !it.dateline && rec.feature == featCity && !rec.namesake && rec.pop < unsupportedMaxPopulation && slices.Contains(regionIn, rec.country):
			continue // "Wales" beside "England" is the nation, not the Yorkshire village its sibling holds
		case it.strict && rec.feature != featCountry:
			continue // "SAINT-JEAN, Switzerland —" is no French Saint-Jean; "HONG KONG, China" stays Hong Kong
		case it.feat != nil:
			continue
		case hasCountry && rec.feature == featCity:
			continue
		}
		s := d.prior(p)
		if rec.feature == featAdmin1 && !p.stripped && d.outgrownAbroad(p.rec, ps) {
			s -= admin1Prior // "Manchester" is the English city before the Jamaican parish
		}
		if q {
			s += wQualifier
		}
		if srcCountry >= 0 && d.countryOf(p.rec) == srcCountry {
			s += wSource
		}
		if demonymCountries[rec.cc] {
			s += wDemonym
		}
		it.cands = append(it.cands, p)
		it.static = append(it.static, s)
		it.quals = append(it.quals, q)
	}
}

// outgrownAbroad reports whether a city of another country among ps has more people than the
// first-level region rec: a reader knows the bigger city by the name before the region.
func (d *data) outgrownAbroad(rec int32, ps []posting) bool {
	r := &d.recs[rec]
	return slices.ContainsFunc(ps, func(p posting) bool {
		c := &d.recs[p.rec]
		return c.feature == featCity && c.country != r.country && c.pop > r.pop
	})
}

// regionCountries gives the countries with a first-level region among ps under its own name: a small
// town of the same country named like it is then no reading of the name, as a careful reader knows
// the region.
func (d *data) regionCountries(ps []posting) []int32 {
	var out []int32
	for _, p := range ps {
		if r := &d.recs[p.rec]; r.feature == featAdmin1 && !p.stripped && !p.alias {
			out = append(out, r.country)
		}
	}
	return out
}

// namesRegion reports whether qualifier candidates include a country or a first-level region.
func (d *data) namesRegion(qual []posting) bool {
	return slices.ContainsFunc(qual, func(p posting) bool { return d.recs[p.rec].feature != featCity })
}

// dropUnsupported unpicks what a careful reader would not guess: a common word that is a small town
// with nothing around it ("Man" alone is not Man, Côte d'Ivoire); a small town whose name towns of
// other countries share, when the article names other places and none in its country ("Campo" in a
// Brazil story is not the Portuguese village); and a town of unknown or tiny population outside every
// first-level region the article names ("Wujin" in a Jiangsu story is not the seat in Sichuan).
// Qualified names and the dateline are always kept.
func (d *data) dropUnsupported(items []*item, rivals map[int32][]int, srcCountry int32, demonymCountries map[[2]byte]bool, datelineItem int, english bool) {
	picks := make([]int32, len(items))
	for i, it := range items {
		picks[i] = it.pick
		if it.noEvidence {
			picks[i] = -1
		}
	}
	weakPicks := make([]int32, len(items)) // common words do not support one another
	for i, it := range items {
		if it.weak || it.noEvidence {
			weakPicks[i] = -1
		} else {
			weakPicks[i] = it.pick
		}
	}
	dlCountry := int32(-1)
	if datelineItem >= 0 && picks[datelineItem] >= 0 {
		dlCountry = d.countryOf(picks[datelineItem])
	}
	anchors := 0
	for _, p := range picks {
		if p >= 0 {
			anchors++
		}
	}
	for i, it := range items {
		if it.pick >= 0 && it.dateline && d.regionlessDatelineVillage(it.pick, picks, i) {
			it.pick, it.regionAbroad = -1, true // "HONGSHAN, China" of a story set in Zhejiang: a village the gazetteer lacks, not the Heilongjiang hamlet
			continue
		}
		if it.pick < 0 || it.dateline {
			continue
		}
		j := slices.IndexFunc(it.cands, func(p posting) bool { return p.rec == it.pick })
		if j >= 0 && it.quals[j] {
			continue
		}
		rec := &d.recs[it.pick]
		if it.surname && rec.feature == featCity && !d.bigEnough(it.pick) {
			it.pick = -1 // "Obama" beside "Barack Obama" is the man, not Obama, Japan
			continue
		}
		country := d.countryOf(it.pick)
		countrySupport := country == srcCountry || country == dlCountry || demonymCountries[rec.cc]
		others, inAdmin1 := d.supportOf(items, picks, i, srcCountry, dlCountry, english)
		countrySupport = countrySupport || others
		admin1Support := inAdmin1
		if it.speaksOnly && !countrySupport && rec.feature == featCity && rec.seat != 2 { // a capital speaks for its government
			it.pick = -1 // "Ifo said", "the Ifo economic institute" in a German story: the institute, no Nigerian town
			continue
		}
		if it.weak && !d.bigEnough(it.pick) && !(it.locative && rec.pop >= lonePopulation) && (d.evidence(it.pick, weakPicks, i, rivals[it.pick]) < wInMyCountry ||
			rec.pop < weakLocalPopulation && !admin1Support) {
			it.pick = -1 // "Outlook" is no village in Saskatchewan because the article names Canada
			continue
		}
		if rec.feature == featAdmin1 && !countrySupport && anchors >= 2 && d.unpickRegionAbroad(it, picks) {
			continue
		}
		if it.givenName && rec.feature == featCity && rec.pop < unsupportedMaxPopulation && rec.seat == 0 && !admin1Support {
			it.pick, it.dropped = -1, true // "actor Sylvester" is no town in Georgia while the story names no Georgia
			continue
		}
		if it.mistyped && !countrySupport && !d.bigEnough(it.pick) {
			it.pick = -1 // "Westminster" typed ORG in a British story is no town in Colorado
			continue
		}
		if rec.feature != featCity || anchors < 2 {
			continue
		}
		if d.unsupportedTown(it, rec, country, countrySupport, admin1Support) {
			// "summit in Venice" beside "Rome" and "the U.S.": not one of America's small Venices, the
			// city of the other country the story names.
			if alt := d.supportedCity(it, picks); alt >= 0 && d.countryOf(alt) != country {
				it.pick = alt
			} else {
				it.pick, it.dropped = -1, true
			}
		}
	}
}

// partOfNamed reads "<name> of <Place>" at every mention ("the Northern District of Illinois",
// "the Southern District of Texas") and gives the countries the place after "of" may be in: the
// name is a part of it.
func (d *data) partOfNamed(text []rune, ms []article.Mention, placeAt map[int]string) (map[int32]bool, bool) {
	var within map[int32]bool
	for _, m := range ms {
		if m.End+4 >= len(text) || string(text[m.End:m.End+4]) != " of " {
			return nil, false
		}
		name, ok := placeAt[m.End+4]
		if !ok {
			return nil, false
		}
		ps, _ := d.placeName(name)
		if len(ps) == 0 {
			return nil, false
		}
		if within == nil {
			within = map[int32]bool{}
		}
		for _, p := range ps {
			within[d.countryOf(p.rec)] = true
		}
	}
	return within, within != nil
}

// regionlessDatelineVillage reports whether the dateline's pick rec (item self) is a village of no
// known size, no seat, in a first-level region the article never names while it names another
// region of the same country: the village the story is set in is then one the gazetteer lacks, and
// the text places it ("Hongshan in Zhejiang").
func (d *data) regionlessDatelineVillage(rec int32, picks []int32, self int) bool {
	r := &d.recs[rec]
	if r.feature != featCity || r.pop >= tinyPopulation || r.seat != 0 {
		return false
	}
	other := false
	for j, p := range picks {
		if j == self || p < 0 || p == rec || d.countryOf(p) != r.country {
			continue
		}
		q := &d.recs[p]
		switch {
		case q.feature == featAdmin1 && p == r.admin1, q.feature == featCity && q.admin1 == r.admin1:
			return false
		case q.feature == featAdmin1, q.feature == featCity:
			other = true
		}
	}
	return other
}

// unsupportedTown reports whether the town rec, item it's pick in country, is one a careful reader
// would not guess with the support the article gives its country and its first-level region.
func (d *data) unsupportedTown(it *item, rec *record, country int32, countrySupport, admin1Support bool) bool {
	switch {
	case !countrySupport && (it.ambiguous && rec.pop < unsupportedMaxPopulation && !leadingSeat(it, rec) || rec.pop < lonePopulation):
		return true
	case (rec.pop < tinyPopulation && rec.seat == 0 || it.subRegion || it.ownerOnly && rec.pop < ownerTownPopulation ||
		it.landmark && rec.pop < lonePopulation) && !admin1Support: // a capital is known whatever its size
		return true
	case rec.pop < lonePopulation && rec.seat == 0 && !admin1Support && d.townsIn(it.cands, country) > 1:
		// "Clyde", "Gardner", "Oracle": one of the country's many small towns of that name, and
		// nothing says which; more often a person or a firm the tagger took for a place.
		return true
	}
	return false
}

// leadingSeat reports whether rec, the item's pick, is the seat of a first-level region or a
// country, of at least lonePopulation, that leads the name's readings before any context: a reader
// knows Venice, the seat of Veneto, without being told it is in Italy.
func leadingSeat(it *item, rec *record) bool {
	return rec.seat > 0 && rec.pop >= lonePopulation && len(it.cands) > 0 && it.cands[bestStatic(it)].rec == it.pick
}

// supportOf reports whether another pick of the article lies in the country of item i's pick (a
// village abroad, in English, vouching for none) and whether one lies in its first-level region.
func (d *data) supportOf(items []*item, picks []int32, i int, srcCountry, dlCountry int32, english bool) (inCountry, inAdmin1 bool) {
	rec := &d.recs[items[i].pick]
	country := d.countryOf(items[i].pick)
	for k, p := range picks {
		if k == i || p < 0 || items[k].surname && d.recs[p].feature == featCity && !d.bigEnough(p) {
			continue // "Ferguson" beside "Alex Ferguson" is the man, who vouches for no town of Missouri's country
		}
		if d.countryOf(p) == country && !(english && d.smallTownAbroad(items[k], p, srcCountry, dlCountry)) {
			inCountry = true
		}
		if rec.admin1 >= 0 && (p == rec.admin1 || d.recs[p].admin1 == rec.admin1) {
			inAdmin1 = true
		}
	}
	return inCountry, inAdmin1
}

// unpickRegionAbroad settles a first-level region of a country nothing else in the article lies in:
// the name's biggest city in a country the article names takes its place ("the Archbishop of
// Canterbury" in a British story is the English city, not New Zealand's region); else a small region
// ("Long Island" in a New York story is no district of the Bahamas) or a compass name several
// countries give a region ("Southern District of New York") is unpicked. It reports whether it did
// either.
func (d *data) unpickRegionAbroad(it *item, picks []int32) bool {
	if alt := d.supportedCity(it, picks); alt >= 0 {
		it.pick = alt
		return true
	}
	if d.recs[it.pick].pop < unsupportedMaxPopulation || compassWords[firstWord(it.name)] && d.regionsAmong(it.cands) > 1 {
		it.pick, it.regionAbroad = -1, true
		return true
	}
	return false
}

// regionsAmong counts the first-level regions among cands: a compass name several countries give a
// region ("North West", "Southern District") names none of them on its own.
func (d *data) regionsAmong(cands []posting) int {
	n := 0
	for _, c := range cands {
		if d.recs[c.rec].feature == featAdmin1 {
			n++
		}
	}
	return n
}

// firstWord is the first word of name, a hyphen ending it ("South-West" → "South").
func firstWord(name string) string {
	w, _, _ := strings.Cut(name, " ")
	w, _, _ = strings.Cut(w, "-")
	return w
}

// supportedCity returns the biggest city of at least lonePopulation among the item's readings that lies
// in a country another pick of the article is in, or -1.
func (d *data) supportedCity(it *item, picks []int32) int32 {
	best := int32(-1)
	for _, c := range it.cands {
		r := &d.recs[c.rec]
		if r.feature != featCity || r.pop < lonePopulation || best >= 0 && r.pop <= d.recs[best].pop {
			continue
		}
		country := d.countryOf(c.rec)
		if slices.ContainsFunc(picks, func(p int32) bool { return p >= 0 && p != it.pick && d.countryOf(p) == country }) {
			best = c.rec
		}
	}
	return best
}

// smallTownAbroad reports whether pick p of item it is a village too small to stand for its country
// unqualified, outside the publisher's and the dateline's country: two such villages do not support
// each other ("Pompey" and "Saints", football nicknames, are no pair of French villages). An article
// in another language is mostly about its own country's villages ("Sochaux, dans le Doubs"), so this
// holds for English ones.
func (d *data) smallTownAbroad(it *item, p, srcCountry, dlCountry int32) bool {
	r := &d.recs[p]
	if r.feature != featCity || r.pop >= weakLocalPopulation || it.dateline {
		return false
	}
	if c := d.countryOf(p); c == srcCountry || c == dlCountry {
		return false
	}
	j := slices.IndexFunc(it.cands, func(c posting) bool { return c.rec == p })
	return j < 0 || !it.quals[j]
}

// townsIn counts the towns among cands that lie in country.
func (d *data) townsIn(cands []posting, country int32) int {
	n := 0
	for _, p := range cands {
		if r := &d.recs[p.rec]; r.feature == featCity && d.countryOf(p.rec) == country {
			n++
		}
	}
	return n
}

// readContainment reads "<place> [county] in <region>" ("Athens in Georgia", "Cartagena in Murcia",
// "Jefferson County in Kentucky"): the
// readings of the first inside a reading of the second count as qualified, and the readings of the
// second that hold one of the first gain wContainer.
func (d *data) readContainment(text func() []rune, items []*item) {
	if len(items) < 2 {
		return
	}
	byStart := make(map[int]int, len(items))
	for i, it := range items {
		for _, m := range it.mentions {
			byStart[m.Start] = i
		}
	}
	for i, it := range items {
		for _, m := range it.mentions {
			t := text()
			end := m.End
			if w := wordAfter(t, end); placeWords[strings.ToLower(w)] {
				end += 1 + len([]rune(w)) // "Jefferson County in Kentucky"
			}
			if end+4 > len(t) || string(t[end:end+4]) != " in " {
				continue
			}
			j, ok := byStart[end+4]
			if !ok || j == i {
				continue
			}
			outer := items[j]
			if it.subRegion && d.soleRegion(outer) >= 0 && !slices.ContainsFunc(it.cands, func(p posting) bool {
				r := &d.recs[p.rec]
				return r.admin1 == d.soleRegion(outer) || r.country == d.soleRegion(outer)
			}) {
				// "Jefferson County in Kentucky" is no town of Texas: the county, placed in Kentucky.
				it.cands, it.static, it.quals = nil, nil, nil
				continue
			}
			for k, c := range outer.cands {
				cr := &d.recs[c.rec]
				if cr.feature == featCity {
					continue
				}
				holds := false
				for x, p := range it.cands {
					if r := &d.recs[p.rec]; r.admin1 == c.rec || r.country == c.rec {
						holds = true
						if !it.quals[x] {
							it.quals[x] = true
							it.static[x] += wQualifier
						}
					}
				}
				if holds {
					outer.static[k] += wContainer
				}
			}
		}
	}
}

// soleRegion is the record of an item's only reading when that is a country or a first-level region,
// else -1.
func (d *data) soleRegion(it *item) int32 {
	if len(it.cands) != 1 || !d.isRegion(it.cands[0]) {
		return -1
	}
	return it.cands[0].rec
}

// facilityBefore and facilityAfter are the words that make a place name part of a facility's name:
// a square, a street, a park, a stadium, an airport, a station.
var (
	facilityBefore = map[string]bool{"Plaza": true, "Piazza": true, "Praça": true, "Plaça": true, "Avenida": true,
		"Avenue": true, "Calle": true, "Rue": true, "Via": true, "Parque": true, "Estadio": true, "Stade": true,
		"Stadio": true, "Paseo": true, "Boulevard": true, "Bulevar": true, "Place": true, "Puente": true, "Aeropuerto": true}
	facilityAfter = map[string]bool{"Street": true, "St": true, "Avenue": true, "Ave": true, "Road": true, "Square": true,
		"Stadium": true, "Airport": true, "Station": true, "Bridge": true, "Park": true, "Boulevard": true, "Plaza": true,
		"Arena": true, "Hall": true, "Center": true, "Centre": true, "Hotel": true, "Hospital": true}
)

// landmarkName reports whether a name of several words ends in a facility's word ("Central Park",
// "Madison Square Garden", "Jackson Park").
func landmarkName(name string) bool {
	i := strings.LastIndexByte(name, ' ')
	if i < 0 {
		return false
	}
	last := name[i+1:]
	return facilityAfter[last] || last == "Garden" || last == "Gardens"
}

// allInFacilityNames reports whether every mention sits inside a facility's name the tagger cut
// ("Plaza San Martín", "Ridgewood Avenue"). Mentions that do not are what keep a name a place.
func allInFacilityNames(text []rune, ms []article.Mention) bool {
	if len(ms) == 0 {
		return false
	}
	for _, m := range ms {
		if !facilityWord(wordBefore(text, m.Start), facilityBefore) && !facilityWord(wordAfter(text, m.End), facilityAfter) {
			return false
		}
	}
	return true
}

func facilityWord(w string, set map[string]bool) bool {
	return w != "" && set[strings.TrimSuffix(w, ".")]
}

// datelineQualifier gives the candidates of a dateline's region: a written qualifier, or a state's
// abbreviation that lost its period ("PEORIA, Ill, Oct 19 -").
func (d *data) datelineQualifier(region string) []posting {
	ps, _ := d.qualifierPostings(region)
	if len(ps) > 0 {
		return ps
	}
	for _, r := range d.abbrevs[Key(region)] {
		ps = append(ps, posting{rec: r})
	}
	return ps
}

// ownNameMentions leaves out of an English PLACE entity's mentions those that are part of a longer
// name of a person or a body: its end ("Whitney Houston", "Grant Thornton", "AC Milan") or its start
// ("Orlando dos Santos"). Names of countries and regions stay ("Tennis Australia" still says
// Australia). German writes its nouns in capitals ("die Stadt Köln"), so English only.
func (d *data) ownNameMentions(text []rune, e article.Entity, spans placeSpans) []article.Mention {
	partOfName := func(m article.Mention) bool { return d.endsLongerName(text, m, spans) || d.startsPersonName(text, m) }
	if !slices.ContainsFunc(e.Mentions, partOfName) || slices.ContainsFunc(d.lookup(e.Name), d.isRegion) {
		return e.Mentions // most names: nothing to leave out, nothing copied
	}
	return slices.DeleteFunc(slices.Clone(e.Mentions), partOfName)
}

// personParticles join the parts of people's names ("Orlando dos Santos", "Jan van Dijk").
var personParticles = map[string]bool{"dos": true, "das": true, "da": true, "de": true, "del": true, "della": true,
	"di": true, "van": true, "von": true, "der": true, "den": true, "ter": true, "du": true}

// startsPersonName reports whether a mention goes on with a particle of people's names and a
// capitalised word the gazetteer does not know with it: "Orlando dos Santos" is a man.
func (d *data) startsPersonName(text []rune, m article.Mention) bool {
	p := wordAfter(text, m.End)
	if !personParticles[p] {
		return false
	}
	next := wordAfter(text, m.End+1+len([]rune(p)))
	return next != "" && unicode.IsUpper([]rune(next)[0]) && d.extendedName(text, m) == nil
}

// englishPlaceLeads start longer names that are places still ("Old Trafford", "Fort Worth", "Lake
// Charles").
var englishPlaceLeads = map[string]bool{"Old": true, "New": true, "Fort": true, "Port": true, "Lake": true,
	"Mount": true, "Saint": true, "St": true, "San": true, "Santa": true, "Upper": true, "Lower": true}

// endsLongerName reports whether a mention is the last word of a longer capitalised name the tagger
// cut: the word before it is capitalised inside a sentence, no common word, month or compass word,
// no place the tagger read, and no part of a name the gazetteer knows whole ("Lake Charles").
func (d *data) endsLongerName(text []rune, m article.Mention, spans placeSpans) bool {
	w := wordBefore(text, m.Start)
	rs := []rune(w)
	if len(rs) == 0 || !unicode.IsUpper(rs[0]) || rs[len(rs)-1] == '.' || compassWords[w] || placeLeads[w] || englishPlaceLeads[w] || spans.ends[m.Start-1] {
		return false
	}
	if k := Key(w); d.common[k] || d.lowercase[k] || len(d.lookup(w+" "+m.Text)) > 0 {
		return false
	}
	if m.End < len(text) && text[m.End] == '-' {
		return false // "Peters and Co Ltd Calgary-based analyst": the place a compound names
	}
	i := m.Start - 1 - len(rs) // where w starts
	for i > 0 && text[i-1] == ' ' {
		i--
	}
	return i > 0 && !strings.ContainsRune(".!?:;\"'“”‘’(-–—\n", text[i-1])
}

// wordBefore is the word that ends one space before rune offset i ("" if none).
func wordBefore(text []rune, i int) string {
	if i < 2 || i > len(text) || text[i-1] != ' ' {
		return ""
	}
	j := i - 1
	for j > 0 && (unicode.IsLetter(text[j-1]) || text[j-1] == '.') {
		j--
	}
	return string(text[j : i-1])
}

// wordAfter is the word that starts one space after rune offset i ("" if none).
func wordAfter(text []rune, i int) string {
	if i < 0 || i+1 >= len(text) || text[i] != ' ' {
		return ""
	}
	j := i + 1
	for j < len(text) && (unicode.IsLetter(text[j]) || text[j] == '.') {
		j++
	}
	return string(text[i+1 : j])
}

// nameParticles are the lower-case words inside place names ("São Bernardo do Campo", "Frankfurt am
// Main", "Newcastle upon Tyne", "Santa Cruz de la Sierra") where a tagger may cut the name short.
var nameParticles = map[string]bool{"de": true, "do": true, "da": true, "dos": true, "das": true, "del": true,
	"di": true, "du": true, "des": true, "la": true, "le": true, "el": true, "upon": true, "on": true, "am": true,
	"im": true, "an": true, "der": true, "sur": true, "en": true}

// extendedName returns the candidates of the longer name a mention starts, when the text goes on
// with one or two particles and a capitalised word and the gazetteer knows the whole.
func (d *data) extendedName(text []rune, m article.Mention) []posting {
	if m.End <= m.Start || m.End >= len(text) || text[m.End] != ' ' {
		return nil
	}
	name := string(text[m.Start:m.End])
	i := m.End
	for n := 0; n < 3 && i < len(text) && text[i] == ' '; n++ {
		j := i + 1
		for j < len(text) && (unicode.IsLetter(text[j]) || text[j] == '-') {
			j++
		}
		if j == i+1 {
			return nil
		}
		w := string(text[i+1 : j])
		name += " " + w
		switch {
		case nameParticles[w]:
		case unicode.IsUpper(text[i+1]) && n > 0:
			return d.lookup(name)
		default:
			return nil
		}
		i = j
	}
	return nil
}

// isAcronym reports whether every mention of a name is one word in capitals ("ALMA", "NASA").
func isAcronym(ms []article.Mention) bool {
	if len(ms) == 0 {
		return false
	}
	for _, m := range ms {
		letters := 0
		for _, c := range m.Text {
			switch {
			case unicode.IsLower(c) || unicode.IsSpace(c):
				return false
			case unicode.IsUpper(c):
				letters++
			case unicode.IsLetter(c):
				return false // a letter of a script without capitals (无锡, ミュンヘン): no acronym
			}
		}
		if letters < 2 {
			return false
		}
	}
	return true
}

// isAbbreviation reports a dotted state or province abbreviation ("N.Y.", "N.S.W."): capitals, but no
// acronym of a telescope or an agency.
func (d *data) isAbbreviation(name string) bool {
	_, abbr := d.abbreviation(name)
	return abbr
}

// metonymOnly reports a name that stands only for a government ("the Kremlin", "White House").
func (d *data) metonymOnly(name string) bool {
	k := Key(name)
	_, metonym := d.metonyms[k]
	_, place := d.metonymRecs[k]
	return metonym && !place
}

// metonymPlace gives the place a government metonym names when it is also a place ("Washington",
// "Beijing"; not "the Kremlin"), for names the tagger typed as a person or an organisation.
func (d *data) metonymPlace(name string) []posting {
	rec, ok := d.metonymRecs[Key(name)]
	if !ok {
		return nil
	}
	return []posting{{rec: rec, alias: true}}
}

func (r *Resolver) place(rec int32) article.Place {
	e := r.g.entry(rec)
	return article.Place{Name: e.Name, GeonameID: e.ID, Feature: e.Feature, CountryCode: e.CountryCode,
		Country: e.Country, Admin1Code: e.Admin1Code, Admin1: e.Admin1, Lat: e.Lat, Lon: e.Lon}
}

// compassParts takes out of a country's or first-level region's mentions those written after a
// compass word the tagger left out ("travel to North Florida", "a South Florida-based group"): each
// is a part of the region, placed in it by inferPlaces, unless the gazetteer knows the whole name
// as a place of its own ("South Sudan").
func (d *data) compassParts(text []rune, items []*item) []unknownPlace {
	var out []unknownPlace
	at := map[string]int{} // part's name → index in out
	for _, it := range items {
		if it.pick < 0 {
			continue
		}
		kept := it.mentions[:0:0]
		for _, m := range it.mentions {
			w := wordBefore(text, m.Start)
			name := w + " " + m.Text
			if !compassWords[w] || !d.compassPartOfRegion(name, it.pick) || len(d.lookup(name)) > 0 {
				kept = append(kept, m)
				continue
			}
			pm := article.Mention{Text: name, Start: m.Start - len([]rune(w)) - 1, End: m.End}
			if i, ok := at[name]; ok {
				out[i].mentions = append(out[i].mentions, pm)
				continue
			}
			at[name] = len(out)
			out = append(out, unknownPlace{name: name, mentions: []article.Mention{pm}, inside: it.pick, hasInside: true})
		}
		if len(kept) == 0 {
			it.pick = -1 // only ever a part's head: "West Texas" names no Texas of its own
		}
		it.mentions = kept
	}
	return out
}

// wordlikePostalCodes are the postal codes of states and provinces that news writes in capitals
// for something else: words ("IN", "OR", "ME", "OK", "HI"), titles and degrees ("MD", "MS"), bodies
// ("VA", the Veterans Affairs department), scans ("CT") and countries ("SA").
var wordlikePostalCodes = map[string]bool{"IN": true, "OR": true, "ME": true, "OK": true, "HI": true, "OH": true,
	"ID": true, "CO": true, "DE": true, "LA": true, "AL": true, "PA": true, "MA": true, "MO": true, "NE": true,
	"GA": true, "AS": true, "ON": true, "SA": true, "MS": true, "MD": true, "CT": true, "VA": true, "PE": true,
	"NS": true, "AR": true, "MI": true, "WA": true, "NT": true, "QC": true, "BC": true}

// postalCodesOfNamedStates reads a postal code after a locative word ("a serious problem in SD",
// "Meth is IN SD") as its state where the article names the state or a place in it: a South Dakota
// story's "SD" is South Dakota. Codes that are also words never are, and nor is a code whose state
// the article does not name ("stored in SD format").
func (d *data) postalCodesOfNamedStates(text []rune, items []*item) []*item {
	byCode := map[string]*item{}
	var out []*item
	for i := 0; i+2 <= len(text); i++ {
		if !unicode.IsUpper(text[i]) || !unicode.IsUpper(text[i+1]) || i > 0 && unicode.IsLetter(text[i-1]) ||
			i+2 < len(text) && unicode.IsLetter(text[i+2]) {
			continue
		}
		if text[i] > unicode.MaxASCII || text[i+1] > unicode.MaxASCII {
			continue // postal codes are ASCII
		}
		pair := [2]byte{byte(text[i]), byte(text[i+1])}
		recs := d.postal[string(pair[:])] // looked up without allocating: most pairs are none
		if len(recs) != 1 {
			continue
		}
		code := string(pair[:])
		m := article.Mention{Text: code, Start: i, End: i + 2}
		if wordlikePostalCodes[code] || !locativeCues[strings.ToLower(wordBefore(text, i))] || covered(items, m) {
			continue
		}
		state := recs[0]
		if it, ok := byCode[code]; ok {
			it.mentions = append(it.mentions, m)
			continue
		}
		if !slices.ContainsFunc(items, func(it *item) bool {
			return it.pick >= 0 && (it.pick == state || d.recs[it.pick].admin1 == state)
		}) {
			continue
		}
		it := &item{name: code, mentions: []article.Mention{m}, cands: []posting{{rec: state}}, static: []float64{0},
			quals: []bool{false}, pick: state, noEvidence: true}
		byCode[code] = it
		out = append(out, it)
	}
	return out
}

// unpickUnsupportedParts takes back each part ("Norfolk" read as the English county) whose country
// is neither the source's nor the one most of the article's other picks lie in, leaving the name's
// other readings: in an American story, Norfolk is the city in Virginia. Where the article names no
// other place, a part keeps its name from small towns abroad ("Yorkshire millionaire" is no town in
// Virginia), not from cities ("Norfolk" alone is the city of 250,000). It reports whether it took
// any back.
func (d *data) unpickUnsupportedParts(text []rune, items []*item, srcCountry int32) bool {
	counts := map[int32]int{}
	for _, it := range items {
		if _, isPart := d.partNamed(it.name, it.pick); !isPart && it.pick >= 0 && !d.hamlet(it.pick) {
			counts[d.countryOf(it.pick)]++
		}
	}
	top := mostNamed(counts)
	changed := false
	for _, it := range items {
		if _, isPart := d.partNamed(it.name, it.pick); !isPart || len(it.cands) < 2 {
			continue
		}
		country := d.countryOf(it.pick)
		// A country as much named as any other keeps its parts: "near Manchester … in Cheshire"
		// beside "Sardinia" is England's county, not a town in Connecticut.
		if country == srcCountry || counts[country] > 0 && counts[country] >= counts[top] ||
			d.onlySmallTownsBeside(it) && (len(counts) == 0 || !d.readsIn(it, top)) ||
			d.qualifiesTownOfIts(text, it, items) {
			continue
		}
		k := slices.IndexFunc(it.cands, func(p posting) bool { return p.rec == it.pick })
		it.cands, it.static = slices.Delete(it.cands, k, k+1), slices.Delete(it.static, k, k+1)
		if len(it.quals) > k {
			it.quals = slices.Delete(it.quals, k, k+1)
		}
		it.pick, changed = -1, true
	}
	return changed
}

// readsIn reports whether a reading of it other than its pick lies in country c.
func (d *data) readsIn(it *item, c int32) bool {
	return slices.ContainsFunc(it.cands, func(p posting) bool { return p.rec != it.pick && d.countryOf(p.rec) == c })
}

// hamlet reports whether rec is a town smaller than weakLocalPopulation and no seat: too small to
// say which country a story is about ("Carrington" is also a village in North Dakota).
func (d *data) hamlet(rec int32) bool {
	r := &d.recs[rec]
	return r.feature == featCity && r.pop < weakLocalPopulation && r.seat == 0
}

// qualifiesTownOfIts reports whether the part it (its pick the part's first-level region) is written
// as the qualifier of a town the article reads in that region: "Camberley, Surrey" is the English
// county whatever country the rest of the story is about.
func (d *data) qualifiesTownOfIts(text []rune, it *item, items []*item) bool {
	for _, m := range it.mentions {
		if m.Start < 2 || text[m.Start-2] != ',' || text[m.Start-1] != ' ' {
			continue
		}
		for _, other := range items {
			if other == it || other.pick < 0 || d.recs[other.pick].admin1 != it.pick {
				continue
			}
			if slices.ContainsFunc(other.mentions, func(o article.Mention) bool { return o.End == m.Start-2 }) {
				return true
			}
		}
	}
	return false
}

// onlySmallTownsBeside reports whether every reading of it but its pick is a town smaller than
// unsupportedMaxPopulation.
func (d *data) onlySmallTownsBeside(it *item) bool {
	return !slices.ContainsFunc(it.cands, func(p posting) bool {
		return p.rec != it.pick && (d.recs[p.rec].feature != featCity || d.recs[p.rec].pop >= unsupportedMaxPopulation)
	})
}

// partNamed returns the part of the first-level region pick that name is ("Yorkshire" read as
// England), if it is one.
func (d *data) partNamed(name string, pick int32) (part, bool) {
	if pick < 0 || d.recs[pick].feature != featAdmin1 {
		return part{}, false
	}
	pt, ok := d.parts[Key(name)]
	return pt, ok && pt.within == pick
}

// partPlace is the place of a part: its own name, without a GeoNames id, in its region's country
// and first-level region and at its region's coordinates.
func (r *Resolver) partPlace(pt part) article.Place {
	p := r.place(pt.within)
	p.Name, p.GeonameID, p.Feature = pt.name, 0, FeatureOther
	return p
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

// evidence scores candidate c against the places the other items picked, leaving out the items
// listed in same (those that could read c themselves).
func (d *data) evidence(c int32, picks []int32, self int, same []int) float64 {
	local, national := d.evidenceParts(c, picks, self, same)
	return local + national
}

// evidenceParts splits evidence into what the article says of c's first-level region (local) and
// what it says only of c's country (national).
func (d *data) evidenceParts(c int32, picks []int32, self int, same []int) (local, national float64) {
	cr := &d.recs[c]
	myCountry := d.countryOf(c)
	var inAdmin1, inCountry, contains, sibling, siblingCountry float64
	regionsNamed := 0 // first-level regions of my country the article names
	for i, p := range picks {
		if i == self || p < 0 || p == c || slices.Contains(same, i) {
			continue
		}
		pr := &d.recs[p]
		if pr.feature == featAdmin1 && pr.country == myCountry {
			regionsNamed++
		}

		switch {
		case p == cr.admin1 || pr.namesake && pr.admin1 >= 0 && pr.admin1 == cr.admin1 && cr.feature == featCity:
			inAdmin1 = wInMyAdmin1 // the region, or the city that stands for it ("Sakai, south of Osaka")
		case p == cr.country:
			inCountry = wInMyCountry
		case cr.feature == featAdmin1 && pr.admin1 == c:
			contains += wContains
		case cr.feature == featCountry && pr.country == c:
			contains += wContainsCtry
		case cr.admin1 >= 0 && pr.admin1 == cr.admin1 && cr.namesake:
			contains += wContains // a city named like its region stands for it as much as the region does ("near São Paulo")
		case cr.admin1 >= 0 && pr.admin1 == cr.admin1:
			sibling += wSiblingAdmin1
		case d.countryOf(p) == myCountry && !d.hamlet(p):
			siblingCountry += wSiblingCountry // a hamlet says nothing of its country: "Old Trafford" is no village in Pennsylvania
		}
	}
	// Naming my region supports me less where the article names many regions of my country: "Paris"
	// in a story about Texas is Paris, Texas; "Cleveland" in one that lists eight states, Texas among
	// them, is still Cleveland, Ohio.
	inAdmin1 /= float64(max(regionsNamed, 1))
	return inAdmin1 + min(contains, capContains) + min(sibling, capSibling), inCountry + min(siblingCountry, capSiblingCountry)
}

// countryEvidence scores candidate c of a name read as a team's by the other places the story names
// in c's country (the country itself included), leaving out the items listed in same.
func (d *data) countryEvidence(c int32, picks []int32, self int, same []int) float64 {
	myCountry := d.countryOf(c)
	s := 0.0
	for i, p := range picks {
		if i != self && p >= 0 && p != c && !slices.Contains(same, i) && d.countryOf(p) == myCountry {
			s += wTeamCountry
		}
	}
	return min(s, capTeamCountry)
}

// regionSiblings scores an admin1 candidate by the other admin1 regions of its country the article
// names: "Georgia" beside "Iowa" and "Kansas" is the state. It applies only where the name is also a
// country's; a city named like its region ("Shanghai", "New York") keeps its own evidence.
func (d *data) regionSiblings(c int32, picks []int32, self int) float64 {
	cr := &d.recs[c]
	if cr.feature != featAdmin1 {
		return 0
	}
	s := 0.0
	for i, p := range picks {
		if i != self && p >= 0 && p != c && d.recs[p].feature == featAdmin1 && d.recs[p].country == cr.country {
			s += wSiblingRegion
		}
	}
	return min(s, capSiblingRegion)
}

// coordinated lists, for each item, the items whose mentions are coordinated with one of its own
// ("England and Wales", "Iowa, Kansas", "Georgia or Russia"): written side by side, names of one
// kind.
func coordinated(text func() []rune, items []*item) [][]int {
	byStart := map[int]int{}
	for i, it := range items {
		for _, m := range it.mentions {
			byStart[m.Start] = i
		}
	}
	peers := make([][]int, len(items))
	t := text()
	for i, it := range items {
		for _, m := range it.mentions {
			for _, link := range coordinators {
				end := m.End + len(link)
				if end > len(t) || !slices.Equal(t[m.End:end], link) {
					continue
				}
				if j, ok := byStart[end]; ok && j != i && !slices.Contains(peers[i], j) {
					peers[i] = append(peers[i], j)
					peers[j] = append(peers[j], i)
				}
			}
		}
	}
	return peers
}

// coordinators join names written side by side, as runes: compared in place, never converted.
var coordinators = [][]rune{[]rune(" and "), []rune(" or "), []rune(", ")}

// peerEvidence scores a region or country candidate c by the names coordinated with it that are
// read as places of the same kind: "Wales" beside "England and" is the region, not a village in
// England that its neighbour's name would otherwise support. A region whose seat shares its name
// among cands gets none: the city stands for it ("La Paz and Santa Cruz" are the cities).
func (d *data) peerEvidence(c int32, picks []int32, peers []int, cands []posting) float64 {
	f := d.recs[c].feature
	if f != featAdmin1 && f != featCountry || len(peers) == 0 {
		return 0
	}
	if slices.ContainsFunc(cands, func(p posting) bool { r := &d.recs[p.rec]; return r.namesake && r.admin1 == c }) {
		return 0
	}
	for _, j := range peers {
		if p := picks[j]; p >= 0 && p != c && d.recs[p].feature == f {
			return wPeer
		}
	}
	return 0
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
			qual, _ := d.qualifierPostings(strings.TrimSpace(q))
			return hc, qual
		}
	}
	if ps, abbr := d.abbreviation(name); abbr {
		return ps, nil // "Calif.", "Ore." tagged on their own: the state, not Ore, Nigeria
	}
	if ps := d.withSaintSpelled(name, d.lookup(name)); len(ps) > 0 {
		return ps, nil
	}
	if ps := d.umlautSpelling(name); len(ps) > 0 {
		return ps, nil
	}
	words := strings.Fields(name)
	if n := len(words); n > 1 && placeWords[strings.ToLower(words[n-1])] {
		ps := d.lookup(strings.Join(words[:n-1], " "))
		if strings.EqualFold(words[n-1], "city") {
			return ps, nil
		}
		// "Jiangsu province" is the province; "Vigo County" is no town named Vigo (the gazetteer has no
		// counties), so only regions remain, and a town only where the article supports its region.
		if regions := slices.DeleteFunc(slices.Clone(ps), func(p posting) bool { return d.recs[p.rec].feature == featCity }); len(regions) > 0 {
			return regions, nil
		}
		return ps, nil
	}
	return nil, nil
}

// subRegionName reports a name that ends in a place word other than "city" ("Maricopa County",
// "Xinwu district"): a part of a first-level region, which a town of the same name stands for only
// where the article names its region.
func subRegionName(name string) bool {
	words := strings.Fields(name)
	n := len(words)
	return n > 1 && placeWords[strings.ToLower(words[n-1])] && !strings.EqualFold(words[n-1], "city")
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
// candidates of the longest known name of up to three words there ("Portland, Maine, …"), or the
// region of a state abbreviation ("Arnold, Calif.", "Paris, TX"); abbr says it was a dotted
// abbreviation, and span is where it was written.
func (d *data) qualifierAfter(text []rune, end int) (ps []posting, abbr bool, span article.Span) {
	if end < 0 || end+2 >= len(text) || text[end] != ',' || text[end+1] != ' ' {
		return nil, false, span
	}
	i := end + 2
	var words []string
	var ends []int // rune offset after each word
	for len(words) < 3 && i < len(text) && unicode.IsUpper(text[i]) {
		j := i
		for j < len(text) && (unicode.IsLetter(text[j]) || text[j] == '.' || text[j] == '-' || text[j] == '\'' || text[j] == '’') {
			j++
		}
		if len(words) == 0 {
			if ps, abbr := d.abbreviation(string(text[i:j])); len(ps) > 0 {
				return ps, abbr, article.Span{Start: i, End: j}
			}
			if ps := d.dotlessAbbreviation(text, i, j); len(ps) > 0 {
				return ps, true, article.Span{Start: i, End: j} // "Richland, Wash, the DOE said"
			}
		}
		if len(words) == 1 && text[j-1] == '.' {
			if ps, abbr := d.abbreviation(string(text[end+2 : j])); len(ps) > 0 && abbr {
				return ps, abbr, article.Span{Start: end + 2, End: j} // "W. Va.", "N. Dak."
			}
		}
		w := strings.TrimRight(string(text[i:j]), ".")
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s") // "Jackson, Mississippi's capital"
		words = append(words, w)
		ends = append(ends, j)
		if j >= len(text) || text[j] != ' ' {
			break
		}
		i = j + 1
	}
	for n := len(words); n >= 1; n-- {
		if !closesQualifier(text, ends[n-1]) && !possessive(text, ends[n-1]) {
			continue // "After the attacks in Paris, America must …": a new clause, no qualifier
		}
		q := strings.Join(words[:n], " ")
		if listGoesOn(text, ends[n-1]) {
			if ps := d.qualifierLookup(q); len(ps) > 0 {
				return ps, false, span
			}
		} else if ps := d.lookup(q); len(ps) > 0 {
			return ps, false, span // "Woodbridge, Suffolk, has …": the English county, too
		}
	}
	return nil, false, span
}

// regionList reports whether a qualifier read after a name is rather the next of a list of regions:
// the name reads as a first-level region and the qualifier names another first-level region of the
// same country that holds none of the name's readings ("Iowa, N.H.", "Pa., Md. and Del."), where a
// state qualifies no state. "Washington, D.C." keeps its qualifier: the capital lies in the district.
func (d *data) regionList(ps, q []posting) bool {
	if len(q) == 0 {
		return false
	}
	for _, qp := range q {
		if d.recs[qp.rec].feature != featAdmin1 {
			return false
		}
	}
	region := false
	for _, p := range ps {
		if d.qualifies(p.rec, q) || slices.ContainsFunc(q, func(qp posting) bool { return qp.rec == p.rec }) {
			return false
		}
		if r := &d.recs[p.rec]; r.feature == featAdmin1 && slices.ContainsFunc(q, func(qp posting) bool { return d.countryOf(qp.rec) == r.country }) {
			region = true
		}
	}
	return region
}

// listGoesOn reports whether a comma and a capitalised word follow rune offset i: the name before is
// one of a list ("Boston, Hartford, Norfolk, Providence"), where a county's name qualifies nothing.
func listGoesOn(text []rune, i int) bool {
	return i+2 < len(text) && text[i] == ',' && text[i+1] == ' ' && unicode.IsUpper(text[i+2])
}

// handleMention reports whether a mention is written right after "@" or "#": a social-media handle
// or hashtag.
func handleMention(text []rune, m article.Mention) bool {
	return m.Start > 0 && m.Start <= len(text) && (text[m.Start-1] == '@' || text[m.Start-1] == '#')
}

// possessorMentions reports whether every mention is followed by 's ("Harrah's", "Bally’s").
func possessorMentions(text []rune, ms []article.Mention) bool {
	for _, m := range ms {
		if m.End+1 >= len(text) || text[m.End] != '\'' && text[m.End] != '’' || text[m.End+1] != 's' ||
			m.End+2 < len(text) && unicode.IsLetter(text[m.End+2]) {
			return false
		}
	}
	return len(ms) > 0
}

// quarterNames are the names of the four quarters, which after "the" name a part of the world.
var quarterNames = map[string]bool{"west": true, "east": true, "north": true, "south": true}

// titleMentions reports whether every mention stands alone inside quotation marks ("'Hamilton' will
// tour", "“Fargo”"), not a quoted possessive ("'Brazil's debt").
func titleMentions(text []rune, ms []article.Mention) bool {
	for _, m := range ms {
		if m.Start < 1 || m.End >= len(text) || !quoteMark(text[m.Start-1]) || !quoteMark(text[m.End]) ||
			m.End+1 < len(text) && unicode.IsLetter(text[m.End+1]) {
			return false
		}
	}
	return len(ms) > 0
}

// quoteMark reports a straight or curly quotation mark.
func quoteMark(r rune) bool {
	switch r {
	case '\'', '"', '‘', '’', '“', '”':
		return true
	}
	return false
}

// possessive reports whether the word ending at rune offset i ends in 's ("Mississippi's capital").
func possessive(text []rune, i int) bool {
	return i >= 2 && (text[i-1] == 's' || text[i-1] == 'S') && (text[i-2] == '\'' || text[i-2] == '’')
}

// qualifierFollowers are the lower-case words that may follow a qualifier written without its
// closing comma ("Paris, Texas on Monday").
var qualifierFollowers = map[string]bool{"on": true, "in": true, "and": true, "or": true, "to": true, "at": true,
	"for": true, "from": true, "near": true, "where": true, "which": true, "during": true, "after": true,
	"before": true, "last": true, "this": true, "with": true, "when": true, "by": true, "of": true}

// closesQualifier reports whether the text at rune offset i ends an appositive qualifier: punctuation,
// the end of the text, or one of qualifierFollowers, but not a verb or a name that starts a new clause.
func closesQualifier(text []rune, i int) bool {
	if i >= len(text) {
		return true
	}
	if text[i] != ' ' {
		return !unicode.IsLetter(text[i]) && !unicode.IsDigit(text[i])
	}
	j := i + 1
	for j < len(text) && unicode.IsLetter(text[j]) {
		j++
	}
	return qualifierFollowers[string(text[i+1:j])]
}

// abbreviation reads a state or province abbreviation as written: a postal code in capitals ("TX",
// "NSW") or a dotted form ("Calif.", "N.S.W."); abbr is true for the dotted form, which names its
// region unambiguously enough to stand as a mention of it.
func (d *data) abbreviation(w string) (ps []posting, abbr bool) {
	if recs, ok := d.postal[w]; ok {
		for _, r := range recs {
			ps = append(ps, posting{rec: r})
		}
		return ps, false
	}
	if !strings.Contains(w, ".") && w != "Qld" {
		return nil, false // "Miss Smith", "Ind" without its period are words
	}
	if writtenAsInitials(w) && !d.initials[Key(w)] {
		return nil, false // "L.A." is Los Angeles, not "La."
	}
	recs := d.abbrevs[Key(w)]
	for _, r := range recs {
		ps = append(ps, posting{rec: r})
	}
	return ps, len(recs) == 1
}

// dotlessAbbreviation reads the word at text[start:end] as a state abbreviation written without its
// period, which wires do where only a qualifier can stand: right after "<Town>, " and before a comma,
// a semicolon, a bracket or the end of a line ("Richland, Wash, the DOE said", "HANFORD, Wash, June
// 29 -", "Nashville, Tenn, offices"). Anywhere else "Wash", "Ill" and "Miss" are words.
func (d *data) dotlessAbbreviation(text []rune, start, end int) []posting {
	if start < 3 || end-start < 3 || end-start > 5 || text[start-2] != ',' || text[start-1] != ' ' || !unicode.IsUpper(text[start]) {
		return nil
	}
	if end < len(text) && !strings.ContainsRune(",;)\n", text[end]) {
		return nil
	}
	for _, r := range text[start:end] {
		if !unicode.IsLetter(r) {
			return nil
		}
	}
	// The word before the comma ends a capitalised name: "Richland, Wash", not "it was, Ill".
	k := start - 3
	for k > 0 && unicode.IsLetter(text[k-1]) {
		k--
	}
	if !unicode.IsLetter(text[start-3]) || !unicode.IsUpper(text[k]) {
		return nil
	}
	recs := d.abbrevs[Key(string(text[start:end]))]
	if len(recs) != 1 {
		return nil
	}
	return []posting{{rec: recs[0]}}
}

// qualifierPostings gives the candidates of a written qualifier: a state abbreviation, else a name.
func (d *data) qualifierPostings(q string) (ps []posting, abbr bool) {
	if ps, abbr := d.abbreviation(q); len(ps) > 0 {
		return ps, abbr
	}
	return d.qualifierLookup(strings.TrimSuffix(strings.TrimSuffix(q, "'s"), "’s")), false
}

// qualifierLookup gives the candidates of a name written as a qualifier, without the region a part
// lies in: "Hartford, Norfolk" in a list of American cities ("Boston, Buffalo, Hartford, Norfolk,
// Portland") says nothing of England.
func (d *data) qualifierLookup(q string) []posting {
	ps := d.lookup(q)
	if len(ps) == 0 {
		if c, ok := d.countryPart(q); ok {
			return []posting{{rec: c}} // "BRUNSWICK, West Germany": a town of Germany
		}
	}
	if pt, ok := d.parts[Key(q)]; ok {
		ps = slices.DeleteFunc(slices.Clone(ps), func(p posting) bool { return p.alias && p.rec == pt.within })
	}
	return ps
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

// withoutTrailingNumber cuts a figure the tagger joined to a place's name ("Denmark 7,250" in
// "traders in Denmark 7,250 and in France 4,000 tonnes") off the name and its mentions: a name of
// words and a number is the place followed by a quantity of it.
func withoutTrailingNumber(e article.Entity) article.Entity {
	i := strings.LastIndexByte(e.Name, ' ')
	if i <= 0 || !figure(e.Name[i+1:]) {
		return e
	}
	tail := e.Name[i:]
	cut := len([]rune(tail))
	ms := make([]article.Mention, 0, len(e.Mentions))
	for _, m := range e.Mentions {
		if head, ok := strings.CutSuffix(m.Text, tail); ok {
			m.Text, m.End = head, m.End-cut
		}
		ms = append(ms, m)
	}
	e.Name, e.Mentions = e.Name[:i], ms
	return e
}

// figure reports whether w is a number as written in running text: digits with separators.
func figure(w string) bool {
	digits := 0
	for _, c := range w {
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == ',' || c == '.':
		default:
			return false
		}
	}
	return digits > 0
}

// umlautSpelling finds a name written with its umlauts spelt out, as English news does without the
// letters ("Ruesselsheim", "Trollhaettan"): the places whose own name has an umlaut there.
func (d *data) umlautSpelling(name string) []posting {
	if !strings.Contains(name, "ae") && !strings.Contains(name, "oe") && !strings.Contains(name, "ue") {
		return nil
	}
	plain := umlautPairs.Replace(name)
	return slices.DeleteFunc(d.lookup(plain), func(p posting) bool {
		return p.alias || !strings.ContainsAny(d.recs[p.rec].name, "äöüÄÖÜ")
	})
}

// umlautPairs writes the spelt-out umlauts as the plain vowels Key folds the umlauts to.
var umlautPairs = strings.NewReplacer("ae", "a", "oe", "o", "ue", "u")

// saintAbbreviations are the short forms of "Saint" and "Sainte" at the start of a name.
var saintAbbreviations = map[string]string{"St": "Saint", "St.": "Saint", "Ste": "Sainte", "Ste.": "Sainte"}

// withSaintSpelled adds to ps the places of a name written with "St" whose gazetteer name spells
// "Saint" out ("St Etienne" is Saint-Étienne, "St George, Utah" is Saint George).
func (d *data) withSaintSpelled(name string, ps []posting) []posting {
	first, rest, ok := strings.Cut(name, " ")
	full, saint := saintAbbreviations[first]
	if !ok || !saint {
		return ps
	}
	// A place whose own name is written so ("St. Louis") is the one meant unless the spelt-out
	// namesake is of another order of size ("St Petersburg", Florida, against the Russian city):
	// Saint-Louis in Senegal is no reading of "St. Louis".
	var written uint32
	for _, p := range ps {
		written = max(written, d.recs[p.rec].pop)
	}
	for _, p := range d.lookup(full + " " + rest) {
		if written > 0 && uint64(d.recs[p.rec].pop) < uint64(written)*likeSizeRatio {
			continue
		}
		if !slices.ContainsFunc(ps, func(q posting) bool { return q.rec == p.rec }) {
			ps = append(slices.Clip(ps), p)
		}
	}
	return ps
}

// beforeCommonNoun reports whether a mention is followed by a word in lower case: a demonym used as
// an adjective ("American investors", "a Chinese firm") says where the story is; one used as a noun
// ("his fellow American", "the Russian's jump") says only where a person comes from.
func beforeCommonNoun(text []rune, m article.Mention) bool {
	return m.End+1 < len(text) && text[m.End] == ' ' && unicode.IsLower(text[m.End+1])
}

// possessorCountry returns the country written in the possessive before a mention ("France's
// Cesar", "Indonesia's Aceh"): what it owns lies in it.
func (d *data) possessorCountry(text []rune, ms []article.Mention) (int32, bool) {
	for _, m := range ms {
		i := m.Start - 1
		if i < 3 || text[i] != ' ' || text[i-1] != 's' || text[i-2] != '\'' && text[i-2] != '’' {
			continue
		}
		end := i - 2
		start := end
		for start > 0 && (unicode.IsLetter(text[start-1]) || text[start-1] == '.') {
			start--
		}
		for _, p := range d.lookup(string(text[start:end])) {
			if d.recs[p.rec].feature == featCountry {
				return p.rec, true
			}
		}
	}
	return -1, false
}
