package quote

import (
	"testing"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/extract"
	"github.com/newsmon/newsmon/pkg/text"
)

var _ extract.Extractor = (*Extractor)(nil)

// capitalisedPeople stands in for the NER: every run of capitalised words is a PERSON mention. The
// quote extractor relies only on PERSON/ORG types and code-point mentions, so this is enough to
// drive its speaker paths without depending on a tagger.
func capitalisedPeople(s string) []article.Entity {
	idx := text.NewRuneIndex(s)
	var ents []article.Entity
	toks := text.Tokenize(s)
	for i := 0; i < len(toks); {
		if !text.IsCapitalized(toks[i].Text) {
			i++
			continue
		}
		j := i
		for j+1 < len(toks) && text.IsCapitalized(toks[j+1].Text) {
			j++
		}
		name := s[toks[i].Start:toks[j].End]
		ents = append(ents, article.Entity{Type: article.TypePerson, Name: name, Count: 1,
			Mentions: []article.Mention{{Text: name, Start: idx.Rune(toks[i].Start), End: idx.Rune(toks[j].End)}}})
		i = j + 1
	}
	return ents
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{`"A b c d," she said, "e f."`, "“unclosed\n\n“next", "According to X, a b c.", "„x“ «y»", `""`,
		"''a b 'c,''' Mr. X said.", "Minister: ‘We act’", "Li Na, 34\n\n“a b c d”", "“a b c d” — Li Na, 34", "‘x’ ’ ‘"} {
		f.Add(s)
	}
	e := New()
	f.Fuzz(func(t *testing.T, s string) {
		checkOffsets(t, s, e.Find(s, capitalisedPeople(s)))
	})
}
