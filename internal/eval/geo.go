package eval

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"
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
	// Split is the part of the set the text belongs to: "dev" (tuned on) or "heldout" (written
	// after tuning and never tuned on); see TunedOn.
	Split string `json:"split,omitempty"`
	// Language is the text's ISO 639-1 code, given to the article as Article.Language (optional:
	// the English sets leave it out).
	Language string `json:"language,omitempty"`
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
	a := &article.Article{ID: "eval", URL: c.URL, CanonicalURL: c.URL, Text: c.Text, Language: c.Language}
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
	// Admin1OK counts the place mentions resolved to a place of the annotated first-level region
	// (Admin1, by name; "" for a country), which Geo.Admin1 reports.
	Admin1OK int
	Errors   []string
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
		if p.CountryCode == want.CountryCode && p.Admin1 == want.Admin1 {
			s.Admin1OK++
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

// Places is the number of expected mentions that name a place (negatives apart).
func (s GeoScore) Places() int { return s.Mentions - s.Negatives }

// PlaceCountryAccuracy is the share of place mentions resolved to the right country; unlike
// CountryAccuracy (the contract's figure) it leaves the negatives out.
func (s GeoScore) PlaceCountryAccuracy() float64 { return ratio(s.CountryOK-s.NegativesOK, s.Places()) }

// PlaceIDAccuracy is the share of place mentions resolved to exactly the right GeoNames id,
// negatives left out.
func (s GeoScore) PlaceIDAccuracy() float64 { return ratio(s.IDOK-s.NegativesOK, s.Places()) }

// PlaceAdmin1Accuracy is the share of place mentions resolved to a place of the annotated country
// and first-level region (negatives left out).
func (s GeoScore) PlaceAdmin1Accuracy() float64 { return ratio(s.Admin1OK, s.Places()) }

// Metrics returns the score as printed by --json.
func (s GeoScore) Metrics() Metrics {
	return Metrics{
		"country_accuracy": Round4(s.CountryAccuracy()), "id_accuracy": Round4(s.IDAccuracy()),
		"mentions": s.Mentions, "country_ok": s.CountryOK, "id_ok": s.IDOK, "unresolved": s.Unresolved,
		"negatives": s.Negatives, "negatives_ok": s.NegativesOK, "places": s.Places(),
		"place_country_accuracy": Round4(s.PlaceCountryAccuracy()), "place_id_accuracy": Round4(s.PlaceIDAccuracy()),
	}
}

// headline is the line of figures a split gets: places and negatives apart.
func (s *GeoScore) headline() string {
	return fmt.Sprintf("places=%d place_country_accuracy=%.4f place_id_accuracy=%.4f negatives_left_unresolved=%d/%d",
		s.Places(), s.PlaceCountryAccuracy(), s.PlaceIDAccuracy(), s.NegativesOK, s.Negatives)
}

// Geo scores place resolution on a JSONL file of texts with their expected places: country
// accuracy and exact GeoNames-id accuracy over the expected mentions. By default it measures what
// the product does, end to end: the NER tagger finds the places and the resolver resolves them.
// With GoldMentions the resolver gets the expected mentions as entities instead, so it measures
// resolution alone.
type Geo struct {
	GoldMentions bool    // resolve the expected mentions instead of the tagger's
	Verbose      bool    // list every wrong, unresolved and spurious place
	Admin1       bool    // also score first-level regions (the annotations' admin1 names)
	Chain        ChainOf // builds ner+geo, or geo alone with GoldMentions
}

// Score resolves the places of every text of path and scores them.
func (g Geo) Score(ctx context.Context, path string, _, _ io.Writer) (*Report, error) {
	names := []string{"ner", "geo"}
	if g.GoldMentions {
		names = []string{"geo"}
	}
	chain, err := g.Chain(names)
	if err != nil {
		return nil, err
	}
	var score GeoScore
	parts := newSplitScores(func() *GeoScore { return &GeoScore{} })
	var took time.Duration
	cases, err := eachCase(ctx, "geo", path, ReadGeoCases, func(c GeoCase) error {
		a := &article.Article{ID: "eval", URL: c.URL, CanonicalURL: c.URL, Text: c.Text, Language: c.Language}
		if g.GoldMentions {
			a = c.GoldArticle()
		}
		start := time.Now()
		if err := chain.Run(ctx, a); err != nil {
			return fmt.Errorf("eval geo: %w", err)
		}
		took += time.Since(start)
		score.ScoreGeo(c, a.Places)
		parts.of(c.Split).ScoreGeo(c, a.Places)
		return nil
	})
	if err != nil {
		return nil, err
	}
	r := caseReport(score.Metrics(), cases, g.Verbose, score.Errors)
	r.Metrics["ner"] = !g.GoldMentions
	r.Metrics["gold_mentions"] = g.GoldMentions
	parts.metrics(r.Metrics, (*GeoScore).Metrics)
	r.Printf("cases=%d mentions=%d negatives=%d/%d unresolved=%d resolve=%s\n", cases, score.Mentions,
		score.NegativesOK, score.Negatives, score.Unresolved, took.Round(time.Microsecond))
	headline := (*GeoScore).headline
	if g.Admin1 {
		r.Metrics["place_admin1_accuracy"] = Round4(score.PlaceAdmin1Accuracy())
		headline = func(s *GeoScore) string {
			return fmt.Sprintf("%s place_admin1_accuracy=%.4f", s.headline(), s.PlaceAdmin1Accuracy())
		}
	}
	parts.write(r, headline)
	// The contract's figures count a negative left unresolved as right.
	r.Printf("geo country_accuracy=%.4f id_accuracy=%.4f\n", score.CountryAccuracy(), score.IDAccuracy())
	return r, nil
}
