package ner

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
)

// ClusterConfig controls BuildClusters.
type ClusterConfig struct {
	MinCount    int    // words seen fewer times get no cluster
	MaxWords    int    // at most this many (most frequent) words are clustered
	ContextSize int    // the most frequent words serve as left/right context features
	Dims        int    // random-projection dimensions
	MinLeaf     int    // a node with fewer words is not split further
	MaxDepth    int    // longest path (bits)
	Seed        uint64 // projection and k-means seeds
}

// DefaultClusterConfig is what the shipped table was built with.
func DefaultClusterConfig() ClusterConfig {
	return ClusterConfig{MinCount: 3, MaxWords: 120_000, ContextSize: 2000, Dims: 128, MinLeaf: 12, MaxDepth: 18, Seed: 1}
}

// ClusterCounter accumulates the word and neighbour counts BuildClusters needs, one sentence at a
// time, so a corpus never has to be held in memory.
type ClusterCounter struct {
	freq  map[uint64]int
	pairs map[[2]uint64]int32 // (word, ±neighbour) → count; the neighbour's sign bit says left/right
	prev  []uint64
}

// NewClusterCounter returns an empty counter.
func NewClusterCounter() *ClusterCounter {
	return &ClusterCounter{freq: map[uint64]int{}, pairs: map[[2]uint64]int32{}}
}

const rightBit = 1 << 62

// Add counts one sentence of tokens.
func (c *ClusterCounter) Add(tokens []string) {
	c.prev = c.prev[:0]
	for _, t := range tokens {
		c.prev = append(c.prev, LowerWordHash(t))
	}
	hs := c.prev
	for i, h := range hs {
		c.freq[h]++
		left, right := uint64(1), uint64(2) // sentence boundaries
		if i > 0 {
			left = hs[i-1]
		}
		if i+1 < len(hs) {
			right = hs[i+1]
		}
		c.pairs[[2]uint64{h, left &^ rightBit}]++
		c.pairs[[2]uint64{h, right | rightBit}]++
	}
}

// Words is the number of distinct words counted.
func (c *ClusterCounter) Words() int { return len(c.freq) }

// BuildClusters learns a binary hierarchy of words, in the spirit of Brown clusters but far
// cheaper: each word is described by positive PMI with its left and right neighbours (among the
// ContextSize most frequent words), randomly projected to Dims dimensions, and the words are split
// top-down by spherical 2-means. A word's path of left/right choices is its cluster; prefixes of
// the path are coarser clusters. Returns LowerWordHash → path with a leading 1 bit.
func BuildClusters(c *ClusterCounter, cfg ClusterConfig) map[uint64]uint32 {
	type wf struct {
		h uint64
		n int
	}
	var words []wf
	for h, n := range c.freq {
		words = append(words, wf{h, n})
	}
	slices.SortFunc(words, func(a, b wf) int {
		if a.n != b.n {
			return cmp.Compare(b.n, a.n)
		}
		return cmp.Compare(a.h, b.h)
	})
	ctxIndex := map[uint64]int{1: 0, 2: 1}
	for _, w := range words {
		if len(ctxIndex) >= cfg.ContextSize {
			break
		}
		ctxIndex[w.h] = len(ctxIndex)
	}
	vocab := map[uint64]int{}
	for _, w := range words {
		if w.n < cfg.MinCount || len(vocab) >= cfg.MaxWords {
			break
		}
		vocab[w.h] = len(vocab)
	}
	nv, nc := len(vocab), 2*len(ctxIndex)
	// Random ±1 projection of each context dimension, seeded.
	rng := rand.New(rand.NewPCG(cfg.Seed, 0xc1a5))
	proj := make([]float32, nc*cfg.Dims)
	for i := range proj {
		if rng.IntN(2) == 0 {
			proj[i] = 1
		} else {
			proj[i] = -1
		}
	}
	// Marginals for PMI.
	rowSum := make([]float64, nv)
	colSum := make([]float64, nc)
	total := 0.0
	type cell struct {
		w, c int
		n    float64
	}
	var cells []cell
	for k, n := range c.pairs {
		w, ok := vocab[k[0]]
		if !ok {
			continue
		}
		ci, ok := ctxIndex[k[1]&^rightBit]
		if !ok {
			continue
		}
		if k[1]&rightBit != 0 {
			ci += len(ctxIndex)
		}
		cells = append(cells, cell{w, ci, float64(n)})
		rowSum[w] += float64(n)
		colSum[ci] += float64(n)
		total += float64(n)
	}
	slices.SortFunc(cells, func(a, b cell) int {
		if a.w != b.w {
			return cmp.Compare(a.w, b.w)
		}
		return cmp.Compare(a.c, b.c)
	})
	// Context-distribution smoothing (α = 0.75) as in Levy et al. 2015.
	colP := make([]float64, nc)
	smooth := 0.0
	for i, s := range colSum {
		colP[i] = math.Pow(s, 0.75)
		smooth += colP[i]
	}
	vecs := make([]float32, nv*cfg.Dims)
	for _, x := range cells {
		pmi := math.Log(x.n * smooth / (rowSum[x.w] * colP[x.c]))
		if pmi <= 0 {
			continue
		}
		v := vecs[x.w*cfg.Dims : (x.w+1)*cfg.Dims]
		p := proj[x.c*cfg.Dims : (x.c+1)*cfg.Dims]
		for d := range v {
			v[d] += float32(pmi) * p[d]
		}
	}
	for w := range nv {
		normalize(vecs[w*cfg.Dims : (w+1)*cfg.Dims])
	}
	paths := make([]uint32, nv)
	all := make([]int, nv)
	for i := range all {
		all[i] = i
		paths[i] = 1
	}
	b := &bisector{vecs: vecs, dims: cfg.Dims, cfg: cfg, rng: rand.New(rand.NewPCG(cfg.Seed, 0xb15))}
	b.split(all, paths, 0)
	out := make(map[uint64]uint32, nv)
	for h, w := range vocab {
		out[h] = paths[w]
	}
	return out
}

