package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is one word, number or punctuation mark. Start and End are byte offsets into the tokenized
// string (End exclusive) and Text is s[Start:End], a substring that shares s's memory.
type Token struct {
	Text       string
	Start, End int
}

// englishAbbreviations end with a period that belongs to the word, not to the sentence.
var englishAbbreviations = map[string]bool{
	"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "Prof": true, "Sr": true, "Jr": true, "St": true,
	"Mt": true, "Ft": true, "Gen": true, "Col": true, "Lt": true, "Sgt": true, "Capt": true, "Cmdr": true,
	"Maj": true, "Adm": true, "Gov": true, "Sen": true, "Rep": true, "Rev": true, "Hon": true, "Pres": true,
	"Supt": true, "Insp": true, "Inc": true, "Ltd": true, "Corp": true, "Co": true, "Bros": true, "Cos": true,
	"Jan": true, "Feb": true, "Mar": true, "Apr": true, "Jun": true, "Jul": true, "Aug": true, "Sep": true,
	"Sept": true, "Oct": true, "Nov": true, "Dec": true, "Mon": true, "Tue": true, "Tues": true, "Wed": true,
	"Thu": true, "Thur": true, "Thurs": true, "Fri": true, "Sat": true, "vs": true, "etc": true, "Ave": true,
	"Blvd": true, "Rd": true, "Dept": true, "Univ": true, "approx": true, "est": true, "No": true, "Nos": true,
	"Vol": true, "Fig": true, "cf": true, "Messrs": true, "Mme": true, "Mlle": true, "Bhd": true, "Pty": true,
	"Plc": true, "Rs": true, "Cie": true, "Sens": true, "Reps": true, "Govs": true, "Drs": true,
	"Profs": true, "Gens": true,
	// US states as news datelines write them ("Arnold, Calif., said"); Miss., Wash. and the like
	// only count with their period.
	"Ala": true, "Ariz": true, "Ark": true, "Calif": true, "Colo": true, "Conn": true, "Del": true,
	"Fla": true, "Ga": true, "Ill": true, "Ind": true, "Kan": true, "Ky": true, "La": true, "Md": true,
	"Mass": true, "Mich": true, "Minn": true, "Miss": true, "Mo": true, "Mont": true, "Neb": true,
	"Nev": true, "Okla": true, "Ore": true, "Pa": true, "Tenn": true, "Tex": true, "Va": true, "Vt": true,
	"Wash": true, "Wis": true, "Wyo": true,
}

// IsAbbreviation reports whether word (without its period) is a known abbreviation such as "Mr" or "Oct".
func IsAbbreviation(word string) bool { return English.abbreviations[word] }

// Tokenize splits s into tokens. Words keep internal apostrophes (O'Brien, don't, China's) and
// hyphens (Jean-Pierre, al-Assad, COVID-19); numbers keep decimal points and thousands groups
// (1,234.56); abbreviations and initials keep their period (Mr., Oct., J., U.S., e.g.); currency
// symbols, quotes, dashes and other punctuation are tokens of their own ("..." and "--" stay whole).
// A hyphen between two digits splits ("3-4" → 3, -, 4) so ranges and ISO dates stay parseable.
func Tokenize(s string) []Token {
	abbreviations := English.abbreviations
	toks := make([]Token, 0, len(s)/5+1)
	for i := 0; i < len(s); {
		r, size := decode(s, i)
		switch {
		case isSpace(r):
			i += size
			continue
		case isWordRune(r):
			end := scanWord(s, i, abbreviations)
			toks = append(toks, Token{Text: s[i:end], Start: i, End: end})
			i = end
			continue
		}
		end := i + size
		switch {
		case r == '.' && hasPrefixAt(s, i, "..."):
			end = i + 3
		case r == '-' && hasPrefixAt(s, i, "--"):
			end = i + 2
		}
		toks = append(toks, Token{Text: s[i:end], Start: i, End: end})
		i = end
	}
	return toks
}

// possessive extends a word that ends with its abbreviation's period over a possessive "'s"
// ("Corp.'s", "U.S.'s"), as words without a period keep theirs ("China's").
func possessive(s string, end int) int {
	for _, p := range []string{"'s", "’s", "'S", "’S"} {
		if strings.HasPrefix(s[end:], p) {
			if r, _ := utf8.DecodeRuneInString(s[end+len(p):]); !isWordRune(r) {
				return end + len(p)
			}
		}
	}
	return end
}

