package article

import "strings"

// keywordMatcher tests class/id strings for keywords: substrings anywhere, and short words
// that must stand alone between spaces, "_" or "-" ("nav" but not "canvas"). It does the
// job of a regexp alternation at a fraction of the cost; every element of every page is
// tested against several of them.
type keywordMatcher struct {
	substrings []string
	words      map[string]bool
}

func newKeywordMatcher(substrings string, words string) keywordMatcher {
	m := keywordMatcher{substrings: strings.Fields(substrings), words: map[string]bool{}}
	for _, w := range strings.Fields(words) {
		m.words[w] = true
	}
	return m
}

// MatchString reports whether s (lower-cased) holds one of the keywords.
func (m keywordMatcher) MatchString(s string) bool {
	if strings.TrimSpace(s) == "" {
		return false
	}
	for _, sub := range m.substrings {
		if strings.Contains(s, sub) {
			return true
		}
	}
	if len(m.words) == 0 {
		return false
	}
	for len(s) > 0 {
		i := strings.IndexAny(s, " \t\n\r_-")
		w := s
		if i >= 0 {
			w, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		if w != "" && m.words[w] {
			return true
		}
	}
	return false
}
