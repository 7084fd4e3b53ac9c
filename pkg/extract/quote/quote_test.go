package quote

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/extract/ner"
	"github.com/newsmon/newsmon/pkg/text"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.json")

// entity builds an Entity whose mentions are every occurrence of the given surface forms in s.
func entity(s, typ, name string, forms ...string) article.Entity {
	idx := text.NewRuneIndex(s)
	e := article.Entity{Type: typ, Name: name}
	for _, f := range forms {
		for off := 0; ; {
			k := strings.Index(s[off:], f)
			if k < 0 {
				break
			}
			b := off + k
			e.Mentions = append(e.Mentions, article.Mention{Text: f, Start: idx.Rune(b), End: idx.Rune(b + len(f))})
			off = b + len(f)
		}
	}
	e.Count = len(e.Mentions)
	return e
}

type want struct {
	text    string
	direct  bool
	speaker string // "" = null
	cue     string
}

func TestFind(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   string
		ents func(s string) []article.Entity
		want []want
	}{
		{"after cue, surname", "Cui Rongguo visited. “We are ready,” Cui said.",
			func(s string) []article.Entity {
				return []article.Entity{entity(s, "PERSON", "Cui Rongguo", "Cui Rongguo", "Cui said")}
			},
			[]want{{"We are ready", true, "Cui Rongguo", "said"}}},
		{"said before name", `"Prices will rise next year," said Zhang Wei, an economist.`,
			func(s string) []article.Entity {
				return []article.Entity{entity(s, "PERSON", "Zhang Wei", "Zhang Wei")}
			},
			[]want{{"Prices will rise next year", true, "Zhang Wei", "said"}}},
		{"split quote and pronoun", "Marie Lefèvre spoke. “We will win,” she said, “because the talent is here.”",
			func(s string) []article.Entity {
				return []article.Entity{entity(s, "PERSON", "Marie Lefèvre", "Marie Lefèvre")}
			},
			[]want{{"We will win", true, "Marie Lefèvre", "said"}, {"because the talent is here.", true, "Marie Lefèvre", "said"}}},
		{"cue before with colon, guillemets", "Le ministre Jean Dupont a dit: « Nous allons gagner la bataille. » Fin.",
			func(s string) []article.Entity {
				return []article.Entity{entity(s, "PERSON", "Jean Dupont", "Jean Dupont")}
			},
			nil},
		{"guillemets with English cue", "Jean Dupont told reporters: «We will not give up the fight.»",
			func(s string) []article.Entity {
				return []article.Entity{entity(s, "PERSON", "Jean Dupont", "Jean Dupont")}
			},
			[]want{{"We will not give up the fight.", true, "Jean Dupont", "told"}}},
		{"German quotes", "Olaf Scholz sagte „Wir schaffen das heute Abend“, added Olaf Scholz.",
			func(s string) []article.Entity {
				return []article.Entity{entity(s, "PERSON", "Olaf Scholz", "Olaf Scholz")}
			},
			[]want{{"Wir schaffen das heute Abend", true, "Olaf Scholz", "added"}}},
		{"multi-paragraph", "Li Na said: “The first paragraph of the quote goes on.\n\n“And the second one ends it.”\n\nNext.",
			func(s string) []article.Entity { return []article.Entity{entity(s, "PERSON", "Li Na", "Li Na")} },
			[]want{{"The first paragraph of the quote goes on.\n\n“And the second one ends it.", true, "Li Na", "said"}}},
		{"scare quotes skipped", "The so-called “fake news” spread.", nil, nil},
		{"indirect said that", "Cui Rongguo, Party secretary of Xinwu district, told reporters that about 40 companies had signed.",
			func(s string) []article.Entity {
				return []article.Entity{entity(s, "PERSON", "Cui Rongguo", "Cui Rongguo")}
			},
			[]want{{"about 40 companies had signed", false, "Cui Rongguo", "told"}}},
		{"according to first", "According to the Jiangsu Department of Commerce, foreign investment reached a record.",
			func(s string) []article.Entity {
				return []article.Entity{entity(s, "ORG", "Jiangsu Department of Commerce", "Jiangsu Department of Commerce")}
			},
			[]want{{"foreign investment reached a record", false, "Jiangsu Department of Commerce", "According to"}}},
		{"according to last", "Exports rose sharply last year, according to Xinhua.",
			func(s string) []article.Entity { return []article.Entity{entity(s, "ORG", "Xinhua", "Xinhua")} },
			[]want{{"Exports rose sharply last year", false, "Xinhua", "according to"}}},
		{"trailing cue", "The economy will slow next year, the ministry said on Monday.", nil,
			[]want{{"The economy will slow next year", false, "", "said"}}},
		{"pronoun indirect", "Zhang Wei spoke first. She added that local governments were competing.",
			func(s string) []article.Entity {
				return []article.Entity{entity(s, "PERSON", "Zhang Wei", "Zhang Wei")}
			},
			[]want{{"local governments were competing", false, "Zhang Wei", "added"}}},
		{"no entities fallback", `"This is a long enough quote," said Smith.`, nil,
			[]want{{"This is a long enough quote", true, "Smith", "said"}}},
	} {
		var ents []article.Entity
		if tc.ents != nil {
			ents = tc.ents(tc.in)
		}
		got := New().Find(tc.in, ents)
		if tc.want == nil && tc.name == "cue before with colon, guillemets" {
			// French cue verbs are not known: the quote is kept (long enough) without a speaker.
			if len(got) != 1 || got[0].Speaker != nil {
				t.Errorf("%s: got %+v; want one quote without speaker", tc.name, got)
			}
			checkOffsets(t, tc.in, got)
			continue
		}
		if len(got) != len(tc.want) {
			t.Errorf("%s: got %d quotes %+v; want %d", tc.name, len(got), got, len(tc.want))
			continue
		}
		for i, w := range tc.want {
			g := got[i]
			spk := ""
			if g.Speaker != nil {
				spk = *g.Speaker
			}
			if g.Text != w.text || g.Direct != w.direct || spk != w.speaker || g.Cue != w.cue {
				t.Errorf("%s[%d] = %q direct=%v speaker=%q cue=%q; want %q direct=%v speaker=%q cue=%q",
					tc.name, i, g.Text, g.Direct, spk, g.Cue, w.text, w.direct, w.speaker, w.cue)
			}
		}
		checkOffsets(t, tc.in, got)
	}
}

