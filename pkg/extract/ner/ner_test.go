package ner

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/newsmon/newsmon/internal/golden"
	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/text"
)

// fakePlaces stands in for pkg/geo's gazetteer.
type fakePlaces map[string]bool

func (f fakePlaces) IsPlace(name string) bool { return f[name] }

var places = fakePlaces{"China": true, "Wuxi": true, "Jiangsu": true, "Nairobi": true, "Kenya": true,
	"Zürich": true, "US": true, "Syria": true, "Beijing": true, "Shanghai": true, "Paris": true, "France": true,
	"Damascus": true, "Geneva": true, "Abuja": true, "Christchurch": true, "Brazil": true, "Dhaka": true,
	"Chittagong": true, "Bangladesh": true, "Mexico City": true, "Seoul": true, "Tokyo": true, "Tanzania": true,
	"Sydney": true, "Jakarta": true, "Lagos": true, "Lisbon": true, "Oslo": true, "Peru": true, "Hanoi": true,
	"Guinea": true, "Guinea-Bissau": true, "Port-au-Prince": true, "Miami": true}

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
	t.Parallel()
	tagger := New(places)
	for _, tc := range []struct {
		in    string
		wants []want
		not   []string
	}{
		{"The Bank of China said profits rose.", []want{{"ORG", "Bank of China"}}, []string{"The"}},
		{"She studied at the University of Nairobi in Kenya.", []want{{"ORG", "University of Nairobi"}, {"PLACE", "Kenya"}}, nil},
		{"Foreign Minister Wang Yi met Mr. John Carter in Paris.", []want{{"PERSON", "Wang Yi"}, {"PERSON", "John Carter"}, {"PLACE", "Paris"}}, []string{"Foreign Minister Wang Yi", "Mr. John Carter"}},
		{"China's economy grew, the Ministry of Commerce said.", []want{{"PLACE", "China"}, {"ORG", "Ministry of Commerce"}}, []string{"China's"}},
		{"But the European Union disagreed.", []want{{"ORG", "European Union"}}, []string{"But"}},
		{"José Álvarez visited Zürich's banks.", []want{{"PERSON", "José Álvarez"}, {"PLACE", "Zürich"}}, nil},
		{"Syria's President Bashar al-Assad spoke in Damascus.", []want{{"PERSON", "Bashar al-Assad"}, {"PLACE", "Syria"}, {"PLACE", "Damascus"}}, nil},
		{"German and Chinese negotiators met in Geneva.", []want{{"MISC", "German"}, {"MISC", "Chinese"}, {"PLACE", "Geneva"}}, nil},
		{"Ngozi Okonjo-Iweala, director-general of the World Trade Organization, arrived in Abuja on Tuesday.",
			[]want{{"PERSON", "Ngozi Okonjo-Iweala"}, {"ORG", "World Trade Organization"}, {"PLACE", "Abuja"}}, []string{"Tuesday"}},
		{"Prime Minister Jacinda Ardern toured Christchurch after the earthquake.", []want{{"PERSON", "Jacinda Ardern"}, {"PLACE", "Christchurch"}}, nil},
		{"Luiz Inácio Lula da Silva won the election in Brazil.", []want{{"PERSON", "Luiz Inácio Lula da Silva"}, {"PLACE", "Brazil"}}, nil},
		{"Floods hit Dhaka and Chittagong, Bangladesh's Red Crescent said.", []want{{"PLACE", "Dhaka"}, {"PLACE", "Chittagong"}, {"PLACE", "Bangladesh"}}, []string{"Floods"}},
		{"Fans flocked to the 2026 FIFA World Cup in Mexico City.", []want{{"EVENT", "2026 FIFA World Cup"}, {"PLACE", "Mexico City"}}, nil},
		{"Samsung Electronics and Toyota Motor Corp. reported results in Seoul and Tokyo.", []want{{"ORG", "Samsung Electronics"}, {"ORG", "Toyota Motor Corp."}, {"PLACE", "Seoul"}, {"PLACE", "Tokyo"}}, nil},
		{"Climbers returned from Mount Kilimanjaro in Tanzania.", []want{{"PLACE", "Mount Kilimanjaro"}, {"PLACE", "Tanzania"}}, nil},
		{"Analysts were cautious. Investors sold shares in Sydney.", []want{{"PLACE", "Sydney"}}, []string{"Analysts", "Investors"}},
		{"Roberto Bautista-Agut beat Pierre-Hugues Herbert in Madrid.", []want{{"PERSON", "Roberto Bautista-Agut"}, {"PERSON", "Pierre-Hugues Herbert"}}, nil},
		{"Former president Lee Teng-hui spoke in Taipei at 2:30 p.m.", []want{{"PERSON", "Lee Teng-hui"}}, []string{"Lee Teng"}},
		{"Voters in Guinea-Bissau went to the polls.", []want{{"PLACE", "Guinea-Bissau"}}, []string{"Guinea", "Bissau"}},
		{"He flew from Port-au-Prince to Miami.", []want{{"PLACE", "Port-au-Prince"}, {"PLACE", "Miami"}}, nil},
		{"U.S.-China trade talks resumed.", []want{{"PLACE", "U.S."}}, []string{"U.s."}},
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
	t.Parallel()
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
	for _, n := range []string{"Cui", "Modi", "WHO", "Acme"} {
		if find(ents, n) != nil {
			t.Errorf("short form %q not linked: %v", n, ents)
		}
	}
}

