package indextest

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/newsmon/newsmon/pkg/article"
)

// Fixture URLs; the suite refers to fixtures by these short names.
var fixtureURLs = map[string]string{
	"wuxi":     "https://www.reuters.com/business/energy/taihu-energy-battery-park-wuxi-2023-10-23/",
	"shanghai": "https://www.scmp.com/business/china-business/article/3239117/saic-motor-suv-shanghai-auto-show",
	"lyon":     "https://www.lemonde.fr/economie/article/2023/10/30/lyon-sommet-europeen-hydrogene.html",
	"nairobi":  "https://nation.africa/kenya/news/ruto-opens-africa-climate-summit-4358790",
	"tea":      "https://www.reuters.com/markets/commodities/kenya-tea-exports-rise-mombasa-2023-10-24/",
	"paris":    "https://www.france24.com/en/france/20231031-macron-nuclear-edf-reactors",
	"nanjing":  "https://www.handelsblatt.com/unternehmen/industrie/volkswagen-werk-nanjing/29470.html",
	"lithium":  "https://www.ft.com/content/lithium-prices-two-year-low-2023-10-16",
}

// fixtureSourceTags are the collection tags of the fixtures' sources, as a pipeline file would give
// them (Article.SourceTags); nation.africa has none.
var fixtureSourceTags = map[string][]string{
	"reuters.com":      {"country:GB", "kind:wire"},
	"ft.com":           {"country:GB", "kind:newspaper"},
	"scmp.com":         {"country:HK", "kind:newspaper", "collection:asia-press"},
	"lemonde.fr":       {"country:FR", "language:fr", "kind:newspaper", "collection:europe"},
	"france24.com":     {"country:FR", "kind:broadcast", "collection:europe"},
	"handelsblatt.com": {"country:DE", "language:de", "kind:newspaper", "collection:europe"},
}

// fixtureID returns the article id of the fixture with the short name.
func fixtureID(name string) string {
	u, ok := fixtureURLs[name]
	if !ok {
		panic("indextest: no fixture " + name)
	}
	return article.IDFor(u)
}

// Gazetteer entries the fixtures resolve to (GeoNames ids and coordinates).
var (
	placeWuxi     = article.Place{Name: "Wuxi", GeonameID: 1790923, Feature: "city", CountryCode: "CN", Country: "China", Admin1Code: "04", Admin1: "Jiangsu", Lat: 31.56887, Lon: 120.28857}
	placeNanjing  = article.Place{Name: "Nanjing", GeonameID: 1799962, Feature: "city", CountryCode: "CN", Country: "China", Admin1Code: "04", Admin1: "Jiangsu", Lat: 32.06167, Lon: 118.77778}
	placeShanghai = article.Place{Name: "Shanghai", GeonameID: 1796236, Feature: "city", CountryCode: "CN", Country: "China", Admin1Code: "23", Admin1: "Shanghai", Lat: 31.22222, Lon: 121.45806}
	placeShenzhen = article.Place{Name: "Shenzhen", GeonameID: 1795565, Feature: "city", CountryCode: "CN", Country: "China", Admin1Code: "30", Admin1: "Guangdong", Lat: 22.54554, Lon: 114.0683}
	placeChina    = article.Place{Name: "China", GeonameID: 1814991, Feature: "country", CountryCode: "CN", Country: "China", Lat: 35, Lon: 105}
	placeLyon     = article.Place{Name: "Lyon", GeonameID: 2996944, Feature: "city", CountryCode: "FR", Country: "France", Admin1Code: "84", Admin1: "Auvergne-Rhône-Alpes", Lat: 45.74846, Lon: 4.84671}
	placeParis    = article.Place{Name: "Paris", GeonameID: 2988507, Feature: "city", CountryCode: "FR", Country: "France", Admin1Code: "11", Admin1: "Île-de-France", Lat: 48.85341, Lon: 2.3488}
	placeNairobi  = article.Place{Name: "Nairobi", GeonameID: 184745, Feature: "city", CountryCode: "KE", Country: "Kenya", Admin1Code: "30", Admin1: "Nairobi County", Lat: -1.28333, Lon: 36.81667}
	placeMombasa  = article.Place{Name: "Mombasa", GeonameID: 186301, Feature: "city", CountryCode: "KE", Country: "Kenya", Admin1Code: "19", Admin1: "Mombasa County", Lat: -4.05466, Lon: 39.66359}
	placeKenya    = article.Place{Name: "Kenya", GeonameID: 192950, Feature: "country", CountryCode: "KE", Country: "Kenya", Lat: 1, Lon: 38}
)

