package geo

import (
	"context"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/extract"
)

var _ extract.Extractor = (*Resolver)(nil)

func mustDefault(t testing.TB) *Gazetteer {
	t.Helper()
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// ent is an entity for a test article: its type and name; every occurrence of the name in the
// text becomes a mention.
type ent struct{ typ, name string }

// newArticle builds an article whose entities are found in text by exact search.
func newArticle(t testing.TB, url, text string, ents ...ent) *article.Article {
	t.Helper()
	a := &article.Article{URL: url, CanonicalURL: url, Text: text}
	for _, e := range ents {
		var ms []article.Mention
		for off := 0; ; {
			i := strings.Index(text[off:], e.name)
			if i < 0 {
				break
			}
			b := off + i
			start := utf8.RuneCountInString(text[:b])
			ms = append(ms, article.Mention{Text: e.name, Start: start, End: start + utf8.RuneCountInString(e.name)})
			off = b + len(e.name)
		}
		if len(ms) == 0 {
			t.Fatalf("entity %q not in text", e.name)
		}
		a.Entities = append(a.Entities, article.Entity{Type: e.typ, Name: e.name, Mentions: ms, Count: len(ms)})
	}
	return a
}

func TestKey(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"São Paulo":          "sao paulo",
		"  the  Netherlands": "netherlands",
		"U.S.":               "us",
		"Côte d’Ivoire":      "cote d'ivoire",
		"Saint-Étienne":      "saint etienne",
		"Washington, D.C.":   "washington dc",
		"Düsseldorf":         "dusseldorf",
		"Straße":             "strasse",
	} {
		if got := Key(in); got != want {
			t.Errorf("Key(%q) = %q; want %q", in, got, want)
		}
	}
}

func TestCandidates(t *testing.T) {
	t.Parallel()
	g := mustDefault(t)
	for _, tc := range []struct {
		name, wantName, wantFeature, wantCC, wantAdmin1 string
	}{
		{"Wuxi", "Wuxi", FeatureCity, "CN", "Jiangsu"},
		{"U.S.", "United States", FeatureCountry, "US", ""},
		{"USA", "United States", FeatureCountry, "US", ""},
		{"America", "United States", FeatureCountry, "US", ""},
		{"the United States of America", "United States", FeatureCountry, "US", ""},
		{"UK", "United Kingdom", FeatureCountry, "GB", ""},
		{"Britain", "United Kingdom", FeatureCountry, "GB", ""},
		{"Holland", "Netherlands", FeatureCountry, "NL", ""},
		{"Ivory Coast", "Côte d'Ivoire", FeatureCountry, "CI", ""},
		{"Mainland China", "China", FeatureCountry, "CN", ""},
		{"South Korea", "South Korea", FeatureCountry, "KR", ""},
		{"North Korea", "North Korea", FeatureCountry, "KP", ""},
		{"Czech Republic", "Czechia", FeatureCountry, "CZ", ""},
		{"the DRC", "Democratic Republic of the Congo", FeatureCountry, "CD", ""},
		{"UAE", "United Arab Emirates", FeatureCountry, "AE", ""},
		{"Russia", "Russia", FeatureCountry, "RU", ""},
		{"Catalunya", "Catalonia", FeatureAdmin1, "ES", "Catalonia"},
		{"Bayern", "Bavaria", FeatureAdmin1, "DE", "Bavaria"},
		{"Jiangsu", "Jiangsu", FeatureAdmin1, "CN", "Jiangsu"},
		{"São Paulo", "São Paulo", FeatureCity, "BR", "São Paulo"},
		{"Sao Paulo", "São Paulo", FeatureCity, "BR", "São Paulo"},
		{"sao paulo", "São Paulo", FeatureCity, "BR", "São Paulo"},
		{"Barcelona", "Barcelona", FeatureCity, "ES", "Catalonia"},
		{"Washington", "Washington, D.C.", FeatureCity, "US", "District of Columbia"},
		{"New York", "New York City", FeatureCity, "US", "New York"},
		{"Beijing", "Beijing", FeatureCity, "CN", "Beijing"},
	} {
		c := g.Candidates(tc.name)
		if len(c) == 0 {
			t.Errorf("Candidates(%q) = none; want %s", tc.name, tc.wantName)
			continue
		}
		got := c[0]
		if got.Name != tc.wantName || got.Feature != tc.wantFeature || got.CountryCode != tc.wantCC || got.Admin1 != tc.wantAdmin1 {
			t.Errorf("Candidates(%q)[0] = %s/%s/%s/%s; want %s/%s/%s/%s", tc.name, got.Name, got.Feature,
				got.CountryCode, got.Admin1, tc.wantName, tc.wantFeature, tc.wantCC, tc.wantAdmin1)
		}
	}
	if c := g.Candidates("Kremlin"); len(c) != 0 {
		t.Errorf("Candidates(Kremlin) = %v; want none (a metonym only)", c)
	}
	if c := g.Candidates("Chinese"); len(c) != 0 {
		t.Errorf("Candidates(Chinese) = %v; want none (a demonym)", c)
	}
}

