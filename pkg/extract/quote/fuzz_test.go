package quote

import (
	"testing"

	"github.com/newsmon/newsmon/pkg/extract"
	"github.com/newsmon/newsmon/pkg/extract/ner"
)

var _ extract.Extractor = (*Extractor)(nil)

func FuzzFind(f *testing.F) {
	for _, s := range []string{`"A b c d," she said, "e f."`, "“unclosed\n\n“next", "According to X, a b c.", "„x“ «y»", `""`} {
		f.Add(s)
	}
	e, tagger := New(), ner.New(nil)
	f.Fuzz(func(t *testing.T, s string) {
		checkOffsets(t, s, e.Find(s, tagger.Tag(s)))
	})
}
