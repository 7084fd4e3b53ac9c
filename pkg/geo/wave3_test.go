package geo

import "testing"

// TestResolveWorldCitiesAndNonPlaces holds the classes of issue #19 "places in context" found in
// the third audit pool: a world city's name stays the world city although the story names the
// region of a tiny namesake somewhere.
func TestResolveWorldCitiesAndNonPlaces(t *testing.T) {
	t.Parallel()
	res := NewResolver(mustDefault(t))
	checkPlaceCases(t, res, []placeCase{
		{
			name: "a dateline world city is not a hamlet of a region the story names later",
			text: "HOUSTON, May 2 - Oil companies said output fell.\n\nDrilling in Alaska slowed as well, the companies said.",
			ents: []ent{{"PLACE", "HOUSTON"}, {"PLACE", "Alaska"}},
			want: []wantPlace{{"HOUSTON", "Houston", "US", "Texas", FeatureCity}, {"Alaska", "Alaska", "US", "Alaska", FeatureAdmin1}},
		},
		{
			name: "a world capital beside a region holding a tiny namesake stays the capital",
			text: "She won twice in Athens before the race in New York, where she lives.",
			ents: []ent{{"PLACE", "Athens"}, {"PLACE", "New York"}},
			want: []wantPlace{{"Athens", "Athens", "GR", "Attica", FeatureCity}, {"New York", "New York City", "US", "New York", FeatureCity}},
		},
		{
			name: "a qualified tiny namesake is still the town",
			text: "The mill in Athens, N.Y., closed on Friday.",
			ents: []ent{{"PLACE", "Athens"}},
			want: []wantPlace{{"Athens", "Athens", "US", "New York", FeatureCity}, {"N.Y.", "New York", "US", "New York", FeatureAdmin1}},
		},
		{
			name:  "a name ending in a body's noun is the body's, no place of its own",
			text:  "TAIPEI, June 3 - Buyers from abroad may invest via the Taipei Fund. In Ontario, a conference of Ontario Agriculture heard the forecast.",
			ents:  []ent{{"PLACE", "TAIPEI"}, {"PLACE", "Taipei Fund"}, {"PLACE", "Ontario"}, {"PLACE", "Ontario Agriculture"}},
			want:  []wantPlace{{"TAIPEI", "Taipei", "TW", "Taiwan", FeatureCity}, {"Ontario", "Ontario", "CA", "Ontario", FeatureAdmin1}},
			unres: []string{"Taipei Fund", "Ontario Agriculture"},
		},
		{
			name:  "a name before an occasion's noun is the occasion's",
			text:  "The singer, who grew up in Leeds and lives in Manchester, appeared at the Brelgan awards on Sunday.",
			ents:  []ent{{"PLACE", "Leeds"}, {"PLACE", "Manchester"}, {"PLACE", "Brelgan"}},
			want:  []wantPlace{{"Leeds", "Leeds", "GB", "England", FeatureCity}, {"Manchester", "Manchester", "GB", "England", FeatureCity}},
			unres: []string{"Brelgan"},
		},
		{
			name:  "a person's surname the tagger took for a town vouches for no other town of that town's country",
			text:  "Sir Alex Ferguson watched from the stand. Ferguson said the trip to Trafford and the win in England pleased him, and Chelsea agreed.",
			ents:  []ent{{"PERSON", "Alex Ferguson"}, {"PLACE", "Ferguson"}, {"PLACE", "Trafford"}, {"PLACE", "England"}, {"PLACE", "Chelsea"}},
			want:  []wantPlace{{"England", "England", "GB", "England", FeatureAdmin1}, {"Chelsea", "Chelsea", "GB", "England", FeatureCity}},
			unres: []string{"Ferguson", "Trafford"},
		},
		{
			name: "a region's seat abroad stays the seat though the story names the country of smaller namesakes",
			text: "Ministers from the U.S. and Britain will meet at the summit in Venice in June.",
			ents: []ent{{"PLACE", "U.S."}, {"PLACE", "Britain"}, {"PLACE", "Venice"}},
			want: []wantPlace{{"U.S.", "United States", "US", "", FeatureCountry}, {"Britain", "United Kingdom", "GB", "", FeatureCountry},
				{"Venice", "Venice", "IT", "Veneto", FeatureCity}},
		},
		{
			name: "a city named like a common word is a place after a locative word",
			text: "In Nice last week the ministers agreed on a plan for research.",
			ents: []ent{{"PLACE", "Nice"}},
			want: []wantPlace{{"Nice", "Nice", "FR", "Provence-Alpes-Côte d'Azur", FeatureCity}},
		},
		{
			name: "Irish and English cities news calls by their English or short names",
			text: "He trained in Limerick and Galway before a spell in Hull, and Ireland called him up.",
			ents: []ent{{"PLACE", "Limerick"}, {"PLACE", "Galway"}, {"PLACE", "Hull"}, {"PLACE", "Ireland"}},
			want: []wantPlace{{"Limerick", "Luimneach", "IE", "Munster", FeatureCity}, {"Galway", "Gaillimh", "IE", "Connacht", FeatureCity},
				{"Hull", "Kingston upon Hull", "GB", "England", FeatureCity}, {"Ireland", "Ireland", "IE", "", FeatureCountry}},
		},
		{
			name: "Scotland's counties and council areas lie in Scotland, English areas in England",
			text: "Leaders will meet at a hotel in Perthshire; trains may run again through Midlothian, and the minister visited Torbay.",
			ents: []ent{{"PLACE", "Perthshire"}, {"PLACE", "Midlothian"}, {"PLACE", "Torbay"}},
			want: []wantPlace{{"Perthshire", "Perthshire", "GB", "Scotland", FeatureOther}, {"Midlothian", "Midlothian", "GB", "Scotland", FeatureOther},
				{"Torbay", "Torbay", "GB", "England", FeatureOther}},
		},
		{
			name: "a region after an adjective that is also a person's noun is still a place",
			text: "Prices rose, said an analyst at a major Oregon timber producer, and New York traders agreed.",
			ents: []ent{{"PLACE", "Oregon"}, {"PLACE", "New York"}},
			want: []wantPlace{{"Oregon", "Oregon", "US", "Oregon", FeatureAdmin1}, {"New York", "New York City", "US", "New York", FeatureCity}},
		},
	})
}