func TestIsPlace(t *testing.T) {
	t.Parallel()
	g := mustDefault(t)
	for name, want := range map[string]bool{
		"Wuxi": true, "Paris": true, "U.S.": true, "UK": true, "Jiangsu": true, "São Paulo": true,
		"Georgia": true, "Atlanta": true, "Ivory Coast": true, "Catalunya": true,
		"Of": false, "Man": false, "Best": false, "The": false, "Police": false, "Reading": false,
		"Central": false, "David": false, "Xyzzyville": false, "": false, "Y": false,
	} {
		if got := g.IsPlace(name); got != want {
			t.Errorf("IsPlace(%q) = %v; want %v", name, got, want)
		}
	}
}

func TestDemonymAndMetonym(t *testing.T) {
	t.Parallel()
	g := mustDefault(t)
	for word, want := range map[string]string{"Chinese": "CN", "French": "FR", "Americans": "US", "Table": ""} {
		got, ok := g.Demonym(word)
		if got != want || ok != (want != "") {
			t.Errorf("Demonym(%q) = %q, %v; want %q", word, got, ok, want)
		}
	}
	for name, want := range map[string]string{"Beijing": "CN", "the Kremlin": "RU", "Washington": "US", "Wuxi": ""} {
		got, ok := g.Metonym(name)
		if got != want || ok != (want != "") {
			t.Errorf("Metonym(%q) = %q, %v; want %q", name, got, ok, want)
		}
	}
}

func TestGetParentsComplete(t *testing.T) {
	g := mustDefault(t)
	wuxi, ok := g.Get(1790923)
	if !ok || wuxi.Name != "Wuxi" {
		t.Fatalf("Get(1790923) = %v, %v; want Wuxi", wuxi, ok)
	}
	var names []string
	for _, p := range g.Parents(wuxi) {
		names = append(names, p.Name+"/"+p.Feature)
	}
	if want := []string{"Jiangsu/admin1", "China/country"}; !slices.Equal(names, want) {
		t.Errorf("Parents(Wuxi) = %v; want %v", names, want)
	}
	if _, ok := g.Get(-5); ok {
		t.Errorf("Get(-5) found an entry")
	}
	names = nil
	for _, e := range g.Complete("Jia", 10) {
		names = append(names, e.Name)
	}
	for _, want := range []string{"Jiangsu", "Jiangxi"} {
		if !slices.Contains(names, want) {
			t.Errorf("Complete(Jia, 10) = %v; want it to contain %s", names, want)
		}
	}
	if got := g.Complete("Jia", 3); len(got) != 3 || got[0].Name != "Jiangsu" {
		t.Errorf("Complete(Jia, 3) = %v; want 3 entries, Jiangsu first", got)
	}
}

