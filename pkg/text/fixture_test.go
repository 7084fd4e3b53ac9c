package text

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/newsmon/newsmon/internal/golden"
)

// edgeText reads testdata/edge.txt, a text rich in what tokenizers get wrong: abbreviations,
// initials, e-mail addresses and URLs, hyphens and apostrophes, grouped and decimal numbers,
// currency signs, dates, ellipses and dashes, quotes of several languages, CJK, emoji, unusual
// spaces and combining marks. The money, dates and ner packages read it too.
func edgeText(tb testing.TB) string {
	tb.Helper()
	b, err := os.ReadFile("testdata/edge.txt")
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

// TestTokenizeFixture pins Tokenize and Sentences over the fixture. The golden files were written
// by the tokenizer as it was before the Lexer was added, so a change of any token shows here.
func TestTokenizeFixture(t *testing.T) {
	s := edgeText(t)
	var b strings.Builder
	for _, tok := range Tokenize(s) {
		fmt.Fprintf(&b, "%d %d %q\n", tok.Start, tok.End, tok.Text)
	}
	golden.Check(t, "testdata/edge.tokens.golden", []byte(b.String()))
	b.Reset()
	for _, sp := range Sentences(s) {
		fmt.Fprintf(&b, "%d %d %q\n", sp.Start, sp.End, s[sp.Start:sp.End])
	}
	golden.Check(t, "testdata/edge.sentences.golden", []byte(b.String()))
}
