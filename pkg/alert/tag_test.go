package alert

import (
	"reflect"
	"slices"
	"testing"
)

// A rule may ask for articles from a collection of sources ("Jiangsu in US sources").
func TestRuleMatchTag(t *testing.T) {
	a := wuxiArticle()
	a.SourceTags = []string{"country:US", "kind:newspaper", "collection:americas"}
	for _, tc := range []struct {
		name    string
		rule    Rule
		want    bool
		reasons []string
	}{
		{"tag", Rule{Tag: []string{"country:us"}}, true, []string{"tag country:US"}},
		{"tag and region", Rule{Region: []string{"Jiangsu"}, Tag: []string{"collection:americas"}}, true,
			[]string{"region Jiangsu via Wuxi", "tag collection:americas"}},
		// MinCount counts mentions in the text; a tag, like a source, is not mentioned.
		{"tag with min_count", Rule{Text: "Wuxi", Tag: []string{"kind:newspaper"}, MinCount: 2}, true,
			[]string{"tag kind:newspaper", `text "Wuxi"`}},
		{"other collection", Rule{Region: []string{"Jiangsu"}, Tag: []string{"country:CN"}}, false, nil},
		{"tags ANDed", Rule{Tag: []string{"country:US", "kind:wire"}}, false, nil},
	} {
		got, reasons := tc.rule.Match(a)
		if got != tc.want || !reflect.DeepEqual(reasons, tc.reasons) {
			t.Errorf("%s: Match = %v, %q; want %v, %q", tc.name, got, reasons, tc.want, tc.reasons)
		}
	}
	if q := (Rule{Region: []string{"Jiangsu"}, Tag: []string{"country:US"}}).Query(); !slices.Equal(q.Tag, []string{"country:US"}) {
		t.Errorf("Query().Tag = %q; want the rule's tags, so testing a rule searches the same collection", q.Tag)
	}
	a.SourceTags = nil
	if ok, _ := (Rule{Tag: []string{"country:US"}}).Match(a); ok {
		t.Error("an article without source tags matched a tag rule")
	}
}
