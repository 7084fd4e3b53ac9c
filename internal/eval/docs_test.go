package eval

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/newsmon/newsmon/pkg/article"
)

const docsTestdata = "testdata/evaldocs"

func testTexts() *DocTexts {
	return &DocTexts{DataDir: filepath.Join(docsTestdata, "data"), DemoDir: filepath.Join(docsTestdata, "demo")}
}

func TestDocTexts(t *testing.T) {
	tests := []struct {
		key, published string
		wantText       string
		wantPub        string // RFC 3339, UTC
		wantErr        string
	}{
		{key: "polnear-dev:paper_2016-09-01_one", published: "2016-09-01", wantText: "Line one.\n\nLine two said Smith.", wantPub: "2016-09-01T00:00:00Z"},
		{key: "bbc:0", published: "2005-01-01", wantText: "Para a.\n\nPara b.", wantPub: "2005-01-01T00:00:00Z"},
		{key: "bbc:2", published: "2005-01-01", wantText: "X said Y.\n\nZ."},
		// Python's text mode reads "\r\n" as "\n": so does the scorer.
		{key: "reuters:0", published: "1987-03-02", wantText: "First line.\n\nSecond line."},
		{key: "articles-dev:def456", published: "2020-01-01", wantText: "Body of def."},
		// A demo story: the body after the front matter, published as the front matter says.
		{key: "demo:daily-ledger/sample-story", wantText: "Acme Corp said on Monday it would open a plant in Austin, Texas.\n\n## A heading\n\n\"We are delighted,\" said Jane Roe, the chief executive.",
			wantPub: "2026-11-18T14:30:00Z"},
		{key: "bbc:3", published: "2005-01-01", wantErr: "bbc:3 not found"},
		{key: "polnear-dev:nope", published: "2016-01-01", wantErr: "polnear-dev:nope not found"},
		{key: "articles-dev:zzz", published: "2016-01-01", wantErr: "articles-dev:zzz not found"},
		{key: "demo:daily-ledger/missing", wantErr: "demo:daily-ledger/missing"},
		{key: "bbc:1", wantErr: "no published date"},
		{key: "nyt:1", published: "2016-01-01", wantErr: "unknown corpus"},
	}
	texts := testTexts()
	for _, tc := range tests {
		t.Run(tc.key, func(t *testing.T) {
			got, err := texts.Text(&DocGold{Doc: tc.key, Published: tc.published, Where: "t.jsonl:1"})
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("error = %v, want one containing %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Text != tc.wantText {
				t.Errorf("text = %q, want %q", got.Text, tc.wantText)
			}
			if tc.wantPub != "" && got.Published.Format(time.RFC3339) != tc.wantPub {
				t.Errorf("published = %s, want %s", got.Published.Format(time.RFC3339), tc.wantPub)
			}
		})
	}
}

func TestReadDocSet(t *testing.T) {
	docs, err := ReadDocSet(filepath.Join(docsTestdata, "set"))
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, d := range docs {
		keys = append(keys, d.Doc+"/"+d.Split)
	}
	if got, want := strings.Join(keys, " "), "bbc:1/tune demo:daily-ledger/sample-story/tune reuters:0/aside"; got != want {
		t.Errorf("docs = %s, want %s", got, want)
	}

	bad := []struct{ name, files, wantErr string }{
		{"twice", `{"doc":"bbc:1","split":"tune"}` + "\n" + `{"doc":"bbc:1","split":"aside"}`, "annotated twice"},
		{"split", `{"doc":"bbc:1","split":"dev"}`, "neither tune nor aside"},
		{"json", `{"doc":`, "x.jsonl line 1"},
		{"nokey", `{"split":"tune"}`, "no \"doc\" key"},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "x.jsonl"), []byte(tc.files+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := ReadDocSet(dir)
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("error = %v, want one containing %q", err, tc.wantErr)
			}
		})
	}
}

