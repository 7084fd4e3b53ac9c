package ner

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/bits"
	"slices"
	"strings"
)

// Schemes are the tag sets a model can be trained on, with their entity types.
var schemes = map[string][]string{
	"conll2003": {"PER", "LOC", "ORG", "MISC"},
	// CoNLL-2002 (Spanish, Dutch) has CoNLL-2003's types; its own name keeps the languages' models
	// and scores apart.
	"conll2002": {"PER", "LOC", "ORG", "MISC"},
	// WikiANN (silver annotation of Wikipedia, many languages) has no MISC.
	"wikiann": {"PER", "LOC", "ORG"},
	// MSRA and People's Daily (Chinese news) tag one Han character a token; a model of this scheme
	// reads text so (Model.tokens).
	"msra": {"PER", "LOC", "ORG"},
	"ontonotes": {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW",
		"LANGUAGE", "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"},
}

// Schemes lists the scheme names a model can be trained on.
func Schemes() []string {
	out := make([]string, 0, len(schemes))
	for s := range schemes {
		out = append(out, s)
	}
	slices.Sort(out)
	return out
}

// Label encodings: how a model's labels mark the tokens of an entity. The data and every output
// are IOB2; a BILOU model converts gold tags when it trains and its labels back when it tags.
const (
	EncodingIOB2  = "iob2"  // O, B-T, I-T
	EncodingBILOU = "bilou" // O, B-T, I-T, L-T (last), U-T (unit: one-token entity)
)

// labelSet is the label inventory of a scheme in an encoding: "O", then per type T either B-T and
// I-T (IOB2) or B-T, I-T, L-T and U-T (BILOU).
type labelSet struct {
	encoding string
	names    []string
	iob2     []string // label → its IOB2 tag (BILOU: B, U → B-T; I, L → I-T)
	typ      []int    // label → type index, -1 for O
	// begin says the label opens an entity (B-, and U- in BILOU): labelSpans reads the labels
	// as the IOB2 tags they stand for.
	begin []bool
	index map[string]uint8
	// prevs[cur] lists the labels allowed before cur (IOB2: I-T only after B-T or I-T; BILOU: I-T
	// and L-T only after B-T or I-T, the others only after O, L- or U-).
	prevs [][]uint8
	// closes[p] says p may precede every opening label; opens[cur] says cur is such a label: its
	// predecessors are exactly the labels that close (IOB2: every label precedes O and B-; BILOU:
	// O, L- and U- precede O, B- and U-). A sentence starts with an opening label and ends with a
	// closing one.
	closes, opens []bool
	closing       []uint8 // the labels that close, in order
}

func newLabelSet(scheme string) (*labelSet, error) { return newLabelSetEnc(scheme, EncodingIOB2) }

const (
	kindO = iota
	kindB
	kindI
	kindL
	kindU
)

func newLabelSetEnc(scheme, encoding string) (*labelSet, error) {
	types, ok := schemes[scheme]
	if !ok {
		return nil, fmt.Errorf("unknown scheme %q (known: %s)", scheme, strings.Join(Schemes(), ", "))
	}
	if encoding == "" {
		encoding = EncodingIOB2
	}
	kinds := []int{kindB, kindI}
	switch encoding {
	case EncodingIOB2:
	case EncodingBILOU:
		kinds = []int{kindB, kindI, kindL, kindU}
	default:
		return nil, fmt.Errorf("unknown label encoding %q (known: %s, %s)", encoding, EncodingIOB2, EncodingBILOU)
	}
	ls := &labelSet{encoding: encoding, index: map[string]uint8{}}
	var kind []int
	add := func(k, typ int) {
		name, tag := "O", "O"
		if typ >= 0 {
			name = string("OBILU"[k]) + "-" + types[typ]
			tag = "I-" + types[typ]
			if k == kindB || k == kindU {
				tag = "B-" + types[typ]
			}
		}
		ls.index[name] = uint8(len(ls.names))
		ls.names = append(ls.names, name)
		ls.iob2 = append(ls.iob2, tag)
		ls.typ = append(ls.typ, typ)
		ls.begin = append(ls.begin, k == kindB || k == kindU)
		kind = append(kind, k)
	}
	add(kindO, -1)
	for i := range types {
		for _, k := range kinds {
			add(k, i)
		}
	}
	nl := len(ls.names)
	if nl > 255 {
		return nil, fmt.Errorf("%d labels do not fit in a byte", nl)
	}
	bilou := encoding == EncodingBILOU
	ls.prevs = make([][]uint8, nl)
	ls.closes = make([]bool, nl)
	ls.opens = make([]bool, nl)
	for l := range nl {
		inside := kind[l] == kindI || kind[l] == kindL // continues the entity of the label before
		open := kind[l] == kindB || (bilou && kind[l] == kindI)
		ls.opens[l] = !inside
		ls.closes[l] = !bilou || !open
	}
	ls.closing = labelsWhere(ls.closes)
	for cur := range nl {
		for prev := range nl {
			var ok bool
			if ls.opens[cur] {
				ok = ls.closes[prev]
			} else {
				ok = ls.typ[prev] == ls.typ[cur] && (!bilou || !ls.closes[prev])
			}
			if ok {
				ls.prevs[cur] = append(ls.prevs[cur], uint8(prev))
			}
		}
	}
	return ls, nil
}

