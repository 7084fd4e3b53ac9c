package eval

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/newsmon/newsmon/pkg/article"
)

// GeoCase is one line of a geo JSONL file: a text and the places it mentions, each with the
// GeoNames id and country it denotes. A place with geonameid 0 and no country_code is a name that
// must stay unresolved ("German", "Nov").
type GeoCase struct {
	Text string `json:"text"`
	// URL is optional: the publisher's address, which the resolver reads the source country from.
	URL    string     `json:"url,omitempty"`
	Places []GeoPlace `json:"places"`
}

// GeoPlace is one expected place mention.
type GeoPlace struct {
	Mention     string `json:"mention"`
	GeonameID   int    `json:"geonameid"`
	CountryCode string `json:"country_code"`
	// Type is the entity type the mention is given as when resolving gold mentions: PLACE (default)
	// or ORG ("Wuxi National Hi-tech District").
	Type string `json:"type,omitempty"`
	// Name, Admin1 and Feature are optional notes for people reading the file; they are not scored.
	Name    string `json:"name,omitempty"`
	Admin1  string `json:"admin1,omitempty"`
	Feature string `json:"feature,omitempty"`
}

// Negative reports whether the place is a name that must not resolve.
func (p GeoPlace) Negative() bool { return p.GeonameID == 0 && p.CountryCode == "" }

// ReadGeoCases reads a geo JSONL file; lines starting with '#' are comments. Every expected
// mention must occur in its text.
func ReadGeoCases(r io.Reader) ([]GeoCase, error) {
	return readJSONL(r, "geo cases", "#", func(c GeoCase) error {
		for _, p := range c.Places {
			if !strings.Contains(c.Text, p.Mention) || p.Mention == "" {
				return fmt.Errorf("mention %q not in the text", p.Mention)
			}
		}
		return nil
	})
}

// GoldArticle builds the article a resolver sees when scoring resolution alone: one entity per
// distinct expected mention (of the given Type, PLACE by default) with a span for every occurrence.
func (c GeoCase) GoldArticle() *article.Article {
	a := &article.Article{ID: "eval", URL: c.URL, CanonicalURL: c.URL, Text: c.Text}
	seen := map[string]bool{}
	for _, p := range c.Places {
		if seen[p.Mention] {
			continue
		}
		seen[p.Mention] = true
		typ := p.Type
		if typ == "" {
			typ = article.TypePlace
		}
		ms := occurrences(c.Text, p.Mention)
		a.Entities = append(a.Entities, article.Entity{Type: typ, Name: p.Mention, Mentions: ms, Count: len(ms)})
	}
	return a
}

// occurrences lists the whole-word occurrences of s in text as code-point spans.
func occurrences(text, s string) []article.Mention {
	var ms []article.Mention
	for off := 0; ; {
		i := strings.Index(text[off:], s)
		if i < 0 {
			return ms
		}
		b := off + i
		e := b + len(s)
		off = e
		if b > 0 && isWordByte(text, b-1) || e < len(text) && isWordByte(text, e) {
			continue
		}
		start := utf8.RuneCountInString(text[:b])
		ms = append(ms, article.Mention{Text: s, Start: start, End: start + utf8.RuneCountInString(s)})
	}
}

func isWordByte(s string, i int) bool {
	c := s[i]
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// GeoScore accumulates resolution results over expected place mentions.
type GeoScore struct {
	Mentions        int // expected place mentions (negatives included)
	CountryOK, IDOK int
	Negatives       int // expected to stay unresolved
	NegativesOK     int
	Unresolved      int // positives the resolver left unresolved
	Errors          []string
}

// ScoreGeo compares the places resolved for c (as Article.Places) with its expected places. A
// mention counts as resolved to the place whose mentions include a span with the mention's text;
// a negative is right when no place carries it.
func (s *GeoScore) ScoreGeo(c GeoCase, got []article.Place) {
	byText := map[string]article.Place{}
	for _, p := range got {
		for _, m := range p.Mentions {
			if _, ok := byText[m.Text]; !ok {
				byText[m.Text] = p
			}
		}
	}
	snippet := c.Text
	if len(snippet) > 60 {
		snippet = snippet[:60] + "…"
	}
	for _, want := range c.Places {
		s.Mentions++
		p, resolved := byText[want.Mention]
		if want.Negative() {
			s.Negatives++
			if !resolved {
				s.NegativesOK++
				s.CountryOK++
				s.IDOK++
			} else {
				s.Errors = append(s.Errors, fmt.Sprintf("spurious %q → %s %s (%d) in %q", want.Mention, p.Name, p.CountryCode, p.GeonameID, snippet))
			}
			continue
		}
		if !resolved {
			s.Unresolved++
			s.Errors = append(s.Errors, fmt.Sprintf("unresolved %q (want %s %d) in %q", want.Mention, want.CountryCode, want.GeonameID, snippet))
			continue
		}
		if p.CountryCode == want.CountryCode {
			s.CountryOK++
		}
		if p.GeonameID == want.GeonameID {
			s.IDOK++
		} else {
			s.Errors = append(s.Errors, fmt.Sprintf("wrong %q → %s %s/%s (%d); want %s %d in %q", want.Mention, p.Name,
				p.CountryCode, p.Admin1, p.GeonameID, want.CountryCode, want.GeonameID, snippet))
		}
	}
}

// CountryAccuracy is the share of expected mentions resolved to the right country (negatives: left
// unresolved).
func (s GeoScore) CountryAccuracy() float64 { return ratio(s.CountryOK, s.Mentions) }

// IDAccuracy is the share of expected mentions resolved to exactly the right GeoNames id.
func (s GeoScore) IDAccuracy() float64 { return ratio(s.IDOK, s.Mentions) }

// Metrics returns the score as printed by --json.
func (s GeoScore) Metrics() Metrics {
	return Metrics{
		"country_accuracy": Round4(s.CountryAccuracy()), "id_accuracy": Round4(s.IDAccuracy()),
		"mentions": s.Mentions, "country_ok": s.CountryOK, "id_ok": s.IDOK, "unresolved": s.Unresolved,
		"negatives": s.Negatives, "negatives_ok": s.NegativesOK,
	}
}
