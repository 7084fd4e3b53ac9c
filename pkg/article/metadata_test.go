package article

import (
	"slices"
	"testing"
	"time"
)

// metadataCase is one page of the metadata test set in testdata/meta: pages written for this
// test in the markup styles news sites use (JSON-LD, OpenGraph only, microdata, Dublin Core,
// Parse.ly and Sailthru tags, bare HTML with printed bylines and datelines in many languages,
// formats and time zones), each with the title, authors and publication date a reader sees.
type metadataCase struct {
	file      string
	url       string
	hint      string // feed date, RFC 3339, if the crawler had one
	title     string
	authors   []string
	published string // RFC 3339
}

var metadataCases = []metadataCase{
	{"01-jsonld-newsarticle.html", "https://harbourgazette.example/news/ferry-strike", "", "Ferry strike halts Channel crossings", []string{"Olivia Grant", "Samir Haddad"}, "2024-03-05T07:45:00Z"},
	{"02-yoast-graph.html", "https://urbangarden.example/balcony-tomatoes/", "", "How to Grow Tomatoes on a Balcony", []string{"Priya Menon"}, "2023-05-14T16:20:11Z"},
	{"03-jsonld-string-author.html", "https://riversidecourier.example/local/bike-lanes", "", "City council approves bike lanes on Main Street", []string{"Dana Whitfield", "Marcus Lee"}, "2022-09-22T00:05:00Z"},
	{"04-jsonld-broken.html", "https://southerndaily.example/article/drought", "", "Drought forces water rationing in three provinces", []string{"Thabo Mokoena"}, "2024-01-18T04:30:00Z"},
	{"05-og-only-profile-link.html", "https://diariodelsur.example/politica/plan-vivienda", "", "El Gobierno anuncia un plan de vivienda", []string{"María García"}, "2025-02-11T13:30:00Z"},
	{"06-og-meta-author.html", "https://autoweekly.example/reviews/tiny-ev", "", "Review: The quiet brilliance of a tiny electric hatchback", []string{"Helen Zhao"}, "2021-08-30T12:00:00Z"},
	{"07-microdata-article.html", "https://microdatatimes.example/science/ocean-map", "", "Scientists map the deep ocean floor", []string{"Erik Lindqvist"}, "2020-10-07T06:15:00Z"},
	{"08-microdata-time.html", "https://valleypost.example/local/library-reopens", "", "Library reopens after flood repairs", []string{"Grace O'Neill"}, "2019-04-02T00:00:00Z"},
	{"09-bare-byline-time.html", "http://hilltownherald.example/sport/rovers-title.htm", "", "Local team wins regional title", []string{"Tom Baxter"}, "2018-06-17T17:40:00Z"},
	{"10-bare-dateline-est.html", "https://countyline.example/schools-closed", "", "Snowstorm closes schools across the county", []string{"Rebecca Stone"}, "2024-03-05T20:30:00Z"},
	{"11-sidebar-time-first.html", "https://coastaltimes.example/port-expansion", "", "Port expansion wins final approval", []string{"Ines Duarte"}, "2023-01-09T14:25:00Z"},
	{"12-chinese-underscore.html", "https://news.jiangnan.example/a/20261117/123.shtml", "", "无锡新吴区签约2500亿元芯片项目", []string{"张伟"}, "2026-11-17T08:30:00Z"},
	{"13-japanese.html", "https://kansai-nippo.example/articles/quake", "", "関西で震度6弱、新幹線が一時運転見合わせ", nil, "2026-11-08T22:35:00Z"},
	{"14-german.html", "https://rheinischer-anzeiger.example/lokales/radwege", "", "Stadtrat beschließt neues Radwegenetz", []string{"Anna Schmidt", "Peter Müller"}, "2026-11-17T09:05:00Z"},
	{"15-french.html", "https://courrier-rhone.example/sommet-lyon", "", "Le sommet de Lyon s'achève sur des promesses", []string{"Claire Fontaine"}, "2026-11-17T18:05:00Z"},
	{"16-spanish-dateline.html", "https://lavozpatagonica.example/economia/vaca-muerta", "", "Petrosur invertirá 4.000 millones en Vaca Muerta", []string{"Diego Fernández"}, "2026-11-19T16:30:00Z"},
	{"17-portuguese.html", "https://jornalpaulista.example/cidades/metro", "", "Metrô de São Paulo terá nova linha até Guarulhos", []string{"João Silva"}, "2025-03-05T17:30:00Z"},
	{"18-russian.html", "https://gorod-news.example/moskva/metro", "", "В Москве открылась новая станция метро", []string{"Иван Петров"}, "2019-11-20T07:00:00Z"},
	{"19-indonesian.html", "https://kabarnusantara.example/read/banjir-bekasi", "", "Banjir Rendam Ratusan Rumah di Bekasi", []string{"Budi Santoso"}, "2019-11-18T00:00:00Z"},
	{"20-ap-byline.html", "https://wirenews.example/article/wildfire", "", "Wildfire forces evacuations near Sacramento", []string{"John Smith"}, "2021-07-14T22:10:00Z"},
	{"21-byline-role.html", "https://westminsterpost.example/politics/budget-row", "", "Budget row deepens as ministers clash", []string{"Tom Brown"}, "2024-10-28T00:00:00Z"},
	{"22-reuters-reporting.html", "https://wireservice.example/markets/oil", "", "Oil prices rise on supply worries", []string{"Aaron Sheldrick", "Florence Tan"}, "2019-11-18T09:30:00Z"},
	{"23-multiple-meta-authors.html", "https://sciencejournal.example/sleep-memory", "", "New study links sleep and memory", []string{"Laura Chen", "Marco Rossi"}, "2022-03-15T00:00:00Z"},
	{"24-dublin-core.html", "https://envbulletin.example/rivers-report", "", "Annual report on river water quality", []string{"Fiona MacLeod"}, "2020-02-03T09:00:00Z"},
	{"25-parsely.html", "https://techbeat.example/battery-recycling", "", "Startup raises $40 million for battery recycling", []string{"Nadia Karim"}, "2023-08-22T13:00:00Z"},
	{"26-sailthru.html", "https://metrodaily.example/stadium-plan", "", "Mayor unveils plan for new stadium", []string{"Kevin O'Brien"}, "2019-11-19T19:00:00Z"},
	{"27-url-date-only.html", "https://townnews.example/news/2022/08/13/town-fair.html", "", "Town fair returns after two-year break", nil, "2022-08-13T00:00:00Z"},
	{"28-feed-hint-beats-url.html", "https://countynews.example/2023/02/02/council-tax.html", "2023-02-02T16:45:00Z", "Council tax to rise by 4.99 per cent", nil, "2023-02-02T16:45:00Z"},
	{"29-time-text-only.html", "https://weathernow.example/heatwave", "", "Heatwave warning issued for the weekend", []string{"Sam Patel"}, "2019-11-18T00:00:00Z"},
	{"30-day-meta-plus-dateline.html", "https://railnews.example/fares-frozen", "", "Rail fares frozen for another year", nil, "2025-01-06T08:30:00Z"},
	{"31-rfc1123-meta.html", "https://culturedesk.example/bronzes", "", "Museum returns bronze statues to Nigeria", []string{"Amara Okafor"}, "2019-11-18T14:30:00Z"},
	{"32-og-title-suffix.html", "https://northernecho.example/news/storm-ciara", "", "Storm Ciara: flights cancelled and trains halted", nil, "2020-02-09T11:15:00Z"},
	{"33-site-prefix.html", "https://www.bbc.example/news/science-europa", "", "Scientists find water vapour on Europa", nil, "2019-11-18T00:00:00Z"},
	{"34-hyphen-in-headline.html", "https://healthdaily.example/covid-vaccines", "", "Covid-19 vaccines - what we know so far", nil, "2020-12-02T07:00:00Z"},
	{"35-rel-author.html", "https://runnerspost.example/marathon-ten-years", "", "Ten years of the city marathon", []string{"Jane Doe"}, "2021-04-12T00:00:00Z"},
	{"36-byline-date-pipe.html", "https://healthwatch.example/waiting-lists", "", "Hospital waiting lists fall for first time in years", []string{"Rachel Adeyemi"}, "2024-03-03T12:00:00Z"},
	{"37-three-authors.html", "https://energyreview.example/battery-race", "", "Inside the race to build a better battery", []string{"Ana Ruiz", "Ben Cole", "Chidi Obi"}, "2022-11-01T09:00:00Z"},
	{"38-jsonld-type-array.html", "https://citypaper.example/opinion/trees", "", "Opinion: Our cities need more trees", []string{"Leila Nasser"}, "2023-07-19T04:30:00Z"},
	{"39-webpage-ld-article-author-name.html", "https://acme.example/newsroom/leeds", "", "Acme opens new warehouse in Leeds", []string{"Gareth Hughes"}, "2024-09-10T08:00:00Z"},
	{"40-hover-card-byline.html", "https://plainsjournal.example/farm/water-rules", "", "Farmers protest new water rules", []string{"Luc Moreau"}, "2022-10-03T22:12:00Z"},
	{"41-summer-et.html", "https://cityweekly.example/fireworks", "", "Fireworks show draws record crowd", []string{"Maya Johnson"}, "2025-07-05T03:30:00Z"},
	{"42-sast.html", "https://capereport.example/load-shedding", "", "Load shedding suspended for the weekend", []string{"Sipho Ndlovu"}, "2024-06-14T15:45:00Z"},
	{"43-eat-nairobi.html", "https://nairobinews.example/expressway-tolls", "", "Nairobi expressway tolls to rise in January", []string{"Wanjiru Kamau"}, "2024-11-20T07:15:00Z"},
	{"45-h1-logo-chinese.html", "https://www.dongfang.example/finance/2026-11/10/c_1.htm", "", "江苏出口同比增长7.4% 南通船厂订单排至2030年", []string{"李明"}, "2026-11-10T03:45:00Z"},
	{"46-byline-list.html", "https://dalesgazette.example/news/village-shop", "", "Village shop saved by community buyout", []string{"Ellie Hartley"}, "2024-04-03T09:20:00Z"},
	{"47-teaser-article-first.html", "https://citytram.example/news/tram-extension", "", "Tram line extension opens a year late", []string{"Aisha Rahman"}, "2024-05-06T05:30:00Z"},
	{"48-big5-taiwan.html", "https://www.taiwandaily.example/news/20191118/mrt.html", "", "台北捷運環狀線明年通車 預估每日運量十萬人次", []string{"王小明"}, "2019-11-18T06:30:00Z"},
	{"44-ist-india.html", "https://deccanmail.example/kerala-monsoon", "", "Monsoon arrives early in Kerala", []string{"Arjun Nair"}, "2024-05-31T04:10:00Z"},
}