// labelsWhere lists the labels l with is[l], in order.
func labelsWhere(is []bool) []uint8 {
	var out []uint8
	for l, ok := range is {
		if ok {
			out = append(out, uint8(l))
		}
	}
	return out
}

// encode appends the label ids of a sentence's IOB2 tags. BILOU reads the entities as labelSpans
// does (a stray I- opens one) and marks their last tokens L- and single tokens U-.
func (ls *labelSet) encode(tags []string, out []uint8) ([]uint8, error) {
	n0 := len(out)
	for _, t := range tags {
		l, ok := ls.index[t]
		if !ok || (ls.encoding == EncodingBILOU && t[0] != 'O' && t[0] != 'B' && t[0] != 'I') {
			return nil, fmt.Errorf("tag %q is not in scheme", t)
		}
		out = append(out, l)
	}
	if ls.encoding != EncodingBILOU {
		return out, nil
	}
	labels := out[n0:]
	for _, sp := range labelSpans(ls, labels) {
		name := ls.names[labels[sp.start]][2:]
		if sp.end-sp.start == 1 {
			labels[sp.start] = ls.index["U-"+name]
			continue
		}
		labels[sp.start] = ls.index["B-"+name]
		for i := sp.start + 1; i < sp.end-1; i++ {
			labels[i] = ls.index["I-"+name]
		}
		labels[sp.end-1] = ls.index["L-"+name]
	}
	return out, nil
}

// Model is a trained averaged-perceptron sequence tagger in one or two stages. Each stage has a
// table of hashed feature rows of int16 weights (one weight per label) and label-transition scores;
// the second stage also reads document-level features computed from the first stage's labels
// (how the same word was labelled elsewhere in the document). It is immutable after loading and
// safe to share between goroutines.
type Model struct {
	scheme string
	types  []string
	labels *labelSet
	nl     int
	stages []*stage
	meta   modelHeader
	res    *Resources
}

// stage is one perceptron: weights w ((1<<bits) rows × nl labels) and transitions
// ((nl+1) × nl in the units of w; row nl is the sentence start).
type stage struct {
	bits uint
	used []uint64 // bit r is set when row r has a non-zero weight: unseen features skip the row
	// rank[k] counts the used rows before row 64k: with used, it finds a row in w8 (rowOffset).
	rank []uint32
	w    []int16 // as stored; nil once a loaded model has built w8
	// w8 is what tagging reads: per used row, in row order, one shift byte s and nl int8 weights,
	// weight = int8 << s. Half the bytes of w, so about half the cache misses, which dominate
	// tagging time; and only the used rows (OntoNotes stage 1: 49%, stage 2: 19%), so that a
	// process keeps what the model knows resident, not its hash table's empty slots.
	w8    []byte
	trans []float32 // as stored, in units of the int weights
	extra bool      // also reads the document-level features of the first stage's labels
	// residual stages add their (extra-feature) scores to the previous stage's instead of scoring
	// the token features again: half the memory reads per token.
	residual bool
	scale    float32 // int weight × scale = perceptron units, in which stages add up
	// baseWeight scales the previous stage's scores in a residual stage.
	baseWeight float32
	transU     []float32 // trans in perceptron units
	transT     []float32 // transU transposed, what decoding reads
	spread     float32   // transSpread(transT): lets decoding skip predecessors that cannot win
}

// modelHeader is the JSON line that opens a model file.
type modelHeader struct {
	Format         string        `json:"format"`
	Scheme         string        `json:"scheme"`
	Encoding       string        `json:"encoding,omitempty"` // "" is EncodingIOB2
	Labels         []string      `json:"labels"`
	FeatureVersion string        `json:"feature_version"`
	Clusters       string        `json:"clusters"` // checksum of the cluster table the features used
	Profiles       string        `json:"profiles"` // checksum of the word-profile table, "none" without
	Lexicon        string        `json:"lexicon"`  // checksum of the word lists the features read
	Seed           uint64        `json:"seed"`
	DevF1          float64       `json:"dev_f1"`
	Stages         []stageHeader `json:"stages"`
}

