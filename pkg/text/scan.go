package text

import "unicode/utf8"

// RuneCounter turns byte offsets, asked in increasing order, into code-point offsets (docs/contracts.md
// §1) by counting forward. It does the job of RuneIndex without its tables of 8 bytes per byte of
// text, which cost more than the whole scan when an article holds a handful of hits. Asking for an
// earlier offset restarts the count from the beginning.
type RuneCounter struct {
	s    string
	b, r int
}

// NewRuneCounter counts over s.
func NewRuneCounter(s string) RuneCounter { return RuneCounter{s: s} }

// At returns the code-point offset of byte offset b.
func (c *RuneCounter) At(b int) int {
	if b < c.b {
		c.b, c.r = 0, 0
	}
	c.r += utf8.RuneCountInString(c.s[c.b:b])
	c.b = b
	return c.r
}

// WordFilter answers "might w be a key of this table?" from its length and its first and last
// letters, case folded, so that most words of a text skip the map lookup. The zero value is empty.
type WordFilter [1 << 14 / 64]uint64

func filterKey(w string) int {
	l := min(len(w), 15)
	return l<<10 | int(w[0]|0x20)&31<<5 | int(w[len(w)-1]|0x20)&31
}

// Add records w.
func (f *WordFilter) Add(w string) {
	if w != "" {
		k := filterKey(w)
		f[k>>6] |= 1 << (k & 63)
	}
}

// MayHave reports whether w may have been added; false means it certainly was not.
func (f *WordFilter) MayHave(w string) bool {
	if w == "" {
		return false
	}
	k := filterKey(w)
	return f[k>>6]&(1<<(k&63)) != 0
}

// LookupLower looks w up in a map keyed in ASCII lower case without allocating: words longer than
// 24 bytes are never keys of the small word tables it serves.
func LookupLower[V any](m map[string]V, w string) (V, bool) {
	var zero V
	if len(w) > 24 {
		return zero, false
	}
	var buf [24]byte
	lower := true
	for k := 0; k < len(w); k++ {
		c := w[k]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
			lower = false
		}
		buf[k] = c
	}
	if lower {
		v, ok := m[w]
		return v, ok
	}
	v, ok := m[string(buf[:len(w)])]
	return v, ok
}
