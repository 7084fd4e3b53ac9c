package demo

import (
	"fmt"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// GeneratedPageSize is the number of items per page of a generated site's feeds.
const GeneratedPageSize = 100

// generatedEnd is the newest publication instant of a generated site; stories spread over three
// weeks before it.
var generatedEnd = time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)

// Generated serves a synthetic site of n articles for benchmarks: pages in the five outlet layouts
// with templated but plausible text (people with roles, organisations, places, money, dates,
// quotes), paged RSS feeds of at most GeneratedPageSize items (GeneratedFeedPaths lists them; each
// page also links the next with atom:link rel="next"), a sitemap index and robots.txt. The same
// n and seed always give the same site; article i is generated on request, so memory stays flat.
func Generated(n int, seed int64) http.Handler {
	r, err := newRenderer()
	if err != nil {
		panic(fmt.Sprintf("demo: embedded templates are broken: %v", err))
	}
	return &genHandler{n: max(n, 0), seed: seed, r: r}
}

// GeneratedFeedPaths lists the feed pages of a site made by Generated(n, …): "/feeds/1.xml" …
func GeneratedFeedPaths(n int) []string {
	pages := (n + GeneratedPageSize - 1) / GeneratedPageSize
	out := make([]string, 0, pages)
	for p := 1; p <= pages; p++ {
		out = append(out, fmt.Sprintf("/feeds/%d.xml", p))
	}
	return out
}

const genSitemapSize = 1000

type genHandler struct {
	n     int
	seed  int64
	langs []string // languages each story is drawn from, evenly; nil: English only
	r     *renderer
	disk  *renderedPages // nil: render on request
}

// GeneratedOnDisk is Generated with every article page rendered ahead of time, for the site at base
// (its URL, e.g. "http://127.0.0.1:41234"), into files under dir, which it then serves: a benchmark
// run on the same machine measures the pipeline, not the site's templates (rendering costs about as
// much CPU as a tenth of the pipeline). Feeds, sitemaps and robots.txt are still made on request.
func GeneratedOnDisk(n int, seed int64, base, dir string) (http.Handler, error) {
	return GeneratedMixedOnDisk(n, seed, nil, base, dir)
}

// GeneratedMixedOnDisk is GeneratedOnDisk with each story written in one of langs, drawn evenly
// (GeneratedLanguages lists those it can write); with no langs it is GeneratedOnDisk's English site.
func GeneratedMixedOnDisk(n int, seed int64, langs []string, base, dir string) (http.Handler, error) {
	if err := CheckGeneratedLanguages(langs); err != nil {
		return nil, err
	}
	h := Generated(n, seed).(*genHandler)
	if slices.ContainsFunc(langs, func(l string) bool { return l != "en" }) {
		h.langs = langs // English alone is the English site, article for article
	}
	pages := &renderedPages{dir: dir, meta: make([]renderedPage, h.n)}
	for i := range h.n {
		body, ctype, modified, err := h.renderArticle(base, i)
		if err != nil {
			return nil, err
		}
		if err := os.WriteFile(pages.file(i), body, 0o644); err != nil {
			return nil, fmt.Errorf("prerender article %d: %w", i, err)
		}
		pages.meta[i] = renderedPage{etag: etagOf(body), ctype: ctype, modified: modified}
	}
	h.disk = pages
	return h, nil
}

// renderedPages are article pages rendered ahead of time: bodies in files, headers in memory.
type renderedPages struct {
	dir  string
	meta []renderedPage
}

type renderedPage struct {
	etag, ctype string
	modified    time.Time
}

func (p *renderedPages) file(i int) string { return filepath.Join(p.dir, strconv.Itoa(i)+".html") }

func (h *genHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	serveSite(w, r, generatedEnd, h.route)
}

