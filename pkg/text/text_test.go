package text

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestRuneIndex(t *testing.T) {
	for _, s := range []string{"plain ascii", "Zürich – “Ü” 北京 😀 end", ""} {
		x := NewRuneIndex(s)
		r := 0
		for b := range s {
			if got := x.Rune(b); got != r {
				t.Errorf("%q: Rune(%d) = %d; want %d", s, b, got, r)
			}
			if got := x.Byte(r); got != b {
				t.Errorf("%q: Byte(%d) = %d; want %d", s, r, got, b)
			}
			r++
		}
		if got := x.Rune(len(s)); got != r {
			t.Errorf("%q: Rune(len) = %d; want %d", s, got, r)
		}
		if x.Len() != r {
			t.Errorf("%q: Len() = %d; want %d", s, x.Len(), r)
		}
	}
	// Every byte offset, inside code points too, against counting the runes before it.
	for _, s := range []string{"a\u00e9b\u4e2d\U0001F600c", "\u201cQuote\u201d \u2013 end\u2026", "\u00e9", "x\xffy\u00e9"} {
		x := NewRuneIndex(s)
		for b := 0; b <= len(s)+1; b++ {
			start := min(b, len(s))
			for start > 0 && start < len(s) && !utf8.RuneStart(s[start]) {
				start-- // inside a code point: its start
			}
			want := utf8.RuneCountInString(s[:start])
			if got := x.Rune(b); got != want {
				t.Errorf("%q: Rune(%d) = %d; want %d", s, b, got, want)
			}
		}
	}
	s := "北京 Beijing"
	x := NewRuneIndex(s)
	b := strings.Index(s, "Beijing")
	if got := SliceRunes(s, x.Rune(b), x.Rune(b+len("Beijing"))); got != "Beijing" {
		t.Errorf("SliceRunes = %q; want Beijing", got)
	}
	if got := x.Rune(1); got != 0 { // inside the first rune
		t.Errorf("Rune(1) = %d; want 0", got)
	}
}

func texts(toks []Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text
	}
	return out
}

func TestTokenize(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"Mr. Smith met Dr. Jones.", []string{"Mr.", "Smith", "met", "Dr.", "Jones", "."}},
		{"the U.S. and U.K. economies", []string{"the", "U.S.", "and", "U.K.", "economies"}},
		{"On Oct. 23, Acme Inc. said", []string{"On", "Oct.", "23", ",", "Acme", "Inc.", "said"}},
		{"J. R. R. Tolkien", []string{"J.", "R.", "R.", "Tolkien"}},
		{"it cost $1,234.56 today", []string{"it", "cost", "$", "1,234.56", "today"}},
		{"US$5 or €3.5bn or ¥100", []string{"US", "$", "5", "or", "€", "3.5bn", "or", "¥", "100"}},
		{"Jean-Pierre O'Brien don't", []string{"Jean-Pierre", "O'Brien", "don't"}},
		{"UAL Corp.'s unit and the U.S.'s allies, Co.'s", []string{"UAL", "Corp.'s", "unit", "and", "the", "U.S.'s", "allies", ",", "Co.'s"}},
		{"al-Assad’s COVID-19 plan", []string{"al-Assad’s", "COVID-19", "plan"}},
		{"$3-4 billion in 2023-10-23", []string{"$", "3", "-", "4", "billion", "in", "2023", "-", "10", "-", "23"}},
		{`“We will win,” she said — "maybe"...`, []string{"“", "We", "will", "win", ",", "”", "she", "said", "—", `"`, "maybe", `"`, "..."}},
		{"e.g. at 9 a.m. sharp", []string{"e.g.", "at", "9", "a.m.", "sharp"}},
		{"AT&T and S&P 500", []string{"AT&T", "and", "S&P", "500"}},
		{"1,23 and 12,3456", []string{"1", ",", "23", "and", "12", ",", "3456"}},
		{"Zürich’s 北京 banks.", []string{"Zürich’s", "北京", "banks", "."}},
		{"a.", []string{"a", "."}},
		{"Kim Jong-un met Tsai Ing-wen — briefly…", []string{"Kim", "Jong-un", "met", "Tsai", "Ing-wen", "—", "briefly", "…"}},
	} {
		toks := Tokenize(tc.in)
		if got := texts(toks); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Tokenize(%q) = %q; want %q", tc.in, got, tc.want)
		}
		for _, tok := range toks {
			if tc.in[tok.Start:tok.End] != tok.Text {
				t.Errorf("Tokenize(%q): token %q has span %d:%d", tc.in, tok.Text, tok.Start, tok.End)
			}
		}
	}
}

func TestSentences(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"Mr. Smith went to Washington. He met Dr. J. Doe there.",
			[]string{"Mr. Smith went to Washington.", "He met Dr. J. Doe there."}},
		{"Prices rose 3.5 percent. Oct. 23 was busy!  Really?",
			[]string{"Prices rose 3.5 percent.", "Oct. 23 was busy!", "Really?"}},
		{"He works for Acme Inc. The firm grew.", []string{"He works for Acme Inc.", "The firm grew."}},
		{"He works for Acme Inc. in Ohio.", []string{"He works for Acme Inc. in Ohio."}},
		{"the U.S. Army said.", []string{"the U.S. Army said."}},
		{"He lives in the U.S. But not for long.", []string{"He lives in the U.S.", "But not for long."}},
		{`"We will win." She said it.`, []string{`"We will win."`, "She said it."}},
		{"Headline without period\n\nFirst paragraph. Second one", []string{"Headline without period", "First paragraph.", "Second one"}},
		{"It was e.g. fine... and then not.", []string{"It was e.g. fine... and then not."}},
		{"“Stop.” Then", []string{"“Stop.”", "Then"}},
		// Party labels and plural titles (issue #19: a quote's speaker was cut off at "S.C.").
		{"Sens. Ann Lee, R-Tenn., and Bo Ray, D-S.C., voted no. Rep. Al Wu (R-N.C.) Tuesday agreed.",
			[]string{"Sens. Ann Lee, R-Tenn., and Bo Ray, D-S.C., voted no.", "Rep. Al Wu (R-N.C.) Tuesday agreed."}},
		// An abbreviation not listed ends nothing before a comma.
		{"Ann Lee, D-Haw., said so. Then", []string{"Ann Lee, D-Haw., said so.", "Then"}},
		{"", nil},
	} {
		var got []string
		for _, sp := range Sentences(tc.in) {
			got = append(got, tc.in[sp.Start:sp.End])
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Sentences(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}

func TestPredicates(t *testing.T) {
	if !IsCapitalized("Über") || IsCapitalized("über") || IsCapitalized("") {
		t.Error("IsCapitalized wrong")
	}
	if !IsNumber("1,234") || IsNumber("a1") {
		t.Error("IsNumber wrong")
	}
	if !IsWord("北京") || IsWord("$") {
		t.Error("IsWord wrong")
	}
	if !IsAbbreviation("Oct") || IsAbbreviation("said") {
		t.Error("IsAbbreviation wrong")
	}
}

var benchText = strings.Repeat("Cui Rongguo, Party secretary of Xinwu district, said on Oct. 23 that the U.S. firm "+
	"Acme Inc. would invest $1,234.56 million (about ¥9bn) in Wuxi. “We will win,” he said — O'Brien agreed.\n\n", 40)

func BenchmarkTokenize(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		Tokenize(benchText)
	}
}

func BenchmarkSentences(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		Sentences(benchText)
	}
}

func BenchmarkRuneIndex(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		x := NewRuneIndex(benchText)
		_ = x.Rune(len(benchText) / 2)
	}
}
