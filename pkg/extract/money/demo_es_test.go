package money_test

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/extract/extractors"
)

// TestDemoSpanishStory is issue #22's reproduction: the demo's Spanish story about Vaca Muerta
// announces "US$4.000 millones" in its headline and "4.000 millones de dólares" in its lead; run
// through the default chain, both are four billion US dollars.
func TestDemoSpanishStory(t *testing.T) {
	raw, err := os.ReadFile("../../../internal/demo/site/articles/latam-post/vaca-muerta-inversion-es.md")
	if err != nil {
		t.Fatal(err)
	}
	front, body, _ := strings.Cut(strings.TrimPrefix(string(raw), "---\n"), "\n---\n")
	title := ""
	for _, line := range strings.Split(front, "\n") {
		if v, ok := strings.CutPrefix(line, "title: "); ok {
			title = v
		}
	}
	published := time.Date(2026, 11, 19, 16, 30, 0, 0, time.UTC)
	a := &article.Article{Title: title, Text: title + "\n\n" + strings.TrimSpace(body), Language: "es", Published: &published}
	chain, _, err := extractors.Default()
	if err != nil {
		t.Fatal(err)
	}
	if err := chain.Run(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"US$4.000 millones": false, "4.000 millones de dólares": false}
	for _, m := range a.Money {
		if _, ok := want[m.Text]; ok {
			want[m.Text] = true
			if m.Amount != 4e9 || m.Currency != "USD" {
				t.Errorf("%q = %v %s; want 4e9 USD", m.Text, m.Amount, m.Currency)
			}
		}
	}
	for text, found := range want {
		if !found {
			t.Errorf("%q not found in %+v", text, a.Money)
		}
	}
}
