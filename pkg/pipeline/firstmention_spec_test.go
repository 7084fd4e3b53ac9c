package pipeline

import (
	"testing"

	"github.com/newsmon/newsmon/pkg/alert"
)

func TestLintChecksFirstMentionRules(t *testing.T) {
	src := "name: x\nsources: [{name: a, kind: feed, url: 'http://h/f'}]\nalerts:\n" +
		"  - {name: ok, region: [Jiangsu], mode: first_mention, new_entity: person}\n" +
		"  - {name: missing, region: [Jiangsu], mode: first_mention}\n" +
		"  - {name: unknown, region: [Jiangsu], mode: first_mention, new_entity: people}\n" +
		"  - {name: every, region: [Jiangsu], new_entity: org}\n"
	_, err := Parse("p.yaml", []byte(src), known)
	want := "p.yaml:5:5: alerts[1]: mode first_mention needs new_entity: person, org, place or any\n" +
		"p.yaml:6:5: alerts[2]: new_entity \"people\": want person, org, place or any\n" +
		"p.yaml:7:5: alerts[3]: new_entity is only for mode first_mention"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
	src = "name: x\nsources: [{name: a, kind: feed, url: 'http://h/f'}]\nalerts:\n" +
		"  - {name: ok, region: [Jiangsu], mode: first_mention, new_entity: any}\n"
	spec, err := Parse("p.yaml", []byte(src), known)
	if err != nil {
		t.Fatal(err)
	}
	if r := spec.Alerts[0].Rule(); r.Mode != alert.ModeFirstMention || r.NewEntity != alert.NewAny || r.Validate() != nil {
		t.Errorf("Rule() = %+v (%v); want the first_mention rule", r, r.Validate())
	}
}