func normalize(v []float32) {
	s := float32(0)
	for _, x := range v {
		s += x * x
	}
	if s == 0 {
		return
	}
	inv := float32(1 / math.Sqrt(float64(s)))
	for i := range v {
		v[i] *= inv
	}
}

type bisector struct {
	vecs []float32
	dims int
	cfg  ClusterConfig
	rng  *rand.Rand
}

// split divides the words into two by spherical 2-means, appends a bit to their paths and recurses.
func (b *bisector) split(words []int, paths []uint32, depth int) {
	if len(words) < b.cfg.MinLeaf || depth >= b.cfg.MaxDepth {
		return
	}
	d := b.dims
	vec := func(w int) []float32 { return b.vecs[w*d : (w+1)*d] }
	// Seeds: a random word and the word least similar to it.
	c0 := slices.Clone(vec(words[b.rng.IntN(len(words))]))
	c1 := make([]float32, d)
	worst := float32(2)
	for _, w := range words {
		if s := dot(c0, vec(w)); s < worst {
			worst = s
			copy(c1, vec(w))
		}
	}
	side := make([]bool, len(words))
	for iter := 0; iter < 8; iter++ {
		changed := false
		for i, w := range words {
			right := dot(c1, vec(w)) > dot(c0, vec(w))
			if right != side[i] || iter == 0 {
				changed = true
			}
			side[i] = right
		}
		clear(c0)
		clear(c1)
		for i, w := range words {
			c := c0
			if side[i] {
				c = c1
			}
			for k, x := range vec(w) {
				c[k] += x
			}
		}
		normalize(c0)
		normalize(c1)
		if !changed {
			break
		}
	}
	var left, right []int
	for i, w := range words {
		if side[i] {
			right = append(right, w)
		} else {
			left = append(left, w)
		}
	}
	if len(left) == 0 || len(right) == 0 {
		return
	}
	for _, w := range left {
		paths[w] <<= 1
	}
	for _, w := range right {
		paths[w] = paths[w]<<1 | 1
	}
	b.split(left, paths, depth+1)
	b.split(right, paths, depth+1)
}

func dot(a, b []float32) float32 {
	s := float32(0)
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}
