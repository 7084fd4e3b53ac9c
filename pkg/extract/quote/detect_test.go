package quote

import (
	"strings"
	"testing"

	"github.com/newsmon/newsmon/pkg/article"
)

// wantQuote is a quote a reader finds: its text holds text, its speaker holds speaker ("" = any,
// "-" = none), and it is direct or not.
type wantQuote struct {
	text, speaker string
	direct        bool
}

// quoteHolding is the quote of qs whose text holds text, if any.
func quoteHolding(qs []article.Quote, text string) (article.Quote, bool) {
	for _, q := range qs {
		if strings.Contains(q.Text, text) {
			return q, true
		}
	}
	return article.Quote{}, false
}

func checkWanted(t *testing.T, in string, qs []article.Quote, want []wantQuote) {
	t.Helper()
	for _, w := range want {
		q, ok := quoteHolding(qs, w.text)
		switch {
		case !ok:
			t.Errorf("%q: no quote holds %q; got%s", in, w.text, show(qs))
		case q.Direct != w.direct:
			t.Errorf("%q: quote %q direct=%v; want %v", in, q.Text, q.Direct, w.direct)
		case w.speaker == "-" && q.Speaker != nil:
			t.Errorf("%q: quote %q speaker %q; want none", in, q.Text, *q.Speaker)
		case w.speaker != "" && w.speaker != "-" && (q.Speaker == nil || !strings.Contains(*q.Speaker, w.speaker)):
			t.Errorf("%q: quote %q; want speaker %q, got%s", in, q.Text, w.speaker, show([]article.Quote{q}))
		}
	}
}

// TestReportedAfterClosedQuote reads a cue that opens a new sentence after a quote closed by a full
// stop, and goes on with a clause, as that sentence's reported speech, not as the quote's cue.
func TestReportedAfterClosedQuote(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []wantQuote
	}{
		{`Ms Ferreira spoke at the harbour. “The ferries will run again.” She said the council had found the money for a new pier.`,
			[]wantQuote{{"the council had found the money", "Ferreira", false}, {"The ferries will run again.", "", true}}},
		// the quote goes on with the speaker before it, not the next sentence's new subject
		{`“The ferries will run again,” said Maria Ferreira. “The pier is safe.” Tom Albers argued that the pier needed new piles.`,
			[]wantQuote{{"the pier needed new piles", "Albers", false}, {"The pier is safe.", "Ferreira", true}}},
		{`Tom Albers ended the meeting early. “We are done here.” He told reporters the board would meet again in June.`,
			[]wantQuote{{"the board would meet again", "Albers", false}}},
		// a cue with only where and when after it is still the quote's
		{`Tom Albers ended the meeting early. “We are done here.” He said on Monday.`,
			[]wantQuote{{"We are done here.", "Albers", true}}},
	} {
		checkWanted(t, tc.in, spoken(t, tc.in), tc.want)
	}
}

// TestMixedEndsWithClosedQuote ends reported speech holding a quoted phrase at the phrase's closing
// mark when the phrase closes the sentence: the next sentence is not part of it.
func TestMixedEndsWithClosedQuote(t *testing.T) {
	in := `Ms Ferreira called for a policy of "Ferries For All." She told the crowd that the pier would open in May.`
	qs := spoken(t, in)
	checkWanted(t, in, qs, []wantQuote{{"the pier would open in May", "", false}})
	for _, q := range qs {
		if strings.Contains(q.Text, "Ferries") && strings.Contains(q.Text, "pier") {
			t.Errorf("%q: one quote runs over two sentences:%s", in, show([]article.Quote{q}))
		}
	}
}

// TestTitleIsNoQuote keeps the quoted name of a programme or book after "on X's" out of the quotes.
func TestTitleIsNoQuote(t *testing.T) {
	in := `“The port is safe,” Ms Ferreira said on Monday on Radio Harbour’s “Morning Tide.” “We will keep it so.”`
	qs := spoken(t, in)
	if q, ok := quoteHolding(qs, "Morning Tide"); ok {
		t.Errorf("%q: a programme's name is a quote:%s", in, show([]article.Quote{q}))
	}
	checkWanted(t, in, qs, []wantQuote{{"The port is safe", "Ferreira", true}})
}