// at returns the code-point span of the nth occurrence of s in text (test helper).
func at(text, s string, nth int) (int, int) {
	off := 0
	for i := 0; ; i++ {
		j := strings.Index(text[off:], s)
		if j < 0 {
			panic("not in text: " + s)
		}
		if i+1 == nth {
			b := utf8.RuneCountInString(text[:off+j])
			return b, b + utf8.RuneCountInString(s)
		}
		off += j + len(s)
	}
}

func mention(text, s string, nth int) article.Mention {
	b, e := at(text, s, nth)
	return article.Mention{Text: s, Start: b, End: e}
}

func strp(s string) *string { return &s }

const sampleText = "Acme Corp said on Monday it would open a plant in Austin, Texas, on Earth.\n\n" +
	"“We are delighted,” said Jane Roe, the chief executive. Texas said it welcomed the $5 million plant. " +
	"According to Roe, the vote in Austin went well."

func sampleGold() *DocGold {
	return &DocGold{
		Doc: "demo:x/y", Split: "tune",
		Entities: []DocEntity{
			{Type: "ORG", Name: "Acme Corp", Aliases: []string{"Acme"}},
			{Type: "PERSON", Name: "Jane Roe", Aliases: []string{"Roe"}},
			{Type: "PLACE", Name: "Austin"},
			{Type: "PLACE", Name: "Texas"},
		},
		Places: []DocPlace{
			{Mention: "Austin", GeonameID: 4671654, Country: "US", Admin1: "Texas", Feature: "city"},
			{Mention: "Texas", GeonameID: 4736286, Country: "US", Admin1: "Texas", Feature: "admin1"},
		},
		NotPlaces: []string{"Earth"},
		Quotes: []DocQuote{
			{Head: "it would open a plant", Speaker: strp("Acme Corp"), Kind: "named", SpeakerType: strp("ORG")},
			{Head: "We are delighted", Direct: true, Speaker: strp("Jane Roe"), Kind: "named", SpeakerType: strp("PERSON")},
		},
		Dates: []DocDate{{Text: "Monday", Value: "2026-11-16"}},
		Money: []DocMoney{{Text: "$5 million", Amount: 5e6, Currency: "USD"}},
		Events: []DocEvent{
			{Type: "agreement", Trigger: "open"}, // not really, but a gold event the test can match
		},
		NotEvents: []DocEvent{{Type: "election", Trigger: "vote"}},
	}
}

// samplePrediction is a prediction with one error of every kind the scorer counts.
func samplePrediction() *article.Article {
	tx := sampleText
	q := func(head, speaker string, nth int) article.Quote {
		b, _ := at(tx, head, nth)
		return article.Quote{Text: head, Start: b, End: b + utf8.RuneCountInString(head) + 5, Speaker: strp(speaker)}
	}
	vote := mention(tx, "vote", 1)
	open := mention(tx, "open", 1)
	return &article.Article{
		Text: tx,
		Entities: []article.Entity{
			{Type: "ORG", Name: "Acme Corp", Mentions: []article.Mention{mention(tx, "Acme Corp", 1)}},
			{Type: "ORG", Name: "Jane Roe", Mentions: []article.Mention{mention(tx, "Jane Roe", 1)}}, // typed wrong
			{Type: "PERSON", Name: "Roe", Mentions: []article.Mention{mention(tx, "Roe", 2)}},        // found through an alias
			{Type: "PLACE", Name: "Austin", Mentions: []article.Mention{mention(tx, "Austin", 1)}},
			{Type: "PLACE", Name: "Austin", Mentions: []article.Mention{mention(tx, "Austin", 2)}},  // split: not counted
			{Type: "PERSON", Name: "Monday", Mentions: []article.Mention{mention(tx, "Monday", 1)}}, // spurious
		},
		Places: []article.Place{
			{Name: "Austin", GeonameID: 4671654, Feature: "city", CountryCode: "US", Admin1: "Texas", Admin1Code: "TX",
				Mentions: []article.Mention{mention(tx, "Austin", 1)}},
			// Texas resolved to a town abroad: country, admin1 and id wrong.
			{Name: "Texas", GeonameID: 1, Feature: "city", CountryCode: "AU", Admin1: "Queensland",
				Mentions: []article.Mention{mention(tx, "Texas", 1)}},
			{Name: "Earth", GeonameID: 2, Feature: "city", CountryCode: "US", Admin1: "Texas",
				Mentions: []article.Mention{mention(tx, "Earth", 1)}},
		},
		Quotes: []article.Quote{
			q("it would open a plant", "Acme", 1),
			q("We are delighted", "Jane Roe", 1),
			q("it welcomed", "Texas", 1),     // a place as speaker
			q("the vote in", "According", 1), // a phrase as speaker
		},
		Dates: []article.Date{{Text: "Monday", Start: mention(tx, "Monday", 1).Start, End: mention(tx, "Monday", 1).End, Value: "2026-11-09"}},
		Money: []article.Money{{Text: "$5 million", Start: mention(tx, "$5 million", 1).Start, End: mention(tx, "$5 million", 1).End, Amount: 5e6, Currency: "USD"}},
		Events: []article.Event{
			{Type: "agreement", Trigger: &open},
			{Type: "election", Trigger: &vote},
		},
	}
}

