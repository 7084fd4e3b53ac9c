package quote

import (
	"strings"
	"testing"

	"github.com/newsmon/newsmon/pkg/article"
)

// TestObjectIsNoSpeech keeps the plain object of a verb of deeds out of reported speech: "announced
// plans for …", "confirmed the sale" name what the verb acts on, not words said.
func TestObjectIsNoSpeech(t *testing.T) {
	for _, s := range []string{
		"The board declared a special dividend of five cents a share.",
		"Ms Okafor recently announced plans for a new ferry terminal on the river.",
		"The firm confirmed the sale of its paper mill in the north.",
		"Mr Haldane revealed the new badge of the club at the stadium.",
		"The minister pointed to the growth of exports in the last quarter.",
	} {
		if got := spoken(t, s); len(got) != 0 {
			t.Errorf("%q: got quotes%s", s, show(got))
		}
	}
}

// TestObjectClauseIsSpeech keeps what the object-taking verbs report as a clause, an intent or a
// request.
func TestObjectClauseIsSpeech(t *testing.T) {
	for _, tc := range []struct{ in, text string }{
		{"The mayor denied he had taken money from the builders.", "he had taken money"},
		{"Ms Okafor announced the terminal would open in May.", "the terminal would open"},
		{"The firm confirmed, however, that the mill would close.", "the mill would close"},
		{"The union agreed to suspend the strike until March.", "to suspend the strike"},
		{"The mayor has denied all the allegations of bribery.", "all the allegations"},
		{"Union leaders maintain the company needs to hire more staff.", "the company needs to hire"},
		{"About 40 pct of respondents reported working fewer hours in May.", "working fewer hours"},
		{"Ms Okafor confirmed afterwards: \"I will give the money to the hospital.", "I will give the money"},
		{"The senator has acknowledged the reality of rising seas.", "the reality of rising seas"},
		{"The mayor admitted using the council's credit card.", "using the council's credit card"},
		{"She continues to insist, most recently in a radio interview, that the vote was fair.", "the vote was fair"},
		{"Mr Haldane urged the council to reopen the library.", "the council to reopen"},
	} {
		got := spoken(t, tc.in)
		if len(got) != 1 || !strings.Contains(got[0].Text, tc.text) {
			t.Errorf("%q: want one quote holding %q, got%s", tc.in, tc.text, show(got))
		}
	}
}

// TestRelativeClauseSubject gives a cue after "who"/"which" the antecedent or no one, never the
// verb's object: "X who urged Canada to …" is X's request, not Canada's.
func TestRelativeClauseSubject(t *testing.T) {
	for _, tc := range []struct{ in, speaker string }{
		{`Officials met several senators, including one who urged Norway to "act without delay" on the treaty.`, ""},
		{`The council met Ms Brandt, who urged Norway to "act without delay" on the treaty.`, "Brandt"},
		{`Officials met Hollis, who urged Norway to act without delay on the treaty.`, ""},
	} {
		for _, q := range spoken(t, tc.in) {
			if q.Speaker != nil && (*q.Speaker == "Norway" || strings.Contains(*q.Speaker, " met ")) || tc.speaker != "" && (q.Speaker == nil || !strings.Contains(*q.Speaker, tc.speaker)) {
				t.Errorf("%q: got%s", tc.in, show([]article.Quote{q}))
			}
		}
	}
}

// TestThingSubjectNamesNoSpeaker keeps a name after a thing's preposition from speaking: in "Market
// participation by Cuba suggests …" the participation is the subject, and no one speaks.
func TestThingSubjectNamesNoSpeaker(t *testing.T) {
	for _, s := range []string{
		"A rise in exports by Chile suggests that the copper price has turned.",
		"The collapse of Enron showed that auditors had failed.",
	} {
		for _, q := range spoken(t, s) {
			if q.Speaker != nil {
				t.Errorf("%q: got%s", s, show([]article.Quote{q}))
			}
		}
	}
	// a name after a thing but not the object of its preposition still speaks
	s := `Diane Abbott won in 1987. That was a rate of progress Ms Abbott described as "painful".`
	if got := spoken(t, s); len(got) != 1 || got[0].Speaker == nil {
		t.Errorf("%q: got%s", s, show(got))
	}
}

