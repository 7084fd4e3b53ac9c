package money

import (
	"os"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The differential test: tokenize, now an adapter of text.Lexer, must find exactly the tokens
// (spans, kinds, space and line-break flags) the package's own scanner found before, on a text
// rich in edge cases and on whatever the fuzzer makes up.

// tokenizeSeeds are texts the fixture lacks: invalid UTF-8, empty and edge-of-text cases.
var tokenizeSeeds = []string{"", " ", "\n", "1", "a", "$", "1,", "1.2.", ",5", "\xff\xfe1\xc3", "a\u0301", "\u0301a",
	"中文12,3.4€5", "5\u00a0000\u2028x\u2029y", "US$1,234.56bn", "\r\n\t\v\f"}

func checkSameTokens(t *testing.T, s string) {
	t.Helper()
	got, want := tokenize(s, nil, lexOptions), refTokenize(s, nil)
	if len(got) != len(want) {
		t.Fatalf("%q: %d tokens, want %d", s, len(got), len(want))
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("%q: token %d = %+v (%q), want %+v (%q)", s, i, got[i], s[got[i].start:got[i].end],
				want[i], s[want[i].start:want[i].end])
		}
	}
}

func TestTokenizeSameAsBefore(t *testing.T) {
	t.Parallel()
	fixture, err := os.ReadFile("../../text/testdata/edge.txt")
	if err != nil {
		t.Fatal(err)
	}
	checkSameTokens(t, string(fixture))
	for _, s := range tokenizeSeeds {
		checkSameTokens(t, s)
	}
}

func FuzzTokenizeSameAsBefore(f *testing.F) {
	for _, s := range tokenizeSeeds {
		f.Add(s)
	}
	f.Fuzz(checkSameTokens)
}

// refTokenize is tokenize as it was before it became an adapter of text.Lexer, kept as the
// reference the differential test compares with. It splits s into tokens, reusing buf. It allocates nothing per token.
func refTokenize(s string, buf []token) []token {
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
				j := refScanNumber(s, i)
				emit(i, j, kNum)
				i = j
			case refIsASCIILetter(c):
				j := refScanWord(s, i+1)
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
			j := refScanWord(s, i+size)
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

func refIsASCIILetter(b byte) bool { return b|0x20 >= 'a' && b|0x20 <= 'z' }

// refScanNumber returns the end of the number starting at i: digits, with single '.' or ','
// separators between digits.
func refScanNumber(s string, i int) int {
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

// refScanWord returns the end of the word whose letters continue at i.
func refScanWord(s string, i int) int {
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if !refIsASCIILetter(c) {
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

func BenchmarkTokenize(b *testing.B) {
	s := newsText(b)
	buf := make([]token, 0, len(s)/5+8)
	b.SetBytes(int64(len(s)))
	b.Run("lexer", func(b *testing.B) {
		for b.Loop() {
			buf = tokenize(s, buf, lexOptions)
		}
	})
	b.Run("before", func(b *testing.B) {
		for b.Loop() {
			buf = refTokenize(s, buf)
		}
	})
}