func TestScoreDoc(t *testing.T) {
	r := ScoreDoc(sampleGold(), samplePrediction())
	c := r.Counts
	ints := []struct {
		name      string
		got, want int
	}{
		{"ORG tp", c.Entities["ORG"].TP, 1},
		{"ORG fp (Jane Roe typed ORG)", c.Entities["ORG"].FP, 1},
		{"PERSON tp (through the alias Roe)", c.Entities["PERSON"].TP, 1},
		{"PERSON fp (Monday)", c.Entities["PERSON"].FP, 1},
		{"PLACE tp (Austin once, split ignored)", c.Entities["PLACE"].TP, 1},
		{"PLACE fn (Texas)", c.Entities["PLACE"].FN, 1},
		{"places", c.Places, 2},
		{"country ok", c.PlaceCountryOK, 1},
		{"admin1", c.Admin1, 2},
		{"admin1 ok", c.Admin1OK, 1},
		{"id ok", c.PlaceIDOK, 1},
		{"not places resolved", c.NotPlacesBad, 1},
		{"named", c.Named, 2},
		{"named ok (Acme is an alias)", c.NamedOK, 2},
		{"quotes found", c.QuotesFound, 2},
		{"speakers", c.Speakers, 4},
		{"bad place", c.BadPlace, 1},
		{"bad phrase", c.BadPhrase, 1},
		{"bad date", c.BadDate, 0},
		{"dates", c.Dates, 1},
		{"date ok (past Monday resolved a week early)", c.DateOK, 0},
		{"money ok", c.MoneyOK, 1},
		{"events predicted", c.EventPred, 2},
		{"events ok", c.EventOK, 1},
		{"events on a not_event", c.EventNotEvent, 1},
		{"event recall", c.EventFound, 1},
	}
	for _, x := range ints {
		if x.got != x.want {
			t.Errorf("%s = %d, want %d", x.name, x.got, x.want)
		}
	}
	if c.KindPredicted {
		t.Error("speaker_kind counted as predicted, but the Quote type has no such field")
	}
	if got := c.Metrics()["speaker_kind"]; got != nil {
		t.Errorf("speaker_kind metric = %v, want null", got)
	}
	wantMisses := []string{
		`entity typed ORG, gold PERSON: "Jane Roe"`,
		`entity spurious PERSON "Monday"`,
		`entity missed PLACE "Texas"`,
		`place "Texas" → Texas AU/Queensland (1); want US/Texas (4736286)`,
		`not a place "Earth" resolved to Earth US/Texas (2, city)`,
		`speaker is a place: "Texas"`,
		`speaker is a phrase: "According"`,
		`date "Monday" → 2026-11-09; want 2026-11-16`,
		`event election "vote" is a not_event`,
	}
	joined := strings.Join(r.Misses, "\n")
	for _, m := range wantMisses {
		if !strings.Contains(joined, m) {
			t.Errorf("misses lack %q; have:\n%s", m, joined)
		}
	}
}