// TestMetadataSet reports the share of correct titles, author lists and publication dates over
// the metadata test set and fails below 99% overall.
func TestMetadataSet(t *testing.T) {
	t.Parallel()
	fetched := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	var titles, authors, dates int
	for _, c := range metadataCases {
		p := Page{URL: c.url, ContentType: "text/html", Body: mustRead(t, "meta/"+c.file), Fetched: fetched}
		if c.hint != "" {
			p.Hints.Published = ts(c.hint)
		}
		a, err := FromPage(p)
		if err != nil {
			t.Errorf("%s: %v", c.file, err)
			continue
		}
		if a.Title == c.title {
			titles++
		} else {
			t.Logf("%s: title = %q; want %q", c.file, a.Title, c.title)
		}
		if slices.Equal(a.Authors, c.authors) || len(a.Authors) == 0 && len(c.authors) == 0 {
			authors++
		} else {
			t.Logf("%s: authors = %q; want %q", c.file, a.Authors, c.authors)
		}
		if want := ts(c.published); a.Published != nil && a.Published.Equal(*want) {
			dates++
		} else {
			t.Logf("%s: published = %v; want %v", c.file, a.Published, want)
		}
	}
	n := len(metadataCases)
	pct := func(k int) float64 { return 100 * float64(k) / float64(n) }
	overall := pct(titles+authors+dates) / 3
	t.Logf("metadata set: %d pages; title %.1f%%, authors %.1f%%, published %.1f%%; overall %.1f%%",
		n, pct(titles), pct(authors), pct(dates), overall)
	// Measured 100.0% over 48 pages (144 fields); 99% lets one field slip.
	if n < 40 || overall < 99 {
		t.Errorf("metadata set: overall %.1f%% correct over %d pages; want at least 99%% over 40", overall, n)
	}
}