func TestResolve(t *testing.T) {
	t.Parallel()
	g := mustDefault(t)
	res := NewResolver(g)
	type want = wantPlace
	for _, tc := range []struct {
		name  string
		url   string
		text  string
		ents  []ent
		want  []want
		unres []string // PLACE names that must stay unresolved
	}{
		{
			name: "seed: Wuxi, Xinwu district, Barcelona, Spain",
			text: "The Wuxi National Hi-tech District in Wuxi, in the Xinwu district, signed a deal with Barcelona. Spain welcomed it.",
			ents: []ent{{"ORG", "Wuxi National Hi-tech District"}, {"PLACE", "Wuxi"}, {"PLACE", "Xinwu district"},
				{"PLACE", "Barcelona"}, {"PLACE", "Spain"}},
			want: []want{{"Wuxi", "Wuxi", "CN", "Jiangsu", FeatureCity}, {"Barcelona", "Barcelona", "ES", "Catalonia", FeatureCity},
				{"Spain", "Spain", "ES", "", FeatureCountry}, {"Wuxi National Hi-tech District", "Wuxi", "CN", "Jiangsu", FeatureCity},
				{"Xinwu district", "Xinwu district", "CN", "Jiangsu", FeatureOther}},
		},
		{
			name: "Paris alone is France",
			text: "Talks resumed in Paris on Monday.",
			ents: []ent{{"PLACE", "Paris"}},
			want: []want{{"Paris", "Paris", "FR", "Île-de-France", FeatureCity}},
		},
		{
			name: "Paris with Texas is Paris, Texas",
			text: "A tornado hit Paris on Monday, the worst storm in northeast Texas this year.",
			ents: []ent{{"PLACE", "Paris"}, {"PLACE", "Texas"}},
			want: []want{{"Paris", "Paris", "US", "Texas", FeatureCity}, {"Texas", "Texas", "US", "Texas", FeatureAdmin1}},
		},
		{
			name: "explicit qualifier in the text",
			text: "The plant in Springfield, Missouri, will close.",
			ents: []ent{{"PLACE", "Springfield"}},
			want: []want{{"Springfield", "Springfield", "US", "Missouri", FeatureCity}},
		},
		{
			name: "qualifier inside the entity name: the town, and its region named too",
			text: "He grew up in Portland, Maine.",
			ents: []ent{{"PLACE", "Portland, Maine"}},
			want: []want{{"Portland, Maine", "Portland", "US", "Maine", FeatureCity}, {"Maine", "Maine", "US", "Maine", FeatureAdmin1}},
		},
		{
			name: "a name and its qualifier abbreviated",
			text: "Washington, DC, United States: Getting to the Moon is hard.",
			ents: []ent{{"PLACE", "Washington, DC"}, {"PLACE", "United States"}},
			want: []want{{"Washington, DC", "Washington, D.C.", "US", "District of Columbia", FeatureCity},
				{"DC", "District of Columbia", "US", "District of Columbia", FeatureAdmin1},
				{"United States", "United States", "US", "", FeatureCountry}},
		},
		{
			name: "U.S. is the United States",
			text: "The U.S. and the UK agreed.",
			ents: []ent{{"PLACE", "U.S."}, {"PLACE", "UK"}},
			want: []want{{"U.S.", "United States", "US", "", FeatureCountry}, {"UK", "United Kingdom", "GB", "", FeatureCountry}},
		},
		{
			name: "Georgia alone is the country",
			text: "Protests continued in Georgia over the foreign agents law.",
			ents: []ent{{"PLACE", "Georgia"}},
			want: []want{{"Georgia", "Georgia", "GE", "", FeatureCountry}},
		},
		{
			name: "Georgia with Atlanta is the US state",
			text: "Voters in Georgia lined up early; in Atlanta the wait was two hours.",
			ents: []ent{{"PLACE", "Georgia"}, {"PLACE", "Atlanta"}},
			want: []want{{"Georgia", "Georgia", "US", "Georgia", FeatureAdmin1}, {"Atlanta", "Atlanta", "US", "Georgia", FeatureCity}},
		},
		{
			name: "Georgia with Tbilisi is the country",
			text: "Thousands marched in Tbilisi, the capital of Georgia.",
			ents: []ent{{"PLACE", "Tbilisi"}, {"PLACE", "Georgia"}},
			want: []want{{"Tbilisi", "Tbilisi", "GE", "Tbilisi", FeatureCity}, {"Georgia", "Georgia", "GE", "", FeatureCountry}},
		},
		{
			name: "diacritics both ways merge into one place",
			text: "São Paulo grew. Sao Paulo is Brazil's largest city.",
			ents: []ent{{"PLACE", "São Paulo"}, {"PLACE", "Sao Paulo"}},
			want: []want{{"São Paulo", "São Paulo", "BR", "São Paulo", FeatureCity}, {"Sao Paulo", "São Paulo", "BR", "São Paulo", FeatureCity}},
		},
		{
			name: "unknown names stay unresolved; persons and non-place orgs are ignored",
			text: "Zorblaxia and Quuxtown were mentioned by Wuxi Chen of Acme Corp, Manchester City, " +
				"the Texas Department of Transportation and the Central District Bank.",
			ents: []ent{{"PLACE", "Zorblaxia"}, {"PLACE", "Quuxtown"}, {"PERSON", "Wuxi Chen"}, {"ORG", "Acme Corp"},
				{"ORG", "Manchester City"}, {"ORG", "Texas Department of Transportation"}, {"ORG", "Central District Bank"}},
			unres: []string{"Zorblaxia", "Quuxtown"},
		},
		{
			name: "source country breaks a near tie",
			url:  "https://www.example.com.ve/noticias/1",
			text: "Barcelona prepares for the carnival.",
			ents: []ent{{"PLACE", "Barcelona"}},
			want: []want{{"Barcelona", "Barcelona", "VE", "Anzoátegui", FeatureCity}},
		},
		{
			name:  "months, demonyms and common words are not places",
			text:  "On Nov 3 German and Chinese officials met in Man to discuss May.",
			ents:  []ent{{"PLACE", "Nov"}, {"PLACE", "German"}, {"PLACE", "Chinese"}, {"PLACE", "Man"}, {"PLACE", "May"}},
			unres: []string{"Nov", "German", "Chinese", "Man", "May"},
		},
		{
			name: "a common word with a qualifier is a place",
			text: "Floods hit Man, Ivory Coast, on Monday.",
			ents: []ent{{"PLACE", "Man"}, {"PLACE", "Ivory Coast"}},
			want: []want{{"Man", "Man", "CI", "Montagnes", FeatureCity}, {"Ivory Coast", "Côte d'Ivoire", "CI", "", FeatureCountry}},
		},
		{
			name: "cities named like their regions or countries",
			text: "From Kyiv to Gaza and Djibouti, and on to Quebec and Hanoi.",
			ents: []ent{{"PLACE", "Kyiv"}, {"PLACE", "Gaza"}, {"PLACE", "Djibouti"}, {"PLACE", "Quebec"}, {"PLACE", "Hanoi"}},
			want: []want{{"Kyiv", "Kyiv", "UA", "Kyiv City", FeatureCity}, {"Gaza", "Gaza", "PS", "Gaza Strip", FeatureCity},
				{"Djibouti", "Djibouti", "DJ", "", FeatureCountry}, {"Quebec", "Quebec", "CA", "Quebec", FeatureAdmin1},
				{"Hanoi", "Hanoi", "VN", "Hanoi", FeatureCity}},
		},
		{
			name: "province suffix and Springfield with Illinois",
			text: "Factories in Jiangsu province and in Springfield, the capital of Illinois, shut.",
			ents: []ent{{"PLACE", "Jiangsu province"}, {"PLACE", "Springfield"}, {"PLACE", "Illinois"}},
			want: []want{{"Jiangsu province", "Jiangsu", "CN", "Jiangsu", FeatureAdmin1},
				{"Springfield", "Springfield", "US", "Illinois", FeatureCity}, {"Illinois", "Illinois", "US", "Illinois", FeatureAdmin1}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := newArticle(t, tc.url, tc.text, tc.ents...)
			if err := res.Extract(context.Background(), a); err != nil {
				t.Fatal(err)
			}
			checkPlaces(t, a, tc.want, tc.unres)
		})
	}
}

