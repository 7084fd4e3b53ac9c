package text

import (
	"testing"
	"unicode/utf8"
)

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{benchText[:300], "U.S.-China", "$3-4bn", "a.b.c.", "“”\"''", "\xff\xfe", "1,2,3,456.7.8"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, tok := range Tokenize(s) {
			if tok.Start < prev || tok.End <= tok.Start || tok.End > len(s) || s[tok.Start:tok.End] != tok.Text {
				t.Fatalf("bad token %+v after %d in %q", tok, prev, s)
			}
			prev = tok.End
		}
		prev = 0
		for _, sp := range Sentences(s) {
			if sp.Start < prev || sp.End <= sp.Start || sp.End > len(s) {
				t.Fatalf("bad sentence %+v after %d in %q", sp, prev, s)
			}
			prev = sp.End
		}
		x := NewRuneIndex(s)
		if x.Rune(len(s)) != utf8.RuneCountInString(s) {
			t.Fatalf("Rune(len) = %d; want %d", x.Rune(len(s)), utf8.RuneCountInString(s))
		}
	})
}
