package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"

	"github.com/newsmon/newsmon/pkg/article"
)

// referenceContentHash is the definition contentHash must keep: its values are stored in the
// crawl bucket to recognise bodies already published.
func referenceContentHash(a *article.Article) string {
	h := sha256.New()
	h.Write([]byte(strings.ToLower(strings.Join(strings.Fields(a.Title+" "+a.Text), " "))))
	return hex.EncodeToString(h.Sum(nil))[:32]
}

func TestContentHashKeepsItsDefinition(t *testing.T) {
	long := strings.Repeat("Flooding in NAIROBI displaced Families.\n\n ", 200)
	tests := []struct{ name, title, text string }{
		{"empty", "", ""},
		{"title only", "Hello World", ""},
		{"text only", "", "  Hello\tWorld \n"},
		{"both", "Battery Park Opens", "Li Wei said the park in Wuxi opened."},
		{"non-ASCII", "ÉTÉ À PARIS", "İstanbul ΣΟΦΙΑ Straße ǅemal\u00a0nbsp\u2003em"},
		{"invalid UTF-8", "bad \xff\xfe byte", "x\xc3 y \xe2\x82"},
		{"long (buffer flushes)", "Title", long},
		{"long words", "", strings.Repeat("Ä", 700) + " " + strings.Repeat("b", 1000)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := &article.Article{Title: tc.title, Text: tc.text}
			if got, want := contentHash(a), referenceContentHash(a); got != want {
				t.Errorf("contentHash = %s, want %s", got, want)
			}
		})
	}
}

// BenchmarkContentHash hashes a ~4 KB article, as the crawl sink does for every page.
func BenchmarkContentHash(b *testing.B) {
	a := &article.Article{Title: "Flash floods kill 11 in Nairobi",
		Text: strings.Repeat("Flash floods killed eleven people in Nairobi's Mathare and Mukuru as the short rains pounded the city.\n\n", 40)}
	b.SetBytes(int64(len(a.Title) + len(a.Text)))
	b.ReportAllocs()
	for b.Loop() {
		contentHash(a)
	}
}
