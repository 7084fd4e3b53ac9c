package text

import "strings"

// Span is a byte range into a string, End exclusive.
type Span struct {
	Start, End int
}

// mayEndSentence are abbreviations that also commonly close a sentence ("… in the U.S. The …").
var mayEndSentence = map[string]bool{
	"Inc.": true, "Ltd.": true, "Corp.": true, "Co.": true, "Bros.": true, "etc.": true, "U.S.": true,
	"U.K.": true, "U.N.": true, "E.U.": true, "a.m.": true, "p.m.": true, "Jr.": true, "Sr.": true,
	"Plc.": true, "Bhd.": true, "D.C.": true,
}

// sentenceStarters are words that, capitalised after "Inc." or "U.S.", almost always open a sentence.
var sentenceStarters = map[string]bool{
	"The": true, "A": true, "An": true, "He": true, "She": true, "It": true, "They": true, "We": true,
	"I": true, "You": true, "But": true, "And": true, "In": true, "On": true, "At": true, "As": true,
	"This": true, "That": true, "These": true, "Those": true, "His": true, "Her": true, "Their": true,
	"Its": true, "Our": true, "After": true, "Before": true, "However": true, "Meanwhile": true,
	"There": true, "When": true, "While": true, "If": true, "For": true, "Last": true, "Earlier": true,
	"Officials": true, "Analysts": true, "Some": true, "Many": true, "So": true, "Yet": true,
}

// Sentences splits s into sentence spans (byte offsets, trimmed of surrounding space). A sentence
// ends at '.', '!', '?' or an ellipsis (plus any closing quotes or brackets) when the next word is
// not lower-case nor a comma or semicolon, and always at a paragraph break ("\n\n"). Abbreviations, initials and decimals
// never end a sentence, except "Inc.", "U.S." and the like when a typical sentence opener follows.
func Sentences(s string) []Span {
	return SentencesOf(s, Tokenize(s))
}

// SentencesOf is Sentences for callers that already tokenized s.
func SentencesOf(s string, toks []Token) []Span {
	var out []Span
	start := -1
	closeAt := func(end int) {
		if start >= 0 && end > start {
			out = append(out, Span{Start: start, End: end})
		}
		start = -1
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if start >= 0 && i > 0 && paragraphBreak(s[toks[i-1].End:t.Start]) {
			closeAt(toks[i-1].End)
		}
		if start < 0 {
			start = t.Start
		}
		if !endsSentence(toks, i) {
			continue
		}
		end := i
		for end+1 < len(toks) && toks[end+1].Start == toks[end].End && isCloser(toks[end+1].Text) {
			end++
		}
		if end+1 < len(toks) {
			next := toks[end+1].Text
			// A sentence goes on after a lower-case word, and after a comma or semicolon: no
			// sentence starts with one ("Corker, R-Tenn, and Graham" with an unknown abbreviation).
			if !paragraphBreak(s[toks[end].End:toks[end+1].Start]) && (startsLower(next) || next == "," || next == ";") {
				i = end
				continue
			}
		}
		closeAt(toks[end].End)
		i = end
	}
	if start >= 0 && len(toks) > 0 {
		closeAt(toks[len(toks)-1].End)
	}
	return out
}

func endsSentence(toks []Token, i int) bool {
	switch t := toks[i].Text; t {
	case ".", "!", "?", "...", "…":
		return true
	default:
		if !mayEndSentence[t] || i+1 >= len(toks) {
			return mayEndSentence[t] && i+1 >= len(toks)
		}
		return sentenceStarters[toks[i+1].Text]
	}
}

func isCloser(t string) bool {
	switch t {
	case "\"", "”", "’", "'", ")", "]", "»":
		return true
	}
	return false
}

func startsLower(t string) bool {
	if t == "" {
		return false
	}
	r, _ := decode(t, 0)
	return isLetter(r) && !isUpper(r)
}

// paragraphBreak reports whether the gap between two tokens holds a blank line.
func paragraphBreak(gap string) bool {
	return strings.Count(gap, "\n") >= 2
}
