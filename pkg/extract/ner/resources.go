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
	// profiles: exactHash → profile code (profiles.go); nil without a profile table.
	profiles    map[uint64]uint32
	profilesSum string
}

const clustersFormat = "newsmon-clusters-1"

// NewResources reads a cluster table written by WriteClusters; nil means no clusters.
func NewResources(clusters []byte) (*Resources, error) {
	lex := newLexicon()
	r := &Resources{clusters: map[uint64]uint32{}, checksum: "none", lex: lex, lexMap: buildLexMap(lex),
		profilesSum: "none"}
	if clusters == nil {
		return r, nil
	}
	sum := sha256.Sum256(clusters)
	r.checksum = hex.EncodeToString(sum[:8])
	zr, err := gzip.NewReader(bytes.NewReader(clusters))
	if err != nil {
		return nil, fmt.Errorf("read clusters: %w", err)
	}
	br := bufio.NewReader(zr)
	line, err := br.ReadString('\n')
	if err != nil || line != clustersFormat+"\n" {
		return nil, fmt.Errorf("read clusters: not a %s file", clustersFormat)
	}
	n, err := binary.ReadUvarint(br)
	if err != nil {
		return nil, fmt.Errorf("read clusters: %w", err)
	}
	r.clusters = make(map[uint64]uint32, n)
	var b8 [8]byte
	for range n {
		if _, err := io.ReadFull(br, b8[:]); err != nil {
			return nil, fmt.Errorf("read clusters: %w", err)
		}
		p, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, fmt.Errorf("read clusters: %w", err)
		}
		r.clusters[binary.LittleEndian.Uint64(b8[:])] = uint32(p)
	}
	return r, nil
}

// Checksum identifies the cluster table; a model records the one it was trained with.
func (r *Resources) Checksum() string { return r.checksum }

// WriteClusters saves a cluster table: words are stored as LowerWordHash keys only, so the table
// carries no text of the corpus it was learned from.
func WriteClusters(w io.Writer, paths map[uint64]uint32) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("write clusters: %w", err)
	}
	bw := bufio.NewWriter(zw)
	bw.WriteString(clustersFormat + "\n")
	keys := make([]uint64, 0, len(paths))
	for k := range paths {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var buf [binary.MaxVarintLen64]byte
	bw.Write(buf[:binary.PutUvarint(buf[:], uint64(len(keys)))])
	for _, k := range keys {
		binary.LittleEndian.PutUint64(buf[:8], k)
		bw.Write(buf[:8])
		bw.Write(buf[:binary.PutUvarint(buf[:], uint64(paths[k]))])
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write clusters: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("write clusters: %w", err)
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
