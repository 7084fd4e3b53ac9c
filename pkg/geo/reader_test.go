package geo

import (
	"context"
	"testing"
)

// TestReadAsAReader holds the classes of place errors found reading unseen BBC and Reuters stories
// (issue #19, "places in context"): each case is a short story of our own with the entities a
// tagger gives.
func TestReadAsAReader(t *testing.T) {
	t.Parallel()
	res := NewResolver(mustDefault(t))
	checkPlaceCases(t, res, []placeCase{
		{
			name: "a politician's state is no evidence for the story's other places",
			text: "The accord reached in Paris still holds, Texas Democratic Senator Ann Roe said.",
			ents: []ent{{"PLACE", "Paris"}, {"PLACE", "Texas"}},
			want: []wantPlace{{"Paris", "Paris", "FR", "Île-de-France", FeatureCity}, {"Texas", "Texas", "US", "Texas", FeatureAdmin1}},
		},
		{
			name: "a member labelled with a state sits for the state, not its namesake city",
			text: "The bill was sponsored by Ann Roe, a New York House Democrat.",
			ents: []ent{{"PLACE", "New York"}},
			want: []wantPlace{{"New York", "New York", "US", "New York", FeatureAdmin1}},
		},
		{
			name:  "a small town named like a feast or an animal needs the story's support",
			text:  "The band's Christmas single sold well in the US, where a film about the Caribou herd opened.",
			ents:  []ent{{"PLACE", "Christmas"}, {"PLACE", "US"}, {"PLACE", "Caribou"}},
			want:  []wantPlace{{"US", "United States", "US", "", FeatureCountry}},
			unres: []string{"Christmas", "Caribou"},
		},
		{
			name: "a regional seat that leads its namesakes needs no support",
			text: "Leaders will meet at next week's summit in Venice, officials in Tokyo and Bonn said.",
			ents: []ent{{"PLACE", "Venice"}, {"PLACE", "Tokyo"}, {"PLACE", "Bonn"}},
			want: []wantPlace{{"Venice", "Venice", "IT", "Veneto", FeatureCity}, {"Tokyo", "Tokyo", "JP", "Tokyo", FeatureCity},
				{"Bonn", "Bonn", "DE", "North Rhine-Westphalia", FeatureCity}},
		},
		{
			name: "a name whose towns in one named country are many and small is the city of another named country",
			text: "Aid will be raised at the summit in Venice, delegates from Asia, the U.S. and Europe told a meeting in Peking set up in Rome.",
			ents: []ent{{"PLACE", "Venice"}, {"PLACE", "Asia"}, {"PLACE", "U.S."}, {"PLACE", "Europe"}, {"PLACE", "Peking"}, {"PLACE", "Rome"}},
			want: []wantPlace{{"Venice", "Venice", "IT", "Veneto", FeatureCity}, {"Asia", "Asia", "", "", FeatureOther},
				{"U.S.", "United States", "US", "", FeatureCountry}, {"Europe", "Europe", "", "", FeatureOther},
				{"Peking", "Beijing", "CN", "Beijing", FeatureCity}, {"Rome", "Rome", "IT", "Lazio", FeatureCity}},
		},
		{
			name: "older English names of cities",
			text: "Bankers in Basle and officials in East Berlin cited the Berne convention.",
			ents: []ent{{"PLACE", "Basle"}, {"PLACE", "East Berlin"}, {"PLACE", "Berne"}},
			want: []wantPlace{{"Basle", "Basel", "CH", "Basel-City", FeatureCity}, {"East Berlin", "Berlin", "DE", "State of Berlin", FeatureCity},
				{"Berne", "Bern", "CH", "Bern", FeatureCity}},
		},
		{
			name: "a figure the tagger joined to a country's name",
			text: "Traders in Denmark 7,250 and in France 4,000 tonnes received the sugar.",
			ents: []ent{{"PLACE", "Denmark 7,250"}, {"PLACE", "France 4,000"}},
			want: []wantPlace{{"Denmark", "Denmark", "DK", "", FeatureCountry}, {"France", "France", "FR", "", FeatureCountry}},
		},
		{
			name: "umlauts spelt out",
			text: "Workers in Ruesselsheim, Germany, and in Trollhaettan, Sweden, feared for their jobs.",
			ents: []ent{{"PLACE", "Ruesselsheim"}, {"PLACE", "Germany"}, {"PLACE", "Trollhaettan"}, {"PLACE", "Sweden"}},
			want: []wantPlace{{"Ruesselsheim", "Rüsselsheim", "DE", "Hesse", FeatureCity}, {"Germany", "Germany", "DE", "", FeatureCountry},
				{"Trollhaettan", "Trollhättan", "SE", "Västra Götaland", FeatureCity}, {"Sweden", "Sweden", "SE", "", FeatureCountry}},
		},
		{
			name: "a county written as a town's qualifier stays the county in a story about elsewhere",
			text: "A man from Camberley, Surrey, was held. In the US, police in Newark, New Jersey, and Dallas, Texas, held five more.",
			ents: []ent{{"PLACE", "Camberley"}, {"PLACE", "Surrey"}, {"PLACE", "US"}, {"PLACE", "Newark"}, {"PLACE", "New Jersey"},
				{"PLACE", "Dallas"}, {"PLACE", "Texas"}},
			want: []wantPlace{{"Camberley", "Camberley", "GB", "England", FeatureCity}, {"Surrey", "Surrey", "GB", "England", FeatureOther},
				{"US", "United States", "US", "", FeatureCountry}, {"Newark", "Newark", "US", "New Jersey", FeatureCity},
				{"New Jersey", "New Jersey", "US", "New Jersey", FeatureAdmin1}, {"Dallas", "Dallas", "US", "Texas", FeatureCity},
				{"Texas", "Texas", "US", "Texas", FeatureAdmin1}},
		},
		{
			name: "ideas of the world are no places",
			text: "At the Rome meeting were delegations from Third World countries, Italy and Spain.",
			ents: []ent{{"PLACE", "Third World"}, {"PLACE", "Rome"}, {"PLACE", "Italy"}, {"PLACE", "Spain"}},
			want: []wantPlace{{"Rome", "Rome", "IT", "Lazio", FeatureCity}, {"Italy", "Italy", "IT", "", FeatureCountry},
				{"Spain", "Spain", "ES", "", FeatureCountry}},
			unres: []string{"Third World"},
		},
		{
			name: "a person, a speaking firm and a securities house are not placed in the story's region",
			text: "Output at the mine in Hemlo, Ontario, Lac said. In Toronto and Ottawa, Nigel Roberts and Gwangju Securities agreed.",
			ents: []ent{{"PLACE", "Ontario"}, {"PLACE", "Lac"}, {"PLACE", "Nigel Roberts"}, {"PLACE", "Gwangju Securities"}, {"PLACE", "Toronto"},
				{"PLACE", "Ottawa"}},
			want: []wantPlace{{"Ontario", "Ontario", "CA", "Ontario", FeatureAdmin1}, {"Toronto", "Toronto", "CA", "Ontario", FeatureCity},
				{"Ottawa", "Ottawa", "CA", "Ontario", FeatureCity}},
			unres: []string{"Lac", "Nigel Roberts", "Gwangju Securities"},
		},
		{
			name: "a place after a preposition is no speaker of the verb that follows it",
			text: "A maker building a plant in the suburb of Apodaca said it would recycle water, officials in Monterrey, Mexico, said.",
			ents: []ent{{"PLACE", "Apodaca"}, {"PLACE", "Monterrey"}, {"PLACE", "Mexico"}},
			want: []wantPlace{{"Apodaca", "Apodaca", "MX", "Nuevo León", FeatureOther}, {"Monterrey", "Monterrey", "MX", "Nuevo León", FeatureCity},
				{"Mexico", "Mexico", "MX", "", FeatureCountry}},
		},
		{
			name: "a dateline's state abbreviation without its period",
			text: "MOUNTAIN VIEW, Calif, June 29 - The maker of modems said a court in San Francisco ruled.",
			ents: []ent{{"PLACE", "MOUNTAIN VIEW"}, {"PLACE", "Calif"}, {"PLACE", "San Francisco"}},
			want: []wantPlace{{"MOUNTAIN VIEW", "Mountain View", "US", "California", FeatureCity}, {"Calif", "California", "US", "California", FeatureAdmin1},
				{"San Francisco", "San Francisco", "US", "California", FeatureCity}},
		},
		{
			name: "a county and a city of the story's country outweigh a parish and towns abroad",
			text: "The squad met near Manchester, at a hotel in Cheshire, before flying to Sardinia to watch Italy play Moldova and Russia.",
			ents: []ent{{"PLACE", "Manchester"}, {"PLACE", "Cheshire"}, {"PLACE", "Sardinia"}, {"PLACE", "Italy"}, {"PLACE", "Moldova"}, {"PLACE", "Russia"}},
			want: []wantPlace{{"Manchester", "Manchester", "GB", "England", FeatureCity}, {"Cheshire", "Cheshire", "GB", "England", FeatureOther},
				{"Sardinia", "Sardinia", "IT", "Sardinia", FeatureAdmin1}, {"Italy", "Italy", "IT", "", FeatureCountry},
				{"Moldova", "Moldova", "MD", "", FeatureCountry}, {"Russia", "Russia", "RU", "", FeatureCountry}},
		},
		{
			name:  "a hamlet abroad vouches for no namesake of its country",
			text:  "It was no mistake at Old Trafford, and nothing went wrong against Birmingham or Chelsea.",
			ents:  []ent{{"PLACE", "Trafford"}, {"PLACE", "Birmingham"}, {"PLACE", "Chelsea"}},
			want:  []wantPlace{{"Birmingham", "Birmingham", "GB", "England", FeatureCity}, {"Chelsea", "Chelsea", "GB", "England", FeatureCity}},
			unres: []string{"Trafford"},
		},
		{
			name: "a demonym used of a person says nothing of where the story is",
			text: "Greene lost in Birmingham to his fellow American, who had won in Lievin, France.",
			ents: []ent{{"PLACE", "Birmingham"}, {"MISC", "American"}, {"PLACE", "Lievin"}, {"PLACE", "France"}},
			want: []wantPlace{{"Birmingham", "Birmingham", "GB", "England", FeatureCity}, {"Lievin", "Liévin", "FR", "Hauts-de-France", FeatureCity},
				{"France", "France", "FR", "", FeatureCountry}},
		},
		{
			name:  "what has an age is a person, in a match report too",
			text:  "Scott, 22, smashed his best in the 60m final in Sheffield, beating the striker and the goalkeeper of the league side.",
			ents:  []ent{{"PLACE", "Scott"}, {"PLACE", "Sheffield"}},
			want:  []wantPlace{{"Sheffield", "Sheffield", "GB", "England", FeatureCity}},
			unres: []string{"Scott"},
		},
		{
			name:  "what a country owns lies in it",
			text:  "The film won 12 nominations for France's Cesar awards, a Paris court heard.",
			ents:  []ent{{"PLACE", "Cesar"}, {"PLACE", "Paris"}},
			want:  []wantPlace{{"Paris", "Paris", "FR", "Île-de-France", FeatureCity}},
			unres: []string{"Cesar"},
		},
		{
			name: "a dateline in title case names the city, not its namesake state",
			text: "New York, April 1 - The firm extended its offer, a Manhattan court heard.",
			ents: []ent{{"PLACE", "New York"}, {"PLACE", "Manhattan"}},
			want: []wantPlace{{"New York", "New York City", "US", "New York", FeatureCity}, {"Manhattan", "Manhattan", "US", "New York", FeatureCity}},
		},
		{
			name: "a county written in its state is no town of that name elsewhere",
			text: "HOUSTON, March 2 - The unit seeks a permit for a site in Jefferson County in Kentucky.",
			ents: []ent{{"PLACE", "HOUSTON"}, {"PLACE", "Jefferson County"}, {"PLACE", "Kentucky"}},
			want: []wantPlace{{"HOUSTON", "Houston", "US", "Texas", FeatureCity}, {"Jefferson County", "Jefferson County", "US", "Kentucky", FeatureOther},
				{"Kentucky", "Kentucky", "US", "Kentucky", FeatureAdmin1}},
		},
		{
			name: "a dateline's place in capitals is no person, whatever name it starts with",
			text: "MARINA DEL RAY, Calif., March 19 - The maker of modems said sales rose.",
			ents: []ent{{"PLACE", "MARINA DEL RAY"}, {"PLACE", "Calif."}},
			want: []wantPlace{{"MARINA DEL RAY", "MARINA DEL RAY", "US", "California", FeatureOther}, {"Calif.", "California", "US", "California", FeatureAdmin1}},
		},
		{
			name: "a name written with St for Saint, and an older romanisation",
			text: "After the cross-country championships in St Etienne, France, she raced in Tokyo and Pusan.",
			ents: []ent{{"PLACE", "St Etienne"}, {"PLACE", "France"}, {"PLACE", "Tokyo"}, {"PLACE", "Pusan"}},
			want: []wantPlace{{"St Etienne", "Saint-Étienne", "FR", "Auvergne-Rhône-Alpes", FeatureCity}, {"France", "France", "FR", "", FeatureCountry},
				{"Tokyo", "Tokyo", "JP", "Tokyo", FeatureCity}, {"Pusan", "Busan", "KR", "Busan", FeatureCity}},
		},
		{
			name:  "a lake is in the story's country but no guessed region; open water in none",
			text:  "Freight between Montreal and Lake Ontario rose, while a lease in the Artic Ocean off Quebec was delayed.",
			ents:  []ent{{"PLACE", "Montreal"}, {"PLACE", "Lake Ontario"}, {"PLACE", "Artic Ocean"}, {"PLACE", "Quebec"}},
			want:  []wantPlace{{"Montreal", "Montréal", "CA", "Quebec", FeatureCity}, {"Lake Ontario", "Lake Ontario", "CA", "", FeatureOther}, {"Quebec", "Quebec", "CA", "Quebec", FeatureAdmin1}},
			unres: []string{"Artic Ocean"},
		},
	})
}

// TestPartyStateBesideTheCapital checks that one name read two ways in a story keeps both: the
// state a member sits for and the capital where the talks are.
func TestPartyStateBesideTheCapital(t *testing.T) {
	t.Parallel()
	res := NewResolver(mustDefault(t))
	a := newArticle(t, "", "Talks in Washington stalled, said Tom Lee, a Washington Democrat.", ent{"PLACE", "Washington"})
	if err := res.Extract(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	got := map[int]string{}
	for _, p := range a.Places {
		for _, m := range p.Mentions {
			got[m.Start] = p.Admin1
		}
	}
	if got[9] != "District of Columbia" || got[45] != "Washington" {
		t.Errorf("admin1 by mention start = %v; want 9: District of Columbia, 45: Washington", got)
	}
}