// scanWord returns the end of the word or number that starts at i; a word in abbreviations keeps
// its period.
func scanWord(s string, i int, abbreviations map[string]bool) int {
	start := i
	segStart := i  // start of the current dot-separated segment ("U" in "U.S")
	dotted := true // every segment so far is a single letter: U.S, e.g
	segments := 0  // dot-separated segments seen
	for i < len(s) {
		r, size := decode(s, i)
		if isWordRune(r) {
			i += size
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(s[start:i])
		next, nsize := rune(-1), 0
		if i+size < len(s) {
			next, nsize = decode(s, i+size)
		}
		switch r {
		case '.':
			if isDigit(prev) && isDigit(next) { // 3.5
				i += size
				continue
			}
			seg := s[segStart:i]
			single := utf8.RuneCountInString(seg) == 1 && unicode.IsLetter(prev)
			if single && dotted {
				segments++
				// U.S. / e.g. / a.m.: keep going while letter-dot pairs follow.
				if isLetter(next) && i+size+nsize < len(s) && s[i+size+nsize] == '.' {
					i += size
					segStart = i
					continue
				}
				if segments > 1 || unicode.IsUpper(prev) { // "U.S." or the initial "J."
					return possessive(s, i+size)
				}
				return i
			}
			if segments == 0 && (abbreviations[s[start:i]] || abbreviations[s[segStart:i]]) {
				return possessive(s, i+size)
			}
			return i
		case ',':
			// 1,234: a comma followed by exactly three digits continues a number.
			if isDigit(prev) && isDigit(next) && threeDigits(s, i+1) {
				i += size
				dotted = false
				continue
			}
			return i
		case '\'', '’':
			if isLetter(prev) && isLetter(next) {
				i += size
				dotted = false
				continue
			}
			return i
		case '-', '‐', '‑':
			if isWordRune(prev) && isWordRune(next) && !(isDigit(prev) && isDigit(next)) {
				// The part after a hyphen is read as a word of its own for its period: a party
				// label's state ("R-Tenn.", "D-S.C.") keeps it as the state alone would.
				i += size
				segStart, dotted, segments = i, true, 0
				continue
			}
			return i
		case '&':
			if isUpper(prev) && isUpper(next) { // AT&T, S&P
				i += size
				dotted = false
				continue
			}
			return i
		default:
			return i
		}
	}
	return i
}

func threeDigits(s string, i int) bool {
	if i+3 > len(s) {
		return false
	}
	for j := i; j < i+3; j++ {
		if s[j] < '0' || s[j] > '9' {
			return false
		}
	}
	return i+3 == len(s) || s[i+3] < '0' || s[i+3] > '9'
}

func hasPrefixAt(s string, i int, p string) bool {
	return len(s)-i >= len(p) && s[i:i+len(p)] == p
}

// decode is utf8.DecodeRuneInString with an ASCII fast path.
func decode(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\f' || r == '\v'
	}
	return unicode.IsSpace(r)
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z')
	}
	return unicode.IsLetter(r)
}

func isUpper(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'A' && r <= 'Z'
	}
	return unicode.IsUpper(r)
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isLetter(r) || isDigit(r)
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// IsCapitalized reports whether the word starts with an upper-case letter ("Bank", "U.S.", "McDonald").
func IsCapitalized(word string) bool {
	if word == "" {
		return false
	}
	r, _ := decode(word, 0)
	return isUpper(r)
}

// IsWord reports whether the token is a word or number rather than punctuation or a symbol.
func IsWord(word string) bool {
	if word == "" {
		return false
	}
	r, _ := decode(word, 0)
	return isWordRune(r)
}

// IsNumber reports whether the token starts with a digit ("2023", "1,234.56", "5m").
func IsNumber(word string) bool {
	return word != "" && word[0] >= '0' && word[0] <= '9'
}

// LowerWords lower-cases s and splits it into runs of letters and digits: the words a plain
// text match compares (alert rules' text, a quote's speaker against a filter), without the
// Tokenizer's care for abbreviations and numbers.
func LowerWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}
