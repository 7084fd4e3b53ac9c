package ner

import (
	"fmt"
	"io"
)

// Word profiles are what a model learned from labelling text: a base model (trained without them)
// tags millions of words of unlabeled news, the cross-validation of its own training labels the
// training split as models that never saw each fold would, and each word's profile says how its
// occurrences were labelled — the type given most often and how consistently, and how often it was
// inside any entity at all. A name the training split shows rarely or never has often been seen
// elsewhere in that text, in contexts the base model reads with confidence, and its profile
// carries that over to sentences where the context alone is not enough. The table stores hashed
// word keys and small codes only, no text.

const profilesFormat = "newsmon-profiles-1"

// profileMinCount is how many tagged occurrences a word needs before its profile is kept.
const profileMinCount = 2

// A profile code packs, from the low bit: occurrence-count bucket (2 bits), majority-share
// bucket (2 bits), majority label (5 bits: 0 is O, else type index + 1), a presence bit; and
// from bit 16: entity-share bucket (3 bits), majority entity type (5 bits), a presence bit.
const (
	profilePresent = 1 << 9
	entityPresent  = 1 << 8
)

// ProfileCounter counts how a base model labels the words of unlabeled documents, and takes the
// counts of the training split's cross-validated labels (TrainConfig.CrossValidated) besides.
type ProfileCounter struct {
	m      *Model
	sc     *docScratch
	counts map[uint64][]uint32 // exact word hash → occurrences per label: O, then each type
}

// NewProfileCounter tags with m; places is the gazetteer it was trained with (nil for none). m is
// nil for a counter that only takes counts (TrainConfig.CrossValidated, ReadCounts).
func NewProfileCounter(m *Model, places PlaceLookup) *ProfileCounter {
	c := &ProfileCounter{m: m, counts: map[uint64][]uint32{}}
	if m != nil {
		c.sc = &docScratch{f: newFeaturizer(m.res, places)}
	}
	return c
}

// count adds one occurrence of word w labelled with type typ (-1 for O) of a scheme with nt types.
func (c *ProfileCounter) count(w string, typ, nt int) {
	h := exactHash(w)
	counts := c.counts[h]
	if counts == nil {
		counts = make([]uint32, nt+1)
		c.counts[h] = counts
	}
	counts[typ+1]++
}

// Words is the number of distinct words counted so far.
func (c *ProfileCounter) Words() int { return len(c.counts) }

// AddText tags paragraphs of plain text as one document and counts its words' labels.
func (c *ProfileCounter) AddText(paragraphs []string) {
	var doc [][]string
	for _, p := range paragraphs {
		toks := c.m.tokens(p)
		words := make([]string, len(toks))
		for i, tk := range toks {
			words[i] = tk.Text
		}
		for _, sp := range splitSentences(p, toks) {
			doc = append(doc, words[sp[0]:sp[1]])
		}
	}
	c.AddDocument(doc)
}

// AddDocument tags a tokenised document and counts its words' labels.
func (c *ProfileCounter) AddDocument(doc [][]string) {
	labels := c.m.tagDoc(c.sc, doc)
	k := 0
	for _, toks := range doc {
		for _, w := range toks {
			c.count(w, c.m.labels.typ[labels[k]], len(c.m.types))
			k++
		}
	}
}

const countsFormat = "newsmon-label-counts-1"

// WriteCounts saves the raw counts (not profiles) for another ProfileCounter's ReadCounts: `train
// ner --cv-counts` writes those of the training split, `train profiles --counts` reads them.
func (c *ProfileCounter) WriteCounts(w io.Writer) error {
	err := writeTable(w, countsFormat, c.counts, func(counts []uint32, put func(uint64)) {
		put(uint64(len(counts)))
		for _, v := range counts {
			put(uint64(v))
		}
	})
	if err != nil {
		return fmt.Errorf("write label counts: %w", err)
	}
	return nil
}

// ReadCounts adds counts saved by WriteCounts to c's.
func (c *ProfileCounter) ReadCounts(r io.Reader) error {
	err := readTable(r, countsFormat, func(h uint64, next func() (uint64, error)) error {
		width, err := next()
		if err != nil || width == 0 || width > 64 {
			return fmt.Errorf("bad entry (%d labels, %v)", width, err)
		}
		counts := c.counts[h]
		if counts == nil {
			counts = make([]uint32, width)
			c.counts[h] = counts
		}
		if len(counts) != int(width) {
			return fmt.Errorf("%d labels per word, want %d (another scheme?)", width, len(counts))
		}
		for i := range counts {
			v, err := next()
			if err != nil {
				return err
			}
			counts[i] += uint32(v)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("read label counts: %w", err)
	}
	return nil
}

// Write saves the profiles of the words seen at least profileMinCount times.
func (c *ProfileCounter) Write(w io.Writer) error {
	codes := make(map[uint64]uint32, len(c.counts))
	for h, counts := range c.counts {
		if code := profileCode(counts); code != 0 {
			codes[h] = code
		}
	}
	if err := writeKeyTable(w, profilesFormat, codes); err != nil {
		return fmt.Errorf("write profiles: %w", err)
	}
	return nil
}

// profileCode buckets a word's label counts (O first, then one per type) into a code; 0 when the
// word was seen too rarely.
func profileCode(counts []uint32) uint32 {
	var total, inEntity uint32
	major, majorEntity := 0, 1
	for i, v := range counts {
		total += v
		if v > counts[major] {
			major = i
		}
		if i > 0 {
			inEntity += v
			if v > counts[majorEntity] {
				majorEntity = i
			}
		}
	}
	if total < profileMinCount {
		return 0
	}
	share := float64(counts[major]) / float64(total)
	shareBucket := 3
	switch {
	case share >= 0.9:
		shareBucket = 0
	case share >= 0.7:
		shareBucket = 1
	case share >= 0.5:
		shareBucket = 2
	}
	countBucket := 2
	switch {
	case total < 5:
		countBucket = 0
	case total < 20:
		countBucket = 1
	}
	code := uint32(profilePresent | major<<4 | shareBucket<<2 | countBucket)
	if inEntity > 0 {
		entityShare := float64(inEntity) / float64(total)
		bucket := 0
		for _, cut := range []float64{0.1, 0.3, 0.5, 0.7, 0.9} {
			if entityShare >= cut {
				bucket++
			}
		}
		code |= uint32(entityPresent|majorEntity<<3|bucket) << 16
	}
	return code
}

// WithProfiles returns resources with r's clusters and word lists and the word profiles in data
// (written by ProfileCounter.Write; nil means none).
func (r *Resources) WithProfiles(data []byte) (*Resources, error) {
	out := *r
	var err error
	out.profiles, out.profilesSum, err = readKeyTable(data, profilesFormat)
	if err != nil {
		return nil, fmt.Errorf("read profiles: %w", err)
	}
	return &out, nil
}

// ProfilesChecksum identifies the profile table ("none" without one); a model records the one it
// was trained with.
func (r *Resources) ProfilesChecksum() string { return r.profilesSum }

// exactHash is the profile table's key of a token: its exact form after normalizeToken.
func exactHash(w string) uint64 { return wordHash(normalizeToken(w), false) }
