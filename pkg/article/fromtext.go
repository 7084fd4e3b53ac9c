package article

import (
	"strings"
	"time"
)

// FromText makes an Article from plain text (no HTML): paragraphs are kept, separated by a blank
// line, and whitespace inside each is normalised. pageURL, if absolute, gives the id and source.
func FromText(text, pageURL string, fetched time.Time) *Article {
	var paras []string
	for _, p := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			paras = append(paras, p)
		}
	}
	a := &Article{URL: pageURL, Fetched: fetched, Text: strings.Join(paras, "\n\n")}
	if c, err := Canonicalize(pageURL); err == nil {
		a.CanonicalURL, a.Source, a.ID = c, sourceHost(c), IDFor(c)
	} else {
		// No web address: the text itself is the identity.
		a.CanonicalURL, a.ID = pageURL, IDFor(pageURL+"\x00"+a.Text)
	}
	a.Language = detectLanguage(a.Text)
	a.Normalize()
	return a
}
