package quote

import (
	"context"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/newsmon/newsmon/internal/golden"
	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/text"
)

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
	role    string
}

// at is a mention of the n-th (0-based) occurrence of form in s.
func at(s, form string, n int) article.Mention {
	idx := text.NewRuneIndex(s)
	off := 0
	for ; n >= 0; n-- {
		k := strings.Index(s[off:], form)
		if k < 0 {
			panic("no " + form)
		}
		off += k
		if n > 0 {
			off += len(form)
		}
	}
	return article.Mention{Text: form, Start: idx.Rune(off), End: idx.Rune(off + len(form))}
}

type entityOf func(s string) article.Entity

func person(name string, forms ...string) entityOf {
	return func(s string) article.Entity { return entity(s, "PERSON", name, forms...) }
}

func org(name string, forms ...string) entityOf {
	return func(s string) article.Entity { return entity(s, "ORG", name, forms...) }
}

func TestFind(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   string
		ents []entityOf
		want []want
	}{
		{"after cue, surname", "Cui Rongguo visited. “We are ready,” Cui said.",
			[]entityOf{person("Cui Rongguo", "Cui Rongguo")},
			[]want{{"We are ready", true, "Cui Rongguo", "said", ""}}},
		{"inverted cue with role", `"Prices will rise next year," said Zhang Wei, an economist at Bank of China.`,
			[]entityOf{person("Zhang Wei", "Zhang Wei"), org("Bank of China", "Bank of China")},
			[]want{{"Prices will rise next year", true, "Zhang Wei", "said", "an economist at Bank of China"}}},
		{"split quote and pronoun", "Marie Lefèvre spoke. “We will win,” she said, “because the talent is here.”",
			[]entityOf{person("Marie Lefèvre", "Marie Lefèvre")},
			[]want{{"We will win", true, "Marie Lefèvre", "said", ""}, {"because the talent is here.", true, "Marie Lefèvre", "said", ""}}},
		{"British single quotes", "‘We will act quickly on housing,’ said Jean Dupont. ‘The voters’ patience is short.’",
			[]entityOf{person("Jean Dupont", "Jean Dupont")},
			[]want{{"We will act quickly on housing", true, "Jean Dupont", "said", ""}, {"The voters’ patience is short.", true, "Jean Dupont", "said", ""}}},
		{"straight single quotes need a cue", "'We are ready,' Cui Rongguo said. The 'plan' is 'big and bold and new'.",
			[]entityOf{person("Cui Rongguo", "Cui Rongguo")},
			[]want{{"We are ready", true, "Cui Rongguo", "said", ""}}},
		{"guillemets", "Jean Dupont told reporters: «We will not give up the fight.»",
			[]entityOf{person("Jean Dupont", "Jean Dupont")},
			[]want{{"We will not give up the fight.", true, "Jean Dupont", "told", ""}}},
		{"German quotes", "„Wir schaffen das heute Abend“, said Olaf Scholz.",
			[]entityOf{person("Olaf Scholz", "Olaf Scholz")},
			[]want{{"Wir schaffen das heute Abend", true, "Olaf Scholz", "said", ""}}},
		{"lead-in colon", "Cui Rongguo spoke at the opening: «Nous allons gagner la bataille.»",
			[]entityOf{person("Cui Rongguo", "Cui Rongguo")},
			[]want{{"Nous allons gagner la bataille.", true, "Cui Rongguo", ":", ""}}},
		{"multi-paragraph", "Li Na said: “The first paragraph of the quote goes on.\n\n“And the second one ends it.”\n\nNext.",
			[]entityOf{person("Li Na", "Li Na")},
			[]want{{"The first paragraph of the quote goes on.\n\n“And the second one ends it.", true, "Li Na", "said", ""}}},
		{"cue in the paragraph before", "Cui Rongguo continued:\n\n“We are not building factories, we are building an ecosystem.”",
			[]entityOf{person("Cui Rongguo", "Cui Rongguo")},
			[]want{{"We are not building factories, we are building an ecosystem.", true, "Cui Rongguo", "continued", ""}}},
		{"quote-only paragraph continues the speaker", "“We are ready,” Li Na said.\n\n“The shop opens at six every morning.”",
			[]entityOf{person("Li Na", "Li Na")},
			[]want{{"We are ready", true, "Li Na", "said", ""}, {"The shop opens at six every morning.", true, "Li Na", "said", ""}}},
		{"quotes inside quotes", "“He told me ‘never again’ and left the room,” Li Na said.",
			[]entityOf{person("Li Na", "Li Na")},
			[]want{{"He told me ‘never again’ and left the room", true, "Li Na", "said", ""}}},
		{"NYT doubled marks with an inner quote", "''They told us, 'no way,''' Cui Rongguo said.",
			[]entityOf{person("Cui Rongguo", "Cui Rongguo")},
			[]want{{"They told us, 'no way,'", true, "Cui Rongguo", "said", ""}}},
		{"headline colon", "Minister: ‘We will act’\n\nThe government met on Monday.", nil,
			[]want{{"We will act", true, "Minister", ":", ""}}},
		{"headline colon, title resolved in the body", "Minister: ‘We will act’\n\nJean Dupont, the housing minister, spoke on Monday.",
			[]entityOf{person("Jean Dupont", "Jean Dupont")},
			[]want{{"We will act", true, "Jean Dupont", ":", ""}}},
		{"scare quotes skipped", "The so-called “fake news” spread.", nil, nil},
		{"told reporters", "Cui Rongguo, Party secretary of Xinwu district, told reporters on Monday that about 40 companies had signed.",
			[]entityOf{person("Cui Rongguo", "Cui Rongguo")},
			[]want{{"about 40 companies had signed", false, "Cui Rongguo", "told", "Party secretary of Xinwu district"}}},
		{"expressed hope that", "Zhang Wei expressed hope that the talks would resume before the summer.",
			[]entityOf{person("Zhang Wei", "Zhang Wei")},
			[]want{{"the talks would resume before the summer", false, "Zhang Wei", "expressed hope", ""}}},
		{"warned and stressed", "Li Na warned that rents would keep rising. She also stressed that the city must act.",
			[]entityOf{person("Li Na", "Li Na")},
			[]want{{"rents would keep rising", false, "Li Na", "warned", ""}, {"the city must act", false, "Li Na", "stressed", ""}}},
		{"a relative clause after an inverted speaker is no second quote",
			"Exports will rise next year, said Lea Moreau, who teaches economics at the university.",
			[]entityOf{person("Lea Moreau", "Lea Moreau")},
			[]want{{"Exports will rise next year", false, "Lea Moreau", "said", ""}}},
		{"according to first", "According to the Jiangsu Department of Commerce, foreign investment reached a record.",
			[]entityOf{org("Jiangsu Department of Commerce", "Jiangsu Department of Commerce")},
			[]want{{"foreign investment reached a record", false, "Jiangsu Department of Commerce", "According to", ""}}},
		{"according to last", "Exports rose sharply last year, according to Xinhua.",
			[]entityOf{org("Xinhua", "Xinhua")},
			[]want{{"Exports rose sharply last year", false, "Xinhua", "according to", ""}}},
		{"trailing cue, organisation noun resolved", "The Ministry of Finance met in Beijing. The economy will slow next year, the ministry said on Monday.",
			[]entityOf{org("Ministry of Finance", "Ministry of Finance")},
			[]want{{"The economy will slow next year", false, "Ministry of Finance", "said", ""}}},
		{"trailing cue, unresolved phrase kept", "The economy will slow next year, officials said on Monday.", nil,
			[]want{{"The economy will slow next year", false, "officials", "said", ""}}},
		{"trailing inverted cue", "Prices will rise next year, said Cui Rongguo, the Party secretary.",
			[]entityOf{person("Cui Rongguo", "Cui Rongguo")},
			[]want{{"Prices will rise next year", false, "Cui Rongguo", "said", "the Party secretary"}}},
		{"cue inside reported speech", "Li Na runs a shop. Business on the old street, she said, has never been better.",
			[]entityOf{person("Li Na", "Li Na")},
			[]want{{"Business on the old street", false, "Li Na", "said", ""}, {"has never been better", false, "Li Na", "said", ""}}},
		{"pronoun indirect", "Zhang Wei spoke first. She added that local governments were competing.",
			[]entityOf{person("Zhang Wei", "Zhang Wei")},
			[]want{{"local governments were competing", false, "Zhang Wei", "added", ""}}},
		{"title resolves to the full entity", "Cui Rongguo, Party secretary of Xinwu district, visited the site. “We are ready,” the Party secretary said.",
			[]entityOf{person("Cui Rongguo", "Cui Rongguo")},
			[]want{{"We are ready", true, "Cui Rongguo", "said", "Party secretary"}}},
		{"director resolves through the role", "Marie Lefèvre, director of the lab, arrived late. The director said the results were encouraging.",
			[]entityOf{person("Marie Lefèvre", "Marie Lefèvre")},
			[]want{{"the results were encouraging", false, "Marie Lefèvre", "said", "director"}}},
		{"title before the name", "President Joe Biden landed. “We stand with you,” the president said.",
			[]entityOf{person("Joe Biden", "Joe Biden")},
			[]want{{"We stand with you", true, "Joe Biden", "said", "president"}}},
		{"mixed quote is reported speech", "Cui Rongguo said the plan was “a disaster for the city” and should stop.",
			[]entityOf{person("Cui Rongguo", "Cui Rongguo")},
			[]want{{"the plan was “a disaster for the city” and should stop", false, "Cui Rongguo", "said", ""}}},
		{"adding that gives two quotes", "Cui Rongguo said sales rose sharply in May, adding that exports would follow.",
			[]entityOf{person("Cui Rongguo", "Cui Rongguo")},
			[]want{{"sales rose sharply in May", false, "Cui Rongguo", "said", ""}, {"exports would follow", false, "Cui Rongguo", "adding", ""}}},
		{"participle takes the clause subject", "Li Na welcomed the plan on Monday, saying that rents had risen.",
			[]entityOf{person("Li Na", "Li Na")},
			[]want{{"rents had risen", false, "Li Na", "saying", ""}}},
		{"organisation speaks, it resolves", "Acme Semiconductor Inc. opened a lab. It said the line would open in 2025.",
			[]entityOf{org("Acme Semiconductor Inc.", "Acme Semiconductor Inc.")},
			[]want{{"the line would open in 2025", false, "Acme Semiconductor Inc.", "said", ""}}},
		{"no entities: the phrase next to the cue", `"This is a long enough quote," said Smith.`, nil,
			[]want{{"This is a long enough quote", true, "Smith", "said", ""}}},
		{"appositive and bracketed party", "Sen. Marco Rubio (R-Fla.) said the bill would pass this week.", nil,
			[]want{{"the bill would pass this week", false, "Marco Rubio", "said", "Sen."}}},
		{"role before the name", "Its chief executive, Marie Lefèvre, said the company had been in talks since 2021.",
			[]entityOf{person("Marie Lefèvre", "Marie Lefèvre")},
			[]want{{"the company had been in talks since 2021", false, "Marie Lefèvre", "said", "Its chief executive"}}},
		{"verb after the quote outside the lexicon", "“Get out of here now,” he demanded. Zhang Wei left.",
			[]entityOf{person("Zhang Wei", "Zhang Wei")},
			[]want{{"Get out of here now", true, "", "demanded", ""}}},
		{"name line above the quote", "Maria Lopez, 34, Phoenix\n\n“I have never seen prices like these in my whole life.”",
			[]entityOf{person("Maria Lopez", "Maria Lopez")},
			[]want{{"I have never seen prices like these in my whole life.", true, "Maria Lopez", "", "34, Phoenix"}}},
		{"name line under the quote", "“I have never seen prices like these in my whole life.”\n\nMaria Lopez, 34, Phoenix",
			[]entityOf{person("Maria Lopez", "Maria Lopez")},
			[]want{{"I have never seen prices like these in my whole life.", true, "Maria Lopez", "", "34, Phoenix"}}},
		{"dash signature after the quote", "“Prices have never been this high in my whole life.” — Maria Lopez, 34",
			[]entityOf{person("Maria Lopez", "Maria Lopez")},
			[]want{{"Prices have never been this high in my whole life.", true, "Maria Lopez", "—", "34"}}},
		{"introduced before a cue-less quote", "Maria Lopez runs a small bakery in Phoenix.\n\n“I have never seen prices like these in my whole life.”",
			[]entityOf{person("Maria Lopez", "Maria Lopez")},
			[]want{{"I have never seen prices like these in my whole life.", true, "Maria Lopez", "", ""}}},
		{"pronoun gender from honorifics", "Mrs. Lopez met Mr. Cui on Monday. “We will sign next week,” she said.",
			[]entityOf{person("Maria Lopez", "Lopez"), person("Cui Rongguo", "Cui")},
			[]want{{"We will sign next week", true, "Maria Lopez", "said", ""}}},
		{"asked about: the question has no named asker", "Asked about the new tariffs, Cui Rongguo declined to comment.",
			[]entityOf{person("Cui Rongguo", "Cui Rongguo")},
			[]want{{"the new tariffs", false, "", "Asked", ""}}},
		{"noun-like verb between a subject and a clause", "Li Na notes that rents have doubled. Her notes were long.",
			[]entityOf{person("Li Na", "Li Na")},
			[]want{{"rents have doubled", false, "Li Na", "notes", ""}}},
		{"according to before a quote", "According to the Daily Caller, “The department was in direct contact with the reporter.”",
			[]entityOf{org("Daily Caller", "Daily Caller")},
			[]want{{"The department was in direct contact with the reporter.", true, "Daily Caller", "According to", ""}}},
		{"statement lead-in", "After the attacks, Cui Rongguo issued a statement: “We will rebuild every house in the district.”",
			[]entityOf{person("Cui Rongguo", "Cui Rongguo")},
			[]want{{"We will rebuild every house in the district.", true, "Cui Rongguo", "statement", ""}}},
		{"any past-tense verb after a comma-closed quote", "“We are not going anywhere,” Cui Rongguo insisted loudly. “Never!” retorted Li Na.",
			[]entityOf{person("Cui Rongguo", "Cui Rongguo"), person("Li Na", "Li Na")},
			[]want{{"We are not going anywhere", true, "Cui Rongguo", "insisted", ""}, {"Never!", true, "Li Na", "retorted", ""}}},
		{"quote inside a sentence without a speech verb", "Ted Nordhaus welcomed “the recognition that we lack the technology we need.”",
			[]entityOf{person("Ted Nordhaus", "Ted Nordhaus")},
			[]want{{"the recognition that we lack the technology we need.", true, "Ted Nordhaus", "", ""}}},
		{"several appositives before the cue", "Denise Walker, 45, a nurse from Charlotte, N.C., said: “Health care is all that matters now.”",
			[]entityOf{person("Denise Walker", "Denise Walker")},
			[]want{{"Health care is all that matters now.", true, "Denise Walker", "said", "a nurse from Charlotte, N.C."}}},
		{"appositive with a possessive after the quote", "“We raised more than ever before,” Jeff Weaver, Sanders' campaign manager, said.",
			[]entityOf{person("Jeff Weaver", "Jeff Weaver"), person("Bernie Sanders", "Sanders")},
			[]want{{"We raised more than ever before", true, "Jeff Weaver", "said", "Sanders' campaign manager"}}},
		{"name line right under the quote", "Intro.\n\n“I have never been so worried about this country.”\nKaren Miller, Columbus, Ohio",
			[]entityOf{person("Karen Miller", "Karen Miller")},
			[]want{{"I have never been so worried about this country.", true, "Karen Miller", "", "Columbus, Ohio"}}},
		{"long dash signature paragraph", "“Health care is the only issue that matters to my family.”\n\n— Denise Walker, a nurse in Charlotte, N.C.",
			[]entityOf{person("Denise Walker", "Denise Walker")},
			[]want{{"Health care is the only issue that matters to my family.", true, "Denise Walker", "", "a nurse in Charlotte"}}},
		{"name lines between quotes: the run starts with a name", "We asked voters.\n\nAnn Lee, 34, Ohio\n\n“Nobody in Washington listens to people like us.”\n\nBob Ray, 50, Iowa\n\n“I will vote for whoever fixes the roads in my town.”",
			[]entityOf{person("Ann Lee", "Ann Lee"), person("Bob Ray", "Bob Ray")},
			[]want{{"Nobody in Washington listens to people like us.", true, "Ann Lee", "", "34, Ohio"}, {"I will vote for whoever fixes the roads in my town.", true, "Bob Ray", "", "50, Iowa"}}},
		{"name line with a colon before the quote", "Rachel Green, Madison, Wis.: “I am voting for a third party this time.”",
			[]entityOf{person("Rachel Green", "Rachel Green")},
			[]want{{"I am voting for a third party this time.", true, "Rachel Green", ":", "Madison, Wis"}}},
		{"a lead-in wins over the next sentence's cue", "O'Malley interjected: “That is not enough to stop the banks.” He said Clinton would not go far enough.",
			[]entityOf{person("Martin O'Malley", "O'Malley"), person("Hillary Clinton", "Clinton")},
			[]want{{"That is not enough to stop the banks.", true, "Martin O'Malley", "interjected", ""}, {"Clinton would not go far enough", false, "Martin O'Malley", "said", ""}}},
		{"participle after a speech verb", "Mateen left early, Nefzi said, adding, “He never talked to anyone at the mosque.”",
			[]entityOf{person("Omar Mateen", "Mateen"), person("Nefzi", "Nefzi")},
			[]want{{"Mateen left early", false, "Nefzi", "said", ""}, {"He never talked to anyone at the mosque.", true, "Nefzi", "adding", ""}}},
		{"pronoun subject after an opening phrase", "Eight years ago, he backed Barack Obama over Clinton and said, “She never supported us.”",
			[]entityOf{person("Barack Obama", "Barack Obama"), person("Hillary Clinton", "Clinton"), person("Al Sharpton", "Sharpton")},
			[]want{{"She never supported us.", true, "", "said", ""}}},
		{"dash and name before a colon", "Polls missed the late swing - Carl Bialik: “Keep on contacting voters as late as possible.”",
			[]entityOf{person("Carl Bialik", "Carl Bialik")},
			[]want{{"Keep on contacting voters as late as possible.", true, "Carl Bialik", ":", ""}}},
		{"cue-less quote after reported speech", "Bill Jensen, 45, of Ames, said he is undecided. “Nobody talks about small farmers like us.”",
			[]entityOf{person("Bill Jensen", "Bill Jensen")},
			[]want{{"he is undecided", false, "Bill Jensen", "said", "of Ames"}, {"Nobody talks about small farmers like us.", true, "Bill Jensen", "said", "of Ames"}}},
		{"belief verbs are not speech", "Cui Rongguo believes that the plan will work next year.",
			[]entityOf{person("Cui Rongguo", "Cui Rongguo")}, nil},
		{"a deal announced on a day says nothing", "Coty bought a 51% stake in the brand, a deal announced at the beginning of the week.",
			nil, nil},
		{"a cue verb's noun is no cue", "There were also fears that too much stress might be placed on the banks.",
			nil, nil},
		{"two quoted phrases in one sentence of reported speech are one quote",
			"A cashier who “steals a handful of cash” and then “lies about it” is held accountable, Warren said.",
			[]entityOf{person("Elizabeth Warren", "Warren")},
			[]want{{"A cashier who “steals a handful of cash” and then “lies about it” is held accountable", false, "Elizabeth Warren", "said", ""}}},
	} {
		var ents []article.Entity
		for _, f := range tc.ents {
			ents = append(ents, f(tc.in))
		}
		got := New().Find(tc.in, ents)
		checkOffsets(t, tc.in, got)
		if len(got) != len(tc.want) {
			t.Errorf("%s: got %d quotes %s\nwant %d", tc.name, len(got), show(got), len(tc.want))
			continue
		}
		for i, w := range tc.want {
			g := got[i]
			spk := ""
			if g.Speaker != nil {
				spk = *g.Speaker
			}
			if g.Text != w.text || g.Direct != w.direct || spk != w.speaker || g.Cue != w.cue || g.Role != w.role {
				t.Errorf("%s[%d] = %q direct=%v speaker=%q cue=%q role=%q;\n want %q direct=%v speaker=%q cue=%q role=%q",
					tc.name, i, g.Text, g.Direct, spk, g.Cue, g.Role, w.text, w.direct, w.speaker, w.cue, w.role)
			}
		}
	}
}

