package text

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Language is what scanning and tokenizing need to know about the language of a text. English is
// the only one today: every rule in this package is English's. The languages issue (#22) adds
// others here (their abbreviations, decimal commas, runs of CJK characters) and passes them in
// LexOptions, rather than writing another copy of a scanner.
type Language struct {
	Tag string // BCP 47 language tag: "en"
	// abbreviations end with a period that belongs to the word, not to the sentence (Tokenize).
	abbreviations map[string]bool
	// groups are the runes other than ',' and '.' that group thousands inside a number where
	// LexOptions.NumberMarks is on: spaces in French ("1 234,5"), apostrophes in Swiss German
	// ("1’234.5"). A group continues a number only when exactly three digits follow it.
	groups []rune
}

// English is the language every tokenizer of newsmon assumes today.
var English = &Language{Tag: "en", abbreviations: englishAbbreviations}

// LexKind is the class of a Lexeme.
type LexKind uint8

// The lexeme kinds. Their values are stable so that callers may convert them to kinds of their own.
const (
	LexNumber LexKind = iota + 1 // ASCII digits; with LexOptions.NumberMarks also 1,234.56 and 1.234,56
	LexWord                      // letters and combining marks; with HanWords every Han character alone
	LexSymbol                    // with LexOptions.Symbols, a currency sign: $ € £ ¥ ₹ … (Unicode Sc), one rune
	LexPunct                     // any other single rune
)

// Lexeme is one number, word, symbol or punctuation mark found by a Lexer: a byte span of the text
// (int32, so that the token slices of long texts stay small), its kind, and what separates it from
// the lexeme before. Space says whitespace does; Break says that whitespace holds a line break.
type Lexeme struct {
	Start, End   int32
	Kind         LexKind
	Space, Break bool
}

// LexOptions choose how a Lexer reads numbers, Han characters and currency signs. The zero value
// (with Language nil, read as English) reads runs of ASCII digits and runs of letters, and makes
// every other rune punctuation.
type LexOptions struct {
	// Language is the text's language; nil means English. No rule depends on it yet.
	Language *Language
	// NumberMarks keeps a single ',' or '.' between digits inside the number: "1,234.56", "1.234,56".
	NumberMarks bool
	// HanWords makes each Han character a word of its own instead of part of a run of letters.
	HanWords bool
	// LoneMarks makes a combining mark that does not follow a letter start a word, not punctuation.
	LoneMarks bool
	// Symbols gives currency signs (Unicode Sc) the kind LexSymbol instead of LexPunct.
	Symbols bool
}

// Lexer splits a text into Lexemes, a chunk per Read call, allocating nothing. It is the scanner
// the extractors that match patterns over token kinds (money, dates) share. Tokenize is the other
// reading of a text: words by the English rules (abbreviations, apostrophes, hyphens) that the NER
// model and the sentence splitter need; both take the same characters for spaces.
type Lexer struct {
	s      string
	i      int
	opts   lexOpts
	groups []rune // Language.groups, read only with optGroups
}

// lexOpts is LexOptions as bits: Read's loop keeps them in one register.
type lexOpts uint8

const (
	optMarks lexOpts = 1 << iota
	optHan
	optLone
	optSymbols
	optGroups
)

// gap bits: what separates a lexeme from the one before.
const (
	gapSpace uint8 = 1 << iota
	gapBreak
)

// NewLexer returns a Lexer over s.
func NewLexer(s string, opts LexOptions) Lexer {
	lx := Lexer{s: s}
	if opts.NumberMarks && opts.Language != nil && len(opts.Language.groups) > 0 {
		lx.opts |= optGroups
		lx.groups = opts.Language.groups
	}
	for _, o := range []struct {
		on  bool
		bit lexOpts
	}{{opts.NumberMarks, optMarks}, {opts.HanWords, optHan}, {opts.LoneMarks, optLone}, {opts.Symbols, optSymbols}} {
		if o.on {
			lx.opts |= o.bit
		}
	}
	return lx
}

// Read fills dst with the next lexemes and returns how many it found: fewer than len(dst) only at
// the end of the text, 0 once the text is read. Callers convert the lexemes to their own token type
// a chunk at a time with AppendConverted, which costs less than a call per lexeme.
func (lx *Lexer) Read(dst []Lexeme) int {
	// Few live variables, so that the loop keeps them all in registers: options and the gap are
	// bits, and runes beyond ASCII, rare in English news, go to lexRune.
	s, i, opts := lx.s, lx.i, lx.opts
	n := 0
	gap := uint8(0)
	for n < len(dst) && i < len(s) {
		c := s[i]
		start := i
		var k LexKind
		switch asciiClass[c] {
		case classSpace:
			gap |= gapSpace
			i++
			continue
		case classNewline:
			gap |= gapSpace | gapBreak
			i++
			continue
		case classDigit:
			if i, k = lexNumber(s, i+1, opts&optMarks != 0), LexNumber; opts&optGroups != 0 {
				i = lexGroups(s, start, i, lx.groups)
			}
		case classLetter:
			i, k = lexWord(s, i+1, opts&optHan != 0), LexWord
		case classHigh:
			var g uint8
			if i, k, g = lexRune(s, i, opts); k == 0 {
				gap |= g
				continue
			}
		case classDollar:
			if i, k = i+1, LexPunct; opts&optSymbols != 0 {
				k = LexSymbol
			}
		default:
			i, k = i+1, LexPunct
		}
		dst[n] = Lexeme{Start: int32(start), End: int32(i), Kind: k, Space: gap&gapSpace != 0, Break: gap&gapBreak != 0}
		n++
		gap = 0
	}
	lx.i = i
	return n
}

