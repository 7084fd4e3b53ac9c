package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newsmon/newsmon/pkg/alert"
	"github.com/newsmon/newsmon/pkg/geo"
)

// The vocabulary the API and lint check rules against, on the real gazetteer: issue #20's
// "Jiansu" and "protests" are refused with the names they meant.
func TestRuleVocabularySuggestsWhatWasMeant(t *testing.T) {
	gaz, err := geo.Default()
	if err != nil {
		t.Fatal(err)
	}
	v := *ruleVocabulary(gaz)
	tests := []struct {
		rule  alert.Rule
		field string
		want  string // first suggestion; "" when the rule is accepted
	}{
		{alert.Rule{Region: []string{"Jiangsu", "China", "CN", "CN.04", "1806260", "Wuxi"}, EventType: []string{"protest"}}, "", ""},
		{alert.Rule{Region: []string{"Jiansu"}}, "region", "Jiangsu"},
		{alert.Rule{Region: []string{"Jangsu"}}, "region", "Jiangsu"},
		{alert.Rule{Place: []string{"Nairobii"}}, "place", "Nairobi"},
		{alert.Rule{EventType: []string{"protests"}}, "event_type", "protest"},
	}
	for _, tc := range tests {
		err := tc.rule.CheckNames(v)
		var ue *alert.UnknownNamesError
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%+v: refused: %v", tc.rule, err)
		case tc.want == "":
		case !errors.As(err, &ue) || ue.Names[0].Field != tc.field || !slices.Contains(ue.Names[0].Suggestions, tc.want):
			t.Errorf("%+v: err = %v, want a %s suggestion %s", tc.rule, err, tc.field, tc.want)
		}
	}
}

func TestLintNamesTheMisspeltRegion(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.yaml")
	src := "name: x\nsources: [{name: a, kind: feed, url: 'http://example.com/f'}]\nalerts:\n  - {name: a, region: [Jiansu], event_type: [protests]}\n"
	if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	err := cmdLint(context.Background(), []string{path}, &out, io.Discard)
	if err == nil || !strings.Contains(out.String(), `region "Jiansu" is not a place newsmon knows; did you mean Jiangsu?`) ||
		!strings.Contains(out.String(), "did you mean protest?") {
		t.Errorf("lint: err = %v, output:\n%s", err, out.String())
	}
}
