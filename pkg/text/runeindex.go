// Package text owns the low-level text primitives every extractor shares: code-point offsets,
// tokens and sentences. It is the only place in newsmon where byte offsets become rune (code-point)
// offsets. It knows nothing about articles or entities; of languages it knows English (Language),
// and it never allocates per token beyond the result slices it returns.
package text

import "unicode/utf8"

// RuneIndex converts byte offsets into a string to code-point offsets (docs/contracts.md §1 offsets).
// Build it once per text; lookups are O(1). Pure-ASCII text costs nothing: offsets are identical.
type RuneIndex struct {
	n     int     // len(s) in bytes
	runes int     // utf8.RuneCountInString(s)
	table []int32 // table[b] = code-point offset of byte b; nil for ASCII text
	bytes []int32 // bytes[r] = byte offset of code point r; nil for ASCII text
}

// NewRuneIndex precomputes the byte → code-point table for s (nothing at all when s is ASCII).
func NewRuneIndex(s string) *RuneIndex {
	x := &RuneIndex{n: len(s)}
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		x.runes = len(s)
		return x
	}
	x.table = make([]int32, len(s)+1)
	x.bytes = make([]int32, 0, len(s)+1)
	r := int32(0)
	for i := 0; i < len(s); {
		_, size := utf8.DecodeRuneInString(s[i:])
		for j := 0; j < size; j++ {
			x.table[i+j] = r // a byte inside a rune maps to that rune's start
		}
		x.bytes = append(x.bytes, int32(i))
		i += size
		r++
	}
	x.table[len(s)] = r
	x.bytes = append(x.bytes, int32(len(s)))
	x.runes = int(r)
	return x
}

// Rune returns the code-point offset of byteOffset. Offsets inside a multi-byte rune map to the
// rune's start; offsets outside [0, len(s)] are clamped.
func (x *RuneIndex) Rune(byteOffset int) int {
	if byteOffset <= 0 {
		return 0
	}
	if byteOffset >= x.n {
		return x.runes
	}
	if x.table == nil {
		return byteOffset
	}
	return int(x.table[byteOffset])
}

// Byte is the inverse of Rune: the byte offset of code point runeOffset, clamped to the string.
// Extractors that read other extractors' spans (e.g. quote reading entity mentions) use it.
func (x *RuneIndex) Byte(runeOffset int) int {
	if runeOffset <= 0 {
		return 0
	}
	if runeOffset >= x.runes {
		return x.n
	}
	if x.bytes == nil {
		return runeOffset
	}
	return int(x.bytes[runeOffset])
}

// Len is the number of code points in the indexed string.
func (x *RuneIndex) Len() int { return x.runes }

// SliceRunes returns s[start:end] with start and end in code points (Python's text[start:end]);
// tests use it to check that offsets point at the text they claim to.
func SliceRunes(s string, start, end int) string {
	if start < 0 || end < start {
		return ""
	}
	bStart, bEnd := -1, len(s)
	r := 0
	for i := range s {
		if r == start {
			bStart = i
		}
		if r == end {
			bEnd = i
			break
		}
		r++
	}
	if bStart < 0 { // start is at or past the end
		return ""
	}
	return s[bStart:bEnd]
}
