package alert

import (
	"context"
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode"
)

// BenchmarkStoryOf measures story deduplication alone on the real embedded JetStream KV: one new
// story per article (fingerprint, band lookups and band writes), the cost every matching article pays.
func BenchmarkStoryOf(b *testing.B) {
	ctx := context.Background()
	_, firedKV, stop := natsKVs(b, ctx, b.TempDir())
	defer stop()
	m := NewMatcher(NewStore(NewMemoryKV()), firedKV, nil)
	wire := mustRead(b, "testdata/story_wire.txt")
	b.ReportAllocs()
	var sb strings.Builder
	for i := 0; b.Loop(); i++ {
		// A different story each time: 400 words of its own outweigh the shared wire text.
		sb.Reset()
		for k := range 400 {
			sb.WriteString(strconv.FormatUint(mix64(uint64(i)<<16|uint64(k)), 36))
			sb.WriteByte(' ')
		}
		text := sb.String() + wire
		id := fmt.Sprint("s", i)
		story, err := m.storyOf(ctx, id, text)
		if err != nil || story != id {
			b.Fatalf("storyOf(%s) = %q, %v; want its own story", id, story, err)
		}
	}
}

func TestBandEncoding(t *testing.T) {
	entries := []storyEntry{{FP: 0xdeadbeefcafef00d, Story: "a1", Seen: 1_790_000_000}, {FP: 1, Story: "", Seen: -5}}
	for _, tc := range []struct {
		name string
		raw  []byte
		want []storyEntry
		err  bool
	}{
		{"binary", encodeBand(entries), entries, false},
		{"legacy JSON", []byte(`[{"f":"deadbeefcafef00d","s":"a1","t":1790000000},{"f":"zz","s":"x","t":1}]`), entries[:1], false},
		{"empty", nil, nil, false},
		{"truncated", encodeBand(entries)[:12], nil, true},
		{"unknown format", []byte("garbage"), nil, true},
	} {
		got, err := decodeBand(tc.raw)
		if (err != nil) != tc.err || fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("%s: decodeBand = %v, %v; want %v (error %v)", tc.name, got, err, tc.want, tc.err)
		}
	}
}

// TestStoryAcrossWorkers runs two matchers on one fired KV, as two index workers do. The second
// read the copy's bands while they were still empty, just before the first recorded the original,
// so its cache is stale when the copy comes: the copy must still join the original's story, and
// no band may keep the copy under a story of its own.
func TestStoryAcrossWorkers(t *testing.T) {
	ctx := context.Background()
	fired := NewMemoryKV()
	w1 := NewMatcher(NewStore(NewMemoryKV()), fired, nil)
	w2 := NewMatcher(NewStore(NewMemoryKV()), fired, nil)
	wire := mustRead(t, "testdata/story_wire.txt")
	copyText := syndicated(wire)
	copyFP, _ := SimHash(copyText)
	for i := range storyBands {
		if _, err := w2.readBand(ctx, bandKey(i, copyFP)); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		m        *Matcher
		id, text string
	}{
		{w1, "orig", wire},
		{w2, "copy", copyText},
		{w1, "copy2", copyText},
		{w2, "orig", wire},
	} {
		if got, err := tc.m.storyOf(ctx, tc.id, tc.text); err != nil || got != "orig" {
			t.Errorf("storyOf(%s) = %q, %v; want orig", tc.id, got, err)
		}
	}
	for i := range storyBands {
		raw, _, _ := fired.Get(ctx, bandKey(i, copyFP))
		entries, err := decodeBand(raw)
		if err != nil || len(entries) == 0 {
			t.Errorf("band %d = %v, %v; want entries", i, entries, err)
		}
		for _, e := range entries {
			if e.Story != "orig" {
				t.Errorf("band %d has %+v; want every entry under story orig", i, e)
			}
		}
	}
}