// route answers a GET or HEAD of the path p of the generated site, whose address is base.
func (h *genHandler) route(w http.ResponseWriter, r *http.Request, base, p string) {
	switch {
	case p == "/" || p == "/feeds/":
		var b strings.Builder
		b.WriteString("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Generated news site</title></head><body><ul>\n")
		for _, f := range GeneratedFeedPaths(h.n) {
			fmt.Fprintf(&b, "<li><a href=\"%s\">%s</a></li>\n", f, f)
		}
		b.WriteString("</ul></body></html>\n")
		serveBytes(w, r, []byte(b.String()), "text/html; charset=utf-8", generatedEnd)
		return
	case p == "/sitemap.xml":
		var idx sitemapIndex
		for i := 0; i*genSitemapSize < h.n; i++ {
			idx.Sitemaps = append(idx.Sitemaps, sitemapRef{Loc: fmt.Sprintf("%s/sitemaps/%d.xml", base, i+1)})
		}
		h.serveXML(w, r, idx, "application/xml; charset=utf-8")
		return
	}
	if num, ok := pageNumber(p, "/feeds/"); ok {
		h.serveFeed(w, r, base, num)
		return
	}
	if num, ok := pageNumber(p, "/sitemaps/"); ok {
		lo, hi := (num-1)*genSitemapSize, min(num*genSitemapSize, h.n)
		if lo >= hi {
			http.NotFound(w, r)
			return
		}
		h.serveXML(w, r, urlSetFor(base, h.stories(lo, hi), false), "application/xml; charset=utf-8")
		return
	}
	if i, st := h.lookup(p); st != nil {
		if h.disk != nil {
			h.serveRendered(w, r, i)
			return
		}
		body, ctype, modified, err := h.renderArticle(base, i)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		serveBytes(w, r, body, ctype, modified)
		return
	}
	http.NotFound(w, r)
}

// renderArticle renders article page i of the site at base.
func (h *genHandler) renderArticle(base string, i int) (body []byte, ctype string, modified time.Time, err error) {
	st := h.story(i)
	d := pageData{Base: base, O: st.outlet, S: st, Canonical: base + st.Path(), Comments: commentsFor(st.Path()), Now: generatedEnd}
	for j := 1; j <= 3 && i+j < h.n; j++ {
		d.Related = append(d.Related, h.story(i+j))
	}
	body, ctype, err = h.r.renderStory(d)
	return body, ctype, st.Published, err
}

func (h *genHandler) serveRendered(w http.ResponseWriter, r *http.Request, i int) {
	f, err := os.Open(h.disk.file(i))
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	defer f.Close()
	m := h.disk.meta[i]
	w.Header().Set("ETag", m.etag)
	w.Header().Set("Content-Type", m.ctype)
	w.Header().Set("Cache-Control", "max-age=60")
	http.ServeContent(w, r, "", m.modified, f)
}

func (h *genHandler) serveFeed(w http.ResponseWriter, r *http.Request, base string, page int) {
	lo, hi := (page-1)*GeneratedPageSize, min(page*GeneratedPageSize, h.n)
	if lo >= hi {
		http.NotFound(w, r)
		return
	}
	var extra []rssAtomLink
	if hi < h.n {
		extra = append(extra, rssAtomLink{Href: fmt.Sprintf("%s/feeds/%d.xml", base, page+1), Rel: "next", Type: "application/rss+xml"})
	}
	if page > 1 {
		extra = append(extra, rssAtomLink{Href: fmt.Sprintf("%s/feeds/%d.xml", base, page-1), Rel: "previous", Type: "application/rss+xml"})
	}
	lang := "en"
	if len(h.langs) > 0 {
		lang = "" // a mixed feed declares no language: each page declares its own
	}
	doc := rssFeed(base, fmt.Sprintf("/feeds/%d.xml", page), fmt.Sprintf("Generated news, page %d", page), base+"/",
		"Synthetic articles for benchmarks", lang, h.stories(lo, hi), extra...)
	h.serveXML(w, r, doc, "application/rss+xml; charset=utf-8")
}

// serveXML serves an XML document of the generated site: none changes after generatedEnd.
func (h *genHandler) serveXML(w http.ResponseWriter, r *http.Request, v any, ctype string) {
	serveXML(w, r, v, ctype, generatedEnd)
}

func (h *genHandler) stories(lo, hi int) []*story {
	out := make([]*story, 0, hi-lo)
	for i := lo; i < hi; i++ {
		out = append(out, h.story(i))
	}
	return out
}

// pageNumber parses "/feeds/12.xml" → 12.
func pageNumber(p, prefix string) (int, bool) {
	rest, ok := strings.CutPrefix(p, prefix)
	if !ok {
		return 0, false
	}
	num, err := strconv.Atoi(strings.TrimSuffix(rest, ".xml"))
	if err != nil || num < 1 || !strings.HasSuffix(rest, ".xml") {
		return 0, false
	}
	return num, true
}

