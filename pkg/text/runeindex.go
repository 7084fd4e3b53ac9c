// Package text owns the low-level text primitives every extractor shares: code-point offsets,
// tokens and sentences. It is the only place in newsmon where byte offsets become rune (code-point)
// offsets. It knows nothing about articles or entities; of languages it knows English (Language),
// and it never allocates per token beyond the result slices it returns.
package text

import (
	"slices"
	"sort"
	"unicode/utf8"
)

// RuneIndex converts byte offsets into a string to code-point offsets (docs/contracts.md §1 offsets).
// Build it once per text. Pure-ASCII text costs nothing: offsets are identical. Otherwise it keeps
// only the multi-byte code points (a few curly quotes and dashes in most English news), and a
// lookup is a binary search over them: a table for every byte cost 8 bytes per byte of text,
// allocated for every article (issue #25).
type RuneIndex struct {
	n     int     // len(s) in bytes
	runes int     // utf8.RuneCountInString(s)
	wide  []int32 // byte offsets of the multi-byte code points, ascending; nil for ASCII text
	extra []int32 // extra[j] = bytes beyond one per code point in wide[0..j]
}

// NewRuneIndex records the multi-byte code points of s (nothing at all when s is ASCII).
func NewRuneIndex(s string) *RuneIndex {
	x := &RuneIndex{n: len(s)}
	extra := int32(0)
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		if size > 1 {
			extra += int32(size - 1)
			x.wide = append(x.wide, int32(i))
			x.extra = append(x.extra, extra)
		}
		i += size
	}
	x.runes = len(s) - int(extra)
	return x
}

// extraBefore is the bytes beyond one per code point in the first k multi-byte code points.
func (x *RuneIndex) extraBefore(k int) int {
	if k == 0 {
		return 0
	}
	return int(x.extra[k-1])
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
	// k: the multi-byte code points that start before byteOffset
	k, _ := slices.BinarySearch(x.wide, int32(byteOffset))
	if k > 0 {
		last := int(x.wide[k-1])
		if size := 1 + x.extraBefore(k) - x.extraBefore(k-1); byteOffset < last+size {
			return last - x.extraBefore(k-1) // inside that code point
		}
	}
	return byteOffset - x.extraBefore(k)
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
	// k: the multi-byte code points before code point runeOffset
	k := sort.Search(len(x.wide), func(j int) bool { return int(x.wide[j])-x.extraBefore(j) >= runeOffset })
	return runeOffset + x.extraBefore(k)
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