// TestNestedObjectCueBeforeQuote gives a quoted fragment at the end of reported words the outer
// speaker, not the subject of a verb inside those words ("said Peru would maintain its ban until
// prices reach “…”").
func TestNestedObjectCueBeforeQuote(t *testing.T) {
	s := `The minister, Ana Ruiz, said Chile would maintain its ban on copper exports until the price reaches "a fair level".`
	got := spoken(t, s)
	if len(got) != 1 || got[0].Speaker == nil || !strings.Contains(*got[0].Speaker, "Ruiz") {
		t.Errorf("%q: want one quote by Ruiz, got%s", s, show(got))
	}
}

// TestRequestsAreSpeech keeps a request made of someone as reported speech, however the object is
// written.
func TestRequestsAreSpeech(t *testing.T) {
	for _, s := range []string{
		"The charity is urging the regulator, Ofwat, to cut water bills.",
		"Ms Grey urged the club's left-back to stay until the summer.",
	} {
		if got := spoken(t, s); len(got) != 1 {
			t.Errorf("%q: want one quote, got%s", s, show(got))
		}
	}
}

// TestHeSheNeverAGroup keeps a he or she from resolving to a plural group ("banking sources … He
// said"): no speaker beats many people for one; "they" still goes on with the group.
func TestHeSheNeverAGroup(t *testing.T) {
	got := spoken(t, "Prices fell sharply on Monday, grain traders said. He said the harvest would be late.")
	for _, q := range got {
		if q.SpeakerMention != nil && q.SpeakerMention.Text == "He" && q.Speaker != nil {
			t.Errorf("he resolved to a group:%s", show([]article.Quote{q}))
		}
	}
	got = spoken(t, "Prices fell sharply on Monday, grain traders said. They said the harvest would be late.")
	if len(got) != 2 || got[1].Speaker == nil || *got[1].Speaker != "grain traders" {
		t.Errorf("they: want grain traders, got%s", show(got))
	}
}

// TestCommaOpensNextSpeaker ends reported speech at a comma that opens another speaker's clause
// with words of its own, and nowhere else.
func TestCommaOpensNextSpeaker(t *testing.T) {
	got := spoken(t, "The club said the striker would not be sold, Moreno insisted the board had misled him.")
	if len(got) != 2 || got[0].Text != "the striker would not be sold" || got[1].Speaker == nil || *got[1].Speaker != "Moreno" {
		t.Errorf("two speakers: got%s", show(got))
	}
	got = spoken(t, "Hartwell Oil said a jury in Lamar County, Texas, district court has found it owed nothing.")
	if len(got) != 1 {
		t.Errorf("a place's comma: got%s", show(got))
	}
	got = spoken(t, "He said the plan, which critics said was flawed, would be dropped.")
	if len(got) != 1 {
		t.Errorf("a relative clause: got%s", show(got))
	}
}

// TestParticipleIsNoSpeaker keeps "having" of "…, having complained …" from being the speaker.
func TestParticipleIsNoSpeaker(t *testing.T) {
	for _, q := range spoken(t, "In May the studio was shelving the film, having complained it was too long.") {
		if q.Speaker != nil && *q.Speaker == "having" {
			t.Errorf("got%s", show([]article.Quote{q}))
		}
	}
}

// TestNameIsNoContent keeps a company's name with its short form ("Norsk Stål AS, NSA, said the
// rise …") as the speaker, never as what was said, when the sentence ends early.
func TestNameIsNoContent(t *testing.T) {
	for _, q := range spoken(t, "Halden Mining Corp Plc, HMC, said the rise in output in the U.S.") {
		if strings.HasPrefix(q.Text, "Halden") {
			t.Errorf("the name is the content:%s", show([]article.Quote{q}))
		}
	}
}
