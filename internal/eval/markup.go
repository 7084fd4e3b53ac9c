package eval

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Marked is one [[text|field|…]] span of a test sentence written in markup: its text, its
// code-point offsets in the plain sentence, and the fields after the text.
type Marked struct {
	Text       string
	Start, End int
	Fields     []string
}

// ParseMarkup turns a sentence with [[text|field|…]] spans into the plain sentence and its spans,
// so our own test sets stay readable and their expected offsets are computed, never typed.
func ParseMarkup(s string) (string, []Marked, error) {
	var plain strings.Builder
	var spans []Marked
	for {
		a := strings.Index(s, "[[")
		if a < 0 {
			plain.WriteString(s)
			return plain.String(), spans, nil
		}
		b := strings.Index(s[a:], "]]")
		if b < 0 {
			return "", nil, fmt.Errorf("unclosed [[ in %q", s)
		}
		plain.WriteString(s[:a])
		parts := strings.Split(s[a+2:a+b], "|")
		start := utf8.RuneCountInString(plain.String())
		plain.WriteString(parts[0])
		spans = append(spans, Marked{Text: parts[0], Start: start, End: start + utf8.RuneCountInString(parts[0]), Fields: parts[1:]})
		s = s[a+b+2:]
	}
}