// TestTrailingCueThenAdding reads "CONTENT, X said, adding (that) …" as two quotes by X, each with
// its own cue, however the second is marked.
func TestTrailingCueThenAdding(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []wantQuote
	}{
		{`The new ferry will sail from the harbour in the spring, Mr. Albers said, adding that the fares would stay low.`,
			[]wantQuote{{"The new ferry will sail", "Albers", false}, {"the fares would stay low", "Albers", false}}},
		{`The council will vote on the pier next week, Ms Ferreira said, adding, "We have the money now."`,
			[]wantQuote{{"The council will vote on the pier", "Ferreira", false}, {"We have the money now.", "Ferreira", true}}},
	} {
		checkWanted(t, tc.in, spoken(t, tc.in), tc.want)
	}
}

// TestNameRoleSaidIsNotInverted reads "NAME, a ROLE who …, said CLAUSE" and "NAME, who …, said he
// …" with NAME as the subject: what follows "said" is the clause said, never the speaker, and the
// words before the cue are not a quote. A clause before ", said X." is still X's.
func TestNameRoleSaidIsNotInverted(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []wantQuote
	}{
		{`Mayor Tom Albers of Dunmore, a Liberal who has opposed the plan, said the harbour deserved better.`,
			[]wantQuote{{"the harbour deserved better", "Albers", false}}},
		{`Albers, who has already written to the minister, said he may also go to the capital.`,
			[]wantQuote{{"he may also go to the capital", "Albers", false}}},
		{`Safety, speed and comfort would be the aims of the new ferry line, said Mr Albers.`,
			[]wantQuote{{"Safety, speed and comfort", "Albers", false}}},
		{`Currently, a crossing to the island takes three hours, says Mr Albers.`,
			[]wantQuote{{"a crossing to the island takes three hours", "Albers", false}}},
	} {
		qs := spoken(t, tc.in)
		checkWanted(t, tc.in, qs, tc.want)
		for _, q := range qs {
			if q.Speaker != nil && strings.Contains(*q.Speaker, "deserved") || strings.Contains(q.Text, "who has") {
				t.Errorf("%q: a clause as speaker or a subject as quote:%s", tc.in, show([]article.Quote{q}))
			}
		}
	}
}

// TestSubjectPastAside reads the subject of a cue across an aside between them: a party tag before
// an appositive, a connective adverb, a comparison or a participle phrase between commas.
func TestSubjectPastAside(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []wantQuote
	}{
		{`Sen. Maria Ferreira (D-Ore.), one of the authors of the bill, said she would vote for the compromise.`,
			[]wantQuote{{"she would vote for the compromise", "Ferreira", false}}},
		{`Harbour engineers, like their colleagues in the north, say the pier needs new piles.`,
			[]wantQuote{{"the pier needs new piles", "engineers", false}}},
		{`Tom Albers, however, said the ferries would not run before May.`,
			[]wantQuote{{"the ferries would not run", "Albers", false}}},
		{`On Friday Sen. Maria Ferreira (D-Ore.), a sponsor of the harbour bill in the Senate told reporters she expected a vote in May.`,
			[]wantQuote{{"she expected a vote in May", "Ferreira", false}}},
	} {
		checkWanted(t, tc.in, spoken(t, tc.in), tc.want)
	}
}

// TestWholeSubjectOfFinalCue reads the whole noun phrase between the last comma and a
// sentence-final cue, or between a quote and its cue, as the speaker's description.
func TestWholeSubjectOfFinalCue(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []wantQuote
	}{
		{`Fares will rise by a fifth next year, the harbour and transport secretary has said.`,
			[]wantQuote{{"Fares will rise by a fifth", "secretary", false}}},
		{`"We will open the new pier in May," the port authority's chief engineer Maria Ferreira said.`,
			[]wantQuote{{"We will open the new pier", "Ferreira", true}}},
	} {
		checkWanted(t, tc.in, spoken(t, tc.in), tc.want)
	}
}