func TestIssueExamples(t *testing.T) {
	in := "Marc Tarrago, director of the IoT Solutions World Congress (IOTSWC), said exhibitors came from 30 countries. " +
		"IOTSWC will return next year, Tarrago said."
	ents := New(places).Tag(in)
	checkOffsets(t, in, ents)
	if e := find(ents, "Marc Tarrago"); e == nil || e.Type != "PERSON" || e.Count != 2 || e.Role != "director of the IoT Solutions World Congress" {
		t.Errorf("Marc Tarrago = %+v; want a PERSON with 2 mentions and the role", e)
	}
	if e := find(ents, "IoT Solutions World Congress"); e == nil || e.Count != 3 {
		t.Errorf("IoT Solutions World Congress = %+v; want 3 mentions (IOTSWC is its alias)", e)
	}
}

func TestIsAcronymFor(t *testing.T) {
	t.Parallel()
	lex := newLexicon()
	for _, tc := range []struct {
		acronym, name string
		want          bool
	}{
		{"WHO", "World Health Organization", true},
		{"IOTSWC", "IoT Solutions World Congress", true},
		{"U.N.", "United Nations", true},
		{"MIIT", "Ministry of Industry and Information Technology", true},
		{"NATO", "North Atlantic Treaty Organization", true},
		{"IMF", "World Bank", false},
		{"AB", "Alpha", false},
	} {
		if got := isAcronymFor(tc.acronym, strings.Fields(tc.name), lex); got != tc.want {
			t.Errorf("isAcronymFor(%q, %q) = %v; want %v", tc.acronym, tc.name, got, tc.want)
		}
	}
}

func TestMetaLinesAreNotEntities(t *testing.T) {
	t.Parallel()
	in := "World\n\nBy Sarah Okonkwo and Rahul Mehta\n\nAsia Pacific Wire 17 Nov 2026 10:05 HKT\n\n" +
		"Officials in Jakarta said the dam held. (Photo: Reuters/Willy Kurniawan)\n\n" +
		"Photo: Getty Images / Ahmad Yusuf"
	ents := New(places).Tag(in)
	checkOffsets(t, in, ents)
	for _, n := range []string{"World", "Sarah Okonkwo", "Rahul Mehta", "Asia Pacific Wire", "Reuters", "Willy Kurniawan",
		"Getty Images", "Ahmad Yusuf", "HKT"} {
		if find(ents, n) != nil {
			t.Errorf("meta line gave entity %q: %v", n, ents)
		}
	}
	if e := find(ents, "Jakarta"); e == nil || e.Type != "PLACE" {
		t.Errorf("Jakarta = %v; want a PLACE", e)
	}
}

