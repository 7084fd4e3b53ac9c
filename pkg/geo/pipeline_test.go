package geo_test

import (
	"context"
	"testing"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/extract/ner"
	"github.com/newsmon/newsmon/pkg/geo"
)

// TestTaggerThenResolver runs issue-like paragraphs through the embedded NER tagger and the resolver,
// as the pipeline does, and checks the places a careful reader would name (and those they would not).
func TestTaggerThenResolver(t *testing.T) {
	t.Parallel()
	gaz, err := geo.Default()
	if err != nil {
		t.Fatal(err)
	}
	tagger, res := ner.New(gaz), geo.NewResolver(gaz)
	type place struct{ name, feature, admin1, cc string }
	for _, tc := range []struct {
		name string
		text string
		want map[string]place // mention text → place
		not  []string         // country codes no place may have
	}{
		{
			name: "an upper-case dateline, a telescope acronym and planets",
			text: "SAN PEDRO DE ATACAMA, Chile — An international team of astronomers using the ALMA radio telescope said on " +
				"Monday that they had seen a planet twice the mass of Jupiter forming around a young star. The desert is one " +
				"of the driest places on Earth.",
			want: map[string]place{"SAN PEDRO DE ATACAMA": {"San Pedro de Atacama", geo.FeatureCity, "Antofagasta", "CL"},
				"Chile": {"Chile", geo.FeatureCountry, "", "CL"}},
			not: []string{"US"},
		},
		{
			name: "states beside states, a country in a list, a metonym",
			text: "WASHINGTON — The Senate passed the farm bill on Thursday. Corn growers in Iowa and Kansas welcomed it, while " +
				"peanut and cotton growers in Georgia said the payments were too small. Companies from the United States, " +
				"China and Germany have invested near Laredo, Texas.",
			want: map[string]place{"WASHINGTON": {"Washington, D.C.", geo.FeatureCity, "District of Columbia", "US"},
				"Georgia": {"Georgia", geo.FeatureAdmin1, "Georgia", "US"}, "China": {"China", geo.FeatureCountry, "", "CN"},
				"Laredo": {"Laredo", geo.FeatureCity, "Texas", "US"}},
			not: []string{"GE"},
		},
		{
			name: "state abbreviations after towns",
			text: "ARNOLD, Calif. (AP) — A wildfire forced hundreds of residents to flee on Tuesday, officials in Sacramento " +
				"said. Firefighters from Reno, Nev., and Medford, Ore., joined the effort.",
			want: map[string]place{"ARNOLD": {"Arnold", geo.FeatureCity, "California", "US"},
				"Reno": {"Reno", geo.FeatureCity, "Nevada", "US"}, "Medford": {"Medford", geo.FeatureCity, "Oregon", "US"},
				"Calif.": {"California", geo.FeatureAdmin1, "California", "US"}},
			not: []string{"NG", "GB"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := &article.Article{ID: "t", Text: tc.text}
			ctx := context.Background()
			if err := tagger.Extract(ctx, a); err != nil {
				t.Fatal(err)
			}
			if err := res.Extract(ctx, a); err != nil {
				t.Fatal(err)
			}
			got := map[string]place{}
			for _, p := range a.Places {
				for _, m := range p.Mentions {
					got[m.Text] = place{p.Name, p.Feature, p.Admin1, p.CountryCode}
				}
				for _, cc := range tc.not {
					if p.CountryCode == cc {
						t.Errorf("place %s in %s; want none there (%v)", p.Name, cc, p.Mentions)
					}
				}
			}
			for m, w := range tc.want {
				if got[m] != w {
					t.Errorf("%q → %+v; want %+v", m, got[m], w)
				}
			}
		})
	}
}
