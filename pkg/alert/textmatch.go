package alert

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/index"
	"github.com/newsmon/newsmon/pkg/text"
)

// A rule's text condition read against an article the way the index reads it: whole words,
// phrases as consecutive words, and the occurrences that are its evidence.

// textMentions finds the occurrences of the query's required terms in the article's text and
// returns them with the count of the least frequent required group (title occurrences count too).
func textMentions(q index.TextQuery, a *article.Article) ([]Mention, int) {
	body := spans(a.Text)
	title := text.LowerWords(a.Title)
	var ms []Mention
	least := -1
	for _, group := range q.Must {
		n := 0
		for _, t := range group {
			seq := text.LowerWords(t.Text)
			if len(seq) == 0 {
				continue
			}
			for i := 0; i+len(seq) <= len(body); i++ {
				if equalWords(body[i:i+len(seq)], seq) {
					n++
					start, end := body[i].start, body[i+len(seq)-1].end
					ms = append(ms, Mention{Kind: "text", Value: t.Text, Text: substr(a.Text, start, end), Start: start, End: end})
				}
			}
			if c := countSeq(title, seq); c > 0 {
				n += c
				ms = append(ms, Mention{Kind: "text", Value: t.Text, Text: t.Text, Start: -1, End: -1})
			}
		}
		if least < 0 || n < least {
			least = n
		}
	}
	return ms, max(least, 0)
}

// word is a token of spans: lower-cased, with code-point offsets.
type word struct {
	text       string
	start, end int
}

// spans tokenizes like tokenize, keeping each word's code-point offsets.
func spans(s string) []word {
	var out []word
	pos, start := 0, -1
	var b strings.Builder
	flush := func(end int) {
		if start >= 0 {
			out = append(out, word{b.String(), start, end})
			b.Reset()
			start = -1
		}
	}
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = pos
			}
			b.WriteString(strings.ToLower(string(r)))
		} else {
			flush(pos)
		}
		pos++
	}
	flush(pos)
	return out
}

func equalWords(ws []word, seq []string) bool {
	for i, w := range ws {
		if w.text != seq[i] {
			return false
		}
	}
	return true
}

func countSeq(words, seq []string) int {
	n := 0
	for i := 0; i+len(seq) <= len(words); i++ {
		if slices.Equal(words[i:i+len(seq)], seq) {
			n++
		}
	}
	return n
}

// substr returns the code points [start, end) of s.
func substr(s string, start, end int) string {
	i, bStart, bEnd := 0, len(s), len(s)
	for b := range s {
		if i == start {
			bStart = b
		}
		if i == end {
			bEnd = b
			break
		}
		i++
	}
	if bStart > bEnd || !utf8.ValidString(s[bStart:bEnd]) {
		return ""
	}
	return s[bStart:bEnd]
}

// MatchText reports whether s satisfies the parsed query the way the index reads it (see
// index.ParseText): every Must group has an alternative that occurs, no Not term occurs. Words are
// compared whole and case-insensitively; a phrase (or a term like "hi-tech") must occur as
// consecutive words. Unlike the index there is no stemming: "chip" does not match "chips".
func MatchText(q index.TextQuery, s string) bool {
	words := text.LowerWords(s)
	occurs := func(t index.TextTerm) bool {
		seq := text.LowerWords(t.Text)
		return len(seq) > 0 && containsSeq(words, seq)
	}
	for _, group := range q.Must {
		found := false
		for _, t := range group {
			if occurs(t) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	for _, t := range q.Not {
		if occurs(t) {
			return false
		}
	}
	return true
}

func containsSeq(words, seq []string) bool {
outer:
	for i := 0; i+len(seq) <= len(words); i++ {
		for j, w := range seq {
			if words[i+j] != w {
				continue outer
			}
		}
		return true
	}
	return false
}
