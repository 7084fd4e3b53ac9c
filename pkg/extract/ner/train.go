package ner

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sync"
	"time"
)

// Sentence is one tokenised sentence with its gold IOB2 tags (training and evaluation input).
type Sentence struct {
	Tokens []string
	Tags   []string
}

// Document is a run of sentences whose document-level features are computed together.
type Document []Sentence

// TrainConfig says what to train and how.
type TrainConfig struct {
	Scheme string
	// Encoding is the models' label encoding, EncodingBILOU (the default) or EncodingIOB2; the
	// data are IOB2 either way. BILOU's last-token and one-token labels give entity ends features
	// of their own (OntoNotes dev: 83.50 → 84.10 with the same features; CoNLL 93.00 → 93.10).
	Encoding  string
	MaxEpochs int    // upper bound on passes over the training set
	Patience  int    // stop after this many epochs without a better dev F1
	Seed      uint64 // shuffling seed: same data + seed → same model
	Bits      uint   // the weight table has 2^Bits rows
	Stages    int    // 1 or 2 (default 2: the second reads document-level label features)
	// FullSecondStage makes stage 2 score all token features again instead of adding its document
	// features' scores to stage 1's (residual, the default: twice as fast to tag).
	FullSecondStage bool
	// BaseWeight scales stage 1's scores inside a residual stage 2 (default 0.1): the smaller, the
	// more the document features can move them.
	BaseWeight float32
	// Margin is the cost added to every wrong label when a non-residual stage decodes a training
	// sentence (a cost-augmented perceptron: it updates until the gold labels win by a margin).
	// 0 means the default, MarginPerSentence × the number of training sentences (perceptron scores
	// grow with the number of updates, so the margin does too); negative means none.
	Margin float32
	Places PlaceLookup // gazetteer features; nil disables them
	// CrossValidated, when set, gets how the cross-validated first stage labelled each word of the
	// training split (two-stage training only): word profiles built from it and from unlabeled text
	// see the training split's text with the errors a model makes on unseen text.
	CrossValidated *ProfileCounter
	Resources      *Resources
}

// EpochReport is what Train tells its caller after every epoch.
type EpochReport struct {
	Stage                int
	Fold                 int // set (with nothing else) when a cross-validation fold of stage 1 is done
	Epoch                int
	Mistakes             int // training sentences decoded wrongly
	DevF1, DevP, DevR    float64
	Best                 bool
	Took                 time.Duration
	TrainTokens, DevToks int
}

// corpus is a featurised data set: numTemplates hashes per token, the gold labels, and what the
// second stage's document features need.
type corpus struct {
	feats  []uint32 // numTemplates per token
	extra  []uint32 // numExtra per token, once the first stage has labelled the corpus
	gold   []uint8
	starts []int // sentence i is tokens [starts[i], starts[i+1])
	docs   []int // document d is sentences [docs[d], docs[d+1])
	lower  []uint64
	cls    []uint8
	base   []float32 // nl per token: stage-1 scores (perceptron units) that a residual stage adds to
}

func (c *corpus) sentences() int { return len(c.starts) - 1 }

func featurize(docs []Document, ls *labelSet, res *Resources, places PlaceLookup) (*corpus, error) {
	f := newFeaturizer(res, places)
	c := &corpus{starts: []int{0}, docs: []int{0}}
	var toks [][]string
	for _, doc := range docs {
		toks = toks[:0]
		for _, s := range doc {
			toks = append(toks, s.Tokens)
		}
		f.beginDoc(toks)
		for _, s := range doc {
			if len(s.Tags) != len(s.Tokens) {
				return nil, fmt.Errorf("sentence %q: %d tokens, %d tags", s.Tokens, len(s.Tokens), len(s.Tags))
			}
			c.feats = f.sentence(s.Tokens, c.feats)
			var err error
			if c.gold, err = ls.encode(s.Tags, c.gold); err != nil {
				return nil, err
			}
			c.starts = append(c.starts, len(c.gold))
		}
		c.lower = append(c.lower, f.docLowerH...)
		c.cls = append(c.cls, f.docCls...)
		c.docs = append(c.docs, c.sentences())
	}
	return c, nil
}

