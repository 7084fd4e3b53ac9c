package eval

import (
	"strings"
	"testing"

	"github.com/newsmon/newsmon/pkg/article"
)

func TestReadGeoCasesAndGoldArticle(t *testing.T) {
	in := `# comment
{"text": "Paris, Texas, is not Paris in France. Parisians know.", "places": [{"mention": "Paris", "geonameid": 4717560, "country_code": "US"}, {"mention": "Texas", "geonameid": 4736286, "country_code": "US"}, {"mention": "France", "geonameid": 3017382, "country_code": "FR"}]}

{"text": "On Nov 3 German firms met.", "places": [{"mention": "Nov", "geonameid": 0, "country_code": ""}, {"mention": "German", "geonameid": 0, "country_code": "", "type": "MISC"}]}
`
	cases, err := ReadGeoCases(strings.NewReader(in))
	if err != nil || len(cases) != 2 {
		t.Fatalf("ReadGeoCases = %d cases, %v; want 2", len(cases), err)
	}
	a := cases[0].GoldArticle()
	if len(a.Entities) != 3 || a.Entities[0].Name != "Paris" || a.Entities[0].Type != article.TypePlace {
		t.Fatalf("entities = %+v", a.Entities)
	}
	// "Paris" twice as a word, not inside "Parisians".
	if ms := a.Entities[0].Mentions; len(ms) != 2 || ms[0].Start != 0 || ms[1].Start != 21 || ms[1].End != 26 {
		t.Errorf("Paris mentions = %+v; want [0,5) and [21,26)", ms)
	}
	if got := cases[1].GoldArticle().Entities[1].Type; got != "MISC" {
		t.Errorf("type = %q; want MISC", got)
	}
	if _, err := ReadGeoCases(strings.NewReader(`{"text": "x", "places": [{"mention": "Oslo"}]}`)); err == nil {
		t.Error("a mention missing from its text was accepted")
	}
}

func TestScoreGeo(t *testing.T) {
	c := GeoCase{Text: "Paris, Texas. Nov 3. Springfield.", Places: []GeoPlace{
		{Mention: "Paris", GeonameID: 4717560, CountryCode: "US"},
		{Mention: "Texas", GeonameID: 4736286, CountryCode: "US"},
		{Mention: "Nov", GeonameID: 0, CountryCode: ""},
		{Mention: "Springfield", GeonameID: 4250542, CountryCode: "US"},
	}}
	got := []article.Place{
		{Name: "Paris", GeonameID: 2988507, CountryCode: "FR", Mentions: []article.Mention{{Text: "Paris"}}},
		{Name: "Texas", GeonameID: 4736286, CountryCode: "US", Mentions: []article.Mention{{Text: "Texas"}}},
		{Name: "Nov", GeonameID: 1514856, CountryCode: "TJ", Mentions: []article.Mention{{Text: "Nov"}}},
	}
	var s GeoScore
	s.ScoreGeo(c, got)
	// Texas right; Paris wrong country; Nov spurious; Springfield unresolved.
	if s.Mentions != 4 || s.CountryOK != 1 || s.IDOK != 1 || s.Unresolved != 1 || s.Negatives != 1 || s.NegativesOK != 0 {
		t.Errorf("score = %+v", s)
	}
	s.ScoreGeo(GeoCase{Text: "Nov", Places: []GeoPlace{{Mention: "Nov"}}}, nil)
	if s.CountryAccuracy() != 2.0/5 || s.IDAccuracy() != 2.0/5 || len(s.Errors) != 3 {
		t.Errorf("accuracy %v/%v, errors %q", s.CountryAccuracy(), s.IDAccuracy(), s.Errors)
	}
	m := s.Metrics()
	if m["country_accuracy"] != 0.4 || m["mentions"] != 5 {
		t.Errorf("metrics = %v", m)
	}
}
