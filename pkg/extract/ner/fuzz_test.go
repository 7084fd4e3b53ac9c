package ner

import (
	"testing"

	"github.com/newsmon/newsmon/pkg/extract"
)

var _ extract.Extractor = (*Tagger)(nil)

func FuzzTag(f *testing.F) {
	for _, s := range []string{"Cui Rongguo, Party secretary of Xinwu district, said.", "WUXI, China —", "(WHO)", "Mr.", "al-", "Bank of of the"} {
		f.Add(s)
	}
	tagger := New(places)
	f.Fuzz(func(t *testing.T, s string) {
		checkOffsets(t, s, tagger.Tag(s))
	})
}
