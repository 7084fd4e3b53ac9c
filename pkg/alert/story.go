package alert

import (
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"math/bits"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Story deduplication: syndicated copies of one story (the same wire text on several sites, with a
// different headline, byline or a trimmed last paragraph) share one story id, so that a rule fires
// once per story. Each body gets a 64-bit SimHash over word 3-shingles; two bodies are one story
// when their fingerprints differ in at most maxStoryDistance bits. On news-length bodies (a few
// hundred shingles) copies with a changed dateline, credit line or last sentence land 3-7 bits
// apart, unrelated stories about 32 (≤ 7 for two random fingerprints: ~1e-10); stories written from
// one template (the benchmark's generated site) can come within 6-8. Fingerprints are kept in the KV
// under storyBands band keys, one per byte of the fingerprint: two fingerprints within 7 bits agree
// on at least one byte (pigeonhole), so one Get per band finds every candidate without scanning.
const (
	shingleWords     = 3  // words per shingle
	minShingles      = 20 // bodies shorter than this are their own story: too little text to compare
	maxStoryDistance = storyBands - 1
	storyBands       = 8                  // of 8 bits each
	maxBandEntries   = 64                 // per band key, newest kept: bounds the value size
	storyRetention   = 7 * 24 * time.Hour // older fingerprints are pruned from band keys
	casAttempts      = 8
)

// Key prefixes in the fired KV. Fired marks are "<rule id>.<story id>" (one dot: neither ids
// contain dots); these keys all have two dots or more, so they never collide with one.
const (
	keyStoryOf   = "story.art."   // + article id → its story id
	keyStoryBand = "story.band."  // + band + "." + 2 hex digits → []storyEntry
	keyLastMatch = "mode.last."   // + rule id → RFC 3339 time of the rule's last matching story
	keyDigest    = "mode.digest." // + rule id → digestState
)

// SimHash returns the 64-bit SimHash of text's word 3-shingles (lower case, letters and digits
// only) and how many shingles it had.
func SimHash(text string) (uint64, int) {
	var v [64]int
	words := make([]string, 0, shingleWords)
	n := 0
	h := fnv.New64a()
	add := func() {
		h.Reset()
		for i, w := range words {
			if i > 0 {
				h.Write([]byte{' '})
			}
			h.Write([]byte(w))
		}
		x := mix64(h.Sum64())
		for b := range 64 {
			if x&(1<<b) != 0 {
				v[b]++
			} else {
				v[b]--
			}
		}
		n++
	}
	for w := range strings.FieldsFuncSeq(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if len(words) == shingleWords {
			copy(words, words[1:])
			words = words[:shingleWords-1]
		}
		words = append(words, strings.ToLower(w))
		if len(words) == shingleWords {
			add()
		}
	}
	var fp uint64
	for b := range 64 {
		if v[b] > 0 {
			fp |= 1 << b
		}
	}
	return fp, n
}

// mix64 spreads FNV's bits (splitmix64 finaliser): SimHash needs every bit of a shingle's hash to
// be independent and fair.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}

// storyEntry is one fingerprint in a band key.
type storyEntry struct {
	FP    string `json:"f"` // 16 hex digits
	Story string `json:"s"`
	Seen  int64  `json:"t"` // unix seconds
}

// storyOf returns the story id of a: the id of the first article whose body was a near-duplicate of
// a's, else a's own id. The answer is stored per article, so a re-crawled article that was edited
// keeps its story.
func (m *Matcher) storyOf(ctx context.Context, articleID, body string) (string, error) {
	if v, ok, err := m.fired.Get(ctx, keyStoryOf+articleID); err != nil {
		return "", fmt.Errorf("story of %s: %w", articleID, err)
	} else if ok && len(v) > 0 {
		return string(v), nil
	}
	fp, n := SimHash(body)
	story := articleID
	if n >= minShingles {
		var err error
		if story, err = m.nearDuplicate(ctx, articleID, fp); err != nil {
			return "", err
		}
	}
	if _, err := m.fired.Create(ctx, keyStoryOf+articleID, []byte(story)); err != nil {
		return "", fmt.Errorf("record story of %s: %w", articleID, err)
	}
	// Another worker may have decided first; its answer wins.
	if v, ok, err := m.fired.Get(ctx, keyStoryOf+articleID); err == nil && ok && len(v) > 0 {
		story = string(v)
	}
	return story, nil
}

// nearDuplicate looks fp up in every band and returns the story of the closest earlier
// fingerprint within maxStoryDistance, else articleID; either way it records fp under that story.
// Two copies indexed at the same instant by two workers can still become two stories when they
// share only a band the other has not written yet; the compare-and-swap below closes the window
// for exact copies, which share every band.
func (m *Matcher) nearDuplicate(ctx context.Context, articleID string, fp uint64) (string, error) {
	read := func(key string) ([]byte, []storyEntry, error) {
		old, ok, err := m.fired.Get(ctx, key)
		if err != nil {
			return nil, nil, fmt.Errorf("story band %s: %w", key, err)
		}
		if !ok || len(old) == 0 {
			return nil, nil, nil
		}
		var entries []storyEntry
		if err := json.Unmarshal(old, &entries); err != nil {
			return old, nil, nil // a damaged band key is rebuilt rather than blocking alerts
		}
		return old, entries, nil
	}
	story := ""
	for band := 0; band < storyBands && story == ""; band++ {
		_, entries, err := read(bandKey(band, fp))
		if err != nil {
			return "", err
		}
		story = closest(entries, fp)
	}
	if story == "" {
		story = articleID
	}
	now := m.now()
	for band := range storyBands {
		key := bandKey(band, fp)
		for attempt := 1; ; attempt++ {
			old, entries, err := read(key)
			if err != nil {
				return "", err
			}
			if story == articleID {
				if s := closest(entries, fp); s != "" {
					story = s // a concurrent writer got there first
				}
			}
			val, err := json.Marshal(appendEntry(entries, storyEntry{FP: fmt.Sprintf("%016x", fp), Story: story, Seen: now.Unix()}, now))
			if err != nil {
				return "", fmt.Errorf("encode story band: %w", err)
			}
			swapped, err := m.fired.CompareAndSwap(ctx, key, old, val)
			if err != nil {
				return "", fmt.Errorf("story band %s: %w", key, err)
			}
			if swapped {
				break
			}
			if attempt >= casAttempts {
				m.log.Warn("story band contended; fingerprint not recorded", "key", key, "article_id", articleID)
				break
			}
		}
	}
	return story, nil
}

func bandKey(band int, fp uint64) string {
	return fmt.Sprintf("%s%d.%02x", keyStoryBand, band, (fp>>(8*band))&0xff)
}

// closest returns the story of the entry nearest to fp within maxStoryDistance, or "".
func closest(entries []storyEntry, fp uint64) string {
	best, bestDist := "", maxStoryDistance+1
	for _, e := range entries {
		x, err := strconv.ParseUint(e.FP, 16, 64)
		if err != nil {
			continue
		}
		if d := bits.OnesCount64(x ^ fp); d < bestDist {
			best, bestDist = e.Story, d
		}
	}
	return best
}

// appendEntry adds e, drops entries older than storyRetention or repeating e, and keeps the newest
// maxBandEntries.
func appendEntry(entries []storyEntry, e storyEntry, now time.Time) []storyEntry {
	cutoff := now.Add(-storyRetention).Unix()
	out := entries[:0]
	for _, x := range entries {
		if x.Seen >= cutoff && !(x.FP == e.FP && x.Story == e.Story) {
			out = append(out, x)
		}
	}
	out = append(out, e)
	if len(out) > maxBandEntries {
		out = out[len(out)-maxBandEntries:]
	}
	return out
}