// lookup maps an article path back to its number and story: the slug ends in "-<i>.html".
func (h *genHandler) lookup(p string) (int, *story) {
	file := p[strings.LastIndexByte(p, '/')+1:]
	stem, ok := strings.CutSuffix(file, ".html")
	if !ok {
		return 0, nil
	}
	i, err := strconv.Atoi(stem[strings.LastIndexByte(stem, '-')+1:])
	if err != nil || i < 0 || i >= h.n {
		return 0, nil
	}
	if st := h.story(i); st.Path() == p {
		return i, st
	}
	return 0, nil
}

// story builds article i; its randomness comes only from (seed, i).
func (h *genHandler) story(i int) *story {
	rng := rand.New(rand.NewPCG(uint64(h.seed), uint64(i)))
	g := &genWriter{rng: rng}
	if len(h.langs) > 0 {
		return g.storyIn(i, h.langs[rng.IntN(len(h.langs))])
	}
	return g.write(i)
}

type genPerson struct{ Name, Role string } // Role may hold %s for the story's city
type genPlace struct{ City, Region, Country string }
type genOrg struct{ Name, Kind string }

var genPlaces = []genPlace{
	{"Wuxi", "Jiangsu", "China"}, {"Suzhou", "Jiangsu", "China"}, {"Nanjing", "Jiangsu", "China"},
	{"Hangzhou", "Zhejiang", "China"}, {"Chengdu", "Sichuan", "China"}, {"Shenzhen", "Guangdong", "China"},
	{"Osaka", "Osaka Prefecture", "Japan"}, {"Sapporo", "Hokkaido", "Japan"}, {"Busan", "South Gyeongsang", "South Korea"},
	{"Pune", "Maharashtra", "India"}, {"Chennai", "Tamil Nadu", "India"}, {"Surabaya", "East Java", "Indonesia"},
	{"Lyon", "Auvergne-Rhône-Alpes", "France"}, {"Munich", "Bavaria", "Germany"}, {"Barcelona", "Catalonia", "Spain"},
	{"Turin", "Piedmont", "Italy"}, {"Gdansk", "Pomerania", "Poland"}, {"Manchester", "England", "United Kingdom"},
	{"Nairobi", "Nairobi County", "Kenya"}, {"Mombasa", "Mombasa County", "Kenya"}, {"Lagos", "Lagos State", "Nigeria"},
	{"Kano", "Kano State", "Nigeria"}, {"Johannesburg", "Gauteng", "South Africa"}, {"Niamey", "Niamey", "Niger"},
	{"Bamako", "Bamako", "Mali"}, {"Accra", "Greater Accra", "Ghana"},
	{"São Paulo", "São Paulo", "Brazil"}, {"Porto Alegre", "Rio Grande do Sul", "Brazil"}, {"Monterrey", "Nuevo León", "Mexico"},
	{"Medellín", "Antioquia", "Colombia"}, {"Córdoba", "Córdoba", "Argentina"}, {"Valparaíso", "Valparaíso", "Chile"},
	{"Houston", "Texas", "United States"}, {"Sacramento", "California", "United States"}, {"Detroit", "Michigan", "United States"},
	{"Toronto", "Ontario", "Canada"}, {"Brisbane", "Queensland", "Australia"},
}

var genFirst = []string{"Amara", "Chen", "Daniel", "Elena", "Farid", "Grace", "Hiroshi", "Ines", "Jomo", "Katarzyna",
	"Luis", "Mei", "Ngozi", "Oliver", "Priya", "Rafael", "Sofia", "Thabo", "Ulrike", "Wanjiru", "Xavier", "Yuki", "Zanele",
	"Aditya", "Beatriz", "Camille", "Dmitri", "Fatou", "Hannah", "Ivan", "Kofi", "Lucía", "Marek", "Nadia", "Omar", "Paulo"}
var genLast = []string{"Okonkwo", "Wang", "Fischer", "Moreau", "Haddad", "Mensah", "Tanaka", "Rossi", "Kamau", "Nowak",
	"Herrera", "Liu", "Adeyemi", "Bennett", "Sharma", "Costa", "García", "Nkosi", "Becker", "Mwangi", "Dubois", "Sato",
	"Dlamini", "Iyer", "Santos", "Laurent", "Volkov", "Diallo", "Schmidt", "Petrov", "Asante", "Fernández", "Kowalski",
	"Rahman", "Suárez", "Zhou"}

