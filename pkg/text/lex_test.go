package text

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// lexemes renders the lexemes of s as "kind:text", with "_" before one after a space and "¶"
// before one after a line break.
func lexemes(s string, opts LexOptions) []string {
	var out []string
	lx := NewLexer(s, opts)
	var chunk [3]Lexeme // small, so that reading resumes between chunks
	for n := lx.Read(chunk[:]); n > 0; n = lx.Read(chunk[:]) {
		for _, l := range chunk[:n] {
			gap := ""
			switch {
			case l.Break:
				gap = "¶"
			case l.Space:
				gap = "_"
			}
			out = append(out, fmt.Sprintf("%s%c:%s", gap, "?NWSP"[l.Kind], s[l.Start:l.End]))
		}
	}
	return out
}

func TestLexer(t *testing.T) {
	t.Parallel()
	money := LexOptions{Language: English, NumberMarks: true, HanWords: true, LoneMarks: true, Symbols: true}
	for _, tc := range []struct {
		name string
		in   string
		opts LexOptions
		want string
	}{
		{"plain", "US$1,234.56 in 2023", LexOptions{}, "W:US P:$ N:1 P:, N:234 P:. N:56 _W:in _N:2023"},
		{"number marks and symbols", "US$1,234.56 in 2023", money, "W:US S:$ N:1,234.56 _W:in _N:2023"},
		{"decimal comma", "€3,5 Mio.", money, "S:€ N:3,5 _W:Mio P:."},
		{"a mark only ends a number between digits", "1,,2 3. 4,", money, "N:1 P:, P:, N:2 _N:3 P:. _N:4 P:,"},
		{"han runs", "上海市 3月", LexOptions{}, "W:上海市 _N:3 W:月"},
		{"han characters", "上海市 3月", money, "W:上 W:海 W:市 _N:3 W:月"},
		{"unicode words", "Zürich’s café", LexOptions{}, "W:Zürich P:’ W:s _W:café"},
		{"lone mark", "\u0301a b", LexOptions{}, "P:\u0301 W:a _W:b"},
		{"lone mark as word", "\u0301a b", money, "W:\u0301a _W:b"},
		{"spaces and breaks", "a\u00a0b\u2009c\n d\u2028e \r\n f", LexOptions{}, "W:a _W:b _W:c ¶W:d ¶W:e ¶W:f"},
		{"empty", "", money, ""},
		{"only space", " \n ", money, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := strings.Join(lexemes(tc.in, tc.opts), " ")
			if got != tc.want {
				t.Errorf("lexemes(%q) =\n %s\nwant\n %s", tc.in, got, tc.want)
			}
		})
	}
}

type pair struct {
	start, end int32
	kind       uint8
}

func setPair(p *pair, l *Lexeme) { *p = pair{l.Start, l.End, uint8(l.Kind)} }

// appendPairs is how a caller of Read keeps its own token type.
func appendPairs(dst []pair, s string, opts LexOptions) []pair {
	var chunk [128]Lexeme
	lx := NewLexer(s, opts)
	for n := lx.Read(chunk[:]); n > 0; n = lx.Read(chunk[:]) {
		dst = AppendConverted(dst, chunk[:n], setPair)
	}
	return dst
}

func TestAppendConverted(t *testing.T) { // not parallel: AllocsPerRun
	s := strings.Repeat("Acme paid $5 ", 100) // more lexemes than one chunk holds
	got := appendPairs([]pair{{-1, -1, 0}}, s, LexOptions{Symbols: true})
	want := []pair{{-1, -1, 0}}
	lx := NewLexer(s, LexOptions{Symbols: true})
	var one [1]Lexeme
	for lx.Read(one[:]) == 1 {
		want = append(want, pair{one[0].Start, one[0].End, uint8(one[0].Kind)})
	}
	if len(got) != 401 || !reflect.DeepEqual(got, want) {
		t.Errorf("got %d lexemes, differing from Read's %d one at a time", len(got), len(want))
	}
	if raceEnabled {
		return
	}
	buf := make([]pair, 0, 500)
	if allocs := testing.AllocsPerRun(20, func() { appendPairs(buf[:0], s, LexOptions{}) }); allocs != 0 {
		t.Errorf("reading into a large enough slice allocates %v times", allocs)
	}
}

func BenchmarkLexer(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	var chunk [128]Lexeme
	for b.Loop() {
		lx := NewLexer(benchText, LexOptions{NumberMarks: true, HanWords: true, Symbols: true})
		for lx.Read(chunk[:]) > 0 {
		}
	}
}

func TestLexerGroupsByLanguage(t *testing.T) {
	for _, tt := range []struct {
		lang *Language
		in   string
		want []string
	}{
		{French, "1 234 567,8 euros", []string{"1 234 567,8", "euros"}},
		{French, "12\u202f500 manifestants", []string{"12\u202f500", "manifestants"}},
		{French, "en 2024 500 personnes", []string{"en", "2024", "500", "personnes"}},
		{French, "le 3 1000", []string{"le", "3", "1000"}},
		{German, "CHF 1’234.50", []string{"CHF", "1’234.50"}},
		{English, "1 234 dollars", []string{"1", "234", "dollars"}},
		{Spanish, "1 234", []string{"1", "234"}},
	} {
		lx := NewLexer(tt.in, LexOptions{Language: tt.lang, NumberMarks: true})
		var buf [16]Lexeme
		n := lx.Read(buf[:])
		var got []string
		for _, l := range buf[:n] {
			got = append(got, tt.in[l.Start:l.End])
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s %q: %q; want %q", tt.lang.Tag, tt.in, got, tt.want)
		}
	}
}

func TestLanguageFor(t *testing.T) {
	for tag, want := range map[string]*Language{"": English, "en": English, "es": Spanish, "pt-BR": Portuguese,
		"zh-Hant": Chinese, "ZH_tw": Chinese, "ru": nil} {
		if got := LanguageFor(tag); got != want {
			t.Errorf("LanguageFor(%q) = %v; want %v", tag, got, want)
		}
	}
}
