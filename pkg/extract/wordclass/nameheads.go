package wordclass

import (
	"strings"
	"sync"
)

// The noun list's fourth column, when a noun has one ("word\tspeaker\tflags\tnamehead"): what a
// capitalised name ending in the noun names, built by tools/speakerlex/nameheads.go and read by the
// tagger's document-level typing step (pkg/extract/ner).

// Name classes of NameHead: what a capitalised name that ends in the noun names.
const (
	Occasion     = 'e' // a gathering, contest, show, festival, election, war or award: "Dubai Air Show"
	Organisation = 'o' // a company, institution, party, agency or legislature: "Electoral Commission"
)

// NameHead returns the name class of a noun (Occasion, Organisation) by the first of its first
// four senses that has one — an organisation only when no place or building sense comes before it
// ("state", "house"), an occasion only when no programme sense does ("news", "series") — or 0.
// Case does not matter ("Summit" is "summit"). A plural the list does not hold is read under its
// singular ("awards", "games", "railways"); one it holds is read as itself ("affairs": matters, no
// social affair). It allocates nothing for ASCII words: the tagger asks it of every name.
func NameHead(w string) byte {
	heads := nameHeads()
	var buf [32]byte
	if len(w) > len(buf) {
		return 0 // no head noun is that long
	}
	n := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 0x80 {
			return 0 // the list's head nouns are ASCII
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[n] = c
		n++
	}
	lw := buf[:n]
	if c, ok := heads[string(lw)]; ok {
		return c
	}
	if n > 3 && lw[n-1] == 's' && lw[n-2] != 's' {
		if c := heads[string(lw[:n-1])]; c != 0 {
			return c
		}
		if n > 4 && lw[n-2] == 'e' && lw[n-3] == 'i' {
			buf[n-3] = 'y'
			return heads[string(buf[:n-2])]
		}
	}
	return 0
}

// nameHeads holds the fourth column for lookup by NameHead: every noun that has a name class, and
// every plural the list holds whose singular has one (with its own class, often none: "affairs").
var nameHeads = sync.OnceValue(func() map[string]byte {
	t := nouns()
	heads := map[string]byte{}
	for i := range t.lines {
		if h := headOf(t.rest(i)); h != 0 {
			heads[t.word(i)] = h
		}
	}
	for i := range t.lines {
		w := t.word(i)
		n := len(w)
		if n <= 3 || w[n-1] != 's' || w[n-2] == 's' {
			continue
		}
		if _, ok := heads[w]; ok {
			continue
		}
		if heads[w[:n-1]] != 0 || n > 4 && strings.HasSuffix(w, "ies") && heads[w[:n-3]+"y"] != 0 {
			heads[w] = headOf(t.rest(i)) // listed on its own: its own class, even none
		}
	}
	return heads
})

// headOf is the fourth column of a line's rest after its word ("speaker\tflags\thead"), or 0.
func headOf(rest string) byte {
	if k := strings.LastIndexByte(rest, '\t'); k >= 0 && k+1 < len(rest) && strings.Count(rest, "\t") == 2 {
		return rest[k+1]
	}
	return 0
}

// rest returns line i after its word and tab.
func (t *table) rest(i int) string {
	line := t.text[t.lines[i]:]
	if nl := strings.IndexByte(line, '\n'); nl >= 0 {
		line = line[:nl]
	}
	return line[strings.IndexByte(line, '\t')+1:]
}
