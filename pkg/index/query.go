package index

import (
	"fmt"
	"strings"
	"time"
	"unicode"
)

// TextQuery is a user's full-text query (Query.Text) parsed into parts both backends translate the
// same way: every group in Must has to match (a group matches when any of its alternatives does,
// in title, text or quotes), and no term in Not may match.
type TextQuery struct {
	Must [][]TextTerm
	Not  []TextTerm
}

// TextTerm is one word or phrase of a TextQuery; the backend analyses Text like the indexed fields.
type TextTerm struct {
	Text   string
	Phrase bool // was "quoted": the words must appear together, in order
}

// Empty reports whether the query asks for nothing (no required and no excluded terms).
func (q TextQuery) Empty() bool { return len(q.Must) == 0 && len(q.Not) == 0 }

// ParseText parses the small query syntax users type into the search box. It never fails: any
// input is a valid query, so user syntax cannot make a search error out.
//
//	word other       both words must match (each in title, text or quotes)
//	"a phrase"       the words in this order (an unterminated quote runs to the end)
//	-word -"phrase"  must not match
//	a OR b, a | b    either (OR binds the terms next to it: a b OR c = a AND (b OR c))
//	+word, AND       accepted and ignored (required is the default)
//
// Everything else (colons, brackets, wildcards, boosts) is plain text for the analyser.
func ParseText(s string) TextQuery {
	var q TextQuery
	joinNext := false // the previous token was OR
	for _, tok := range tokenize(s) {
		if !tok.phrase && (tok.text == "OR" || tok.text == "|") {
			joinNext = len(q.Must) > 0
			continue
		}
		if !tok.phrase && tok.text == "AND" {
			continue
		}
		t := TextTerm{Text: tok.text, Phrase: tok.phrase}
		switch {
		case tok.not:
			q.Not = append(q.Not, t)
		case joinNext:
			last := len(q.Must) - 1
			q.Must[last] = append(q.Must[last], t)
		default:
			q.Must = append(q.Must, []TextTerm{t})
		}
		joinNext = false
	}
	return q
}

type textToken struct {
	text        string
	phrase, not bool
}

// tokenize splits s on white space, keeping "quoted phrases" together and noting - and + prefixes.
func tokenize(s string) []textToken {
	var out []textToken
	rs := []rune(s)
	for i := 0; i < len(rs); {
		if unicode.IsSpace(rs[i]) {
			i++
			continue
		}
		not := false
		for i < len(rs) && (rs[i] == '-' || rs[i] == '+') {
			not = not || rs[i] == '-'
			i++
		}
		if i < len(rs) && rs[i] == '"' {
			end := i + 1
			for end < len(rs) && rs[end] != '"' {
				end++
			}
			if p := strings.TrimSpace(string(rs[i+1 : end])); p != "" {
				out = append(out, textToken{text: p, phrase: true, not: not})
			}
			i = end + 1
			continue
		}
		start := i
		for i < len(rs) && !unicode.IsSpace(rs[i]) && rs[i] != '"' {
			i++
		}
		if w := string(rs[start:i]); w != "" {
			out = append(out, textToken{text: w, not: not})
		}
	}
	return out
}

// Timeline intervals accepted in Query.Interval.
const (
	IntervalDay   = "day"
	IntervalWeek  = "week"
	IntervalMonth = "month"
)

// BucketKey returns the key of the timeline bucket holding t: the UTC date ("2006-01-02") of the
// day, of the Monday starting the ISO week, or of the first day of the month. Both backends bucket
// in UTC so that the same article lands in the same bucket everywhere.
func BucketKey(t time.Time, interval string) (string, error) {
	t = t.UTC()
	day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	switch interval {
	case IntervalDay:
	case IntervalWeek:
		day = day.AddDate(0, 0, -((int(day.Weekday()) + 6) % 7)) // back to Monday
	case IntervalMonth:
		day = time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	default:
		return "", fmt.Errorf("timeline interval %q: want day, week or month", interval)
	}
	return day.Format(time.DateOnly), nil
}
