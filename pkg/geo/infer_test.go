package geo

import (
	"context"
	"strings"
	"testing"

	"github.com/newsmon/newsmon/pkg/article"
)

// TestInferUnknownPlaces holds regression cases for places the gazetteer lacks (districts,
// neighbourhoods, landmarks, villages): a reader places them where the text puts them, and leaves
// names the tagger took for places in other roles alone.
func TestInferUnknownPlaces(t *testing.T) {
	t.Parallel()
	res := NewResolver(mustDefault(t))
	type want struct{ mention, cc, admin1 string }
	for _, tc := range []struct {
		name  string
		text  string
		ents  []ent
		want  []want // inferred places: feature other, no GeoNames id
		unres []string
	}{
		{
			name:  "a park after which the text writes its state, and an island its country's people name",
			text:  "The photographers in Amsterdam and Rotterdam also shot Bryce Canyon National Park, in Utah, and the Thai island of Koh Samet for a paper quoted in Jupiter Research.",
			ents:  []ent{{"PLACE", "Amsterdam"}, {"PLACE", "Rotterdam"}, {"PLACE", "Bryce Canyon National Park"}, {"PLACE", "Utah"}, {"PLACE", "Koh Samet"}, {"PLACE", "Jupiter Research"}},
			want:  []want{{"Bryce Canyon National Park", "US", "Utah"}, {"Koh Samet", "TH", ""}},
			unres: []string{"Jupiter Research"},
		},
		{
			name: "a part of a country is in that country, whatever place follows it",
			text: "The ministers of Italy, West Germany, France and Britain met in Rome and Milan.",
			ents: []ent{{"PLACE", "Italy"}, {"PLACE", "West Germany"}, {"PLACE", "France"}, {"PLACE", "Britain"}, {"PLACE", "Rome"}, {"PLACE", "Milan"}},
			want: []want{{"West Germany", "DE", ""}},
		},
		{
			name: "a neighbourhood followed by its city",
			text: "The trial enrols teenagers in Soweto and at a clinic in Khayelitsha, Cape Town.",
			ents: []ent{{"PLACE", "Soweto"}, {"PLACE", "Khayelitsha"}, {"PLACE", "Cape Town"}},
			want: []want{{"Khayelitsha", "ZA", "Western Cape"}},
		},
		{
			name: "a district after its city's possessive",
			text: "The company will expand its factory in Changzhou's Wujin district and hire 500 workers.",
			ents: []ent{{"PLACE", "Changzhou"}, {"PLACE", "Wujin"}},
			want: []want{{"Wujin", "CN", "Jiangsu"}},
		},
		{
			name: "the city's ward is in the story's city",
			text: "An earthquake shook Osaka on Monday. A wall fell in the city's Nishinari ward, and trains to Kyoto stopped.",
			ents: []ent{{"PLACE", "Osaka"}, {"PLACE", "Nishinari"}, {"PLACE", "Kyoto"}},
			want: []want{{"Nishinari", "JP", "Osaka"}},
		},
		{
			name: "a state abbreviation places a town the gazetteer lacks",
			text: "The company will modernise its plant in Neal, W. Va., next year.",
			ents: []ent{{"PLACE", "Neal"}},
			want: []want{{"Neal", "US", "West Virginia"}},
		},
		{
			name: "a region named after a locative word is in the story's region",
			text: "Solar farms across West Texas peak at midday, and batteries near Houston and in Austin store the power.",
			ents: []ent{{"PLACE", "West Texas"}, {"PLACE", "Houston"}, {"PLACE", "Austin"}},
			want: []want{{"West Texas", "US", "Texas"}},
		},
		{
			name: "a compass part of a region is in it when nothing else names its country",
			text: "Voters in North Florida and South Florida lean different ways, and the race in Western Kenya is close.",
			ents: []ent{{"PLACE", "North Florida"}, {"PLACE", "South Florida"}, {"PLACE", "Western Kenya"}},
			want: []want{{"North Florida", "US", "Florida"}, {"South Florida", "US", "Florida"}, {"Western Kenya", "KE", ""}},
		},
		{
			name: "not in a story about another country",
			text: "Police in Birmingham and Coventry said crime in the West Midlands fell, the Home Office in London said.",
			ents: []ent{{"PLACE", "Birmingham"}, {"PLACE", "Coventry"}, {"PLACE", "West Midlands"}, {"ORG", "Home Office"}, {"PLACE", "London"}},
			want: []want{{"West Midlands", "GB", "England"}},
		},
		{
			name: "a place joined to a resolved one",
			text: "Nigeria wants repair yards in Lagos and Onne, officials in Abuja said.",
			ents: []ent{{"PLACE", "Nigeria"}, {"PLACE", "Lagos"}, {"PLACE", "Onne"}, {"PLACE", "Abuja"}},
			want: []want{{"Onne", "NG", ""}},
		},
		{
			name: "a part of a city named after it",
			text: "Turnout was 62% in Sheffield Hallam and 10% in Bristol South, the commission said in London.",
			ents: []ent{{"PLACE", "Sheffield Hallam"}, {"PLACE", "Bristol South"}, {"PLACE", "London"}},
			want: []want{{"Sheffield Hallam", "GB", "England"}, {"Bristol South", "GB", "England"}},
		},
		{
			name: "the city's district is in the city named last",
			text: "Officials in Washington objected. In Wuxi, the party secretary of the city’s Xinwu district welcomed it. Washington said no.",
			ents: []ent{{"PLACE", "Washington"}, {"PLACE", "Wuxi"}, {"PLACE", "Xinwu"}},
			want: []want{{"Xinwu", "CN", "Jiangsu"}},
		},
		{
			name: "a town named after its county",
			text: "The MP for Kiambu Town spoke in Nairobi.",
			ents: []ent{{"PLACE", "Kiambu Town"}, {"PLACE", "Nairobi"}},
			want: []want{{"Kiambu Town", "KE", "Kiambu County"}},
		},
		{
			name: "names of places the tagger typed ORG or PERSON, where the text plainly uses them as places",
			text: "Turnout was 10% in Bristol South and Leeds Central and 8% in Nottingham North and Sheffield Brightside, officials in Leeds said.",
			ents: []ent{{"PLACE", "Bristol South"}, {"ORG", "Leeds Central"}, {"PERSON", "Nottingham North"}, {"PERSON", "Sheffield Brightside"}, {"PLACE", "Leeds"}},
			want: []want{{"Leeds Central", "GB", "England"}, {"Nottingham North", "GB", "England"}, {"Sheffield Brightside", "GB", "England"}},
		},
		{
			name: "a place word of the city's language starts the name",
			text: "A worker in Cidade Tiradentes spends four hours a day commuting to central São Paulo, Brazil's largest city.",
			ents: []ent{{"ORG", "Cidade Tiradentes"}, {"PLACE", "São Paulo"}, {"PLACE", "Brazil"}},
			want: []want{{"Cidade Tiradentes", "BR", "São Paulo"}},
		},
		{
			name:  "bodies named after places stay bodies",
			text:  "Members in Congress and in Parliament objected; Central Japan Railway and West Japan Railway halted trains in Osaka and Kyoto.",
			ents:  []ent{{"ORG", "Congress"}, {"ORG", "Parliament"}, {"PLACE", "Central Japan Railway"}, {"PLACE", "West Japan Railway"}, {"PLACE", "Osaka"}, {"PLACE", "Kyoto"}},
			unres: []string{"Congress", "Parliament", "Central Japan Railway", "West Japan Railway"},
		},
		{
			name: "a place described in an apposition lies where the apposition says",
			text: "Choque, speaking in El Alto, the sprawling city above La Paz, thanked voters in Bolivia and abroad.",
			ents: []ent{{"PLACE", "El Alto"}, {"PLACE", "La Paz"}, {"PLACE", "Bolivia"}},
			want: []want{{"El Alto", "BO", "La Paz Department"}},
		},
		{
			name: "a name the tagger took for a person, written with its state",
			text: "The expansion involves a modernization of its Neal, W. Va., polypropylene plant.",
			ents: []ent{{"PERSON", "Neal"}},
			want: []want{{"Neal", "US", "West Virginia"}},
		},
		{
			name: "a name written for two counties is the one county's",
			text: "The batteries sit at four sites in Brazoria and Fort Bend Counties, south of Houston, Texas.",
			ents: []ent{{"PLACE", "Fort Bend Counties"}, {"PLACE", "Houston"}, {"PLACE", "Texas"}},
			want: []want{{"Fort Bend Counties", "US", "Texas"}},
		},
		{
			name: "a region that clearly leads the story's places is its region",
			text: "Floods hit Nairobi on Monday. In Nairobi, people in Mathare lost homes; Nairobi County opened schools as shelters. " +
				"Rain also fell in Kisumu and Garissa.",
			ents: []ent{{"PLACE", "Nairobi"}, {"PLACE", "Mathare"}, {"PLACE", "Nairobi County"}, {"PLACE", "Kisumu"}, {"PLACE", "Garissa"}},
			want: []want{{"Mathare", "KE", "Nairobi County"}},
		},
		{
			name: "districts the tagger missed, named as districts",
			text: "Funds will open offices in the Part-Dieu business district of Lyon, France. A wall fell in the city’s Croix-Rousse ward.",
			ents: []ent{{"PLACE", "Lyon"}, {"PLACE", "France"}},
			want: []want{{"Part-Dieu", "FR", "Auvergne-Rhône-Alpes"}, {"Croix-Rousse", "FR", "Auvergne-Rhône-Alpes"}},
		},
		{
			name: "a landmark the tagger typed ORG, after a locative word",
			text: "Protesters marched around Bank of America Stadium in Charlotte, North Carolina.",
			ents: []ent{{"ORG", "Bank of America Stadium"}, {"PLACE", "Charlotte"}, {"PLACE", "North Carolina"}},
			want: []want{{"Bank of America Stadium", "US", "North Carolina"}},
		},
		{
			name: "a landmark after a common noun's possessive",
			text: "Old school friends gathered at the school's Johnny Carson Theater in Norfolk, Nebraska.",
			ents: []ent{{"PERSON", "Johnny Carson Theater"}, {"PLACE", "Norfolk"}, {"PLACE", "Nebraska"}},
			want: []want{{"Johnny Carson Theater", "US", "Nebraska"}},
		},
		{
			name: "a landmark named by its kind",
			text: "The attempt to sell the Millennium Dome failed, the London audit office said; Manchester bid too.",
			ents: []ent{{"PLACE", "Millennium Dome"}, {"PLACE", "London"}, {"PLACE", "Manchester"}},
			want: []want{{"Millennium Dome", "GB", "England"}},
		},
		{
			name:  "names in other roles are no places of the story",
			text:  "Kenya's doctors learned during Covid that Nairobi cannot wait for money from European lenders, according to Asia Pacific Wire.",
			ents:  []ent{{"PLACE", "Kenya"}, {"PLACE", "Nairobi"}, {"PLACE", "Covid"}, {"PLACE", "European"}, {"PLACE", "Asia Pacific Wire"}},
			unres: []string{"Covid", "European", "Asia Pacific Wire"},
		},
		{
			name:  "a story set in several countries places nothing by its focus",
			text:  "Talks in Paris, Berlin and Tokyo failed; delegates met again in Zembla.",
			ents:  []ent{{"PLACE", "Paris"}, {"PLACE", "Berlin"}, {"PLACE", "Tokyo"}, {"PLACE", "Zembla"}},
			unres: []string{"Zembla"},
		},
		{
			name: "a small town abroad is no county of an English town: the county is one the gazetteer lacks",
			text: "The actress, born in Runcorn, Cheshire, starred in films shot in Venice.",
			ents: []ent{{"PLACE", "Runcorn"}, {"PLACE", "Cheshire"}, {"PLACE", "Venice"}},
			want: []want{{"Cheshire", "GB", "England"}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := newArticle(t, "", tc.text, tc.ents...)
			if err := res.Extract(context.Background(), a); err != nil {
				t.Fatal(err)
			}
			byMention := map[string]article.Place{}
			for _, p := range a.Places {
				for _, m := range p.Mentions {
					byMention[m.Text] = p
				}
			}
			for _, w := range tc.want {
				p, ok := byMention[w.mention]
				switch {
				case !ok:
					t.Errorf("%q unresolved; want %s/%s", w.mention, w.cc, w.admin1)
				case p.GeonameID != 0 || p.Feature != FeatureOther || p.CountryCode != w.cc || p.Admin1 != w.admin1:
					t.Errorf("%q → %d %s %s/%s; want an inferred place in %s/%s", w.mention, p.GeonameID, p.Feature,
						p.CountryCode, p.Admin1, w.cc, w.admin1)
				}
			}
			for _, u := range tc.unres {
				if p, ok := byMention[u]; ok && p.GeonameID == 0 {
					t.Errorf("%q placed in %s/%s; want unresolved", u, p.CountryCode, p.Admin1)
				}
			}
		})
	}
}

