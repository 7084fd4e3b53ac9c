package pipeline

import (
	"testing"

	"github.com/newsmon/newsmon/pkg/alert"
)

func TestLintChecksSurgeRules(t *testing.T) {
	src := "name: x\nsources: [{name: a, kind: feed, url: 'http://h/f'}]\nalerts:\n" +
		"  - {name: ok, region: [Jiangsu], kind: surge, factor: 3, baseline: 7d, min_articles: 5}\n" +
		"  - {name: bad, region: [Jiangsu], kind: surge, factor: 0.5, baseline: soon}\n" +
		"  - {name: story, text: floods, factor: 3}\n"
	spec, err := Parse("p.yaml", []byte(src), known)
	want := "p.yaml:5:5: alerts[1]: baseline: duration \"soon\": time: invalid duration \"soon\"\n" +
		"p.yaml:5:5: alerts[1]: factor 0.5: want more than 1 and at most 1000 (the recent rate must reach factor × the baseline rate)\n" +
		"p.yaml:6:5: alerts[2]: factor is only for kind surge"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
	src = "name: x\nsources: [{name: a, kind: feed, url: 'http://h/f'}]\nalerts:\n" +
		"  - {name: ok, region: [Jiangsu], kind: surge, factor: 3, baseline: 7d, window: 12h, min_articles: 5}\n"
	if spec, err = Parse("p.yaml", []byte(src), known); err != nil {
		t.Fatal(err)
	}
	r := spec.Alerts[0].Rule()
	if r.Kind != alert.KindSurge || r.Factor != 3 || r.Baseline != "7d" || r.Window != "12h" || r.MinArticles != 5 || r.Validate() != nil {
		t.Errorf("Rule() = %+v (%v); want the surge rule", r, r.Validate())
	}
}
