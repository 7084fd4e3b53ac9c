package ner

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/text"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.json")

// fakePlaces stands in for pkg/geo's gazetteer.
type fakePlaces map[string]bool

func (f fakePlaces) IsPlace(name string) bool { return f[name] }

var places = fakePlaces{"China": true, "Wuxi": true, "Jiangsu": true, "Nairobi": true, "Kenya": true,
	"Zürich": true, "US": true, "Syria": true, "Beijing": true, "Shanghai": true, "Paris": true, "France": true}

type want struct{ typ, name string }

func find(ents []article.Entity, name string) *article.Entity {
	for i := range ents {
		if ents[i].Name == name {
			return &ents[i]
		}
	}
	return nil
}

func TestTagTypes(t *testing.T) {
	tagger := New(places)
	for _, tc := range []struct {
		in    string
		wants []want
		not   []string
	}{
		{"The Bank of China said profits rose.", []want{{"ORG", "Bank of China"}}, []string{"The"}},
		{"She studied at the University of Nairobi in Kenya.", []want{{"ORG", "University of Nairobi"}, {"PLACE", "Kenya"}}, nil},
		{"Foreign Minister Wang Yi met Mr. John Carter in Paris.", []want{{"PERSON", "Wang Yi"}, {"PERSON", "John Carter"}, {"PLACE", "Paris"}}, []string{"Foreign Minister Wang Yi"}},
		{"Acme Holdings and the WHO signed a deal.", []want{{"ORG", "Acme Holdings"}, {"ORG", "WHO"}}, nil},
		{"Fans gathered for the 2026 World Cup and the Paris Marathon.", []want{{"EVENT", "2026 World Cup"}, {"EVENT", "Paris Marathon"}}, nil},
		{"Protesters marched in Zuowei on Monday.", []want{{"PLACE", "Zuowei"}}, []string{"Monday", "Protesters"}},
		{"Officials in Xinwu district agreed.", []want{{"PLACE", "Xinwu"}}, []string{"Officials"}},
		{"Ursula von der Leyen spoke. Nomvula Mokonyane said nothing.", []want{{"PERSON", "Ursula von der Leyen"}, {"PERSON", "Nomvula Mokonyane"}}, nil},
		{"China's economy grew, the Ministry of Commerce said.", []want{{"PLACE", "China"}, {"ORG", "Ministry of Commerce"}}, []string{"China's"}},
		{"But the European Union disagreed.", []want{{"ORG", "European Union"}}, []string{"But"}},
		{"José Álvarez visited Zürich's banks.", []want{{"PERSON", "José Álvarez"}, {"PLACE", "Zürich"}}, nil},
		{"Syria's President Bashar al-Assad spoke.", []want{{"PERSON", "Bashar al-Assad"}, {"PLACE", "Syria"}}, nil},
	} {
		ents := tagger.Tag(tc.in)
		for _, w := range tc.wants {
			e := find(ents, w.name)
			if e == nil {
				t.Errorf("Tag(%q): no entity %q; got %v", tc.in, w.name, ents)
				continue
			}
			if e.Type != w.typ {
				t.Errorf("Tag(%q): %q type = %s; want %s", tc.in, w.name, e.Type, w.typ)
			}
		}
		for _, n := range tc.not {
			if find(ents, n) != nil {
				t.Errorf("Tag(%q): unexpected entity %q", tc.in, n)
			}
		}
		checkOffsets(t, tc.in, ents)
	}
}

func TestLinkingAndRoles(t *testing.T) {
	in := "Cui Rongguo, Party secretary of Xinwu district, visited the plant. “We are ready,” Cui said.\n\n" +
		"The World Health Organization (WHO) agreed. WHO officials and Acme Inc. met; Acme said it would pay. " +
		"Prime Minister Narendra Modi arrived. Modi told reporters he was pleased."
	ents := New(places).Tag(in)
	checkOffsets(t, in, ents)
	for _, tc := range []struct {
		name, typ, role string
		count           int
	}{
		{"Cui Rongguo", "PERSON", "Party secretary of Xinwu district", 2},
		{"World Health Organization", "ORG", "", 3},
		{"Acme Inc.", "ORG", "", 2},
		{"Narendra Modi", "PERSON", "Prime Minister", 2},
	} {
		e := find(ents, tc.name)
		if e == nil {
			t.Errorf("no entity %q in %v", tc.name, ents)
			continue
		}
		if e.Type != tc.typ || e.Role != tc.role || e.Count != tc.count {
			t.Errorf("%q = %s role %q count %d; want %s role %q count %d", tc.name, e.Type, e.Role, e.Count, tc.typ, tc.role, tc.count)
		}
	}
	for _, n := range []string{"Cui", "Modi", "WHO", "Acme", "Party"} {
		if find(ents, n) != nil {
			t.Errorf("short form %q not linked: %v", n, ents)
		}
	}
}

func TestNilPlaces(t *testing.T) {
	ents := New(nil).Tag("Li Qiang flew to Beijing.")
	if e := find(ents, "Li Qiang"); e == nil || e.Type != "PERSON" {
		t.Errorf("Li Qiang = %v", e)
	}
	if e := find(ents, "Beijing"); e == nil || e.Type != "PLACE" {
		t.Errorf("Beijing = %v (want PLACE by the 'to' cue)", e)
	}
}

// checkOffsets verifies the contract invariant text[start:end] == mention text, in code points.
func checkOffsets(t *testing.T, s string, ents []article.Entity) {
	t.Helper()
	for _, e := range ents {
		if e.Count != len(e.Mentions) {
			t.Errorf("%q: count %d != %d mentions", e.Name, e.Count, len(e.Mentions))
		}
		for _, m := range e.Mentions {
			if got := text.SliceRunes(s, m.Start, m.End); got != m.Text {
				t.Errorf("%q: text[%d:%d] = %q; want %q", e.Name, m.Start, m.End, got, m.Text)
			}
		}
	}
}

func TestGolden(t *testing.T) {
	raw, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	a := &article.Article{Text: string(raw)}
	if err := New(places).Extract(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	checkOffsets(t, a.Text, a.Entities)
	golden(t, "testdata/article.golden.json", a.Entities)
}

func golden(t *testing.T, path string, v any) {
	t.Helper()
	got, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs from output (run go test -update and read the diff):\n%s", path, firstDiff(string(got), string(want)))
	}
}

func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) && i < len(w); i++ {
		if g[i] != w[i] {
			return "line " + itoa(i+1) + ":\n got: " + g[i] + "\nwant: " + w[i]
		}
	}
	return "lengths differ"
}

func itoa(i int) string { return strconv.Itoa(i) }

func BenchmarkTag(b *testing.B) {
	raw, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	tagger := New(places)
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		tagger.Tag(string(raw))
	}
}
