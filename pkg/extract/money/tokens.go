package money

import (
	"github.com/newsmon/newsmon/pkg/text"
)

// kind is a token's class: text's lexeme kinds under the names scan.go reads.
type kind uint8

const (
	kNum   = kind(text.LexNumber) // digits with inner separators: 40, 1,234.56, 1.234,56, 12,34,567
	kWord  = kind(text.LexWord)   // letters (and combining marks); every Han character is a word of its own
	kSym   = kind(text.LexSymbol) // a currency symbol: $ € £ ¥ ₹ … (Unicode Sc), one rune
	kPunct = kind(text.LexPunct)  // any other single rune
)

// token is a span of the text in bytes. space says whitespace separates it from the token before;
// brk says that whitespace holds a line break (sums never continue across one).
type token struct {
	start, end int32
	kind       kind
	space, brk bool
}

// lexOptions are how sums are read: "1,234.56" and "1.234,56" are one number whatever the
// language, a currency sign is a kind of its own, and so is each Han character ("5亿元").
var lexOptions = text.LexOptions{Language: text.English, NumberMarks: true, HanWords: true, LoneMarks: true, Symbols: true}

// tokenize splits s into tokens, reusing buf. It allocates nothing per token.
func tokenize(s string, buf []token, opts text.LexOptions) []token {
	toks := buf[:0]
	var chunk [32]text.Lexeme
	lx := text.NewLexer(s, opts)
	for n := lx.Read(chunk[:]); n > 0; n = lx.Read(chunk[:]) {
		toks = text.AppendConverted(toks, chunk[:n], setToken)
	}
	return toks
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// setToken copies a lexeme into a token.
func setToken(t *token, l *text.Lexeme) {
	t.start, t.end, t.kind, t.space, t.brk = l.Start, l.End, kind(l.Kind), l.Space, l.Break
}
