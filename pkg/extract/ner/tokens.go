package ner

import (
	"strings"

	"github.com/newsmon/newsmon/pkg/text"
)

// clitics are the endings the Penn Treebank (and so both training corpora) splits off a word.
var clitics = []string{"n't", "n’t", "'s", "’s", "'S", "’S", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m"}

// Tokens tokenizes s like the training corpora: pkg/text's tokens, with clitics split off as their
// own tokens ("China's" → "China" "'s", "don't" → "do" "n't"). Offsets are bytes into s.
func Tokens(s string) []text.Token {
	toks := text.Tokenize(s)
	n := 0
	for _, t := range toks {
		if cliticAt(t.Text) > 0 {
			n++
		}
	}
	if n == 0 {
		return toks
	}
	out := make([]text.Token, 0, len(toks)+n)
	for _, t := range toks {
		if k := cliticAt(t.Text); k > 0 {
			out = append(out, text.Token{Text: t.Text[:k], Start: t.Start, End: t.Start + k},
				text.Token{Text: t.Text[k:], Start: t.Start + k, End: t.End})
			continue
		}
		out = append(out, t)
	}
	return out
}

// cliticAt returns the byte index where a clitic ending of w starts, or 0.
func cliticAt(w string) int {
	if len(w) < 3 {
		return 0
	}
	for _, c := range clitics {
		if len(w) > len(c) && strings.HasSuffix(w, c) {
			k := len(w) - len(c)
			// "don't" splits as "do" + "n't"; the stem must hold a letter.
			if text.IsWord(w[:k]) {
				return k
			}
		}
	}
	return 0
}
