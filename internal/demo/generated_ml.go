package demo

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// GeneratedLanguages are the languages a generated site can be written in ("en" is the templated
// English of genTopics; the others are genLangs').
var GeneratedLanguages = []string{"en", "es", "fr", "de", "pt", "zh"}

// CheckGeneratedLanguages says which of langs a generated site cannot be written in.
func CheckGeneratedLanguages(langs []string) error {
	for _, l := range langs {
		if !slices.Contains(GeneratedLanguages, l) {
			return fmt.Errorf("generated site: no articles in language %q (have %s)", l, strings.Join(GeneratedLanguages, ","))
		}
	}
	return nil
}

// genLang is how a generated story is written in one language other than English
// (site/generated/languages.json): places under the names the alternate-names gazetteer knows
// (München, Bayern, 无锡, 江苏), people with roles, money and dates in the language's own forms, and
// quotes with its quotation marks and speech verbs. In the texts, %c is the city, %r the region, %n
// the country, %o the organisation, %m an amount, %w a date, %j a number of jobs; in Quote, Money
// and Date, {q} is the quotation, {name} and {role} its speaker, {v} the amount in millions (or
// the unit of Money[1]), {t} the same in tenths with a decimal comma, {d} {m} {month} the date.
type genLang struct {
	Places      [][3]string // city, region, country
	First, Last []string
	NameSep     string   // between first and last name ("" in Chinese)
	Roles       []string // %c city, %o organisation
	Orgs        []string
	Titles      []string
	Facts       []string // the first one leads
	Quotes      []string
	Quote       string
	Money       [2]string // even amounts use the first form, odd ones the second
	When        []string  // relative dates; the others are Date
	Date        string
	Months      []string
	Thousands   string // the thousands separator of a number of jobs
	Close       string // the last paragraph
}

// genLangs are the languages of languages.json, read once: the file is embedded, so an error is a
// broken build, which the tests catch.
var genLangs = func() map[string]*genLang {
	data, err := siteFS.ReadFile("site/generated/languages.json")
	if err != nil {
		panic(fmt.Sprintf("demo: generated languages: %v", err))
	}
	var out map[string]*genLang
	if err := json.Unmarshal(data, &out); err != nil {
		panic(fmt.Sprintf("demo: generated languages: %v", err))
	}
	return out
}()

// quote renders quotation q by speaker name, role.
func (l *genLang) quote(q, name, role string) string {
	return strings.NewReplacer("{q}", q, "{name}", name, "{role}", role).Replace(l.Quote)
}

// money renders an amount of v (millions, or the unit of the second form).
func (l *genLang) money(v int) string {
	tenths := strconv.Itoa(v/10) + "," + strconv.Itoa(v%10) // the decimal comma of es, fr, de, pt
	return strings.NewReplacer("{v}", strconv.Itoa(v), "{t}", tenths).Replace(l.Money[v%2])
}

// dated renders day d of month m (1-12) as the language writes a date in running text.
func (l *genLang) dated(d, m int) string {
	month := ""
	if len(l.Months) == 12 {
		month = l.Months[m-1]
	}
	return strings.NewReplacer("{d}", strconv.Itoa(d), "{m}", strconv.Itoa(m), "{month}", month).Replace(l.Date)
}

// storyIn builds article i in lang; English is write's.
func (g *genWriter) storyIn(i int, lang string) *story {
	l := genLangs[lang]
	if l == nil {
		return g.write(i)
	}
	p := l.Places[g.rng.IntN(len(l.Places))]
	g.place = genPlace{City: p[0], Region: p[1], Country: p[2]}
	g.org = genOrg{Name: g.pick(l.Orgs), Kind: "company"}
	o := &outletDefs[i%len(outletDefs)]
	title := g.fillIn(l, g.pick(l.Titles))
	person := func() (string, string) {
		role := strings.NewReplacer("%c", g.place.City, "%o", g.org.Name).Replace(g.pick(l.Roles))
		return g.pick(l.First) + l.NameSep + g.pick(l.Last), role
	}
	n1, r1 := person()
	n2, r2 := person()
	st := &story{
		outlet:    o,
		Slug:      slugify(g.org.Name) + "-" + lang + "-" + strconv.Itoa(i),
		Title:     title,
		Section:   sectionFor(o, "business"),
		Language:  lang,
		Charset:   "utf-8",
		Authors:   []string{g.pick(l.First) + l.NameSep + g.pick(l.Last)},
		Published: generatedEnd.Add(-time.Duration(g.rng.Int64N(int64(21 * 24 * time.Hour)))).Truncate(time.Minute).In(o.Zone),
		Places:    []string{g.place.City, g.place.Region, g.place.Country},
		Tags:      []string{"business", g.place.Country},
	}
	qi := g.rng.IntN(len(l.Quotes))
	paras := []string{
		g.fillIn(l, l.Facts[0]),
		g.fillIn(l, l.Facts[1]),
		l.quote(g.fillIn(l, l.Quotes[qi]), n1, r1),
		g.fillIn(l, l.Facts[2]),
		l.quote(g.fillIn(l, l.Quotes[(qi+1)%len(l.Quotes)]), n2, r2),
		g.fillIn(l, l.Facts[3]),
		g.fillIn(l, l.Close),
	}
	for _, p := range paras {
		st.Body = append(st.Body, block{Text: p})
	}
	st.Dek = paras[1]
	return st
}

// fillIn is fill in language l: its money and dates, no English.
func (g *genWriter) fillIn(l *genLang, s string) string {
	s = strings.NewReplacer("%c", g.place.City, "%r", g.place.Region, "%n", g.place.Country, "%o", g.org.Name).Replace(s)
	for strings.Contains(s, "%m") {
		s = strings.Replace(s, "%m", l.money(g.rng.IntN(900)+12), 1)
	}
	for strings.Contains(s, "%w") {
		when := l.dated(g.rng.IntN(28)+1, g.rng.IntN(11)+1) // January to November: before generatedEnd
		if g.rng.IntN(2) == 0 {
			when = g.pick(l.When)
		}
		s = strings.Replace(s, "%w", when, 1)
	}
	jobs := strings.Replace(thousands((g.rng.IntN(90)+5)*100), ",", l.Thousands, 1)
	return strings.ReplaceAll(s, "%j", jobs)
}