var genRoles = []string{"mayor of %s", "governor of %s", "a spokesperson for the %s city government",
	"chief executive of %o", "chief financial officer of %o", "head of the %s chamber of commerce",
	"an economist at %o", "director of the %s port authority", "a professor of urban planning in %s",
	"a union representative in %s", "minister of trade", "deputy minister for infrastructure",
	"Party secretary of the %s municipal committee", "chair of the %s regional assembly", "a senior analyst at %o"}

var genOrgs = []genOrg{
	{"Meridian Logistics", "company"}, {"Harbour Street Securities", "bank"}, {"Solterra Energy", "company"},
	{"Kestrel Motors", "company"}, {"Atlas Cement Group", "company"}, {"Blue Nile Telecom", "company"},
	{"Pacific Rim Capital", "bank"}, {"Northwind Pharmaceuticals", "company"}, {"the World Bank", "lender"},
	{"the African Development Bank", "lender"}, {"the Asian Infrastructure Investment Bank", "lender"},
	{"the European Investment Bank", "lender"}, {"Andes Copper", "company"}, {"Jiangnan Rail Equipment", "company"},
	{"Volta Shipping", "company"}, {"Sierra Agro", "company"}, {"Red Crescent", "ngo"}, {"Médecins du Monde", "ngo"},
	{"the International Energy Agency", "agency"}, {"Corvid Analytics", "company"}, {"Sakura Heavy Industries", "company"},
}

// genMoney renders an amount in one of many styles; the currency follows the country when it can.
func (g *genWriter) money() string {
	v := g.rng.IntN(900) + 12
	switch g.place.Country {
	case "China":
		if g.rng.IntN(2) == 0 {
			return fmt.Sprintf("%d billion yuan ($%.2f billion)", v, float64(v)/7.3)
		}
		return fmt.Sprintf("%d million yuan", v)
	case "Japan":
		return fmt.Sprintf("¥%d billion", v)
	case "India":
		return fmt.Sprintf("₹ %d crore", v)
	case "France", "Germany", "Spain", "Italy":
		return fmt.Sprintf("€%.1fbn", float64(v)/10)
	case "Poland":
		return fmt.Sprintf("%d million zlotys (€%d million)", v, v*23/100)
	case "United Kingdom":
		return fmt.Sprintf("£%dm", v)
	case "Kenya":
		return fmt.Sprintf("KSh %d billion ($%d million)", v, v*77/10)
	case "Nigeria":
		return fmt.Sprintf("N%d billion", v)
	case "South Africa":
		return fmt.Sprintf("R%d million", v)
	case "Brazil":
		return fmt.Sprintf("R$%d million", v)
	}
	switch g.rng.IntN(3) {
	case 0:
		return fmt.Sprintf("$%d million", v)
	case 1:
		return fmt.Sprintf("US$%.1f billion", float64(v)/100)
	default:
		return fmt.Sprintf("about %d million dollars", v)
	}
}

var genWhen = []string{"last Tuesday", "on Monday", "earlier this month", "on Oct. 23", "on Nov. 3", "last week",
	"on Thursday", "in September", "two weeks ago", "on 12 November", "yesterday"}
var genCues = []string{"said", "told reporters", "said in a statement", "added", "warned", "noted"}

type genWriter struct {
	rng   *rand.Rand
	place genPlace
	org   genOrg
}

func (g *genWriter) pick(xs []string) string { return xs[g.rng.IntN(len(xs))] }

func (g *genWriter) person() genPerson {
	name := g.pick(genFirst) + " " + g.pick(genLast)
	role := g.pick(genRoles)
	role = strings.ReplaceAll(role, "%s", g.place.City)
	role = strings.ReplaceAll(role, "%o", g.org.Name)
	return genPerson{Name: name, Role: role}
}

type genTopic struct {
	section string
	titles  []string // %c city, %r region, %o org
	facts   []string // the first one leads; %c city, %r region, %n country, %o org, %m money, %w when
	quotes  []string
	follow  []string // second sentences for the first quote
	orgKind string   // "" takes any organisation
}