// Fixtures returns eight enriched articles, freshly built on each call (callers may modify them):
// four countries, five languages' worth of sources, published between 2023-09-04 and 2023-10-31,
// with entities, resolved places (city ⊂ admin1 ⊂ country), money, dates and quotes whose offsets
// are code-point offsets into Text, as the extractors produce them.
func Fixtures() []*article.Article {
	return []*article.Article{
		fixtureWuxi(), fixtureShanghai(), fixtureLyon(), fixtureNairobi(),
		fixtureTea(), fixtureParis(), fixtureNanjing(), fixtureLithium(),
	}
}

// fixtureBuilder fills an article's spans from the surface strings, so offsets are right by
// construction. A surface string missing from the text is a bug in the fixture and panics.
type fixtureBuilder struct{ a *article.Article }

func newFixture(name, source, lang, published, title, text string, authors ...string) *fixtureBuilder {
	pub, err := time.Parse(time.RFC3339, published)
	if err != nil {
		panic(err)
	}
	u := fixtureURLs[name]
	fetched := pub.Add(37 * time.Minute).UTC()
	a := &article.Article{
		ID: article.IDFor(u), URL: u, CanonicalURL: u, Source: source,
		Feed:    "https://" + source + "/rss",
		Title:   title,
		Authors: append([]string{}, authors...), Published: &pub, Fetched: fetched,
		Language: lang, Text: text, SourceTags: slices.Clone(fixtureSourceTags[source]),
	}
	a.Normalize()
	return &fixtureBuilder{a: a}
}

// mention finds the nth (0-based) occurrence of s in the text.
func (b *fixtureBuilder) mention(s string, nth int) article.Mention {
	text, from := b.a.Text, 0
	for i := 0; ; i++ {
		j := strings.Index(text[from:], s)
		if j < 0 {
			panic(fmt.Sprintf("indextest: fixture %q: %q occurrence %d not in text", b.a.Title, s, nth))
		}
		if i == nth {
			start := utf8.RuneCountInString(text[:from+j])
			return article.Mention{Text: s, Start: start, End: start + utf8.RuneCountInString(s)}
		}
		from += j + len(s)
	}
}

// mentions lists the given surface forms, each as "surface" or "surface#nth".
func (b *fixtureBuilder) mentions(surfaces ...string) []article.Mention {
	var out []article.Mention
	for _, s := range surfaces {
		nth := 0
		if i := strings.LastIndex(s, "#"); i > 0 {
			fmt.Sscan(s[i+1:], &nth)
			s = s[:i]
		}
		out = append(out, b.mention(s, nth))
	}
	return out
}

func (b *fixtureBuilder) entity(typ, name, role string, surfaces ...string) *fixtureBuilder {
	m := b.mentions(surfaces...)
	b.a.Entities = append(b.a.Entities, article.Entity{Type: typ, Name: name, Mentions: m, Count: len(m), Role: role})
	return b
}

func (b *fixtureBuilder) place(p article.Place, surfaces ...string) *fixtureBuilder {
	p.Mentions = b.mentions(surfaces...)
	b.a.Places = append(b.a.Places, p)
	return b
}

func (b *fixtureBuilder) event(name, date, place string, surfaces ...string) *fixtureBuilder {
	b.a.Events = append(b.a.Events, article.Event{Name: name, Mentions: b.mentions(surfaces...), Date: date, Place: place})
	return b
}

// eventMention adds an event mention (no name) of the type, with its trigger.
func (b *fixtureBuilder) eventMention(typ, trigger, date, place string) *fixtureBuilder {
	m := b.mentions(trigger)
	b.a.Events = append(b.a.Events, article.Event{Mentions: m, Date: date, Place: place, Type: typ, Trigger: &m[0],
		Confidence: 0.8})
	return b
}

// eventType sets the type of the last event.
func (b *fixtureBuilder) eventType(typ string) *fixtureBuilder {
	b.a.Events[len(b.a.Events)-1].Type = typ
	return b
}