// addDocFeatures computes c.extra from first-stage labels (flat over c's tokens).
func (c *corpus) addDocFeatures(ls *labelSet, labels []uint8) {
	c.extra = c.extra[:0]
	var starts []int
	var dc docCounts
	for d := 0; d+1 < len(c.docs); d++ {
		s0, s1 := c.docs[d], c.docs[d+1]
		a, b := c.starts[s0], c.starts[s1]
		starts = starts[:0]
		for s := s0; s <= s1; s++ {
			starts = append(starts, c.starts[s]-a)
		}
		c.extra = docFeatures(&dc, ls, c.lower[a:b], c.cls[a:b], labels[a:b], starts, c.extra)
	}
}

// MarginPerSentence sets the default TrainConfig.Margin: about 150 for OntoNotes, 35 for CoNLL-2003.
// Stage 1 alone on OntoNotes dev (seed 1): no margin 82.42, margin 150 82.92; with the margin the
// first stage's scores are ~3× larger, so a residual stage 2 wants a smaller BaseWeight (0.03:
// OntoNotes 83.50; the default 0.1 gave 82.93 with the same stage 1).
const MarginPerSentence = 0.0025

// Folds for the first stage's cross-validated labels on the training set: the second stage must
// learn from first-stage labels as noisy as the ones it will see on new text.
const jackknifeFolds = 5

// Train fits a two-stage averaged structured perceptron (Viterbi decoding under the label
// encoding's constraints) on train. The first stage reads token features; the second also reads how
// the first stage labelled the other occurrences of each word in the document (on the training
// set, labels from models trained on the other folds). Each stage measures entity F1 on dev after every epoch and keeps its best
// epoch. Training is deterministic for a given Seed. report may be nil.
func Train(ctx context.Context, cfg TrainConfig, train, dev []Document, report func(EpochReport)) (*Model, error) {
	ls, err := newLabelSetEnc(cfg.Scheme, cmp.Or(cfg.Encoding, EncodingBILOU))
	if err != nil {
		return nil, err
	}
	if cfg.Bits == 0 {
		cfg.Bits = 20
	}
	if cfg.MaxEpochs <= 0 {
		cfg.MaxEpochs = 30
	}
	if cfg.Patience <= 0 {
		cfg.Patience = 3
	}
	if cfg.Stages == 0 {
		cfg.Stages = 2
	}
	if cfg.Resources == nil {
		return nil, fmt.Errorf("train: no resources")
	}
	if cfg.Margin == 0 {
		n := 0
		for _, d := range train {
			n += len(d)
		}
		cfg.Margin = MarginPerSentence * float32(n)
	}
	tr, err := featurize(train, ls, cfg.Resources, cfg.Places)
	if err != nil {
		return nil, fmt.Errorf("train set: %w", err)
	}
	dv, err := featurize(dev, ls, cfg.Resources, cfg.Places)
	if err != nil {
		return nil, fmt.Errorf("dev set: %w", err)
	}
	m := &Model{scheme: cfg.Scheme, types: schemes[cfg.Scheme], labels: ls, nl: len(ls.names), res: cfg.Resources,
		meta: modelHeader{Format: modelFormat, Scheme: cfg.Scheme, Encoding: encodingField(ls), Labels: ls.names, FeatureVersion: featureVersion,
			Clusters: cfg.Resources.Checksum(), Profiles: cfg.Resources.ProfilesChecksum(), Lexicon: cfg.Resources.LexiconChecksum(),
			Seed: cfg.Seed}}
	all := make([]int, tr.sentences())
	for i := range all {
		all[i] = i
	}
	tc := trainer{cfg: cfg, ls: ls, ctx: ctx}
	first, sh, err := tc.stage(tr, dv, all, stageKind{}, 0, stageReport(report, 1))
	if err != nil {
		return nil, err
	}
	m.stages, m.meta.Stages, m.meta.DevF1 = []*stage{first}, []stageHeader{sh}, sh.DevF1
	if cfg.Stages < 2 {
		return m, nil
	}
	// Cross-validated first-stage labels for the training set, two folds at a time (each fold
	// writes only its own sentences' labels).
	trLabels := make([]uint8, len(tr.gold))
	residual := !cfg.FullSecondStage
	if residual {
		tr.base = make([]float32, len(tr.gold)*len(ls.names))
		dv.base = make([]float32, len(dv.gold)*len(ls.names))
	}
	var mu sync.Mutex
	var firstErr error
	sem := make(chan struct{}, 2)
	var wg sync.WaitGroup
	for fold := range jackknifeFolds {
		var in, out []int
		for d := 0; d+1 < len(tr.docs); d++ {
			for s := tr.docs[d]; s < tr.docs[d+1]; s++ {
				if d%jackknifeFolds == fold {
					out = append(out, s)
				} else {
					in = append(in, s)
				}
			}
		}
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			st, _, err := tc.stage(tr, nil, in, stageKind{}, sh.Epoch, nil)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				firstErr = cmp.Or(firstErr, err)
				return
			}
			st.decodeInto(ls, tr, out, trLabels, tr.base)
			if report != nil {
				report(EpochReport{Stage: 1, Fold: fold + 1})
			}
		}()
	}
	wg.Wait()
	if firstErr != nil {
		return nil, firstErr
	}
	if cfg.CrossValidated != nil {
		k := 0
		for _, d := range train {
			for _, sen := range d {
				for _, w := range sen.Tokens {
					cfg.CrossValidated.count(w, ls.typ[trLabels[k]], len(m.types))
					k++
				}
			}
		}
	}
	tr.addDocFeatures(ls, trLabels)
	dvLabels := make([]uint8, len(dv.gold))
	first.decodeInto(ls, dv, seq(dv.sentences()), dvLabels, dv.base)
	dv.addDocFeatures(ls, dvLabels)
	kind := stageKind{extra: true, residual: residual, bits: cfg.Bits}
	if residual {
		kind.bits, kind.baseWeight = residualBits, cfg.BaseWeight
		if kind.baseWeight == 0 {
			kind.baseWeight = 0.1
		}
		kind.trans = make([]float32, len(first.transU))
		for i, t := range first.transU {
			kind.trans[i] = t * kind.baseWeight
		}
	}
	second, sh2, err := tc.stage(tr, dv, all, kind, 0, stageReport(report, 2))
	if err != nil {
		return nil, err
	}
	m.stages = append(m.stages, second)
	m.meta.Stages = append(m.meta.Stages, sh2)
	m.meta.DevF1 = sh2.DevF1
	return m, nil
}