func TestScoreDocSpeakers(t *testing.T) {
	tx := "Beijing said the talks would go on. Officials said on Friday the plan worked. The firm, Acme, said sales rose."
	gold := &DocGold{
		Entities: []DocEntity{{Type: "PLACE", Name: "Beijing"}, {Type: "ORG", Name: "Acme"}},
		Places:   []DocPlace{{Mention: "Beijing", GeonameID: 1816670, Country: "CN", Admin1: "Beijing", Feature: "city", Metonymy: true}},
		Quotes: []DocQuote{
			{Head: "the talks would go on", Speaker: strp("Beijing"), Kind: "named"},
			{Head: "the plan worked", Speaker: strp("officials"), Kind: "anonymous"},
			{Head: "sales rose", Speaker: strp("Acme"), Kind: "nominal"},
		},
	}
	tests := []struct {
		name      string
		speakers  [3]string
		bad       [3]int // place, date, phrase
		described int
		namedOK   int
	}{
		{"right", [3]string{"Beijing", "officials", "Acme"}, [3]int{}, 0, 2},
		{"a date and an unresolved description", [3]string{"Beijing", "Friday", "The firm"}, [3]int{0, 1, 0}, 1, 1},
		{"phrases", [3]string{"the talks", "Officials said on", "sales"}, [3]int{0, 0, 3}, 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := &article.Article{Text: tx}
			for i, head := range []string{"the talks would go on", "the plan worked", "sales rose"} {
				b, e := at(tx, head, 1)
				a.Quotes = append(a.Quotes, article.Quote{Start: b, End: e, Speaker: strp(tc.speakers[i])})
			}
			c := ScoreDoc(gold, a).Counts
			if got := [3]int{c.BadPlace, c.BadDate, c.BadPhrase}; got != tc.bad {
				t.Errorf("bad (place, date, phrase) = %v, want %v", got, tc.bad)
			}
			if c.UnresolvedDescribed != tc.described {
				t.Errorf("unresolved described = %d, want %d", c.UnresolvedDescribed, tc.described)
			}
			if c.Named != 2 || c.NamedOK != tc.namedOK {
				t.Errorf("named = %d/%d, want %d/2", c.NamedOK, c.Named, tc.namedOK)
			}
		})
	}
}

func TestSpeakerShape(t *testing.T) {
	tests := []struct{ speaker, want string }{
		{"According", "phrase"},
		{"a statement released", "phrase"},
		{"officials said on", "phrase"},
		{"Agriculture Cabinet", "phrase"},
		{"the talks", "phrase"},
		{"the team", "described"},
		{"negotiators", "described"},
		{"the statement", "described"},
		{"a spokeswoman", "described"},
		{"senior economists", "described"},
		{"the production company", "described"},
	}
	for _, tc := range tests {
		if got := speakerShape(normName(tc.speaker)); got != tc.want {
			t.Errorf("speakerShape(%q) = %s, want %s", tc.speaker, got, tc.want)
		}
	}
}

func TestDocTextFind(t *testing.T) {
	d := newDocText("He said: “It’s done.” It's done twice.\n\nThe company said so.")
	tests := []struct {
		s    string
		nth  int
		want int // start, -1 when absent
	}{
		{"It's done", 1, 10},        // a straight apostrophe finds a curly one
		{"It’s done", 2, 22},        // and the other way round
		{"the company said", 1, 40}, // case ignored when the written case is absent
		{"done twice", 0, 27},
		{"one", 1, -1}, // whole words only
	}
	if got := len(d.findAllWords("it's DONE")); got != 2 {
		t.Errorf("findAllWords found %d occurrences, want 2 whatever their case", got)
	}
	for _, tc := range tests {
		sp, ok := d.find(tc.s, tc.nth)
		if got := map[bool]int{true: sp.Start, false: -1}[ok]; got != tc.want {
			t.Errorf("find(%q, %d) = %d, want %d", tc.s, tc.nth, got, tc.want)
		}
	}
}

