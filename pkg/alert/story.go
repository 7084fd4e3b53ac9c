package alert

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math/bits"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
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
	// bandCacheTTL bounds how long a band value this process read or wrote is trusted without a
	// Get. A stale value costs no correctness: the write-through compare-and-swap fails on it, and
	// the fresh value is read and searched again.
	bandCacheTTL = 10 * time.Second
)

// Key prefixes in the fired KV. Fired marks are "<rule id>.<story id>" (one dot: neither ids
// contain dots); these keys all have two dots or more, so they never collide with one.
const (
	keyStoryOf   = "story.art."   // + article id → its story id
	keyStoryBand = "story.band."  // + band + "." + 2 hex digits → []storyEntry
	keyLastMatch = "mode.last."   // + rule id → RFC 3339 time of the rule's last matching story, event id, decision
	keyDigest    = "mode.digest." // + rule id → digestState
	keySurge     = "mode.surge."  // + rule id → surgeState
	keyDone      = "mark.done."   // + fired mark → when its event was delivered (or found not to fire)
	keyFire      = "mark.fire."   // + fired mark of a first_in_window rule → it was decided to fire
)

// SimHash returns the 64-bit SimHash of text's word 3-shingles (lower case, letters and digits
// only) and how many shingles it had. A shingle's hash is FNV-1a of its words joined by spaces,
// computed inline: this runs once per matching article over its whole body.
func SimHash(text string) (uint64, int) {
	var v [64]int32
	var words [shingleWords][]byte // lower-cased, buffers reused as the window slides
	n, have := 0, 0
	for w := range strings.FieldsFuncSeq(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if have == shingleWords {
			oldest := words[0]
			copy(words[:], words[1:])
			words[shingleWords-1] = oldest
			have--
		}
		words[have] = appendLower(words[have][:0], w)
		have++
		if have < shingleWords {
			continue
		}
		h := uint64(fnvOffset64)
		for i, w := range words {
			if i > 0 {
				h = (h ^ ' ') * fnvPrime64
			}
			for _, c := range w {
				h = (h ^ uint64(c)) * fnvPrime64
			}
		}
		x := mix64(h)
		for b := range v {
			v[b] += int32(x>>b&1)*2 - 1
		}
		n++
	}
	var fp uint64
	for b := range v {
		if v[b] > 0 {
			fp |= 1 << b
		}
	}
	return fp, n
}

// appendLower appends w lower-cased as strings.ToLower does it (w is valid UTF-8).
func appendLower(dst []byte, w string) []byte {
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
		i += size
	}
	return dst
}

const (
	fnvOffset64 = 14695981039346656037
	fnvPrime64  = 1099511628211
)

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
	FP    uint64
	Story string
	Seen  int64 // unix seconds
}

// Band values are binary: bandFormat, then per entry the fingerprint (8 bytes, little endian), the
// time seen (varint unix seconds), the story id's length (uvarint) and the id. JSON arrays
// ([{"f":hex,"s":story,"t":unix}], the earlier format) are still read, and rewritten in binary.
const bandFormat = 0x01

type jsonStoryEntry struct {
	FP    string `json:"f"`
	Story string `json:"s"`
	Seen  int64  `json:"t"`
}

// encodeBand is the band value holding entries.
func encodeBand(entries []storyEntry) []byte {
	n := 1
	for _, e := range entries {
		n += 8 + binary.MaxVarintLen64 + binary.MaxVarintLen64 + len(e.Story)
	}
	b := make([]byte, 1, n)
	b[0] = bandFormat
	for _, e := range entries {
		b = binary.LittleEndian.AppendUint64(b, e.FP)
		b = binary.AppendVarint(b, e.Seen)
		b = binary.AppendUvarint(b, uint64(len(e.Story)))
		b = append(b, e.Story...)
	}
	return b
}

var errDamagedBand = errors.New("damaged story band")

