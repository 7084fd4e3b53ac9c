package geo

import (
	"context"
	"testing"
)

// TestNamesInOtherRoles: names of people, firms, clubs and grounds that are also towns' names are no
// places of the story, while places written beside them stay places.
func TestNamesInOtherRoles(t *testing.T) {
	t.Parallel()
	res := NewResolver(mustDefault(t))
	type want = wantPlace
	for _, tc := range []struct {
		name  string
		text  string
		ents  []ent
		want  []want
		unres []string
	}{
		{
			name:  "a noun of a person before the name",
			text:  "The film starred actor Sylvester and opened in cinemas across the United States.",
			ents:  []ent{{"PLACE", "Sylvester"}, {"PLACE", "United States"}},
			want:  []want{{"United States", "United States", "US", "", FeatureCountry}},
			unres: []string{"Sylvester"},
		},
		{
			name:  "listed among firms",
			text:  "Paramount, Universal and Warner Brothers said they would release the films in the United States.",
			ents:  []ent{{"PLACE", "Paramount"}, {"ORG", "Universal"}, {"ORG", "Warner Brothers"}, {"PLACE", "United States"}},
			want:  []want{{"United States", "United States", "US", "", FeatureCountry}},
			unres: []string{"Paramount"},
		},
		{
			name:  "a firm named after a town speaks",
			text:  "Houston Metals Corp reported ore at its mine in British Columbia. Houston said the assays were good.",
			ents:  []ent{{"ORG", "Houston Metals Corp"}, {"PLACE", "Houston"}, {"PLACE", "British Columbia"}},
			want:  []want{{"British Columbia", "British Columbia", "CA", "British Columbia", FeatureAdmin1}},
			unres: []string{"Houston"},
		},
		{
			name:  "a small town named like a given name needs its region",
			text:  "Anderson was cheered by fans across the United States after the final.",
			ents:  []ent{{"PLACE", "Anderson"}, {"PLACE", "United States"}},
			want:  []want{{"United States", "United States", "US", "", FeatureCountry}},
			unres: []string{"Anderson"},
		},
		{
			name: "a list a locative word heads is of places",
			text: "The band played in Milan and Turin before flying home to London.",
			ents: []ent{{"ORG", "Milan"}, {"PLACE", "Turin"}, {"PLACE", "London"}},
			want: []want{{"Milan", "Milan", "IT", "Lombardy", FeatureCity}, {"Turin", "Turin", "IT", "Piedmont", FeatureCity},
				{"London", "London", "GB", "England", FeatureCity}},
		},
		{
			name: "a verb, an adjective or a following noun keep a town a place",
			text: "Critics accused Grenoble of delay; the singer returned to her native Lyon; Gatwick, Stansted and Luton airports in England were busy.",
			ents: []ent{{"PLACE", "Grenoble"}, {"PLACE", "Lyon"}, {"ORG", "Gatwick"}, {"ORG", "Stansted"}, {"PLACE", "Luton"}, {"PLACE", "England"}},
			want: []want{{"Grenoble", "Grenoble", "FR", "Auvergne-Rhône-Alpes", FeatureCity}, {"Lyon", "Lyon", "FR", "Auvergne-Rhône-Alpes", FeatureCity},
				{"Luton", "Luton", "GB", "England", FeatureCity}, {"England", "England", "GB", "England", FeatureAdmin1}},
		},
		{
			name: "a college's town and a hyphened place stay places",
			text: "He studied at New College, Oxford, and later ran the same Oxford-based charity in England.",
			ents: []ent{{"ORG", "New College"}, {"PLACE", "Oxford"}, {"PLACE", "England"}},
			want: []want{{"Oxford", "Oxford", "GB", "England", FeatureCity}, {"England", "England", "GB", "England", FeatureAdmin1}},
		},
		{
			name:  "a name headed by a noun of people is a body",
			text:  "Relations between New Labour's leaders soured in London, England, this week.",
			ents:  []ent{{"PLACE", "New Labour"}, {"PLACE", "London"}, {"PLACE", "England"}},
			want:  []want{{"London", "London", "GB", "England", FeatureCity}, {"England", "England", "GB", "England", FeatureAdmin1}},
			unres: []string{"New Labour"},
		},
		{
			name:  "a department named after its country",
			text:  "The drug won approval from Health Canada after trials in Toronto and Ottawa.",
			ents:  []ent{{"PLACE", "Health Canada"}, {"PLACE", "Toronto"}, {"PLACE", "Ottawa"}},
			want:  []want{{"Toronto", "Toronto", "CA", "Ontario", FeatureCity}, {"Ottawa", "Ottawa", "CA", "Ontario", FeatureCity}},
			unres: []string{"Health Canada"},
		},
		{
			name: "an abbreviation in brackets and a firm's shares",
			text: "Donors met in Geneva and Zurich to fund the World Alliance for Rural Aid (Wara). Shares in Corvina rose in Basel.",
			ents: []ent{{"PLACE", "Geneva"}, {"PLACE", "Zurich"}, {"PLACE", "Wara"}, {"PLACE", "Corvina"}, {"PLACE", "Basel"}},
			want: []want{{"Geneva", "Genève", "CH", "Geneva", FeatureCity}, {"Zurich", "Zürich", "CH", "Zurich", FeatureCity},
				{"Basel", "Basel", "CH", "Basel-City", FeatureCity}},
			unres: []string{"Wara", "Corvina"},
		},
		{
			name: "a country's abbreviation in brackets and a place before -based stay places",
			text: "Exports from the United Arab Emirates (UAE) rose, Dubai-based traders said.",
			ents: []ent{{"PLACE", "United Arab Emirates"}, {"PLACE", "UAE"}, {"PLACE", "Dubai"}},
			want: []want{{"United Arab Emirates", "United Arab Emirates", "AE", "", FeatureCountry}, {"UAE", "United Arab Emirates", "AE", "", FeatureCountry},
				{"Dubai", "Dubai", "AE", "Dubai", FeatureCity}},
		},
		{
			name: "a match report's grounds are not placed by its sides",
			text: "Wales beat Scotland at Murrayfield as the fly-half kicked two penalty goals, and the rugby squad now face France.",
			ents: []ent{{"PLACE", "Wales"}, {"PLACE", "Scotland"}, {"PLACE", "Murrayfield"}, {"PLACE", "France"}},
			want: []want{{"Wales", "Wales", "GB", "Wales", FeatureAdmin1}, {"Scotland", "Scotland", "GB", "Scotland", FeatureAdmin1},
				{"France", "France", "FR", "", FeatureCountry}},
			unres: []string{"Murrayfield"},
		},
		{
			name: "a match report's clubs are their home towns",
			text: "Liverpool beat Sunderland 2-0 in the league, their striker scoring both goals.",
			ents: []ent{{"PLACE", "Liverpool"}, {"PLACE", "Sunderland"}},
			want: []want{{"Liverpool", "Liverpool", "GB", "England", FeatureCity}, {"Sunderland", "Sunderland", "GB", "England", FeatureCity}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			a := newArticle(t, "", tc.text, tc.ents...)
			if err := res.Extract(context.Background(), a); err != nil {
				t.Fatal(err)
			}
			checkPlaces(t, a, tc.want, tc.unres)
		})
	}
}
