package money

import "unicode/utf8"

// wordFilter answers "might w be a key of this table?" from its length and its first and last
// letters, case folded, so that most words of a text skip the map lookup.
type wordFilter [1 << 14 / 64]uint64

func filterKey(w string) int {
	l := min(len(w), 15)
	return l<<10 | int(w[0]|0x20)&31<<5 | int(w[len(w)-1]|0x20)&31
}

func (f *wordFilter) add(w string) {
	if w != "" {
		k := filterKey(w)
		f[k>>6] |= 1 << (k & 63)
	}
}

// mayHave reports whether w may be a key; false means it certainly is not.
func (f *wordFilter) mayHave(w string) bool {
	if w == "" {
		return false
	}
	k := filterKey(w)
	return f[k>>6]&(1<<(k&63)) != 0
}

// runeCounter turns byte offsets, asked in increasing order, into code-point offsets (CONTRACTS
// §1) by counting forward. It does the job of text.RuneIndex without its two tables of 8 bytes per
// byte of text, which cost more than the whole scan when an article holds a handful of hits.
type runeCounter struct {
	s    string
	b, r int
}

func (c *runeCounter) at(b int) int {
	if b < c.b {
		c.b, c.r = 0, 0
	}
	c.r += utf8.RuneCountInString(c.s[c.b:b])
	c.b = b
	return c.r
}
