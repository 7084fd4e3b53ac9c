package quote

import (
	"strings"

	"github.com/newsmon/newsmon/pkg/text"
)

// indirect finds reported speech in sentences that hold no direct quote:
//
//	"According to X, CONTENT." / "CONTENT, according to X."
//	"CONTENT, X said." / "CONTENT, said X."
//	"X said (on Monday) (that) CONTENT." / "X told reporters (that) CONTENT."
func (e *Extractor) indirect(d *doc, direct []found) []found {
	var out []found
	for _, sp := range text.SentencesOf(d.s, d.toks) {
		if overlapsDirect(sp, direct) || strings.ContainsAny(d.s[sp.Start:sp.End], "“”«»„\"") {
			continue
		}
		toks := d.tokensIn(sp.Start, sp.End)
		if len(toks) < 5 {
			continue
		}
		if q, ok := e.accordingTo(d, toks); ok {
			out = append(out, q)
		} else if q, ok := e.trailingCue(d, toks); ok {
			out = append(out, q)
		} else if q, ok := e.leadingCue(d, toks); ok {
			out = append(out, q)
		}
	}
	return out
}

func overlapsDirect(sp text.Span, qs []found) bool {
	for _, q := range qs {
		if q.openerAt < sp.End && q.closerAt > sp.Start {
			return true
		}
	}
	return false
}

// content trims punctuation from both ends of the token range [a, b) and returns its byte span.
func content(toks []text.Token, a, b int) (int, int, bool) {
	for a < b && !text.IsWord(toks[a].Text) {
		a++
	}
	for b > a && !text.IsWord(toks[b-1].Text) && toks[b-1].Text != ")" && toks[b-1].Text != "%" {
		b--
	}
	if b-a < 3 {
		return 0, 0, false
	}
	return toks[a].Start, toks[b-1].End, true
}

// accordingTo handles "According to X, CONTENT." and "CONTENT, according to X."
func (e *Extractor) accordingTo(d *doc, toks []text.Token) (found, bool) {
	for k := 0; k+1 < len(toks); k++ {
		if !strings.EqualFold(toks[k].Text, "according") || toks[k+1].Text != "to" {
			continue
		}
		q := found{cue: d.s[toks[k].Start:toks[k+1].End], cueStart: toks[k].Start, cueEnd: toks[k+1].End}
		var ok bool
		if k == 0 {
			comma := indexTok(toks, ",", k+2)
			if comma < 0 {
				return found{}, false
			}
			if q.start, q.end, ok = content(toks, comma+1, len(toks)); !ok {
				return found{}, false
			}
			e.speakerNear(d, &q, toks[:comma], k, toks[0].Start, toks[comma].Start)
		} else if toks[k-1].Text == "," {
			if q.start, q.end, ok = content(toks, 0, k-1); !ok {
				return found{}, false
			}
			e.speakerNear(d, &q, toks, k, toks[k].Start, toks[len(toks)-1].End)
		} else {
			return found{}, false
		}
		return q, true
	}
	return found{}, false
}

// datelineEnd skips a dateline ("WUXI, China — ") at the start of a sentence: it returns the index
// of the first token after the dash, or 0.
func datelineEnd(s string, toks []text.Token, limit int) int {
	if len(toks) == 0 || strings.ToUpper(toks[0].Text) != toks[0].Text || !text.IsWord(toks[0].Text) {
		return 0
	}
	for k := 1; k < limit && k < 8; k++ {
		if toks[k].Text == "—" || toks[k].Text == "–" || toks[k].Text == "--" {
			return k + 1
		}
	}
	return 0
}

func indexTok(toks []text.Token, w string, from int) int {
	for k := from; k < len(toks); k++ {
		if toks[k].Text == w {
			return k
		}
	}
	return -1
}

// trailingCue handles "CONTENT, X said (on Monday)." with the cue among the last tokens.
func (e *Extractor) trailingCue(d *doc, toks []text.Token) (found, bool) {
	n := len(toks)
	for k := n - 1; k >= 0 && n-k <= 8; k-- {
		cue, cEnd := e.cueAt(toks, k)
		if cue == "" {
			continue
		}
		comma := -1
		for j := k - 1; j >= 0 && k-j <= 6; j-- {
			if toks[j].Text == "," {
				comma = j
				break
			}
		}
		if comma < 0 {
			return found{}, false
		}
		// After the cue only a short tail ("on Monday") or the speaker's name ("said Zhang Wei, …")
		// may follow; anything longer is what was said ("Li Na, 34, …, said business was good").
		if after := n - 1 - (k + 1); after > 3 && !(k+1 < n && text.IsCapitalized(toks[k+1].Text)) {
			return found{}, false
		}
		q := found{cue: cue, cueStart: toks[k].Start, cueEnd: cEnd}
		var ok bool
		if q.start, q.end, ok = content(toks, datelineEnd(d.s, toks, comma), comma); !ok {
			return found{}, false
		}
		e.speakerNear(d, &q, toks, k, toks[comma].End, toks[n-1].End)
		return q, true
	}
	return found{}, false
}

// leadingCue handles "X said (that) CONTENT." where X is a name or pronoun before the cue.
func (e *Extractor) leadingCue(d *doc, toks []text.Token) (found, bool) {
	for k := 1; k < len(toks)-3; k++ {
		cue, cEnd := e.cueAt(toks, k)
		if cue == "" || cue == "according to" {
			continue
		}
		q := found{cue: cue, cueStart: toks[k].Start, cueEnd: cEnd}
		e.speakerNear(d, &q, toks[:k+1], k, toks[0].Start, toks[k].Start)
		if q.spk == nil && !q.pronoun {
			continue // "the plan said nothing": no one to attribute it to
		}
		from := k + 1
		// Skip the object and time adverbs up to "that" ("told reporters on Monday that …").
		if t := indexTok(toks[:min(len(toks), k+7)], "that", k+1); t >= 0 {
			from = t + 1
		} else if strings.EqualFold(cue, "told") {
			for from < len(toks) && (text.IsCapitalized(toks[from].Text) || toks[from].Text == "the" || toks[from].Text == "reporters") {
				from++
			}
		}
		var ok bool
		if q.start, q.end, ok = content(toks, from, len(toks)); !ok {
			return found{}, false
		}
		return q, true
	}
	return found{}, false
}
