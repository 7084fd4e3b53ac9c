package ner

import (
	"slices"
	"strings"
)

// wordTemplates are the feature templates of sentence whose hash depends on the token's own
// text alone (what baseInfo computes from it: its forms, shape, affixes, cluster, lexicon flags and
// profile), never on its neighbours or the document. A first stage's weights for them sum to the
// same integers wherever the word occurs, so wordSums keeps those sums per word; the other
// templates (contextTemplates) are read per occurrence. TestWordTemplatesReadTheTokenOnly checks
// the split against sentence.
var wordTemplates = []uint8{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 23, 24, 25, 26, 33, 40, 41, 52, 53}

// contextTemplates are the templates not in wordTemplates, in order.
var contextTemplates = func() []uint8 {
	var out []uint8
	for k := range numTemplates {
		if !slices.Contains(wordTemplates, uint8(k)) {
			out = append(out, uint8(k))
		}
	}
	return out
}()

// allTemplates and allExtra are every base and every document template, in order.
var allTemplates, allExtra = templateRange(numTemplates), templateRange(numExtra)

func templateRange(n int) []uint8 {
	out := make([]uint8, n)
	for k := range out {
		out[k] = uint8(k)
	}
	return out
}

// maxCachedWords bounds a wordSums: when a document starts with more words cached, the cache
// starts again. 8192 words of a 73-label model hold 2.4 MB; the frequent words of news come back
// within a few documents.
const maxCachedWords = 8192

// wordSums caches, per distinct token, the first stage's summed weights of its wordTemplates: a
// frequent word's score vector (nl int32, a few cache lines) is read instead of its 21 weight
// rows, each a random read of the 40 MB table and most of them cache misses. The sums are exact
// integers, so emissions are the same as without it. It belongs to one docScratch (not shared).
type wordSums struct {
	st   *stage
	at   map[string]int32 // token → offset of its nl sums
	sums []int32
	// pending lists the tokens of the current document whose sums are yet to be computed:
	// their feature offset and the offset of their sums.
	pending [][2]int32
}

// prepare returns the offset of each token's sums (flat over the document's tokens, in order),
// computing and caching those of words not seen before. feats holds numTemplates hashes per token.
func (ws *wordSums) prepare(st *stage, d *decoder, nl int, doc [][]string, feats []uint32, out []int32) []int32 {
	if ws.st != st || len(ws.at) >= maxCachedWords {
		ws.st = st
		if ws.at == nil {
			ws.at = make(map[string]int32)
		}
		clear(ws.at)
		ws.sums = ws.sums[:0]
	}
	out = out[:0]
	ws.pending = ws.pending[:0]
	t := int32(0)
	for _, toks := range doc {
		for _, tok := range toks {
			off, ok := ws.at[tok]
			if !ok {
				off = int32(len(ws.sums))
				ws.sums = slices.Grow(ws.sums, nl)[:int(off)+nl]
				clear(ws.sums[off:])
				ws.at[strings.Clone(tok)] = off // tok points into the article's text
				ws.pending = append(ws.pending, [2]int32{t, off})
			}
			out = append(out, off)
			t++
		}
	}
	if len(ws.pending) == 0 {
		return out
	}
	// As in emissions: find and touch every row first, then add them up.
	d.offs = d.offs[:0]
	d.ends = d.ends[:0]
	touched := byte(0)
	for _, p := range ws.pending {
		touched |= st.gatherRows(d, nl, feats[int(p[0])*numTemplates:int(p[0]+1)*numTemplates], wordTemplates)
		d.ends = append(d.ends, int32(len(d.offs)))
	}
	d.touched = touched
	lo := int32(0)
	for i, p := range ws.pending {
		d.sumRows8(ws.sums[p[1]:int(p[1])+nl], st.w8, d.offs[lo:d.ends[i]], nl)
		lo = d.ends[i]
	}
	return out
}
