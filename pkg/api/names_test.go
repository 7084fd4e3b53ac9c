package api

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/newsmon/newsmon/pkg/alert"
	"github.com/newsmon/newsmon/pkg/index"
)

// placeSearcher has articles only about the places it lists (by place or region filter).
type placeSearcher struct {
	fakeSearcher
	places []string
}

func (p *placeSearcher) Search(ctx context.Context, q index.Query) (*index.Result, error) {
	for _, v := range append(slices.Clone(q.Place), q.Region...) {
		if !slices.Contains(p.places, v) {
			return &index.Result{}, nil
		}
	}
	return &index.Result{Total: 1}, nil
}

func TestAlertRulesWithUnknownNamesAreRefused(t *testing.T) {
	known := []string{"Jiangsu", "Jiangxi", "Kenya", "Wuxi"}
	vocab := &alert.Vocabulary{
		KnownPlace: func(v string) bool {
			return slices.ContainsFunc(known, func(k string) bool { return strings.EqualFold(k, v) })
		},
		NearPlaces: func(string) []string { return known },
		EventTypes: []string{"visit", "protest", "attack"},
	}
	h, err := New(Config{Searcher: &placeSearcher{places: []string{"Middle East"}}, Vocabulary: vocab})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, method, path, body string
		want                     int
		suggestions              []string
	}{
		{"known region", "POST", "/api/alerts", `{"name":"a","region":["Jiangsu"],"event_type":["protest"]}`, 201, nil},
		{"misspelt region", "POST", "/api/alerts", `{"name":"a","region":["Jiansu"]}`, 400, []string{"Jiangsu"}},
		{"plural event type", "POST", "/api/alerts", `{"name":"a","region":["Kenya"],"event_type":["protests"]}`, 400, []string{"protest"}},
		{"misspelt place on PUT", "PUT", "/api/alerts/r1", `{"name":"a","place":["Wuxii"]}`, 400, []string{"Wuxi"}},
		{"misspelt region on test", "POST", "/api/alerts/test", `{"name":"a","region":["Kenia"]}`, 400, []string{"Kenya"}},
		{"unknown to the gazetteer but in the index", "POST", "/api/alerts", `{"name":"a","region":["Middle East"]}`, 201, nil},
		{"unknown everywhere", "POST", "/api/alerts", `{"name":"a","region":["Atlantis"]}`, 400, []string{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req := httptest.NewRequest(tc.method, tc.path, strings.NewReader(tc.body))
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != tc.want {
				t.Fatalf("%s %s = %d %s, want %d", tc.method, tc.path, rec.Code, rec.Body, tc.want)
			}
			if tc.want != http.StatusBadRequest {
				return
			}
			var out struct {
				Error       string    `json:"error"`
				Suggestions *[]string `json:"suggestions"`
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil || out.Suggestions == nil {
				t.Fatalf("body %s: want {error, suggestions}", rec.Body)
			}
			if !reflect.DeepEqual(*out.Suggestions, tc.suggestions) {
				t.Errorf("suggestions = %v, want %v", *out.Suggestions, tc.suggestions)
			}
			if len(tc.suggestions) > 0 && !strings.Contains(out.Error, "did you mean "+tc.suggestions[0]+"?") {
				t.Errorf("error %q does not suggest %s", out.Error, tc.suggestions[0])
			}
		})
	}
}