// lexRune reads the lexeme that starts with the non-ASCII rune at i and returns its end and kind,
// or, for a space, kind 0 and the gap bits it adds.
func lexRune(s string, i int, opts lexOpts) (end int, k LexKind, gap uint8) {
	r, size := utf8.DecodeRuneInString(s[i:])
	switch {
	case r == 0xA0 || r == 0x202F || r == 0x2009 || unicode.IsSpace(r):
		if r == 0x2028 || r == 0x2029 {
			return i + size, 0, gapSpace | gapBreak
		}
		return i + size, 0, gapSpace
	case opts&optHan != 0 && unicode.Is(unicode.Han, r):
		return i + size, LexWord, 0
	case unicode.IsLetter(r) || opts&optLone != 0 && unicode.IsMark(r):
		return lexWord(s, i+size, opts&optHan != 0), LexWord, 0
	case opts&optSymbols != 0 && unicode.Is(unicode.Sc, r):
		return i + size, LexSymbol, 0
	}
	return i + size, LexPunct, 0
}

// Byte classes for Read's switch and lexWord's loop; every byte from 0x80 up is classHigh.
const (
	classPunct uint8 = iota
	classSpace
	classNewline
	classDigit
	classLetter
	classDollar
	classHigh
)

// asciiClass is the class of each byte value: one load instead of a chain of comparisons.
var asciiClass = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			t[c] = classSpace
		case c == '\n':
			t[c] = classNewline
		case c >= '0' && c <= '9':
			t[c] = classDigit
		case c|0x20 >= 'a' && c|0x20 <= 'z':
			t[c] = classLetter
		case c == '$':
			t[c] = classDollar
		case c >= utf8.RuneSelf:
			t[c] = classHigh
		}
	}
	return t
}()

// lexNumber returns the end of the number whose digits continue at i; with marks, a single ',' or
// '.' between digits continues it.
func lexNumber(s string, i int, marks bool) int {
	for i < len(s) {
		if c := s[i]; c >= '0' && c <= '9' {
			i++
			continue
		}
		if marks && (s[i] == ',' || s[i] == '.') && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9' {
			i += 2
			continue
		}
		break
	}
	return i
}

// lexGroups extends the number s[start:end] over thousands groups the language writes with
// another separator ("1 234 567,8", "1’234.5"): a group separator followed by exactly three
// digits, after a first group of at most three digits.
func lexGroups(s string, start, end int, groups []rune) int {
	if first := strings.IndexAny(s[start:end], ",."); first > 3 || first < 0 && end-start > 3 {
		return end
	}
	for end < len(s) {
		r, size := utf8.DecodeRuneInString(s[end:])
		if !slices.Contains(groups, r) {
			return end
		}
		k := end + size
		if k+3 > len(s) || !isDigit(rune(s[k])) || !isDigit(rune(s[k+1])) || !isDigit(rune(s[k+2])) || k+3 < len(s) && isDigit(rune(s[k+3])) {
			return end
		}
		end = lexNumber(s, k+3, true)
	}
	return end
}

// lexWord returns the end of the word whose letters (and combining marks) continue at i; with
// han, a Han character ends it.
func lexWord(s string, i int, han bool) int {
	for {
		for i < len(s) && asciiClass[s[i]] == classLetter {
			i++
		}
		if i == len(s) || s[i] < utf8.RuneSelf {
			return i
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if han && unicode.Is(unicode.Han, r) || !(unicode.IsLetter(r) || unicode.IsMark(r)) {
			return i
		}
		i += size
	}
}

// AppendConverted appends len(in) elements to dst, each filled by set from the lexeme at the same
// index, and returns the extended slice: callers of Read keep their own token type. It is small
// enough to be inlined together with set, so that converting costs no call per lexeme (a call
// through a function value per lexeme costs a fifth of the scan, and would move Read's chunk to
// the heap).
func AppendConverted[T any](dst []T, in []Lexeme, set func(*T, *Lexeme)) []T {
	k := len(dst)
	dst = append(dst, make([]T, len(in))...) // the compiler grows dst in place, allocating no slice
	for j := range in {
		set(&dst[k+j], &in[j])
	}
	return dst
}
