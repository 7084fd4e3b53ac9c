package money

import (
	"unicode"
	"unicode/utf8"
)

// kind is a token's class.
type kind uint8

const (
	kNum   kind = iota + 1 // digits with inner separators: 40, 1,234.56, 1.234,56, 12,34,567
	kWord                  // letters (and combining marks); every Han character is a word of its own
	kSym                   // a currency symbol: $ € £ ¥ ₹ … (Unicode Sc), one rune
	kPunct                 // any other single rune
)

// token is a span of the text in bytes. space says whitespace separates it from the token before;
// brk says that whitespace holds a line break (sums never continue across one).
type token struct {
	start, end int32
	kind       kind
	space, brk bool
}

// tokenize splits s into tokens, reusing buf. It allocates nothing per token.
func tokenize(s string, buf []token) []token {
	toks := buf[:0]
	space, brk := false, false
	emit := func(start, end int, k kind) {
		toks = append(toks, token{start: int32(start), end: int32(end), kind: k, space: space, brk: brk})
		space, brk = false, false
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
				space = true
				i++
			case c == '\n':
				space, brk = true, true
				i++
			case isDigit(c):
				j := scanNumber(s, i)
				emit(i, j, kNum)
				i = j
			case isASCIILetter(c):
				j := scanWord(s, i+1)
				emit(i, j, kWord)
				i = j
			case c == '$':
				emit(i, i+1, kSym)
				i++
			default:
				emit(i, i+1, kPunct)
				i++
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == 0xA0 || r == 0x202F || r == 0x2009 || unicode.IsSpace(r):
			space = true
			if r == 0x2028 || r == 0x2029 {
				brk = true
			}
			i += size
		case unicode.Is(unicode.Han, r):
			emit(i, i+size, kWord)
			i += size
		case unicode.IsLetter(r) || unicode.IsMark(r):
			j := scanWord(s, i+size)
			emit(i, j, kWord)
			i = j
		case unicode.Is(unicode.Sc, r):
			emit(i, i+size, kSym)
			i += size
		default:
			emit(i, i+size, kPunct)
			i += size
		}
	}
	return toks
}

func isDigit(b byte) bool       { return b >= '0' && b <= '9' }
func isASCIILetter(b byte) bool { return b|0x20 >= 'a' && b|0x20 <= 'z' }

// scanNumber returns the end of the number starting at i: digits, with single '.' or ','
// separators between digits.
func scanNumber(s string, i int) int {
	j := i
	for j < len(s) {
		if isDigit(s[j]) {
			j++
			continue
		}
		if (s[j] == ',' || s[j] == '.') && j+1 < len(s) && isDigit(s[j+1]) {
			j += 2
			continue
		}
		break
	}
	return j
}

// scanWord returns the end of the word whose letters continue at i.
func scanWord(s string, i int) int {
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if !isASCIILetter(c) {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.Is(unicode.Han, r) || !(unicode.IsLetter(r) || unicode.IsMark(r)) {
			return i
		}
		i += size
	}
	return i
}