// TestHeadlineSurname resolves "Cui:" in a headline to the person the body names in full.
func TestHeadlineSurname(t *testing.T) {
	s := "Cui: ‘We are building an ecosystem’\n\nCui Rongguo, Party secretary of Xinwu district, spoke on Monday."
	ents := []article.Entity{{Type: "PERSON", Name: "Cui Rongguo", Role: "Party secretary of Xinwu district",
		Mentions: []article.Mention{at(s, "Cui", 0), at(s, "Cui Rongguo", 0)}}}
	got := New().Find(s, ents)
	checkOffsets(t, s, got)
	if len(got) != 1 || got[0].Speaker == nil || *got[0].Speaker != "Cui Rongguo" || got[0].Cue != ":" ||
		got[0].Role != "Party secretary of Xinwu district" || got[0].SpeakerMention == nil || got[0].SpeakerMention.Text != "Cui" {
		t.Errorf("got %s\nwant one quote by Cui Rongguo (mention Cui, cue :, role kept)", show(got))
	}
}

func show(qs []article.Quote) string {
	var b strings.Builder
	for _, q := range qs {
		spk := "<nil>"
		if q.Speaker != nil {
			spk = *q.Speaker
		}
		b.WriteString("\n  " + strconv.Quote(q.Text) + " direct=" + strconv.FormatBool(q.Direct) + " speaker=" + spk + " cue=" + q.Cue + " role=" + q.Role)
	}
	return b.String()
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
	golden.CheckJSON(t, "testdata/article.golden.json", a.Quotes)
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
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// TestNotASpeaker: the last guard keeps dates, pronouns and function words out of speakers.
func TestNotASpeaker(t *testing.T) {
	for _, tc := range []struct {
		name string
		want bool
	}{
		{"Thursday", true}, {"According", true}, {"he", true}, {"the", true}, {"Last week", false},
		{"Germany", false}, {"The Hill", false}, {"Analysts", false},
	} {
		if got := notASpeaker(tc.name); got != tc.want {
			t.Errorf("notASpeaker(%q) = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestDatelineOnlyClause: a quote whose clause before it is nothing but a dateline ("WASHINGTON —
// “…”", as in PolNeAR's train texts) has no subject to read, and must not panic.
func TestDatelineOnlyClause(t *testing.T) {
	for _, s := range []string{
		"WASHINGTON — “We will not back down from this fight, not now and not ever.”",
		"DALLAS, Texas — “The state is ready for whatever comes next,” officials said.",
	} {
		New().Find(s, capitalisedPeople(s))
	}
}