// encodingField is what the model header records: nothing for IOB2, so that IOB2 models are
// written as before the encoding was a choice.
func encodingField(ls *labelSet) string {
	if ls.encoding == EncodingIOB2 {
		return ""
	}
	return ls.encoding
}

func seq(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

func stageReport(report func(EpochReport), stage int) func(EpochReport) {
	if report == nil {
		return nil
	}
	return func(r EpochReport) {
		r.Stage = stage
		report(r)
	}
}

// residualBits sizes a residual stage's table: its document features take few values.
const residualBits = 16

// stageKind says what a stage reads.
type stageKind struct {
	extra, residual bool
	bits            uint      // 0: TrainConfig.Bits
	trans           []float32 // starting transition scores (perceptron units); nil: zero
	baseWeight      float32   // a residual stage scales the previous stage's scores by this
}

type trainer struct {
	ctx context.Context
	cfg TrainConfig
	ls  *labelSet
}

// stage trains one perceptron on the given training sentences. With dev it stops early and returns
// the best epoch; without, it runs exactly epochs epochs.
func (tc *trainer) stage(tr, dv *corpus, sents []int, kind stageKind, epochs int, report func(EpochReport)) (*stage, stageHeader, error) {
	cfg, ls := tc.cfg, tc.ls
	nl := len(ls.names)
	extra, residual := kind.extra, kind.residual
	var margin float32
	if !residual {
		margin = max(0, cfg.Margin)
	}
	bits := cmp.Or(kind.bits, cfg.Bits)
	rows := 1 << bits
	mask := uint32(rows - 1)
	w := make([]float32, rows*nl)
	u := make([]float32, rows*nl) // Σ c·Δ for averaging: avg = w − u/c
	tw := make([]float64, (nl+1)*nl)
	tu := make([]float64, (nl+1)*nl)
	for i, t := range kind.trans {
		tw[i] = float64(t)
	}
	c := 1.0

	var best *stage
	var bestHdr stageHeader
	bestF1 := -1.0
	maxEpochs := cfg.MaxEpochs
	if epochs > 0 {
		maxEpochs = epochs
	}
	rng := rand.New(rand.NewPCG(cfg.Seed, 0x6e6572))
	order := slices.Clone(sents)
	d := &decoder{}
	pred := make([]uint8, 0, 256)
	transF := make([]float32, len(tw))
	var transT []float32
	for epoch := 1; epoch <= maxEpochs; epoch++ {
		start := time.Now()
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		mistakes := 0
		for k, si := range order {
			if k%4096 == 0 {
				if err := tc.ctx.Err(); err != nil {
					return nil, stageHeader{}, err
				}
				for i, v := range tw {
					transF[i] = float32(v)
				}
			}
			a, b := tr.starts[si], tr.starts[si+1]
			n := b - a
			feats := tr.feats[a*numTemplates : b*numTemplates]
			var ex []uint32
			if extra {
				ex = tr.extra[a*numExtra : b*numExtra]
			}
			gold := tr.gold[a:b]
			var prev []float32
			if residual {
				prev = tr.base[a*nl : b*nl]
			}
			em := floatEmissions(d, w, nl, mask, feats, ex, prev, kind.baseWeight, n)
			if margin > 0 {
				// Cost-augmented decoding: every wrong label gets a head start, so the gold
				// labels must win by a margin before updates stop.
				for i := range n {
					g := int(gold[i])
					for l := range nl {
						if l != g {
							em[i*nl+l] += margin
						}
					}
				}
			}
			pred = slices.Grow(pred[:0], n)[:n] // CoNLL-2002 Spanish has sentences of 1,238 tokens
			transT = transpose(transF, nl, transT)
			viterbi(d, ls, em, transT, n, pred)
			if !slices.Equal(pred, gold) {
				mistakes++
				cf := float32(c)
				update := func(hs []uint32, g, p int) {
					for _, h := range hs {
						if h == 0 {
							continue
						}
						row := int(h&mask) * nl
						w[row+g]++
						u[row+g] += cf
						w[row+p]--
						u[row+p] -= cf
					}
				}
				for i := range n {
					g, p := int(gold[i]), int(pred[i])
					if g != p {
						if !residual {
							update(feats[i*numTemplates:(i+1)*numTemplates], g, p)
						}
						if extra {
							update(ex[i*numExtra:(i+1)*numExtra], g, p)
						}
					}
					gp, pp := nl, nl // start row
					if i > 0 {
						gp, pp = int(gold[i-1]), int(pred[i-1])
					}
					if gp != pp || g != p {
						tw[gp*nl+g]++
						tu[gp*nl+g] += c
						tw[pp*nl+p]--
						tu[pp*nl+p] -= c
						transF[gp*nl+g]++
						transF[pp*nl+p]--
					}
				}
			}
			c++
		}
		st, scale := quantize(bits, ls, kind, w, u, tw, tu, c)
		hdr := stageHeader{Bits: bits, Scale: scale, Extra: extra, Residual: residual, BaseWeight: kind.baseWeight, Epoch: epoch}
		if dv == nil {
			best, bestHdr = st, hdr
			continue
		}
		p, r, f1 := st.score(ls, dv)
		hdr.DevF1 = f1
		rep := EpochReport{Epoch: epoch, Mistakes: mistakes, DevF1: f1, DevP: p, DevR: r, Took: time.Since(start),
			TrainTokens: len(tr.gold), DevToks: len(dv.gold)}
		if f1 > bestF1 {
			best, bestHdr, bestF1 = st, hdr, f1
			rep.Best = true
		}
		if report != nil {
			report(rep)
		}
		if epoch-bestHdr.Epoch >= cfg.Patience {
			break
		}
	}
	return best, bestHdr, nil
}

// floatEmissions is stage.emissions over the float training weights.
func floatEmissions(d *decoder, w []float32, nl int, mask uint32, feats, extra []uint32, prev []float32, baseWeight float32, n int) []float32 {
	d.em = growF(d.em, n*nl)
	for i, v := range prev {
		d.em[i] = v * baseWeight
	}
	for i := range n {
		out := d.em[i*nl : (i+1)*nl]
		if prev == nil {
			for _, h := range feats[i*numTemplates : (i+1)*numTemplates] {
				if h != 0 {
					off := int(h&mask) * nl
					addRow32(out, w[off:off+nl])
				}
			}
		}
		if extra != nil {
			for _, h := range extra[i*numExtra : (i+1)*numExtra] {
				if h != 0 {
					off := int(h&mask) * nl
					addRow32(out, w[off:off+nl])
				}
			}
		}
	}
	return d.em
}

func addRow32(out, row []float32) {
	out = out[:len(row)]
	for l, v := range row {
		out[l] += v
	}
}

// quantize averages the weights and stores them as int16 with one scale factor.
func quantize(bits uint, ls *labelSet, kind stageKind, w, u []float32, tw, tu []float64, c float64) (*stage, float32) {
	maxAbs := 0.0
	for i := range w {
		a := math.Abs(float64(w[i]) - float64(u[i])/c)
		if a > maxAbs {
			maxAbs = a
		}
	}
	scale := maxAbs / 32000
	if scale == 0 {
		scale = 1
	}
	nl := len(ls.names)
	q := make([]int16, len(w))
	for i := range w {
		q[i] = int16(math.Round((float64(w[i]) - float64(u[i])/c) / scale))
	}
	trans := make([]float32, len(tw))
	for i := range tw {
		trans[i] = float32((tw[i] - tu[i]/c) / scale)
	}
	st := &stage{bits: bits, w: q, trans: trans, extra: kind.extra, residual: kind.residual, scale: float32(scale),
		baseWeight: kind.baseWeight,
		used:       make([]uint64, (1<<bits+63)/64)}
	st.setTransU(ls)
	for r := 0; r < 1<<bits; r++ {
		for _, v := range q[r*nl : (r+1)*nl] {
			if v != 0 {
				st.used[r/64] |= 1 << (r % 64)
				break
			}
		}
	}
	st.compact(nl, func(_ *stage, n int) []byte { return make([]byte, n) })
	return st, float32(scale)
}

// decodeInto labels the given sentences of c, writing into labels (flat over c's tokens), and the
// scores into em when it is not nil.
func (st *stage) decodeInto(ls *labelSet, c *corpus, sents []int, labels []uint8, em []float32) {
	d := &decoder{}
	nl := len(ls.names)
	for _, s := range sents {
		a, b := c.starts[s], c.starts[s+1]
		scores := st.decodeSentence(d, ls, c.feats, c.extra, c.base, a, b, labels[a:b])
		if em != nil {
			copy(em[a*nl:b*nl], scores)
		}
	}
}

// score decodes a featurised corpus and returns entity-level precision, recall and F1.
func (st *stage) score(ls *labelSet, c *corpus) (p, r, f1 float64) {
	pred := make([]uint8, len(c.gold))
	st.decodeInto(ls, c, seq(c.sentences()), pred, nil)
	var tp, np, ng int
	for s := range c.sentences() {
		a, b := c.starts[s], c.starts[s+1]
		gs, ps := labelSpans(ls, c.gold[a:b]), labelSpans(ls, pred[a:b])
		ng += len(gs)
		np += len(ps)
		j := 0
		for _, x := range ps {
			for j < len(gs) && gs[j].start < x.start {
				j++
			}
			if j < len(gs) && gs[j] == x {
				tp++
			}
		}
	}
	if np > 0 {
		p = float64(tp) / float64(np)
	}
	if ng > 0 {
		r = float64(tp) / float64(ng)
	}
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	return p, r, f1
}

// labelSpan is an entity in label ids: tokens [start, end) of type typ.
type labelSpan struct{ start, end, typ int }

// labelSpans reads entities from label ids as the IOB2 tags they stand for (ls.begin); a stray I-
// opens an entity (conlleval's rule).
func labelSpans(ls *labelSet, labels []uint8) []labelSpan {
	var out []labelSpan
	for i, l := range labels {
		t := ls.typ[l]
		switch {
		case t < 0:
		case !ls.begin[l] && len(out) > 0 && out[len(out)-1].end == i && out[len(out)-1].typ == t:
			out[len(out)-1].end = i + 1
		default:
			out = append(out, labelSpan{start: i, end: i + 1, typ: t})
		}
	}
	return out
}
