package demo

import (
	"html"
	"testing"
	"time"

	"github.com/newsmon/newsmon/pkg/article"
)

// Every language of a mixed generated site comes out of article.FromPage as that language, with a
// title, and the site draws every language it was given.
func TestGeneratedMixedLanguagesAreDetected(t *testing.T) {
	t.Parallel()
	const n = 120
	base := "http://gen.test"
	h, err := GeneratedMixedOnDisk(n, 3, GeneratedLanguages, base, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	g := h.(*genHandler)
	counts := map[string]int{}
	for i := range n {
		body, _, _, err := g.renderArticle(base, i)
		if err != nil {
			t.Fatal(err)
		}
		st := g.story(i)
		a, err := article.FromPage(article.Page{URL: base + st.Path(), Body: body, Fetched: time.Now()})
		if err != nil {
			t.Fatalf("%s: %v", st.Path(), err)
		}
		if a.Language != st.Language {
			t.Errorf("%s: detected %q; written in %q (title %q)", st.Path(), a.Language, st.Language, a.Title)
		}
		counts[st.Language]++
		if st.Language == "en" {
			continue // the English templates are TestGenerated*'s; some leads name only a Brazilian city
		}
		// Without the page's declared language, its title and lead alone must tell it.
		bare := "<html><head><title>" + html.EscapeString(st.Title) + "</title></head><body><article><h1>" + html.EscapeString(st.Title) +
			"</h1><p>" + html.EscapeString(st.Body[0].Text) + "</p></article></body></html>"
		b, err := article.FromPage(article.Page{URL: base + "/bare.html", Body: []byte(bare), Fetched: time.Now()})
		if err != nil || b.Language != st.Language {
			t.Errorf("title and lead %q / %q: detected %v (%v); want %q", st.Title, st.Body[0].Text, b, err, st.Language)
		}
	}
	for _, l := range GeneratedLanguages {
		if counts[l] < n/len(GeneratedLanguages)/3 {
			t.Errorf("%d of %d stories in %s; want them drawn evenly (%v)", counts[l], n, l, counts)
		}
	}
}

func TestGeneratedMixedRejectsUnknownLanguage(t *testing.T) {
	t.Parallel()
	if _, err := GeneratedMixedOnDisk(1, 1, []string{"en", "xx"}, "http://gen.test", t.TempDir()); err == nil {
		t.Error("a site in language xx was generated; want an error")
	}
}
