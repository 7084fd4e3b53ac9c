package api

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/newsmon/newsmon/pkg/alert"
)

func TestFirstMentionAlertRules(t *testing.T) {
	f := newFixture(t, 2)
	code, _, body := f.do(t, "POST", "/api/alerts", `{"name":"new people in Jiangsu","region":["Jiangsu"],"mode":"first_mention","new_entity":"person"}`)
	var r alert.Rule
	if code != 201 || json.Unmarshal(body, &r) != nil || r.Mode != alert.ModeFirstMention || r.NewEntity != alert.NewPerson {
		t.Fatalf("create first_mention rule = %d %s; want 201 with mode and new_entity", code, body)
	}
	for _, tt := range []struct{ rule, want string }{
		{`{"region":["Jiangsu"],"mode":"first_mention"}`, "mode first_mention needs new_entity: person, org, place or any"},
		{`{"region":["Jiangsu"],"mode":"first_mention","new_entity":"people"}`, `new_entity \"people\": want person, org, place or any`},
		{`{"region":["Jiangsu"],"new_entity":"org"}`, "new_entity is only for mode first_mention"},
		{`{"region":["Jiangsu"],"kind":"surge","new_entity":"org"}`, "new_entity is only for mode first_mention"},
		{`{"region":["Jiangsu"],"mode":"first_ever","new_entity":"person"}`, "want every, first_in_window, digest or first_mention"},
	} {
		code, _, body := f.do(t, "POST", "/api/alerts", tt.rule)
		if code != 400 || !strings.Contains(string(body), tt.want) {
			t.Errorf("create %s = %d %s; want 400 with %q", tt.rule, code, body, tt.want)
		}
	}
}