// TestRestrictiveRelativeCue reads "X who/which said CLAUSE" without a comma as X's reported
// speech, with the relative pronoun as the mention, as after a comma.
func TestRestrictiveRelativeCue(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []wantQuote
	}{
		{`The ferry firm was fined by the Maritime Safety Agency which said it had ignored two warnings.`,
			[]wantQuote{{"it had ignored two warnings", "Maritime Safety Agency", false}}},
		{`The mayor met a harbour pilot who said the channel was too shallow for the new ferries.`,
			[]wantQuote{{"the channel was too shallow", "pilot", false}}},
	} {
		checkWanted(t, tc.in, spoken(t, tc.in), tc.want)
	}
}

// TestParticipleAfterQuoteCue reads "“…,” X said, adding that …" as a second quote by X: the
// participle's clause is reported speech with a cue of its own; a participle of manner is not.
func TestParticipleAfterQuoteCue(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []wantQuote
	}{
		{`Maria Ferreira opened the pier. “It is a good day for the town,” she said, adding that the ferries would start in May.`,
			[]wantQuote{{"It is a good day", "Ferreira", true}, {"the ferries would start in May", "Ferreira", false}}},
		{`Maria Ferreira opened the pier. “It is a good day for the town,” said Ms Ferreira, noting that trade had doubled since March.`,
			[]wantQuote{{"trade had doubled since March", "Ferreira", false}}},
	} {
		checkWanted(t, tc.in, spoken(t, tc.in), tc.want)
	}
	in := `Maria Ferreira opened the pier. “It is a good day for the town,” she said, smiling at the crowd on the quay.`
	if q, ok := quoteHolding(spoken(t, in), "the crowd"); ok {
		t.Errorf("%q: a participle of manner is a quote:%s", in, show([]article.Quote{q}))
	}
}

// TestCueInsideSubjectClause keeps the short subject before a cue that interrupts what was said
// ("The trouble, she writes, began …") as the first part of the quote.
func TestCueInsideSubjectClause(t *testing.T) {
	in := `The delay, Maria Ferreira writes, began with a dispute over the harbour lease.`
	checkWanted(t, in, spoken(t, in), []wantQuote{{"The delay", "Ferreira", false}, {"began with a dispute", "Ferreira", false}})
}

// TestOpeningCueClauses reads a cue clause that opens the sentence: "As X claimed, CONTENT" (even
// when what was said opens with "for") and "Sadly, said X, CONTENT".
func TestOpeningCueClauses(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []wantQuote
	}{
		{`As harbour master Tom Albers claimed, for most sailors the new channel is far too shallow.`,
			[]wantQuote{{"for most sailors the new channel", "Albers", false}}},
		{`Sadly, said the harbour board, the ferries will not run again before the spring.`,
			[]wantQuote{{"the ferries will not run again", "harbour board", false}}},
	} {
		checkWanted(t, tc.in, spoken(t, tc.in), tc.want)
	}
}

// TestNoSpeechReadIn keeps words that report nothing out of the quotes: a restrictive relative
// whose verb has a plain object, a sentence adverb before an interrupting cue, and a determiner
// alone before a verb after a question.
func TestNoSpeechReadIn(t *testing.T) {
	for _, tc := range []struct{ in, not string }{
		{`The port has long been a favourite of people who write harbour guides for sailors.`, "harbour guides"},
		{`Thus, the harbour board pointed out, the new pier can take larger ferries.`, "Thus"},
		{`Thus, the harbour board pointed out, 150 ferries can now use the pier.`, "Thus"},
		{`"Who will pay for it?" The proposed budget for the pier is: "Twelve million."`, ""},
	} {
		for _, q := range spoken(t, tc.in) {
			if tc.not != "" && strings.HasPrefix(q.Text, tc.not) || tc.not == "" && q.Cue == "proposed" {
				t.Errorf("%q: got%s", tc.in, show([]article.Quote{q}))
			}
		}
	}
}

// TestAddresseeNounBeforeThat keeps the addressee's common noun out of what was said: "told the
// Harbour Gazette newspaper that …".
func TestAddresseeNounBeforeThat(t *testing.T) {
	in := `Maria Ferreira told Harbour Gazette magazine that the ferries would run again in May.`
	qs := spoken(t, in)
	checkWanted(t, in, qs, []wantQuote{{"the ferries would run again", "Ferreira", false}})
	if q, ok := quoteHolding(qs, "magazine"); ok {
		t.Errorf("%q: the addressee in the quote:%s", in, show([]article.Quote{q}))
	}
}