type stageHeader struct {
	Bits       uint    `json:"bits"`
	Scale      float32 `json:"scale"` // weight = int16 × scale
	Extra      bool    `json:"extra"`
	Residual   bool    `json:"residual,omitempty"`
	BaseWeight float32 `json:"base_weight,omitempty"`
	Epoch      int     `json:"epoch"`
	DevF1      float64 `json:"dev_f1"`
}

const modelFormat = "newsmon-ner-perceptron-2"

// Scheme is the tag set the model predicts ("ontonotes" or "conll2003").
func (m *Model) Scheme() string { return m.scheme }

// DevF1 is the development-set F1 recorded at training time.
func (m *Model) DevF1() float64 { return m.meta.DevF1 }

// Write saves the model: a JSON header line, then per stage the transition scores and the non-zero
// weight rows (row delta, label bit mask, zig-zag varint weights) closed by a zero delta; all gzip.
func (m *Model) Write(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	bw := bufio.NewWriterSize(zw, 1<<16)
	hdr, err := json.Marshal(m.meta)
	if err != nil {
		return fmt.Errorf("write model header: %w", err)
	}
	bw.Write(hdr)
	bw.WriteByte('\n')
	var buf [binary.MaxVarintLen64]byte
	nl := m.nl
	mask := make([]byte, (nl+7)/8)
	for _, st := range m.stages {
		for _, t := range st.trans {
			binary.LittleEndian.PutUint32(buf[:4], math.Float32bits(t))
			bw.Write(buf[:4])
		}
		last := -1
		for r := 0; r < 1<<st.bits; r++ {
			row := st.w[r*nl : (r+1)*nl]
			clear(mask)
			nonZero := false
			for l, v := range row {
				if v != 0 {
					mask[l/8] |= 1 << (l % 8)
					nonZero = true
				}
			}
			if !nonZero {
				continue
			}
			bw.Write(buf[:binary.PutUvarint(buf[:], uint64(r-last))])
			last = r
			bw.Write(mask)
			for _, v := range row {
				if v != 0 {
					bw.Write(buf[:binary.PutVarint(buf[:], int64(v))])
				}
			}
		}
		bw.WriteByte(0) // end of stage
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	return nil
}

// ReadModel loads a model written by Write. res must be the resources (clusters, word profiles,
// word lists) the model was trained with; their checksums are verified.
func ReadModel(r io.Reader, res *Resources) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("read model: %w", err)
	}
	defer zr.Close()
	br := bufio.NewReaderSize(zr, 1<<16)
	line, err := br.ReadBytes('\n')
	if err != nil {
		return nil, fmt.Errorf("read model header: %w", err)
	}
	var hdr modelHeader
	if err := json.Unmarshal(line, &hdr); err != nil {
		return nil, fmt.Errorf("read model header: %w", err)
	}
	if hdr.Format != modelFormat {
		return nil, fmt.Errorf("read model: format %q, want %q", hdr.Format, modelFormat)
	}
	if hdr.FeatureVersion != featureVersion {
		return nil, fmt.Errorf("read model: trained with features %q, this build computes %q: retrain it",
			hdr.FeatureVersion, featureVersion)
	}
	if hdr.Clusters != res.Checksum() {
		return nil, fmt.Errorf("read model: trained with clusters %q, given %q", hdr.Clusters, res.Checksum())
	}
	if hdr.Profiles != res.ProfilesChecksum() {
		return nil, fmt.Errorf("read model: trained with word profiles %q, given %q", hdr.Profiles, res.ProfilesChecksum())
	}
	if hdr.Lexicon != res.LexiconChecksum() {
		return nil, fmt.Errorf("read model: trained with word lists %q, lexicon.go's lists the features read sum to %q: "+
			"an edit of them changes the model's features, retrain it (or undo the edit)", hdr.Lexicon, res.LexiconChecksum())
	}
	ls, err := newLabelSetEnc(hdr.Scheme, hdr.Encoding)
	if err != nil {
		return nil, fmt.Errorf("read model: %w", err)
	}
	if !slices.Equal(ls.names, hdr.Labels) {
		return nil, fmt.Errorf("read model: labels %v differ from scheme %s", hdr.Labels, hdr.Scheme)
	}
	if len(hdr.Stages) < 1 || len(hdr.Stages) > 2 || hdr.Stages[0].Extra {
		return nil, fmt.Errorf("read model: bad stages %+v", hdr.Stages)
	}
	nl := len(ls.names)
	m := &Model{res: res, scheme: hdr.Scheme, types: schemes[hdr.Scheme], labels: ls, nl: nl, meta: hdr}
	for i, sh := range hdr.Stages {
		if sh.Bits < 10 || sh.Bits > 26 {
			return nil, fmt.Errorf("read model: bad table size 2^%d", sh.Bits)
		}
		st, err := readStage(br, sh, ls, allocTable) // may use huge pages
		if err != nil {
			return nil, fmt.Errorf("read model stage %d: %w", i+1, err)
		}
		m.stages = append(m.stages, st)
	}
	return m, nil
}

