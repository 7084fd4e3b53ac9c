package ner

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// referenceViterbi tries every allowed predecessor of every label: what viterbiSpread must equal.
func referenceViterbi(ls *labelSet, em, transT []float32, n int) []uint8 {
	nl := len(ls.names)
	stride := nl + 1
	negInf := float32(math.Inf(-1))
	score := make([]float32, n*nl)
	back := make([]uint8, n*nl)
	allowed := func(p, cur int) bool { return ls.anyPrev[cur] || slices.Contains(ls.prevs[cur], uint8(p)) }
	for l := range nl {
		score[l] = negInf
		if ls.startOK[l] {
			score[l] = transT[l*stride+nl] + em[l]
		}
	}
	for i := 1; i < n; i++ {
		for cur := range nl {
			best, arg := negInf, uint8(0)
			for p := range nl {
				if s := score[(i-1)*nl+p] + transT[cur*stride+p]; allowed(p, cur) && s > best {
					best, arg = s, uint8(p)
				}
			}
			score[i*nl+cur], back[i*nl+cur] = best+em[i*nl+cur], arg
		}
	}
	out := make([]uint8, n)
	best := negInf
	for l := range nl {
		if s := score[(n-1)*nl+l]; s > best {
			best, out[n-1] = s, uint8(l)
		}
	}
	for i := n - 1; i > 0; i-- {
		out[i-1] = back[i*nl+int(out[i])]
	}
	return out
}

func TestViterbiPruningIsExact(t *testing.T) {
	for _, scheme := range Schemes() {
		ls, err := newLabelSet(scheme)
		if err != nil {
			t.Fatal(err)
		}
		nl := len(ls.names)
		rng := rand.New(rand.NewPCG(1, 2))
		var d decoder
		// Transitions from weak to as strong as the emissions: the larger they are, the less is pruned.
		for _, transScale := range []float32{0.1, 1, 5, 20} {
			transT := make([]float32, (nl+1)*nl)
			for i := range transT {
				transT[i] = transScale * float32(rng.NormFloat64())
			}
			spread := transSpread(ls, transT)
			for range 200 {
				n := 1 + rng.IntN(40)
				em := make([]float32, n*nl)
				for i := range em {
					em[i] = 4 * float32(rng.NormFloat64())
					if rng.IntN(8) == 0 {
						em[i] = float32(rng.IntN(3)) // ties
					}
				}
				got := make([]uint8, n)
				viterbiSpread(&d, ls, em, transT, spread, n, got)
				if want := referenceViterbi(ls, em, transT, n); !slices.Equal(got, want) {
					t.Fatalf("%s, transitions ×%g, %d tokens: pruned %v, exhaustive %v", scheme, transScale, n, got, want)
				}
			}
		}
	}
}