// decodeBand reads a band value in either format; an empty one holds no entries.
func decodeBand(b []byte) ([]storyEntry, error) {
	if len(b) == 0 {
		return nil, nil
	}
	if b[0] == '[' {
		var old []jsonStoryEntry
		if err := json.Unmarshal(b, &old); err != nil {
			return nil, errDamagedBand
		}
		entries := make([]storyEntry, 0, len(old))
		for _, e := range old {
			if fp, err := strconv.ParseUint(e.FP, 16, 64); err == nil {
				entries = append(entries, storyEntry{FP: fp, Story: e.Story, Seen: e.Seen})
			}
		}
		return entries, nil
	}
	if b[0] != bandFormat {
		return nil, errDamagedBand
	}
	b = b[1:]
	var entries []storyEntry
	for len(b) > 0 {
		if len(b) < 8 {
			return nil, errDamagedBand
		}
		e := storyEntry{FP: binary.LittleEndian.Uint64(b)}
		b = b[8:]
		seen, n := binary.Varint(b)
		if n <= 0 {
			return nil, errDamagedBand
		}
		e.Seen, b = seen, b[n:]
		l, n := binary.Uvarint(b)
		if n <= 0 || uint64(len(b)-n) < l {
			return nil, errDamagedBand
		}
		e.Story, b = string(b[n:n+int(l)]), b[n+int(l):]
		entries = append(entries, e)
	}
	return entries, nil
}

// band is one band key's value as last seen: raw is what a compare-and-swap must name as old (nil:
// the key has no value), entries its decoding, which is never modified in place.
type band struct {
	raw     []byte
	entries []storyEntry
	at      time.Time
}

// bandCache keeps the band values this process read or wrote. Its size is bounded by the number
// of band keys (storyBands × 256).
type bandCache struct {
	mu sync.Mutex
	m  map[string]band
}

func (c *bandCache) get(key string, now time.Time) (band, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	b, ok := c.m[key]
	if !ok || now.Sub(b.at) >= bandCacheTTL || now.Before(b.at) {
		return band{}, false
	}
	return b, true
}

func (c *bandCache) put(key string, b band) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = make(map[string]band, storyBands*256)
	}
	c.m[key] = b
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
	created, err := m.createMark(ctx, keyStoryOf+articleID, []byte(story))
	if err != nil {
		return "", fmt.Errorf("record story of %s: %w", articleID, err)
	}
	if !created {
		// Another worker decided first; its answer wins.
		if v, ok, err := m.fired.Get(ctx, keyStoryOf+articleID); err == nil && ok && len(v) > 0 {
			story = string(v)
		}
	}
	return story, nil
}

// readBand returns the band key's value from the KV and caches it. A damaged value reads as empty:
// it is rebuilt rather than blocking alerts.
func (m *Matcher) readBand(ctx context.Context, key string) (band, error) {
	raw, ok, err := m.stories.Get(ctx, key)
	if err != nil {
		return band{}, fmt.Errorf("story band %s: %w", key, err)
	}
	b := band{at: m.now()}
	if ok && len(raw) > 0 {
		b.raw = raw
		b.entries, _ = decodeBand(raw)
	}
	m.bands.put(key, b)
	return b, nil
}

