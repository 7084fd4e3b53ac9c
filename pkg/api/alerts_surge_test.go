package api

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/newsmon/newsmon/pkg/alert"
)

func TestSurgeAlertRules(t *testing.T) {
	f := newFixture(t, 2)
	code, _, body := f.do(t, "POST", "/api/alerts", `{"name":"Jiangsu surge","region":["Jiangsu"],"kind":"surge","factor":4,"min_articles":10}`)
	var r alert.Rule
	if code != 201 || json.Unmarshal(body, &r) != nil || r.Kind != alert.KindSurge || r.Factor != 4 || r.MinArticles != 10 ||
		r.Baseline != "7d" || r.Window != "1d" {
		t.Fatalf("create surge rule = %d %s; want 201 with baseline 7d and window 1d filled in", code, body)
	}
	for _, tt := range []struct{ rule, want string }{
		{`{"region":["Jiangsu"],"kind":"surge","factor":0.5}`, "factor 0.5: want more than 1 and at most 1000"},
		{`{"region":["Jiangsu"],"kind":"surge","baseline":"a week"}`, `baseline: duration \"a week\"`},
		{`{"region":["Jiangsu"],"kind":"surge","baseline":"12h","window":"2d"}`, "baseline 12h0m0s is shorter than the window 48h0m0s"},
		{`{"region":["Jiangsu"],"kind":"surge","min_articles":-2}`, "min_articles -2: want 1 to"},
		{`{"region":["Jiangsu"],"factor":3}`, "factor is only for kind surge"},
		{`{"region":["Jiangsu"],"kind":"spike"}`, `kind \"spike\": want story or surge`},
	} {
		code, _, body := f.do(t, "POST", "/api/alerts", tt.rule)
		if code != 400 || !strings.Contains(string(body), tt.want) {
			t.Errorf("create %s = %d %s; want 400 with %q", tt.rule, code, body, tt.want)
		}
	}
}

func TestTestingASurgeRuleGivesItsCounts(t *testing.T) {
	f := newFixture(t, 2) // the fake index answers every query with both articles
	code, _, body := f.do(t, "POST", "/api/alerts/test", `{"region":["Jiangsu"],"kind":"surge","min_articles":2}`)
	var res struct {
		Total int                `json:"total"`
		Surge *alert.SurgeStatus `json:"surge"`
	}
	if code != 200 || json.Unmarshal(body, &res) != nil || res.Surge == nil {
		t.Fatalf("test surge rule = %d %s; want 200 with surge", code, body)
	}
	// 2 in the window against 2 over the 7 days before: a normal of 2/7 a day, threshold 2.
	if s := *res.Surge; s.Recent != 2 || s.BaselineCount != 2 || s.Threshold != 2 || !s.Surging {
		t.Errorf("surge = %+v; want recent 2, baseline 2, threshold 2, surging", s)
	}
	f.fake.mu.Lock()
	defer f.fake.mu.Unlock()
	ranged := 0
	for _, q := range f.fake.queries {
		if !q.From.IsZero() {
			ranged++
		}
	}
	if ranged != 2 {
		t.Errorf("%d searches by published time; want 2 (window and baseline)", ranged)
	}
}