// setTransU derives from trans what decoding reads: the transitions in perceptron units, transposed,
// and their spread.
func (st *stage) setTransU(ls *labelSet) {
	st.transU = make([]float32, len(st.trans))
	for i, t := range st.trans {
		st.transU[i] = t * st.scale
	}
	st.transT = transpose(st.transU, len(ls.names), nil)
	st.spread = transSpread(ls, st.transT)
}

// compact builds w8 from w: each used row's weights as int8 with a shared power-of-two shift.
func (st *stage) compact(nl int, alloc func(st *stage, n int) []byte) {
	st.setRank()
	stride := rowStride(nl)
	st.w8 = alloc(st, st.usedRows()*stride+rowPad)
	k := 0
	for r := range 1 << st.bits {
		if st.used[r/64]&(1<<(r%64)) != 0 {
			compactRow(st.w[r*nl:(r+1)*nl], st.w8[k*stride:k*stride+nl+1])
			k++
		}
	}
}

// setRank computes rank from used.
func (st *stage) setRank() {
	st.rank = make([]uint32, len(st.used))
	n := uint32(0)
	for k, u := range st.used {
		st.rank[k] = n
		n += uint32(bits.OnesCount64(u))
	}
}

// usedRows is the number of rows with weights.
func (st *stage) usedRows() int {
	n := 0
	for _, u := range st.used {
		n += bits.OnesCount64(u)
	}
	return n
}

// rowOffset is where used row r starts in w8, which holds the used rows only, in row order.
func (st *stage) rowOffset(r uint32, stride int) int {
	k := r / 64
	return (int(st.rank[k]) + bits.OnesCount64(st.used[k]&(1<<(r%64)-1))) * stride
}

// compactRow writes one row of int16 weights as a shift byte and int8 weights.
func compactRow(row []int16, out []byte) {
	mx := int16(0)
	for _, v := range row {
		mx = max(mx, v, -v)
	}
	shift := 0
	for int(mx)>>shift > 127 {
		shift++
	}
	out[0] = byte(shift)
	for l, v := range row {
		q := (int(v) + (1 << shift >> 1)) >> shift // round half up
		out[l+1] = byte(int8(max(-127, min(127, q))))
	}
}

// readStage decodes a stage straight into its compact int8 table (from alloc): the int16 table of
// the file (77 MB for OntoNotes) is never held, which kept the process' peak memory ~80 MB higher
// while a model loaded.
func readStage(br *bufio.Reader, sh stageHeader, ls *labelSet, alloc func(st *stage, n int) []byte) (*stage, error) {
	nl := len(ls.names)
	st := &stage{bits: sh.Bits, extra: sh.Extra, residual: sh.Residual, scale: sh.Scale, baseWeight: sh.BaseWeight, trans: make([]float32, (nl+1)*nl),
		used: make([]uint64, (1<<sh.Bits+63)/64)}
	var b4 [4]byte
	for i := range st.trans {
		if _, err := io.ReadFull(br, b4[:]); err != nil {
			return nil, fmt.Errorf("transitions: %w", err)
		}
		st.trans[i] = math.Float32frombits(binary.LittleEndian.Uint32(b4[:]))
	}
	st.setTransU(ls)
	rows := 1 << sh.Bits
	stride := rowStride(nl)
	// Room for every row, since the file does not say how many it holds; the used rows fill its
	// start in order, and the pages never written never become resident.
	st.w8 = alloc(st, rows*stride+rowPad)
	used := 0
	mask := make([]byte, (nl+7)/8)
	w := make([]int16, nl)
	row := -1
	for {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, fmt.Errorf("weights: %w", err)
		}
		if d == 0 {
			st.setRank()
			return st, nil
		}
		row += int(d)
		if row >= rows {
			return nil, fmt.Errorf("weights: bad row %d", row)
		}
		if _, err := io.ReadFull(br, mask); err != nil {
			return nil, fmt.Errorf("weights: %w", err)
		}
		st.used[row/64] |= 1 << (row % 64)
		clear(w)
		for l := range nl {
			if mask[l/8]&(1<<(l%8)) == 0 {
				continue
			}
			v, err := binary.ReadVarint(br)
			if err != nil {
				return nil, fmt.Errorf("weights: %w", err)
			}
			w[l] = int16(v)
		}
		compactRow(w, st.w8[used*stride:used*stride+nl+1])
		used++
	}
}