// TestPersonCalledBySurname: a name the story also writes as its last word alone is a person's, whatever
// the tagger typed it, and never a place inferred in the story's country.
func TestPersonCalledBySurname(t *testing.T) {
	t.Parallel()
	res := NewResolver(mustDefault(t))
	text := "LONDON, March 9 - Chancellor of the Exchequer Nigel Lawson said the pound was stable in London trading. Rates are high in Britain, Lawson said."
	for _, typ := range []string{"PLACE", "PERSON"} {
		a := newArticle(t, "", text, ent{"PLACE", "LONDON"}, ent{typ, "Nigel Lawson"}, ent{"PLACE", "London"}, ent{"PLACE", "Britain"})
		i := strings.LastIndex(text, "Lawson")
		a.Entities[1].Mentions = append(a.Entities[1].Mentions, article.Mention{Text: "Lawson", Start: i, End: i + len("Lawson")})
		if err := res.Extract(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		for _, p := range a.Places {
			if p.Name == "Nigel Lawson" {
				t.Errorf("%s %q placed in %s/%s; want no place", typ, p.Name, p.CountryCode, p.Admin1)
			}
		}
	}
}

// TestHeadContainer: a name is read as a part of the place that starts it only when it is a
// capitalised place name throughout, not a body named after a country.
func TestHeadContainer(t *testing.T) {
	t.Parallel()
	d := mustDefault(t).d
	for name, want := range map[string]string{
		"Suzhou Industrial Park":          "Suzhou",
		"West Texas":                      "Texas",
		"Afghanistan Veterans of America": "",
		"Mathare":                         "",
	} {
		got := ""
		if rec := d.headContainer(name, nil); rec >= 0 {
			got = d.recs[rec].name
		}
		if got != want {
			t.Errorf("headContainer(%q) = %q; want %q", name, got, want)
		}
	}
}

// TestMistypedPlaces: an ORG or PERSON name that is a known country, region or city is read as the
// place where the text uses it as one, and only there.
func TestMistypedPlaces(t *testing.T) {
	t.Parallel()
	res := NewResolver(mustDefault(t))
	for _, tc := range []struct {
		name, text string
		ents       []ent
		mention    string
		wantCC     string // "" = not a place
		wantName   string
	}{
		{"a country in a list of countries", "The deal covers Brazil, Argentina, Uruguay and Paraguay, officials said.",
			[]ent{{"PLACE", "Brazil"}, {"PLACE", "Argentina"}, {"PLACE", "Uruguay"}, {"ORG", "Paraguay"}}, "Paraguay", "PY", "Paraguay"},
		{"a province after a place", "Trials run in Gauteng, the Western Cape and KwaZulu-Natal.",
			[]ent{{"PLACE", "Gauteng"}, {"PLACE", "Western Cape"}, {"ORG", "KwaZulu-Natal"}}, "KwaZulu-Natal", "ZA", "KwaZulu-Natal"},
		{"a city after a locative word", "The teams meet again on Wednesday in Rio de Janeiro.",
			[]ent{{"ORG", "Rio de Janeiro"}}, "Rio de Janeiro", "BR", "Rio de Janeiro"},
		{"the region of", "Funds will open offices in Lyon, and the region of Auvergne-Rhône-Alpes will host them.",
			[]ent{{"PLACE", "Lyon"}, {"ORG", "Auvergne-Rhône-Alpes"}}, "Auvergne-Rhône-Alpes", "FR", "Auvergne-Rhône-Alpes"},
		{"a government or team is no place without a locative use", "Paraguay's central bank cut rates; Uruguay did not.",
			[]ent{{"ORG", "Paraguay"}, {"PLACE", "Uruguay"}}, "Paraguay", "", ""},
		{"a namesake abroad is not read into a mistyped name", "Turnout was 65% in the City of London and Westminster, officials in Manchester and Leeds said.",
			[]ent{{"PLACE", "City of London"}, {"ORG", "Westminster"}, {"PLACE", "Manchester"}, {"PLACE", "Leeds"}}, "Westminster", "GB", "Westminster"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := newArticle(t, "", tc.text, tc.ents...)
			if err := res.Extract(context.Background(), a); err != nil {
				t.Fatal(err)
			}
			var got *article.Place
			for i, p := range a.Places {
				for _, m := range p.Mentions {
					if m.Text == tc.mention {
						got = &a.Places[i]
					}
				}
			}
			switch {
			case tc.wantCC == "" && got != nil:
				t.Errorf("%q → %s %s; want no place", tc.mention, got.Name, got.CountryCode)
			case tc.wantCC != "" && got == nil:
				t.Errorf("%q unresolved; want %s %s", tc.mention, tc.wantName, tc.wantCC)
			case got != nil && (got.CountryCode != tc.wantCC || got.Name != tc.wantName):
				t.Errorf("%q → %s %s; want %s %s", tc.mention, got.Name, got.CountryCode, tc.wantName, tc.wantCC)
			}
		})
	}
}

// TestDistrictInitials: every district noun starts with one of districtInitials, which
// districtNames checks before it reads a word.
func TestDistrictInitials(t *testing.T) {
	for n := range districtNouns {
		if !strings.ContainsRune(districtInitials, []rune(n)[0]) {
			t.Errorf("%q does not start with one of %q", n, districtInitials)
		}
	}
}
