package wordclass

import (
	_ "embed"
	"sync"
)

//go:embed data/verbs.tsv.gz
var verbsGz []byte

// verbList is the list of communication verbs: the table, and its words as a set for the lookups
// that need no suffix (a map of 1,100 keys; the quote extractor asks for most tokens of a sentence).
type verbList struct {
	t   *table
	set map[string]bool
}

// verbs is the list, unpacked once, on first use, and read-only after.
var verbs = sync.OnceValue(func() verbList {
	t := unpack(verbsGz, "verb", 1200)
	return verbList{t: t, set: t.set()}
})

// Communication reports whether a lower-case English verb form ("accused", "cites", "criticising")
// is of a verb whose most frequent sense WordNet files under verb.communication: a verb that
// reports words. Inflected forms are read under their lemma by the regular rules (-s, -es, -ies,
// -ed, -d, -ied, -ing, a doubled final consonant); irregular forms ("said", "told") are not
// looked up. It allocates nothing.
func Communication(w string) bool {
	v := verbs()
	has := func(stem, suffix string) bool {
		if suffix == "" {
			return v.set[stem]
		}
		return stem != "" && v.t.line(stem, suffix) != ""
	}
	n := len(w)
	switch {
	case n < 3:
		return false
	case has(w, ""):
		return true
	case n > 4 && w[n-3:] == "ies":
		return has(w[:n-3], "y")
	case n > 4 && w[n-3:] == "ied":
		return has(w[:n-3], "y")
	case n > 3 && w[n-2:] == "es" && has(w[:n-2], ""):
		return true // "echoes"; "urges" falls through to the -s rule
	case w[n-1] == 's' && w[n-2] != 's':
		return has(w[:n-1], "")
	case n > 4 && w[n-2:] == "ed":
		return has(w[:n-2], "") || has(w[:n-1], "") || doubled(w[:n-2]) && has(w[:n-3], "")
	case n > 5 && w[n-3:] == "ing":
		return has(w[:n-3], "") || has(w[:n-3], "e") || doubled(w[:n-3]) && has(w[:n-4], "")
	}
	return false
}

// doubled reports whether a stem ends in a doubled consonant ("referr" of "referred").
func doubled(s string) bool {
	n := len(s)
	return n > 2 && s[n-1] == s[n-2] && !vowel(s[n-1])
}

func vowel(c byte) bool { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' }
