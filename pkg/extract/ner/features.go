package ner

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// featureVersion names the feature set below. A model records the version it was trained with and
// refuses to load under another one: changing a template, the normalisation, the lexicon flags or the
// clusters' hashing means retraining.
const featureVersion = "ner-features-7"

// numTemplates is the number of feature slots per token; an empty slot holds 0 and is skipped.
const numTemplates = 56

// Lexicon flags: membership of a token in the word lists of lexicon.go (data, not a model).
const (
	lexGiven uint16 = 1 << iota
	lexSurname
	lexTitle
	lexHonorific
	lexOrgWord
	lexEventWord
	lexPlaceWord
	lexKnownOrg
	lexRoleWord
	lexNonName
	lexPlaceFirst
	lexLowerPlaceCue
)

// Capitalisation classes.
const (
	capLower uint8 = iota + 1
	capInit
	capAll
	capMixed
	capDigits
	capHasDigit
	capPunct
	capOther
)

// Gazetteer marks: the token begins, continues or alone forms a known place name.
const (
	gazNone uint8 = iota
	gazSingle
	gazBegin
	gazInside
)

// tokenInfo holds the per-token base hashes and classes that the templates combine.
type tokenInfo struct {
	lower, exact, shape uint64
	prefix, suffix      [4]uint64
	cluster             uint32 // path with a leading 1 bit; 0 when the word has no cluster
	profile             uint32 // profileCode of the word, 0 when it has none
	cls                 uint8
	gaz                 uint8
	lex                 uint16
	capElsewhere        bool // capitalised elsewhere in the document, not clause-initially (opensClause)
	lowerElsewhere      bool // appears in lower case elsewhere in the document
	initial             bool // first word of its sentence (after opening punctuation)
}

// featurizer turns the tokens of a document into feature hashes. It holds scratch space and is
// not safe for concurrent use; the Tagger keeps a pool of them.
type featurizer struct {
	res    *Resources
	places PlaceLookup
	// placeMem and infoMem remember, from one document to the next, what a name's place lookup
	// and a token's baseInfo gave (both depend on the string alone); each starts again when it
	// holds maxMemo entries.
	placeMem map[string]bool
	infoMem  map[string]tokenInfo
	runes    []rune
	infos    []tokenInfo
	docCap   map[uint64]bool
	docLower map[uint64]bool
	gazBuf   strings.Builder
	// Per token of the current document, in order: what docFeatures reads.
	docLowerH []uint64
	docCls    []uint8
}

func newFeaturizer(res *Resources, places PlaceLookup) *featurizer {
	return &featurizer{res: res, places: places, placeMem: map[string]bool{}, infoMem: map[string]tokenInfo{},
		docCap: map[uint64]bool{}, docLower: map[uint64]bool{}}
}

// maxMemo bounds the featurizer's memos (8192 tokens' infos hold about 1 MB).
const maxMemo = 8192

// beginDoc computes the document-level word facts that sentence features read.
func (f *featurizer) beginDoc(doc [][]string) {
	clear(f.docCap)
	clear(f.docLower)
	f.docLowerH = f.docLowerH[:0]
	f.docCls = f.docCls[:0]
	if len(f.placeMem) >= maxMemo {
		clear(f.placeMem)
	}
	for _, toks := range doc {
		if allCapsSentence(toks) {
			continue
		}
		first := true
		for _, t := range toks {
			if first && !isWordToken(t) {
				continue
			}
			if opensClause(t) {
				first = true
				continue
			}
			c := capClass(t)
			h := lowerHash(t)
			switch {
			case c == capLower:
				f.docLower[h] = true
			case c == capInit && !first:
				f.docCap[h] = true
			}
			first = false
		}
	}
}