// decoder holds the scratch space of emission scoring and Viterbi decoding.
type decoder struct {
	em   []float32
	acc  []int32
	back []uint8
	cur  []float32
	prev []float32
	cand []uint8
	// offs and ends list each token's weight rows (ends[i] = end of token i's in offs).
	offs, ends []int32
	// touched keeps the row loads of emissions from being optimised away.
	touched byte
	// lanes holds sumRows8's per-shift partial sums, wide their shifted total.
	lanes, wide []uint64
}

// emissions fills d.em (n × nl) with each token's label scores in perceptron units: the summed
// weights of its numTemplates base hashes (plus numExtra document hashes when the stage reads them),
// or for a residual stage the previous stage's scores prev plus the document hashes' weights.
//
// With ws, the first stage's word templates are not read from the table: token i's sums start
// from ws.sums[wordAt[i]:], its other rows are added to them (see wordSums).
func (st *stage) emissions(d *decoder, nl int, base, extra []uint32, prev []float32, ws *wordSums, wordAt []int32, n int) []float32 {
	d.em = sizeF(d.em, n*nl) // every element is written below
	em := d.em
	if cap(d.acc) < nl {
		d.acc = make([]int32, nl)
	}
	acc := d.acc[:nl]
	w := st.w8
	// Find the sentence's rows first and touch each one: the loads are independent, so the CPU
	// overlaps their cache misses, which the additions below would serialise (measured:
	// tokenise+label 201k → 240k tokens/s; per token instead of per sentence, 223k; touching each
	// row's last byte too, for rows across two cache lines, 216k). The document rows of a second
	// stage go the same way, summed with the token's other rows.
	d.offs = d.offs[:0]
	d.ends = slices.Grow(d.ends[:0], n)
	touched := byte(0)
	templates := allTemplates
	if ws != nil {
		templates = contextTemplates
	}
	for i := range n {
		if !st.residual {
			touched |= st.gatherRows(d, nl, base[i*numTemplates:(i+1)*numTemplates], templates)
		}
		if st.extra {
			touched |= st.gatherRows(d, nl, extra[i*numExtra:(i+1)*numExtra], allExtra)
		}
		d.ends = append(d.ends, int32(len(d.offs)))
	}
	d.touched = touched
	for i := range n {
		if ws != nil {
			copy(acc, ws.sums[wordAt[i]:])
		} else {
			clear(acc)
		}
		lo := int32(0)
		if i > 0 {
			lo = d.ends[i-1]
		}
		d.sumRows8(acc, w, d.offs[lo:d.ends[i]], nl)
		out := em[i*nl : (i+1)*nl]
		for l, v := range acc {
			out[l] = float32(v) * st.scale
		}
		if st.residual {
			for l, v := range prev[i*nl : (i+1)*nl] {
				out[l] += v * st.baseWeight
			}
		}
	}
	return em
}

// gatherRows appends to d.offs where the used rows of the hashes hs[k], k in templates, start in
// w8, and returns the
// OR of a byte of each: reading it makes the row's cache lines load while later rows are found.
// A row longer than a cache line (BILOU: 74 bytes) always spans two: its end is touched too.
func (st *stage) gatherRows(d *decoder, nl int, hs []uint32, templates []uint8) byte {
	mask := uint32(1)<<st.bits - 1
	w, used := st.w8, st.used
	stride := rowStride(nl)
	wide := stride > 64
	touched := byte(0)
	for _, k := range templates {
		h := hs[k]
		if r := h & mask; h != 0 && used[r/64]&(1<<(r%64)) != 0 {
			off := st.rowOffset(r, stride)
			d.offs = append(d.offs, int32(off))
			touched |= w[off]
			if wide {
				touched |= w[off+nl]
			}
		}
	}
	return touched
}

// rowStride is the byte distance between compact rows. (Padding rows to whole cache lines was
// measured: no faster, 70% more memory.)
func rowStride(nl int) int { return nl + 1 }

// maxShift is the largest shift compactRow writes: int16 weights fit int8 << 8.
const maxShift = 8

// rowPad is how many bytes past its last row a weight table has, so that sumRows8 may read a last
// row eight bytes at a time.
const rowPad = 8