func TestRunDocs(t *testing.T) {
	docs, err := ReadDocSet(filepath.Join(docsTestdata, "set"))
	if err != nil {
		t.Fatal(err)
	}
	var seen []string
	fake := func(_ context.Context, d DocText) (*article.Article, error) {
		seen = append(seen, d.Key+"@"+d.Published.Format("2006-01-02"))
		return &article.Article{Text: d.Text}, nil
	}
	res, err := RunDocs(context.Background(), docs, testTexts(), fake)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(seen, " "), "bbc:1@2005-02-03 demo:daily-ledger/sample-story@2026-11-18 reuters:0@1987-03-02"; got != want {
		t.Errorf("analysed %s, want %s", got, want)
	}
	if len(res) != 3 || !res[1].Demo || res[2].Split != "aside" {
		t.Errorf("results = %+v", res)
	}

	// A key missing from the data stops the run before anything is analysed.
	seen = nil
	docs = append(docs, &DocGold{Doc: "bbc:77", Split: "tune", Published: "2005-01-01", Where: "z.jsonl:1"})
	if _, err := RunDocs(context.Background(), docs, testTexts(), fake); err == nil || !strings.Contains(err.Error(), "bbc:77") {
		t.Errorf("error = %v, want one naming bbc:77", err)
	}
	if len(seen) != 0 {
		t.Errorf("analysed %v before the missing key was found", seen)
	}
}

func TestDocCountsSummary(t *testing.T) {
	c := NewDocCounts()
	c.Add(ScoreDoc(sampleGold(), samplePrediction()).Counts)
	c.Add(ScoreDoc(sampleGold(), samplePrediction()).Counts)
	line := c.SummaryLine("aside")
	want := "docs split=aside entity_f1=0.6667 place_country=0.5000 place_admin1=0.5000 speaker_named=1.0000 bad_speakers=4 date_value=0.0000 money=1.0000 event_precision=0.5000"
	if line != want {
		t.Errorf("summary\n got %s\nwant %s", line, want)
	}
	var b strings.Builder
	c.WriteText(&b, "tune")
	if !strings.HasSuffix(strings.TrimSpace(b.String()), c.SummaryLine("tune")) {
		t.Errorf("WriteText does not end with the summary line:\n%s", b.String())
	}
}

func TestScoreDocMoney(t *testing.T) {
	tx := "It needs between $215 billion and $387 billion, or HK$3.9 billion ($501 million)."
	span := func(s string) (int, int) { return at(tx, s, 1) }
	rb, re := span("$215 billion and $387 billion")
	hb, he := span("HK$3.9 billion")
	ub, ue := span("$501 million")
	a := &article.Article{Text: tx, Money: []article.Money{
		{Start: rb, End: re, Amount: 215e9, AmountMax: 387e9, Currency: "USD"},
		{Start: hb, End: he, Amount: 3.9e9, Currency: "HKD"},
		{Start: ub, End: ue, Amount: 501e6, Currency: "HKD"}, // the bracket took the sign before it
	}}
	tests := []struct {
		gold DocMoney
		ok   bool
	}{
		{DocMoney{Text: "$215 billion", Amount: 215e9, Currency: "USD"}, true},
		{DocMoney{Text: "$387 billion", Amount: 387e9, Currency: "USD"}, true}, // the range's upper end
		{DocMoney{Text: "HK$3.9 billion", Amount: 3.9e9, Currency: "HKD"}, true},
		{DocMoney{Text: "$501 million", Amount: 501e6, Currency: "USD"}, false},
	}
	for _, tc := range tests {
		c := ScoreDoc(&DocGold{Money: []DocMoney{tc.gold}}, a).Counts
		if got := c.MoneyOK == 1; got != tc.ok {
			t.Errorf("money %q right = %v, want %v", tc.gold.Text, got, tc.ok)
		}
	}
}