var genTopics = []genTopic{
	{"business",
		[]string{"%o agrees %c expansion as %r courts investors", "%c lands plant deal with %o", "%o to build new hub near %c"},
		[]string{"%o agreed %w to invest %m in a new facility on the outskirts of %c, in %r, according to documents seen by this newspaper.",
			"The project is expected to create about %j jobs in %r once it reaches full capacity, officials said.",
			"The investment is the largest in %n's manufacturing sector this year, and follows a %m package announced %w.",
			"Local authorities will provide land and tax relief worth %m over ten years, a regional spokesperson said."},
		[]string{"This is a long-term commitment to %c and to the people of %r", "We looked at sites in three countries and %c came out ahead on every measure", "The numbers only work if demand holds up, and that is far from certain"},
		[]string{"We have made our decision and we will see it through.", "The contracts are signed and the money is there.", "Now the hard part begins."}, "company"},
	{"disaster",
		[]string{"Floods force thousands from homes around %c", "Earthquake rattles %r, damaging buildings in %c", "Wildfire near %c prompts evacuations across %r"},
		[]string{"Emergency services in %r said %j people had been moved to temporary shelters by Sunday evening.",
			"The disaster struck %w, cutting power to large parts of %c and closing the main highway into the city.",
			"The national government in %n released %m in emergency funds and deployed army engineers to the worst-hit districts.",
			"%o said it would donate %m to relief efforts and send medical teams to %c."},
		[]string{"We have never seen water rise this quickly in %c", "Our priority is to reach the villages that are still cut off", "The warning came, but there was nowhere for people to go"},
		[]string{"We need boats, blankets and clean water, and we need them today.", "Nobody here has slept for two days.", "The next 48 hours will be critical."}, ""},
	{"politics",
		[]string{"%r vote tightens as %c turnout surges", "Coalition talks stall in %n after %c protests", "%c council approves budget amid %r row"},
		[]string{"Voters in %c went to the polls %w in a contest seen as a test for the governing coalition in %n.",
			"Turnout in %r reached %p per cent, the highest in two decades, according to the electoral commission.",
			"The opposition has promised to redirect %m from defence spending to housing and transport in %r.",
			"Observers from %o said the count had been orderly, though they noted delays in several districts of %c."},
		[]string{"People in %c are tired of being told to wait", "This result is a clear mandate for change in %r", "We will respect the outcome and work with whoever governs"},
		[]string{"The campaign is over; now the work starts.", "Nobody can claim this was a quiet election.", "Every vote has been counted, and every vote mattered."}, ""},
	{"sport",
		[]string{"%c side clinch title in final-day drama", "%c marathon sets course record as %r celebrates", "%r club completes record signing"},
		[]string{"The match in %c %w drew a crowd of %j, a record for the stadium.",
			"The club's owners, a consortium backed by %o, have spent %m on new players since the summer.",
			"The victory secures a place in next year's continental championship for the first team from %r in a decade.",
			"Organisers in %c said ticket revenue had reached %m, double last year's figure."},
		[]string{"This one is for everybody in %c who stayed with us in the bad years", "We knew the second half would be about patience", "I have dreamed of this since I was a kid in %r"},
		[]string{"Tonight we celebrate, tomorrow we start again.", "The fans carried us through the last ten minutes.", "Nobody gave us a chance in August."}, ""},
	{"science",
		[]string{"%c researchers report advance in drought-resistant crops", "New telescope near %c captures first images", "%o funds %c lab studying heat-resistant concrete"},
		[]string{"Scientists at the university in %c published the results %w in a peer-reviewed journal.",
			"The research was funded with a %m grant from %o and partners in %n.",
			"Field trials across %r showed yields up to %p per cent higher during the driest months.",
			"The team plans to share its data openly with institutes in %n and abroad."},
		[]string{"The results surprised us, and we are still working out why", "This is a small step, but farmers in %r could feel it within five years", "Good science takes time, and %c has been patient with us"},
		[]string{"The data will be public so others can check our work.", "Now we need to repeat it at a larger scale.", "We owe a lot to the farmers who let us use their fields."}, ""},
}

func (g *genWriter) fill(s string) string {
	r := strings.NewReplacer("%c", g.place.City, "%r", g.place.Region, "%n", g.place.Country, "%o", g.org.Name)
	s = r.Replace(s)
	for strings.Contains(s, "%m") {
		s = strings.Replace(s, "%m", g.money(), 1)
	}
	for strings.Contains(s, "%w") {
		s = strings.Replace(s, "%w", g.pick(genWhen), 1)
	}
	s = strings.ReplaceAll(s, "%j", thousands((g.rng.IntN(90)+5)*100))
	s = strings.ReplaceAll(s, "%p", strconv.Itoa(g.rng.IntN(50)+20))
	return s
}

