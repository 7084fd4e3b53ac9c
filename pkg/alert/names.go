package alert

import (
	"fmt"
	"slices"
	"strings"

	"github.com/newsmon/newsmon/pkg/index"
)

// Vocabulary is what a rule's place, region and event-type conditions may name. A value outside it
// ("Jiansu", "protests") would be stored and never fire, so CheckNames refuses it and suggests the
// names it was probably meant to be. The caller builds it from the gazetteer and the event
// extractor's type set; alert depends on neither.
type Vocabulary struct {
	// KnownPlace reports whether a place or region value names a place: a name or alias, a GeoNames
	// id, a region code. nil: places and regions are not checked.
	KnownPlace func(v string) bool
	// NearPlaces returns known place names that may be what an unknown value meant (for instance
	// names sharing a prefix with it); CheckNames ranks them by edit distance. nil: no suggestions.
	NearPlaces func(v string) []string
	// EventTypes is the set event_type may name; empty: event types are not checked.
	EventTypes []string
}

// UnknownName is one value of a rule that names nothing known.
type UnknownName struct {
	Field       string   // "place", "region" or "event_type"
	Index       int      // position among the field's values
	Value       string   // as given
	Suggestions []string // closest known names, best first; may be empty
}

func (u UnknownName) Error() string {
	var what string
	switch u.Field {
	case "event_type":
		what = "is not an event type"
	default:
		what = "is not a place newsmon knows"
	}
	msg := fmt.Sprintf("%s %q %s", u.Field, u.Value, what)
	if len(u.Suggestions) > 0 {
		msg += "; did you mean " + orList(u.Suggestions) + "?"
	}
	return msg
}

// UnknownNamesError lists every unknown value of a rule.
type UnknownNamesError struct {
	Names []UnknownName
}

func (e *UnknownNamesError) Error() string {
	msgs := make([]string, len(e.Names))
	for i, n := range e.Names {
		msgs[i] = n.Error()
	}
	return strings.Join(msgs, "; ")
}

// Suggestions are the suggestions of every unknown value, in order, without repeats.
func (e *UnknownNamesError) Suggestions() []string {
	out := []string{}
	for _, n := range e.Names {
		for _, s := range n.Suggestions {
			if !slices.Contains(out, s) {
				out = append(out, s)
			}
		}
	}
	return out
}

// maxSuggestions bounds the suggestions for one value.
const maxSuggestions = 3

// CheckNames reports the rule's place, region and event-type values that name nothing in v, as an
// *UnknownNamesError, or nil. It does not look at anything else (Validate does).
func (r Rule) CheckNames(v Vocabulary) error {
	var unknown []UnknownName
	if v.KnownPlace != nil {
		for _, f := range []filter{{"place", r.Place}, {"region", r.Region}} {
			for i, val := range f.values {
				if strings.TrimSpace(val) == "" || v.KnownPlace(val) {
					continue
				}
				var near []string
				if v.NearPlaces != nil {
					near = v.NearPlaces(val)
				}
				unknown = append(unknown, UnknownName{Field: f.kind, Index: i, Value: val, Suggestions: Suggest(val, near, maxSuggestions)})
			}
		}
	}
	if len(v.EventTypes) > 0 {
		for i, val := range r.EventType {
			if slices.ContainsFunc(v.EventTypes, func(t string) bool { return index.Norm(t) == index.Norm(val) }) {
				continue
			}
			sugg := Suggest(val, v.EventTypes, maxSuggestions)
			if len(sugg) == 0 { // a short set: list it all rather than nothing
				sugg = slices.Clone(v.EventTypes)
			}
			unknown = append(unknown, UnknownName{Field: "event_type", Index: i, Value: val, Suggestions: sugg})
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	return &UnknownNamesError{Names: unknown}
}

// Suggest returns up to n candidates close to word, closest first (ties keep the candidates'
// order, so a caller listing the most populous places first gets those first): within an edit
// distance that grows with the word's length (1 up to 4 letters, then 1 per 4 letters), or
// starting with the word or being its start ("protests" → "protest"). Case is ignored.
func Suggest(word string, candidates []string, n int) []string {
	w := []rune(strings.ToLower(strings.TrimSpace(word)))
	if len(w) == 0 || n <= 0 {
		return nil
	}
	limit := max(1, len(w)/4)
	type scored struct {
		name string
		dist int
		pos  int
	}
	var hits []scored
	seen := map[string]bool{}
	for i, c := range candidates {
		lc := strings.ToLower(c)
		if seen[lc] {
			continue
		}
		seen[lc] = true
		cr := []rune(lc)
		d := editDistance(w, cr, limit+1)
		prefix := len(cr) >= 3 && len(w) >= 3 && (strings.HasPrefix(lc, string(w)) || strings.HasPrefix(string(w), lc))
		if d > limit && !prefix {
			continue
		}
		hits = append(hits, scored{c, d, i})
	}
	slices.SortStableFunc(hits, func(a, b scored) int { return a.dist - b.dist })
	out := make([]string, 0, min(n, len(hits)))
	for _, h := range hits[:min(n, len(hits))] {
		out = append(out, h.name)
	}
	return out
}

// editDistance is the optimal-string-alignment distance (insertions, deletions, substitutions and
// transpositions of neighbours), or bound when it is at least bound: most candidates are far, and
// the length difference alone rules them out.
func editDistance(a, b []rune, bound int) int {
	if d := len(a) - len(b); d >= bound || -d >= bound {
		return bound
	}
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		if rowMin >= bound {
			return bound
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(b)], bound)
}

// orList joins names as "A", "A or B", "A, B or C".
func orList(names []string) string {
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}
