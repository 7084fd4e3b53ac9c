package wordclass

import (
	_ "embed"
	"sync"
)

//go:embed data/works.tsv.gz
var worksGz []byte

// works is the set of work nouns (data/works.tsv.gz, built by tools/speakerlex/works.go): a map
// of some 370 keys, as the tagger asks it of many lower-case words.
var works = sync.OnceValue(func() map[string]bool { return unpack(worksGz, "work", 400).set() })

// Work reports whether a lower-case English noun's most frequent WordNet sense is a creative work,
// a publication or a law — a film, a novel, a song, an album, a documentary, a bill, a statute
// ("films", "novels": a plural is read under its singular) — so that a capitalised name it names
// is a title ("the documentary “13th”"). It allocates nothing.
func Work(w string) bool {
	set := works()
	if set[w] {
		return true
	}
	n := len(w)
	return n > 3 && w[n-1] == 's' && w[n-2] != 's' && set[w[:n-1]]
}
