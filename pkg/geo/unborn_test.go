package geo

import (
	"context"
	"testing"
	"time"
)

// TestUnbornCountries: a state born after the story was published is no reading of its name when
// a region of like size shares it; one that shares it with nothing bigger stays the place meant.
func TestUnbornCountries(t *testing.T) {
	t.Parallel()
	res := NewResolver(mustDefault(t))
	for _, tc := range []struct {
		name, text, published string
		ents                  []ent
		want                  []wantPlace
	}{
		{
			name: "a 1987 utility story's Georgia is the American state", text: "Georgia regulators said the plant's cost would be capped.", published: "1987-04-08",
			ents: []ent{{"PLACE", "Georgia"}},
			want: []wantPlace{{"Georgia", "Georgia", "US", "Georgia", FeatureAdmin1}},
		},
		{
			name: "today the bare name is the country", text: "Georgia regulators said the plant's cost would be capped.", published: "2024-04-08",
			ents: []ent{{"PLACE", "Georgia"}},
			want: []wantPlace{{"Georgia", "Georgia", "GE", "", FeatureCountry}},
		},
		{
			name: "a Soviet republic of 1987 is still its land", text: "Armenia and Azerbaijan traded charges, Moscow said.", published: "1987-04-08",
			ents: []ent{{"PLACE", "Armenia"}, {"PLACE", "Azerbaijan"}, {"PLACE", "Moscow"}},
			want: []wantPlace{{"Armenia", "Armenia", "AM", "", FeatureCountry}, {"Azerbaijan", "Azerbaijan", "AZ", "", FeatureCountry},
				{"Moscow", "Moscow", "RU", "Moscow", FeatureCity}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := newArticle(t, "", tc.text, tc.ents...)
			pub, err := time.Parse(time.DateOnly, tc.published)
			if err != nil {
				t.Fatal(err)
			}
			a.Published = &pub
			if err := res.Extract(context.Background(), a); err != nil {
				t.Fatal(err)
			}
			checkPlaces(t, a, tc.want, nil)
		})
	}
}
