package eval

import (
	"testing"

	"github.com/newsmon/newsmon/pkg/article"
)

// TestQuoteScorerChineseSpeaker: Chinese has no spaces, so a tokenizer word is a whole clause
// (外交部发言人汪文涛指出); the speaker is right when the names match.
func TestQuoteScorerChineseSpeaker(t *testing.T) {
	t.Parallel()
	text := "外交部发言人汪文涛指出：“中方坚决反对。”"
	doc := QuoteDoc{ID: "zh", Text: text, Attributions: []Attribution{{ID: "E1", Direct: true,
		Source:  &GoldSpan{Start: 6, End: 9, Text: "汪文涛"},
		Content: GoldSpan{Start: 14, End: 21, Text: "中方坚决反对。"}}}}
	for name, want := range map[string]int{"汪文涛": 1, "外交部": 0} {
		spk := name
		sc := &QuoteScorer{}
		sc.Add(doc, []article.Quote{{Text: "中方坚决反对。", Start: 14, End: 21, Direct: true, Speaker: &spk}})
		if sc.Direct.SpeakerHit != want {
			t.Errorf("speaker %q: hits = %d; want %d", name, sc.Direct.SpeakerHit, want)
		}
	}
}