// sumRows8 adds compact rows (shift byte s, then nl int8 weights v, each worth v << s) to acc, eight
// weights at a time: each weight, biased to 1..255, goes into a 16-bit lane of one of two uint64s
// (the even bytes of eight in one, the odd ones in the other), rows are summed per shift without
// shifting, and the lanes are unpacked once per shift used. A lane holds at most 255 × rows, so up
// to 257 rows never carry from one lane into the next. Against adding one weight at a time it took
// TokenizeAndLabel from 146–148k to 184–188k tokens/s four weights a uint64 (spread with two
// shifts and masks); eight a load, split with one shift, take half the operations again.
func (d *decoder) sumRows8(acc []int32, w []byte, offs []int32, nl int) {
	groups := (nl + 7) / 8
	n16 := 2 * groups // uint64s of 16-bit lanes per shift
	if len(d.lanes) < (maxShift+1)*n16 {
		d.lanes = make([]uint64, (maxShift+1)*n16)
	}
	var rows [maxShift + 1]int32
	for _, off := range offs {
		s := int(w[off])
		g := d.lanes[s*n16 : (s+1)*n16]
		row := w[int(off)+1 : int(off)+1+8*groups]
		for j := range groups {
			x := binary.LittleEndian.Uint64(row[8*j:]) ^ 0x8080808080808080
			g[2*j] += x & 0x00FF00FF00FF00FF
			g[2*j+1] += x >> 8 & 0x00FF00FF00FF00FF
		}
		rows[s]++
	}
	// Each shift's lanes, shifted, are added into 32-bit lanes, two a uint64, which cannot carry
	// either (at most 255 × rows << 8); the bias of every row comes off once, per label.
	if len(d.wide) < 2*n16 {
		d.wide = make([]uint64, 2*n16)
	}
	wide := d.wide[:2*n16]
	clear(wide)
	bias := int32(0)
	for s, n := range rows {
		if n == 0 {
			continue
		}
		g := d.lanes[s*n16 : (s+1)*n16]
		for i, x := range g {
			wide[2*i] += (x & 0x0000FFFF0000FFFF) << s
			wide[2*i+1] += (x >> 16 & 0x0000FFFF0000FFFF) << s
		}
		bias += 128 * n << s
		clear(g)
	}
	// Weight l = 8j+r was byte r of group j: in the even (r even) or odd uint64 of 16-bit lanes,
	// lane r/2 of it; so in wide[4j + 2(r&1) + (r/2)&1], low half for r < 4, high half after.
	acc = acc[:nl]
	for l := range acc {
		r := l % 8
		x := wide[4*(l/8)+2*(r&1)+(r>>1)&1] >> (32 * (r >> 2))
		acc[l] += int32(uint32(x)) - bias
	}
}

// addRow8 adds a compact row (shift byte, then int8 weights) to acc, one weight at a time: what
// sumRows8 computes faster.
func addRow8(acc []int32, row []byte) {
	shift := uint(row[0])
	vals := row[1:]
	acc = acc[:len(vals)]
	for l, v := range vals {
		acc[l] += int32(int8(v)) << shift
	}
}

// transpose turns transitions laid out [prev][cur] (prev = nl is the sentence start) into the
// [cur][prev] layout viterbi reads, so that its inner loop walks memory in order.
func transpose(trans []float32, nl int, out []float32) []float32 {
	out = sizeF(out, (nl+1)*nl)
	for p := 0; p <= nl; p++ {
		for c := range nl {
			out[c*(nl+1)+p] = trans[p*nl+c]
		}
	}
	return out
}

// viterbi finds the best label sequence under the encoding's constraints and writes it to out. transT is
// laid out [cur][prev] with stride nl+1, prev = nl being the sentence start (see transpose).
func viterbi(d *decoder, ls *labelSet, em []float32, transT []float32, n int, out []uint8) {
	viterbiSpread(d, ls, em, transT, transSpread(ls, transT), n, out)
}

// transSpread is the largest difference between two transition scores into the same label, over
// the opening labels (O and B-, and U- in BILOU) and their predecessors, the closing labels (all in
// IOB2; O, L- and U- in BILOU). A closing predecessor whose score is more than the spread below the
// best closing predecessor's cannot win for an opening label, whatever the transitions, so
// viterbiSpread skips it: the result is exactly that of trying every predecessor. Emission scores
// differ far more than transition scores, so typically two or three predecessors remain.
func transSpread(ls *labelSet, transT []float32) float32 {
	nl := len(ls.names)
	stride := nl + 1
	spread := float32(0)
	for cur := range nl {
		if !ls.opens[cur] {
			continue
		}
		col := transT[cur*stride : cur*stride+nl]
		lo, hi := float32(math.Inf(1)), float32(math.Inf(-1))
		for p, v := range col {
			if ls.closes[p] {
				lo, hi = min(lo, v), max(hi, v)
			}
		}
		spread = max(spread, hi-lo)
	}
	if math.IsNaN(float64(spread)) || math.IsInf(float64(spread), 0) {
		return float32(math.Inf(1)) // no pruning
	}
	return spread
}