func (b *fixtureBuilder) money(surface string, amount float64, currency string, equivalentOf *int) *fixtureBuilder {
	m := b.mention(surface, 0)
	b.a.Money = append(b.a.Money, article.Money{Text: m.Text, Start: m.Start, End: m.End, Amount: amount,
		Currency: currency, EquivalentOf: equivalentOf})
	return b
}

func (b *fixtureBuilder) date(surface, value, grain string) *fixtureBuilder {
	m := b.mention(surface, 0)
	b.a.Dates = append(b.a.Dates, article.Date{Text: m.Text, Start: m.Start, End: m.End, Value: value, Grain: grain})
	return b
}

// quote adds a quote; speakerSurface and cue may carry "#nth" like mentions.
func (b *fixtureBuilder) quote(content string, direct bool, speaker, speakerType, speakerSurface, cue string) *fixtureBuilder {
	c := b.mention(content, 0)
	sm := b.mentions(speakerSurface)[0]
	cm := b.mentions(cue)[0]
	b.a.Quotes = append(b.a.Quotes, article.Quote{
		Text: c.Text, Start: c.Start, End: c.End, Direct: direct,
		Speaker: &speaker, SpeakerType: &speakerType, SpeakerMention: &sm,
		Cue: cm.Text, CueSpan: &article.Span{Start: cm.Start, End: cm.End},
	})
	return b
}

func intp(i int) *int { return &i }

func fixtureWuxi() *article.Article {
	return newFixture("wuxi", "reuters.com", "en", "2023-10-23T09:30:00+08:00",
		"Taihu Energy to build 250 billion yuan battery park in Wuxi",
		"Taihu Energy Group said on Monday it will invest 250 billion yuan ($34.23 billion) in a battery "+
			"manufacturing park in Wuxi, its largest project to date.\n\n"+
			"\"This park will create 20,000 jobs and make Wuxi the heart of the new-energy industry,\" said Li Wei, "+
			"director of the Wuxi New District administration.\n\n"+
			"Construction is due to start on Oct 23 and the first production lines should open in 2025.",
		"Brenda Goh").
		entity(article.TypeOrg, "Taihu Energy Group", "", "Taihu Energy Group").
		entity(article.TypePerson, "Li Wei", "director of the Wuxi New District administration", "Li Wei").
		entity(article.TypePlace, "Wuxi", "", "Wuxi#0", "Wuxi#1", "Wuxi#2").
		place(placeWuxi, "Wuxi#0", "Wuxi#1", "Wuxi#2").
		eventMention("statement", "said#0", "2023-10-23", "").
		money("250 billion yuan", 250e9, "CNY", nil).
		money("$34.23 billion", 34.23e9, "USD", intp(0)).
		date("Monday", "2023-10-23", "day").
		date("Oct 23", "2023-10-23", "day").
		date("2025", "2025", "year").
		quote("This park will create 20,000 jobs and make Wuxi the heart of the new-energy industry", true,
			"Li Wei", article.TypePerson, "Li Wei", "said#1").a
}

func fixtureShanghai() *article.Article {
	return newFixture("shanghai", "scmp.com", "en", "2023-10-25T14:00:00+08:00",
		"SAIC Motor unveils electric SUV at Shanghai Auto Show",
		"SAIC Motor presented its first solid-state electric SUV at the Shanghai Auto Show on Wednesday, as "+
			"carmakers in China race to cut prices.\n\n"+
			"\"Our customers want range, not gadgets,\" SAIC Motor president Zhang Min told reporters. The company "+
			"expects to sell 500,000 electric vehicles abroad next year.\n\n"+
			"The show runs in Shanghai until Sunday.").
		entity(article.TypeOrg, "SAIC Motor", "", "SAIC Motor#0", "SAIC Motor#1").
		entity(article.TypePerson, "Zhang Min", "SAIC Motor president", "Zhang Min").
		entity(article.TypeEvent, "Shanghai Auto Show", "", "Shanghai Auto Show").
		entity(article.TypePlace, "China", "", "China").
		entity(article.TypePlace, "Shanghai", "", "Shanghai#1").
		place(placeChina, "China").
		place(placeShanghai, "Shanghai#1").
		date("Wednesday", "2023-10-25", "day").
		date("next year", "2024", "year").
		date("Sunday", "2023-10-29", "day").
		quote("Our customers want range, not gadgets", true, "Zhang Min", article.TypePerson, "Zhang Min", "told").a
}

