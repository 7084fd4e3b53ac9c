package quote

import (
	"strings"
	"testing"

	"github.com/newsmon/newsmon/pkg/article"
)

// speakerAt is the speaker ("" for none) of the first quote whose text starts with text, and
// whether there is one.
func speakerAt(qs []article.Quote, text string) (string, bool) {
	for _, q := range qs {
		if strings.HasPrefix(q.Text, text) {
			if q.Speaker == nil {
				return "", true
			}
			return *q.Speaker, true
		}
	}
	return "", false
}

// TestPlausibleSpeakers: a description that names no entity may speak only when its head denotes a
// person, a group of people or an organisation (WordNet's classes, pkg/extract/wordclass). A stock, an
// investigation, an episode, screens, a deal and an ad (the classes of issue #19's batch 2 phrases)
// speak for no one;
// people, bodies, counts of people and a name with a stray word after it keep their speaker.
func TestPlausibleSpeakers(t *testing.T) {
	for _, tc := range []struct {
		in, text, speaker string // text: the start of the quote's text; speaker "" = none
	}{
		{"The stock added that it expected higher sales next year.", "it expected", ""},
		{"The subsequent investigation found that the officers had acted lawfully.", "the officers", ""},
		{"The episode suggests that the party is deeply divided over trade.", "the party", ""},
		{"Giant screens over the arena declared that the team had won the title.", "the team", ""},
		{"The deal announced on Monday said the plant would close.", "the plant", ""},
		{"The ad says Clinton cannot be trusted with the economy.", "Clinton cannot", ""},
		{"The spokeswoman said the plant would reopen within a month.", "the plant", "The spokeswoman"},
		{"Residents said the water had been brown for three days.", "the water", "Residents"},
		{"Fifty-two percent of voters said the economy was their first concern.", "the economy", "Fifty-two percent of voters"},
		{"Multiple sources privy to the negotiations said the talks had stalled.", "the talks", "Multiple sources privy to the negotiations"},
		{"People briefed on the situation say the governor has revealed almost nothing.", "the governor", "People"},
		// the speaker one clause away: a relative or a preposition after a people noun
		{"Surety companies that had insured Patriot's reclamation obligations agreed to release millions in cash.", "to release", "Surety companies"},
		{"Experts on North Korea and nuclear nonproliferation said the latest nuclear test could change that.", "the latest", "Experts"},
		// a thing read as an earlier cue's subject is no pronoun's antecedent
		{"Ivanka Trump, the nominee's eldest daughter, noted the rule in the interview last week. She said parents who adopt would not be eligible.", "parents who adopt", "Ivanka Trump"},
	} {
		got := spoken(t, tc.in)
		speaker, found := speakerAt(got, tc.text)
		switch {
		case !found && tc.speaker != "":
			t.Errorf("%q: no quote starting %q in%s", tc.in, tc.text, show(got))
		case found && speaker != tc.speaker:
			t.Errorf("%q: speaker %q; want %q", tc.in, speaker, tc.speaker)
		}
	}
}

// TestSpeakerNounClasses pins the WordNet classes the check relies on.
func TestSpeakerNounClasses(t *testing.T) {
	for w, want := range map[string]bool{
		"spokeswoman": true, "officials": true, "ministry": true, "residents": true, "company": true,
		"treasury": true, "justice": true, "sources": true, "others": true, "cantons": true,
		"stock": false, "gains": false, "deal": false, "video": false, "screens": false, "situation": false,
	} {
		if got := speakerish(w); got != want {
			t.Errorf("speakerish(%q) = %v, want %v", w, got, want)
		}
	}
	if !numeral("4,051") || numeral("G7") || numeral("") {
		t.Errorf("numeral: 4,051 is one, G7 and the empty string are not")
	}
	for w, want := range map[string]byte{"stock": 't', "gains": 't', "just": 'a', "overall": 'a', "remark": 'd', "database": 'd'} {
		if got := nounClassOf(w); got != want {
			t.Errorf("nounClassOf(%q) = %q, want %q", w, got, want)
		}
	}
}

// TestReportIssuedByTheNextSpeaker: "…, a report says." followed by "The National Audit Office
// said …" credits the report to the body the next sentence gives as speaking, as a reader does
// (BBC leads); with no such sentence the report speaks for no one.
func TestReportIssuedByTheNextSpeaker(t *testing.T) {
	for _, tc := range []struct{ in, text, speaker string }{
		{"Teenagers from well-off backgrounds are six times more likely to go to university, a report says.\n\nThe National Audit Office said more people went to university between 1994 and 2000.",
			"Teenagers from", "National Audit Office"},
		{"Teenagers from well-off backgrounds are six times more likely to go to university, a report says.\n\nMore people went to university between 1994 and 2000.",
			"Teenagers from", ""},
	} {
		qs := spoken(t, tc.in)
		if got, ok := speakerAt(qs, tc.text); !ok || got != tc.speaker {
			t.Errorf("%q: quotes%s; want speaker %q", tc.in[:40], show(qs), tc.speaker)
		}
	}
}

// TestNominalBusinessAndTitle: "The bank said" in a story about one company is that company when the
// article calls it nothing more; a capitalised title with its place ("Senator from Texas says")
// stands for the person holding the title.
func TestNominalBusinessAndTitle(t *testing.T) {
	for _, tc := range []struct{ in, text, speaker string }{
		{"Wells Fargo fired 5,300 employees. Wells Fargo has paid a fine of $185 million.\n\nThe bank said it had fired the thousands of employees involved.",
			"it had fired", "Wells Fargo"},
		{"Sen. Ted Cruz met Trump on Friday.\n\nSenator from Texas says he will vote for Trump in November.",
			"he will vote", "Ted Cruz"},
	} {
		qs := spoken(t, tc.in)
		if got, ok := speakerAt(qs, tc.text); !ok || got != tc.speaker {
			t.Errorf("%q: quotes%s; want speaker %q", tc.in[:40], show(qs), tc.speaker)
		}
	}
}