// viterbiStart writes the first token's scores to prev (a sentence starts with an opening label)
// and returns the best of a closing label.
func viterbiStart(ls *labelSet, prev, em, transT []float32) float32 {
	nl := len(ls.names)
	negInf := float32(math.Inf(-1))
	for l := range nl {
		if ls.opens[l] {
			prev[l] = transT[l*(nl+1)+nl] + em[l]
		} else {
			prev[l] = negInf
		}
	}
	top := negInf
	for _, p := range ls.closing {
		top = max(top, prev[p])
	}
	return top
}

// viterbiSpread is viterbi with transSpread(ls, transT) computed ahead.
func viterbiSpread(d *decoder, ls *labelSet, em []float32, transT []float32, spread float32, n int, out []uint8) {
	nl := len(ls.names)
	if n == 0 {
		return
	}
	d.back = growU8(d.back, n*nl)
	d.cur = sizeF(d.cur, nl)
	d.prev = sizeF(d.prev, nl)
	negInf := float32(math.Inf(-1))
	stride := nl + 1
	// top is the best score of a closing label at the token before.
	top := viterbiStart(ls, d.prev, em, transT)
	for i := 1; i < n; i++ {
		emi := em[i*nl : (i+1)*nl]
		back := d.back[i*nl : (i+1)*nl]
		prev, cur := d.prev[:nl], d.cur[:nl]
		// The predecessors that can still win, in label order (so ties break as without pruning).
		// The threshold keeps a margin for float32 rounding.
		threshold := top - spread - (abs32(top)+spread)*1e-5 - 1e-6
		cand := d.cand[:0]
		for _, p := range ls.closing {
			if prev[p] >= threshold {
				cand = append(cand, p)
			}
		}
		d.cand = cand
		top = negInf
		for c := range nl {
			best, arg := negInf, uint8(0)
			col := transT[c*stride : c*stride+nl]
			candidates := ls.prevs[c]
			if ls.opens[c] {
				candidates = cand
			}
			for _, p := range candidates {
				if s := prev[p] + col[p]; s > best {
					best, arg = s, p
				}
			}
			v := best + emi[c]
			cur[c] = v
			back[c] = arg
			if ls.closes[c] {
				top = max(top, v)
			}
		}
		d.prev, d.cur = d.cur, d.prev
	}
	best, arg := negInf, uint8(0)
	for l := range nl {
		if d.prev[l] > best && ls.closes[l] {
			best, arg = d.prev[l], uint8(l)
		}
	}
	out[n-1] = arg
	for i := n - 1; i > 0; i-- {
		out[i-1] = d.back[i*nl+int(out[i])]
	}
}

// decodeSentence labels the sentence of tokens [a, b) of a document whose features (numTemplates
// per token), document features (numExtra per token, read if the stage has them) and previous
// stage's scores (nl per token, read if the stage is residual) are flat slices over the document.
// It writes the labels to out and returns the sentence's scores, valid until d is reused.
func (st *stage) decodeSentence(d *decoder, ls *labelSet, feats, extra []uint32, prev []float32, a, b int, out []uint8) []float32 {
	return st.decodeSentenceWords(d, ls, feats, extra, prev, nil, nil, a, b, out)
}

// decodeSentenceWords is decodeSentence with the word templates' sums of ws, wordAt being flat
// over the document like feats (see wordSums); ws nil reads every template from the table.
func (st *stage) decodeSentenceWords(d *decoder, ls *labelSet, feats, extra []uint32, prev []float32, ws *wordSums, wordAt []int32, a, b int, out []uint8) []float32 {
	nl := len(ls.names)
	var ex []uint32
	if st.extra {
		ex = extra[a*numExtra : b*numExtra]
	}
	var pr []float32
	if st.residual {
		pr = prev[a*nl : b*nl]
	}
	if ws != nil {
		wordAt = wordAt[a:b]
	}
	em := st.emissions(d, nl, feats[a*numTemplates:b*numTemplates], ex, pr, ws, wordAt, b-a)
	viterbiSpread(d, ls, em, st.transT, st.spread, b-a, out)
	return em
}

func abs32(v float32) float32 {
	if v < 0 {
		return -v
	}
	return v
}

