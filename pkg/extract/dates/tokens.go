package dates

import (
	"github.com/newsmon/newsmon/pkg/text"
)

// kind is a token's class: text's lexeme kinds under the names scan.go reads.
type kind uint8

const (
	kNum   = kind(text.LexNumber) // ASCII digits only: "23.10.2023" is 23 . 10 . 2023
	kWord  = kind(text.LexWord)   // letters
	kPunct = kind(text.LexPunct)  // any other single rune
)

// token is a span of the text in bytes. space says whitespace separates it from the token before;
// brk says that whitespace holds a line break (expressions never continue across one).
type token struct {
	start, end int32
	kind       kind
	space, brk bool
}

// lexOptions are the Lexer's plain reading: runs of ASCII digits, runs of letters (Han included),
// every other rune, currency signs too, punctuation.
var lexOptions = text.LexOptions{Language: text.English}

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

// setToken copies a lexeme into a token.
func setToken(t *token, l *text.Lexeme) {
	t.start, t.end, t.kind, t.space, t.brk = l.Start, l.End, kind(l.Kind), l.Space, l.Break
}