func checkOffsets(t *testing.T, s string, qs []article.Quote) {
	t.Helper()
	for _, q := range qs {
		if got := text.SliceRunes(s, q.Start, q.End); got != q.Text {
			t.Errorf("text[%d:%d] = %q; want %q", q.Start, q.End, got, q.Text)
		}
		if q.SpeakerMention != nil {
			if got := text.SliceRunes(s, q.SpeakerMention.Start, q.SpeakerMention.End); got != q.SpeakerMention.Text {
				t.Errorf("speaker mention text[%d:%d] = %q; want %q", q.SpeakerMention.Start, q.SpeakerMention.End, got, q.SpeakerMention.Text)
			}
		}
		if q.CueSpan != nil {
			if got := text.SliceRunes(s, q.CueSpan.Start, q.CueSpan.End); got != q.Cue {
				t.Errorf("cue text[%d:%d] = %q; want %q", q.CueSpan.Start, q.CueSpan.End, got, q.Cue)
			}
		}
		if (q.Speaker == nil) != (q.SpeakerType == nil) {
			t.Errorf("quote %q: speaker %v but type %v", q.Text, q.Speaker, q.SpeakerType)
		}
	}
}

// articleEntities are what ner finds in testdata/article.txt (see pkg/extract/ner's golden file).
func articleEntities(s string) []article.Entity {
	return []article.Entity{
		entity(s, "PERSON", "Cui Rongguo", "Cui Rongguo", "Cui said"),
		entity(s, "ORG", "Jiangsu Department of Commerce", "Jiangsu Department of Commerce"),
		entity(s, "PERSON", "Zhang Wei", "Zhang Wei"),
		entity(s, "ORG", "Bank of China", "Bank of China"),
		entity(s, "ORG", "Acme Semiconductor Inc.", "Acme Semiconductor Inc."),
		entity(s, "PERSON", "Marie Lefèvre", "Marie Lefèvre", "Lefèvre said"),
		entity(s, "ORG", "Ministry of Industry and Information Technology", "Ministry of Industry and Information Technology"),
		entity(s, "PERSON", "Li Na", "Li Na"),
		entity(s, "ORG", "World Health Organization", "World Health Organization", "WHO"),
	}
}

func TestGolden(t *testing.T) {
	raw, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	a := &article.Article{Text: string(raw)}
	a.Entities = articleEntities(a.Text)
	for i := range a.Entities { // "Cui said" stands for the mention "Cui"
		for j, m := range a.Entities[i].Mentions {
			if f := strings.Fields(m.Text); len(f) == 2 && f[1] == "said" {
				a.Entities[i].Mentions[j] = article.Mention{Text: f[0], Start: m.Start, End: m.Start + len([]rune(f[0]))}
			}
		}
	}
	if err := New().Extract(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	checkOffsets(t, a.Text, a.Quotes)
	golden(t, "testdata/article.golden.json", a.Quotes)
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
		g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(g) && i < len(w); i++ {
			if g[i] != w[i] {
				t.Fatalf("%s line %s differs (go test -update rewrites it):\n got: %s\nwant: %s", path, strconv.Itoa(i+1), g[i], w[i])
			}
		}
		t.Fatalf("%s differs in length (go test -update rewrites it)", path)
	}
}

func BenchmarkFind(b *testing.B) {
	raw, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	s := string(raw)
	ents := articleEntities(s)
	e := New()
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		e.Find(s, ents)
	}
}

// TestWithNER runs the real baseline tagger first, as the pipeline does.
func TestWithNER(t *testing.T) {
	raw, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	a := &article.Article{Text: string(raw)}
	if err := ner.New(nil).Extract(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if err := New().Extract(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	checkOffsets(t, a.Text, a.Quotes)
	speakers := map[string]string{}
	for _, q := range a.Quotes {
		if q.Speaker != nil {
			speakers[q.Text] = *q.Speaker
		}
	}
	for text, want := range map[string]string{
		"We are not building factories, we are building an ecosystem": "Cui Rongguo",
		"The numbers look good on paper":                              "Zhang Wei",
		"We will win":                                                 "Marie Lefèvre",
	} {
		if got := speakers[text]; got != want {
			t.Errorf("speaker of %q = %q; want %q", text, got, want)
		}
	}
}