func fixtureLyon() *article.Article {
	return newFixture("lyon", "lemonde.fr", "fr", "2023-10-30T10:00:00+01:00",
		"Lyon accueille le sommet européen de l'hydrogène",
		"La ville de Lyon accueille lundi le Sommet européen de l'hydrogène, qui réunit industriels et élus de "+
			"toute l'Europe.\n\n"+
			"« Nous voulons faire de la vallée de la chimie un laboratoire de l'hydrogène vert », a déclaré "+
			"Grégory Doucet, maire de Lyon.\n\n"+
			"La Commission européenne a promis 120 millions d'euros pour trois projets dans la région.",
		"Claire Ané").
		entity(article.TypePlace, "Lyon", "", "Lyon#0", "Lyon#1").
		entity(article.TypeEvent, "Sommet européen de l'hydrogène", "", "Sommet européen de l'hydrogène").
		entity(article.TypePerson, "Grégory Doucet", "maire de Lyon", "Grégory Doucet").
		entity(article.TypeOrg, "Commission européenne", "", "Commission européenne").
		place(placeLyon, "Lyon#0", "Lyon#1").
		event("Sommet européen de l'hydrogène", "2023-10-30", "Lyon", "Sommet européen de l'hydrogène").
		eventType("meeting").
		money("120 millions d'euros", 120e6, "EUR", nil).
		date("lundi", "2023-10-30", "day").
		quote("Nous voulons faire de la vallée de la chimie un laboratoire de l'hydrogène vert", true,
			"Grégory Doucet", article.TypePerson, "Grégory Doucet", "a déclaré").a
}

func fixtureNairobi() *article.Article {
	return newFixture("nairobi", "nation.africa", "en", "2023-09-04T18:00:00+03:00",
		"Ruto opens Africa Climate Summit in Nairobi with call for green finance",
		"President William Ruto opened the Africa Climate Summit in Nairobi on Monday, urging rich nations to "+
			"unlock finance for clean energy on the continent.\n\n"+
			"\"Africa is not a victim of climate change, Africa is a solution,\" Ruto told delegates from across "+
			"the African Union.\n\n"+
			"The summit's organisers said pledges of $23 billion had been made by the end of the first day.").
		entity(article.TypePerson, "William Ruto", "President", "William Ruto", "Ruto#1").
		entity(article.TypeEvent, "Africa Climate Summit", "", "Africa Climate Summit").
		entity(article.TypePlace, "Nairobi", "", "Nairobi").
		entity(article.TypeOrg, "African Union", "", "African Union").
		place(placeNairobi, "Nairobi").
		event("Africa Climate Summit", "2023-09-04", "Nairobi", "Africa Climate Summit").
		eventType("meeting").
		money("$23 billion", 23e9, "USD", nil).
		date("Monday", "2023-09-04", "day").
		quote("Africa is not a victim of climate change, Africa is a solution", true,
			"William Ruto", article.TypePerson, "Ruto#1", "told").a
}

func fixtureTea() *article.Article {
	return newFixture("tea", "reuters.com", "en", "2023-10-24T08:15:00Z",
		"Kenya tea exports rise as Mombasa auction prices recover",
		"Kenya's tea exports rose 12% in September, the Kenya Tea Development Agency said on Tuesday, helped by a "+
			"recovery in prices at the Mombasa auction.\n\n"+
			"The agency said earnings from tea reached 16.5 billion shillings in the month, and that demand from "+
			"overseas buyers remained strong.\n\n"+
			"Grace Wanjiru, a tea farmer in Kericho, said higher prices would help growers pay for fertiliser.",
		"Duncan Miriri").
		entity(article.TypePlace, "Kenya", "", "Kenya#0").
		entity(article.TypeOrg, "Kenya Tea Development Agency", "", "Kenya Tea Development Agency", "The agency").
		entity(article.TypePlace, "Mombasa", "", "Mombasa").
		entity(article.TypePerson, "Grace Wanjiru", "tea farmer", "Grace Wanjiru").
		entity(article.TypePlace, "Kericho", "", "Kericho"). // unresolved: not in Places
		place(placeKenya, "Kenya#0").
		place(placeMombasa, "Mombasa").
		eventMention("economic", "exports rose", "2023-09", "Kenya").
		money("16.5 billion shillings", 16.5e9, "KES", nil).
		date("September", "2023-09", "month").
		date("Tuesday", "2023-10-24", "day").
		quote("earnings from tea reached 16.5 billion shillings in the month, and that demand from overseas buyers "+
			"remained strong", false, "Kenya Tea Development Agency", article.TypeOrg, "The agency", "said#1").
		quote("higher prices would help growers pay for fertiliser", false,
			"Grace Wanjiru", article.TypePerson, "Grace Wanjiru", "said#2").a
}