// sentence appends numTemplates hashes per token of toks to out and returns it.
func (f *featurizer) sentence(toks []string, out []uint32) []uint32 {
	n := len(toks)
	if cap(f.infos) < n {
		f.infos = make([]tokenInfo, n)
	}
	infos := f.infos[:n]
	caps := allCapsSentence(toks)
	first := true
	for i, t := range toks {
		ti := &infos[i]
		f.memoBaseInfo(t, ti)
		ti.initial = first && isWordToken(t)
		if isWordToken(t) {
			first = false
		}
		if !caps {
			ti.capElsewhere = f.docCap[ti.lower]
		}
		ti.lowerElsewhere = f.docLower[ti.lower]
	}
	f.gazetteer(toks, infos)
	for i := range infos {
		f.docLowerH = append(f.docLowerH, infos[i].lower)
		f.docCls = append(f.docCls, infos[i].cls)
	}

	var none tokenInfo
	none.lower, none.exact, none.shape, none.cls = 1, 1, 1, capOther
	at := func(i int) *tokenInfo {
		if i < 0 || i >= n {
			return &none
		}
		return &infos[i]
	}
	capsFlag := uint64(0)
	if caps {
		capsFlag = 1
	}
	for i := range toks {
		p2, p1, c, n1, n2 := at(i-2), at(i-1), at(i), at(i+1), at(i+2)
		var fs [numTemplates]uint64
		fs[0] = 1 // bias
		fs[1] = c.lower
		fs[2] = c.exact
		fs[3] = c.shape
		for k := range 4 {
			fs[4+k] = c.prefix[k]
			fs[8+k] = c.suffix[k]
		}
		fs[12] = p1.lower
		fs[13] = n1.lower
		fs[14] = p2.lower
		fs[15] = n2.lower
		fs[16] = p1.shape
		fs[17] = n1.shape
		fs[18] = mix(p1.lower, c.lower)
		fs[19] = mix(c.lower, n1.lower)
		fs[20] = mix(mix(p1.shape, c.shape), n1.shape)
		fs[21] = uint64(c.cls)<<8 | b2u(c.initial)<<4 | capsFlag
		fs[22] = uint64(p1.cls)<<16 | uint64(c.cls)<<8 | uint64(n1.cls)
		fs[23] = clusterPrefix(c.cluster, 4)
		fs[24] = clusterPrefix(c.cluster, 8)
		fs[25] = clusterPrefix(c.cluster, 12)
		fs[26] = clusterPrefix(c.cluster, 32)
		fs[27] = clusterPrefix(p1.cluster, 6)
		fs[28] = clusterPrefix(p1.cluster, 32)
		fs[29] = clusterPrefix(n1.cluster, 6)
		fs[30] = clusterPrefix(n1.cluster, 32)
		fs[31] = uint64(c.gaz)<<8 | uint64(c.cls)
		fs[32] = uint64(p1.gaz)<<16 | uint64(c.gaz)<<8 | uint64(n1.gaz)
		fs[33] = uint64(c.lex)<<8 | uint64(c.cls)
		fs[34] = uint64(p1.lex) | 1<<20
		fs[35] = uint64(n1.lex) | 1<<21
		fs[36] = uint64(c.cls)<<8 | b2u(c.capElsewhere)<<1 | b2u(c.lowerElsewhere) | capsFlag<<4
		fs[37] = mix(c.lower, b2u(c.capElsewhere)<<1|b2u(c.lowerElsewhere)<<2|b2u(c.initial)|capsFlag<<3)
		fs[38] = mix(p1.lower, c.shape)
		fs[39] = mix(c.shape, n1.lower)
		fs[40] = mix(clusterPrefix(c.cluster, 8), uint64(c.cls))
		fs[41] = mix(c.suffix[2], uint64(c.cls))
		fs[42] = mix(mix(p2.lower, p1.lower), c.lower)
		fs[43] = mix(mix(c.lower, n1.lower), n2.lower)
		fs[44] = mix(clusterPrefix(p1.cluster, 12), clusterPrefix(c.cluster, 12))
		fs[45] = mix(clusterPrefix(c.cluster, 12), clusterPrefix(n1.cluster, 12))
		fs[46] = p2.shape
		fs[47] = n2.shape
		fs[48] = mix(p1.lower, uint64(c.cls))
		fs[49] = mix(uint64(c.cls), n1.lower)
		fs[50] = clusterPrefix(p2.cluster, 8)
		fs[51] = clusterPrefix(n2.cluster, 8)
		fs[52] = uint64(c.profile & 0xffff)
		if e := c.profile >> 16; e != 0 {
			fs[53] = uint64(e)<<8 | uint64(c.cls)
		}
		if e := p1.profile >> 16; e != 0 {
			fs[54] = uint64(e) | 1<<20
		}
		if e := n1.profile >> 16; e != 0 {
			fs[55] = uint64(e) | 1<<21
		}
		for k, v := range fs {
			if v == 0 {
				out = append(out, 0)
				continue
			}
			h := uint32(mix(uint64(k+1)*0x9E3779B97F4A7C15, v))
			if h == 0 {
				h = 1
			}
			out = append(out, h)
		}
	}
	return out
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// clusterPrefix is the first n bits of a cluster path as a non-zero key, 0 when there is no path.
func clusterPrefix(path uint32, n int) uint64 {
	if path == 0 {
		return 0
	}
	l := bits.Len32(path) - 1 // path length without the leading 1
	if l > n {
		path >>= uint(l - n)
		l = n
	}
	return uint64(path) | uint64(n)<<40
}

// memoBaseInfo sets ti to the base info of tok (and nothing else), from infoMem when tok was
// seen before.
func (f *featurizer) memoBaseInfo(tok string, ti *tokenInfo) {
	if mem, ok := f.infoMem[tok]; ok {
		*ti = mem
		return
	}
	*ti = tokenInfo{}
	f.baseInfo(tok, ti)
	if len(f.infoMem) >= maxMemo {
		clear(f.infoMem)
	}
	f.infoMem[strings.Clone(tok)] = *ti // tok points into the document's text
}

// baseInfo fills the hashes and classes of one token.
func (f *featurizer) baseInfo(tok string, ti *tokenInfo) {
	tok = normalizeToken(tok)
	ti.cls = capClass(tok)
	ti.exact = wordHash(tok, false)
	ti.lower = wordHash(tok, true)
	ti.shape = shapeHash(tok)
	f.runes = f.runes[:0]
	for _, r := range tok {
		f.runes = append(f.runes, foldRune(r))
	}
	rs := f.runes
	for k := 1; k <= 4; k++ {
		if len(rs) < k {
			break
		}
		ti.prefix[k-1] = runesHash(rs[:k], uint64(k))
		ti.suffix[k-1] = runesHash(rs[len(rs)-k:], uint64(k+8))
	}
	if f.res != nil {
		ti.cluster = f.res.clusters[ti.lower]
		ti.lex = f.res.lexFlags(tok)
		if len(f.res.profiles) > 0 {
			ti.profile = f.res.profiles[ti.exact]
		}
	}
}

// gazetteer marks tokens covered by a known place name of up to three capitalised words.
func (f *featurizer) gazetteer(toks []string, infos []tokenInfo) {
	if f.places == nil {
		return
	}
	for i := 0; i < len(toks); {
		if infos[i].cls != capInit && infos[i].cls != capAll {
			i++
			continue
		}
		matched := 0
		for n := 3; n >= 1; n-- {
			if i+n > len(toks) {
				continue
			}
			ok := true
			for k := i; k < i+n; k++ {
				if c := infos[k].cls; c != capInit && c != capAll {
					ok = false
					break
				}
			}
			if ok && f.isPlace(toks[i:i+n]) {
				matched = n
				break
			}
		}
		if matched == 0 {
			i++
			continue
		}
		if matched == 1 {
			infos[i].gaz = gazSingle
		} else {
			infos[i].gaz = gazBegin
			for k := i + 1; k < i+matched; k++ {
				infos[k].gaz = gazInside
			}
		}
		i += matched
	}
}

func (f *featurizer) isPlace(words []string) bool {
	f.gazBuf.Reset()
	for k, w := range words {
		if k > 0 {
			f.gazBuf.WriteByte(' ')
		}
		f.gazBuf.WriteString(w)
	}
	name := f.gazBuf.String()
	if v, ok := f.placeMem[name]; ok {
		return v
	}
	v := f.places.IsPlace(name)
	f.placeMem[name] = v
	return v
}

// normalizeToken maps Penn Treebank and typographic spellings of punctuation to one form, so that
// a model trained on “ -LRB- ” reads “ ( ” the same way.
func normalizeToken(t string) string {
	switch t {
	case "-LRB-", "-lrb-":
		return "("
	case "-RRB-", "-rrb-":
		return ")"
	case "-LSB-", "-lsb-":
		return "["
	case "-RSB-", "-rsb-":
		return "]"
	case "-LCB-", "-lcb-":
		return "{"
	case "-RCB-", "-rcb-":
		return "}"
	case "``", "''", "“", "”", "„", "«", "»", "‟", "″":
		return "\""
	case "`", "‘", "’", "‚", "‛":
		return "'"
	case "—", "–", "―", "--", "---":
		return "--"
	case "…":
		return "..."
	case "/.":
		return "."
	case "/?":
		return "?"
	case "/-":
		return "-"
	}
	return t
}

// foldRune lower-cases a rune, maps digits to 0 and typographic apostrophes to '.
func foldRune(r rune) rune {
	switch {
	case r >= '0' && r <= '9':
		return '0'
	case r >= 'A' && r <= 'Z':
		return r + 'a' - 'A'
	case r < utf8.RuneSelf:
		return r
	case r == '’' || r == '‘':
		return '\''
	}
	return unicode.ToLower(r)
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// wordHash hashes a word with digits mapped to 0 (so years and amounts share features), lower-cased
// when lower is set. It is also the key of the word-cluster table.
func wordHash(w string, lower bool) uint64 {
	h := uint64(fnvOffset)
	if lower {
		h ^= 0x51
	}
	for _, r := range w {
		switch {
		case r >= '0' && r <= '9':
			r = '0'
		case r == '’' || r == '‘':
			r = '\''
		case lower:
			r = foldRune(r)
		}
		h = hashRune(h, r)
	}
	return h | 1<<63 // never 0
}

// LowerWordHash is the key under which the cluster table stores a word: lower case, digits as 0.
func LowerWordHash(w string) uint64 { return wordHash(normalizeToken(w), true) }

func lowerHash(w string) uint64 { return wordHash(normalizeToken(w), true) }

func hashRune(h uint64, r rune) uint64 {
	if r < utf8.RuneSelf {
		h ^= uint64(r)
		return h * fnvPrime
	}
	var buf [4]byte
	n := utf8.EncodeRune(buf[:], r)
	for _, b := range buf[:n] {
		h ^= uint64(b)
		h *= fnvPrime
	}
	return h
}

func runesHash(rs []rune, seed uint64) uint64 {
	h := uint64(fnvOffset) ^ seed
	for _, r := range rs {
		h = hashRune(h, r)
	}
	return h | 1<<63
}

// shapeHash hashes the collapsed shape: "Xx" for Wuxi, "X.X." for U.S., "d,d" for 1,234.
func shapeHash(w string) uint64 {
	h := uint64(fnvOffset) ^ 0x5a
	var last rune = -1
	for _, r := range w {
		var s rune
		switch {
		case unicode.IsUpper(r):
			s = 'X'
		case unicode.IsLower(r):
			s = 'x'
		case unicode.IsDigit(r):
			s = 'd'
		case unicode.IsLetter(r):
			s = 'l'
		default:
			s = r
		}
		if s == last {
			continue
		}
		last = s
		h = hashRune(h, s)
	}
	return h | 1<<63
}

// capClass classifies a token's capitalisation.
func capClass(w string) uint8 {
	upper, lower, digit, other := 0, 0, 0, 0
	firstUpper := false
	for i, r := range w {
		switch {
		case unicode.IsUpper(r):
			upper++
			if i == 0 {
				firstUpper = true
			}
		case unicode.IsLower(r):
			lower++
		case unicode.IsDigit(r):
			digit++
		case unicode.IsLetter(r):
			lower++ // scripts without case count as lower
		default:
			other++
		}
	}
	switch {
	case upper == 0 && lower == 0 && digit == 0:
		return capPunct
	case digit > 0 && upper == 0 && lower == 0:
		return capDigits
	case digit > 0:
		return capHasDigit
	case upper > 0 && lower == 0:
		return capAll
	case firstUpper && upper == 1:
		return capInit
	case firstUpper:
		return capMixed
	case upper > 0:
		return capMixed
	}
	return capLower
}

// opensClause reports punctuation after which a capitalised word is as often a clause's first word
// as a name — a dash, a colon, an opening quote, an ellipsis — so that the word does not count as
// capitalised elsewhere in the document. Transcripts made that fact mark fillers: "-- Mm , also"
// had "Mm" tagged PERSON throughout a conversation. Measured on OntoNotes dev, stage 1 alone with
// the same profiles: 84.08 → 84.20; treating such words as sentence-initial in the token's own
// features too gave 84.16.
func opensClause(t string) bool {
	switch t {
	case "--", "—", "–", ":", "``", "\"", "“", "...", "…":
		return true
	}
	return false
}

func isWordToken(w string) bool {
	for _, r := range w {
		return unicode.IsLetter(r) || unicode.IsDigit(r)
	}
	return false
}

// allCapsSentence reports a headline-style sentence: at least three letters-bearing words and
// none of them with a lower-case letter.
func allCapsSentence(toks []string) bool {
	words := 0
	for _, t := range toks {
		switch capClass(t) {
		case capLower, capInit, capMixed:
			if capClass(t) == capInit && len(t) == 1 {
				continue
			}
			return false
		case capAll:
			words++
		}
	}
	return words >= 3
}

// mix combines two hashes (splitmix64 finaliser).
func mix(a, b uint64) uint64 {
	x := a ^ (b + 0x9E3779B97F4A7C15 + (a << 6) + (a >> 2))
	x ^= x >> 30
	x *= 0xBF58476D1CE4E5B9
	x ^= x >> 27
	x *= 0x94D049BB133111EB
	x ^= x >> 31
	return x
}

// numExtra is the number of second-stage (document-level) feature slots per token.
const numExtra = 9

// docCounts is docFeatures' scratch: per distinct word of the document, how the first stage
// labelled it.
type docCounts struct {
	index     map[uint64]int32 // word hash → table index
	table     []wordCounts
	spanShape []uint64
}

type wordCounts struct {
	n     [32]int32 // [0] = O, [1+t] = type t
	multi uint8     // 1 + type of the first multi-word entity holding the word, 0 if none
	first int32     // the word's first occurrence in the document
}

// docFeatures computes the second-stage features of one document from the first stage's labels:
// how the other occurrences of each word in the document were labelled (the majority type, the
// first occurrence's type), the type of a multi-word entity the word was part of, the shape of the
// first-stage entity holding the token, and the first-stage labels around the token.
// lower, cls and labels are flat over the document's tokens; starts[s] is where sentence s begins.
// dc is scratch kept from one document to the next (the zero value is ready to use).
func docFeatures(dc *docCounts, ls *labelSet, lower []uint64, cls []uint8, labels []uint8, starts []int, out []uint32) []uint32 {
	ntypes := 0
	for _, t := range ls.typ {
		ntypes = max(ntypes, t+1)
	}
	if dc.index == nil {
		dc.index = make(map[uint64]int32, len(lower)/2)
	}
	clear(dc.index)
	index := dc.index
	table := dc.table[:0]
	get := func(h uint64, at int) *wordCounts {
		k, ok := index[h]
		if !ok {
			k = int32(len(table))
			index[h] = k
			table = append(table, wordCounts{first: int32(at)})
		}
		return &table[k]
	}
	for i, h := range lower {
		get(h, i).n[ls.typ[labels[i]]+1]++
	}
	// spanShape is, per token inside a first-stage entity, its type, the token's place in it
	// (begin, inside, last, alone) and its length up to 5; 0 outside entities.
	if cap(dc.spanShape) < len(lower) {
		dc.spanShape = make([]uint64, len(lower))
	}
	spanShape := dc.spanShape[:len(lower)]
	clear(spanShape)
	for _, sp := range labelSpans(ls, labels) {
		n := sp.end - sp.start
		if n >= 2 {
			for i := sp.start; i < sp.end; i++ {
				if c := get(lower[i], i); c.multi == 0 {
					c.multi = uint8(sp.typ + 1)
				}
			}
		}
		for i := sp.start; i < sp.end; i++ {
			place := uint64(2) // inside
			switch {
			case n == 1:
				place = 4
			case i == sp.start:
				place = 1
			case i == sp.end-1:
				place = 3
			}
			spanShape[i] = uint64(sp.typ+1)<<16 | place<<8 | uint64(min(n, 5))
		}
	}
	// majOther is 1 when the word occurs nowhere else, 2 for O, 3+t for type t.
	majOther := func(i int) uint64 {
		c := &table[index[lower[i]]]
		own := ls.typ[labels[i]] + 1
		best, arg := int32(0), -1
		for k := 0; k <= ntypes; k++ {
			n := c.n[k]
			if k == own {
				n--
			}
			if n > best {
				best, arg = n, k
			}
		}
		return uint64(arg + 2)
	}
	s := 0
	for i := range lower {
		for i >= starts[s+1] {
			s++
		}
		a, b := starts[s], starts[s+1]
		label := func(j int) uint64 {
			if j < a || j >= b {
				return 0xff
			}
			return uint64(labels[j])
		}
		prevMaj, nextMaj := uint64(0), uint64(0)
		if i > a {
			prevMaj = majOther(i - 1)
		}
		if i+1 < b {
			nextMaj = majOther(i + 1)
		}
		maj, c, l := majOther(i), uint64(cls[i]), uint64(labels[i])
		entry := &table[index[lower[i]]]
		firstType := uint64(0xff) // this is the first occurrence
		if f := int(entry.first); f != i {
			firstType = uint64(ls.typ[labels[f]] + 2)
		}
		shape := uint64(0) // outside entities: no feature
		if spanShape[i] != 0 {
			shape = spanShape[i]<<8 | c | 1<<41
		}
		fs := [numExtra]uint64{
			maj<<8 | c,
			l + 1,
			label(i-1)<<16 | l<<8 | label(i+1),
			prevMaj<<8 | nextMaj,
			uint64(entry.multi)<<8 | c,
			maj<<8 | l,
			label(i-2)<<32 | label(i-1)<<24 | l<<16 | label(i+1)<<8 | label(i+2) | 1<<40,
			shape,
			firstType<<16 | l<<8 | c | 1<<42,
		}
		for k, v := range fs {
			if v == 0 {
				out = append(out, 0)
				continue
			}
			h := uint32(mix(uint64(k+101)*0x9E3779B97F4A7C15, v))
			if h == 0 {
				h = 1
			}
			out = append(out, h)
		}
	}
	dc.table = table[:0]
	return out
}