// nearDuplicate looks fp up in every band and returns the story of the closest earlier
// fingerprint within maxStoryDistance (the first band that has one decides), else articleID;
// either way it records fp under that story in every band. Band values come from the cache when
// fresh, the others are read concurrently. The bands are then written in order by
// compare-and-swap from the values looked up; a write that fails (another writer, or a stale
// cache) reads the band again, and while the story is still articleID's own, an earlier copy found
// there wins: the bands already written are rewritten under its story. Two copies indexed at the
// same instant by two workers can still become two stories when they share only a band the other
// has not written yet; exact copies share every band, so the one that writes band 0 second always
// joins the first.
func (m *Matcher) nearDuplicate(ctx context.Context, articleID string, fp uint64) (string, error) {
	var keys [storyBands]string
	var bands [storyBands]band
	var errs [storyBands]error
	var wg sync.WaitGroup
	now := m.now()
	for i := range storyBands {
		keys[i] = bandKey(i, fp)
		if b, ok := m.bands.get(keys[i], now); ok {
			bands[i] = b
			continue
		}
		wg.Go(func() { bands[i], errs[i] = m.readBand(ctx, keys[i]) })
	}
	wg.Wait()
	if err := errors.Join(errs[:]...); err != nil {
		return "", err
	}
	story := articleID
	for _, b := range bands {
		if s := closest(b.entries, fp); s != "" {
			story = s
			break
		}
	}
	for i := range storyBands {
		found, err := m.writeBand(ctx, keys[i], bands[i], story, "", story == articleID, fp, now)
		if err != nil {
			return "", err
		}
		if found == "" {
			continue
		}
		story = found // a concurrent writer got there first
		for j := range i + 1 {
			b, ok := m.bands.get(keys[j], now)
			if !ok {
				b = band{} // the compare-and-swap fails, and the band is read again
			}
			if _, err := m.writeBand(ctx, keys[j], b, story, articleID, false, fp, now); err != nil {
				return "", err
			}
		}
	}
	return story, nil
}

// writeBand adds fp under story to the band key by compare-and-swap from b (re-reading it on
// conflict), dropping fp's entry under superseded if any. With look set, it returns the story of an
// earlier copy that a re-read turned up, without writing: the caller then writes under that story.
func (m *Matcher) writeBand(ctx context.Context, key string, b band, story, superseded string, look bool, fp uint64, now time.Time) (string, error) {
	for attempt := 1; ; attempt++ {
		entries := appendEntry(b.entries, storyEntry{FP: fp, Story: story, Seen: now.Unix()}, superseded, now)
		val := encodeBand(entries)
		swapped, err := m.stories.CompareAndSwap(ctx, key, b.raw, val)
		if err != nil {
			return "", fmt.Errorf("story band %s: %w", key, err)
		}
		if swapped {
			m.bands.put(key, band{raw: val, entries: entries, at: now})
			return "", nil
		}
		if attempt >= casAttempts {
			m.log.Warn("story band contended; fingerprint not recorded", "key", key, "story_id", story)
			return "", nil
		}
		if b, err = m.readBand(ctx, key); err != nil {
			return "", err
		}
		if look {
			if s := closest(b.entries, fp); s != "" && s != story {
				return s, nil
			}
		}
	}
}

func bandKey(band int, fp uint64) string {
	const hex = "0123456789abcdef"
	x := byte(fp >> (8 * band))
	return keyStoryBand + strconv.Itoa(band) + "." + string([]byte{hex[x>>4], hex[x&0xf]})
}

// closest returns the story of the entry nearest to fp within maxStoryDistance (the earliest of
// equals), or "".
func closest(entries []storyEntry, fp uint64) string {
	best, bestDist := "", maxStoryDistance+1
	for _, e := range entries {
		if d := bits.OnesCount64(e.FP ^ fp); d < bestDist {
			best, bestDist = e.Story, d
		}
	}
	return best
}

// appendEntry returns a new slice of entries plus e, without entries older than storyRetention,
// repeating e, or recording e's fingerprint under superseded, and with at most the newest
// maxBandEntries.
func appendEntry(entries []storyEntry, e storyEntry, superseded string, now time.Time) []storyEntry {
	cutoff := now.Add(-storyRetention).Unix()
	out := make([]storyEntry, 0, min(len(entries)+1, maxBandEntries+1))
	for _, x := range entries {
		if x.Seen >= cutoff && !(x.FP == e.FP && (x.Story == e.Story || x.Story == superseded)) {
			out = append(out, x)
		}
	}
	out = append(out, e)
	if len(out) > maxBandEntries {
		out = out[len(out)-maxBandEntries:]
	}
	return out
}