func TestResolveMergesAndIsIdempotent(t *testing.T) {
	t.Parallel()
	res := NewResolver(mustDefault(t))
	a := newArticle(t, "", "Britain and the UK: the United Kingdom. Britain again.",
		ent{"PLACE", "Britain"}, ent{"PLACE", "UK"}, ent{"PLACE", "United Kingdom"})
	for range 2 {
		if err := res.Extract(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		if len(a.Places) != 1 {
			t.Fatalf("places = %+v; want one United Kingdom", a.Places)
		}
		p := a.Places[0]
		var texts []string
		for _, m := range p.Mentions {
			texts = append(texts, m.Text)
		}
		if want := []string{"Britain", "UK", "United Kingdom", "Britain"}; p.GeonameID != 2635167 || !slices.Equal(texts, want) {
			t.Errorf("place %d %s mentions %v; want GB with %v", p.GeonameID, p.Name, texts, want)
		}
	}
	if res.Name() != "geo" {
		t.Errorf("Name() = %q; want geo", res.Name())
	}
}

// TestLoadCost parses the embedded data afresh and reports time and heap; it fails above 1 s (the
// budget for a service start) with some slack for a busy test machine.
func TestLoadCost(t *testing.T) {
	sub, err := embeddedData()
	if err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	d, err := parse(sub)
	took := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	t.Logf("parsed %d entries, %d name keys in %v; live heap %.1f MiB", len(d.recs), len(d.keys), took,
		float64(after.HeapAlloc-before.HeapAlloc)/(1<<20))
	runtime.KeepAlive(d)
	// Load time is a speed figure, not behaviour: BenchmarkParse reports it; the log above shows it.
	if len(d.recs) < 130_000 {
		t.Errorf("%d entries; want ≥ 130,000", len(d.recs))
	}
}

func BenchmarkResolve(b *testing.B) {
	res := NewResolver(mustDefault(b))
	a := newArticle(b, "https://news.example.com/a", "Officials in Wuxi, Jiangsu, met partners from Barcelona, Spain, "+
		"Paris and Texas. The U.S. and China watched; Georgia and Atlanta too. São Paulo and Springfield sent notes.",
		ent{"PLACE", "Wuxi"}, ent{"PLACE", "Jiangsu"}, ent{"PLACE", "Barcelona"}, ent{"PLACE", "Spain"},
		ent{"PLACE", "Paris"}, ent{"PLACE", "Texas"}, ent{"PLACE", "U.S."}, ent{"PLACE", "China"},
		ent{"PLACE", "Georgia"}, ent{"PLACE", "Atlanta"}, ent{"PLACE", "São Paulo"}, ent{"PLACE", "Springfield"})
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if err := res.Extract(ctx, a); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkIsPlace(b *testing.B) {
	g := mustDefault(b)
	names := []string{"Wuxi", "Reading", "Xyzzy", "São Paulo", "United States", "Barack"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		g.IsPlace(names[i%len(names)])
	}
}

func FuzzKey(f *testing.F) {
	for _, s := range []string{"São Paulo", "U.S.", "the Netherlands", "Côte d’Ivoire", "Straße", "", "  -- "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := Key(s)
		if strings.HasPrefix(k, " ") || strings.HasSuffix(k, " ") || strings.Contains(k, "  ") {
			t.Errorf("Key(%q) = %q: stray spaces", s, k)
		}
		if strings.ContainsAny(k, "ABCDEFGHIJKLMNOPQRSTUVWXYZ.,") {
			t.Errorf("Key(%q) = %q: upper case or dots left", s, k)
		}
	})
}

func TestRegionCode(t *testing.T) {
	t.Parallel()
	g := mustDefault(t)
	for id, want := range map[int]string{1806260: "CN.04", 1814991: "CN", 3336901: "ES.56", 1790923: "", 1: ""} {
		got, ok := g.RegionCode(id)
		if got != want || ok != (want != "") {
			t.Errorf("RegionCode(%d) = %q, %v; want %q", id, got, ok, want)
		}
	}
}

// BenchmarkParse measures loading the embedded gazetteer (target: well under 1 s).
func BenchmarkParse(b *testing.B) {
	sub, err := embeddedData()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := parse(sub); err != nil {
			b.Fatal(err)
		}
	}
}

