package ner

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// referenceViterbi tries every allowed predecessor of every label: what viterbiSpread must equal.
func referenceViterbi(ls *labelSet, em, transT []float32, n int) []uint8 {
	nl := len(ls.names)
	stride := nl + 1
	negInf := float32(math.Inf(-1))
	score := make([]float32, n*nl)
	back := make([]uint8, n*nl)
	allowed := func(p, cur int) bool { return slices.Contains(ls.prevs[cur], uint8(p)) }
	for l := range nl {
		score[l] = negInf
		if ls.opens[l] {
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
		if s := score[(n-1)*nl+l]; s > best && ls.closes[l] {
			best, out[n-1] = s, uint8(l)
		}
	}
	for i := n - 1; i > 0; i-- {
		out[i-1] = back[i*nl+int(out[i])]
	}
	return out
}

func TestViterbiPruningIsExact(t *testing.T) {
	t.Parallel()
	for _, scheme := range Schemes() {
		for _, enc := range []string{EncodingIOB2, EncodingBILOU} {
			ls, err := newLabelSetEnc(scheme, enc)
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
						t.Fatalf("%s %s, transitions ×%g, %d tokens: pruned %v, exhaustive %v", scheme, enc, transScale, n, got, want)
					}
					if !validLabels(ls, got) {
						t.Fatalf("%s %s: invalid sequence %v", scheme, enc, got)
					}
				}
			}
		}
	}
}

// validLabels checks a decoded sequence against the encoding's constraints.
func validLabels(ls *labelSet, labels []uint8) bool {
	for i, l := range labels {
		if i == 0 && !ls.opens[l] || i == len(labels)-1 && !ls.closes[l] {
			return false
		}
		if i > 0 && !slices.Contains(ls.prevs[l], labels[i-1]) {
			return false
		}
	}
	return true
}

func TestBILOUEncoding(t *testing.T) {
	t.Parallel()
	ls, err := newLabelSetEnc("conll2003", EncodingBILOU)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(ls.names); got != 17 {
		t.Fatalf("%d labels, want 17", got)
	}
	on, _ := newLabelSetEnc("ontonotes", EncodingBILOU)
	if got := len(on.names); got != 73 {
		t.Fatalf("ontonotes: %d labels, want 73", got)
	}
	for _, c := range []struct{ in, want string }{
		{"B-PER I-PER O B-LOC O", "B-PER L-PER O U-LOC O"},
		{"B-ORG I-ORG I-ORG B-ORG", "B-ORG I-ORG L-ORG U-ORG"},
		{"I-MISC I-MISC O I-LOC B-PER", "B-MISC L-MISC O U-LOC U-PER"},
		{"B-PER I-LOC", "U-PER U-LOC"},
		{"O", "O"},
	} {
		ids, err := ls.encode(strings.Fields(c.in), nil)
		if err != nil {
			t.Fatal(err)
		}
		var names, back []string
		for _, l := range ids {
			names = append(names, ls.names[l])
			back = append(back, ls.iob2[l])
		}
		if got := strings.Join(names, " "); got != c.want {
			t.Errorf("encode %q = %q, want %q", c.in, got, c.want)
		}
		if !validLabels(ls, ids) {
			t.Errorf("encode %q: invalid %v", c.in, names)
		}
		// Back to IOB2: the same entities.
		if a, b := labelSpans(ls, ids), labelSpans(ls, mustEncode(t, ls, back)); !slices.Equal(a, b) {
			t.Errorf("%q: spans %v, after the round trip %v", c.in, a, b)
		}
	}
	if _, err := ls.encode([]string{"L-PER"}, nil); err == nil {
		t.Error("L- tags in the data should be refused")
	}
}

func mustEncode(t *testing.T, ls *labelSet, tags []string) []uint8 {
	ids, err := ls.encode(tags, nil)
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

func TestSumRows8MatchesAddRow8(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 2))
	for _, nl := range []int{9, 37, 73} {
		stride := rowStride(nl)
		const rows = 300
		w := make([]byte, rows*stride+rowPad)
		for r := range rows {
			w[r*stride] = byte(rng.IntN(maxShift + 1))
			for l := range nl {
				w[r*stride+1+l] = byte(int8(rng.IntN(255) - 127))
			}
		}
		var d decoder
		for trial := range 50 {
			offs := make([]int32, 1+rng.IntN(64))
			for k := range offs {
				offs[k] = int32(rng.IntN(rows) * stride)
			}
			if trial == 0 {
				offs[0] = int32((rows - 1) * stride) // the last row: reads into the padding
			}
			want := make([]int32, nl)
			for _, off := range offs {
				addRow8(want, w[off:int(off)+nl+1])
			}
			got := make([]int32, nl)
			d.sumRows8(got, w, offs, nl)
			if !slices.Equal(got, want) {
				t.Fatalf("nl=%d trial %d: sumRows8 = %v, addRow8 = %v", nl, trial, got, want)
			}
		}
	}
}

// BenchmarkSumRows8 sums 40 random rows of a 73-label table small enough to stay in cache: the
// arithmetic of sumRows8 without the cache misses of a real model's table.
func BenchmarkSumRows8(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	const nl, rows = 73, 1000
	stride := rowStride(nl)
	w := make([]byte, rows*stride+rowPad)
	for r := range rows {
		w[r*stride] = byte(rng.IntN(4) + 2*rng.IntN(2))
		for l := range nl {
			w[r*stride+1+l] = byte(int8(rng.IntN(255) - 127))
		}
	}
	offs := make([]int32, 40)
	for k := range offs {
		offs[k] = int32(rng.IntN(rows) * stride)
	}
	var d decoder
	acc := make([]int32, nl)
	cpu := processCPU()
	for b.Loop() {
		d.sumRows8(acc, w, offs, nl)
	}
	b.ReportMetric(float64(processCPU()-cpu)/float64(b.N), "cpu-ns/op")
}

// BenchmarkViterbi decodes 30-token sentences of random scores with the OntoNotes BILOU labels.
func BenchmarkViterbi(b *testing.B) {
	ls, err := newLabelSetEnc("ontonotes", EncodingBILOU)
	if err != nil {
		b.Fatal(err)
	}
	nl := len(ls.names)
	rng := rand.New(rand.NewPCG(1, 2))
	transT := make([]float32, (nl+1)*nl)
	for i := range transT {
		transT[i] = float32(rng.NormFloat64())
	}
	spread := transSpread(ls, transT)
	const n = 30
	em := make([]float32, n*nl)
	for i := range em {
		em[i] = 4 * float32(rng.NormFloat64())
	}
	var d decoder
	out := make([]uint8, n)
	cpu := processCPU()
	for b.Loop() {
		viterbiSpread(&d, ls, em, transT, spread, n, out)
	}
	b.ReportMetric(float64(processCPU()-cpu)/float64(b.N), "cpu-ns/op")
}