func (g *genWriter) write(i int) *story {
	g.place = genPlaces[g.rng.IntN(len(genPlaces))]
	topic := genTopics[g.rng.IntN(len(genTopics))]
	g.org = genOrgs[g.rng.IntN(len(genOrgs))]
	for topic.orgKind != "" && g.org.Kind != topic.orgKind {
		g.org = genOrgs[g.rng.IntN(len(genOrgs))]
	}
	o := &outletDefs[i%len(outletDefs)]
	title := g.fill(g.pick(topic.titles))
	title = strings.ToUpper(title[:1]) + title[1:]
	p1, p2 := g.person(), g.person()
	st := &story{
		outlet:    o,
		Slug:      slugify(title) + "-" + strconv.Itoa(i),
		Title:     title,
		Section:   sectionFor(o, topic.section),
		Language:  "en",
		Charset:   "utf-8",
		Authors:   []string{g.pick(genFirst) + " " + g.pick(genLast)},
		Published: generatedEnd.Add(-time.Duration(g.rng.Int64N(int64(21 * 24 * time.Hour)))).Truncate(time.Minute).In(o.Zone),
		Places:    []string{g.place.City, g.place.Region, g.place.Country},
		Tags:      []string{topic.section, g.place.Country},
	}
	if g.rng.IntN(3) == 0 {
		st.Authors = append(st.Authors, g.pick(genFirst)+" "+g.pick(genLast))
	}
	facts := append([]string(nil), topic.facts...)
	g.rng.Shuffle(len(facts)-1, func(a, b int) { facts[a+1], facts[b+1] = facts[b+1], facts[a+1] })
	qi := g.rng.IntN(len(topic.quotes))
	q1, q2 := g.fill(topic.quotes[qi]), g.fill(topic.quotes[(qi+1+g.rng.IntN(len(topic.quotes)-1))%len(topic.quotes)])
	paras := []string{
		strings.ToUpper(g.place.City) + " — " + g.fill(facts[0]),
		g.fill(facts[1]),
		fmt.Sprintf("“%s,” %s %s. “%s”", q1, p1.Name+", "+p1.Role+",", g.pick(genCues), g.pick(topic.follow)),
		g.fill(facts[2]),
		fmt.Sprintf("According to %s, %s, the plans had been discussed with officials in %s for several months before they were made public %s.", p2.Name, p2.Role, g.place.Region, g.pick(genWhen)),
		g.fill(facts[3]),
		fmt.Sprintf("%s said that the coming weeks would be decisive. \"%s,\" %s added.", lastName(p2.Name), q2, lastName(p2.Name)),
		fmt.Sprintf("%s and the regional government of %s did not respond to requests for further comment.", g.org.Name, g.place.Region),
	}
	paras[len(paras)-1] = strings.ToUpper(paras[len(paras)-1][:1]) + paras[len(paras)-1][1:]
	for _, p := range paras {
		st.Body = append(st.Body, block{Text: p})
	}
	st.Dek = paras[1]
	return st
}

// thousands writes 8600 as "8,600".
func thousands(n int) string {
	s := strconv.Itoa(n)
	if len(s) <= 3 {
		return s
	}
	return s[:len(s)-3] + "," + s[len(s)-3:]
}

func sectionFor(o *outletDef, topic string) string {
	for _, s := range o.Sections {
		if s == topic || (topic == "sport" && s == "sports") {
			return s
		}
	}
	return o.Sections[0]
}

func lastName(full string) string { return full[strings.LastIndexByte(full, ' ')+1:] }

var asciiFold = map[rune]rune{'á': 'a', 'à': 'a', 'â': 'a', 'ã': 'a', 'ä': 'a', 'ç': 'c', 'é': 'e', 'è': 'e',
	'ê': 'e', 'í': 'i', 'ñ': 'n', 'ó': 'o', 'ô': 'o', 'õ': 'o', 'ö': 'o', 'ú': 'u', 'ü': 'u'}

// slugify turns a headline into a lower-case ASCII path segment.
func slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if f, ok := asciiFold[r]; ok {
			r = f
		}
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}