// TestStoryConcurrentCopies has two workers record many exact copies at once: they are all one story.
func TestStoryConcurrentCopies(t *testing.T) {
	ctx := context.Background()
	fired := NewMemoryKV()
	workers := []*Matcher{NewMatcher(NewStore(NewMemoryKV()), fired, nil), NewMatcher(NewStore(NewMemoryKV()), fired, nil)}
	wire := mustRead(t, "testdata/story_wire.txt")
	stories := make([]string, 16)
	var wg sync.WaitGroup
	for i := range stories {
		wg.Go(func() {
			story, err := workers[i%2].storyOf(ctx, fmt.Sprint("c", i), wire)
			if err != nil {
				t.Error(err)
			}
			stories[i] = story
		})
	}
	wg.Wait()
	for i, s := range stories {
		if s != stories[0] {
			t.Errorf("copy %d is story %q; want %q like copy 0 (all: %v)", i, s, stories[0], stories)
		}
	}
}

// simHashReference is SimHash as first written (hash/fnv, a word slice): fingerprints are stored
// in the KV, so the inlined version must give the very same bits.
func simHashReference(text string) (uint64, int) {
	var v [64]int
	words := make([]string, 0, shingleWords)
	n := 0
	h := fnv.New64a()
	for w := range strings.FieldsFuncSeq(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if len(words) == shingleWords {
			copy(words, words[1:])
			words = words[:shingleWords-1]
		}
		words = append(words, strings.ToLower(w))
		if len(words) < shingleWords {
			continue
		}
		h.Reset()
		h.Write([]byte(strings.Join(words, " ")))
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
	var fp uint64
	for b := range 64 {
		if v[b] > 0 {
			fp |= 1 << b
		}
	}
	return fp, n
}

func TestSimHashUnchanged(t *testing.T) {
	wire := mustRead(t, "testdata/story_wire.txt")
	for _, text := range []string{"", "one two", "Ünïcode ÉTÉ straße İstanbul ΑΒΓ 東京 wörds here", wire, syndicated(wire),
		strings.ToUpper(wire), mustRead(t, "testdata/story_other.txt"), "bad \xff utf8 \xc3 bytes in between words"} {
		gotFP, gotN := SimHash(text)
		wantFP, wantN := simHashReference(text)
		if gotFP != wantFP || gotN != wantN {
			t.Errorf("SimHash(%.30q) = %016x, %d; want %016x, %d", text, gotFP, gotN, wantFP, wantN)
		}
	}
}

func BenchmarkSimHash(b *testing.B) {
	wire := mustRead(b, "testdata/story_wire.txt")
	b.SetBytes(int64(len(wire)))
	b.ReportAllocs()
	for b.Loop() {
		SimHash(wire)
	}
}

// TestStoryBandsInTheirOwnKV keeps the band values apart from the fired KV (WithStoryBands), as the
// service does with an in-memory bucket: stories are found as before, the per-article story ids
// stay in the fired KV, and no band key is written there.
func TestStoryBandsInTheirOwnKV(t *testing.T) {
	ctx := context.Background()
	fired, bands := NewMemoryKV(), NewMemoryKV()
	m := NewMatcher(NewStore(NewMemoryKV()), fired, nil, WithStoryBands(bands))
	wire := mustRead(t, "testdata/story_wire.txt")
	for _, id := range []string{"orig", "copy"} {
		text := wire
		if id == "copy" {
			text = syndicated(wire)
		}
		if got, err := m.storyOf(ctx, id, text); err != nil || got != "orig" {
			t.Fatalf("storyOf(%s) = %q, %v; want orig", id, got, err)
		}
		if v, ok, _ := fired.Get(ctx, keyStoryOf+id); !ok || string(v) != "orig" {
			t.Errorf("fired KV: story of %s = %q, %v; want orig", id, v, ok)
		}
	}
	fp, _ := SimHash(wire)
	for i := range storyBands {
		if _, ok, _ := fired.Get(ctx, bandKey(i, fp)); ok {
			t.Errorf("band %d was written to the fired KV", i)
		}
		if raw, ok, _ := bands.Get(ctx, bandKey(i, fp)); !ok || len(raw) == 0 {
			t.Errorf("band %d is missing from the bands KV", i)
		}
	}
}
