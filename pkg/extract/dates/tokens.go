package dates

import (
	"unicode"
	"unicode/utf8"
)

// kind is a token's class.
type kind uint8

const (
	kNum   kind = iota + 1 // ASCII digits only: "23.10.2023" is 23 . 10 . 2023
	kWord                  // letters
	kPunct                 // any other single rune
)

// token is a span of the text in bytes. space says whitespace separates it from the token before;
// brk says that whitespace holds a line break (expressions never continue across one).
type token struct {
	start, end int32
	kind       kind
	space, brk bool
}

// tokenize splits s into tokens, reusing buf. It allocates nothing per token.
func tokenize(s string, buf []token) []token {
	toks := buf[:0]
	space, brk := false, false
	for i := 0; i < len(s); {
		c := s[i]
		start := i
		var k kind
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
				space = true
				i++
				continue
			case c == '\n':
				space, brk = true, true
				i++
				continue
			case c >= '0' && c <= '9':
				for i < len(s) && s[i] >= '0' && s[i] <= '9' {
					i++
				}
				k = kNum
			case c|0x20 >= 'a' && c|0x20 <= 'z':
				i = scanWord(s, i+1)
				k = kWord
			default:
				i++
				k = kPunct
			}
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			switch {
			case r == 0xA0 || r == 0x202F || r == 0x2009 || unicode.IsSpace(r):
				space = space || true
				if r == 0x2028 || r == 0x2029 {
					brk = true
				}
				i += size
				continue
			case unicode.IsLetter(r):
				i = scanWord(s, i+size)
				k = kWord
			default:
				i += size
				k = kPunct
			}
		}
		toks = append(toks, token{start: int32(start), end: int32(i), kind: k, space: space, brk: brk})
		space, brk = false, false
	}
	return toks
}

// scanWord returns the end of the word whose letters continue at i.
func scanWord(s string, i int) int {
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if c|0x20 < 'a' || c|0x20 > 'z' {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) && !unicode.IsMark(r) {
			return i
		}
		i += size
	}
	return i
}
