package index_test

import (
	"reflect"
	"testing"
	"time"

	"github.com/newsmon/newsmon/pkg/index"
)

func TestParseText(t *testing.T) {
	t.Parallel()
	w := func(s string) index.TextTerm { return index.TextTerm{Text: s} }
	p := func(s string) index.TextTerm { return index.TextTerm{Text: s, Phrase: true} }
	for in, want := range map[string]index.TextQuery{
		"":                         {},
		"  ":                       {},
		"battery":                  {Must: [][]index.TextTerm{{w("battery")}}},
		"battery park":             {Must: [][]index.TextTerm{{w("battery")}, {w("park")}}},
		`"climate summit" Nairobi`: {Must: [][]index.TextTerm{{p("climate summit")}, {w("Nairobi")}}},
		`battery -lithium`:         {Must: [][]index.TextTerm{{w("battery")}}, Not: []index.TextTerm{w("lithium")}},
		`-"electric SUV"`:          {Not: []index.TextTerm{p("electric SUV")}},
		`a b OR c`:                 {Must: [][]index.TextTerm{{w("a")}, {w("b"), w("c")}}},
		`a | b | c`:                {Must: [][]index.TextTerm{{w("a"), w("b"), w("c")}}},
		`OR a OR`:                  {Must: [][]index.TextTerm{{w("a")}}},
		`+a AND b`:                 {Must: [][]index.TextTerm{{w("a")}, {w("b")}}},
		`"unterminated phrase`:     {Must: [][]index.TextTerm{{p("unterminated phrase")}}},
		`"" - --`:                  {},
		`title:wuxi (x)`:           {Must: [][]index.TextTerm{{w("title:wuxi")}, {w("(x)")}}},
		`"OR"`:                     {Must: [][]index.TextTerm{{p("OR")}}},
		`a"b c"`:                   {Must: [][]index.TextTerm{{w("a")}, {p("b c")}}},
	} {
		if got := index.ParseText(in); !reflect.DeepEqual(got, want) {
			t.Errorf("ParseText(%q) = %+v; want %+v", in, got, want)
		}
	}
}

func FuzzParseText(f *testing.F) {
	for _, s := range []string{`a "b c" -d OR e`, `"`, `-`, `OR`, "\xff\"-"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q := index.ParseText(s)
		for _, g := range q.Must {
			if len(g) == 0 {
				t.Errorf("ParseText(%q): empty OR group", s)
			}
			for _, term := range g {
				if term.Text == "" {
					t.Errorf("ParseText(%q): empty term", s)
				}
			}
		}
	})
}

func TestBucketKey(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		at, interval, want string
	}{
		{"2023-10-23T09:30:00+08:00", "day", "2023-10-23"},
		{"2023-10-23T07:30:00+08:00", "day", "2023-10-22"}, // UTC
		{"2023-10-25T12:00:00Z", "week", "2023-10-23"},     // Wednesday → Monday
		{"2023-10-23T00:00:00Z", "week", "2023-10-23"},     // Monday itself
		{"2023-10-29T23:59:59Z", "week", "2023-10-23"},     // Sunday ends the ISO week
		{"2024-01-03T00:00:00Z", "week", "2024-01-01"},
		{"2023-01-01T10:00:00Z", "week", "2022-12-26"}, // across the year
		{"2023-10-31T16:45:00+01:00", "month", "2023-10-01"},
	} {
		at, err := time.Parse(time.RFC3339, tc.at)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := index.BucketKey(at, tc.interval); err != nil || got != tc.want {
			t.Errorf("BucketKey(%s, %s) = %q, %v; want %q", tc.at, tc.interval, got, err, tc.want)
		}
	}
	if _, err := index.BucketKey(time.Now(), "fortnight"); err == nil {
		t.Error("BucketKey(fortnight): no error")
	}
}
