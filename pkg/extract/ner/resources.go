package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io"
	"maps"
	"slices"
)

// Resources are what features read besides the tokens: the word-cluster table, the word lists and
// the word profiles.
// Both models share one. It is immutable and safe to share.
type Resources struct {
	clusters map[uint64]uint32 // LowerWordHash → cluster path with a leading 1 bit
	checksum string
	lex      *lexicon
	lexMap   map[string]uint16
	lexSum   string // lexiconChecksum(lexMap)
	// profiles: exactHash → profile code (profiles.go); empty without a profile table.
	profiles    map[uint64]uint32
	profilesSum string
}

const clustersFormat = "newsmon-clusters-1"

// NewResources reads a cluster table written by WriteClusters; nil means no clusters.
func NewResources(clusters []byte) (*Resources, error) {
	r := &Resources{checksum: "none", profilesSum: "none"}
	r.setLexicon(newLexicon())
	var err error
	r.clusters, r.checksum, err = readKeyTable(clusters, clustersFormat)
	if err != nil {
		return nil, fmt.Errorf("read clusters: %w", err)
	}
	return r, nil
}

// Checksum identifies the cluster table; a model records the one it was trained with.
func (r *Resources) Checksum() string { return r.checksum }

// setLexicon sets the word lists and what is derived from them.
func (r *Resources) setLexicon(lex *lexicon) {
	r.lex, r.lexMap = lex, buildLexMap(lex)
	r.lexSum = lexiconChecksum(r.lexMap)
}

// LexiconChecksum identifies the word lists as the features read them (lexicon.go); a model
// records the one it was trained with.
func (r *Resources) LexiconChecksum() string { return r.lexSum }

// WriteClusters saves a cluster table: words are stored as LowerWordHash keys only, so the table
// carries no text of the corpus it was learned from.
func WriteClusters(w io.Writer, paths map[uint64]uint32) error {
	if err := writeKeyTable(w, clustersFormat, paths); err != nil {
		return fmt.Errorf("write clusters: %w", err)
	}
	return nil
}

// writeKeyTable writes a table of word-hash keys and small values, the layout of the cluster and
// profile files (see writeTable).
func writeKeyTable(w io.Writer, format string, table map[uint64]uint32) error {
	return writeTable(w, format, table, func(v uint32, put func(uint64)) { put(uint64(v)) })
}

// readKeyTable reads what writeKeyTable wrote and a checksum of it; nil data is an empty table
// with checksum "none".
func readKeyTable(data []byte, format string) (map[uint64]uint32, string, error) {
	if data == nil {
		return map[uint64]uint32{}, "none", nil
	}
	table := map[uint64]uint32{}
	err := readTable(bytes.NewReader(data), format, func(k uint64, next func() (uint64, error)) error {
		v, err := next()
		table[k] = uint32(v)
		return err
	})
	if err != nil {
		return nil, "", err
	}
	sum := sha256.Sum256(data)
	return table, hex.EncodeToString(sum[:8]), nil
}

// writeTable writes the layout the cluster, profile and label-count files share: gzip of a format
// line, the number of entries, then each key (8 bytes, little endian, in increasing order)
// followed by its value as uvarints, which put writes.
func writeTable[V any](w io.Writer, format string, table map[uint64]V, value func(v V, put func(uint64))) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	bw.WriteString(format + "\n")
	var buf [binary.MaxVarintLen64]byte
	put := func(x uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], x)]) }
	keys := slices.Sorted(maps.Keys(table))
	put(uint64(len(keys)))
	var key [8]byte
	for _, k := range keys {
		binary.LittleEndian.PutUint64(key[:], k)
		bw.Write(key[:])
		value(table[k], put)
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// readTable reads what writeTable wrote, handing each key to value with a reader of its uvarints.
func readTable(r io.Reader, format string, value func(key uint64, next func() (uint64, error)) error) error {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return err
	}
	br := bufio.NewReader(zr)
	line, err := br.ReadString('\n')
	if err != nil || line != format+"\n" {
		return fmt.Errorf("not a %s file", format)
	}
	n, err := binary.ReadUvarint(br)
	if err != nil {
		return err
	}
	next := func() (uint64, error) { return binary.ReadUvarint(br) }
	var key [8]byte
	for range n {
		if _, err := io.ReadFull(br, key[:]); err != nil {
			return err
		}
		if err := value(binary.LittleEndian.Uint64(key[:]), next); err != nil {
			return err
		}
	}
	return nil
}

// lexFlags reports the word lists a token belongs to.
func (r *Resources) lexFlags(tok string) uint16 { return r.lexMap[tok] }

// buildLexMap folds the word lists into one map of flags, one lookup per token.
func buildLexMap(l *lexicon) map[string]uint16 {
	m := map[string]uint16{}
	for _, set := range []struct {
		words map[string]bool
		flag  uint16
	}{
		{l.givenNames, lexGiven}, {l.chineseSurnames, lexSurname}, {l.titles, lexTitle},
		{l.honorifics, lexHonorific}, {l.orgWords, lexOrgWord}, {l.eventWords, lexEventWord},
		{l.placeWords, lexPlaceWord}, {l.knownOrgs, lexKnownOrg}, {l.roleWords, lexRoleWord},
		{l.nonNames, lexNonName}, {l.placeFirst, lexPlaceFirst}, {l.lowerPlaceCues, lexLowerPlaceCue},
	} {
		for w := range set.words {
			m[w] |= set.flag
		}
	}
	return m
}