func fixtureParis() *article.Article {
	return newFixture("paris", "france24.com", "en", "2023-10-31T16:45:00+01:00",
		"Macron pledges €1.5 billion for nuclear power as EDF plans new reactors",
		"French President Emmanuel Macron on Tuesday pledged €1.5 billion to speed up the construction of new "+
			"reactors, speaking at an EDF site near Paris.\n\n"+
			"\"Nuclear power is the backbone of our energy independence,\" Macron said.\n\n"+
			"EDF also confirmed a hydrogen pilot plant near Lyon, announced at a summit in the city this week.").
		entity(article.TypePerson, "Emmanuel Macron", "French President", "Emmanuel Macron", "Macron#1").
		entity(article.TypeOrg, "EDF", "", "EDF#0", "EDF#1").
		entity(article.TypePlace, "Paris", "", "Paris").
		entity(article.TypePlace, "Lyon", "", "Lyon").
		place(placeParis, "Paris").
		place(placeLyon, "Lyon").
		eventMention("statement", "pledged", "2023-10-31", "").
		money("€1.5 billion", 1.5e9, "EUR", nil).
		date("Tuesday", "2023-10-31", "day").
		date("this week", "2023-10-30", "week").
		quote("Nuclear power is the backbone of our energy independence", true,
			"Emmanuel Macron", article.TypePerson, "Macron#1", "said").a
}

func fixtureNanjing() *article.Article {
	return newFixture("nanjing", "handelsblatt.com", "de", "2023-10-26T07:30:00+02:00",
		"Volkswagen erweitert Werk in Nanjing",
		"Volkswagen investiert eine Milliarde Euro in den Ausbau seines Werks in Nanjing, teilte der Konzern am "+
			"Donnerstag mit.\n\n"+
			"„China bleibt unser wichtigster Markt“, sagte China-Chef Ralf Brandstätter.\n\n"+
			"Das Werk soll ab 2025 Elektroautos für den chinesischen Markt liefern.").
		entity(article.TypeOrg, "Volkswagen", "", "Volkswagen").
		entity(article.TypePlace, "Nanjing", "", "Nanjing").
		entity(article.TypePlace, "China", "", "China#0").
		entity(article.TypePerson, "Ralf Brandstätter", "China-Chef", "Ralf Brandstätter").
		place(placeNanjing, "Nanjing").
		place(placeChina, "China#0").
		money("eine Milliarde Euro", 1e9, "EUR", nil).
		date("Donnerstag", "2023-10-26", "day").
		date("2025", "2025", "year").
		quote("China bleibt unser wichtigster Markt", true,
			"Ralf Brandstätter", article.TypePerson, "Ralf Brandstätter", "sagte").a
}

func fixtureLithium() *article.Article {
	return newFixture("lithium", "ft.com", "en", "2023-10-16T06:00:00Z",
		"Lithium prices slide to two-year low",
		"Lithium prices fell to their lowest level in two years this week as slowing electric car sales in "+
			"Europe left battery makers with excess stock.\n\n"+
			"Albemarle chief executive Kent Masters said the market would rebalance next year as new projects "+
			"in the Atacama were delayed.\n\n"+
			"Tianqi Lithium shares fell 4% in Shenzhen.",
		"Harry Dempsey").
		entity(article.TypeOrg, "Albemarle", "", "Albemarle").
		entity(article.TypePerson, "Kent Masters", "Albemarle chief executive", "Kent Masters").
		entity(article.TypePlace, "Atacama", "", "Atacama"). // unresolved: not in Places
		entity(article.TypeOrg, "Tianqi Lithium", "", "Tianqi Lithium").
		entity(article.TypePlace, "Shenzhen", "", "Shenzhen").
		place(placeShenzhen, "Shenzhen").
		date("this week", "2023-10-16", "week").
		date("next year", "2024", "year").
		quote("the market would rebalance next year as new projects in the Atacama were delayed", false,
			"Kent Masters", article.TypePerson, "Kent Masters", "said").a
}