// placeCase is a short story of our own with the entities a tagger gives it, the places its
// mentions must resolve to and the mentions that must stay unresolved.
type placeCase struct {
	name  string
	text  string
	ents  []ent
	want  []wantPlace
	unres []string
}

// checkPlaceCases resolves each case's story with res and checks its places (checkPlaces).
func checkPlaceCases(t *testing.T, res *Resolver, cases []placeCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := newArticle(t, "", tc.text, tc.ents...)
			if err := res.Extract(context.Background(), a); err != nil {
				t.Fatal(err)
			}
			checkPlaces(t, a, tc.want, tc.unres)
		})
	}
}

// wantPlace is a mention a test expects resolved, and what to.
type wantPlace struct{ mention, name, cc, admin1, feature string }

// checkPlaces asserts that each wanted mention resolves as wanted, that the mentions in unres do
// not resolve, and that nothing else does; it returns the article's places by mention text.
func checkPlaces(t *testing.T, a *article.Article, want []wantPlace, unres []string) map[string]article.Place {
	t.Helper()
	byMention := map[string]article.Place{}
	for _, p := range a.Places {
		for _, m := range p.Mentions {
			byMention[m.Text] = p
		}
	}
	for _, w := range want {
		p, ok := byMention[w.mention]
		if !ok {
			t.Errorf("%q unresolved; want %s", w.mention, w.name)
			continue
		}
		if p.Name != w.name || p.CountryCode != w.cc || p.Admin1 != w.admin1 || p.Feature != w.feature {
			t.Errorf("%q → %s/%s/%s/%s; want %s/%s/%s/%s", w.mention, p.Name, p.CountryCode, p.Admin1, p.Feature,
				w.name, w.cc, w.admin1, w.feature)
		}
	}
	for _, u := range unres {
		if p, ok := byMention[u]; ok {
			t.Errorf("%q resolved to %s/%s/%s; want unresolved", u, p.Name, p.Feature, p.CountryCode)
		}
	}
	if got, n := len(byMention), len(want); got != n {
		t.Errorf("%d resolved mentions; want %d: %+v", got, n, a.Places)
	}
	return byMention
}
