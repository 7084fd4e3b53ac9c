package main

import (
	"bytes"
	"context"
	"io"
	"regexp"
	"testing"

	"github.com/newsmon/newsmon/internal/eval"
)

// TestEvalHelpListsEveryScorer: `newsmon eval -h` names every scorer of the table, and a bare
// `newsmon eval` is a usage error.
func TestEvalHelpListsEveryScorer(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := Main(context.Background(), []string{"eval", "-h"}, &out, &errOut); code != 0 {
		t.Fatalf("eval -h: exit %d", code)
	}
	for _, s := range evalScorers() {
		if !regexp.MustCompile(`(?m)^  ` + s.name + ` +--data `).MatchString(errOut.String()) {
			t.Errorf("eval -h does not list %s:\n%s", s.name, errOut.String())
		}
	}
	if code := Main(context.Background(), []string{"eval"}, &out, &errOut); code != 2 {
		t.Errorf("eval without a scorer: exit %d; want 2", code)
	}
	if code := Main(context.Background(), []string{"eval", "money"}, &out, &errOut); code != 2 {
		t.Errorf("eval money without --data: exit %d; want 2", code)
	}
}

// TestEvalGeoModes: eval geo runs end to end unless --gold-mentions is given (--ner is still
// accepted). internal/eval's TestGeoScore checks what each mode hands the chain.
func TestEvalGeoModes(t *testing.T) {
	for _, tc := range []struct {
		args []string
		gold bool
	}{{nil, false}, {[]string{"--ner"}, false}, {[]string{"--gold-mentions"}, true}} {
		fs := newFlagSet("eval geo", io.Discard)
		g := setupEvalGeo(fs).(*eval.Geo)
		if err := fs.Parse(tc.args); err != nil {
			t.Fatal(err)
		}
		if g.GoldMentions != tc.gold || g.Chain == nil {
			t.Errorf("eval geo %q: GoldMentions=%v; want %v", tc.args, g.GoldMentions, tc.gold)
		}
	}
}