func TestNilPlaces(t *testing.T) {
	ents := New(nil).Tag("Li Qiang flew to Beijing.")
	if e := find(ents, "Li Qiang"); e == nil || e.Type != "PERSON" {
		t.Errorf("Li Qiang = %v", e)
	}
	if e := find(ents, "Beijing"); e == nil || e.Type != "PLACE" {
		t.Errorf("Beijing = %v", e)
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
	golden.CheckJSON(t, "testdata/article.golden.json", a.Entities)
}

// BenchmarkTag measures tokenise + tag + merge on the fixture article, in tokens per second.
func BenchmarkTag(b *testing.B) {
	raw, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	tagger := New(places)
	tagger.Tag(string(raw)) // load the model outside the timing
	tokens := len(Tokens(string(raw)))
	b.SetBytes(int64(len(raw)))
	b.ResetTimer()
	cpu := processCPU()
	for b.Loop() {
		tagger.Tag(string(raw))
	}
	b.ReportMetric(float64(tokens*b.N)/b.Elapsed().Seconds(), "tokens/s")
	if used := processCPU() - cpu; used > 0 {
		b.ReportMetric(float64(tokens*b.N)/used.Seconds(), "tokens/cpu-s")
	}
}

// BenchmarkTokenizeAndLabel measures what the issue's speed floor names: tokenise + label with the
// OntoNotes model (both stages, Viterbi), without turning labels into entities.
func BenchmarkTokenizeAndLabel(b *testing.B) {
	raw, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	s := string(raw)
	m, err := LoadModel("ontonotes")
	if err != nil {
		b.Fatal(err)
	}
	sc := &docScratch{f: newFeaturizer(m.res, places)}
	tokens := len(Tokens(s)) // pkg/text's tokens and clitics, as before the model's own tokenisation
	b.ResetTimer()
	cpu := processCPU()
	for b.Loop() {
		m.tagText(sc, s)
	}
	b.ReportMetric(float64(tokens*b.N)/b.Elapsed().Seconds(), "tokens/s")
	if used := processCPU() - cpu; used > 0 {
		b.ReportMetric(float64(tokens*b.N)/used.Seconds(), "tokens/cpu-s")
	}
}

// BenchmarkLoadModel measures decoding the embedded OntoNotes model (done once per process).
func BenchmarkLoadModel(b *testing.B) {
	res, err := DefaultResources()
	if err != nil {
		b.Fatal(err)
	}
	data, err := modelFiles.ReadFile("model/ontonotes.model.gz")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := ReadModel(bytes.NewReader(data), res); err != nil {
			b.Fatal(err)
		}
	}
}

func TestConcurrentTagMatchesSequential(t *testing.T) {
	raw, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	tagger := New(places)
	want, _ := json.Marshal(tagger.Tag(string(raw)))
	inputs := []string{string(raw), "Li Qiang flew to Beijing.", "Ursula von der Leyen spoke in Brussels."}
	errs := make(chan string, 4*5)
	done := make(chan struct{})
	for g := 0; g < 4; g++ {
		go func() {
			defer func() { done <- struct{}{} }()
			for k := 0; k < 5; k++ {
				for _, in := range inputs {
					got := tagger.Tag(in)
					if in == string(raw) {
						if b, _ := json.Marshal(got); string(b) != string(want) {
							errs <- "concurrent Tag differs from sequential"
						}
					}
				}
			}
		}()
	}
	for g := 0; g < 4; g++ {
		<-done
	}
	close(errs)
	for e := range errs {
		t.Error(e)
		break
	}
}

func TestJoinNameParticles(t *testing.T) {
	t.Parallel()
	types := schemes["ontonotes"]
	typ := func(name string) int { return slices.Index(types, name) }
	person, gpe, org := typ("PERSON"), typ("GPE"), typ("ORG")
	lex := newLexicon()
	for _, tc := range []struct {
		text  string
		spans []labelSpan
		want  []labelSpan
	}{
		{"Luiz Inácio Lula da Silva won in Brazil", []labelSpan{{0, 3, person}, {4, 5, gpe}, {7, 8, gpe}},
			[]labelSpan{{0, 5, person}, {7, 8, gpe}}},
		{"Luiz Inácio Lula da Silva won", []labelSpan{{0, 3, person}}, []labelSpan{{0, 5, person}}},
		{"Ursula von der Leyen spoke", []labelSpan{{0, 1, person}}, []labelSpan{{0, 4, person}}},
		{"Lula da capital", []labelSpan{{0, 1, person}}, []labelSpan{{0, 1, person}}},
		{"Banco do Brasil de Minas", []labelSpan{{0, 3, org}, {4, 5, gpe}}, []labelSpan{{0, 3, org}, {4, 5, gpe}}},
		{"Ahmed al", []labelSpan{{0, 1, person}}, []labelSpan{{0, 1, person}}},
	} {
		words := strings.Fields(tc.text)
		got := joinNameParticles(words, slices.Clone(tc.spans), types, lex)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: %v → %v; want %v", tc.text, tc.spans, got, tc.want)
		}
	}
}

func TestTitleCase(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{"NEW YORK": "New York", "ST. LOUIS": "St. Louis", "U.S.": "U.S.", "WUXI": "Wuxi", "SÃO PAULO": "São Paulo"} {
		if got := titleCase(in); got != want {
			t.Errorf("titleCase(%q) = %q; want %q", in, got, want)
		}
	}
}
