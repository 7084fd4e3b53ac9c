package geo

import (
	"context"
	"testing"

	"github.com/newsmon/newsmon/pkg/article"
)

// resolveIn resolves the places of text written in lang, with the entities given (none: what an
// article in a language the English tagger cannot read gets), and maps each mention to its place.
func resolveIn(t *testing.T, g *Gazetteer, lang, text string, ents ...article.Entity) map[string]article.Place {
	t.Helper()
	a := &article.Article{ID: "t", Language: lang, Text: text, Entities: ents}
	if err := NewResolver(g).Extract(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	got := map[string]article.Place{}
	for _, p := range a.Places {
		for _, m := range p.Mentions {
			got[m.Text] = p
		}
	}
	return got
}

// TestAlternateNames: a place named in another language or script resolves to the GeoNames place
// its English name does, with its country and first-level region.
func TestAlternateNames(t *testing.T) {
	t.Parallel()
	g := mustDefault(t)
	type want struct{ cc, admin1 string }
	for _, tc := range []struct {
		lang, text string
		want       map[string]want // mention → country code and admin1 name ("" for a country)
		not        []string        // mentions that must stay no place
	}{
		{"zh", "无锡市新吴区与太湖微电子签署协议，是今年江苏省最大的工业投资项目。德国博伦纳总部位于巴伐利亚州慕尼黑。",
			map[string]want{"无锡市": {"CN", "Jiangsu"}, "江苏省": {"CN", "Jiangsu"}, "德国": {"DE", ""}, "巴伐利亚": {"DE", "Bavaria"}, "慕尼黑": {"DE", "Bavaria"}}, nil},
		{"zh", "無錫與蘇州的工廠向香港和上海出口晶片。",
			map[string]want{"無錫": {"CN", "Jiangsu"}, "蘇州": {"CN", "Jiangsu"}, "香港": {"HK", ""}, "上海": {"CN", "Shanghai"}}, nil},
		{"zh", "项目与江南大学合作，人才培训计划最早将于明年春季启动。无锡市政府表示欢迎。",
			map[string]want{"无锡市": {"CN", "Jiangsu"}}, []string{"江南", "启动"}},
		{"ja", "ミュンヘンと東京の企業が大阪府で工場を建設する。",
			map[string]want{"ミュンヘン": {"DE", "Bavaria"}, "東京": {"JP", "Tokyo"}, "大阪府": {"JP", "Osaka"}}, nil},
		{"es", "La planta de Múnich, en Baviera, exportará a Estados Unidos y a Londres. El Centro Democrático votó en contra.",
			map[string]want{"Múnich": {"DE", "Bavaria"}, "Baviera": {"DE", "Bavaria"}, "Estados Unidos": {"US", ""}, "Londres": {"GB", "England"}}, []string{"Centro"}},
		{"fr", "Le sommet de Genève a réuni la Belgique, l'Allemagne et les États-Unis. Le maire, Grégory Nkoulou, a salué l'accord.",
			map[string]want{"Genève": {"CH", "Geneva"}, "Belgique": {"BE", ""}, "Allemagne": {"DE", ""}, "États-Unis": {"US", ""}}, []string{"Nkoulou"}},
		{"de", "Die Landeshauptstadt München und der Freistaat Bayern fördern das Werk; auch Belgien und die Schweiz liefern.",
			map[string]want{"München": {"DE", "Bavaria"}, "Bayern": {"DE", "Bavaria"}, "Belgien": {"BE", ""}, "Schweiz": {"CH", ""}}, nil},
		{"de", "Der Freistaat Bayern fördert das Werk in der Region. Auch die Schweiz und das Saarland liefern Teile.",
			map[string]want{"Bayern": {"DE", "Bavaria"}, "Schweiz": {"CH", ""}, "Saarland": {"DE", "Saarland"}}, []string{"Der", "Freistaat", "Region"}},
		{"pt", "A fábrica em Munique vai exportar para a Alemanha e para os Estados Unidos.",
			map[string]want{"Munique": {"DE", "Bavaria"}, "Alemanha": {"DE", ""}, "Estados Unidos": {"US", ""}}, nil},
		{"ru", "Завод в Уси, в провинции Цзянсу, будет поставлять чипы в Москву и Германию. Москва приветствует сделку.",
			map[string]want{"Уси": {"CN", "Jiangsu"}, "Цзянсу": {"CN", "Jiangsu"}, "Москва": {"RU", "Moscow"}}, nil},
	} {
		t.Run(tc.lang+" "+tc.text[:12], func(t *testing.T) {
			got := resolveIn(t, g, tc.lang, tc.text)
			for m, w := range tc.want {
				p, ok := got[m]
				if !ok || p.CountryCode != w.cc || p.Admin1 != w.admin1 {
					t.Errorf("%q → %s %s/%s; want %s/%s", m, p.Name, p.CountryCode, p.Admin1, w.cc, w.admin1)
				}
			}
			for _, m := range tc.not {
				if p, ok := got[m]; ok {
					t.Errorf("%q → %s %s; want no place", m, p.Name, p.CountryCode)
				}
			}
		})
	}
}

// TestAlternateNamesThroughEntities: a PLACE entity a tagger of the article's language found by its
// local name resolves through the alternate names, with the same context ranking as in English.
func TestAlternateNamesThroughEntities(t *testing.T) {
	t.Parallel()
	g := mustDefault(t)
	text := "Moscú y Múnich firmaron el acuerdo."
	ents := []article.Entity{
		{Type: article.TypePlace, Name: "Moscú", Mentions: []article.Mention{{Text: "Moscú", Start: 0, End: 5}}, Count: 1},
		{Type: article.TypePlace, Name: "Múnich", Mentions: []article.Mention{{Text: "Múnich", Start: 8, End: 14}}, Count: 1},
	}
	got := resolveIn(t, g, "es", text, ents...)
	if p := got["Moscú"]; p.GeonameID != 524901 {
		t.Errorf("Moscú → %s %d; want Moscow 524901", p.Name, p.GeonameID)
	}
	if p := got["Múnich"]; p.GeonameID != 2867714 {
		t.Errorf("Múnich → %s %d; want Munich 2867714", p.Name, p.GeonameID)
	}
}

// TestPlacesInsideOrganisations: a language's tagger may type a country named alone ORG, and a
// body of a place ("Gobierno de España") names the place; an organisation that merely holds a
// place's name elsewhere does not ("Banco Santander Río" is no mention of a river town).
func TestPlacesInsideOrganisations(t *testing.T) {
	t.Parallel()
	g := mustDefault(t)
	org := func(name string, start int) article.Entity {
		end := start + len([]rune(name))
		return article.Entity{Type: article.TypeOrg, Name: name, Count: 1,
			Mentions: []article.Mention{{Text: name, Start: start, End: end}}}
	}
	text := "México y el Gobierno de España firmaron con Real Madrid."
	got := resolveIn(t, g, "es", text, org("México", 0), org("Gobierno de España", 12), org("Real Madrid", 44))
	for m, cc := range map[string]string{"México": "MX", "España": "ES"} {
		if p, ok := got[m]; !ok || p.CountryCode != cc {
			t.Errorf("%q → %s %s; want a place in %s", m, p.Name, p.CountryCode, cc)
		}
	}
	if p, ok := got["Madrid"]; ok {
		t.Errorf("\"Real Madrid\" gave the place %s %s; want none", p.Name, p.CountryCode)
	}
}

// TestGermanNounsAreNoPlaces: in German, whose nouns all have capitals, a one-word place the
// tagger found right after an article is a noun ("Die Lage": the situation, not Lage in North
// Rhine-Westphalia), unless it names a country or a region by its own name ("das Saarland").
func TestGermanNounsAreNoPlaces(t *testing.T) {
	t.Parallel()
	g := mustDefault(t)
	place := func(name string, start int) article.Entity {
		return article.Entity{Type: article.TypePlace, Name: name, Count: 1,
			Mentions: []article.Mention{{Text: name, Start: start, End: start + len([]rune(name))}}}
	}
	text := "Die Lage in Deutschland ist gut, sagte er in Lage. Das Saarland liefert."
	got := resolveIn(t, g, "de", text, place("Lage", 4), place("Lage", 45), place("Saarland", 55))
	if p, ok := got["Lage"]; !ok || p.CountryCode != "DE" {
		t.Errorf("\"in Lage\" → %s %s; want the town", p.Name, p.CountryCode)
	}
	if p := got["Saarland"]; p.Admin1 != "Saarland" {
		t.Errorf("\"das Saarland\" → %s %s; want the region", p.Name, p.Admin1)
	}
	a := &article.Article{ID: "t", Language: "de", Text: text, Entities: []article.Entity{place("Lage", 4)}}
	if err := NewResolver(g).Extract(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	for _, p := range a.Places {
		for _, m := range p.Mentions {
			if m.Start == 4 {
				t.Errorf("\"Die Lage\" is a mention of %s %s; want no place", p.Name, p.CountryCode)
			}
		}
	}
}

// TestSentenceOpeningCommonWords: a word that opens a sentence and that the text writes in lower
// case elsewhere is a common word of its language, not the alternate name of a town ("Kita",
// Indonesian "we", is no Quito); a country keeps its name though its adjective is spelt alike.
func TestSentenceOpeningCommonWords(t *testing.T) {
	t.Parallel()
	g := mustDefault(t)
	cases := []struct {
		lang, text, mention, wantCountry string // wantCountry "": no place
	}{
		{"id", "Kita harus sabar. Apa yang kita lakukan hari ini penting bagi Jakarta.", "Kita", ""},
		{"id", "Apa yang kita lakukan hari ini penting bagi Jakarta.", "Jakarta", "ID"},
		{"es", "La petrolera argentina anunció un plan. Argentina exporta más crudo.", "Argentina", "AR"},
	}
	for _, c := range cases {
		got, ok := resolveIn(t, g, c.lang, c.text)[c.mention]
		switch {
		case c.wantCountry == "" && ok:
			t.Errorf("%q in %q → %s %s; want no place", c.mention, c.text, got.Name, got.CountryCode)
		case c.wantCountry != "" && got.CountryCode != c.wantCountry:
			t.Errorf("%q in %q → %q %q; want a place in %s", c.mention, c.text, got.Name, got.CountryCode, c.wantCountry)
		}
	}
}

// TestEnglishIgnoresAlternateNames: English articles read the English names only, so their places
// stay what they were before the alternate names came.
func TestEnglishIgnoresAlternateNames(t *testing.T) {
	t.Parallel()
	g := mustDefault(t)
	for _, lang := range []string{"en", ""} {
		got := resolveIn(t, g, lang, "Officials in Moskau and 无锡 said Centro would sign.")
		if len(got) != 0 {
			t.Errorf("language %q: places %v; want none", lang, got)
		}
	}
	if !foreignLanguage(&article.Article{Text: "无锡市新吴区与太湖微电子签署协议"}) {
		t.Error("a text without language written in Han is not read as foreign")
	}
}

// TestRegionCodeOfName: a region named in another language or script gives the code its places
// carry; an English name, a city and an unknown name give none (they are matched as written).
func TestRegionCodeOfName(t *testing.T) {
	t.Parallel()
	g := mustDefault(t)
	for _, c := range []struct {
		name, want string
	}{
		{"江苏", "CN.04"}, {"江苏省", "CN.04"}, {"Niedersachsen", "DE.06"}, {"Baviera", "DE.02"},
		{"Jiangsu", ""}, {"Texas", ""}, {"无锡", ""}, {"Xyzzyland", ""},
	} {
		got, ok := g.RegionCodeOfName(c.name)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("RegionCodeOfName(%q) = %q, %v; want %q", c.name, got, ok, c.want)
		}
	}
}
