package dates

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
				i = refScanWord(s, i+1)
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
				i = refScanWord(s, i+size)
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

// refScanWord returns the end of the word whose letters continue at i.
func refScanWord(s string, i int) int {
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
