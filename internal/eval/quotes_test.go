package eval

import (
	"strings"
	"testing"

	"github.com/newsmon/newsmon/pkg/article"
)

func TestIsSpeechCue(t *testing.T) {
	for cue, want := range map[string]bool{
		"said": true, "has repeatedly said": true, "told": true, "according to": true, "pointed out": true,
		"expressed": true, "Said:": true, "wants": false, "plans to": false, "believes": false, "called for": false,
		"criticized": false, ":": false, "shows": false,
	} {
		if got := IsSpeechCue(cue); got != want {
			t.Errorf("IsSpeechCue(%q) = %v; want %v", cue, got, want)
		}
	}
}

// span returns the code-point span of the first occurrence of sub in s.
func span(s, sub string) *GoldSpan {
	b := strings.Index(s, sub)
	if b < 0 {
		panic("no " + sub)
	}
	start := len([]rune(s[:b]))
	return &GoldSpan{Start: start, End: start + len([]rune(sub)), Text: sub}
}

func quote(s, content, speaker, mention string, direct bool) article.Quote {
	c := span(s, content)
	q := article.Quote{Text: content, Start: c.Start, End: c.End, Direct: direct}
	if speaker != "" {
		q.Speaker = &speaker
	}
	if mention != "" {
		m := span(s, mention)
		q.SpeakerMention = &article.Mention{Text: mention, Start: m.Start, End: m.End}
	}
	return q
}

func TestQuoteScorer(t *testing.T) {
	s := "“We will win,” she said, “because the talent is here.” Cui Rongguo said that sales rose in May. " +
		"Li Na wants lower rents. The plan is “bold and new and big”, a critic said."
	split := span(s, "“We will win,” she said, “because the talent is here.”")
	split.Fragments = []GoldSpan{*span(s, "“We will win,”"), *span(s, "“because the talent is here.”")}
	doc := QuoteDoc{ID: "t", Text: s, Attributions: []Attribution{
		{ID: "E1", Source: span(s, "she"), Cue: span(s, "said"), Content: *split, Direct: true},
		{ID: "E2", Source: span(s, "Cui Rongguo"), Cue: span(s, "said that"), Content: *span(s, "that sales rose in May")},
		{ID: "E3", Source: span(s, "Li Na"), Cue: span(s, "wants"), Content: *span(s, "lower rents")},
		{ID: "E4", Source: span(s, "a critic"), Cue: span(s, "said."), Content: *span(s, "The plan is “bold and new and big”")},
	}}
	preds := []article.Quote{
		quote(s, "We will win", "Marie Lefèvre", "she", true),                 // E1, right speaker via mention
		quote(s, "because the talent is here.", "Marie Lefèvre", "she", true), // E1, second piece
		quote(s, "sales rose in May", "Zhang Wei", "", false),                 // E2, wrong speaker
		quote(s, "lower rents", "Li Na", "Li Na", false),                      // E3 is a desire: ignored
		quote(s, "bold and new and big", "", "", true),                        // E4, partial, no speaker
	}
	var sc QuoteScorer
	sc.Add(doc, preds)
	d, in := sc.Direct, sc.Indirect
	// Direct: 8 gold words, all covered by the two pieces.
	if d.Gold != 1 || d.Found != 1 || d.GoldTokens != 8 || d.CoveredTokens != 8 || d.PredTokens != 8 || d.SpeakerHit != 1 {
		t.Errorf("direct = %+v", d)
	}
	// Indirect: E2 (4 words, "that" not counted) and E4 (8 words); E3 is not speech.
	if in.Gold != 2 || in.Found != 2 || in.GoldTokens != 12 || in.CoveredTokens != 9 || in.PredTokens != 9 ||
		in.SpeakerChecked != 2 || in.SpeakerHit != 0 {
		t.Errorf("indirect = %+v", in)
	}
	if got, want := Round4(in.Recall()), Round4(9.0/12); got != want {
		t.Errorf("indirect recall = %v; want %v", got, want)
	}
	if got := Round4(sc.Total().F1()); got != Round4(F1(1, 17.0/20)) {
		t.Errorf("total F1 = %v", got)
	}
}

func TestReadQuoteDocs(t *testing.T) {
	in := `{"id":"a","text":"He said: “Yes.”","attributions":[{"id":"E1","source":{"start":0,"end":2,"text":"He"},"cue":null,"content":{"start":9,"end":15,"text":"“Yes.”"},"direct":true}]}` + "\n\n"
	docs, err := ReadQuoteDocs(strings.NewReader(in))
	if err != nil || len(docs) != 1 || len(docs[0].Attributions) != 1 || docs[0].Attributions[0].Cue != nil {
		t.Fatalf("ReadQuoteDocs = %+v, %v", docs, err)
	}
	if _, err := ReadQuoteDocs(strings.NewReader("{")); err == nil {
		t.Error("ReadQuoteDocs accepted broken JSON")
	}
}
