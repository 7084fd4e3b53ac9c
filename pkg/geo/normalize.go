package geo

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// foldSpecial spells out letters that Unicode decomposition does not reduce to ASCII.
var foldSpecial = map[rune]string{
	'ß': "ss", 'ø': "o", 'æ': "ae", 'œ': "oe", 'đ': "d", 'ł': "l", 'ı': "i", 'ð': "d", 'þ': "th",
}

// Key is how names are compared: lower case, diacritics removed ("São" = "Sao"), dots and commas
// dropped ("U.S." = "US"), hyphens, slashes and runs of spaces turned into one space, typographic
// apostrophes made plain, and a leading "the " removed ("the Netherlands" = "Netherlands").
func Key(name string) string {
	var b strings.Builder
	b.Grow(len(name))
	space := true // drop leading spaces
	emit := func(r rune) {
		switch {
		case r == '.' || r == ',' || r == '"' || r == '(' || r == ')':
			return
		case r == '-' || r == '‐' || r == '–' || r == '—' || r == '/' || r == '_' || unicode.IsSpace(r):
			if !space {
				b.WriteByte(' ')
				space = true
			}
			return
		case r == '’' || r == '‘' || r == 'ʻ' || r == 'ʼ' || r == '`':
			r = '\''
		}
		space = false
		b.WriteRune(r)
	}
	if isASCII(name) {
		for i := 0; i < len(name); i++ {
			c := name[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			emit(rune(c))
		}
	} else {
		for _, r := range norm.NFD.String(name) {
			if unicode.Is(unicode.Mn, r) {
				continue
			}
			r = unicode.ToLower(r)
			if s, ok := foldSpecial[r]; ok {
				for _, x := range s {
					emit(x)
				}
				continue
			}
			emit(r)
		}
	}
	k := strings.TrimSuffix(b.String(), " ")
	if strings.HasPrefix(k, "the ") {
		k = k[len("the "):]
	}
	return k
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