func growF(s []float32, n int) []float32 {
	if cap(s) < n {
		return make([]float32, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// sizeF is growF without clearing, for buffers that are overwritten entirely.
func sizeF(s []float32, n int) []float32 {
	if cap(s) < n {
		return make([]float32, n)
	}
	return s[:n]
}

func growU8(s []uint8, n int) []uint8 {
	if cap(s) < n {
		return make([]uint8, n)
	}
	return s[:n]
}

// docScratch holds one document's features and labels while it is being tagged.
type docScratch struct {
	f      *featurizer
	d      decoder
	feats  []uint32
	extra  []uint32
	labels []uint8
	starts []int
	em     []float32 // the previous stage's scores, flat over the document, for a residual stage
	counts docCounts
	// words keeps the first stage's word-template sums from one document to the next; wordAt
	// is where each token's are, flat over the document. readEveryRow turns it off (tests
	// compare with it).
	words        wordSums
	wordAt       []int32
	readEveryRow bool
}

// tagDoc labels every token of a tokenised document; the result is flat over the document's
// tokens, sentence after sentence, and is only valid until the scratch is reused.
func (m *Model) tagDoc(sc *docScratch, doc [][]string) []uint8 {
	f := sc.f
	f.beginDoc(doc)
	sc.feats = sc.feats[:0]
	sc.starts = append(sc.starts[:0], 0)
	for _, toks := range doc {
		sc.feats = f.sentence(toks, sc.feats)
		sc.starts = append(sc.starts, sc.starts[len(sc.starts)-1]+len(toks))
	}
	total := sc.starts[len(sc.starts)-1]
	sc.labels = growU8(sc.labels, total)
	nl := m.nl
	var ws *wordSums
	if st := m.stages[0]; !st.residual && !st.extra && !sc.readEveryRow {
		ws = &sc.words
		sc.wordAt = ws.prepare(st, &sc.d, nl, doc, sc.feats, sc.wordAt)
	}
	for k, st := range m.stages {
		if k > 0 {
			ws = nil // later stages read document features, or add to the first's scores
			sc.extra = docFeatures(&sc.counts, m.labels, f.docLowerH, f.docCls, sc.labels, sc.starts, sc.extra[:0])
		}
		keep := k+1 < len(m.stages) && m.stages[k+1].residual
		if keep {
			sc.em = growF(sc.em, total*nl)
		}
		// The first stage's labels are read (into sc.extra) before the second overwrites them.
		for s := range len(doc) {
			a, b := sc.starts[s], sc.starts[s+1]
			em := st.decodeSentenceWords(&sc.d, m.labels, sc.feats, sc.extra, sc.em, ws, sc.wordAt, a, b, sc.labels[a:b])
			if keep {
				copy(sc.em[a*nl:b*nl], em)
			}
		}
	}
	return sc.labels
}

// TagSentences labels a tokenised document (its sentences in order) with the scheme's IOB2 tags.
// Tokens may use Penn Treebank or plain punctuation. places may be nil.
func (m *Model) TagSentences(places PlaceLookup, doc [][]string) [][]string {
	sc := &docScratch{f: newFeaturizer(m.res, places)}
	labels := m.tagDoc(sc, doc)
	out := make([][]string, len(doc))
	k := 0
	for i, toks := range doc {
		out[i] = make([]string, len(toks))
		for j := range toks {
			out[i][j] = m.labels.iob2[labels[k]]
			k++
		}
	}
	return out
}

// TextSpan is an entity the model found in raw text: the scheme's type and byte offsets [Start, End).
type TextSpan struct {
	Type       string
	Start, End int
}

// TagText labels raw text as the Tagger reads it — tokenised as the model's training corpus was,
// split into sentences and lines — and returns every entity of the scheme's types, values such as
// DATE included, in text order. places may be nil.
func (m *Model) TagText(places PlaceLookup, s string) []TextSpan {
	sc := &docScratch{f: newFeaturizer(m.res, places)}
	toks, _, sents, labels := m.tagText(sc, s)
	var out []TextSpan
	for _, sp := range sents {
		for _, e := range labelSpans(m.labels, labels[sp[0]:sp[1]]) {
			out = append(out, TextSpan{Type: m.types[e.typ], Start: toks[sp[0]+e.start].Start, End: toks[sp[0]+e.end-1].End})
		}
	}
	return out
}

// tagText tokenises and labels s. The labels are flat over toks (sentences cover every token, in
// order) and valid until sc is reused.
func (m *Model) tagText(sc *docScratch, s string) (toks []token, words []string, sents [][2]int, labels []uint8) {
	toks = m.tokens(s)
	sents = splitSentences(s, toks)
	words, doc := sentenceWords(toks, sents)
	return toks, words, sents, m.tagDoc(sc, doc)
}
