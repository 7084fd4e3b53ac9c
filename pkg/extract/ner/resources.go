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
	// profiles: exactHash → profile code (profiles.go); empty without a profile table.
	profiles    map[uint64]uint32
	profilesSum string
}

const clustersFormat = "newsmon-clusters-1"

// NewResources reads a cluster table written by WriteClusters; nil means no clusters.
func NewResources(clusters []byte) (*Resources, error) {
	lex := newLexicon()
	r := &Resources{checksum: "none", lex: lex, lexMap: buildLexMap(lex), profilesSum: "none"}
	var err error
	r.clusters, r.checksum, err = readKeyTable(clusters, clustersFormat)
	if err != nil {
		return nil, fmt.Errorf("read clusters: %w", err)
	}
	return r, nil
}

// Checksum identifies the cluster table; a model records the one it was trained with.
func (r *Resources) Checksum() string { return r.checksum }

// WriteClusters saves a cluster table: words are stored as LowerWordHash keys only, so the table
// carries no text of the corpus it was learned from.
func WriteClusters(w io.Writer, paths map[uint64]uint32) error {
	if err := writeKeyTable(w, clustersFormat, paths); err != nil {
		return fmt.Errorf("write clusters: %w", err)
	}
	return nil
}

// writeKeyTable writes a table of word-hash keys and small values, the layout of the cluster and
// profile files: gzip of a format line, the number of entries, then each key (8 bytes, little
// endian, in increasing order) with its value as a uvarint.
func writeKeyTable(w io.Writer, format string, table map[uint64]uint32) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	bw.WriteString(format + "\n")
	keys := make([]uint64, 0, len(table))
	for k := range table {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var buf [binary.MaxVarintLen64]byte
	bw.Write(buf[:binary.PutUvarint(buf[:], uint64(len(keys)))])
	for _, k := range keys {
		binary.LittleEndian.PutUint64(buf[:8], k)
		bw.Write(buf[:8])
		bw.Write(buf[:binary.PutUvarint(buf[:], uint64(table[k]))])
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// readKeyTable reads what writeKeyTable wrote and a checksum of it; nil data is an empty table
// with checksum "none".
func readKeyTable(data []byte, format string) (map[uint64]uint32, string, error) {
	if data == nil {
		return map[uint64]uint32{}, "none", nil
	}
	sum := sha256.Sum256(data)
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, "", err
	}
	br := bufio.NewReader(zr)
	line, err := br.ReadString('\n')
	if err != nil || line != format+"\n" {
		return nil, "", fmt.Errorf("not a %s file", format)
	}
	n, err := binary.ReadUvarint(br)
	if err != nil {
		return nil, "", err
	}
	table := make(map[uint64]uint32, n)
	var b8 [8]byte
	for range n {
		if _, err := io.ReadFull(br, b8[:]); err != nil {
			return nil, "", err
		}
		v, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, "", err
		}
		table[binary.LittleEndian.Uint64(b8[:])] = uint32(v)
	}
	return table, hex.EncodeToString(sum[:8]), nil
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