func TestCheckDoc(t *testing.T) {
	tx := "Acme said on Monday it had won $5m in Paris."
	types := []string{"statement", "economic"}
	good := DocGold{
		Entities: []DocEntity{{Type: "ORG", Name: "Acme"}, {Type: "PLACE", Name: "Paris"}},
		Places:   []DocPlace{{Mention: "Paris", GeonameID: 2988507, Country: "FR", Feature: "city"}},
		Quotes:   []DocQuote{{Head: "it had won", Speaker: strp("Acme"), Kind: "named", SpeakerType: strp("ORG")}},
		Dates:    []DocDate{{Text: "Monday", Value: "2026-11-16"}},
		Money:    []DocMoney{{Text: "$5m", Amount: 5e6, Currency: "USD"}},
		Events:   []DocEvent{{Type: "economic", Trigger: "won"}},
	}
	tests := []struct {
		name   string
		change func(*DocGold)
		want   string // "" when no problem is expected
	}{
		{"good", func(*DocGold) {}, ""},
		{"entity type", func(g *DocGold) { g.Entities[0].Type = "COMPANY" }, `type "COMPANY"`},
		{"canonical name absent, alias present", func(g *DocGold) { g.Entities[0].Name = "Acme Corp"; g.Entities[0].Aliases = []string{"Acme"} }, ""},
		{"no form present", func(g *DocGold) { g.Entities[0].Name = "Acme Corp" }, `"Acme Corp": none of its forms`},
		{"head absent", func(g *DocGold) { g.Quotes[0].Head = "it had lost" }, "quote head"},
		{"second occurrence absent", func(g *DocGold) { g.Dates[0].Occurrence = 2 }, "occurrence 2"},
		{"kind", func(g *DocGold) { g.Quotes[0].Kind = "direct" }, `kind "direct"`},
		{"named speaker unknown", func(g *DocGold) { g.Quotes[0].Speaker = strp("Acme Inc") }, "no entity's name"},
		{"date value", func(g *DocGold) { g.Dates[0].Value = "16/11/2026" }, "is not YYYY"},
		{"date range", func(g *DocGold) { g.Dates[0].Value = "2026-11-14/2026-11-15" }, ""},
		{"currency", func(g *DocGold) { g.Money[0].Currency = "dollar" }, "no ISO 4217"},
		{"event type", func(g *DocGold) { g.Events[0].Type = "victory" }, `type "victory"`},
		{"feature", func(g *DocGold) { g.Places[0].Feature = "town" }, `feature "town"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := good
			g.Entities = slices.Clone(good.Entities)
			g.Places = slices.Clone(good.Places)
			g.Quotes = slices.Clone(good.Quotes)
			g.Dates = slices.Clone(good.Dates)
			g.Money = slices.Clone(good.Money)
			g.Events = slices.Clone(good.Events)
			tc.change(&g)
			got := strings.Join(CheckDoc(&g, tx, types), "\n")
			if tc.want == "" && got != "" || tc.want != "" && !strings.Contains(got, tc.want) {
				t.Errorf("problems = %q, want %q", got, tc.want)
			}
		})
	}
}

// noChain extracts nothing: enough to see Docs.Score read the set, group it and end on the
// summary of aside (or of the split asked for).
type noChain struct{}

func (noChain) Names() []string                             { return nil }
func (noChain) Run(context.Context, *article.Article) error { return nil }

func TestDocsScore(t *testing.T) {
	for _, tc := range []struct {
		split, part, last string
		groups            []string
	}{
		{"all", "", "docs split=aside ", []string{"demo: docs=1", "tune: docs=2", "aside: docs=1"}},
		{"tune", "", "docs split=tune ", []string{"demo: docs=1", "tune: docs=2"}},
		{"all", "b", "docs split=aside ", []string{"aside: docs=1"}},
		{"tune", "a", "docs split=tune ", []string{"demo: docs=1", "tune: docs=2"}},
	} {
		x := Docs{Set: filepath.Join(docsTestdata, "set"), DemoDir: filepath.Join(docsTestdata, "demo"), Split: tc.split, Part: tc.part,
			Chain: func([]string) (Chain, error) { return noChain{}, nil }}
		r, err := x.Score(context.Background(), filepath.Join(docsTestdata, "data"), io.Discard, io.Discard)
		if err != nil {
			t.Fatal(err)
		}
		text := r.Text.String()
		if !strings.HasPrefix(lastLines(r, 1), tc.last) {
			t.Errorf("split %s: last line %q; want %q…", tc.split, lastLines(r, 1), tc.last)
		}
		for _, g := range tc.groups {
			if !strings.Contains(text, "\n"+g+"\n") {
				t.Errorf("split %s: no group line %q in\n%s", tc.split, g, text)
			}
		}
		if tc.part == "b" && strings.Contains(text, "tune: docs=") {
			t.Errorf("part b: tune documents of a.jsonl scored:\n%s", text)
		}
		if r.Metrics["split"] != tc.split || (tc.part == "" && r.Metrics["tune"] == nil) {
			t.Errorf("split %s: metrics %v", tc.split, r.Metrics)
		}
	}
	onlyB := Docs{Set: filepath.Join(docsTestdata, "set"), Split: "tune", Part: "b"}
	if _, err := onlyB.Score(context.Background(), "", io.Discard, io.Discard); err == nil || !strings.Contains(err.Error(), "b.jsonl") {
		t.Errorf("tune of part b (aside only): err %v; want one naming b.jsonl", err)
	}
	if _, err := (Docs{Split: "some"}).Score(context.Background(), "", io.Discard, io.Discard); !errors.Is(err, ErrUsage) {
		t.Errorf("split some: err %v; want a usage error", err)
	}
}

// TestRangeEndpoint: a range read whole ("from 2011 to 2016" → 2011/2016) matches the annotation
// of either endpoint year, at its own end of the range only.
func TestRangeEndpoint(t *testing.T) {
	rng := article.Date{Text: "2011 to 2016", Start: 5, End: 17, Value: "2011/2016", Grain: "year"}
	for _, tc := range []struct {
		name string
		d    article.Date
		sp   article.Span
		want string
		ok   bool
	}{
		{"first year at the start", rng, article.Span{Start: 5, End: 9}, "2011", true},
		{"last year at the end", rng, article.Span{Start: 13, End: 17}, "2016", true},
		{"first year at the end", rng, article.Span{Start: 13, End: 17}, "2011", false},
		{"a year inside", rng, article.Span{Start: 5, End: 9}, "2013", false},
		{"not a range", article.Date{Start: 5, End: 9, Value: "2012"}, article.Span{Start: 5, End: 9}, "2011", false},
	} {
		if got := rangeEndpoint(tc.d, tc.sp, tc.want); got != tc.ok {
			t.Errorf("%s: rangeEndpoint = %v; want %v", tc.name, got, tc.ok)
		}
	}
}

// TestDateLikeSpeakers: a speaker that is a date or a time is bad; a group counted by a number is
// a description of people.
func TestDateLikeSpeakers(t *testing.T) {
	for _, tc := range []struct {
		speaker string
		date    bool
	}{
		{"Monday", true}, {"last week", true}, {"May 13", true}, {"2016", true}, {"13 May", true},
		{"10:30", true}, {"9 a.m.", true}, {"12/4", true},
		{"36 percent of Democrats", false}, {"1,409 teachers", false}, {"10 Virginia voters", false},
		{"Mayor Smith", false},
	} {
		if got := dateLike.MatchString(tc.speaker); got != tc.date {
			t.Errorf("dateLike(%q) = %v; want %v", tc.speaker, got, tc.date)
		}
	}
}
