package alert

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestCheckNamesRefusesUnknownPlacesAndEventTypes(t *testing.T) {
	t.Parallel()
	places := []string{"Jiangsu", "Jiangxi", "Jilin", "Kenya", "Wuxi", "Lagos"}
	vocab := Vocabulary{
		KnownPlace: func(v string) bool {
			for _, p := range places {
				if strings.EqualFold(p, v) {
					return true
				}
			}
			return v == "1806260" // a GeoNames id
		},
		NearPlaces: func(string) []string { return places },
		EventTypes: []string{"visit", "meeting", "protest", "attack", "disaster"},
	}
	tests := []struct {
		name string
		rule Rule
		want []UnknownName
	}{
		{"known values", Rule{Region: []string{"jiangsu", "1806260"}, Place: []string{"Wuxi"}, EventType: []string{"Protest"}}, nil},
		{"misspelt region", Rule{Region: []string{"Jiansu"}}, []UnknownName{{"region", 0, "Jiansu", []string{"Jiangsu"}}}},
		{"transposed letters", Rule{Place: []string{"Lgaos"}}, []UnknownName{{"place", 0, "Lgaos", []string{"Lagos"}}}},
		{"plural event type", Rule{Region: []string{"Kenya"}, EventType: []string{"protests"}}, []UnknownName{{"event_type", 0, "protests", []string{"protest"}}}},
		{"nothing close", Rule{Region: []string{"Atlantis"}}, []UnknownName{{"region", 0, "Atlantis", nil}}},
		{"event type far from all lists them", Rule{EventType: []string{"riot"}}, []UnknownName{{"event_type", 0, "riot", vocab.EventTypes}}},
		{"several", Rule{Region: []string{"Kenya", "Kenia"}, EventType: []string{"atack"}},
			[]UnknownName{{"region", 1, "Kenia", []string{"Kenya"}}, {"event_type", 0, "atack", []string{"attack"}}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.rule.CheckNames(vocab)
			var got []UnknownName
			var ue *UnknownNamesError
			if errors.As(err, &ue) {
				got = ue.Names
			} else if err != nil {
				t.Fatalf("err = %v", err)
			}
			for i := range got {
				if len(got[i].Suggestions) == 0 {
					got[i].Suggestions = nil
				}
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("CheckNames = %+v, want %+v", got, tc.want)
			}
		})
	}
	err := Rule{Region: []string{"Jiansu"}}.CheckNames(vocab)
	if err == nil || err.Error() != `region "Jiansu" is not a place newsmon knows; did you mean Jiangsu?` {
		t.Errorf("message = %v", err)
	}
	// Without a vocabulary nothing is checked.
	if err := (Rule{Region: []string{"Jiansu"}, EventType: []string{"protests"}}).CheckNames(Vocabulary{}); err != nil {
		t.Errorf("empty vocabulary: %v", err)
	}
}

func TestSuggestRanksByDistanceThenOrder(t *testing.T) {
	got := Suggest("Jiangsi", []string{"Jiangxi", "Jiangsu", "Jilin", "jiangsu"}, 3)
	if !reflect.DeepEqual(got, []string{"Jiangxi", "Jiangsu"}) {
		t.Errorf("Suggest = %v", got)
	}
	if got := Suggest("ab", []string{"abc", "xyz"}, 3); !reflect.DeepEqual(got, []string{"abc"}) {
		t.Errorf("short word: %v", got)
	}
}
